package site_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/post"
	"github.com/faqcast/faqcast/generator/site"
	"github.com/faqcast/faqcast/templates"
)

// TestRenderPreview renders the post preview page with every platform's
// posts and checks that it is valid, unindexed and complete.
func TestRenderPreview(t *testing.T) {
	cfg, err := config.Parse("faqcast.yaml", []byte(siteConfig))
	if err != nil {
		t.Fatal(err)
	}
	theme, err := site.LoadTheme(templates.FS, "templates")
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("Flu shots help keep you well. ", 20)
	e, err := entry.Parse("content/flu.md", "flu.md", []byte("---\ntitle: Do you offer flu shots?\nsummary: Yes, every fall.\n"+
		"hashtags: [FluShot]\nposts:\n  facebook: \""+long+"{link}\"\n---\n\nBody.\n"))
	if err != nil {
		t.Fatal(err)
	}
	c := &post.Composer{Config: cfg, Catalog: defaultCatalog(t, site.Options{Config: cfg}), Execute: func(name string, d *post.Data) (string, error) { return theme.ExecutePost(name, d) }}
	variants, err := c.Compose(e, cfg.BaseURL+cfg.EntryURL(e.Slug), nil)
	if err != nil {
		t.Fatal(err)
	}
	out, err := site.Render(context.Background(), site.Options{
		Config:  cfg,
		Entries: []*entry.Entry{e},
		Bodies:  []string{"<p>Body.</p>"},
		Posts:   map[string][]post.Variant{e.Slug: variants},
		Theme:   theme,
	})
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range out {
		files[f.Path] = string(f.Data)
	}
	page, ok := files["social/questions/index.html"]
	if !ok {
		t.Fatal("no social/questions/index.html")
	}
	doc, err := parseHTML(page)
	if err != nil {
		t.Fatalf("social/questions/index.html: %v", err)
	}
	ids := map[string]bool{}
	for _, el := range doc.find("*") {
		if id, ok := el.attr("id"); ok {
			if ids[id] {
				t.Errorf("id %q used twice", id)
			}
			ids[id] = true
		}
	}
	for _, want := range []string{
		`<meta name="robots" content="noindex">`,
		`<h1>Posts by question</h1>`,
		`<h2 id="post-flu"><a href="../../faq/flu/">Do you offer flu shots?</a></h2>`,
		`<h3 id="card-flu-x">X</h3>`,
		`<h3 id="card-flu-gbp">Google Business Profile</h3>`,
		`weighted characters</p>`,
		`<p class="counter over">`, // Facebook's own text is over 400
		`<span class="fold" lang="en"> … See more</span>`,
		`<summary>Text after the fold</summary>`,
		`Warning: Instagram posts need an image: add image: to the entry`,
		`· the writer&#39;s own text`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("preview lacks %s", want)
		}
	}
	if strings.Contains(page, `rel="canonical"`) {
		t.Error("the preview has a canonical link")
	}
	if !strings.Contains(files["robots.txt"], "\nDisallow: /care/social/\n") {
		t.Errorf("robots.txt does not keep crawlers out of the preview:\n%s", files["robots.txt"])
	}
	if strings.Contains(files["sitemap.xml"], "social") {
		t.Error("the sitemap lists the preview")
	}
	if strings.Contains(files["index.html"], "social/") {
		t.Error("the home page links to the preview")
	}
}

