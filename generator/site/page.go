package site

import (
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/faqcast/faqcast/generator/locale"
	"github.com/faqcast/faqcast/generator/reply"
)

// A Page is what a page template executes with.
type Page struct {
	Site *Site
	// Kind is the template that renders the page: "home", "entry",
	// "topic", "404", "links", or one of the staff workspace's: "preview"
	// (posts by question), "workspace" (the calendar), "week", "checklist"
	// (this week's list to print) or "replies" (the reply kit).
	Kind string
	// Title is the document title, unique across the site.
	Title string
	// Heading is the page's h1 and its share-card title.
	Heading string
	// Description is the meta description.
	Description string
	// Path is the page's path relative to the site root ("" for the home
	// page, "faq/slug/" for an entry).
	Path string
	// Permalink is the page's absolute, canonical URL.
	Permalink string
	// Root leads from the page to the site root: "../../" from an entry, ""
	// from the home page, and the base URL's path from the 404 page, which a
	// server shows at any depth.
	Root string
	// NoIndex asks search engines not to index the page.
	NoIndex bool
	OGType  string
	Entry   *Entry // on entry pages
	Topic   *Topic // on topic pages
	Crumbs  []Crumb
	// JSONLD is the page's structured data, already encoded.
	JSONLD template.JS
	// Previews holds the entries' posts on a post preview page, and Pager
	// links it to the other preview pages.
	Previews []*Preview
	Pager    *Pager
	// Wide asks for a page wider than a page of text, for the workspace's
	// calendars.
	Wide bool
	// On the staff workspace's pages: Weeks are the weeks from the current
	// one on (the calendar's), Week the page's own week (nil on the
	// checklist when nothing is scheduled this week), Prev and Next the
	// weeks before and after it, Current the current week or nil,
	// Timezone the schedule's time zone and Exports the files for
	// schedulers.
	Weeks            []*Week
	Week, Prev, Next *Week
	Current          *Week
	Timezone         string
	Exports          []Export
	// Links are the entries the link page lists, newest first.
	Links []*Link
	// On the reply kit's pages: the situations' replies (on the first) and
	// the entries' replies.
	Situations []reply.SituationText
	Replies    []*EntryReplies
	// Language is the part of the site the page belongs to, in the page's
	// language, and Alternates the same page in other languages, the
	// page's own first (empty when there are none), with XDefault the one
	// for readers of any other language (hreflang x-default).
	Language   *Language
	Alternates []Alternate
	XDefault   string

	// loc writes the page's words, in its language.
	loc *locale.Locale

	// view, when set, returns the page to execute, showing a's answers: a
	// copy of the page with what only executing it needs filled in, made
	// for each execution and kept by none (a build does not execute
	// unchanged pages, and keeps the pages it may execute again).
	view func(p *Page, a *Answers) *Page
}

// with returns the page to execute, showing a's answers.
func (p *Page) with(a *Answers) *Page {
	if p.view == nil {
		return p
	}
	return p.view(p, a)
}

// An Alternate is a page in one language, for hreflang links and a
// language switcher.
type Alternate struct {
	Lang string
	// Name is the language's name in itself, such as "Español".
	Name string
	// URL is the page's path relative to the site root.
	URL       string
	Permalink string
}

// ShareImage returns the image that stands for the page when it is
// shared: an entry's (see [Entry.ShareImage]); for any other page search
// engines index, the share card of its language's home page (see
// [HomeCard]); nil for the rest.
func (p *Page) ShareImage() *Figure {
	switch {
	case p.Entry != nil:
		return p.Entry.ShareImage()
	case p.NoIndex || p.Language == nil:
		return nil
	}
	return p.Language.ShareImage(p.Site.Practice.Name)
}

// A FeedLink is an Atom feed a page links to: its path relative to the
// site root, and the title of the home page it follows, which names it.
type FeedLink struct{ Path, Title string }

