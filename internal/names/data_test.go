package names

import (
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestSizes checks that the shipped lists load whole.
func TestSizes(t *testing.T) {
	l := Load()
	for _, tc := range []struct {
		what string
		got  int
		min  int
	}{
		{"given names", l.given.len(), 100_000},   // SSA: 104,819
		{"surnames", l.surnames.len(), 160_000},   // Census 2010: 162,253
		{"words", l.words.len(), 70_000},          // SCOWL up to 60: 77,305
		{"place keys", l.places.len(), 20_000},    // with their beginnings
		{"well-known keys", l.known.len(), 1_500}, // likewise
	} {
		if tc.got < tc.min {
			t.Errorf("%d %s, want at least %d", tc.got, tc.what, tc.min)
		}
	}
	codes := 0
	for _, row := range l.codes {
		for _, ok := range row {
			if ok {
				codes++
			}
		}
	}
	if codes != 56 {
		t.Errorf("%d postal codes, want 56 (50 states, DC and 5 territories)", codes)
	}
}

// knownEntries returns the kind and name of each entry of data/known.txt.
func knownEntries(t *testing.T) [][2]string {
	var out [][2]string
	for line := range strings.Lines(knownData) {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		kind, name, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("no tab in %q", line)
		}
		out = append(out, [2]string{kind, name})
	}
	return out
}

// TestKnownList checks data/known.txt: each entry is found whole with its
// kind, no two entries have the same key, and the one-word entries that
// are also given names or surnames of some currency are the ones meant.
func TestKnownList(t *testing.T) {
	l := Load()
	seen := map[string]string{}
	// One-word entries kept although people bear them: a checker should
	// weigh their cues.
	common := map[string]bool{
		"Valentine": true, "Santa": true, "Easter": true, "Christmas": true, "Lent": true,
		"Elmo": true, "Olaf": true, "Barbie": true, "Allegra": true, "Achilles": true,
		"Beyoncé": true, "Gandhi": true, "Parkinson's": true, "Cushing's": true,
		"Huntington's": true, "Hashimoto's": true, "Epley": true, "Apgar": true,
		"Disney": true, "Halls": true, "Eid": true, "Ramadan": true,
		"Vanderbilt": true, "Kroger": true, "Merck": true, "Domino's": true,
		"Applebee's": true, "Dunkin'": true,
	}
	for _, e := range knownEntries(t) {
		kind, name := e[0], e[1]
		words := strings.Fields(name)
		n, k := l.Known(words)
		if n != len(words) || k.String() != kind {
			t.Errorf("Known(%q) = %d, %v; want %d, %s", name, n, k, len(words), kind)
		}
		var key []byte
		for i, w := range words {
			if i > 0 {
				key = append(key, ' ')
			}
			key, _ = appendPhraseWord(key, w)
		}
		if old, ok := seen[string(key)]; ok {
			t.Errorf("%q and %q have the same key %q", old, name, key)
		}
		seen[string(key)] = name
		if len(words) == 1 && !common[name] && (l.Given(name) > 5 || l.Surname(name) > 5) {
			t.Errorf("%q is a %s but also a name: given %.1f, surname %.1f per million",
				name, kind, l.Given(name), l.Surname(name))
		}
	}
}

// TestLoadCost reports, and does not check, how long reading the data
// takes and how much heap the lexicon holds. See BenchmarkLoad too.
func TestLoadCost(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	l, err := read()
	took := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(l)
	t.Logf("read in %v; heap in use after: +%.1f MiB; allocated while reading: %.1f MiB",
		took.Round(time.Millisecond),
		float64(after.HeapAlloc-before.HeapAlloc)/(1<<20),
		float64(after.TotalAlloc-before.TotalAlloc)/(1<<20))
}
