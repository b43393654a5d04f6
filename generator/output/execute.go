package output

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"hash/maphash"
	"io"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/faqcast/faqcast/internal/diag"
	"github.com/faqcast/faqcast/internal/filestamp"
	"github.com/faqcast/faqcast/internal/parallel"
)

// execute carries out p, in the order that keeps dir whole for its
// readers: it opens the destination, lists in the manifest every file it
// may make before making any, clears the way, writes, removes what this
// build no longer makes, and writes the manifest last.
func (w *writer) execute(ctx context.Context, p *plan) (st Stats, err error) {
	for _, a := range p.actions {
		if a == unchanged {
			st.Unchanged++
		}
	}
	if err := ctx.Err(); err != nil {
		return st, err
	}
	if w.root == nil {
		place, herr := w.makeHidden()
		if herr != nil {
			return st, herr
		}
		defer w.root.Close()
		defer func() { err = place(err) }() // the named result
	}
	current, err := w.listAhead(p)
	if err != nil {
		return st, err
	}
	if err := ctx.Err(); err != nil {
		return st, err
	}
	if st.Removed, err = w.clearWay(p); err != nil {
		return st, err
	}
	st.Written, err = w.writeAll(ctx, p)
	if err != nil {
		return st, err
	}
	if err := ctx.Err(); err != nil {
		return st, err
	}
	removed, err := w.removeStale(p)
	st.Removed += removed
	if err != nil {
		return st, err
	}
	// The folders written together, after every other file.
	if err := ctx.Err(); err != nil {
		return st, err
	}
	written, removed, err := w.replaceTogether(p)
	st.Written, st.Removed = st.Written+written, st.Removed+removed
	if err != nil {
		return st, err
	}

	// Last, the manifest.
	if err := ctx.Err(); err != nil {
		return st, err
	}
	// Rewritten also when files changed, so that other Writers into the same
	// destination stop trusting what they saw.
	if st.Written+st.Removed > 0 || !w.steady && !bytes.Equal(current, manifest(p.newList)) {
		b := manifest(p.newList)
		if err := writeAtomic(w.root, ManifestName, b); err != nil {
			return st, w.ioErr("writing manifest", ManifestName, err)
		}
	}
	return st, nil
}

// makeHidden makes the destination, which does not exist, under a
// temporary name beside it, and opens it as w's root; place, called with
// the Write's error, renames it into place if there is none, and else
// removes it. A reader thus finds no destination or a whole one, and a
// Write into a new destination renames none of the folders it makes, as
// it otherwise does to show each whole (see [writer.writeAll]). It also
// removes what Writes killed while they made the same destination left
// beside it, an hour after they last changed it.
func (w *writer) makeHidden() (place func(error) error, err error) {
	dir := filepath.Clean(w.dir)
	parent, base := filepath.Dir(dir), filepath.Base(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, w.destErr("cannot create destination", err)
	}
	if madeMeanwhile(dir) {
		return nil, w.destErr("cannot create destination", errMadeMeanwhile)
	}
	if _, err := os.Lstat(dir); err == nil {
		// Something that cannot be opened as a folder, such as a symbolic
		// link to none: never renamed over.
		return nil, w.destErr("cannot create destination", fs.ErrExist)
	}
	prefix := tmpPrefix + base + "-"
	if ls, err := os.ReadDir(parent); err == nil {
		for _, e := range ls {
			if fi, err := e.Info(); err == nil && e.IsDir() && strings.HasPrefix(e.Name(), prefix) && time.Since(fi.ModTime()) > time.Hour {
				os.RemoveAll(filepath.Join(parent, e.Name()))
			}
		}
	}
	tmp := filepath.Join(parent, prefix+strconv.FormatUint(rand.Uint64(), 36))
	if err := os.Mkdir(tmp, 0o755); err != nil {
		return nil, w.destErr("cannot create destination", err)
	}
	root, err := os.OpenRoot(tmp)
	if err != nil {
		os.Remove(tmp)
		return nil, w.destErr("cannot open destination", err)
	}
	w.root, w.hidden = root, true
	return func(err error) error {
		if err == nil {
			if rerr := os.Rename(tmp, dir); rerr != nil && madeMeanwhile(dir) {
				err = w.destErr("cannot create destination", errMadeMeanwhile)
			} else if rerr != nil {
				err = w.destErr("cannot create destination", rerr)
			}
		}
		if err != nil {
			os.RemoveAll(tmp)
		}
		return err
	}, nil
}

