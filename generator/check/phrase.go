package check

import (
	"regexp/syntax"
	"slices"
	"unicode/utf8"
)

// Many expressions are lists of words and phrases between word
// boundaries: "(?i)\b(?:stop|skip|put\s+off|hold\s+off)\b". Go's regular
// expressions try each alternative at each byte, and a list of a hundred
// words compiles to more instructions than its fast matcher takes. A
// phraseList finds their matches word by word instead: at the start of
// each word it tries only the phrases that begin with the word's first
// letter, in the expression's order, which finds what the expression finds
// (leftmost, and of the alternatives that match there the first).

// A phraseList is an expression that is a list of phrases between word
// boundaries.
type phraseList struct {
	// byFirst lists the phrases by the first byte of their first word, in
	// lower case, in order of preference.
	byFirst [utf8.RuneSelf][]phrase
	// fold is set when the expression ignores case.
	fold bool
}

// A phrase is a sequence of literal words and runs of white space: "",
// the literal, " " a run of one or more of \s.
type phrase []string

// maxPhrases is the most phrases an expression may stand for.
const maxPhrases = 4096

// phrasesOf returns re as a phraseList, or nil if it is not one: \b, then
// an alternation (or concatenation) of ASCII literals, runs of \s,
// optional parts and alternations, then \b, where each phrase begins and
// ends with a letter, digit or "_", and which holds no capture.
func phrasesOf(re *syntax.Regexp) *phraseList {
	n := len(re.Sub)
	if re.Op != syntax.OpConcat || n < 3 || re.Sub[0].Op != syntax.OpWordBoundary || re.Sub[n-1].Op != syntax.OpWordBoundary {
		return nil
	}
	var cs caseSense
	seqs, ok := expand(&syntax.Regexp{Op: syntax.OpConcat, Sub: re.Sub[1 : n-1]}, &cs)
	if !ok || cs.folded && cs.exact {
		// Some letters ignore case and others not: left to the expression.
		return nil
	}
	fold := cs.folded
	l := &phraseList{fold: fold}
	for _, seq := range seqs {
		p := phrase(join(seq))
		if len(p) == 0 || p[0] == " " || p[len(p)-1] == " " {
			return nil
		}
		first, last := p[0], p[len(p)-1]
		if !wordByte(first[0]) || !wordByte(last[len(last)-1]) {
			return nil
		}
		c := first[0]
		if fold {
			c = lowerByte(c)
		}
		l.byFirst[c] = append(l.byFirst[c], p)
	}
	return l
}

// caseSense tells whether the literals of an expression hold letters that
// ignore case, and letters that do not.
type caseSense struct{ folded, exact bool }

// expand returns the sequences of parts re matches, in order of
// preference, or false if re is not made of ASCII literals, runs of white
// space, optional parts and alternations; it notes in cs how its literals
// take case.
func expand(re *syntax.Regexp, cs *caseSense) ([][]string, bool) {
	switch re.Op {
	case syntax.OpEmptyMatch:
		return [][]string{nil}, true
	case syntax.OpLiteral:
		lit := string(re.Rune)
		for i := 0; i < len(lit); i++ {
			if lit[i] >= utf8.RuneSelf || space(lit[i]) {
				return nil, false
			}
		}
		switch {
		case !hasLetter(lit):
		case re.Flags&syntax.FoldCase != 0:
			cs.folded = true
			lit = lower(lit)
		default:
			cs.exact = true
		}
		return [][]string{{lit}}, true
	case syntax.OpPlus:
		if isSpaceClass(re.Sub[0]) {
			return [][]string{{" "}}, true
		}
		return nil, false
	case syntax.OpQuest:
		sub, ok := expand(re.Sub[0], cs)
		if !ok {
			return nil, false
		}
		if re.Flags&syntax.NonGreedy != 0 {
			return append([][]string{nil}, sub...), true
		}
		return append(sub, nil), true
	case syntax.OpAlternate:
		var out [][]string
		for _, sub := range re.Sub {
			seqs, ok := expand(sub, cs)
			if !ok || len(out)+len(seqs) > maxPhrases {
				return nil, false
			}
			out = append(out, seqs...)
		}
		return out, true
	case syntax.OpConcat:
		out := [][]string{nil}
		for _, sub := range re.Sub {
			seqs, ok := expand(sub, cs)
			if !ok || len(out)*len(seqs) > maxPhrases {
				return nil, false
			}
			var next [][]string
			for _, a := range out {
				for _, b := range seqs {
					next = append(next, append(append([]string(nil), a...), b...))
				}
			}
			out = next
		}
		return out, true
	}
	return nil, false
}

// join merges neighbouring literals of a sequence of parts, and
// neighbouring runs of white space.
func join(seq []string) []string {
	var out []string
	for _, part := range seq {
		n := len(out)
		switch {
		case n > 0 && part == " " && out[n-1] == " ":
		case n > 0 && part != " " && out[n-1] != " ":
			out[n-1] += part
		default:
			out = append(out, part)
		}
	}
	return out
}

// hasLetter reports whether s holds an ASCII letter.
func hasLetter(s string) bool {
	for i := 0; i < len(s); i++ {
		if lowerByte(s[i]) >= 'a' && lowerByte(s[i]) <= 'z' {
			return true
		}
	}
	return false
}

// isSpaceClass reports whether re is \s, [\t\n\f\r ].
func isSpaceClass(re *syntax.Regexp) bool {
	return re.Op == syntax.OpCharClass && slices.Equal(re.Rune, []rune{'\t', '\n', '\f', '\r', ' ', ' '})
}

// findAll returns the matches of l in s, as [regexp.Regexp.FindAllStringIndex]
// returns them.
func (l *phraseList) findAll(s string) [][]int {
	var out [][]int
	for i := 0; i < len(s); {
		c := s[i]
		if !wordByte(c) || i > 0 && wordByte(s[i-1]) {
			i++
			continue
		}
		if l.fold {
			c = lowerByte(c)
		}
		end := -1
		for _, p := range l.byFirst[c] {
			if e := p.at(s, i, l.fold); e >= 0 {
				end = e
				break
			}
		}
		if end < 0 {
			i++
			continue
		}
		out = append(out, []int{i, end})
		i = end
	}
	return out
}

// at returns the end of p's match in s at i, followed by a word boundary,
// or -1 if p does not match there.
func (p phrase) at(s string, i int, fold bool) int {
	for _, part := range p {
		if part == " " {
			j := i
			for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r' || s[j] == '\f') {
				j++
			}
			if j == i {
				return -1
			}
			i = j
			continue
		}
		if len(s)-i < len(part) {
			return -1
		}
		for k := 0; k < len(part); k++ {
			c := s[i+k]
			if fold {
				c = lowerByte(c)
			}
			if c != part[k] {
				return -1
			}
		}
		i += len(part)
	}
	if i < len(s) && wordByte(s[i]) {
		return -1
	}
	return i
}
