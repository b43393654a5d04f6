package decode

import (
	"strconv"
	"strings"
)

// A keyPath names a value inside a document by the keys and list indexes
// that lead to it, as in "sources[1].url". The nil *keyPath names the root.
// Paths are linked to their parents as decoding goes down, and made into
// text only for a message, so deep documents cost no more than shallow ones.
type keyPath struct {
	parent *keyPath
	key    string
	index  int // the list index, when isIndex is set
	isItem bool
}

// maxPathParts is the number of trailing parts that String shows.
const maxPathParts = 12

// child returns the path of key inside the mapping at p.
func (p *keyPath) child(key string) *keyPath { return &keyPath{parent: p, key: key} }

// item returns the path of item i of the list at p.
func (p *keyPath) item(i int) *keyPath { return &keyPath{parent: p, index: i, isItem: true} }

// String returns the path as text, such as "sources[1].url", starting with
// "..." if it has more than maxPathParts parts.
func (p *keyPath) String() string {
	var parts []*keyPath
	for q := p; q != nil && len(parts) <= maxPathParts; q = q.parent {
		parts = append(parts, q)
	}
	var b strings.Builder
	if len(parts) > maxPathParts {
		parts = parts[:maxPathParts]
		b.WriteString("...")
	}
	for i := len(parts) - 1; i >= 0; i-- {
		switch q := parts[i]; {
		case q.isItem:
			b.WriteString("[" + strconv.Itoa(q.index) + "]")
		case i < len(parts)-1:
			b.WriteString("." + printable(q.key))
		default:
			b.WriteString(printable(q.key))
		}
	}
	return b.String()
}

// printable returns key as it is, or quoted if it holds a character that
// does not print, so that a message never carries a control character.
func printable(key string) string {
	for _, r := range key {
		if !strconv.IsPrint(r) {
			return strconv.Quote(key)
		}
	}
	return key
}

// prefix returns "path: " to start a message about the value at p, or ""
// for the root.
func (p *keyPath) prefix() string {
	if p == nil {
		return ""
	}
	return p.String() + ": "
}
