//go:build unix

package diskcache

import (
	"io/fs"
	"syscall"
)

// links returns how many links the file of info has.
func links(info fs.FileInfo) uint64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 1
}
