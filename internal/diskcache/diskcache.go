// Package diskcache keeps derived files between processes, in a folder
// shared by every faqcast run on a machine (or restored by a CI system),
// as Go's build cache keeps compiled packages.
//
// An entry is addressed by a key that is a digest of everything its bytes
// are made of, so an entry never goes stale: it is only ever the one
// right value or missing. Entries are written whole before they are named:
// on Linux as an unnamed file linked into place, elsewhere to a temporary
// file renamed into place. A reader never sees half an entry, even when a
// process is killed while writing or two processes write the same entry
// at once. A reader checks an entry before trusting it (see [Cache.Get]):
// a corrupt or truncated one is a miss. Entries not used for a while, and
// the oldest ones past a size cap, are trimmed (see [Cache.Trim]).
package diskcache

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/faqcast/faqcast/internal/wholefile"
)

// A Cache is a folder of entries.
type Cache struct {
	dir string
	// made is set when Open made the folder, until the first TrimDaily.
	made atomic.Bool
	// named is set once the system has been found unable to write an
	// entry as an unnamed file (see [wholefile.Create]).
	named atomic.Bool
	// failed holds the first error a write met since [Cache.Failed] last
	// took it.
	failed atomic.Pointer[error]
}

// Open returns the cache in dir, making the folder if it does not exist.
func Open(dir string) (*Cache, error) {
	c, err := Find(dir)
	if err != nil {
		return nil, err
	}
	_, err = os.Stat(dir)
	made := errors.Is(err, fs.ErrNotExist)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	c.made.Store(made)
	return c, nil
}

// Find returns the cache in dir as [Open] does, without making the
// folder: one that does not exist holds no entries, to [Cache.Stats],
// [Cache.Trim] and [Cache.Clean]. It is for what only looks at a cache, or
// removes from it.
func Find(dir string) (*Cache, error) {
	if dir == "" {
		return nil, errors.New("no cache folder")
	}
	return &Cache{dir: dir}, nil
}

// Dir returns the cache's folder.
func (c *Cache) Dir() string { return c.dir }

// Failed returns the first error that storing an entry met since Failed
// was last called, or nil, and forgets it. A cache that cannot be written,
// as on a full disk, only keeps nothing: each write's caller goes on
// without it, and a build says so once, with Failed.
func (c *Cache) Failed() error {
	if c == nil {
		return nil
	}
	if err := c.failed.Swap(nil); err != nil {
		return *err
	}
	return nil
}

// ext ends every entry's file name; temporary files end otherwise.
const ext = ".entry"

// shard is how many of a key's first characters name the subfolder its
// entry is in, so that no folder holds too many files.
const shard = 2

// path returns the file of the entry key, in the subfolder named by its
// first shard characters.
func (c *Cache) path(key string) (string, bool) {
	if len(key) < 4 || strings.ContainsAny(key, `/\.`) {
		return "", false
	}
	return filepath.Join(c.dir, key[:shard], key+ext), true
}

// Get returns the entry key, if it is there and valid reports its bytes
// right; a missing, unreadable or invalid entry is a miss, and an invalid
// one is removed. A hit marks the entry as used, at most once an hour,
// unless its file is also linked from elsewhere (see [Cache.File] and
// [Cache.Trim]).
func (c *Cache) Get(key string, valid func([]byte) bool) ([]byte, bool) {
	return c.GetTo(key, nil, valid)
}

// GetTo is [Cache.Get] reading the entry into buf's memory when its
// capacity is enough, so that a caller done with one entry's bytes can
// reuse them for the next.
func (c *Cache) GetTo(key string, buf []byte, valid func([]byte) bool) ([]byte, bool) {
	_, data, ok := c.get(key, buf, valid)
	return data, ok
}

// File is [Cache.GetTo] for an entry [Cache.PutFile] stored: with the
// entry's bytes, it returns the path of its file, for a caller to link
// where the bytes are published instead of writing them again. The path
// is "" when the file is not readable by all (mode 0644), as an entry
// [Cache.Put] stored is not. The file holds the bytes File checked unless
// something outside the cache changes it in place: the cache itself only
// ever replaces an entry by renaming a new file, holding the same bytes,
// over it, or removes it. A caller must not write into the file.
func (c *Cache) File(key string, buf []byte, valid func([]byte) bool) (string, []byte, bool) {
	return c.get(key, buf, valid)
}

