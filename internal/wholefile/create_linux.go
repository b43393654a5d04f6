package wholefile

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strconv"

	"golang.org/x/sys/unix"
)

func create(name string, data []byte, perm fs.FileMode) error {
	fd, err := open(filepath.Dir(name), unix.O_WRONLY|unix.O_TMPFILE|unix.O_CLOEXEC, uint32(perm.Perm()))
	switch err {
	case nil:
	case unix.EOPNOTSUPP, unix.EISDIR, unix.EINVAL:
		// No unnamed files on this file system, or in this kernel,
		// which takes O_TMPFILE for O_DIRECTORY.
		return errors.ErrUnsupported
	default:
		return err
	}
	defer unix.Close(fd)
	if err := writeAll(fd, data, perm); err != nil {
		return err
	}
	// Linking a file by its descriptor takes a privilege (AT_EMPTY_PATH);
	// by its name under /proc, none.
	err = unix.Linkat(unix.AT_FDCWD, "/proc/self/fd/"+strconv.Itoa(fd), unix.AT_FDCWD, name, unix.AT_SYMLINK_FOLLOW)
	if err == unix.ENOENT {
		// The folder was there a moment ago: /proc is not.
		return errors.ErrUnsupported
	}
	return err
}
