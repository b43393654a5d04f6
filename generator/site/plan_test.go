package site_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/locale"
	"github.com/faqcast/faqcast/generator/output"
	"github.com/faqcast/faqcast/generator/post"
	"github.com/faqcast/faqcast/generator/schedule"
	"github.com/faqcast/faqcast/generator/site"
	"github.com/faqcast/faqcast/templates"
)

// plan returns the plan of o's site as a build makes it: the model
// without answers.
func plan(t *testing.T, o site.Options) *site.Plan {
	t.Helper()
	related, err := site.Relate(context.Background(), o.Config.Language, o.Entries)
	if err != nil {
		t.Fatal(err)
	}
	return site.NewPlan(site.New(o.Config, defaultCatalog(t, o), o.Entries, nil, o.Figures, related, o.Epoch), o.Theme, publishing(o))
}

// defaultCatalog returns faqcast's own messages in the languages of o's
// site and entries.
func defaultCatalog(t testing.TB, o site.Options) *locale.Catalog {
	t.Helper()
	cat, err := locale.Load(locale.Sources{Default: templates.FS}, site.Uses(o.Config, o.Entries))
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// version returns the version of doc i of p as a build makes it: its
// Shows, and what it shows of the answers o holds.
func version(p *site.Plan, i int, o site.Options) string {
	d := p.Docs[i]
	v := d.Shows
	if d.Entry >= 0 {
		v += "\x00" + o.Bodies[d.Entry]
	}
	for _, j := range d.Previews {
		v += "\x00" + o.Readability[j]
	}
	return v
}

// TestPlanAnswers changes answers of a site with three preview pages at
// random, one or two at a time, keeping the plan as a build does while
// the front matter is the same, and checks that a folder where only the
// files whose versions changed are made again holds what Render gives:
// only the pages of the changed answers and the preview pages that show
// them.
func TestPlanAnswers(t *testing.T) {
	cfg, theme, c := withPosts(t)
	ps := site.PreviewPageSize
	n := 2*ps + 10
	front := func(i int) string {
		return fmt.Sprintf("---\ntitle: Question %d?\nsummary: Answer %d.\nslug: q%d\ntags: [t%d]\n---\n", i, i, i, i%4)
	}
	o := site.Options{Config: cfg, Theme: theme, Posts: map[string][]post.Variant{}}
	// set gives entry i the body text, as a new value with the same front
	// matter, as a writer's save of the answer does.
	set := func(i int, text string) {
		e, err := entry.Parse(fmt.Sprintf("content/q%d.md", i), fmt.Sprintf("q%d.md", i), []byte(front(i)+text))
		if err != nil {
			t.Fatal(err)
		}
		if i < len(o.Entries) {
			o.Entries[i] = e
		} else {
			o.Entries = append(o.Entries, e)
			o.Bodies, o.Readability = append(o.Bodies, ""), append(o.Readability, "")
			vs, err := c.Compose(e, cfg.BaseURL+cfg.EntryURL(e.Slug), nil)
			if err != nil {
				t.Fatal(err)
			}
			o.Posts[e.Slug] = vs
		}
		o.Bodies[i] = "<p>" + text + "</p>"
		o.Readability[i] = fmt.Sprintf("grade %d", len(text)%9)
	}
	for i := range n {
		set(i, fmt.Sprintf("Answer %d.", i))
	}
	p := plan(t, o)
	var out written
	if made := out.write(t, p, o); made != len(p.Docs) {
		t.Errorf("%d of %d files made at first", made, len(p.Docs))
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for step := range 30 {
		changed := 1 + rng.IntN(2)
		for range changed {
			i := rng.IntN(n)
			if rng.IntN(2) == 0 { // the first and last of a preview page
				i = []int{0, ps - 1, ps, 2*ps - 1, 2 * ps, n - 1}[rng.IntN(6)]
			}
			text := fmt.Sprintf("Answer %d, edited at step %d%s.", i, step, " and more"[:rng.IntN(9)])
			if rng.IntN(3) > 0 {
				set(i, text)
				continue
			}
			// The same entry with another answer, as when a link in it
			// resolves to another page.
			o.Bodies[i], o.Readability[i] = "<p>"+text+"</p>", fmt.Sprintf("grade %d", len(text)%9)
		}
		made := out.write(t, p, o)
		// The changed entries' pages and their preview pages, at most two
		// of each.
		if made == 0 || made > 2*changed {
			t.Errorf("step %d: %d files made for %d changed answers", step, made, changed)
		}
		want, err := site.Render(context.Background(), o)
		if err != nil {
			t.Fatal(err)
		}
		out.compare(t, fmt.Sprintf("step %d", step), want)
	}
}

// written is a folder as a build leaves it: it holds each file's bytes and
// the version it made them of, and makes a file again only when its
// version changed.
type written struct {
	bytes, versions map[string]string // by path
}

// write makes the files of p whose versions changed, removes those not
// among them, and returns how many it made.
func (w *written) write(t *testing.T, p *site.Plan, o site.Options) (made int) {
	t.Helper()
	a := &site.Answers{Entries: o.Entries, Body: site.BodiesOf(o.Bodies), Readability: o.Readability}
	bytes, versions := map[string]string{}, map[string]string{}
	for i, d := range p.Docs {
		v := version(p, i, o)
		if old, ok := w.bytes[d.Path]; ok && w.versions[d.Path] == v {
			bytes[d.Path] = old
		} else {
			data, err := p.Make(i, a)
			if err != nil {
				t.Fatal(err)
			}
			bytes[d.Path] = string(data)
			made++
		}
		versions[d.Path] = v
	}
	w.bytes, w.versions = bytes, versions
	return made
}

// compare reports how the folder differs from the files Render gives.
func (w *written) compare(t *testing.T, what string, want []output.File) {
	t.Helper()
	if len(w.bytes) != len(want) {
		t.Fatalf("%s: %d files written, %d rendered", what, len(w.bytes), len(want))
	}
	for _, f := range want {
		got, ok := w.bytes[f.Path]
		if !ok {
			t.Fatalf("%s: no %s written", what, f.Path)
		}
		if got != string(f.Data) {
			t.Fatalf("%s: %s differs from Render's:\n%s", what, f.Path, lineDiff(got, string(f.Data)))
		}
	}
}

// lineDiff returns the first line where got and want differ.
func lineDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			return fmt.Sprintf("line %d\n got: %s\nwant: %s", i+1, g[i], w[i])
		}
	}
	return fmt.Sprintf("%d lines, want %d", len(g), len(w))
}

