package output

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"hash/maphash"
	"io"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"

	"github.com/faqcast/faqcast/internal/diag"
	"github.com/faqcast/faqcast/internal/filestamp"
)

// An action is what a plan does with one file.
type action int

const (
	skip      action = iota // in conflict: nothing (the plan fails)
	unchanged               // already holds its bytes
	create                  // write; nothing is there
	replace                 // write over faqcast's file or link
	clearDir                // remove faqcast's directory, then write
)

// A plan is what Write will do, worked out before anything is changed.
type plan struct {
	files    []File
	actions  []action
	newList  []string        // files' paths, sorted
	blockers []string        // faqcast's non-directories on parent paths, to remove
	clear    []string        // faqcast's files and leftovers in directories at files' paths
	clearOld int             // how many of clear the old manifest lists
	dirs     []string        // directories to remove after clear, deepest first
	mkdirs   []string        // directories to create, sorted (parents first)
	whole    map[string]bool // of mkdirs, those made whole (see wholeDirs)
	seen     map[string]seen // unless steady: the files as found unchanged, and then as written
	seenAt   []seen          // when steady: the same, in the files' order, updated in place
	tidy     []string        // existing directories to rid of leftover temporary files
	stale    []string        // paths the old manifest lists and files does not
	needDir  map[string]bool
}

// A dirState says what is at a parent path of a file.
type dirState int

const (
	dirReal    dirState = iota // a real directory
	dirAbsent                  // nothing, or something of faqcast's that goes: to be created
	dirBlocked                 // a conflict, reported
)

// A planner works out a plan.
type planner struct {
	*writer
	lstats map[string]lstatResult
	states map[string]dirState
	errs   []error
	p      *plan
}

type lstatResult struct {
	mode   fs.FileMode // type bits
	exists bool
	err    error
}

// lstat returns, memoized, what is at p without following a final symbolic link.
// Callers make sure every parent of p is a real directory.
func (pl *planner) lstat(p string) lstatResult {
	if r, ok := pl.lstats[p]; ok {
		return r
	}
	var r lstatResult
	fi, err := pl.writer.lstat(p)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		r.err = err
	default:
		r.exists, r.mode = true, fi.Mode().Type()
	}
	pl.lstats[p] = r
	return r
}

// realDir reports whether d and its parents are real directories (not links).
func (pl *planner) realDir(d string) bool {
	if d == "." {
		return pl.root != nil
	}
	if !pl.realDir(path.Dir(d)) {
		return false
	}
	r := pl.lstat(d)
	return r.exists && r.mode.IsDir()
}

// dir returns the state of d, a parent path of a file, reporting conflicts
// and planning what must be removed or created to make it a directory.
func (pl *planner) dir(d string) dirState {
	if d == "." {
		if pl.root == nil {
			return dirAbsent
		}
		return dirReal
	}
	if s, ok := pl.states[d]; ok {
		return s
	}
	s := pl.dir(path.Dir(d))
	if s == dirReal {
		r := pl.lstat(d)
		switch {
		case r.err != nil:
			pl.errs = append(pl.errs, pl.ioErr("checking", d, r.err))
			s = dirBlocked
		case !r.exists:
			s = dirAbsent
		case r.mode.IsDir():
			s = dirReal
		case pl.old[d]:
			pl.p.blockers = append(pl.p.blockers, d)
			s = dirAbsent
		case r.mode&fs.ModeSymlink != 0:
			pl.errs = append(pl.errs, pl.conflict(d, "is a symbolic link not made by faqcast, where faqcast needs a directory"))
			s = dirBlocked
		default:
			pl.errs = append(pl.errs, pl.conflict(d, "is a file not made by faqcast, where faqcast needs a directory"))
			s = dirBlocked
		}
	}
	if s == dirAbsent {
		pl.p.mkdirs = append(pl.p.mkdirs, d)
	}
	pl.states[d] = s
	return s
}

// A check is the result of looking at one file's path.
type check struct {
	act   action
	err   error
	clear []string // for clearDir: files to remove
	dirs  []string // for clearDir: directories to remove, deepest first
	seen  *seen    // for unchanged: the file as found
	data  []byte   // for replace: the bytes the Maker made, if kept
}