// errMadeMeanwhile reports that a folder appeared where a Write was making
// the destination under a temporary name: another build, at the same
// time, made it first. The Write is done again, into that folder.
var errMadeMeanwhile = errors.New("another build made it at the same time")

// madeMeanwhile reports whether dir, which a Write found missing, is now a
// folder.
func madeMeanwhile(dir string) bool {
	fi, err := os.Stat(dir)
	return err == nil && fi.IsDir()
}

// listAhead lists in the manifest every file p may make, with those it
// lists already, before any is made, so that a build stopped midway leaves
// nothing the next one does not know it made. It returns the manifest's
// bytes as they now are.
func (w *writer) listAhead(p *plan) ([]byte, error) {
	if w.steady || isSubset(p.newList, w.old) {
		return w.oldBytes, nil
	}
	union := slices.Clone(w.oldList)
	for _, f := range p.newList {
		if !w.old[f] {
			union = append(union, f)
		}
	}
	slices.Sort(union)
	b := manifest(union)
	if err := writeAtomic(w.root, ManifestName, b); err != nil {
		return nil, w.ioErr("writing manifest", ManifestName, err)
	}
	return b, nil
}

// clearWay removes what stands where p makes files and folders, and the
// leftovers of stopped writes, then makes p's new folders. It returns how
// many files faqcast made that it removed.
func (w *writer) clearWay(p *plan) (removed int, err error) {
	for _, b := range p.blockers {
		if err := w.root.Remove(osPath(b)); err != nil {
			if isGone(err) {
				continue
			}
			return removed, w.ioErr("removing", b, err)
		}
		removed++
	}
	for _, c := range p.clear {
		if err := w.root.Remove(osPath(c)); err != nil && !isGone(err) {
			return removed, w.ioErr("removing", c, err)
		}
	}
	removed += p.clearOld
	for _, d := range p.dirs {
		if err := w.root.Remove(osPath(d)); err != nil && !isGone(err) {
			return removed, w.ioErr("removing", d, err)
		}
	}
	tidy := p.tidy
	if w.sweep {
		if tidy, err = w.allDirs(); err != nil {
			return removed, err
		}
	}
	for _, d := range tidy {
		if err := w.removeLeftovers(d); err != nil {
			return removed, err
		}
	}
	for _, d := range p.mkdirs {
		if p.whole[d] {
			continue // made by writeAll
		}
		if err := w.root.Mkdir(osPath(d), 0o755); err != nil {
			fi, lerr := w.root.Lstat(osPath(d))
			if !errors.Is(err, fs.ErrExist) || lerr != nil || !fi.IsDir() {
				return removed, w.ioErr("creating directory", d, err)
			}
		}
	}
	return removed, nil
}