// TestPlanFrontMatter edits the front matter of a site's entries at
// random (titles, summaries, tags, ranks) and adds and removes entries,
// and checks that a folder where only the files whose versions changed
// are made again holds what Render gives: no page that shows an edited
// field keeps its version. A summary's edit must make only the pages that
// show it.
func TestPlanFrontMatter(t *testing.T) {
	cfg, theme, c := withPosts(t)
	type fields struct {
		title, summary, body string
		tags                 []string
		rank                 int
	}
	// Spellings of one tag: the topic takes the name most entries use.
	tagNames := []string{"Eye care", "Eye Care", "eye care", "Vaccines", "Billing", "Forms"}
	var state []fields
	o := site.Options{Config: cfg, Theme: theme}
	// load makes o's entries, bodies and posts from state, reusing the
	// entries whose files are the same, as a Loader does.
	old := map[string]*entry.Entry{}
	load := func() {
		o.Entries = nil
		o.Bodies, o.Readability = nil, nil
		o.Posts = map[string][]post.Variant{}
		next := map[string]*entry.Entry{}
		for i, f := range state {
			src := fmt.Sprintf("---\ntitle: %q\nsummary: %q\nslug: q%d\ntags: [%s]\nrank: %d\n---\n%s\n",
				f.title, f.summary, i, strings.Join(f.tags, ", "), f.rank, f.body)
			e := old[src]
			if e == nil {
				var err error
				e, err = entry.Parse(fmt.Sprintf("content/q%d.md", i), fmt.Sprintf("q%d.md", i), []byte(src))
				if err != nil {
					t.Fatal(err)
				}
			}
			next[src] = e
			o.Entries = append(o.Entries, e)
			o.Bodies = append(o.Bodies, "<p>"+f.body+"</p>")
			vs, err := c.Compose(e, cfg.BaseURL+cfg.EntryURL(e.Slug), nil)
			if err != nil {
				t.Fatal(err)
			}
			o.Posts[e.Slug] = vs
			o.Readability = append(o.Readability, fmt.Sprintf("grade %d", len(f.body)%9))
		}
		old = next
		// A queue of each entry's X post, two weeks of a post a day from
		// the reference time's week, for the workspace and the link page.
		o.Queue = &schedule.Queue{Version: 1, Timezone: "America/Chicago"}
		o.Now = time.Date(2026, 12, 9, 12, 0, 0, 0, chicago)
		for i, e := range o.Entries {
			for _, v := range o.Posts[e.Slug] {
				if v.Platform != "x" || i >= 14 {
					continue
				}
				at := time.Date(2026, 12, 7+i, 9, 0, 0, 0, chicago)
				o.Queue.Items = append(o.Queue.Items, schedule.Item{ID: e.Slug, Entry: e.Slug, Platform: v.Platform, Question: e.Title,
					PublishAt: at, PublishAtUTC: at.UTC(), Text: v.Text, Link: v.Link})
			}
		}
	}
	rng := rand.New(rand.NewPCG(5, 6))
	pick := func() []string {
		var tags []string
		for _, tag := range tagNames {
			if rng.IntN(4) == 0 {
				tags = append(tags, tag)
			}
		}
		return tags
	}
	for i := range site.PreviewPageSize + 10 {
		state = append(state, fields{fmt.Sprintf("Question %d?", i), fmt.Sprintf("Summary %d.", i), fmt.Sprintf("Answer %d.", i), pick(), 0})
	}
	state[3].rank = 1
	var out written
	render := func(what string) int {
		load()
		made := out.write(t, plan(t, o), o)
		want, err := site.Render(context.Background(), o)
		if err != nil {
			t.Fatal(err)
		}
		out.compare(t, what, want)
		return made
	}
	render("first render")
	for step := range 60 {
		i := rng.IntN(len(state))
		f := &state[i]
		var what string
		switch rng.IntN(8) {
		case 0:
			f.title = fmt.Sprintf("Question %d, asked again at step %d?", i, step)
			what = "title"
		case 1, 2:
			f.summary = fmt.Sprintf("Summary %d, edited at step %d.", i, step)
			what = "summary"
		case 3:
			f.tags = pick()
			what = "tags"
		case 4:
			f.rank = rng.IntN(7)
			what = "rank"
		case 5:
			state = append(state, fields{fmt.Sprintf("Question %d?", len(state)), "A new one.", "New.", pick(), 0})
			what = "a new entry"
		case 6:
			state = state[:len(state)-1]
			what = "an entry removed"
		case 7:
			// In time, this spelling gets the most entries and renames
			// the topic.
			f.tags = []string{"Eye Care"}
			what = "tags"
		}
		what = fmt.Sprintf("step %d (%s of q%d)", step, what, i)
		made := render(what)
		if strings.Contains(what, "summary") {
			// The entry's page, its topics' pages, the home page when it is
			// one of the top five, its preview page (its posts show the
			// summary), the sitemap and the feed; and when the entry has
			// a post in the queue, the workspace's calendar, the post's
			// week and this week's list.
			limit := 5 + len(f.tags)
			if i < 14 {
				limit += 3
			}
			if made > limit {
				t.Errorf("%s: %d files made, want at most %d", what, made, limit)
			}
		}
	}
}

// publishing returns what o holds for the workspace, or nil without posts.
func publishing(o site.Options) *site.Publishing {
	if o.Posts == nil {
		return nil
	}
	return &site.Publishing{Posts: site.PostMaps{ByEntry: o.Posts}, Queue: o.Queue, Now: o.Now, Exports: o.Exports}
}
