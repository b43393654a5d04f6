// Package site renders the education website: a home page with the top five
// questions and every question by topic, one page per entry, one page per
// topic, a 404 page, sitemap.xml, an Atom feed, robots.txt and the style
// sheet.
//
// Pages come from html/template templates (see [LoadTheme]); every page gets
// a unique title, a meta description, a canonical URL, Open Graph and X card
// tags, a skip link, the practice's contact details and the medical
// disclaimer. Entry pages carry MedicalWebPage and FAQPage structured data.
package site

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/output"
	"github.com/faqcast/faqcast/generator/post"
	"github.com/faqcast/faqcast/internal/cachekey"
	"github.com/faqcast/faqcast/internal/pack"
	"github.com/faqcast/faqcast/internal/parallel"
)

// Options is what [Render] renders.
type Options struct {
	Config *config.Config
	// Entries holds the published entries, in site order.
	Entries []*entry.Entry
	// Bodies holds each entry's rendered body, in the order of Entries:
	// HTML that is trusted as it is.
	Bodies []string
	// Figures holds each entry's front matter image, or nil, in the order
	// of Entries.
	Figures []*Figure
	// Posts holds each entry's posts by slug, for the preview page. With
	// none, there is no preview page.
	Posts map[string][]post.Variant
	// Readability describes each entry's readability, in the order of
	// Entries, for the preview page; "" for an answer too short to score.
	Readability []string
	Theme       *Theme
	// Epoch is the date used where a date is needed and no entry has one.
	// When it is zero too, the sitemap leaves the date out and the feed,
	// which cannot, uses the Unix epoch.
	Epoch time.Time

	// Memo, when set, makes Render key every file by what it is made of
	// and skip the work for files whose key it rendered before: they come
	// back with no Data, to be made by [Files.Make] when needed. Shell must
	// then name everything all pages depend on besides the entries (the
	// config, the theme), BodyKeys each rendered body, in the order of
	// Entries, and PostKeys each entry's posts, in the same order.
	Memo     *Memo
	Shell    string
	BodyKeys []string
	PostKeys []string

	// Packer, when set, keeps the pages a Render renders beyond the first
	// 16 MiB packed (see [pack]) until they are made: their files come back
	// with no Data, for [Files.Make] to unpack. A build that renders a
	// large site thus holds about a quarter of its pages' bytes until it
	// writes them.
	Packer *pack.Packer
	// keepPlain, when not 0, is the bytes kept as they are in place of
	// the package's keepPlain: tests pack every page with 1.
	keepPlain int64

	// Lazy makes Render render nothing but what the model needs: every
	// file comes back with no Data, to be made by [Files.Make] if needed. It is
	// for a build that writes nothing and looks at only some files, such as
	// `faqcast check`, which never needs the preview pages. A theme's
	// errors in executing a page then show only when that page is made.
	Lazy bool
}

// A Memo remembers the keys of the files Render made, for the next Render
// of the same site.
//
// A page's key covers the config and the theme (Options.Shell) and what
// faqcast's templates show of the entries on that page: an entry page's, its
// own entry (its file, its rendered body and its image), the names of its
// topics and the titles of its related questions; a topic page's, its
// entries' titles and summaries; the home page's, the top five's titles and
// summaries and every other title; a preview page's, its entries' titles,
// posts and readability. A page is thus rendered again when any of these
// change, and an edit to one entry's summary renders only the pages that
// show it. A theme whose pages show more of other entries, such as their
// answers, must be rendered without a Memo (a Generator does so for every
// site with page templates of its own). The sitemap and the feed are keyed
// by every entry's front matter.
//
// A Memo also keeps the last Render's model and files: a Render of the same
// catalog (the same entries, front matter, images, config and theme) takes
// them, looks again only at the entries whose answers, posts or readability
// changed, and renders only their pages and the preview pages that show
// them. The files a Render returns with a Memo may then be made, by
// [Files.Make], from a model that a later Render has changed: make them before the
// next Render, as a build does when it writes them.
type Memo struct {
	keys  map[string]string // by path
	maker *cachekey.Maker   // of the keys, which only this process sees

	// The last Render's model, and its catalog key: a Render of the same
	// catalog takes the model, with the new bodies, instead of making it
	// again.
	site    *Site
	catalog string
	// The key of what the model's related questions and top five are
	// made of: a new model of the same structure takes them from the last.
	structure string
	// What the last Render made of site, for a Render that takes it.
	last *rendering
}

