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
	"html/template"
	"slices"
	"strings"
	"time"

	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/locale"
	"github.com/faqcast/faqcast/generator/output"
	"github.com/faqcast/faqcast/generator/post"
	"github.com/faqcast/faqcast/generator/schedule"
	"github.com/faqcast/faqcast/internal/parallel"
	"github.com/faqcast/faqcast/templates"
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
	// Posts holds each entry's posts by slug, Queue their schedule, Now
	// the build's reference time and Exports the files for schedulers'
	// bulk uploads, for the staff workspace and the link page (see
	// [Publishing]). With no Posts, there are neither.
	Posts   map[string][]post.Variant
	Queue   *schedule.Queue
	Now     time.Time
	Exports []Export
	// Readability describes each entry's readability, in the order of
	// Entries, for the preview pages; "" for an answer too short to score.
	Readability []string
	Theme       *Theme
	// Catalog holds the messages of the site's language and the entries';
	// nil is faqcast's own (see [Uses]).
	Catalog *locale.Catalog
	// Epoch is the date used where a date is needed and no entry has one.
	// When it is zero too, the sitemap leaves the date out and the feed,
	// which cannot, uses the Unix epoch.
	Epoch time.Time
}

// Render renders every file of the website, sorted by path, each with its
// Data. It makes the model ([New]) and its [Plan], and makes every file of
// the plan, in parallel; a build that renders again after an edit makes
// only the files of the plan whose inputs changed.
func Render(ctx context.Context, o Options) ([]output.File, error) {
	cat := o.Catalog
	if cat == nil {
		var err error
		if cat, err = locale.Load(locale.Sources{Default: templates.FS}, Uses(o.Config, o.Entries)); err != nil {
			return nil, err
		}
	}
	related, err := Relate(ctx, o.Config.Language, o.Entries)
	if err != nil {
		return nil, err
	}
	var pub *Publishing
	if o.Posts != nil {
		pub = &Publishing{Posts: PostMaps{ByEntry: o.Posts}, Queue: o.Queue, Now: o.Now, Exports: o.Exports}
	}
	p := NewPlan(New(o.Config, cat, o.Entries, o.Bodies, o.Figures, related, o.Epoch), o.Theme, pub)
	a := &Answers{Entries: o.Entries, Body: BodiesOf(o.Bodies), Readability: o.Readability}
	files := make([]output.File, len(p.Docs))
	errs := make([]error, len(p.Docs))
	err = parallel.For(ctx, len(p.Docs), func(i int) {
		files[i].Path = p.Docs[i].Path
		files[i].Data, errs[i] = p.Make(i, a)
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
	return files, nil
}

// at returns s[i], or the zero value if s is too short.
func at[T any](s []T, i int) T {
	if i >= 0 && i < len(s) {
		return s[i]
	}
	var zero T
	return zero
}

// homePage returns the home page of the part of the site in language l.
func homePage(s *Site, l *Language) *Page {
	p := &Page{
		Site:        s,
		Kind:        "home",
		Title:       l.loc.Fixed("page.title", "name", l.Title, "practice", s.Practice.Name),
		Heading:     l.Title,
		Description: l.loc.Fixed("home.description", "practice", s.Practice.Name),
		Path:        l.URL,
		Permalink:   l.Permalink,
		Root:        rootFrom(l.URL),
		OGType:      "website",
		Language:    l,
		loc:         l.loc,
	}
	if p.Alternates, p.XDefault = homeAlternates(s); p.Alternates != nil {
		// The page itself first.
		i := slices.Index(s.Languages, l)
		p.Alternates[0], p.Alternates[i] = p.Alternates[i], p.Alternates[0]
	}
	if l.URL != "" {
		p.Crumbs = []Crumb{{Name: l.loc.Fixed("crumb.home"), Here: true}}
	}
	p.JSONLD = clinicJSONLD(s)
	return p
}

// homeAlternates returns the home page in each of s's languages, in their
// order, and the one for readers of any other language (hreflang
// x-default), the site's own; none for a site in one language.
func homeAlternates(s *Site) ([]Alternate, string) {
	if len(s.Languages) < 2 {
		return nil, ""
	}
	out := make([]Alternate, len(s.Languages))
	for i, o := range s.Languages {
		out[i] = Alternate{Lang: o.Lang, Name: o.Name, URL: o.URL, Permalink: o.Permalink}
	}
	return out, s.Languages[0].Permalink
}

// entryAlternates returns e's page and its translations', e's first, and
// the one for readers of any other language (hreflang x-default); none
// for an entry without translations.
func entryAlternates(e *Entry) ([]Alternate, string) {
	if len(e.Translations) == 0 {
		return nil, ""
	}
	out := make([]Alternate, 0, 1+len(e.Translations))
	for _, t := range append([]*Entry{e}, e.Translations...) {
		out = append(out, Alternate{Lang: t.Language, Name: t.LanguageName(), URL: t.URL, Permalink: t.Permalink})
	}
	return out, e.Original.Permalink
}

func notFoundPage(s *Site) *Page {
	own := s.Languages[0]
	heading := own.loc.Fixed("notfound.heading")
	return &Page{
		Site:        s,
		Kind:        "404",
		Title:       own.loc.Fixed("page.title", "name", heading, "practice", s.Practice.Name),
		Heading:     heading,
		Description: own.loc.Fixed("notfound.description"),
		Permalink:   s.BaseURL + "404.html",
		Root:        s.cfg.Base.Path,
		NoIndex:     true,
		OGType:      "website",
		Language:    own,
		loc:         own.loc,
	}
}

func topicPage(s *Site, t *Topic) *Page {
	l := t.Home
	return &Page{
		Site:        s,
		Kind:        "topic",
		Title:       l.loc.Fixed("page.title", "name", l.loc.Fixed("topic.title", "topic", t.Name), "practice", s.Practice.Name),
		Heading:     t.Name,
		Description: l.loc.Fixed("topic.description", "topic", strings.ToLower(t.Name), "practice", s.Practice.Name),
		Path:        t.URL,
		Permalink:   t.Permalink,
		Root:        rootFrom(t.URL),
		OGType:      "website",
		Topic:       t,
		Crumbs:      []Crumb{{Name: l.loc.Fixed("crumb.home"), URL: l.URL}, {Name: t.Name, Here: true}},
		Language:    l,
		loc:         l.loc,
	}
}

func entryPage(s *Site, e *Entry) *Page {
	l := e.Home
	crumbs := []Crumb{{Name: l.loc.Fixed("crumb.home"), URL: l.URL}}
	if len(e.Topics) > 0 {
		crumbs = append(crumbs, Crumb{Name: e.Topics[0].Name, URL: e.Topics[0].URL})
	}
	crumbs = append(crumbs, Crumb{Name: e.Title, Here: true})
	p := &Page{
		Site:        s,
		Kind:        "entry",
		Title:       l.loc.Fixed("page.title", "name", e.Title, "practice", s.Practice.Name),
		Heading:     e.Title,
		Description: e.Summary,
		Path:        e.URL,
		Permalink:   e.Permalink,
		Root:        rootFrom(e.URL),
		OGType:      "article",
		Entry:       e,
		Crumbs:      crumbs,
		Language:    l,
		loc:         l.loc,
	}
	p.Alternates, p.XDefault = entryAlternates(e)
	p.view = func(p *Page, a *Answers) *Page {
		v := *p
		v.view = nil
		if a != nil {
			// The entry as last read, with its answer.
			own := *e
			if i := e.order; i < len(a.Entries) {
				own.Entry = a.Entries[i]
			}
			if a.Body != nil && e.order >= 0 && e.order < len(a.Entries) {
				own.Body = template.HTML(a.Body(e.order))
			}
			v.Entry = &own
		}
		v.JSONLD = entryJSONLD(s, v.Entry, s.cfg)
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
