package filestamp

import "golang.org/x/sys/unix"

// OfStat returns the Stamp of st, as filled in by unix.Fstat: the same
// as [Of] of the FileInfo os.Stat returns for the file.
func OfStat(st *unix.Stat_t) Stamp {
	return Stamp{Size: st.Size, ModTime: st.Mtim.Nano()}
}
