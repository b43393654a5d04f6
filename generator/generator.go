// Package generator builds a faqcast site: it reads the config and the FAQ
// entries, renders the education website, the posts and the queue, checks
// them, and writes them to the destination.
//
// A [Generator] is the one value that wires the concept packages together
// (config, entry, markdown, post, check, card, site, schedule, output).
// [Generator.Build] runs the stages of a build in order, each a function of
// its inputs: load, render bodies, compose posts, check, plan the queue,
// render pages, draw cards, write. Between builds the Generator remembers
// each stage's values by the keys of their inputs (see the internal memo
// package), so that a long-running process that builds again after an edit
// computes again only what the edit touched.
package generator

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/faqcast/faqcast/generator/check"
	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/output"
	"github.com/faqcast/faqcast/generator/post"
	"github.com/faqcast/faqcast/generator/schedule"
	"github.com/faqcast/faqcast/generator/site"
	"github.com/faqcast/faqcast/internal/diag"
	"github.com/faqcast/faqcast/internal/memo"
	"github.com/faqcast/faqcast/internal/pack"
	"github.com/faqcast/faqcast/templates"
)

// ContentDir and TemplatesDir are the folders of a site, below its root.
const (
	ContentDir   = "content"
	TemplatesDir = "templates"
)

// A Generator builds one site. Set its fields, then call [Generator.Build]
// as often as needed; builds must not run concurrently.
type Generator struct {
	// Source is the site's root folder, holding faqcast.yaml and content/.
	Source string
	// Dest is the folder the site is written to; "" means Source/public.
	Dest string
	// Drafts includes entries marked draft: true. Drafts get pages and
	// posts, but are never queued.
	Drafts bool
	// NoWrite builds everything in memory and writes nothing, leaving out
	// what only a written file needs (posts.json's text). It must be the
	// same for every build of a Generator.
	NoWrite bool
	// SourceDate is SOURCE_DATE_EPOCH when it is set. Output that needs a
	// date where the input has none (the feed of a site with no reviewed
	// entries) uses it, or else the Unix epoch: never the clock.
	SourceDate time.Time

	state *state // what the last build leaves the next: see [state]
}

// A Change is what a build starts from that its Generator does not hold:
// the time it builds at, and which files changed since the last build.
type Change struct {
	// Now is the build's reference time: entries are published from their
	// publish_on date and until their expire_on date as of Now, and reviews
	// age by it. It is never written into the output. The CLI sets it from
	// SOURCE_DATE_EPOCH, or else from the clock. When it is zero,
	// publish_on and expire_on are not applied.
	Now time.Time
	// Paths, when not nil, lists the paths that changed since the last
	// Build, as a file watcher reports them (a folder among them, or a
	// path the watcher lost track of, stands for everything below it).
	// Build then takes the other entry files to be as they were, without
	// looking at them. Nil means anything may have changed.
	Paths []string
}

// A Result tells what a build did.
type Result struct {
	Entries int // entries published
	Pages   int // HTML pages rendered
	Files   int // files in the output
	// Parsed and Rendered count the entries parsed and bodies rendered
	// afresh, not taken from the previous build; Drawn, the share cards
	// drawn to write or to compare, not found as drawn before.
	Parsed, Rendered, Drawn int
	output.Stats
	Dest string
	// BasePath is the path of the site's base URL, such as "/" or "/care/".
	BasePath string
	// Queue is the posting schedule.
	Queue *schedule.Queue
	// Findings are what the compliance checks found: warnings and notes
	// after a build, errors too after one the checks failed (which then
	// returns them as its error as well, and writes nothing).
	Findings []check.Finding
	// Scores are the readability of each entry's answer, by its file.
	Scores map[string]check.Score
}

// DestDir returns the folder a build writes to.
func (g *Generator) DestDir() string {
	if g.Dest != "" {
		return g.Dest
	}
	return filepath.Join(g.Source, "public")
}

