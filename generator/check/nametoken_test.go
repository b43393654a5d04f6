package check

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzNameTokens(f *testing.F) {
	f.Add("Thanks to Mateo Ruiz's mom, 2nd x-ray! J. Smith’s “Día” — ¡olé! the Jameses' dog")
	f.Add("ugh walter stanek no showed")
	f.Fuzz(func(t *testing.T, s string) {
		low := ""
		if !strings.ContainsFunc(s, func(r rune) bool { return r >= utf8.RuneSelf }) {
			low = strings.ToLower(s)
		}
		toks := nameTokens(s, low, nil)
		// The same words with the text's lower case as without it.
		if !slices.Equal(toks, nameTokens(s, "", nil)) {
			t.Fatalf("nameTokens(%q) differs with the text's lower case", s)
		}
		last := 0
		for _, w := range toks {
			if w.start < last || w.start >= w.end || w.word != s[w.start:w.end] || w.low != strings.ToLower(w.word) ||
				w.gap != s[last:w.start] || !strings.HasPrefix(w.raw, w.word) || w.start+len(w.raw) > len(s) {
				t.Fatalf("nameTokens(%q): bad word %+v after offset %d", s, w, last)
			}
			last = w.start + len(w.raw)
		}
	})
}
