package decode

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/faqcast/faqcast/internal/diag"
	"go.yaml.in/yaml/v3"
)

// YAML decodes the YAML document src into the struct that v points to, as
// described in the package documentation. path names the file in errors and
// firstLine is the line of the file that src[0] stands on. src must hold at
// most one document; an empty one, or one with only comments, decodes to
// nothing.
func YAML(path string, src []byte, firstLine int, v any) error {
	d, derr := newDecoder(path, v)
	if derr != nil {
		return diag.Join(derr)
	}
	doc, err := YAMLNode(path, src, firstLine)
	if doc != nil {
		d.document(doc, reflectElem(v))
	}
	return withDefaultHint(yamlHint, append(diag.Flatten(err), d.errs...))
}

// YAMLNode parses the YAML document src into a tree whose nodes hold the
// lines and columns of the file named by path, src[0] standing on its line
// firstLine, for a caller that reads the tree itself. src must hold at most
// one document; an empty one gives a nil tree. A syntax error, or a second
// document, is an error at its position; the tree is nil only when the
// first document could not be parsed.
func YAMLNode(path string, src []byte, firstLine int) (*yaml.Node, error) {
	y := newYAMLLines(src, firstLine)
	if y.plain && plainShape(src) {
		if doc, ok := plainYAML(src); ok {
			y.adjust(doc)
			return doc, nil
		}
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		return nil, withDefaultHint(yamlHint, []error{y.parseError(path, err)})
	}
	var errs []error
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == nil:
		errs = append(errs, diag.Errorf(path, y.pos(extra.Line, extra.Column),
			"found a second document; expected only one").
			WithHint(`remove this "---" line, or indent what follows it`))
	case !errors.Is(err, io.EOF):
		errs = append(errs, y.parseError(path, err))
	}
	y.adjust(&doc)
	return &doc, withDefaultHint(yamlHint, errs)
}

// yamlHint is the hint for a YAML problem that has no better one.
const yamlHint = `check the YAML here: one "key: value" per line, lists as [a, b], text with ": " or " #" in quotes`

// yamlLines maps the lines and columns that yaml.v3 reports to positions in
// the file. yaml.v3 counts lines from 1 at src[0] and ends them not only at
// '\n' but also at a lone '\r', U+0085, U+2028 and U+2029; it counts columns
// in characters from 1, not counting a byte order mark.
type yamlLines struct {
	src    []byte
	lines  *lineIndex
	starts []int // the offset at which each yaml.v3 line begins
	// plain is set when src has no byte order mark and ends its lines
	// with '\n' alone, as most do: yaml.v3's lines and columns are then
	// the file's, its lines counted from 1.
	plain bool
}

func newYAMLLines(src []byte, firstLine int) *yamlLines {
	lines := newLineIndex(src, firstLine)
	if plainLines(src) {
		return &yamlLines{src: src, lines: lines, starts: lines.starts, plain: true}
	}
	start := 0
	if bytes.HasPrefix(src, []byte("\xEF\xBB\xBF")) {
		start = 3
	}
	starts := []int{start}
	for i := start; i < len(src); {
		w := yamlBreak(src[i:])
		if w == 0 {
			i++
			continue
		}
		i += w
		starts = append(starts, i)
	}
	return &yamlLines{src: src, lines: lines, starts: starts}
}

// plainLines reports whether src has no byte order mark and no line break
// but '\n': no '\r', U+0085, U+2028 or U+2029.
func plainLines(src []byte) bool {
	return !bytes.HasPrefix(src, []byte("\xEF\xBB\xBF")) && bytes.IndexByte(src, '\r') < 0 &&
		!bytes.Contains(src, []byte("\xC2\x85")) && !bytes.Contains(src, []byte("\xE2\x80\xA8")) && !bytes.Contains(src, []byte("\xE2\x80\xA9"))
}

// yamlBreak returns the length of the line break that b starts with, or 0.
func yamlBreak(b []byte) int {
	switch {
	case bytes.HasPrefix(b, []byte("\r\n")):
		return 2
	case b[0] == '\r' || b[0] == '\n':
		return 1
	case bytes.HasPrefix(b, []byte("\xC2\x85")):
		return 2
	case bytes.HasPrefix(b, []byte("\xE2\x80\xA8")), bytes.HasPrefix(b, []byte("\xE2\x80\xA9")):
		return 3
	}
	return 0
}