// plan works out what to do, reporting every conflict.
func (w *writer) plan(ctx context.Context, files []File) (*plan, error) {
	p := &plan{files: files, actions: make([]action, len(files))}
	if w.steady {
		p.newList, p.seenAt = w.oldList, w.seenAt
	} else {
		p.newList, p.needDir, p.seen = make([]string, 0, len(files)), map[string]bool{}, make(map[string]seen, len(files))
	}
	pl := &planner{writer: w, lstats: map[string]lstatResult{}, states: map[string]dirState{}, p: p}

	// Parent paths, sequentially: there are few and they are shared.
	var look []int // files whose path must be looked at
	for i, f := range files {
		d := path.Dir(f.Path)
		if !w.steady {
			p.newList = append(p.newList, f.Path)
			for a := d; a != "." && !p.needDir[a]; a = path.Dir(a) {
				p.needDir[a] = true
			}
		}
		if now, ok := w.trusted(i, f); ok {
			p.actions[i] = unchanged
			p.see(i, f.Path, now)
			continue
		}
		switch pl.dir(d) {
		case dirReal:
			look = append(look, i)
		case dirAbsent:
			p.actions[i] = create
		}
	}

	// Files' own paths, concurrently: this reads every existing file.
	checks := make([]check, len(look))
	err := forEach(ctx, len(look), func(k int) error {
		checks[k] = w.check(look[k], files[look[k]])
		return nil
	})
	if err != nil {
		return nil, err
	}
	tidy := map[string]bool{}
	for k, c := range checks {
		i := look[k]
		p.actions[i] = c.act
		if c.seen != nil {
			p.see(i, files[i].Path, *c.seen)
		}
		if c.data != nil {
			files[i].Data = c.data
		}
		switch {
		case c.err != nil:
			pl.errs = append(pl.errs, c.err)
		case c.act == clearDir:
			p.clear = append(p.clear, c.clear...)
			p.dirs = append(p.dirs, c.dirs...)
			for _, f := range c.clear {
				if w.old[f] {
					p.clearOld++
				}
			}
		}
		if c.act != unchanged && c.act != skip {
			tidy[path.Dir(files[i].Path)] = true
		}
	}
	if len(pl.errs) > 0 {
		return nil, diag.Join(pl.errs...)
	}
	if w.steady {
		// Nothing is stale, and the manifest lists the files.
		return p.finish(pl, tidy), nil
	}

	skipStale := make(map[string]bool, len(files)+len(p.clear))
	for _, f := range files {
		skipStale[f.Path] = true
	}
	for _, c := range p.clear {
		skipStale[c] = true // removed before writing
	}
	for _, s := range w.oldList {
		if !skipStale[s] && pl.realDir(path.Dir(s)) {
			p.stale = append(p.stale, s)
		}
	}
	if pl.root != nil && !bytes.Equal(w.oldBytes, manifest(p.newList)) {
		tidy["."] = true
	}
	return p.finish(pl, tidy), nil
}

// finish lists the directories to tidy and sorts what must be in order.
func (p *plan) finish(pl *planner, tidy map[string]bool) *plan {
	for d := range tidy {
		if pl.realDir(d) {
			p.tidy = append(p.tidy, d)
		}
	}
	slices.Sort(p.tidy)
	slices.Sort(p.mkdirs)
	p.whole = wholeDirs(p.mkdirs, pl.together)
	return p
}

// wholeDirs returns the folders of mkdirs that a Write makes whole: those
// that hold no other folder it makes and are not written together. Such a
// folder is made under a temporary name, its files are written straight
// into it, and it is renamed into place once they all are: a reader finds
// it whole or not at all, as it finds a file, and its files cost one
// creation each instead of a temporary file's creation and renaming.
func wholeDirs(mkdirs []string, together map[string]bool) map[string]bool {
	parents := make(map[string]bool, len(mkdirs))
	for _, d := range mkdirs {
		parents[path.Dir(d)] = true
	}
	whole := make(map[string]bool, len(mkdirs))
	for _, d := range mkdirs {
		if !parents[d] && !together[d] {
			whole[d] = true
		}
	}
	return whole
}

// trusted reports whether the Writer may take f, the i-th file planned, to be
// unchanged without looking: it trusts what it saw, saw f with the same Key or
// bytes, and the manifest lists it.
func (w *writer) trusted(i int, f File) (seen, bool) {
	was, ok := w.saw(i, f)
	if !w.trust || !ok || !w.steady && !w.old[f.Path] {
		return seen{}, false
	}
	if f.Key != "" {
		return was, was.key == f.Key
	}
	return was, f.Data != nil && was.key == "" && was.sum == maphash.Bytes(w.seed, f.Data)
}

// saw returns what the Writer saw of f, the i-th file planned, in its last
// Write.
func (w *writer) saw(i int, f File) (seen, bool) {
	if w.steady {
		was := w.seenAt[i] // files come in the order of the last Write's
		return was, was.stamp != (filestamp.Stamp{})
	}
	was, ok := w.seen[f.Path]
	return was, ok
}

// see records what plan p found or wrote of the i-th file, at path.
func (p *plan) see(i int, path string, s seen) {
	if p.seenAt != nil {
		p.seenAt[i] = s
	} else {
		p.seen[path] = s
	}
}

