//go:build linux || darwin

package output

import (
	"errors"
	"io/fs"
	"os"

	"github.com/faqcast/faqcast/internal/filestamp"
	"golang.org/x/sys/unix"
)

// A folder is an open directory of the destination, whose files and folders
// a Write makes by name in it. On Linux and macOS they are made by calling
// the kernel directly: a folder made whole has no reader to shield, and each
// call the os package adds to one of its own (its poller, its walk of a
// path from the root) costs as much as writing a page.
type folder struct {
	f  *os.File
	fd int
}

// openFolder opens the directory d of r.
func openFolder(r *os.Root, d string) (*folder, error) {
	f, err := r.Open(osPath(d))
	if err != nil {
		return nil, err
	}
	return &folder{f: f, fd: int(f.Fd())}, nil
}

// Close closes d.
func (d *folder) Close() error { return d.f.Close() }

// mkdir makes the directory name in d.
func (d *folder) mkdir(name string) error {
	return pathErr("mkdir", name, unix.Mkdirat(d.fd, name, 0o755))
}

// rename renames old, in d, to new.
func (d *folder) rename(old, new string) error {
	return pathErr("rename", old, unix.Renameat(d.fd, old, d.fd, new))
}

// open opens the directory name in d.
func (d *folder) open(name string) (*folder, error) {
	fd, err := unix.Openat(d.fd, name, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, pathErr("open", name, err)
	}
	return &folder{f: os.NewFile(uintptr(fd), name), fd: fd}, nil
}

// create creates the file name, which must not exist, in d, writes data to
// it with mode 0644, and returns its Stamp. On error it removes what it
// made.
func (d *folder) create(name string, data []byte) (filestamp.Stamp, error) {
	fd, err := unix.Openat(d.fd, name, unix.O_WRONLY|unix.O_CREAT|unix.O_EXCL|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0o644)
	if err != nil {
		return filestamp.Stamp{}, pathErr("open", name, err)
	}
	st, err := fill(fd, data)
	if cerr := unix.Close(fd); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		unix.Unlinkat(d.fd, name, 0)
		return filestamp.Stamp{}, pathErr("write", name, err)
	}
	return st, nil
}

// link makes name, which must not exist, in d a hard link to the file src,
// and returns its Stamp. If src is not a regular file of mode 0644 (or a
// link cannot be made there), it returns an error and leaves nothing.
func (d *folder) link(src, name string) (filestamp.Stamp, error) {
	if err := unix.Linkat(unix.AT_FDCWD, src, d.fd, name, 0); err != nil {
		return filestamp.Stamp{}, pathErr("link", name, err)
	}
	var st unix.Stat_t
	err := unix.Fstatat(d.fd, name, &st, unix.AT_SYMLINK_NOFOLLOW)
	if err == nil && (st.Mode&unix.S_IFMT != unix.S_IFREG || st.Mode&0o777 != 0o644) {
		err = errNotPublished
	}
	if err != nil {
		unix.Unlinkat(d.fd, name, 0)
		return filestamp.Stamp{}, pathErr("link", name, err)
	}
	return filestamp.OfStat(&st), nil
}

// errNotPublished is link's error for a file that is not a regular file
// of mode 0644, as a published file must be.
var errNotPublished = errors.New("not a regular file of mode 0644")

// fill writes data to fd, makes its mode 0644 whatever the umask, and
// returns its Stamp.
func fill(fd int, data []byte) (filestamp.Stamp, error) {
	for len(data) > 0 {
		n, err := unix.Write(fd, data)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return filestamp.Stamp{}, err
		}
		data = data[n:]
	}
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return filestamp.Stamp{}, err
	}
	if st.Mode&0o777 != 0o644 { // a umask took bits away
		if err := unix.Fchmod(fd, 0o644); err != nil {
			return filestamp.Stamp{}, err
		}
		if err := unix.Fstat(fd, &st); err != nil {
			return filestamp.Stamp{}, err
		}
	}
	return filestamp.OfStat(&st), nil
}

// pathErr returns err, if not nil, as a *fs.PathError of op on name.
func pathErr(op, name string, err error) error {
	if err == nil {
		return nil
	}
	return &fs.PathError{Op: op, Path: name, Err: err}
}
