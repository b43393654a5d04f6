package site

import (
	"cmp"
	"html/template"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/internal/slug"
)

// A Site is the model the page templates see as .Site.
type Site struct {
	Title    string
	Language string
	BaseURL  string
	Practice Practice
	// Entries holds every published entry in site order.
	Entries []*Entry
	// TopFive holds the entries ranked 1 to 5, or the first five entries
	// when none is ranked 1 to 5.
	TopFive []*Entry
	// Topics holds one topic per distinct tag, sorted by name, ignoring
	// case, accents and punctuation: by slug.
	Topics []*Topic
	// Untagged holds the entries without tags, in site order.
	Untagged []*Entry
	// Updated is the latest review or publication date of any entry.
	Updated time.Time
}

// A Practice is the practice as the templates show it.
type Practice struct {
	config.Practice
	// Tel is a tel: URL for Phone, made of digits only.
	Tel template.URL
	// AddressLine is "City, Region PostalCode".
	AddressLine string
}

// An Entry is an entry as the templates show it.
type Entry struct {
	*entry.Entry
	// URL is the page's path relative to the site root, such as "faq/slug/".
	URL string
	// Permalink is the page's absolute URL.
	Permalink string
	// Body is the rendered answer.
	Body template.HTML
	// Figure is the entry's front matter image, or nil.
	Figure *Figure
	// Reviewer is the staff member who reviewed the entry, or nil.
	Reviewer *config.Staff
	Topics   []*Topic
	// Updated is ReviewedOn, else PublishOn, else the site's Updated.
	Updated time.Time

	order   int    // index in Site.Entries
	site    *Site  // for Related
	file    string // URL + "index.html", once a Render needs it
	made    made   // what a Memo's Render made its pages of
	related struct {
		once    sync.Once
		entries []*Entry
		done    bool // entries are worked out
	}
}

// Related returns up to MaxRelated other entries sharing the most tags
// with this one, or else the top five. It works them out on first use:
// only the pages a build renders need them.
func (e *Entry) Related() []*Entry {
	e.related.once.Do(func() {
		e.related.entries = related(e, e.site.TopFive)
		e.related.done = true
	})
	return e.related.entries
}

// takeRelated gives s's entries the related entries that the same entries
// of last, a model of the same entries, tags and ranks, worked out.
func (s *Site) takeRelated(last *Site) {
	if len(last.Entries) != len(s.Entries) {
		return
	}
	for i, e := range s.Entries {
		was := last.Entries[i]
		if !was.related.done {
			continue
		}
		rel := make([]*Entry, len(was.related.entries))
		for j, r := range was.related.entries {
			rel[j] = s.Entries[r.order]
		}
		e.related.once.Do(func() {
			e.related.entries = rel
			e.related.done = true
		})
	}
}

// A Figure is an entry's image, prepared and written beside its page.
type Figure struct {
	// URL is the image's name beside the entry's page, such as "room.jpg".
	URL string
	// Permalink is the image's absolute URL.
	Permalink     string
	Alt           string
	Width, Height int
}

// A Topic groups the entries that share a tag.
type Topic struct {
	// Name is the tag as most entries write it, with a capital first letter.
	Name string
	Slug string
	// URL is the page's path relative to the site root: "topics/slug/".
	URL       string
	Permalink string
	Entries   []*Entry
	Updated   time.Time
}

// MaxRelated is how many related questions an entry page lists.
const MaxRelated = 5

// newSite builds the model from the checked config and entries.
// bodies maps each entry to its rendered body.
func newSite(cfg *config.Config, entries []*entry.Entry, bodies []string, figures []*Figure, epoch time.Time) *Site {
	s := &Site{
		Title:    cfg.Title,
		Language: cfg.Language,
		BaseURL:  cfg.BaseURL,
		Practice: Practice{
			Practice:    cfg.Practice,
			Tel:         template.URL(config.TelURL(cfg.Practice.Phone)),
			AddressLine: addressLine(cfg.Practice.Address),
		},
	}
	for i, e := range entries {
		se := &Entry{
			Entry:     e,
			URL:       EntryURL(e.Slug),
			Permalink: cfg.BaseURL + EntryURL(e.Slug),
			Body:      template.HTML(at(bodies, i)),
			Reviewer:  cfg.StaffByID(e.ReviewedBy),
		}
		if f := at(figures, i); f != nil {
			fig := *f
			fig.Permalink = se.Permalink + fig.URL
			se.Figure = &fig
		}
		se.Updated = cmp.Or(e.ReviewedOn, e.PublishOn)
		if se.Updated.After(s.Updated) {
			s.Updated = se.Updated
		}
		se.order, se.site = len(s.Entries), s
		s.Entries = append(s.Entries, se)
	}
	if s.Updated.IsZero() {
		s.Updated = epoch
	}
	for _, e := range s.Entries {
		if e.Updated.IsZero() {
			e.Updated = s.Updated
		}
	}

	for _, e := range s.Entries {
		if e.Rank >= 1 && e.Rank <= entry.TopFive {
			s.TopFive = append(s.TopFive, e)
		}
	}
	if len(s.TopFive) == 0 {
		s.TopFive = s.Entries[:min(entry.TopFive, len(s.Entries))]
	}

	s.Topics = topics(cfg.BaseURL, s.Entries)
	for _, e := range s.Entries {
		if len(e.Topics) == 0 {
			s.Untagged = append(s.Untagged, e)
		}
	}
	return s
}