// Build builds the site once, as of c. On any problem in the input it
// writes nothing and returns every problem found, as [*Error] values joined
// by [errors.Join] (see [Errors]); the previous output stays as it was.
func (g *Generator) Build(ctx context.Context, c Change) (*Result, error) {
	if g.state == nil {
		st, err := newState()
		if err != nil {
			return nil, err
		}
		g.state = st
	}
	st := g.state
	st.builds++
	source := g.Source
	if source == "" {
		source = "."
	}

	// Load the config, the theme and the entries.
	in, err := g.load(ctx, c)
	if err != nil {
		return nil, err
	}
	cfg, theme, ix := in.cfg, in.theme, in.index
	dest := g.DestDir()

	// Render each entry's answer and prepare its images.
	bodies, rendered, renderErr := st.renderEntries(ctx, ix, ix.FrontKey(), filepath.Join(source, ContentDir))
	if err := diag.Join(in.err, renderErr); err != nil {
		return nil, err
	}

	// Compose each entry's posts.
	themeDigest := theme.Digest()
	shell := st.keys.Of(string(cfg.Digest[:]), string(themeDigest[:]), g.SourceDate.UTC().String(), strconv.FormatBool(g.Drafts))
	posts, err := g.composePosts(ctx, cfg, theme, shell, ix, bodies)
	if err != nil {
		return nil, err
	}

	// Check each entry and its posts, and the images.
	checks := cfg.CheckSettings(c.Now)
	found, err := g.checkEntries(ctx, checks, ix, posts, bodies)
	if err != nil {
		return nil, err
	}

	// Plan the queue.
	queue, err := st.queue.Get(shell+ix.FrontKey()+strconv.FormatUint(st.posts.Gen(), 10), func() (*queued, error) {
		return planQueue(cfg, ix.Entries, posts, st.keys.Of(shell, ix.FrontKey(), strconv.FormatUint(st.posts.Gen(), 10)))
	})
	if err != nil {
		return nil, err
	}

	// Render the pages, and check them.
	memo := st.pageMemo(source)
	files, err := site.Render(ctx, site.Options{
		Config:      cfg,
		Entries:     ix.Entries,
		Bodies:      bodies.html,
		Figures:     bodies.figures,
		Posts:       posts.bySlug,
		Readability: found.readability,
		Theme:       theme,
		Epoch:       g.SourceDate.UTC(),
		Memo:        memo,
		Shell:       shell,
		BodyKeys:    bodies.bodyKeys,
		PostKeys:    posts.keys,
		Packer:      &st.packer,
		// A build that writes nothing renders only the pages it checks
		// (not the post previews) when the page templates are faqcast's
		// own, which the tests execute on every kind of page; a site's own
		// templates are all executed, so that their errors show as in a
		// build that writes.
		Lazy: g.NoWrite && memo != nil,
	})
	if err != nil {
		return nil, err
	}
	pageFindings, err := g.checkPages(ctx, checks, dest, files)
	if err != nil {
		return nil, err
	}
	findings := slices.Concat(found.findings, pageFindings)
	if err := check.Errors(findings); err != nil {
		return &Result{Entries: len(ix.Entries), Findings: findings, Scores: found.scores, Dest: dest}, err
	}
	pages := 0 // all of them rendered by site.Render
	for _, f := range files {
		if filepath.Ext(f.Path) == ".html" {
			pages++
		}
	}

	// Draw the share cards, as their files need them.
	cards, err := g.drawCards(ctx, cfg, ix)
	if err != nil {
		return nil, err
	}

	// Write, in the same order every build: a Writer given the files of
	// its last Write in the same order need not sort and check them again.
	files = slices.Concat(files, entryFiles(ix.Entries, bodies, cards), posts.files, queue.files)
	var stats output.Stats
	var drawn int64
	if !g.NoWrite {
		if st.out == nil || st.out.Dir != dest {
			st.out = &output.Writer{Dir: dest}
		}
		before := st.drawn.Load()
		if stats, err = st.out.Write(ctx, files); err != nil {
			return nil, err
		}
		drawn = st.drawn.Load() - before
	}
	return &Result{
		Findings: findings,
		Scores:   found.scores,
		BasePath: cfg.Base.Path,
		Queue:    queue.queue,
		Entries:  len(ix.Entries),
		Pages:    pages,
		Files:    len(files),
		Parsed:   st.loader.Parsed,
		Rendered: rendered,
		Drawn:    int(drawn),
		Stats:    stats,
		Dest:     dest,
	}, nil
}

// loaded is what a build loads: the config, the theme and the index of
// the entries, with the problems of entries that the build goes on past to
// report them with the others.
type loaded struct {
	cfg   *config.Config
	theme *site.Theme
	index *entry.Index
	err   error
}

