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
	"html/template"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/faqcast/faqcast/generator/check"
	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/locale"
	"github.com/faqcast/faqcast/generator/output"
	"github.com/faqcast/faqcast/generator/schedule"
	"github.com/faqcast/faqcast/generator/site"
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
	// AsPublished, with Drafts, refuses what a build without Drafts would
	// in the entries it publishes: a link from one of them to a draft, or
	// to a topic page that only drafts have; and it allows a draft's link
	// to an entry not published yet, which such a build does not see.
	// faqcast check sets it, so that its links agree with a build's.
	AsPublished bool
	// NoWrite builds everything in memory and writes nothing. It must be
	// the same for every build of a Generator.
	NoWrite bool
	// SourceDate is SOURCE_DATE_EPOCH when it is set. Output that needs a
	// date where the input has none (the feed of a site with no reviewed
	// entries) uses it, or else the Unix epoch: never the clock.
	SourceDate time.Time
	// CacheDir, when set, is the folder of what builds keep between
	// processes (see [DefaultCacheDir]): the share cards, by their recipe;
	// each entry's posts and replies, by its front matter, the config, the
	// templates, the messages and the running program; what the checks
	// found in each entry and its posts, by the entry's file, its posts,
	// the settings, the day and the running program; and the site's pages,
	// by what they show (see [site.Doc]), the config, the templates, the
	// messages and the running program, unless the site has page templates
	// of its own. What is found there is not made again. "" keeps none.
	CacheDir string
	// SpillDir, when set, is a folder in which each build holds, in a
	// temporary file, the bytes it keeps until it writes them (each
	// entry's posts, and the pages not kept in the cache), packed, rather
	// than in memory, and the entries' Markdown once it is checked: a
	// build of 10,000 entries would otherwise hold about 60 MB of them,
	// and 130 MB without a cache. The file is removed when the build
	// ends, or at once where the system allows. It suits a Generator that
	// builds once, as faqcast build's does: one that builds again parses
	// the entries again, and composes again or reads from the cache the
	// posts the last build held there.
	SpillDir string

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
	// afresh, not taken from the previous build; Made, the site's files
	// made afresh (pages, the sitemap, the feed, robots.txt and the style
	// sheet); Drawn, the share cards drawn to write or to compare, not
	// found as drawn before.
	Parsed, Rendered, Made, Drawn int
	// Cached counts the share cards taken from the cache (see
	// [Generator.CacheDir]) instead of drawn; CachedPosts, the entries
	// whose posts and replies were taken from it instead of composed;
	// CachedFindings, those whose findings were taken from it instead of
	// found by the checks.
	Cached, CachedPosts, CachedFindings int
	// Found counts the share cards neither drawn nor taken from the cache,
	// as the output held them already: found there drawn from what they
	// show, or, in a Generator that built before, unchanged since its
	// last build wrote them.
	Found int
	// CacheErr, when not nil, is why the build could not use its cache,
	// or could not keep something in it, such as a folder it may not
	// write or a full disk: it made what it could not take from the
	// cache, as a build without one does.
	CacheErr error
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
	// LeftOut lists the entries the build did not publish, by file, and
	// why.
	LeftOut []LeftOut
	// NoSchedule is set when the config sets up no schedule, so that no
	// post is queued.
	NoSchedule bool
}

// A LeftOut is an entry a build did not publish.
type LeftOut struct {
	Path string // the entry's file, as diagnostics name it
	// Why is "draft", "publish_on" (its date is after the build's) or
	// "expire_on" (its date is not after the build's).
	Why string
	// On is the publish_on or expire_on date.
	On time.Time
}

// leftOut returns why the entries of ix that the build did not publish
// were left out, as of now.
func leftOut(ix *entry.Index, now time.Time, drafts bool) []LeftOut {
	var out []LeftOut
	for _, e := range ix.Unpublished() {
		switch {
		case e.Draft && !drafts:
			out = append(out, LeftOut{Path: e.Path, Why: "draft"})
		case !e.PublishOn.IsZero() && now.Before(e.PublishOn):
			out = append(out, LeftOut{Path: e.Path, Why: "publish_on", On: e.PublishOn})
		case !e.ExpireOn.IsZero():
			out = append(out, LeftOut{Path: e.Path, Why: "expire_on", On: e.ExpireOn})
		}
	}
	return out
}

// DestDir returns the folder a build writes to.
func (g *Generator) DestDir() string {
	if g.Dest != "" {
		return g.Dest
	}
	return filepath.Join(g.Source, "public")
}

