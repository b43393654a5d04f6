// Package decode decodes YAML, TOML and JSON documents strictly into Go
// structs, reporting every problem with its position.
//
// Each format is first turned into a tree of [yaml.Node] values whose lines
// and columns are those of the file the document was taken from, and that
// tree is then decoded by [Node]. So the three formats follow the same rules:
//
//   - A struct field is set by the key named in its yaml tag, or by its
//     lowercased Go name when it has none. Fields tagged yaml:"-" and
//     unexported fields are never set. A field may list other accepted
//     spellings of its key in an alias tag: alias:"description,desc".
//   - A key that matches no field is an error, with a did-you-mean hint.
//     So is a key given twice, also under two of its spellings.
//   - A value of the wrong kind is an error at the position of the value.
//     A null value leaves the field as it was.
//   - A struct field of type [Positions] receives the position of the value
//     of every key present in the mapping that set the struct, and of each
//     item of a list there, by the key and the item's index from 0:
//     "slots[1]".
//   - A text may hold no control character (see [IsControl]), and no line
//     break unless its struct field is tagged text:"multiline", which lets
//     it hold line feeds; a key of a map may hold neither. Such a text is an
//     error at the position of the value.
//   - A field of type *yaml.Node receives the value's tree undecoded, its
//     aliases followed at its root only, for a caller that reads it itself.
//   - In YAML, aliases and "<<" merge keys are followed, with limits that
//     stop a document from expanding without end or referring to itself.
//     A syntax error is reported at the character it is about, even though
//     the YAML parser names only its line.
//   - Decoding goes on after a problem, so that one run reports all of them,
//     sorted and joined by [diag.Join].
//
// Messages name the value they are about by its path of keys, such as
// "sources[1].url: expected text, found a list", where list items count
// from 0.
package decode

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/faqcast/faqcast/internal/diag"
	"go.yaml.in/yaml/v3"
)

// Positions maps a struct's key names (the yaml tag names) to the position of
// each key's value.
type Positions map[string]diag.Pos

// ItemKey returns the key under which [Positions] holds the place of the
// i-th item, from 0, of the list under key: "slots[1]".
func ItemKey(key string, i int) string { return key + "[" + strconv.Itoa(i) + "]" }

// First returns the earliest position in p, or def if p holds none.
func (p Positions) First(def diag.Pos) diag.Pos {
	best, found := def, false
	for _, pos := range p {
		if pos.Line == 0 {
			continue
		}
		if !found || pos.Line < best.Line || pos.Line == best.Line && pos.Col < best.Col {
			best, found = pos, true
		}
	}
	return best
}

// maxDepth bounds the nesting of values that the decoder follows. It is only
// reached with recursive struct types; the parsers have limits of their own.
const maxDepth = 10000

// Node decodes the tree n into the struct that v points to. The positions
// held by the nodes must be those of the file named by path. n may be a
// document node; a nil n, an empty document or a null root decode to nothing.
// Node returns nil or the error made by [diag.Join] of a [*diag.Error] for
// every problem found.
func Node(path string, n *yaml.Node, v any) error {
	d, err := newDecoder(path, v)
	if err != nil {
		return diag.Join(err)
	}
	d.document(n, reflect.ValueOf(v).Elem())
	return diag.Join(d.errs...)
}

// A decoder holds the state of one call of [Node].
type decoder struct {
	path      string
	types     map[reflect.Type]*structInfo
	checked   map[reflect.Type]bool // types seen by checkType
	errs      []error
	expanding map[*yaml.Node]bool // anchored nodes being decoded through an alias
	budget    int                 // nodes that may still be visited
	depth     int
	stopped   bool // a problem that ends decoding was reported
	multiline bool // the field being decoded may hold line breaks
}

