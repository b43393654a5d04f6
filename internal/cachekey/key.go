// Package cachekey digests what a cached result is made of into a short key.
//
// Keys are compared only within one process, by a build's caches and by
// the output Writer, so a seeded 64-bit hash serves: a collision among a
// site's hundred thousand keys is a one in a billion chance. Keys are not
// stable across processes and must never be written out.
package cachekey

import (
	"encoding/binary"
	"hash/maphash"
)

// A Maker makes keys. Its keys are comparable only with its own. It is
// safe for concurrent use.
type Maker struct{ seed maphash.Seed }

// New returns a Maker with a fresh seed.
func New() *Maker { return &Maker{seed: maphash.MakeSeed()} }

// Of returns the key of the sequence parts: each part is hashed on its own
// and the sequence of their hashes hashed again, which takes no copying.
func (m *Maker) Of(parts ...string) string { return sum(m.of(parts)) }

// Add writes the key of parts to h, as h.WriteString(m.Of(parts...)) does,
// without making the key.
func (m *Maker) Add(h *maphash.Hash, parts ...string) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], m.of(parts))
	h.Write(b[:])
}

func (m *Maker) of(parts []string) uint64 {
	var stack [8 * 8]byte
	seq := stack[:0]
	for _, p := range parts {
		seq = binary.LittleEndian.AppendUint64(seq, maphash.String(m.seed, p))
	}
	return maphash.Bytes(m.seed, seq)
}

// Hash returns a hash to write a key's parts into piece by piece, for
// [Sum].
func (m *Maker) Hash() *maphash.Hash {
	h := new(maphash.Hash)
	h.SetSeed(m.seed)
	return h
}

// Sum returns the key of what was written to h.
func Sum(h *maphash.Hash) string { return sum(h.Sum64()) }

func sum(x uint64) string {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], x)
	return string(b[:])
}
