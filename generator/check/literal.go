package check

import (
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// What the literals of an expression tell of its matches: the strings one
// of which every match holds, which a pattern's windows are found around.

// litInfo is what literals tell of the matches of an expression. Its
// strings are literals as [hasLiteral] reads them: a lower-case ASCII
// letter stands for either case.
type litInfo struct {
	// exact, when not nil, is every string the expression matches ("" among
	// them if it can match nothing).
	exact []string
	// required, when not nil, are strings one of which every match
	// contains.
	required []string
	// prefix, when not nil, are strings one of which every match starts
	// with.
	prefix []string
}

// maxExact bounds the size of an exact set.
const maxExact = 64

// best returns the rarest set of strings one of which every match
// contains, or nil if there is none, or none rarer than maxCost.
func (in litInfo) best() []string {
	var best []string
	for _, set := range [][]string{in.exact, in.required} {
		if len(set) > 0 && !slices.Contains(set, "") && cost(set) < maxCost && (best == nil || cost(set) < cost(best)) {
			best = set
		}
	}
	return best
}

// maxCost is the cost of the commonest set of literals worth looking for:
// a dozen common letters would find most of a text.
const maxCost = 100

// literals returns what re's literals tell of its matches.
func literals(re *syntax.Regexp) litInfo {
	return litMemo{}.literals(re)
}

// A litMemo remembers what the literals of the parts of an expression
// tell, which the analyses of an expression ask of each part again and
// again. Its sets are clipped, and shared: no one may change them.
type litMemo map[*syntax.Regexp]litInfo

// literals is the package's literals, remembered.
func (m litMemo) literals(re *syntax.Regexp) litInfo {
	if in, ok := m[re]; ok {
		return in
	}
	in := m.literalsOf(re)
	if in.exact != nil {
		in.prefix = in.exact
	}
	in = litInfo{exact: slices.Clip(in.exact), required: slices.Clip(in.required), prefix: slices.Clip(in.prefix)}
	m[re] = in
	return in
}

func (m litMemo) literalsOf(re *syntax.Regexp) litInfo {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return litInfo{exact: []string{""}}
	case syntax.OpLiteral:
		set := []string{""}
		for _, r := range re.Rune {
			var next []string
			for _, v := range variants(r, re.Flags&syntax.FoldCase != 0) {
				for _, s := range set {
					next = append(next, s+v)
				}
			}
			if len(next) > maxExact {
				return litInfo{}
			}
			set = next
		}
		return litInfo{exact: dedupe(set)}
	case syntax.OpCharClass:
		var set []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1]-re.Rune[i] >= maxExact {
				return litInfo{}
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				set = append(set, string(r))
			}
			if len(set) > maxExact {
				return litInfo{}
			}
		}
		// A letter in either case is the letter in lower case.
		set = slices.DeleteFunc(set, func(c string) bool {
			return len(c) == 1 && 'A' <= c[0] && c[0] <= 'Z' && slices.Contains(set, lower(c))
		})
		if !slices.ContainsFunc(set, func(c string) bool { return len(c) != 1 || !space(c[0]) }) {
			// White space is everywhere: multiplying it out finds nothing
			// rarer.
			return litInfo{}
		}
		return litInfo{exact: dedupe(set)}
	case syntax.OpCapture:
		return m.literals(re.Sub[0])
	case syntax.OpQuest:
		if in := m.literals(re.Sub[0]); in.exact != nil {
			return litInfo{exact: dedupe(append(in.exact, ""))}
		}
	case syntax.OpPlus:
		in := m.literals(re.Sub[0])
		return litInfo{required: in.best(), prefix: in.prefix}
	case syntax.OpRepeat:
		in := m.literals(re.Sub[0])
		if re.Min == 1 && re.Max == 1 {
			return in
		}
		if re.Min >= 1 {
			return litInfo{required: in.best(), prefix: in.prefix}
		}
	case syntax.OpAlternate:
		var exact, required, prefix []string
		exactOK, requiredOK, prefixOK := true, true, true
		for _, sub := range re.Sub {
			in := m.literals(sub)
			exactOK = exactOK && in.exact != nil
			exact = append(exact, in.exact...)
			b := in.best()
			requiredOK = requiredOK && b != nil
			required = append(required, b...)
			prefixOK = prefixOK && in.prefix != nil
			prefix = append(prefix, in.prefix...)
		}
		var out litInfo
		if exactOK && len(exact) <= maxExact {
			out.exact = dedupe(exact)
		}
		if requiredOK {
			out.required = dedupe(required)
		}
		if prefixOK && len(prefix) <= maxExact {
			out.prefix = dedupe(prefix)
		}
		return out
	case syntax.OpConcat:
		// Multiply out runs of exact sets while they stay small; the
		// rarest of those products and of the parts' own requirements is
		// the concatenation's.
		var out litInfo
		consider := func(set []string) {
			if len(set) > 0 && !slices.Contains(set, "") && cost(set) < maxCost && (out.required == nil || cost(set) < cost(out.required)) {
				out.required = set
			}
		}
		product := func(a, b []string) []string {
			var out []string
			for _, x := range a {
				for _, y := range b {
					out = append(out, x+y)
				}
			}
			return dedupe(out)
		}
		cur, whole, first := []string{""}, true, true
		for _, sub := range re.Sub {
			in := m.literals(sub)
			if in.exact != nil && len(cur)*len(in.exact) <= maxExact {
				cur = product(cur, in.exact)
				continue
			}
			if in.prefix != nil && len(cur)*len(in.prefix) <= maxExact {
				p := product(cur, in.prefix)
				consider(p)
				if first {
					out.prefix = p
				}
			} else if first {
				out.prefix = cur
			}
			whole, first = false, false
			consider(cur)
			consider(in.best())
			cur = []string{""}
			if in.exact != nil {
				cur = in.exact
			}
		}
		consider(cur)
		if whole {
			out.exact = cur
		}
		return out
	}
	return litInfo{}
}

