package check

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The words of a text as the name rule reads them: capitalised or not,
// possessive or not, opening a sentence or not.

// nameTok is a word of a text, as the name rule sees it.
type nameTok struct {
	start, end int    // the word's bytes, without a possessive ending
	word       string // s[start:end]
	low        string // word in lower case
	raw        string // the word with its possessive ending
	poss       bool   // followed by 's or ’s (or ' after s)
	capital    bool   // starts with an upper-case letter
	upper      bool   // all its letters are upper case
	lead       bool   // first word of a sentence, a line or a quotation
	gap        string // the text between this word and the one before
}

// nameTokens splits s into words: runs of letters, with the apostrophes,
// hyphens and periods (of initials) inside them. low is s in lower case
// if that has the same length (as ASCII text's has), or else "". It
// returns the words in buf's space.
func nameTokens(s, low string, buf []nameTok) []nameTok {
	toks := buf[:0]
	lead, last := true, 0
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if !unicode.IsLetter(r) {
			switch r {
			case '.', '!', '?', '\n', ':', '"', '“', '•', '(', ';', '—', '–':
				lead = true
			}
			if r == '.' && len(toks) > 0 && toks[len(toks)-1].end == i && nameInitial(toks[len(toks)-1].word) {
				lead = false // "J. Smith"
			}
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r, n := rune(s[j]), 1
			if r >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(s[j:])
			}
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				j += n
				continue
			}
			if (r == '\'' || r == '’' || r == '-') && j+n < len(s) {
				r2, _ := utf8.DecodeRuneInString(s[j+n:])
				if unicode.IsLetter(r2) {
					j += n
					continue
				}
			}
			break
		}
		t := nameTok{start: i, end: j, lead: lead, gap: s[last:i]}
		w := s[i:j]
		for _, suf := range namePossessives {
			if (w[len(w)-1] == 's' || w[len(w)-1] == 'S') && strings.HasSuffix(w, suf) && len(w) > len(suf) {
				t.poss = true
				t.end -= len(suf)
				break
			}
		}
		if !t.poss && j < len(s) && (s[j] == '\'' || strings.HasPrefix(s[j:], "’")) && strings.HasSuffix(w, "s") {
			t.poss = true // "the Jameses' dog"
		}
		t.word = s[t.start:t.end]
		if low != "" {
			t.low = low[t.start:t.end]
		} else {
			t.low = strings.ToLower(t.word)
		}
		t.raw = w
		first, _ := utf8.DecodeRuneInString(t.word)
		t.capital = unicode.IsUpper(first)
		t.upper = nameUpper(t.word)
		toks = append(toks, t)
		lead = false
		last = j
		i = j
	}
	return toks
}

// namePossessives are the endings of a possessive.
var namePossessives = []string{"'s", "’s", "'S", "’S"}

// nameUpper reports whether w has letters and all are upper case.
func nameUpper(w string) bool {
	letters := false
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		letters = letters || unicode.IsUpper(r)
	}
	return letters
}

// nameInitial reports whether w is one capital letter, as in "J. Smith".
func nameInitial(w string) bool {
	return len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z'
}

// nameShape reports whether w looks like a name: a capital letter, then
// letters of which some are lower case ("Sofia", "McKenzie", "O'Brien").
func nameShape(w string) bool {
	first, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(first) || utf8.RuneCountInString(w) < 3 {
		return false
	}
	lower, prevUpper := false, true
	for _, r := range w[n:] {
		switch {
		case unicode.IsLower(r):
			lower, prevUpper = true, false
		case unicode.IsUpper(r):
			if prevUpper {
				return false // an acronym: "DOACs", "NSAIDs"
			}
			prevUpper = true
		case r == '\'', r == '’', r == '-':
			prevUpper = false
		default:
			return false
		}
	}
	return lower
}

// nameJoined reports whether the text between two words joins them in a
// name: a space, or the period and space after an initial.
func nameJoined(gap string) bool {
	return gap == " " || gap == ". "
}
