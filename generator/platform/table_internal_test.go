package platform

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

func TestRuneTables(t *testing.T) {
	for name, rs := range map[string][]runeRange{
		"pictographic": pictographic,
		"presentation": presentation,
		"xLightRanges": xLightRanges,
	} {
		for i, r := range rs {
			if r.lo > r.hi || i > 0 && r.lo <= rs[i-1].hi+1 {
				t.Errorf("%s[%d] = %#x–%#x: empty, unsorted, overlapping or not merged", name, i, r.lo, r.hi)
			}
		}
	}
	// The singles and blocks the emoji-data file lists as
	// Extended_Pictographic.
	for _, r := range []rune{
		0x00A9, 0x00AE, 0x203C, 0x2049, 0x2122, 0x2139, 0x2194, 0x2199, 0x21A9, 0x21AA,
		0x231A, 0x231B, 0x2328, 0x23CF, 0x23E9, 0x23F3, 0x23F8, 0x23FA, 0x24C2, 0x25AA,
		0x25AB, 0x25B6, 0x25C0, 0x25FB, 0x25FE, 0x2600, 0x2764, 0x27BF, 0x2934, 0x2935,
		0x2B05, 0x2B07, 0x2B1B, 0x2B1C, 0x2B50, 0x2B55, 0x3030, 0x303D, 0x3297, 0x3299,
		0x1F000, 0x1F600, 0x1F9FF, 0x1FAFF,
	} {
		if !in(pictographic, r) {
			t.Errorf("%U is not in pictographic", r)
		}
	}
	for _, r := range []rune{0, '#', '1', 'a', 0x00AA, 0x2000, 0x2306, 0x1F1E6, 0x1F3FB, 0x1FB00, 0x10FFFF} {
		if in(pictographic, r) {
			t.Errorf("%U is in pictographic", r)
		}
	}
	// Every Emoji_Presentation code point is Extended_Pictographic, except
	// the regional indicators and skin-tone modifiers.
	for _, rr := range presentation {
		for r := rr.lo; r <= rr.hi; r++ {
			if !in(pictographic, r) && !(r >= regionalLow && r <= regionalHigh) && !(r >= modifierLow && r <= modifierHigh) {
				t.Errorf("%U has emoji presentation but is not pictographic", r)
			}
		}
	}
}

func TestTLDs(t *testing.T) {
	if !slices.IsSorted(tlds) || len(slices.Compact(slices.Clone(tlds))) != len(tlds) {
		t.Error("tlds is not sorted and unique")
	}
	if len(tlds) < 150 {
		t.Errorf("%d TLDs, want at least 150", len(tlds))
	}
	for _, tld := range tlds {
		if tld == "" || strings.Trim(tld, "abcdefghijklmnopqrstuvwxyz") != "" {
			t.Errorf("TLD %q is not lower-case ASCII letters", tld)
		}
	}
	for _, tld := range []string{
		"com", "net", "org", "edu", "gov", "mil", "int", "info", "biz", "name", "mobi", "pro",
		"aero", "coop", "museum", "health", "care", "clinic", "doctor", "dental", "hospital",
		"medical", "pharmacy", "fitness", "app", "dev", "io", "ai", "co", "me", "tv", "us", "uk",
		"ca", "au", "de", "fr", "es", "it", "nl", "be", "ch", "at", "se", "no", "dk", "fi", "ie",
		"nz", "in", "jp", "cn", "br", "mx", "ar", "COM", "Health", "xn--p1ai",
	} {
		if !isTLD(tld) {
			t.Errorf("isTLD(%q) = false", tld)
		}
	}
	for _, tld := range []string{"example", "test", "invalid", "localhost", "local", "onion", "txt", "b", "14", "", "xn--"} {
		if isTLD(tld) {
			t.Errorf("isTLD(%q) = true", tld)
		}
	}
}

// TestInWordASCII checks inWord's quick answer for ASCII against the
// Unicode classes it stands for.
func TestInWordASCII(t *testing.T) {
	for r := rune(-1); r < 0x80; r++ {
		want := strings.ContainsRune("_@$#", r) ||
			unicode.IsDigit(r) || unicode.Is(unicode.Latin, r) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me)
		if got := inWord(r); got != want {
			t.Errorf("inWord(%q) = %v, want %v", r, got, want)
		}
	}
}
