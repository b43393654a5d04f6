// Package filestamp tells whether a file changed since it was last looked at,
// from its metadata alone, as git's index does: its size, modification and
// change times, inode and device.
package filestamp

import (
	"io/fs"
	"time"
)

// A Stamp is what a file's metadata says of its contents. Two Stamps of
// the same path are equal if the file was not written or replaced between
// them, except within the resolution of the file system's clock: see
// [Stamp.Settled].
type Stamp struct {
	Size           int64
	ModTime, CTime int64 // Unix nanoseconds; CTime is 0 where unknown
	Ino, Dev       uint64
}

// Of returns the Stamp of fi, as returned by os.Stat or os.Lstat.
func Of(fi fs.FileInfo) Stamp {
	s := Stamp{Size: fi.Size(), ModTime: fi.ModTime().UnixNano()}
	sys(fi, &s)
	return s
}

// Settle is how long after a file's last change its Stamp is trusted: a
// write within the same tick of a coarse file system clock leaves the
// times as they were.
const Settle = 2 * time.Second

// Settled reports whether s was last changed at least [Settle] before now,
// so that an equal Stamp later means the same contents.
func (s Stamp) Settled(now time.Time) bool {
	return now.UnixNano()-max(s.ModTime, s.CTime) >= int64(Settle)
}
