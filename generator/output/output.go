// Package output writes a build's files into its destination directory: atomically, only
// what changed, and removing what an earlier build made and this one no longer does.
package output

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"errors"
	"hash/maphash"
	"io"
	"io/fs"
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

	"github.com/faqcast/faqcast/internal/diag"
	"github.com/faqcast/faqcast/internal/filestamp"
	"github.com/faqcast/faqcast/internal/parallel"
)

// A File is one file of a build. Path is slash-separated and relative to the destination.
type File struct {
	Path string
	// Data is the file's bytes. When it is nil and Make is set, the bytes are what Make
	// returns: Write calls Make only if it needs them, to write the file or to compare it
	// with what is there, and does not keep them after.
	Data []byte
	Make func() ([]byte, error)
	// Key, when set, names the bytes: files of the same Path and Key hold the same
	// bytes. A [Writer] that wrote or found the file with its Key, and finds it on disk
	// as it left it (its [filestamp.Stamp] the same), does not look at the bytes again.
	Key string
	// Same, when set with Make, reports whether found, the bytes of the regular file
	// at Path, are those Make would make. Write then takes the file as it is, without
	// calling Make, when Same says so, even if an earlier process wrote it: bytes that
	// record what they were made from, as faqcast's share cards do, can tell.
	Same func(found []byte) bool
	// Stream, when set and Data and Make are nil, writes the file's bytes to w, and
	// returns the first error w returns, or its own. Write never holds such a file's
	// bytes: it streams them into the temporary file it writes, or compares them
	// with a file it finds as they come. It is for files too large to hold, such as
	// a large site's posts.json.
	Stream func(w io.Writer) error
}

// streamed reports whether f's bytes come from f.Stream.
func (f *File) streamed() bool { return f.Data == nil && f.Make == nil && f.Stream != nil }

// bytes returns f's bytes, made by f.Make, or else streamed by f.Stream, if
// f.Data is nil.
func (f *File) bytes() ([]byte, error) {
	switch {
	case f.Data != nil || f.Make == nil && f.Stream == nil:
		return f.Data, nil
	case f.Make != nil:
		return f.Make()
	}
	var b bytes.Buffer
	err := f.Stream(&b)
	return b.Bytes(), err
}

// Stats counts what Write did.
type Stats struct {
	Written   int // created or replaced
	Unchanged int // already held the same bytes
	Removed   int // made by an earlier build, gone from this one
}

// ManifestName is the file in the destination that lists what faqcast made there.
const ManifestName = ".faqcast-manifest"

const (
	manifestHeader = "# faqcast manifest v1"
	tmpPrefix      = ".faqcast-tmp-"

	conflictHint = "remove it, or build into another --dest"
	manifestHint = "delete it and remove stale files by hand"
)