// A rendering is what a Render made of a model: its files, sorted, each
// page without Data but with its maker, and where each entry's page and
// posts are.
type rendering struct {
	files      []output.File
	makers     []func() ([]byte, error) // by file
	posts      bool                     // whether there are preview pages
	entryAt    []int                    // by entry, in site order: the index of its page
	previewAt  []int                    // by preview page, less one: the index of the page
	previewOf  []int                    // by entry: its preview page, or 0
	previewers []int                    // the entries with posts, in site order
}

// Files are the files of the website, as Render returns them: sorted by
// path, each with its Data, or, with a Memo, a Packer or Lazy, some
// without, which Make makes when the output needs them.
type Files struct {
	List []output.File

	makers []func() ([]byte, error) // by file, for those without Data
	byPath map[string]int           // made by the first Make
	once   sync.Once
}

// Make returns the bytes of f, one of the files without Data, by rendering
// its page, or unpacking it.
func (fs *Files) Make(f *output.File) ([]byte, error) {
	fs.once.Do(func() {
		fs.byPath = make(map[string]int)
		for i, m := range fs.makers {
			if m != nil {
				fs.byPath[fs.List[i].Path] = i
			}
		}
	})
	i, ok := fs.byPath[f.Path]
	if !ok {
		return nil, fmt.Errorf("site: no page %s to make", f.Path)
	}
	return fs.makers[i]()
}

// Render renders every file of the website. Pages are executed in parallel;
// the files come back sorted by path.
func Render(ctx context.Context, o Options) (*Files, error) {
	var catalog string
	var s *Site
	var changed []int // entries whose answer or file changed, when s is reused
	if m := o.Memo; m != nil {
		if m.maker == nil {
			m.maker = cachekey.New()
		}
		catalog = catalogKey(m.maker, o.Shell, o.Entries, o.Figures)
		if m.site != nil && m.catalog == catalog && len(m.site.Entries) == len(o.Entries) {
			// The same entries, front matter, images, config and theme: the
			// same model, but for the answers.
			s = m.site
			for i, e := range o.Entries {
				se := s.Entries[i]
				was := se.made
				se.Entry, se.Body, se.Reviewer = e, template.HTML(at(o.Bodies, i)), o.Config.StaffByID(e.ReviewedBy)
				se.made = madeOf(&o, i)
				if se.made != was {
					changed = append(changed, i)
				}
			}
		} else {
			m.last = nil
		}
	}
	var structure string
	if s == nil {
		s = newSite(o.Config, o.Entries, o.Bodies, o.Figures, o.Epoch)
		for i, se := range s.Entries {
			se.made = madeOf(&o, i)
		}
		if m := o.Memo; m != nil {
			structure = structureKey(m.maker, o.Entries)
			if m.site != nil && m.structure == structure {
				s.takeRelated(m.site)
			}
		}
	}
	if m := o.Memo; m != nil {
		m.site, m.catalog = s, catalog
		if structure != "" {
			m.structure = structure
		}
		if m.last != nil && m.last.posts == (o.Posts != nil) {
			files, err := rerender(ctx, o, s, changed)
			if err != nil {
				// The model holds this Render's answers: a later Render must
				// not take it for the last one.
				m.site, m.last, m.keys = nil, nil, nil
			}
			return files, err
		}
	}
	files, err := render(ctx, o, s, catalog)
	if err != nil && o.Memo != nil {
		o.Memo.site, o.Memo.last, o.Memo.keys = nil, nil, nil
	}
	return files, err
}

// made is what an entry's pages are made of besides the catalog.
type made struct {
	entry                    *entry.Entry
	body, posts, readability string // keys, and the readability line
}

