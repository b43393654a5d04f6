package generator

import (
	"encoding/binary"
	"hash/maphash"
)

// A keyer digests what a cached result is made of into a short key. Keys
// are compared only within one process (by caches and by the output
// Writer), so a fast seeded hash serves: 64 bits make a collision among a
// site's hundred thousand keys a one in a billion chance.
type keyer struct{ seed maphash.Seed }

// of returns the key of parts, each ended by a NUL.
func (k *keyer) of(parts ...string) string {
	var h maphash.Hash
	h.SetSeed(k.seed)
	for _, p := range parts {
		h.WriteString(p)
		h.WriteByte(0)
	}
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], h.Sum64())
	return string(b[:])
}
