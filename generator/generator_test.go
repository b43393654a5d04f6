package generator_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"hash/crc32"
	"image"
	"image/png"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/faqcast/faqcast/generator"
	"github.com/faqcast/faqcast/generator/check"
	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/scaffold"
	"github.com/faqcast/faqcast/internal/diag"
)

var update = flag.Bool("update", false, "rewrite the committed public/ from a fresh build")

// now is the reference time of the tests' builds.
var now = time.Date(2026, 11, 18, 12, 0, 0, 0, time.UTC)

// goldenNow is the reference time of the committed public/: Monday,
// December 7, 2026, 09:00 in the example's time zone, the first week of
// its schedule. The workspace shows the weeks from the reference time's
// on (from the schedule's first while it has not begun), so a build in a
// later week differs there.
var goldenNow = time.Date(2026, 12, 7, 15, 0, 0, 0, time.UTC)

// TestGolden proves that the committed public/ equals a fresh build of the
// example practice as of goldenNow, byte for byte, and as of a day before
// its schedule begins, which shows the same weeks. Run with -update to
// rewrite it.
func TestGolden(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		g := &generator.Generator{Source: root, Dest: filepath.Join(root, "public")}
		if _, err := g.Build(context.Background(), generator.Change{Now: goldenNow}); err != nil {
			t.Fatalf("building the example: %v", err)
		}
		return
	}
	for _, at := range []time.Time{goldenNow, goldenNow.AddDate(0, 0, -10)} {
		t.Run(at.Format(time.DateOnly), func(t *testing.T) { golden(t, root, at) })
	}
}

// golden checks that a build of the example at root as of at equals the
// committed public/.
func golden(t *testing.T, root string, at time.Time) {
	dest := t.TempDir()
	g := &generator.Generator{Source: root, Dest: dest}
	if _, err := g.Build(context.Background(), generator.Change{Now: at}); err != nil {
		t.Fatalf("building the example: %v", err)
	}
	want := readTree(t, filepath.Join(root, "public"))
	got := readTree(t, dest)
	for name, data := range got {
		w, ok := want[name]
		switch {
		case !ok:
			t.Errorf("public/%s: missing from the committed tree (run go test ./generator -run TestGolden -update)", name)
		case !bytes.Equal(w, data):
			t.Errorf("public/%s: differs from a fresh build (run go test ./generator -run TestGolden -update)", name)
		}
	}
	for name := range want {
		if _, ok := got[name]; !ok {
			t.Errorf("public/%s: committed, but a fresh build does not make it", name)
		}
	}
}

// readTree returns every file below dir by its slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// writeSite writes files (slash paths → contents) into a new folder.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const testConfig = `base_url: https://clinic.example/
practice:
  name: Test Clinic
  phone: "(555) 010-0199"
  booking_url: https://clinic.example/book
staff:
  - {id: ana, name: Ana Lopez, credentials: MD, role: physician, hipaa_trained: true}
`

// entryFile returns an entry with extra front matter lines. Unless extra
// sets reviewed_by, the entry is reviewed by the test config's clinician,
// as the checks require.
func entryFile(title, extra, body string) string {
	if !strings.Contains(extra, "reviewed_by") {
		extra += "reviewed_by: ana\nreviewed_on: 2026-10-01\n"
	}
	return "---\ntitle: " + title + "\nsummary: A short plain answer.\n" + extra + "---\n\n" + body
}

func goodSite() map[string]string {
	return map[string]string{
		"faqcast.yaml":       testConfig,
		"content/first.md":   entryFile("First question?", "rank: 1\ntags: [visits]\nreviewed_by: ana\nreviewed_on: 2026-10-01\n", "See [the second](second.md).\n"),
		"content/second.md":  entryFile("Second question?", "rank: 2\ntags: [visits, billing]\n", "See [the first](../first/#top).\n"),
		"content/third.md":   entryFile("Third question?", "tags: [billing]\n", "## Part\n\nText.\n"),
		"content/notes.txt":  "not an entry",
		"content/.hidden.md": "not read at all",
	}
}

// TestDestInsideSource checks that a destination in the content or
// templates folder is refused, writing nothing, and that one holding the
// site's folders is built into as any other.
func TestDestInsideSource(t *testing.T) {
	dir := writeSite(t, goodSite())
	before := readTree(t, dir)
	for _, tc := range []struct{ dest, want string }{
		{"content", "the output folder is the site's content folder"},
		{"content/site", "the output folder is inside the site's content folder, " + filepath.ToSlash(filepath.Join(dir, "content"))},
		{"templates/out", "the output folder is inside the site's templates folder, " + filepath.ToSlash(filepath.Join(dir, "templates"))},
	} {
		dest := filepath.Join(dir, filepath.FromSlash(tc.dest))
		g := &generator.Generator{Source: dir, Dest: dest}
		_, err := g.Build(context.Background(), generator.Change{Now: now})
		var de *generator.Error
		if !errors.As(err, &de) || de.Err.Error() != tc.want || de.Path != filepath.ToSlash(dest) || !strings.Contains(de.Hint, "public/") {
			t.Errorf("--dest %s: %v (%#v), want %q with a hint", tc.dest, err, de, tc.want)
		}
		if after := readTree(t, dir); !maps.EqualFunc(before, after, bytes.Equal) {
			t.Errorf("--dest %s: a refused build wrote into the site", tc.dest)
		}
	}
	g := &generator.Generator{Source: dir, Dest: dir}
	if _, err := g.Build(context.Background(), generator.Change{Now: now}); err != nil {
		t.Fatalf("--dest the site's own folder: %v", err)
	}
	if after := readTree(t, dir); after["faq/first/index.html"] == nil || !bytes.Equal(after["content/first.md"], before["content/first.md"]) {
		t.Error("a build into the site's own folder did not write its pages beside content/, or changed content/")
	}
}

func TestBuildPages(t *testing.T) {
	dir := writeSite(t, goodSite())
	g := &generator.Generator{Source: dir}
	res, err := g.Build(context.Background(), generator.Change{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if res.Entries != 3 {
		t.Errorf("Entries = %d, want 3", res.Entries)
	}
	out := readTree(t, filepath.Join(dir, "public"))
	for _, name := range []string{
		"index.html", "404.html", "faq/first/index.html", "faq/second/index.html", "faq/third/index.html",
		"topics/visits/index.html", "topics/billing/index.html", "sitemap.xml", "feed.xml", "robots.txt", "style.css",
	} {
		if _, ok := out[name]; !ok {
			t.Errorf("missing %s", name)
		}
	}
	first := string(out["faq/first/index.html"])
	for _, want := range []string{
		`<h1>First question?</h1>`,
		`<a href="../second/">the second</a>`,
		`Medically reviewed by Ana Lopez, MD on <time datetime="2026-10-01">October 1, 2026</time>.`,
		`<link rel="canonical" href="https://clinic.example/faq/first/">`,
		`"@type":["MedicalWebPage","FAQPage"]`,
		`"medicalAudience":{"@type":"Patient"}`,
		`"lastReviewed":"2026-10-01"`,
		`href="tel:&#43;15550100199"`,
		`In an emergency, call 911.`,
		`<a class="skip" href="#main">`,
	} {
		if !strings.Contains(first, want) {
			t.Errorf("faq/first/index.html lacks %q", want)
		}
	}
	if second := string(out["faq/second/index.html"]); !strings.Contains(second, `<a href="../first/#top">the first</a>`) {
		t.Errorf("link by page URL not kept: %s", second)
	}
	if robots := string(out["robots.txt"]); !strings.Contains(robots, "Sitemap: https://clinic.example/sitemap.xml\n") {
		t.Errorf("robots.txt = %q", robots)
	}
	sitemap := string(out["sitemap.xml"])
	if strings.Contains(sitemap, "404") || !strings.Contains(sitemap, "<lastmod>2026-10-01</lastmod>") {
		t.Errorf("sitemap.xml = %s", sitemap)
	}
}

// TestBuildTranslations builds an entry and its Spanish translation: the
// translation's page, card and post links live in the Spanish folder, and
// links between the two, by file or by page, find each other's pages.
func TestBuildTranslations(t *testing.T) {
	files := goodSite()
	files["faqcast.yaml"] = strings.Replace(testConfig, "  name: Test Clinic\n", "  name: Test Clinic\n  hours: Mon to Fri, 8 to 5\n", 1) +
		"schedule:\n  timezone: America/Chicago\n  start: 2026-12-07\n  slots:\n    facebook: [\"mon 09:00\", \"sat 10:00 es\"]\n"
	files["content/es/first.md"] = entryFile("¿Primera pregunta?", "slug: primera\nlang: es\ntranslation_of: first\n"+
		"sources:\n  - {title: Questions to Ask, url: \"https://www.ahrq.gov/questions/\", lang: EN}\n  - {title: Cómo hablar, url: \"https://medlineplus.gov/spanish/\"}\n",
		"Vea [la original](../first.md) y [la segunda](../../../faq/second/).\n")
	files["content/third.md"] = entryFile("Third question?", "tags: [billing]\n", "En español: [primera](es/first.md).\n")
	dir := writeSite(t, files)
	g := &generator.Generator{Source: dir}
	if _, err := g.Build(context.Background(), generator.Change{Now: now}); err != nil {
		t.Fatal(err)
	}
	out := readTree(t, filepath.Join(dir, "public"))
	es := string(out["es/faq/primera/index.html"])
	for _, want := range []string{
		`<html lang="es">`,
		`<h2 id="answer">En pocas palabras</h2>`,
		`<p class="disclaimer" id="disclaimer">Esta información es educativa y general.`,
		`<a href="../../../faq/first/">la original</a>`,
		`<a href="../../../faq/second/">la segunda</a>`,
		`<link rel="canonical" href="https://clinic.example/es/faq/primera/">`,
		`<link rel="alternate" hreflang="en" href="https://clinic.example/faq/first/">`,
		// A source in English is marked so; one in the page's language is not.
		`<li><a href="https://www.ahrq.gov/questions/" hreflang="en" lang="en">Questions to Ask</a></li>`,
		`<li><a href="https://medlineplus.gov/spanish/">Cómo hablar</a></li>`,
		// The practice's hours are the site's words, in English.
		`<p class="hours">Horario de atención: <span lang="en">Mon to Fri, 8 to 5</span></p>`,
	} {
		if !strings.Contains(es, want) {
			t.Errorf("es/faq/primera/index.html lacks %q", want)
		}
	}
	if third := string(out["faq/third/index.html"]); !strings.Contains(third, `<a href="../../es/faq/primera/">primera</a>`) {
		t.Errorf("link to the Spanish entry: %s", third)
	}
	if _, ok := out["faq/primera/index.html"]; ok {
		t.Error("the Spanish page is also in the site's own folder")
	}
	// Its posts link to its page, in its words.
	posts := string(out["social/posts/primera.md"])
	if !strings.Contains(posts, "https://clinic.example/es/faq/primera/") {
		t.Errorf("social/posts/primera.md does not link to the Spanish page:\n%s", posts)
	}
	for _, want := range []string{"Más información: ", "Información general, no consejo médico.", "La pregunta «¿Primera pregunta?» en letra grande"} {
		if !strings.Contains(posts, want) {
			t.Errorf("social/posts/primera.md lacks %q", want)
		}
	}
	for _, english := range []string{"Read more", "medical advice", "in large type"} {
		if strings.Contains(posts, english) {
			t.Errorf("social/posts/primera.md has the English %q", english)
		}
	}
	// The site has a Spanish home page, which the English one does not
	// mix with.
	if home := string(out["es/index.html"]); !strings.Contains(home, `<a href="../es/faq/primera/">¿Primera pregunta?</a>`) {
		t.Errorf("es/index.html does not list the Spanish entry:\n%s", home)
	}
	if strings.Contains(string(out["index.html"]), "Primera pregunta") {
		t.Error("the English home page lists the Spanish entry")
	}
	// Each other language has its own feed, which its pages name.
	feed := string(out["es/feed.xml"])
	for _, want := range []string{`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="es">`, `<title>Test Clinic: Preguntas de pacientes</title>`,
		`<id>https://clinic.example/es/faq/primera/</id>`, `href="https://clinic.example/es/feed.xml"`} {
		if !strings.Contains(feed, want) {
			t.Errorf("es/feed.xml lacks %q:\n%s", want, feed)
		}
	}
	if strings.Contains(feed, "faq/first/") {
		t.Error("es/feed.xml lists an English entry")
	}
	if !strings.Contains(es, `<link rel="alternate" type="application/atom+xml" title="Test Clinic: Preguntas de pacientes" href="../../../es/feed.xml">`) {
		t.Error("es/faq/primera/index.html does not name the Spanish feed")
	}
	if !strings.Contains(string(out["feed.xml"]), "es/faq/primera/") {
		t.Error("feed.xml no longer lists every entry")
	}
	// Each language's home page has its card, which its topic pages share.
	for page, card := range map[string]string{"index.html": "card.png", "es/index.html": "es/card.png", "topics/visits/index.html": "card.png"} {
		if !strings.Contains(string(out[page]), `<meta property="og:image" content="https://clinic.example/`+card+`">`) || out[card] == nil {
			t.Errorf("%s does not share %s, or it was not drawn", page, card)
		}
	}
	if home := string(out["index.html"]); !strings.Contains(home, `<p class="hours">Office hours: Mon to Fri, 8 to 5</p>`) {
		t.Errorf("index.html's hours are marked as another language:\n%s", home)
	}
	// The staff pages say which language a Spanish card's alt text is in.
	if ws := string(out["social/index.html"]); !strings.Contains(ws, `alt="La pregunta «¿Primera pregunta?» en letra grande" lang="es"`) {
		t.Errorf("social/index.html: the Spanish card's alt text has no lang")
	}
}

