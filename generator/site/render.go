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
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/output"
	"github.com/faqcast/faqcast/generator/parallel"
	"github.com/faqcast/faqcast/generator/post"
)

// Options is what [Render] renders.
type Options struct {
	Config *config.Config
	// Entries holds the published entries, in site order.
	Entries []*entry.Entry
	// Bodies maps each entry to its rendered body.
	Bodies map[*entry.Entry][]byte
	// Figures maps entries with a front matter image to it.
	Figures map[*entry.Entry]*Figure
	// Posts holds each entry's posts by slug, for the preview page. With
	// none, there is no preview page.
	Posts map[string][]post.Variant
	// Readability describes each entry's readability by slug, for the
	// preview page.
	Readability map[string]string
	Theme       *Theme
	// Epoch is the date used where a date is needed and no entry has one.
	// When it is zero too, the sitemap leaves the date out and the feed,
	// which cannot, uses the Unix epoch.
	Epoch time.Time
}

// Render renders every file of the website. Pages are executed in parallel;
// the files come back sorted by path.
func Render(ctx context.Context, o Options) ([]output.File, error) {
	s := newSite(o.Config, o.Entries, o.Bodies, o.Figures, o.Epoch)
	pages := []*Page{homePage(s), notFoundPage(s, o.Config)}
	for _, t := range s.Topics {
		pages = append(pages, topicPage(s, t))
	}
	for _, e := range s.Entries {
		pages = append(pages, entryPage(s, e, o.Config))
	}
	if o.Posts != nil {
		pages = append(pages, previewPages(s, o.Posts, o.Readability)...)
	}

	files := make([]output.File, len(pages))
	errs := make([]error, len(pages))
	err := parallel.For(ctx, len(pages), func(i int) {
		p := pages[i]
		name := p.Path + "index.html"
		if p.Kind == "404" {
			name = "404.html"
		}
		data, err := o.Theme.execute(p)
		files[i], errs[i] = output.File{Path: name, Data: data}, err
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
	robots, err := o.Theme.robotsTxt(s, disallow)
	if err != nil {
		return nil, err
	}
	sitemap, err := sitemapXML(s)
	if err != nil {
		return nil, err
	}
	feed, err := feedXML(s)
	if err != nil {
		return nil, err
	}
	files = append(files,
		output.File{Path: "robots.txt", Data: robots},
		output.File{Path: "sitemap.xml", Data: sitemap},
		output.File{Path: "feed.xml", Data: feed},
		output.File{Path: "style.css", Data: o.Theme.css},
	)
	slices.SortFunc(files, func(a, b output.File) int { return strings.Compare(a.Path, b.Path) })
	return files, nil
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
	p.JSONLD = entryJSONLD(s, e, cfg)
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
