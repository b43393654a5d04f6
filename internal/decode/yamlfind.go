package decode

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// yaml.v3 reports where a syntax error is by its line alone, and that line
// is sometimes the line of what the problem is about (the start of a quoted
// text or of a list) rather than of the problem itself. The functions here
// find the offending character from the source text: for most problems by
// parsing prefixes of the document, as the shortest prefix that gives the
// same problem ends at it; for a quoted text or a flow list that is never
// closed, by finding where it starts.

// Limits on the prefixes parsed to find one problem.
const (
	maxFindTries = 64       // prefixes parsed
	maxFindBytes = 16 << 20 // bytes parsed, all prefixes together
)

// splitYAMLError returns the line that an error of yaml.v3 names (0 when it
// names none) and its problem, without the "yaml: " and "line N: "
// prefixes.
func splitYAMLError(err error) (line int, problem string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if num, p, ok := strings.Cut(rest, ": "); ok {
			if n, err := strconv.Atoi(num); err == nil {
				return n, p
			}
		}
	}
	return 0, msg
}

// problemOf returns the problem that yaml.v3 reports for src, as
// splitYAMLError gives it, or "" if there is none. Like YAML, it reads at
// most two documents.
func problemOf(src []byte) string {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	for range 2 {
		var n yaml.Node
		if err := dec.Decode(&n); err != nil {
			if errors.Is(err, io.EOF) {
				return ""
			}
			_, p := splitYAMLError(err)
			return p
		}
	}
	return ""
}

// A finder looks for the offset in src at which a problem lies.
type finder struct {
	y            *yamlLines
	tries, bytes int  // prefixes and bytes parsed so far
	spent        bool // a prefix was not parsed for the limits
}

// gives reports whether the prefix src[:end] gives problem, and false once
// the limits on parsing are reached.
func (f *finder) gives(end int, problem string) bool {
	if f.tries >= maxFindTries || f.bytes+end > maxFindBytes {
		f.spent = true
		return false
	}
	f.tries++
	f.bytes += end
	return problemOf(f.y.src[:end]) == problem
}

// least returns the least k < n for which the prefix src[:end(k)] gives
// problem, where every k after one that does gives it too, or false if
// there is none or the limits are reached.
func (f *finder) least(n int, end func(int) int, problem string) (int, bool) {
	k := sort.Search(n, func(k int) bool { return f.gives(end(k), problem) })
	return k, k < n && !f.spent
}

// The kinds of problem, by how they are found.
const (
	findToken  = iota // a character on the line that cannot be where it is
	findKey           // a key without ':', noticed at a later line
	findQuote         // a quoted text that is never closed
	findEscape        // a bad escape in a double-quoted text
	findFlow          // a list or mapping in [ ] or { } that is not closed
	findNode          // a token the parser did not expect
	findLine          // a problem with the line as a whole, such as a directive
)

// findKind returns how problem is found.
func findKind(problem string) int {
	switch {
	case problem == "could not find expected ':'":
		return findKey
	case problem == "found unexpected end of stream", problem == "found unexpected document indicator":
		return findQuote
	case problem == "found unknown escape character", problem == "did not find expected hexdecimal number",
		problem == "found invalid Unicode character escape code":
		return findEscape
	case strings.HasPrefix(problem, "did not find expected ',' or "):
		return findFlow
	case strings.HasPrefix(problem, "found duplicate %"), problem == "found incompatible YAML document",
		problem == "did not find expected <document start>":
		return findLine
	case isParserProblem(problem):
		return findNode
	}
	return findToken
}

// find returns the offset in src of the problem that yaml.v3 reports on
// line (as it counts lines, from 1), or false if it cannot tell.
func (y *yamlLines) find(line int, problem string) (int, bool) {
	line = min(max(line, 1), len(y.starts))
	f := &finder{y: y}
	start, end := y.starts[line-1], y.lineEnd(line)
	// from is where the search starts: the start of the line, unless what
	// comes before it gives the problem already. Then yaml.v3 named the
	// line of the problem for one that began on the first line, where it
	// names no line.
	from := func(problem string) int {
		if start > 0 && f.gives(start, problem) {
			return y.starts[0]
		}
		return start
	}
	switch findKind(problem) {
	case findToken:
		return f.first(start, end, problem, func(i int) bool { return y.tokenChar(i, problem) })
	case findKey:
		return f.first(from(problem), len(y.src), problem, y.tokenStart)
	case findQuote:
		return f.quote(from("found unexpected end of stream"))
	case findEscape:
		return f.escape(start, problem)
	case findFlow:
		open := byte('[')
		if strings.HasSuffix(problem, "'}'") {
			open = '{'
		}
		if off, ok := y.unclosed(line, open); ok {
			return off, true
		}
		return y.unclosed(1, open)
	case findLine:
		return y.firstNonBlank(line), true
	}
	return f.node(from(problem), problem)
}

