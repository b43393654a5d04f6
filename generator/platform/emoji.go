package platform

import (
	"strings"
	"unicode/utf8"
)

// A runeRange is an inclusive range of code points.
type runeRange struct{ lo, hi rune }

// pictographic lists the code points with the Unicode property
// Extended_Pictographic, from emoji-data.txt (Unicode 15.0), with adjacent
// ranges merged. It includes the unassigned code points Unicode reserves
// for future emoji (for example 1FC00–1FFFD). Sorted; read-only.
var pictographic = []runeRange{
	{0x00A9, 0x00A9}, {0x00AE, 0x00AE}, {0x203C, 0x203C}, {0x2049, 0x2049},
	{0x2122, 0x2122}, {0x2139, 0x2139}, {0x2194, 0x2199}, {0x21A9, 0x21AA},
	{0x231A, 0x231B}, {0x2328, 0x2328}, {0x2388, 0x2388}, {0x23CF, 0x23CF},
	{0x23E9, 0x23F3}, {0x23F8, 0x23FA}, {0x24C2, 0x24C2}, {0x25AA, 0x25AB},
	{0x25B6, 0x25B6}, {0x25C0, 0x25C0}, {0x25FB, 0x25FE}, {0x2600, 0x2605},
	{0x2607, 0x2612}, {0x2614, 0x2685}, {0x2690, 0x2705}, {0x2708, 0x2712},
	{0x2714, 0x2714}, {0x2716, 0x2716}, {0x271D, 0x271D}, {0x2721, 0x2721},
	{0x2728, 0x2728}, {0x2733, 0x2734}, {0x2744, 0x2744}, {0x2747, 0x2747},
	{0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755}, {0x2757, 0x2757},
	{0x2763, 0x2767}, {0x2795, 0x2797}, {0x27A1, 0x27A1}, {0x27B0, 0x27B0},
	{0x27BF, 0x27BF}, {0x2934, 0x2935}, {0x2B05, 0x2B07}, {0x2B1B, 0x2B1C},
	{0x2B50, 0x2B50}, {0x2B55, 0x2B55}, {0x3030, 0x3030}, {0x303D, 0x303D},
	{0x3297, 0x3297}, {0x3299, 0x3299},
	{0x1F000, 0x1F0FF}, {0x1F10D, 0x1F10F}, {0x1F12F, 0x1F12F}, {0x1F16C, 0x1F171},
	{0x1F17E, 0x1F17F}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F1AD, 0x1F1E5},
	{0x1F201, 0x1F20F}, {0x1F21A, 0x1F21A}, {0x1F22F, 0x1F22F}, {0x1F232, 0x1F23A},
	{0x1F23C, 0x1F23F}, {0x1F249, 0x1F3FA}, {0x1F400, 0x1F53D}, {0x1F546, 0x1F64F},
	{0x1F680, 0x1F6FF}, {0x1F774, 0x1F77F}, {0x1F7D5, 0x1F7FF}, {0x1F80C, 0x1F80F},
	{0x1F848, 0x1F84F}, {0x1F85A, 0x1F85F}, {0x1F888, 0x1F88F}, {0x1F8AE, 0x1F8FF},
	{0x1F90C, 0x1F93A}, {0x1F93C, 0x1F945}, {0x1F947, 0x1FAFF}, {0x1FC00, 0x1FFFD},
}

