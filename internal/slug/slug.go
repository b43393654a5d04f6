// Package slug makes URL names from text: lowercase ASCII letters and digits
// joined by single hyphens, as in "first-visit".
package slug

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Valid reports whether s is a slug: lowercase ASCII letters and digits,
// with single hyphens between them.
func Valid(s string) bool { return slugRE.MatchString(s) }

// letters spells out Latin letters that do not decompose into an ASCII
// letter and accents.
var letters = map[rune]string{
	'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe",
	'ø': "o", 'Ø': "o", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d",
	'ł': "l", 'Ł': "l", 'þ': "th", 'Þ': "th", 'ı': "i",
}

// Make turns s into a slug: accents are dropped, letters lowered, and every
// run of other characters becomes one hyphen. Letters outside the Latin
// alphabet are dropped, so Make returns "" for text that has none and no
// digits.
func Make(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// A combining mark left by NFKD: drop it, keeping the base letter.
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case 'A' <= r && r <= 'Z':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '\u2019':
			// "don't" becomes "dont", not "don-t".
		case letters[r] != "":
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteString(letters[r])
		default:
			dash = true
		}
	}
	return b.String()
}
