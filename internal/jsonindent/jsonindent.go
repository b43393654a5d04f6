// Package jsonindent indents JSON as [encoding/json.Indent] does, in one
// plain pass over the bytes: encoding/json indents by running its scanner
// over every byte, about six times slower (BenchmarkAppend), which a build
// did for every post and reply it wrote.
package jsonindent

import (
	"bytes"
	"encoding/json"
	"slices"
	"sync"
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

// Marshal appends to dst the JSON encoding of v as [encoding/json.Marshal]
// makes it, but with no HTML escaped, indented as [Append] indents it:
// the bytes an [encoding/json.Encoder] with SetIndent(prefix, indent) and
// SetEscapeHTML(false) writes, without the newline it ends them with.
func Marshal(dst []byte, v any, prefix, indent string) ([]byte, error) {
	c := compacts.Get().(*compact)
	defer compacts.Put(c)
	c.buf.Reset()
	if err := c.enc.Encode(v); err != nil {
		return dst, err
	}
	compact := bytes.TrimSuffix(c.buf.Bytes(), []byte("\n"))
	// Indenting adds about a fifth to a post's or a queue's JSON: room for
	// a third, made once.
	dst = slices.Grow(dst, len(compact)+len(compact)/3)
	return Append(dst, compact, prefix, indent), nil
}

// A compact is an encoder of compact JSON with no HTML escaped, and the
// buffer it writes to.
type compact struct {
	buf bytes.Buffer
	enc *json.Encoder
}

// compacts keeps the encoders of values [Marshal] is done with, and their
// buffers, grown to the largest value each has encoded, for the next.
var compacts = sync.Pool{New: func() any {
	c := new(compact)
	c.enc = json.NewEncoder(&c.buf)
	c.enc.SetEscapeHTML(false)
	return c
}}
