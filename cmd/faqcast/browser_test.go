package main

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromium returns the path of a Chromium to drive, or skips the test.
// .ci/install-chromium installs Debian's chromium package.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no Chromium found: run .ci/install-chromium (Debian's chromium package) to run the browser tests")
	return ""
}

// freePort returns a port nothing listens on now.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// syncBuffer is a bytes.Buffer safe for one writer and many readers.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestBrowserLiveReload runs 'faqcast serve', opens an entry's page in
// headless Chromium, edits the entry, and waits for the open page to show
// the new text by itself; then breaks the entry and waits for the error
// overlay, and fixes it and waits for the overlay to go.
func TestBrowserLiveReload(t *testing.T) {
	exe := chromium(t)
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		// Save as editors do: a temporary file renamed over the entry.
		tmp := p + ".tmp"
		if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, p); err != nil {
			t.Fatal(err)
		}
	}
	write("faqcast.yaml", "base_url: https://clinic.example/\npractice: {name: Test Clinic, phone: \"(555) 010-0199\"}\n"+
		"staff: [{id: ana, name: Ana Lopez, role: physician, hipaa_trained: true}]\n")
	entry := func(body string) string {
		return "---\ntitle: Do you offer flu shots?\nsummary: Yes, every fall.\nreviewed_by: ana\nreviewed_on: 2026-10-01\n---\n\n" + body + "\n"
	}
	write("content/flu.md", entry("First text."))

	port := freePort(t)
	ctx, stop := context.WithCancel(context.Background())
	var stdout, stderr syncBuffer
	exited := make(chan int, 1)
	go func() {
		exited <- run(ctx, []string{"serve", "--source", dir, "--port", strconv.Itoa(port)}, &stdout, &stderr)
	}()
	defer func() {
		stop()
		select {
		case code := <-exited:
			if code != 0 {
				t.Errorf("serve exited %d\n%s", code, stderr.String())
			}
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop within 10 s of its context ending")
		}
	}()
	base := "http://127.0.0.1:" + strconv.Itoa(port)
	waitUp(t, base+"/faq/flu/")

	bctx := newBrowser(t, exe)

	// The first Run starts the browser: it gets no timeout of its own, or
	// the timeout would stop the browser too.
	if _, err := chromedp.Run(bctx, chromedp.Navigate(base+"/faq/flu/")); err != nil {
		t.Fatalf("opening the page: %v\nserve said:\n%s%s", err, stdout.String(), stderr.String())
	}
	text, err := chromedp.Run(bctx, chromedp.Evaluate[string](`document.querySelector(".body").textContent`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "First text.") {
		t.Fatalf("page body %q", text)
	}
	// Give the page's event stream a moment to connect before the edit.
	waitFor(t, bctx, `typeof EventSource !== "undefined" && document.readyState === "complete"`)

	write("content/flu.md", entry("Second text, after an edit."))
	waitFor(t, bctx, `document.querySelector(".body") && document.querySelector(".body").textContent.includes("Second text, after an edit.")`)

	write("content/flu.md", "---\ntitle: Do you offer flu shots?\nsumary: typo\n---\n")
	waitFor(t, bctx, `document.getElementById("faqcast-errors") && document.getElementById("faqcast-errors").textContent.includes("unknown key \"sumary\"")`)
	overlay, err := chromedp.Run(bctx, chromedp.Evaluate[string](`document.getElementById("faqcast-errors").textContent`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(overlay, "content/flu.md:3:1") || !strings.Contains(overlay, `did you mean "summary"?`) {
		t.Errorf("overlay %q", overlay)
	}
	// The last good page is still served meanwhile.
	if resp, err := http.Get(base + "/faq/flu/"); err != nil || resp.StatusCode != 200 {
		t.Errorf("the last good page is not served: %v", err)
	} else {
		resp.Body.Close()
	}

	write("content/flu.md", entry("Third text, fixed."))
	waitFor(t, bctx, `!document.getElementById("faqcast-errors") && document.querySelector(".body") && document.querySelector(".body").textContent.includes("Third text, fixed.")`)
}

// waitUp waits until url answers 200.
// newBrowser returns the context of a new headless Chromium at exe, with
// a profile of its own and no background traffic, stopped when the test
// ends. The first chromedp.Run in it starts the browser.
func newBrowser(t *testing.T, exe string) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	return ctx
}

func waitUp(t *testing.T, url string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		resp, err := http.Get(url)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s did not come up within 15 s", url)
}

// waitFor polls a JavaScript condition in the page until it holds.
func waitFor(t *testing.T, ctx context.Context, cond string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		step, cancel := context.WithTimeout(ctx, 5*time.Second)
		ok, err := chromedp.Run(step, chromedp.Evaluate[bool](cond))
		cancel()
		if err == nil && ok {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("the page never met %s within 20 s", cond)
}
