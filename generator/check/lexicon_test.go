package check

import (
	"slices"
	"strings"
	"testing"
)

// naiveHits is what lexicon.find must return: every literal at every
// offset, by offset and then (which find need not do) by id.
func naiveHits(lx *lexicon, s string) []hit {
	var hs []hit
	for i := range len(s) {
		for id, l := range lx.lits {
			if hasLiteral(s[i:], l) {
				hs = append(hs, hit{int32(i), uint16(id)})
			}
		}
	}
	sortHits(hs)
	return hs
}

// found returns lx.find(s, nil), by offset and then by id, and whether find
// gave them by offset.
func found(lx *lexicon, s string) ([]hit, bool) {
	hs := lx.find(s, nil)
	ordered := slices.IsSortedFunc(hs, func(a, b hit) int { return int(a.at - b.at) })
	sortHits(hs)
	return hs, ordered
}

func sortHits(hs []hit) {
	slices.SortFunc(hs, func(a, b hit) int {
		if a.at != b.at {
			return int(a.at - b.at)
		}
		return int(a.id) - int(b.id)
	})
}

func TestLexiconFind(t *testing.T) {
	a := compile(`(?i)\b(?:cure|cures|cured)\b`)
	b := compile(`\b\d{3}-\d{4}\b`)
	c := compile(`(?i)\bcure[sd]?|#1\b`).near("cure", "#", "1")
	d := compile(`\b(?:MD|Dr)\b`)
	lx := newLexicon(a, b, c, compile(`\w+`), d)
	// (?i) s also matches the long s, ſ; a capital stands for itself.
	// The patterns' further sets come after their own literals: b's
	// digits and c's "#1".
	if want := []string{"cure", "cured", "cures", "cureſ", "-", "#", "1", "Dr", "MD", "0", "2", "3", "4", "5", "6", "7", "8", "9", "#1"}; !slices.Equal(lx.lits, want) {
		t.Fatalf("lits = %q, want %q", lx.lits, want)
	}
	for p, want := range map[*pattern][][]uint16{a: nil, b: {{9, 6, 10, 11, 12, 13, 14, 15, 16, 17}}, c: {{0, 18}}, d: nil} {
		var need []idSet
		if lp := lx.of[p]; lp != nil {
			need = lp.need
		}
		if len(need) != len(want) {
			t.Errorf("%s has %d further sets, want %d", p.re(), len(need), len(want))
			continue
		}
		for k, ids := range want {
			for id := range uint16(len(lx.lits)) {
				if got := need[k].has(id); got != slices.Contains(ids, id) {
					t.Errorf("further set %d of %s has %d = %v", k, p.re(), id, got)
				}
			}
		}
	}
	for p, want := range map[*pattern][]uint16{a: {0, 1, 2, 3}, b: {4}, c: {0, 5, 6}, d: {7, 8}} {
		for id := range uint16(len(lx.lits)) {
			if got := lx.of[p].ids.has(id); got != slices.Contains(want, id) {
				t.Errorf("ids of %s has %d = %v", p.re(), id, got)
			}
		}
	}
	if _, ok := lx.of[compile(`\w+`)]; ok || len(lx.of) != 4 {
		t.Errorf("a pattern without literals is in the lexicon")
	}
	for _, s := range []string{
		"", "c", "cure", "CURED", "Cures #1 and #12 - 555-1234.", "ccure cu-re curE1", "x\u212aure cureſ",
		strings.Repeat("cure-", 10), "MD Md mD md DR Dr dr dR MDr",
	} {
		if got, ordered := found(lx, s); !slices.Equal(got, naiveHits(lx, s)) || !ordered {
			t.Errorf("find(%q) = %v (by offset: %v), want %v", s, got, ordered, naiveHits(lx, s))
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
			t.Errorf("%s is not among the patterns the tests compare with their expressions", p.re())
		}
		if _, ok := textLexicon().of[p]; ok != (p.lits != nil) {
			t.Errorf("%s: in the lexicon = %v, has literals = %v", p.re(), ok, p.lits != nil)
		}
		// Every pattern scans windows: a pattern without literals, or
		// whose matches may hold any number of words, scans every text
		// whole.
		if p.lits == nil || p.span < 0 || p.anchored {
			t.Errorf("%s scans every text whole: literals %q, at most %d runs of white space, anchored %v", p.re(), p.lits, p.span, p.anchored)
		}
	}
	texts := corpus(t)
	if got, ordered := found(textLexicon(), texts[0]); !slices.Equal(got, naiveHits(textLexicon(), texts[0])) || !ordered {
		t.Errorf("find of the first corpus text: %d hits (by offset: %v), want %d", len(got), ordered, len(naiveHits(textLexicon(), texts[0])))
	}
}

func FuzzLexicon(f *testing.F) {
	f.Add("Cures #1 and #12 - 555-1234. Call 1-800-555-0100")
	f.Add("Mr. Smith, DOB 01/02/1990, ZIP 02139, ſ")
	f.Fuzz(func(t *testing.T, s string) {
		if got, ordered := found(textLexicon(), s); !slices.Equal(got, naiveHits(textLexicon(), s)) || !ordered {
			t.Errorf("find(%q) = %v (by offset: %v), want %v", s, got, ordered, naiveHits(textLexicon(), s))
		}
	})
}

func BenchmarkLexicon(b *testing.B) {
	text := strings.Join(corpus(b), "\n")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		textLexicon().find(text, nil)
	}
}
