package entry

import (
	"cmp"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCompareLower(t *testing.T) {
	words := []string{"", "a", "A", "ab", "B", "É", "é", "ez", "Z", "ß", "Σ", "σς", "日本", "a b", "a-b", "İ", "i", "K", "\u212a"}
	for _, a := range words {
		for _, b := range words {
			if got, want := compareLower(a, b), cmp.Compare(strings.ToLower(a), strings.ToLower(b)); got != want {
				t.Errorf("compareLower(%q, %q) = %d, want %d", a, b, got, want)
			}
		}
	}
}

func FuzzCompareLower(f *testing.F) {
	f.Add("Apple", "apple pie")
	f.Add("Éclair", "eclair")
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			return
		}
		if got, want := compareLower(a, b), cmp.Compare(strings.ToLower(a), strings.ToLower(b)); got != want {
			t.Errorf("compareLower(%q, %q) = %d, want %d", a, b, got, want)
		}
	})
}
