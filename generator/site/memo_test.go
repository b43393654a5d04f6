package site_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/output"
	"github.com/faqcast/faqcast/generator/post"
	"github.com/faqcast/faqcast/generator/site"
	"github.com/faqcast/faqcast/internal/pack"
)

// TestMemoRerender changes answers of a site with three preview pages at
// random, one or two at a time, and checks that each Render with a Memo
// gives the same files as a Render without one, while rendering only the
// pages of the changed answers and the preview pages that show them. It
// does so again with every page packed, which must give the same bytes.
func TestMemoRerender(t *testing.T) {
	t.Run("plain", func(t *testing.T) { testMemoRerender(t, false) })
	t.Run("packed", func(t *testing.T) { testMemoRerender(t, true) })
}

func testMemoRerender(t *testing.T, packed bool) {
	cfg, theme, c := withPosts(t)
	var err error
	var pk pack.Packer
	ps := site.PreviewPageSize
	n := 2*ps + 10
	front := func(i int) string {
		return fmt.Sprintf("---\ntitle: Question %d?\nsummary: Answer %d.\nslug: q%d\ntags: [t%d]\n---\n", i, i, i, i%4)
	}
	o := site.Options{
		Config: cfg, Theme: theme, Shell: "shell",
		Posts: map[string][]post.Variant{},
	}
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
			o.Bodies, o.BodyKeys, o.Readability = append(o.Bodies, ""), append(o.BodyKeys, ""), append(o.Readability, "")
			o.PostKeys = append(o.PostKeys, "posts of "+e.Slug)
			vs, err := c.Compose(e, cfg.BaseURL+site.EntryURL(e.Slug), nil)
			if err != nil {
				t.Fatal(err)
			}
			o.Posts[e.Slug] = vs
		}
		o.Bodies[i] = "<p>" + text + "</p>"
		o.BodyKeys[i] = text
		o.Readability[i] = fmt.Sprintf("grade %d", len(text)%9)
	}
	for i := range n {
		set(i, fmt.Sprintf("Answer %d.", i))
	}
	memo := &site.Memo{}
	o.Memo = memo
	// render renders o, with every page packed if packed; a Render
	// without a Memo, the reference, never packs.
	render := func(o site.Options) (*site.Files, error) {
		if packed && o.Memo != nil {
			site.PackAll(&o, &pk)
		}
		files, err := site.Render(context.Background(), o)
		if err != nil {
			return nil, err
		}
		for _, f := range files.List {
			if packed && o.Memo != nil && f.Data != nil && strings.HasSuffix(f.Path, ".html") {
				t.Errorf("%s not packed", f.Path)
			}
		}
		return files, nil
	}
	var out written
	first, err := render(o)
	if err != nil {
		t.Fatal(err)
	}
	out.write(t, first)
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
			o.Bodies[i], o.BodyKeys[i], o.Readability[i] = "<p>"+text+"</p>", text, fmt.Sprintf("grade %d", len(text)%9)
		}
		o.Memo = memo
		got, err := render(o)
		if err != nil {
			t.Fatal(err)
		}
		// Pages rendered now: the changed entries' pages and their preview
		// pages, at most two of each (packed pages cannot be told from
		// pages not rendered).
		rendered := 0
		for _, f := range got.List {
			if f.Data != nil && strings.HasSuffix(f.Path, ".html") {
				rendered++
			}
		}
		if !packed && (rendered == 0 || rendered > 2*changed) {
			t.Errorf("step %d: %d pages rendered for %d changed answers", step, rendered, changed)
		}
		o.Memo = nil
		want, err := render(o)
		if err != nil {
			t.Fatal(err)
		}
		out.write(t, got)
		out.compare(t, fmt.Sprintf("step %d", step), want.List)
	}
}

// written is a folder as a Writer leaves it: it holds a file's bytes, and
// the Key it wrote them for, and writes a file again only when it comes
// with Data or with another Key.
type written struct {
	bytes, keys map[string]string // by path
}

