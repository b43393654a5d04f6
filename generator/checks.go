package generator

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/faqcast/faqcast/generator/check"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/output"
	"github.com/faqcast/faqcast/internal/parallel"
)

// checkEntries runs the compliance checks over every published entry and
// its posts, in parallel, and returns the findings sorted by file, the
// readability scores by file, and, by slug, the readability that the
// preview pages show of answers long enough to score.
func (g *Generator) checkEntries(ctx context.Context, s *check.Settings, ix *entry.Index, set *postSet) ([]check.Finding, map[string]check.Score, map[string]string) {
	entries, posts, postKeys := ix.Entries, set.bySlug, set.keys
	// Findings depend on the entry's bytes, its generated posts (which
	// their key names) and the settings (the day included, for the age of
	// reviews): reuse the last build's when none of them changed.
	key := *s
	key.Now = time.Time{} // only its day counts, and not its clock reading
	settings := sha256.Sum256(fmt.Appendf(nil, "%+v %s", key, s.Now.Format(time.DateOnly)))
	g.mu.Lock()
	old, last := g.checked, g.checkRun
	g.mu.Unlock()
	one := func(e *entry.Entry) *checkedEntry {
		postKey := postKeys[e.Slug]
		c := old[e.Rel]
		if c != nil && c.entry == e && c.settings == settings && c.postKey == postKey {
			return c // the same entry, posts and settings
		}
		key := g.keys.Of(string(settings[:]), e.Hash, e.Path, postKey)
		if c != nil && c.key == key {
			n := *c
			n.entry, n.settings, n.postKey = e, settings, postKey
			return &n
		}
		variants := map[string]string{}
		for _, v := range posts[e.Slug] {
			if !v.Override {
				variants[v.Platform] = v.Text
			}
		}
		findings, score := s.Check(e, variants)
		c = &checkedEntry{key: key, entry: e, settings: settings, postKey: postKey, findings: findings, score: score}
		if score.Words >= check.MinScoredWords {
			c.readability = score.String()
		}
		return c
	}
	if last != nil && last.front == ix.Front() && last.settings == settings && last.posts == set {
		if moved, ok := movedAt(last.entries, entries); ok && 2*len(moved) <= len(entries) {
			r := last.patch(entries, moved, one)
			g.mu.Lock()
			g.checked, g.checkRun = r.next, r
			g.mu.Unlock()
			return slices.Clip(r.all), r.byPath, r.readability
		}
	}

	found := make([]*checkedEntry, len(entries))
	_ = parallel.For(ctx, len(entries), func(i int) { found[i] = one(entries[i]) })
	r := &checkRun{front: ix.Front(), settings: settings, posts: set, entries: entries, found: found,
		byPath:      make(map[string]check.Score, len(entries)),
		readability: make(map[string]string, len(entries)),
		next:        make(map[string]*checkedEntry, len(entries)),
	}
	cancelled := false
	for i, c := range found {
		if c == nil {
			cancelled = true
			continue
		}
		e := entries[i]
		r.byPath[e.Path] = c.score
		if c.readability != "" {
			r.readability[e.Slug] = c.readability
		}
		r.next[e.Rel] = c
	}
	r.all = allFindings(found)
	g.mu.Lock()
	g.checked, g.checkRun = r.next, r
	if cancelled {
		g.checkRun = nil
	}
	g.mu.Unlock()
	return slices.Clip(r.all), r.byPath, r.readability
}

// A checkRun is what checkEntries found in one build, and what of.
type checkRun struct {
	front    *entry.Front
	settings [sha256.Size]byte
	posts    *postSet
	entries  []*entry.Entry
	found    []*checkedEntry // by entry

	all         []check.Finding
	byPath      map[string]check.Score
	readability map[string]string
	next        map[string]*checkedEntry
}

// patch returns the run for entries, which are r's but for those at the
// places moved, checked again by one.
func (r *checkRun) patch(entries []*entry.Entry, moved []int, one func(*entry.Entry) *checkedEntry) *checkRun {
	n := *r
	n.entries, n.found = entries, slices.Clone(r.found)
	n.byPath, n.readability, n.next = maps.Clone(r.byPath), maps.Clone(r.readability), maps.Clone(r.next)
	same := true // the same findings
	for _, i := range moved {
		e, c := entries[i], one(entries[i])
		n.found[i] = c
		n.byPath[e.Path] = c.score
		delete(n.readability, e.Slug)
		if c.readability != "" {
			n.readability[e.Slug] = c.readability
		}
		n.next[e.Rel] = c
		same = same && slices.Equal(c.findings, r.found[i].findings)
	}
	if !same {
		n.all = allFindings(n.found)
	}
	return &n
}

