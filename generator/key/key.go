// Package key digests what a cached result is made of into a short key.
//
// Keys are compared only within one process, by a build's caches and by
// the output Writer, so a seeded 64-bit hash serves: a collision among a
// site's hundred thousand keys is a one in a billion chance. Keys are not
// stable across processes and must never be written out.
package key

import (
	"encoding/binary"
	"hash/maphash"
)

// A Maker makes keys. Its keys are comparable only with its own. It is
// safe for concurrent use.
type Maker struct{ seed maphash.Seed }

// New returns a Maker with a fresh seed.
func New() *Maker { return &Maker{seed: maphash.MakeSeed()} }

// Of returns the key of parts, each ended by a NUL.
func (m *Maker) Of(parts ...string) string {
	h := m.Hash()
	for _, p := range parts {
		h.WriteString(p)
		h.WriteByte(0)
	}
	return Sum(h)
}

// Hash returns a hash to write a key's parts into piece by piece, for
// [Sum].
func (m *Maker) Hash() *maphash.Hash {
	h := new(maphash.Hash)
	h.SetSeed(m.seed)
	return h
}

// Sum returns the key of what was written to h.
func Sum(h *maphash.Hash) string {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], h.Sum64())
	return string(b[:])
}
