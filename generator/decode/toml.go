package decode

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/faqcast/faqcast/generator/diag"
	"github.com/pelletier/go-toml/v2/unstable"
	"go.yaml.in/yaml/v3"
)

// TOML decodes the TOML document src into the struct that v points to, as
// described in the package documentation. path names the file in errors and
// firstLine is the line of the file that src[0] stands on. A document with
// only comments decodes to nothing. TOML's integers, floats, booleans and
// strings decode as the same YAML values would; its dates and times as text,
// so they can be decoded into a time.Time or a string.
//
// If the document has a syntax error, the keys before it are still decoded
// and checked.
func TOML(path string, src []byte, firstLine int, v any) error {
	d, derr := newDecoder(path, v)
	if derr != nil {
		return diag.Join(derr)
	}
	b := &tomlBuilder{path: path, src: src, lines: newLineIndex(src, firstLine)}
	root := b.build()
	if len(root.Content) > 0 {
		d.document(root, reflectElem(v))
	}
	return diag.Join(append(b.errs, d.errs...)...)
}

// A tomlBuilder turns a TOML document into a tree of yaml.Node values,
// checking that no key or table is defined twice.
type tomlBuilder struct {
	path  string
	src   []byte
	lines *lineIndex
	errs  []error
}

// How a TOML table came to be, which decides how it may be extended.
type tomlHow int

const (
	implicitTable tomlHow = iota // made as the parent of a [header]
	headerTable                  // defined by a [header] or [[header]]
	dottedTable                  // made by a dotted key
)

// A tomlTable is a table being built.
type tomlTable struct {
	node    *yaml.Node // the mapping node
	how     tomlHow
	path    string // dotted path for messages
	entries map[string]*tomlEntry
}

// A tomlEntry is what a key in a table holds: a table, an array of tables
// made by [[headers]], or another value, which cannot be extended.
type tomlEntry struct {
	line  int        // where the key was defined
	table *tomlTable // if the key holds a table
	array *yaml.Node // if the key holds an array of tables
	last  *tomlTable // the last table in array
}

// A tomlKey is one part of a dotted key.
type tomlKey struct {
	name     string
	off, end int
}

func (b *tomlBuilder) newTable(off int, how tomlHow, path string) *tomlTable {
	p := b.lines.pos(off)
	return &tomlTable{
		node:    &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: p.Line, Column: p.Col},
		how:     how,
		path:    path,
		entries: make(map[string]*tomlEntry),
	}
}

// add adds key k holding value to t.
func (b *tomlBuilder) add(t *tomlTable, k tomlKey, e *tomlEntry, value *yaml.Node) {
	p := b.lines.pos(k.off)
	key := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k.name, Line: p.Line, Column: p.Col}
	t.node.Content = append(t.node.Content, key, value)
	t.entries[k.name] = e
}

// errorf records a problem at byte offset off.
func (b *tomlBuilder) errorf(off int, format string, args ...any) *diag.Error {
	e := diag.Errorf(b.path, b.lines.pos(off), format, args...)
	b.errs = append(b.errs, e)
	return e
}

// build parses the document and returns its root mapping.
func (b *tomlBuilder) build() *yaml.Node {
	root := b.newTable(0, headerTable, "")
	cur := root
	var p unstable.Parser
	p.Reset(b.src)
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.KeyValue:
			b.keyValue(cur, e)
		case unstable.Table:
			cur = b.table(root, e)
		case unstable.ArrayTable:
			cur = b.arrayTable(root, e)
		}
	}
	if err := p.Error(); err != nil {
		b.parseError(err)
	}
	return root.node
}