// TestFailedBuildKeepsOutput proves a failed build writes nothing.
func TestFailedBuildKeepsOutput(t *testing.T) {
	files := goodSite()
	dir := writeSite(t, files)
	g := &generator.Generator{Source: dir}
	if _, err := g.Build(context.Background(), generator.Change{Now: now}); err != nil {
		t.Fatal(err)
	}
	public := filepath.Join(dir, "public")
	old := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	_ = filepath.WalkDir(public, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			err = os.Chtimes(p, old, old)
		}
		return err
	})
	before := readTree(t, public)

	// Break one entry and add a new, good one: nothing may be written.
	os.WriteFile(filepath.Join(dir, "content/third.md"), []byte("---\ntitle: [unclosed\n---\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "content/fourth.md"), []byte(entryFile("Fourth?", "", "Text.\n")), 0o644)
	if _, err := g.Build(context.Background(), generator.Change{Now: now}); err == nil {
		t.Fatal("build of a broken site succeeded")
	}
	after := readTree(t, public)
	if len(after) != len(before) {
		t.Errorf("files: %d before, %d after", len(before), len(after))
	}
	for name, data := range before {
		if !bytes.Equal(after[name], data) {
			t.Errorf("%s changed", name)
		}
		info, err := os.Stat(filepath.Join(public, filepath.FromSlash(name)))
		if err != nil || !info.ModTime().Equal(old) {
			t.Errorf("%s was rewritten", name)
		}
	}
}

// TestDeterministic builds the example twice into fresh folders.
func TestDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, dest := range []string{a, b} {
		g := &generator.Generator{Source: "..", Dest: dest}
		if _, err := g.Build(context.Background(), generator.Change{Now: now}); err != nil {
			t.Fatal(err)
		}
	}
	ta, tb := readTree(t, a), readTree(t, b)
	if len(ta) != len(tb) {
		t.Fatalf("%d files, then %d", len(ta), len(tb))
	}
	for name, data := range ta {
		if !bytes.Equal(tb[name], data) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

// TestIncremental checks that a second build reuses what did not change and
// that its output equals a clean build's.
func TestIncremental(t *testing.T) {
	dir := writeSite(t, goodSite())
	g := &generator.Generator{Source: dir}
	ctx := context.Background()
	res, err := g.Build(ctx, generator.Change{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if res.Parsed != 3 || res.Rendered != 3 {
		t.Fatalf("first build: parsed %d, rendered %d; want 3, 3", res.Parsed, res.Rendered)
	}
	res, err = g.Build(ctx, generator.Change{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if res.Parsed != 0 || res.Rendered != 0 || res.Written != 0 {
		t.Errorf("no-change build: parsed %d, rendered %d, written %d; want 0, 0, 0", res.Parsed, res.Rendered, res.Written)
	}

	// Edit one body: one parse, one render.
	os.WriteFile(filepath.Join(dir, "content/third.md"), []byte(entryFile("Third question?", "tags: [billing]\n", "## Part\n\nNew text.\n")), 0o644)
	res, err = g.Build(ctx, generator.Change{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if res.Parsed != 1 || res.Rendered != 1 {
		t.Errorf("one edit: parsed %d, rendered %d; want 1, 1", res.Parsed, res.Rendered)
	}

	// Change the slug second.md links to: first.md is reparsed, and
	// second.md, whose link now resolves elsewhere, is rendered again.
	os.WriteFile(filepath.Join(dir, "content/first.md"), []byte(entryFile("First question?", "slug: premier\nrank: 1\ntags: [visits]\n", "See [the second](second.md).\n")), 0o644)
	_, err = g.Build(ctx, generator.Change{Now: now})
	if err == nil || !strings.Contains(err.Error(), "link to a missing page faq/first/") {
		t.Fatalf("stale link not reported: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "content/second.md"), []byte(entryFile("Second question?", "rank: 2\ntags: [visits, billing]\n", "See [the first](first.md).\n")), 0o644)
	if _, err := g.Build(ctx, generator.Change{Now: now}); err != nil {
		t.Fatal(err)
	}
	clean := t.TempDir()
	if _, err := (&generator.Generator{Source: dir, Dest: clean}).Build(ctx, generator.Change{Now: now}); err != nil {
		t.Fatal(err)
	}
	inc, full := readTree(t, filepath.Join(dir, "public")), readTree(t, clean)
	if _, ok := inc["faq/first/index.html"]; ok {
		t.Error("the old page faq/first/ was not removed")
	}
	for name, data := range full {
		if !bytes.Equal(inc[name], data) {
			t.Errorf("%s: incremental build differs from a clean build", name)
		}
	}
	if len(inc) != len(full) {
		t.Errorf("incremental build has %d files, clean build %d", len(inc), len(full))
	}
}

func TestDraftsAndDates(t *testing.T) {
	files := goodSite()
	files["content/draft.md"] = entryFile("Draft question?", "draft: true\n", "Soon.\n")
	files["content/later.md"] = entryFile("Later question?", "publish_on: 2027-01-01\n", "Soon.\n")
	files["content/gone.md"] = entryFile("Old question?", "expire_on: 2026-11-01\n", "Gone.\n")
	dir := writeSite(t, files)
	for _, tc := range []struct {
		drafts bool
		now    time.Time
		want   []string
		absent []string
	}{
		{false, now, nil, []string{"draft", "later", "gone"}},
		{true, now, []string{"draft"}, []string{"later", "gone"}},
		{false, time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), []string{"later"}, []string{"draft", "gone"}},
		{false, time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC), []string{"gone"}, []string{"draft", "later"}},
	} {
		dest := t.TempDir()
		g := &generator.Generator{Source: dir, Dest: dest, Drafts: tc.drafts}
		if _, err := g.Build(context.Background(), generator.Change{Now: tc.now}); err != nil {
			t.Fatal(err)
		}
		for _, slug := range tc.want {
			if _, err := os.Stat(filepath.Join(dest, "faq", slug, "index.html")); err != nil {
				t.Errorf("drafts=%v now=%s: %s not built", tc.drafts, tc.now.Format(time.DateOnly), slug)
			}
		}
		for _, slug := range tc.absent {
			if _, err := os.Stat(filepath.Join(dest, "faq", slug, "index.html")); err == nil {
				t.Errorf("drafts=%v now=%s: %s built", tc.drafts, tc.now.Format(time.DateOnly), slug)
			}
		}
	}
}

// TestStarterAnswerHint checks that the hint at a starter's answer offers
// to leave the question out (draft: true) only where it is not a draft.
func TestStarterAnswerHint(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := scaffold.Init(dir, ""); err != nil {
		t.Fatal(err)
	}
	draft := filepath.Join(dir, "content", "insurance.md")
	data, err := os.ReadFile(draft)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(draft, []byte(strings.Replace(string(data), "\n---\n", "\ndraft: true\n---\n", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	g := &generator.Generator{Source: dir, NoWrite: true, Drafts: true}
	res, _ := g.Build(context.Background(), generator.Change{Now: now})
	offers := map[string]bool{}
	for _, f := range res.Findings {
		if f.Message == "the answer is still the starter's" {
			offers[filepath.Base(f.Path)] = strings.Contains(f.Hint, "add draft: true")
		}
	}
	if want := map[string]bool{"insurance.md": false, "first-visit.md": true}; len(offers) != 5 || offers["insurance.md"] != want["insurance.md"] || offers["first-visit.md"] != want["first-visit.md"] {
		t.Errorf("the hints offer draft: true %v, want %v", offers, want)
	}
}

// TestStarterHours checks that the opening hours faqcast init writes in a
// second language are a placeholder, at the message, as the config's own
// are, until the message is the practice's own or the practice gives no
// opening hours.
func TestStarterHours(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := scaffold.Init(dir, "", "en", "es"); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "faqcast.yaml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cfg := string(data) + "checks:\n  rules: {SETUP-PLACEHOLDER: warning, REVIEW-MISSING: off}\n"
	line := 1 + strings.Count(cfg[:strings.Index(cfg, "    callbook.hours:")], "\n")
	for _, tc := range []struct {
		from, to string
		want     bool
	}{
		{"", "", true}, // the starter's hours in both languages
		{`hours: "Your opening hours, such as Monday to Friday, 8 a.m. to 5 p.m."`, `hours: "Monday to Thursday, 8 a.m. to 6 p.m."`, true},
		{"\n  es:\n", "\n  ES:\n", true},                                      // a language however written
		{`  hours: "Monday to Thursday, 8 a.m. to 6 p.m."` + "\n", "", false}, // no page shows hours
		{"su horario, como de lunes a viernes, de 8 a. m. a 5 p. m.", "de lunes a jueves, de 8 a. m. a 6 p. m.", false},
	} {
		cfg = strings.Replace(cfg, tc.from, tc.to, 1)
		if err := os.WriteFile(path, []byte(cfg), 0o644); err != nil {
			t.Fatal(err)
		}
		g := &generator.Generator{Source: dir, NoWrite: true}
		res, err := g.Build(context.Background(), generator.Change{Now: now})
		if err != nil {
			t.Fatal(err)
		}
		var got bool
		for _, f := range res.Findings {
			if f.Message == "messages.es.callbook.hours still gives the opening hours faqcast init wrote" {
				got = f.Pos.Line == line && filepath.Base(f.Path) == "faqcast.yaml"
			}
		}
		if got != tc.want {
			t.Errorf("after %q: a finding at faqcast.yaml:%d is %v, want %v", tc.to, line, got, tc.want)
		}
	}
}

// TestAsPublished checks that a build with drafts that is AsPublished
// refuses a link from a published entry to a draft, by file or by page,
// or to a topic page only drafts have, as a build without drafts does, and
// allows them from a draft, as it allows a draft's link to an entry not
// published yet; a build with drafts alone, a preview, allows the first
// and refuses the last.
func TestAsPublished(t *testing.T) {
	files := goodSite()
	files["content/draft.md"] = entryFile("Draft question?", "draft: true\ntags: [parking]\n", "See [the first](first.md), [parking](../../topics/parking/) and [what is to come](later.md).\n")
	files["content/later.md"] = entryFile("Later question?", "publish_on: 2027-01-01\n", "Soon.\n")
	files["content/third.md"] = entryFile("Third question?", "tags: [billing]\n", "See [the draft](draft.md) and [its page](../draft/).\n\nSee [parking](../../topics/parking/).\n")
	dir := writeSite(t, files)
	for _, tc := range []struct {
		drafts, asPublished bool
		want                []string
	}{
		{false, false, []string{"content/third.md:9:5: link to draft.md, which this build does not publish"}},
		{true, true, []string{
			"content/third.md:9:5: link to draft.md, a draft, which a build without --drafts does not publish",
			"content/third.md:9:31: link to draft.md, a draft, which a build without --drafts does not publish",
			"content/third.md:11:5: link to the topic page topics/parking/, which only drafts have",
		}},
		{true, false, []string{"content/draft.md:10:65: link to later.md, which this build does not publish"}},
	} {
		g := &generator.Generator{Source: dir, Drafts: tc.drafts, AsPublished: tc.asPublished, NoWrite: true}
		_, err := g.Build(context.Background(), generator.Change{Now: now})
		if tc.asPublished && err != nil && strings.Contains(err.Error(), "later.md") {
			t.Errorf("drafts=%v asPublished=%v: a draft's link to an entry not published yet refused: %v", tc.drafts, tc.asPublished, err)
		}
		for _, w := range tc.want {
			if err == nil || !strings.Contains(err.Error(), w) {
				t.Errorf("drafts=%v asPublished=%v: %v, want %q", tc.drafts, tc.asPublished, err, w)
			}
		}
	}
}

// TestBadInput checks that every kind of bad input gets an error at the
// right place, with a hint, and that all problems come in one run.
func TestBadInput(t *testing.T) {
	big := "---\ntitle: Big?\nsummary: Big.\n---\n" + strings.Repeat("word ", 1<<18)
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  []string // each must appear in the error text, in order
	}{
		{"invalid UTF-8", map[string]string{"content/a.md": "---\ntitle: Caf\xe9?\nsummary: x\n---\n"},
			[]string{"content/a.md:2:11: file is not valid UTF-8"}},
		{"binary", map[string]string{"content/a.md": "---\x00\x01\x02"},
			[]string{"content/a.md:1:4: file is binary"}},
		{"empty", map[string]string{"content/a.md": "\n  \n"},
			[]string{"content/a.md:1:1: file is empty"}},
		{"no front matter", map[string]string{"content/a.md": "# Hello\n"},
			[]string{"content/a.md:1:1: no front matter"}},
		{"unclosed yaml", map[string]string{"content/a.md": "---\ntitle: A?\nsummary: B\n"},
			[]string{"content/a.md:1:1: front matter opened with --- is never closed"}},
		{"unclosed toml", map[string]string{"content/a.md": "\n+++\ntitle = 'A?'\n"},
			[]string{"content/a.md:2:1: front matter opened with +++ is never closed"}},
		{"unclosed json", map[string]string{"content/a.md": "{\n\"title\": \"A?\"\n"},
			[]string{"content/a.md:1:1: front matter opened with { is never closed"}},
		{"too large", map[string]string{"content/a.md": big},
			[]string{"content/a.md:1:1: file is too large"}},
		{"missing fields", map[string]string{"content/a.md": "---\nrank: 1\n---\n"},
			[]string{"content/a.md:1:1: summary is required", "content/a.md:1:1: title is required"}},
		{"unknown key", map[string]string{"content/a.md": "---\ntitle: A?\nsumary: B\n---\n"},
			[]string{`content/a.md:3:1: unknown key "sumary"`, `did you mean "summary"?`}},
		{"bad slug", map[string]string{
			"content/a.md": entryFile("A?", "slug: ../etc\n", ""),
			"content/b.md": entryFile("B?", "slug: faq/b\n", ""),
		}, []string{`content/a.md:4:7: slug "../etc" is not valid`, `content/b.md:4:7: slug "faq/b" is not valid`}},
		{"duplicates", map[string]string{
			"content/a.md": entryFile("A?", "slug: same\nrank: 1\n", ""),
			"content/b.md": entryFile("B?", "slug: same\nrank: 1\n", ""),
			"content/c.md": entryFile("a?", "", ""),
		}, []string{
			`content/b.md:4:7: slug "same" is also used by`,
			`content/b.md:5:7: rank 1 is also used by`,
			`content/c.md:2:8: title "a?" is also used by`,
		}},
		{"broken links", map[string]string{
			"content/a.md": entryFile("A?", "", "Line one.\n\nSee [b](b.md) and [c](../c/) and [d](../../d/).\n"),
		}, []string{
			"content/a.md:10:5: link to a missing entry b.md",
			"content/a.md:10:19: link to a missing page faq/c/",
			`content/a.md:10:34: link to "../../d/", which is not a page of this site`,
		}},
		{"unknown reviewer", map[string]string{"content/a.md": entryFile("A?", "reviewed_by: anna\nreviewed_on: 2026-01-02\n", "")},
			[]string{`content/a.md:4:14: reviewed_by "anna" is not a staff id`}},
		{"config", map[string]string{"faqcast.yaml": "base_url: nope\npractice: {name: X, phon: 1}\n"},
			[]string{`faqcast.yaml:2:21: practice: unknown key "phon"`, `did you mean "phone"?`}},
		{"config values", map[string]string{"faqcast.yaml": "base_url: nope\npractice: {name: X, phone: \"1\"}\nstaff: [{id: A, name: Ann, role: rn}]\n"}, []string{
			`faqcast.yaml:1:11: base_url "nope" is not an absolute http(s) URL`,
			`faqcast.yaml:2:28: practice.phone "1" is not a phone number`,
			`faqcast.yaml:3:14: staff id "A" is not valid`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{"faqcast.yaml": testConfig}
			for k, v := range tc.files {
				files[k] = v
			}
			dir := writeSite(t, files)
			g := &generator.Generator{Source: dir}
			_, err := g.Build(context.Background(), generator.Change{Now: now})
			if err == nil {
				t.Fatal("build succeeded")
			}
			var b strings.Builder
			for _, e := range diag.Flatten(err) {
				b.WriteString(e.Error() + "\n")
				var de *diag.Error
				if errors.As(e, &de) {
					b.WriteString("hint: " + de.Hint + "\n")
				}
			}
			text := strings.ReplaceAll(b.String(), filepath.ToSlash(dir)+"/", "")
			rest := text
			for _, want := range tc.want {
				i := strings.Index(rest, want)
				if i < 0 {
					t.Fatalf("error lacks %q (in order):\n%s", want, text)
				}
				rest = rest[i+len(want):]
			}
			for _, e := range diag.Flatten(err) {
				var de *diag.Error
				if !errors.As(e, &de) {
					t.Errorf("not a *diag.Error: %v", e)
				} else if de.Hint == "" {
					t.Errorf("no hint: %v", e)
				}
			}
			if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
				t.Error("a failed build wrote public/")
			}
		})
	}
}

func TestBOMAndCRLF(t *testing.T) {
	files := goodSite()
	files["content/third.md"] = "\ufeff---\r\ntitle: Third question?\r\nsummary: Fine.\r\nreviewed_by: ana\r\nreviewed_on: 2026-10-01\r\n---\r\n\r\n## Part\r\n\r\nText.\r\n"
	dir := writeSite(t, files)
	if _, err := (&generator.Generator{Source: dir}).Build(context.Background(), generator.Change{Now: now}); err != nil {
		t.Fatal(err)
	}
	// Positions count lines as editors do, whatever the line endings.
	files["content/third.md"] = "\ufeff---\r\ntitle: Third question?\r\nsummary: Fine.\r\nrank: x\r\n---\r\n"
	dir = writeSite(t, files)
	_, err := (&generator.Generator{Source: dir}).Build(context.Background(), generator.Change{Now: now})
	if err == nil || !strings.Contains(err.Error(), "content/third.md:4:7: ") {
		t.Fatalf("want an error at content/third.md:4:7, got %v", err)
	}
}

func TestSymlinks(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	dir := writeSite(t, goodSite())
	content := filepath.Join(dir, "content")
	for _, link := range []struct{ old, new string }{
		{"loop-a.md", "loop-b.md"}, {"loop-b.md", "loop-a.md"}, // a loop
		{".", "folder"}, // a folder
		{"first.md", "alias.md"},
	} {
		if err := os.Symlink(link.old, filepath.Join(content, link.new)); err != nil {
			t.Fatal(err)
		}
	}
	_, err := (&generator.Generator{Source: dir}).Build(context.Background(), generator.Change{Now: now})
	if err == nil {
		t.Fatal("build succeeded")
	}
	text := err.Error()
	for _, want := range []string{
		"content/folder: symbolic link to a folder is not followed",
		"content/loop-a.md:1:1: cannot follow symbolic link",
		"content/loop-b.md:1:1: cannot follow symbolic link",
		// alias.md is followed: it duplicates first.md.
		`content/first.md:4:7: rank 1 is also used by`,
	} {
		if !strings.Contains(strings.ReplaceAll(text, filepath.ToSlash(dir)+"/", ""), want) {
			t.Errorf("error lacks %q:\n%s", want, text)
		}
	}
}

func TestSiteTemplatesOverride(t *testing.T) {
	files := goodSite()
	files["templates/partials/footer.html"] = `<footer>{{template "disclaimer.html" .}}<p>Custom footer for {{.Site.Practice.Name}}</p></footer>`
	dir := writeSite(t, files)
	if _, err := (&generator.Generator{Source: dir}).Build(context.Background(), generator.Change{Now: now}); err != nil {
		t.Fatal(err)
	}
	page, _ := os.ReadFile(filepath.Join(dir, "public/faq/first/index.html"))
	if !strings.Contains(string(page), "<p>Custom footer for Test Clinic</p>") {
		t.Error("site's footer.html not used")
	}
	if !strings.Contains(string(page), `<h1>First question?</h1>`) {
		t.Error("default entry.html not used")
	}

	files["templates/entry.html"] = "{{define \"main\"}}\n<h1>{{.Heading}</h1>{{end}}"
	dir = writeSite(t, files)
	_, err := (&generator.Generator{Source: dir}).Build(context.Background(), generator.Change{Now: now})
	if err == nil || !strings.Contains(err.Error(), "templates/entry.html:2: template: ") {
		t.Fatalf("want a positioned template error, got %v", err)
	}
}

// writePNG writes a w×h PNG at name below dir.
func writePNG(t *testing.T, dir, name string, w, h int) {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestImages(t *testing.T) {
	files := goodSite()
	files["content/first.md"] = entryFile("First question?",
		"rank: 1\nimage: {src: \"Waiting Room.png\", alt: A bright waiting room, consent: stock}\n",
		"## Steps\n\n![A map of the parking lot](img/parking.png)\n")
	dir := writeSite(t, files)
	os.MkdirAll(filepath.Join(dir, "content/img"), 0o755)
	writePNG(t, dir, "content/Waiting Room.png", 40, 30)
	writePNG(t, dir, "content/img/parking.png", 20, 10)
	g := &generator.Generator{Source: dir}
	if _, err := g.Build(context.Background(), generator.Change{Now: now}); err != nil {
		t.Fatal(err)
	}
	out := readTree(t, filepath.Join(dir, "public"))
	for _, name := range []string{"faq/first/waiting-room.png", "faq/first/parking.png"} {
		if _, err := png.Decode(bytes.NewReader(out[name])); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	page := string(out["faq/first/index.html"])
	for _, want := range []string{
		`<img src="waiting-room.png" alt="A bright waiting room" width="40" height="30">`,
		`<img src="parking.png" alt="A map of the parking lot">`,
		`<meta property="og:image" content="https://clinic.example/faq/first/waiting-room.png">`,
		`<meta property="og:image:alt" content="A bright waiting room">`,
		`<meta name="twitter:card" content="summary_large_image">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	// A page without an image of its own shares its card.
	if second := string(out["faq/second/index.html"]); !strings.Contains(second, `<meta property="og:image" content="https://clinic.example/faq/second/card.png">`) {
		t.Error("a page without an image does not share its card")
	}
	if _, err := png.Decode(bytes.NewReader(out["faq/second/card.png"])); err != nil {
		t.Errorf("faq/second/card.png: %v", err)
	}

	// A new picture in the same file is taken up, by a rebuild told that
	// only the picture changed, as the watcher tells 'faqcast serve'.
	writePNG(t, dir, "content/Waiting Room.png", 60, 45)
	changed := []string{filepath.Join(dir, "content/Waiting Room.png")}
	if _, err := g.Build(context.Background(), generator.Change{Now: now, Paths: changed}); err != nil {
		t.Fatal(err)
	}
	out = readTree(t, filepath.Join(dir, "public"))
	if cfg, err := png.DecodeConfig(bytes.NewReader(out["faq/first/waiting-room.png"])); err != nil || cfg.Width != 60 {
		t.Errorf("the changed picture was not taken up: %+v, %v", cfg, err)
	}
	if page := string(out["faq/first/index.html"]); !strings.Contains(page, `width="60" height="45"`) {
		t.Error("the page does not show the changed picture's size")
	}

	// Removing the image from the entry removes its file from the output.
	os.WriteFile(filepath.Join(dir, "content/first.md"), []byte(entryFile("First question?", "rank: 1\n", "Text.\n")), 0o644)
	if _, err := g.Build(context.Background(), generator.Change{Now: now}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "public/faq/first/waiting-room.png")); err == nil {
		t.Error("an image no longer used is still in the output")
	}

	// Broken images are errors at their place.
	os.WriteFile(filepath.Join(dir, "content/first.md"), []byte(entryFile("First question?",
		"rank: 1\nimage: {src: gone.png, alt: Gone, consent: stock}\n",
		"![Not an image](../faqcast.yaml) ![HEIC](photo.heic) ![Huge](huge.png)\n")), 0o644)
	os.WriteFile(filepath.Join(dir, "content/photo.heic"), []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00"), 0o644)
	// A PNG whose header says 9000×9000: refused before it is decoded.
	writePNG(t, dir, "content/huge.png", 1, 1)
	huge, _ := os.ReadFile(filepath.Join(dir, "content/huge.png"))
	binary.BigEndian.PutUint32(huge[16:], 9000)
	binary.BigEndian.PutUint32(huge[20:], 9000)
	binary.BigEndian.PutUint32(huge[29:], crc32.ChecksumIEEE(huge[12:29]))
	os.WriteFile(filepath.Join(dir, "content/huge.png"), huge, 0o644)
	_, err := g.Build(context.Background(), generator.Change{Now: now})
	if err == nil {
		t.Fatal("build succeeded")
	}
	hints := map[string]string{}
	for _, e := range generator.Errors(err) {
		var de *generator.Error
		if errors.As(e, &de) {
			hints[strings.ReplaceAll(de.Error(), filepath.ToSlash(dir)+"/", "")] = de.Hint
		}
	}
	for want, hint := range map[string]string{
		"content/first.md:5:14: image gone.png: no such file":                                                        "check the file name",
		`content/first.md:10:1: image "../faqcast.yaml" is outside the content folder`:                               "put the image file beside the entry",
		"content/first.md:10:34: image photo.heic: HEIC and AVIF images are not supported":                           "save the image as a JPEG or PNG file",
		"content/first.md:10:54: image huge.png: the image is 9000×9000 pixels; the limit is 40000000 pixels in all": "save a smaller copy of the image",
	} {
		var got string
		ok := false
		for msg, h := range hints {
			if strings.HasPrefix(msg, want) {
				got, ok = h, true
			}
		}
		if !ok {
			t.Errorf("errors lack %q:\n%v", want, hints)
		} else if !strings.HasPrefix(got, hint) {
			t.Errorf("%s: hint %q, want one starting %q", want, got, hint)
		}
	}
}

func TestResultString(t *testing.T) {
	for _, tc := range []struct {
		r    generator.Result
		want string
	}{
		{generator.Result{Entries: 1, Pages: 4, Files: 8, Dest: "public"}, "1 entry, 4 pages, 8 files (0 written, 0 unchanged, 0 removed) in public"},
		{generator.Result{Entries: 0, Pages: 1, Files: 1, Dest: "out"}, "0 entries, 1 page, 1 file (0 written, 0 unchanged, 0 removed) in out"},
	} {
		if got := tc.r.String(); got != tc.want {
			t.Errorf("String() = %q, want %q", got, tc.want)
		}
	}
}

// TestQueueLinks checks that every queued post of the example links to a
// page the build made, and that the queue covers the configured horizon.
func TestQueueLinks(t *testing.T) {
	dest := t.TempDir()
	g := &generator.Generator{Source: "..", Dest: dest}
	res, err := g.Build(context.Background(), generator.Change{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	q := res.Queue
	if len(q.Items) == 0 {
		t.Fatal("the example's queue is empty")
	}
	platforms := map[string]bool{}
	for _, it := range q.Items {
		platforms[it.Platform] = true
		page, _, _ := strings.Cut(it.Link, "?")
		rel := strings.TrimPrefix(page, "https://riverbend.example/")
		if _, err := os.Stat(filepath.Join(dest, filepath.FromSlash(rel), "index.html")); err != nil {
			t.Errorf("%s on %s links to %s, which the build did not make", it.Entry, it.Platform, it.Link)
		}
		if it.PublishAt.Before(time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)) || it.PublishAt.After(time.Date(2027, 2, 1, 12, 0, 0, 0, time.UTC)) {
			t.Errorf("%s at %s is outside the horizon", it.ID, it.PublishAt)
		}
		if d := it.PublishAt.Format(time.DateOnly); d == "2026-12-25" || d == "2027-01-01" {
			t.Errorf("%s is on a blackout day", it.ID)
		}
	}
	for _, p := range []string{"facebook", "instagram", "x", "linkedin", "gbp"} {
		if !platforms[p] {
			t.Errorf("no posts on %s", p)
		}
	}
	for _, name := range []string{"queue.json", "queue.schema.json", "sprout.csv", "calendar.ics", "hootsuite-x.csv"} {
		if _, err := os.Stat(filepath.Join(dest, "social", "publish", name)); err != nil {
			t.Errorf("social/publish/%s: %v", name, err)
		}
	}
}

// TestExportsFromNow checks that the schedulers' files hold the posts
// whose time is still to come at the build's reference time (a scheduler
// refuses a post whose time has passed), while queue.json and the
// calendar hold the whole schedule; that the build id and the workspace's
// list of files follow; and that a build in the same process later, when
// more posts have passed, writes what a new process would.
func TestExportsFromNow(t *testing.T) {
	ctx := context.Background()
	g := &generator.Generator{Source: "..", Dest: t.TempDir()}
	before, err := g.Build(ctx, generator.Change{Now: goldenNow})
	if err != nil {
		t.Fatal(err)
	}
	all := len(before.Queue.Items)
	for _, days := range []int{2, 9} {
		at := goldenNow.AddDate(0, 0, days) // a Wednesday, 09:00 in the schedule's zone
		res, err := g.Build(ctx, generator.Change{Now: at})
		if err != nil {
			t.Fatal(err)
		}
		if n := len(res.Queue.Items); n != all {
			t.Errorf("%d days on: the queue holds %d items, want all %d", days, n, all)
		}
		if res.Queue.Build == before.Queue.Build {
			t.Errorf("%d days on: the build id is the first build's, though its exports differ", days)
		}
		loc := res.Queue.Items[0].PublishAt.Location()
		var facebook, later []string // the Facebook items from at on, as Buffer's times
		for _, it := range res.Queue.Items {
			if it.Platform == "facebook" && !it.PublishAt.Before(at) {
				facebook = append(facebook, it.PublishAt.In(loc).Format("2006-01-02 15:04"))
			}
			if !it.PublishAt.Before(at) {
				later = append(later, it.ID)
			}
		}
		if len(later) == all || len(later) == 0 {
			t.Fatalf("%d days on: %d of %d items to come; the test needs some passed", days, len(later), all)
		}
		data, err := os.ReadFile(filepath.Join(g.Dest, "social", "publish", "buffer-facebook.csv"))
		if err != nil {
			t.Fatal(err)
		}
		var times []string
		for _, line := range strings.Split(string(data), "\n") {
			if m := bufferTime.FindString(line); m != "" {
				times = append(times, strings.Trim(m, ","))
			}
		}
		if !slices.Equal(times, facebook) {
			t.Errorf("%d days on: buffer-facebook.csv posts at\n%q\nwant\n%q", days, times, facebook)
		}
		ics, err := os.ReadFile(filepath.Join(g.Dest, "social", "publish", "calendar.ics"))
		if err != nil {
			t.Fatal(err)
		}
		if n := bytes.Count(ics, []byte("BEGIN:VEVENT")); n != all {
			t.Errorf("%d days on: calendar.ics has %d events, want all %d", days, n, all)
		}
		// A new process at the same time writes the same.
		fresh := &generator.Generator{Source: "..", Dest: t.TempDir()}
		if _, err := fresh.Build(ctx, generator.Change{Now: at}); err != nil {
			t.Fatal(err)
		}
		got, want := readTree(t, filepath.Join(g.Dest, "social")), readTree(t, filepath.Join(fresh.Dest, "social"))
		for name, w := range want {
			if !bytes.Equal(got[name], w) {
				t.Errorf("%d days on: social/%s differs from a new process's", days, name)
			}
		}
	}
}

// bufferTime finds the posting time at the end of a row of Buffer's file.
var bufferTime = regexp.MustCompile(`,\d{4}-\d\d-\d\d \d\d:\d\d$`)

// TestCardsFound checks that a build in a new process takes the share
// cards an earlier one drew as they are, and draws only those whose
// question changed or whose files were changed or removed.
func TestCardsFound(t *testing.T) {
	dir := writeSite(t, goodSite())
	ctx := context.Background()
	build := func() *generator.Result {
		t.Helper()
		res, err := (&generator.Generator{Source: dir}).Build(ctx, generator.Change{Now: now})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	// Two cards for each of the three entries, and the home page's.
	if res := build(); res.Drawn != 7 || res.Found != 0 {
		t.Fatalf("first build drew %d cards and found %d; want 7, 0", res.Drawn, res.Found)
	}
	if res := build(); res.Drawn != 0 || res.Found != 7 || res.Written != 0 {
		t.Fatalf("build again: drew %d cards, found %d, wrote %d files; want 0, 7, 0", res.Drawn, res.Found, res.Written)
	}

	// A changed question, a card changed by hand and one removed: four drawn.
	pub := filepath.Join(dir, "public")
	os.WriteFile(filepath.Join(dir, "content/third.md"), []byte(entryFile("Third question, asked anew?", "tags: [billing]\n", "## Part\n\nText.\n")), 0o644)
	wide := filepath.Join(pub, "faq/first/card.png")
	data, err := os.ReadFile(wide)
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)/2] ^= 0xff
	os.WriteFile(wide, data, 0o644)
	os.Remove(filepath.Join(pub, "faq/second/square.png"))
	if res := build(); res.Drawn != 4 || res.Found != 3 {
		t.Errorf("build after changes drew %d cards and found %d; want 4 (third's two, first's wide, second's square) and 3 (first's square, second's wide, the home page's)", res.Drawn, res.Found)
	}

	clean := t.TempDir()
	if _, err := (&generator.Generator{Source: dir, Dest: clean}).Build(ctx, generator.Change{Now: now}); err != nil {
		t.Fatal(err)
	}
	got, want := readTree(t, pub), readTree(t, clean)
	for name, data := range want {
		if !bytes.Equal(got[name], data) {
			t.Errorf("%s differs from a clean build's", name)
		}
	}
}

// TestNoWriteOwnTemplates checks that a build that writes nothing, which
// makes only the pages it checks when the templates are faqcast's, still
// executes every page of a site's own templates: an error in one that
// nothing checks, the post preview, is reported as a writing build
// reports it.
func TestNoWriteOwnTemplates(t *testing.T) {
	files := goodSite()
	files["templates/preview.html"] = "{{define \"main\"}}\n<h1>{{.NoSuchField}}</h1>{{end}}"
	dir := writeSite(t, files)
	for _, noWrite := range []bool{false, true} {
		_, err := (&generator.Generator{Source: dir, NoWrite: noWrite}).Build(context.Background(), generator.Change{Now: now})
		if err == nil || !strings.Contains(err.Error(), "templates/preview.html:2") {
			t.Errorf("NoWrite %v: want the preview template's error, got %v", noWrite, err)
		}
	}
}

// TestKeptAnswersResolveAgain checks that an answer taken from the cache
// by a new process is rendered again when a link in it now resolves
// elsewhere, and that a link that no longer resolves is reported as it is
// without a cache.
func TestKeptAnswersResolveAgain(t *testing.T) {
	files := goodSite()
	dir := writeSite(t, files)
	cache := t.TempDir()
	build := func() (*generator.Result, string, error) {
		t.Helper()
		g := &generator.Generator{Source: dir, Dest: t.TempDir(), CacheDir: cache}
		res, err := g.Build(context.Background(), generator.Change{Now: now})
		if err != nil {
			return res, "", err
		}
		page, err := os.ReadFile(filepath.Join(g.Dest, "faq", "first", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		return res, string(page), nil
	}
	if _, page, err := build(); err != nil || !strings.Contains(page, `href="../second/"`) {
		t.Fatalf("first build: %v; the first page links to the second: %v", err, strings.Contains(page, `href="../second/"`))
	}
	second := filepath.Join(dir, "content", "second.md")
	files["content/second.md"] = strings.Replace(files["content/second.md"], "rank: 2\n", "rank: 2\nslug: billing-and-visits\n", 1)
	if err := os.WriteFile(second, []byte(files["content/second.md"]), 0o644); err != nil {
		t.Fatal(err)
	}
	res, page, err := build()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(page, `href="../billing-and-visits/"`) || strings.Contains(page, `href="../second/"`) {
		t.Errorf("the second entry's slug changed: the first page, from the cache, does not link to its new place:\n%s", page)
	}
	if res.Rendered != 1 {
		t.Errorf("rendered %d answers, want 1: the first, whose link resolves elsewhere (the second's answer is as it was)", res.Rendered)
	}

	if err := os.Remove(second); err != nil {
		t.Fatal(err)
	}
	_, _, err = build()
	if err == nil || !strings.Contains(err.Error(), "content/first.md:") || !strings.Contains(err.Error(), "second.md") {
		t.Errorf("the second entry gone: err = %v, want the broken link in content/first.md", err)
	}
}

// TestPagesFromKeptAnswers checks that when every page must be made again
// (the config changed) but the answers are in the cache, a new process
// renders no answer and makes every page from the answers it reads again,
// the same site as a build without the cache.
func TestPagesFromKeptAnswers(t *testing.T) {
	files := goodSite()
	dir := writeSite(t, files)
	cache := t.TempDir()
	build := func(cacheDir string) (*generator.Result, string) {
		t.Helper()
		g := &generator.Generator{Source: dir, Dest: t.TempDir(), CacheDir: cacheDir}
		res, err := g.Build(context.Background(), generator.Change{Now: now})
		if err != nil {
			t.Fatal(err)
		}
		return res, g.Dest
	}
	build(cache)
	config := strings.Replace(files["faqcast.yaml"], "name: Test Clinic", "name: Test Clinic East", 1)
	if config == files["faqcast.yaml"] {
		t.Fatal("the test config names no practice to rename")
	}
	if err := os.WriteFile(filepath.Join(dir, "faqcast.yaml"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	res, dest := build(cache)
	if res.Rendered != 0 || res.Made == 0 {
		t.Errorf("the config changed: rendered %d answers and made %d files; want 0 and every page", res.Rendered, res.Made)
	}
	_, clean := build("")
	if a, b := readTree(t, dest), readTree(t, clean); !maps.EqualFunc(a, b, bytes.Equal) {
		t.Error("the pages made from the answers in the cache differ from a build without it")
	}
}

// TestSpill checks that a build that holds its pages, posts, answers and
// the entries' Markdown in a spill (see Generator.SpillDir) writes the
// same site as one that holds them in memory, with a cache and without,
// leaves no file in the spill's folder, and builds again the same: what
// the last build spilled is parsed, made or read again, not unpacked from
// its closed spill.
func TestSpill(t *testing.T) {
	dir := writeSite(t, goodSite())
	for _, cached := range []bool{false, true} {
		t.Run(fmt.Sprintf("cache %v", cached), func(t *testing.T) {
			cache := ""
			if cached {
				cache = t.TempDir()
			}
			build := func(g *generator.Generator) *generator.Result {
				t.Helper()
				g.Dest = t.TempDir()
				res, err := g.Build(context.Background(), generator.Change{Now: now})
				if err != nil {
					t.Fatal(err)
				}
				return res
			}
			want := readTree(t, build(&generator.Generator{Source: dir, CacheDir: cache}).Dest)
			spill := t.TempDir()
			g := &generator.Generator{Source: dir, CacheDir: cache, SpillDir: spill}
			parsed := 0
			for k := range 2 {
				res := build(g)
				if k == 0 {
					parsed = res.Parsed
				} else if res.Parsed != parsed {
					t.Errorf("built again: parsed %d entries, want %d, as the last build let go of their Markdown", res.Parsed, parsed)
				}
				if got := readTree(t, res.Dest); !maps.EqualFunc(got, want, bytes.Equal) {
					t.Errorf("build %d with a spill: the site differs from one built without", k+1)
				}
				if left, err := os.ReadDir(spill); err != nil || len(left) > 0 {
					t.Errorf("build %d: %d files left in the spill's folder (%v)", k+1, len(left), err)
				}
				if k == 1 && !cached && res.Rendered != res.Entries {
					t.Errorf("built again: rendered %d of %d answers; want all, as the last build spilled them", res.Rendered, res.Entries)
				}
			}
		})
	}
}

// TestSpillStopped checks that a build its checks stop, with a spill,
// leaves nothing in the spill's folder and fails the same way again: the
// queue's files, made meanwhile, are waited for before the spill closes
// (which go test -race tells).
func TestSpillStopped(t *testing.T) {
	site := goodSite()
	site["content/third.md"] = entryFile("Third question?", "tags: [billing]\n", "Maria Lopez, born 03/14/1962, SSN 123-45-6789, was seen on 10/02/2026.\n")
	dir := writeSite(t, site)
	spill := t.TempDir()
	g := &generator.Generator{Source: dir, Dest: t.TempDir(), CacheDir: t.TempDir(), SpillDir: spill}
	for k := range 2 {
		_, err := g.Build(context.Background(), generator.Change{Now: now})
		if err == nil || !strings.Contains(err.Error(), "PHI-") {
			t.Fatalf("build %d: err = %v, want the PHI checks' errors", k+1, err)
		}
		if left, err := os.ReadDir(spill); err != nil || len(left) > 0 {
			t.Errorf("build %d: %d files left in the spill's folder (%v)", k+1, len(left), err)
		}
	}
}

// TestCheckKept checks that a build that writes nothing, as faqcast check
// runs it, with a cache finds in a new process what it found before, from
// the cache, making no page: the pages' findings are kept too.
func TestCheckKept(t *testing.T) {
	dir := writeSite(t, goodSite())
	cache := t.TempDir()
	check := func(cacheDir string) *generator.Result {
		t.Helper()
		g := &generator.Generator{Source: dir, NoWrite: true, Drafts: true, CacheDir: cacheDir}
		res, err := g.Build(context.Background(), generator.Change{Now: now})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	want := check("")
	if want.Made == 0 || len(want.Findings) == 0 {
		t.Fatalf("without a cache: made %d pages, found %d; want some of both", want.Made, len(want.Findings))
	}
	first := check(cache)
	again := check(cache)
	if again.Made != 0 || again.CachedFindings != again.Entries {
		t.Errorf("again: made %d pages and took %d of %d entries' findings from the cache; want 0 and all", again.Made, again.CachedFindings, again.Entries)
	}
	for _, res := range []*generator.Result{first, again} {
		if !reflect.DeepEqual(res.Findings, want.Findings) {
			t.Errorf("with the cache, found\n%v\nwant\n%v", res.Findings, want.Findings)
		}
	}
}

// TestConfigTextsChecked checks that the texts of faqcast.yaml that every
// page shows go through the same rules as an entry's: advice in the site's
// title, or a patient's name in the opening hours, is found at its place
// in the config, and fails the build: without a cache, and with one, both
// when the findings are found and when they are taken from it; a text
// changed is checked again.
func TestConfigTextsChecked(t *testing.T) {
	files := goodSite()
	files["faqcast.yaml"] = `title: "Toothache? Take 600 mg ibuprofen every 6 hours"
base_url: https://clinic.example/
practice:
  name: Test Clinic
  phone: "(555) 010-0199"
  booking_url: https://clinic.example/book
  hours: "Mon to Fri, 8 to 5. Closed Friday for Maria Gonzalez's surgery."
staff:
  - {id: ana, name: Ana Lopez, credentials: MD, role: physician, hipaa_trained: true}
`
	dir := writeSite(t, files)
	cache := t.TempDir()
	found := func(cacheDir string) string {
		t.Helper()
		g := &generator.Generator{Source: dir, CacheDir: cacheDir}
		res, err := g.Build(context.Background(), generator.Change{Now: now})
		if err == nil {
			t.Fatal("a dose in the site's title built")
		}
		var got []string
		for _, f := range res.Findings {
			if strings.HasSuffix(f.Path, "faqcast.yaml") {
				got = append(got, f.Pos.String()+" "+f.Rule+" "+f.Message)
			}
		}
		return strings.Join(got, "\n")
	}
	for _, c := range []struct{ name, dir string }{{"no cache", ""}, {"found", cache}, {"from the cache", cache}} {
		joined := found(c.dir)
		for _, want := range []string{"1:19 ADVICE-DOSE title: ", "7:48 PHI-NAME practice.hours: "} {
			if !strings.Contains(joined, want) {
				t.Errorf("%s: findings in faqcast.yaml lack %q:\n%s", c.name, want, joined)
			}
		}
	}
	config := filepath.Join(dir, "faqcast.yaml")
	files["faqcast.yaml"] = strings.Replace(files["faqcast.yaml"], "Maria Gonzalez's surgery", "the holiday", 1)
	if err := os.WriteFile(config, []byte(files["faqcast.yaml"]), 0o644); err != nil {
		t.Fatal(err)
	}
	if joined := found(cache); strings.Contains(joined, "PHI-NAME") || !strings.Contains(joined, "1:19 ADVICE-DOSE") {
		t.Errorf("the hours changed, with the cache: findings in faqcast.yaml\n%s\nwant the dose alone", joined)
	}
}

// TestStarterPlaceholders checks that a site as faqcast init writes it,
// for each kind of practice, does not build until its placeholders are
// replaced: each placeholder of the config and each starter answer is an
// error at its place, a starter entry has no review, and a review given
// to it counts for nothing until its answer changes. With every
// placeholder replaced and every answer written and reviewed, it builds.
func TestStarterPlaceholders(t *testing.T) {
	for _, kind := range config.KindNames() {
		t.Run("kind "+kind, func(t *testing.T) { testStarterPlaceholders(t, kind) })
	}
}

func testStarterPlaceholders(t *testing.T, kind string) {
	dir := t.TempDir()
	if _, err := scaffold.Init(dir, kind); err != nil {
		t.Fatal(err)
	}
	g := &generator.Generator{Source: dir, NoWrite: true}
	res, err := g.Build(context.Background(), generator.Change{Now: now})
	if err == nil {
		t.Fatal("the starter site built")
	}
	count := map[string]int{}
	for _, f := range res.Findings {
		if f.Severity == check.Error {
			count[filepath.Base(f.Path)+" "+f.Rule]++
		}
	}
	keys := map[string]bool{} // a key may have a placeholder in each language
	for _, p := range scaffold.Placeholders {
		keys[p.Key] = true
	}
	if got := count["faqcast.yaml SETUP-PLACEHOLDER"]; got != len(keys) {
		t.Errorf("%d placeholders found in faqcast.yaml, want %d: %v", got, len(keys), count)
	}
	entries, _ := filepath.Glob(filepath.Join(dir, "content", "*.md"))
	if len(entries) != 5 {
		t.Fatalf("%d starter entries", len(entries))
	}
	for _, name := range entries {
		name := filepath.Base(name)
		if count[name+" SETUP-PLACEHOLDER"] != 1 || count[name+" REVIEW-MISSING"] != 1 {
			t.Errorf("%s: %d starter texts and %d reviews found, want 1 and 1", name, count[name+" SETUP-PLACEHOLDER"], count[name+" REVIEW-MISSING"])
		}
	}
	for k, n := range count {
		if !strings.HasSuffix(k, " SETUP-PLACEHOLDER") && !strings.HasSuffix(k, " REVIEW-MISSING") {
			t.Errorf("%d other errors: %s", n, k)
		}
	}

	// The practice's own values and answers.
	cfg, err := os.ReadFile(filepath.Join(dir, "faqcast.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	own := strings.NewReplacer(
		"https://www.example.com/book", "https://www.maplegrove.example/book",
		"https://www.example.com/", "https://www.maplegrove.example/",
		"Your Practice Name", "Maple Grove Health", `"(555) 555-0100"`, `"(614) 555-0142"`,
		"1 Main St", "42 Elm Road", "Your City", "Columbus", "region: ST", "region: OH", `"00000"`, `"43004"`,
		"Your Clinician", "Dana Reyes", "Your opening hours, such as Monday", "Monday")
	if err := os.WriteFile(filepath.Join(dir, "faqcast.yaml"), []byte(own.Replace(string(cfg))), 0o644); err != nil {
		t.Fatal(err)
	}
	// A review of the starters' answers, then of the practice's own.
	for _, own := range []bool{false, true} {
		for i, name := range entries {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			front, answer, _ := strings.Cut(string(data), "\n---\n")
			front = regexp.MustCompile(`(?m)^reviewed_by: .*$`).ReplaceAllString(front, "reviewed_by: clinician")
			front = regexp.MustCompile(`(?m)^reviewed_on: .*$`).ReplaceAllString(front, "reviewed_on: 2026-11-16")
			if own {
				answer = fmt.Sprintf("\nOur front desk can help with this. Call us during office hours and we will walk you through it, step %d.\n", i)
			}
			if err := os.WriteFile(name, []byte(front+"\n---\n"+answer), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		res, err := g.Build(context.Background(), generator.Change{Now: now})
		if own {
			if err != nil {
				t.Fatalf("the site with its own values, answers and reviews: %v", err)
			}
			break
		}
		starters := 0
		for _, f := range res.Findings {
			if f.Rule == "REVIEW-MISSING" && f.Message == "the review is the starter's, not of the practice's own answer" {
				starters++
			}
		}
		if err == nil || starters != len(entries) {
			t.Errorf("the starters' answers reviewed: %d reviews of the starter's answer found, want %d (%v)", starters, len(entries), err)
		}
	}
}

// TestEntriesPath checks a site published in a folder of another site,
// https://www.example-dental.com/faq/, with paths.entries set to "" so
// that its entries are at faq/<slug>/ rather than faq/faq/<slug>/: pages,
// links between entries, share cards, posts and the sitemap all agree, and
// an entry whose slug is one of faqcast's own folders is an error.
func TestEntriesPath(t *testing.T) {
	files := goodSite()
	// A base URL ending in /faq/ puts entries right below it, as
	// paths.entries: "" does.
	files["faqcast.yaml"] = strings.Replace(testConfig, "base_url: https://clinic.example/", "base_url: https://www.example-dental.com/faq/", 1)
	files["faqcast.yaml"] = strings.ReplaceAll(files["faqcast.yaml"], "https://clinic.example/book", "https://www.example-dental.com/book")
	dir := writeSite(t, files)
	g := &generator.Generator{Source: dir}
	if _, err := g.Build(context.Background(), generator.Change{Now: now}); err != nil {
		t.Fatal(err)
	}
	out := readTree(t, filepath.Join(dir, "public"))
	for _, name := range []string{"first/index.html", "first/card.png", "first/square.png", "second/index.html", "topics/visits/index.html"} {
		if out[name] == nil {
			t.Errorf("no %s", name)
		}
	}
	if out["faq/first/index.html"] != nil {
		t.Error("an entry page under faq/")
	}
	for name, want := range map[string]string{
		"first/index.html":                 `href="../second/"`,
		"second/index.html":                `<link rel="canonical" href="https://www.example-dental.com/faq/second/">`,
		"topics/visits/index.html":         `href="../../first/"`,
		"sitemap.xml":                      `<loc>https://www.example-dental.com/faq/first/</loc>`,
		"social/publish/posts.json":        `"link": "https://www.example-dental.com/faq/first/?utm_`,
		"social/publish/queue.schema.json": `"$schema"`,
	} {
		if !bytes.Contains(out[name], []byte(want)) {
			t.Errorf("%s lacks %s", name, want)
		}
	}
	for name, data := range out {
		if bytes.Contains(data, []byte("/faq/faq/")) {
			t.Errorf("%s holds /faq/faq/", name)
		}
	}

	// A slug that is one of faqcast's folders.
	files["content/topics.md"] = entryFile("Topics?", "", "Text.\n")
	dir = writeSite(t, files)
	_, err := (&generator.Generator{Source: dir}).Build(context.Background(), generator.Change{Now: now})
	if err == nil || !strings.Contains(err.Error(), `topics.md:2:8: slug "topics" is the folder of faqcast's topics pages`) {
		t.Errorf("an entry with slug topics: %v", err)
	}

	// A slug that is the folder of a language the entries are in.
	delete(files, "content/topics.md")
	files["content/es.md"] = entryFile("Spanish?", "", "Text.\n")
	files["content/gripe.md"] = entryFile("¿Gripe?", "lang: es\n", "Texto.\n")
	dir = writeSite(t, files)
	_, err = (&generator.Generator{Source: dir}).Build(context.Background(), generator.Change{Now: now})
	if err == nil || !strings.Contains(err.Error(), `es.md:2:8: slug "es" is the folder of the entries in that language`) {
		t.Errorf("an entry with slug es beside Spanish entries: %v", err)
	}
}

// TestDentalPractice checks a dental practice: a dentist reviews, the
// page says "Clinically reviewed by", the structured data calls the
// practice a Dentist and the reviewer a Dentist, and an office manager's
// review is refused with a hint naming the roles that may review.
func TestDentalPractice(t *testing.T) {
	files := goodSite()
	files["faqcast.yaml"] = `base_url: https://www.example-dental.com/
practice:
  name: Maple Grove Dental
  kind: dental
  phone: "(614) 555-0142"
staff:
  - {id: ana, name: Ana Lopez, credentials: DDS, role: dentist, hipaa_trained: true}
  - {id: ed, name: Ed Wu, role: office_manager, hipaa_trained: true}
`
	dir := writeSite(t, files)
	if _, err := (&generator.Generator{Source: dir}).Build(context.Background(), generator.Change{Now: now}); err != nil {
		t.Fatal(err)
	}
	page := readTree(t, filepath.Join(dir, "public"))["faq/first/index.html"]
	for _, want := range []string{
		`Clinically reviewed by Ana Lopez, DDS on`,
		`"@type":"Dentist"`,
		`"jobTitle":"Dentist"`,
	} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("faq/first/index.html lacks %s", want)
		}
	}
	if bytes.Contains(page, []byte("Medically reviewed")) || bytes.Contains(page, []byte("Physician")) {
		t.Error("a dental page says Medically reviewed or Physician")
	}

	files["content/third.md"] = entryFile("Third question?", "reviewed_by: ed\nreviewed_on: 2026-10-01\n", "Text.\n")
	dir = writeSite(t, files)
	_, err := (&generator.Generator{Source: dir}).Build(context.Background(), generator.Change{Now: now})
	var de *generator.Error
	if !errors.As(err, &de) || !strings.Contains(err.Error(), "Ed Wu is not clinical staff") ||
		!strings.Contains(de.Hint, "dentist, hygienist or physician must review it") {
		t.Errorf("an office manager's review: %v", err)
	}
	// Without practice.kind, a dentist's review is refused with a hint
	// that names the kind.
	files = goodSite()
	files["faqcast.yaml"] = strings.Replace(testConfig, "credentials: MD, role: physician", "credentials: DDS, role: dentist", 1)
	dir = writeSite(t, files)
	_, err = (&generator.Generator{Source: dir}).Build(context.Background(), generator.Change{Now: now})
	if !errors.As(err, &de) || !strings.Contains(de.Hint, "set practice.kind: dental") {
		t.Errorf("a dentist's review on a medical site: %v (hint %q)", err, de.Hint)
	}
}

// TestTemplateWordsChecked checks that the words of a site's own templates
// go through the text rules, at their place in the template.
func TestTemplateWordsChecked(t *testing.T) {
	files := goodSite()
	files["templates/partials/disclaimer.html"] = "<p>General information.</p>\n<p>Toothache? Take 600 mg ibuprofen every 6 hours.</p>\n"
	dir := writeSite(t, files)
	_, err := (&generator.Generator{Source: dir}).Build(context.Background(), generator.Change{Now: now})
	if err == nil || !strings.Contains(err.Error(), "templates/partials/disclaimer.html:2:15: ADVICE-DOSE: template: ") {
		t.Errorf("advice in a template: %v", err)
	}
}

// TestXLinkWarning checks the warning at base_url when X would not link
// the site's pages, whose host is not under a top-level domain X knows:
// given for clinic.example, not for a .org site nor with X turned off.
func TestXLinkWarning(t *testing.T) {
	for _, tc := range []struct {
		name, config string
		warn         bool
	}{
		{"reserved", testConfig, true},
		{"known", strings.Replace(testConfig, "https://clinic.example/", "https://clinic.example.org/", 1), false},
		{"x off", testConfig + "platforms: {x: {enabled: false}}\n", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := goodSite()
			files["faqcast.yaml"] = tc.config
			res, err := (&generator.Generator{Source: writeSite(t, files), NoWrite: true}).Build(context.Background(), generator.Change{Now: now})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range res.Findings {
				if f.Rule == "X-LINK" {
					got = append(got, f.Pos.String()+" "+f.Severity.String()+" "+f.Message)
				}
			}
			switch {
			case tc.warn && (len(got) != 1 || !strings.HasPrefix(got[0], "1:11 warning X does not link https://clinic.example/: ")):
				t.Errorf("findings %q, want one warning at base_url", got)
			case !tc.warn && len(got) > 0:
				t.Errorf("findings %q, want none", got)
			}
		})
	}
}

// TestCacheErr checks that a build whose cache cannot be opened, or
// cannot keep what the build makes, goes on without it, makes what it
// would otherwise take from it, and says why.
func TestCacheErr(t *testing.T) {
	dir := writeSite(t, goodSite())
	notFolder := underFile(t)
	// Every entry's subfolder, named by the first two digits of its key,
	// is a file in full.
	full := t.TempDir()
	for i := range 256 {
		if err := os.WriteFile(filepath.Join(full, fmt.Sprintf("%02x", i)), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name, cache, want string
	}{
		{"not a folder", notFolder, "cannot use the cache: mkdir " + filepath.Dir(notFolder) + ": "},
		{"full", full, "cannot keep everything in the cache: "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := &generator.Generator{Source: dir, Dest: filepath.Join(t.TempDir(), "a"), CacheDir: tc.cache}
			for build := range 2 {
				res, err := g.Build(context.Background(), generator.Change{Now: now})
				if err != nil {
					t.Fatal(err)
				}
				if res.CacheErr == nil || !strings.HasPrefix(res.CacheErr.Error(), tc.want) {
					t.Errorf("build %d: CacheErr = %v, want one starting %q", build, res.CacheErr, tc.want)
				}
				if res.Cached != 0 || res.CachedPosts != 0 || res.CachedFindings != 0 {
					t.Errorf("build %d: %d cards, %d entries' posts and %d findings from the cache, want none", build, res.Cached, res.CachedPosts, res.CachedFindings)
				}
			}
		})
	}
}

// TestCacheErrDir checks that CacheErr tells of the cache of the build's
// own CacheDir: a Generator whose CacheDir goes back to a folder it used
// before, after one it could not open, says nothing of the other.
func TestCacheErrDir(t *testing.T) {
	dir := writeSite(t, goodSite())
	good, bad := filepath.Join(t.TempDir(), "cache"), underFile(t)
	g := &generator.Generator{Source: dir, Dest: filepath.Join(t.TempDir(), "a")}
	for i, cache := range []string{good, bad, good} {
		g.CacheDir = cache
		res, err := g.Build(context.Background(), generator.Change{Now: now})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := res.CacheErr != nil, cache == bad; got != want {
			t.Errorf("build %d (cache %s): CacheErr = %v", i+1, cache, res.CacheErr)
		}
	}
}

// TestCacheInOutput checks that a build does not use a cache folder that
// is its output folder or lies inside it, however it is named, since the
// output is published; and that a folder beside it, whose name only
// begins as the output's does, is used.
func TestCacheInOutput(t *testing.T) {
	dir := writeSite(t, goodSite())
	top := t.TempDir()
	dest := filepath.Join(top, "public")
	if err := os.Symlink(dest, filepath.Join(top, "link")); err != nil {
		t.Skip("cannot make a symbolic link:", err)
	}
	for _, tc := range []struct {
		name, cache string
		used        bool
	}{
		{"inside", filepath.Join(dest, ".cache"), false},
		{"the output", dest, false},
		{"not yet made, deeper", filepath.Join(dest, "a", "b"), false},
		{"by a relative name", filepath.Join(dest, "x", "..", "c"), false},
		{"by a link", filepath.Join(top, "link", "c"), false},
		{"beside it", filepath.Join(top, "public-cache"), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			os.RemoveAll(dest)
			if err := os.Mkdir(dest, 0o755); err != nil {
				t.Fatal(err)
			}
			g := &generator.Generator{Source: dir, Dest: dest, CacheDir: tc.cache}
			for build := range 2 {
				res, err := g.Build(context.Background(), generator.Change{Now: now})
				if err != nil {
					t.Fatal(err)
				}
				const want = "cannot use the cache: the cache's folder "
				if tc.used {
					if res.CacheErr != nil {
						t.Errorf("build %d: CacheErr = %v, want none", build, res.CacheErr)
					}
					continue
				}
				if res.CacheErr == nil || !strings.HasPrefix(res.CacheErr.Error(), want) {
					t.Errorf("build %d: CacheErr = %v, want one starting %q", build, res.CacheErr, want)
				}
				if res.Cached != 0 || res.CachedPosts != 0 || res.CachedFindings != 0 {
					t.Errorf("build %d: %d cards, %d entries' posts and %d findings from the cache, want none", build, res.Cached, res.CachedPosts, res.CachedFindings)
				}
			}
			if tc.used {
				if entries, _ := filepath.Glob(filepath.Join(tc.cache, "*", "*.entry")); len(entries) == 0 {
					t.Error("the cache beside the output holds nothing")
				}
				return
			}
			filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
				if err == nil && strings.HasSuffix(p, ".entry") || d != nil && d.Name() == "trimmed" {
					t.Errorf("the cache wrote %s into the output", p)
				}
				return nil
			})
		})
	}
}

// underFile returns the path of a folder that cannot be made, as its
// parent is a file.
func underFile(t *testing.T) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(file, "cache")
}

// TestCardCache checks that a Generator with a CacheDir keeps its share
// cards there, and that a new Generator (a new process) writing into a new
// folder takes them from it instead of drawing them.
func TestCardCache(t *testing.T) {
	dir := writeSite(t, goodSite())
	cache := filepath.Join(t.TempDir(), "cache")
	g := &generator.Generator{Source: dir, Dest: filepath.Join(t.TempDir(), "a"), CacheDir: cache}
	res, err := g.Build(context.Background(), generator.Change{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	cards := 2*res.Entries + 1 // and the home page's
	if res.Drawn != cards || res.Cached != 0 {
		t.Fatalf("first build: %d drawn, %d cached; want %d, 0", res.Drawn, res.Cached, cards)
	}
	if res.CacheErr != nil {
		t.Errorf("first build: CacheErr = %v, want nil", res.CacheErr)
	}
	again := &generator.Generator{Source: dir, Dest: filepath.Join(t.TempDir(), "b"), CacheDir: cache}
	res, err = again.Build(context.Background(), generator.Change{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if res.Drawn != 0 || res.Cached != cards {
		t.Errorf("a new process: %d drawn, %d cached; want 0, %d", res.Drawn, res.Cached, cards)
	}
	a, b := readTree(t, g.Dest), readTree(t, again.Dest)
	for name, data := range a {
		if strings.HasSuffix(name, ".png") && !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between the drawn and the cached build", name)
		}
	}

	// Each card, drawn or found, each review file of the posts and each
	// page in a folder the writer makes whole (an entry's) is linked from
	// the cache rather than written again: both sites' are the cache's
	// files.
	var entries []fs.FileInfo
	filepath.WalkDir(cache, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			fi, err := d.Info()
			if err == nil {
				entries = append(entries, fi)
			}
		}
		return nil
	})
	linked, pages := 0, 0
	for _, dest := range []string{g.Dest, again.Dest} {
		for name := range a {
			// An entry's: the home page's card is written in the output
			// folder's root, which the writer does not make whole.
			page := strings.HasPrefix(name, "faq/") && strings.HasSuffix(name, ".html")
			card := strings.HasPrefix(name, "faq/") && strings.HasSuffix(name, ".png")
			if !card && !strings.HasPrefix(name, "social/posts/") && !page {
				continue
			}
			if page && dest == g.Dest {
				pages++
			}
			fi, err := os.Lstat(filepath.Join(dest, filepath.FromSlash(name)))
			if err != nil {
				t.Fatal(err)
			}
			if fi.Mode().Perm() != 0o644 {
				t.Errorf("%s: mode %v, want 0644", name, fi.Mode())
			}
			if slices.ContainsFunc(entries, func(e fs.FileInfo) bool { return os.SameFile(e, fi) }) {
				linked++
			}
		}
	}
	if want := 2 * (2*res.Entries + res.Entries + pages); pages < res.Entries || linked != want {
		t.Errorf("%d of %d cards, review files and pages (%d) linked from the cache", linked, want, pages)
	}

	// A review file or a page whose file in the cache lost its bytes, or
	// had one changed, is written whole, and stored again.
	reviews := 0
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), "-review.entry") {
			reviews++
		}
	}
	if reviews != res.Entries {
		t.Fatalf("%d review files in the cache, want %d", reviews, res.Entries)
	}
	damaged := 0
	filepath.WalkDir(cache, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case strings.HasSuffix(p, "-review.entry"), strings.HasSuffix(p, "-html.entry"):
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			b[len(b)/2] ^= 1
			damaged++
			os.Remove(p)
			return os.WriteFile(p, b, 0o644)
		}
		return nil
	})
	if damaged < res.Entries {
		t.Fatalf("%d pages' files damaged in the cache, want at least %d", damaged, res.Entries)
	}
	third := &generator.Generator{Source: dir, Dest: filepath.Join(t.TempDir(), "c"), CacheDir: cache}
	if _, err := third.Build(context.Background(), generator.Change{Now: now}); err != nil {
		t.Fatal(err)
	}
	if c := readTree(t, third.Dest); !maps.EqualFunc(a, c, bytes.Equal) {
		t.Error("a build with damaged review files and pages in the cache differs from the first")
	}
}

