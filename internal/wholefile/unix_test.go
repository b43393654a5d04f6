//go:build linux || darwin

package wholefile_test

import (
	"bytes"
	"errors"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/faqcast/faqcast/internal/wholefile"
)

func TestReadPipe(t *testing.T) {
	p := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skip(err)
	}
	// Opening a pipe for reading waits for a writer, and there is none:
	// Read must refuse it without opening it that way.
	if _, _, err := wholefile.Read(p, nil, 10); !errors.Is(err, wholefile.ErrNotRegular) {
		t.Fatalf("Read = %v, want ErrNotRegular", err)
	}
}

// TestReadUnsized checks a file whose size the system gives as 0, such as
// one of Linux's /proc, which is read to its end.
func TestReadUnsized(t *testing.T) {
	const name = "/proc/self/status"
	data, info, err := wholefile.Read(name, nil, 1<<20)
	if err != nil {
		t.Skip(err)
	}
	if info.Stamp.Size != 0 || !bytes.Contains(data, []byte("\nPid:")) {
		t.Errorf("Read = size %d, %.40q; want size 0 and the whole status", info.Stamp.Size, data)
	}
}

// TestReplaceUmask checks that Replace gives the mode asked for whatever
// the umask.
func TestReplaceUmask(t *testing.T) {
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	name := filepath.Join(t.TempDir(), "card.png")
	if err := wholefile.Replace(name, []byte("png"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, info, err := wholefile.Read(name, nil, 10); err != nil || info.Perm != 0o644 {
		t.Errorf("mode %v, %v; want -rw-r--r--", info.Perm, err)
	}
}

// TestCreateUmask checks that Create gives the mode asked for whatever
// the umask.
func TestCreateUmask(t *testing.T) {
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	name := filepath.Join(t.TempDir(), "card.png")
	if err := wholefile.Create(name, []byte("png"), 0o644); errors.Is(err, errors.ErrUnsupported) {
		t.Skip(err)
	} else if err != nil {
		t.Fatal(err)
	}
	if _, info, err := wholefile.Read(name, nil, 10); err != nil || info.Perm != 0o644 {
		t.Errorf("mode %v, %v; want -rw-r--r--", info.Perm, err)
	}
}
