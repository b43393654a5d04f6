package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/faqcast/faqcast/generator"
)

// TestCorpus checks that the corpus is the same on every run, and that it
// builds with no errors, checks included.
func TestCorpus(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		if code := run([]string{"-n", "60", "-o", dir}, io.Discard, io.Discard); code != 0 {
			t.Fatalf("exit %d", code)
		}
	}
	err := filepath.WalkDir(a, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, p)
		x, _ := os.ReadFile(p)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	g := &generator.Generator{Source: a, NoWrite: true}
	res, err := g.Build(context.Background(), generator.Change{Now: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatalf("the corpus does not build: %v", err)
	}
	if res.Entries != 60 || len(res.Queue.Items) == 0 {
		t.Errorf("%d entries, %d queued", res.Entries, len(res.Queue.Items))
	}
	if code := run([]string{"-n", "0"}, io.Discard, io.Discard); code != 2 {
		t.Errorf("a usage error exited %d, want 2", code)
	}
}
