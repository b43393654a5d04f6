package entry_test

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/faqcast/faqcast/generator/entry"
)

// parsed parses the entry file at rel in content/, failing t on error.
func parsed(t *testing.T, rel, src string) *entry.Entry {
	t.Helper()
	e, err := entry.Parse("content/"+rel, rel, []byte(src))
	if err != nil {
		t.Fatalf("Parse(%s): %v", rel, err)
	}
	return e
}

// front returns an entry file with the given title and extra front matter.
func front(title, extra string) string {
	return "---\ntitle: " + title + "\nsummary: A short answer.\n" + extra + "---\nBody.\n"
}

// published is the live function of a build without drafts on now.
var now = time.Date(2026, 11, 18, 12, 0, 0, 0, time.UTC)

func published(e *entry.Entry) bool { return e.Live(now, false) }

var staff = []string{"alopez", "bokafor", "dreyes"}

func TestNewIndexErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files [][2]string // rel, source
		staff []string
		want  []string // Error() of every problem, in order
		hints []string // the hint of each problem
	}{
		{
			name: "duplicate slug, rank and title",
			files: [][2]string{
				{"a.md", front("Where do I park?", "slug: parking\nrank: 1\n")},
				{"b.md", front("Is there parking?", "slug: parking\nrank: 1\n")},
				{"sub/c.md", front("where DO i Park?", "rank: 2\n")},
			},
			want: []string{
				`content/b.md:4:7: slug "parking" is also used by content/a.md`,
				"content/b.md:5:7: rank 1 is also used by content/a.md",
				`content/sub/c.md:2:8: title "where DO i Park?" is also used by content/a.md`,
			},
			hints: []string{
				"every entry needs its own slug: set slug: in one of them",
				"ranks must be unique among the entries of a language; 1 is the most asked question",
				"merge this entry with content/a.md, or word the two questions apart",
			},
		},
		{
			name: "translations",
			files: [][2]string{
				{"parking.md", front("Where do I park?", "")},
				{"es/parking.md", front("¿Dónde me estaciono?", "slug: estacionamiento\nlang: es\ntranslation_of: parking\n")},
				{"es/parking2.md", front("¿Hay estacionamiento?", "slug: estacionamiento-2\nlang: es\ntranslation_of: parking\n")},
				{"fr/parking.md", front("Où me garer ?", "slug: stationnement\nlang: fr\ntranslation_of: parkin\n")},
			},
			want: []string{
				`content/es/parking2.md:5:7: translates the same entry as content/es/parking.md, in the same language ("es")`,
				`content/fr/parking.md:6:17: translation_of "parkin" names no entry`,
			},
			hints: []string{
				"set lang: to the language this entry is written in, such as es",
				`did you mean "parking"?`,
			},
		},
		{
			name: "titles that differ only in spacing, case or end punctuation",
			files: [][2]string{
				{"a.md", front("Where do I park?", "")},
				{"b.md", front("where  do I\u00a0  PARK ?", "")},
				{"c.md", front("Where do I park", "")},
				{"d.md", front("'Where do I park?!'", "")},
				{"e.md", front("Where can I park?", "")},
				{"f.md", front("Is the Straße open?", "")},
				{"g.md", front("IS THE STRASSE OPEN?", "")},
				{"h.md", front("Caf\u00e9 hours?", "")},
				{"i.md", front("Cafe\u0301 hours?", "")},
				{"j.md", front("¿Hablan español?", "")},
				{"k.md", front("¿Hablan Español ?", "")},
				{"l.md", front("Where do I park ? !", "")},
			},
			want: []string{
				`content/b.md:2:8: title "where  do I\u00a0  PARK ?" is also used by content/a.md, written "Where do I park?"`,
				`content/c.md:2:8: title "Where do I park" is also used by content/a.md, written "Where do I park?"`,
				`content/d.md:2:8: title "Where do I park?!" is also used by content/a.md, written "Where do I park?"`,
				`content/g.md:2:8: title "IS THE STRASSE OPEN?" is also used by content/f.md, written "Is the Straße open?"`,
				"content/i.md:2:8: title \"Cafe\u0301 hours?\" is also used by content/h.md, written \"Caf\u00e9 hours?\"",
				`content/k.md:2:8: title "¿Hablan Español ?" is also used by content/j.md, written "¿Hablan español?"`,
				`content/l.md:2:8: title "Where do I park ? !" is also used by content/a.md, written "Where do I park?"`,
			},
			hints: []string{
				nearHint("content/a.md"), nearHint("content/a.md"), nearHint("content/a.md"),
				nearHint("content/f.md"), nearHint("content/h.md"), nearHint("content/j.md"), nearHint("content/a.md"),
			},
		},
		{
			name: "default slugs collide",
			files: [][2]string{
				{"x/index.md", front("One?", "")},
				{"x.md", front("Two?", "")},
				{"y.md", front("Three?", "weight: 4\n")},
				{"z.md", front("Four?", "rank: 4\n")},
			},
			want: []string{
				`content/x/index.md:1:1: slug "x" is also used by content/x.md`,
				"content/z.md:4:7: rank 4 is also used by content/y.md",
			},
			hints: []string{
				"every entry needs its own slug: set slug: in one of them",
				"ranks must be unique among the entries of a language; 1 is the most asked question",
			},
		},
		{
			name: "drafts, future and expired entries are ignored",
			files: [][2]string{
				{"a.md", front("Where do I park?", "slug: parking\nrank: 1\n")},
				{"draft.md", front("Where do I park?", "slug: parking\nrank: 1\ndraft: true\nreviewed_by: nobody\n")},
				{"later.md", front("Where do I park?", "slug: parking\nrank: 1\npublish_on: 2027-01-01\n")},
				{"gone.md", front("Where do I park?", "slug: parking\nrank: 1\nexpire_on: 2026-11-18\n")},
			},
		},
		{
			name:  "unknown reviewer, close to a staff id",
			files: [][2]string{{"a.md", front("A?", "reviewed_by: dreys\nreviewed_on: 2026-10-02\n")}},
			staff: staff,
			want:  []string{`content/a.md:4:14: reviewed_by "dreys" is not a staff id`},
			hints: []string{`did you mean "dreyes"?`},
		},
		{
			name:  "unknown reviewer, far from any staff id",
			files: [][2]string{{"a.md", front("A?", "reviewed_by: someone\nreviewed_on: 2026-10-02\n")}},
			staff: staff,
			want:  []string{`content/a.md:4:14: reviewed_by "someone" is not a staff id`},
			hints: []string{"staff ids: alopez, bokafor, dreyes"},
		},
		{
			name:  "unknown reviewer, no staff",
			files: [][2]string{{"a.md", front("A?", "reviewed_by: alopez\nreviewed_on: 2026-10-02\n")}},
			want:  []string{`content/a.md:4:14: reviewed_by "alopez" is not a staff id`},
			hints: []string{"add the reviewer to staff: in faqcast.yaml"},
		},
		{
			name:  "reviewed_by without reviewed_on",
			files: [][2]string{{"a.md", front("A?", "rank: 1\nreviewed_by: alopez\n")}},
			staff: staff,
			want:  []string{"content/a.md:5:14: reviewed_by is set but reviewed_on is not"},
			hints: []string{"add reviewed_on: with the date of the review, such as 2026-10-02"},
		},
		{
			name: "no problems",
			files: [][2]string{
				{"a.md", front("A?", "rank: 1\nreviewed_by: alopez\nreviewed_on: 2026-10-02\n")},
				{"b.md", front("B?", "rank: 2\n")},
				{"c.md", front("C?", "")},
			},
			staff: staff,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			content := &entry.Content{}
			for _, f := range tc.files {
				content.Entries = append(content.Entries, parsed(t, f[0], f[1]))
			}
			ix, err := entry.NewIndex(content, published, tc.staff)
			if ix == nil {
				t.Fatal("NewIndex returned no index")
			}
			var got, hints []string
			for _, de := range checkDiags(t, err) {
				got = append(got, de.Error())
				hints = append(hints, de.Hint)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("errors:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(tc.want, "\n\t"))
			}
			if !reflect.DeepEqual(hints, tc.hints) {
				t.Errorf("hints:\n\t%s\nwant:\n\t%s", strings.Join(hints, "\n\t"), strings.Join(tc.hints, "\n\t"))
			}
		})
	}
}