// Write brings the directory dir in line with files, the complete output of a build.
//
// Write checks everything before it changes anything; when one of these checks fails it
// returns every problem found, joined, and dir is left exactly as it was (not even created):
//
//   - Every path must be non-empty, relative, clean (path.Clean(p) == p), local, free of
//     ".." elements, NUL bytes and newlines, not [ManifestName], and its last element must
//     not start with ".faqcast-tmp-", the prefix of Write's temporary files. No path may
//     appear twice, and no file may also be a parent directory of another.
//   - The manifest dir/.faqcast-manifest, if present, lists what earlier builds made: the
//     line "# faqcast manifest v1", then one such path per line, sorted, each line ending in
//     a newline. Anything else is an error naming the manifest.
//   - Nothing faqcast did not make may be in the way. A path is faqcast's if the manifest
//     lists it. A regular file at a file's path that already holds exactly its bytes is left
//     alone and adopted (listed in the new manifest), whoever made it. Anything else at a
//     file's path (a file with other bytes, a symbolic link, a directory, a device), and
//     anything but a real directory on a parent path, is a conflict unless it is faqcast's.
//     A directory at a file's path is faqcast's if it is not empty and holds nothing but
//     listed files, leftover temporary files and directories of that same kind. Symbolic
//     links are never followed: one that is faqcast's is replaced or removed itself, never
//     its target. A conflict names the path as dir joined with it, e.g. "public/index.html".
//
// Then Write, in this order:
//
//   - creates dir, with its parents, if it does not exist;
//   - when files holds paths the old manifest does not list, rewrites the manifest to list
//     both, so that an interrupted Write never leaves a file it made unlisted;
//   - removes faqcast's own entries that are in the way, and leftover ".faqcast-tmp-" files
//     in existing directories it is about to write to;
//   - creates the missing directories (mode 0755 before umask), each once;
//   - writes each file that is missing or holds other bytes to a temporary file in the same
//     directory, sets its mode to 0644 and renames it over the target, so that a reader sees
//     the old file or the new one, whole, never a mix. Files already holding their bytes are
//     not touched, so they keep their modification times. Files are written concurrently, by
//     up to one goroutine per core; a file given by Make is made by the goroutine that
//     writes it, and its bytes are dropped once written. Nothing is synced to stable
//     storage;
//   - removes the files the old manifest lists that files no longer holds, unless they are
//     already gone, are now directories, or lie below anything but real directories; then
//     the directories this left empty, deepest first, but never dir itself and never one
//     that still holds anything;
//   - last, writes the new manifest, listing the paths of files sorted, in the same atomic
//     way, unless it already holds exactly those bytes and nothing else changed.
//
// A file given by Make whose path holds a regular file is made while checking, to compare
// it, unless its Same reports that the file found (read if no larger than 64 MiB) holds
// what Make would make; an error from Make is reported then, naming the file, and
// nothing is changed. A file that must be written is made again when written unless its
// bytes, with those of the others made while checking, fit in 64 MiB. A file given by
// Stream is never held: where a regular file is found at its path, it is streamed while
// checking and compared with that file as its bytes come (an error from Stream is
// reported then, and nothing is changed), and it is streamed again to be written.
//
// The outcome depends only on files and on what is in dir, not on the order of files.
//
// If ctx is done, Write stops starting new work and returns ctx.Err(). An error or
// cancellation during the writing steps may leave some files new and some old, but each
// file whole and every file faqcast made listed in the manifest; temporary files Write
// made are removed. Stats counts what was done up to that point.
func Write(ctx context.Context, dir string, files []File) (Stats, error) {
	return (&Writer{Dir: dir}).Write(ctx, files)
}

// newOrder returns the order of files, whose paths are valid and distinct.
func newOrder(files []File) order {
	o := order{paths: make([]string, len(files)), sorted: make([]int, len(files))}
	for i, f := range files {
		o.paths[i], o.sorted[i] = f.Path, i
	}
	slices.SortFunc(o.sorted, func(a, b int) int { return cmp.Compare(o.paths[a], o.paths[b]) })
	o.list = make([]string, len(files))
	o.set = make(map[string]bool, len(files))
	for k, i := range o.sorted {
		o.list[k] = o.paths[i]
		o.set[o.paths[i]] = true
	}
	return o
}

// A Writer writes builds into the directory Dir, one after another, as [Write] does.
// It remembers what it wrote and found, so that a later Write knows a file whose Key
// (or, for a file without one, whose bytes) is the same as then to be unchanged,
// without looking at it: while the manifest is as the Writer left it, the Writer
// assumes that nothing else changes the files it made, as a development server
// does. Removing the destination, or a build by another process that changes what it
// holds, changes the manifest, and the next Write looks at every file again. A
// Writer must not be used concurrently.
type Writer struct {
	Dir      string
	seed     maphash.Seed
	seenAt   []seen          // what it saw of each of its last Write's files, in their order
	manifest filestamp.Stamp // of the manifest the last Write left
	order    order           // of the files of the last Write
}

// order is the paths of a Write's files, in the order given, and the
// order that sorts them: a build gives the same files in the same order
// again and again, and they need not be checked and sorted again.
type order struct {
	paths  []string
	sorted []int           // indices into paths, in path order
	list   []string        // paths, sorted: the manifest a Write of them leaves
	set    map[string]bool // paths, as a set
}

// same reports whether files have o's paths, in o's order.
func (o *order) same(files []File) bool {
	if len(files) != len(o.paths) {
		return false
	}
	for i, f := range files {
		if f.Path != o.paths[i] {
			return false
		}
	}
	return true
}

