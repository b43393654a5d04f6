package output

import (
	"bufio"
	"errors"
	"hash/maphash"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"strconv"
)

// writeAtomic writes data to a new temporary file next to name, sets its mode to 0644
// and renames it to name. On error it removes the temporary file.
func writeAtomic(root *os.Root, name string, data []byte) error {
	return writeAtomicFunc(root, name, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// writeAtomicFunc is [writeAtomic] of the bytes write writes to the file.
func writeAtomicFunc(root *os.Root, name string, write func(w io.Writer) error) (err error) {
	dir := path.Dir(name)
	var f *os.File
	var tmp string
	for try := 0; ; try++ {
		tmp = osPath(path.Join(dir, tmpPrefix+strconv.FormatUint(rand.Uint64(), 36)))
		f, err = root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			break
		}
		if !errors.Is(err, fs.ErrExist) || try == 9 {
			return err
		}
	}
	defer func() {
		if err != nil {
			root.Remove(tmp)
		}
	}()
	err = write(f)
	if err == nil {
		err = f.Chmod(0o644)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return root.Rename(tmp, osPath(name))
}

// writeBytes writes f's bytes to name in the folder r with writeAtomic, and
// returns their maphash if f has no Key. Its error names f.
func (w *writer) writeBytes(r *os.Root, name string, f File) (uint64, error) {
	data, err := w.bytes(&f)
	if err != nil {
		return 0, w.errorf(f.Path, "%w", err)
	}
	defer w.release(&f, data)
	if err := writeAtomic(r, name, data); err != nil {
		return 0, w.ioErr("writing", f.Path, err)
	}
	if f.Key != "" {
		return 0, nil
	}
	return maphash.Bytes(w.seed, data), nil
}

// writeStream writes f, a Large file, to name in the folder r, as
// writeAtomic does, through a buffer of streamBuffer bytes, and returns the
// maphash of its bytes if f has no Key. Its error names f: Stream's own
// errors as a file's, the file system's as an I/O error.
func (w *writer) writeStream(r *os.Root, name string, f File) (uint64, error) {
	var h maphash.Hash
	h.SetSeed(w.seed)
	var streamErr error
	err := writeAtomicFunc(r, name, func(file io.Writer) error {
		out := &writeErr{w: file}
		buf := bufio.NewWriterSize(out, streamBuffer)
		var to io.Writer = buf
		if f.Key == "" {
			to = io.MultiWriter(buf, &h)
		}
		if err := w.maker.Stream(&f, to); err != nil {
			if out.err != nil {
				return out.err
			}
			streamErr = err
			return err
		}
		return buf.Flush()
	})
	switch {
	case streamErr != nil:
		return 0, w.errorf(f.Path, "%w", streamErr)
	case err != nil:
		return 0, w.ioErr("writing", f.Path, err)
	}
	if f.Key != "" {
		return 0, nil
	}
	return h.Sum64(), nil
}

// streamBuffer is the size of the buffer a streamed file is written through.
const streamBuffer = 256 << 10

// A writeErr is a Writer that records the first error of w.
type writeErr struct {
	w   io.Writer
	err error
}

func (e *writeErr) Write(p []byte) (int, error) {
	n, err := e.w.Write(p)
	if err != nil && e.err == nil {
		e.err = err
	}
	return n, err
}
