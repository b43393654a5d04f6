package site

import (
	"cmp"
	"context"
	"html/template"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/locale"
	"github.com/faqcast/faqcast/internal/diag"
	"github.com/faqcast/faqcast/internal/parallel"
	"github.com/faqcast/faqcast/internal/slug"
)

// A Site is the model the page templates see as .Site.
type Site struct {
	// Title is the title of the part of the site in its own language
	// (Languages[0]).
	Title    string
	Language string
	BaseURL  string
	Practice Practice
	// Entries holds every published entry in site order.
	Entries []*Entry
	// Languages holds the part of the site in each language: the site's
	// own first, then those of the entries in other languages, sorted by
	// tag.
	Languages []*Language
	// TopFive, Topics and Untagged are those of the site's own language
	// (Languages[0]); see [Language].
	TopFive  []*Entry
	Topics   []*Topic
	Untagged []*Entry
	// Updated is the latest review or publication date of any entry.
	Updated time.Time
	// ReviewKey names the message that says who reviewed an entry, as the
	// practice's kind has it: entry.reviewed_medical ("Medically
	// reviewed by"), entry.reviewed_clinical or entry.reviewed_plain.
	ReviewKey string

	cfg     *config.Config
	catalog *locale.Catalog
}

// A Language is the part of a site in one language: its home page and its
// topics' pages, which list its entries.
type Language struct {
	// Lang is the language's BCP 47 tag.
	Lang string
	// Name is the language's name in itself, with a capital first letter,
	// for a language switcher: "Español", "English".
	Name string
	// ogLocale is Lang as og:locale takes it (see Page.OGLocale).
	ogLocale string
	// URL is the home page's path relative to the site root: "" for the
	// site's own language, the language's folder for another, such as
	// "es/".
	URL       string
	Permalink string
	// Title is the home page's heading: the config's title in the site's
	// own language, else the message site.title.
	Title string
	// Entries holds the language's published entries in site order.
	Entries []*Entry
	// TopFive holds the entries ranked 1 to 5, or the first five entries
	// when none is ranked 1 to 5.
	TopFive []*Entry
	// Topics holds one topic per distinct tag, sorted by name, ignoring
	// case, accents and punctuation: by slug.
	Topics []*Topic
	// Untagged holds the entries without tags, in site order.
	Untagged []*Entry

	loc *locale.Locale
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
	// Body is the rendered answer. On an entry page, the page's own entry
	// has it; other entries have it when the model was made with answers
	// (see [New]).
	Body template.HTML
	// Figure is the entry's front matter image, or nil.
	Figure *Figure
	// Reviewer is the staff member who reviewed the entry, or nil.
	Reviewer *config.Staff
	Topics   []*Topic
	// Updated is ReviewedOn, else PublishOn, else the site's Updated.
	Updated time.Time
	// Language is the entry's language: its lang:, else the site's.
	Language string
	// Home is the part of the site in the entry's language.
	Home *Language
	// Translations holds the entry's translations (see
	// [entry.Translations]), sorted by language, and Original, when there
	// are any, the one of the entry and its translations that search
	// engines show to readers of other languages (hreflang x-default):
	// the one in the site's language, else the one the others translate.
	Translations []*Entry
	Original     *Entry

	order   int // index in Site.Entries
	related []*Entry
}

// Related returns up to MaxRelated other entries sharing the most tags
// with this one, or else the top five (see [Relate]).
func (e *Entry) Related() []*Entry { return e.related }

// LanguageName returns the name of the entry's language in that language,
// with a capital first letter, for a language switcher: "Español",
// "English", "Español de México".
func (e *Entry) LanguageName() string { return selfName(e.Language) }

// ReviewerName returns the name of the entry's reviewer with their
// credentials, such as "Dana Reyes, RN", or "" without a reviewer.
func (e *Entry) ReviewerName() string {
	if e.Reviewer == nil {
		return ""
	}
	if e.Reviewer.Credentials == "" {
		return e.Reviewer.Name
	}
	return e.Reviewer.Name + ", " + e.Reviewer.Credentials
}