// allFindings returns the findings of every entry, sorted by file.
func allFindings(found []*checkedEntry) []check.Finding {
	var all []check.Finding
	for _, c := range found {
		if c != nil {
			all = append(all, c.findings...)
		}
	}
	slices.SortStableFunc(all, func(a, b check.Finding) int { return strings.Compare(a.Path, b.Path) })
	return all
}

// movedAt returns the places where entries differ from last, which must be
// as many; ok is false if they are not.
func movedAt(last, entries []*entry.Entry) (moved []int, ok bool) {
	if len(last) != len(entries) {
		return nil, false
	}
	for i, e := range entries {
		if e != last[i] {
			moved = append(moved, i)
		}
	}
	return moved, true
}

// checkPages runs the page checks over the site's pages, in parallel,
// reusing the last build's findings for pages of the same key: found by
// their place among the pages while the pages are the last build's, else
// by path.
func (g *Generator) checkPages(ctx context.Context, checks *check.Settings, files []output.File) ([]check.Finding, error) {
	var pages []output.File
	for _, f := range files {
		if strings.HasSuffix(f.Path, ".html") && !strings.HasPrefix(f.Path, socialDir) {
			pages = append(pages, f)
		}
	}
	dest := g.DestDir()
	g.mu.Lock()
	last := g.pageRun
	g.mu.Unlock()
	if last != nil && last.dest != dest {
		last = nil
	}
	placed := last != nil && len(last.paths) == len(pages)
	found := make([]*checkedPage, len(pages))
	var todo []int
	for i, f := range pages {
		if placed && last.paths[i] == f.Path && f.Key != "" && last.found[i].key == f.Key {
			found[i] = last.found[i]
			continue
		}
		todo = append(todo, i)
	}
	var old map[string]*checkedPage // by path, made only if needed
	if last != nil && len(todo) > 0 && !placed {
		old = make(map[string]*checkedPage, len(last.paths))
		for i, p := range last.paths {
			old[p] = last.found[i]
		}
	}
	errs := make([]error, len(todo))
	err := parallel.For(ctx, len(todo), func(k int) {
		f := pages[todo[k]]
		if c := old[f.Path]; c != nil && f.Key != "" && c.key == f.Key {
			found[todo[k]] = c
			return
		}
		data := f.Data
		if data == nil {
			if data, errs[k] = f.Make(); errs[k] != nil {
				return
			}
		}
		display := filepath.ToSlash(filepath.Join(dest, f.Path))
		found[todo[k]] = &checkedPage{key: f.Key, findings: checks.Page(display, data)}
	})
	if err != nil {
		return nil, err
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	run := &pageRun{dest: dest, paths: make([]string, len(pages)), found: found}
	for i, f := range pages {
		run.paths[i] = f.Path
	}
	same := placed // the same findings as last time
	for _, i := range todo {
		same = same && slices.Equal(found[i].findings, last.found[i].findings)
	}
	if same {
		run.all = last.all
	} else {
		for _, c := range found {
			run.all = append(run.all, c.findings...)
		}
	}
	g.mu.Lock()
	g.pageRun = run
	g.mu.Unlock()
	return slices.Clip(run.all), nil
}

// A pageRun is what checkPages found in one build.
type pageRun struct {
	dest  string
	paths []string       // of the pages, in order
	found []*checkedPage // by page
	all   []check.Finding
}

// checkedPage is a page's findings, valid while key is the same.
type checkedPage struct {
	key      string
	findings []check.Finding
}

// checkedEntry is an entry's findings, valid while key is the same.
type checkedEntry struct {
	key string
	// What key was made of, for a quicker look.
	entry    *entry.Entry
	settings [sha256.Size]byte
	postKey  string

	findings    []check.Finding
	score       check.Score
	readability string // score as the preview shows it, or ""
}