// nearHint is the hint for a title that differs from that of the entry
// in file only in spacing, case or punctuation at the end.
func nearHint(file string) string {
	return "merge this entry with " + file + ", or word the two questions apart: " +
		"titles that differ only in spacing, case or punctuation at the end ask the same question"
}

func TestIndexTranslations(t *testing.T) {
	en := parsed(t, "flu.md", front("Do I need a flu shot?", ""))
	es := parsed(t, "es/flu.md", front("¿Necesito la vacuna de la gripe?", "slug: gripe\nlang: es\ntranslation_of: flu\n"))
	// A translation of a translation joins the same group.
	pt := parsed(t, "pt/flu.md", front("Preciso da vacina da gripe?", "slug: gripe-pt\nlang: pt-BR\ntranslation_of: gripe\n"))
	// Hugo's translationKey need not be a slug of the group.
	a := parsed(t, "visit.md", front("What happens at a visit?", "translationKey: visit-key\n"))
	b := parsed(t, "es/visit.md", front("¿Qué pasa en una visita?", "slug: visita\nlang: ES\ntranslationKey: visit-key\n"))
	alone := parsed(t, "alone.md", front("Alone?", ""))
	ix, err := entry.NewIndex(&entry.Content{Entries: []*entry.Entry{a, alone, b, en, es, pt}}, published, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		e    *entry.Entry
		want []*entry.Entry
	}{
		{en, []*entry.Entry{es, pt}},
		{es, []*entry.Entry{en, pt}},
		{pt, []*entry.Entry{en, es}},
		{a, []*entry.Entry{b}},
		{b, []*entry.Entry{a}},
		{alone, nil},
	} {
		if got := ix.Translations(tc.e); !slices.Equal(got, tc.want) {
			t.Errorf("Translations(%s) = %v, want %v", tc.e.Rel, got, tc.want)
		}
	}
	if err := ix.CheckLanguages("en"); err != nil {
		t.Errorf("CheckLanguages: %v", err)
	}
	// On a Spanish site, the entries without lang: are taken to be in
	// Spanish, as their translations are: each is reported.
	err = ix.CheckLanguages("es")
	for _, want := range []string{
		`content/flu.md:1:1: translates the same entry as content/es/flu.md, in the same language ("es", the site's)`,
		`content/visit.md:4:17: translates the same entry as content/es/visit.md, in the same language ("es", the site's)`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("CheckLanguages(es) = %v, want %s", err, want)
		}
	}
	if b.Lang != "es" || b.Language("en") != "es" || en.Language("en") != "en" {
		t.Errorf("languages %q, %q, %q; want es, es, en", b.Lang, b.Language("en"), en.Language("en"))
	}
}