// madeOf returns what the pages of entry i of o are made of.
func madeOf(o *Options, i int) made {
	e := o.Entries[i]
	return made{e, at(o.BodyKeys, i), at(o.PostKeys, i), at(o.Readability, i)}
}

// at returns s[i], or the zero value if s is too short.
func at[T any](s []T, i int) T {
	if i < len(s) {
		return s[i]
	}
	var zero T
	return zero
}

// Page keys cover what faqcast's templates show of each entry on a page:
// an entry page shows its own entry (its file, answer and image), the names
// of its topics and the titles of its related questions; a topic page its
// entries' titles and summaries; the home page the top five's titles and
// summaries and every topic's entries' titles; the 404 page the top five's
// titles; a preview page its entries' titles, posts and readability.

// pageKey returns the key of a page made of o.Shell and of what show adds,
// or "" without a Memo.
func pageKey(o *Options, show func(add func(parts ...string))) string {
	m := o.Memo
	if m == nil {
		return ""
	}
	h := m.maker.Hash()
	m.maker.Add(h, o.Shell)
	show(func(parts ...string) { m.maker.Add(h, parts...) })
	return cachekey.Sum(h)
}

// entryKey returns the key of e's page.
func entryKey(o *Options, e *Entry) string {
	return pageKey(o, func(add func(...string)) {
		add("entry", e.Rel, e.Hash, at(o.BodyKeys, e.order), figureKey(e.Figure))
		for _, t := range e.Topics {
			add("topic", t.URL, t.Name)
		}
		for _, r := range e.Related() {
			add("related", r.URL, r.Title)
		}
	})
}

// topicKey returns the key of t's page.
func topicKey(o *Options, t *Topic) string {
	return pageKey(o, func(add func(...string)) {
		add("topic", t.URL, t.Name)
		for _, e := range t.Entries {
			add(e.URL, e.Title, e.Summary)
		}
	})
}

// homeKey returns the key of the home page of s.
func homeKey(o *Options, s *Site) string {
	return pageKey(o, func(add func(...string)) {
		add("home")
		for _, e := range s.TopFive {
			add("top", e.URL, e.Title, e.Summary)
		}
		for _, t := range s.Topics {
			add("topic", t.Slug, t.URL, t.Name)
			for _, e := range t.Entries {
				add(e.URL, e.Title)
			}
		}
		for _, e := range s.Untagged {
			add("untagged", e.URL, e.Title)
		}
	})
}

// notFoundKey returns the key of the 404 page of s.
func notFoundKey(o *Options, s *Site) string {
	return pageKey(o, func(add func(...string)) {
		add("404")
		for _, e := range s.TopFive {
			add(e.URL, e.Title)
		}
	})
}

// previewKey returns the key of preview page p.
func previewKey(o *Options, p *Page) string {
	return pageKey(o, func(add func(...string)) {
		add("preview", strconv.Itoa(p.Pager.Number), strconv.Itoa(p.Pager.Total))
		for _, pv := range p.Previews {
			add(pv.Entry.Slug, pv.Entry.URL, pv.Entry.Title, at(o.PostKeys, pv.Entry.order), pv.Readability)
		}
	})
}

// fileKey returns the key of a file made of o.Shell and parts.
func fileKey(o *Options, parts ...string) string {
	return pageKey(o, func(add func(...string)) { add(parts...) })
}

