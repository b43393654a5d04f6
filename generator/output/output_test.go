package output

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/faqcast/faqcast/internal/diag"
)

// files returns the Files of m, path to contents, in no particular order.
func files(m map[string]string) []File {
	var out []File
	for p, d := range m {
		out = append(out, File{Path: p, Data: []byte(d)})
	}
	return out
}

// dest returns a destination inside a new temporary directory, not yet created.
func dest(t testing.TB) string {
	return filepath.Join(t.TempDir(), "public")
}

// write calls Write and fails the test on error.
func write(t testing.TB, dir string, m map[string]string) Stats {
	t.Helper()
	st, err := Write(context.Background(), dir, files(m), testMaker{})
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	return st
}

// put creates the file dir/p, and its parents, holding data.
func put(t testing.TB, dir, p, data string) {
	t.Helper()
	name := filepath.Join(dir, filepath.FromSlash(p))
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// tree describes everything under dir: files with their contents and
// modification times, symbolic links with their targets, directories.
// A missing dir gives nil.
func tree(t testing.TB, dir string) map[string]string {
	t.Helper()
	if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(name string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, name)
		rel = filepath.ToSlash(rel)
		info, err := e.Info()
		if err != nil {
			return err
		}
		switch {
		case e.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(name)
			if err != nil {
				return err
			}
			m[rel] = "-> " + target
		case e.IsDir():
			m[rel] = "dir"
		default:
			data, err := os.ReadFile(name)
			if err != nil {
				return err
			}
			m[rel] = fmt.Sprintf("%q %v %v", data, info.Mode(), info.ModTime().UnixNano())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// contents returns the regular files under dir with their contents.
func contents(t testing.TB, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(name string, e fs.DirEntry, err error) error {
		if err != nil || !e.Type().IsRegular() {
			return err
		}
		data, err := os.ReadFile(name)
		rel, _ := filepath.Rel(dir, name)
		m[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// wantContents checks that dir holds exactly want plus the manifest listing ours.
func wantContents(t *testing.T, dir string, want map[string]string, ours ...string) {
	t.Helper()
	want = maps.Clone(want)
	slices.Sort(ours)
	want[ManifestName] = string(manifest(ours))
	if got := contents(t, dir); !maps.Equal(got, want) {
		t.Errorf("contents of %s:\ngot  %q\nwant %q", dir, got, want)
	}
}

// age sets the modification time of every regular file under dir to long ago.
func age(t *testing.T, dir string) {
	t.Helper()
	old := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	for p := range contents(t, dir) {
		if err := os.Chtimes(filepath.Join(dir, p), old, old); err != nil {
			t.Fatal(err)
		}
	}
}

// shown returns p as Write names it in errors.
func shown(dir, p string) string {
	return path.Join(filepath.ToSlash(dir), p)
}

// checkHints checks that every error in err is a *diag.Error with the given hint.
func checkHints(t *testing.T, err error, hint string) {
	t.Helper()
	for _, e := range diag.Flatten(err) {
		var de *diag.Error
		if !errors.As(e, &de) {
			t.Errorf("error %q is a %T, not a *diag.Error", e, e)
		} else if de.Hint != hint {
			t.Errorf("error %q has hint %q, want %q", e, de.Hint, hint)
		}
	}
}

func symlink(t *testing.T, target, name string) {
	t.Helper()
	if err := os.Symlink(target, name); err != nil {
		t.Skipf("cannot make symbolic links: %v", err)
	}
}

func TestFirstAndIdenticalWrite(t *testing.T) {
	dir := dest(t)
	site := map[string]string{
		"index.html":        "<h1>Home</h1>",
		"blog/a.html":       "a",
		"blog/b.html":       "b",
		"social/queue.json": "[]",
		"empty.txt":         "",
	}
	if st := write(t, dir, site); st != (Stats{Written: 5}) {
		t.Errorf("first Write: %+v, want 5 written", st)
	}
	wantContents(t, dir, site, slices.Collect(maps.Keys(site))...)
	for p := range site {
		fi, err := os.Stat(filepath.Join(dir, p))
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %v, want 0644", p, fi.Mode())
		}
	}

	age(t, dir)
	before := tree(t, dir)
	list := files(site)
	slices.Reverse(list) // order does not matter
	st, err := Write(context.Background(), dir, list, testMaker{})
	if err != nil {
		t.Fatal(err)
	}
	if st != (Stats{Unchanged: 5}) {
		t.Errorf("second Write: %+v, want 5 unchanged", st)
	}
	if after := tree(t, dir); !maps.Equal(before, after) {
		t.Errorf("identical Write changed the destination (or mtimes):\nbefore %v\nafter  %v", before, after)
	}
}

func TestEmptyBuild(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a", "b", "public")
	if st := write(t, dir, nil); st != (Stats{}) {
		t.Errorf("Write: %+v, want zero", st)
	}
	wantContents(t, dir, map[string]string{})
}

func TestUpdate(t *testing.T) {
	dir := dest(t)
	write(t, dir, map[string]string{
		"index.html":          "v1",
		"blog/a.html":         "a",
		"blog/b.html":         "b",
		"old/deep/x.html":     "x",
		"shared/y.html":       "y",
		"social/queue.json":   "[1]",
		"tags/medicine.html":  "m",
		"tags/pediatric.html": "p",
	})
	put(t, dir, "shared/user.txt", "mine")
	age(t, dir)
	before := tree(t, dir)

	next := map[string]string{
		"index.html":          "v2",
		"blog/a.html":         "a",
		"blog/b.html":         "b",
		"social/queue.json":   "[1,2]",
		"tags/pediatric.html": "p",
		"new/page.html":       "n",
	}
	st := write(t, dir, next)
	if want := (Stats{Written: 3, Unchanged: 3, Removed: 3}); st != want {
		t.Errorf("Write: %+v, want %+v", st, want)
	}
	wantContents(t, dir, map[string]string{
		"index.html":          "v2",
		"blog/a.html":         "a",
		"blog/b.html":         "b",
		"social/queue.json":   "[1,2]",
		"tags/pediatric.html": "p",
		"new/page.html":       "n",
		"shared/user.txt":     "mine",
	}, slices.Collect(maps.Keys(next))...)
	after := tree(t, dir)
	for _, p := range []string{"blog/a.html", "blog/b.html", "tags/pediatric.html", "shared/user.txt"} {
		if before[p] != after[p] {
			t.Errorf("%s was touched: %s -> %s", p, before[p], after[p])
		}
	}
	for _, p := range []string{"old", "old/deep"} {
		if _, ok := after[p]; ok {
			t.Errorf("emptied directory %s was not removed", p)
		}
	}
	for _, p := range []string{"shared", "tags"} {
		if after[p] != "dir" {
			t.Errorf("directory %s was removed", p)
		}
	}
}

// TestShapeChanges covers a file that becomes a directory and back, and
// faqcast's files replaced by links or directories in the meantime.
func TestShapeChanges(t *testing.T) {
	dir := dest(t)
	write(t, dir, map[string]string{"a": "file a", "b/c/d.html": "d", "b/e.html": "e"})

	// a becomes a directory; b becomes a file.
	next := map[string]string{"a/x.html": "x", "b": "file b"}
	st := write(t, dir, next)
	if want := (Stats{Written: 2, Removed: 3}); st != want {
		t.Errorf("Write: %+v, want %+v", st, want)
	}
	wantContents(t, dir, next, "a/x.html", "b")

	// And back.
	next = map[string]string{"a": "file a", "b/c/d.html": "d"}
	st = write(t, dir, next)
	if want := (Stats{Written: 2, Removed: 2}); st != want {
		t.Errorf("Write back: %+v, want %+v", st, want)
	}
	wantContents(t, dir, next, "a", "b/c/d.html")
}

func TestUserFiles(t *testing.T) {
	t.Run("unrelated", func(t *testing.T) {
		dir := dest(t)
		put(t, dir, "robots.txt", "user")
		put(t, dir, "blog/notes.txt", "user")
		age(t, dir)
		before := tree(t, dir)
		write(t, dir, map[string]string{"index.html": "1", "blog/a.html": "a"})
		write(t, dir, map[string]string{"index.html": "2"}) // and blog/a.html goes
		after := tree(t, dir)
		for _, p := range []string{"robots.txt", "blog/notes.txt"} {
			if before[p] != after[p] {
				t.Errorf("%s was touched: %s -> %s", p, before[p], after[p])
			}
		}
	})

	t.Run("adopted", func(t *testing.T) {
		dir := dest(t)
		put(t, dir, "index.html", "same")
		age(t, dir)
		before := tree(t, dir)
		st := write(t, dir, map[string]string{"index.html": "same", "b.html": "b"})
		if want := (Stats{Written: 1, Unchanged: 1}); st != want {
			t.Errorf("Write: %+v, want %+v", st, want)
		}
		if after := tree(t, dir); after["index.html"] != before["index.html"] {
			t.Errorf("adopted file was rewritten")
		}
		wantContents(t, dir, map[string]string{"index.html": "same", "b.html": "b"}, "index.html", "b.html")
		// Now it is faqcast's: it may be replaced and removed.
		write(t, dir, map[string]string{"index.html": "changed"})
		write(t, dir, map[string]string{})
		wantContents(t, dir, map[string]string{})
	})

	tests := []struct {
		name  string
		setup func(t *testing.T, dir string) // after a first build of "old.html"
		site  map[string]string
		want  []string // substrings of the error
	}{{
		name:  "different bytes",
		setup: func(t *testing.T, dir string) { put(t, dir, "index.html", "user's") },
		site:  map[string]string{"index.html": "ours", "new.html": "new"},
		want:  []string{"index.html: exists and was not made by faqcast"},
	}, {
		name: "all conflicts reported",
		setup: func(t *testing.T, dir string) {
			put(t, dir, "a.html", "user's")
			put(t, dir, "z/z.html", "user's")
		},
		site: map[string]string{"a.html": "ours", "m.html": "new", "z/z.html": "ours"},
		want: []string{"a.html: exists and was not made by faqcast", "z/z.html: exists and was not made by faqcast"},
	}, {
		name:  "directory at a file's path",
		setup: func(t *testing.T, dir string) { put(t, dir, "about/index.html", "user's") },
		site:  map[string]string{"about": "ours", "new.html": "new"},
		want:  []string{"about: is a directory not made by faqcast"},
	}, {
		name: "empty directory at a file's path",
		setup: func(t *testing.T, dir string) {
			if err := os.Mkdir(filepath.Join(dir, "about"), 0o755); err != nil {
				t.Fatal(err)
			}
		},
		site: map[string]string{"about": "ours", "new.html": "new"},
		want: []string{"about: is a directory not made by faqcast"},
	}, {
		name:  "file on a parent path",
		setup: func(t *testing.T, dir string) { put(t, dir, "blog", "user's") },
		site:  map[string]string{"blog/a.html": "ours", "new.html": "new"},
		want:  []string{"blog: is a file not made by faqcast, where faqcast needs a directory"},
	}, {
		name: "faqcast's directory holding a user's file",
		setup: func(t *testing.T, dir string) {
			write(t, dir, map[string]string{"old.html": "old", "about/index.html": "ours"})
			put(t, dir, "about/user.txt", "user's")
		},
		site: map[string]string{"about": "ours", "new.html": "new"},
		want: []string{"about: is a directory not made by faqcast"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := dest(t)
			write(t, dir, map[string]string{"old.html": "old"})
			tt.setup(t, dir)
			age(t, dir)
			before := tree(t, dir)
			st, err := Write(context.Background(), dir, files(tt.site), testMaker{})
			if err == nil {
				t.Fatalf("Write succeeded, want a conflict")
			}
			if st != (Stats{}) {
				t.Errorf("Stats = %+v, want zero", st)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), shown(dir, w)) {
					t.Errorf("error %q does not mention %q", err, shown(dir, w))
				}
			}
			checkHints(t, err, conflictHint)
			if after := tree(t, dir); !maps.Equal(before, after) {
				t.Errorf("a conflicting Write changed the destination:\nbefore %v\nafter  %v", before, after)
			}
		})
	}
}

func TestInvalidPaths(t *testing.T) {
	tests := []struct {
		name  string
		paths []string
		want  string
	}{
		{"parent", []string{"ok.html", "../x"}, `"../x" has a .. element`},
		{"dotdot", []string{".."}, `".." has a .. element`},
		{"absolute", []string{"/abs"}, `"/abs" is absolute`},
		{"double slash", []string{"a//b"}, `"a//b" is not clean`},
		{"dot element", []string{"a/./b"}, `"a/./b" is not clean`},
		{"inner dotdot", []string{"a/../b"}, `"a/../b" is not clean`},
		{"trailing slash", []string{"a/"}, `"a/" is not clean`},
		{"dot", []string{"."}, `"." names the destination itself`},
		{"empty", []string{""}, `"" is empty`},
		{"newline", []string{"a\nb"}, "newline"},
		{"manifest", []string{ManifestName}, "manifest"},
		{"temporary", []string{"blog/" + tmpPrefix + "x"}, "temporary"},
		{"duplicate", []string{"a.html", "b.html", "a.html"}, "a.html: is made more than once"},
		{"file and directory", []string{"blog", "blog/a.html", "blog/b.html"}, "blog: is made as a file but is also the directory of"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, existing := range []bool{false, true} {
				dir := dest(t)
				if existing {
					write(t, dir, map[string]string{"old.html": "old"})
					age(t, dir)
				}
				before := tree(t, dir)
				var list []File
				for _, p := range tt.paths {
					list = append(list, File{Path: p, Data: []byte("x")})
				}
				list = append(list, File{Path: "valid.html", Data: []byte("v")})
				_, err := Write(context.Background(), dir, list, testMaker{})
				if err == nil {
					t.Fatalf("Write(%q) succeeded", tt.paths)
				}
				if !strings.Contains(err.Error(), tt.want) {
					t.Errorf("error %q does not mention %q", err, tt.want)
				}
				if after := tree(t, dir); !maps.Equal(before, after) {
					t.Errorf("an invalid Write changed the destination:\nbefore %v\nafter  %v", before, after)
				}
			}
		})
	}
}

func TestAllInvalidPathsReported(t *testing.T) {
	_, err := Write(context.Background(), dest(t), []File{{Path: "../x"}, {Path: "/y"}, {Path: "a//b"}}, testMaker{})
	for _, w := range []string{`"../x"`, `"/y"`, `"a//b"`} {
		if err == nil || !strings.Contains(err.Error(), w) {
			t.Errorf("error %v does not mention %s", err, w)
		}
	}
}

func TestMalformedManifest(t *testing.T) {
	h := manifestHeader + "\n"
	tests := []struct {
		name, manifest, want string
	}{
		{"empty", "", "first line"},
		{"no header", "index.html\n", "first line"},
		{"other version", "# faqcast manifest v2\n", "first line"},
		{"crlf", "# faqcast manifest v1\r\nindex.html\r\n", "first line"},
		{"unsorted", h + "b.html\na.html\n", "out of order"},
		{"repeated", h + "a.html\na.html\n", "out of order"},
		{"escaping", h + "../../etc/passwd\n", ".. element"},
		{"absolute", h + "/etc/passwd\n", "absolute"},
		{"blank line", h + "a.html\n\nb.html\n", "is empty"},
		{"truncated", h + "a.html\nb.ht", "newline"},
		{"itself", h + ManifestName + "\n", "manifest"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := dest(t)
			put(t, dir, ManifestName, tt.manifest)
			put(t, dir, "a.html", "a")
			age(t, dir)
			before := tree(t, dir)
			_, err := Write(context.Background(), dir, files(map[string]string{"index.html": "i"}), testMaker{})
			if err == nil {
				t.Fatal("Write succeeded")
			}
			for _, w := range []string{shown(dir, ManifestName), tt.want} {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
			checkHints(t, err, manifestHint)
			if after := tree(t, dir); !maps.Equal(before, after) {
				t.Errorf("Write changed the destination:\nbefore %v\nafter  %v", before, after)
			}
		})
	}

	t.Run("directory", func(t *testing.T) {
		dir := dest(t)
		put(t, dir, ManifestName+"/x", "")
		_, err := Write(context.Background(), dir, files(map[string]string{"index.html": "i"}), testMaker{})
		if err == nil || !strings.Contains(err.Error(), shown(dir, ManifestName)) {
			t.Errorf("error %v does not name the manifest", err)
		}
	})
}

func TestSymlinks(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.html")
	put(t, outside, "secret.html", "outside")
	age(t, outside)
	outsideBefore := tree(t, outside)
	checkOutside := func(t *testing.T) {
		t.Helper()
		if after := tree(t, outside); !maps.Equal(outsideBefore, after) {
			t.Errorf("outside directory changed:\nbefore %v\nafter  %v", outsideBefore, after)
		}
	}

	t.Run("at a file's path", func(t *testing.T) {
		dir := dest(t)
		write(t, dir, map[string]string{"old.html": "old"})
		symlink(t, secret, filepath.Join(dir, "secret.html"))
		before := tree(t, dir)
		for _, data := range []string{"ours", "outside"} { // even with the same bytes
			_, err := Write(context.Background(), dir, files(map[string]string{"secret.html": data, "new.html": "n"}), testMaker{})
			want := shown(dir, "secret.html") + ": is a symbolic link not made by faqcast"
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("error %v does not mention %q", err, want)
			}
		}
		if after := tree(t, dir); !maps.Equal(before, after) {
			t.Errorf("Write changed the destination:\nbefore %v\nafter  %v", before, after)
		}
		checkOutside(t)
	})

	t.Run("on a parent path", func(t *testing.T) {
		dir := dest(t)
		write(t, dir, map[string]string{"old.html": "old"})
		symlink(t, outside, filepath.Join(dir, "blog"))
		before := tree(t, dir)
		_, err := Write(context.Background(), dir, files(map[string]string{"blog/secret.html": "ours", "blog/new.html": "n"}), testMaker{})
		want := shown(dir, "blog") + ": is a symbolic link not made by faqcast, where faqcast needs a directory"
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v does not mention %q", err, want)
		}
		if after := tree(t, dir); !maps.Equal(before, after) {
			t.Errorf("Write changed the destination:\nbefore %v\nafter  %v", before, after)
		}
		checkOutside(t)
	})

	t.Run("faqcast's file replaced by a link", func(t *testing.T) {
		dir := dest(t)
		write(t, dir, map[string]string{"secret.html": "ours", "gone.html": "g", "blog": "file"})
		for _, p := range []string{"secret.html", "gone.html", "blog"} {
			name := filepath.Join(dir, p)
			if err := os.Remove(name); err != nil {
				t.Fatal(err)
			}
			symlink(t, secret, name)
		}
		st := write(t, dir, map[string]string{"secret.html": "new", "blog/a.html": "a"})
		if want := (Stats{Written: 2, Removed: 2}); st != want {
			t.Errorf("Write: %+v, want %+v", st, want)
		}
		wantContents(t, dir, map[string]string{"secret.html": "new", "blog/a.html": "a"}, "secret.html", "blog/a.html")
		if got := tree(t, dir); len(got) != 5 { // ., 2 files, blog, manifest
			t.Errorf("destination holds %v", got)
		}
		checkOutside(t)
	})

	t.Run("faqcast's directory replaced by a link", func(t *testing.T) {
		dir := dest(t)
		write(t, dir, map[string]string{"blog/secret.html": "ours", "index.html": "i"})
		if err := os.RemoveAll(filepath.Join(dir, "blog")); err != nil {
			t.Fatal(err)
		}
		symlink(t, outside, filepath.Join(dir, "blog"))
		st := write(t, dir, map[string]string{"index.html": "i"})
		if want := (Stats{Unchanged: 1}); st != want {
			t.Errorf("Write: %+v, want %+v", st, want)
		}
		if fi, err := os.Lstat(filepath.Join(dir, "blog")); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			t.Errorf("the user's link was touched: %v, %v", fi, err)
		}
		checkOutside(t)
	})
}