func TestIndexLookups(t *testing.T) {
	live := parsed(t, "live.md", front("Live?", "slug: here\n"))
	draft := parsed(t, "drafts/draft.md", front("Draft?", "draft: true\n"))
	later := parsed(t, "later.md", front("Later?", "publish_on: 2027-01-01\n"))
	content := &entry.Content{
		Entries: []*entry.Entry{draft, later, live},
		Failed:  []string{"broken.md"},
	}
	ix, err := entry.NewIndex(content, published, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		rel    string
		want   *entry.Entry
		status entry.Status
	}{
		{"live.md", live, entry.Live},
		{"drafts/draft.md", draft, entry.Hidden},
		{"later.md", later, entry.Hidden},
		{"broken.md", nil, entry.Failed},
		{"missing.md", nil, entry.Missing},
		{"Live.md", nil, entry.Missing},
	} {
		t.Run(tc.rel, func(t *testing.T) {
			e, status := ix.ByRel(tc.rel)
			if e != tc.want || status != tc.status {
				t.Errorf("ByRel(%q) = %v, %v; want %v, %v", tc.rel, e, status, tc.want, tc.status)
			}
		})
	}
	if got := ix.BySlug("here"); got != live {
		t.Errorf("BySlug(here) = %v, want the live entry", got)
	}
	for _, slug := range []string{"live", "draft", "later", ""} {
		if got := ix.BySlug(slug); got != nil {
			t.Errorf("BySlug(%q) = %v, want nil", slug, got)
		}
	}
	if len(ix.Entries) != 1 || ix.Entries[0] != live {
		t.Errorf("Entries = %v, want only the live entry", ix.Entries)
	}
}

