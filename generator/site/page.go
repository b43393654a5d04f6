package site

import (
	"fmt"
	"html/template"
	"strings"

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
// link and search engines do not index: of kind, at path, with heading and
// description, below the workspace in its breadcrumbs as crumb.
func staffPage(s *Site, kind, path, heading, description, crumb string) *Page {
	return &Page{
		Site:        s,
		Kind:        kind,
		Title:       heading + " | " + s.Practice.Name,
		Heading:     heading,
		Description: description,
		Path:        path,
		Permalink:   s.BaseURL + path,
		Root:        rootFrom(path),
		NoIndex:     true,
		OGType:      "website",
		Crumbs:      []Crumb{{Name: "Home", URL: ""}, {Name: "Publishing workspace", URL: WorkspaceURL}, {Name: crumb, Here: true}},
	}
}

// pagedTitle returns name, with "page n of total" when there are pages.
func pagedTitle(name string, n, total int) string {
	if total > 1 {
		return fmt.Sprintf("%s, page %d of %d", name, n, total)
	}
	return name
}
