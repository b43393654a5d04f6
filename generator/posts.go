package generator

import (
	"context"
	"io"
	"slices"

	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/output"
	"github.com/faqcast/faqcast/generator/post"
	"github.com/faqcast/faqcast/generator/site"
	"github.com/faqcast/faqcast/internal/cachekey"
	"github.com/faqcast/faqcast/internal/diag"
	"github.com/faqcast/faqcast/internal/pack"
	"github.com/faqcast/faqcast/internal/parallel"
)

// A postSet is every published entry's posts, as composePosts returns them.
type postSet struct {
	bySlug map[string][]post.Variant // for the preview pages
	keys   map[string]string         // by slug: the key of the entry's posts
	files  []output.File             // social/posts.json and social/posts/<slug>.md

	// What they were made of.
	front *entry.Front
	shell string
	figs  [][2]string // by entry
}

// composePosts writes every published entry's post variants, in parallel,
// reusing the last build's for entries whose front matter, page, media, config and
// templates are the same: all of them, without looking at each, while the
// index's Front, the shell and the entries' images are.
func (g *Generator) composePosts(ctx context.Context, cfg *config.Config, theme *site.Theme, shell string, ix *entry.Index, bodies *renderRun) (*postSet, error) {
	figs := make([][2]string, len(ix.Entries))
	for i := range ix.Entries {
		figs[i] = figureOf(bodies.out[i].figure)
	}
	g.mu.Lock()
	last := g.postSet
	g.mu.Unlock()
	if last != nil && last.front == ix.Front() && last.shell == shell && slices.Equal(last.figs, figs) {
		return last, nil
	}
	c := &post.Composer{
		Config:  cfg,
		Execute: func(name string, data *post.Data) (string, error) { return theme.ExecutePost(name, data) },
	}
	g.mu.Lock()
	old := g.posts
	g.mu.Unlock()
	composed := make([]*cachedPosts, len(ix.Entries))
	errs := make([]error, len(ix.Entries))
	err := parallel.For(ctx, len(ix.Entries), func(i int) {
		e := ix.Entries[i]
		fig := bodies.out[i].figure
		if p := old[e.Rel]; p != nil && p.entry == e && p.shell == shell && p.figure == figureOf(fig) {
			composed[i] = p // the same entry, config, theme and image
			return
		}
		page := cfg.BaseURL + site.EntryURL(e.Slug)
		// An entry's own image, or else its square share card.
		media := []post.Media{{Src: page + site.SquareName, Alt: site.CardAlt(e.Title)}}
		if f := fig; f != nil {
			media = []post.Media{{Src: page + f.URL, Alt: f.Alt}}
		}
		// Posts are made of the front matter, not the answer: an edit to
		// the answer leaves them, posts.json and the queue as they were.
		k := g.keys.Of(shell, e.MetaHash, e.Path, page, media[0].Src, media[0].Alt)
		if p := old[e.Rel]; p != nil && p.key == k {
			composed[i] = p
			return
		}
		variants, err := c.Compose(e, page, media)
		if err != nil {
			errs[i] = err
			return
		}
		p := &cachedPosts{key: k, entry: e, shell: shell, figure: figureOf(fig), variants: variants}
		if !g.NoWrite {
			// Only posts.json needs them, which a build that writes
			// nothing (a check) never makes.
			part, err := post.JSONPart(variants)
			if err != nil {
				errs[i] = err
				return
			}
			p.json = g.packer.Pack(part)
		}
		// The review file is made again when it is written: it is quick to
		// make and not worth keeping.
		p.review = output.File{Path: socialDir + "posts/" + e.Slug + ".md", Key: "posts " + k,
			Make: func() ([]byte, error) { return post.Markdown(p.entry, p.variants), nil }}
		composed[i] = p
	})
	if err != nil {
		return nil, err
	}
	if err := diag.Join(errs...); err != nil {
		return nil, err
	}

	bySlug := make(map[string][]post.Variant, len(ix.Entries))
	keys := make(map[string]string, len(ix.Entries))
	next := make(map[string]*cachedPosts, len(ix.Entries))
	files := make([]output.File, 0, len(ix.Entries)+1)
	parts := make([]pack.Packed, len(ix.Entries))
	all := g.keys.Hash()
	for i, e := range ix.Entries {
		p := composed[i]
		next[e.Rel] = p
		bySlug[e.Slug] = p.variants
		keys[e.Slug] = p.key
		parts[i] = p.json
		all.WriteString(p.key)
		files = append(files, p.review)
	}
	files = append(files, output.File{
		Path: socialDir + "posts.json",
		Key:  "posts.json " + cachekey.Sum(all),
		// Streamed from the packed parts: never held whole (80 MB at
		// 10,000 entries).
		Stream: func(w io.Writer) error {
			return post.WriteJSON(w, len(parts), func(i int) ([]byte, error) { return g.packer.Unpack(parts[i]) })
		},
	})
	set := &postSet{bySlug: bySlug, keys: keys, files: files, front: ix.Front(), shell: shell, figs: figs}
	g.mu.Lock()
	g.posts, g.postSet = next, set
	g.mu.Unlock()
	return set, nil
}

// cachedPosts is an entry's posts, valid while key is the same, which it
// is while entry, shell and figure are.
type cachedPosts struct {
	key      string
	entry    *entry.Entry
	shell    string
	figure   [2]string // the image's URL and alt text, if the entry has one
	variants []post.Variant
	json     pack.Packed // the variants in posts.json, packed: a build keeps every entry's; none when NoWrite
	review   output.File // social/posts/<slug>.md
}

// figureOf returns what posts show of an entry's image.
func figureOf(f *site.Figure) [2]string {
	if f == nil {
		return [2]string{}
	}
	return [2]string{f.URL, f.Alt}
}