// selfName returns the name of the language tag in that language, with a
// capital first letter, or the tag if it has none.
func selfName(lang string) string {
	tag, err := language.Parse(lang)
	if err != nil {
		return lang
	}
	name := display.Self.Name(tag)
	if name == "" {
		return lang
	}
	r, n := utf8.DecodeRuneInString(name)
	return string(unicode.ToUpper(r)) + name[n:]
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
	// URL is the page's path relative to the site root: "topics/slug/",
	// below the language's folder in another language than the site's.
	URL       string
	Permalink string
	Entries   []*Entry
	Updated   time.Time
	// Home is the part of the site in the topic's language.
	Home *Language
}

// MaxRelated is how many related questions an entry page lists.
const MaxRelated = 5

// New returns the model of the site of cfg's published entries, in site
// order: their languages' topics and top fives, and each entry's related
// entries, which related gives by place, as [Relate] returns them for the
// same entries. cat holds the messages of the entries' languages and the
// site's; figures holds each entry's front matter image, or nil; epoch is
// the date used where a date is needed and no entry has one.
//
// bodies holds each entry's rendered answer, HTML that is trusted as it
// is, or is nil: then the entries carry no answer, and each entry page
// shows its own, as [Plan.Make] is given it. A model without answers is
// the same while the entries' front matter is, which lets a build keep it
// while only answers change.
func New(cfg *config.Config, cat *locale.Catalog, entries []*entry.Entry, bodies []string, figures []*Figure, related [][]int, epoch time.Time) *Site {
	s := newModel(cfg, cat, entries, epoch, func(se *Entry, i int) {
		se.Body = template.HTML(at(bodies, i))
		se.Reviewer = cfg.StaffByID(se.ReviewedBy)
		if f := at(figures, i); f != nil {
			fig := *f
			fig.Permalink = se.Permalink + fig.URL
			se.Figure = &fig
		}
	})
	// One backing array for every entry's related entries.
	n := 0
	for _, r := range related {
		n += len(r)
	}
	all := make([]*Entry, 0, n)
	for i, e := range s.Entries {
		for _, j := range at(related, i) {
			all = append(all, s.Entries[j])
		}
		e.related = all[len(all)-len(at(related, i)):]
	}
	return s
}

// newModel builds the model of entries but their related entries,
// calling fill for each entry once its URLs are set. cat may be nil: then
// the languages have no titles.
func newModel(cfg *config.Config, cat *locale.Catalog, entries []*entry.Entry, epoch time.Time, fill func(se *Entry, i int)) *Site {
	s := &Site{
		Title:    cfg.Title,
		Language: cmp.Or(cfg.Language, "en"),
		BaseURL:  cfg.BaseURL,
		Practice: Practice{
			Practice:    cfg.Practice,
			Tel:         template.URL(config.TelURL(cfg.Practice.Phone)),
			AddressLine: addressLine(cfg.Practice.Address),
		},
		ReviewKey: "entry.reviewed_" + cmp.Or(cfg.Kind().Review, "plain"),
		cfg:       cfg,
		catalog:   cat,
	}
	all := make([]Entry, len(entries)) // one allocation for all
	s.Entries = make([]*Entry, len(entries))
	for i, e := range entries {
		se := &all[i]
		url := cfg.EntryURLIn(e.Slug, e.Lang)
		*se = Entry{Entry: e, URL: url, Permalink: cfg.BaseURL + url, Language: e.Language(s.Language), order: i}
		fill(se, i)
		se.Updated = cmp.Or(e.ReviewedOn, e.PublishOn)
		if se.Updated.After(s.Updated) {
			s.Updated = se.Updated
		}
		s.Entries[i] = se
	}
	if s.Updated.IsZero() {
		s.Updated = epoch
	}
	for _, e := range s.Entries {
		if e.Updated.IsZero() {
			e.Updated = s.Updated
		}
	}
	for i, places := range entry.Translations(entries) {
		if len(places) == 0 {
			continue
		}
		se := s.Entries[i]
		for _, j := range places {
			se.Translations = append(se.Translations, s.Entries[j])
		}
		se.Original = original(append([]*Entry{se}, se.Translations...), s.Language)
	}
	s.Languages = languages(s)
	own := s.Languages[0]
	s.TopFive, s.Topics, s.Untagged = own.TopFive, own.Topics, own.Untagged
	if s.Title == "" {
		s.Title = own.Title
	}
	return s
}

