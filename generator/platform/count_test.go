package platform_test

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/faqcast/faqcast/generator/platform"
	"github.com/rivo/uniseg"
)

// Emoji used in the tests, spelled out.
const (
	grin    = "\U0001F600"                                                 // 😀, 4 bytes
	heart   = "\u2764\uFE0F"                                               // ❤️, 3+3 bytes
	thumbs  = "\U0001F44D\U0001F3FD"                                       // 👍🏽, 4+4 bytes
	family  = "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466" // 👨‍👩‍👧‍👦, 4×4+3×3 = 25 bytes
	flagUS  = "\U0001F1FA\U0001F1F8"                                       // 🇺🇸, 4+4 bytes
	keycap1 = "1\uFE0F\u20E3"                                              // 1️⃣, 1+3+3 bytes
)

// utm is a URL with a long query string: 98 characters.
const utm = "https://riverbend.support/faq/first-visit/?utm_source=x&utm_medium=social&utm_campaign=first-visit"

// counts is what each counter returns for one text.
type counts struct {
	x, graphemes, mastodon, threads, chars int
}

// all returns counts with every counter at n: right for ASCII without
// URLs or mentions.
func all(n int) counts { return counts{n, n, n, n, n} }

func TestCounters(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		want counts
	}{
		{"empty", "", all(0)},
		{"ascii", "Hello, world!", all(13)},

		// At and one over each limit, in ASCII.
		{"x limit", strings.Repeat("a", 280), all(280)},
		{"x over", strings.Repeat("a", 281), all(281)},
		{"bluesky limit", strings.Repeat("a", 300), all(300)},
		{"bluesky over", strings.Repeat("a", 301), all(301)},
		{"mastodon/threads limit", strings.Repeat("a", 500), all(500)},
		{"mastodon/threads over", strings.Repeat("a", 501), all(501)},
		{"gbp limit", strings.Repeat("a", 1500), all(1500)},
		{"gbp over", strings.Repeat("a", 1501), all(1501)},
		{"instagram limit", strings.Repeat("a", 2200), all(2200)},
		{"instagram over", strings.Repeat("a", 2201), all(2201)},
		{"linkedin limit", strings.Repeat("a", 3000), all(3000)},
		{"linkedin over", strings.Repeat("a", 3001), all(3001)},
		{"facebook limit", strings.Repeat("a", 63206), all(63206)},
		{"facebook over", strings.Repeat("a", 63207), all(63207)},
		// X: each CJK character weighs 2, so 140 reach the limit.
		{"x limit cjk", strings.Repeat("日", 140), counts{280, 140, 140, 140, 140}},
		{"x over cjk", strings.Repeat("日", 141), counts{282, 141, 141, 141, 141}},
		// 300 é written as e + U+0301: 300 graphemes unnormalised, 300
		// code points after NFC, weight 1 each on X (U+00E9 < U+10FF).
		{"bluesky limit decomposed", strings.Repeat("e\u0301", 300), all(300)},

		// URLs: 23 on X always, 23 on Mastodon only with a scheme.
		{"url with utm", utm, counts{23, 98, 23, 98, 98}},
		// "Read " 5 + URL + " today" 6.
		{"url in text", "Read " + utm + " today", counts{5 + 23 + 6, 5 + 98 + 6, 5 + 23 + 6, 109, 109}},
		{"bare domain", "example.health", counts{23, 14, 14, 14, 14}},
		// "Visit " 6 + 33-character URL + " now" 4.
		{"bare domain with path", "Visit riverbend.org/faq/x/?utm_source=x now", counts{6 + 23 + 4, 43, 43, 43, 43}},
		// 13 + 1 + 15 + 1 + 14 characters.
		{"several urls", "https://a.org https://b.org/x example.health", counts{23 + 1 + 23 + 1 + 23, 44, 23 + 1 + 23 + 1 + 14, 44, 44}},
		{"email is not a url", "user@example.com", all(16)},
		// "(see " 5 + https://x.org/a + ")." 2; 22 characters in all.
		{"trailing punctuation", "(see https://x.org/a).", counts{5 + 23 + 2, 22, 5 + 23 + 2, 22, 22}},
		{"reserved tld without scheme", "riverbend.example", all(17)},
		// X links only hosts under a TLD it knows, even after https://:
		// a reserved one counts in full there. Mastodon links it.
		{"reserved tld with scheme", "https://riverbend.example/faq/", counts{30, 30, 23, 30, 30}},
		{"localhost", "http://localhost:1313/faq/", counts{26, 26, 23, 26, 26}},
		// A name under a two-letter country code is a link on X, as
		// twitter-text's conformance suite has it (foo.jp, it.so), but
		// not to the lenient finder Mastodon's count uses.
		{"short cctld without path", "readme.md", counts{23, 9, 9, 9, 9}},

		// Emoji: 2 on X, 1 grapheme, their UTF-8 bytes on Threads.
		{"emoji", grin, counts{2, 1, 1, 4, 1}},
		{"heart with vs16", heart, counts{2, 1, 1, 6, 2}},
		// Without U+FE0F ❤ is text: U+2764 weighs 2 on X, 1 on Threads.
		{"heart as text", "\u2764", counts{2, 1, 1, 1, 1}},
		{"skin tone", thumbs, counts{2, 1, 1, 8, 2}},
		{"zwj family", family, counts{2, 1, 1, 25, 7}},
		{"flag", flagUS, counts{2, 1, 1, 8, 2}},
		{"keycap", keycap1, counts{2, 1, 1, 7, 3}},
		// © is U+00A9: weight 1 as text, an emoji (2) only with U+FE0F.
		{"copyright as text", "©", all(1)},
		{"copyright as emoji", "©\uFE0F", counts{2, 1, 1, 5, 2}},
		{"digit and hash", "#1", all(2)},
		// 480 letters and 10 emoji: 500 on X, 490 code points, but
		// 480 + 10×4 = 520 on Threads.
		{"threads emoji bytes", strings.Repeat("a", 480) + strings.Repeat(grin, 10), counts{500, 490, 490, 520, 490}},

		// Scripts and normalisation.
		{"cjk", "日本語", counts{6, 3, 3, 3, 3}},
		{"combining mark", "e\u0301", all(1)},
		{"precomposed", "\u00e9", all(1)},
		{"spanish", "¿Qué vacunas necesito?", all(22)},
		// U+2014 EM DASH is in 2010–201F (weight 1); U+2026 … is not.
		{"punctuation weights", "a\u2014b\u2026", counts{5, 4, 4, 4, 4}},

		// Mastodon mentions: @user@domain counts as @user.
		{"mention", "@a@very.long.domain.example", counts{27, 27, 2, 27, 27}},
		// "Ask " 4 + mention + " at " 4 + https://x.org (13).
		{"mention and url", "Ask @a@very.long.domain.example at https://x.org", counts{4 + 27 + 4 + 23, 48, 4 + 2 + 4 + 23, 48, 48}},
		{"local mention", "@riverbend", all(10)},

		// Invalid UTF-8: one unit a byte, weight 2 on X as U+FFFD.
		{"invalid utf-8", "a\xffb", counts{4, 3, 3, 3, 3}},
	} {
		got := counts{
			platform.CountX(tc.text),
			platform.CountGraphemes(tc.text),
			platform.CountMastodon(tc.text),
			platform.CountThreads(tc.text),
			platform.CountChars(tc.text),
		}
		if got != tc.want {
			t.Errorf("%s: got %+v, want %+v", tc.name, got, tc.want)
		}
	}
}