// newDecoder returns a decoder into v, which must be a non-nil pointer to a
// struct of a supported type.
func newDecoder(path string, v any) (*decoder, *diag.Error) {
	d := &decoder{path: path, expanding: make(map[*yaml.Node]bool)}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		return nil, d.programmingError("want a non-nil pointer to a struct, got %T", v)
	}
	t := rv.Elem().Type()
	if types, ok := typeInfos.Load(t); ok {
		d.types = types.(map[reflect.Type]*structInfo)
		return d, nil
	}
	d.types, d.checked = make(map[reflect.Type]*structInfo), make(map[reflect.Type]bool)
	if err := d.checkType(t, t.String()); err != nil {
		return nil, err
	}
	typeInfos.Store(t, d.types)
	return d, nil
}

// typeInfos holds, by the struct type a decoder decodes into, the
// structInfo of each struct type it reaches, which checkType works out
// once: entries of the same type are decoded by the thousand, and a type's
// fields never change while the program runs. Like encoding/json's cache
// of fields, it is shared by every decoder, which only read the maps it
// holds, and it is only ever added to.
var typeInfos sync.Map // of reflect.Type → map[reflect.Type]*structInfo

// document decodes the document or root node n into the struct v.
func (d *decoder) document(n *yaml.Node, v reflect.Value) {
	if n == nil {
		return
	}
	d.budget = 10000 + 10*countNodes(n)
	if n.Kind == yaml.DocumentNode {
		if len(n.Content) == 0 {
			return
		}
		n = n.Content[0]
	}
	if n == nil || isNull(n) {
		return
	}
	if n.Kind != yaml.MappingNode && n.Kind != yaml.AliasNode {
		d.errorf(n, nil, "expected a mapping of keys to values, found %s", KindOf(n))
		return
	}
	d.value(n, v, nil)
}

// countNodes returns the number of nodes in the tree n, not following
// aliases, counting at most about a million.
func countNodes(n *yaml.Node) int {
	const limit = 1 << 20
	count := 0
	stack := []*yaml.Node{n}
	for len(stack) > 0 && count < limit {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n == nil {
			continue
		}
		count++
		stack = append(stack, n.Content...)
	}
	return count
}

// value decodes n into v. where names the value in messages.
func (d *decoder) value(n *yaml.Node, v reflect.Value, where *keyPath) {
	if d.stopped || n == nil {
		return
	}
	if d.budget--; d.budget < 0 {
		d.errorf(n, nil, "the document expands to too many values; it may use too many aliases")
		d.stopped = true
		return
	}
	if d.depth >= maxDepth {
		d.errorf(n, nil, "values are nested too deeply")
		d.stopped = true
		return
	}
	d.depth++
	defer func() { d.depth-- }()

	if n.Kind == yaml.AliasNode {
		d.alias(n, v, where)
		return
	}
	if isNull(n) {
		return
	}
	t := v.Type()
	switch t {
	case timeType:
		d.date(n, v, where)
		return
	case nodeType:
		v.Set(reflect.ValueOf(n))
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			p := reflect.New(t.Elem())
			d.value(n, p.Elem(), where)
			v.Set(p)
			return
		}
		d.value(n, v.Elem(), where)
	case reflect.Struct:
		d.structure(n, v, where)
	case reflect.Map:
		d.mapping(n, v, where)
	case reflect.Slice:
		d.list(n, v, where)
	default:
		d.scalar(n, v, where)
	}
}

// alias decodes the node that the alias node n refers to.
func (d *decoder) alias(n *yaml.Node, v reflect.Value, where *keyPath) {
	target := d.follow(n, where)
	if target == nil {
		return
	}
	// A target of the wrong kind is reported where the alias uses it: a
	// copy of the target node takes the alias's position.
	at := *target
	at.Line, at.Column = n.Line, n.Column
	d.expanding[target] = true
	d.value(&at, v, where)
	delete(d.expanding, target)
}

// follow returns the node that n refers to if n is an alias, or n itself.
// It reports an alias to nothing or to a value that contains it, and then
// returns nil.
func (d *decoder) follow(n *yaml.Node, where *keyPath) *yaml.Node {
	if n == nil || n.Kind != yaml.AliasNode {
		return n
	}
	switch t := n.Alias; {
	case t == nil || t.Kind == yaml.AliasNode:
		d.errorf(n, where, "alias *%s refers to no anchored value", n.Value)
	case d.expanding[t]:
		d.errorf(n, where, "alias *%s refers to a value that contains it", n.Value)
	default:
		return t
	}
	return nil
}

