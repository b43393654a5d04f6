package site_test

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/faqcast/faqcast/internal/slug"

	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/locale"
	"github.com/faqcast/faqcast/generator/markdown"
	"github.com/faqcast/faqcast/generator/site"
	"github.com/faqcast/faqcast/templates"
)

const siteConfig = `base_url: https://clinic.example/care/
title: Patient questions
practice:
  name: Test Clinic
  phone: "(555) 010-0199"
  fax: "(555) 010-0198"
  email: hello@clinic.example
  address: {street: 1 Main St, city: Springfield, region: IL, postal_code: "62701"}
  booking_url: https://clinic.example/book
  hours: "Monday to Friday, 8 a.m. to 5 p.m."
staff:
  - {id: ana, name: Ana Lopez, credentials: MD, role: physician, hipaa_trained: true}
`

// siteEntries are the test site's entry files, by their path in content/.
var siteEntries = map[string]string{
	"first.md": `---
title: What should I bring to my first visit?
summary: Bring a photo ID and your insurance card.
rank: 1
tags: [First visit, Billing]
reviewed_by: ana
reviewed_on: 2026-10-01
sources:
  - {title: "Talking With Your Doctor", url: "https://medlineplus.gov/talkingwithyourdoctor.html"}
---

# Before you come

## Main

Bring your ID.[^id] See [the costs](second.md#costs), [billing](../../topics/billing/),
[the third](../third/), [a site](https://example.com/) and [mail](mailto:x@example.com).

| What | Why |
|------|-----|
| ID | to know you |

- [x] ID
- [ ] Card

~~Old~~ news: https://medlineplus.gov/

<script>alert(1)</script>

Some <b onclick=x>bold</b> text.

## Answer

Again.[^id]

## Sources

## Related

## Contact

## Disclaimer

## Reviewed

[^id]: A photo ID.
`,
	"second.md": `---
title: How much does a visit cost?
summary: It depends on your plan.
rank: 2
tags: [billing]
publish_on: 2026-06-01
---

## Costs

See [what to bring](first.md#main-1).
`,
	"third.md": `---
title: Is "</script>" & <b>this</b> safe?
summary: Yes, "</script>" & <b>that</b> is escaped.
tags: [first visit]
---

Plain text.
`,
	"fourth.md": `---
title: Can I bring my dog?
summary: Only service animals.
---

No tags here.
`,
}

var disclaimer = "This information is for general education. It is not medical advice and does not create a doctor–patient relationship. For advice about your health, call our office or book an appointment. In an emergency, call 911."

