package decode

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/faqcast/faqcast/internal/diag"
	"go.yaml.in/yaml/v3"
)

// JSON decodes the JSON document src into the struct that v points to, as
// described in the package documentation. path names the file in errors and
// firstLine is the line of the file that src[0] stands on. A document of only
// white space, or null, decodes to nothing. Numbers without a fraction or
// exponent decode as integers, others as floats.
func JSON(path string, src []byte, firstLine int, v any) error {
	d, derr := newDecoder(path, v)
	if derr != nil {
		return diag.Join(derr)
	}
	content := bytes.TrimRight(src, " \t\r\n")
	if len(bytes.TrimLeft(content, " \t\r\n")) == 0 {
		return nil
	}
	b := &jsonBuilder{path: path, src: src, lines: newLineIndex(src, firstLine)}
	if err := json.Unmarshal(src, new(json.RawMessage)); err != nil {
		return withDefaultHint(jsonHint, []error{b.syntaxError(err, len(content))})
	}
	b.dec = json.NewDecoder(bytes.NewReader(src))
	b.dec.UseNumber()
	root := b.value(nil)
	if root != nil {
		d.document(root, reflectElem(v))
	}
	return withDefaultHint(jsonHint, append(b.errs, d.errs...))
}

// jsonHint is the hint for a JSON problem that has no better one.
const jsonHint = `check the JSON here: keys and text in double quotes, a comma between items and none after the last`

// A jsonBuilder turns a JSON document into a tree of yaml.Node values,
// checking that no key is given twice in an object.
type jsonBuilder struct {
	path  string
	src   []byte
	lines *lineIndex
	dec   *json.Decoder
	errs  []error
}

// syntaxError converts an error from encoding/json to a *diag.Error. The
// document's content ends at offset end.
func (b *jsonBuilder) syntaxError(err error, end int) *diag.Error {
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return diag.Errorf(b.path, diag.Pos{}, "%v", err)
	}
	// Offset counts the bytes read, up to and including a bad character.
	off := int(se.Offset)
	msg := se.Error()
	if strings.HasPrefix(msg, "invalid character") {
		off--
	} else if strings.HasPrefix(msg, "unexpected end") {
		off = end
	}
	off = min(max(off, 0), len(b.src))
	e := diag.Errorf(b.path, b.lines.pos(off), "%s", msg)
	switch before := bytes.TrimRight(b.src[:off], " \t\r\n"); {
	case off < len(b.src) && (b.src[off] == '}' || b.src[off] == ']') && bytes.HasSuffix(before, []byte(",")):
		e.WithHint("remove the comma after the last item")
	case off < len(b.src) && b.src[off] == '\'':
		e.WithHint(`JSON strings are written in double quotes: "text"`)
	case strings.HasPrefix(msg, "unexpected end"):
		e.WithHint("close every { with } and every [ with ]")
	}
	return e
}

// start returns the offset of the next token, skipping white space and the
// separators that the decoder leaves before it.
func (b *jsonBuilder) start() int {
	off := int(b.dec.InputOffset())
	for off < len(b.src) {
		switch b.src[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
			continue
		}
		break
	}
	return off
}

// token returns the next token and its position, or records err and
// returns ok false.
func (b *jsonBuilder) token() (tok json.Token, pos diag.Pos, ok bool) {
	off := b.start()
	pos = b.lines.pos(off)
	tok, err := b.dec.Token()
	if err != nil {
		// Not expected: the document was checked by json.Unmarshal.
		b.errs = append(b.errs, diag.Errorf(b.path, pos, "%v", err))
		return nil, pos, false
	}
	return tok, pos, true
}

// value converts the next value to a node, or returns nil after an error.
func (b *jsonBuilder) value(where *keyPath) *yaml.Node {
	tok, pos, ok := b.token()
	if !ok {
		return nil
	}
	n := &yaml.Node{Kind: yaml.ScalarNode, Line: pos.Line, Column: pos.Col}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n.Kind, n.Tag = yaml.MappingNode, "!!map"
			if !b.object(n, where) {
				return nil
			}
		case '[':
			n.Kind, n.Tag = yaml.SequenceNode, "!!seq"
			for b.dec.More() {
				v := b.value(where.item(len(n.Content)))
				if v == nil {
					return nil
				}
				n.Content = append(n.Content, v)
			}
		default:
			b.errs = append(b.errs, diag.Errorf(b.path, pos, "unexpected %v", t))
			return nil
		}
		if _, _, ok := b.token(); !ok { // the closing delimiter
			return nil
		}
	case string:
		n.Tag, n.Value, n.Style = "!!str", t, yaml.DoubleQuotedStyle
	case json.Number:
		n.Tag, n.Value = "!!int", t.String()
		if strings.ContainsAny(n.Value, ".eE") {
			n.Tag = "!!float"
		}
	case bool:
		n.Tag, n.Value = "!!bool", fmt.Sprint(t)
	case nil:
		n.Tag, n.Value = "!!null", "null"
	}
	return n
}

// object adds the members of an object to mapping n, dropping and
// reporting keys given twice. It returns false after an error.
func (b *jsonBuilder) object(n *yaml.Node, where *keyPath) bool {
	seen := make(map[string]int)
	for b.dec.More() {
		tok, pos, ok := b.token()
		if !ok {
			return false
		}
		name, _ := tok.(string)
		key := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: name,
			Style: yaml.DoubleQuotedStyle, Line: pos.Line, Column: pos.Col}
		v := b.value(where.child(name))
		if v == nil {
			return false
		}
		if line, dup := seen[name]; dup {
			b.errs = append(b.errs, diag.Errorf(b.path, pos, "%s%q is set twice (first on line %d)", where.prefix(), name, line))
			continue
		}
		seen[name] = pos.Line
		n.Content = append(n.Content, key, v)
	}
	return true
}