// TestLeftoverTemporaryFiles checks that a Writer's first Write removes
// every leftover temporary file below dir, as a new process's build does
// after a crash, and that its later Writes remove those in the directories
// they write to, without looking at the others.
func TestLeftoverTemporaryFiles(t *testing.T) {
	dir := dest(t)
	write(t, dir, map[string]string{"blog/a.html": "a", "other/b.html": "b", "other/deep/c.html": "c"})
	put(t, dir, "blog/"+tmpPrefix+"123", "partial")
	put(t, dir, "other/deep/"+tmpPrefix+"456", "partial")
	put(t, dir, tmpPrefix+"789", "partial")
	w := &Writer{Dir: dir}
	files := func(a string) []File {
		return []File{{Path: "blog/a.html", Data: []byte(a)}, {Path: "other/b.html", Data: []byte("b")}, {Path: "other/deep/c.html", Data: []byte("c")}}
	}
	if _, err := w.Write(context.Background(), files("a"), nil); err != nil {
		t.Fatal(err)
	}
	for p := range contents(t, dir) {
		if strings.Contains(p, tmpPrefix) {
			t.Errorf("a first Write left %s", p)
		}
	}
	put(t, dir, "blog/"+tmpPrefix+"123", "partial")
	put(t, dir, "other/deep/"+tmpPrefix+"456", "partial")
	if _, err := w.Write(context.Background(), files("a2"), nil); err != nil {
		t.Fatal(err)
	}
	got := contents(t, dir)
	if _, ok := got["blog/"+tmpPrefix+"123"]; ok {
		t.Errorf("leftover in a directory written to was kept")
	}
	if _, ok := got["other/deep/"+tmpPrefix+"456"]; !ok {
		t.Errorf("a later Write looked at a directory it does not write to")
	}
}