// seen is a file as a Writer last wrote or found it.
type seen struct {
	key   string // the File's Key, or ""
	sum   uint64 // maphash of its bytes, when key is ""
	stamp filestamp.Stamp
}

// Write is [Write] into w.Dir.
func (w *Writer) Write(ctx context.Context, files []File) (Stats, error) {
	if w.seenAt == nil {
		w.seed = maphash.MakeSeed()
	}
	oldAt := w.seenAt
	w.seenAt = nil // until this Write has succeeded
	prev := w.order
	w.order = order{}
	st, err := writeFiles(ctx, w.Dir, files, oldAt, w.manifest, w.seed, &prev)
	if err == nil {
		w.seenAt, w.manifest, w.order = st.seenAt, st.manifest, prev
	}
	return st.Stats, err
}

// writeStats is what a Write did and what it saw.
type writeStats struct {
	Stats
	seenAt   []seen // in the order of the files
	manifest filestamp.Stamp
}

// writeFiles writes files into dir. oldAt is what a Writer saw of the files
// of its last Write, which ord holds the order of, and manifest the stamp of
// the manifest that Write left; ord becomes the order of files.
func writeFiles(ctx context.Context, dir string, files []File, oldAt []seen, manifest filestamp.Stamp, seed maphash.Seed, ord *order) (writeStats, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	if err := ctx.Err(); err != nil {
		return writeStats{}, err
	}
	if dir == "" {
		return writeStats{}, errors.New("output: no destination directory")
	}
	w := &writer{dir: dir, dest: filepath.ToSlash(filepath.Clean(dir)), seed: seed}
	var planned []File // sorted by path, unless steady
	var lastPaths []string
	if ord != nil {
		lastPaths = ord.paths
	}
	same := ord != nil && ord.same(files)
	if !same {
		var err error
		if planned, err = w.validate(files); err != nil {
			return writeStats{}, err
		}
		if ord != nil {
			*ord = newOrder(files)
		}
	}
	root, err := os.OpenRoot(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		root = nil // nothing there yet: everything is to be created
	case err != nil:
		return writeStats{}, diag.Errorf(w.dest, diag.Pos{}, "cannot open destination: %w", unwrapPath(err))
	default:
		defer root.Close()
	}
	w.root = root
	if same && oldAt != nil && len(oldAt) == len(files) && root != nil {
		// The same paths as the Writer's last Write: while the manifest is as
		// that Write left it, it lists exactly these, and need not be read.
		if fi, err := root.Lstat(ManifestName); err == nil && fi.Mode().IsRegular() && filestamp.Of(fi) == manifest && manifest != (filestamp.Stamp{}) {
			w.manifest, w.oldList, w.old, w.seenAt, w.steady = manifest, ord.list, ord.set, oldAt, true
		}
	}
	switch {
	case w.steady:
		planned = files // in the order given: a steady plan needs no other
	case same:
		planned = make([]File, len(files))
		for k, i := range ord.sorted {
			planned[k] = files[i]
		}
	}
	if !w.steady {
		if err := w.readManifest(); err != nil {
			return writeStats{}, err
		}
		if oldAt != nil && len(oldAt) == len(lastPaths) {
			w.seen = make(map[string]seen, len(oldAt))
			for i, p := range lastPaths {
				w.seen[p] = oldAt[i]
			}
		}
	}
	w.trust = oldAt != nil && w.manifest != (filestamp.Stamp{}) && w.manifest == manifest
	p, err := w.plan(ctx, planned)
	if err != nil {
		return writeStats{}, err
	}
	st, err := w.execute(ctx, p)
	if err != nil {
		return writeStats{Stats: st}, err
	}
	fi, err := w.lstat(ManifestName)
	if err != nil {
		return writeStats{Stats: st}, w.ioErr("checking", ManifestName, err)
	}
	seenAt := p.seenAt
	if seenAt == nil {
		seenAt = make([]seen, len(files))
		for i, f := range files {
			seenAt[i] = p.seen[f.Path]
		}
	}
	return writeStats{Stats: st, seenAt: seenAt, manifest: filestamp.Of(fi)}, nil
}