// EntryURL returns the path of an entry's page relative to the site root.
func EntryURL(slug string) string { return "faq/" + slug + "/" }

// TopicURL returns the path of a topic's page relative to the site root.
func TopicURL(slug string) string { return "topics/" + slug + "/" }

func addressLine(a config.Address) string {
	line := a.City
	if a.Region != "" {
		line = strings.TrimPrefix(line+", "+a.Region, ", ")
	}
	if a.PostalCode != "" {
		line = strings.TrimSpace(line + " " + a.PostalCode)
	}
	if a.Country != "" {
		line = strings.TrimPrefix(line+", "+a.Country, ", ")
	}
	return line
}

// topics groups entries by tag. Tags that make the same slug are one topic,
// named by the spelling most entries use (ties go to the smaller string),
// with a capital first letter. Topics come sorted by slug.
func topics(baseURL string, entries []*Entry) []*Topic {
	bySlug := map[string]*Topic{}
	spellings := map[string]map[string]int{}
	slugs := map[string]string{} // by tag: entries share a few tags
	var seen []string            // the entry's topics so far
	for _, e := range entries {
		seen = seen[:0]
		for _, tag := range e.Tags {
			s, ok := slugs[tag]
			if !ok {
				s = slug.Make(tag)
				slugs[tag] = s
			}
			if slices.Contains(seen, s) {
				continue
			}
			seen = append(seen, s)
			t := bySlug[s]
			if t == nil {
				t = &Topic{Slug: s, URL: TopicURL(s), Permalink: baseURL + TopicURL(s)}
				bySlug[s] = t
				spellings[s] = map[string]int{}
			}
			spellings[s][tag]++
			t.Entries = append(t.Entries, e)
			if e.Updated.After(t.Updated) {
				t.Updated = e.Updated
			}
			e.Topics = append(e.Topics, t)
		}
	}
	var out []*Topic
	for slug, t := range bySlug {
		best, n := "", 0
		for sp, c := range spellings[slug] {
			if c > n || (c == n && sp < best) {
				best, n = sp, c
			}
		}
		t.Name = upperFirst(best)
		out = append(out, t)
	}
	// By slug, which is the name without case and accents, so that "Ópticas"
	// comes before "Vacunas".
	slices.SortFunc(out, func(a, b *Topic) int { return cmp.Compare(a.Slug, b.Slug) })
	for _, e := range entries {
		slices.SortFunc(e.Topics, func(a, b *Topic) int { return cmp.Compare(a.Slug, b.Slug) })
	}
	return out
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// related returns up to MaxRelated other entries, those sharing the most
// topics first (then in site order); with none shared, the top five.
//
// Each topic lists its entries in site order, so the candidates come from
// merging those lists: one pass over them, stopping as soon as five entries
// share every topic, since no later one can rank higher.
func related(e *Entry, top []*Entry) []*Entry {
	lists := make([][]*Entry, len(e.Topics))
	for i, t := range e.Topics {
		lists[i] = t.Entries
	}
	type candidate struct {
		e      *Entry
		shared int
	}
	var best []candidate // sorted by shared, most first; then site order
	heads := make([]int, len(lists))
	for {
		next := -1
		for i, l := range lists {
			if heads[i] < len(l) && (next < 0 || l[heads[i]].order < next) {
				next = l[heads[i]].order
			}
		}
		if next < 0 {
			break
		}
		c := candidate{}
		for i, l := range lists {
			if heads[i] < len(l) && l[heads[i]].order == next {
				c.e = l[heads[i]]
				c.shared++
				heads[i]++
			}
		}
		if c.e == e {
			continue
		}
		// Candidates come in site order: a later one goes after every
		// candidate sharing as many topics.
		at := len(best)
		for at > 0 && best[at-1].shared < c.shared {
			at--
		}
		if at < MaxRelated {
			best = slices.Insert(best, at, c)[:min(len(best)+1, MaxRelated)]
		}
		if len(best) == MaxRelated && best[MaxRelated-1].shared == len(lists) {
			break
		}
	}
	if len(best) == 0 {
		var out []*Entry
		for _, o := range top {
			if o != e {
				out = append(out, o)
			}
		}
		return out
	}
	out := make([]*Entry, len(best))
	for i, c := range best {
		out[i] = c.e
	}
	return out
}