// load loads the config, the theme and the entries, reading again only the
// entry files that c says changed, if it says.
func (g *Generator) load(ctx context.Context, c Change) (*loaded, error) {
	st := g.state
	source := g.Source
	if source == "" {
		source = "."
	}
	display := func(rel string) string {
		return filepath.ToSlash(filepath.Join(source, rel))
	}
	cfg, cfgErr := config.Load(source)
	var content *entry.Content
	var loadErr error
	if c.Paths != nil {
		content, loadErr = st.loader.Reload(ctx, filepath.Join(source, ContentDir), display(ContentDir), c.Paths)
	} else {
		content, loadErr = st.loader.Load(ctx, filepath.Join(source, ContentDir), display(ContentDir))
	}
	if errors.Is(loadErr, context.Canceled) || errors.Is(loadErr, context.DeadlineExceeded) {
		return nil, loadErr
	}
	theme, themeErr := site.LoadTheme(site.Overlay(siteTemplates(source), templates.FS), display(TemplatesDir))
	if cfgErr != nil || themeErr != nil {
		return nil, diag.Join(cfgErr, loadErr, themeErr)
	}
	live := func(e *entry.Entry) bool { return e.Live(c.Now, g.Drafts) }
	ix, ixErr := st.index.Next(content, live, cfg.StaffIDs())
	st.index = ix
	return &loaded{cfg: cfg, theme: theme, index: ix, err: diag.Join(loadErr, ixErr)}, nil
}

// composePosts composes every published entry's posts, computing again
// only those whose front matter, image, config or templates changed.
func (g *Generator) composePosts(ctx context.Context, cfg *config.Config, theme *site.Theme, shell string, ix *entry.Index, bodies *renderRun) (*postSet, error) {
	st := g.state
	entries := ix.Entries
	items := make([]memo.Item[postVersion], len(entries))
	for i, e := range entries {
		items[i] = memo.Item[postVersion]{Name: e.Rel, Version: postVersion{e.MetaHash, figureOf(bodies.out[i].figure)}}
	}
	c := &post.Composer{
		Config:  cfg,
		Execute: func(name string, data *post.Data) (string, error) { return theme.ExecutePost(name, data) },
	}
	var packer *pack.Packer
	if !g.NoWrite {
		// Only posts.json needs their JSON, which a build that writes
		// nothing (a check) never makes.
		packer = &st.packer
	}
	key := func(i int) string { return postKey(st.keys, shell, cfg, entries[i], bodies.out[i].figure) }
	posts, _, err := st.posts.Map(ctx, shell, items,
		func(i int, last *entryPosts) bool { return last.key == key(i) },
		func(i int) (*entryPosts, error) {
			return composeEntry(c, cfg, entries[i], bodies.out[i].figure, key(i), packer)
		})
	if err := diag.Join(err); err != nil {
		return nil, err
	}
	return st.postSet.Get(strconv.FormatUint(st.posts.Gen(), 10), func() (*postSet, error) {
		return newPostSet(posts, &st.packer, st.keys), nil
	})
}

// checkEntries runs the compliance checks over every published entry and
// its posts, computing again only for the entries whose file or posts, or
// the settings, changed; and the face check over their images.
func (g *Generator) checkEntries(ctx context.Context, s *check.Settings, ix *entry.Index, posts *postSet, bodies *renderRun) (*checkSummary, error) {
	st := g.state
	entries := ix.Entries
	items := make([]memo.Item[checkVersion], len(entries))
	for i, e := range entries {
		items[i] = memo.Item[checkVersion]{Name: e.Rel, Version: checkVersion{e.Hash, posts.keys[e.Slug]}}
	}
	scope := checkScope(s)
	key := func(i int) string {
		e := entries[i]
		return st.keys.Of(scope, e.Hash, e.Path, posts.keys[e.Slug])
	}
	found, _, err := st.checks.Map(ctx, scope, items,
		func(i int, last *entryCheck) bool { return last.key == key(i) },
		func(i int) (*entryCheck, error) {
			c := checkEntry(s, entries[i], posts.bySlug[entries[i].Slug])
			c.key = key(i)
			return c, nil
		})
	if err != nil {
		return nil, err
	}
	sum, _ := st.checkSum.Get(strconv.FormatUint(st.checks.Gen(), 10), func() (*checkSummary, error) {
		return summarizeChecks(entries, found), nil
	})
	if faces := faceFindings(s, bodies); len(faces) > 0 {
		// Among the entries' findings, by file and place.
		with := *sum
		with.findings = slices.Concat(sum.findings, faces)
		slices.SortStableFunc(with.findings, func(a, b check.Finding) int {
			return cmp.Or(strings.Compare(a.Path, b.Path), cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col))
		})
		return &with, nil
	}
	return sum, nil
}

