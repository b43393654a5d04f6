package generator

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/faqcast/faqcast/generator/check"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/markdown"
	"github.com/faqcast/faqcast/generator/post"
	"github.com/faqcast/faqcast/internal/cachekey"
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

// openCache opens the cache of g's CacheDir for a build, unless it is
// open already: the cache and the error are those of one folder, the
// build's, and one that could not be opened is tried again at the next
// build, not by each of this build's stages. A CacheDir inside the
// folder the build writes to is not used: the cache's entries, the
// findings among them, would be published with the site.
func (g *Generator) openCache() {
	st := g.state
	if g.CacheDir == "" {
		return
	}
	if dest := g.DestDir(); within(g.CacheDir, dest) {
		st.disk, st.diskDir = nil, g.CacheDir
		st.diskErr = fmt.Errorf("the cache's folder %s is inside the output folder %s, whose files are published", g.CacheDir, dest)
		return
	}
	if st.disk == nil || st.diskDir != g.CacheDir {
		st.disk, st.diskErr = diskcache.Open(g.CacheDir)
		st.diskDir = g.CacheDir
	}
}

// within reports whether dir is the folder parent or lies inside it,
// once both are made absolute and the symbolic links of what exists of
// them are followed.
func within(dir, parent string) bool {
	rel, err := filepath.Rel(resolved(parent), resolved(dir))
	return err == nil && filepath.IsLocal(rel)
}

// resolved returns the absolute form of the path p, its longest part
// that exists with its symbolic links followed.
func resolved(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	rest := ""
	for q := abs; ; {
		if r, err := filepath.EvalSymlinks(q); err == nil {
			return filepath.Join(r, rest)
		}
		up := filepath.Dir(q)
		if up == q {
			return abs
		}
		rest, q = filepath.Join(filepath.Base(q), rest), up
	}
}

// diskCache returns the cache of g's CacheDir, opened by the build (see
// [Generator.openCache]), or nil when it has none or it cannot be opened:
// a build goes on drawing every card and checking every entry, as without
// a cache.
func (g *Generator) diskCache() *diskcache.Cache {
	if g.CacheDir == "" {
		return nil
	}
	return g.state.disk
}

// cacheErr returns why the build could not use the cache of g's
// CacheDir, or could not store something in it, or nil: a build goes on
// without it, and the Result tells (see [Result.CacheErr]).
func (g *Generator) cacheErr() error {
	st := g.state
	switch {
	case g.CacheDir == "":
		return nil
	case st.diskErr != nil: // the build's diskCache could not open it
		return fmt.Errorf("cannot use the cache: %w", st.diskErr)
	}
	if err := st.disk.Failed(); err != nil {
		return fmt.Errorf("cannot keep everything in the cache: %w", err)
	}
	return nil
}

// FindingsKind is the kind of the cache's entries that hold findings (see
// [diskcache.Stats]); the cards have none.
const FindingsKind = "findings"

// A keeper is the cache kept between processes that a stage keeps its
// values in, with what keys them besides the stage's inputs, and counts
// the values it finds there. The zero keeper keeps nothing.
type keeper struct {
	disk    *diskcache.Cache
	program string // the running program's digest (see [diskcache.Program])
	shell   string // the shell's digest (see [loaded])
	hits    *atomic.Int64
	// records holds buffers to read records into: a stage that keeps
	// nothing of a record's bytes hands them back with reuse.
	records *sync.Pool // of *[]byte
}

// load returns the record key from k's cache, read into a buffer that the
// caller hands back with reuse once it keeps nothing of it.
func (k keeper) load(key string) ([]byte, bool) {
	return k.disk.LoadTo(key, buffer(k.records))
}

// reuse hands back the memory of b, a record read by load or made by a
// stage, which nothing keeps.
func (k keeper) reuse(b []byte) { recycle(k.records, b) }

// buffer returns memory from pool (see [state]) to read an entry of the
// cache into, or nil.
func buffer(pool *sync.Pool) []byte {
	if pool == nil {
		return nil
	}
	if b, ok := pool.Get().(*[]byte); ok {
		return *b
	}
	return nil
}

// recycle hands the memory of b, which nothing keeps, back to pool.
func recycle(pool *sync.Pool, b []byte) {
	if pool != nil && b != nil {
		b = b[:0]
		pool.Put(&b)
	}
}

// keeper returns the keeper of g's cache for a build of in, or the zero
// keeper when g keeps none or the running program cannot be read. It must
// be called before a stage runs concurrently.
func (g *Generator) keeper(in *loaded) keeper {
	disk := g.diskCache()
	if disk == nil || g.state.program() == "" {
		return keeper{}
	}
	return keeper{disk: disk, program: g.state.program(), shell: in.shellSum, hits: new(atomic.Int64), records: &g.state.records}
}

