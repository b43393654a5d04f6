package filestamp

import (
	"io/fs"
	"syscall"
)

// sys fills in what Linux's stat structure adds.
func sys(fi fs.FileInfo, s *Stamp) {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		s.Ino, s.Dev = st.Ino, st.Dev
		s.CTime = st.Ctim.Nano()
	}
}
