package site_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/output"
	"github.com/faqcast/faqcast/generator/post"
	"github.com/faqcast/faqcast/generator/site"
)

// TestMemoRerender changes answers of a site with three preview pages at
// random, one or two at a time, and checks that each Render with a Memo
// gives the same files as a Render without one, while rendering only the
// pages of the changed answers and the preview pages that show them.
func TestMemoRerender(t *testing.T) {
	cfg, theme, c := withPosts(t)
	var err error
	ps := site.PreviewPageSize
	n := 2*ps + 10
	front := func(i int) string {
		return fmt.Sprintf("---\ntitle: Question %d?\nsummary: Answer %d.\nslug: q%d\ntags: [t%d]\n---\n", i, i, i, i%4)
	}
	o := site.Options{
		Config: cfg, Theme: theme, Shell: "shell",
		Bodies: map[*entry.Entry]string{}, BodyKeys: map[*entry.Entry]string{},
		Posts: map[string][]post.Variant{}, PostKeys: map[string]string{}, Readability: map[string]string{},
	}
	// set gives entry i the body text, as a new value with the same front
	// matter, as a writer's save of the answer does.
	set := func(i int, text string) {
		e, err := entry.Parse(fmt.Sprintf("content/q%d.md", i), fmt.Sprintf("q%d.md", i), []byte(front(i)+text))
		if err != nil {
			t.Fatal(err)
		}
		if i < len(o.Entries) {
			old := o.Entries[i]
			delete(o.Bodies, old)
			delete(o.BodyKeys, old)
			o.Entries[i] = e
		} else {
			o.Entries = append(o.Entries, e)
			vs, err := c.Compose(e, cfg.BaseURL+site.EntryURL(e.Slug), nil)
			if err != nil {
				t.Fatal(err)
			}
			o.Posts[e.Slug], o.PostKeys[e.Slug] = vs, "posts of "+e.Slug
		}
		o.Bodies[e] = "<p>" + text + "</p>"
		o.BodyKeys[e] = text
		o.Readability[e.Slug] = fmt.Sprintf("grade %d", len(text)%9)
	}
	for i := range n {
		set(i, fmt.Sprintf("Answer %d.", i))
	}
	bytesOf := func(files []output.File) map[string]string {
		out := map[string]string{}
		for _, f := range files {
			data := f.Data
			if data == nil && f.Make != nil {
				if data, err = f.Make(); err != nil {
					t.Fatal(err)
				}
			}
			out[f.Path] = string(data)
		}
		return out
	}

	memo := &site.Memo{}
	o.Memo = memo
	if _, err := site.Render(context.Background(), o); err != nil {
		t.Fatal(err)
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
			e := o.Entries[i]
			o.Bodies[e], o.BodyKeys[e], o.Readability[e.Slug] = "<p>"+text+"</p>", text, fmt.Sprintf("grade %d", len(text)%9)
		}
		o.Memo = memo
		got, err := site.Render(context.Background(), o)
		if err != nil {
			t.Fatal(err)
		}
		// Pages rendered now: the changed entries' pages and their preview
		// pages, at most two of each.
		rendered := 0
		for _, f := range got {
			if f.Data != nil && f.Make != nil {
				rendered++
			}
		}
		if rendered == 0 || rendered > 2*changed {
			t.Errorf("step %d: %d pages rendered for %d changed answers", step, rendered, changed)
		}
		o.Memo = nil
		want, err := site.Render(context.Background(), o)
		if err != nil {
			t.Fatal(err)
		}
		g, w := bytesOf(got), bytesOf(want)
		if len(g) != len(w) {
			t.Fatalf("step %d: %d files with the Memo, %d without", step, len(g), len(w))
		}
		for p, data := range w {
			if g[p] != data {
				t.Fatalf("step %d: %s differs with the Memo", step, p)
			}
		}
	}
}
