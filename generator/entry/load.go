package entry

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/faqcast/faqcast/internal/diag"
	"github.com/faqcast/faqcast/internal/filestamp"
	"github.com/faqcast/faqcast/internal/parallel"
	"github.com/faqcast/faqcast/internal/wholefile"
)

// A Loader loads the entries of a content folder. It remembers what it
// parsed, so loading again reparses only the files whose bytes changed,
// and reads only the files whose [filestamp.Stamp] changed or that changed in
// the last [filestamp.Settle]. The zero Loader is ready to use; a Loader is
// safe for one Load at a time.
type Loader struct {
	mu      sync.Mutex
	cache   map[string]*Entry          // by Rel; reused while Hash matches
	stamps  map[string]filestamp.Stamp // by Rel, of the files in cache
	listing listing                    // what the last Load listed
	content *Content                   // what the last Load found, if it found no problems
	// Parsed counts the files the last Load parsed (not taken from cache).
	Parsed int
}

// Content is what [Loader.Load] found.
type Content struct {
	// Entries holds the entries that parsed, sorted by Rel.
	Entries []*Entry
	// Failed holds the Rel of every entry file that did not parse.
	Failed []string
}

// IsEntryFile reports whether a file name is one faqcast reads as an entry.
func IsEntryFile(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return (ext == ".md" || ext == ".markdown") && !strings.HasPrefix(name, ".")
}

// Load reads every entry file below dir. display is how dir is named in
// diagnostics. Files and folders whose names start with "." are skipped, and
// so are files that are not Markdown (such as an entry's images). Symbolic
// links to files are followed; links to folders are reported, not followed.
// Entry files that are not regular files, such as named pipes, are reported
// without being opened. Files are read and parsed in parallel. Every problem
// is returned, together, alongside the entries that did parse.
func (l *Loader) Load(ctx context.Context, dir, display string) (*Content, error) {
	return l.load(ctx, dir, display, nil)
}

// Reload is Load after a change to the paths in changed (such as a file
// watcher reports), the only files that may have changed since the last
// Load of dir: the others are taken as they were, without looking at them.
// When the last Load found symbolic links or problems while listing the
// folder, or a changed path is a folder, Reload lists and looks at every
// file as Load does.
func (l *Loader) Reload(ctx context.Context, dir, display string, changed []string) (*Content, error) {
	if changed == nil {
		changed = []string{}
	}
	return l.load(ctx, dir, display, changed)
}

// listing is what a Load found listing a content folder.
type listing struct {
	dir, display string
	files        []string // Rel paths, sorted
	clean        bool     // no problems and no symbolic links
}

// fromChanges returns the files of the content folder after the changes,
// and the changed ones, or ok false if the folder must be listed again.
func (l *Loader) fromChanges(dir, display string, changed []string) (files []string, touched map[string]bool, ok bool) {
	last := l.listing
	if !last.clean || last.dir != dir || last.display != display {
		return nil, nil, false
	}
	var added, removed []string
	touched = map[string]bool{}
	for _, p := range changed {
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return nil, nil, false
		}
		rel = filepath.ToSlash(rel)
		if rel == ".." || strings.HasPrefix(rel, "../") {
			continue // not in the content folder
		}
		if rel == "." {
			return nil, nil, false
		}
		if slices.ContainsFunc(strings.Split(rel, "/"), func(e string) bool { return strings.HasPrefix(e, ".") }) {
			continue // hidden
		}
		fi, err := os.Lstat(p)
		_, listed := slices.BinarySearch(last.files, rel)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			if listed {
				removed = append(removed, rel)
			}
		case err != nil || fi.IsDir() || fi.Mode()&fs.ModeSymlink != 0:
			return nil, nil, false
		case IsEntryFile(path.Base(rel)):
			touched[rel] = true
			if !listed {
				added = append(added, rel)
			}
		}
	}
	if len(added) == 0 && len(removed) == 0 {
		return last.files, touched, true
	}
	set := make(map[string]bool, len(last.files)+len(added))
	for _, f := range last.files {
		set[f] = true
	}
	for _, f := range removed {
		delete(set, f)
	}
	for _, f := range added {
		set[f] = true
	}
	return slices.Sorted(maps.Keys(set)), touched, true
}

