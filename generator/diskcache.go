package generator

import (
	"os"
	"path/filepath"
	"time"

	"github.com/faqcast/faqcast/internal/diskcache"
)

// CacheEnv names the environment variable that sets the card cache's
// folder (see [DefaultCacheDir]).
const CacheEnv = "FAQCAST_CACHE"

// Limits of the card cache: entries not used for CacheMaxAge are trimmed,
// and then the least recently used past CacheMaxBytes, at most once a day.
const (
	CacheMaxAge   = 30 * 24 * time.Hour
	CacheMaxBytes = 1 << 30
)

// DefaultCacheDir returns the card cache's folder: $FAQCAST_CACHE when it
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

// diskCache returns the card cache of g's CacheDir, opened once, or nil
// when it has none or it cannot be opened: a build goes on drawing every
// card, as without a cache.
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
	}
	return st.disk
}
