package main

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/faqcast/faqcast/generator/server"
)

// TestServeStopsCleanly runs 'faqcast serve' and 'faqcast build --watch' in
// this process, ends their context, and checks that they return promptly
// and leave no goroutine behind.
func TestServeStopsCleanly(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content"), 0o755)
	os.WriteFile(filepath.Join(dir, "faqcast.yaml"), []byte("base_url: https://clinic.example/\npractice: {name: Test Clinic, phone: \"(555) 010-0199\"}\n"+
		"staff: [{id: ana, name: Ana Lopez, role: physician, hipaa_trained: true}]\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "content/a.md"), []byte("---\ntitle: A?\nsummary: B.\nreviewed_by: ana\nreviewed_on: 2026-10-01\n---\n"), 0o644)

	for _, args := range [][]string{
		{"serve", "--source", dir, "--port", strconv.Itoa(freePort(t))},
		{"build", "--watch", "--source", dir},
	} {
		t.Run(args[0], func(t *testing.T) {
			runtime.GC()
			before := runtime.NumGoroutine()
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan int, 1)
			go func() { done <- run(ctx, args, io.Discard, io.Discard) }()
			if args[0] == "serve" {
				waitUp(t, "http://127.0.0.1:"+args[4]+"/faq/a/")
			} else {
				time.Sleep(200 * time.Millisecond) // let it build and start watching
			}
			cancel()
			select {
			case code := <-done:
				if code != 0 {
					t.Errorf("exit %d", code)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("did not stop within 5 s of its context ending")
			}
			deadline := time.Now().Add(3 * time.Second)
			for {
				runtime.GC()
				n := runtime.NumGoroutine()
				if n <= before {
					break
				}
				if time.Now().After(deadline) {
					buf := make([]byte, 1<<16)
					t.Fatalf("%d goroutines before, %d after:\n%s", before, n, buf[:runtime.Stack(buf, true)])
				}
				time.Sleep(20 * time.Millisecond)
			}
		})
	}
}

// serveSite writes a site with one entry that has no sources, which makes
// one warning, and returns its folder.
func serveSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	save(t, dir, "faqcast.yaml", "base_url: https://clinic.example/\npractice: {name: Test Clinic, phone: \"(555) 010-0199\"}\n"+
		"staff: [{id: ana, name: Ana Lopez, role: physician, hipaa_trained: true}]\n")
	save(t, dir, "content/a.md", "---\ntitle: Do you offer flu shots?\nsummary: Yes, every fall.\nreviewed_by: ana\nreviewed_on: 2026-10-01\n---\n\nFirst text.\n")
	return dir
}

// save writes a file below dir as editors save: a temporary file renamed
// over it.
func save(t *testing.T, dir, name, text string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p+".tmp", []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(p+".tmp", p); err != nil {
		t.Fatal(err)
	}
}

// startServe runs 'faqcast serve' with args in this process until the test
// ends, and returns its output.
func startServe(t *testing.T, args ...string) (stdout, stderr *syncBuffer, stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	stdout, stderr = new(syncBuffer), new(syncBuffer)
	done := make(chan int, 1)
	go func() { done <- run(ctx, append([]string{"serve"}, args...), stdout, stderr) }()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			select {
			case code := <-done:
				if code != 0 {
					t.Errorf("serve exited %d\n%s", code, stderr.String())
				}
			case <-time.After(10 * time.Second):
				t.Error("serve did not stop within 10 s of its context ending")
			}
		})
	}
	t.Cleanup(stop)
	return stdout, stderr, stop
}

