//go:build linux || darwin

package output

import (
	"errors"
	"os"

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
	if err == unix.EINVAL {
		return errors.ErrUnsupported // a file system that cannot exchange
	}
	return err
}
