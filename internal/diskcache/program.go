package diskcache

import (
	"fmt"
	"hash/crc32"
	"io"
	"os"
)

// Program returns a digest of the running program's executable: a cache
// entry made by the program's own code, such as what its rules found in a
// text, is valid only for the same program, and its key includes this.
// Two CRC-32 checksums of different polynomials and the size stand for the
// file's bytes: enough to tell builds apart, and read at several
// gigabytes a second.
func Program() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", err
	}
	defer f.Close()
	ieee, castagnoli := crc32.NewIEEE(), crc32.New(crc32.MakeTable(crc32.Castagnoli))
	n, err := io.Copy(io.MultiWriter(ieee, castagnoli), f)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%d-%08x-%08x", n, ieee.Sum32(), castagnoli.Sum32()), nil
}
