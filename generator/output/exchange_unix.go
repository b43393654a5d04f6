//go:build linux || darwin

package output

import (
	"errors"
	"os"
	"slices"

	"golang.org/x/sys/unix"
)

// exchange exchanges the folders a and b in r at once (see exchangeAt). It
// returns an error that is [errors.ErrUnsupported] where the kernel or the
// file system cannot.
func exchange(r *os.Root, a, b string) error {
	d, err := r.Open(".")
	if err != nil {
		return err
	}
	defer d.Close()
	err = exchangeAt(int(d.Fd()), a, b)
	// A file system that cannot exchange (EINVAL on Linux, ENOTSUP or
	// EOPNOTSUPP on macOS), a kernel without the call, or a sandbox that
	// forbids it: swap moves the folders one at a time instead, and
	// reports a real lack of permission then. (On Linux ENOTSUP is
	// EOPNOTSUPP.)
	if err != nil && slices.Contains([]error{unix.EINVAL, unix.ENOTSUP, unix.EOPNOTSUPP, unix.ENOSYS, unix.EPERM}, err) {
		return errors.ErrUnsupported
	}
	return err
}
