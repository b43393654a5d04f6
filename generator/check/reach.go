package check

import (
	"regexp/syntax"
	"slices"
)

// A window need not reach as far on both sides of a literal. In
// "(?i)\b(?:you|your\s+child)\s+should\s+(?:stop|skip)\s+it", a match
// holds at most four runs of white space in all, but "should" has at most
// two of them before it and two after: the window around a hit of
// "should" reaches two words each side, not four. sides works out how far
// from the place in the expression that holds the literals.

// sides returns how many runs of white space a match of re holds at most
// before and after a hit of one of the literals lits (as [hasLiteral]
// reads them) in it: every match holds a hit with at most before runs
// before it and after runs after it. ok is false when it cannot tell.
func sides(re *syntax.Regexp, lits []string) (before, after int, ok bool) {
	return litMemo{}.sides(re, lits)
}

// sides is the package's sides, with literals remembered.
func (m litMemo) sides(re *syntax.Regexp, lits []string) (before, after int, ok bool) {
	switch re.Op {
	case syntax.OpCapture:
		return m.sides(re.Sub[0], lits)
	case syntax.OpConcat:
		// The part that holds the hit, with the parts before and after.
		parts := make([]int, len(re.Sub))
		for k, sub := range re.Sub {
			parts[k] = gaps(sub)
		}
		for k, sub := range re.Sub {
			b, a, found := m.sides(sub, lits)
			if !found {
				continue
			}
			for _, n := range parts[:k] {
				b = add(b, n)
			}
			for _, n := range parts[k+1:] {
				a = add(a, n)
			}
			if b >= 0 && a >= 0 && (!ok || b+a < before+after) {
				before, after, ok = b, a, true
			}
		}
	case syntax.OpAlternate:
		// Each alternative holds a hit.
		ok = true
		for _, sub := range re.Sub {
			b, a, found := m.sides(sub, lits)
			if !found {
				ok = false
				break
			}
			before, after = max(before, b), max(after, a)
		}
	}
	if n := gaps(re); n >= 0 && (!ok || 2*n < before+after) && m.covers(re, lits) {
		// The hit is somewhere in the match.
		return n, n, true
	}
	return before, after, ok
}

// add returns a+b, or -1 if either is -1 (no limit).
func add(a, b int) int {
	if a < 0 || b < 0 {
		return -1
	}
	return a + b
}

// covers reports whether every match of re holds one of the literals
// lits, as the literals re's matches hold (see [literals]) tell.
func (m litMemo) covers(re *syntax.Regexp, lits []string) bool {
	in := m.literals(re)
	return slices.ContainsFunc([][]string{in.exact, in.required, in.best()}, func(set []string) bool {
		return len(set) > 0 && !slices.Contains(set, "") && implies(set, lits)
	})
}
