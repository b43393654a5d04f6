package site

import (
	"bytes"
	"sync/atomic"

	"github.com/faqcast/faqcast/internal/pack"
)

// keepPlain is how many bytes of the pages it renders a Render with a
// Packer keeps as they are: enough for every page of a site of about a
// thousand entries, and for any rebuild after an edit.
const keepPlain = 16 << 20

// A keeper keeps the pages of one Render, from any goroutine: the first
// keepPlain bytes as they are, and the rest packed by packer, if set.
type keeper struct {
	packer *pack.Packer
	limit  int64        // the bytes to keep as they are
	plain  atomic.Int64 // bytes rendered so far
}

// newKeeper returns a keeper for a Render of o.
func newKeeper(o *Options) *keeper {
	k := &keeper{packer: o.Packer, limit: keepPlain}
	if o.keepPlain != 0 {
		k.limit = o.keepPlain
	}
	return k
}

// keep returns a copy of data to keep as a file's Data, or nil and data
// packed. It does not keep data.
func (k *keeper) keep(data []byte) ([]byte, *pack.Packed) {
	if k.packer == nil || k.plain.Add(int64(len(data))) <= k.limit {
		return bytes.Clone(data), nil
	}
	p := k.packer.Pack(data)
	return nil, &p
}

// unpack returns the maker of a file of the bytes packed in p.
func (k *keeper) unpack(p *pack.Packed) func() ([]byte, error) {
	packer := k.packer
	return func() ([]byte, error) { return packer.Unpack(*p) }
}