// TestKeptBetweenProcesses checks that what the checks found in an entry,
// its posts and the site's pages are kept in the cache for a new
// Generator, which then reports the same findings without checking again,
// and writes the same files without composing posts or making pages
// again, until the entry, the day (for findings), the config (for posts)
// or the cached record changes.
func TestKeptBetweenProcesses(t *testing.T) {
	dir := writeSite(t, goodSite())
	cache := filepath.Join(t.TempDir(), "cache")
	build := func(now time.Time) *generator.Result {
		t.Helper()
		g := &generator.Generator{Source: dir, Dest: t.TempDir(), CacheDir: cache}
		res, err := g.Build(context.Background(), generator.Change{Now: now})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	first := build(now)
	if first.CachedFindings != 0 || first.CachedPosts != 0 || len(first.Findings) == 0 {
		t.Fatalf("first build: %d entries' findings and %d posts cached, %d findings; want 0, 0 and some", first.CachedFindings, first.CachedPosts, len(first.Findings))
	}
	again := build(now)
	if again.CachedFindings != again.Entries || again.CachedPosts != again.Entries {
		t.Errorf("a new process: %d and %d of %d entries' findings and posts cached", again.CachedFindings, again.CachedPosts, again.Entries)
	}
	if !reflect.DeepEqual(again.Findings, first.Findings) || !reflect.DeepEqual(again.Scores, first.Scores) {
		t.Errorf("cached findings differ:\n%v\nwant\n%v", again.Findings, first.Findings)
	}
	if again.Made != 0 || again.Rendered != 0 {
		t.Errorf("a new process made %d files and rendered %d answers, want 0 and 0: the pages and answers come from the cache", again.Made, again.Rendered)
	}
	if a, b := readTree(t, first.Dest), readTree(t, again.Dest); !maps.EqualFunc(a, b, bytes.Equal) {
		t.Error("the site built from the cache differs from the one built without")
	}
	// Another day: no review changed age, so every entry's findings are
	// kept. Two years on, every review is stale: the entries are checked
	// again, and find what a build without the cache finds that day.
	if res := build(now.Add(48 * time.Hour)); res.CachedFindings != res.Entries || !reflect.DeepEqual(res.Findings, first.Findings) {
		t.Errorf("another day: %d of %d entries' findings cached, findings %v; want all, and %v", res.CachedFindings, res.Entries, res.Findings, first.Findings)
	}
	later := now.AddDate(2, 0, 0)
	stale := build(later)
	uncached, err := (&generator.Generator{Source: dir, Dest: t.TempDir()}).Build(context.Background(), generator.Change{Now: later})
	if err != nil {
		t.Fatal(err)
	}
	if stale.CachedFindings != 0 || !reflect.DeepEqual(stale.Findings, uncached.Findings) ||
		!slices.ContainsFunc(stale.Findings, func(f check.Finding) bool { return f.Rule == "REVIEW-STALE" }) {
		t.Errorf("two years on: %d entries' findings cached, findings %v; want 0, and %v with REVIEW-STALE", stale.CachedFindings, stale.Findings, uncached.Findings)
	}

	third := filepath.Join(dir, "content", "third.md")
	data, err := os.ReadFile(third)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(third, append(data, "Ask us at your next visit.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	edited := build(now)
	if edited.Made != 1 || edited.Rendered != 1 {
		t.Errorf("one entry's answer edited: made %d files and rendered %d answers, want 1 and 1, its page and answer", edited.Made, edited.Rendered)
	}
	if edited.CachedFindings != edited.Entries-1 || edited.CachedPosts != edited.Entries {
		t.Errorf("one entry's answer edited: %d and %d of %d entries' findings and posts cached", edited.CachedFindings, edited.CachedPosts, edited.Entries)
	}

	// Every record damaged: found again, the same.
	damaged := 0
	filepath.WalkDir(cache, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err == nil && strings.Contains(filepath.Base(p), "-") {
			b[len(b)/2] ^= 1
			damaged++
			// A new file, not the old one written over: a review file's
			// entry is also the earlier sites' (a hard link).
			os.Remove(p)
			return os.WriteFile(p, b, 0o644)
		}
		return err
	})
	if damaged == 0 {
		t.Fatal("no record of findings, posts or pages in the cache")
	}
	res := build(now)
	if res.CachedFindings != 0 || res.CachedPosts != 0 || !reflect.DeepEqual(res.Findings, edited.Findings) {
		t.Errorf("damaged records: %d and %d cached, findings %v; want 0, 0 and %v", res.CachedFindings, res.CachedPosts, res.Findings, edited.Findings)
	}
	if res.Made != first.Made {
		t.Errorf("damaged records: made %d files, want %d", res.Made, first.Made)
	}
	if a, b := readTree(t, edited.Dest), readTree(t, res.Dest); !maps.EqualFunc(a, b, bytes.Equal) {
		t.Error("the site built after damaged records differs")
	}

	// Another config: posts composed again.
	cfg := filepath.Join(dir, "faqcast.yaml")
	data, err = os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfg, bytes.Replace(data, []byte("Test Clinic"), []byte("Test Health"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	if res := build(now); res.CachedPosts != 0 || res.Made != first.Made {
		t.Errorf("another practice name: %d entries' posts cached and %d files made, want 0 and %d", res.CachedPosts, res.Made, first.Made)
	}
}

// TestDraftsKept checks that a build with drafts, after one without,
// takes the other entries' posts, findings and pages from the cache,
// making only what shows the draft, and builds what a build with drafts
// and no cache builds; and that the build without drafts then takes
// everything again.
func TestDraftsKept(t *testing.T) {
	files := goodSite()
	files["content/draft.md"] = entryFile("Draft question?", "draft: true\ntags: [billing]\nreviewed_by: ana\nreviewed_on: 2026-10-01\n", "Soon.\n")
	dir := writeSite(t, files)
	cache := filepath.Join(t.TempDir(), "cache")
	build := func(drafts bool, cache string) *generator.Result {
		t.Helper()
		g := &generator.Generator{Source: dir, Dest: t.TempDir(), CacheDir: cache, Drafts: drafts}
		res, err := g.Build(context.Background(), generator.Change{Now: now})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	first := build(false, cache)
	with := build(true, cache)
	if with.Entries != first.Entries+1 {
		t.Fatalf("with drafts: %d entries, want %d", with.Entries, first.Entries+1)
	}
	if with.CachedPosts != first.Entries || with.CachedFindings != first.Entries {
		t.Errorf("with drafts: %d and %d of %d entries' posts and findings cached, want all but the draft's", with.CachedPosts, with.CachedFindings, with.Entries)
	}
	// The draft's page, and those that list it, are new; the third's,
	// which shares no tag with the draft, is not.
	if with.Made == 0 || with.Made >= first.Made {
		t.Errorf("with drafts: made %d files, want some but fewer than the %d of a build with an empty cache", with.Made, first.Made)
	}
	fresh := build(true, "")
	withTree := readTree(t, with.Dest)
	if !maps.EqualFunc(withTree, readTree(t, fresh.Dest), bytes.Equal) {
		t.Error("the site built with drafts from the cache differs from the one built without")
	}
	if _, ok := withTree["faq/draft/index.html"]; !ok {
		t.Error("with drafts: no page for the draft")
	}
	again := build(false, cache)
	if again.CachedPosts != again.Entries || again.Made != 0 {
		t.Errorf("without drafts again: %d of %d entries' posts cached and %d files made, want all and 0", again.CachedPosts, again.Entries, again.Made)
	}
	if got, want := readTree(t, again.Dest), readTree(t, first.Dest); !maps.EqualFunc(got, want, bytes.Equal) {
		t.Error("the site built without drafts again differs from the first")
	}
}

// TestSourceDateKept checks that builds of other SOURCE_DATE_EPOCHs take
// the posts and pages from the cache, except the pages that show the
// date (a site's whose entries have none), and build what a build
// without the cache builds.
func TestSourceDateKept(t *testing.T) {
	undated := goodSite()
	for name, data := range undated {
		undated[name] = strings.ReplaceAll(data, "reviewed_by: ana\nreviewed_on: 2026-10-01\n", "")
	}
	undated["faqcast.yaml"] += "checks:\n  rules: {REVIEW-MISSING: warning}\n"
	a, b := time.Unix(1764547200, 0).UTC(), time.Unix(1767225600, 0).UTC()
	for _, tc := range []struct {
		name  string
		files map[string]string
		made  bool // whether pages show the date
	}{{"dated", goodSite(), false}, {"undated", undated, true}} {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeSite(t, tc.files)
			cache := filepath.Join(t.TempDir(), "cache")
			build := func(date time.Time, cache string) *generator.Result {
				t.Helper()
				g := &generator.Generator{Source: dir, Dest: t.TempDir(), CacheDir: cache, SourceDate: date}
				res, err := g.Build(context.Background(), generator.Change{Now: now})
				if err != nil {
					t.Fatal(err)
				}
				return res
			}
			first := build(a, cache)
			res := build(b, cache)
			if res.CachedPosts != res.Entries || res.CachedFindings != res.Entries {
				t.Errorf("another date: %d and %d of %d entries' posts and findings cached", res.CachedPosts, res.CachedFindings, res.Entries)
			}
			if made := res.Made != 0; made != tc.made {
				t.Errorf("another date: made %d files (of %d); want some: %v", res.Made, first.Made, tc.made)
			}
			fresh := build(b, "")
			if got, want := readTree(t, res.Dest), readTree(t, fresh.Dest); !maps.EqualFunc(got, want, bytes.Equal) {
				t.Error("the site built from the cache on another date differs from the one built without")
			}
			if tc.made && maps.EqualFunc(readTree(t, first.Dest), readTree(t, fresh.Dest), bytes.Equal) {
				t.Error("the undated site's output does not show its date")
			}
		})
	}
}

// TestNewEntryStarter checks that an entry faqcast new wrote does not
// publish with its starter short answer: once its answer is written, its
// review given and its draft: line removed, the summary it was given is
// still an error at its place, and a warning while it is a draft.
func TestNewEntryStarter(t *testing.T) {
	dir := writeSite(t, goodSite())
	path, err := scaffold.NewEntry(context.Background(), dir, "Do you offer flu shots?")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	front, _, _ := strings.Cut(string(data), "\n---\n")
	front = strings.Replace(front, "# reviewed_by: staff-id", "reviewed_by: ana", 1)
	front = strings.Replace(front, "# reviewed_on: YYYY-MM-DD", "reviewed_on: 2026-11-01", 1)
	write := func(front string) {
		answer := "Yes. Flu shots are given every fall at the front desk, with no appointment needed.\n"
		if err := os.WriteFile(path, []byte(front+"\n---\n\n"+answer), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	find := func() []check.Finding {
		g := &generator.Generator{Source: dir, NoWrite: true, Drafts: true}
		res, _ := g.Build(context.Background(), generator.Change{Now: now})
		var out []check.Finding
		for _, f := range res.Findings {
			if f.Rule == "SETUP-PLACEHOLDER" {
				out = append(out, f)
			}
		}
		return out
	}

	write(front)
	got := find()
	if len(got) != 1 || got[0].Severity != check.Warning || got[0].Pos != (diag.Pos{Line: 3, Col: 10}) || got[0].Message != "the short answer is still the starter's" {
		t.Errorf("a draft with the starter's summary: %+v, want one warning at 3:10", got)
	}
	var lines []string
	for l := range strings.Lines(front) {
		if !strings.HasPrefix(l, "draft:") {
			lines = append(lines, l)
		}
	}
	published := strings.Join(lines, "")
	write(published)
	if got := find(); len(got) != 1 || got[0].Severity != check.Error || got[0].Pos != (diag.Pos{Line: 3, Col: 10}) {
		t.Errorf("published with the starter's summary: %+v, want one error at 3:10", got)
	}
	write(strings.Replace(published, "Write the short plain answer here, in one or two sentences.", "Yes, every fall, with no appointment needed.", 1))
	if got := find(); len(got) != 0 {
		t.Errorf("with its own summary: %+v, want no starter finding", got)
	}
}

// TestEmergencyMessage checks that the practice's own emergency reply
// written as a message, in another language or in the site's (when
// replies.emergency is not set), must begin by telling the reader to call
// an emergency number, as replies.emergency must: otherwise it is an error
// at the message, with the hint; and that an emergency reply in another
// language must name the number replies.emergency names.
func TestEmergencyMessage(t *testing.T) {
	for _, tc := range []struct{ messages, want string }{
		{"messages:\n  es:\n    reply.emergency: \"Lo sentimos. Llámenos al consultorio.\"\n",
			"faqcast.yaml:10:22: message reply.emergency (es) does not begin by telling the reader to call an emergency number"},
		{"messages:\n  en:\n    reply.emergency: \"We are so sorry. Please call us.\"\n",
			"faqcast.yaml:10:22: message reply.emergency (en) does not begin by telling the reader to call an emergency number"},
		{"messages:\n  es:\n    reply.emergency: \"Si es una emergencia, llame al número local de emergencias.\"\n", ""},
		{"messages:\n  es:\n    reply.emergency: \"Si es una emergencia, llame ahora al número de emergencia local.\"\n", ""},
		// The site's own emergency reply is replies.emergency: a message
		// in its language is not used, and not checked.
		{"replies:\n  emergency: \"If this is an emergency, call 911 now.\"\nmessages:\n  en:\n    reply.emergency: \"Please DM us.\"\n", ""},
		// Another language's emergency reply must name the number the
		// practice's own names.
		{"replies:\n  emergency: \"If this is an emergency, call 112 now.\"\n",
			"faqcast.yaml:9:14: replies.emergency names 112, but the emergency reply in es does not"},
		{"replies:\n  emergency: \"If this is an emergency, call 112 now.\"\nmessages:\n  es:\n    reply.emergency: \"Si es una emergencia, llame al 112.\"\n", ""},
	} {
		files := goodSite()
		files["faqcast.yaml"] = testConfig + tc.messages
		files["content/es/primera.md"] = entryFile("¿Primera pregunta?", "slug: primera\nlang: es\n", "Texto.\n")
		dir := writeSite(t, files)
		g := &generator.Generator{Source: dir, NoWrite: true}
		_, err := g.Build(context.Background(), generator.Change{Now: now})
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.messages, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: %v, want %s", tc.messages, err, tc.want)
		}
	}
}

// TestCardGlyphs checks that characters the share cards cannot draw are a
// CARD-GLYPH warning at the title or at practice.name, naming them, and
// that a title whose accents are typed apart (NFD) is drawn as the same
// title composed (NFC), with no warning.
func TestCardGlyphs(t *testing.T) {
	files := goodSite()
	files["faqcast.yaml"] = strings.Replace(testConfig, "name: Test Clinic", "name: Test Clinic 🏥", 1) + "title: Questions 🙋\n" +
		"messages:\n  es:\n    site.title: \"Preguntas 🙋\"\n"
	files["content/first.md"] = entryFile("Bạn có cần hẹn trước không 📅?", "rank: 1\n", "Text.\n")
	files["content/third.md"] = entryFile("Cafe\u0301 or te\u0301?", "", "Text.\n")
	dir := writeSite(t, files)
	g := &generator.Generator{Source: dir}
	res, err := g.Build(context.Background(), generator.Change{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		if f.Rule == "CARD-GLYPH" {
			got = append(got, fmt.Sprintf("%s:%s: %s %s", filepath.Base(f.Path), f.Pos, f.Severity, f.Message))
		}
	}
	want := []string{
		`first.md:2:8: warning the share cards cannot draw "ạ", "ầ", "ẹ", "ư", "ớ", "📅" of the title: they show "�" in their place`,
		`faqcast.yaml:3:9: warning the share cards cannot draw "🏥" of practice.name: they show "�" in their place`,
		`faqcast.yaml:8:8: warning the share cards cannot draw "🙋" of title: they show "�" in their place`,
		`faqcast.yaml:11:17: warning the share card cannot draw "🙋" of message site.title (es): it shows "�" in their place`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("CARD-GLYPH findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// The NFD title's card is the NFC title's.
	files["content/third.md"] = entryFile("Caf\u00e9 or t\u00e9?", "", "Text.\n")
	composed := writeSite(t, files)
	if _, err := (&generator.Generator{Source: composed}).Build(context.Background(), generator.Change{Now: now}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"card.png", "square.png"} {
		a, errA := os.ReadFile(filepath.Join(dir, "public", "faq", "third", name))
		b, errB := os.ReadFile(filepath.Join(composed, "public", "faq", "third", name))
		if errA != nil || errB != nil || !bytes.Equal(a, b) {
			t.Errorf("%s of the title typed apart differs from the composed one's (%v, %v)", name, errA, errB)
		}
	}
}

// TestBrokenEntryFollowers checks that an entry that does not parse is
// reported once, at its own error, and that a link to its page or a
// translation of it says so, rather than calling the page missing or
// the translated entry unknown.
func TestBrokenEntryFollowers(t *testing.T) {
	files := goodSite()
	files["content/broken.md"] = "---\ntitle: Broken?\nsummary: \"A\ttab.\"\n---\n\nText.\n"
	files["content/first.md"] = entryFile("First question?", "rank: 1\n", "See [the broken one](../broken/).\n")
	files["content/es/roto.md"] = entryFile("¿Roto?", "lang: es\ntranslation_of: broken\n", "Texto.\n")
	dir := writeSite(t, files)
	_, err := (&generator.Generator{Source: dir}).Build(context.Background(), generator.Change{Now: now})
	if err == nil {
		t.Fatal("the build succeeded")
	}
	text := strings.ReplaceAll(err.Error(), filepath.ToSlash(dir)+"/", "")
	if !strings.Contains(text, "content/first.md:9:5: link to the page of broken.md, which has errors") {
		t.Errorf("the link to the broken entry's page:\n%s", text)
	}
	for _, wrong := range []string{"missing page", "names no entry"} {
		if strings.Contains(text, wrong) {
			t.Errorf("%q among the errors:\n%s", wrong, text)
		}
	}
}

// ruleFindings builds the site of files, writing nothing, and returns
// its findings of rule.
func ruleFindings(t *testing.T, files map[string]string, rule string) []check.Finding {
	t.Helper()
	res, err := (&generator.Generator{Source: writeSite(t, files), NoWrite: true}).Build(context.Background(), generator.Change{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	var out []check.Finding
	for _, f := range res.Findings {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

// TestPostOff checks that an entry's own post text for a platform that is
// turned off is a POST-OFF warning at the text, and one for a platform
// that is on is not.
func TestPostOff(t *testing.T) {
	files := goodSite()
	files["faqcast.yaml"] = testConfig + "platforms:\n  x: {enabled: false}\n  gbp: {enabled: false}\n"
	files["content/third.md"] = entryFile("Third question?", "posts:\n  x: \"Our own words for X. {link}\"\n  facebook: \"Our own words. {link}\"\n", "Text.\n")
	var got []string
	for _, f := range ruleFindings(t, files, "POST-OFF") {
		got = append(got, fmt.Sprintf("%s:%s %s %s", path.Base(f.Path), f.Pos, f.Severity, f.Message))
	}
	want := []string{"third.md:5:6 warning posts.x: X is turned off, so this text is not posted"}
	if !slices.Equal(got, want) {
		t.Errorf("POST-OFF findings %q, want %q", got, want)
	}
}

// TestSlotLanguage checks that slots for a language no published entry is
// written in are a SCHEDULE-LANGUAGE warning at the platform's slots, once
// per language, while slots of the entries' languages, and of a language
// with more subtags than an entry's (es takes es-MX), are not.
func TestSlotLanguage(t *testing.T) {
	files := goodSite()
	files["faqcast.yaml"] = testConfig + "schedule:\n  timezone: America/Chicago\n  start: 2026-12-07\n  slots:\n" +
		"    facebook: [\"mon 09:00\", \"sat 10:00 es\", \"sun 10:00 fr\", \"sun 11:00 fr\"]\n    x: [\"mon 09:00 en\"]\n"
	files["content/es/primera.md"] = entryFile("¿Primera pregunta?", "slug: primera\nlang: es-MX\n", "Texto.\n")
	var got []string
	for _, f := range ruleFindings(t, files, "SCHEDULE-LANGUAGE") {
		got = append(got, fmt.Sprintf("%s %s", f.Pos, f.Message))
	}
	want := []string{"12:15 schedule.slots.facebook has slots for fr, a language no published entry is in: they stay empty"}
	if !slices.Equal(got, want) {
		t.Errorf("SCHEDULE-LANGUAGE findings %q, want %q", got, want)
	}
}