// found returns how many values k found.
func (k keeper) found() int {
	if k.hits == nil {
		return 0
	}
	return int(k.hits.Load())
}

// checkRecord is what the checks found in an entry and its posts, as the
// cache keeps it.
type checkRecord struct {
	Findings    []check.Finding `json:"findings"`
	Score       check.Score     `json:"score"`
	Readability string          `json:"readability,omitempty"`
}

// keptCheck returns what the checks find in e and its posts, whose
// record's digest is posts (see [entryPosts]), under the settings whose
// digest is scope, on a day of which they owe dated to it (see
// [check.Settings.Dated]): from k's cache, or else found by find and then
// kept there. Findings are a pure function of these and of the program's
// rules and models, whose digest keys them too: a new faqcast finds them
// again. An error from find is returned, and nothing kept.
func keptCheck(k keeper, scope string, e *entry.Entry, posts, dated string, find func() (*entryCheck, error)) (*entryCheck, error) {
	if k.disk == nil {
		return find()
	}
	key := recordKey(FindingsKind, "findings 3", k.program, scope, e.Hash, e.Path, posts, dated)
	r, hit, err := keptJSON(k, key, func() (checkRecord, error) {
		c, err := find()
		if err != nil {
			return checkRecord{}, err
		}
		return checkRecord{c.findings, c.score, c.readability}, nil
	})
	if err != nil {
		return nil, err
	}
	if hit {
		k.hits.Add(1)
	}
	return &entryCheck{findings: r.Findings, score: r.Score, readability: r.Readability}, nil
}

// keptTexts returns the findings in texts, the config's and the site's
// templates' (see [check.Settings.Texts]), under the settings whose digest
// is scope: from k's cache, or else found by find and then kept. A warm
// build need not load the checks' models for them.
func keptTexts(k keeper, scope string, texts []check.Text, find func() []check.Finding) []check.Finding {
	if k.disk == nil {
		return find()
	}
	parts := []string{"texts 1", k.program, scope}
	for _, t := range texts {
		parts = append(parts, t.Field, t.Text, t.Path, strconv.Itoa(t.Line), strconv.Itoa(t.Col), t.Lang)
	}
	found, _, _ := keptJSON(k, recordKey(FindingsKind, parts...), func() ([]check.Finding, error) { return find(), nil })
	return found
}

// keptPageFindings returns what the page checks found in the page whose
// key in k's cache is page (see [keptPageKey]), as written below dest,
// under the settings whose digest is scope: from k's cache, or else found
// by find and then kept, as a page's bytes are a function of its key. k
// must keep a cache: without one, the caller need not make the page's key.
func keptPageFindings(k keeper, scope, dest, page string, find func() ([]check.Finding, error)) ([]check.Finding, error) {
	found, _, err := keptJSON(k, recordKey(FindingsKind, "page findings 1", k.program, scope, dest, page), find)
	return found, err
}

// keptJSON returns the value of the record key in k's cache, which keeps
// it as JSON, and true; or else the value made by build, then kept, and
// false. An error from build is returned, and nothing kept. k must keep a
// cache.
func keptJSON[T any](k keeper, key string, build func() (T, error)) (T, bool, error) {
	if data, ok := k.load(key); ok {
		var v T
		err := json.Unmarshal(data, &v) // which keeps none of data
		k.reuse(data)
		if err == nil {
			return v, true, nil
		}
	}
	v, err := build()
	if err != nil {
		return v, false, err
	}
	if data, err := json.Marshal(v); err == nil {
		k.disk.Store(key, data) // or else made again next time
	}
	return v, false, nil
}

// AnswersKind is the kind of the cache's entries that hold an entry's
// answer rendered (see [appendBody]).
const AnswersKind = "answer"

// keptBody returns e's body rendered, its references resolving as refs
// says: from k's cache, if each of them still resolves as it did when it
// was rendered, or else rendered by render and then kept. The HTML is a
// function of the body's bytes and the program alone; what a reference
// resolves to is checked on every build, as the memory of an earlier
// build in the same process is. An error from render is returned, and
// nothing kept.
func keptBody(k keeper, e *entry.Entry, refs markdown.Refs, keys *cachekey.Maker, render func() (*body, error)) (*body, error) {
	if k.disk == nil {
		return render()
	}
	key := answerKey(k, e)
	if data, ok := k.load(key); ok {
		b, err := readBody(data, e, keys, false)
		k.reuse(data)
		if err == nil && b.still(e, refs) {
			k.hits.Add(1)
			return b, nil
		}
	}
	b, err := render()
	if err != nil {
		return nil, err
	}
	rec := appendBody(buffer(k.records), b)
	if k.disk.Store(key, rec) == nil { // or else rendered again next time, and held
		b.html, b.lazy = "", true // read again when a page shows it
	}
	k.reuse(rec)
	return b, nil
}