// CheckDest reports a destination that a build may not write into: the
// site's content or templates folder, or a folder inside one, whose files
// a build reads. The error is an [*Error] with a hint. Build reports it
// too, with the site's other problems; a command that builds again on
// every save checks it before the first build, since no save can cure it.
func (g *Generator) CheckDest() error {
	return checkDest(cmp.Or(g.Source, "."), g.DestDir())
}

// checkDest reports a destination that is the site's content or templates
// folder, or lies inside one: the built files would be read back as the
// site's entries or templates.
func checkDest(source, dest string) error {
	for _, dir := range []string{ContentDir, TemplatesDir} {
		d := filepath.Join(source, dir)
		if !within(dest, d) {
			continue
		}
		where := "inside the site's " + dir + " folder, " + filepath.ToSlash(d)
		if within(d, dest) {
			where = "the site's " + dir + " folder"
		}
		return diag.Errorf(filepath.ToSlash(dest), diag.Pos{}, "the output folder is %s", where).
			WithHint("build into a folder of its own outside %s/ and %s/, such as the default, public/", ContentDir, TemplatesDir)
	}
	return nil
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
	g.state.builds++
	g.openCache()
	if g.CacheDir != "" {
		go g.state.program() // for the cache's keys, while the input is read
	}
	if g.SpillDir != "" {
		// Without the file, the build holds the bytes in memory.
		if spill, err := pack.NewSpill(g.SpillDir); err == nil {
			g.state.packer.Spill, g.state.spilling = spill, "\x00spill "+strconv.FormatUint(g.state.builds, 10)
			defer func() {
				g.state.packer.Spill, g.state.spilling = nil, ""
				spill.Close()
				// The entries lack their Markdown (see bodySet.letGo):
				// parsed again next time.
				g.state.loader, g.state.index = entry.Loader{}, nil
			}()
		}
	}
	in, err := g.load(ctx, c) // the config, the theme and the entries
	if err != nil {
		return nil, err
	}
	bodies, err := g.renderBodies(ctx, in) // each answer's HTML and images
	if err := diag.Join(in.err, err); err != nil {
		return nil, err
	}
	posts, postsKept, err := g.composePosts(ctx, in, bodies) // each entry's posts
	if err != nil {
		return nil, err
	}
	found, findingsKept, err := g.checkEntries(ctx, in, posts, bodies) // each entry, its posts and images
	if err != nil {
		return nil, err
	}
	if g.state.spilling != "" {
		bodies.letGo(&g.state.packer) // the entries' Markdown, checked
	}
	queue, err := g.planQueue(in, posts)
	if err != nil {
		return nil, err
	}
	// Made meanwhile: waited for whatever ends the build, before the spill
	// that queue.json may be packed into is closed.
	defer queue.wait()
	replies := g.replyFiles(in)
	pages, err := g.renderPages(ctx, in, bodies, posts, queue, found)
	if err != nil {
		return nil, err
	}
	pageFindings, err := g.checkPages(ctx, in, pages)
	if err != nil {
		return nil, err
	}
	if err := errors.Join(posts.Err(), bodies.Err()); err != nil {
		// A page made without an entry's posts, which could not be
		// unpacked, or without its answer: not to be written.
		return nil, err
	}
	res := &Result{Entries: len(in.index.Entries), Findings: slices.Concat(found.findings, pageFindings), Scores: found.scores, Dest: in.dest,
		LeftOut: leftOut(in.index, c.Now, g.Drafts), NoSchedule: len(in.cfg.Schedule.Parsed) == 0}
	if err := check.Errors(res.Findings); err != nil {
		res.CacheErr = g.cacheErr()
		return res, err
	}
	if err := queue.wait(); err != nil {
		g.state.queue.Forget()
		return nil, err
	}
	cards, err := g.drawCards(ctx, in) // drawn as their files are written
	if err != nil {
		return nil, err
	}
	// In the same order every build: a Writer given the files of its last
	// Write in the same order need not sort and check them again.
	homes := homeCards(in.cfg, in.catalog, in.langs)
	files := slices.Concat(pages.files, cardsOf(homes), entryFiles(in.cfg, in.index.Entries, bodies, cards), posts.files, replies, queue.files)
	m := &maker{pages: pages, queue: queue, cards: cards, homes: homes, posts: posts.posts, build: queue.queue.Build, situations: situationTexts(in.cfg, in.catalog, in.langs), words: in.catalog.Locale(in.cfg.Language), packer: &g.state.packer, painter: g.state.painter, disk: g.diskCache()}
	if m.disk != nil {
		// Without a cache, nothing is read into the memory the writer is
		// done with: a pool would only keep it from the collector.
		m.records = &g.state.records
	}
	if err := g.write(ctx, in, files, m, res); err != nil {
		return nil, err
	}
	if err := errors.Join(posts.Err(), bodies.Err()); err != nil {
		return nil, err // a page made while written lacks an entry's posts or answer
	}
	if m.disk != nil {
		// Upkeep of the cache, by the wall clock, which no output sees.
		_ = m.disk.TrimDaily(time.Now(), CacheMaxAge, CacheMaxBytes) // a cache not trimmed still works
	}
	res.CachedPosts, res.CachedFindings = postsKept, findingsKept
	res.CacheErr = g.cacheErr()
	res.BasePath, res.Queue, res.Files = in.cfg.Base.Path, queue.queue, len(files)
	res.Parsed, res.Rendered, res.Made = g.state.loader.Parsed, bodies.rendered, int(pages.made.Load())
	for _, f := range pages.files {
		if filepath.Ext(f.Path) == ".html" {
			res.Pages++
		}
	}
	return res, nil
}

