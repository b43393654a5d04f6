package fold

import (
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

func TestLatinTableMatchesDecomposition(t *testing.T) {
	if len(latin) != 0x180-0xC0 {
		t.Fatalf("latin has %d entries, want %d", len(latin), 0x180-0xC0)
	}
	for r := rune(0xC0); r < 0x180; r++ {
		c := latin[r-0xC0]
		var base rune
		for _, x := range norm.NFD.String(string(r)) {
			if x < 0x80 {
				base = unicode.ToLower(x)
			}
			break
		}
		switch {
		case c == '*':
			if pair(r) == "" {
				t.Errorf("%U %c: marked as a pair but has no spelling", r, r)
			}
		case c == '!':
			if unicode.IsLetter(r) {
				t.Errorf("%U %c: a letter marked as no letter", r, r)
			}
		case base != 0 && rune(c) != base:
			t.Errorf("%U %c: table says %c, decomposition says %c", r, r, c, base)
		case base == 0 && !unicode.IsLetter(r):
			t.Errorf("%U %c: not a letter but folded to %c", r, r, c)
		}
	}
}

func TestString(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Sofia", "sofia"},
		{"NÚÑEZ", "nunez"},
		{"José", "jose"},
		{"Sjögren’s", "sjogren's"},
		{"Guillain–Barré", "guillain-barre"},
		{"Straße", "strasse"},
		{"Æsop", "aesop"},
		{"Łukasz", "lukasz"},
		{"Zoë", "zoe"},
		{"Ελένη", "ελένη"},
		{"3×4", "3×4"},
		{"", ""},
	} {
		if got := String(tc.in); got != tc.want {
			t.Errorf("String(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestAppendASCIIDoesNotAllocate(t *testing.T) {
	var buf [64]byte
	if n := testing.AllocsPerRun(100, func() { _ = Append(buf[:0], "Whitfield") }); n != 0 {
		t.Errorf("Append allocated %v times per run, want 0", n)
	}
}
