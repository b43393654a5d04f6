//go:build !(linux || darwin)

package wholefile

import (
	"io/fs"
	"os"

	"github.com/faqcast/faqcast/internal/filestamp"
)

func read(name string, buf []byte, limit int64) ([]byte, Info, error) {
	// Stat first, so that opening a named pipe does not wait for its writer.
	if fi, err := os.Stat(name); err != nil {
		return nil, Info{}, unwrap(err)
	} else if !fi.Mode().IsRegular() {
		return nil, Info{}, ErrNotRegular
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, Info{}, unwrap(err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, Info{}, unwrap(err)
	}
	if !fi.Mode().IsRegular() {
		return nil, Info{}, ErrNotRegular
	}
	if fi.Size() > limit {
		return nil, Info{}, ErrTooLarge
	}
	info := Info{Stamp: filestamp.Of(fi), Perm: fi.Mode().Perm(), Links: 1}
	data, err := readAll(f.Read, buf, fi.Size(), limit)
	if err != nil {
		return nil, Info{}, unwrap(err)
	}
	return data, info, nil
}

// unwrap drops the os package's *fs.PathError, which Read makes again.
func unwrap(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

func replace(name string, data []byte, perm fs.FileMode) error {
	f, err := os.OpenFile(tempName(name), os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm.Perm())
	if err != nil {
		return unwrap(err)
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(perm.Perm())
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, name)
	}
	if err != nil {
		os.Remove(tmp)
		return unwrap(err)
	}
	return nil
}