// loaded is what a build loads, and what all its stages share: the
// config, the theme, the index of the entries (with the problems of
// entries, which the build goes on past to report them with the others),
// and what is made of them.
type loaded struct {
	cfg   *config.Config
	theme *site.Theme
	// catalog holds the messages of the site's language and the
	// entries'.
	catalog *locale.Catalog
	index   *entry.Index
	err     error
	source  string // the site's root
	dest    string // the destination
	shell   string // a digest of what every page and post depends on besides the entries
	// shellSum is the same digest by SHA-256, the same in every process,
	// for the cache kept between them, less the SourceDate and whether
	// drafts are built, which key the pages that show them by their own
	// digests (see [site.Doc]).
	shellSum string
	checks   *check.Settings // as of the build's reference time
	scope    string          // a digest of checks (see checkScope)
	// texts are the words of the config and of the site's own templates
	// that every page or post shows, for the checks.
	texts []check.Text
	// ownPages is set when the site has page templates of its own (see
	// ownPages).
	ownPages bool
	// now is the build's reference time.
	now time.Time
	// langs are the languages of the site and its published entries, the
	// site's first (see [site.Uses]).
	langs []string
}

// load loads the config, the theme and the entries, reading again only the
// entry files that c says changed, if it says.
func (g *Generator) load(ctx context.Context, c Change) (*loaded, error) {
	st := g.state
	source := cmp.Or(g.Source, ".")
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
	own := siteTemplates(source)
	theme, themeErr := site.LoadTheme(site.Overlay(own, templates.FS), display(TemplatesDir))
	destErr := checkDest(source, g.DestDir())
	if cfgErr != nil || themeErr != nil {
		return nil, diag.Join(cfgErr, loadErr, themeErr, destErr)
	}
	live := func(e *entry.Entry) bool { return e.Live(c.Now, g.Drafts) }
	ix, ixErr := st.index.Next(content, live, cfg.StaffIDs())
	st.index = ix
	ixErr = diag.Join(ixErr, reservedSlugs(cfg, ix), ix.CheckLanguages(cfg.Language))
	uses := site.Uses(cfg, ix.Entries)
	cat, catErr := locale.Load(locale.Sources{Default: templates.FS, Site: own, Display: display(TemplatesDir), Config: cfg.Messages, ConfigPath: cfg.Path},
		uses)
	if catErr != nil {
		return nil, diag.Join(loadErr, ixErr, catErr, destErr)
	}
	langs := make([]string, len(uses))
	for i, u := range uses {
		langs[i] = u.Lang
		words := cat.Locale(u.Lang)
		ixErr = diag.Join(ixErr, cfg.CheckDefaultReplies(u.Lang, func(situation string) string {
			return words.Written(cfg.DefaultReplyKey(situation))
		}))
	}
	themeDigest, catDigest := theme.Digest(), cat.Digest()
	diskParts := []string{string(cfg.Digest[:]), string(themeDigest[:]), string(catDigest[:])}
	// The cache's records are kept across SourceDates and --drafts. The
	// date shows only as the site's date when no entry has one, which keys
	// the pages that show it (see [site.Doc]), and CI jobs that set
	// SOURCE_DATE_EPOCH to each commit's time would otherwise make every
	// post and page again. Drafts only add entries: an entry's posts are
	// its own, and what a page shows of the others keys it too, so a
	// writer's build with drafts after CI's without takes all the rest.
	shellParts := append(slices.Clip(diskParts), strconv.FormatBool(g.Drafts), g.SourceDate.UTC().String())
	checks := cfg.CheckSettings(c.Now)
	for _, d := range cat.All("disclaimer") {
		checks.Disclaimers = append(checks.Disclaimers, template.HTMLEscapeString(d))
	}
	ixErr = diag.Join(ixErr, checkEmergencyMessages(cfg, cat, langs, cat.Texts()))
	texts := append(cfg.Texts(), cat.Texts()...)
	if own != nil {
		texts = append(texts, site.TemplateTexts(own, display(TemplatesDir))...)
	}
	return &loaded{
		cfg: cfg, theme: theme, catalog: cat, index: ix, err: diag.Join(loadErr, ixErr, destErr), now: c.Now,
		source: source, dest: g.DestDir(),
		shell:    st.keys.Of(shellParts...),
		shellSum: digestOf(diskParts...),
		checks:   checks,
		scope:    checkScope(checks),
		texts:    texts,
		ownPages: ownPages(own, templates.FS),
		langs:    langs,
	}, nil
}