// get reads and checks the entry key, and returns its path if its mode is
// 0644.
func (c *Cache) get(key string, buf []byte, valid func([]byte) bool) (string, []byte, bool) {
	if c == nil {
		return "", nil, false
	}
	p, ok := c.path(key)
	if !ok {
		return "", nil, false
	}
	data, info, err := wholefile.Read(p, buf, maxEntry)
	if err != nil {
		return "", nil, false
	}
	if !valid(data) {
		os.Remove(p) // drawn and written again by the caller
		return "", nil, false
	}
	if used := time.Unix(0, info.Stamp.ModTime); time.Since(used) > time.Hour && info.Links == 1 {
		// Marked as used. A file also published elsewhere (see File) is
		// not: its time is the published file's too, which a build into
		// that folder and a deploy compare, and Trim counts it as in use
		// while it is published.
		now := time.Now()
		os.Chtimes(p, now, now)
	}
	if info.Perm != 0o644 {
		p = ""
	}
	return p, data, true
}

// maxEntry bounds the size of an entry get reads: no build makes one
// near it, and a larger file would not fit an int on a 32-bit system.
const maxEntry = 1 << 30

// Put stores data as the entry key: written to a temporary file in the
// entry's folder, then renamed into place. An error leaves no entry. The
// entry is readable by its owner alone.
func (c *Cache) Put(key string, data []byte) error {
	_, err := c.put(key, data, 0o600)
	return err
}

// PutFile is [Cache.Put] for bytes a build publishes as a file, such as a
// share card: the entry is readable by all (mode 0644), as the published
// file must be, so that it can be linked where it is published (see
// [Cache.File]). It returns the path of the entry's file.
func (c *Cache) PutFile(key string, data []byte) (string, error) {
	return c.put(key, data, 0o644)
}

// put stores data as the entry key with mode perm, whatever the umask, and
// returns the path of its file. An error is kept for [Cache.Failed] too.
func (c *Cache) put(key string, data []byte, perm fs.FileMode) (string, error) {
	if c == nil {
		return "", nil
	}
	p, err := c.write(key, data, perm)
	if err != nil {
		c.failed.CompareAndSwap(nil, &err)
	}
	return p, err
}

// write is put without keeping the error.
func (c *Cache) write(key string, data []byte, perm fs.FileMode) (string, error) {
	p, ok := c.path(key)
	if !ok {
		return "", fmt.Errorf("diskcache: bad key %q", key)
	}
	if !c.named.Load() {
		// An unnamed file linked into place once whole: on a disk,
		// quicker than a temporary name created and renamed.
		err := wholefile.Create(p, data, perm)
		if err == nil {
			return p, nil
		}
		if errors.Is(err, errors.ErrUnsupported) {
			c.named.Store(true)
		}
	}
	err := wholefile.Replace(p, data, perm)
	if errors.Is(err, fs.ErrNotExist) {
		// The entry's subfolder, made by the first entry it holds.
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return "", err
		}
		err = wholefile.Replace(p, data, perm)
	}
	if err != nil {
		return "", err
	}
	return p, nil
}

// Stats describes a cache's entries.
type Stats struct {
	Entries int
	Bytes   int64
	// Linked is the part of Bytes in entries whose files are also linked
	// from elsewhere, such as a share card in an output folder (see
	// [Cache.File]): the disk holds those bytes once for both.
	Linked int64
	// Kinds counts the entries by kind: what follows the last "-" of their
	// keys, or "" for keys without one.
	Kinds map[string]int
	// Oldest and Newest are the times the least and the most recently
	// used entries were last used; zero without entries.
	Oldest, Newest time.Time
}

// An item is one entry's file, for Stats and Trim.
type item struct {
	path   string
	size   int64
	used   time.Time
	linked bool // the file has other links
}

// items lists the cache's entries and, in temps, the temporary files of
// writes that never finished. It looks only where [Cache.path] puts them,
// in the subfolders named by a key's first [shard] characters, at files
// whose names begin with those: a folder given as the cache's by mistake
// has nothing of its own listed, and so nothing removed by Trim or Clean.
func (c *Cache) items() (entries, temps []item, err error) {
	subs, err := os.ReadDir(c.dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil, nil
	case err != nil:
		return nil, nil, err
	}
	for _, sub := range subs {
		name := sub.Name()
		if len(name) != shard || !sub.IsDir() {
			continue
		}
		dir := filepath.Join(c.dir, name)
		files, err := os.ReadDir(dir)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue // removed meanwhile
		case errors.Is(err, fs.ErrPermission):
			// A folder another user made for their own entries: theirs to
			// trim, and no reason to stop upkeep of the rest.
			continue
		case err != nil:
			return nil, nil, err
		}
		for _, f := range files {
			base := f.Name()
			if !f.Type().IsRegular() || !strings.HasPrefix(base, name) {
				continue
			}
			entry := strings.HasSuffix(base, ext)
			if !entry && !strings.Contains(base, ext+wholefile.TempMark) {
				continue
			}
			info, err := f.Info()
			if err != nil {
				continue // removed meanwhile
			}
			it := item{path: filepath.Join(dir, base), size: info.Size(), used: info.ModTime(), linked: links(info) > 1}
			if entry {
				entries = append(entries, it)
			} else {
				temps = append(temps, it)
			}
		}
	}
	return entries, temps, nil
}