// waitBody waits until url answers 200 with a body holding text.
func waitBody(t *testing.T, url, text string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(url); err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == 200 && strings.Contains(string(body), text) {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s never showed %q within 20 s", url, text)
}

// TestServeBuildsOnceAtStart checks that 'faqcast serve' builds the site
// once before it serves, printing the site's one warning once, and then
// only after saves: the save made once it serves is a change, built once.
func TestServeBuildsOnceAtStart(t *testing.T) {
	dir := serveSite(t)
	port := strconv.Itoa(freePort(t))
	stdout, stderr, stop := startServe(t, "--source", dir, "--port", port)
	url := "http://127.0.0.1:" + port + "/faq/a/"
	waitUp(t, url)
	// Serving starts after the first build, which the watcher makes once
	// it watches every folder: this save is reported as a change.
	save(t, dir, "content/a.md", "---\ntitle: Do you offer flu shots?\nsummary: Yes, every fall.\nreviewed_by: ana\nreviewed_on: 2026-10-01\n"+
		"sources: [{title: Our vaccine guide, url: \"https://clinic.example/vaccines/\"}]\n---\n\nSecond text.\n")
	waitBody(t, url, "Second text.")
	// The page is written before the build reports it.
	for deadline := time.Now().Add(20 * time.Second); strings.Count(stdout.String(), "faqcast: built ") < 2 && time.Now().Before(deadline); {
		time.Sleep(20 * time.Millisecond)
	}
	stop()

	out, errs := stdout.String(), stderr.String()
	start, _, changed := strings.Cut(out, "faqcast: changed: ")
	if !changed {
		t.Fatalf("the save was not built as a change:\n%s", out)
	}
	if n := strings.Count(start, "faqcast: built "); n != 1 {
		t.Errorf("%d builds at start, want 1:\n%s", n, out)
	}
	if n := strings.Count(out, "faqcast: built "); n != 2 {
		t.Errorf("%d builds in all, want 2 (the start and the save):\n%s", n, out)
	}
	if !regexp.MustCompile(`\Afaqcast: built [^\n]*\nfaqcast: serving `).MatchString(out) {
		t.Errorf("serving did not start right after the first build:\n%s", out)
	}
	if n := strings.Count(errs, "REVIEW-SOURCES: no sources"); n != 1 {
		t.Errorf("the warning was printed %d times, want once:\n%s", n, errs)
	}
}

// TestServeAnswersOnlyItsHosts sends requests to 'faqcast serve' for its
// own host names and for others, and checks the answers and their headers.
func TestServeAnswersOnlyItsHosts(t *testing.T) {
	dir := serveSite(t)
	port := strconv.Itoa(freePort(t))
	startServe(t, "--source", dir, "--port", port)
	base := "http://127.0.0.1:" + port
	waitUp(t, base+"/faq/a/")

	// Bound to another loopback address, it answers to that too; not every
	// system lets a program listen on one.
	other := ""
	if ln, err := net.Listen("tcp", "127.0.0.2:0"); err == nil {
		ln.Close()
		other = strconv.Itoa(freePort(t))
		startServe(t, "--source", serveSite(t), "--dest", t.TempDir(), "--bind", "127.0.0.2", "--port", other)
		waitUp(t, "http://127.0.0.2:"+other+"/faq/a/")
	}

	for _, tc := range []struct {
		url, host string
		status    int
	}{
		{base + "/faq/a/", "localhost:" + port, 200},
		{base + "/faq/a/", "127.0.0.1:" + port, 200},
		{base + "/faq/a/", "[::1]:" + port, 200},
		{base + "/faq/a/", "localhost", 200},
		{base + "/nowhere/", "localhost:" + port, 404},
		{base + "/_faqcast/live.js", "localhost:" + port, 200},
		{base + "/faq/a/", "evil.example", 421},
		{base + "/faq/a/", "evil.example:" + port, 421},
		{base + "/faq/a/", "127.0.0.1.evil.example:" + port, 421},
		{base + "/_faqcast/live.js", "evil.example:" + port, 421},
		{base + "/faq/a/", "127.0.0.2:" + port, 421},
		{"http://127.0.0.2:" + other + "/faq/a/", "127.0.0.2:" + other, 200},
		{"http://127.0.0.2:" + other + "/faq/a/", "localhost:" + other, 200},
		{"http://127.0.0.2:" + other + "/faq/a/", "127.0.0.3:" + other, 421},
		{"http://127.0.0.2:" + other + "/faq/a/", "evil.example", 421},
	} {
		if strings.Contains(tc.url, "127.0.0.2") && other == "" {
			continue
		}
		t.Run(tc.host+" "+tc.url, func(t *testing.T) {
			req, err := http.NewRequest("GET", tc.url, nil)
			if err != nil {
				t.Fatal(err)
			}
			req.Host = tc.host
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tc.status {
				t.Errorf("status %d, want %d: %s", resp.StatusCode, tc.status, body)
			}
			if tc.status == 421 && !strings.HasPrefix(string(body), "this server answers only requests for localhost, 127.0.0.1, [::1]") {
				t.Errorf("body %q", body)
			}
			for k, v := range map[string]string{
				"Content-Security-Policy": server.ContentSecurityPolicy,
				"Referrer-Policy":         "no-referrer",
				"X-Frame-Options":         "DENY",
				"X-Content-Type-Options":  "nosniff",
			} {
				if got := resp.Header.Get(k); got != v {
					t.Errorf("%s %q, want %q", k, got, v)
				}
			}
		})
	}
}

// TestBrowserServeContentSecurityPolicy opens every page of a site, as
// 'faqcast serve' serves it, in headless Chromium, and checks that the
// policy blocks nothing the pages load: their style sheet, images, the
// style attributes of aligned table columns, the live-reload script and
// its event stream. Then it plants an inline script and an image from
// elsewhere, which the policy must block.
func TestBrowserServeContentSecurityPolicy(t *testing.T) {
	exe := chromium(t)
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/a11y-site")); err != nil {
		t.Fatal(err)
	}
	img := image.NewNRGBA(image.Rect(0, 0, 64, 40))
	for i := range img.Pix {
		img.Pix[i] = 200
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"content/pharmacy.png", "content/desk.png"} {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	save(t, dir, "content/aligned.md", "---\ntitle: What do visits cost?\nsummary: It depends on the visit.\nreviewed_by: mgarcia\nreviewed_on: 2026-10-01\n"+
		"sources: [{title: Our price list, url: \"https://health.example.org/prices/\"}]\n"+
		"image: {src: desk.png, alt: The front desk, consent: stock}\n---\n\n"+
		"| Visit | Cost |\n|:--|--:|\n| Checkup | $0 |\n\n![The front desk](desk.png)\n")
	dest := t.TempDir()
	port := strconv.Itoa(freePort(t))
	stdout, stderr, _ := startServe(t, "--source", dir, "--dest", dest, "--port", port)
	base := "http://127.0.0.1:" + port + "/clinic/"
	waitUp(t, base+"faq/aligned/")

	bctx := newBrowser(t, exe)

	// Collect the policy's reports from the start: the first call starts
	// the browser.
	var mu sync.Mutex
	var blocked []string
	listen, stopListening := context.WithCancel(bctx)
	defer stopListening()
	messages := chromedp.Console(listen)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if strings.Contains(m.Text, "Content Security Policy") {
				mu.Lock()
				blocked = append(blocked, m.Text)
				mu.Unlock()
			}
		}
	}()

	pages := []string{"nowhere/"} // the 404 page, as a 404
	for _, p := range htmlPages(t, dest) {
		pages = append(pages, strings.TrimSuffix(p, "index.html"))
	}
	const loaded = `document.readyState === "complete" &&
		[...document.styleSheets].some(s => s.href && s.href.endsWith("/style.css") && s.cssRules.length > 0) &&
		[...document.images].every(i => i.complete && i.naturalWidth > 0) &&
		performance.getEntriesByType("resource").some(e => e.name.endsWith("/_faqcast/live.js"))`
	for _, p := range pages {
		if _, err := chromedp.Run(bctx, chromedp.Navigate(base+p)); err != nil {
			t.Fatalf("opening %s: %v\nserve said:\n%s%s", p, err, stdout.String(), stderr.String())
		}
		waitFor(t, bctx, loaded)
	}
	if _, err := chromedp.Run(bctx, chromedp.Navigate(base+"faq/aligned/")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, bctx, loaded+` && document.images.length === 2 && getComputedStyle(document.querySelector("td + td")).textAlign === "right"`)

	// Plant what the policy must block.
	planted, err := chromedp.Run(bctx, chromedp.Evaluate[bool](`(() => {
		const s = document.createElement("script");
		s.textContent = "window.planted = true";
		document.body.append(s);
		const i = document.createElement("img");
		i.src = "http://192.0.2.1/planted.png";
		document.body.append(i);
		return window.planted === true;
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if planted {
		t.Error("an inline script ran")
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		mu.Lock()
		got := slices.Clone(blocked)
		mu.Unlock()
		var script, image bool
		var others []string
		for _, text := range got {
			switch {
			case strings.Contains(text, "inline script"):
				script = true
			case strings.Contains(text, "192.0.2.1/planted.png"):
				image = true
			default:
				others = append(others, text)
			}
		}
		if len(others) > 0 {
			t.Fatalf("the policy blocked what a page loads:\n%s", strings.Join(others, "\n"))
		}
		if script && image {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the policy did not block the planted script and image; it reported:\n%s", strings.Join(got, "\n"))
		}
		time.Sleep(50 * time.Millisecond)
	}
}