// TestRenderPreviewPages checks that the preview is split into pages of
// PreviewPageSize entries that link to each other.
func TestRenderPreviewPages(t *testing.T) {
	cfg, theme, c := withPosts(t)
	var entries []*entry.Entry
	posts := map[string][]post.Variant{}
	var bodies []string
	for i := range site.PreviewPageSize + 2 {
		e, err := entry.Parse("content/q.md", "q.md", fmt.Appendf(nil, "---\ntitle: Question %d?\nsummary: Answer.\nslug: q%d\nrank: %d\n---\n", i, i, i+1))
		if err != nil {
			t.Fatal(err)
		}
		entries = append(entries, e)
		bodies = append(bodies, "")
		if posts[e.Slug], err = c.Compose(e, cfg.BaseURL+cfg.EntryURL(e.Slug), nil); err != nil {
			t.Fatal(err)
		}
	}
	out, err := site.Render(context.Background(), site.Options{Config: cfg, Entries: entries, Bodies: bodies, Posts: posts, Theme: theme})
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range out {
		files[f.Path] = string(f.Data)
	}
	first, second := files["social/questions/index.html"], files["social/questions/page/2/index.html"]
	if first == "" || second == "" || files["social/questions/page/3/index.html"] != "" {
		t.Fatalf("preview pages: %v %v", first != "", second != "")
	}
	for _, tc := range []struct {
		page string
		want []string
		not  []string
	}{
		{first, []string{
			"<title>Posts by question, page 1 of 2 | Test Clinic</title>",
			`id="post-q0"`, `id="post-q24"`,
			`<a href="../../social/questions/page/2/" rel="next">Next page</a>`, `<a href="../../social/questions/page/2/">Last page</a>`,
		}, []string{`id="post-q25"`, "Previous page"}},
		{second, []string{
			"<title>Posts by question, page 2 of 2 | Test Clinic</title>",
			`id="post-q25"`, `id="post-q26"`,
			`<a href="../../../../social/questions/" rel="prev">Previous page</a>`, `<a href="../../../../faq/q25/">Question 25?</a>`,
		}, []string{`id="post-q24"`, "Next page"}},
	} {
		for _, want := range tc.want {
			if !strings.Contains(tc.page, want) {
				t.Errorf("page lacks %s", want)
			}
		}
		for _, not := range tc.not {
			if strings.Contains(tc.page, not) {
				t.Errorf("page has %s", not)
			}
		}
	}
}

// withPosts returns the test site's config with X posts on, the default
// theme and a Composer of posts.
func withPosts(t *testing.T) (*config.Config, *site.Theme, *post.Composer) {
	t.Helper()
	cfg, err := config.Parse("faqcast.yaml", []byte(siteConfig+"platforms: {x: {enabled: true}}\n"))
	if err != nil {
		t.Fatal(err)
	}
	theme, err := site.LoadTheme(templates.FS, "templates")
	if err != nil {
		t.Fatal(err)
	}
	return cfg, theme, &post.Composer{Config: cfg, Catalog: defaultCatalog(t, site.Options{Config: cfg}),
		Execute: func(name string, d *post.Data) (string, error) { return theme.ExecutePost(name, d) }}
}

// TestMakeConcurrently makes every file of a plan from several goroutines
// at once, as a build's writer and page checks may: each must come out as
// Render renders it, and making a page must change nothing the others
// share (run with -race).
func TestMakeConcurrently(t *testing.T) {
	cfg, theme, c := withPosts(t)
	o := site.Options{Config: cfg, Theme: theme, Posts: map[string][]post.Variant{}}
	for i := range site.PreviewPageSize + 3 {
		e, err := entry.Parse(fmt.Sprintf("content/q%d.md", i), fmt.Sprintf("q%d.md", i),
			[]byte(fmt.Sprintf("---\ntitle: Question %d?\nsummary: Answer %d.\ntags: [t%d]\n---\n\nBody %d.\n", i, i, i%3, i)))
		if err != nil {
			t.Fatal(err)
		}
		vs, err := c.Compose(e, cfg.BaseURL+cfg.EntryURL(e.Slug), nil)
		if err != nil {
			t.Fatal(err)
		}
		o.Entries, o.Bodies, o.Posts[e.Slug] = append(o.Entries, e), append(o.Bodies, fmt.Sprintf("<p>Body %d.</p>", i)), vs
		o.Readability = append(o.Readability, fmt.Sprintf("grade %d", i))
	}
	want, err := site.Render(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	related, err := site.Relate(context.Background(), cfg.Language, o.Entries)
	if err != nil {
		t.Fatal(err)
	}
	// As a build makes it: the model without answers, which the pages are
	// given.
	p := site.NewPlan(site.New(cfg, defaultCatalog(t, o), o.Entries, nil, nil, related, time.Time{}), theme, publishing(o))
	a := &site.Answers{Entries: o.Entries, Body: site.BodiesOf(o.Bodies), Readability: o.Readability}
	if len(p.Docs) != len(want) {
		t.Fatalf("%d docs, %d files rendered", len(p.Docs), len(want))
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for i, d := range p.Docs {
				got, err := p.Make(i, a)
				if d.Path != want[i].Path || err != nil || string(got) != string(want[i].Data) {
					t.Errorf("%s made: %v, or other bytes than rendered", d.Path, err)
				}
			}
		})
	}
	wg.Wait()
}
