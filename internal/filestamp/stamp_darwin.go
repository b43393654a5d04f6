package filestamp

import "syscall"

// OfStat returns the Stamp of st, as filled in by syscall.Fstat: the same
// as [Of] of the FileInfo os.Stat returns for the file.
func OfStat(st *syscall.Stat_t) Stamp {
	return Stamp{Size: st.Size, ModTime: st.Mtimespec.Nano()}
}
