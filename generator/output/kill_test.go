package output

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// killFiles are the files the killed writer writes, in one of two
// versions: each file names its version, and is long enough that writing
// the set takes a while.
func killFiles(version string) []File {
	files := make([]File, 400)
	for i := range files {
		p := fmt.Sprintf("faq/q%03d/index.html", i)
		files[i] = File{Path: p, Data: []byte(version + " " + p + " " + strings.Repeat(version, 4000))}
	}
	return files
}

// TestWriteKilled kills a process that writes two versions of a site in
// turn, again and again, at random times, 50 times: each time, every file
// it leaves must be whole (one version or the other, never a mix or a
// part), and the next process's first Write must leave no temporary file
// behind.
func TestWriteKilled(t *testing.T) {
	if dir := os.Getenv("FAQCAST_KILLED_WRITER"); dir != "" {
		w := &Writer{Dir: dir}
		for k := 0; ; k++ {
			if _, err := w.Write(context.Background(), killFiles([]string{"A", "B"}[k%2]), nil); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
		}
	}
	if testing.Short() {
		t.Skip("kills 50 processes")
	}
	dir := dest(t)
	whole := map[string]bool{}
	for _, v := range []string{"A", "B"} {
		for _, f := range killFiles(v) {
			whole[string(f.Data)] = true
		}
	}
	rng := rand.New(rand.NewPCG(17, 50))
	leftovers := 0
	for kill := range 50 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestWriteKilled$")
		cmd.Env = append(os.Environ(), "FAQCAST_KILLED_WRITER="+dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(20+rng.IntN(150)) * time.Millisecond)
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		_ = cmd.Wait()
		for p, data := range contents(t, dir) {
			switch {
			case p == ManifestName:
			case strings.HasPrefix(filepath.Base(p), tmpPrefix):
				leftovers++
			case !whole[data]:
				t.Fatalf("kill %d: %s holds %d bytes of neither version", kill, p, len(data))
			}
		}
		// The next process's first Write.
		if _, err := (&Writer{Dir: dir}).Write(context.Background(), killFiles("A"), nil); err != nil {
			t.Fatalf("kill %d: the next Write: %v", kill, err)
		}
		for p, data := range contents(t, dir) {
			if strings.HasPrefix(filepath.Base(p), tmpPrefix) || p != ManifestName && !strings.HasPrefix(data, "A ") {
				t.Fatalf("kill %d: after the next Write, %s is left", kill, p)
			}
		}
	}
	t.Logf("50 kills left %d temporary files, all removed by the next Write", leftovers)
}
