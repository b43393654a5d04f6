package output

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
)

// readFile returns the bytes of the regular file name, whose size was size
// when looked at, up to maxKept+1 of them, read into buf.
func readFile(root *os.Root, name string, size int64, buf *bytes.Buffer) ([]byte, error) {
	f, err := root.Open(osPath(name))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf.Reset()
	buf.Grow(int(size) + bytes.MinRead)
	_, err = buf.ReadFrom(io.LimitReader(f, maxKept+1))
	return buf.Bytes(), err
}

// sameContent reports whether the regular file name, of the given size, holds
// data. It reads the file in pieces of up to 64 KiB, into buf.
func sameContent(root *os.Root, name string, size int64, data []byte, buf *bytes.Buffer) (bool, error) {
	if size != int64(len(data)) {
		return false, nil
	}
	f, err := root.Open(osPath(name))
	if err != nil {
		return false, err
	}
	defer f.Close()
	n := min(max(len(data), 512), 64<<10)
	buf.Reset()
	buf.Grow(n)
	piece := buf.AvailableBuffer()[:n]
	off := 0
	for {
		n, err := f.Read(piece)
		if n > 0 {
			if off+n > len(data) || !bytes.Equal(piece[:n], data[off:off+n]) {
				return false, nil
			}
			off += n
		}
		if err == io.EOF {
			return off == len(data), nil
		}
		if err != nil {
			return false, err
		}
	}
}

// sameStream reports whether the regular file name, of the given size, holds
// the bytes stream writes. It reads the file as stream writes, and stops stream
// at the first difference. readErr is an error reading the file; err, one of
// stream's own.
func sameStream(root *os.Root, name string, size int64, stream func(io.Writer) error) (same bool, readErr, err error) {
	f, err := root.Open(osPath(name))
	if err != nil {
		return false, err, nil
	}
	defer f.Close()
	c := &comparer{r: bufio.NewReaderSize(f, 64<<10), left: size}
	err = stream(c)
	switch {
	case c.readErr != nil:
		return false, c.readErr, nil
	case c.differ:
		return false, nil, nil
	case err != nil:
		return false, nil, err
	}
	return c.left == 0, nil, nil
}

// A comparer is a Writer that compares what is written to it with what it reads
// from r, left bytes long. It fails a Write, setting differ, at the first
// difference.
type comparer struct {
	r       *bufio.Reader
	left    int64
	differ  bool
	readErr error
}

// errDiffer stops a stream that a comparer found to differ.
var errDiffer = errors.New("differs from the file found")

func (c *comparer) Write(p []byte) (int, error) {
	if c.differ || c.readErr != nil {
		return 0, errDiffer
	}
	if int64(len(p)) > c.left {
		c.differ = true
		return 0, errDiffer
	}
	for done := 0; done < len(p); {
		// Compared in r's buffer, a piece at most its size at a time.
		found, err := c.r.Peek(min(len(p)-done, c.r.Size()))
		if err != nil {
			if err == io.EOF || err == io.ErrUnexpectedEOF {
				c.differ = true // shorter than its size said: changed as we read
			} else {
				c.readErr = err
			}
			return done, errDiffer
		}
		if !bytes.Equal(found, p[done:done+len(found)]) {
			c.differ = true
			return done, errDiffer
		}
		c.r.Discard(len(found))
		done += len(found)
	}
	c.left -= int64(len(p))
	return len(p), nil
}
