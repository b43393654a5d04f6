package check

import "strings"

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
	if sc.sents != nil || sc.s == "" {
		return sc.sents
	}
	s := sc.s
	sc.sents = []sentence{}
	for start := 0; start < len(s); {
		end := sentenceEnd(s, start)
		i := start
		for i < end && (phiSpace(s[i]) || s[i] == '-' || s[i] == '*' || s[i] == '#') {
			i++
		}
		start = end + 1
		if i == end {
			continue
		}
		text := s[i:end]
		sc.sents = append(sc.sents, sentence{start: i, end: end,
			lower: strings.ToLower(strings.ReplaceAll(text, "’", "'")), words: advWords(text, 80)})
	}
	return sc.sents
}

// sentenceEnd returns the index of the end of the sentence of s that
// starts at start: its stop (".", "!", "?" or a new line), or len(s).
func sentenceEnd(s string, start int) int {
	if k := strings.IndexAny(s[start:], ".!?\n"); k >= 0 {
		return start + k
	}
	return len(s)
}
