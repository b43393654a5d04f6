package check

import (
	"math"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// A pattern is a regular expression that scans only the parts of a text
// near the literals each of its matches contains.
//
// Go's regular expressions take tens of nanoseconds a byte when they have
// no literal prefix, as case-insensitive word lists do not; a build scans
// every entry with dozens of them. A pattern finds the literals first (for
// "(?i)\b(?:cures|guaranteed)\b", any of "cures" and "guaranteed", whatever
// their case), which takes a few nanoseconds a byte, and runs the
// expression only on windows of text around them. From the expression
// compile also works out how many runs of white space a match can hold at
// most: a window reaches that many words each side of a literal, and
// begins and ends at white space, where \b means the same as in the whole
// text. So a pattern finds exactly the matches of its expression on the
// whole text, only faster.
//
// The checks scan each text with about forty patterns: the [lexicon] of
// all their literals finds them in one pass (see [scan]), and each
// pattern then takes its windows from those hits.
type pattern struct {
	// re returns the compiled expression, compiled at its first call:
	// most of a process's patterns may never need it (a build whose
	// findings all come from the cache), and compiling them all at start
	// took about a third of the package's start.
	re func() *regexp.Regexp
	// lits are the literals, in which a lower-case ASCII letter stands
	// for either case and an upper-case one for itself (see [hasLiteral]);
	// nil when the expression has none
	// (or uses ^ or $, which windows would change, or its matches can hold
	// any number of runs of white space), and every text is scanned whole.
	lits []string
	// reach is how many words a window reaches each side of a literal;
	// before and after are how many it reaches before and after it,
	// at most reach (see [sides]).
	reach, before, after int
	// tree is the parsed expression.
	tree *syntax.Regexp
	// own returns the lexicon of lits, which finds them in texts that no
	// shared lexicon has looked at. It is made at its first call: most
	// patterns' texts are scanned by a shared lexicon, and making every
	// pattern's own at start would cost each process a tenth of a second.
	own func() *lexicon
	// wordStart is set when every match holds one of the literals that
	// starts a word, if the literal starts with a letter, digit or "_".
	wordStart bool
	// possible, when set, reports false for texts that hold no match.
	possible func(s string) bool
	// partial is set by [pattern.around]: p finds only the matches near
	// its literals, not all of its expression's.
	partial bool
	// required are sets of literals one of each of which every match
	// holds, and need those of them that [pattern.refine] cuts windows
	// down with.
	required, need [][]string
	// needSides are how many words the part of a window kept around a
	// hit of each set of need reaches before and after it (see [sides]).
	needSides [][2]int
	// span is the most runs of white space a match holds, or -1 if there
	// is no limit; anchored is set when the expression has ^ or $.
	span     int
	anchored bool
	// stops, when not nil, are the bytes no match holds (see [stopsOf]).
	stops *byteSet
	// phrases, when not nil, finds the expression's matches in windows in
	// its stead (see [phraseList]).
	phrases *phraseList
	// shared is p's record in the lexicon that scans its texts for it and
	// others (see [sharedLexicon]), or nil until that lexicon is made,
	// which may be while other goroutines scan with p.
	shared atomic.Pointer[sharedPattern]
}

// A sharedPattern is a pattern's record lp in the shared lexicon in.
type sharedPattern struct {
	lp *lexPattern
	in *lexicon
}

// compile compiles expr, which must parse, into a pattern.
func compile(expr string) *pattern {
	expr = caseless(expr)
	p := &pattern{re: sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })}
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		panic(err)
	}
	// What the parts' literals tell, which choosing the literals and the
	// windows ask again and again.
	memo := litMemo{}
	p.tree = tree
	p.span, p.anchored, p.required, p.stops = gaps(tree), anchored(tree), memo.required(tree), stopsOf(tree)
	p.phrases = phrasesOf(tree)
	if p.span >= 0 && !p.anchored {
		p.reach = p.span
		p.nearIn(memo, memo.literals(tree).best())
	}
	return p
}

