// Package pack keeps bytes compressed in memory.
//
// A build holds thousands of files between making and writing them: the
// pages it must check before it writes any, and the parts posts.json is
// joined from. HTML and JSON shrink to about a quarter with S2 (a faster
// Snappy, from github.com/klauspost/compress), which costs about 1 ns a
// byte to pack and half that to unpack: far less than making them again.
package pack

import (
	"bytes"
	"errors"
	"fmt"
	"sync"

	"github.com/klauspost/compress/s2"
)

// A Packer packs and unpacks bytes, reusing its buffers. The zero value is
// ready to use; a Packer is safe for concurrent use and must not be copied
// after first use.
type Packer struct {
	buffers sync.Pool // of *[]byte, to pack into
}

// Packed is bytes packed by a [Packer]. The zero Packed holds no bytes.
type Packed struct {
	z []byte // the S2 block, or nil for no bytes
	n int    // the length of the bytes
}

// Len returns the length of the bytes p holds.
func (p Packed) Len() int { return p.n }

// Pack returns b packed. It does not keep b.
func (pk *Packer) Pack(b []byte) Packed {
	if len(b) == 0 {
		return Packed{}
	}
	buf, _ := pk.buffers.Get().(*[]byte)
	if buf == nil {
		buf = new([]byte)
	}
	if need := s2.MaxEncodedLen(len(b)); cap(*buf) < need {
		*buf = make([]byte, need)
	}
	p := Packed{z: bytes.Clone(s2.Encode((*buf)[:cap(*buf)], b)), n: len(b)}
	pk.buffers.Put(buf)
	return p
}

// errCorrupt reports a Packed that does not unpack to its length: it was
// not made by Pack, or has been changed.
var errCorrupt = errors.New("pack: corrupt packed bytes")

// Unpack returns the bytes p holds, in a new slice of their exact length.
func (pk *Packer) Unpack(p Packed) ([]byte, error) {
	if p.n == 0 {
		if p.z != nil {
			return nil, errCorrupt
		}
		return []byte{}, nil
	}
	if n, err := s2.DecodedLen(p.z); err != nil || n != p.n {
		return nil, errCorrupt
	}
	b, err := s2.Decode(make([]byte, p.n), p.z)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", errCorrupt, err)
	}
	return b, nil
}