// writeAll writes the files p changes, each atomically, and records what
// it wrote in p for the next Write. It returns how many it wrote.
func (w *writer) writeAll(ctx context.Context, p *plan) (int, error) {
	var todo []int
	for i, a := range p.actions {
		if a != unchanged && (w.together == nil || w.unitOf(p.files[i].Path) == "") {
			todo = append(todo, i)
		}
	}
	fresh, err := w.makeWhole(p)
	if err != nil {
		return 0, err
	}
	defer fresh.close()
	wrote := make([]*seen, len(todo))
	// Files are written by folder, each folder opened once for a group of
	// them: a file is then created, renamed and looked at by its name in
	// the open folder rather than by walking its path from the root.
	groups := byFolder(p.files, todo, writeGroup)
	for _, group := range groups {
		if nf := fresh.folders[path.Dir(p.files[todo[group[0]]].Path)]; nf != nil {
			nf.left.Add(1)
		}
	}
	err = forEach(ctx, len(groups), func(g int) error {
		group := groups[g]
		dir := path.Dir(p.files[todo[group[0]]].Path)
		if nf := fresh.folders[dir]; nf != nil {
			if err := w.writeNew(fresh, dir, p, todo, group, wrote); err != nil {
				return err
			}
			return w.placeWhole(fresh, dir)
		}
		r := w.root
		if dir != "." {
			var err error
			if r, err = w.root.OpenRoot(osPath(dir)); err != nil {
				return w.ioErr("opening", dir, err)
			}
			defer r.Close()
		}
		for _, k := range group {
			f := p.files[todo[k]]
			name := path.Base(f.Path)
			write := w.writeBytes
			if w.streamed(&f) {
				write = w.writeStream
			}
			sum, err := write(r, name, f)
			if err != nil {
				return err
			}
			fi, err := r.Lstat(name) // after the rename, which changed its change time
			if err != nil {
				return w.ioErr("checking", f.Path, err)
			}
			now := seen{key: f.Key, stamp: filestamp.Of(fi)}
			if f.Key == "" {
				now.sum = sum
			}
			wrote[k] = &now
		}
		return nil
	})
	n := 0
	for k, s := range wrote {
		f := p.files[todo[k]]
		if nf := fresh.folders[path.Dir(f.Path)]; s == nil || err != nil && nf != nil && !nf.placed.Load() {
			continue // not written, or removed below
		}
		p.see(todo[k], f.Path, *s)
		n++
	}
	if err != nil {
		for d, nf := range fresh.folders {
			if !nf.placed.Load() {
				w.root.RemoveAll(osPath(path.Join(path.Dir(d), nf.tmp))) // or else the next Write's sweep does
			}
		}
	}
	return n, err
}

// newFolders are the folders a Write makes whole, while it makes them.
type newFolders struct {
	parents map[string]*folder    // by path: the folders they are made in, open
	folders map[string]*newFolder // by path
}

// A newFolder is a folder a Write makes whole, under a temporary name
// beside its place (or its own, in a hidden destination): made by the
// first group of its files to be written, and renamed into place by the
// last, so that making and placing folders, which take their parent's
// lock, overlap the writing of other folders' files.
type newFolder struct {
	tmp    string // the name it is made under, in its parent
	make   sync.Once
	err    error        // of making it
	left   atomic.Int32 // groups of its files not yet written
	placed atomic.Bool
}

// close closes the parents of n.
func (n *newFolders) close() {
	for _, f := range n.parents {
		f.Close()
	}
}

// makeWhole opens the parents of the folders p makes whole, and names
// each folder's temporary name.
func (w *writer) makeWhole(p *plan) (*newFolders, error) {
	n := &newFolders{parents: map[string]*folder{}, folders: make(map[string]*newFolder, len(p.whole))}
	for _, d := range slices.Sorted(maps.Keys(p.whole)) {
		parent := path.Dir(d)
		if n.parents[parent] == nil {
			f, err := openFolder(w.root, parent)
			if err != nil {
				n.close()
				return nil, w.ioErr("opening", parent, err)
			}
			n.parents[parent] = f
		}
		name := tmpPrefix + path.Base(d) + "-" + strconv.FormatUint(rand.Uint64(), 36)
		if w.hidden {
			name = path.Base(d) // no reader sees it until the destination is whole
		}
		n.folders[d] = &newFolder{tmp: name}
	}
	return n, nil
}