// node returns the offset of the token at or after from that the parser's
// problem is about: on the first line whose end gives the problem, the first
// token whose first character does. Lines are searched by halves, as a
// prefix that holds the token gives the problem, and the parser's other
// problems do not come from a document that ends early. A key's ':' stands
// for the key, since a key at the end of a document is not one until its
// ':' is read.
func (f *finder) node(from int, problem string) (int, bool) {
	y := f.y
	first := y.lineOf(from)
	k, ok := f.least(len(y.starts)-first+1, func(k int) int { return y.lineEnd(first + k) }, problem)
	if !ok {
		return 0, false
	}
	line := first + k
	start, end := max(from, y.starts[line-1]), y.lineEnd(line)
	at, ok := f.first(start, end, problem, y.tokenStart)
	if !ok {
		return y.firstNonBlank(line), true
	}
	if y.src[at] == ':' {
		for i := start; i < at; i++ {
			if y.tokenStart(i) && strings.IndexByte("-?", y.src[i]) < 0 {
				return i, true
			}
		}
	}
	return at, true
}

// first returns the first offset i in [from, to) for which ok(i) holds and
// the prefix that ends after the character at i gives problem. For a quote
// at i the prefix ends after the quoted text instead, as one that ends
// inside it gives only the problem of a text that is never closed.
func (f *finder) first(from, to int, problem string, ok func(int) bool) (int, bool) {
	src := f.y.src
	for i := from; i < to && i < len(src) && !f.spent; {
		_, w := utf8.DecodeRune(src[i:])
		if ok(i) {
			end := i + w
			if src[i] == '"' || src[i] == '\'' {
				end = max(end, f.y.quotedEnd(i))
			}
			if f.gives(end, problem) {
				return i, true
			}
		}
		i += w
	}
	return 0, false
}

// quote returns the offset of the first quote at or after from that opens a
// quoted text that is never closed.
func (f *finder) quote(from int) (int, bool) {
	src := f.y.src
	for i := from; i < len(src); i++ {
		if src[i] != '"' && src[i] != '\'' {
			continue
		}
		// The quote opens a text if the document ends inside one after it.
		if !f.gives(i+1, "found unexpected end of stream") {
			if f.spent {
				break
			}
			continue
		}
		end := f.y.quotedEnd(i)
		if end < 0 {
			return i, true
		}
		i = end - 1
	}
	return 0, false
}

// escape returns the offset of the backslash of the first escape at or
// after from that gives problem. A prefix gives it if and only if it holds
// all of the bad escape, so the backslashes are searched by halves.
func (f *finder) escape(from int, problem string) (int, bool) {
	src := f.y.src
	var slashes []int
	for i := from; i < len(src); i++ {
		if src[i] == '\\' {
			slashes = append(slashes, i)
		}
	}
	k, ok := f.least(len(slashes), func(k int) int {
		i := slashes[k]
		end := i + 2
		if i+1 < len(src) {
			switch src[i+1] {
			case 'x':
				end += 2
			case 'u':
				end += 4
			case 'U':
				end += 8
			}
		}
		return min(end, len(src))
	}, problem)
	if !ok {
		return 0, false
	}
	return slashes[k], true
}

// lineEnd returns the offset of the end of line, before its line break.
func (y *yamlLines) lineEnd(line int) int {
	if line >= len(y.starts) {
		return len(y.src)
	}
	end := y.starts[line]
	return end - yamlBreakBefore(y.src, end)
}

// yamlBreakBefore returns the length of the line break that ends at end in
// src, or 0.
func yamlBreakBefore(src []byte, end int) int {
	for _, w := range [...]int{2, 3, 1} {
		if end-w >= 0 && yamlBreak(src[end-w:end]) == w {
			return w
		}
	}
	return 0
}

// lineStart reports whether offset i starts a line.
func (y *yamlLines) lineStart(i int) bool {
	_, found := slices.BinarySearch(y.starts, i)
	return found
}

// blankAt reports whether src[i] is a space, a tab or a line break, or i
// is outside src.
func blankAt(src []byte, i int) bool {
	return i < 0 || i >= len(src) || src[i] == ' ' || src[i] == '\t' || yamlBreak(src[i:]) > 0
}

