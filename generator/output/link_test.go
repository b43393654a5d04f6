package output

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// linkMaker makes each file's bytes from data, and names, for the paths
// in src, a file holding them to link; for the paths in lazy, without
// the bytes, which Write must then ask Make for if it cannot link.
type linkMaker struct {
	data map[string]string
	src  map[string]string
	lazy map[string]bool
}

func (m linkMaker) Make(f *File) ([]byte, error)      { return []byte(m.data[f.Path]), nil }
func (m linkMaker) Stream(f *File, w io.Writer) error { return nil }
func (m linkMaker) Same(f *File, found []byte) bool   { return false }
func (m linkMaker) Link(f *File) (string, []byte, error) {
	if m.lazy[f.Path] {
		return m.src[f.Path], nil, nil
	}
	return m.src[f.Path], []byte(m.data[f.Path]), nil
}

// TestLink checks that Write links a file a Linker names into a folder it
// makes whole, and writes the bytes instead when the file named is not a
// regular file of mode 0644, is missing, or the folder is not new.
func TestLink(t *testing.T) {
	if runtime.GOOS != "linux" && runtime.GOOS != "darwin" {
		t.Skip("links are made on Linux and macOS only")
	}
	store := t.TempDir()
	put := func(name, data string, mode os.FileMode) string {
		p := filepath.Join(store, name)
		if err := os.WriteFile(p, []byte(data), mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, mode); err != nil {
			t.Fatal(err)
		}
		return p
	}
	shared := put("shared", "card", 0o644)
	private := put("private", "secret card", 0o600)
	dangling := filepath.Join(store, "gone")
	symlink := filepath.Join(store, "symlink")
	if err := os.Symlink(shared, symlink); err != nil {
		t.Fatal(err)
	}
	m := linkMaker{
		data: map[string]string{
			"faq/a/card.png": "card", "faq/b/card.png": "secret card", "faq/c/card.png": "gone",
			"faq/d/card.png": "card", "index.html": "home", "old/card.png": "card",
			"faq/e/card.png": "card", "faq/f/card.png": "secret card",
		},
		src: map[string]string{
			"faq/a/card.png": shared, "faq/b/card.png": private, "faq/c/card.png": dangling,
			"faq/d/card.png": symlink, "old/card.png": shared,
			"faq/e/card.png": shared, "faq/f/card.png": private,
		},
		lazy: map[string]bool{"faq/e/card.png": true, "faq/f/card.png": true},
	}
	dir := dest(t)
	// old/ exists before, with a file of its own: it is not made whole.
	if err := os.MkdirAll(filepath.Join(dir, "old"), 0o755); err != nil {
		t.Fatal(err)
	}
	var files []File
	for p := range m.data {
		files = append(files, File{Path: p, Key: p})
	}
	if _, err := Write(context.Background(), dir, files, m); err != nil {
		t.Fatal(err)
	}
	sharedInfo, err := os.Stat(shared)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		path   string
		linked bool
	}{
		{"faq/a/card.png", true},
		{"faq/b/card.png", false}, // mode 0600
		{"faq/c/card.png", false}, // missing
		{"faq/d/card.png", false}, // a symbolic link
		{"faq/e/card.png", true},  // linked without its bytes
		{"faq/f/card.png", false}, // mode 0600, its bytes made when not linked
		{"old/card.png", false},   // a folder already there
		{"index.html", false},     // no file named
	} {
		p := filepath.Join(dir, filepath.FromSlash(tt.path))
		fi, err := os.Lstat(p)
		if err != nil {
			t.Fatal(err)
		}
		if got := os.SameFile(fi, sharedInfo); got != tt.linked {
			t.Errorf("%s: linked = %v, want %v", tt.path, got, tt.linked)
		}
		if !fi.Mode().IsRegular() || fi.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %v, want a regular file of mode 0644", tt.path, fi.Mode())
		}
		if got, _ := os.ReadFile(p); !bytes.Equal(got, []byte(m.data[tt.path])) {
			t.Errorf("%s holds %q, want %q", tt.path, got, m.data[tt.path])
		}
	}
	if fi, err := os.Lstat(private); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("the private file changed: %v, %v", fi.Mode(), err)
	}
}
