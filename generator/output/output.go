// Package output writes a build's files into its destination directory: atomically, only
// what changed, and removing what an earlier build made and this one no longer does.
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
	"path/filepath"
	"slices"

	"github.com/faqcast/faqcast/internal/diag"
	"github.com/faqcast/faqcast/internal/filestamp"
)

// A File is one file of a build. Path is slash-separated and relative to the destination.
type File struct {
	Path string
	// Data holds the file's bytes; nil means an empty file, or, given a [Maker], a file
	// the Maker makes when Write needs its bytes: to write it or to compare it with what
	// is there. Write does not keep them after.
	Data []byte
	// Key, when set, names the bytes: files of the same Path and Key hold the same
	// bytes. A [Writer] that wrote or found the file with its Key, and finds it on disk
	// as it left it (its [filestamp.Stamp] the same), does not look at the bytes again.
	Key string
	// Large marks a file without Data whose bytes the Maker streams (see
	// [Maker.Stream]). Write never holds such a file's bytes: it streams them into the
	// temporary file it writes, or compares them with a file it finds as they come. It
	// is for files too large to hold, such as a large site's posts.json.
	Large bool
}

// A Maker makes the bytes of the files a build gives Write without Data, when
// Write needs them, so that a build need not make what is already on disk: pages
// not rendered again, share cards not drawn again.
type Maker interface {
	// Make returns the bytes of f, a file without Data that is not Large.
	Make(f *File) ([]byte, error)
	// Stream writes the bytes of f, a Large file, to w, and returns the first
	// error w returns, or its own.
	Stream(f *File, w io.Writer) error
	// Same reports whether found, the bytes of the regular file at f's path, are
	// those Make would make of f. Write then takes the file as it is, without
	// making it, even if an earlier process wrote it: bytes that record what they
	// were made from, as faqcast's share cards do, can tell. A Maker that cannot
	// tell returns false.
	Same(f *File, found []byte) bool
}

// A Releaser is a [Maker] that takes back bytes its Make made once Write
// has written them, to reuse their memory: a build that writes 20,000
// share cards read from a cache need not allocate each anew. Write hands
// back only bytes it keeps no reference to, and need not hand back all.
type Releaser interface {
	Release(f *File, data []byte)
}

// A Linker is a [Maker] that can name a file on disk that already holds the
// bytes of a file it makes, such as an entry of a cache, for Write to link
// into the destination (a hard link) rather than write the same bytes
// again: creating a file costs a file system many times what linking one
// does. Write links only into folders it makes whole, and writes the bytes
// when the link cannot be made (the file is on another file system, say)
// or the linked file is not a regular file of mode 0644.
//
// The destination's file and the Linker's are then the same file, so
// neither may be written in place later; Write never does, as it replaces
// a file by renaming a new one over it.
type Linker interface {
	// Link returns the bytes of f, a file without Data that is not Large,
	// as Make does, and the path of a file holding exactly them, or "".
	// With a path, and for f with a Key, it may return no bytes, having
	// checked the file's before: Write then calls Make for them if it
	// cannot link the file.
	Link(f *File) (src string, data []byte, err error)
}

// source returns f's bytes, and the path of a file holding them to link
// when the Maker is a [Linker] that names one; the bytes may then be nil
// if f has a Key.
func (w *writer) source(f *File) (src string, data []byte, err error) {
	if l, ok := w.maker.(Linker); ok && w.made(f) && !f.Large {
		src, data, err = l.Link(f)
		if err == nil && data == nil && (src == "" || f.Key == "") {
			data, err = w.bytes(f)
		}
		return src, data, err
	}
	data, err = w.bytes(f)
	return "", data, err
}

// release hands data, made by the Maker for f and now written, back to
// it, if it takes them back.
func (w *writer) release(f *File, data []byte) {
	if r, ok := w.maker.(Releaser); ok && w.made(f) && !f.Large {
		r.Release(f, data)
	}
}

// made reports whether f's bytes come from the Maker.
func (w *writer) made(f *File) bool { return f.Data == nil && w.maker != nil }

// streamed reports whether f's bytes come from the Maker's Stream.
func (w *writer) streamed(f *File) bool { return w.made(f) && f.Large }

// bytes returns f's bytes: its Data, or else made by the Maker.
func (w *writer) bytes(f *File) ([]byte, error) {
	switch {
	case !w.made(f):
		return f.Data, nil
	case !f.Large:
		return w.maker.Make(f)
	}
	var b bytes.Buffer
	err := w.maker.Stream(f, &b)
	return b.Bytes(), err
}

// Stats counts what Write did.
type Stats struct {
	Written   int // created or replaced
	Unchanged int // already held the same bytes
	Removed   int // made by an earlier build, gone from this one
}

