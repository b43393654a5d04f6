package entry_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/faqcast/faqcast/generator/entry"
)

// writeFiles writes files (slash paths → contents) below dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// load runs l.Load on dir, named "content" in diagnostics, and returns what
// it found and the Error() text of every problem, after checking that each
// is a *diag.Error with a hint.
func load(t *testing.T, l *entry.Loader, dir string) (*entry.Content, []string) {
	t.Helper()
	c, err := l.Load(context.Background(), dir, "content")
	if c == nil {
		t.Fatalf("Load returned no content (err %v)", err)
	}
	var msgs []string
	for _, de := range checkDiags(t, err) {
		msgs = append(msgs, de.Error())
	}
	return c, msgs
}

// rels returns the Rel of each entry.
func rels(entries []*entry.Entry) []string {
	var out []string
	for _, e := range entries {
		out = append(out, e.Rel)
	}
	return out
}

func TestLoadFinds(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.md":                       front("A?", ""),
		"sub/b.markdown":             front("B?", ""),
		"sub/deeper/c.md":            front("C?", ""),
		"sub/deeper/Upper.MD":        front("Upper?", ""),
		"sub/deeper/photo.jpg":       "\xff\xd8\xff binary",
		"notes.txt":                  "not an entry",
		"README":                     "not an entry either",
		"md":                         "no extension",
		".hidden.md":                 "\x00 never read",
		".drafts/x.md":               "\x00 never read",
		"sub/.git/HEAD.md":           "\x00 never read",
		"broken.md":                  "# No front matter\n",
		"sub/deeper/nested/index.md": front("Nested?", ""),
	})
	var l entry.Loader
	c, errs := load(t, &l, dir)
	want := []string{"a.md", "sub/b.markdown", "sub/deeper/Upper.MD", "sub/deeper/c.md", "sub/deeper/nested/index.md"}
	if got := rels(c.Entries); !reflect.DeepEqual(got, want) {
		t.Errorf("entries %q, want %q", got, want)
	}
	if !reflect.DeepEqual(c.Failed, []string{"broken.md"}) {
		t.Errorf("Failed = %q, want [broken.md]", c.Failed)
	}
	if want := []string{"content/broken.md:1:1: no front matter"}; !reflect.DeepEqual(errs, want) {
		t.Errorf("errors %q, want %q", errs, want)
	}
	for _, e := range c.Entries {
		if e.Path != "content/"+e.Rel {
			t.Errorf("%s: Path = %q", e.Rel, e.Path)
		}
	}
	if e := c.Entries[len(c.Entries)-1]; e.Slug != "nested" {
		t.Errorf("nested/index.md: Slug = %q, want nested", e.Slug)
	}
	if l.Parsed != 6 {
		t.Errorf("Parsed = %d, want 6", l.Parsed)
	}
}

func TestLoadMissingFolder(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"file": "not a folder"})
	for _, tc := range []struct{ name, dir string }{
		{"missing", filepath.Join(dir, "nothing")},
		{"a file", filepath.Join(dir, "file")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var l entry.Loader
			c, errs := load(t, &l, tc.dir)
			if len(c.Entries) != 0 || len(c.Failed) != 0 {
				t.Errorf("content = %+v, want none", c)
			}
			if want := []string{"content: no content folder"}; !reflect.DeepEqual(errs, want) {
				t.Errorf("errors %q, want %q", errs, want)
			}
		})
	}
}

func TestLoadTooLarge(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"big.md":  front("Big?", "") + strings.Repeat("x", entry.MaxSize),
		"fits.md": front("Fits?", "") + strings.Repeat("x", entry.MaxSize-len(front("Fits?", ""))),
	})
	var l entry.Loader
	c, errs := load(t, &l, dir)
	if got := rels(c.Entries); !reflect.DeepEqual(got, []string{"fits.md"}) {
		t.Errorf("entries %q, want [fits.md]", got)
	}
	if want := []string{"content/big.md:1:1: file is too large (more than 1048576 bytes)"}; !reflect.DeepEqual(errs, want) {
		t.Errorf("errors %q, want %q", errs, want)
	}
}