// renderSite renders the test site with the default theme and returns its
// files by path.
func renderSite(t *testing.T, cfgText string, files map[string]string) (map[string][]byte, *config.Config, []*entry.Entry) {
	t.Helper()
	return render(t, cfgText, files, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
}

// renderWith renders a site with the given epoch.
func renderWith(t *testing.T, cfgText string, files map[string]string, epoch time.Time) map[string][]byte {
	t.Helper()
	out, _, _ := render(t, cfgText, files, epoch)
	return out
}

func render(t *testing.T, cfgText string, files map[string]string, epoch time.Time) (map[string][]byte, *config.Config, []*entry.Entry) {
	t.Helper()
	cfg, err := config.Parse("faqcast.yaml", []byte(cfgText))
	if err != nil {
		t.Fatal(err)
	}
	var entries []*entry.Entry
	byRel := map[string]*entry.Entry{}
	for _, rel := range slices.Sorted(maps.Keys(files)) {
		e, err := entry.Parse("content/"+rel, rel, []byte(files[rel]))
		if err != nil {
			t.Fatal(err)
		}
		entries = append(entries, e)
		byRel[rel] = e
	}
	slices.SortFunc(entries, entry.Compare)
	bodies := make([]string, len(entries))
	md := markdown.New()
	for i, e := range entries {
		// Links to entry files become links to their pages, as a build
		// makes them; page links are kept.
		resolve := func(dest string) (string, error) {
			u, err := url.Parse(dest)
			if err != nil {
				return "", err
			}
			if path.Ext(u.Path) != ".md" {
				return dest, nil
			}
			to := byRel[u.Path]
			if to == nil {
				return "", fmt.Errorf("no entry %s", u.Path)
			}
			if u.Fragment != "" {
				return "../" + to.Slug + "/#" + u.Fragment, nil
			}
			return "../" + to.Slug + "/", nil
		}
		res, err := md.Render(e.Path, e.Body, e.BodyLine, markdown.Refs{Link: resolve})
		if err != nil {
			t.Fatal(err)
		}
		bodies[i] = string(res.HTML)
	}
	theme, err := site.LoadTheme(templates.FS, "templates")
	if err != nil {
		t.Fatal(err)
	}
	// A site that adds Portuguese (with the English words, for the test).
	en, err := fs.ReadFile(templates.FS, "i18n/en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	own := fstest.MapFS{"i18n/pt.yaml": &fstest.MapFile{Data: en}}
	cat, err := locale.Load(locale.Sources{Default: templates.FS, Site: own, Display: "templates"}, site.Uses(cfg, entries))
	if err != nil {
		t.Fatal(err)
	}
	out, err := site.Render(context.Background(), site.Options{
		Config:  cfg,
		Entries: entries,
		Bodies:  bodies,
		Theme:   theme,
		Catalog: cat,
		Epoch:   epoch,
	})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]byte{}
	var paths []string
	for _, f := range out {
		if _, dup := got[f.Path]; dup {
			t.Errorf("%s rendered twice", f.Path)
		}
		got[f.Path] = f.Data
		paths = append(paths, f.Path)
	}
	if !slices.IsSorted(paths) {
		t.Errorf("files not sorted by path: %q", paths)
	}
	return got, cfg, entries
}

func TestRenderFiles(t *testing.T) {
	files, _, _ := renderSite(t, siteConfig, siteEntries)
	want := []string{
		"404.html",
		"faq/first/index.html",
		"faq/fourth/index.html",
		"faq/second/index.html",
		"faq/third/index.html",
		"feed.xml",
		"index.html",
		"robots.txt",
		"sitemap.xml",
		"style.css",
		"topics/billing/index.html",
		"topics/first-visit/index.html",
	}
	if got := slices.Sorted(maps.Keys(files)); !slices.Equal(got, want) {
		t.Errorf("files:\n%q\nwant\n%q", got, want)
	}
	if !bytes.Equal(files["style.css"], mustRead(t, "style.css")) {
		t.Error("style.css is not the theme's")
	}
	if got, want := string(files["robots.txt"]), "User-agent: *\nAllow: /\n\nSitemap: https://clinic.example/care/sitemap.xml\n"; got != want {
		t.Errorf("robots.txt = %q, want %q", got, want)
	}
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	b, err := templates.FS.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// pageInfo is what each page must say about itself.
type pageInfo struct {
	title, h1, canonical, ogType string
}

func TestRenderPages(t *testing.T) {
	files, cfg, _ := renderSite(t, siteConfig, siteEntries)
	base := "https://clinic.example/care/"
	pages := map[string]pageInfo{
		"index.html":                    {"Patient questions | Test Clinic", "Patient questions", base, "website"},
		"404.html":                      {"Page not found | Test Clinic", "Page not found", "", "website"},
		"faq/first/index.html":          {"What should I bring to my first visit? | Test Clinic", "What should I bring to my first visit?", base + "faq/first/", "article"},
		"faq/second/index.html":         {"How much does a visit cost? | Test Clinic", "How much does a visit cost?", base + "faq/second/", "article"},
		"faq/third/index.html":          {`Is "</script>" & <b>this</b> safe? | Test Clinic`, `Is "</script>" & <b>this</b> safe?`, base + "faq/third/", "article"},
		"faq/fourth/index.html":         {"Can I bring my dog? | Test Clinic", "Can I bring my dog?", base + "faq/fourth/", "article"},
		"topics/billing/index.html":     {"Billing: questions and answers | Test Clinic", "Billing", base + "topics/billing/", "website"},
		"topics/first-visit/index.html": {"First visit: questions and answers | Test Clinic", "First visit", base + "topics/first-visit/", "website"},
	}
	docs := map[string]*document{}
	for name, data := range files {
		if path.Ext(name) != ".html" {
			continue
		}
		if _, ok := pages[name]; !ok {
			t.Errorf("unexpected page %s", name)
			continue
		}
		d, err := parseHTML(string(data))
		if err != nil {
			t.Errorf("%s is not well-formed HTML5: %v", name, err)
			continue
		}
		docs[name] = d
	}
	titles := map[string]string{}
	for name, want := range pages {
		d := docs[name]
		if d == nil {
			t.Errorf("%s: missing or unparsable", name)
			continue
		}
		t.Run(name, func(t *testing.T) {
			if lang, _ := d.find("html")[0].attr("lang"); lang != "en" {
				t.Errorf(`<html lang=%q>, want "en"`, lang)
			}
			title := d.find("title")[0].text.String()
			if title != want.title {
				t.Errorf("<title> = %q, want %q", title, want.title)
			}
			if other, dup := titles[title]; dup {
				t.Errorf("<title> %q is also the title of %s", title, other)
			}
			titles[title] = name

			h1 := d.find("h1")
			if len(h1) != 1 {
				t.Fatalf("%d <h1> elements, want 1", len(h1))
			}
			if got := h1[0].text.String(); got != want.h1 {
				t.Errorf("<h1> = %q, want %q", got, want.h1)
			}

			meta := func(attr, name string) string {
				m := d.find("meta", attr, name)
				if len(m) != 1 {
					t.Errorf(`%d <meta %s=%q> elements, want 1`, len(m), attr, name)
					return ""
				}
				c, _ := m[0].attr("content")
				return c
			}
			desc := meta("name", "description")
			if desc == "" {
				t.Error("empty meta description")
			}
			if got := meta("property", "og:description"); got != desc {
				t.Errorf("og:description = %q, want the meta description %q", got, desc)
			}
			if got := meta("property", "og:title"); got != want.h1 {
				t.Errorf("og:title = %q, want %q", got, want.h1)
			}
			if got := meta("property", "og:type"); got != want.ogType {
				t.Errorf("og:type = %q, want %q", got, want.ogType)
			}
			// Entry pages share their card (or image) in large, and the
			// other indexed pages their home page's card.
			card := "summary_large_image"
			if name == "404.html" {
				card = "summary"
			}
			if got := meta("name", "twitter:card"); got != card {
				t.Errorf("twitter:card = %q, want %s", got, card)
			}
			canonical := d.find("link", "rel", "canonical")
			if name == "404.html" {
				if len(canonical) != 0 {
					t.Error("the 404 page has a canonical link")
				}
				if got := meta("name", "robots"); got != "noindex" {
					t.Errorf("robots = %q, want noindex", got)
				}
				if got := meta("property", "og:url"); got != base+"404.html" {
					t.Errorf("og:url = %q", got)
				}
			} else {
				if len(canonical) != 1 || canonical[0].attrs["href"] != want.canonical {
					t.Errorf("canonical links %v, want one to %s", canonical, want.canonical)
				}
				if got := meta("property", "og:url"); got != want.canonical {
					t.Errorf("og:url = %q, want %q", got, want.canonical)
				}
				if len(d.find("meta", "name", "robots")) != 0 {
					t.Error("a page to index has a robots meta element")
				}
			}

			// The skip link comes first in the body and leads to <main>.
			body := d.find("body")[0]
			var first *element
			for _, e := range d.elems {
				if e.parent == body {
					first = e
					break
				}
			}
			if first == nil || first.tag != "a" || first.attrs["href"] != "#main" {
				t.Errorf("the body does not start with a skip link: %+v", first)
			}
			if m := d.find("main", "id", "main"); len(m) != 1 {
				t.Error(`no <main id="main">`)
			}

			text := body.text.String()
			if !strings.Contains(text, disclaimer) {
				t.Error("no disclaimer")
			}
			footer := d.find("footer")
			if len(footer) != 1 {
				t.Fatalf("%d footers", len(footer))
			}
			for _, want := range []string{"Test Clinic", "1 Main St", "Springfield, IL 62701", "(555) 010-0199", "hello@clinic.example"} {
				if !strings.Contains(footer[0].text.String(), want) {
					t.Errorf("the footer lacks %q", want)
				}
			}
			if len(d.find("a", "href", "tel:+15550100199")) == 0 {
				t.Error("no call link")
			}

			// Labels and fragment links point at ids of this page.
			for _, e := range d.elems {
				if id, ok := e.attr("aria-labelledby"); ok && !d.ids[id] {
					t.Errorf("<%s aria-labelledby=%q>: no such id", e.tag, id)
				}
				if href, ok := e.attr("href"); ok && strings.HasPrefix(href, "#") && !d.ids[href[1:]] {
					t.Errorf("<%s href=%q>: no such id", e.tag, href)
				}
				if e.tag == "img" {
					if _, ok := e.attr("alt"); !ok {
						t.Errorf("<img> without alt")
					}
				}
			}

			// Every page offers the practice's contact details and the
			// call and book block, except where it has nothing to add.
			if len(d.find("a", "href", cfg.Practice.BookingURL)) == 0 {
				t.Error("no booking link")
			}
		})
	}
}

// TestRenderLinks checks every URL a page refers to: relative ones lead to
// a file of the site (and an id on that page, for a fragment), the 404
// page uses absolute paths below the base URL's path, and nothing is
// loaded from elsewhere.
func TestRenderLinks(t *testing.T) {
	files, cfg, _ := renderSite(t, siteConfig, siteEntries)
	basePath := cfg.Base.Path // "/care/"
	docs := map[string]*document{}
	for name, data := range files {
		if path.Ext(name) == ".html" {
			d, err := parseHTML(string(data))
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			docs[name] = d
		}
	}
	for name, d := range docs {
		for _, e := range d.elems {
			for _, attr := range []string{"href", "src"} {
				ref, ok := e.attr(attr)
				if !ok {
					continue
				}
				u, err := url.Parse(ref)
				if err != nil {
					t.Errorf("%s: <%s %s=%q>: %v", name, e.tag, attr, ref, err)
					continue
				}
				switch {
				case strings.HasPrefix(ref, "#"):
					continue // checked by TestRenderPages
				case u.Scheme != "" || u.Host != "":
					if attr == "src" || (e.tag == "link" && e.attrs["rel"] != "canonical") {
						t.Errorf("%s: <%s %s=%q> loads from another site", name, e.tag, attr, ref)
					}
					continue
				case ref == "":
					t.Errorf("%s: <%s> with an empty %s", name, e.tag, attr)
					continue
				}
				var target string
				if name == "404.html" {
					if !strings.HasPrefix(u.Path, basePath) {
						t.Errorf("%s: <%s %s=%q> does not start with the base path %s", name, e.tag, attr, ref, basePath)
						continue
					}
					target = strings.TrimPrefix(u.Path, basePath)
				} else {
					if strings.HasPrefix(u.Path, "/") {
						t.Errorf("%s: <%s %s=%q> is not relative", name, e.tag, attr, ref)
						continue
					}
					target = path.Join(path.Dir(name), u.Path)
				}
				if target == "" || target == "." || strings.HasSuffix(u.Path, "/") {
					target = path.Join(target, "index.html")
				}
				if strings.HasPrefix(target, "../") {
					t.Errorf("%s: <%s %s=%q> leaves the site", name, e.tag, attr, ref)
					continue
				}
				if _, ok := files[target]; !ok {
					t.Errorf("%s: <%s %s=%q> leads to %s, which the build does not make", name, e.tag, attr, ref, target)
					continue
				}
				if u.Fragment != "" {
					if td := docs[target]; td == nil || !td.ids[u.Fragment] {
						t.Errorf("%s: <%s %s=%q>: %s has no id %q", name, e.tag, attr, ref, target, u.Fragment)
					}
				}
			}
		}
	}
}

// TestRenderEntryPage checks what an entry page shows.
func TestRenderEntryPage(t *testing.T) {
	files, _, _ := renderSite(t, siteConfig, siteEntries)
	page := string(files["faq/first/index.html"])
	for _, want := range []string{
		`<p>Bring a photo ID and your insurance card.</p>`,
		`Medically reviewed by Ana Lopez, MD on <time datetime="2026-10-01">October 1, 2026</time>.`,
		`<a href="https://medlineplus.gov/talkingwithyourdoctor.html">Talking With Your Doctor</a>`,
		`Topics: <a href="../../topics/billing/">Billing</a>, <a href="../../topics/first-visit/">First visit</a>`,
		`<li><a href="../../">Home</a></li>`,
		`<li><a href="../../topics/billing/">Billing</a></li>`,
		`<li aria-current="page">What should I bring to my first visit?</li>`,
		// The body's # heading became an h2 and its ## headings h3s, with
		// ids the template does not use.
		`<h2 id="before-you-come">Before you come</h2>`,
		`<h3 id="main-1">Main</h3>`,
		`<h3 id="answer-1">Answer</h3>`,
		`<a href="../second/#costs">the costs</a>`,
		`<!-- raw HTML omitted -->`,
		`<h2 id="related">Related questions</h2>`,
		`<a class="button" href="https://clinic.example/book">Book an appointment</a>`,
		`Office hours: Monday to Friday, 8 a.m. to 5 p.m.`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("faq/first/index.html lacks %q", want)
		}
	}
	for _, bad := range []string{"<script>alert", "onclick"} {
		if strings.Contains(page, bad) {
			t.Errorf("faq/first/index.html has %q", bad)
		}
	}
	// Related: first shares a topic with every other tagged entry.
	related := page[strings.Index(page, `id="related"`):]
	if i, j := strings.Index(related, "../../faq/second/"), strings.Index(related, "../../faq/third/"); i < 0 || j < 0 || strings.Contains(related, "faq/fourth/") {
		t.Errorf("related questions wrong:\n%s", related)
	}

	// An entry without tags has the top five as related questions and no
	// topic crumb.
	fourth := string(files["faq/fourth/index.html"])
	if strings.Contains(fourth, `class="topics"`) {
		t.Error("faq/fourth/ lists topics")
	}
	if !strings.Contains(fourth, `<li><a href="../../faq/first/">What should I bring to my first visit?</a></li>`) {
		t.Error("faq/fourth/ does not list the top five as related")
	}
}

func TestRenderHomePage(t *testing.T) {
	files, _, _ := renderSite(t, siteConfig, siteEntries)
	home := string(files["index.html"])
	for _, want := range []string{
		`<h2 id="top-questions">Top questions from new patients</h2>`,
		`<h3><a href="faq/first/">What should I bring to my first visit?</a></h3>`,
		`<h3><a href="faq/second/">How much does a visit cost?</a></h3>`,
		`<h3 id="topic-billing"><a href="topics/billing/">Billing</a></h3>`,
		`<h3 id="topic-first-visit"><a href="topics/first-visit/">First visit</a></h3>`,
		`<h3 id="other-questions">Other questions</h3>`,
		`<li><a href="faq/fourth/">Can I bring my dog?</a></li>`,
		`<p class="brand"><a href="./">Test Clinic</a></p>`,
		`<link rel="stylesheet" href="style.css">`,
	} {
		if !strings.Contains(home, want) {
			t.Errorf("index.html lacks %q", want)
		}
	}
	// The top five holds the ranked entries only.
	top := home[strings.Index(home, `id="top-questions"`):strings.Index(home, `id="all-questions"`)]
	if strings.Contains(top, "faq/third/") || strings.Contains(top, "faq/fourth/") {
		t.Errorf("unranked entries in the top five:\n%s", top)
	}
	ld := jsonLD(t, home)
	if ld["@type"] != "MedicalClinic" || ld["@context"] != "https://schema.org" || ld["telephone"] != "(555) 010-0199" {
		t.Errorf("home page JSON-LD = %v", ld)
	}
}

// jsonLD returns the JSON-LD of a page, decoded.
func jsonLD(t *testing.T, page string) map[string]any {
	t.Helper()
	d, err := parseHTML(page)
	if err != nil {
		t.Fatal(err)
	}
	scripts := d.find("script", "type", "application/ld+json")
	if len(scripts) != 1 {
		t.Fatalf("%d JSON-LD scripts, want 1", len(scripts))
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(scripts[0].text.String()), &v); err != nil {
		t.Fatalf("JSON-LD does not parse: %v\n%s", err, scripts[0].text.String())
	}
	return v
}

func TestRenderJSONLD(t *testing.T) {
	files, _, entries := renderSite(t, siteConfig, siteEntries)
	for _, e := range entries {
		t.Run(e.Slug, func(t *testing.T) {
			ld := jsonLD(t, string(files["faq/"+e.Slug+"/index.html"]))
			get := func(v any, keys ...any) any {
				for _, k := range keys {
					switch k := k.(type) {
					case string:
						m, _ := v.(map[string]any)
						v = m[k]
					case int:
						s, _ := v.([]any)
						if k >= len(s) {
							return nil
						}
						v = s[k]
					}
				}
				return v
			}
			if got := fmt.Sprint(get(ld, "@type")); got != "[MedicalWebPage FAQPage]" {
				t.Errorf("@type = %s", got)
			}
			if got := get(ld, "medicalAudience"); fmt.Sprint(got) != "map[@type:Patient]" {
				t.Errorf("medicalAudience = %v", got)
			}
			if got := get(ld, "mainEntity", 0, "acceptedAnswer", "text"); got != e.Summary {
				t.Errorf("mainEntity[0].acceptedAnswer.text = %v, want %q", got, e.Summary)
			}
			if got := get(ld, "mainEntity", 0, "name"); got != e.Title {
				t.Errorf("mainEntity[0].name = %v, want %q", got, e.Title)
			}
			if got := get(ld, "url"); got != "https://clinic.example/care/faq/"+e.Slug+"/" {
				t.Errorf("url = %v", got)
			}
			if got := get(ld, "publisher", "@type"); got != "MedicalClinic" {
				t.Errorf("publisher.@type = %v", got)
			}
			if e.ReviewedBy == "" {
				if _, ok := ld["lastReviewed"]; ok {
					t.Error("lastReviewed without a review")
				}
				if _, ok := ld["reviewedBy"]; ok {
					t.Error("reviewedBy without a review")
				}
				return
			}
			if got := get(ld, "lastReviewed"); got != "2026-10-01" {
				t.Errorf("lastReviewed = %v", got)
			}
			if got := fmt.Sprint(get(ld, "reviewedBy")); got != "map[@type:Person honorificSuffix:MD jobTitle:Physician name:Ana Lopez]" {
				t.Errorf("reviewedBy = %s", got)
			}
		})
	}
}

type sitemap struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
	} `xml:"url"`
}

