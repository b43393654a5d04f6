package names

import (
	"bytes"
	"strings"

	"github.com/faqcast/faqcast/internal/names/internal/fold"
)

// maxWordKey is the longest word key looked up; longer words are no names.
const maxWordKey = 64

// edge reports whether r is punctuation that a word's key ignores at
// either end: quotes, brackets, and . , ; : ! ?
func edge(r rune) bool {
	switch r {
	case '"', '\'', '(', ')', '[', ']', '{', '}', '.', ',', ';', ':', '!', '?',
		'“', '”', '‘', '’', '«', '»':
		return true
	}
	return false
}

// trim returns w without the punctuation at its ends.
func trim(w string) string { return strings.TrimFunc(w, edge) }

// appendWordKey appends the key under which the single-word lists store w:
// w without punctuation at its ends, folded (see package fold), without a
// possessive 's, and without apostrophes ("O'Brien's" → "obrien"). It
// returns dst unchanged when the key would be longer than maxWordKey.
func appendWordKey(dst []byte, w string) []byte {
	w = trim(w)
	if len(w) > maxWordKey {
		return dst
	}
	start := len(dst)
	dst = fold.Append(dst, w)
	k := dst[start:]
	if bytes.HasSuffix(k, []byte("'s")) {
		k = k[:len(k)-2]
	}
	k = dropByte(k, '\'')
	if len(k) > maxWordKey {
		return dst[:start]
	}
	return dst[:start+len(k)]
}

// appendPhraseWord appends to dst the key of w as a word of a place or
// well-known name: w without punctuation at its ends, folded, without
// periods or apostrophes, hyphens made spaces, and the abbreviations St,
// Ste, Ft, Mt, Mr and Dr spelt out ("St." → "saint"). A possessive 's
// stays, as "parkinsons"; possessive reports whether w had one.
func appendPhraseWord(dst []byte, w string) (_ []byte, possessive bool) {
	w = trim(w)
	start := len(dst)
	dst = fold.Append(dst, w)
	k := dst[start:]
	possessive = bytes.HasSuffix(k, []byte("'s"))
	k = dropByte(k, '\'')
	k = dropByte(k, '.')
	for i, c := range k {
		if c == '-' {
			k[i] = ' '
		}
	}
	dst = dst[:start+len(k)]
	if long := spellOut(k); long != "" {
		dst = append(dst[:start], long...)
	}
	return dst, possessive
}

// spellOut returns the word that the abbreviation k stands for in place
// and personal names, or "" if k is none.
func spellOut(k []byte) string {
	switch string(k) {
	case "st":
		return "saint"
	case "ste":
		return "sainte"
	case "ft":
		return "fort"
	case "mt":
		return "mount"
	case "mr":
		return "mister"
	case "dr":
		return "doctor"
	}
	return ""
}

// dropByte removes every c from b in place and returns what is left.
func dropByte(b []byte, c byte) []byte {
	i := bytes.IndexByte(b, c)
	if i < 0 {
		return b
	}
	out := b[:i]
	for _, x := range b[i+1:] {
		if x != c {
			out = append(out, x)
		}
	}
	return out
}
