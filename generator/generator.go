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
// what the edit touched.
package generator

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/maphash"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/faqcast/faqcast/generator/check"
	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/diag"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/markdown"
	"github.com/faqcast/faqcast/generator/media"
	"github.com/faqcast/faqcast/generator/output"
	"github.com/faqcast/faqcast/generator/parallel"
	"github.com/faqcast/faqcast/generator/post"
	"github.com/faqcast/faqcast/generator/schedule"
	"github.com/faqcast/faqcast/generator/site"
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
	// NoWrite builds everything in memory and writes nothing.
	NoWrite bool
	// Now is the build's reference time: entries are published from their
	// publish_on date and until their expire_on date as of Now. It is never
	// written into the output. The CLI sets it from SOURCE_DATE_EPOCH, or
	// else from the clock. When it is zero, publish_on and expire_on are not
	// applied.
	Now time.Time
	// Changed, when not nil, lists the paths that changed since the last
	// Build, as a file watcher reports them (a folder among them, or a
	// path the watcher lost track of, stands for everything below it).
	// Build then takes the other entry files to be as they were, without
	// looking at them.
	Changed []string
	// SourceDate is SOURCE_DATE_EPOCH when it is set. Output that needs a
	// date where the input has none (the feed of a site with no reviewed
	// entries) uses it, or else the Unix epoch: never the clock.
	SourceDate time.Time

	loader    entry.Loader
	markdown  *markdown.Renderer
	mu        sync.Mutex
	bodies    map[string]*cachedBody // by entry Rel
	images    imageCache
	cardCache cardCache
	checked   map[string]*checkedEntry // by entry Rel
	posts     map[string]*cachedPosts  // by entry Rel
	pages     site.Memo
	pageCheck map[string]*checkedPage // by path
	queued    *cachedQueue
	keys      *keyer
	out       *output.Writer
}