// offset returns the byte offset of line and column as yaml.v3 counts them.
// A column past the end of its line is taken as the end of the line.
func (y *yamlLines) offset(line, col int) int {
	line = min(max(line, 1), len(y.starts))
	off := y.starts[line-1]
	for ; col > 1 && off < len(y.src); col-- {
		if yamlBreak(y.src[off:]) > 0 {
			break
		}
		_, w := utf8.DecodeRune(y.src[off:])
		off += w
	}
	return off
}

// pos returns the position in the file of line and column as yaml.v3
// counts them.
func (y *yamlLines) pos(line, col int) diag.Pos {
	return y.lines.pos(y.offset(line, col))
}

// adjust sets the line and column of every node in the tree n to its
// position in the file. It sorts the nodes by position and converts them
// all in one pass over src.
func (y *yamlLines) adjust(n *yaml.Node) {
	var nodes []*yaml.Node
	stack := []*yaml.Node{n}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n != nil {
			nodes = append(nodes, n)
			stack = append(stack, n.Content...)
		}
	}
	if y.plain && y.within(nodes) {
		for _, n := range nodes {
			n.Line += y.lines.first - 1
		}
		return
	}
	slices.SortFunc(nodes, func(a, b *yaml.Node) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
	src := y.src
	off := y.starts[0]
	yLine, yCol := 1, 1                       // as yaml.v3 counts
	line, col := y.lines.first, 1+min(off, 1) // in the file, where a BOM is a character
	for _, n := range nodes {
		for off < len(src) && (yLine < n.Line || yLine == n.Line && yCol < n.Column) {
			w := yamlBreak(src[off:])
			if w > 0 && yLine == n.Line {
				break // a column past the end of its line
			}
			if w > 0 {
				yLine, yCol = yLine+1, 1
				for _, c := range string(src[off : off+w]) {
					if c == '\n' {
						line, col = line+1, 1
					} else {
						col++
					}
				}
			} else {
				_, w = utf8.DecodeRune(src[off:])
				yCol++
				col++
			}
			off += w
		}
		n.Line, n.Column = line, col
	}
}

// within reports whether each node stands on a line of src and at most
// one column past its last character: where, in plain lines, yaml.v3's
// line and column are the file's. Others, such as a column past the end of
// its line, adjust converts one by one.
func (y *yamlLines) within(nodes []*yaml.Node) bool {
	starts := y.lines.starts
	for _, n := range nodes {
		if n.Line < 1 || n.Line > len(starts) || n.Column < 1 {
			return false
		}
		end := len(y.src)
		if n.Line < len(starts) {
			end = starts[n.Line] - 1 // before its '\n'
		}
		if line := y.src[starts[n.Line-1]:end]; n.Column-1 > len(line) || n.Column-1 > utf8.RuneCount(line) {
			return false
		}
	}
	return true
}

