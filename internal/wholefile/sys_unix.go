//go:build linux || darwin

package wholefile

import (
	"io"
	"io/fs"

	"github.com/faqcast/faqcast/internal/filestamp"
	"golang.org/x/sys/unix"
)

func read(name string, buf []byte, limit int64) ([]byte, Info, error) {
	// Non-blocking, so that opening a named pipe does not wait for its
	// writer; reading a regular file ignores it.
	fd, err := open(name, unix.O_RDONLY|unix.O_CLOEXEC|unix.O_NONBLOCK|unix.O_NOCTTY, 0)
	if err != nil {
		return nil, Info{}, err
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return nil, Info{}, err
	}
	if st.Mode&unix.S_IFMT != unix.S_IFREG {
		return nil, Info{}, ErrNotRegular
	}
	if st.Size > limit {
		return nil, Info{}, ErrTooLarge
	}
	info := Info{Stamp: filestamp.OfStat(&st), Perm: fs.FileMode(st.Mode & 0o777), Links: uint64(st.Nlink)}
	data, err := readAll(func(b []byte) (int, error) {
		for {
			n, err := unix.Read(fd, b)
			switch {
			case err == unix.EINTR:
				continue
			case err != nil:
				return 0, err
			case n == 0:
				return 0, io.EOF
			}
			return n, nil
		}
	}, buf, st.Size, limit)
	if err != nil {
		return nil, Info{}, err
	}
	return data, info, nil
}

func replace(name string, data []byte, perm fs.FileMode) error {
	var tmp string
	var fd int
	var err error
	for range 100 {
		tmp = tempName(name)
		fd, err = unix.Open(tmp, unix.O_WRONLY|unix.O_CREAT|unix.O_EXCL|unix.O_NOFOLLOW|unix.O_CLOEXEC, uint32(perm.Perm()))
		if err != unix.EEXIST && err != unix.EINTR {
			break
		}
	}
	if err != nil {
		return err
	}
	err = writeAll(fd, data, perm)
	if cerr := unix.Close(fd); err == nil {
		err = cerr
	}
	if err == nil {
		err = unix.Rename(tmp, name)
	}
	if err != nil {
		unix.Unlink(tmp)
	}
	return err
}

// open opens the file name as unix.Open does, again when a signal
// interrupts it.
func open(name string, flags int, perm uint32) (int, error) {
	for {
		fd, err := unix.Open(name, flags, perm)
		if err != unix.EINTR {
			return fd, err
		}
	}
}

// writeAll writes data to the file open as fd, and sets its mode to perm,
// which the umask may have taken bits from: none of 0600 that matter.
func writeAll(fd int, data []byte, perm fs.FileMode) error {
	for len(data) > 0 {
		n, err := unix.Write(fd, data)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return err
		}
		data = data[n:]
	}
	if perm.Perm() != 0o600 {
		return unix.Fchmod(fd, uint32(perm.Perm()))
	}
	return nil
}
