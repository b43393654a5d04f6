package output

import "golang.org/x/sys/unix"

// exchangeAt exchanges a and b in the folder fd, with renameatx_np's
// RENAME_SWAP.
func exchangeAt(fd int, a, b string) error {
	return unix.RenameatxNp(fd, a, fd, b, unix.RENAME_SWAP)
}
