package names

import (
	"bytes"
	"strings"
)

// The values of a phrase table (places, well-known names) are a kind in
// the low byte and these bits.
const (
	complete = 1 << 31 // the key is a whole name
	more     = 1 << 30 // the key and a space begin a longer name
	kindMask = 0xff
)

// phrases builds a phrase table: one key per name, made of its words'
// keys (see appendPhraseWord) joined by spaces, plus one per beginning of
// a name that ends before a space, marked more. It is filled by add, then
// used by match.
type phrases struct {
	names []string
	vals  []uint32
}

// add adds name with the kind val.
func (p *phrases) add(name string, val uint32) {
	p.names = append(p.names, name)
	p.vals = append(p.vals, val)
}

// table builds the table. When two names have the same key, merge says
// what their value is.
func (p *phrases) table(merge func(old, new uint32) uint32) *table {
	// Keys are at most as long as their names, but spelt-out
	// abbreviations grow ("St." → "saint").
	size := 0
	for _, name := range p.names {
		size += len(name) + 4*(1+strings.Count(name, " "))
	}
	text := make([]byte, 0, size)
	type span struct{ off, n int }
	spans := make([]span, len(p.names))
	for i, name := range p.names {
		off := len(text)
		for j, w := range strings.Fields(name) {
			if j > 0 {
				text = append(text, ' ')
			}
			text, _ = appendPhraseWord(text, w)
		}
		spans[i] = span{off, len(text) - off}
	}
	// One key per name and one per space in a name's key, at most.
	t := newTable(text, len(p.names)+bytes.Count(text, []byte{' '}))
	for i, s := range spans {
		k := text[s.off : s.off+s.n]
		for j, c := range k {
			if c == ' ' {
				*t.put(s.off, j) |= more
			}
		}
		v := t.put(s.off, s.n)
		if *v&complete == 0 {
			*v |= complete | p.vals[i]
		} else {
			*v = complete | *v&more | merge(*v&kindMask, p.vals[i])
		}
	}
	return t
}

// match returns the number of leading words of words that form the longest
// whole name in t, and that name's kind. A word with a possessive 's is
// matched with it, as "wilsons", and may also end a name without it.
func (t *table) match(words []string) (n int, kind uint32) {
	var buf [maxKey + 1]byte
	k := buf[:0]
	for i, w := range words {
		if i > 0 {
			k = append(k, ' ')
		}
		var possessive bool
		k, possessive = appendPhraseWord(k, w)
		if len(k) > maxKey {
			break
		}
		v, ok := t.get(k)
		if ok && v&complete != 0 {
			n, kind = i+1, v&kindMask
		}
		if possessive && (!ok || v&complete == 0) {
			if v, ok := t.get(k[:len(k)-1]); ok && v&complete != 0 {
				n, kind = i+1, v&kindMask
			}
		}
		if !ok || v&more == 0 {
			break
		}
	}
	return n, kind
}
