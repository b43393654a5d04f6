package platform_test

import (
	"testing"

	"github.com/faqcast/faqcast/generator/platform"
)

func TestEmoji(t *testing.T) {
	for _, tc := range []struct {
		cluster string
		want    bool
	}{
		{grin, true},
		{heart, true},
		{"\u2764", false}, // ❤ without U+FE0F is text
		{thumbs, true},
		{"\u261D\U0001F3FD", true}, // ☝🏽: text-default base with a skin tone
		{"\U0001F3FD", true},       // a lone skin-tone modifier
		{family, true},
		{"\u263A\u200D\u263A", true}, // text-default pictographs joined by ZWJ
		{flagUS, true},
		{"\U0001F1FA", true}, // a lone regional indicator has emoji presentation
		{"\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F", true}, // England: tag sequence
		{keycap1, true},
		{"1\u20E3", true}, // keycap without U+FE0F
		{"#\uFE0F\u20E3", true},
		{"*\uFE0F\u20E3", true},
		{"1", false},
		{"#", false},
		{"*", false},
		{"1\uFE0F", false}, // not a keycap
		{"©", false},
		{"©\uFE0F", true},
		{"™", false},
		{"™\uFE0F", true},
		{"\u2194", false}, // ↔
		{"\u2194\uFE0F", true},
		{"\u263A", false}, // ☺
		{"\u263A\uFE0F", true},
		{"\u263A\uFE0E", false}, // ☺ with the text selector
		{"\u231A", true},        // ⌚ has emoji presentation
		{"\U0001F004", true},    // 🀄
		{"\U0001FAE9", true},    // face with bags under eyes, Unicode 16.0
		{"\u2660", false},       // ♠
		{"a", false},
		{"e\u0301", false},
		{"日", false},
		{"", false},
		{"\xff", false},
	} {
		if got := platform.Emoji(tc.cluster); got != tc.want {
			t.Errorf("Emoji(%+q) = %v, want %v", tc.cluster, got, tc.want)
		}
	}
}
