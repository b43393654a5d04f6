package check

import (
	"regexp/syntax"
	"slices"
	"sort"
	"unicode"
	"unicode/utf8"
)

// A pattern's windows are cut down further by the other literals its
// matches hold. Most expressions are sequences of parts, each with words
// of its own: "(?:you|your child)\s+(?:should|must)\s+(?:stop|skip)". The
// literals a pattern scans near come from one part, which in medical text
// is found almost everywhere; but a match also holds a literal of each
// other part, and lies within the reach of one of its hits. So a pattern
// keeps, of each window, only the text within the reach of the hits of
// each of up to maxNeed such further sets of literals (its need), which
// the lexicon finds in the same pass as the rest. A window without such a
// hit holds no match, and is not scanned at all.

// maxNeed is the most further sets of literals a pattern's windows are cut
// down with.
const maxNeed = 2

// maxNeedCost is the cost of the commonest further set of literals worth
// looking for: commoner ones cut little from a window, and a shared
// lexicon that found them would find many more hits in every text.
const maxNeedCost = 30

// maxNeedLitCost is the cost of the commonest literal of a further set:
// "the" but not "in", which many words hold.
const maxNeedLitCost = 4

// required returns sets of strings, as [hasLiteral] reads them, one of each
// of which every match of re contains.
func required(re *syntax.Regexp) [][]string {
	return litMemo{}.required(re)
}

// required is the package's required, with literals remembered.
func (m litMemo) required(re *syntax.Regexp) [][]string {
	var out [][]string
	add := func(set []string) {
		if len(set) > 0 && !slices.Contains(set, "") && !slices.ContainsFunc(out, func(s []string) bool { return slices.Equal(s, set) }) {
			out = append(out, set)
		}
	}
	add(m.literals(re).best())
	switch re.Op {
	case syntax.OpCapture, syntax.OpPlus:
		for _, set := range m.required(re.Sub[0]) {
			add(set)
		}
	case syntax.OpRepeat:
		if re.Min >= 1 {
			for _, set := range m.required(re.Sub[0]) {
				add(set)
			}
		}
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			for _, set := range m.required(sub) {
				add(set)
			}
		}
	case syntax.OpAlternate:
		// Every match holds a literal of one set of each alternative:
		// the union of a set of each is required of the alternation.
		alts := make([][][]string, len(re.Sub))
		most := 0
		for k, sub := range re.Sub {
			alts[k] = m.required(sub)
			if len(alts[k]) == 0 {
				return out
			}
			slices.SortStableFunc(alts[k], func(a, b []string) int { return compareCost(a, b) })
			most = max(most, len(alts[k]))
		}
		for i := range min(most, maxNeed+1) {
			var union []string
			for _, sets := range alts {
				union = append(union, sets[min(i, len(sets)-1)]...)
			}
			add(dedupe(union))
		}
	}
	return out
}

func compareCost(a, b []string) int {
	ca, cb := cost(a), cost(b)
	switch {
	case ca < cb:
		return -1
	case ca > cb:
		return 1
	}
	return 0
}

// chooseNeed sets p.need to at most maxNeed of p.required, rarest first,
// that are rare enough to be worth looking for, and that neither p's own
// literals nor a set chosen before imply. memo remembers what p's parts'
// literals tell.
func (p *pattern) chooseNeed(memo litMemo) {
	p.need = nil
	if p.lits == nil {
		return
	}
	cands := slices.Clone(p.required)
	slices.SortStableFunc(cands, compareCost)
	for _, set := range cands {
		if len(p.need) == maxNeed {
			break
		}
		if cost(set) < maxNeedCost && !slices.ContainsFunc(set, func(l string) bool { return cost([]string{l}) > maxNeedLitCost }) &&
			!implies(p.lits, set) && !slices.ContainsFunc(p.need, func(n []string) bool { return implies(n, set) }) {
			p.need = append(p.need, set)
		}
	}
	p.needSides = nil
	for _, set := range p.need {
		b, a, ok := p.span, p.span, p.span >= 0 && !p.anchored
		if ok {
			if nb, na, found := memo.sides(p.tree, set); found {
				b, a = min(nb, b), min(na, a)
			}
		}
		p.needSides = append(p.needSides, [2]int{b, a})
	}
}

// implies reports whether a text that holds one of the literals of a
// holds one of those of b: whether each of a holds one of b.
func implies(a, b []string) bool {
	for _, x := range a {
		if !slices.ContainsFunc(b, func(y string) bool { return holds(x, y) }) {
			return false
		}
	}
	return true
}

// holds reports whether every text that holds the literal x (as
// [hasLiteral] reads it) holds the literal y.
func holds(x, y string) bool {
	for i := 0; i+len(y) <= len(x); i++ {
		if hasLiteral(x[i:], y) {
			return true
		}
	}
	return false
}