// languages returns the parts of s in each language, the site's own
// first, and sets each entry's Home.
func languages(s *Site) []*Language {
	own := &Language{Lang: s.Language}
	out := []*Language{own}
	byDir := map[string]*Language{"": own}
	for _, e := range s.Entries {
		dir := s.cfg.LanguageDir(e.Language)
		l := byDir[dir]
		if l == nil {
			l = &Language{Lang: e.Language, URL: dir + "/"}
			byDir[dir] = l
			out = append(out, l)
		}
		l.Entries = append(l.Entries, e)
		e.Home = l
	}
	slices.SortFunc(out[1:], func(a, b *Language) int { return cmp.Compare(a.URL, b.URL) })
	for _, l := range out {
		l.Name = selfName(l.Lang)
		l.ogLocale = ogLocale(l.Lang, s.Practice.Address.Country)
		l.Permalink = s.BaseURL + l.URL
		if s.catalog != nil {
			l.loc = s.catalog.Locale(l.Lang)
		}
		l.Title = homeTitle(s.cfg, l.loc, l == own)
		l.TopFive = topFive(l.Entries)
		l.Topics = topics(s.BaseURL, l)
		for _, e := range l.Entries {
			if len(e.Topics) == 0 {
				l.Untagged = append(l.Untagged, e)
			}
		}
	}
	return out
}

// Uses returns the languages that the site of cfg and its entries are
// written in, for loading their messages ([locale.Load]): the site's
// language, at its place in the config, then each other language of an
// entry, at its first lang:.
func Uses(cfg *config.Config, entries []*entry.Entry) []locale.Use {
	pos := cfg.Pos["language"]
	if pos.Line == 0 {
		pos = diag.Pos{Line: 1, Col: 1}
	}
	site := cmp.Or(cfg.Language, "en")
	out := []locale.Use{{Lang: site, Path: cfg.Path, Pos: pos}}
	seen := map[string]bool{cfg.LanguageDir(site): true}
	for _, e := range entries {
		if d := cfg.LanguageDir(e.Lang); e.Lang != "" && !seen[d] {
			seen[d] = true
			out = append(out, locale.Use{Lang: e.Lang, Path: e.Path, Pos: e.Pos["lang"]})
		}
	}
	return out
}

// original returns the one of group, an entry and its translations, in
// the site's language site, else the one that translates none, else the
// first.
func original(group []*Entry, site string) *Entry {
	for _, e := range group {
		if e.Language == site {
			return e
		}
	}
	for _, e := range group {
		if e.TranslationOf == "" {
			return e
		}
	}
	return group[0]
}

// topFive returns the entries ranked 1 to 5, or else the first five.
func topFive(entries []*Entry) []*Entry {
	var top []*Entry
	for _, e := range entries {
		if e.Rank >= 1 && e.Rank <= entry.TopFive {
			top = append(top, e)
		}
	}
	if len(top) == 0 {
		top = entries[:min(entry.TopFive, len(entries))]
	}
	return top
}

// Relate returns the related entries of each of entries, in site order,
// by their places in entries: up to MaxRelated others in its language
// sharing the most tags with it (then in site order), or else its
// language's top five. They depend only on the entries' order, languages,
// tags and ranks, and on site, the site's language.
func Relate(ctx context.Context, site string, entries []*entry.Entry) ([][]int, error) {
	s := newModel(&config.Config{Language: site}, nil, entries, time.Time{}, func(*Entry, int) {})
	out := make([][]int, len(entries))
	err := parallel.For(ctx, len(entries), func(i int) {
		rel := related(s.Entries[i], s.Entries[i].Home.TopFive)
		out[i] = make([]int, len(rel))
		for k, r := range rel {
			out[i][k] = r.order
		}
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// TopicURL returns the path of a topic's page relative to the site root,
// dir being its language's folder with a final slash ("" for the site's
// language).
func TopicURL(dir, slug string) string { return dir + "topics/" + slug + "/" }

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

// topics groups the entries of l by tag. Tags that make the same slug are one topic,
// named by the spelling most entries use (ties go to the smaller string),
// with a capital first letter. Topics come sorted by slug.
func topics(baseURL string, l *Language) []*Topic {
	entries := l.Entries
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
				url := TopicURL(l.URL, s)
				t = &Topic{Slug: s, URL: url, Permalink: baseURL + url, Home: l}
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
