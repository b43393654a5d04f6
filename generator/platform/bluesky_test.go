package platform_test

import (
	"testing"

	"github.com/faqcast/faqcast/generator/platform"
)

// TestBlueskyGraphemes checks CountGraphemes against what @atproto/api
// 0.21.0 counts (RichText's graphemeLength, run on these texts with
// Node.js 20, whose segmenter follows Unicode 17): emoji sequences, flags,
// tag sequences, combining marks, Hangul, Devanagari, skin tones, keycaps
// and a CRLF. They agree but for a Devanagari conjunct, which Unicode 15.1
// made one cluster (rule GB9c) and github.com/rivo/uniseg, at Unicode
// 15.0, splits: faqcast then counts one more, on the safe side of the
// limit.
func TestBlueskyGraphemes(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
		ours int // faqcast's count, where it differs
	}{
		{"Flu shots are here! 💉", 21, 0},
		{"👨‍👩‍👧‍👦 family", 8, 0},
		{"🇺🇸🇲🇽 flags", 8, 0},
		{"🏴󠁧󠁢󠁥󠁮󠁧󠁿 England", 9, 0},
		{"e\u0301 cafe\u0301", 6, 0},
		{"한국어 텍스트", 7, 0},
		{"नमस्ते दुनिया", 7, 8},
		{"👍🏽👍🏿", 2, 0},
		{"🐦\u200d🔥 phoenix", 9, 0},
		{"1️⃣ #️⃣", 3, 0},
		{"Ask @ana.bsky.social https://example.com/a?b=c", 46, 0},
		{"\r\n line", 6, 0},
	} {
		want := tc.want
		if tc.ours != 0 {
			want = tc.ours
		}
		if got := platform.CountGraphemes(tc.text); got != want {
			t.Errorf("CountGraphemes(%q) = %d, want %d (@atproto/api says %d)", tc.text, got, want, tc.want)
		}
	}
}
