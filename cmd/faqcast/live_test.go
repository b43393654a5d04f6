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
