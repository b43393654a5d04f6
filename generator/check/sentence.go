package check

import (
	"strings"
	"unicode/utf8"
)

// A sentence is one of a text's sentences as the sentence rules read it:
// the text from start to end, without the white space, dashes, asterisks
// and hashes that open it, up to its stop ('.', '!', '?' or a new line),
// at index stop, or the end of the text.
type sentence struct {
	start, end int
	lower      string   // in lower case, with ’ as '
	words      []string // its words (see [advWords]), at most the last 80
}

// question reports whether sen ends with a question mark in s.
func (sen sentence) question(s string) bool { return sen.end < len(s) && s[sen.end] == '?' }

// sentences returns the sentences of sc's text, split once per scan and
// shared by the rules that read whole sentences.
func (sc *scan) sentences() []sentence {
	if sc.split {
		return sc.sents
	}
	s := sc.s
	sc.split = true
	// Each sentence's lower case is a slice of the text's, or else made
	// sentence by sentence (see [scan.lower]).
	low := sc.lower()
	words := sc.words[:0]
	for start := 0; start < len(s); {
		end := sentenceEnd(s, start)
		i := start
		for i < end && (phiSpace(s[i]) || s[i] == '-' || s[i] == '*' || s[i] == '#') {
			i++
		}
		if i < end && s[i] == '@' {
			// A reply opens with the handle of whom it answers: "@jkwon
			// Take two Aleve" is an imperative.
			if k := strings.IndexAny(s[i:end], " \t"); k > 0 {
				for i += k; i < end && (phiSpace(s[i]) || s[i] == ','); i++ {
				}
			}
		}
		start = end + 1
		if i == end {
			continue
		}
		var lower string
		if low != "" {
			lower = low[i:end]
		} else {
			lower = strings.ToLower(strings.ReplaceAll(s[i:end], "’", "'"))
		}
		// The words of the lower-case text are the text's, lower-cased.
		k := len(words)
		words = appendAdvWords(words, lower, 80)
		sc.sents = append(sc.sents, sentence{start: i, end: end, lower: lower, words: words[k:len(words):len(words)]})
	}
	sc.words = words
	return sc.sents
}

// sentenceEnd returns the index of the end of the sentence of s that
// starts at start: its stop ("!", "?", a new line, or a period before
// white space or the end: "2.5 mg" and "@hal.9000" go on), or len(s).
func sentenceEnd(s string, start int) int {
	for i := start; ; {
		k := strings.IndexAny(s[i:], ".!?\n")
		if k < 0 {
			return len(s)
		}
		i += k
		if s[i] != '.' || i+1 == len(s) || !wordByte(s[i+1]) {
			return i
		}
		i++
	}
}

// lower returns sc's text in lower case, once per scan, if it is ASCII,
// whose lower case has the same length and words at the same offsets; or
// else "".
func (sc *scan) lower() string {
	if sc.lowDone {
		return sc.low
	}
	sc.low, sc.lowDone = "", true
	for i := 0; i < len(sc.s); i++ {
		if sc.s[i] >= utf8.RuneSelf {
			return ""
		}
	}
	sc.low = strings.ToLower(sc.s)
	return sc.low
}