// writeNew writes the files of group, in the folder d made whole, into its
// temporary folder.
func (w *writer) writeNew(n *newFolders, d string, p *plan, todo []int, group []int, wrote []*seen) error {
	nf := n.folders[d]
	nf.make.Do(func() {
		if err := n.parents[path.Dir(d)].mkdir(nf.tmp); err != nil {
			nf.err = w.ioErr("creating directory", d, err)
		}
	})
	if nf.err != nil {
		return nf.err
	}
	dir, err := n.parents[path.Dir(d)].open(nf.tmp)
	if err != nil {
		return w.ioErr("opening", d, err)
	}
	defer dir.Close()
	for _, k := range group {
		f := p.files[todo[k]]
		name := path.Base(f.Path)
		var now seen
		if w.streamed(&f) {
			r, err := w.root.OpenRoot(osPath(path.Join(path.Dir(d), nf.tmp)))
			if err != nil {
				return w.ioErr("opening", d, err)
			}
			sum, err := w.writeStream(r, name, f)
			var fi fs.FileInfo
			if err == nil {
				if fi, err = r.Lstat(name); err != nil {
					err = w.ioErr("checking", f.Path, err)
				}
			}
			r.Close()
			if err != nil {
				return err
			}
			now = seen{key: f.Key, stamp: filestamp.Of(fi), sum: sum}
		} else {
			src, data, err := w.source(&f)
			if err != nil {
				return w.errorf(f.Path, "%w", err)
			}
			var stamp filestamp.Stamp
			if src != "" {
				stamp, err = dir.link(src, name)
			}
			if src == "" || err != nil {
				if data == nil && src != "" { // a Linker's file it did not read
					if data, err = w.bytes(&f); err != nil {
						return w.errorf(f.Path, "%w", err)
					}
				}
				stamp, err = dir.create(name, data)
			}
			if err != nil {
				w.release(&f, data)
				return w.ioErr("writing", f.Path, err)
			}
			now = seen{key: f.Key, stamp: stamp}
			if f.Key == "" {
				now.sum = maphash.Bytes(w.seed, data)
			}
			w.release(&f, data)
		}
		wrote[k] = &now
	}
	return nil
}

// placeWhole renames the temporary folder of d, a folder of n, to d
// once the last group of its files is written. Renaming a folder leaves
// its files' stamps as they were.
func (w *writer) placeWhole(n *newFolders, d string) error {
	nf := n.folders[d]
	if nf.left.Add(-1) > 0 {
		return nil
	}
	if !w.hidden { // else made in place
		if err := n.parents[path.Dir(d)].rename(nf.tmp, path.Base(d)); err != nil {
			return w.ioErr("creating directory", d, err)
		}
	}
	nf.placed.Store(true)
	return nil
}

// removeStale removes the files an earlier build made that p no longer
// makes, and the folders that leaves empty. It returns how many files it
// removed.
func (w *writer) removeStale(p *plan) (removed int, err error) {
	emptied := map[string]bool{}
	for _, s := range p.stale {
		if u := w.unitOf(s); u != "" && w.unitFiles[u] > 0 {
			continue // goes with its folder
		}
		fi, err := w.root.Lstat(osPath(s))
		switch {
		case isGone(err):
			continue
		case err != nil:
			return removed, w.ioErr("checking", s, err)
		case fi.IsDir():
			continue // not what faqcast made any more
		}
		if err := w.root.Remove(osPath(s)); err != nil {
			if isGone(err) {
				continue
			}
			return removed, w.ioErr("removing", s, err)
		}
		removed++
		for d := path.Dir(s); d != "."; d = path.Dir(d) {
			emptied[d] = true
		}
	}
	return removed, w.removeEmptyDirs(emptied, p.needDir)
}

// isGone reports whether err says that a path does not exist, or that one of its
// parents is no longer a directory.
func isGone(err error) bool {
	return errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR)
}

// isSubset reports whether every path in list is in set.
func isSubset(list []string, set map[string]bool) bool {
	for _, p := range list {
		if !set[p] {
			return false
		}
	}
	return true
}

