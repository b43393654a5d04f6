package site

import (
	"bytes"
	"encoding/xml"
	"time"
)

type urlset struct {
	XMLName xml.Name     `xml:"urlset"`
	XMLNS   string       `xml:"xmlns,attr"`
	XHTML   string       `xml:"xmlns:xhtml,attr,omitempty"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
	// Alternates are the page's translations and itself, for a page that
	// has translations, as Google's sitemaps take them.
	Alternates []alternate `xml:"xhtml:link"`
}

type alternate struct {
	Rel      string `xml:"rel,attr"`
	HrefLang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

// sitemapXML lists the home page of each language, the link page at links
// (a path below the site root, "" for none), every entry page and every
// topic page, each but the link page with the date its content was last
// reviewed, and each page in several languages with its alternates,
// x-default last.
func sitemapXML(s *Site, links string) ([]byte, error) {
	set := urlset{XMLNS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	day := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format(time.DateOnly)
	}
	// withAlternates returns u with a page's alternates, x-default last.
	withAlternates := func(u sitemapURL, alts []Alternate, xDefault string) sitemapURL {
		if alts == nil {
			return u
		}
		set.XHTML = "http://www.w3.org/1999/xhtml"
		for _, a := range alts {
			u.Alternates = append(u.Alternates, alternate{Rel: "alternate", HrefLang: a.Lang, Href: a.Permalink})
		}
		u.Alternates = append(u.Alternates, alternate{Rel: "alternate", HrefLang: "x-default", Href: xDefault})
		return u
	}
	homes, xDefault := homeAlternates(s)
	for _, l := range s.Languages {
		set.URLs = append(set.URLs, withAlternates(sitemapURL{Loc: l.Permalink, LastMod: day(s.Updated)}, homes, xDefault))
	}
	if links != "" {
		set.URLs = append(set.URLs, sitemapURL{Loc: s.BaseURL + links})
	}
	for _, e := range s.Entries {
		alts, xDefault := entryAlternates(e)
		set.URLs = append(set.URLs, withAlternates(sitemapURL{Loc: e.Permalink, LastMod: day(e.Updated)}, alts, xDefault))
	}
	for _, l := range s.Languages {
		for _, t := range l.Topics {
			set.URLs = append(set.URLs, sitemapURL{Loc: t.Permalink, LastMod: day(t.Updated)})
		}
	}
	return marshalXML(set)
}

type atomFeed struct {
	XMLName xml.Name    `xml:"feed"`
	XMLNS   string      `xml:"xmlns,attr"`
	Lang    string      `xml:"xml:lang,attr"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Author  atomPerson  `xml:"author"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	Lang    string     `xml:"xml:lang,attr,omitempty"`
	ID      string     `xml:"id"`
	Title   string     `xml:"title"`
	Updated string     `xml:"updated"`
	Link    atomLink   `xml:"link"`
	Summary string     `xml:"summary"`
	Cats    []atomCat  `xml:"category"`
	Author  atomPerson `xml:"author"`
}

type atomCat struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr"`
}

// feedXML is an Atom feed of every entry in site order, or with l not
// nil, of l's entries, in l's words, for l's folder. Readers sort by date;
// the order here keeps the file stable. Atom needs a date everywhere:
// where there is none (no entry has one and no epoch was given), it is the
// Unix epoch.
func feedXML(s *Site, l *Language) ([]byte, error) {
	stamp := func(t time.Time) string {
		if t.IsZero() {
			t = time.Unix(0, 0)
		}
		return t.UTC().Format(time.RFC3339)
	}
	own, entries, updated := s.Languages[0], s.Entries, s.Updated
	if l != nil {
		own, entries, updated = l, l.Entries, time.Time{}
		for _, e := range entries {
			if e.Updated.After(updated) {
				updated = e.Updated
			}
		}
	}
	f := atomFeed{
		XMLNS:   "http://www.w3.org/2005/Atom",
		Lang:    own.Lang,
		ID:      own.Permalink,
		Title:   own.loc.Fixed("feed.title", "practice", s.Practice.Name, "title", own.Title),
		Updated: stamp(updated),
		Author:  atomPerson{Name: s.Practice.Name},
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: own.Permalink + FeedName},
			{Rel: "alternate", Type: "text/html", Href: own.Permalink},
		},
	}
	for _, e := range entries {
		ae := atomEntry{
			ID:      e.Permalink,
			Title:   e.Title,
			Updated: stamp(e.Updated),
			Link:    atomLink{Rel: "alternate", Type: "text/html", Href: e.Permalink},
			Summary: e.Summary,
			Author:  atomPerson{Name: s.Practice.Name},
		}
		if e.Home != own {
			ae.Lang = e.Language
		}
		for _, t := range e.Topics {
			ae.Cats = append(ae.Cats, atomCat{Term: t.Slug, Label: t.Name})
		}
		f.Entries = append(f.Entries, ae)
	}
	return marshalXML(f)
}

// FeedName is the file name of the Atom feeds: feed.xml at the site's
// root, of every entry, and in each other language's folder, of its
// entries.
const FeedName = "feed.xml"

func marshalXML(v any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}
