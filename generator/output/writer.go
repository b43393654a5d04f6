package output

import (
	"cmp"
	"errors"
	"hash/maphash"
	"io/fs"
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
)

// A writer holds the state of one call to Write.
type writer struct {
	maker Maker // makes the files given without Data
	sweep bool  // remove leftover temporary files everywhere below dir

	together  map[string]bool // folders whose files are replaced together
	unitFiles map[string]int  // by such folder: how many files this Write puts in it
	dir       string          // as given
	dest      string          // dir, clean and slash-separated, for messages
	root      *os.Root        // dir, or nil while it does not exist
	// hidden is set while a Write makes dir, which did not exist, under
	// a temporary name beside it (see [writer.makeHidden]): no reader
	// sees any of it until it is whole, and its folders are made in place.
	hidden bool

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

// maxKept bounds the bytes that the Maker made while planning that a Write keeps
// for writing; past it, the Maker makes them again to write.
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

// ioErr reports err, met while doing op on p, with a hint if the file
// system's error has a usual cure.
func (w *writer) ioErr(op, p string, err error) error {
	err = unwrapPath(err)
	return w.errorf(p, "%s: %w", op, err).WithHint("%s", ioHint(err, ""))
}

// destErr reports err, met while doing op on the destination folder itself,
// always with a hint.
func (w *writer) destErr(op string, err error) error {
	err = unwrapPath(err)
	hint := ioHint(err, destHint)
	if fi, serr := os.Stat(w.dir); serr == nil && !fi.IsDir() {
		hint = notDirHint // os.OpenRoot's error for a file is not ENOTDIR
	}
	return diag.Errorf(w.dest, diag.Pos{}, "%s: %w", op, err).WithHint("%s", hint)
}

// ioHint returns how to cure err, a file system's error met while writing the
// destination, or else otherwise.
func ioHint(err error, otherwise string) string {
	switch {
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return spaceHint
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EROFS):
		return permissionHint
	case errors.Is(err, fs.ErrExist):
		return conflictHint
	case errors.Is(err, syscall.ENOTDIR):
		return notDirHint
	case errors.Is(err, errMadeMeanwhile):
		return "build again"
	}
	return otherwise
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
	for _, f := range sorted {
		if !set[f.Path] {
			continue
		}
		if len(w.together) == 0 || w.unitOf(f.Path) != "" {
			continue
		}
		for d := path.Dir(path.Dir(f.Path)); d != "."; d = path.Dir(d) {
			if w.together[d] {
				errs = append(errs, w.errorf(f.Path, "is below %s, a folder written together, but not in it", w.show(d)))
				break
			}
		}
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