// check looks at f, the i-th file planned, whose parents are real
// directories.
func (w *writer) check(i int, f File) check {
	fi, err := w.lstat(f.Path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return check{act: create}
	case err != nil:
		return check{err: w.ioErr("checking", f.Path, err)}
	}
	ours := w.old[f.Path]
	switch mode := fi.Mode(); {
	case mode.IsRegular():
		now := seen{key: f.Key, stamp: filestamp.Of(fi)}
		if f.Key == "" && f.Data != nil {
			now.sum = maphash.Bytes(w.seed, f.Data)
		}
		// Only a Key, or Data's sum, tells that the bytes are the same.
		if was, ok := w.saw(i, f); ok && ours && was == now && (f.Key != "" || f.Data != nil) {
			return check{act: unchanged, seen: &now}
		}
		if w.streamed(&f) {
			same, readErr, err := sameStream(w.root, f.Path, fi.Size(), func(to io.Writer) error { return w.maker.Stream(&f, to) })
			switch {
			case readErr != nil:
				return check{err: w.ioErr("reading", f.Path, readErr)}
			case err != nil:
				return check{err: w.errorf(f.Path, "%w", err)}
			case same:
				return check{act: unchanged, seen: &now}
			case ours:
				return check{act: replace}
			}
			return check{err: w.conflict(f.Path, "exists and was not made by faqcast")}
		}
		var found []byte // read for Same
		read := w.made(&f) && fi.Size() <= maxKept
		buf, _ := w.reads.Get().(*bytes.Buffer)
		if buf == nil {
			buf = new(bytes.Buffer)
		}
		defer w.reads.Put(buf) // check keeps nothing it reads
		if read {
			if found, err = readFile(w.root, f.Path, fi.Size(), buf); err != nil {
				return check{err: w.ioErr("reading", f.Path, err)}
			}
			if w.maker.Same(&f, found) {
				return check{act: unchanged, seen: &now}
			}
		}
		data, err := w.bytes(&f)
		if err != nil {
			return check{err: w.errorf(f.Path, "%w", err)}
		}
		var same bool
		if read {
			same = bytes.Equal(found, data)
		} else {
			same, err = sameContent(w.root, f.Path, fi.Size(), data, buf)
		}
		switch {
		case err != nil:
			return check{err: w.ioErr("reading", f.Path, err)}
		case same:
			return check{act: unchanged, seen: &now}
		case ours:
			c := check{act: replace}
			if f.Data == nil && w.keep(len(data)) {
				c.data = data // made: keep it for writing, within a budget
			}
			return c
		}
		return check{err: w.conflict(f.Path, "exists and was not made by faqcast")}
	case mode.IsDir():
		clear, dirs, ok, err := w.oursDir(f.Path)
		switch {
		case err != nil:
			return check{err: w.ioErr("reading", f.Path, err)}
		case ok:
			return check{act: clearDir, clear: clear, dirs: dirs}
		}
		return check{err: w.conflict(f.Path, "is a directory not made by faqcast, where faqcast must write a file")}
	case ours:
		return check{act: replace}
	case mode&fs.ModeSymlink != 0:
		return check{err: w.conflict(f.Path, "is a symbolic link not made by faqcast")}
	}
	return check{err: w.conflict(f.Path, "exists and was not made by faqcast")}
}

// oursDir reports whether the directory d is faqcast's: not empty, and holding only
// files the old manifest lists, leftover temporary files and directories of that kind.
// If so it returns those files, and the directories, deepest first.
func (w *writer) oursDir(d string) (clear, dirs []string, ok bool, err error) {
	entries, err := readDir(w.root, d)
	if err != nil || len(entries) == 0 {
		return nil, nil, false, err
	}
	for _, e := range entries {
		p := d + "/" + e.Name()
		switch {
		case e.IsDir():
			c, ds, ok, err := w.oursDir(p)
			if !ok || err != nil {
				return nil, nil, false, err
			}
			clear = append(clear, c...)
			dirs = append(dirs, ds...)
		case w.old[p] || isLeftover(e):
			clear = append(clear, p)
		default:
			return nil, nil, false, nil
		}
	}
	return clear, append(dirs, d), true, nil
}

// isLeftover reports whether e is a temporary file of an interrupted Write.
func isLeftover(e fs.DirEntry) bool {
	return strings.HasPrefix(e.Name(), tmpPrefix) && e.Type().IsRegular()
}

// readDir returns the entries of the directory d, sorted by name.
func readDir(root *os.Root, d string) ([]fs.DirEntry, error) {
	f, err := root.Open(osPath(d))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	entries, err := f.ReadDir(-1)
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return cmp.Compare(a.Name(), b.Name()) })
	return entries, err
}
