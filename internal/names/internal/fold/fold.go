// Package fold turns text into the keys the names lexicon stores: letters in
// lower case with their accents dropped, as in "Núñez" → "nunez", and
// typographic apostrophes and dashes made plain.
package fold

import (
	"unicode"
	"unicode/utf8"
)

// latin gives the unaccented lower-case letter of each rune from U+00C0 to
// U+017F (Latin-1 Supplement and Latin Extended-A). A '*' marks a letter
// spelt with two (see pair); a '!' marks a rune that is no letter (× and
// ÷), kept as it is.
const latin = "" +
	"aaaaaa*ceeeeiiiidnooooo!ouuuuy**" + // U+00C0
	"aaaaaa*ceeeeiiiidnooooo!ouuuuy*y" + // U+00E0
	"aaaaaaccccccccddddeeeeeeeeeegggg" + // U+0100
	"gggghhhhiiiiiiiiii**jjkkklllllll" + // U+0120
	"lllnnnnnnnnnoooooo**rrrrrrssssss" + // U+0140
	"ssttttttuuuuuuuuuuuuwwyyyzzzzzzs" // U+0160

// pair spells the letters that latin marks with '*'.
func pair(r rune) string {
	switch r {
	case 'Æ', 'æ':
		return "ae"
	case 'Þ', 'þ':
		return "th"
	case 'ß':
		return "ss"
	case 'Ĳ', 'ĳ':
		return "ij"
	case 'Œ', 'œ':
		return "oe"
	}
	return ""
}

// Append appends the key of s to dst and returns the extended slice. ASCII
// letters are lowered, accented Latin letters lose their accents (ß, æ, œ,
// þ and ĳ become two letters), typographic apostrophes (’ ‘ ʼ) become ',
// the hyphen and dash runes U+2010 to U+2013 become -, other letters are
// lowered as Unicode says, and everything else is kept as it is. Input
// that is all ASCII takes no allocation beyond dst's growth.
func Append(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		dst = AppendRune(dst, r)
	}
	return dst
}

// AppendRune appends the key of the single rune r to dst, as Append would.
func AppendRune(dst []byte, r rune) []byte {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(dst, byte(r))
	case 0xC0 <= r && r < 0x180:
		switch c := latin[r-0xC0]; c {
		case '*':
			return append(dst, pair(r)...)
		case '!':
			return utf8.AppendRune(dst, r)
		default:
			return append(dst, c)
		}
	case r == '’' || r == '‘' || r == 'ʼ':
		return append(dst, '\'')
	case 0x2010 <= r && r <= 0x2013:
		return append(dst, '-')
	}
	return utf8.AppendRune(dst, unicode.ToLower(r))
}

// String returns the key of s as a string.
func String(s string) string { return string(Append(nil, s)) }
