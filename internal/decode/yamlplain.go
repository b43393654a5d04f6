package decode

import (
	"bytes"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// plainYAML parses src into the tree yaml.v3 makes of it, if src is a
// document of the plain shape front matter has, which it reads in one pass
// at a fraction of yaml.v3's cost; ok is false for anything else, which
// the caller gives to yaml.v3. The shape is a mapping of keys, one a line,
// whose values are
//
//   - a double-quoted text on one line, without escapes;
//   - a plain text on one line that begins with a letter, with no ": ",
//     a whole number, or a date (2026-09-20);
//   - a list in brackets of quoted texts, or of plain ones without ':';
//   - on the lines below the key, more indented, a mapping of the same
//     shape, or a list of "- " items, each a value, braces holding keys
//     with such values, or a mapping.
//
// A comment, a tab, a blank line, a second document, an empty value, a key
// given twice, a text on two lines, or any other YAML is not this shape:
// it is parsed, and reported, by yaml.v3 alone. FuzzPlainYAML checks that
// the trees agree wherever plainYAML parses.
func plainYAML(src []byte) (*yaml.Node, bool) {
	if !plainShape(src) {
		return nil, false
	}
	p := plainParser{src: src, line: 1}
	top, ok := p.mapping(0, 0)
	if !ok || p.off != len(src) {
		return nil, false
	}
	return &yaml.Node{Kind: yaml.DocumentNode, Line: 1, Column: 1, Content: []*yaml.Node{top}}, true
}

// plainShape reports whether src may be of plainYAML's shape at all: no
// tab, comment mark, carriage return or document marker, which plainYAML
// would otherwise have to tell apart from text.
func plainShape(src []byte) bool {
	return bytes.IndexByte(src, '\t') < 0 && bytes.IndexByte(src, '#') < 0 && bytes.IndexByte(src, '\r') < 0 &&
		!bytes.HasPrefix(src, []byte("---")) && !bytes.Contains(src, []byte("\n---")) &&
		!bytes.HasPrefix(src, []byte("...")) && !bytes.Contains(src, []byte("\n..."))
}

// maxPlainDepth bounds how deep plainYAML reads mappings in lists in
// mappings; deeper is yaml.v3's.
const maxPlainDepth = 4

// A plainParser reads src from off, which is on line, counted from 1.
type plainParser struct {
	src       []byte
	off       int
	line      int
	lineStart int // the offset where line begins
}

// col returns the column of the offset off on p's line, in characters
// from 1, as yaml.v3 counts them.
func (p *plainParser) col(off int) int {
	return utf8.RuneCount(p.src[p.lineStart:off]) + 1
}

// at reports whether the byte at p.off is c.
func (p *plainParser) at(c byte) bool { return p.off < len(p.src) && p.src[p.off] == c }

// skip skips the bytes c at p.off and returns how many.
func (p *plainParser) skip(c byte) int {
	n := 0
	for p.at(c) {
		p.off++
		n++
	}
	return n
}

// eol skips spaces and reports whether the line ends there.
func (p *plainParser) eol() bool {
	p.skip(' ')
	return p.off == len(p.src) || p.src[p.off] == '\n'
}

// newline moves past the '\n' at p.off to the next line; ok is false if
// that line is blank.
func (p *plainParser) newline() bool {
	if p.off == len(p.src) {
		return true
	}
	p.off++
	p.line++
	p.lineStart = p.off
	return !p.at('\n')
}

// indent returns the indentation of the line at p.off, which must be at
// its start, without moving; -1 at the end of src.
func (p *plainParser) indent() int {
	if p.off == len(p.src) {
		return -1
	}
	n := 0
	for p.off+n < len(p.src) && p.src[p.off+n] == ' ' {
		n++
	}
	return n
}

// mapping reads a block mapping whose keys are at column indent+1, the
// first at p.off (after its line's indentation, or after a list item's
// "- "), the others each at the start of a line below; depth counts the
// collections around it. It returns at the start of the first line less
// indented, or at the end.
func (p *plainParser) mapping(indent, depth int) (*yaml.Node, bool) {
	var n *yaml.Node
	for {
		key, ok := p.entry(&n)
		if !ok {
			return nil, false
		}
		value, ok := p.after(indent, depth)
		if !ok {
			return nil, false
		}
		n.Content = append(n.Content, key, value)
		if p.indent() != indent {
			break
		}
		p.off += indent
	}
	if p.indent() > indent {
		return nil, false
	}
	return n, true
}

// entry reads a key of the mapping *n, making it at the first.
func (p *plainParser) entry(n **yaml.Node) (*yaml.Node, bool) {
	if *n == nil {
		*n = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: p.line, Column: p.col(p.off)}
	}
	key, ok := p.key()
	if !ok {
		return nil, false
	}
	for i := 0; i < len((*n).Content); i += 2 {
		if (*n).Content[i].Value == key.Value {
			return nil, false // given twice
		}
	}
	return key, true
}

