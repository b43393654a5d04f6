package platform_test

import (
	"testing"

	"github.com/faqcast/faqcast/generator/platform"
)

// TestCountXAgainstTwitterText checks CountX against what twitter-text
// 3.1.0 itself counts (parseTweet's weightedLength, run on these texts
// with Node.js 20) for the strings its conformance suite leaves out: a
// host in another script with ñ in its query, ZWJ sequences newer than
// twemoji 14 (which count as their parts), a site under a reserved TLD
// and on localhost (counted in full), bare domains, accents and CJK, the
// text and emoji presentations, and t.co.
func TestCountXAgainstTwitterText(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"Mira https://www.clínica.com/citas?nombre=muñoz&x=1 hoy", 39},
		{"🐦\u200d🔥 phoenix 🐦\u200d⬛ and 🙂\u200d↔️ head shake", 40},
		{"🧑🏽\u200d🩰 ballet, 🫨 shaking, 🪿 goose", 34},
		{"Visit https://riverbend.example/faq/flu-shots/?utm_source=x&utm_medium=social for more", 86},
		{"Visit https://riverbend.health/faq/flu-shots/?utm_source=x&utm_medium=social for more", 38},
		{"See http://localhost:1313/faq/ now", 34},
		{"readme.md and foo.jp and example.health", 79},
		{"Café ñandú 日本語 한국어", 24},
		{"👨‍👩‍👧‍👦 🇺🇸 👍🏽 1️⃣ ©️ © ⌚ ⌚︎", 24},
		{"http://t.co/abc123's and www.example.co.uk/path?x=1.", 54},
	} {
		if got := platform.CountX(tc.text); got != tc.want {
			t.Errorf("CountX(%q) = %d, twitter-text says %d", tc.text, got, tc.want)
		}
	}
}
