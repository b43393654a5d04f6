package server_test

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/faqcast/faqcast/generator/server"
	"github.com/faqcast/faqcast/internal/diag"
)

// site writes a small built site and returns its folder and a secret file
// beside it that must never be served.
func site(t *testing.T) string {
	t.Helper()
	top := t.TempDir()
	dir := filepath.Join(top, "public")
	for name, data := range map[string]string{
		"index.html":                "<!DOCTYPE html><html><body><h1>Home</h1></body></html>\n",
		"faq/a/index.html":          "<!DOCTYPE html><html><body><h1>A</h1></BODY></html>\n",
		"404.html":                  "<!DOCTYPE html><html><body><h1>Not found</h1></body></html>\n",
		"style.css":                 "body { color: black; } /* </body> */\n",
		"social/publish/queue.json": `{"version":1}` + "\n",
		"social/.faqcast-tmp-publish-x1/queue.json": `{"version":1,"build":"half-written"}` + "\n",
		".faqcast-manifest":                         "# faqcast manifest v1\n",
		"faq/empty/notes.txt":                       "no index here\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(top, "secret.txt"), []byte("patient list"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(top, "secret.txt"), filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func get(t *testing.T, h http.Handler, method, target string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, "http://127.0.0.1:1313/", nil)
	req.URL.Path = target // as sent, not cleaned by the client
	req.URL.RawPath = ""
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

func TestServeFiles(t *testing.T) {
	srv, err := server.New(site(t), "/")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	script := `<script src="/_faqcast/live.js"></script>`
	for _, tc := range []struct {
		method, path string
		status       int
		body         string // must contain
		not          string // must not contain
		location     string
	}{
		{"GET", "/", 200, "<h1>Home</h1>" + script + "\n</body>", "", ""},
		{"GET", "/faq/a/", 200, "<h1>A</h1>" + script + "\n</BODY>", "", ""},
		{"GET", "/faq/a", 301, "", "", "/faq/a/"},
		{"GET", "/faq/a/index.html", 200, "<h1>A</h1>", "", ""},
		{"GET", "/style.css", 200, "/* </body> */", "live.js", ""},
		{"GET", "/social/publish/queue.json", 200, `{"version":1}`, "live.js", ""},
		{"GET", "/social/.faqcast-tmp-publish-x1/queue.json", 404, "Not found", "half-written", ""},
		{"GET", "/missing/", 404, "<h1>Not found</h1>" + script, "", ""},
		{"GET", "/faq/empty/", 404, "<h1>Not found</h1>", "", ""},
		{"GET", "/.faqcast-manifest", 404, "Not found", "manifest v1", ""},
		{"GET", "/../secret.txt", 404, "Not found", "patient list", ""},
		{"GET", "/faq/../../secret.txt", 404, "Not found", "patient list", ""},
		{"GET", "/%2e%2e/secret.txt", 404, "Not found", "patient list", ""},
		{"GET", "/..%2fsecret.txt", 404, "Not found", "patient list", ""},
		{"GET", `/..\secret.txt`, 404, "Not found", "patient list", ""},
		{"GET", "/link.txt", 404, "Not found", "patient list", ""},
		{"GET", "/_faqcast/live.js", 200, "EventSource", "", ""},
		{"HEAD", "/", 200, "", "", ""},
		{"POST", "/", 405, "method not allowed", "", ""},
	} {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			w := get(t, srv, tc.method, tc.path)
			body := w.Body.String()
			if w.Code != tc.status {
				t.Errorf("status %d, want %d (body %q)", w.Code, tc.status, body)
			}
			if !strings.Contains(body, tc.body) {
				t.Errorf("body %q lacks %q", body, tc.body)
			}
			if tc.not != "" && strings.Contains(body, tc.not) {
				t.Errorf("body %q holds %q", body, tc.not)
			}
			if loc := w.Header().Get("Location"); loc != tc.location {
				t.Errorf("Location %q, want %q", loc, tc.location)
			}
			if tc.method == "HEAD" && body != "" {
				t.Errorf("HEAD sent a body")
			}
		})
	}
	// The files on disk never get the script.
	if data, _ := os.ReadFile(filepath.Join(srv2dir(t), "index.html")); strings.Contains(string(data), "live.js") {
		t.Error("the script reached the file on disk")
	}
}

// srv2dir builds a fresh site to check the disk after serving.
func srv2dir(t *testing.T) string {
	dir := site(t)
	srv, _ := server.New(dir, "/")
	defer srv.Close()
	get(t, srv, "GET", "/")
	return dir
}

func TestServePrefix(t *testing.T) {
	srv, err := server.New(site(t), "/care/")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if w := get(t, srv, "GET", "/"); w.Code != http.StatusFound || w.Header().Get("Location") != "/care/" {
		t.Errorf("/ gave %d %q", w.Code, w.Header().Get("Location"))
	}
	if w := get(t, srv, "GET", "/care/faq/a/"); w.Code != 200 || !strings.Contains(w.Body.String(), "<h1>A</h1>") {
		t.Errorf("/care/faq/a/ gave %d", w.Code)
	}
	if w := get(t, srv, "GET", "/faq/a/"); w.Code != 404 {
		t.Errorf("/faq/a/ outside the prefix gave %d", w.Code)
	}
}

// TestServeEvents reads the event stream over a real connection while
// builds succeed and fail.
func TestServeEvents(t *testing.T) {
	srv, err := server.New(site(t), "/")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	ts := httptest.NewServer(srv)
	defer ts.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", ts.URL+server.EventsPath, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("Content-Type %q", ct)
	}
	r := bufio.NewReader(resp.Body)
	next := func() server.State {
		t.Helper()
		var st server.State
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				t.Fatalf("reading events: %v", err)
			}
			if data, ok := strings.CutPrefix(line, "data: "); ok {
				if err := json.Unmarshal([]byte(data), &st); err != nil {
					t.Fatal(err)
				}
				return st
			}
		}
	}
	if st := next(); st.Build != 0 || len(st.Errors) != 0 {
		t.Errorf("first state %+v", st)
	}
	srv.Built(nil)
	if st := next(); st.Build != 1 || len(st.Errors) != 0 {
		t.Errorf("after a build: %+v", st)
	}
	bad := errors.Join(diag.Errorf("content/a.md", diag.Pos{Line: 3, Col: 1}, "unknown key %q", "sumary").WithHint("did you mean \"summary\"?"))
	srv.Built(bad)
	st := next()
	if st.Build != 1 || len(st.Errors) != 1 || st.Errors[0] != "content/a.md:3:1: unknown key \"sumary\"\n    hint: did you mean \"summary\"?" {
		t.Errorf("after a failed build: %+v", st)
	}
	srv.Built(nil)
	if st := next(); st.Build != 2 || len(st.Errors) != 0 {
		t.Errorf("after the fix: %+v", st)
	}
	cancel()
	_, _ = io.Copy(io.Discard, resp.Body)
}