func TestIndexOrder(t *testing.T) {
	files := [][2]string{
		{"z.md", front("Zebra?", "")},
		{"r3.md", front("Third?", "rank: 3\n")},
		{"apple.md", front("apple?", "slug: apple-2\n")},
		{"Apple.md", front("Apple?", "slug: apple-1\n")},
		{"r1.md", front("First?", "rank: 1\n")},
		{"banana.md", front("Banana?", "")},
		{"r10.md", front("Tenth?", "weight: 10\n")},
	}
	content := &entry.Content{}
	for _, f := range files {
		content.Entries = append(content.Entries, parsed(t, f[0], f[1]))
	}
	// Both apples may not be published together: give each its own build.
	for _, skip := range []string{"apple-1", "apple-2"} {
		live := func(e *entry.Entry) bool { return e.Slug != skip }
		ix, err := entry.NewIndex(content, live, nil)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range ix.Entries {
			got = append(got, e.Slug)
		}
		keep := map[string]string{"apple-1": "apple-2", "apple-2": "apple-1"}[skip]
		want := []string{"r1", "r3", "r10", keep, "banana", "z"}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("without %s: order %v, want %v", skip, got, want)
		}
	}
}

func TestCompare(t *testing.T) {
	e := func(rank int, title, slug, rel string) *entry.Entry {
		return &entry.Entry{Rank: rank, Title: title, Slug: slug, Rel: rel}
	}
	for _, tc := range []struct {
		name string
		a, b *entry.Entry
		want int
	}{
		{"ranked before unranked", e(9, "Z", "z", "z.md"), e(0, "A", "a", "a.md"), -1},
		{"unranked after ranked", e(0, "A", "a", "a.md"), e(9, "Z", "z", "z.md"), 1},
		{"lower rank first", e(2, "A", "a", "a.md"), e(10, "B", "b", "b.md"), -1},
		{"rank before title", e(2, "A", "a", "a.md"), e(1, "B", "b", "b.md"), 1},
		{"title ignoring case", e(0, "apple", "z", "z.md"), e(0, "Banana", "a", "a.md"), -1},
		{"title ignoring case, reversed", e(0, "Banana", "a", "a.md"), e(0, "apple", "z", "z.md"), 1},
		{"then slug", e(0, "Same", "b", "a.md"), e(0, "same", "a", "b.md"), 1},
		{"then rel", e(0, "Same", "a", "a.md"), e(0, "Same", "a", "b.md"), -1},
		{"equal", e(1, "Same", "a", "a.md"), e(1, "Same", "a", "a.md"), 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := entry.Compare(tc.a, tc.b); sign(got) != tc.want {
				t.Errorf("Compare = %d, want sign %d", got, tc.want)
			}
		})
	}
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