// Feed returns the Atom feed of the page's language: its language's
// folder's feed.xml on a page in another language than the site's (see
// [FeedName]), else the site's, of every entry.
func (p *Page) Feed() FeedLink {
	if l := p.Language; l != nil && l.URL != "" {
		return FeedLink{Path: l.URL + FeedName, Title: l.Title}
	}
	return FeedLink{Path: FeedName, Title: p.Site.Title}
}

// Lang returns the page's language, a BCP 47 tag.
func (p *Page) Lang() string {
	if p.Language != nil {
		return p.Language.Lang
	}
	return p.Site.Language
}

// LangAttr returns a lang attribute naming lang, with a space before it,
// when lang is not the page's language, for an element whose text is in
// lang; and "" otherwise.
func (p *Page) LangAttr(lang string) template.HTMLAttr {
	if lang == "" || strings.EqualFold(lang, p.Lang()) {
		return ""
	}
	return template.HTMLAttr(` lang="` + template.HTMLEscapeString(lang) + `"`)
}

// SiteWords returns text written in the site's own language, such as
// practice.hours, for a message on this page: as it is on a page in the
// site's language, else as HTML marked with the site's language, which
// the page's is not.
func (p *Page) SiteWords(text string) any {
	attr := p.LangAttr(p.Site.Language)
	if attr == "" {
		return text
	}
	return template.HTML("<span" + string(attr) + ">" + template.HTMLEscapeString(text) + "</span>")
}

// OGLocale returns lang, a BCP 47 tag, in the form Open Graph's
// og:locale takes (see ogLocale): worked out once for each of the site's
// languages.
func (p *Page) OGLocale(lang string) string {
	for _, l := range p.Site.Languages {
		if l.Lang == lang {
			return l.ogLocale
		}
	}
	return ogLocale(lang, p.Site.Practice.Address.Country)
}

// ogLocale returns lang, a BCP 47 tag, in the form Open Graph's og:locale
// takes, language_TERRITORY: "es-MX" as "es_MX". A tag without a
// territory takes the practice's country, a two-letter code: "es" as
// "es_US" for a practice in the US; else the territory the language is
// most likely written in (CLDR's likely subtags): "en" as "en_US", "es"
// as "es_ES". So does a tag whose territory is no country ("es-419").
func ogLocale(lang, country string) string {
	tag, err := language.Parse(lang)
	if err != nil {
		return strings.ReplaceAll(lang, "-", "_")
	}
	base, _ := tag.Base()
	region, confidence := tag.Region()
	if confidence != language.Exact || !region.IsCountry() { // "es", "es-419"
		if r, err := language.ParseRegion(country); err == nil && r.Canonicalize().IsCountry() {
			region = r.Canonicalize() // "UK" is GB
		} else if !region.IsCountry() {
			region, _ = language.Make(base.String()).Region()
		}
	}
	if !region.IsCountry() { // no territory known ("tlh")
		return base.String()
	}
	return base.String() + "_" + region.String()
}

// LanguageName returns the name of the language tag in that language,
// such as "Español" for "es".
func (p *Page) LanguageName(lang string) string { return selfName(lang) }

// T returns the message key in the page's language, with its placeholders
// filled in from args, pairs of a placeholder's name and its value (see
// [locale.Locale.Text]): {{.T "callbook.hours" "hours" .Site.Practice.Hours}}.
// A value of type template.HTML, such as a link, goes in as it is and
// makes the result HTML, the message's own words escaped; otherwise the
// result is text, which the template escapes.
func (p *Page) T(key string, args ...any) (any, error) {
	var html []template.HTML
	for i := 1; i < len(args); i += 2 {
		if h, ok := args[i].(template.HTML); ok {
			args = slices.Clone(args)
			args[i] = marker(len(html))
			html = append(html, h)
		}
	}
	s, err := p.loc.Text(key, args...)
	if err != nil || html == nil {
		return s, err
	}
	s = template.HTMLEscapeString(s)
	for i, h := range html {
		s = strings.Replace(s, template.HTMLEscapeString(marker(i)), string(h), 1)
	}
	return template.HTML(s), nil
}