func (l *Loader) load(ctx context.Context, dir, display string, changed []string) (*Content, error) {
	var errs []error
	var files []string // Rel paths
	info, err := os.Stat(dir)
	if err != nil || !info.IsDir() {
		return &Content{}, diag.Errorf(display, diag.Pos{}, "no content folder").
			WithHint("create it and add entries with 'faqcast new \"Question?\"'")
	}
	l.mu.Lock()
	var touched map[string]bool // with changes: the files that changed
	listed := false
	if changed != nil {
		files, touched, listed = l.fromChanges(dir, display, changed)
	}
	l.mu.Unlock()
	links := false
	if !listed {
		touched = nil
		err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			rel, _ := filepath.Rel(dir, p)
			rel = filepath.ToSlash(rel)
			where := path.Join(display, rel)
			if err != nil {
				errs = append(errs, diag.Errorf(where, diag.Pos{}, "cannot read: %w", unwrapPath(err)).
					WithHint("check that its permissions let you read it"))
				return nil
			}
			if rel == "." {
				return nil
			}
			if strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				links = true
				target, err := os.Stat(p)
				switch {
				case err != nil && IsEntryFile(d.Name()):
					errs = append(errs, diag.Errorf(where, diag.Pos{Line: 1, Col: 1}, "cannot follow symbolic link: %w", unwrapPath(err)).
						WithHint("fix or remove the link"))
					return nil
				case err != nil:
					// Not an entry: a broken link matters only if an entry uses
					// it, which reports it then.
					return nil
				case target.IsDir():
					errs = append(errs, diag.Errorf(where, diag.Pos{}, "symbolic link to a folder is not followed").
						WithHint("move the entries into the content folder, or link each file"))
					return nil
				}
			}
			if !d.IsDir() && IsEntryFile(d.Name()) {
				files = append(files, rel)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, diag.Errorf(display, diag.Pos{}, "cannot read content: %w", err).
				WithHint("check that the folder's permissions let you read it"))
		}
	}
	clean := len(errs) == 0 && !links
	if listed {
		clean = true // as the last listing was
	}

	l.mu.Lock()
	defer l.mu.Unlock()
	if l.cache == nil {
		l.cache = map[string]*Entry{}
	}
	now := time.Now() // only to tell settled files, never for output
	// one loads the entry file rel, taking the cached entry while it is
	// unchanged.
	one := func(rel string) (e *Entry, st filestamp.Stamp, fresh bool, err error) {
		where := path.Join(display, rel)
		name := filepath.Join(dir, filepath.FromSlash(rel))
		old := l.cache[rel] // the entry last loaded from the file, if any
		if old != nil && old.Path != where {
			old = nil
		}
		if old != nil && touched != nil && !touched[rel] {
			return old, l.stamps[rel], false, nil // unchanged, as the caller says
		}
		if old != nil {
			if info, err := os.Stat(name); err == nil && info.Mode().IsRegular() {
				if st := filestamp.Of(info); l.stamps[rel] == st && st.Settled(now) {
					return old, st, false, nil
				}
			}
		}
		data, st, rerr := readFile(name, where)
		if rerr != nil {
			return nil, st, false, rerr
		}
		if old != nil {
			if sum := sha256.Sum256(data); old.Hash == hex.EncodeToString(sum[:]) {
				return old, st, false, nil
			}
		}
		e, err = Parse(where, rel, data)
		return e, st, true, err
	}

	// A few changed files of the same listing, after a load without
	// problems: the last content, with those entries loaded again.
	if last := l.content; listed && len(errs) == 0 && last != nil && len(last.Failed) == 0 &&
		len(last.Entries) == len(files) && 2*len(touched) <= len(files) && slices.Equal(files, l.listing.files) {
		if c, ok := l.patch(last, files, touched, one); ok {
			l.listing = listing{dir: dir, display: display, files: files, clean: clean}
			return c, nil
		}
	}

	entries := make([]*Entry, len(files))
	fileErrs := make([]error, len(files))
	fresh := make([]bool, len(files))
	stamps := make([]filestamp.Stamp, len(files))
	err = parallel.For(ctx, len(files), func(i int) {
		entries[i], stamps[i], fresh[i], fileErrs[i] = one(files[i])
	})
	if err != nil {
		return nil, err
	}

	c := &Content{}
	next := make(map[string]*Entry, len(files))
	nextStamps := make(map[string]filestamp.Stamp, len(files))
	l.Parsed = 0
	for i, rel := range files {
		if fresh[i] {
			l.Parsed++
		}
		if fileErrs[i] != nil {
			errs = append(errs, fileErrs[i])
			c.Failed = append(c.Failed, rel)
			continue
		}
		c.Entries = append(c.Entries, entries[i])
		next[rel] = entries[i]
		nextStamps[rel] = stamps[i]
	}
	l.cache, l.stamps = next, nextStamps
	l.listing = listing{dir: dir, display: display, files: files, clean: clean}
	slices.SortFunc(c.Entries, func(a, b *Entry) int { return strings.Compare(a.Rel, b.Rel) })
	l.content = nil
	if len(errs) == 0 {
		l.content = c
	}
	return c, diag.Join(errs...)
}

