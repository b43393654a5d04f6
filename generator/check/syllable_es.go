package check

import "unicode"

// spanishSyllables counts the syllables of a Spanish word by the rules of
// Spanish orthography: each syllable has one vowel nucleus; two open
// vowels (a, e, o) in a row are two nuclei (a hiatus, "le-er"); a closed
// vowel (i, u) beside another vowel joins it (a diphthong, "cie-lo";
// a triphthong, "buey") unless it bears the accent ("dí-a"); the u of
// "que", "qui", "gue" and "gui" is silent; and y ends a word as a vowel
// ("hoy") or is one on its own. A word of digits has one syllable.
func spanishSyllables(fold []byte, word []rune) (int, []byte) {
	b := fold[:0]
	digits := false
	for _, r := range word {
		r = unicode.ToLower(r)
		switch {
		case unicode.IsLetter(r):
			b = append(b, spanishLetter(r))
		case unicode.IsDigit(r):
			digits = true
		}
	}
	n := 0
	prev := byte(0) // the kind of the letter before: 0 consonant, 'o' open, 'c' closed, 'A' accented closed
	for i, c := range b {
		kind := byte(0)
		switch c {
		case 'a', 'e', 'o':
			kind = 'o'
		case 'i':
			kind = 'c'
		case 'u':
			// Silent in que, qui, gue, gui (ü is written w: güe).
			if i > 0 && (b[i-1] == 'q' || b[i-1] == 'g') && i+1 < len(b) && (b[i+1] == 'e' || b[i+1] == 'i' || b[i+1] == 'I') {
				kind = 0
			} else {
				kind = 'c'
			}
		case 'w': // ü, always sounded
			kind = 'c'
		case 'I', 'U': // í, ú: a nucleus of their own
			kind = 'A'
		case 'y':
			// A vowel at the end of a word, or on its own.
			if i == len(b)-1 {
				kind = 'c'
			}
		}
		switch {
		case kind == 0:
		case prev == 0:
			n++
		case kind == 'A' || prev == 'A' || kind == 'o' && prev == 'o':
			n++ // a hiatus
		}
		prev = kind
	}
	switch {
	case n == 0 && (digits || len(b) > 0):
		n = 1
	}
	return n, b
}

// spanishLetter folds r, a lower-case letter, for spanishSyllables: the
// vowels to a, e, i, o, u, the accented closed vowels to I and U, ü to w,
// and any other letter to itself or x.
func spanishLetter(r rune) byte {
	switch r {
	case 'á', 'à', 'â':
		return 'a'
	case 'é', 'è', 'ê':
		return 'e'
	case 'ó', 'ò', 'ô':
		return 'o'
	case 'í', 'ì':
		return 'I'
	case 'ú', 'ù':
		return 'U'
	case 'ü':
		return 'w'
	case 'ï':
		return 'I'
	}
	if r >= 'a' && r <= 'z' && r != 'w' {
		return byte(r)
	}
	return 'x'
}
