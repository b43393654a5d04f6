package filestamp

import (
	"io/fs"
	"syscall"

	"golang.org/x/sys/unix"
)

// sys fills in what Linux's stat structure adds.
func sys(fi fs.FileInfo, s *Stamp) {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		s.Ino, s.Dev = st.Ino, st.Dev
		s.CTime = st.Ctim.Nano()
	}
}

// OfStat returns the Stamp of st, as filled in by unix.Fstat: the same
// as [Of] of the FileInfo os.Stat returns for the file.
func OfStat(st *unix.Stat_t) Stamp {
	return Stamp{Size: st.Size, ModTime: st.Mtim.Nano(), CTime: st.Ctim.Nano(), Ino: st.Ino, Dev: st.Dev}
}
