// Package jsonindent indents compact JSON as [encoding/json.Indent] does,
// in one plain pass over the bytes: encoding/json runs its full scanner
// over every byte to indent, which costs several times more than marshalling
// a post's strings did.
package jsonindent

import (
	"bytes"
	"encoding/json"
	"io"
)

// Append appends to dst the JSON value src indented as
// [encoding/json.Indent] indents it with prefix and indent: each element
// of an object or array on a new line that begins with prefix and then
// indent once per level, a space after each colon, and empty objects and
// arrays kept as {} and []. The first line has no prefix.
//
// src must be valid compact JSON, as [encoding/json.Marshal] makes it:
// Append does not check it, and it copies any space outside strings as it
// is, where Indent would drop it.
func Append(dst, src []byte, prefix, indent string) []byte {
	depth := 0
	opened := false // just after '{' or '[': an empty one stays {} or []
	for i := 0; i < len(src); i++ {
		c := src[i]
		if opened && c != '}' && c != ']' {
			opened = false
			depth++
			dst = newline(dst, prefix, indent, depth)
		}
		switch c {
		case '"':
			end := stringEnd(src, i)
			dst = append(dst, src[i:end]...)
			i = end - 1
		case '{', '[':
			opened = true
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			dst = newline(dst, prefix, indent, depth)
		case ':':
			dst = append(dst, c, ' ')
		case '}', ']':
			if opened {
				opened = false
			} else {
				depth--
				dst = newline(dst, prefix, indent, depth)
			}
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// stringEnd returns the offset just past the string that begins with the
// quote at src[start], or len(src) if it does not end.
func stringEnd(src []byte, start int) int {
	i := start + 1
	for {
		q := bytes.IndexByte(src[i:], '"')
		if q < 0 {
			return len(src)
		}
		i += q
		// The quote is escaped when an odd number of backslashes comes
		// before it.
		n := 0
		for j := i - 1; j > start && src[j] == '\\'; j-- {
			n++
		}
		i++
		if n%2 == 0 {
			return i
		}
	}
}

// newline appends a line break, prefix and depth indents to dst.
func newline(dst []byte, prefix, indent string, depth int) []byte {
	dst = append(dst, '\n')
	dst = append(dst, prefix...)
	for range depth {
		dst = append(dst, indent...)
	}
	return dst
}

// Encoder writes JSON values indented, as an [encoding/json.Encoder] with
// SetIndent(prefix, indent) and SetEscapeHTML(false) writes them: each
// value indented, then a newline. Its buffers are reused from one value
// to the next.
type Encoder struct {
	w              io.Writer
	prefix, indent string
	compact        bytes.Buffer
	enc            *json.Encoder
	out            []byte
}

// NewEncoder returns an encoder that writes to w, with the prefix and the
// indent of [Append]. It escapes no HTML.
func NewEncoder(w io.Writer, prefix, indent string) *Encoder {
	e := &Encoder{w: w, prefix: prefix, indent: indent}
	e.enc = json.NewEncoder(&e.compact)
	e.enc.SetEscapeHTML(false)
	return e
}

// Encode writes v to the encoder's writer as JSON, indented, then a
// newline. It returns the error of marshalling v or of the write.
func (e *Encoder) Encode(v any) error {
	e.compact.Reset()
	if err := e.enc.Encode(v); err != nil {
		return err
	}
	compact := bytes.TrimSuffix(e.compact.Bytes(), []byte("\n"))
	e.out = append(Append(e.out[:0], compact, e.prefix, e.indent), '\n')
	_, err := e.w.Write(e.out)
	return err
}
