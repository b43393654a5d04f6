package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faqcast/faqcast/generator"
)

// TestRebuildTellsCacheTrouble checks that the builds of 'faqcast serve'
// and 'build --watch' warn once about a cache folder they cannot use, not
// on every rebuild, and warn again when the trouble comes back after a
// build that met none.
func TestRebuildTellsCacheTrouble(t *testing.T) {
	dir := serveSite(t)
	blocker := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	bad, good := filepath.Join(blocker, "cache"), filepath.Join(t.TempDir(), "cache")
	var stdout, stderr bytes.Buffer
	g := &generator.Generator{Source: dir, CacheDir: bad}
	rb := &rebuilder{g: g, stdout: &stdout, stderr: &stderr}
	warnings := func() int { return strings.Count(stderr.String(), "faqcast: warning: cannot use the cache: ") }
	for i, step := range []struct {
		cacheDir string
		want     int // warnings printed so far
	}{
		{bad, 1},
		{bad, 1}, // the same trouble: not told again
		{good, 1},
		{bad, 2}, // back after a build without trouble: told again
		{bad, 2},
	} {
		g.CacheDir = step.cacheDir
		if _, err := rb.build(context.Background(), nil); err != nil {
			t.Fatalf("build %d: %v", i+1, err)
		}
		if n := warnings(); n != step.want {
			t.Fatalf("after build %d (cache %s), %d warnings, want %d:\n%s", i+1, step.cacheDir, n, step.want, stderr.String())
		}
	}
}

// TestRebuildTellsNewWarnings checks that the builds of 'faqcast serve'
// and 'build --watch' print a warning once, not again on every save that
// leaves it, and print a new one, or one that comes back after a build
// without it.
func TestRebuildTellsNewWarnings(t *testing.T) {
	dir := serveSite(t)
	var stdout, stderr bytes.Buffer
	rb := &rebuilder{g: &generator.Generator{Source: dir}, stdout: &stdout, stderr: &stderr}
	count := func(rule string) int { return strings.Count(stderr.String(), ": "+rule+": ") }
	withSources := "---\ntitle: Do you offer flu shots?\nsummary: Yes, every fall.\nreviewed_by: ana\nreviewed_on: 2026-10-01\nsources: [{title: CDC, url: \"https://www.cdc.gov/flu/\"}]\n---\n\nFirst text.\n"
	without := "---\ntitle: Do you offer flu shots?\nsummary: Yes, every fall.\nreviewed_by: ana\nreviewed_on: 2026-10-01\n---\n\nSecond text.\n"
	for i, step := range []struct {
		entry          string
		xLink, sources int // X-LINK and REVIEW-SOURCES warnings printed so far
	}{
		{"", 1, 1},
		{without, 1, 1},     // a save that leaves both: neither told again
		{withSources, 1, 1}, // one gone
		{without, 1, 2},     // and back: told again
	} {
		if step.entry != "" {
			save(t, dir, "content/a.md", step.entry)
		}
		if _, err := rb.build(context.Background(), nil); err != nil {
			t.Fatalf("build %d: %v", i+1, err)
		}
		if x, s := count("X-LINK"), count("REVIEW-SOURCES"); x != step.xLink || s != step.sources {
			t.Fatalf("after build %d: %d X-LINK and %d REVIEW-SOURCES warnings, want %d and %d:\n%s", i+1, x, s, step.xLink, step.sources, stderr.String())
		}
	}
}
