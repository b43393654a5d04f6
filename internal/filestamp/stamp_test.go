package filestamp_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/faqcast/faqcast/internal/filestamp"
)

func TestStamp(t *testing.T) {
	name := filepath.Join(t.TempDir(), "a.md")
	write := func(data string) filestamp.Stamp {
		t.Helper()
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(name)
		if err != nil {
			t.Fatal(err)
		}
		return filestamp.Of(fi)
	}
	a := write("one")
	if fi, _ := os.Stat(name); filestamp.Of(fi) != a {
		t.Error("the stamp of an untouched file changed")
	}
	// Replaced by a file of the same size and times: the inode tells.
	old := time.Unix(0, a.ModTime)
	tmp := name + ".tmp"
	if err := os.WriteFile(tmp, []byte("two"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(tmp, old, old); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, name); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(name); filestamp.Of(fi) == a {
		t.Error("a replaced file kept its stamp")
	}
	b := write("three")
	if b.Size != 5 || b == a {
		t.Errorf("stamp after a write: %+v", b)
	}
	if b.Settled(time.Unix(0, b.ModTime)) || !b.Settled(time.Unix(0, b.ModTime).Add(filestamp.Settle+time.Second)) {
		t.Error("Settled does not wait Settle after the last change")
	}
}
