package pack

import (
	"errors"
	"hash/crc32"
	"io"
	"os"
	"sync"
	"sync/atomic"
)

// A Spill is a temporary file that a [Packer] puts what it packs in, so
// that a build holds none of it in memory: the posts and pages of 10,000
// entries are about 100 MB packed. Each packed piece is sealed with its
// CRC-32C, checked when it is read back. The file is removed when the
// Spill is closed, or at once on systems where an open file can be
// removed, so that a process killed leaves nothing behind. A Spill is safe
// for concurrent use.
type Spill struct {
	f       *os.File
	removed bool // the file's name is gone already
	mu      sync.Mutex
	end     int64 // the bytes spilled, and where the next go
	closed  atomic.Bool
}

// castagnoli is the table of CRC-32C, which the processor computes.
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// NewSpill creates a Spill in the folder dir.
func NewSpill(dir string) (*Spill, error) {
	f, err := os.CreateTemp(dir, "faqcast-spill-*")
	if err != nil {
		return nil, err
	}
	return &Spill{f: f, removed: os.Remove(f.Name()) == nil}, nil
}

// Close closes s and removes its file. The bytes packed into it can no
// longer be unpacked (see [Packed.Held]).
func (s *Spill) Close() error {
	if s.closed.Swap(true) {
		return nil
	}
	err := s.f.Close()
	if !s.removed {
		err = errors.Join(err, os.Remove(s.f.Name()))
	}
	return err
}

// put writes b at the end of s and returns where.
func (s *Spill) put(b []byte) (int64, error) {
	if s.closed.Load() {
		return 0, os.ErrClosed
	}
	s.mu.Lock()
	at := s.end
	s.end += int64(len(b))
	s.mu.Unlock()
	_, err := s.f.WriteAt(b, at)
	return at, err
}

// read reads len(b) bytes at at into b.
func (s *Spill) read(b []byte, at int64) error {
	_, err := s.f.ReadAt(b, at)
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	return err
}
