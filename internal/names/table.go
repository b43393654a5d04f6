package names

import (
	"bytes"
	"hash/maphash"
	"math/bits"
)

// A table maps byte-string keys to uint32 values. It is an open-addressing
// hash table whose keys stay in the text they were read from, so hundreds
// of thousands of keys take a few bytes each beyond their text, and a
// lookup is one hash and a short probe with no allocation.
type table struct {
	text  []byte   // where the keys are
	keys  []uint32 // key i is text[keys[i]>>8:][:keys[i]&0xff]
	vals  []uint32 // value of key i
	slots []uint32 // i+1 for key i, or 0 for an empty slot
	seed  maphash.Seed
}

// maxKey is the longest key a table holds, in bytes.
const maxKey = 0xff

// maxText is the size a table's text may not reach.
const maxText = 1 << 24

// newTable returns an empty table over text with room for n keys.
func newTable(text []byte, n int) *table {
	if len(text) >= maxText {
		panic("names: table text too large")
	}
	// Keep the load at most 0.7 so that probes stay short.
	size := 1 << bits.Len(uint(n+n*3/7))
	return &table{
		text:  text,
		keys:  make([]uint32, 0, n),
		vals:  make([]uint32, 0, n),
		slots: make([]uint32, size),
		seed:  maphash.MakeSeed(),
	}
}

// key returns key i.
func (t *table) key(i uint32) []byte {
	k := t.keys[i]
	off := k >> 8
	return t.text[off : off+k&0xff]
}

// find returns the slot that holds key or, when the table lacks it, the
// empty slot where it would go.
func (t *table) find(key []byte) *uint32 {
	mask := uint64(len(t.slots) - 1)
	for h := maphash.Bytes(t.seed, key) & mask; ; h = (h + 1) & mask {
		s := &t.slots[h]
		if *s == 0 || bytes.Equal(t.key(*s-1), key) {
			return s
		}
	}
}

// get returns the value of key and whether the table has it.
func (t *table) get(key []byte) (uint32, bool) {
	s := *t.find(key)
	if s == 0 {
		return 0, false
	}
	return t.vals[s-1], true
}

// put makes text[off:off+n] a key of the table, if it is not one yet, and
// returns a pointer to its value, which is 0 for a new key. The pointer is
// good until the next put.
func (t *table) put(off, n int) *uint32 {
	if n > maxKey {
		panic("names: key too long")
	}
	s := t.find(t.text[off : off+n])
	if *s == 0 {
		if 10*(len(t.keys)+1) > 7*len(t.slots) {
			panic("names: table full")
		}
		t.keys = append(t.keys, uint32(off)<<8|uint32(n))
		t.vals = append(t.vals, 0)
		*s = uint32(len(t.keys))
	}
	return &t.vals[*s-1]
}

// insert adds text[off:off+n] as a new key with the value val, without
// looking whether the table has it already: the caller knows it has not.
func (t *table) insert(off, n int, val uint32) {
	if n > maxKey {
		panic("names: key too long")
	}
	if 10*(len(t.keys)+1) > 7*len(t.slots) {
		panic("names: table full")
	}
	mask := uint64(len(t.slots) - 1)
	h := maphash.Bytes(t.seed, t.text[off:off+n]) & mask
	for t.slots[h] != 0 {
		h = (h + 1) & mask
	}
	t.keys = append(t.keys, uint32(off)<<8|uint32(n))
	t.vals = append(t.vals, val)
	t.slots[h] = uint32(len(t.keys))
}

// len returns the number of keys in t.
func (t *table) len() int { return len(t.keys) }
