package platform_test

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/faqcast/faqcast/generator/platform"
	"golang.org/x/text/unicode/norm"
)

// seeds are texts to start both fuzz tests from.
var seeds = []string{
	"",
	"Hello, world!",
	utm,
	"Visit riverbend.org/faq/x/?utm_source=x now",
	"(see https://x.org/a).",
	"https://en.wikipedia.org/wiki/Ear_(disambiguation))",
	"user@example.com example.health readme.md x.co",
	"Ask @a@very.long.domain.example at https://x.org",
	grin + heart + thumbs + family + flagUS + keycap1,
	"日本語 e\u0301 ¿Qué vacunas necesito?",
	"a\xffb\xe2\x82",
	"\u0600https://x.org\u20E3",
	"@a@b\u200D" + grin,
}

func FuzzCount(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		nfc := norm.NFC.String(s)
		runes := utf8.RuneCountInString(nfc)

		x := platform.CountX(s)
		urls := len(platform.XURLs(nfc))
		// Outside URLs every code point weighs at most 2 and an emoji
		// cluster of one or more code points weighs 2; a URL weighs 23.
		if x < 23*urls || x > 2*runes+23*urls {
			t.Errorf("CountX = %d, outside [%d, %d] for %d runes and %d URLs", x, 23*urls, 2*runes+23*urls, runes, urls)
		}

		g := platform.CountGraphemes(s)
		if g < 0 || g > utf8.RuneCountInString(s) || (g == 0) != (s == "") {
			t.Errorf("CountGraphemes = %d for %d runes", g, utf8.RuneCountInString(s))
		}

		// Each URL with a scheme becomes 23 characters, and each mention
		// only gets shorter.
		m := platform.CountMastodon(s)
		if m < 0 || m > g+23*len(platform.URLs(s)) {
			t.Errorf("CountMastodon = %d, graphemes %d, URLs %d", m, g, len(platform.URLs(s)))
		}

		c := platform.CountChars(s)
		if c != runes {
			t.Errorf("CountChars = %d, want %d", c, runes)
		}

		// An emoji counts its bytes (at least its code points), anything
		// else its code points.
		th := platform.CountThreads(s)
		if th < c || th > len(nfc) {
			t.Errorf("CountThreads = %d, outside [%d, %d]", th, c, len(nfc))
		}

		for _, p := range platform.All {
			if got := p.Measure(s, 0); got.Length < 0 || got.Bytes != len(s) {
				t.Errorf("%s: Measure = %+v", p.Name, got)
			}
		}
	})
}

func FuzzURLs(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// X's URLs: in order, in range and whole UTF-8.
		xend := 0
		for _, sp := range platform.XURLs(s) {
			if sp.Start < xend || sp.End <= sp.Start || sp.End > len(s) || !utf8.ValidString(s[sp.Start:sp.End]) {
				t.Fatalf("X span %v out of order, out of range or not UTF-8 (previous end %d, len %d)", sp, xend, len(s))
			}
			xend = sp.End
		}
		end := 0
		for _, sp := range platform.URLs(s) {
			if sp.Start < end || sp.End <= sp.Start || sp.End > len(s) {
				t.Fatalf("span %v out of order or range (previous end %d, len %d)", sp, end, len(s))
			}
			end = sp.End
			u := s[sp.Start:sp.End]
			if !utf8.ValidString(u) || strings.ContainsFunc(u, unicode.IsSpace) {
				t.Errorf("URL %q holds invalid UTF-8 or white space", u)
			}
			before, _ := utf8.DecodeLastRuneInString(s[:sp.Start])
			if sp.Start > 0 && (before == '@' || before == '＠' || before < utf8.RuneSelf && (unicode.IsLetter(before) || unicode.IsDigit(before))) {
				t.Errorf("URL %q starts after %q", u, before)
			}
			last, _ := utf8.DecodeLastRuneInString(u)
			if strings.ContainsRune(".,;:!?'\"*$%~@|[](–", last) {
				t.Errorf("URL %q ends in punctuation", u)
			}
			if strings.Count(u, "(") != strings.Count(u, ")") {
				t.Errorf("URL %q has unbalanced parentheses", u)
			}
			// Taken out of its text, a URL is still one whole URL.
			if got := platform.URLs(u); len(got) != 1 || got[0] != (platform.Span{Start: 0, End: len(u)}) {
				t.Errorf("URLs(%q) = %v, from %q", u, got, s)
			}
		}
	})
}