// render renders every file of the model s.
func render(ctx context.Context, o Options, s *Site, catalog string) (*Files, error) {

	// Every page's file and key; a page is made only to be rendered: now,
	// when its key is new, or else by [Files.Make], if the output needs
	// its bytes.
	files := make([]output.File, 0, len(s.Entries)+len(s.Topics)+8)
	var pages []func() *Page // by file
	add := func(f output.File, page func() *Page) {
		files = append(files, f)
		pages = append(pages, page)
	}
	ready := func(p *Page) func() *Page { return func() *Page { return p } }
	add(output.File{Path: "index.html", Key: homeKey(&o, s)}, ready(homePage(s)))
	add(output.File{Path: "404.html", Key: notFoundKey(&o, s)}, ready(notFoundPage(s, o.Config)))
	for _, t := range s.Topics {
		p := topicPage(s, t)
		add(output.File{Path: p.Path + "index.html", Key: topicKey(&o, t)}, ready(p))
	}
	for _, e := range s.Entries {
		if e.file == "" {
			e.file = e.URL + "index.html"
		}
		add(output.File{Path: e.file, Key: entryKey(&o, e)}, func() *Page { return entryPage(s, e, o.Config) })
	}
	var previewPaths []string
	if o.Posts != nil {
		for _, p := range previewPages(s, o.Posts, o.Readability) {
			add(output.File{Path: p.Path + "index.html", Key: previewKey(&o, p)}, ready(p))
			previewPaths = append(previewPaths, p.Path+"index.html")
		}
	}
	var eager []int
	makers := make([]func() ([]byte, error), len(files))
	for i := range files {
		f := &files[i]
		page := pages[i]
		makers[i] = func() ([]byte, error) { return o.Theme.execute(page()) }
		if !o.Lazy && (f.Key == "" || o.Memo.keys[f.Path] != f.Key) {
			eager = append(eager, i)
		}
	}
	keep := newKeeper(&o)
	packs := make([]*pack.Packed, len(files)) // of the pages packed
	errs := make([]error, len(eager))
	err := parallel.For(ctx, len(eager), func(k int) {
		i := eager[k]
		errs[k] = o.Theme.executeWith(pages[i](), func(page []byte) { files[i].Data, packs[i] = keep.keep(page) })
	})
	if err != nil {
		return nil, err
	}
	for _, err := range errs {
		if err != nil {
			// The same template fails the same way on every page: one
			// report is enough.
			return nil, err
		}
	}

	var disallow []string
	if o.Posts != nil {
		disallow = append(disallow, o.Config.Base.Path+PreviewURL)
	}
	// robots.txt shows no entry; the sitemap and the feed show them all.
	extra := []struct {
		name, key string
		make      func() ([]byte, error)
	}{
		{"robots.txt", fileKey(&o, "robots.txt", strings.Join(disallow, " ")), func() ([]byte, error) { return o.Theme.robotsTxt(s, disallow) }},
		{"sitemap.xml", fileKey(&o, "sitemap.xml", catalog), func() ([]byte, error) { return sitemapXML(s) }},
		{"feed.xml", fileKey(&o, "feed.xml", catalog), func() ([]byte, error) { return feedXML(s) }},
	}
	for _, x := range extra {
		f := output.File{Path: x.name, Key: x.key}
		if !o.Lazy && (f.Key == "" || o.Memo.keys[f.Path] != f.Key) {
			if f.Data, err = x.make(); err != nil {
				return nil, err
			}
		}
		files, makers = append(files, f), append(makers, x.make)
	}
	files, makers = append(files, output.File{Path: "style.css", Data: o.Theme.css}), append(makers, nil)
	packs = append(packs, make([]*pack.Packed, len(files)-len(packs))...)
	bySort := make([]int, len(files))
	for i := range bySort {
		bySort[i] = i
	}
	slices.SortFunc(bySort, func(a, b int) int { return strings.Compare(files[a].Path, files[b].Path) })
	files, packs, makers = permute(files, bySort), permute(packs, bySort), permute(makers, bySort)
	if m := o.Memo; m != nil {
		m.keys = make(map[string]string, len(files))
		for _, f := range files {
			if f.Key != "" {
				m.keys[f.Path] = f.Key
			}
		}
		m.last = newRendering(s, files, makers, previewPaths, o.Posts)
	}
	// After the memo took the makers that render.
	for i, p := range packs {
		if p != nil {
			makers[i] = keep.unpack(p)
		}
	}
	return newFiles(files, makers), nil
}

// newFiles returns the Files of files, whose makers are those of the files
// without Data.
func newFiles(files []output.File, makers []func() ([]byte, error)) *Files {
	for i, f := range files {
		if f.Data != nil {
			makers[i] = nil
		}
	}
	return &Files{List: files, makers: makers}
}

