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
// removed, so that a process killed leaves nothing behind. Small pieces
// are written together, a batch at a time, as one write costs the system
// as much as copying many kilobytes. A Spill is safe for concurrent use.
type Spill struct {
	f       *os.File
	removed bool // the file's name is gone already
	closed  atomic.Bool

	mu   sync.Mutex
	end  int64  // the bytes spilled, and where the next go
	tail []byte // the last bytes spilled, up to end, not written to f yet
	// refused is the error of the batch f refused, which is held in
	// memory, at keptAt, as kept; every put after it fails, so that its
	// Packer keeps those pieces in memory.
	refused error
	kept    []byte
	keptAt  int64
}

// batch is how many bytes of small pieces a Spill gathers before it
// writes them; larger pieces are written alone.
const batch = 256 << 10

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
	s.mu.Lock()
	s.tail, s.kept = nil, nil
	s.mu.Unlock()
	err := s.f.Close()
	if !s.removed {
		err = errors.Join(err, os.Remove(s.f.Name()))
	}
	return err
}

// put puts b at the end of s and returns where.
func (s *Spill) put(b []byte) (int64, error) {
	if s.closed.Load() {
		return 0, os.ErrClosed
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.refused != nil {
		return 0, s.refused
	}
	if len(s.tail)+len(b) > batch {
		if err := s.flush(); err != nil {
			return 0, err
		}
	}
	at := s.end
	if len(b) >= batch {
		if _, err := s.f.WriteAt(b, at); err != nil {
			return 0, err
		}
	} else {
		s.tail = append(s.tail, b...)
	}
	s.end += int64(len(b))
	return at, nil
}

// flush writes s's tail to its file; s.mu must be held. A batch the file
// refuses is kept in memory.
func (s *Spill) flush() error {
	if len(s.tail) == 0 {
		return nil
	}
	at := s.end - int64(len(s.tail))
	if _, err := s.f.WriteAt(s.tail, at); err != nil {
		s.kept, s.keptAt = s.tail, at
		s.tail, s.refused = nil, err
		return err
	}
	s.tail = s.tail[:0]
	return nil
}

// read reads len(b) bytes at at into b.
func (s *Spill) read(b []byte, at int64) error {
	if s.closed.Load() {
		return os.ErrClosed
	}
	s.mu.Lock()
	if at < 0 || at+int64(len(b)) > s.end {
		s.mu.Unlock()
		return io.ErrUnexpectedEOF
	}
	if from := s.end - int64(len(s.tail)); at >= from {
		copy(b, s.tail[at-from:])
		s.mu.Unlock()
		return nil
	}
	if at >= s.keptAt && at+int64(len(b)) <= s.keptAt+int64(len(s.kept)) {
		copy(b, s.kept[at-s.keptAt:])
		s.mu.Unlock()
		return nil
	}
	s.mu.Unlock()
	_, err := s.f.ReadAt(b, at)
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	return err
}
