package decode

import (
	"errors"
	"strings"
	"time"

	"github.com/faqcast/faqcast/internal/diag"
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
	return withDefaultHint(tomlHint, append(b.errs, d.errs...))
}

// tomlHint is the hint for a TOML problem that has no better one.
const tomlHint = `check the TOML here: one key = value per line, text in double quotes, lists as [a, b]`

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
	path    *keyPath
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

func (b *tomlBuilder) newTable(off int, how tomlHow, path *keyPath) *tomlTable {
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
	root := b.newTable(0, headerTable, nil)
	cur := root
	var p unstable.Parser
	p.Reset(b.src)
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.KeyValue:
			b.keyValue(cur, e)
		case unstable.Table:
			cur = b.header(root, e, false)
		case unstable.ArrayTable:
			cur = b.header(root, e, true)
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
	switch {
	case perr.Message == "strings must be quoted":
		e.WithHint(`put text in quotes: key = "text"`)
	case strings.HasSuffix(perr.Message, "at start of value"):
		e.WithHint(`write "text" in quotes, a number, true or false, a date, a [list] or an {inline = "table"}`)
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

// header handles a [table] header, or an [[array.of.tables]] header if
// array is set, and returns the table it opens. After an error it returns a
// table that belongs to no document, so that the keys under the header are
// still checked.
func (b *tomlBuilder) header(root *tomlTable, e *unstable.Node, array bool) *tomlTable {
	ks := keys(e)
	brackets := 1
	if array {
		brackets = 2
	}
	if len(ks) == 0 {
		return b.newTable(0, headerTable, nil)
	}
	hoff := headerStart(b.src, ks[0].off, brackets)
	t := root
	for _, k := range ks[:len(ks)-1] {
		if t = b.descend(t, k, false); t == nil {
			return b.newTable(hoff, headerTable, nil)
		}
	}
	last := ks[len(ks)-1]
	path := t.path.child(last.name)
	prev := t.entries[last.name]
	if array {
		switch {
		case prev == nil:
			p := b.lines.pos(hoff)
			seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: p.Line, Column: p.Col}
			prev = &tomlEntry{line: p.Line, array: seq}
			b.add(t, last, prev, seq)
		case prev.array == nil:
			b.errorf(last.off, "%s is already defined on line %d, so [[%s]] cannot add to it",
				quote(path.String()), prev.line, path)
			return b.newTable(hoff, headerTable, path)
		}
		elem := b.newTable(hoff, headerTable, path.item(len(prev.array.Content)))
		prev.array.Content = append(prev.array.Content, elem.node)
		prev.last = elem
		return elem
	}
	switch {
	case prev == nil:
		nt := b.newTable(hoff, headerTable, path)
		b.add(t, last, &tomlEntry{line: b.lines.pos(hoff).Line, table: nt}, nt.node)
		return nt
	case prev.table != nil && prev.table.how == implicitTable:
		p := b.lines.pos(hoff)
		prev.table.how = headerTable
		prev.table.node.Line, prev.table.node.Column = p.Line, p.Col
		prev.line = p.Line
		return prev.table
	case prev.table != nil:
		b.errorf(last.off, "table [%s] is defined twice (first on line %d)", path, prev.line)
	case prev.array != nil:
		b.errorf(last.off, "%s is a list of tables (line %d), not a table", quote(path.String()), prev.line).
			WithHint("write [[%s]] to add a table to the list", path)
	default:
		b.errorf(last.off, "%s is already set to a value (line %d)", quote(path.String()), prev.line)
	}
	return b.newTable(hoff, headerTable, path)
}

// descend returns the table that key part k names in t, making it if need
// be. In a dotted key (dotted is true) only tables made by dotted keys may
// be extended; a header may go through any table and into the last table of
// an array of tables. After an error descend returns nil.
func (b *tomlBuilder) descend(t *tomlTable, k tomlKey, dotted bool) *tomlTable {
	prev := t.entries[k.name]
	path := t.path.child(k.name)
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
		b.errorf(k.off, "table %s is defined on line %d; a dotted key cannot add to it", quote(path.String()), prev.line).
			WithHint("add the key under the [%s] header", path)
	case prev.array != nil:
		b.errorf(k.off, "%s is a list of tables (line %d); a dotted key cannot add to it", quote(path.String()), prev.line)
	default:
		b.errorf(k.off, "%s is already set to a value (line %d)", quote(path.String()), prev.line)
	}
	return nil
}

// keyValue handles a key = value expression in table t and returns the
// offset just after the value.
func (b *tomlBuilder) keyValue(t *tomlTable, e *unstable.Node) int {
	ks := keys(e)
	if len(ks) == 0 {
		return int(e.Raw.Offset + e.Raw.Length)
	}
	last := ks[len(ks)-1]
	start := valueStart(b.src, last.end)
	for _, k := range ks[:len(ks)-1] {
		if t = b.descend(t, k, true); t == nil {
			break
		}
	}
	if t == nil {
		// Still convert the value, for its end and the problems in it.
		_, end := b.value(e.Value(), start, nil)
		return end
	}
	prev := t.entries[last.name]
	if prev != nil {
		b.errorf(last.off, "%s%q is set twice (first on line %d)", t.path.prefix(), last.name, prev.line)
	}
	v, end := b.value(e.Value(), start, t.path.child(last.name))
	if v != nil && prev == nil {
		b.add(t, last, &tomlEntry{line: b.lines.pos(last.off).Line}, v)
	}
	return end
}

// value converts value n, which starts at byte offset off, to a node, and
// returns it with the offset just after the value. The node is nil after an
// error.
func (b *tomlBuilder) value(n *unstable.Node, off int, where *keyPath) (*yaml.Node, int) {
	if n == nil {
		return nil, off
	}
	if n.Kind != unstable.Array {
		off = int(n.Raw.Offset) // arrays alone have no range
	}
	end := int(n.Raw.Offset + n.Raw.Length)
	p := b.lines.pos(off)
	scalar := func(tag, value string) (*yaml.Node, int) {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: value, Line: p.Line, Column: p.Col}, end
	}
	switch n.Kind {
	case unstable.String:
		s, end := scalar("!!str", string(n.Data))
		s.Style = yaml.DoubleQuotedStyle
		return s, end
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
			return nil, end
		}
		return scalar("!!timestamp", s)
	case unstable.LocalTime:
		s := string(n.Data)
		if !validTime(s) {
			b.errorf(off, "%s is not a valid time of day", quote(s)).WithHint("write times as 09:30:00")
			return nil, end
		}
		return scalar("!!str", s)
	case unstable.Array:
		seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: p.Line, Column: p.Col}
		end = off + 1
		for it := n.Children(); it.Next(); {
			var v *yaml.Node
			v, end = b.value(it.Node(), skipSeparators(b.src, end), where.item(len(seq.Content)))
			if v != nil {
				seq.Content = append(seq.Content, v)
			}
		}
		return seq, closing(b.src, end)
	case unstable.InlineTable:
		t := b.newTable(off, dottedTable, where)
		end = off + 1
		for it := n.Children(); it.Next(); {
			if kv := it.Node(); kv.Kind == unstable.KeyValue {
				end = b.keyValue(t, kv)
			}
		}
		return t.node, closing(b.src, end)
	}
	return nil, end
}

// closing returns the offset just after the bracket that closes an array or
// inline table whose last value ends at off.
func closing(src []byte, off int) int {
	return min(skipSeparators(src, off)+1, len(src))
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

// skipSeparators returns the offset of the next value in an array or
// inline table, skipping white space, line breaks, comments and commas from
// off.
func skipSeparators(src []byte, off int) int {
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