// Stats returns the number, size and ages of the cache's entries.
func (c *Cache) Stats() (Stats, error) {
	entries, _, err := c.items()
	s := Stats{Kinds: map[string]int{}}
	for _, it := range entries {
		s.Entries++
		s.Kinds[kindOf(it.path)]++
		s.Bytes += it.size
		if it.linked {
			s.Linked += it.size
		}
		if s.Oldest.IsZero() || it.used.Before(s.Oldest) {
			s.Oldest = it.used
		}
		if it.used.After(s.Newest) {
			s.Newest = it.used
		}
	}
	return s, err
}

// kindOf returns the kind of the entry whose file is p.
func kindOf(p string) string {
	key := strings.TrimSuffix(filepath.Base(p), ext)
	if i := strings.LastIndexByte(key, '-'); i >= 0 {
		return key[i+1:]
	}
	return ""
}

// A Removal is what [Cache.Trim] or [Cache.Clean] removed.
type Removal struct {
	Entries int
	Bytes   int64
	// Linked is the part of Bytes in files that were also linked from
	// elsewhere, such as an output folder: their disk space is freed only
	// when their other links are removed too.
	Linked int64
}

// remove removes the file of it, counting it in r.
func (r *Removal) remove(it item) {
	if os.Remove(it.path) != nil {
		return
	}
	r.Entries++
	r.Bytes += it.size
	if it.linked {
		r.Linked += it.size
	}
}

// Trim removes the entries not used since maxAge before now, then the
// least recently used ones until the rest hold at most maxBytes (0 for no
// cap), and the temporary files of writes older than an hour, which a
// killed process left. An entry whose file is also linked from elsewhere,
// such as a published share card, counts as used now. It returns what it
// removed of the entries.
func (c *Cache) Trim(now time.Time, maxAge time.Duration, maxBytes int64) (Removal, error) {
	entries, temps, err := c.items()
	if err != nil {
		return Removal{}, err
	}
	for _, t := range temps {
		if now.Sub(t.used) > time.Hour {
			os.Remove(t.path)
		}
	}
	for i := range entries {
		if entries[i].linked {
			entries[i].used = now
		}
	}
	slices.SortFunc(entries, func(a, b item) int { return b.used.Compare(a.used) }) // newest first
	var kept int64
	var r Removal
	full := false // once an entry does not fit, no older one is kept
	for _, it := range entries {
		full = full || maxBytes > 0 && kept+it.size > maxBytes
		if !full && now.Sub(it.used) <= maxAge {
			kept += it.size
			continue
		}
		r.remove(it)
	}
	return r, nil
}

// trimFile records when the cache was last trimmed.
const trimFile = "trimmed"

// TrimDaily trims the cache as [Cache.Trim] does, unless it was trimmed
// less than a day before now, as its trimmed file records. A cache whose
// folder Open made, as a first build's is, is not trimmed the first time,
// as it holds only what the process made: a day later, it is.
func (c *Cache) TrimDaily(now time.Time, maxAge time.Duration, maxBytes int64) error {
	p := filepath.Join(c.dir, trimFile)
	stamp := []byte(strconv.FormatInt(now.Unix(), 10) + "\n")
	if c.made.Swap(false) {
		return os.WriteFile(p, stamp, 0o644)
	}
	if data, err := os.ReadFile(p); err == nil {
		if sec, err := strconv.ParseInt(strings.TrimSpace(string(data)), 10, 64); err == nil && now.Sub(time.Unix(sec, 0)) < 24*time.Hour {
			return nil
		}
	}
	if _, err := c.Trim(now, maxAge, maxBytes); err != nil {
		return err
	}
	return os.WriteFile(p, stamp, 0o644)
}

// Clean removes every entry, and every temporary file, of the cache. It
// returns what it removed of both.
func (c *Cache) Clean() (Removal, error) {
	entries, temps, err := c.items()
	if err != nil {
		return Removal{}, err
	}
	var r Removal
	for _, it := range append(entries, temps...) {
		r.remove(it)
	}
	return r, nil
}
