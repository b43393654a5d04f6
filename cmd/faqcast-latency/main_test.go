package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestPercentile(t *testing.T) {
	ms := func(v ...int) []time.Duration {
		out := make([]time.Duration, len(v))
		for i, x := range v {
			out[i] = time.Duration(x) * time.Millisecond
		}
		return out
	}
	twenty := ms(20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1)
	for _, tc := range []struct {
		lat  []time.Duration
		p    int
		want time.Duration
	}{
		{nil, 50, 0},
		{ms(7), 50, 7 * time.Millisecond},
		{ms(7), 95, 7 * time.Millisecond},
		{ms(3, 1, 2), 50, 2 * time.Millisecond},
		{twenty, 50, 10 * time.Millisecond}, // the 10th of 20
		{twenty, 95, 19 * time.Millisecond}, // the 19th of 20
		{twenty, 100, 20 * time.Millisecond},
	} {
		if got := percentile(tc.lat, tc.p); got != tc.want {
			t.Errorf("percentile(%v, %d) = %v, want %v", tc.lat, tc.p, got, tc.want)
		}
	}
}

// serveFile serves the file's bytes once the server has known them for
// delay, as a server that rebuilds after every save does, and the bytes it
// served before until then.
func serveFile(t *testing.T, file string, delay time.Duration) *httptest.Server {
	t.Helper()
	var mu sync.Mutex
	var shown, seen []byte
	var since time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data, err := os.ReadFile(file)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		mu.Lock()
		defer mu.Unlock()
		if !bytes.Equal(data, seen) {
			seen, since = data, time.Now()
		}
		if time.Since(since) >= delay {
			shown = seen
		}
		w.Write(shown)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestRun(t *testing.T) {
	file := filepath.Join(t.TempDir(), "q.md")
	orig := []byte("---\ntitle: Q?\n---\nBody.\n")
	if err := os.WriteFile(file, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	srv := serveFile(t, file, 20*time.Millisecond)
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"-n", "3", "-gap", "0", srv.URL, file}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if len(lines) != 2 || len(strings.Fields(strings.TrimPrefix(lines[0], "edit -> served (ms):"))) != 3 ||
		!strings.HasPrefix(lines[1], "p50 ") || !strings.Contains(lines[1], "(3 edits)") {
		t.Fatalf("output %q", stdout.String())
	}
	// Every edit took at least the server's delay.
	for _, f := range strings.Fields(strings.TrimPrefix(lines[0], "edit -> served (ms):")) {
		if ms, err := strconv.Atoi(f); err != nil || ms < 20 {
			t.Errorf("latency %q ms: not a number, or shorter than the server's 20 ms", f)
		}
	}
	if got, _ := os.ReadFile(file); !bytes.Equal(got, orig) {
		t.Errorf("the file was not put back: %q", got)
	}
}

func TestEditSummary(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"---\ntitle: Q?\nsummary: \"A short answer.\"\n---\nBody.\n", "---\ntitle: Q?\nsummary: \"Edit 1. A short answer.\"\n---\nBody.\n"},
		{"summary:   plain words\n", "summary:   Edit 1. plain words\n"},
		{"title: Q?\nsummary: 'quoted'\n", "title: Q?\nsummary: 'Edit 1. quoted'\n"},
	} {
		file := filepath.Join(t.TempDir(), "q.md")
		if err := os.WriteFile(file, []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := editSummary(file, []byte(tc.in), "Edit 1."); err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(file); string(got) != tc.want {
			t.Errorf("editSummary(%q) gave %q, want %q", tc.in, got, tc.want)
		}
	}
	file := filepath.Join(t.TempDir(), "q.md")
	if err := editSummary(file, []byte("---\ntitle: Q?\n---\nBody with no summary: at all.\n"), "Edit 1."); err == nil || !strings.Contains(err.Error(), `no line that starts with "summary:"`) {
		t.Errorf("a file without a summary: %v", err)
	}
}

func TestRunSummary(t *testing.T) {
	file := filepath.Join(t.TempDir(), "q.md")
	orig := []byte("---\ntitle: Q?\nsummary: An answer.\n---\nBody.\n")
	if err := os.WriteFile(file, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	srv := serveFile(t, file, 5*time.Millisecond)
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"-n", "2", "-gap", "0", "-summary", srv.URL, file}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "(2 edits)") {
		t.Errorf("output %q", stdout.String())
	}
	if got, _ := os.ReadFile(file); !bytes.Equal(got, orig) {
		t.Errorf("the file was not put back: %q", got)
	}
}

func TestRunTimeout(t *testing.T) {
	file := filepath.Join(t.TempDir(), "q.md")
	orig := []byte("Body.\n")
	if err := os.WriteFile(file, orig, 0o600); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("never")) }))
	defer srv.Close()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"-timeout", "50ms", srv.URL, file}, &stdout, &stderr)
	if code != 1 || !strings.Contains(stderr.String(), "edit 1: "+srv.URL+" did not show the edit in time") {
		t.Fatalf("exit %d, stderr %q", code, stderr.String())
	}
	got, _ := os.ReadFile(file)
	fi, _ := os.Stat(file)
	if !bytes.Equal(got, orig) || fi.Mode().Perm() != 0o600 {
		t.Errorf("the file was not put back: %q, %v", got, fi.Mode())
	}
}

func TestRunUsage(t *testing.T) {
	for _, args := range [][]string{{}, {"http://x/"}, {"-n", "0", "http://x/", "f"}, {"-bogus"}} {
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), args, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), "usage: faqcast-latency") {
			t.Errorf("run(%q) = %d, stderr %q; want 2 and the usage", args, code, stderr.String())
		}
	}
	var stdout bytes.Buffer
	if code := run(context.Background(), []string{"-h"}, &stdout, &bytes.Buffer{}); code != 0 || !strings.Contains(stdout.String(), "Example:") {
		t.Errorf("-h: %d, %q", code, stdout.String())
	}
}
