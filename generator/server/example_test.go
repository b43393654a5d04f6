package server_test

import (
	"fmt"
	"log"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"

	"github.com/faqcast/faqcast/generator/server"
)

// Serve a built site: its pages, with the live-reload script added to
// HTML on the way out (never to the files), its 404 page for unknown
// paths, and never a hidden file such as the output's manifest. A request
// for a host name that is not the server's own is refused.
func ExampleServer_ServeHTTP() {
	dir, err := os.MkdirTemp("", "faqcast-server")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	for name, text := range map[string]string{
		"index.html":        "<html><body><p>Home</p></body></html>\n",
		"404.html":          "<html><body><p>Not here</p></body></html>\n",
		".faqcast-manifest": "# faqcast manifest v1\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			log.Fatal(err)
		}
	}
	s, err := server.New(dir, "/")
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()
	for _, path := range []string{"/", "/nowhere/", "/.faqcast-manifest"} {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("GET", "http://localhost:1313"+path, nil))
		body := rec.Body.String()
		page, _, _ := strings.Cut(body[strings.Index(body, "<p>")+3:], "</p>")
		fmt.Println(path, rec.Code, page, strings.Contains(body, server.ScriptPath))
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "http://evil.example/", nil))
	fmt.Print(rec.Code, " ", rec.Body.String())
	// Output:
	// / 200 Home true
	// /nowhere/ 404 Not here true
	// /.faqcast-manifest 404 Not here true
	// 421 this server answers only requests for localhost, 127.0.0.1, [::1]
}