// write writes files as a Writer would, removing the files not among them.
func (w *written) write(t *testing.T, files *site.Files) {
	t.Helper()
	bytes, keys := map[string]string{}, map[string]string{}
	for _, f := range files.List {
		old, ok := w.bytes[f.Path]
		switch {
		case f.Data != nil:
			bytes[f.Path] = string(f.Data)
		case ok && f.Key != "" && f.Key == w.keys[f.Path]:
			bytes[f.Path] = old
		default:
			data, err := files.Make(&f)
			if err != nil {
				t.Fatal(err)
			}
			bytes[f.Path] = string(data)
		}
		keys[f.Path] = f.Key
	}
	w.bytes, w.keys = bytes, keys
}

// compare reports how the folder differs from the files of a Render
// without a Memo.
func (w *written) compare(t *testing.T, what string, want []output.File) {
	t.Helper()
	if len(w.bytes) != len(want) {
		t.Fatalf("%s: %d files with the Memo, %d without", what, len(w.bytes), len(want))
	}
	for _, f := range want {
		got, ok := w.bytes[f.Path]
		if !ok {
			t.Fatalf("%s: no %s with the Memo", what, f.Path)
		}
		if got != string(f.Data) {
			t.Fatalf("%s: %s differs with the Memo:\n%s", what, f.Path, lineDiff(got, string(f.Data)))
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

// TestMemoFrontMatter edits the front matter of a site's entries at
// random (titles, summaries, tags, ranks) and adds and removes entries,
// and checks that a folder written from Renders with a Memo, which skip
// the pages whose keys they made before, holds what Renders without one
// give: no page that shows an edited field keeps its old key. A summary's
// edit must render only the pages that show it.
func TestMemoFrontMatter(t *testing.T) {
	cfg, theme, c := withPosts(t)
	type fields struct {
		title, summary, body string
		tags                 []string
		rank                 int
	}
	// Spellings of one tag: the topic takes the name most entries use.
	tagNames := []string{"Eye care", "Eye Care", "eye care", "Vaccines", "Billing", "Forms"}
	var state []fields
	o := site.Options{Config: cfg, Theme: theme, Shell: "shell", Memo: &site.Memo{}}
	// load makes o's entries, bodies and posts from state, reusing the
	// entries whose files are the same, as a Loader does.
	old := map[string]*entry.Entry{}
	load := func() {
		o.Entries = nil
		o.Bodies, o.BodyKeys, o.Readability = nil, nil, nil
		o.Posts, o.PostKeys = map[string][]post.Variant{}, nil
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
			o.Bodies, o.BodyKeys = append(o.Bodies, "<p>"+f.body+"</p>"), append(o.BodyKeys, f.body)
			vs, err := c.Compose(e, cfg.BaseURL+site.EntryURL(e.Slug), nil)
			if err != nil {
				t.Fatal(err)
			}
			o.Posts[e.Slug], o.PostKeys = vs, append(o.PostKeys, e.Hash)
			o.Readability = append(o.Readability, fmt.Sprintf("grade %d", len(f.body)%9))
		}
		old = next
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
		got, err := site.Render(context.Background(), o)
		if err != nil {
			t.Fatal(err)
		}
		out.write(t, got)
		rendered := 0
		for _, f := range got.List {
			if f.Data != nil && strings.HasSuffix(f.Path, ".html") {
				rendered++
			}
		}
		memo := o.Memo
		o.Memo = nil
		want, err := site.Render(context.Background(), o)
		if err != nil {
			t.Fatal(err)
		}
		o.Memo = memo
		out.compare(t, what, want.List)
		return rendered
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
		rendered := render(what)
		if strings.Contains(what, "summary") {
			// The entry's page, its topics' pages, the home page when it is
			// one of the top five, and its preview page (its posts are
			// keyed by its file).
			if limit := 3 + len(f.tags); rendered > limit {
				t.Errorf("%s: %d pages rendered, want at most %d", what, rendered, limit)
			}
		}
	}
}
