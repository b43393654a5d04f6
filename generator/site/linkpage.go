package site

import (
	"slices"
	"time"
)

// A Link is an entry on the link page.
type Link struct {
	Entry *Entry
	// URL is the entry's page relative to the site root, tagged with
	// utm_source=instagram and utm_medium=bio unless UTM tagging is off.
	URL string
	// Square is the entry's square share card, relative to the site root.
	Square string
	// Posted is the time of the entry's latest post that has gone out or
	// goes out this week, in the schedule's time zone; zero when the site
	// has no schedule.
	Posted time.Time
}

// MaxLinks is the most entries the link page lists; the page links to the
// home page for the others.
const MaxLinks = 30

// links returns the entries the link page lists: those with a post that
// has gone out or goes out before the end of the current week, newest
// first; or, for a site with no schedule, the entries in site order (the
// top five first); MaxLinks at most.
func links(s *Site, pub *Publishing) []*Link {
	link := func(e *Entry, posted time.Time) *Link {
		u := e.URL
		if v := s.cfg.UTMParams("instagram", e.Slug); v != nil {
			v.Set("utm_medium", "bio")
			u += "?" + v.Encode()
		}
		return &Link{Entry: e, URL: u, Square: e.URL + SquareName, Posted: posted}
	}
	var out []*Link
	q := pub.Queue
	if q == nil || len(s.cfg.Schedule.Parsed) == 0 {
		for _, e := range s.Entries[:min(len(s.Entries), MaxLinks)] {
			out = append(out, link(e, time.Time{}))
		}
		return out
	}
	loc := s.scheduleZone()
	end := WeekOf(pub.Now, loc).AddDate(0, 0, 7)
	latest := map[string]time.Time{}
	for _, it := range q.Items {
		if it.PublishAt.Before(end) && it.PublishAt.After(latest[it.Entry]) {
			latest[it.Entry] = it.PublishAt.In(loc)
		}
	}
	for _, e := range s.Entries {
		if t, ok := latest[e.Slug]; ok {
			out = append(out, link(e, t))
		}
	}
	slices.SortStableFunc(out, func(a, b *Link) int { return b.Posted.Compare(a.Posted) })
	return out[:min(len(out), MaxLinks)]
}

// linkPage returns the link page, at dir below the site root.
func linkPage(s *Site, dir string, pub *Publishing) *Page {
	path := dir + "/"
	own := s.Languages[0]
	name := own.loc.Fixed("links.name")
	p := &Page{
		Site:        s,
		Kind:        "links",
		Title:       own.loc.Fixed("page.title", "name", name, "practice", s.Practice.Name),
		Heading:     s.Practice.Name,
		Description: own.loc.Fixed("links.description", "practice", s.Practice.Name),
		Path:        path,
		Permalink:   s.BaseURL + path,
		Root:        rootFrom(path),
		OGType:      "website",
		Crumbs:      []Crumb{{Name: own.loc.Fixed("crumb.home"), URL: ""}, {Name: name, Here: true}},
		Links:       links(s, pub),
		Language:    own,
		loc:         own.loc,
	}
	return p
}