// patch returns last, the content of files, with the entries of the files
// touched loaded again by one, or ok false if one of them fails to load (a
// full load then reports it with the rest). Every file of last parsed, so
// its entries are files', in the same order.
func (l *Loader) patch(last *Content, files []string, touched map[string]bool, one func(string) (*Entry, filestamp.Stamp, bool, error)) (c *Content, ok bool) {
	entries := slices.Clone(last.Entries)
	cache, stamps := maps.Clone(l.cache), maps.Clone(l.stamps)
	parsed := 0
	for rel := range touched {
		i, found := slices.BinarySearch(files, rel)
		if !found {
			return nil, false
		}
		e, st, fresh, err := one(rel)
		if err != nil {
			return nil, false
		}
		entries[i], cache[rel], stamps[rel] = e, e, st
		if fresh {
			parsed++
		}
	}
	c = &Content{Entries: entries}
	l.cache, l.stamps, l.content, l.Parsed = cache, stamps, c, parsed
	return c, true
}

// readFile reads the entry file name, which where names in diagnostics. It
// refuses files larger than MaxSize without reading all of them, and files
// that are not regular files, such as named pipes, without waiting for a
// pipe's writer, which could be forever. It returns the file's Stamp as of
// when it was opened.
func readFile(name, where string) ([]byte, filestamp.Stamp, *diag.Error) {
	top := diag.Pos{Line: 1, Col: 1}
	data, info, err := wholefile.Read(name, nil, MaxSize)
	switch {
	case errors.Is(err, wholefile.ErrNotRegular):
		return nil, filestamp.Stamp{}, diag.Errorf(where, top, "not a regular file").
			WithHint("entries are Markdown text files; move other things out of the content folder")
	case errors.Is(err, wholefile.ErrTooLarge):
		return nil, filestamp.Stamp{}, diag.Errorf(where, top, "file is too large (more than %d bytes)", MaxSize).
			WithHint("split the answer into several entries")
	case err != nil:
		return nil, filestamp.Stamp{}, diag.Errorf(where, top, "cannot read: %w", unwrapPath(err)).
			WithHint("check that the file's permissions let you read it")
	}
	return data, info.Stamp, nil
}

// unwrapPath drops the *fs.PathError wrapper, whose path the diagnostic
// already names.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
