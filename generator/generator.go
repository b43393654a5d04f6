// Package generator builds a faqcast site: it reads the config and the FAQ
// entries, renders the education website and writes it to the destination.
//
// A [Generator] is the one value that wires the concept packages together
// (config, entry, markdown, post, check, card, site, schedule, output). It
// keeps what it made between builds, keyed by what each thing is made of:
// entries by their files' bytes and stamps, bodies by their text and what
// their links resolve against, posts and checks by the entry and the
// config, pages by what they show (see [site.Memo]), the queue by what
// picks its posts, and the files it wrote (see [output.Writer]). A
// long-running process that builds again after an edit thus redoes only
// what the edit touched. While only answers change (the index's
// [entry.Front] is the same), the passes over the entries look only at the
// changed ones and patch what the last build made, so that such a rebuild
// takes time that grows with the edit rather than with the site.
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
	"sync"
	"time"

	"github.com/faqcast/faqcast/generator/check"
	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/markdown"
	"github.com/faqcast/faqcast/generator/output"
	"github.com/faqcast/faqcast/generator/schedule"
	"github.com/faqcast/faqcast/generator/site"
	"github.com/faqcast/faqcast/internal/cachekey"
	"github.com/faqcast/faqcast/internal/diag"
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

	loader   entry.Loader
	index    *entry.Index // the last build's
	markdown *markdown.Renderer
	mu       sync.Mutex
	bodies   map[string]*cachedBody // by entry Rel
	rendered *renderRun
	topics   *cachedTopics
	linksKey struct {
		front *entry.Front
		key   string
	}
	images      imageCache
	cardPainter cardPainter
	checked     map[string]*checkedEntry // by entry Rel
	checkRun    *checkRun
	posts       map[string]*cachedPosts // by entry Rel
	postSet     *postSet                // the last build's
	pages       site.Memo
	pageRun     *pageRun
	queued      *cachedQueue
	keys        *cachekey.Maker
	packer      pack.Packer
	out         *output.Writer
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
	if g.markdown == nil {
		g.markdown = markdown.New()
	}
	if g.keys == nil {
		g.keys = cachekey.New()
	}
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
		content, loadErr = g.loader.Reload(ctx, filepath.Join(source, ContentDir), display(ContentDir), c.Paths)
	} else {
		content, loadErr = g.loader.Load(ctx, filepath.Join(source, ContentDir), display(ContentDir))
	}
	if errors.Is(loadErr, context.Canceled) || errors.Is(loadErr, context.DeadlineExceeded) {
		return nil, loadErr
	}
	theme, themeErr := site.LoadTheme(site.Overlay(siteTemplates(source), templates.FS), display(TemplatesDir))
	if cfgErr != nil || themeErr != nil {
		return nil, diag.Join(cfgErr, loadErr, themeErr)
	}

	live := func(e *entry.Entry) bool { return e.Live(c.Now, g.Drafts) }
	ix, ixErr := g.index.Next(content, live, cfg.StaffIDs())
	g.index = ix
	// What every link resolves against: which entries there are, their
	// front matter and whether they are published; the same while the
	// index's Front is.
	if g.linksKey.front != ix.Front() {
		lk := g.keys.Hash()
		for _, e := range content.Entries {
			g.keys.Add(lk, e.Rel, e.MetaHash, strconv.FormatBool(live(e)))
		}
		for _, rel := range content.Failed {
			g.keys.Add(lk, "failed", rel)
		}
		g.linksKey.front, g.linksKey.key = ix.Front(), cachekey.Sum(lk)
	}
	bodies, rendered, renderErr := g.renderEntries(ctx, ix, g.linksKey.key, filepath.Join(source, ContentDir))
	if err := diag.Join(loadErr, ixErr, renderErr); err != nil {
		return nil, err
	}

	cards, err := g.cards(cfg, ix)
	if err != nil {
		return nil, err
	}
	themeDigest := theme.Digest()
	shell := g.keys.Of(string(cfg.Digest[:]), string(themeDigest[:]), g.SourceDate.UTC().String(), strconv.FormatBool(g.Drafts))
	set, postErr := g.composePosts(ctx, cfg, theme, shell, ix, bodies)
	if postErr != nil {
		return nil, postErr
	}
	posts, postKeys := set.bySlug, set.keys
	checks := cfg.CheckSettings(c.Now)
	findings, scores, readability := g.checkEntries(ctx, checks, ix, set)
	if faces := faceFindings(checks, bodies); len(faces) > 0 {
		// Among the entries' findings, by file and place: a new slice, as
		// checkEntries keeps its own for the next build.
		findings = slices.Concat(findings, faces)
		slices.SortStableFunc(findings, func(a, b check.Finding) int {
			return cmp.Or(strings.Compare(a.Path, b.Path), cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col))
		})
	}
	queue, queued, err := g.queue(cfg, shell, ix.Entries, set)
	if err != nil {
		return nil, err
	}
	social := slices.Concat(set.files, queued)

	memo := g.pageMemo(source)
	opts := site.Options{
		Config:      cfg,
		Entries:     ix.Entries,
		Bodies:      bodies.html,
		Figures:     bodies.figures,
		Posts:       posts,
		Readability: readability,
		Theme:       theme,
		Epoch:       g.SourceDate.UTC(),
		Memo:        memo,
		Shell:       shell,
		BodyKeys:    bodies.bodyKeys,
		PostKeys:    postKeys,
		Packer:      &g.packer,
		// A build that writes nothing renders only the pages it checks
		// (not the post previews) when the page templates are faqcast's
		// own, which the tests execute on every kind of page; a site's own
		// templates are all executed, so that their errors show as in a
		// build that writes.
		Lazy: g.NoWrite && memo != nil,
	}
	images := make([]output.File, 0, 2*len(ix.Entries))
	// In the entries' order, as the last build did: the Writer need not
	// check and sort files that come in the same order again.
	for i, e := range ix.Entries {
		r := bodies.out[i]
		if len(r.images) > 0 {
			for _, name := range slices.Sorted(maps.Keys(r.images)) {
				images = append(images, output.File{Path: site.EntryURL(e.Slug) + name, Data: r.images[name].Data})
			}
		}
		images = append(images, cards[i][0], cards[i][1])
	}
	files, err := site.Render(ctx, opts)
	if err != nil {
		return nil, err
	}
	pageFindings, err := g.checkPages(ctx, checks, files)
	if err != nil {
		return nil, err
	}
	findings = append(findings, pageFindings...)
	if err := check.Errors(findings); err != nil {
		return &Result{Entries: len(ix.Entries), Findings: findings, Scores: scores, Dest: g.DestDir()}, err
	}
	pages := 0 // all of them rendered by site.Render
	for _, f := range files {
		if filepath.Ext(f.Path) == ".html" {
			pages++
		}
	}
	// In the same order every build: Write sorts them, or, given the files
	// of its last Write in the same order, need not.
	files = slices.Concat(files, images, social)
	dest := g.DestDir()
	var stats output.Stats
	var drawn int64
	if !g.NoWrite {
		if g.out == nil || g.out.Dir != dest {
			g.out = &output.Writer{Dir: dest}
		}
		before := g.cardPainter.drawn.Load()
		stats, err = g.out.Write(ctx, files)
		if err != nil {
			return nil, err
		}
		drawn = g.cardPainter.drawn.Load() - before
	}
	return &Result{
		Findings: findings,
		Scores:   scores,
		BasePath: cfg.Base.Path,
		Queue:    queue,
		Entries:  len(ix.Entries),
		Pages:    pages,
		Files:    len(files),
		Parsed:   g.loader.Parsed,
		Rendered: rendered,
		Drawn:    int(drawn),
		Stats:    stats,
		Dest:     dest,
	}, nil
}

// socialDir holds the posts and, later, the queue.
const socialDir = site.PreviewURL

// pageMemo returns the memo that lets a rebuild skip unchanged pages, or
// nil when the site has page templates of its own: the memo's keys cover
// what faqcast's templates show (see [site.Memo]), and a site's templates
// may show more, such as other entries' answers on an entry page.
func (g *Generator) pageMemo(source string) *site.Memo {
	if fsys := siteTemplates(source); fsys != nil {
		if own, _ := fs.Glob(fsys, "*.html"); len(own) > 0 {
			return nil
		}
		if own, _ := fs.Glob(fsys, "partials/*.html"); len(own) > 0 {
			return nil
		}
	}
	return &g.pages
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