// parseError converts an error from yaml.v3's parser into a *diag.Error
// with a line, a column and, for the common problems, a hint.
//
// yaml.v3 (v3.0.6) reports syntax errors only as text, in the one form
// "yaml: line N: problem", or "yaml: problem" when it has no line; the
// marks it keeps internally, with columns, are not exported. So the line is
// taken from that text. yaml.v3 adds 1 to the 0-based line only for errors
// from its scanner; for those from its parser the number is 0-based, and a
// line of 0 (the first line) is left out of the text entirely. The problem
// tells the two apart. The column is then found in src by find. Errors of
// its reader, about bytes that are not allowed, carry no line at all, and
// neither does an alias to an unknown anchor: for those the offending bytes
// are looked for in src.
func (y *yamlLines) parseError(path string, err error) *diag.Error {
	line, msg := splitYAMLError(err)
	yLine := 0 // the line to look for the problem on, as yaml.v3 counts
	var pos diag.Pos
	switch {
	case line > 0 && isScannerProblem(msg):
		yLine = line
	case line > 0:
		yLine = line + 1
	case isScannerProblem(msg) || isParserProblem(msg):
		yLine = 1
	case isReaderProblem(msg):
		if off := badCharacter(y.src); off >= 0 {
			pos = y.lines.pos(off)
		}
	case strings.HasPrefix(msg, "unknown anchor '"):
		name := strings.TrimSuffix(strings.TrimPrefix(msg, "unknown anchor '"), "' referenced")
		if off := findAlias(y.src, name); off >= 0 {
			pos = y.lines.pos(off)
		}
	}
	found, at := false, -1 // whether the offending character was found, and where
	if yLine > 0 {
		at, found = y.find(yLine, msg)
		if !found {
			at = y.firstNonBlank(yLine)
		}
		pos = y.lines.pos(at)
	}
	if pos.Line == 0 { // a problem that yaml.v3 does not place
		at = y.firstNonBlank(1)
		pos = y.lines.pos(at)
	}
	if found {
		if open, closing, ok := y.runOnQuote(at); ok {
			closed := y.lines.pos(closing)
			return diag.Errorf(path, y.lines.pos(open), "the quoted text that starts here is not closed on its line: the quote at %d:%d closes it, and the parser trips after that", closed.Line, closed.Col).
				WithHint("close the quote where the text ends on this line, or remove it")
		}
	}
	e := diag.Errorf(path, pos, "%s", msg)
	// A tab in the indentation is the likely cause of an error on its line
	// or the line before that is not placed exactly; yaml.v3 may report
	// the line where the value around the tab began.
	if !found || strings.Contains(msg, "tab character") || at >= 0 && at < len(y.src) && y.src[at] == '\t' {
		lookAhead := 1
		if strings.Contains(msg, "tab character") {
			lookAhead = len(y.lines.starts)
		}
		if tab, ok := y.tabIndent(pos.Line, lookAhead); ok {
			e.Pos = tab
			return e.WithHint("indent with spaces: YAML does not allow tabs for indentation")
		}
	}
	if h := syntaxHint(msg, y.src, at); h != "" {
		e.WithHint("%s", h)
	}
	return e
}

// syntaxHint returns how to fix the YAML syntax problem msg, found at
// offset at in src, or "" if there is no better hint than yamlHint.
func syntaxHint(msg string, src []byte, at int) string {
	switch {
	case strings.Contains(msg, "mapping values are not allowed"):
		return `put the value in quotes if it contains ": ", or check the indentation`
	case strings.Contains(msg, "could not find expected ':'"):
		return `write each entry as "key: value"`
	case strings.Contains(msg, "did not find expected key"),
		strings.Contains(msg, "did not find expected '-' indicator"):
		return "check the indentation of this line and the lines after it"
	case msg == "found unexpected end of stream":
		return "close the quoted text that starts here with the same quote mark"
	case msg == "found unexpected document indicator":
		return `close the quoted text that starts here before the line that starts with "---" or "..."`
	case findKind(msg) == findEscape:
		return `in double quotes, write a backslash as \\, or put the text in single quotes`
	case msg == "did not find expected ',' or ']'":
		return "close the list with ] and put a comma between its items"
	case msg == "did not find expected ',' or '}'":
		return "close the mapping with } and put a comma between its entries"
	case strings.HasPrefix(msg, "block sequence entries are not allowed"):
		return `start each list item on a line of its own, as "- item", under its key`
	case msg == "found an indentation indicator equal to 0",
		msg == "did not find expected comment or line break" && afterBlockIndicator(src, at):
		return "end the line with | or > and write the text on the lines below it, indented"
	case strings.HasPrefix(msg, "found character that cannot start any token"),
		strings.HasPrefix(msg, "did not find expected alphabetic or numeric character"):
		if at >= 0 && at < len(src) && src[at] == '\t' {
			return "use a space instead of the tab: YAML does not allow a tab here"
		}
		if at >= 0 && at < len(src) {
			r, _ := utf8.DecodeRune(src[at:])
			return fmt.Sprintf("put the value in quotes: YAML does not let a value start with %s", strconv.QuoteRune(r))
		}
	}
	return ""
}