// An entry is a key and its value in a mapping.
type entry struct {
	key, value *yaml.Node
	merged     bool // the entry comes from a "<<" merge key
}

// entries returns the entries of mapping n: first its own, in order, then
// those merged in by "<<" keys, in order, for which earlier ones win. Keys are
// checked to be scalars and aliases among them are followed.
func (d *decoder) entries(n *yaml.Node, where *keyPath) []entry {
	var own, merged []entry
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := d.follow(n.Content[i], where)
		if k == nil {
			continue
		}
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, where, "expected a key name, found %s", KindOf(k))
			continue
		}
		if k.ShortTag() == "!!merge" {
			merged = append(merged, d.merge(n.Content[i+1], where)...)
			continue
		}
		own = append(own, entry{key: k, value: n.Content[i+1]})
	}
	return append(own, merged...)
}

// merge returns the entries merged in by the value n of a "<<" key: a
// mapping or a list of mappings, through aliases.
func (d *decoder) merge(n *yaml.Node, where *keyPath) []entry {
	if d.stopped || n == nil {
		return nil
	}
	if d.budget--; d.budget < 0 {
		d.errorf(n, nil, "the document expands to too many values; it may use too many aliases")
		d.stopped = true
		return nil
	}
	alias := n.Kind == yaml.AliasNode
	if n = d.follow(n, where); n == nil {
		return nil
	}
	if alias {
		d.expanding[n] = true
		defer delete(d.expanding, n)
	}
	var out []entry
	switch n.Kind {
	case yaml.MappingNode:
		out = d.entries(n, where)
	case yaml.SequenceNode:
		for _, m := range n.Content {
			if m != nil && m.Kind != yaml.MappingNode && m.Kind != yaml.AliasNode {
				d.errorf(m, where, "expected a mapping to merge, found %s", KindOf(m))
				continue
			}
			out = append(out, d.merge(m, where)...)
		}
	default:
		d.errorf(n, where, "expected a mapping or a list of mappings to merge, found %s", KindOf(n))
	}
	for i := range out {
		out[i].merged = true
	}
	return out
}

// structure decodes mapping n into the struct v.
func (d *decoder) structure(n *yaml.Node, v reflect.Value, where *keyPath) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, where, "expected a mapping of keys to values, found %s", KindOf(n))
		return
	}
	info := d.types[v.Type()]
	if info == nil { // cannot happen: checkType saw every struct type
		return
	}
	var pos Positions
	if info.positions >= 0 {
		pos = make(Positions)
		v.Field(info.positions).Set(reflect.ValueOf(pos))
	}
	seen := make(map[int]*yaml.Node)
	for _, e := range d.entries(n, where) {
		i, ok := info.byKey[e.key.Value]
		if !ok {
			d.unknownKey(e.key, info, where)
			continue
		}
		if first := seen[i]; first != nil {
			if !e.merged {
				d.setTwice(e.key, first, where)
			}
			continue
		}
		seen[i] = e.key
		f := info.fields[i]
		if pos != nil {
			pos[f.name] = PosOf(e.value)
			if e.value.Kind == yaml.SequenceNode {
				for k, item := range e.value.Content {
					pos[ItemKey(f.name, k)] = PosOf(item)
				}
			}
		}
		outer := d.multiline
		d.multiline = f.multiline
		d.value(e.value, v.Field(f.index), where.child(f.name))
		d.multiline = outer
	}
}

