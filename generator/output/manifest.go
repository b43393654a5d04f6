package output

import (
	"errors"
	"io/fs"
	"strings"

	"github.com/faqcast/faqcast/internal/diag"
	"github.com/faqcast/faqcast/internal/filestamp"
)

// ManifestName is the file in the destination that lists what faqcast made there.
const ManifestName = ".faqcast-manifest"

// manifestHeader is the manifest's first line.
const manifestHeader = "# faqcast manifest v1"

// readManifest reads and checks the old manifest, if there is one.
func (w *writer) readManifest() error {
	w.old = map[string]bool{}
	if w.root == nil {
		return nil
	}
	bad := func(line int, format string, args ...any) error {
		return diag.Errorf(w.show(ManifestName), diag.Pos{Line: line}, format, args...).WithHint(manifestHint)
	}
	fi, err := w.root.Lstat(ManifestName)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return w.ioErr("reading manifest", ManifestName, err)
	case !fi.Mode().IsRegular():
		return bad(0, "is not a regular file")
	}
	w.manifest = filestamp.Of(fi)
	data, err := w.root.ReadFile(ManifestName)
	if err != nil {
		return w.ioErr("reading manifest", ManifestName, err)
	}
	lines := strings.Split(string(data), "\n")
	if lines[len(lines)-1] != "" {
		return bad(len(lines), "malformed manifest: the last line does not end in a newline")
	}
	lines = lines[:len(lines)-1]
	if len(lines) == 0 || lines[0] != manifestHeader {
		return bad(1, "malformed manifest: the first line must be %q", manifestHeader)
	}
	var errs []error
	list := make([]string, 0, len(lines)-1)
	for i, p := range lines[1:] {
		line := i + 2
		if why := checkPath(p); why != "" {
			errs = append(errs, bad(line, "malformed manifest: path %q %s", p, why))
			continue
		}
		if n := len(list); n > 0 && p <= list[n-1] {
			errs = append(errs, bad(line, "malformed manifest: %q is out of order or repeated", p))
			continue
		}
		list = append(list, p)
	}
	if len(errs) > 0 {
		return diag.Join(errs...)
	}
	w.oldList = list
	for _, p := range list {
		w.old[p] = true
	}
	w.oldBytes = data
	return nil
}

// manifest returns the manifest listing paths, which must be sorted.
func manifest(paths []string) []byte {
	n := len(manifestHeader) + 1
	for _, p := range paths {
		n += len(p) + 1
	}
	b := make([]byte, 0, n)
	b = append(b, manifestHeader...)
	b = append(b, '\n')
	for _, p := range paths {
		b = append(b, p...)
		b = append(b, '\n')
	}
	return b
}
