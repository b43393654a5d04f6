package wholefile_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/faqcast/faqcast/internal/filestamp"
	"github.com/faqcast/faqcast/internal/wholefile"
)

func TestRead(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	big := bytes.Repeat([]byte("0123456789"), 10_000)
	tests := []struct {
		name  string
		path  string
		buf   []byte
		limit int64
		want  []byte
		err   error
	}{
		{name: "small", path: write("small", []byte("hello\n")), limit: 1 << 20, want: []byte("hello\n")},
		{name: "empty", path: write("empty", nil), limit: 1 << 20, want: []byte{}},
		{name: "large", path: write("large", big), limit: 1 << 20, want: big},
		{name: "at the limit", path: write("limit", big), limit: int64(len(big)), want: big},
		{name: "past the limit", path: filepath.Join(dir, "limit"), limit: int64(len(big)) - 1, err: wholefile.ErrTooLarge},
		{name: "into a buffer", path: filepath.Join(dir, "small"), buf: make([]byte, 3, 64), limit: 100, want: []byte("hello\n")},
		{name: "into a short buffer", path: filepath.Join(dir, "large"), buf: make([]byte, 0, 10), limit: 1 << 20, want: big},
		{name: "folder", path: dir, limit: 1 << 20, err: wholefile.ErrNotRegular},
		{name: "missing", path: filepath.Join(dir, "missing"), limit: 1 << 20, err: fs.ErrNotExist},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, info, err := wholefile.Read(tt.path, tt.buf, tt.limit)
			if tt.err != nil {
				var pe *fs.PathError
				if !errors.Is(err, tt.err) || !errors.As(err, &pe) || pe.Path != tt.path {
					t.Fatalf("Read = %v, want a *fs.PathError of %q wrapping %v", err, tt.path, tt.err)
				}
				if got != nil {
					t.Errorf("Read returned %d bytes with its error", len(got))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, tt.want) {
				t.Errorf("Read = %d bytes %.20q, want %d bytes %.20q", len(got), got, len(tt.want), tt.want)
			}
			if tt.buf != nil && cap(tt.buf) > len(tt.want) && &got[:1][0] != &tt.buf[:1][0] {
				t.Error("Read did not read into the buffer, which had room")
			}
			fi, err := os.Stat(tt.path)
			if err != nil {
				t.Fatal(err)
			}
			if want := filestamp.Of(fi); info.Stamp != want {
				t.Errorf("Stamp = %+v, want %+v", info.Stamp, want)
			}
			if info.Perm != fi.Mode().Perm() || info.Links != 1 {
				t.Errorf("Perm, Links = %v, %d, want %v, 1", info.Perm, info.Links, fi.Mode().Perm())
			}
		})
	}
}

func TestReadLinks(t *testing.T) {
	if runtime.GOOS != "linux" && runtime.GOOS != "darwin" {
		t.Skip("Links is 1 where the system does not tell")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "a")
	if err := os.WriteFile(p, []byte("a"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(p, filepath.Join(dir, "b")); err != nil {
		t.Skip(err)
	}
	if err := os.Symlink("a", filepath.Join(dir, "c")); err != nil {
		t.Fatal(err)
	}
	_, info, err := wholefile.Read(filepath.Join(dir, "c"), nil, 10)
	if err != nil {
		t.Fatal(err)
	}
	if info.Links != 2 || info.Perm != 0o600 {
		t.Errorf("Links, Perm = %d, %v, want 2, -rw-------", info.Links, info.Perm)
	}
}

func TestReplace(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "a.entry")
	for _, tt := range []struct {
		data []byte
		perm fs.FileMode
	}{
		{[]byte("first"), 0o600},
		{[]byte("second, longer than the first"), 0o644},
		{nil, 0o600},
	} {
		if err := wholefile.Replace(name, tt.data, tt.perm); err != nil {
			t.Fatal(err)
		}
		got, info, err := wholefile.Read(name, nil, 100)
		if err != nil || !bytes.Equal(got, tt.data) {
			t.Fatalf("after Replace with %q: Read = %q, %v", tt.data, got, err)
		}
		if runtime.GOOS != "windows" && info.Perm != tt.perm {
			t.Errorf("after Replace with mode %v: mode %v", tt.perm, info.Perm)
		}
	}
	list, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 {
		t.Errorf("folder holds %d files, want the one replaced", len(list))
	}

	// A folder where the file would go: nothing is left.
	if err := os.Mkdir(filepath.Join(dir, "folder"), 0o755); err != nil {
		t.Fatal(err)
	}
	var pe *fs.PathError
	if err := wholefile.Replace(filepath.Join(dir, "folder"), []byte("x"), 0o644); !errors.As(err, &pe) {
		t.Errorf("Replace of a folder = %v, want a *fs.PathError", err)
	}
	if err := wholefile.Replace(filepath.Join(dir, "missing", "a"), []byte("x"), 0o644); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Replace in a missing folder = %v, want fs.ErrNotExist", err)
	}
	if list, _ := os.ReadDir(dir); len(list) != 2 {
		t.Errorf("folder holds %d files, want the file and the folder: a failed Replace left its temporary file", len(list))
	}
}

// TestCreate checks that Create writes a new file whole with its mode, or
// reports that it cannot, leaving nothing, and never touches a file that
// exists.
func TestCreate(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "a.entry")
	err := wholefile.Create(name, []byte("card"), 0o644)
	if errors.Is(err, errors.ErrUnsupported) {
		if runtime.GOOS == "linux" {
			t.Logf("no unnamed files here: %v", err)
		}
		if list, _ := os.ReadDir(dir); len(list) != 0 {
			t.Errorf("an unsupported Create left %d files", len(list))
		}
		t.Skip("no unnamed files here")
	}
	if err != nil {
		t.Fatal(err)
	}
	got, info, err := wholefile.Read(name, nil, 100)
	if err != nil || string(got) != "card" || info.Perm != 0o644 || info.Links != 1 {
		t.Fatalf("after Create: Read = %q, %+v, %v; want card, mode 0644, 1 link", got, info, err)
	}
	if err := wholefile.Create(name, []byte("other"), 0o644); !errors.Is(err, fs.ErrExist) {
		t.Errorf("Create of a file that exists = %v, want fs.ErrExist", err)
	}
	if got, _, _ := wholefile.Read(name, nil, 100); string(got) != "card" {
		t.Errorf("a failed Create changed the file: %q", got)
	}
	if err := wholefile.Create(filepath.Join(dir, "missing", "a"), []byte("x"), 0o644); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Create in a missing folder = %v, want fs.ErrNotExist", err)
	}
	if list, _ := os.ReadDir(dir); len(list) != 1 {
		t.Errorf("folder holds %d files, want the one created", len(list))
	}
}