// TestConcurrentReader checks that a reader never sees a partial file.
func TestConcurrentReader(t *testing.T) {
	dir := dest(t)
	const name = "social/queue.json"
	a := bytes.Repeat([]byte("a"), 1<<20)
	b := bytes.Repeat([]byte("b"), 1<<20)
	if _, err := Write(context.Background(), dir, []File{{Path: name, Data: a}}, testMaker{}); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	var reads int
	wg.Go(func() {
		for {
			select {
			case <-done:
				return
			default:
			}
			data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
			if err != nil {
				t.Errorf("read: %v", err)
				return
			}
			if !bytes.Equal(data, a) && !bytes.Equal(data, b) {
				t.Errorf("read a partial or mixed file of %d bytes", len(data))
				return
			}
			reads++
		}
	})
	for i := range 100 {
		data := b
		if i%2 == 1 {
			data = a
		}
		st, err := Write(context.Background(), dir, []File{{Path: name, Data: data}}, testMaker{})
		if err != nil {
			t.Fatal(err)
		}
		if st.Written != 1 {
			t.Fatalf("Write %d: %+v, want 1 written", i, st)
		}
	}
	close(done)
	wg.Wait()
	t.Logf("%d reads", reads)
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, existing := range []bool{false, true} {
		dir := dest(t)
		if existing {
			write(t, dir, map[string]string{"a.html": "a"})
			age(t, dir)
		}
		before := tree(t, dir)
		_, err := Write(ctx, dir, files(map[string]string{"a.html": "changed", "b.html": "b"}), testMaker{})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Write = %v, want context.Canceled", err)
		}
		if after := tree(t, dir); !maps.Equal(before, after) {
			t.Errorf("a cancelled Write changed the destination:\nbefore %v\nafter  %v", before, after)
		}
	}
}

