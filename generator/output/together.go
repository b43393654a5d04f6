package output

import (
	"errors"
	"maps"
	"math/rand/v2"
	"os"
	"path"
	"slices"
	"strconv"

	"github.com/faqcast/faqcast/internal/filestamp"
)

// unitOf returns the folder written together that p is a file of, or "".
func (w *writer) unitOf(p string) string {
	if d := path.Dir(p); w.together[d] {
		return d
	}
	return ""
}

// checkTogether returns why dir may not be a folder written together, or
// "".
func checkTogether(dir string) string {
	if why := checkPath(dir); why != "" {
		return why
	}
	if path.Base(dir) == ManifestName {
		return "is the name of faqcast's manifest"
	}
	return ""
}

// replaceTogether replaces each folder written together whose files p
// changes, or of which it removes files, by a new one holding all of its
// files, swapped in at once: a reader of the folder finds the files of one
// Write, never some of one and some of another. The files p leaves
// unchanged are linked into the new folder, or else made again. It returns
// how many files it wrote and how many it removed.
func (w *writer) replaceTogether(p *plan) (written, removed int, err error) {
	files := map[string][]int{} // by folder: its files, in p
	for i, f := range p.files {
		if u := w.unitOf(f.Path); u != "" {
			files[u] = append(files[u], i)
		}
	}
	stale := map[string]int{}
	for _, s := range p.stale {
		if u := w.unitOf(s); u != "" && w.unitFiles[u] > 0 {
			stale[u]++
		}
	}
	for _, u := range slices.Sorted(maps.Keys(w.together)) {
		changed := stale[u] > 0
		for _, i := range files[u] {
			changed = changed || p.actions[i] != unchanged
		}
		if !changed || len(files[u]) == 0 {
			continue // a folder left with no files goes as others do
		}
		n, err := w.replaceFolder(p, u, files[u])
		written += n
		if err != nil {
			return written, removed, err
		}
		removed += stale[u]
	}
	return written, removed, nil
}

// replaceFolder writes the files of p at the places in todo, all in the
// folder u, into a new temporary folder beside u, and swaps it for u. It
// returns how many files it wrote rather than linked.
func (w *writer) replaceFolder(p *plan, u string, todo []int) (written int, err error) {
	parent, base := path.Dir(u), path.Base(u)
	r := w.root
	if parent != "." {
		if r, err = w.root.OpenRoot(osPath(parent)); err != nil {
			return 0, w.ioErr("opening", parent, err)
		}
		defer r.Close()
	}
	var tmp string
	for try := 0; ; try++ {
		tmp = tmpPrefix + base + "-" + strconv.FormatUint(rand.Uint64(), 36)
		err = r.Mkdir(tmp, 0o755)
		if err == nil || !os.IsExist(err) || try == 9 {
			break
		}
	}
	if err != nil {
		return 0, w.ioErr("creating directory", path.Join(parent, tmp), err)
	}
	defer func() {
		// The new folder if it was not swapped in, or the old one if it was.
		if rerr := r.RemoveAll(tmp); rerr != nil && err == nil {
			err = w.ioErr("removing", path.Join(parent, tmp), rerr)
		}
	}()
	tr, err := r.OpenRoot(tmp)
	if err != nil {
		return 0, w.ioErr("opening", path.Join(parent, tmp), err)
	}
	defer tr.Close()
	seens := make([]seen, len(todo))
	for k, i := range todo {
		f := p.files[i]
		name := path.Base(f.Path)
		if p.actions[i] == unchanged && r.Link(osPath(path.Join(base, name)), osPath(path.Join(tmp, name))) == nil {
			seens[k], _ = p.seenOf(i, f.Path)
			continue
		}
		write := w.writeBytes
		if w.streamed(&f) {
			write = w.writeStream
		}
		sum, err := write(tr, name, f)
		if err != nil {
			return written, err
		}
		seens[k] = seen{key: f.Key, sum: sum}
		if f.Key != "" {
			seens[k].sum = 0
		}
		written++
	}
	if err := swap(r, tmp, base, exchange); err != nil {
		return written, w.ioErr("replacing", u, err)
	}
	// The files' stamps as they now are: linking a file changes its
	// change time.
	for k, i := range todo {
		fi, err := r.Lstat(osPath(path.Join(base, path.Base(p.files[i].Path))))
		if err != nil {
			return written, w.ioErr("checking", p.files[i].Path, err)
		}
		seens[k].stamp = filestamp.Of(fi)
		p.see(i, p.files[i].Path, seens[k])
	}
	return written, nil
}

// swap puts the folder tmp in r in the place of the folder name, leaving
// the old folder, if any, at tmp: at once with exchange, or where it
// returns [errors.ErrUnsupported], by moving the old one aside first, so
// that for a moment there is no folder at name.
func swap(r *os.Root, tmp, name string, exchange func(r *os.Root, a, b string) error) error {
	fi, err := r.Lstat(name)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return r.Rename(tmp, name)
	case err != nil:
		return err
	case !fi.IsDir():
		return errors.New("is not a directory")
	}
	if err := exchange(r, tmp, name); !errors.Is(err, errors.ErrUnsupported) {
		return err
	}
	aside := tmp + "-old"
	if err := r.Rename(name, aside); err != nil {
		return err
	}
	if err := r.Rename(tmp, name); err != nil {
		r.Rename(aside, name) // the old folder back in its place
		return err
	}
	return r.Rename(aside, tmp)
}

// seenOf returns what p recorded of the i-th file, at path.
func (p *plan) seenOf(i int, path string) (seen, bool) {
	if p.seenAt != nil {
		return p.seenAt[i], true
	}
	s, ok := p.seen[path]
	return s, ok
}
