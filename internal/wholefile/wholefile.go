// Package wholefile reads a file whole, and replaces or creates one whole,
// in as few system calls as the system allows. On Linux and macOS it calls the
// kernel directly: an [os.File] adds four or five calls of its own to each
// open (making the file non-blocking for its poller, which refuses a
// regular file, and back), which cost as much as reading a small file,
// and a build reads thousands.
package wholefile

import (
	"errors"
	"io"
	"io/fs"
	"math/rand/v2"
	"strconv"

	"github.com/faqcast/faqcast/internal/filestamp"
)

// Info is what Read tells of the file it read, as of when it opened it.
type Info struct {
	Stamp filestamp.Stamp // its size, times and identity
	Perm  fs.FileMode     // its permission bits
	Links uint64          // how many names it has; 1 where the system does not say
}

// TempMark follows name in the name of the new file that [Replace] writes
// before it renames it over name, and random digits follow it. A process
// killed meanwhile leaves that file, which only a name of this form tells
// from the caller's own files: upkeep that removes such leftovers looks
// for it.
const TempMark = ".tmp-"

// ErrNotRegular is Read's error for a name that is not a regular file,
// such as a folder or a named pipe.
var ErrNotRegular = errors.New("not a regular file")

// ErrTooLarge is Read's error for a file larger than its limit.
var ErrTooLarge = errors.New("file too large")

// Read reads the regular file name whole, into buf's memory when its
// capacity is enough, and returns its bytes and its Info. It follows a
// symbolic link. It reads the size the file had when Read opened it: a
// file that another process writes meanwhile may be read in part, as with
// any reader, and its Info then tells a time before the write. It reads no
// more than limit bytes: a larger file is an error wrapping
// [ErrTooLarge], and a name that is not a regular file one wrapping
// [ErrNotRegular], returned without waiting for a named pipe's writer.
// Errors are of type *fs.PathError.
func Read(name string, buf []byte, limit int64) ([]byte, Info, error) {
	data, info, err := read(name, buf, limit)
	if err != nil {
		return nil, Info{}, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	return data, info, nil
}

// Replace writes data to a new file beside name, with mode perm whatever
// the umask, and renames it over name: a reader finds the old bytes or
// the new, never a part. The new file's name is name followed by
// [TempMark] and random digits; an error removes it, and a process killed
// meanwhile leaves it. Errors are of type *fs.PathError; one wrapping
// [fs.ErrNotExist] may mean name's folder does not exist.
func Replace(name string, data []byte, perm fs.FileMode) error {
	if err := replace(name, data, perm); err != nil {
		return &fs.PathError{Op: "replace", Path: name, Err: err}
	}
	return nil
}

// Create writes data as the new file name, with mode perm whatever the
// umask, without the temporary name and the rename of Replace: on Linux,
// it writes an unnamed file in name's folder (O_TMPFILE) and links it as
// name once whole, so that a reader finds all of it or nothing, and a
// process killed meanwhile leaves nothing. An error leaves nothing
// either; its *fs.PathError wraps [fs.ErrExist] when name exists,
// [fs.ErrNotExist] when its folder does not, and
// [errors.ErrUnsupported] where the system cannot make or link an
// unnamed file: on other systems, on file systems without them, and
// where /proc, through which the link is made, is not mounted. A caller
// then writes the file as Replace does.
func Create(name string, data []byte, perm fs.FileMode) error {
	if err := create(name, data, perm); err != nil {
		return &fs.PathError{Op: "create", Path: name, Err: err}
	}
	return nil
}

// tempName returns the name of a new file to write name's bytes to.
func tempName(name string) string {
	return name + TempMark + strconv.FormatUint(rand.Uint64(), 36)
}

// readAll reads with read the size bytes a file had when it was opened,
// into buf's memory when its capacity holds them, and returns what it
// read: less if it finds the file's end sooner, and, if size is 0, all
// it finds before the end (a file of the kernel's says 0). More than limit
// bytes is ErrTooLarge.
func readAll(read func([]byte) (int, error), buf []byte, size, limit int64) ([]byte, error) {
	data := buf[:0]
	if int64(cap(data)) < size {
		data = make([]byte, 0, size)
	}
	var probe [512]byte // for a file whose size was not known
	for {
		into := data[len(data):cap(data)]
		if len(into) == 0 {
			into = probe[:]
		}
		n, err := read(into)
		if len(data) < cap(data) {
			data = data[:len(data)+n]
		} else {
			data = append(data, probe[:n]...)
		}
		if int64(len(data)) > limit {
			return nil, ErrTooLarge
		}
		if err == io.EOF || (size > 0 && int64(len(data)) == size) {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
	}
}
