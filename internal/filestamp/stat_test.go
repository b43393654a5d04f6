//go:build linux || darwin

package filestamp_test

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/faqcast/faqcast/internal/filestamp"
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
	var st syscall.Stat_t
	if err := syscall.Fstat(int(f.Fd()), &st); err != nil {
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