// permute returns s in the order of the indices in by.
func permute[T any](s []T, by []int) []T {
	out := make([]T, len(by))
	for k, i := range by {
		out[k] = s[i]
	}
	return out
}

// newRendering records where s's pages are in files, which are sorted.
func newRendering(s *Site, files []output.File, makers []func() ([]byte, error), previewPaths []string, posts map[string][]post.Variant) *rendering {
	r := &rendering{files: make([]output.File, len(files)), makers: slices.Clone(makers), posts: posts != nil}
	at := make(map[string]int, len(files))
	for i, f := range files {
		at[f.Path] = i
		r.files[i] = f
		if makers[i] != nil {
			r.files[i].Data = nil // made again if needed, not kept
		}
	}
	r.entryAt = make([]int, len(s.Entries))
	r.previewOf = make([]int, len(s.Entries))
	for i, e := range s.Entries {
		r.entryAt[i] = at[e.file]
	}
	for _, p := range previewPaths {
		r.previewAt = append(r.previewAt, at[p])
	}
	if posts != nil {
		for i, e := range s.Entries {
			if len(posts[e.Slug]) > 0 { // as previews has it
				r.previewOf[i] = len(r.previewers)/PreviewPageSize + 1
				r.previewers = append(r.previewers, i)
			}
		}
	}
	return r
}