// mapping decodes mapping n into the map v, whose keys are strings.
func (d *decoder) mapping(n *yaml.Node, v reflect.Value, where *keyPath) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, where, "expected a mapping of keys to values, found %s", KindOf(n))
		return
	}
	t := v.Type()
	if v.IsNil() {
		v.Set(reflect.MakeMap(t))
	}
	seen := make(map[string]*yaml.Node)
	for _, e := range d.entries(n, where) {
		name := e.key.Value
		if first := seen[name]; first != nil {
			if !e.merged {
				d.setTwice(e.key, first, where)
			}
			continue
		}
		seen[name] = e.key
		d.text(e.key, name, false, true, where)
		elem := reflect.New(t.Elem()).Elem()
		d.value(e.value, elem, where.child(name))
		key := reflect.New(t.Key()).Elem()
		key.SetString(name)
		v.SetMapIndex(key, elem)
	}
}

// list decodes sequence n into the slice v.
func (d *decoder) list(n *yaml.Node, v reflect.Value, where *keyPath) {
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, where, "expected a list, found %s", KindOf(n)).
			WithHint(`write it as [a, b] or one "- item" per line`)
		return
	}
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, c := range n.Content {
		d.value(c, s.Index(i), where.item(i))
	}
	v.Set(s)
}

// unknownKey reports key k, which matches no field of info.
func (d *decoder) unknownKey(k *yaml.Node, info *structInfo, where *keyPath) {
	e := d.errorf(k, where, "unknown key %q", k.Value)
	switch s := diag.Suggest(k.Value, info.suggest); {
	case s != "":
		e.WithHint("did you mean %q?", s)
	case len(info.known) > 0:
		e.WithHint("known keys: %s", strings.Join(info.known, ", "))
	}
}

// setTwice reports key k, which sets the same value as the earlier key first.
func (d *decoder) setTwice(k, first *yaml.Node, where *keyPath) {
	switch {
	case first.Value != k.Value:
		d.errorf(k, where, "%q is set twice (also as %q%s)", k.Value, first.Value, onLine(first.Line)).WithHint(keepOne)
	case first.Line > 0:
		d.errorf(k, where, "%q is set twice (first on line %d)", k.Value, first.Line).WithHint(keepOne)
	default:
		d.errorf(k, where, "%q is set twice", k.Value).WithHint(keepOne)
	}
}

// keepOne is the hint for a key given twice.
const keepOne = "keep one of them"

// withDefaultHint gives every error in errs that has no hint the hint h, and
// returns them joined.
func withDefaultHint(h string, errs []error) error {
	for _, err := range errs {
		if e, ok := err.(*diag.Error); ok && e.Hint == "" {
			e.Hint = h
		}
	}
	return diag.Join(errs...)
}

// errorf records a problem at node n, in the value named by where.
func (d *decoder) errorf(n *yaml.Node, where *keyPath, format string, args ...any) *diag.Error {
	e := diag.Errorf(d.path, PosOf(n), "%s%s", where.prefix(), fmt.Sprintf(format, args...))
	d.errs = append(d.errs, e)
	return e
}

// PosOf returns the position of n, or the zero Pos if n has none, for a
// caller that reads a tree itself (see [YAMLNode]).
func PosOf(n *yaml.Node) diag.Pos {
	if n == nil || n.Line <= 0 {
		return diag.Pos{}
	}
	return diag.Pos{Line: n.Line, Col: max(n.Column, 0)}
}

// onLine returns " on line N", or "" for an unknown line.
func onLine(line int) string {
	if line <= 0 {
		return ""
	}
	return fmt.Sprintf(" on line %d", line)
}

// isNull reports whether n is a null scalar, or a node of no kind, which
// yaml.v3 also takes as null.
func isNull(n *yaml.Node) bool {
	return n.Kind == 0 || n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// KindOf describes the kind of value n holds, as in "found a list", for
// a caller that reads a tree itself (see [YAMLNode]).
func KindOf(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.AliasNode:
		return "an alias"
	case yaml.DocumentNode:
		return "a document"
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!int", "!!float":
			return "a number"
		case "!!bool":
			return "true or false"
		case "!!timestamp":
			return "a date"
		case "!!null":
			return "nothing"
		}
		return "a string"
	}
	return "nothing"
}

// reflectElem returns the struct that v, checked by newDecoder, points to.
func reflectElem(v any) reflect.Value {
	return reflect.ValueOf(v).Elem()
}