func TestDestinationIsAFile(t *testing.T) {
	dir := dest(t)
	if err := os.WriteFile(dir, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(context.Background(), dir, files(map[string]string{"a.html": "a"}), testMaker{}); err == nil {
		t.Error("Write into a file succeeded")
	}
	if _, err := Write(context.Background(), "", nil, testMaker{}); err == nil {
		t.Error("Write into \"\" succeeded")
	}
}

func BenchmarkWrite(b *testing.B) {
	var site []File
	for i := range 10_000 {
		site = append(site, File{
			Path: fmt.Sprintf("section%02d/page%05d.html", i%50, i),
			Data: fmt.Appendf(nil, "<!doctype html><title>Page %d</title><p>Answer %d.</p>\n", i, i),
		})
	}
	ctx := context.Background()

	b.Run("cold", func(b *testing.B) {
		base := b.TempDir()
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			dir := filepath.Join(base, "public")
			if err := os.RemoveAll(dir); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			if _, err := Write(ctx, dir, site, testMaker{}); err != nil {
				b.Fatal(err)
			}
		}
	})

	b.Run("unchanged", func(b *testing.B) {
		dir := filepath.Join(b.TempDir(), "public")
		if _, err := Write(ctx, dir, site, testMaker{}); err != nil {
			b.Fatal(err)
		}
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if _, err := Write(ctx, dir, site, testMaker{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func TestByFolder(t *testing.T) {
	files := []File{{Path: "a/1"}, {Path: "a/2"}, {Path: "a/3"}, {Path: "b/1"}, {Path: "top"}, {Path: "a/4"}, {Path: "b/c/1"}}
	for _, tc := range []struct {
		todo []int
		most int
		want [][]int
	}{
		{nil, 2, nil},
		{[]int{0, 1, 2, 3, 4, 5, 6}, 2, [][]int{{0, 1}, {2}, {3}, {4}, {5}, {6}}},
		{[]int{0, 1, 2, 3}, 32, [][]int{{0, 1, 2}, {3}}},
		// Indexes into todo, not into files.
		{[]int{2, 5, 4}, 32, [][]int{{0, 1}, {2}}},
	} {
		if got := byFolder(files, tc.todo, tc.most); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("byFolder(%v, %d) = %v, want %v", tc.todo, tc.most, got, tc.want)
		}
	}
}
