package check

import (
	"slices"
	"strings"
	"testing"
)

// naiveHits is what lexicon.find must return: every literal at every
// offset, ASCII case aside, by offset and then id.
func naiveHits(lx *lexicon, s string) []hit {
	var hs []hit
	for i := range len(s) {
		for id, l := range lx.lits {
			if hasLiteral(s[i:], l) {
				hs = append(hs, hit{int32(i), uint16(id)})
			}
		}
	}
	slices.SortStableFunc(hs, func(a, b hit) int {
		if a.at != b.at {
			return int(a.at - b.at)
		}
		return int(a.id) - int(b.id)
	})
	return hs
}

func TestLexiconFind(t *testing.T) {
	a := compile(`(?i)\b(?:cure|cures|cured)\b`)
	b := compile(`\b\d{3}-\d{4}\b`)
	c := compile(`(?i)\bcure[sd]?|#1\b`).near("cure", "#", "1")
	lx := newLexicon(a, b, c, compile(`\w+`))
	// (?i) s also matches the long s, ſ.
	if want := []string{"cure", "cured", "cures", "cureſ", "-", "#", "1"}; !slices.Equal(lx.lits, want) {
		t.Fatalf("lits = %q, want %q", lx.lits, want)
	}
	for p, want := range map[*pattern][]uint16{a: {0, 1, 2, 3}, b: {4}, c: {0, 5, 6}} {
		for id := range uint16(len(lx.lits)) {
			if got := lx.ids[p].has(id); got != slices.Contains(want, id) {
				t.Errorf("ids of %s has %d = %v", p.re, id, got)
			}
		}
	}
	if _, ok := lx.ids[compile(`\w+`)]; ok || len(lx.ids) != 3 {
		t.Errorf("a pattern without literals is in the lexicon")
	}
	for _, s := range []string{
		"", "c", "cure", "CURED", "Cures #1 and #12 - 555-1234.", "ccure cu-re curE1", "x\u212aure cureſ",
		strings.Repeat("cure-", 10),
	} {
		if got, want := lx.find(s), naiveHits(lx, s); !slices.Equal(got, want) {
			t.Errorf("find(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestTextLexicon(t *testing.T) {
	all := patterns()
	for _, p := range textPatterns() {
		found := false
		for _, q := range all {
			found = found || q == p
		}
		if !found {
			t.Errorf("%s is not among the patterns the tests compare with their expressions", p.re)
		}
		if _, ok := textLexicon.ids[p]; ok != (p.lits != nil) {
			t.Errorf("%s: in the lexicon = %v, has literals = %v", p.re, ok, p.lits != nil)
		}
	}
	texts := corpus(t)
	if got, want := textLexicon.find(texts[0]), naiveHits(textLexicon, texts[0]); !slices.Equal(got, want) {
		t.Errorf("find of the first corpus text: %d hits, want %d", len(got), len(want))
	}
}

func FuzzLexicon(f *testing.F) {
	f.Add("Cures #1 and #12 - 555-1234. Call 1-800-555-0100")
	f.Add("Mr. Smith, DOB 01/02/1990, ZIP 02139, ſ")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := textLexicon.find(s), naiveHits(textLexicon, s); !slices.Equal(got, want) {
			t.Errorf("find(%q) = %v, want %v", s, got, want)
		}
	})
}

func BenchmarkLexicon(b *testing.B) {
	text := strings.Join(corpus(b), "\n")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		textLexicon.find(text)
	}
}