// refine returns the parts of the windows ws of sc's text that can hold a
// match of p, given lp, p's literals in sc's lexicon: the parts within the
// reach of a hit of each of p's further sets, worked out in sc's scratch
// space.
func (p *pattern) refine(sc *scan, lp *lexPattern, ws [][2]int) [][2]int {
	for k := range lp.need {
		if len(ws) == 0 {
			break
		}
		sc.need = sc.hitsIn(lp.needList[k], lp.need[k], sc.need)
		ws = p.within(sc.s, sc.lx, ws, sc.need, p.needSides[k], sc.wins[1+k])
		sc.wins[1+k] = ws
	}
	return ws
}

// within returns the parts of the windows ws of s within the reach of the
// hits all (in order) of one of p's further sets: reach[0] words before
// each and reach[1] after, in buf's space, which must not be ws's.
//
// Every match in a window holds a hit of set within the window, with at
// most reach[0] runs of white space before it and reach[1] after (at most
// p.span each, see [sides]): it lies within that many words of the hit,
// which is as much of the window as the part around the hit keeps. The parts begin and end at white space or at the window's
// edges, so that a part's matches are the window's. Where p.span does not
// bound a match, or the expression has ^ or $, a window is kept whole if
// it holds a hit.
func (p *pattern) within(s string, lx *lexicon, ws [][2]int, all []hit, reach [2]int, buf [][2]int) [][2]int {
	out := buf[:0]
	k := 0
	for _, w := range ws {
		k += sort.Search(len(all)-k, func(j int) bool { return int(all[k+j].at) >= w[0] })
		last := -1 // the end of the word of the last hit looked at
		for ; k < len(all) && int(all[k].at) < w[1]; k++ {
			h := all[k]
			at, end := int(h.at), int(h.at)+len(lx.lits[h.id])
			if end > w[1] || end <= last {
				// A hit that ends within the word of the last needs no
				// part of its own: its part is no wider.
				continue
			}
			if p.span < 0 || p.anchored {
				out = append(out, w)
				break
			}
			clip := p.stops != nil && !p.stops.in(s[at:end])
			for end < len(s) && !space(s[end]) && !(clip && p.stops[s[end]]) {
				end++
			}
			last = end
			hi := min(w[1], wordsAfter(s, end, reach[1]))
			var stops *byteSet
			if clip {
				hi, stops = p.stops.before(s, end, hi), p.stops
			}
			out = addWindow(out, s, at, hi, reach[0], w[0], stops)
		}
	}
	return out
}

// A byteSet is a set of bytes.
type byteSet [256]bool

// in reports whether s holds a byte of b.
func (b *byteSet) in(s string) bool {
	for i := 0; i < len(s); i++ {
		if b[s[i]] {
			return true
		}
	}
	return false
}

// after returns the index after the last byte of b in s[from:i], or from
// if there is none.
func (b *byteSet) after(s string, from, i int) int {
	for j := i - 1; j >= from; j-- {
		if b[s[j]] {
			return j + 1
		}
	}
	return from
}

// before returns the index of the first byte of b in s[i:to], or to if
// there is none.
func (b *byteSet) before(s string, i, to int) int {
	for j := i; j < to; j++ {
		if b[s[j]] {
			return j
		}
	}
	return to
}

// stopsOf returns the ASCII bytes that no match of re holds and that are
// not letters, digits or "_", or nil if there are none. A match of re in a
// text lies between two of them (or the text's ends), where \b means the
// same as at the ends of the text: a window can stop at them. Sentences'
// ends are stops to most expressions, which match white space but not
// "." or "?".
func stopsOf(re *syntax.Regexp) *byteSet {
	var can [utf8.RuneSelf]bool
	matchable(re, &can)
	var stops byteSet
	any := false
	for c := range can {
		if !can[c] && !wordByte(byte(c)) {
			stops[c], any = true, true
		}
	}
	if !any {
		return nil
	}
	return &stops
}

// matchable sets can[c] for each ASCII byte c that a match of re may hold.
func matchable(re *syntax.Regexp, can *[utf8.RuneSelf]bool) {
	switch re.Op {
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			for f := r; ; {
				if f < utf8.RuneSelf {
					can[f] = true
				}
				if f = unicode.SimpleFold(f); f == r || re.Flags&syntax.FoldCase == 0 {
					break
				}
			}
		}
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1] && r < utf8.RuneSelf; r++ {
				can[r] = true
			}
		}
	case syntax.OpAnyCharNotNL:
		for c := range can {
			if c != '\n' {
				can[c] = true
			}
		}
	case syntax.OpAnyChar:
		for c := range can {
			can[c] = true
		}
	}
	for _, sub := range re.Sub {
		matchable(sub, can)
	}
}