// parseError records a syntax error reported by the parser.
func (b *tomlBuilder) parseError(err error) {
	var perr *unstable.ParserError
	if !errors.As(err, &perr) {
		b.errs = append(b.errs, diag.Errorf(b.path, diag.Pos{}, "%v", err))
		return
	}
	// The highlight is a slice of src; its offset is found as the parser
	// itself finds it, from the capacity left after it.
	off := len(b.src)
	if h := perr.Highlight; h != nil {
		if o := cap(b.src) - cap(h); o >= 0 && o <= len(b.src) {
			off = o
		}
	}
	e := b.errorf(off, "%s", perr.Message)
	if perr.Message == "strings must be quoted" {
		e.WithHint(`put text in quotes: key = "text"`)
	}
}

// keys returns the parts of the key of expression or key-value e.
func keys(e *unstable.Node) []tomlKey {
	var ks []tomlKey
	for it := e.Key(); it.Next(); {
		k := it.Node()
		off := int(k.Raw.Offset)
		ks = append(ks, tomlKey{name: string(k.Data), off: off, end: off + int(k.Raw.Length)})
	}
	return ks
}

// keyPath returns the parts of ks joined by dots.
func keyPath(ks []tomlKey) string {
	names := make([]string, len(ks))
	for i, k := range ks {
		names[i] = k.name
	}
	return strings.Join(names, ".")
}

// table handles a [table] header and returns the table it opens. After an
// error it returns a table that belongs to no document, so that the keys
// under the header are still checked.
func (b *tomlBuilder) table(root *tomlTable, e *unstable.Node) *tomlTable {
	ks := keys(e)
	if len(ks) == 0 {
		return b.newTable(0, headerTable, "")
	}
	hoff := headerStart(b.src, ks[0].off, 1)
	name := keyPath(ks)
	t := root
	for _, k := range ks[:len(ks)-1] {
		if t = b.descend(t, k, false); t == nil {
			return b.newTable(hoff, headerTable, name)
		}
	}
	last := ks[len(ks)-1]
	switch prev := t.entries[last.name]; {
	case prev == nil:
		nt := b.newTable(hoff, headerTable, name)
		b.add(t, last, &tomlEntry{line: b.lines.pos(hoff).Line, table: nt}, nt.node)
		return nt
	case prev.table != nil && prev.table.how == implicitTable:
		p := b.lines.pos(hoff)
		prev.table.how = headerTable
		prev.table.node.Line, prev.table.node.Column = p.Line, p.Col
		prev.line = p.Line
		return prev.table
	case prev.table != nil:
		b.errorf(last.off, "table [%s] is defined twice (first on line %d)", name, prev.line)
	case prev.array != nil:
		b.errorf(last.off, "%q is a list of tables (line %d), not a table", name, prev.line).
			WithHint("write [[%s]] to add a table to the list", name)
	default:
		b.errorf(last.off, "%q is already set to a value (line %d)", name, prev.line)
	}
	return b.newTable(hoff, headerTable, name)
}

// arrayTable handles an [[array.of.tables]] header and returns the table it
// adds.
func (b *tomlBuilder) arrayTable(root *tomlTable, e *unstable.Node) *tomlTable {
	ks := keys(e)
	if len(ks) == 0 {
		return b.newTable(0, headerTable, "")
	}
	hoff := headerStart(b.src, ks[0].off, 2)
	name := keyPath(ks)
	t := root
	for _, k := range ks[:len(ks)-1] {
		if t = b.descend(t, k, false); t == nil {
			return b.newTable(hoff, headerTable, name)
		}
	}
	last := ks[len(ks)-1]
	prev := t.entries[last.name]
	switch {
	case prev == nil:
		p := b.lines.pos(hoff)
		seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: p.Line, Column: p.Col}
		prev = &tomlEntry{line: p.Line, array: seq}
		b.add(t, last, prev, seq)
	case prev.array == nil:
		b.errorf(last.off, "%q is already defined on line %d, so [[%s]] cannot add to it", name, prev.line, name)
		return b.newTable(hoff, headerTable, name)
	}
	elem := b.newTable(hoff, headerTable, fmt.Sprintf("%s[%d]", join(t.path, last.name), len(prev.array.Content)))
	prev.array.Content = append(prev.array.Content, elem.node)
	prev.last = elem
	return elem
}

