package diskcache

import (
	"encoding/binary"
	"hash/crc32"
)

// sealLen is the length of the seal [Cache.Store] puts after a record: its
// CRC-32C, big-endian.
const sealLen = 4

// castagnoli is the table of CRC-32C, which the processor computes.
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Store stores data as the entry key, as [Cache.Put] does, followed by its
// CRC-32C, which [Cache.Load] checks: for entries whose bytes, unlike a
// share card's, cannot tell whether they are whole. The entry is written
// atomically, so the seal is there for what the disk may do to it later: a
// file cut short, or bytes changed, which CRC-32C finds whenever no more
// than 32 bits in a row changed, and else all but once in 2³² times.
func (c *Cache) Store(key string, data []byte) error {
	sealed := binary.BigEndian.AppendUint32(data[:len(data):len(data)], crc32.Checksum(data, castagnoli))
	return c.Put(key, sealed)
}

// Load returns the bytes of the entry key that [Cache.Store] stored, if it
// is there and whole: an entry whose bytes do not match their seal is a
// miss, and is removed.
func (c *Cache) Load(key string) ([]byte, bool) {
	return c.LoadTo(key, nil)
}

// LoadTo is [Cache.Load] reading the record into buf's memory when its
// capacity is enough (see [Cache.GetTo]).
func (c *Cache) LoadTo(key string, buf []byte) ([]byte, bool) {
	data, ok := c.GetTo(key, buf, sealed)
	if !ok {
		return nil, false
	}
	return data[:len(data)-sealLen], true
}

// sealed reports whether b is bytes followed by their CRC-32C.
func sealed(b []byte) bool {
	if len(b) < sealLen {
		return false
	}
	data, seal := b[:len(b)-sealLen], b[len(b)-sealLen:]
	return crc32.Checksum(data, castagnoli) == binary.BigEndian.Uint32(seal)
}

// A Seal is the length and CRC-32C of bytes kept apart from them: for an
// entry that is a file published as it is (see [Cache.PutFile]), which
// cannot carry its seal as a record does. Whoever keeps the seal, in a
// record of its own, checks the file with [Seal.Holds] (see [Cache.File]).
type Seal struct{ Len, Sum uint32 }

// SealOf returns the seal of b.
func SealOf(b []byte) Seal {
	return Seal{Len: uint32(len(b)), Sum: crc32.Checksum(b, castagnoli)}
}

// SealLen is the length of a Seal's binary form (see [Seal.Append]).
const SealLen = 8

// Append appends the binary form of s to b: its length, then its CRC-32C,
// each four bytes big-endian.
func (s Seal) Append(b []byte) []byte {
	return binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32(b, s.Len), s.Sum)
}

// ReadSeal returns the Seal whose binary form (see [Seal.Append]) b begins
// with; ok is false when b is shorter than SealLen.
func ReadSeal(b []byte) (s Seal, ok bool) {
	if len(b) < SealLen {
		return Seal{}, false
	}
	return Seal{Len: binary.BigEndian.Uint32(b), Sum: binary.BigEndian.Uint32(b[4:])}, true
}

// Holds reports whether b are the bytes s seals.
func (s Seal) Holds(b []byte) bool {
	return len(b) == int(s.Len) && crc32.Checksum(b, castagnoli) == s.Sum
}