// tokenStart reports whether a token may start at offset i: a character
// that is not blank, first on its line or after a blank or a flow
// indicator. ':', '-' and '?' count only as indicators, with a blank after
// them, since a prefix that ends after one takes it for an indicator.
func (y *yamlLines) tokenStart(i int) bool {
	src := y.src
	switch {
	case blankAt(src, i):
		return false
	case strings.IndexByte(":-?", src[i]) >= 0:
		return blankAt(src, i+1)
	}
	return y.lineStart(i) || blankAt(src, i-1) || strings.IndexByte("[]{},", src[i-1]) >= 0
}

// tokenChar reports whether the character at offset i may be the one that
// problem, a problem of yaml.v3's scanner found on its line, is about.
func (y *yamlLines) tokenChar(i int, problem string) bool {
	src := y.src
	c := src[i]
	indicator := func(c byte) bool { return src[i] == c && blankAt(src, i+1) }
	switch {
	case strings.HasPrefix(problem, "mapping values are not allowed"):
		return indicator(':')
	case strings.HasPrefix(problem, "block sequence entries are not allowed"):
		return indicator('-')
	case strings.HasPrefix(problem, "mapping keys are not allowed"):
		return indicator('?')
	case strings.HasPrefix(problem, "did not find expected alphabetic or numeric character"):
		return c == '&' || c == '*'
	case strings.Contains(problem, "tab character"):
		return c == '\t'
	case c == ' ' || yamlBreak(src[i:]) > 0:
		return false
	case strings.HasPrefix(problem, "found character that cannot start any token"):
		// Letters and digits start a plain text, and so do ':', '-' and
		// '?' when no blank follows; with one, they are indicators.
		return c < utf8.RuneSelf && !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') &&
			strings.IndexByte(":-?", c) < 0
	}
	return strings.IndexByte(":-?", c) < 0 || blankAt(src, i+1)
}

// quotedEnd returns the offset just past the quoted text whose opening
// quote is at offset i, or -1 if it is not closed before the end of src or
// a document marker ("---" or "...") at the start of a line.
func (y *yamlLines) quotedEnd(i int) int {
	src := y.src
	q := src[i]
	for j := i + 1; j < len(src); {
		if y.lineStart(j) && (bytes.HasPrefix(src[j:], []byte("---")) || bytes.HasPrefix(src[j:], []byte("..."))) && blankAt(src, j+3) {
			return -1
		}
		switch c := src[j]; {
		case q == '\'' && c == '\'' && j+1 < len(src) && src[j+1] == '\'':
			j += 2 // an escaped single quote
		case c == q:
			return j + 1
		case q == '"' && c == '\\':
			j += 2 // an escaped character, or line break
		default:
			j++
		}
	}
	return -1
}

// unclosed returns the offset of the bracket open ('[' or '{') on line
// that a flow list or mapping starts with and that is not closed on the
// line: the innermost one when the line ends, or the one that a closing
// bracket of the other kind meets.
func (y *yamlLines) unclosed(line int, open byte) (int, bool) {
	src := y.src
	start, end := y.starts[line-1], y.lineEnd(line)
	var stack []int
scan:
	for i := start; i < end; {
		c := src[i]
		switch {
		case c == '#' && (i == start || blankAt(src, i-1)):
			break scan // a comment
		case (c == '"' || c == '\'') && y.tokenStart(i):
			j := y.quotedEnd(i)
			if j < 0 || j > end {
				break scan
			}
			i = j
			continue
		case (c == '[' || c == '{') && (len(stack) > 0 || y.tokenStart(i)):
			stack = append(stack, i)
		case (c == ']' || c == '}') && len(stack) > 0:
			top := stack[len(stack)-1]
			if src[top]+2 != c { // '['+2 is ']' and '{'+2 is '}'
				return top, true
			}
			stack = stack[:len(stack)-1]
		}
		i++
	}
	for k := len(stack) - 1; k >= 0; k-- {
		if src[stack[k]] == open {
			return stack[k], true
		}
	}
	return 0, false
}

// firstNonBlank returns the offset of the first character of line that is
// not a space or a tab, or the end of the line if there is none.
func (y *yamlLines) firstNonBlank(line int) int {
	line = min(max(line, 1), len(y.starts))
	i, end := y.starts[line-1], y.lineEnd(line)
	for i < end && (y.src[i] == ' ' || y.src[i] == '\t') {
		i++
	}
	return i
}