// setSides sets how far p's windows reach before and after a literal:
// as far as [sides] finds a match can, for the literals compile or
// [pattern.near] chose; reach each side for those a match need only hold
// at the start of a word ([pattern.nearWords]), or need not hold at all
// ([pattern.around]). memo remembers what p's parts' literals tell.
func (p *pattern) setSides(memo litMemo) {
	p.before, p.after = p.reach, p.reach
	if p.lits == nil || p.wordStart || p.partial || p.span < 0 || p.anchored {
		return
	}
	if b, a, ok := memo.sides(p.tree, p.lits); ok {
		p.before, p.after = min(b, p.reach), min(a, p.reach)
	}
}

// gaps returns the largest number of runs of white space a match of re can
// hold, or -1 if there is no limit.
func gaps(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpLiteral:
		n := 0
		for i, r := range re.Rune {
			if spaceRune(r) && (i == 0 || !spaceRune(re.Rune[i-1])) {
				n++
			}
		}
		return n
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		if hasSpace(re) {
			return 1
		}
		return 0
	case syntax.OpCapture, syntax.OpQuest:
		return gaps(re.Sub[0])
	case syntax.OpStar, syntax.OpPlus, syntax.OpRepeat:
		n := gaps(re.Sub[0])
		switch {
		case n == 0:
			return 0
		case allSpace(re.Sub[0]):
			return 1 // one run, however long
		case n < 0 || re.Op != syntax.OpRepeat || re.Max < 0:
			return -1
		}
		return n * re.Max
	case syntax.OpConcat:
		sum := 0
		for _, sub := range re.Sub {
			n := gaps(sub)
			if n < 0 {
				return -1
			}
			sum += n
		}
		return sum
	case syntax.OpAlternate:
		most := 0
		for _, sub := range re.Sub {
			n := gaps(sub)
			if n < 0 {
				return -1
			}
			most = max(most, n)
		}
		return most
	}
	return 0 // empty-width assertions
}

// spaceRune reports whether r is white space to \s, which windows split at.
func spaceRune(r rune) bool { return r < utf8.RuneSelf && space(byte(r)) }

// hasSpace reports whether a character class or "." matches white space.
func hasSpace(re *syntax.Regexp) bool {
	if re.Op != syntax.OpCharClass {
		return true
	}
	for i := 0; i+1 < len(re.Rune); i += 2 {
		for _, c := range "\t\n\f\r " {
			if re.Rune[i] <= c && c <= re.Rune[i+1] {
				return true
			}
		}
	}
	return false
}

// allSpace reports whether re matches only white space.
func allSpace(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if !spaceRune(r) {
					return false
				}
			}
		}
		return len(re.Rune) > 0
	case syntax.OpLiteral:
		return !slices.ContainsFunc(re.Rune, func(r rune) bool { return !spaceRune(r) })
	case syntax.OpCapture, syntax.OpPlus, syntax.OpStar, syntax.OpQuest, syntax.OpRepeat:
		return allSpace(re.Sub[0])
	}
	return false
}

// near sets the literals p scans near: strings one of which every match
// of p contains, as [hasLiteral] reads them. It is for expressions whose
// literals compile does not pick well.
func (p *pattern) near(lits ...string) *pattern {
	return p.nearIn(litMemo{}, lits)
}

// nearIn is [pattern.near] with what memo remembers of p's parts.
func (p *pattern) nearIn(memo litMemo, lits []string) *pattern {
	p.lits = lits
	p.chooseNeed(memo)
	p.own = sync.OnceValue(func() *lexicon { return newLexicon(p) })
	p.setSides(memo)
	return p
}

// nearWords is [pattern.near] for literals that, in every match, start a
// word (if they start with a letter, digit or "_"), as after \b.
func (p *pattern) nearWords(lits ...string) *pattern {
	p.near(lits...)
	p.wordStart = true
	p.setSides(litMemo{})
	return p
}

// around makes p scan only the windows of n words either side of the
// literals lits, which a match need not hold but every match its rule
// keeps has near it: the verbs of ADVICE-MEDICINE matter only within a
// few words of a medicine. Unlike [pattern.near], p then finds fewer
// matches than its expression does on the whole text.
func (p *pattern) around(n int, lits ...string) *pattern {
	p.near(lits...)
	p.reach = n
	p.partial = true
	p.setSides(litMemo{})
	return p
}

