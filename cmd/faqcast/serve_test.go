package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
	"time"
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