// A Result tells what a build did.
type Result struct {
	Entries int // entries published
	Pages   int // HTML pages rendered
	Files   int // files in the output
	// Parsed and Rendered count the entries parsed and bodies rendered
	// afresh, not taken from the previous build.
	Parsed, Rendered int
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

// cachedBody is a rendered body, valid while the body's bytes are the same
// and each of its links resolves as before.
type cachedBody struct {
	hash          string
	line          int
	path          string
	html          []byte
	key           string // digest of html
	links, images map[string]string
	linksKey      uint64 // what the links resolved against
}

// DestDir returns the folder a build writes to.
func (g *Generator) DestDir() string {
	if g.Dest != "" {
		return g.Dest
	}
	return filepath.Join(g.Source, "public")
}

// Build builds the site once. On any problem in the input it writes nothing
// and returns every problem found, as [*diag.Error] values joined by
// [diag.Join]; the previous output stays as it was.
func (g *Generator) Build(ctx context.Context) (*Result, error) {
	if g.markdown == nil {
		g.markdown = markdown.New()
	}
	if g.keys == nil {
		g.keys = &keyer{seed: maphash.MakeSeed()}
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
	if g.Changed != nil {
		content, loadErr = g.loader.Reload(ctx, filepath.Join(source, ContentDir), display(ContentDir), g.Changed)
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

	live := func(e *entry.Entry) bool { return e.Live(g.Now, g.Drafts) }
	ix, ixErr := entry.NewIndex(content, live, cfg.StaffIDs())
	// What every link resolves against: which entries there are, their
	// front matter and whether they are published.
	var lk maphash.Hash
	lk.SetSeed(g.keys.seed)
	for _, e := range content.Entries {
		lk.WriteString(g.keys.of(e.Rel, e.MetaHash, strconv.FormatBool(live(e))))
	}
	for _, rel := range content.Failed {
		lk.WriteString(g.keys.of("failed", rel))
	}
	done, renderErr := g.renderEntries(ctx, ix, lk.Sum64(), filepath.Join(source, ContentDir))
	if err := diag.Join(loadErr, ixErr, renderErr); err != nil {
		return nil, err
	}

	cards, err := g.cards(cfg, ix.Entries)
	if err != nil {
		return nil, err
	}
	themeDigest := theme.Digest()
	shell := g.keys.of(string(cfg.Digest[:]), string(themeDigest[:]), g.SourceDate.UTC().String(), strconv.FormatBool(g.Drafts))
	posts, postKeys, social, postErr := g.composePosts(ctx, cfg, theme, shell, ix, done)
	if postErr != nil {
		return nil, postErr
	}
	checks := cfg.CheckSettings(g.Now)
	findings, scores := g.checkEntries(ctx, checks, ix.Entries, posts, postKeys)
	queue, queued, err := g.queue(cfg, shell, ix.Entries, posts, postKeys)
	if err != nil {
		return nil, err
	}
	social = append(social, queued...)

	opts := site.Options{
		Config:      cfg,
		Entries:     ix.Entries,
		Bodies:      map[*entry.Entry][]byte{},
		Figures:     map[*entry.Entry]*site.Figure{},
		Posts:       posts,
		Readability: map[string]string{},
		Theme:       theme,
		Epoch:       g.SourceDate.UTC(),
		Memo:        g.pageMemo(source),
		Shell:       shell,
		BodyKeys:    map[*entry.Entry]string{},
		PostKeys:    postKeys,
	}
	for _, e := range ix.Entries {
		if sc := scores[e.Path]; sc.Words >= check.MinScoredWords {
			opts.Readability[e.Slug] = sc.String()
		}
	}
	var images []output.File
	rendered := 0
	for e, r := range done {
		opts.Bodies[e] = r.body.html
		opts.BodyKeys[e] = r.body.key
		opts.Figures[e] = r.figure
		for name, img := range r.images {
			images = append(images, output.File{Path: site.EntryURL(e.Slug) + name, Data: img.Data})
		}
		images = append(images, cards[e][0], cards[e][1])
		if r.fresh {
			rendered++
		}
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
	files = append(files, images...)
	files = append(files, social...) // in no particular order: Write sorts them
	pages := 0
	for _, f := range files {
		if filepath.Ext(f.Path) == ".html" {
			pages++
		}
	}
	dest := g.DestDir()
	var stats output.Stats
	if !g.NoWrite {
		if g.out == nil || g.out.Dir != dest {
			g.out = &output.Writer{Dir: dest}
		}
		if stats, err = g.out.Write(ctx, files); err != nil {
			return nil, err
		}
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
		Stats:    stats,
		Dest:     dest,
	}, nil
}

// checkEntries runs the compliance checks over every published entry and
// its posts, in parallel, and returns the findings sorted by file.
func (g *Generator) checkEntries(ctx context.Context, s *check.Settings, entries []*entry.Entry, posts map[string][]post.Variant, postKeys map[string]string) ([]check.Finding, map[string]check.Score) {
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
		key := g.keys.of(string(settings[:]), e.Hash, e.Path, postKeys[e.Slug])
		if c := old[e.Rel]; c != nil && c.key == key {
			found[i] = c
			return
		}
		variants := map[string]string{}
		for _, v := range posts[e.Slug] {
			if !v.Override {
				variants[v.Platform] = v.Text
			}
		}
		findings, score := s.Check(e, variants)
		found[i] = &checkedEntry{key: key, findings: findings, score: score}
	})
	var all []check.Finding
	byPath := map[string]check.Score{}
	next := make(map[string]*checkedEntry, len(entries))
	for i, c := range found {
		if c == nil { // cancelled
			continue
		}
		all = append(all, c.findings...)
		byPath[entries[i].Path] = c.score
		next[entries[i].Rel] = c
	}
	g.mu.Lock()
	g.checked = next
	g.mu.Unlock()
	slices.SortStableFunc(all, func(a, b check.Finding) int { return strings.Compare(a.Path, b.Path) })
	return all, byPath
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
	key      string
	findings []check.Finding
	score    check.Score
}

// composePosts writes every published entry's post variants, in parallel,
// reusing the last build's for entries whose file, page, media, config and
// templates are the same. It returns them by slug, for the preview page,
// and the files social/posts.json and social/posts/<slug>.md.
func (g *Generator) composePosts(ctx context.Context, cfg *config.Config, theme *site.Theme, shell string, ix *entry.Index, done map[*entry.Entry]*renderedEntry) (map[string][]post.Variant, map[string]string, []output.File, error) {
	c := &post.Composer{
		Config:  cfg,
		Execute: func(name string, data *post.Data) (string, error) { return theme.ExecutePost(name, data) },
	}
	g.mu.Lock()
	old := g.posts
	g.mu.Unlock()
	composed := make([]*cachedPosts, len(ix.Entries))
	errs := make([]error, len(ix.Entries))
	err := parallel.For(ctx, len(ix.Entries), func(i int) {
		e := ix.Entries[i]
		page := cfg.BaseURL + site.EntryURL(e.Slug)
		// An entry's own image, or else its square share card.
		media := []post.Media{{Src: page + site.SquareName, Alt: site.CardAlt(e.Title)}}
		if f := done[e].figure; f != nil {
			media = []post.Media{{Src: page + f.URL, Alt: f.Alt}}
		}
		// Posts are made of the front matter, not the answer: an edit to
		// the answer leaves them, posts.json and the queue as they were.
		key := g.keys.of(shell, e.MetaHash, e.Path, page, media[0].Src, media[0].Alt)
		if p := old[e.Rel]; p != nil && p.key == key {
			composed[i] = p
			return
		}
		variants, err := c.Compose(e, page, media)
		if err != nil {
			errs[i] = err
			return
		}
		part, err := post.JSONPart(variants)
		if err != nil {
			errs[i] = err
			return
		}
		composed[i] = &cachedPosts{key: key, entry: e, variants: variants, json: part}
	})
	if err != nil {
		return nil, nil, nil, err
	}
	if err := diag.Join(errs...); err != nil {
		return nil, nil, nil, err
	}

	bySlug := make(map[string][]post.Variant, len(ix.Entries))
	keys := make(map[string]string, len(ix.Entries))
	next := make(map[string]*cachedPosts, len(ix.Entries))
	files := make([]output.File, 0, len(ix.Entries)+1)
	parts := make([][]byte, len(ix.Entries))
	var all maphash.Hash
	all.SetSeed(g.keys.seed)
	for i, e := range ix.Entries {
		p := composed[i]
		next[e.Rel] = p
		bySlug[e.Slug] = p.variants
		keys[e.Slug] = p.key
		parts[i] = p.json
		all.WriteString(p.key)
		// The review file is made again when it is written: it is quick to
		// make and not worth keeping.
		files = append(files, output.File{Path: socialDir + "posts/" + e.Slug + ".md", Key: "posts " + p.key,
			Make: func() ([]byte, error) { return post.Markdown(p.entry, p.variants), nil }})
	}
	files = append(files, output.File{
		Path: socialDir + "posts.json",
		Key:  "posts.json " + strconv.FormatUint(all.Sum64(), 16),
		Make: func() ([]byte, error) { return post.JoinJSON(parts), nil },
	})
	g.mu.Lock()
	g.posts = next
	g.mu.Unlock()
	return bySlug, keys, files, nil
}

// cachedPosts is an entry's posts, valid while key is the same.
type cachedPosts struct {
	key      string
	entry    *entry.Entry
	variants []post.Variant
	json     []byte // the variants in posts.json
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

// A renderedEntry is what renderEntries makes of one entry.
type renderedEntry struct {
	body   *cachedBody
	figure *site.Figure            // the front matter image, or nil
	images map[string]*media.Image // by name beside the page
	fresh  bool                    // the body was rendered, not reused
}

// renderEntries renders the body of every published entry and prepares its
// images, in parallel, reusing the previous build's HTML for bodies whose
// bytes and references did not change.
func (g *Generator) renderEntries(ctx context.Context, ix *entry.Index, linksKey uint64, content string) (map[*entry.Entry]*renderedEntry, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.bodies == nil {
		g.bodies = map[string]*cachedBody{}
	}
	g.images.begin()
	defer g.images.end()
	links := newLinks(ix)
	out := make([]*renderedEntry, len(ix.Entries))
	errs := make([]error, len(ix.Entries))
	err := parallel.For(ctx, len(ix.Entries), func(i int) {
		out[i], errs[i] = g.renderEntry(ix.Entries[i], links, linksKey, content)
	})
	if err != nil {
		return nil, err
	}

	done := make(map[*entry.Entry]*renderedEntry, len(ix.Entries))
	next := make(map[string]*cachedBody, len(ix.Entries))
	for i, e := range ix.Entries {
		if out[i] != nil {
			done[e] = out[i]
			next[e.Rel] = out[i].body
		}
	}
	g.bodies = next
	return done, diag.Join(errs...)
}

// renderEntry renders one entry's body and prepares its images.
func (g *Generator) renderEntry(e *entry.Entry, links *links, linksKey uint64, content string) (*renderedEntry, error) {
	images := newPageImages(&g.images, content, e)
	r := &renderedEntry{}
	var errs []error
	if img := e.Image; img != nil {
		name, err := images.resolve(img.Src)
		if err != nil {
			errs = append(errs, &diag.Error{Path: e.Path, Pos: img.Pos["src"], Err: err, Hint: markdown.HintOf(err)})
		} else {
			prepared := images.files[name]
			r.figure = &site.Figure{URL: name, Alt: img.Alt, Width: prepared.Width, Height: prepared.Height}
		}
	}
	refs := markdown.Refs{Link: links.resolver(e), Image: images.resolve}
	if c := g.bodies[e.Rel]; c != nil && c.valid(e, refs, linksKey) {
		r.body = c
	} else {
		res, err := g.markdown.Render(e.Path, e.Body, e.BodyLine, refs)
		if err != nil {
			errs = append(errs, err)
		} else {
			sum := sha256.Sum256(res.HTML)
			r.body = &cachedBody{hash: e.Hash, line: e.BodyLine, path: e.Path, html: res.HTML, key: hex.EncodeToString(sum[:]), links: res.Links, linksKey: linksKey, images: res.Images}
			r.fresh = true
		}
	}
	if len(errs) > 0 {
		return nil, diag.Join(errs...)
	}
	r.images = images.files
	return r, nil
}

// valid reports whether c can stand for e's body: the same bytes at the same
// place, and every reference resolving as before. Links are resolved again
// only when linksKey, a digest of what they resolve against, changed.
func (c *cachedBody) valid(e *entry.Entry, refs markdown.Refs, linksKey uint64) bool {
	if c.hash != e.Hash || c.line != e.BodyLine || c.path != e.Path {
		return false
	}
	checks := []struct {
		refs    map[string]string
		resolve markdown.Resolver
	}{{c.images, refs.Image}}
	if c.linksKey != linksKey {
		// Links resolve as before while nothing they resolve against
		// changed.
		checks = append(checks, struct {
			refs    map[string]string
			resolve markdown.Resolver
		}{c.links, refs.Link})
	}
	for _, m := range checks {
		for dest, to := range m.refs {
			if got, err := m.resolve(dest); err != nil || got != to {
				return false
			}
		}
	}
	return true
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
