//go:build linux || darwin

package filestamp_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/faqcast/faqcast/internal/filestamp"
	"golang.org/x/sys/unix"
)

func TestOfStat(t *testing.T) {
	name := filepath.Join(t.TempDir(), "a.md")
	if err := os.WriteFile(name, []byte("some bytes"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var st unix.Stat_t
	if err := unix.Fstat(int(f.Fd()), &st); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Lstat(name)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := filestamp.OfStat(&st), filestamp.Of(fi); got != want || got.Size != 10 {
		t.Errorf("OfStat = %+v, Of = %+v", got, want)
	}
}