const (
	tmpPrefix = ".faqcast-tmp-"

	conflictHint   = "remove it, or build into another --dest"
	spaceHint      = "free space on the disk that holds the destination, or build into another --dest on a disk with room"
	permissionHint = "build into a folder this user may write, with --dest, or let this user write to this one"
	notDirHint     = "build into a folder, not a file: name one with --dest"
	destHint       = "build into another --dest"
	manifestHint   = "delete it and remove stale files by hand"
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
//   - creates dir's parents if they do not exist, and, if dir does not exist, makes it
//     under a temporary name beside it and writes everything below into that, to
//     rename it to dir once all is written, or remove it on an error, so that a
//     reader finds no dir or a whole one (folders made new below it are then made in
//     place, not renamed); a leftover of a Write killed while it made dir is removed
//     an hour after it last changed;
//   - when files holds paths the old manifest does not list, rewrites the manifest to list
//     both, so that an interrupted Write never leaves a file it made unlisted;
//   - removes faqcast's own entries that are in the way, and leftover ".faqcast-tmp-" files
//     in existing directories it is about to write to, or, in a Writer's first Write, in
//     every directory below dir, whatever stopped the write that left them;
//   - creates the missing directories (mode 0755 before umask), each once; a new
//     directory that holds no other new one (and is not written together) is made
//     under a temporary name beside its place, its files are written straight into
//     it (or linked, where m is a [Linker] that names a file holding their bytes),
//     and it is renamed into place once they all are, so that a reader finds it
//     whole or not at all;
//   - writes each other file that is missing or holds other bytes to a temporary file in the same
//     directory, sets its mode to 0644 and renames it over the target, so that a reader sees
//     the old file or the new one, whole, never a mix. Files already holding their bytes are
//     not touched, so they keep their modification times. Files are written concurrently, by
//     up to one goroutine per core; a file the Maker makes is made by the goroutine that
//     writes it, and its bytes are dropped once written. Nothing is synced to stable
//     storage;
//   - removes the files the old manifest lists that files no longer holds, unless they are
//     already gone, are now directories, or lie below anything but real directories; then
//     the directories this left empty, deepest first, but never dir itself and never one
//     that still holds anything;
//   - replaces each folder written together (see [Writer.Together]) whose files changed
//     or went, with all of its files, in one step;
//   - last, writes the new manifest, listing the paths of files sorted, in the same atomic
//     way, unless it already holds exactly those bytes and nothing else changed.
//
// A file m makes whose path holds a regular file is made while checking, to compare it,
// unless m's Same reports that the file found (read if no larger than 64 MiB) holds what
// m would make; an error from m is reported then, naming the file, and nothing is
// changed. A file that must be written is made again when written unless its bytes, with
// those of the others made while checking, fit in 64 MiB. A Large file is never held:
// where a regular file is found at its path, it is streamed while checking and compared
// with that file as its bytes come (an error from m's Stream is reported then, and
// nothing is changed), and it is streamed again to be written. m may be nil when every
// file has its Data.
//
// The outcome depends only on files and on what is in dir, not on the order of files.
//
// If ctx is done, Write stops starting new work and returns ctx.Err(). An error or
// cancellation during the writing steps may leave some files new and some old, but each
// file whole and every file faqcast made listed in the manifest; temporary files Write
// made are removed. Stats counts what was done up to that point.
func Write(ctx context.Context, dir string, files []File, m Maker) (Stats, error) {
	return (&Writer{Dir: dir}).Write(ctx, files, m)
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
	Dir string
	// Together lists folders below Dir, as slash-separated paths, whose
	// files a Write replaces together: when it changes any of a folder's
	// files, or removes one, it writes all of them into a new folder
	// beside it, after every other file, and puts that folder in the old
	// one's place in one step (on Linux and macOS, by exchanging the two;
	// elsewhere, by moving the old one aside first, so that for a moment
	// there is none), then removes the old one. A reader of the folder thus finds
	// the files of one Write, never some of one and some of another, even
	// when a Write is killed. Files must be in such a folder itself, not
	// below it. Files that did not change are linked into the new folder,
	// not copied.
	Together []string
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
func (w *Writer) Write(ctx context.Context, files []File, m Maker) (Stats, error) {
	if w.seenAt == nil {
		w.seed = maphash.MakeSeed()
	}
	oldAt := w.seenAt
	w.seenAt = nil // until this Write has succeeded
	prev := w.order
	w.order = order{}
	st, err := writeFiles(ctx, w.Dir, w.Together, files, m, oldAt, w.manifest, w.seed, &prev)
	if errors.Is(err, errMadeMeanwhile) {
		// Into the folder another build made meanwhile, as into any.
		st, err = writeFiles(ctx, w.Dir, w.Together, files, m, oldAt, w.manifest, w.seed, &prev)
	}
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
func writeFiles(ctx context.Context, dir string, together []string, files []File, m Maker, oldAt []seen, manifest filestamp.Stamp, seed maphash.Seed, ord *order) (writeStats, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	if err := ctx.Err(); err != nil {
		return writeStats{}, err
	}
	if dir == "" {
		return writeStats{}, errors.New("output: no destination directory")
	}
	w := &writer{dir: dir, dest: filepath.ToSlash(filepath.Clean(dir)), seed: seed, maker: m}
	if len(together) > 0 {
		w.together, w.unitFiles = make(map[string]bool, len(together)), map[string]int{}
		for _, d := range together {
			if why := checkTogether(d); why != "" {
				return writeStats{}, diag.Errorf(w.dest, diag.Pos{}, "folder written together %q %s", d, why)
			}
			w.together[d] = true
		}
		for _, f := range files {
			if u := w.unitOf(f.Path); u != "" {
				w.unitFiles[u]++
			}
		}
	}
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
		return writeStats{}, w.destErr("cannot open destination", err)
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
	// A Writer's first Write removes what writes stopped midway, by a crash
	// or a kill, left behind anywhere: no temporary file survives.
	w.sweep = oldAt == nil && root != nil
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