// onlyIf makes p scan only the texts for which possible reports true. It
// is for expressions whose every match holds something possible finds much
// more quickly than the expression finds its matches: a text where
// possible reports false must hold no match.
func (p *pattern) onlyIf(possible func(s string) bool) *pattern {
	p.possible = possible
	return p
}

// digits returns a function that reports whether a text holds n ASCII
// digits in a row.
func digits(n int) func(string) bool {
	return runOf(n, func(c byte) bool { return '0' <= c && c <= '9' })
}

// runOf returns a function that reports whether a text holds n bytes in a
// row that are in the class. It looks the bytes up in a table made once.
func runOf(n int, in func(c byte) bool) func(string) bool {
	var class [256]bool
	for c := range class {
		class[c] = in(byte(c))
	}
	return func(s string) bool {
		run := 0
		for i := 0; i < len(s); i++ {
			if !class[s[i]] {
				run = 0
			} else if run++; run == n {
				return true
			}
		}
		return false
	}
}

// wordByte reports whether c is a letter, digit or "_" to \b.
func wordByte(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
}

// anchored reports whether re uses ^, $ or their multi-line forms.
func anchored(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText:
		return true
	}
	return slices.ContainsFunc(re.Sub, anchored)
}

// windows returns the windows of s to scan, in order and apart, or nil
// and false when s must be scanned whole.
func (p *pattern) windows(s string) ([][2]int, bool) {
	if p.lits == nil || len(s) > math.MaxInt32 { // a hit's offset is an int32
		return nil, false
	}
	// A scan of p's own lexicon, which holds p.
	sc := newScan(p.own(), s)
	defer sc.free()
	ws, ok := sc.windows(p)
	return slices.Clone(ws), ok
}

// windowsAt returns the windows of s to scan, in order and apart, given
// the hits in s of p's literals in lx, in buf's space.
func (p *pattern) windowsAt(s string, lx *lexicon, hits []hit, buf [][2]int) [][2]int {
	out := buf[:0]
	wordEnd := -1 // the end of the word of the last literal found
	for k := 0; k < len(hits); {
		i, n := int(hits[k].at), 0
		for ; k < len(hits) && int(hits[k].at) == i; k++ {
			n = max(n, len(lx.lits[hits[k].id]))
		}
		if n == 0 || i < wordEnd || p.wordStart && i > 0 && wordByte(s[i]) && wordByte(s[i-1]) {
			continue
		}
		// Later literals in the same word need no window of their own.
		clip := p.stops != nil && !p.partial && !p.stops.in(s[i:i+n])
		wordEnd = i + n
		for wordEnd < len(s) && !space(s[wordEnd]) && !(clip && p.stops[s[wordEnd]]) {
			wordEnd++
		}
		end := wordsAfter(s, wordEnd, p.after)
		var stops *byteSet
		if clip {
			end, stops = p.stops.before(s, wordEnd, end), p.stops
		}
		out = addWindow(out, s, i, end, p.before, 0, stops)
	}
	return out
}

// addWindow adds to the windows out, in order, the one of s that ends at
// end and starts words runs of white space before the hit at "at", no
// earlier than floor nor than the last of stops before the hit (when
// stops is not nil), merged with the last window if they meet. The start
// is worked out only when the hit is past the last window.
func addWindow(out [][2]int, s string, at, end, words, floor int, stops *byteSet) [][2]int {
	if n := len(out); n > 0 && at <= out[n-1][1] {
		out[n-1][1] = max(out[n-1][1], end)
		return out
	}
	start := max(floor, wordsBefore(s, at, words))
	if stops != nil {
		start = stops.after(s, start, at)
	}
	if n := len(out); n > 0 && start <= out[n-1][1] {
		out[n-1][1] = max(out[n-1][1], end)
		return out
	}
	return append(out, [2]int{start, end})
}

