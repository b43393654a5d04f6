package generator

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"

	"github.com/faqcast/faqcast/templates"
)

// TestOwnPages checks which templates folders make a site's pages its
// own, never kept in the cache nor between builds: any page template or
// partial that differs from faqcast's own, not a copy of them nor other
// files.
func TestOwnPages(t *testing.T) {
	copyOf := func(names ...string) fstest.MapFS {
		fsys := fstest.MapFS{}
		for _, name := range names {
			b, err := templates.FS.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			fsys[name] = &fstest.MapFile{Data: b}
		}
		return fsys
	}
	edited := copyOf("entry.html", "home.html")
	edited["home.html"] = &fstest.MapFile{Data: append(edited["home.html"].Data, "<!-- ours -->"...)}
	added := copyOf("entry.html")
	added["partials/banner.html"] = &fstest.MapFile{Data: []byte(`{{define "banner"}}Hi{{end}}`)}
	for _, c := range []struct {
		name string
		fsys fs.FS
		want bool
	}{
		{"none", nil, false},
		{"a copy of faqcast's", copyOf("entry.html", "home.html", "baseof.html"), false},
		{"posts and messages only", fstest.MapFS{"posts/x.txt": {Data: []byte("{{.Question}}")}, "i18n/en.yaml": {Data: []byte("a: b")}}, false},
		{"an edited page", edited, true},
		{"a partial of its own", added, true},
	} {
		if got := ownPages(c.fsys, templates.FS); got != c.want {
			t.Errorf("%s: ownPages = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestPagesReadAgain checks that a page found in the cache, which a build
// checks as it reads and does not hold, is read from the cache again when
// written, and is made when it is gone from the cache by then: the same
// bytes either way as a build without the cache writes.
func TestPagesReadAgain(t *testing.T) {
	ctx := context.Background()
	at := time.Date(2026, 11, 18, 12, 0, 0, 0, time.UTC)
	cache := filepath.Join(t.TempDir(), "cache")
	first := &Generator{Source: "..", Dest: t.TempDir(), CacheDir: cache}
	if _, err := first.Build(ctx, Change{Now: at}); err != nil {
		t.Fatal(err)
	}
	// The stages of a second process's build, up to its pages.
	g := &Generator{Source: "..", Dest: t.TempDir(), CacheDir: cache}
	st, err := newState()
	if err != nil {
		t.Fatal(err)
	}
	g.state = st
	g.openCache() // as Build does first
	in, err := g.load(ctx, Change{Now: at})
	if err != nil {
		t.Fatal(err)
	}
	bodies, err := g.renderBodies(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	posts, _, err := g.composePosts(ctx, in, bodies)
	if err != nil {
		t.Fatal(err)
	}
	found, _, err := g.checkEntries(ctx, in, posts, bodies)
	if err != nil {
		t.Fatal(err)
	}
	queue, err := g.planQueue(in, posts)
	if err != nil {
		t.Fatal(err)
	}
	pages, err := g.renderPages(ctx, in, bodies, posts, queue, found)
	if err != nil {
		t.Fatal(err)
	}
	var read []int
	for i, key := range pages.onDisk {
		if key != "" {
			if pages.files[i].Data != nil || pages.packed[i].Len() > 0 {
				t.Errorf("%s: found in the cache, and held", pages.files[i].Path)
			}
			read = append(read, i)
		}
	}
	if len(read) != len(pages.files) {
		t.Fatalf("%d of %d pages found in the cache, want all", len(read), len(pages.files))
	}
	want := func(i int) []byte {
		b, err := os.ReadFile(filepath.Join(first.Dest, filepath.FromSlash(pages.files[i].Path)))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for _, i := range read[:len(read)/2] {
		got, err := pages.Make(&pages.files[i])
		if err != nil || !bytes.Equal(got, want(i)) {
			t.Errorf("%s read again: %v, and not the bytes written without the cache", pages.files[i].Path, err)
		}
		pages.release(&pages.files[i], got)
	}
	if err := os.RemoveAll(cache); err != nil {
		t.Fatal(err)
	}
	made := pages.made.Load()
	for _, i := range read[len(read)/2:] {
		got, err := pages.Make(&pages.files[i])
		if err != nil || !bytes.Equal(got, want(i)) {
			t.Errorf("%s gone from the cache: %v, and not the bytes written without the cache", pages.files[i].Path, err)
		}
	}
	if n := pages.made.Load() - made; n != int64(len(read)-len(read)/2) {
		t.Errorf("made %d pages gone from the cache, want %d", n, len(read)-len(read)/2)
	}
}