// after reads what follows a block mapping's key, whose mapping is at
// indent: a value on the line, or a collection on the lines below.
func (p *plainParser) after(indent, depth int) (*yaml.Node, bool) {
	if p.eol() {
		if !p.newline() || depth >= maxPlainDepth {
			return nil, false
		}
		in := p.indent()
		switch {
		case in >= indent && p.item(in):
			// A list, which may be as indented as the key.
			return p.list(in, depth+1)
		case in <= indent:
			return nil, false // an empty value
		}
		p.off += in
		return p.mapping(in, depth+1)
	}
	if p.src[p.off-1] != ' ' {
		return nil, false
	}
	value, ok := p.value()
	if !ok || !p.eol() || !p.newline() {
		return nil, false
	}
	return value, true
}

// key reads a plain key and the colon after it.
func (p *plainParser) key() (*yaml.Node, bool) {
	start := p.off
	for p.off < len(p.src) && isKeyByte(p.src[p.off], p.off == start) {
		p.off++
	}
	// yaml.v3 takes no key longer than 1,024 characters.
	if p.off == start || p.off-start > 128 || !p.at(':') || !plainWord(string(p.src[start:p.off])) {
		return nil, false
	}
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: string(p.src[start:p.off]), Line: p.line, Column: p.col(start)}
	p.off++ // ':'
	return n, true
}

// isKeyByte reports whether c may be in a key, or begin one if first.
func isKeyByte(c byte, first bool) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		return true
	case '0' <= c && c <= '9', c == '_', c == '-':
		return !first
	}
	return false
}

// list reads a block list whose "- " items are at column indent+1, from
// the start of a line, each item on its line.
func (p *plainParser) list(indent, depth int) (*yaml.Node, bool) {
	n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: p.line, Column: indent + 1}
	for p.indent() == indent && p.item(indent) {
		p.off += indent + 1
		p.skip(' ')
		var item *yaml.Node
		var ok bool
		switch {
		case p.at('{'):
			item, ok = p.flowMap()
			ok = ok && p.eol() && p.newline()
		case p.isKey():
			if depth >= maxPlainDepth {
				return nil, false
			}
			// A mapping whose first key follows the "- ".
			item, ok = p.mapping(p.col(p.off)-1, depth+1)
		default:
			item, ok = p.value()
			ok = ok && p.eol() && p.newline()
		}
		if !ok {
			return nil, false
		}
		n.Content = append(n.Content, item)
	}
	if p.indent() > indent {
		return nil, false
	}
	return n, true
}

// item reports whether the line at p.off, indented by indent, is a list's
// item: "- " and more.
func (p *plainParser) item(indent int) bool {
	i := p.off + indent
	return i+2 < len(p.src) && p.src[i] == '-' && p.src[i+1] == ' ' && p.src[i+2] != ' ' && p.src[i+2] != '\n'
}

// isKey reports whether a key and ": " (or the line's end) are at p.off.
func (p *plainParser) isKey() bool {
	i := p.off
	for i < len(p.src) && isKeyByte(p.src[i], i == p.off) {
		i++
	}
	return i > p.off && i < len(p.src) && p.src[i] == ':' && (i+1 == len(p.src) || p.src[i+1] == ' ' || p.src[i+1] == '\n')
}

// value reads a value on the line: a quoted text, a bracketed list, or a
// plain text, number or date.
func (p *plainParser) value() (*yaml.Node, bool) {
	switch {
	case p.at('"'):
		return p.quoted()
	case p.at('['):
		return p.flowList()
	}
	return p.plain(false)
}

// quoted reads a double-quoted text on one line without escapes.
func (p *plainParser) quoted() (*yaml.Node, bool) {
	start := p.off
	p.off++
	for p.off < len(p.src) {
		c := p.src[p.off]
		switch {
		case c == '"':
			n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: yaml.DoubleQuotedStyle,
				Value: string(p.src[start+1 : p.off]), Line: p.line, Column: p.col(start)}
			p.off++
			return n, true
		case c == '\\' || c < 0x20 || c == 0x7f:
			return nil, false
		case c < utf8.RuneSelf:
			p.off++
		default:
			r, w := utf8.DecodeRune(p.src[p.off:])
			if !quotable(r) || w == 1 {
				return nil, false
			}
			p.off += w
		}
	}
	return nil, false
}

// quotable reports whether r, not ASCII, is a character YAML takes as it
// is in a text: not a line break, a byte order mark or a control. (A
// byte that is not UTF-8 decodes as U+FFFD, one byte long: not one.)
func quotable(r rune) bool {
	return (r >= 0xa0 && r <= 0xd7ff && r != 0x2028 && r != 0x2029) ||
		(r >= 0xe000 && r <= 0xfffd && r != 0xfeff) || r >= 0x10000
}