// rerender renders the files of s again after a Render of the same model
// (the same catalog), in which only the entries changed have new answers
// or files: only their pages, and the preview pages that show them, are
// looked at again.
func rerender(ctx context.Context, o Options, s *Site, changed []int) (*Files, error) {
	m, last := o.Memo, o.Memo.last
	next := &rendering{files: slices.Clone(last.files), makers: slices.Clone(last.makers), posts: last.posts, entryAt: last.entryAt,
		previewAt: last.previewAt, previewOf: last.previewOf, previewers: last.previewers}
	type page struct {
		at   int // in files
		page *Page
	}
	var todo []page
	previewed := map[int]bool{}
	for _, i := range changed {
		e := s.Entries[i]
		at := last.entryAt[i]
		f := &next.files[at]
		f.Key = entryKey(&o, e)
		next.makers[at] = func() ([]byte, error) { return o.Theme.execute(entryPage(s, e, o.Config)) }
		if m.keys[f.Path] != f.Key {
			todo = append(todo, page{at, entryPage(s, e, o.Config)})
		}
		if n := last.previewOf[i]; n > 0 {
			previewed[n] = true
		}
	}
	total := previewTotal(len(last.previewers))
	for _, n := range slices.Sorted(maps.Keys(previewed)) {
		var pvs []*Preview
		for _, i := range last.previewers[(n-1)*PreviewPageSize : min(n*PreviewPageSize, len(last.previewers))] {
			e := s.Entries[i]
			pvs = append(pvs, &Preview{Entry: e, Readability: at(o.Readability, i), variants: o.Posts[e.Slug]})
		}
		p := previewPage(s, n, total, pvs)
		at := last.previewAt[n-1]
		f := &next.files[at]
		f.Key = previewKey(&o, p)
		next.makers[at] = func() ([]byte, error) { return o.Theme.execute(p) }
		if m.keys[f.Path] != f.Key {
			todo = append(todo, page{at, p})
		}
	}
	files, makers := slices.Clone(next.files), slices.Clone(next.makers)
	keep := newKeeper(&o)
	errs := make([]error, len(todo))
	err := parallel.For(ctx, len(todo), func(k int) {
		f := &files[todo[k].at]
		errs[k] = o.Theme.executeWith(todo[k].page, func(page []byte) {
			var p *pack.Packed
			if f.Data, p = keep.keep(page); p != nil {
				makers[todo[k].at] = keep.unpack(p)
			}
		})
	})
	if err != nil {
		return nil, err
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	for _, t := range todo {
		m.keys[files[t.at].Path] = files[t.at].Key
	}
	m.last = next
	return newFiles(files, makers), nil
}

func homePage(s *Site) *Page {
	p := &Page{
		Site:        s,
		Kind:        "home",
		Title:       s.Title + " | " + s.Practice.Name,
		Heading:     s.Title,
		Description: fmt.Sprintf("Plain answers from the care team at %s to the questions new patients ask most.", s.Practice.Name),
		Permalink:   s.BaseURL,
		OGType:      "website",
	}
	p.JSONLD = clinicJSONLD(s)
	return p
}

func notFoundPage(s *Site, cfg *config.Config) *Page {
	return &Page{
		Site:        s,
		Kind:        "404",
		Title:       "Page not found | " + s.Practice.Name,
		Heading:     "Page not found",
		Description: "We could not find that page. See the questions new patients ask most.",
		Permalink:   s.BaseURL + "404.html",
		Root:        cfg.Base.Path,
		NoIndex:     true,
		OGType:      "website",
	}
}

func topicPage(s *Site, t *Topic) *Page {
	return &Page{
		Site:        s,
		Kind:        "topic",
		Title:       t.Name + ": questions and answers | " + s.Practice.Name,
		Heading:     t.Name,
		Description: fmt.Sprintf("Questions about %s, answered by the care team at %s.", strings.ToLower(t.Name), s.Practice.Name),
		Path:        t.URL,
		Permalink:   t.Permalink,
		Root:        rootFrom(t.URL),
		OGType:      "website",
		Topic:       t,
		Crumbs:      []Crumb{{Name: "Home", URL: ""}, {Name: t.Name, Here: true}},
	}
}

func entryPage(s *Site, e *Entry, cfg *config.Config) *Page {
	crumbs := []Crumb{{Name: "Home", URL: ""}}
	if len(e.Topics) > 0 {
		crumbs = append(crumbs, Crumb{Name: e.Topics[0].Name, URL: e.Topics[0].URL})
	}
	crumbs = append(crumbs, Crumb{Name: e.Title, Here: true})
	p := &Page{
		Site:        s,
		Kind:        "entry",
		Title:       e.Title + " | " + s.Practice.Name,
		Heading:     e.Title,
		Description: e.Summary,
		Path:        e.URL,
		Permalink:   e.Permalink,
		Root:        rootFrom(e.URL),
		OGType:      "article",
		Entry:       e,
		Crumbs:      crumbs,
	}
	p.view = func(p *Page) *Page {
		v := *p
		v.view, v.JSONLD = nil, entryJSONLD(s, e, cfg)
		return &v
	}
	return p
}

// robotsTxt executes the robots.txt template.
func (th *Theme) robotsTxt(s *Site, disallow []string) ([]byte, error) {
	var b strings.Builder
	data := struct {
		Site     *Site
		Sitemap  string
		Disallow []string
	}{s, s.BaseURL + "sitemap.xml", disallow}
	if err := th.robots.Execute(&b, data); err != nil {
		return nil, th.templateError(err)
	}
	out := b.String()
	if !strings.HasSuffix(out, "\n") {
		out += "\n"
	}
	return []byte(out), nil
}

// catalogKey returns a digest of shell and of what the site's pages show
// of every entry but its answer: its front matter, place and image.
func catalogKey(m *cachekey.Maker, shell string, entries []*entry.Entry, figures []*Figure) string {
	h := m.Hash()
	h.WriteString(shell)
	for i, e := range entries {
		m.Add(h, e.Rel, e.MetaHash, figureKey(at(figures, i)))
	}
	return cachekey.Sum(h)
}

// structureKey returns a digest of what decides which entries are related
// and which are the top five: the entries' places, tags and ranks.
func structureKey(m *cachekey.Maker, entries []*entry.Entry) string {
	h := m.Hash()
	for _, e := range entries {
		m.Add(h, e.Rel, strconv.Itoa(e.Rank))
		m.Add(h, e.Tags...)
	}
	return cachekey.Sum(h)
}

// figureKey returns what identifies a figure on a page.
func figureKey(f *Figure) string {
	if f == nil {
		return ""
	}
	return fmt.Sprintf("%q %q %d %d", f.URL, f.Alt, f.Width, f.Height)
}
