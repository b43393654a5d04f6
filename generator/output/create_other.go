//go:build !linux && !darwin

package output

import (
	"errors"
	"os"
	"path"

	"github.com/faqcast/faqcast/internal/filestamp"
)

// A folder is an open directory of the destination, whose files and folders
// a Write makes by name in it.
type folder struct {
	r    *os.Root
	path string // slash-separated, in r
}

// openFolder opens the directory d of r.
func openFolder(r *os.Root, d string) (*folder, error) {
	if _, err := r.Stat(osPath(d)); err != nil {
		return nil, err
	}
	return &folder{r: r, path: d}, nil
}

// Close closes d.
func (d *folder) Close() error { return nil }

func (d *folder) at(name string) string { return osPath(path.Join(d.path, name)) }

// mkdir makes the directory name in d.
func (d *folder) mkdir(name string) error { return d.r.Mkdir(d.at(name), 0o755) }

// rename renames old, in d, to new.
func (d *folder) rename(old, new string) error { return d.r.Rename(d.at(old), d.at(new)) }

// open opens the directory name in d.
func (d *folder) open(name string) (*folder, error) { return openFolder(d.r, path.Join(d.path, name)) }

// create creates the file name, which must not exist, in d, writes data to
// it with mode 0644, and returns its Stamp. On error it removes what it
// made.
func (d *folder) create(name string, data []byte) (filestamp.Stamp, error) {
	p := d.at(name)
	f, err := d.r.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return filestamp.Stamp{}, err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(0o644)
	}
	var fi os.FileInfo
	if err == nil {
		fi, err = f.Stat()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		d.r.Remove(p)
		return filestamp.Stamp{}, err
	}
	return filestamp.Of(fi), nil
}

// link would link name to src; here it cannot, and the caller writes the
// bytes instead.
func (d *folder) link(src, name string) (filestamp.Stamp, error) {
	return filestamp.Stamp{}, errors.ErrUnsupported
}