// variants returns the literals that match rune r: r alone, or, under
// case folding, every rune in its fold orbit (an ASCII letter in lower
// case, which stands for both cases).
func variants(r rune, fold bool) []string {
	switch {
	case !fold:
		return []string{string(r)}
	case r < utf8.RuneSelf:
		return []string{lower(string(r))}
	}
	set := []string{string(r)}
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		set = append(set, lower(string(f)))
	}
	return dedupe(set)
}

func dedupe(set []string) []string {
	set = slices.Clone(set)
	slices.Sort(set)
	return slices.Compact(set)
}

// cost estimates how often a set of literals is found in English text:
// the sum of the frequency of their first bytes (a tenth of it for a
// capital letter, which stands only for itself), divided by five for every
// further byte.
func cost(set []string) float64 {
	var c float64
	for _, s := range set {
		f := 0.1
		if len(s) > 0 {
			if i := strings.IndexByte(common, lowerByte(s[0])); i >= 0 {
				f = 20 - float64(i)*20/float64(len(common))
			}
			if 'A' <= s[0] && s[0] <= 'Z' {
				f /= 10
			}
		}
		for range len(s) - 1 {
			f /= 5
		}
		c += f
	}
	return c
}

// common lists the bytes of English text, most frequent first.
const common = " \netaoinshrdlcumwfgypbvk.,\t\r"

// lower returns s with ASCII letters in lower case.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if lowerByte(s[i]) != s[i] {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				b[j] = lowerByte(b[j])
			}
			return string(b)
		}
	}
	return s
}

// lowerByte returns c in lower case if it is an ASCII letter.
func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// holdsLiteral reports whether the literal l (see [hasLiteral]) is found
// in s.
func holdsLiteral(s, l string) bool {
	for i := range len(s) {
		if hasLiteral(s[i:], l) {
			return true
		}
	}
	return false
}