// A writer holds the state of one call to Write.
type writer struct {
	dir  string   // as given
	dest string   // dir, clean and slash-separated, for messages
	root *os.Root // dir, or nil while it does not exist

	oldList  []string        // the old manifest's paths, sorted
	old      map[string]bool // the same, as a set
	oldBytes []byte          // the old manifest's contents, nil if there was none
	reads    sync.Pool       // of *bytes.Buffer, to read files found into

	seen     map[string]seen // unless steady: what the Writer saw last time, by path, or nil
	seenAt   []seen          // when steady: the same, in the files' order
	manifest filestamp.Stamp // of the manifest as found, zero if there is none
	trust    bool            // seen holds for files whose Key or bytes are the same
	seed     maphash.Seed
	kept     atomic.Int64 // bytes made while planning and kept for writing

	// steady is set when the files have the paths of the Writer's last Write,
	// whose manifest is unchanged: oldList and old are then the files' paths,
	// oldBytes is nil, seen and seenAt are updated in place, nothing is
	// stale, and the files are planned in the order given rather than
	// sorted.
	steady bool
}

// maxKept bounds the bytes that Make made while planning that a Write keeps for
// writing; past it, Make is called again to write.
const maxKept = 64 << 20

// keep reports whether n more bytes made while planning may be kept.
func (w *writer) keep(n int) bool {
	if w.kept.Add(int64(n)) <= maxKept {
		return true
	}
	w.kept.Add(-int64(n))
	return false
}

// lstat is w.root.Lstat(p) for paths whose parents the planner found to be real
// directories, where the path needs no checking as it goes down: a single system call.
func (w *writer) lstat(p string) (fs.FileInfo, error) {
	fi, err := os.Lstat(filepath.Join(w.dir, osPath(p)))
	return fi, unwrapPath(err)
}

// show returns p joined to the destination, for messages.
func (w *writer) show(p string) string { return path.Join(w.dest, p) }

func (w *writer) errorf(p, format string, args ...any) *diag.Error {
	return diag.Errorf(w.show(p), diag.Pos{}, format, args...)
}

func (w *writer) conflict(p, format string, args ...any) error {
	return w.errorf(p, format, args...).WithHint(conflictHint)
}

// ioErr reports err, met while doing op on p.
func (w *writer) ioErr(op, p string, err error) error {
	return w.errorf(p, "%s: %w", op, unwrapPath(err))
}

// unwrapPath strips the operation and path an *fs.PathError or *os.LinkError adds,
// which name the file relative to the destination and would repeat what diag says.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// osPath converts the slash path p to the operating system's form.
func osPath(p string) string { return filepath.FromSlash(p) }

// checkPath returns why p may not name a file in the destination, or "".
func checkPath(p string) string {
	switch {
	case p == "":
		return "is empty"
	case strings.ContainsAny(p, "\x00\n"):
		return "contains a NUL byte or a newline"
	case strings.HasPrefix(p, "/"):
		return "is absolute; it must be relative to the destination"
	case path.Clean(p) != p:
		return "is not clean; write it as " + strconv.Quote(path.Clean(p))
	case p == ".":
		return "names the destination itself"
	case p == ".." || strings.HasPrefix(p, "../"):
		return "has a .. element"
	case filepath.Separator != '/' && strings.ContainsRune(p, filepath.Separator):
		return "contains " + strconv.QuoteRune(filepath.Separator) + "; separate elements with /"
	case !filepath.IsLocal(osPath(p)):
		return "is not a local path on this system"
	case p == ManifestName:
		return "is the name of faqcast's manifest"
	case strings.HasPrefix(path.Base(p), tmpPrefix):
		return "starts with " + strconv.Quote(tmpPrefix) + ", which faqcast keeps for temporary files"
	}
	return ""
}