// write writes files into the destination, those without their bytes made
// by m, unless the Generator writes nothing, and records in res what it
// did.
func (g *Generator) write(ctx context.Context, in *loaded, files []output.File, m *maker, res *Result) error {
	if g.NoWrite {
		return nil
	}
	st := g.state
	if st.out == nil || st.out.Dir != in.dest {
		st.out = &output.Writer{Dir: in.dest, Together: []string{strings.TrimSuffix(publishDir, "/")}}
	}
	stats, err := st.out.Write(ctx, files, m)
	// Each share card was drawn, taken from the cache, or already in the output.
	res.Stats, res.Drawn, res.Cached = stats, int(m.drawn.Load()), int(m.cached.Load())
	res.Found = 2*len(m.cards) + len(m.homes) - res.Drawn - res.Cached
	return err
}

// cardsOf returns the files of cards.
func cardsOf(cards []cardFile) []output.File {
	files := make([]output.File, len(cards))
	for i, c := range cards {
		files[i] = c.file
	}
	return files
}

// entryFiles returns the files beside each entry's page, in the entries'
// order: its images, then its share cards.
func entryFiles(cfg *config.Config, entries []*entry.Entry, bodies *bodySet, cards [][2]cardFile) []output.File {
	files := make([]output.File, 0, 2*len(entries))
	for i, e := range entries {
		if images := bodies.images[i]; len(images) > 0 {
			for _, name := range slices.Sorted(maps.Keys(images)) {
				files = append(files, output.File{Path: cfg.EntryURLIn(e.Slug, e.Lang) + name, Data: images[name].Data})
			}
		}
		files = append(files, cards[i][0].file, cards[i][1].file)
	}
	return files
}

// socialDir holds the staff workspace: its pages, the posts for review and
// the publisher's files.
const socialDir = site.WorkspaceURL

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

// reservedSlugs reports the published entries whose slugs name one of
// faqcast's own folders, or the folder of a language some entries are in,
// where entries' pages are right below the site's base URL (see
// [config.Config.EntryURL] and [config.Config.EntryURLIn]).
func reservedSlugs(cfg *config.Config, ix *entry.Index) error {
	if cfg.EntriesDir() != "" {
		return nil
	}
	var errs []error
	langs := map[string]bool{} // the folders of the entries' languages
	for _, e := range ix.Entries {
		if d := cfg.LanguageDir(e.Lang); d != "" {
			langs[d] = true
		}
	}
	for _, e := range ix.Entries {
		pos, ok := e.Pos["slug"]
		if !ok {
			pos = e.Pos["title"]
		}
		if langs[e.Slug] {
			errs = append(errs, diag.Errorf(e.Path, pos, "slug %q is the folder of the entries in that language, where entries' pages are right below base_url", e.Slug).
				WithHint("give the entry another slug: such as slug: %s-questions", e.Slug))
			continue
		}
		if slices.Contains(cfg.Reserved(), e.Slug) {
			errs = append(errs, diag.Errorf(e.Path, pos, "slug %q is the folder of faqcast's %s pages, where entries' pages are right below base_url", e.Slug, e.Slug).
				WithHint("give the entry another slug: such as slug: %s-questions", e.Slug))
		}
	}
	return diag.Join(errs...)
}
