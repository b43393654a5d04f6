package output

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/faqcast/faqcast/internal/diag"
)

// TestIOHint checks that an error the file system gives while writing
// the destination carries a hint with its usual cure, and still wraps the
// system's error.
func TestIOHint(t *testing.T) {
	w := &writer{dest: "public"}
	for _, tc := range []struct {
		name   string
		err    error
		file   string // the hint on a file's error
		folder string // the hint on the destination's own error
	}{
		{"disk full", syscall.ENOSPC, spaceHint, spaceHint},
		{"quota", syscall.EDQUOT, spaceHint, spaceHint},
		{"permission", syscall.EACCES, permissionHint, permissionHint},
		{"read-only", syscall.EROFS, permissionHint, permissionHint},
		{"exists", syscall.EEXIST, conflictHint, conflictHint},
		{"not a folder", syscall.ENOTDIR, notDirHint, notDirHint},
		{"other", syscall.EIO, "", destHint},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wrapped := []error{
				&fs.PathError{Op: "write", Path: "faq/a/index.html", Err: tc.err},
				&os.LinkError{Op: "link", Old: "cache/x", New: "faq/a/card.png", Err: tc.err},
			}
			for _, err := range wrapped {
				for _, c := range []struct {
					err  error
					hint string
					text string
				}{
					{w.ioErr("writing", "faq/a/index.html", err), tc.file, "public/faq/a/index.html: writing: "},
					{w.destErr("cannot open destination", err), tc.folder, "public: cannot open destination: "},
				} {
					var de *diag.Error
					if !errors.As(c.err, &de) {
						t.Fatalf("%v is not a *diag.Error", c.err)
					}
					if de.Hint != c.hint {
						t.Errorf("%v: hint %q, want %q", c.err, de.Hint, c.hint)
					}
					if want := c.text + tc.err.Error(); c.err.Error() != want {
						t.Errorf("message %q, want %q", c.err, want)
					}
					if !errors.Is(c.err, tc.err) {
						t.Errorf("%v does not wrap %v", c.err, tc.err)
					}
				}
			}
		})
	}
}

// TestDestinationNotFolder checks that a Write into a file gives a hint
// that names --dest, and leaves the file as it was.
func TestDestinationNotFolder(t *testing.T) {
	file := filepath.Join(t.TempDir(), "faqcast.yaml")
	if err := os.WriteFile(file, []byte("title: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Write(context.Background(), file, []File{{Path: "index.html", Data: []byte("home")}}, testMaker{})
	var de *diag.Error
	if !errors.As(err, &de) || de.Hint != notDirHint {
		t.Fatalf("err = %v (%#v), want a hint %q", err, de, notDirHint)
	}
	if b, err := os.ReadFile(file); err != nil || string(b) != "title: x\n" {
		t.Errorf("the file now holds %q, %v", b, err)
	}
}
