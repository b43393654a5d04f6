// Package pack keeps bytes compressed in memory.
//
// A build holds thousands of files between making and writing them: the
// pages it must check before it writes any, and the parts posts.json is
// joined from. HTML and JSON shrink to about a quarter with S2 (a faster
// Snappy, from github.com/klauspost/compress), which costs about 1 ns a
// byte to pack and half that to unpack: far less than making them again.
// A build that runs once may hold them out of memory altogether, in a
// [Spill].
package pack

import (
	"bytes"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"slices"
	"sync"

	"github.com/klauspost/compress/s2"
)

// A Packer packs and unpacks bytes, reusing its buffers. The zero value is
// ready to use; a Packer is safe for concurrent use and must not be copied
// after first use.
type Packer struct {
	// Spill, when not nil, is where Pack puts the bytes it packs, rather
	// than in memory; if it cannot, it keeps them in memory. It may be
	// set between uses, not during them.
	Spill *Spill

	buffers sync.Pool // of *[]byte, to pack into, and to read spilled bytes into
}

// Packed is bytes packed by a [Packer]: the S2 block in memory, or where
// it is in a [Spill]. The zero Packed holds no bytes.
type Packed struct {
	z []byte // the S2 block in memory, or nil for no bytes or spilled
	n int    // the length of the bytes
	// Where the S2 block is in spill, its length and its CRC-32C, if
	// spill is not nil.
	spill *Spill
	at    int64
	zn    uint32
	seal  uint32
}

// Len returns the length of the bytes p holds.
func (p Packed) Len() int { return p.n }

// Held reports whether p's bytes can be unpacked: whether they are in
// memory, or in a Spill not closed yet.
func (p Packed) Held() bool { return p.spill == nil || !p.spill.closed.Load() }

// Pack returns b packed. It does not keep b.
func (pk *Packer) Pack(b []byte) Packed {
	if len(b) == 0 {
		return Packed{}
	}
	buf := pk.buffer(s2.MaxEncodedLen(len(b)))
	p := pk.keep(s2.Encode((*buf)[:cap(*buf)], b), len(b))
	pk.buffers.Put(buf)
	return p
}

// Packs returns the bytes that z, an S2 block such as [Encode] makes,
// holds as a Packed, without unpacking them: what a build reads already
// packed, from a cache, it need not pack again. It does not keep z. An
// error says that z is no S2 block.
func (pk *Packer) Packs(z []byte) (Packed, error) {
	n, err := s2.DecodedLen(z)
	if err != nil {
		return Packed{}, fmt.Errorf("%w: %w", errCorrupt, err)
	}
	if n == 0 {
		return Packed{}, nil
	}
	return pk.keep(z, n), nil
}

// Encode returns b as an S2 block appended to dst, as Pack packs it.
func Encode(dst, b []byte) []byte {
	n := len(dst)
	dst = slices.Grow(dst, s2.MaxEncodedLen(len(b)))
	z := s2.Encode(dst[n:n+s2.MaxEncodedLen(len(b))], b)
	return dst[:n+len(z)]
}

// keep returns z, the S2 block of n bytes, as a Packed: in pk's spill if
// it has one that takes it, else in a copy in memory.
func (pk *Packer) keep(z []byte, n int) Packed {
	p := Packed{n: n}
	if s := pk.Spill; s != nil && uint64(len(z)) <= math.MaxUint32 {
		if at, err := s.put(z); err == nil {
			p.spill, p.at, p.zn, p.seal = s, at, uint32(len(z)), crc32.Checksum(z, castagnoli)
		}
	}
	if p.spill == nil {
		p.z = bytes.Clone(z)
	}
	return p
}

// buffer returns a buffer from pk's pool with room for n bytes.
func (pk *Packer) buffer(n int) *[]byte {
	buf, _ := pk.buffers.Get().(*[]byte)
	if buf == nil {
		buf = new([]byte)
	}
	if cap(*buf) < n {
		*buf = make([]byte, n)
	}
	return buf
}

// errCorrupt reports a Packed that does not unpack to its length: it was
// not made by Pack, or has been changed.
var errCorrupt = errors.New("pack: corrupt packed bytes")

// Unpack returns the bytes p holds, in a new slice of their exact length.
func (pk *Packer) Unpack(p Packed) ([]byte, error) { return pk.UnpackTo(nil, p) }

// UnpackTo returns the bytes p holds, in buf's memory if its capacity is
// enough, else in a new slice of their exact length.
func (pk *Packer) UnpackTo(buf []byte, p Packed) ([]byte, error) {
	if p.n == 0 {
		if p.z != nil {
			return nil, errCorrupt
		}
		return []byte{}, nil
	}
	z := p.z
	if p.spill != nil {
		if z != nil {
			return nil, errCorrupt
		}
		buf := pk.buffer(int(p.zn))
		defer pk.buffers.Put(buf)
		z = (*buf)[:p.zn]
		if err := p.spill.read(z, p.at); err != nil {
			return nil, fmt.Errorf("pack: reading spilled bytes: %w", err)
		}
		if crc32.Checksum(z, castagnoli) != p.seal {
			return nil, errCorrupt
		}
	}
	if n, err := s2.DecodedLen(z); err != nil || n != p.n {
		return nil, errCorrupt
	}
	if cap(buf) < p.n {
		buf = make([]byte, p.n)
	}
	b, err := s2.Decode(buf[:p.n], z)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", errCorrupt, err)
	}
	return b, nil
}
