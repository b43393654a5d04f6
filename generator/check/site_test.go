package check

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
)

// TestPatternWindowsSite compares, as TestPatternWindows does on the
// labelled corpora, every pattern's scan in windows around the one-pass
// literal hits with its expression's scan of the whole text, on the entry
// files of a generated 10,000-entry site (cmd/faqcast-corpus, as the
// benchmarks build): the findings of the checks are the same with the one
// pass as without it. Its entries are longer than the corpora's texts and
// made of other sentences. Scanning a text whole with every expression is
// what the one pass saves, and with the windowed scans takes about 35 ms
// of CPU an entry: the test scans every 40th entry, or all of them with
// FAQCAST_SITE_ALL=1 (about 3 minutes on 2 cores).
func TestPatternWindowsSite(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and scans a site of 10,000 entries")
	}
	const n = 10000
	every := 40
	if os.Getenv("FAQCAST_SITE_ALL") != "" {
		every = 1
	}
	dir := t.TempDir()
	if out, err := exec.Command("go", "run", "../../cmd/faqcast-corpus", "-n", strconv.Itoa(n), "-o", dir).CombinedOutput(); err != nil {
		t.Fatalf("generating the site: %v\n%s", err, out)
	}
	files, err := filepath.Glob(filepath.Join(dir, "content", "*.md"))
	if err != nil || len(files) != n {
		t.Fatalf("%d entries generated, want %d: %v", len(files), n, err)
	}
	ps := patterns()
	names := wholeNames(ps)
	var wg sync.WaitGroup
	work := make(chan string)
	for range 4 {
		wg.Go(func() {
			for f := range work {
				b, err := os.ReadFile(f)
				if err != nil {
					t.Error(err)
					continue
				}
				sc := newScan(textLexicon(), string(b))
				for _, name := range names {
					if d := sameAsWhole(ps[name], sc); d != "" {
						t.Errorf("%s on %s: %s", name, filepath.Base(f), d)
					}
				}
				sc.free()
			}
		})
	}
	for i, f := range files {
		if i%every == 0 {
			work <- f
		}
	}
	close(work)
	wg.Wait()
}
