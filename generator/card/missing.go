package card

import (
	"slices"

	"golang.org/x/image/font/sfnt"
)

// Missing returns the characters of question and of practice, as
// [Painter.Draw] takes them, that a card draws as U+FFFD because its fonts
// have no glyph for them (emoji, and most scripts other than the Latin,
// Greek and Cyrillic alphabets), each once, in the order they come. Only
// the first [MaxRunes] runes of each are drawn, and so looked at.
func (p *Painter) Missing(question, practice string) (inQuestion, inPractice []rune) {
	return missing(p.bold, question), missing(p.regular, practice)
}

// missing returns the runes of s, cleaned as a card cleans it, that t has
// no glyph for, each once.
func missing(t *typeface, s string) []rune {
	var buf sfnt.Buffer
	var out []rune
	for _, r := range clean(s) {
		if r != ' ' && t.index(&buf, r) == 0 && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}