// descend returns the table that key part k names in t, making it if need
// be. In a dotted key (dotted is true) only tables made by dotted keys may
// be extended; a header may go through any table and into the last table of
// an array of tables. After an error descend returns nil.
func (b *tomlBuilder) descend(t *tomlTable, k tomlKey, dotted bool) *tomlTable {
	prev := t.entries[k.name]
	path := join(t.path, k.name)
	switch {
	case prev == nil:
		how := implicitTable
		if dotted {
			how = dottedTable
		}
		nt := b.newTable(k.off, how, path)
		b.add(t, k, &tomlEntry{line: b.lines.pos(k.off).Line, table: nt}, nt.node)
		return nt
	case prev.table != nil && (!dotted || prev.table.how == dottedTable):
		return prev.table
	case prev.array != nil && !dotted:
		return prev.last
	case prev.table != nil:
		b.errorf(k.off, "table %q is defined on line %d; a dotted key cannot add to it", path, prev.line).
			WithHint("add the key under the [%s] header", path)
	case prev.array != nil:
		b.errorf(k.off, "%q is a list of tables (line %d); a dotted key cannot add to it", path, prev.line)
	default:
		b.errorf(k.off, "%q is already set to a value (line %d)", path, prev.line)
	}
	return nil
}

// keyValue handles a key = value expression in table t.
func (b *tomlBuilder) keyValue(t *tomlTable, e *unstable.Node) {
	ks := keys(e)
	if len(ks) == 0 {
		return
	}
	for _, k := range ks[:len(ks)-1] {
		if t = b.descend(t, k, true); t == nil {
			return
		}
	}
	last := ks[len(ks)-1]
	if prev := t.entries[last.name]; prev != nil {
		prefix := ""
		if t.path != "" {
			prefix = t.path + ": "
		}
		b.errorf(last.off, "%s%q is set twice (first on line %d)", prefix, last.name, prev.line)
		return
	}
	if v := b.value(e.Value(), valueStart(b.src, last.end), join(t.path, last.name)); v != nil {
		b.add(t, last, &tomlEntry{line: b.lines.pos(last.off).Line}, v)
	}
}

// value converts value n, which starts at byte offset off, to a node. It
// returns nil after an error.
func (b *tomlBuilder) value(n *unstable.Node, off int, where string) *yaml.Node {
	if n == nil {
		return nil
	}
	if n.Kind != unstable.Array {
		off = int(n.Raw.Offset)
	}
	p := b.lines.pos(off)
	scalar := func(tag, value string) *yaml.Node {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: value, Line: p.Line, Column: p.Col}
	}
	switch n.Kind {
	case unstable.String:
		s := scalar("!!str", string(n.Data))
		s.Style = yaml.DoubleQuotedStyle
		return s
	case unstable.Bool:
		return scalar("!!bool", string(n.Data))
	case unstable.Integer:
		return scalar("!!int", strings.ReplaceAll(string(n.Data), "_", ""))
	case unstable.Float:
		return scalar("!!float", tomlFloat(string(n.Data)))
	case unstable.LocalDate, unstable.LocalDateTime, unstable.DateTime:
		s := string(n.Data)
		if _, ok := parseTime(s); !ok {
			b.errorf(off, "%s is not a valid date", quote(s)).WithHint(dateHint)
			return nil
		}
		return scalar("!!timestamp", s)
	case unstable.LocalTime:
		s := string(n.Data)
		if !validTime(s) {
			b.errorf(off, "%s is not a valid time of day", quote(s)).WithHint("write times as 09:30:00")
			return nil
		}
		return scalar("!!str", s)
	case unstable.Array:
		seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: p.Line, Column: p.Col}
		cur := off + 1
		for it := n.Children(); it.Next(); {
			c := it.Node()
			start := skipArraySeparators(b.src, cur)
			if v := b.value(c, start, fmt.Sprintf("%s[%d]", where, len(seq.Content))); v != nil {
				seq.Content = append(seq.Content, v)
			}
			cur = valueEnd(b.src, start, c)
		}
		return seq
	case unstable.InlineTable:
		t := b.newTable(off, dottedTable, where)
		for it := n.Children(); it.Next(); {
			if kv := it.Node(); kv.Kind == unstable.KeyValue {
				b.keyValue(t, kv)
			}
		}
		return t.node
	}
	return nil
}

