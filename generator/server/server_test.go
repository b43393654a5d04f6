package server_test

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
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

// newServer returns a Server of dir, closed when the test ends.
func newServer(t *testing.T, dir, prefix string, hosts ...string) *server.Server {
	t.Helper()
	srv, err := server.New(dir, prefix, hosts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv
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
	srv := newServer(t, site(t), "/")
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
	srv := newServer(t, site(t), "/care/")
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
	srv := newServer(t, site(t), "/")
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

// TestServeHosts checks that only requests for the server's own host names
// are answered, whatever the port, and that the refusal names those hosts
// and echoes nothing of the request.
func TestServeHosts(t *testing.T) {
	dir := site(t)
	for _, tc := range []struct {
		host  string
		extra []string // hosts given to New besides the loopback ones
		ok    bool
	}{
		{"localhost", nil, true},
		{"localhost:1313", nil, true},
		{"LocalHost:1313", nil, true},
		{"localhost:8080", nil, true}, // a forwarded port
		{"127.0.0.1", nil, true},
		{"127.0.0.1:1313", nil, true},
		{"[::1]", nil, true},
		{"[::1]:1313", nil, true},
		{"[0:0:0:0:0:0:0:1]:1313", nil, true},

		{"evil.example", nil, false},
		{"evil.example:1313", nil, false},
		{"EVIL.example:1313", nil, false},
		{"", nil, false},
		// Names a DNS rebinding attack points at 127.0.0.1.
		{"127.0.0.1.evil.example:1313", nil, false},
		{"7f000001.c0a80001.rebind.example:1313", nil, false},
		{"localhost.evil.example", nil, false},
		{"localhost.", nil, false},
		// Other spellings of a loopback address, and other loopback
		// addresses, are not the server's names.
		{"2130706433:1313", nil, false},
		{"0x7f000001", nil, false},
		{"127.1", nil, false},
		{"0177.0.0.1", nil, false},
		{"127.0.0.2", nil, false},
		{"[::ffff:127.0.0.1]:1313", nil, false},
		{"0.0.0.0:1313", nil, false},
		// Malformed hosts.
		{"::1", nil, false},
		{"[::1", nil, false},
		{"[127.0.0.1]", nil, false},
		{"localhost:http", nil, false},
		{"localhost:1313:1313", nil, false},
		{"localhost:123456", nil, false},

		// The address the server listens on, given to New.
		{"192.168.1.20:1313", nil, false},
		{"192.168.1.20:1313", []string{"192.168.1.20"}, true},
		{"192.168.1.21:1313", []string{"192.168.1.20"}, false},
		{"evil.example", []string{"192.168.1.20"}, false},
		{"[fd00::20]:1313", []string{"fd00::20"}, true},
		{"[fd00:0::20]", []string{"[fd00::20]"}, true},
		{"dev-box:1313", []string{"Dev-Box"}, true},
		{"dev-box.evil.example", []string{"Dev-Box"}, false},
		{"0.0.0.0:1313", []string{"0.0.0.0"}, true},
	} {
		t.Run(strings.Join(append([]string{tc.host}, tc.extra...), " "), func(t *testing.T) {
			srv := newServer(t, dir, "/", tc.extra...)
			req := httptest.NewRequest("GET", "/faq/a/", nil)
			req.Host = tc.host
			w := httptest.NewRecorder()
			srv.ServeHTTP(w, req)
			body := w.Body.String()
			if tc.ok {
				if w.Code != 200 || !strings.Contains(body, "<h1>A</h1>") {
					t.Errorf("refused: %d %q", w.Code, body)
				}
				return
			}
			if w.Code != http.StatusMisdirectedRequest {
				t.Errorf("status %d, want 421", w.Code)
			}
			if ct := w.Header().Get("Content-Type"); ct != "text/plain; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
			want := "this server answers only requests for " + strings.Join(append([]string{"localhost", "127.0.0.1", "[::1]"}, normalized(tc.extra)...), ", ") + "\n"
			if body != want {
				t.Errorf("body %q, want %q", body, want)
			}
		})
	}
}

// normalized spells hosts as the refusal names them.
func normalized(hosts []string) []string {
	var out []string
	for _, h := range hosts {
		switch h {
		case "fd00::20":
			h = "[fd00::20]"
		case "Dev-Box":
			h = "dev-box"
		}
		out = append(out, h)
	}
	return out
}

// TestServeHostAbsoluteURL sends requests over a real connection: the
// host of a request whose target is an absolute URL is the URL's, not the
// Host header's.
func TestServeHostAbsoluteURL(t *testing.T) {
	srv := newServer(t, site(t), "/")
	ts := httptest.NewServer(srv)
	defer ts.Close()
	for _, tc := range []struct {
		request string
		status  int
	}{
		{"GET /faq/a/ HTTP/1.1\r\nHost: localhost:1313\r\n", 200},
		{"GET /faq/a/ HTTP/1.1\r\nHost: evil.example\r\n", 421},
		{"GET http://evil.example/faq/a/ HTTP/1.1\r\nHost: localhost:1313\r\n", 421},
		{"GET http://localhost:1313/faq/a/ HTTP/1.1\r\nHost: evil.example\r\n", 200},
		{"GET /faq/a/ HTTP/1.0\r\n", 421},
	} {
		conn, err := net.Dial("tcp", ts.Listener.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(conn, tc.request+"Connection: close\r\n\r\n"); err != nil {
			t.Fatal(err)
		}
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatalf("%q: %v", tc.request, err)
		}
		resp.Body.Close()
		conn.Close()
		if resp.StatusCode != tc.status {
			t.Errorf("%q: status %d, want %d", tc.request, resp.StatusCode, tc.status)
		}
	}
}

// TestServeSecurityHeaders checks the headers of every kind of response:
// pages, the 404 page, the live-reload script, other files, redirects,
// refusals, the event stream, and the 404 of a site not built yet.
func TestServeSecurityHeaders(t *testing.T) {
	dir := site(t)
	srv := newServer(t, dir, "/")
	unbuilt, err := server.New(t.TempDir(), "/")
	if err != nil {
		t.Fatal(err)
	}
	defer unbuilt.Close()
	want := map[string]string{
		"Content-Security-Policy": server.ContentSecurityPolicy,
		"Referrer-Policy":         "no-referrer",
		"X-Frame-Options":         "DENY",
		"X-Content-Type-Options":  "nosniff",
	}
	check := func(t *testing.T, h http.Header) {
		t.Helper()
		for k, v := range want {
			if got := h.Values(k); len(got) != 1 || got[0] != v {
				t.Errorf("%s: %q, want %q", k, got, v)
			}
		}
	}
	for _, tc := range []struct {
		name               string
		srv                *server.Server
		method, host, path string
		status             int
		ctype              string
	}{
		{"page", srv, "GET", "localhost:1313", "/faq/a/", 200, "text/html; charset=utf-8"},
		{"404 page", srv, "GET", "localhost:1313", "/missing/", 404, "text/html; charset=utf-8"},
		{"hidden file", srv, "GET", "localhost:1313", "/.faqcast-manifest", 404, "text/html; charset=utf-8"},
		{"live.js", srv, "GET", "localhost:1313", server.ScriptPath, 200, "text/javascript; charset=utf-8"},
		{"style sheet", srv, "GET", "127.0.0.1:1313", "/style.css", 200, "text/css; charset=utf-8"},
		{"HEAD", srv, "HEAD", "[::1]:1313", "/", 200, "text/html; charset=utf-8"},
		{"redirect", srv, "GET", "localhost:1313", "/faq/a", 301, ""},
		{"POST", srv, "POST", "localhost:1313", "/", 405, "text/plain; charset=utf-8"},
		{"refused", srv, "GET", "evil.example", "/faq/a/", 421, "text/plain; charset=utf-8"},
		{"refused script", srv, "GET", "evil.example", server.ScriptPath, 421, "text/plain; charset=utf-8"},
		{"refused POST", srv, "POST", "evil.example", "/", 421, "text/plain; charset=utf-8"},
		{"unbuilt 404", unbuilt, "GET", "localhost:1313", "/", 404, "text/html; charset=utf-8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest(tc.method, tc.path, nil)
			req.Host = tc.host
			w := httptest.NewRecorder()
			tc.srv.ServeHTTP(w, req)
			if w.Code != tc.status {
				t.Errorf("status %d, want %d", w.Code, tc.status)
			}
			if ct := w.Header().Get("Content-Type"); tc.ctype != "" && ct != tc.ctype {
				t.Errorf("Content-Type %q, want %q", ct, tc.ctype)
			}
			check(t, w.Header())
		})
	}

	t.Run("unbuilt 404 reloads", func(t *testing.T) {
		w := get(t, unbuilt, "GET", "/faq/a/")
		if !strings.Contains(w.Body.String(), `<script src="/_faqcast/live.js"></script>`) {
			t.Errorf("the 404 of a site not built yet lacks the live-reload script: %q", w.Body.String())
		}
	})

	t.Run("event stream", func(t *testing.T) {
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
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/event-stream" {
			t.Errorf("%d %q", resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		check(t, resp.Header)
	})
}

// TestContentSecurityPolicy checks what the policy allows: the site's own
// scripts, style sheets and images and the event stream, and nothing
// inline but style attributes, nothing from elsewhere, no framing.
func TestContentSecurityPolicy(t *testing.T) {
	policy := map[string]string{}
	for _, d := range strings.Split(server.ContentSecurityPolicy, ";") {
		name, value, _ := strings.Cut(strings.TrimSpace(d), " ")
		if _, dup := policy[name]; dup {
			t.Errorf("%s given twice", name)
		}
		policy[name] = value
	}
	for name, value := range map[string]string{
		"default-src":     "'none'",
		"script-src":      "'self'", // live.js; no inline script, no eval
		"style-src":       "'self'",
		"style-src-attr":  "'unsafe-inline'", // aligned table columns
		"img-src":         "'self'",
		"connect-src":     "'self'", // the event stream
		"frame-ancestors": "'none'",
		"base-uri":        "'none'",
		"form-action":     "'none'",
	} {
		if policy[name] != value {
			t.Errorf("%s %q, want %q", name, policy[name], value)
		}
	}
	for name, value := range policy {
		if strings.Contains(value, "*") || strings.Contains(value, "http") || strings.Contains(value, "data:") ||
			strings.Contains(value, "unsafe") && name != "style-src-attr" {
			t.Errorf("%s %s lets in more than the site", name, value)
		}
	}
}

// TestListenHosts checks the names a server is reached by, given the
// address it listens on.
func TestListenHosts(t *testing.T) {
	for _, tc := range []struct {
		bind string
		want []string
	}{
		{"127.0.0.1", []string{"127.0.0.1"}},
		{"localhost", []string{"localhost"}},
		{"192.0.2.7", []string{"192.0.2.7"}},
		{"::1", []string{"[::1]"}},
		{"[2001:db8::7]", []string{"[2001:db8::7]"}},
		{"dev-box.lan", []string{"dev-box.lan"}},
	} {
		if got := server.ListenHosts(tc.bind); !slices.Equal(got, tc.want) {
			t.Errorf("ListenHosts(%q) = %q, want %q", tc.bind, got, tc.want)
		}
	}

	name, err := os.Hostname()
	if err != nil {
		t.Skip("no host name:", err)
	}
	for _, bind := range []string{"", "0.0.0.0", "::", "[::]"} {
		hosts := server.ListenHosts(bind)
		for _, want := range []string{"0.0.0.0", "[::]", name, "127.0.0.1"} {
			if !slices.Contains(hosts, want) {
				t.Errorf("ListenHosts(%q) = %q, lacks %q", bind, hosts, want)
			}
		}
		// A server bound to every interface answers to the machine's name.
		srv, err := server.New(site(t), "/", hosts...)
		if err != nil {
			t.Fatal(err)
		}
		req := httptest.NewRequest("GET", "/faq/a/", nil)
		req.Host = strings.ToUpper(name) + ":1313"
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, req)
		if w.Code != 200 {
			t.Errorf("bound to %q: Host %q got %d", bind, req.Host, w.Code)
		}
		srv.Close()
	}
}
