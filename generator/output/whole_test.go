//go:build linux || darwin

package output

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// TestNewFoldersWhole checks the folders a Write makes whole: their files
// are in place with mode 0644 whatever the umask, nothing temporary is left,
// and a reader that finds such a folder finds all of its files, whole.
func TestNewFoldersWhole(t *testing.T) {
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)

	site := map[string]string{
		"index.html":        "home",
		"blog/a.html":       "a", // blog holds a new folder: not made whole
		"blog/deep/b.html":  "b",
		"social/posts/1.md": "one",
		"social/posts/2.md": "two",
	}
	for i := range 300 {
		for _, f := range []string{"index.html", "card.png", "square.png"} {
			site[fmt.Sprintf("faq/q%03d/%s", i, f)] = fmt.Sprintf("%s of q%03d %s", f, i, strings.Repeat("x", 2000))
		}
	}
	dir := dest(t)
	var wg sync.WaitGroup
	done := make(chan struct{})
	var looked int
	wg.Go(func() {
		for {
			select {
			case <-done:
				return
			default:
			}
			ls, _ := os.ReadDir(filepath.Join(dir, "faq"))
			for _, e := range ls {
				if strings.HasPrefix(e.Name(), tmpPrefix) {
					continue
				}
				for _, f := range []string{"index.html", "card.png", "square.png"} {
					p := "faq/" + e.Name() + "/" + f
					if data, err := os.ReadFile(filepath.Join(dir, p)); err != nil || string(data) != site[p] {
						t.Errorf("a reader found %s as %d bytes, %v", p, len(data), err)
						return
					}
				}
				looked++
			}
		}
	})
	st := write(t, dir, site)
	close(done)
	wg.Wait()
	if st.Written != len(site) {
		t.Errorf("Write: %+v, want %d written", st, len(site))
	}
	got := contents(t, dir)
	for p, data := range site {
		if got[p] != data {
			t.Errorf("%s holds %q", p, got[p])
		}
		fi, err := os.Stat(filepath.Join(dir, p))
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %v, want 0644", p, fi.Mode().Perm())
		}
	}
	for p := range got {
		if strings.Contains(p, tmpPrefix) {
			t.Errorf("left %s", p)
		}
	}
	t.Logf("the reader looked at %d folders", looked)
}