// afterBlockIndicator reports whether a '|' or '>' comes before offset at on
// its line in src, as in the line that starts a block of text.
func afterBlockIndicator(src []byte, at int) bool {
	if at < 0 || at > len(src) {
		return false
	}
	start := bytes.LastIndexAny(src[:at], "\r\n") + 1
	return bytes.ContainsAny(src[start:at], "|>")
}

// tabIndent returns the position of the first tab in the indentation of
// line, or of one of the lookAhead lines after it.
func (y *yamlLines) tabIndent(line, lookAhead int) (diag.Pos, bool) {
	if line == 0 {
		return diag.Pos{}, false
	}
	first := line - y.lines.first
	for i := max(first, 0); i < len(y.lines.starts) && i <= first+lookAhead; i++ {
	indent:
		for j, c := range y.src[y.lines.starts[i]:] {
			switch c {
			case ' ':
			case '\t':
				return diag.Pos{Line: y.lines.first + i, Col: j + 1}, true
			default:
				break indent
			}
		}
	}
	return diag.Pos{}, false
}

// isScannerProblem reports whether msg is a problem reported by yaml.v3's
// scanner.
func isScannerProblem(msg string) bool {
	for _, p := range [...]string{
		"block sequence entries are not allowed",
		"could not find expected",
		"did not find URI escaped octet",
		"did not find expected '!'",
		"did not find expected alphabetic or numeric character",
		"did not find expected comment or line break",
		"did not find expected digit or '.' character",
		"did not find expected hexdecimal number",
		"did not find expected tag URI",
		"did not find expected version number",
		"did not find expected whitespace",
		"did not find the expected '>'",
		"exceeded max depth",
		"found a tab character",
		"found an incorrect",
		"found an indentation indicator equal to 0",
		"found character that cannot start any token",
		"found extremely long version number",
		"found invalid Unicode character escape code",
		"found unexpected document indicator",
		"found unexpected end of stream",
		"found unexpected non-alphabetical character",
		"found unknown directive name",
		"found unknown escape character",
		"mapping keys are not allowed",
		"mapping values are not allowed",
	} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}

// isParserProblem reports whether msg is a problem reported by yaml.v3's
// parser.
func isParserProblem(msg string) bool {
	for _, p := range [...]string{
		"did not find expected <",
		"did not find expected ',' or",
		"did not find expected '-' indicator",
		"did not find expected key",
		"did not find expected node content",
		"found duplicate %",
		"found incompatible YAML document",
		"found undefined tag handle",
	} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}

// isReaderProblem reports whether msg is a problem reported by yaml.v3's
// reader, about bytes that are not UTF-8 or characters not allowed in YAML.
func isReaderProblem(msg string) bool {
	return strings.Contains(msg, "UTF-8") || strings.HasPrefix(msg, "control characters") ||
		strings.HasPrefix(msg, "invalid Unicode character")
}

// badCharacter returns the offset of the first byte of src that is not
// valid UTF-8 or is a character that YAML does not allow, or -1.
func badCharacter(src []byte) int {
	i := 0
	if bytes.HasPrefix(src, []byte("\xEF\xBB\xBF")) {
		i = 3
	}
	for i < len(src) {
		r, w := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && w == 1 || !allowedInYAML(r) {
			return i
		}
		i += w
	}
	return -1
}

// allowedInYAML reports whether YAML allows character r in a document.
func allowedInYAML(r rune) bool {
	switch {
	case r == '\t', r == '\n', r == '\r', r >= 0x20 && r <= 0x7E, r == 0x85,
		r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}

// findAlias returns the offset of the first alias to anchor name in src, or
// -1.
func findAlias(src []byte, name string) int {
	alias := []byte("*" + name)
	for off := 0; ; {
		i := bytes.Index(src[off:], alias)
		if i < 0 {
			return -1
		}
		end := off + i + len(alias)
		if end == len(src) || bytes.IndexByte([]byte(" \t\r\n,[]{}"), src[end]) >= 0 {
			return off + i
		}
		off += i + 1
	}
}
