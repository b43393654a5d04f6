package entry

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/faqcast/faqcast/generator/diag"
)

// A Loader loads the entries of a content folder. It remembers what it
// parsed, so loading again reparses only the files whose bytes changed.
// The zero Loader is ready to use; a Loader is safe for one Load at a time.
type Loader struct {
	mu    sync.Mutex
	cache map[string]*Entry // by Rel; reused while Hash matches
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
// Files are read and parsed in parallel. Every problem is returned, together,
// alongside the entries that did parse.
func (l *Loader) Load(ctx context.Context, dir, display string) (*Content, error) {
	var errs []error
	var files []string // Rel paths
	info, err := os.Stat(dir)
	if err != nil || !info.IsDir() {
		return &Content{}, diag.Errorf(display, diag.Pos{}, "no content folder").
			WithHint("create it and add entries with 'faqcast new \"Question?\"'")
	}
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		where := path.Join(display, rel)
		if err != nil {
			errs = append(errs, diag.Errorf(where, diag.Pos{}, "cannot read: %w", unwrapPath(err)))
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
			target, err := os.Stat(p)
			switch {
			case err != nil:
				errs = append(errs, diag.Errorf(where, diag.Pos{}, "cannot follow symbolic link: %w", unwrapPath(err)).
					WithHint("fix or remove the link"))
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
		errs = append(errs, diag.Errorf(display, diag.Pos{}, "cannot read content: %w", err))
	}

	l.mu.Lock()
	defer l.mu.Unlock()
	if l.cache == nil {
		l.cache = map[string]*Entry{}
	}
	entries := make([]*Entry, len(files))
	fileErrs := make([]error, len(files))
	fresh := make([]bool, len(files))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range jobs {
				rel := files[i]
				where := path.Join(display, rel)
				data, err := readFile(filepath.Join(dir, filepath.FromSlash(rel)))
				if err != nil {
					fileErrs[i] = diag.Errorf(where, diag.Pos{Line: 1, Col: 1}, "%w", err).
						WithHint("entries are Markdown text files of at most %d bytes; move other files out of the content folder", MaxSize)
					continue
				}
				sum := sha256.Sum256(data)
				if old := l.cache[rel]; old != nil && old.Hash == hex.EncodeToString(sum[:]) && old.Path == where {
					entries[i] = old
					continue
				}
				entries[i], fileErrs[i] = Parse(where, rel, data)
				fresh[i] = true
			}
		})
	}
feed:
	for i := range files {
		select {
		case jobs <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	c := &Content{}
	next := make(map[string]*Entry, len(files))
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
	}
	l.cache = next
	slices.SortFunc(c.Entries, func(a, b *Entry) int { return strings.Compare(a.Rel, b.Rel) })
	return c, diag.Join(errs...)
}

// readFile reads an entry file, refusing one larger than MaxSize without
// reading all of it.
func readFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", unwrapPath(err))
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil {
		return nil, fmt.Errorf("cannot read: %w", unwrapPath(err))
	} else if !info.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", unwrapPath(err))
	}
	if len(data) > MaxSize {
		return nil, fmt.Errorf("file is too large (more than %d bytes)", MaxSize)
	}
	return data, nil
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