// foldsToASCII reports whether s holds the Kelvin sign or the long s,
// which (?i) matches as k and s but the literals' ASCII case folding does
// not. It looks for their rare last and first bytes before looking for
// them: the Kelvin sign's first byte also begins curly quotes and dashes.
func foldsToASCII(s string) bool {
	return strings.IndexByte(s, 0xaa) >= 0 && strings.Contains(s, "\u212a") ||
		strings.IndexByte(s, 0xc5) >= 0 && strings.Contains(s, "\u017f")
}

// hasLiteral reports whether s starts with the literal l, in which a
// lower-case ASCII letter stands for the letter in either case, and every
// other byte (an upper-case letter among them) for itself.
func hasLiteral(s, l string) bool {
	if len(s) < len(l) {
		return false
	}
	for k := 0; k < len(l); k++ {
		if c := s[k]; c != l[k] && lowerByte(c) != l[k] {
			return false
		}
	}
	return true
}

// wordsBefore returns the start of the n-th word before the one i is in,
// or 0: an index just after white space, or 0.
func wordsBefore(s string, i, n int) int {
	for {
		for i > 0 && !space(s[i-1]) {
			i--
		}
		if n == 0 || i == 0 {
			return i
		}
		n--
		for i > 0 && space(s[i-1]) {
			i--
		}
	}
}

// wordsAfter returns the end of the n-th word after the one that ends at
// or before i, or len(s): the index of white space, or len(s).
func wordsAfter(s string, i, n int) int {
	for ; n > 0; n-- {
		for i < len(s) && space(s[i]) {
			i++
		}
		for i < len(s) && !space(s[i]) {
			i++
		}
	}
	return i
}

// space reports whether c is white space to \s: \t, \n, \f, \r or a
// space.
func space(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// FindAllStringSubmatchIndex is [regexp.Regexp.FindAllStringSubmatchIndex]
// with n = -1.
func (p *pattern) FindAllStringSubmatchIndex(s string) [][]int {
	return p.find(s, nil, p.re().FindAllStringSubmatchIndex)
}

// FindAllStringIndex is [regexp.Regexp.FindAllStringIndex] with n = -1.
func (p *pattern) FindAllStringIndex(s string) [][]int {
	return p.find(s, nil, p.re().FindAllStringIndex)
}

// FindAllSubmatchIn is FindAllStringSubmatchIndex of sc's text.
func (p *pattern) FindAllSubmatchIn(sc *scan) [][]int {
	return p.find(sc.s, sc, p.re().FindAllStringSubmatchIndex)
}

// FindAllIn is FindAllStringIndex of sc's text.
func (p *pattern) FindAllIn(sc *scan) [][]int {
	return p.find(sc.s, sc, p.re().FindAllStringIndex)
}

// find returns the matches of find in s, scanning in windows where it
// can, around the hits sc found in s if sc is not nil.
func (p *pattern) find(s string, sc *scan, find func(string, int) [][]int) [][]int {
	if p.possible != nil && !p.possible(s) {
		return nil
	}
	var ws [][2]int
	var ok bool
	if sc != nil {
		ws, ok = sc.windows(p)
	} else {
		ws, ok = p.windows(s)
	}
	if !ok {
		return find(s, -1)
	}
	if p.phrases != nil {
		// Matches without submatches: the same from either function.
		find = func(s string, _ int) [][]int { return p.phrases.findAll(s) }
	}
	var out [][]int
	for _, w := range ws {
		for _, m := range find(s[w[0]:w[1]], -1) {
			for k := range m {
				if m[k] >= 0 {
					m[k] += w[0]
				}
			}
			out = append(out, m)
		}
	}
	return out
}

// MatchString is [regexp.Regexp.MatchString].
func (p *pattern) MatchString(s string) bool {
	if p.possible != nil && !p.possible(s) {
		return false
	}
	ws, ok := p.windows(s)
	if !ok {
		return p.re().MatchString(s)
	}
	for _, w := range ws {
		if p.phrases != nil && len(p.phrases.findAll(s[w[0]:w[1]])) > 0 || p.phrases == nil && p.re().MatchString(s[w[0]:w[1]]) {
			return true
		}
	}
	return false
}