// BenchmarkCountX counts a post of about 300 characters with an emoji and
// a link, as the X fitting does many times for every entry.
func BenchmarkCountX(b *testing.B) {
	s := strings.Repeat("Flu shots are here for everyone over six months old. Book today 👍 ", 4) +
		"https://riverbend.health/faq/flu-shots/?utm_source=x"
	for b.Loop() {
		platform.CountX(s)
	}
}

// TestCountASCII checks the quick counts of ASCII text against the
// general ones: CountGraphemes against uniseg's clusters, CountThreads
// against the code points of the clusters, over texts of every ASCII
// byte, carriage returns and line feeds among them.
func TestCountASCII(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for n := range 300 {
		b := make([]byte, n)
		for i := range b {
			switch r.IntN(4) {
			case 0:
				b[i] = "\r\n"[r.IntN(2)]
			default:
				b[i] = byte(r.IntN(0x80))
			}
		}
		s := string(b)
		if got, want := platform.CountGraphemes(s), uniseg.GraphemeClusterCount(s); got != want {
			t.Errorf("CountGraphemes(%q) = %d, uniseg counts %d", s, got, want)
		}
		if got, want := platform.CountThreads(s), utf8.RuneCountInString(s); got != want {
			t.Errorf("CountThreads(%q) = %d, want %d", s, got, want)
		}
	}
}