// validate checks files' paths and returns files sorted by path.
func (w *writer) validate(files []File) ([]File, error) {
	sorted := slices.Clone(files)
	if !slices.IsSortedFunc(sorted, func(a, b File) int { return cmp.Compare(a.Path, b.Path) }) {
		slices.SortStableFunc(sorted, func(a, b File) int { return cmp.Compare(a.Path, b.Path) })
	}
	var errs []error
	set := make(map[string]bool, len(sorted))
	for i, f := range sorted {
		if why := checkPath(f.Path); why != "" {
			errs = append(errs, diag.Errorf(w.dest, diag.Pos{}, "output path %q %s", f.Path, why))
			continue
		}
		if i > 0 && sorted[i-1].Path == f.Path {
			if i == 1 || sorted[i-2].Path != f.Path {
				errs = append(errs, w.errorf(f.Path, "is made more than once"))
			}
			continue
		}
		set[f.Path] = true
	}
	clashed := map[string]bool{}
	for _, f := range sorted {
		if !set[f.Path] {
			continue
		}
		for d := path.Dir(f.Path); d != "."; d = path.Dir(d) {
			if set[d] && !clashed[d] {
				clashed[d] = true
				errs = append(errs, w.errorf(d, "is made as a file but is also the directory of %s", w.show(f.Path)))
			}
		}
	}
	if len(errs) > 0 {
		return nil, diag.Join(errs...)
	}
	return sorted, nil
}

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
	data  []byte   // for replace: the bytes Make made, if kept
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
	return p
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
		if f.streamed() {
			same, readErr, err := sameStream(w.root, f.Path, fi.Size(), f.Stream)
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
		read := f.Same != nil && f.Data == nil && f.Make != nil && fi.Size() <= maxKept
		buf, _ := w.reads.Get().(*bytes.Buffer)
		if buf == nil {
			buf = new(bytes.Buffer)
		}
		defer w.reads.Put(buf) // check keeps nothing it reads
		if read {
			if found, err = readFile(w.root, f.Path, fi.Size(), buf); err != nil {
				return check{err: w.ioErr("reading", f.Path, err)}
			}
			if f.Same(found) {
				return check{act: unchanged, seen: &now}
			}
		}
		data, err := f.bytes()
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

// readFile returns the bytes of the regular file name, whose size was size
// when looked at, up to maxKept+1 of them, read into buf.
func readFile(root *os.Root, name string, size int64, buf *bytes.Buffer) ([]byte, error) {
	f, err := root.Open(osPath(name))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf.Reset()
	buf.Grow(int(size) + bytes.MinRead)
	_, err = buf.ReadFrom(io.LimitReader(f, maxKept+1))
	return buf.Bytes(), err
}

// sameContent reports whether the regular file name, of the given size, holds
// data. It reads the file in pieces of up to 64 KiB, into buf.
func sameContent(root *os.Root, name string, size int64, data []byte, buf *bytes.Buffer) (bool, error) {
	if size != int64(len(data)) {
		return false, nil
	}
	f, err := root.Open(osPath(name))
	if err != nil {
		return false, err
	}
	defer f.Close()
	n := min(max(len(data), 512), 64<<10)
	buf.Reset()
	buf.Grow(n)
	piece := buf.AvailableBuffer()[:n]
	off := 0
	for {
		n, err := f.Read(piece)
		if n > 0 {
			if off+n > len(data) || !bytes.Equal(piece[:n], data[off:off+n]) {
				return false, nil
			}
			off += n
		}
		if err == io.EOF {
			return off == len(data), nil
		}
		if err != nil {
			return false, err
		}
	}
}

// sameStream reports whether the regular file name, of the given size, holds
// the bytes stream writes. It reads the file as stream writes, and stops stream
// at the first difference. readErr is an error reading the file; err, one of
// stream's own.
func sameStream(root *os.Root, name string, size int64, stream func(io.Writer) error) (same bool, readErr, err error) {
	f, err := root.Open(osPath(name))
	if err != nil {
		return false, err, nil
	}
	defer f.Close()
	c := &comparer{r: bufio.NewReaderSize(f, 64<<10), left: size}
	err = stream(c)
	switch {
	case c.readErr != nil:
		return false, c.readErr, nil
	case c.differ:
		return false, nil, nil
	case err != nil:
		return false, nil, err
	}
	return c.left == 0, nil, nil
}

// A comparer is a Writer that compares what is written to it with what it reads
// from r, left bytes long. It fails a Write, setting differ, at the first
// difference.
type comparer struct {
	r       *bufio.Reader
	left    int64
	differ  bool
	readErr error
}

// errDiffer stops a stream that a comparer found to differ.
var errDiffer = errors.New("differs from the file found")

func (c *comparer) Write(p []byte) (int, error) {
	if c.differ || c.readErr != nil {
		return 0, errDiffer
	}
	if int64(len(p)) > c.left {
		c.differ = true
		return 0, errDiffer
	}
	for done := 0; done < len(p); {
		// Compared in r's buffer, a piece at most its size at a time.
		found, err := c.r.Peek(min(len(p)-done, c.r.Size()))
		if err != nil {
			if err == io.EOF || err == io.ErrUnexpectedEOF {
				c.differ = true // shorter than its size said: changed as we read
			} else {
				c.readErr = err
			}
			return done, errDiffer
		}
		if !bytes.Equal(found, p[done:done+len(found)]) {
			c.differ = true
			return done, errDiffer
		}
		c.r.Discard(len(found))
		done += len(found)
	}
	c.left -= int64(len(p))
	return len(p), nil
}

// execute carries out p.
func (w *writer) execute(ctx context.Context, p *plan) (Stats, error) {
	var st Stats
	for _, a := range p.actions {
		if a == unchanged {
			st.Unchanged++
		}
	}
	if err := ctx.Err(); err != nil {
		return st, err
	}
	if w.root == nil {
		if err := os.MkdirAll(w.dir, 0o755); err != nil {
			return st, diag.Errorf(w.dest, diag.Pos{}, "cannot create destination: %w", unwrapPath(err))
		}
		root, err := os.OpenRoot(w.dir)
		if err != nil {
			return st, diag.Errorf(w.dest, diag.Pos{}, "cannot open destination: %w", unwrapPath(err))
		}
		defer root.Close()
		w.root = root
	}
	current := w.oldBytes

	// List everything this run may make before making it.
	if !w.steady && !isSubset(p.newList, w.old) {
		union := slices.Clone(w.oldList)
		for _, f := range p.newList {
			if !w.old[f] {
				union = append(union, f)
			}
		}
		slices.Sort(union)
		b := manifest(union)
		if err := writeAtomic(w.root, ManifestName, b); err != nil {
			return st, w.ioErr("writing manifest", ManifestName, err)
		}
		current = b
	}
	if err := ctx.Err(); err != nil {
		return st, err
	}

	// Clear the way.
	for _, b := range p.blockers {
		if err := w.root.Remove(osPath(b)); err != nil {
			if isGone(err) {
				continue
			}
			return st, w.ioErr("removing", b, err)
		}
		st.Removed++
	}
	for _, c := range p.clear {
		if err := w.root.Remove(osPath(c)); err != nil && !isGone(err) {
			return st, w.ioErr("removing", c, err)
		}
	}
	st.Removed += p.clearOld
	for _, d := range p.dirs {
		if err := w.root.Remove(osPath(d)); err != nil && !isGone(err) {
			return st, w.ioErr("removing", d, err)
		}
	}
	for _, d := range p.tidy {
		if err := w.removeLeftovers(d); err != nil {
			return st, err
		}
	}
	for _, d := range p.mkdirs {
		if err := w.root.Mkdir(osPath(d), 0o755); err != nil {
			fi, lerr := w.root.Lstat(osPath(d))
			if !errors.Is(err, fs.ErrExist) || lerr != nil || !fi.IsDir() {
				return st, w.ioErr("creating directory", d, err)
			}
		}
	}

	// Write.
	var todo []int
	for i, a := range p.actions {
		if a != unchanged {
			todo = append(todo, i)
		}
	}
	var written atomic.Int64
	wrote := make([]*seen, len(todo))
	// Files are written by folder, each folder opened once for a group of
	// them: a file is then created, renamed and looked at by its name in
	// the open folder rather than by walking its path from the root.
	groups := byFolder(p.files, todo, writeGroup)
	err := forEach(ctx, len(groups), func(g int) error {
		group := groups[g]
		dir := path.Dir(p.files[todo[group[0]]].Path)
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
			if f.streamed() {
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
			written.Add(1)
		}
		return nil
	})
	st.Written = int(written.Load())
	for k, s := range wrote {
		if s != nil {
			p.see(todo[k], p.files[todo[k]].Path, *s)
		}
	}
	if err != nil {
		return st, err
	}

	// Remove what this build no longer makes.
	if err := ctx.Err(); err != nil {
		return st, err
	}
	emptied := map[string]bool{}
	for _, s := range p.stale {
		fi, err := w.root.Lstat(osPath(s))
		switch {
		case isGone(err):
			continue
		case err != nil:
			return st, w.ioErr("checking", s, err)
		case fi.IsDir():
			continue // not what faqcast made any more
		}
		if err := w.root.Remove(osPath(s)); err != nil {
			if isGone(err) {
				continue
			}
			return st, w.ioErr("removing", s, err)
		}
		st.Removed++
		for d := path.Dir(s); d != "."; d = path.Dir(d) {
			emptied[d] = true
		}
	}
	if err := w.removeEmptyDirs(emptied, p.needDir); err != nil {
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

// removeLeftovers removes the temporary files interrupted runs left in d.
func (w *writer) removeLeftovers(d string) error {
	entries, err := readDir(w.root, d)
	if err != nil {
		return w.ioErr("reading", d, err)
	}
	for _, e := range entries {
		if !isLeftover(e) {
			continue
		}
		p := path.Join(d, e.Name())
		if err := w.root.Remove(osPath(p)); err != nil && !isGone(err) {
			return w.ioErr("removing", p, err)
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

// writeAtomic writes data to a new temporary file next to name, sets its mode to 0644
// and renames it to name. On error it removes the temporary file.
func writeAtomic(root *os.Root, name string, data []byte) error {
	return writeAtomicFunc(root, name, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// writeAtomicFunc is [writeAtomic] of the bytes write writes to the file.
func writeAtomicFunc(root *os.Root, name string, write func(w io.Writer) error) (err error) {
	dir := path.Dir(name)
	var f *os.File
	var tmp string
	for try := 0; ; try++ {
		tmp = osPath(path.Join(dir, tmpPrefix+strconv.FormatUint(rand.Uint64(), 36)))
		f, err = root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			break
		}
		if !errors.Is(err, fs.ErrExist) || try == 9 {
			return err
		}
	}
	defer func() {
		if err != nil {
			root.Remove(tmp)
		}
	}()
	err = write(f)
	if err == nil {
		err = f.Chmod(0o644)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return root.Rename(tmp, osPath(name))
}

// writeBytes writes f's bytes to name in the folder r with writeAtomic, and
// returns their maphash if f has no Key. Its error names f.
func (w *writer) writeBytes(r *os.Root, name string, f File) (uint64, error) {
	data, err := f.bytes()
	if err != nil {
		return 0, w.errorf(f.Path, "%w", err)
	}
	if err := writeAtomic(r, name, data); err != nil {
		return 0, w.ioErr("writing", f.Path, err)
	}
	if f.Key != "" {
		return 0, nil
	}
	return maphash.Bytes(w.seed, data), nil
}

// writeStream writes f, given by Stream, to name in the folder r, as
// writeAtomic does, through a buffer of streamBuffer bytes, and returns the
// maphash of its bytes if f has no Key. Its error names f: Stream's own
// errors as a file's, the file system's as an I/O error.
func (w *writer) writeStream(r *os.Root, name string, f File) (uint64, error) {
	var h maphash.Hash
	h.SetSeed(w.seed)
	var streamErr error
	err := writeAtomicFunc(r, name, func(file io.Writer) error {
		out := &writeErr{w: file}
		buf := bufio.NewWriterSize(out, streamBuffer)
		var to io.Writer = buf
		if f.Key == "" {
			to = io.MultiWriter(buf, &h)
		}
		if err := f.Stream(to); err != nil {
			if out.err != nil {
				return out.err
			}
			streamErr = err
			return err
		}
		return buf.Flush()
	})
	switch {
	case streamErr != nil:
		return 0, w.errorf(f.Path, "%w", streamErr)
	case err != nil:
		return 0, w.ioErr("writing", f.Path, err)
	}
	if f.Key != "" {
		return 0, nil
	}
	return h.Sum64(), nil
}

// streamBuffer is the size of the buffer a streamed file is written through.
const streamBuffer = 256 << 10

// A writeErr is a Writer that records the first error of w.
type writeErr struct {
	w   io.Writer
	err error
}

func (e *writeErr) Write(p []byte) (int, error) {
	n, err := e.w.Write(p)
	if err != nil && e.err == nil {
		e.err = err
	}
	return n, err
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
