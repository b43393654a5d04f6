package output

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// killFiles are the files the killed writer writes, in one of two
// versions: each file names its version, and is long enough that writing
// the set takes a while. Those in killTogether, the publisher's, are
// written together; version B has one more of them.
func killFiles(version string) []File {
	files := make([]File, 400)
	for i := range files {
		p := fmt.Sprintf("faq/q%03d/index.html", i)
		files[i] = File{Path: p, Data: []byte(version + " " + p + " " + strings.Repeat(version, 4000))}
	}
	n := killPublished
	if version == "B" {
		n++
	}
	for i := range n {
		p := fmt.Sprintf("%s/export-%02d.csv", killTogether, i)
		files = append(files, File{Path: p, Data: []byte(version + " " + p + " " + strings.Repeat(version, 30_000))})
	}
	return files
}

// killPublished is how many files version A of killFiles has in
// killTogether: enough that a kill often falls while they are written.
const killPublished = 20

// killTogether is the folder of killFiles written together.
const killTogether = "social/publish"

// TestWriteKilled kills a process that writes two versions of a site in
// turn, again and again, at random times, 50 times: each time, every file
// it leaves must be whole (one version or the other, never a mix or a
// part), the files of the folder written together must all be of one
// version, and the next process's first Write must leave no temporary
// file or folder behind.
func TestWriteKilled(t *testing.T) {
	if dir := os.Getenv("FAQCAST_KILLED_WRITER"); dir != "" {
		w := &Writer{Dir: dir, Together: []string{killTogether}}
		for k := 0; ; k++ {
			if _, err := w.Write(context.Background(), killFiles([]string{"A", "B"}[k%2]), nil); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			fmt.Println("wrote", time.Now().UnixNano())
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
	leftovers, during := 0, 0 // during: kills while the folder written together was
	for kill := range 50 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestWriteKilled$")
		cmd.Env = append(os.Environ(), "FAQCAST_KILLED_WRITER="+dir)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// After two Writes, which tell how long one takes, at a random
		// time within the next.
		lines := bufio.NewScanner(out)
		var at []int64
		for len(at) < 3 && lines.Scan() {
			var ns int64
			if _, err := fmt.Sscanf(lines.Text(), "wrote %d", &ns); err == nil {
				at = append(at, ns)
			}
		}
		if len(at) < 3 {
			t.Fatalf("kill %d: the writer stopped: %v", kill, cmd.Wait())
		}
		took := at[2] - at[1]
		time.Sleep(time.Duration(rng.Int64N(max(took, 1))))
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		go io.Copy(io.Discard, out)
		_ = cmd.Wait()
		together := map[string]int{} // by version: files in the folder written together
		if ls, _ := os.ReadDir(filepath.Join(dir, filepath.Dir(killTogether))); slices.ContainsFunc(ls, func(e os.DirEntry) bool {
			return e.IsDir() && strings.HasPrefix(e.Name(), tmpPrefix)
		}) {
			during++
		}
		for p, data := range contents(t, dir) {
			switch {
			case p == ManifestName:
			case strings.Contains(p, tmpPrefix):
				leftovers++
			case !whole[data]:
				t.Fatalf("kill %d: %s holds %d bytes of neither version", kill, p, len(data))
			case strings.HasPrefix(p, killTogether+"/"):
				together[data[:1]]++
			}
		}
		switch {
		case len(together) > 1:
			t.Fatalf("kill %d: %s holds files of both versions: %v", kill, killTogether, together)
		case together["A"] > 0 && together["A"] != killPublished, together["B"] > 0 && together["B"] != killPublished+1:
			t.Fatalf("kill %d: %s holds a part of a version: %v", kill, killTogether, together)
		}
		// The next process's first Write.
		if _, err := (&Writer{Dir: dir, Together: []string{killTogether}}).Write(context.Background(), killFiles("A"), nil); err != nil {
			t.Fatalf("kill %d: the next Write: %v", kill, err)
		}
		for p, data := range contents(t, dir) {
			if strings.Contains(p, tmpPrefix) || p != ManifestName && !strings.HasPrefix(data, "A ") {
				t.Fatalf("kill %d: after the next Write, %s is left", kill, p)
			}
		}
	}
	t.Logf("50 kills left %d temporary files, all removed by the next Write; %s was whole every time, %d kills falling while it was written", leftovers, killTogether, during)
}