func TestLive(t *testing.T) {
	publish := time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)
	expire := time.Date(2027, 9, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name   string
		e      entry.Entry
		now    time.Time
		drafts bool
		want   bool
	}{
		{"plain", entry.Entry{}, now, false, true},
		{"draft", entry.Entry{Draft: true}, now, false, false},
		{"draft with drafts", entry.Entry{Draft: true}, now, true, true},
		{"before publish_on", entry.Entry{PublishOn: publish}, publish.Add(-time.Second), false, false},
		{"at publish_on", entry.Entry{PublishOn: publish}, publish, false, true},
		{"before expire_on", entry.Entry{ExpireOn: expire}, expire.Add(-time.Second), false, true},
		{"at expire_on", entry.Entry{ExpireOn: expire}, expire, false, false},
		{"between", entry.Entry{PublishOn: publish, ExpireOn: expire}, now, false, true},
		{"future draft with drafts", entry.Entry{Draft: true, PublishOn: expire}, now, true, false},
		{"zero now applies no dates", entry.Entry{PublishOn: expire, ExpireOn: publish.AddDate(3, 0, 0)}, time.Time{}, false, true},
		{"zero now still hides drafts", entry.Entry{Draft: true}, time.Time{}, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.e.Live(tc.now, tc.drafts); got != tc.want {
				t.Errorf("Live(%s, %v) = %v, want %v", tc.now.Format(time.RFC3339), tc.drafts, got, tc.want)
			}
		})
	}
}

// TestIndexNext changes a set of entries at random, step by step, and
// compares each index Next makes with the one NewIndex makes.
func TestIndexNext(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 1))
	titles := []string{"Where do I park?", "Do you take walk-ins?", "How do refills work?", "Is there parking?", "Do you offer flu shots?", "Can I bring a friend?"}
	extras := []string{"", "rank: 1\n", "rank: 2\n", "draft: true\n", "slug: parking\n", "reviewed_by: alopez\nreviewed_on: 2026-10-01\n", "reviewed_by: nobody\nreviewed_on: 2026-10-01\n",
		"lang: es\ntranslation_of: a\n", "lang: fr\ntranslation_of: a\n"}
	bodies := []string{"Body.\n", "Another body.\n", "A third body.\n"}
	fronts := map[string]string{} // by rel
	write := func(rel string, newFront bool) *entry.Entry {
		if newFront {
			fronts[rel] = "title: " + titles[rng.IntN(len(titles))] + "\nsummary: A short answer.\n" + extras[rng.IntN(len(extras))]
		}
		return parsed(t, rel, "---\n"+fronts[rel]+"---\n"+bodies[rng.IntN(len(bodies))])
	}
	rels := []string{"a.md", "b.md", "c.md", "d/e.md", "f.md"}
	files := map[string]*entry.Entry{}
	for _, rel := range rels[:3] {
		files[rel] = write(rel, true)
	}
	var ix *entry.Index
	for step := range 400 {
		// Change one or two files: most often the body alone, at times the
		// front matter, and now and then add or remove a file.
		shown := func() string { // the files there are and their front matter
			var b strings.Builder
			for _, rel := range rels {
				if files[rel] != nil {
					b.WriteString(rel + "\n" + fronts[rel])
				}
			}
			return b.String()
		}
		before := shown()
		for range 1 + rng.IntN(2) {
			rel := rels[rng.IntN(len(rels))]
			e := files[rel]
			switch r := rng.IntN(10); {
			case e == nil || r < 3:
				files[rel] = write(rel, true)
			case r == 3:
				delete(files, rel)
			default: // the same front matter, another body
				files[rel] = write(rel, false)
			}
		}
		frontChanged := shown() != before
		content := &entry.Content{}
		for _, rel := range rels {
			if e := files[rel]; e != nil {
				content.Entries = append(content.Entries, e)
			}
		}
		next, nextErr := ix.Next(content, published, staff)
		want, wantErr := entry.NewIndex(content, published, staff)
		if fmt.Sprint(nextErr) != fmt.Sprint(wantErr) {
			t.Fatalf("step %d: Next's errors %v, NewIndex's %v", step, nextErr, wantErr)
		}
		if !slices.Equal(next.Entries, want.Entries) {
			t.Fatalf("step %d: Next's entries differ from NewIndex's", step)
		}
		for _, rel := range append(rels, "missing.md") {
			ne, ns := next.ByRel(rel)
			we, ws := want.ByRel(rel)
			if ne != we || ns != ws {
				t.Fatalf("step %d: ByRel(%s) = %v, %v; NewIndex's %v, %v", step, rel, ne, ns, we, ws)
			}
		}
		for _, e := range content.Entries {
			if next.BySlug(e.Slug) != want.BySlug(e.Slug) {
				t.Fatalf("step %d: BySlug(%s) differs", step, e.Slug)
			}
			if !slices.Equal(next.Translations(e), want.Translations(e)) {
				t.Fatalf("step %d: Translations(%s) = %v, NewIndex's %v", step, e.Rel, next.Translations(e), want.Translations(e))
			}
		}
		if !slices.Equal(next.Versions, want.Versions) {
			t.Fatalf("step %d: versions differ from NewIndex's", step)
		}
		// The front key is NewIndex's, and stays while only answers change.
		if next.FrontKey() != want.FrontKey() {
			t.Fatalf("step %d: front key differs from NewIndex's", step)
		}
		switch {
		case ix == nil:
		case frontChanged && next.FrontKey() == ix.FrontKey():
			t.Fatalf("step %d: front matter changed, the front key did not", step)
		case !frontChanged && ix.FrontKey() != next.FrontKey():
			t.Fatalf("step %d: only answers changed, and the front key did", step)
		}
		ix = next
	}
}

