package output

import "golang.org/x/sys/unix"

// exchangeAt exchanges a and b in the folder fd, with renameat2's
// RENAME_EXCHANGE.
func exchangeAt(fd int, a, b string) error {
	return unix.Renameat2(fd, a, fd, b, unix.RENAME_EXCHANGE)
}
