package site_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/post"
	"github.com/faqcast/faqcast/generator/schedule"
	"github.com/faqcast/faqcast/generator/site"
	"github.com/faqcast/faqcast/templates"
)

// chicago is the test schedule's time zone.
var chicago = mustZone("America/Chicago")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// scheduled is a post of the test queue: entry, platform and local time.
type scheduled struct {
	slug, platform string
	at             time.Time
}

// workspaceSite renders a site of entries a, b and c, with a schedule
// config of extra (YAML added to it) and a queue of posts, as of now.
func workspaceSite(t *testing.T, extra string, posts []scheduled, now time.Time) map[string]string {
	t.Helper()
	cfg, err := config.Parse("faqcast.yaml", []byte(siteConfig+
		"platforms: {x: {enabled: true}}\n"+
		"schedule:\n  timezone: America/Chicago\n  start: 2026-11-30\n  weeks: 20\n  slots: {x: [\"mon 09:00\"]}\n"+extra))
	if err != nil {
		t.Fatal(err)
	}
	theme, err := site.LoadTheme(templates.FS, "templates")
	if err != nil {
		t.Fatal(err)
	}
	o := site.Options{Config: cfg, Theme: theme, Posts: map[string][]post.Variant{}, Now: now,
		Queue: &schedule.Queue{Version: 1, Timezone: "America/Chicago"}}
	words := defaultCatalog(t, o)
	c := &post.Composer{Config: cfg, Catalog: words, Execute: func(name string, d *post.Data) (string, error) { return theme.ExecutePost(name, d) }}
	for _, slug := range []string{"a", "b", "c"} {
		e, err := entry.Parse("content/"+slug+".md", slug+".md", fmt.Appendf(nil, "---\ntitle: Question %s?\nsummary: Answer %s.\n---\n\nBody.\n", slug, slug))
		if err != nil {
			t.Fatal(err)
		}
		page := cfg.BaseURL + cfg.EntryURL(e.Slug)
		vs, err := c.Compose(e, page, []post.Media{{Src: page + site.SquareName, Alt: site.CardAlt(words.Locale("en"), e.Title)}})
		if err != nil {
			t.Fatal(err)
		}
		o.Entries, o.Bodies, o.Posts[slug] = append(o.Entries, e), append(o.Bodies, "<p>Body.</p>"), vs
	}
	slices.SortFunc(posts, func(a, b scheduled) int { return a.at.Compare(b.at) })
	for _, p := range posts {
		var v *post.Variant
		for i, pv := range o.Posts[p.slug] {
			if pv.Platform == p.platform {
				v = &o.Posts[p.slug][i]
			}
		}
		if v == nil {
			t.Fatalf("no %s post of %s", p.platform, p.slug)
		}
		it := schedule.Item{ID: p.slug + "-" + p.platform + "-" + p.at.Format("0102"), Entry: p.slug, Platform: p.platform,
			Question: "Question " + p.slug + "?", PublishAt: p.at, PublishAtUTC: p.at.UTC(), Text: v.Text, Link: v.Link}
		for _, m := range v.Media {
			it.Media = append(it.Media, schedule.Media{Src: m.Src, Alt: m.Alt})
		}
		o.Queue.Items = append(o.Queue.Items, it)
	}
	o.Exports = []site.Export{{URL: "social/publish/buffer-x.csv", Name: "buffer-x.csv", Tool: "Buffer", Platform: "X", Rows: len(posts), Images: true, Note: "Upload it."}}
	out, err := site.Render(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	again, err := site.Render(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for i, f := range out {
		files[f.Path] = string(f.Data)
		if string(again[i].Data) != string(f.Data) {
			t.Errorf("%s differs between two renders", f.Path)
		}
	}
	return files
}

// TestWorkspace checks the staff workspace: the weeks from the reference
// time's on, each post on its day at its local time with its text to
// copy and its image to download, this week's list, and the link page.
func TestWorkspace(t *testing.T) {
	at := func(d, h, m int) time.Time { return time.Date(2026, 12, d, h, m, 0, 0, chicago) }
	files := workspaceSite(t, "", []scheduled{
		{"a", "x", time.Date(2026, 11, 30, 9, 0, 0, 0, chicago)}, // a week gone by
		{"a", "facebook", at(8, 9, 0)},
		{"b", "x", at(13, 21, 30)}, // Sunday night: still this week
		{"c", "facebook", at(21, 9, 0)},
	}, at(9, 12, 0))

	var pages []string
	for path := range files {
		if strings.HasPrefix(path, "social/") && !strings.HasPrefix(path, "social/questions/") {
			pages = append(pages, path)
		}
	}
	slices.Sort(pages)
	want := []string{"social/index.html", "social/this-week/index.html", "social/week/2026-12-07/index.html",
		"social/week/2026-12-14/index.html", "social/week/2026-12-21/index.html"}
	if !slices.Equal(pages, want) {
		t.Fatalf("workspace pages\n%q\nwant\n%q", pages, want)
	}

	for _, tc := range []struct {
		path      string
		want, not []string
	}{
		{"social/index.html", []string{
			`<meta name="robots" content="noindex">`,
			`<h1>Publishing workspace</h1>`,
			`at their times in America/Chicago`,
			`<h3><a href="../social/week/2026-12-07/">Week of Monday, December 7, 2026</a> (this week)</h3>`,
			`<a class="chip" href="../social/week/2026-12-07/#post-b-x-1213"><span class="time">21:30</span> X<span class="q">Question b?</span></a>`,
			`<a class="chip" href="../social/week/2026-12-21/#post-c-facebook-1221">`,
			`<a href="../social/publish/buffer-x.csv" download>buffer-x.csv</a>`,
			`<a class="button" href="../social/this-week/">`,
			`<a class="button" href="../social/questions/">`,
			`<h2>This week&#39;s posts</h2>`,
			`<h3 id="day-tue">Tuesday, December 8</h3>`,
			`<h4 id="title-a-facebook-1208"><span class="time">09:00</span> Facebook</h4>`,
			`<img src="../faq/a/square.png"`,
		}, []string{"2026-11-30", "#post-a-x-1130", `id="post-c-facebook-1221"`}},
		{"social/week/2026-12-07/index.html", []string{
			`<h1>Week of Monday, December 7, 2026</h1>`,
			`<h2 id="day-tue">Tuesday, December 8</h2>`,
			`<h2 id="day-sun">Sunday, December 13</h2>`,
			`<article class="slot" id="post-a-facebook-1208" aria-labelledby="title-a-facebook-1208">`,
			`<h3 id="title-a-facebook-1208"><span class="time">09:00</span> Facebook</h3>`,
			`<img src="../../../faq/a/square.png" alt="The question “Question a?” in large type" width="1080" height="1080" loading="lazy">`,
			`<a href="../../../faq/a/square.png" download="a-square.png">Download the image</a>`,
			`<textarea id="text-a-facebook-1208" readonly rows="`,
			`>Question a?` + "\n\nAnswer a.",
			`<a href="../../../social/week/2026-12-14/" rel="next">Next: Week of Monday, December 14, 2026</a>`,
		}, []string{`rel="prev"`, `id="day-mon"`, "Question c?"}},
		{"social/week/2026-12-14/index.html", []string{
			`rel="prev">Previous: Week of Monday, December 7, 2026</a>`,
			`rel="next">Next: Week of Monday, December 21, 2026</a>`,
		}, []string{`<article`}},
		{"social/this-week/index.html", []string{
			`<caption>Posts of the week of Monday, December 7, 2026</caption>`,
			`<td>Tue Dec 8</td><td>09:00</td><td>Facebook</td><td><a href="../../social/week/2026-12-07/#post-a-facebook-1208">Question a?</a></td>`,
			`<td>Sun Dec 13</td><td>21:30</td><td>X</td>`,
		}, []string{"Question c?", "Nothing is scheduled"}},
		{"links/index.html", []string{
			`<link rel="canonical" href="https://clinic.example/care/links/">`,
			`<a href="../faq/b/?utm_campaign=b&amp;utm_medium=bio&amp;utm_source=instagram"><img src="../faq/b/square.png" alt="" width="1080" height="1080" loading="lazy"><span>Question b?</span></a>`,
		}, []string{"Question c?", "noindex"}},
	} {
		page := files[tc.path]
		if _, err := parseHTML(page); err != nil {
			t.Errorf("%s: %v", tc.path, err)
		}
		for _, w := range tc.want {
			if !strings.Contains(page, w) {
				t.Errorf("%s lacks %s", tc.path, w)
			}
		}
		for _, n := range tc.not {
			if strings.Contains(page, n) {
				t.Errorf("%s has %s", tc.path, n)
			}
		}
	}
	// Newest first: b went out on Sunday, a on Tuesday.
	links := files["links/index.html"]
	if b, a := strings.Index(links, "Question b?"), strings.Index(links, "Question a?"); b < 0 || a < 0 || b > a {
		t.Errorf("the link page lists b at %d and a at %d, want b first", b, a)
	}
	if !strings.Contains(files["sitemap.xml"], "<loc>https://clinic.example/care/links/</loc>") {
		t.Error("the sitemap does not list the link page")
	}
	if !strings.Contains(files["robots.txt"], "\nDisallow: /care/social/\n") {
		t.Errorf("robots.txt does not keep crawlers out of the workspace:\n%s", files["robots.txt"])
	}
}

// TestWorkspaceClocksChange checks the week in which clocks go forward:
// posts keep their local times and days, and the week ends at Sunday's
// midnight.
func TestWorkspaceClocksChange(t *testing.T) {
	files := workspaceSite(t, "", []scheduled{
		{"a", "x", time.Date(2027, 3, 14, 10, 0, 0, 0, chicago)}, // the Sunday clocks go forward
		{"b", "x", time.Date(2027, 3, 15, 0, 0, 0, 0, chicago)},  // the next Monday's midnight
	}, time.Date(2027, 3, 8, 6, 0, 0, 0, chicago))
	week := files["social/week/2027-03-08/index.html"]
	for _, w := range []string{`<h2 id="day-sun">Sunday, March 14</h2>`, `<span class="time">10:00</span> X`} {
		if !strings.Contains(week, w) {
			t.Errorf("the week of March 8 lacks %s", w)
		}
	}
	if strings.Contains(week, "Question b?") {
		t.Error("the week of March 8 shows the next Monday's post")
	}
	if !strings.Contains(files["social/week/2027-03-15/index.html"], `<h2 id="day-mon">Monday, March 15</h2>`) {
		t.Error("the week of March 15 does not start with its Monday's post")
	}
}

// TestWorkspaceAfterSchedule checks a build after the last scheduled
// week: no week, and this week's list says so; and a site without a link
// page.
func TestWorkspaceAfterSchedule(t *testing.T) {
	files := workspaceSite(t, "paths: {links: \"\"}\n", []scheduled{
		{"a", "x", time.Date(2026, 12, 7, 9, 0, 0, 0, chicago)},
	}, time.Date(2027, 1, 20, 9, 0, 0, 0, chicago))
	if !strings.Contains(files["social/index.html"], "No posts are scheduled from this week on.") {
		t.Error("the calendar does not say that nothing is scheduled")
	}
	if !strings.Contains(files["social/this-week/index.html"], "Nothing is scheduled this week.") {
		t.Error("this week's list does not say that nothing is scheduled")
	}
	for path := range files {
		if strings.HasPrefix(path, "social/week/") || strings.HasPrefix(path, "links/") {
			t.Errorf("made %s", path)
		}
	}
	if strings.Contains(files["sitemap.xml"], "links") {
		t.Error("the sitemap lists a link page the site does not have")
	}
}

// TestLinkPageWithoutSchedule checks that a site with no schedule lists
// its entries on its link page in site order, MaxLinks at most.
func TestLinkPageWithoutSchedule(t *testing.T) {
	cfg, theme, c := withPosts(t)
	o := site.Options{Config: cfg, Theme: theme, Posts: map[string][]post.Variant{}}
	for i := range site.MaxLinks + 5 {
		slug := fmt.Sprintf("q%02d", i)
		e, err := entry.Parse("content/"+slug+".md", slug+".md", fmt.Appendf(nil, "---\ntitle: Question %s?\nsummary: Answer.\n---\n", slug))
		if err != nil {
			t.Fatal(err)
		}
		vs, err := c.Compose(e, cfg.BaseURL+cfg.EntryURL(e.Slug), nil)
		if err != nil {
			t.Fatal(err)
		}
		o.Entries, o.Bodies, o.Posts[slug] = append(o.Entries, e), append(o.Bodies, ""), vs
	}
	out, err := site.Render(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range out {
		if f.Path != "links/index.html" {
			continue
		}
		page := string(f.Data)
		if n := strings.Count(page, `<li><a href="../faq/q`); n != site.MaxLinks {
			t.Errorf("the link page lists %d entries, want %d", n, site.MaxLinks)
		}
		if a, b := strings.Index(page, "Question q00?"), strings.Index(page, "Question q01?"); a < 0 || b < 0 || a > b {
			t.Errorf("the link page lists q00 at %d and q01 at %d, want both in site order", a, b)
		}
		if strings.Contains(page, fmt.Sprintf("Question q%02d?", site.MaxLinks)) {
			t.Error("the link page lists more than MaxLinks entries")
		}
		return
	}
	t.Error("no link page")
}