// TestNewIndexRankPerLanguage checks that each language has its own
// ranks: a translation may share its original's rank.
func TestNewIndexRankPerLanguage(t *testing.T) {
	content := &entry.Content{Entries: []*entry.Entry{
		parsed(t, "a.md", front("Where do I park?", "rank: 1\n")),
		parsed(t, "es/estacionamiento.md", front("¿Dónde me estaciono?", "rank: 1\nlang: es\ntranslation_of: a\n")),
		parsed(t, "es/b.md", front("¿Aceptan mi seguro?", "rank: 1\nlang: es\n")),
	}}
	_, err := entry.NewIndex(content, published, nil)
	var got []string
	for _, de := range checkDiags(t, err) {
		got = append(got, de.Error())
	}
	if want := []string{"content/es/estacionamiento.md:4:7: rank 1 is also used by content/es/b.md"}; !reflect.DeepEqual(got, want) {
		t.Errorf("errors %q, want %q", got, want)
	}
}

// TestIndexRankLanguages checks that on an English site an entry with
// lang: en shares the rank space of the entries without lang:, as it
// shares their home page and top five: the same rank in both is an error
// at the later entry's rank:, while the same rank in another language is
// not.
func TestIndexRankLanguages(t *testing.T) {
	plain := parsed(t, "flu.md", front("Do I need a flu shot?", "rank: 1\n"))
	tagged := parsed(t, "visit.md", front("What happens at a visit?", "rank: 1\nlang: en\n"))
	spanish := parsed(t, "es/visit.md", front("¿Qué pasa en una visita?", "slug: visita\nrank: 1\nlang: es\n"))
	ix, err := entry.NewIndex(&entry.Content{Entries: []*entry.Entry{plain, tagged, spanish}}, published, nil)
	if err != nil {
		t.Fatalf("NewIndex, which does not know the site's language: %v", err)
	}
	err = ix.CheckLanguages("en")
	want := `content/visit.md:4:7: rank 1 is also used by content/flu.md, in the same language ("en", the site's)`
	if err == nil || err.Error() != want {
		t.Errorf("CheckLanguages(en) = %v, want %s", err, want)
	}
	// On a Spanish site, the entry without lang: shares Spanish's.
	err = ix.CheckLanguages("es")
	want = `content/es/visit.md:5:7: rank 1 is also used by content/flu.md, in the same language ("es", the site's)`
	if err == nil || err.Error() != want {
		t.Errorf("CheckLanguages(es) = %v, want %s", err, want)
	}
}
