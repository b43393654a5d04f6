package platform

import (
	"testing"
)

// TestXEmoji checks that twemoji-parser's pattern turns into a Go one, and
// what it finds: an emoji of twemoji 14 whole, a newer ZWJ sequence as its
// parts, © only with the emoji presentation selector, and a symbol that is
// text by default, such as ⌚, unless the text presentation selector
// follows it.
func TestXEmoji(t *testing.T) {
	if _, err := goPattern(twemojiJS); err != nil {
		t.Fatal(err)
	}
	if xEmojiRE() == nil {
		t.Fatal("twemoji-parser's pattern does not compile")
	}
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Hi 👨‍👩‍👧‍👦!", []string{"👨‍👩‍👧‍👦"}},
		{"👍🏽 ok", []string{"👍🏽"}},
		{"🇺🇸", []string{"🇺🇸"}},
		{"#️⃣ 1️⃣", []string{"#️⃣", "1️⃣"}},
		{"© 2026", nil},
		{"⌚ now", []string{"⌚"}},
		{"⌚\ufe0e now", nil},
		{"©\ufe0f 2026", []string{"©\ufe0f"}},
		// A ZWJ sequence of Emoji 15 (a phoenix: bird, ZWJ, fire), newer
		// than twemoji 14: its parts.
		{"🐦\u200d🔥", []string{"🐦", "🔥"}},
	} {
		var got []string
		for _, sp := range xEmoji(tc.text) {
			got = append(got, tc.text[sp.Start:sp.End])
		}
		if len(got) != len(tc.want) {
			t.Errorf("xEmoji(%q) = %q, want %q", tc.text, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("xEmoji(%q) = %q, want %q", tc.text, got, tc.want)
				break
			}
		}
	}
}