func TestLoadCache(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.md":      front("A?", ""),
		"b.md":      front("B?", ""),
		"sub/c.md":  front("C?", ""),
		"broken.md": "no front matter",
	})
	var l entry.Loader
	first, errs := load(t, &l, dir)
	if l.Parsed != 4 || len(first.Entries) != 3 || len(errs) != 1 {
		t.Fatalf("first load: Parsed %d, %d entries, errors %q", l.Parsed, len(first.Entries), errs)
	}

	t.Run("no change", func(t *testing.T) {
		again, _ := load(t, &l, dir)
		// The broken file is parsed again: only entries are kept.
		if l.Parsed != 1 {
			t.Errorf("Parsed = %d, want 1 (the broken file)", l.Parsed)
		}
		if !reflect.DeepEqual(again.Entries, first.Entries) {
			t.Errorf("entries are not the same *Entry values")
		}
		if !reflect.DeepEqual(again.Failed, []string{"broken.md"}) {
			t.Errorf("Failed = %q", again.Failed)
		}
	})

	t.Run("no change, nothing broken", func(t *testing.T) {
		if err := os.Remove(filepath.Join(dir, "broken.md")); err != nil {
			t.Fatal(err)
		}
		again, errs := load(t, &l, dir)
		if l.Parsed != 0 || len(errs) != 0 {
			t.Errorf("Parsed = %d, errors %q; want 0, none", l.Parsed, errs)
		}
		for i, e := range again.Entries {
			if e != first.Entries[i] {
				t.Errorf("%s: a new *Entry", e.Rel)
			}
		}
	})

	t.Run("one edit", func(t *testing.T) {
		writeFiles(t, dir, map[string]string{"b.md": front("B, edited?", "")})
		again, _ := load(t, &l, dir)
		if l.Parsed != 1 {
			t.Errorf("Parsed = %d, want 1", l.Parsed)
		}
		if got := rels(again.Entries); !reflect.DeepEqual(got, []string{"a.md", "b.md", "sub/c.md"}) {
			t.Fatalf("entries %q", got)
		}
		if again.Entries[0] != first.Entries[0] || again.Entries[2] != first.Entries[2] {
			t.Error("unchanged entries were parsed again")
		}
		if b := again.Entries[1]; b == first.Entries[1] || b.Title != "B, edited?" {
			t.Errorf("b.md: title %q; the old entry was kept", b.Title)
		}
	})

	t.Run("an edit that keeps the size and modification time", func(t *testing.T) {
		name := filepath.Join(dir, "a.md")
		fi, err := os.Stat(name)
		if err != nil {
			t.Fatal(err)
		}
		writeFiles(t, dir, map[string]string{"a.md": front("Z?", "")}) // as long as "A?"
		if err := os.Chtimes(name, fi.ModTime(), fi.ModTime()); err != nil {
			t.Fatal(err)
		}
		again, _ := load(t, &l, dir)
		if again.Entries[0].Title != "Z?" {
			t.Errorf("title %q: the edit was missed", again.Entries[0].Title)
		}
	})

	t.Run("delete", func(t *testing.T) {
		if err := os.Remove(filepath.Join(dir, "sub/c.md")); err != nil {
			t.Fatal(err)
		}
		again, _ := load(t, &l, dir)
		if got := rels(again.Entries); !reflect.DeepEqual(got, []string{"a.md", "b.md"}) {
			t.Errorf("entries %q, want [a.md b.md]", got)
		}
		if l.Parsed != 0 {
			t.Errorf("Parsed = %d, want 0", l.Parsed)
		}
	})

	t.Run("deleted file comes back", func(t *testing.T) {
		writeFiles(t, dir, map[string]string{"sub/c.md": front("C?", "")})
		again, _ := load(t, &l, dir)
		if l.Parsed != 1 || len(again.Entries) != 3 {
			t.Errorf("Parsed = %d, %d entries; want 1, 3", l.Parsed, len(again.Entries))
		}
	})

	t.Run("another name for the folder", func(t *testing.T) {
		c, err := l.Load(context.Background(), dir, "site/content")
		if err != nil {
			t.Fatal(err)
		}
		if l.Parsed != 3 {
			t.Errorf("Parsed = %d, want 3: the paths in diagnostics changed", l.Parsed)
		}
		if c.Entries[0].Path != "site/content/a.md" {
			t.Errorf("Path = %q", c.Entries[0].Path)
		}
	})
}