// plain reads a plain text to the line's end, or in a flow collection
// (flow) to the next ',', ']' or '}', trimming the spaces at its ends; a
// whole number; or a date.
func (p *plainParser) plain(flow bool) (*yaml.Node, bool) {
	start, end := p.off, p.off
	for p.off < len(p.src) {
		c := p.src[p.off]
		switch {
		case c == '\n':
		case c == ' ':
			p.off++
			continue
		case c == ':':
			// ": " ends a key; in a flow collection plainYAML takes
			// none, as yaml.v3 reads some as keys.
			if flow || p.off+1 == len(p.src) || p.src[p.off+1] == ' ' || p.src[p.off+1] == '\n' {
				return nil, false
			}
			p.off++
			end = p.off
			continue
		case flow && !flowByte(c):
			// The item's end, or a sign plainYAML leaves to yaml.v3.
		case c < 0x20 || c == 0x7f:
			return nil, false
		case c < utf8.RuneSelf:
			p.off++
			end = p.off
			continue
		default:
			r, w := utf8.DecodeRune(p.src[p.off:])
			if !quotable(r) || w == 1 {
				return nil, false
			}
			p.off += w
			end = p.off
			continue
		}
		break
	}
	p.off = end
	text := string(p.src[start:end])
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: text, Line: p.line, Column: p.col(start)}
	switch {
	case text == "":
		return nil, false
	case isDate(text):
		n.Tag = "!!timestamp"
	case isCount(text):
		n.Tag = "!!int"
	case !plainStart(text) || !plainWord(text):
		return nil, false
	}
	return n, true
}

// flowByte reports whether c, if ASCII, may be in a plain text in a flow
// collection, as plainYAML reads one: letters, digits and a few signs that
// YAML does not read there.
func flowByte(c byte) bool {
	switch {
	case c >= utf8.RuneSelf, 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	case c == '-', c == '_', c == '.', c == '/', c == '(', c == ')', c == '\'':
		return true
	}
	return false
}

// plainStart reports whether a plain text may begin with s's first
// character and still be a text to yaml.v3: an ASCII letter, or a
// character beyond ASCII.
func plainStart(s string) bool {
	c := s[0]
	if c >= utf8.RuneSelf {
		r, w := utf8.DecodeRuneInString(s)
		return quotable(r) && w > 1
	}
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// plainWord reports whether a plain text that begins with a letter is a
// text to yaml.v3, rather than a truth value or null.
func plainWord(s string) bool {
	switch s {
	case "true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL":
		return false
	}
	return true
}

// isDate reports whether s is a date of the form 2006-01-02.
func isDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// isCount reports whether s is a whole number of one to nine digits
// without leading zeros.
func isCount(s string) bool {
	if len(s) > 9 || s[0] == '0' && len(s) > 1 {
		return false
	}
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// flowValue reads an item of a flow collection: a quoted text, or a plain
// one.
func (p *plainParser) flowValue() (*yaml.Node, bool) {
	if p.at('"') {
		return p.quoted()
	}
	return p.plain(true)
}

// flowList reads a list in brackets on one line.
func (p *plainParser) flowList() (*yaml.Node, bool) {
	n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle, Line: p.line, Column: p.col(p.off)}
	p.off++ // '['
	p.skip(' ')
	if p.at(']') {
		p.off++
		return n, true
	}
	for {
		item, ok := p.flowValue()
		if !ok {
			return nil, false
		}
		n.Content = append(n.Content, item)
		if done, ok := p.separator(']'); done || !ok {
			return n, ok
		}
	}
}

// flowMap reads keys with flow values in braces, on one line.
func (p *plainParser) flowMap() (*yaml.Node, bool) {
	n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Style: yaml.FlowStyle, Line: p.line, Column: p.col(p.off)}
	p.off++ // '{'
	p.skip(' ')
	for {
		key, ok := p.entry(&n)
		if !ok || p.skip(' ') == 0 {
			return nil, false
		}
		value, ok := p.flowValue()
		if !ok {
			return nil, false
		}
		n.Content = append(n.Content, key, value)
		if done, ok := p.separator('}'); done || !ok {
			return n, ok
		}
	}
}

// separator reads what follows an item of a flow collection that end
// closes: end, and done is set, or a comma and the spaces after it.
func (p *plainParser) separator(end byte) (done, ok bool) {
	p.skip(' ')
	switch {
	case p.at(end):
		p.off++
		return true, true
	case p.at(','):
		p.off++
		p.skip(' ')
		return false, true
	}
	return false, false
}