// runOnQuote returns the offset of the quote that opens a quoted value on
// a line before the one of offset at, and of the quote that closes it, on
// at's line and not after at, when the text holds a line that reads as a
// key or a list item at the indentation of the opening line: a quote left
// open, which a quote of a later line closes, so that the parser trips
// there or after it, having taken the keys between for text. A quote
// opens a value when it follows ": ", "- ", "[", "{" or ",". Comments,
// block scalars ("|", ">") and other quoted values are skipped.
func (y *yamlLines) runOnQuote(at int) (open, closing int, ok bool) {
	src := y.src
	if at < 0 || at >= len(src) {
		return 0, 0, false
	}
	line := y.lineOf(at)
	if line == 0 {
		return 0, 0, false
	}
	for i := 0; i < y.starts[line-1]; i++ {
		c := src[i]
		switch {
		case c == '#' && (y.lineStart(i) || blankAt(src, i-1)):
			i = y.lineEnd(y.lineOf(i)) - 1
		case (c == '|' || c == '>') && y.valueStart(i) && blockHeader(src, i+1):
			// A block scalar: the lines after, more indented than its
			// key's, are text.
			l := y.lineOf(i)
			indent := y.indent(l)
			end := y.lineEnd(l)
			for l++; l <= len(y.starts) && (y.blankLine(l) || y.indent(l) > indent); l++ {
				end = y.lineEnd(l)
			}
			i = end - 1
		case (c == '"' || c == '\'') && y.valueStart(i):
			end := y.quotedEnd(i)
			switch {
			case end < 0:
				return 0, 0, false
			case end > y.starts[max(line-2, 0)] && end-1 <= at && y.lineOf(i) < y.lineOf(end-1):
				// Closed on at's line or the line before: the parser
				// may trip on the key after a quoted list item.
				if !y.swallows(i, end) {
					return 0, 0, false
				}
				return i, end - 1, true
			}
			i = end - 1
		}
	}
	return 0, 0, false
}

// valueStart reports whether the character at offset i begins a value:
// it follows ": " or "- " on its line, or "[", "{", or "," in a flow
// collection.
func (y *yamlLines) valueStart(i int) bool {
	src := y.src
	j := i - 1
	for j >= 0 && (src[j] == ' ' || src[j] == '\t') {
		j--
	}
	switch {
	case j < 0 || src[j] == '\n' || src[j] == '\r':
		return false
	case src[j] == '[' || src[j] == '{':
		return true
	case src[j] == ',':
		// In a flow collection only: a bracket opens before it on its
		// line ("Hours, 'til 8" is plain text).
		start := y.starts[y.lineOf(j)-1]
		return bytes.ContainsAny(src[start:j], "[{")
	case src[j] == ':' || src[j] == '-':
		return j < i-1 // a blank between
	}
	return false
}

// blockHeader reports whether src from offset i to the end of its line is
// what may follow a block scalar's indicator: chomping and indentation
// indicators, blanks and a comment.
func blockHeader(src []byte, i int) bool {
	for ; i < len(src) && src[i] != '\n' && src[i] != '\r'; i++ {
		switch c := src[i]; {
		case c == '#' && blankAt(src, i-1):
			return true
		case c != '+' && c != '-' && c != ' ' && c != '\t' && (c < '0' || c > '9'):
			return false
		}
	}
	return true
}

// swallows reports whether the quoted text from offset open to end holds,
// after its first line, a line that reads as a key or a list item at the
// indentation of the line it opens on.
func (y *yamlLines) swallows(open, end int) bool {
	first := y.lineOf(open)
	indent := y.indent(first)
	for l := first + 1; l <= len(y.starts) && y.starts[l-1] < end; l++ {
		if y.blankLine(l) || y.indent(l) != indent {
			continue
		}
		lo, hi := y.starts[l-1]+indent, min(y.lineEnd(l), end)
		if lo < hi && swallowedRE.Match(y.src[lo:hi]) {
			return true
		}
	}
	return false
}

// swallowedRE matches a line's text, from its indentation, that reads as
// a key or a list item.
var swallowedRE = regexp.MustCompile(`^(?:- |-$|[\pL_][\pL\pN_-]*:(?:[ \t]|\r?$))`)

// lineOf returns the line, from 1, of offset i.
func (y *yamlLines) lineOf(i int) int {
	return sort.Search(len(y.starts), func(k int) bool { return y.starts[k] > i })
}

// indent returns how many spaces begin line l.
func (y *yamlLines) indent(l int) int {
	n := 0
	for j := y.starts[l-1]; j < len(y.src) && y.src[j] == ' '; j++ {
		n++
	}
	return n
}

// blankLine reports whether line l holds only blanks.
func (y *yamlLines) blankLine(l int) bool {
	return len(bytes.TrimSpace(y.src[y.starts[l-1]:y.lineEnd(l)])) == 0
}