func TestLoadCancelled(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.md": front("A?", ""), "b.md": front("B?", "")})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var l entry.Loader
	c, err := l.Load(ctx, dir, "content")
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if c != nil {
		t.Errorf("content = %+v, want nil", c)
	}
	// The loader still works, and kept nothing from the cancelled load.
	if _, errs := load(t, &l, dir); len(errs) != 0 || l.Parsed != 2 {
		t.Errorf("after a cancelled load: Parsed %d, errors %q", l.Parsed, errs)
	}
}

func TestReload(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.md": front("A?", ""), "b.md": front("B?", "")})
	ctx := context.Background()
	var l entry.Loader
	if _, err := l.Load(ctx, dir, "content"); err != nil {
		t.Fatal(err)
	}
	reload := func(changed ...string) *entry.Content {
		t.Helper()
		var paths []string
		for _, c := range changed {
			paths = append(paths, filepath.Join(dir, filepath.FromSlash(c)))
		}
		c, err := l.Reload(ctx, dir, "content", paths)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	titles := func(c *entry.Content) string {
		var out []string
		for _, e := range c.Entries {
			out = append(out, e.Rel+"="+e.Title)
		}
		return strings.Join(out, " ")
	}

	// Only the changed files are looked at: an edit the caller does not
	// name is not seen, one it names is.
	writeFiles(t, dir, map[string]string{"a.md": front("A2?", ""), "b.md": front("B2?", "")})
	if got := titles(reload("a.md")); got != "a.md=A2? b.md=B?" {
		t.Errorf("after a change to a.md: %s", got)
	}
	if got := titles(reload("b.md")); got != "a.md=A2? b.md=B2?" {
		t.Errorf("after a change to b.md: %s", got)
	}

	// Files added, removed, hidden or not entries.
	writeFiles(t, dir, map[string]string{"c.md": front("C?", ""), ".d.md": front("D?", ""), "e.txt": "text"})
	if err := os.Remove(filepath.Join(dir, "a.md")); err != nil {
		t.Fatal(err)
	}
	if got := titles(reload("a.md", "c.md", ".d.md", "e.txt", "../elsewhere.md")); got != "b.md=B2? c.md=C?" {
		t.Errorf("after adding and removing: %s", got)
	}

	// A folder among the changes: everything is listed again.
	writeFiles(t, dir, map[string]string{"sub/f.md": front("F?", "")})
	if got := titles(reload("sub")); got != "b.md=B2? c.md=C? sub/f.md=F?" {
		t.Errorf("after a new folder: %s", got)
	}

	// A symbolic link in the folder: Reload looks at every file, links
	// included, as their targets change unseen.
	target := filepath.Join(t.TempDir(), "g.md")
	writeFiles(t, filepath.Dir(target), map[string]string{"g.md": front("G?", "")})
	if err := os.Symlink(target, filepath.Join(dir, "g.md")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	reload("g.md")
	writeFiles(t, filepath.Dir(target), map[string]string{"g.md": front("G2?", "")})
	if got := titles(reload()); !strings.Contains(got, "g.md=G2?") {
		t.Errorf("a link's new target was missed: %s", got)
	}
}
