package generator

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/faqcast/faqcast/generator/check"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/output"
	"github.com/faqcast/faqcast/generator/parallel"
	"github.com/faqcast/faqcast/generator/post"
)

// checkEntries runs the compliance checks over every published entry and
// its posts, in parallel, and returns the findings sorted by file, the
// readability scores by file, and, by slug, the readability that the
// preview pages show of answers long enough to score.
func (g *Generator) checkEntries(ctx context.Context, s *check.Settings, entries []*entry.Entry, posts map[string][]post.Variant, postKeys map[string]string) ([]check.Finding, map[string]check.Score, map[string]string) {
	// Findings depend on the entry's bytes, its generated posts (which
	// their key names) and the settings (the day included, for the age of
	// reviews): reuse the last build's when none of them changed.
	key := *s
	key.Now = time.Time{} // only its day counts, and not its clock reading
	settings := sha256.Sum256(fmt.Appendf(nil, "%+v %s", key, s.Now.Format(time.DateOnly)))
	g.mu.Lock()
	old := g.checked
	g.mu.Unlock()
	found := make([]*checkedEntry, len(entries))
	_ = parallel.For(ctx, len(entries), func(i int) {
		e := entries[i]
		postKey := postKeys[e.Slug]
		c := old[e.Rel]
		if c != nil && c.entry == e && c.settings == settings && c.postKey == postKey {
			found[i] = c // the same entry, posts and settings
			return
		}
		key := g.keys.Of(string(settings[:]), e.Hash, e.Path, postKey)
		if c != nil && c.key == key {
			found[i] = &checkedEntry{}
			*found[i] = *c
			found[i].entry, found[i].settings, found[i].postKey = e, settings, postKey
			return
		}
		variants := map[string]string{}
		for _, v := range posts[e.Slug] {
			if !v.Override {
				variants[v.Platform] = v.Text
			}
		}
		findings, score := s.Check(e, variants)
		found[i] = &checkedEntry{key: key, entry: e, settings: settings, postKey: postKey, findings: findings, score: score}
		if score.Words >= check.MinScoredWords {
			found[i].readability = score.String()
		}
	})
	var all []check.Finding
	byPath := make(map[string]check.Score, len(entries))
	readability := make(map[string]string, len(entries))
	next := make(map[string]*checkedEntry, len(entries))
	for i, c := range found {
		if c == nil { // cancelled
			continue
		}
		all = append(all, c.findings...)
		byPath[entries[i].Path] = c.score
		if c.readability != "" {
			readability[entries[i].Slug] = c.readability
		}
		next[entries[i].Rel] = c
	}
	g.mu.Lock()
	g.checked = next
	g.mu.Unlock()
	slices.SortStableFunc(all, func(a, b check.Finding) int { return strings.Compare(a.Path, b.Path) })
	return all, byPath, readability
}

// checkPages runs the page checks over the site's pages, in parallel,
// reusing the last build's findings for pages of the same key.
func (g *Generator) checkPages(ctx context.Context, checks *check.Settings, files []output.File) ([]check.Finding, error) {
	var pages []output.File
	for _, f := range files {
		if strings.HasSuffix(f.Path, ".html") && !strings.HasPrefix(f.Path, socialDir) {
			pages = append(pages, f)
		}
	}
	g.mu.Lock()
	old := g.pageCheck
	g.mu.Unlock()
	found := make([]*checkedPage, len(pages))
	errs := make([]error, len(pages))
	err := parallel.For(ctx, len(pages), func(i int) {
		f := pages[i]
		display := filepath.ToSlash(filepath.Join(g.DestDir(), f.Path))
		if c := old[f.Path]; c != nil && f.Key != "" && c.key == f.Key && c.display == display {
			found[i] = c
			return
		}
		data := f.Data
		if data == nil {
			if data, errs[i] = f.Make(); errs[i] != nil {
				return
			}
		}
		found[i] = &checkedPage{key: f.Key, display: display, findings: checks.Page(display, data)}
	})
	if err != nil {
		return nil, err
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	var all []check.Finding
	next := make(map[string]*checkedPage, len(pages))
	for i, c := range found {
		all = append(all, c.findings...)
		if c.key != "" {
			next[pages[i].Path] = c
		}
	}
	g.mu.Lock()
	g.pageCheck = next
	g.mu.Unlock()
	return all, nil
}

// checkedPage is a page's findings, valid while key is the same.
type checkedPage struct {
	key, display string
	findings     []check.Finding
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
