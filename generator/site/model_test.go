package site

import (
	"context"
	"html/template"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/locale"
	"github.com/faqcast/faqcast/generator/platform"
	"github.com/faqcast/faqcast/templates"
)

func testConfig(t *testing.T) *config.Config {
	t.Helper()
	cfg, err := config.Parse("faqcast.yaml", []byte(`base_url: https://clinic.example/
practice: {name: Test Clinic, phone: "(555) 010-0199"}
staff:
  - {id: ana, name: Ana Lopez, credentials: MD, role: physician, hipaa_trained: true}
`))
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// e is a shorthand for an entry: its slug, rank and tags.
func e(slug string, rank int, tags ...string) *entry.Entry {
	return &entry.Entry{
		Path:  "content/" + slug + ".md",
		Rel:   slug + ".md",
		Slug:  slug,
		Title: strings.ToUpper(slug[:1]) + slug[1:] + "?",
		Rank:  rank,
		Tags:  tags,
	}
}

// build makes the model of entries, sorted in site order as a build does.
func build(t *testing.T, entries ...*entry.Entry) *Site {
	t.Helper()
	slices.SortFunc(entries, entry.Compare)
	cfg := testConfig(t)
	related, err := Relate(context.Background(), cfg.Language, entries)
	if err != nil {
		t.Fatal(err)
	}
	return New(cfg, catalogFor(t, cfg, entries), entries, nil, nil, related, day("1970-01-01"))
}

// catalogFor returns faqcast's own messages in the languages of cfg and
// entries.
func catalogFor(t testing.TB, cfg *config.Config, entries []*entry.Entry) *locale.Catalog {
	t.Helper()
	cat, err := locale.Load(locale.Sources{Default: templates.FS}, Uses(cfg, entries))
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

func slugs(es []*Entry) []string {
	out := []string{}
	for _, e := range es {
		out = append(out, e.Slug)
	}
	return out
}

func bySlug(s *Site, slug string) *Entry {
	for _, e := range s.Entries {
		if e.Slug == slug {
			return e
		}
	}
	return nil
}

func TestTopics(t *testing.T) {
	s := build(t,
		e("a", 1, "first visit", "Billing"),
		e("b", 2, "First Visit", "billing"),
		e("c", 0, "first visit", "first-visit"), // both tags name one topic: counted once
		e("d", 0, "billing", "Vaccines"),
		e("e", 0),
		e("f", 0, "Ünïcode Tópic"),
		e("g", 0, "zebra", "Apple"),
	)
	type topic struct {
		Name, Slug, URL, Permalink string
		Entries                    []string
	}
	var got []topic
	for _, tp := range s.Topics {
		got = append(got, topic{tp.Name, tp.Slug, tp.URL, tp.Permalink, slugs(tp.Entries)})
	}
	want := []topic{
		{"Apple", "apple", "topics/apple/", "https://clinic.example/topics/apple/", []string{"g"}},
		// "billing" is written twice, "Billing" once.
		{"Billing", "billing", "topics/billing/", "https://clinic.example/topics/billing/", []string{"a", "b", "d"}},
		// "first visit" twice (c's "first-visit" is the same topic, counted once), "First Visit" once.
		{"First visit", "first-visit", "topics/first-visit/", "https://clinic.example/topics/first-visit/", []string{"a", "b", "c"}},
		{"Ünïcode Tópic", "unicode-topic", "topics/unicode-topic/", "https://clinic.example/topics/unicode-topic/", []string{"f"}},
		{"Vaccines", "vaccines", "topics/vaccines/", "https://clinic.example/topics/vaccines/", []string{"d"}},
		{"Zebra", "zebra", "topics/zebra/", "https://clinic.example/topics/zebra/", []string{"g"}},
	}
	if !slices.EqualFunc(got, want, func(a, b topic) bool {
		return a.Name == b.Name && a.Slug == b.Slug && a.URL == b.URL && a.Permalink == b.Permalink && slices.Equal(a.Entries, b.Entries)
	}) {
		t.Errorf("topics:\n%+v\nwant\n%+v", got, want)
	}

	// Each entry's topics, sorted by slug, and none twice.
	for _, tc := range []struct {
		slug string
		want []string
	}{
		{"a", []string{"billing", "first-visit"}},
		{"c", []string{"first-visit"}},
		{"e", nil},
		{"g", []string{"apple", "zebra"}},
	} {
		var got []string
		for _, tp := range bySlug(s, tc.slug).Topics {
			got = append(got, tp.Slug)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s.Topics = %q, want %q", tc.slug, got, tc.want)
		}
	}
	if got := slugs(s.Untagged); !slices.Equal(got, []string{"e"}) {
		t.Errorf("Untagged = %q, want [e]", got)
	}
}

func TestTopicNameTies(t *testing.T) {
	// One entry each: the tie goes to the smaller string, "Flu shots" < "flu shots".
	s := build(t, e("a", 0, "flu shots"), e("b", 0, "Flu shots"))
	if len(s.Topics) != 1 || s.Topics[0].Name != "Flu shots" {
		t.Fatalf("topics = %+v, want one named Flu shots", s.Topics)
	}
	// The same input in the other order gives the same name.
	s = build(t, e("b", 0, "Flu shots"), e("a", 0, "flu shots"))
	if s.Topics[0].Name != "Flu shots" {
		t.Errorf("name depends on order: %q", s.Topics[0].Name)
	}
}

func TestTopFive(t *testing.T) {
	for _, tc := range []struct {
		name    string
		entries []*entry.Entry
		want    []string
	}{
		{"ranks 1 to 5 only", []*entry.Entry{
			e("six", 6), e("one", 1), e("three", 3), e("plain", 0), e("five", 5), e("two", 2), e("four", 4),
		}, []string{"one", "two", "three", "four", "five"}},
		{"fewer than five ranked", []*entry.Entry{e("b", 0), e("two", 2), e("a", 0), e("four", 4)},
			[]string{"two", "four"}},
		{"none ranked: the first five", []*entry.Entry{e("f", 0), e("e", 0), e("d", 0), e("c", 0), e("b", 0), e("a", 0)},
			[]string{"a", "b", "c", "d", "e"}},
		{"none ranked 1 to 5: the first five", []*entry.Entry{e("b", 0), e("seven", 7), e("a", 0)},
			[]string{"seven", "a", "b"}},
		{"no entries", nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := build(t, tc.entries...)
			if got := slugs(s.TopFive); !slices.Equal(got, tc.want) {
				t.Errorf("TopFive = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestRelated(t *testing.T) {
	s := build(t,
		e("top1", 1, "visits"),
		e("top2", 2),
		e("top3", 3),
		e("top4", 4),
		e("top5", 5),
		e("many", 0, "visits", "billing", "forms"),
		e("two", 0, "billing", "forms"),
		e("one-a", 0, "forms"),
		e("one-b", 0, "billing"),
		e("one-c", 0, "forms"),
		e("one-d", 0, "billing"),
		e("alone", 0, "lonely"),
		e("untagged", 0),
	)
	for _, tc := range []struct {
		slug string
		want []string
	}{
		// Most shared topics first, then site order; at most five.
		{"many", []string{"two", "top1", "one-a", "one-b", "one-c"}},
		{"two", []string{"many", "one-a", "one-b", "one-c", "one-d"}},
		{"top1", []string{"many"}},
		// No shared topic: the top five, without itself.
		{"alone", []string{"top1", "top2", "top3", "top4", "top5"}},
		{"untagged", []string{"top1", "top2", "top3", "top4", "top5"}},
		{"top2", []string{"top1", "top3", "top4", "top5"}},
	} {
		got := slugs(bySlug(s, tc.slug).Related())
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s.Related = %q, want %q", tc.slug, got, tc.want)
		}
	}
	for _, en := range s.Entries {
		if len(en.Related()) > MaxRelated {
			t.Errorf("%s has %d related entries", en.Slug, len(en.Related()))
		}
		if slices.Contains(en.Related(), en) {
			t.Errorf("%s is related to itself", en.Slug)
		}
	}
}

func TestUpdated(t *testing.T) {
	reviewed := e("reviewed", 1, "a")
	reviewed.ReviewedBy, reviewed.ReviewedOn = "ana", day("2026-03-01")
	published := e("published", 2, "a")
	published.PublishOn = day("2026-05-01")
	both := e("both", 3, "b")
	both.ReviewedOn, both.PublishOn = day("2026-01-10"), day("2026-06-01")
	neither := e("neither", 4, "b", "c")

	s := build(t, reviewed, published, both, neither)
	if want := day("2026-05-01"); !s.Updated.Equal(want) {
		t.Errorf("Site.Updated = %s, want %s (the latest date of any entry)", s.Updated, want)
	}
	for _, tc := range []struct {
		slug, want string
	}{
		{"reviewed", "2026-03-01"},
		{"published", "2026-05-01"},
		{"both", "2026-01-10"},    // the review date wins
		{"neither", "2026-05-01"}, // the site's date
	} {
		if got := bySlug(s, tc.slug).Updated.Format(time.DateOnly); got != tc.want {
			t.Errorf("%s.Updated = %s, want %s", tc.slug, got, tc.want)
		}
	}
	for _, tc := range []struct {
		topic, want string
	}{
		{"a", "2026-05-01"},
		{"b", "2026-05-01"},
		{"c", "2026-05-01"},
	} {
		i := slices.IndexFunc(s.Topics, func(tp *Topic) bool { return tp.Slug == tc.topic })
		if got := s.Topics[i].Updated.Format(time.DateOnly); got != tc.want {
			t.Errorf("topic %s Updated = %s, want %s", tc.topic, got, tc.want)
		}
	}

	// With no dates at all, the epoch is every date.
	epoch := day("2025-12-31")
	cfg := testConfig(t)
	s = New(cfg, catalogFor(t, cfg, nil), []*entry.Entry{e("x", 1, "t")}, nil, nil, nil, epoch)
	if !s.Updated.Equal(epoch) || !s.Entries[0].Updated.Equal(epoch) || !s.Topics[0].Updated.Equal(epoch) {
		t.Errorf("without dates: site %s, entry %s, topic %s; want %s", s.Updated, s.Entries[0].Updated, s.Topics[0].Updated, epoch)
	}
}

func TestTopicUpdatedIsLatestOfItsEntries(t *testing.T) {
	old := e("old", 1, "t")
	old.ReviewedOn = day("2026-01-01")
	newer := e("newer", 2, "t")
	newer.ReviewedOn = day("2026-02-01")
	other := e("other", 3, "u")
	other.ReviewedOn = day("2026-09-01")
	s := build(t, old, newer, other)
	if got := s.Topics[0].Updated.Format(time.DateOnly); s.Topics[0].Slug != "t" || got != "2026-02-01" {
		t.Errorf("topic %s Updated = %s, want t, 2026-02-01", s.Topics[0].Slug, got)
	}
}

func TestPractice(t *testing.T) {
	for _, tc := range []struct {
		addr config.Address
		want string
	}{
		{config.Address{City: "Springfield", Region: "IL", PostalCode: "62701"}, "Springfield, IL 62701"},
		{config.Address{City: "Springfield"}, "Springfield"},
		{config.Address{Region: "IL", PostalCode: "62701"}, "IL 62701"},
		{config.Address{PostalCode: "62701"}, "62701"},
		{config.Address{City: "Lyon", PostalCode: "69001", Country: "FR"}, "Lyon 69001, FR"},
		{config.Address{Country: "US"}, "US"},
		{config.Address{}, ""},
	} {
		if got := addressLine(tc.addr); got != tc.want {
			t.Errorf("addressLine(%+v) = %q, want %q", tc.addr, got, tc.want)
		}
	}
	s := build(t)
	if s.Practice.Tel != "tel:+15550100199" {
		t.Errorf("Tel = %q", s.Practice.Tel)
	}
}

func TestPageRel(t *testing.T) {
	for _, tc := range []struct {
		root, path, want string
	}{
		{"", "", "./"},
		{"", "faq/a/", "faq/a/"},
		{"", "style.css", "style.css"},
		{"../../", "", "../../"},
		{"../../", "topics/b/", "../../topics/b/"},
		{"/care/", "", "/care/"},
		{"/care/", "faq/a/", "/care/faq/a/"},
	} {
		p := &Page{Root: tc.root}
		if got := p.Rel(tc.path); got != tc.want {
			t.Errorf("Rel(%q) from root %q = %q, want %q", tc.path, tc.root, got, tc.want)
		}
	}
	for path, want := range map[string]string{"": "", "faq/a/": "../../", "topics/b/": "../../"} {
		if got := rootFrom(path); got != want {
			t.Errorf("rootFrom(%q) = %q, want %q", path, got, want)
		}
	}
}

// TestPageT checks that a message with an HTML value is HTML whose own
// words are escaped, and that one without is text for the template to
// escape.
func TestPageT(t *testing.T) {
	s := build(t, e("a", 1, "t"))
	p := homePage(s, s.Languages[0])
	got, err := p.T("notfound.text", "link", p.Link("", "a <list> & more"))
	want := template.HTML(`We could not find that page. It may have moved. Try the questions below, or go to the <a href="./">a &lt;list&gt; &amp; more</a>.`)
	if err != nil || got != want {
		t.Errorf("with HTML: %#v, %v\nwant %#v", got, err, want)
	}
	if got, err := p.T("callbook.hours", "hours", "<b>9</b>"); err != nil || got != "Office hours: <b>9</b>" {
		t.Errorf("with text: %#v, %v", got, err)
	}
	if _, err := p.T("callbook.hours"); err == nil {
		t.Error("a missing value: no error")
	}
	if got := p.Time(day("2026-12-07")); got != `<time datetime="2026-12-07">December 7, 2026</time>` {
		t.Errorf("Time: %s", got)
	}
	if p.LangAttr("en") != "" || p.LangAttr("es") != ` lang="es"` {
		t.Errorf("LangAttr: %q, %q", p.LangAttr("en"), p.LangAttr("es"))
	}
}

// TestUnitsWords checks that every platform's units have a message.
func TestUnitsWords(t *testing.T) {
	s := build(t, e("a", 1, "t"))
	p := homePage(s, s.Languages[0])
	for _, pl := range platform.All {
		if got, err := p.Units(pl.Units); err != nil || got == "" {
			t.Errorf("%s: units %q: %q, %v", pl.Name, pl.Units, got, err)
		}
	}
}

// TestOGLocale checks og:locale's language_TERRITORY: the tag's own
// territory, else the practice's country when it is a country's code,
// else the language's likely territory.
func TestOGLocale(t *testing.T) {
	for _, tc := range []struct{ country, lang, want string }{
		{"", "en", "en_US"},
		{"", "es", "es_ES"},
		{"", "es-MX", "es_MX"},
		{"US", "es", "es_US"},
		{"us", "en", "en_US"},
		{"MX", "es-419", "es_MX"},
		{"", "es-419", "es_ES"},
		{"US", "pt-BR", "pt_BR"},
		{"United States", "es", "es_ES"},
		{"UK", "en", "en_GB"},
		{"", "tlh", "tlh"},
		{"", "not a tag", "not a tag"},
	} {
		p := &Page{Site: &Site{Practice: Practice{Practice: config.Practice{Address: config.Address{Country: tc.country}}}}}
		if got := p.OGLocale(tc.lang); got != tc.want {
			t.Errorf("country %q: OGLocale(%q) = %q, want %q", tc.country, tc.lang, got, tc.want)
		}
	}
}
