package entry

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// ValidSlug reports whether s is a slug: lowercase ASCII letters and digits,
// with single hyphens between them.
func ValidSlug(s string) bool { return slugRE.MatchString(s) }

// Slugify turns s into a slug: accents are dropped, letters lowered, and
// every run of other characters becomes one hyphen. It returns "" if s has no
// letters or digits.
func Slugify(s string) string {
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
		default:
			dash = true
		}
	}
	return b.String()
}