// answerKey returns the key in k's cache of e's answer rendered: by the
// body's SHA-256, which spares digestOf a copy of the body.
func answerKey(k keeper, e *entry.Entry) string {
	sum := sha256.Sum256(e.Body)
	return recordKey(AnswersKind, "answer 3", k.program, string(sum[:]))
}

// PostsKind is the kind of the cache's entries that hold an entry's posts
// and replies.
const PostsKind = "posts"

// keptPosts returns the record (see [postsRecord]) of e's posts and
// replies, linking to page and showing media, composed with the config,
// templates and messages of k's shell: from k's cache, or else made by
// compose and then kept, as it is. Like findings, they are keyed by the
// running program too. An error from compose is returned, and nothing
// kept. The caller hands the record back with k.reuse once it keeps
// nothing of it.
//
// The posts' review file is kept too, as a file of its own for the writer
// to link (kind review), under a key it returns, which the record's
// length and CRC-32C of the file check (see [postsRecord]): compose makes
// it when asked, as it is a function of what keys the posts too (the
// entry's title and file, the posts and the messages), and a warm build
// then need not make it.
func keptPosts(k keeper, e *entry.Entry, page string, media []post.Media, compose func(withReview bool) (record, review []byte, err error)) ([]byte, string, error) {
	if k.disk == nil {
		record, _, err := compose(false)
		return record, "", err
	}
	parts := []string{"posts 9", k.program, k.shell, e.MetaHash, e.Path, page}
	for _, m := range media {
		parts = append(parts, m.Src, m.Alt)
	}
	key := recordKey(PostsKind, parts...)
	reviewKey := withKind(key, ReviewsKind)
	if data, ok := k.load(key); ok {
		if _, err := readRecord(data); err == nil {
			k.hits.Add(1)
			return data, reviewKey, nil
		}
		k.reuse(data)
	}
	record, review, err := compose(true)
	if err != nil {
		return nil, "", err
	}
	// Or else composed again, or the review file made again, next time.
	if k.disk.Store(key, record) == nil {
		k.disk.PutFile(reviewKey, review)
	}
	return record, reviewKey, nil
}

// ReviewsKind is the kind of the cache's entries that hold the posts'
// review files.
const ReviewsKind = "review"

// withKind returns key, a record's key (see [recordKey]), with the kind
// kind instead of its own: the key of an entry kept beside the record.
func withKind(key, kind string) string {
	return key[:strings.LastIndexByte(key, '-')+1] + kind
}

// recordKey returns the key in the cache of a record of kind made of
// parts: the first 32 hexadecimal digits of their digest, then "-" and
// the kind (see [diskcache.Stats]).
func recordKey(kind string, parts ...string) string {
	return digestOf(parts...)[:32] + "-" + kind
}

// digestOf returns the SHA-256 of parts, each ended by a NUL, in hex.
func digestOf(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// PagesKind is the kind of the cache's entries that hold the site's
// pages and files made from templates.
const PagesKind = "page"

// PageFilesKind is the kind of the cache's entries that hold a page's
// bytes as they are published (see [keeper.storePage]).
const PageFilesKind = "html"

// storePage keeps b, the bytes of the page whose key is key, in k's
// cache as two entries: the bytes as they are, readable by all, for the
// writer to link where the page is published (kind html), and under key
// their [diskcache.Seal], by which loadPage tells whether that file still
// holds them. It returns the path of the bytes' file.
func (k keeper) storePage(key string, b []byte) (string, error) {
	src, err := k.disk.PutFile(withKind(key, PageFilesKind), b)
	if err != nil {
		return "", err
	}
	return src, k.disk.Store(key, diskcache.SealOf(b).Append(nil))
}

// loadPage returns the bytes of the page whose key is key from k's
// cache, read into a buffer that the caller hands back with reuse, and
// the path of the file that holds them (see [keeper.storePage]).
func (k keeper) loadPage(key string) (string, []byte, bool) {
	rec, ok := k.disk.LoadTo(key, nil)
	if !ok || len(rec) != diskcache.SealLen {
		return "", nil, false
	}
	s, _ := diskcache.ReadSeal(rec)
	return k.disk.File(withKind(key, PageFilesKind), buffer(k.records), s.Holds)
}

// keptPageKey returns the key in k's cache of the file at path that shows
// shows of the site (see [site.Doc]) and answers, what it shows of the
// answers: its entry's answer's sum (see [body]), or its entries'
// readability. Like posts, it is keyed by the shell and the running
// program too.
func keptPageKey(k keeper, path, shows string, answers []string) string {
	return recordKey(PagesKind, append([]string{"page 2", k.program, k.shell, path, shows}, answers...)...)
}