// checkPages runs the page checks over the site's pages, computing again
// only for the pages whose key changed.
func (g *Generator) checkPages(ctx context.Context, s *check.Settings, dest string, files []output.File) ([]check.Finding, error) {
	st := g.state
	pages := checkedPages(files)
	items := make([]memo.Item[string], len(pages))
	unkeyed := "build " + strconv.FormatUint(st.builds, 10) // a page without a key is checked again
	for i, f := range pages {
		items[i] = memo.Item[string]{Name: f.Path, Version: cmp.Or(f.Key, unkeyed)}
	}
	found, _, err := st.pageChecks.Map(ctx, dest+"\x00"+checkScope(s), items,
		func(int, []check.Finding) bool { return false },
		func(i int) ([]check.Finding, error) { return checkPage(s, dest, pages[i]) })
	if err != nil {
		return nil, err
	}
	return st.pageSum.Get(strconv.FormatUint(st.pageChecks.Gen(), 10), func() ([]check.Finding, error) {
		return slices.Concat(found...), nil
	})
}

// drawCards returns every published entry's two share cards, {wide,
// square}, in the entries' order, making files again only for entries
// whose question, practice name or colours changed.
func (g *Generator) drawCards(ctx context.Context, cfg *config.Config, ix *entry.Index) ([][2]output.File, error) {
	st := g.state
	items := make([]memo.Item[cardVersion], len(ix.Entries))
	for i, e := range ix.Entries {
		items[i] = memo.Item[cardVersion]{Name: e.Rel, Version: cardVersion{e.Title, e.Slug, e.Path}}
	}
	cards, _, err := st.cards.Map(ctx, cardLook(cfg), items,
		func(int, [2]output.File) bool { return false },
		func(i int) ([2]output.File, error) { return cardFiles(st.painter, cfg, ix.Entries[i], &st.drawn), nil })
	return cards, err
}

// entryFiles returns the files beside each entry's page, in the entries'
// order: its images, then its share cards.
func entryFiles(entries []*entry.Entry, bodies *renderRun, cards [][2]output.File) []output.File {
	files := make([]output.File, 0, 2*len(entries))
	for i, e := range entries {
		if r := bodies.out[i]; len(r.images) > 0 {
			for _, name := range slices.Sorted(maps.Keys(r.images)) {
				files = append(files, output.File{Path: site.EntryURL(e.Slug) + name, Data: r.images[name].Data})
			}
		}
		files = append(files, cards[i][0], cards[i][1])
	}
	return files
}

// socialDir holds the posts and, later, the queue.
const socialDir = site.PreviewURL

// pageMemo returns the memo that lets a rebuild skip unchanged pages, or
// nil when the site has page templates of its own: the memo's keys cover
// what faqcast's templates show (see [site.Memo]), and a site's templates
// may show more, such as other entries' answers on an entry page.
func (st *state) pageMemo(source string) *site.Memo {
	if fsys := siteTemplates(source); fsys != nil {
		if own, _ := fs.Glob(fsys, "*.html"); len(own) > 0 {
			return nil
		}
		if own, _ := fs.Glob(fsys, "partials/*.html"); len(own) > 0 {
			return nil
		}
	}
	return &st.pages
}

// siteTemplates returns the site's own templates folder, or nil.
func siteTemplates(source string) fs.FS {
	dir := filepath.Join(source, TemplatesDir)
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return nil
	}
	return os.DirFS(dir)
}

// String describes the result in one line, for people.
func (r *Result) String() string {
	return fmt.Sprintf("%s, %s, %s (%d written, %d unchanged, %d removed) in %s",
		count(r.Entries, "entry", "entries"), count(r.Pages, "page", "pages"), count(r.Files, "file", "files"),
		r.Written, r.Unchanged, r.Removed, r.Dest)
}

// count returns "1 entry" or "n entries".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
