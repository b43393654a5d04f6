//go:build !linux

package filestamp

import "io/fs"

// sys adds nothing: size and modification time stand for a file alone.
func sys(fi fs.FileInfo, s *Stamp) {}