// marker returns the text that stands for the i-th HTML value of a
// message until the message is escaped: characters of Unicode's private
// use area, which no message holds.
func marker(i int) string { return "\ue000" + strconv.Itoa(i) + "\ue001" }

// Link returns an HTML link to path, a path relative to the site root,
// whose words are text: a string, or HTML such as [Page.T] returns.
func (p *Page) Link(path string, text any) template.HTML {
	var words string
	switch t := text.(type) {
	case template.HTML:
		words = string(t)
	default:
		words = template.HTMLEscapeString(fmt.Sprint(t))
	}
	return template.HTML(`<a href="` + template.HTMLEscapeString(p.Rel(path)) + `">` + words + `</a>`)
}

// Units returns units, what a platform counts ("characters", "weighted
// characters"), in the page's language: the message units.<units>, its
// spaces as underscores.
func (p *Page) Units(units string) (string, error) {
	return p.loc.Text("units." + strings.ReplaceAll(units, " ", "_"))
}

// Code returns s as HTML code, such as a command to type.
func (p *Page) Code(s string) template.HTML {
	return template.HTML("<code>" + template.HTMLEscapeString(s) + "</code>")
}

// Date returns t as a long date in the page's language, such as
// "December 7, 2026" or "7 de diciembre de 2026".
func (p *Page) Date(t time.Time) string { return p.loc.Date(t) }

// Time returns t as an HTML time element showing the long date in the
// page's language.
func (p *Page) Time(t time.Time) template.HTML {
	return template.HTML(`<time datetime="` + t.Format(time.DateOnly) + `">` + template.HTMLEscapeString(p.loc.Date(t)) + `</time>`)
}

// A Crumb is one step of a breadcrumb trail.
type Crumb struct {
	Name string
	URL  string // relative to the site root
	// Here marks the last crumb: the page itself, not linked.
	Here bool
}

// Rel returns the URL that leads from the page to path, a path relative to
// the site root. The site root itself is "./" from the home page.
func (p *Page) Rel(path string) string {
	if p.Root == "" && path == "" {
		return "./"
	}
	return p.Root + path
}

// A List pairs entries with the page that lists them, for the questions.html
// partial.
type List struct {
	Page *Page
	List []*Entry
}

// List returns entries paired with p, for the questions.html partial.
func (p *Page) List(entries []*Entry) List { return List{Page: p, List: entries} }

// rootFrom returns the relative path back to the root from a page path.
func rootFrom(path string) string {
	return strings.Repeat("../", strings.Count(path, "/"))
}

// staffPage returns a page of the staff's, which the public site does not
// link and search engines do not index, in the site's language: of kind,
// at path, with heading and description, below the workspace in its
// breadcrumbs as crumb (the workspace itself has no crumb below it).
func staffPage(s *Site, kind, path, heading, description, crumb string) *Page {
	own := s.Languages[0]
	loc := own.loc
	crumbs := []Crumb{{Name: loc.Fixed("crumb.home"), URL: ""}}
	if kind == "workspace" {
		crumbs = append(crumbs, Crumb{Name: loc.Fixed("workspace.name"), Here: true})
	} else {
		crumbs = append(crumbs, Crumb{Name: loc.Fixed("workspace.name"), URL: WorkspaceURL}, Crumb{Name: crumb, Here: true})
	}
	return &Page{
		Site:        s,
		Kind:        kind,
		Title:       loc.Fixed("page.title", "name", heading, "practice", s.Practice.Name),
		Heading:     heading,
		Description: description,
		Path:        path,
		Permalink:   s.BaseURL + path,
		Root:        rootFrom(path),
		NoIndex:     true,
		OGType:      "website",
		Crumbs:      crumbs,
		Language:    own,
		loc:         loc,
	}
}

// pagedTitle returns name, with ", page n of total" in loc's language
// when there are pages.
func pagedTitle(loc *locale.Locale, name string, n, total int) string {
	if total > 1 {
		return loc.Fixed("staff.paged", "name", name, "page", n, "pages", total)
	}
	return name
}