type feed struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string   `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Links   []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Summary string `xml:"summary"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Cats []struct {
			Term string `xml:"term,attr"`
		} `xml:"category"`
	} `xml:"entry"`
}

func TestRenderSitemap(t *testing.T) {
	files, _, _ := renderSite(t, siteConfig, siteEntries)
	var sm sitemap
	if err := xml.Unmarshal(files["sitemap.xml"], &sm); err != nil {
		t.Fatal(err)
	}
	base := "https://clinic.example/care/"
	var got []string
	for _, u := range sm.URLs {
		got = append(got, u.Loc+" "+u.LastMod)
	}
	want := []string{
		base + " 2026-10-01",
		base + "faq/first/ 2026-10-01",
		base + "faq/second/ 2026-06-01",
		base + "faq/fourth/ 2026-10-01", // no date of its own: the site's
		base + "faq/third/ 2026-10-01",
		base + "topics/billing/ 2026-10-01",
		base + "topics/first-visit/ 2026-10-01",
	}
	if !slices.Equal(got, want) {
		t.Errorf("sitemap:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !bytes.HasPrefix(files["sitemap.xml"], []byte(xml.Header)) {
		t.Error("sitemap.xml has no XML declaration")
	}
}

func TestRenderFeed(t *testing.T) {
	files, _, entries := renderSite(t, siteConfig, siteEntries)
	raw := files["feed.xml"]
	var f feed
	if err := xml.Unmarshal(raw, &f); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(raw, []byte(`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">`)) {
		t.Errorf("feed.xml does not start with the expected <feed> element:\n%s", raw)
	}
	if f.Lang != "en" {
		t.Errorf("xml:lang = %q, want en", f.Lang)
	}
	base := "https://clinic.example/care/"
	if f.ID != base || f.Updated != "2026-10-01T00:00:00Z" {
		t.Errorf("feed id %q updated %q", f.ID, f.Updated)
	}
	var links []string
	for _, l := range f.Links {
		links = append(links, l.Rel+" "+l.Href)
	}
	if want := []string{"self " + base + "feed.xml", "alternate " + base}; !slices.Equal(links, want) {
		t.Errorf("feed links %q, want %q", links, want)
	}
	var got, want []string
	for _, e := range f.Entries {
		var cats []string
		for _, c := range e.Cats {
			cats = append(cats, c.Term)
		}
		got = append(got, fmt.Sprintf("%s %s %s %q %q %v", e.ID, e.Link.Href, e.Updated, e.Title, e.Summary, cats))
	}
	dates := map[string]string{"first": "2026-10-01", "second": "2026-06-01", "third": "2026-10-01", "fourth": "2026-10-01"}
	for _, e := range entries {
		var cats []string
		for _, tag := range e.Tags {
			cats = append(cats, slug.Make(tag))
		}
		slices.Sort(cats)
		p := base + "faq/" + e.Slug + "/"
		want = append(want, fmt.Sprintf("%s %s %sT00:00:00Z %q %q %v", p, p, dates[e.Slug], e.Title, e.Summary, cats))
	}
	if !slices.Equal(got, want) {
		t.Errorf("feed entries:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestRenderWithoutDates checks the dates of a site whose entries have
// none: the epoch in the feed, which needs a date, and no made-up lastmod
// in the sitemap when there is no epoch either.
func TestRenderWithoutDates(t *testing.T) {
	for _, tc := range []struct {
		name    string
		epoch   time.Time
		stamp   string // the feed's dates
		lastmod string // the sitemap's
	}{
		{"epoch", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), "2026-01-01T00:00:00Z", "2026-01-01"},
		{"zero epoch", time.Time{}, "1970-01-01T00:00:00Z", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := renderWith(t, siteConfig, map[string]string{"a.md": siteEntries["fourth.md"]}, tc.epoch)
			var f feed
			if err := xml.Unmarshal(files["feed.xml"], &f); err != nil {
				t.Fatal(err)
			}
			if f.Updated != tc.stamp || len(f.Entries) != 1 || f.Entries[0].Updated != tc.stamp {
				t.Errorf("feed dates: %q, %+v; want %s", f.Updated, f.Entries, tc.stamp)
			}
			var sm sitemap
			if err := xml.Unmarshal(files["sitemap.xml"], &sm); err != nil {
				t.Fatal(err)
			}
			for _, u := range sm.URLs {
				if u.LastMod != tc.lastmod {
					t.Errorf("sitemap: %s lastmod %q, want %q", u.Loc, u.LastMod, tc.lastmod)
				}
			}
		})
	}
}

// TestRenderDeterministic renders the same site twice.
func TestRenderDeterministic(t *testing.T) {
	a, _, _ := renderSite(t, siteConfig, siteEntries)
	b, _, _ := renderSite(t, siteConfig, siteEntries)
	for name, data := range a {
		if !bytes.Equal(b[name], data) {
			t.Errorf("%s differs between two renders", name)
		}
	}
}

// TestRenderRootBase checks the 404 page of a site at the root of its host.
func TestRenderRootBase(t *testing.T) {
	files, _, _ := renderSite(t, strings.Replace(siteConfig, "https://clinic.example/care/", "https://clinic.example", 1), siteEntries)
	page := string(files["404.html"])
	for _, want := range []string{`<link rel="stylesheet" href="/style.css">`, `<p class="brand"><a href="/">Test Clinic</a></p>`, `<a href="/faq/first/">`} {
		if !strings.Contains(page, want) {
			t.Errorf("404.html lacks %q", want)
		}
	}
}

func TestRenderCanceled(t *testing.T) {
	cfg, err := config.Parse("faqcast.yaml", []byte(siteConfig))
	if err != nil {
		t.Fatal(err)
	}
	theme, err := site.LoadTheme(templates.FS, "templates")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = site.Render(ctx, site.Options{Config: cfg, Theme: theme})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Render with a canceled context: %v", err)
	}
}

// TestRenderEmptySite renders a site with no entries: the pages that are
// left are still whole, valid pages.
func TestRenderEmptySite(t *testing.T) {
	files := renderWith(t, siteConfig, nil, time.Time{})
	want := []string{"404.html", "feed.xml", "index.html", "robots.txt", "sitemap.xml", "style.css"}
	if got := slices.Sorted(maps.Keys(files)); !slices.Equal(got, want) {
		t.Errorf("files %q, want %q", got, want)
	}
	for _, name := range []string{"index.html", "404.html"} {
		d, err := parseHTML(string(files[name]))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if len(d.find("h1")) != 1 {
			t.Errorf("%s: not one h1", name)
		}
	}
	var f feed
	if err := xml.Unmarshal(files["feed.xml"], &f); err != nil || len(f.Entries) != 0 || f.Updated != "1970-01-01T00:00:00Z" {
		t.Errorf("feed: %+v, %v", f, err)
	}
	var sm sitemap
	if err := xml.Unmarshal(files["sitemap.xml"], &sm); err != nil || len(sm.URLs) != 1 {
		t.Errorf("sitemap: %+v, %v", sm, err)
	}
}

// TestRenderTranslations renders entries in three languages, translations
// of one another, and checks that each page links every other, itself and
// the original (x-default) the same way, in its head, its JSON-LD and the
// sitemap, and marks its own language.
func TestRenderTranslations(t *testing.T) {
	entries := maps.Clone(siteEntries)
	entries["es/first.md"] = "---\ntitle: ¿Qué traigo a mi primera visita?\nsummary: Una identificación con foto.\nslug: primera-visita\nlang: es\ntranslation_of: first\ntags: [citas]\n---\n\nCuerpo.\n"
	entries["pt/first.md"] = "---\ntitle: O que levo à primeira consulta?\nsummary: Um documento com foto.\nslug: primeira-consulta\nlang: pt-BR\ntranslation_of: primera-visita\n---\n\nCorpo.\n"
	files, _, _ := renderSite(t, siteConfig, entries)
	// Pages in another language than the site's are in its folder.
	root := "https://clinic.example/care/"
	pages := map[string]string{"faq/first/": "en", "es/faq/primera-visita/": "es", "pt-br/faq/primeira-consulta/": "pt-BR"}
	want := []string{"en " + root + "faq/first/", "es " + root + "es/faq/primera-visita/", "pt-BR " + root + "pt-br/faq/primeira-consulta/", "x-default " + root + "faq/first/"}
	base := root + "faq/"
	alt := regexp.MustCompile(`<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">`)
	ogLocale := regexp.MustCompile(`<meta property="og:locale(:alternate)?" content="([^"]+)">`)
	for url, lang := range pages {
		slug := path.Base(url)
		page := string(files[url+"index.html"])
		var got []string
		for _, m := range alt.FindAllStringSubmatch(page, -1) {
			got = append(got, m[1]+" "+m[2])
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s: alternates\n%s\nwant\n%s", slug, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if html := `<html lang="` + lang + `">`; !strings.Contains(page, html) {
			t.Errorf("%s: no %s", slug, html)
		}
		// Open Graph names the page's locale, and the other two as
		// alternates, as language_TERRITORY: the tag's own territory,
		// else the language's likely one (the site gives no country).
		var locales []string
		for _, m := range ogLocale.FindAllStringSubmatch(page, -1) {
			locales = append(locales, m[1]+" "+m[2])
		}
		og := map[string]string{"en": "en_US", "es": "es_ES", "pt-BR": "pt_BR"}
		wantLocales := []string{" " + og[lang]}
		for _, o := range []string{"en", "es", "pt-BR"} {
			if o != lang {
				wantLocales = append(wantLocales, ":alternate "+og[o])
			}
		}
		if !slices.Equal(locales, wantLocales) {
			t.Errorf("%s: og:locale tags %q, want %q", slug, locales, wantLocales)
		}
		// A switcher links the other two, each named in its language.
		others := 0
		for _, name := range []string{"English", "Español", "Português"} {
			if strings.Contains(page, ">"+name+"</a>") {
				others++
			}
		}
		if others != 2 || !strings.Contains(page, `<nav class="languages" aria-label="`) {
			t.Errorf("%s: switcher with %d other languages, want 2", slug, others)
		}
		ld := jsonLD(t, page)
		if ld["inLanguage"] != lang {
			t.Errorf("%s: inLanguage %v, want %s", slug, ld["inLanguage"], lang)
		}
		if slug == "first" {
			if tr, _ := ld["workTranslation"].([]any); len(tr) != 2 {
				t.Errorf("first: workTranslation %v, want the two translations", ld["workTranslation"])
			}
		} else if of, _ := ld["translationOfWork"].(map[string]any); of["url"] != base+"first/" {
			t.Errorf("%s: translationOfWork %v, want the English page", slug, ld["translationOfWork"])
		}
	}
	// An entry without translations has no alternates.
	if page := string(files["faq/second/index.html"]); alt.MatchString(page) {
		t.Error("second: alternates on a page without translations")
	} else if got := ogLocale.FindAllString(page, -1); !slices.Equal(got, []string{`<meta property="og:locale" content="en_US">`}) {
		t.Errorf("second: og:locale tags %q, want the site's language alone", got)
	}
	sm := string(files["sitemap.xml"])
	for _, s := range []string{
		`xmlns:xhtml="http://www.w3.org/1999/xhtml"`,
		`<loc>` + root + `es/faq/primera-visita/</loc>`,
		`<xhtml:link rel="alternate" hreflang="pt-BR" href="` + root + `pt-br/faq/primeira-consulta/"></xhtml:link>`,
		`<xhtml:link rel="alternate" hreflang="x-default" href="` + base + `first/"></xhtml:link>`,
	} {
		if !strings.Contains(sm, s) {
			t.Errorf("sitemap.xml has no %s", s)
		}
	}
	if n := strings.Count(sm, `hreflang="x-default"`); n != 6 {
		t.Errorf("sitemap.xml has %d x-default alternates, want 6 (one per translated page and per home page)", n)
	}

	// Each language has its home page and its topics, in its words, which
	// list its own entries only; the home pages are alternates of one
	// another.
	homes := map[string]string{"": "en", "es/": "es", "pt-br/": "pt-BR"}
	for dir, lang := range homes {
		page := string(files[dir+"index.html"])
		if !strings.Contains(page, `<html lang="`+lang+`">`) {
			t.Errorf("%sindex.html: not in %s", dir, lang)
		}
		var got []string
		for _, m := range alt.FindAllStringSubmatch(page, -1) {
			got = append(got, m[1]+" "+m[2])
		}
		slices.Sort(got)
		want := []string{"en " + root, "es " + root + "es/", "pt-BR " + root + "pt-br/", "x-default " + root}
		if !slices.Equal(got, want) {
			t.Errorf("%sindex.html: alternates\n%s\nwant\n%s", dir, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		for other := range homes {
			if other != dir && strings.Contains(page, `href="`+rootFrom(dir)+other+`faq/`) {
				t.Errorf("%sindex.html lists an entry of %s", dir, homes[other])
			}
		}
	}
	es := string(files["es/index.html"])
	for _, s := range []string{"Todas las preguntas por tema", `<a href="../es/faq/primera-visita/">`, "Ir al contenido principal", ">English</a>"} {
		if !strings.Contains(es, s) {
			t.Errorf("es/index.html has no %s", s)
		}
	}
	if strings.Contains(string(files["index.html"]), "primera-visita") {
		t.Error("the English home page lists a Spanish entry")
	}
	// No word of faqcast's own English on a Spanish page.
	for name, data := range files {
		if !strings.HasPrefix(name, "es/") || !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, english := range []string{"Skip to main content", "The short answer", "Breadcrumb", "Related questions", ">Sources<",
			"Book an appointment", "In an emergency", "Office hours", "Phone:", "not medical advice", "Topics:", "Home<", "This page in other languages"} {
			if strings.Contains(string(data), english) {
				t.Errorf("%s has the English %q", name, english)
			}
		}
	}
	topic := string(files["es/topics/citas/index.html"])
	for _, s := range []string{`<html lang="es">`, "Una pregunta respondida por nuestro equipo de atención.", `<a href="../../../es/">Inicio</a>`, `<nav class="crumbs" aria-label="Ruta de navegación">`} {
		if !strings.Contains(topic, s) {
			t.Errorf("es/topics/citas/index.html has no %s", s)
		}
	}
}

// rootFrom returns the relative path from a page in dir to the site root.
func rootFrom(dir string) string { return strings.Repeat("../", strings.Count(dir, "/")) }