// presentation lists the code points with the Unicode property
// Emoji_Presentation (shown as emoji even without U+FE0F), from
// emoji-data.txt (Unicode 15.0), with adjacent ranges merged. It includes
// the regional indicators 1F1E6–1F1FF and the skin-tone modifiers
// 1F3FB–1F3FF. The whole Symbols and Pictographs Extended-A block
// 1FA70–1FAFF is included, so that emoji added there after Unicode 15.0
// (such as U+1FAE9 in 16.0) are recognised. Sorted; read-only.
var presentation = []runeRange{
	{0x231A, 0x231B}, {0x23E9, 0x23EC}, {0x23F0, 0x23F0}, {0x23F3, 0x23F3},
	{0x25FD, 0x25FE}, {0x2614, 0x2615}, {0x2648, 0x2653}, {0x267F, 0x267F},
	{0x2693, 0x2693}, {0x26A1, 0x26A1}, {0x26AA, 0x26AB}, {0x26BD, 0x26BE},
	{0x26C4, 0x26C5}, {0x26CE, 0x26CE}, {0x26D4, 0x26D4}, {0x26EA, 0x26EA},
	{0x26F2, 0x26F3}, {0x26F5, 0x26F5}, {0x26FA, 0x26FA}, {0x26FD, 0x26FD},
	{0x2705, 0x2705}, {0x270A, 0x270B}, {0x2728, 0x2728}, {0x274C, 0x274C},
	{0x274E, 0x274E}, {0x2753, 0x2755}, {0x2757, 0x2757}, {0x2795, 0x2797},
	{0x27B0, 0x27B0}, {0x27BF, 0x27BF}, {0x2B1B, 0x2B1C}, {0x2B50, 0x2B50},
	{0x2B55, 0x2B55},
	{0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A},
	{0x1F1E6, 0x1F1FF}, {0x1F201, 0x1F201}, {0x1F21A, 0x1F21A}, {0x1F22F, 0x1F22F},
	{0x1F232, 0x1F236}, {0x1F238, 0x1F23A}, {0x1F250, 0x1F251}, {0x1F300, 0x1F320},
	{0x1F32D, 0x1F335}, {0x1F337, 0x1F37C}, {0x1F37E, 0x1F393}, {0x1F3A0, 0x1F3CA},
	{0x1F3CF, 0x1F3D3}, {0x1F3E0, 0x1F3F0}, {0x1F3F4, 0x1F3F4}, {0x1F3F8, 0x1F43E},
	{0x1F440, 0x1F440}, {0x1F442, 0x1F4FC}, {0x1F4FF, 0x1F53D}, {0x1F54B, 0x1F54E},
	{0x1F550, 0x1F567}, {0x1F57A, 0x1F57A}, {0x1F595, 0x1F596}, {0x1F5A4, 0x1F5A4},
	{0x1F5FB, 0x1F64F}, {0x1F680, 0x1F6C5}, {0x1F6CC, 0x1F6CC}, {0x1F6D0, 0x1F6D2},
	{0x1F6D5, 0x1F6D7}, {0x1F6DC, 0x1F6DF}, {0x1F6EB, 0x1F6EC}, {0x1F6F4, 0x1F6FC},
	{0x1F7E0, 0x1F7EB}, {0x1F7F0, 0x1F7F0}, {0x1F90C, 0x1F93A}, {0x1F93C, 0x1F945},
	{0x1F947, 0x1F9FF}, {0x1FA70, 0x1FAFF},
}

// Code points that build emoji sequences.
const (
	zwj          = '\u200D' // ZERO WIDTH JOINER, between the parts of a sequence
	emojiVS      = '\uFE0F' // VARIATION SELECTOR-16, emoji presentation
	keycap       = '\u20E3' // COMBINING ENCLOSING KEYCAP
	modifierLow  = 0x1F3FB  // EMOJI MODIFIER FITZPATRICK TYPE-1-2
	modifierHigh = 0x1F3FF  // EMOJI MODIFIER FITZPATRICK TYPE-6
	regionalLow  = 0x1F1E6  // REGIONAL INDICATOR SYMBOL LETTER A
	regionalHigh = 0x1F1FF  // REGIONAL INDICATOR SYMBOL LETTER Z
)

// in reports whether r is in one of the sorted ranges rs (binary search).
func in(rs []runeRange, r rune) bool {
	lo, hi := 0, len(rs)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch {
		case r < rs[m].lo:
			hi = m
		case r > rs[m].hi:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}

// Emoji reports whether cluster, one extended grapheme cluster (as
// [github.com/rivo/uniseg] splits text), is shown as an emoji. That is so
// when it is:
//
//   - a code point with Emoji_Presentation, such as 😀 (U+1F600), a
//     skin-tone modifier or a lone regional indicator, with whatever
//     follows it in the cluster;
//   - an Extended_Pictographic code point followed by U+FE0F, such as ❤️
//     (U+2764 U+FE0F) or ©️ (U+00A9 U+FE0F);
//   - an Extended_Pictographic code point with a skin-tone modifier
//     (U+1F3FB–U+1F3FF), such as ☝🏽, or joined by U+200D (ZWJ) to another
//     pictograph, such as 👨‍👩‍👧‍👦;
//   - a pair of regional indicators (a flag, such as 🇺🇸);
//   - a keycap sequence: 0–9, # or *, an optional U+FE0F and U+20E3, such
//     as 1️⃣.
//
// A text-presentation pictograph on its own, such as © or ❤ without U+FE0F,
// is not an emoji: it is drawn as text, and twemoji (which twitter-text
// uses to find emoji) leaves such characters alone unless U+FE0F follows.
// Plain digits, # and * are not emoji either. Tag sequences such as the
// flag of England (U+1F3F4 followed by tag characters) start with an
// Emoji_Presentation code point and so are emoji.
func Emoji(cluster string) bool {
	r, size := utf8.DecodeRuneInString(cluster)
	if size == 0 || (r == utf8.RuneError && size == 1) {
		return false
	}
	rest := cluster[size:]
	switch {
	case r >= '0' && r <= '9', r == '#', r == '*':
		rest = strings.TrimPrefix(rest, string(emojiVS))
		return strings.HasPrefix(rest, string(keycap))
	case in(presentation, r):
		return true
	case !in(pictographic, r):
		return false
	case strings.HasPrefix(rest, string(emojiVS)):
		return true
	}
	joined := false
	for _, c := range rest {
		switch {
		case c >= modifierLow && c <= modifierHigh:
			return true
		case c == zwj:
			joined = true
		case joined && in(pictographic, c):
			return true
		default:
			joined = false
		}
	}
	return false
}