// allDirs returns dir and every real directory below it, never following
// a symbolic link.
func (w *writer) allDirs() ([]string, error) {
	dirs := []string{"."}
	for i := 0; i < len(dirs); i++ {
		entries, err := readDir(w.root, dirs[i])
		if err != nil {
			return nil, w.ioErr("reading", dirs[i], err)
		}
		for _, e := range entries {
			if e.IsDir() && !strings.HasPrefix(e.Name(), tmpPrefix) {
				dirs = append(dirs, path.Join(dirs[i], e.Name()))
			}
		}
	}
	return dirs, nil
}

// removeLeftovers removes the temporary files and folders interrupted runs
// left in d.
func (w *writer) removeLeftovers(d string) error {
	entries, err := readDir(w.root, d)
	if err != nil {
		return w.ioErr("reading", d, err)
	}
	for _, e := range entries {
		p := path.Join(d, e.Name())
		switch {
		case isLeftover(e):
			if err := w.root.Remove(osPath(p)); err != nil && !isGone(err) {
				return w.ioErr("removing", p, err)
			}
		case e.IsDir() && strings.HasPrefix(e.Name(), tmpPrefix):
			// A folder written together, or the one it replaced.
			if err := w.root.RemoveAll(osPath(p)); err != nil && !isGone(err) {
				return w.ioErr("removing", p, err)
			}
		}
	}
	return nil
}

// removeEmptyDirs removes, deepest first, those of dirs that are real, empty
// directories and that no file of this build needs.
func (w *writer) removeEmptyDirs(dirs, needed map[string]bool) error {
	list := make([]string, 0, len(dirs))
	for d := range dirs {
		if !needed[d] {
			list = append(list, d)
		}
	}
	slices.SortFunc(list, func(a, b string) int {
		return cmp.Or(cmp.Compare(strings.Count(b, "/"), strings.Count(a, "/")), cmp.Compare(a, b))
	})
	for _, d := range list {
		fi, err := w.root.Lstat(osPath(d))
		if err != nil || !fi.IsDir() {
			continue // gone, or not a directory faqcast may remove
		}
		empty, err := isEmptyDir(w.root, d)
		if err != nil {
			return w.ioErr("reading", d, err)
		}
		if !empty {
			continue
		}
		if err := w.root.Remove(osPath(d)); err != nil && !isGone(err) {
			return w.ioErr("removing directory", d, err)
		}
	}
	return nil
}

func isEmptyDir(root *os.Root, d string) (bool, error) {
	f, err := root.Open(osPath(d))
	if err != nil {
		return false, err
	}
	defer f.Close()
	_, err = f.Readdirnames(1)
	if err == io.EOF {
		return true, nil
	}
	return false, err
}

// writeGroup is how many files of one folder one group writes at most, so
// that a folder of many files is still written on every core.
const writeGroup = 32

// byFolder splits todo, indexes of files, into groups of at most most
// consecutive ones in the same folder; it returns each group as indexes
// into todo.
func byFolder(files []File, todo []int, most int) [][]int {
	var groups [][]int
	var dir string
	for k, i := range todo {
		d := path.Dir(files[i].Path)
		if n := len(groups); n == 0 || d != dir || len(groups[n-1]) == most {
			groups = append(groups, nil)
			dir = d
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], k)
	}
	return groups
}

// forEach calls fn(i) for every i in [0, n), in parallel. It stops starting
// calls once ctx is done, returning ctx.Err(), or once a call fails,
// returning the errors of the calls that failed, joined.
func forEach(ctx context.Context, n int, fn func(i int) error) error {
	errs := make([]error, n)
	var failed atomic.Bool
	err := parallel.For(ctx, n, func(i int) {
		if failed.Load() {
			return
		}
		if errs[i] = fn(i); errs[i] != nil {
			failed.Store(true)
		}
	})
	if err != nil {
		return err
	}
	return diag.Join(errs...)
}