// tomlFloat returns TOML float s as YAML would write it.
func tomlFloat(s string) string {
	switch s {
	case "inf", "+inf":
		return ".inf"
	case "-inf":
		return "-.inf"
	case "nan", "+nan", "-nan":
		return ".nan"
	}
	return strings.ReplaceAll(s, "_", "")
}

// validTime reports whether s is a valid TOML local time.
func validTime(s string) bool {
	for _, layout := range [...]string{"15:04:05.999999999", "15:04"} {
		if _, err := time.Parse(layout, s); err == nil {
			return true
		}
	}
	return false
}

// headerStart returns the offset of the first of the brackets that open
// the table header whose first key is at offset off.
func headerStart(src []byte, off, brackets int) int {
	off = min(max(off, 0), len(src))
	for off > 0 && (src[off-1] == ' ' || src[off-1] == '\t') {
		off--
	}
	for ; brackets > 0 && off > 0 && src[off-1] == '['; brackets-- {
		off--
	}
	return off
}

// valueStart returns the offset of the value in a key-value whose key ends
// at offset off.
func valueStart(src []byte, off int) int {
	off = skipSpaces(src, off)
	if off < len(src) && src[off] == '=' {
		off++
	}
	return skipSpaces(src, off)
}

func skipSpaces(src []byte, off int) int {
	for off < len(src) && (src[off] == ' ' || src[off] == '\t') {
		off++
	}
	return off
}

// skipArraySeparators returns the offset of the next value in an array,
// skipping white space, line breaks, comments and commas from off.
func skipArraySeparators(src []byte, off int) int {
	for off < len(src) {
		switch src[off] {
		case ' ', '\t', '\r', '\n', ',':
			off++
		case '#':
			for off < len(src) && src[off] != '\n' {
				off++
			}
		default:
			return off
		}
	}
	return off
}

// valueEnd returns the offset just after value n, which starts at offset
// off. Arrays and inline tables carry no range of their own, so their
// closing bracket is found by scanning src.
func valueEnd(src []byte, off int, n *unstable.Node) int {
	if n.Kind != unstable.Array && n.Kind != unstable.InlineTable {
		return int(n.Raw.Offset + n.Raw.Length)
	}
	depth := 0
	for off < len(src) {
		switch src[off] {
		case '[', '{':
			depth++
			off++
		case ']', '}':
			depth--
			off++
			if depth <= 0 {
				return off
			}
		case '#':
			for off < len(src) && src[off] != '\n' {
				off++
			}
		case '"', '\'':
			off = stringEnd(src, off)
		default:
			off++
		}
	}
	return off
}

// stringEnd returns the offset just after the TOML string that starts at
// offset off.
func stringEnd(src []byte, off int) int {
	q := src[off]
	if off+2 < len(src) && src[off+1] == q && src[off+2] == q {
		for off += 3; off < len(src); {
			switch {
			case q == '"' && src[off] == '\\':
				off += 2
			case src[off] == q:
				n := 0
				for off+n < len(src) && src[off+n] == q {
					n++
				}
				if n >= 3 {
					return off + n
				}
				off += n
			default:
				off++
			}
		}
		return len(src)
	}
	for off++; off < len(src); off++ {
		switch {
		case q == '"' && src[off] == '\\':
			off++
		case src[off] == q:
			return off + 1
		case src[off] == '\n':
			return off
		}
	}
	return len(src)
}
