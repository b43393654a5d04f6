package generator

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/faqcast/faqcast/generator/check"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/internal/diskcache"
)

// CacheEnv names the environment variable that sets the cache's
// folder (see [DefaultCacheDir]).
const CacheEnv = "FAQCAST_CACHE"

// Limits of the cache: entries not used for CacheMaxAge are trimmed,
// and then the least recently used past CacheMaxBytes, at most once a day.
const (
	CacheMaxAge   = 30 * 24 * time.Hour
	CacheMaxBytes = 1 << 30
)

// DefaultCacheDir returns the cache's folder: $FAQCAST_CACHE when it
// is set, else faqcast in the user's cache folder (os.UserCacheDir), else
// "" when there is none.
func DefaultCacheDir() string {
	if dir := os.Getenv(CacheEnv); dir != "" {
		return dir
	}
	if dir, err := os.UserCacheDir(); err == nil {
		return filepath.Join(dir, "faqcast")
	}
	return ""
}

// diskCache returns the cache of g's CacheDir, opened once, or nil
// when it has none or it cannot be opened: a build goes on drawing every
// card and checking every entry, as without a cache.
func (g *Generator) diskCache() *diskcache.Cache {
	st := g.state
	if g.CacheDir == "" {
		return nil
	}
	if st.disk == nil || st.diskDir != g.CacheDir {
		c, err := diskcache.Open(g.CacheDir)
		if err != nil {
			return nil
		}
		st.disk, st.diskDir = c, g.CacheDir
		if st.program == "" {
			st.program, _ = diskcache.Program()
		}
	}
	return st.disk
}

// FindingsKind is the kind of the cache's entries that hold findings (see
// [diskcache.Stats]); the cards have none.
const FindingsKind = "findings"

// checkRecord is what the checks found in an entry and its posts, as the
// cache keeps it.
type checkRecord struct {
	Findings    []check.Finding `json:"findings"`
	Score       check.Score     `json:"score"`
	Readability string          `json:"readability,omitempty"`
}

// keptCheck returns what the checks find in e and the texts of its posts
// under the settings of scope: from the cache, or else found by check and
// then kept. Findings are a pure function of these and of the program's
// rules and models, whose digest keys them too; a new faqcast finds them
// again.
// disk is the cache, and program the running program's digest (see
// [state]); with either missing, keptCheck calls find. It reports whether
// the findings came from the cache.
func keptCheck(disk *diskcache.Cache, program, scope string, e *entry.Entry, texts map[string]string, find func() *entryCheck) (*entryCheck, bool) {
	if disk == nil || program == "" {
		return find(), false
	}
	h := sha256.New()
	for _, part := range []string{"findings 1", program, scope, e.Hash, e.Path} {
		h.Write(append([]byte(part), 0))
	}
	for _, k := range slices.Sorted(maps.Keys(texts)) {
		h.Write(append([]byte(k), 0))
		h.Write(append([]byte(texts[k]), 0))
	}
	key := hex.EncodeToString(h.Sum(nil)[:16]) + "-" + FindingsKind
	if data, ok := disk.Load(key); ok {
		var r checkRecord
		if json.Unmarshal(data, &r) == nil {
			return &entryCheck{findings: r.Findings, score: r.Score, readability: r.Readability}, true
		}
	}
	c := find()
	if data, err := json.Marshal(checkRecord{c.findings, c.score, c.readability}); err == nil {
		disk.Store(key, data) // or else found again next time
	}
	return c, false
}
