package generator

import (
	"context"
	"crypto/sha256"
	"strconv"

	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/locale"
	"github.com/faqcast/faqcast/generator/output"
	"github.com/faqcast/faqcast/generator/post"
	"github.com/faqcast/faqcast/generator/site"
	"github.com/faqcast/faqcast/internal/cachekey"
	"github.com/faqcast/faqcast/internal/diag"
	"github.com/faqcast/faqcast/internal/memo"
	"github.com/faqcast/faqcast/internal/pack"
)

// entryPosts is one entry's post variants, and the key of what they are
// made of.
type entryPosts struct {
	key      string
	entry    *entry.Entry
	variants []post.Variant
	replies  []post.Variant    // to a comment that asks the entry's question
	json     pack.Packed       // the variants in posts.json, packed; none when the build writes nothing
	sum      [sha256.Size]byte // of the variants in posts.json, if summed
	summed   bool
}

// postVersion is what an entry's posts are made of besides the config and
// the templates: its front matter and its image. Posts are made of the
// front matter, not the answer: an edit to the answer leaves them,
// posts.json and the queue as they were.
type postVersion struct {
	meta   string
	figure [2]string // the image's URL and alt text, if the entry has one
}

// postMedia returns the media of e's posts: its own image, or else its
// square share card.
func postMedia(cfg *config.Config, cat *locale.Catalog, e *entry.Entry, fig *site.Figure) (page string, media []post.Media) {
	page = cfg.BaseURL + cfg.EntryURLIn(e.Slug, e.Lang)
	if fig != nil {
		return page, []post.Media{{Src: page + fig.URL, Alt: fig.Alt}}
	}
	return page, []post.Media{{Src: page + site.SquareName, Alt: site.CardAlt(cat.Locale(e.Language(cfg.Language)), e.Title)}}
}

// postKey returns the key of what e's posts are made of: the shell (the
// config and the templates), its front matter, its page and its media.
func postKey(keys *cachekey.Maker, shell string, cfg *config.Config, cat *locale.Catalog, e *entry.Entry, fig *site.Figure) string {
	page, media := postMedia(cfg, cat, e, fig)
	return keys.Of(shell, e.MetaHash, e.Path, page, media[0].Src, media[0].Alt)
}

// composeEntry composes e's post variants and replies with c, and, unless
// packer is nil, packs their part of posts.json.
func composeEntry(c *post.Composer, cfg *config.Config, e *entry.Entry, fig *site.Figure, key string, packer *pack.Packer, kept keeper) (*entryPosts, error) {
	page, media := postMedia(cfg, c.Catalog, e, fig)
	variants, replies, part, err := keptPosts(kept, e, page, media, func() ([]post.Variant, []post.Variant, error) {
		variants, err := c.Compose(e, page, media)
		replies, rerr := c.Replies(e, page)
		return variants, replies, diag.Join(err, rerr)
	})
	if err != nil {
		return nil, err
	}
	p := &entryPosts{key: key, entry: e, variants: variants, replies: replies}
	if packer != nil {
		if part == nil {
			if part, err = post.JSONPart(variants); err != nil {
				return nil, err
			}
		}
		p.json = packer.Pack(part)
		p.sum, p.summed = sha256.Sum256(part), true
	}
	return p, nil
}

// A postSet is every published entry's posts, as the pages, the checks and
// the queue take them.
type postSet struct {
	posts  []*entryPosts             // by entry
	keys   []string                  // by entry: the key of its posts
	bySlug map[string][]post.Variant // for the preview pages
	// replies holds each entry's replies by slug, for the reply kit.
	replies map[string][]post.Variant
	// The review file of each entry, for the maker to make when written:
	// quick to make, and not worth keeping.
	files []output.File
}

// newPostSet gathers the posts of the entries, in their order, and their
// files.
func newPostSet(posts []*entryPosts) *postSet {
	set := &postSet{
		posts:   posts,
		keys:    make([]string, len(posts)),
		bySlug:  make(map[string][]post.Variant, len(posts)),
		replies: make(map[string][]post.Variant, len(posts)),
		files:   make([]output.File, 0, len(posts)),
	}
	for i, p := range posts {
		set.keys[i] = p.key
		set.bySlug[p.entry.Slug] = p.variants
		set.replies[p.entry.Slug] = p.replies
		set.files = append(set.files, output.File{Path: reviewFile(p.entry.Slug), Key: "posts " + p.key})
	}
	return set
}

// figureOf returns what posts show of an entry's image.
func figureOf(f *site.Figure) [2]string {
	if f == nil {
		return [2]string{}
	}
	return [2]string{f.URL, f.Alt}
}

// composePosts composes every published entry's posts, computing again
// only those whose front matter, image, config or templates changed. It
// also returns how many entries' posts came from the cache kept between
// processes.
func (g *Generator) composePosts(ctx context.Context, in *loaded, bodies *bodySet) (*postSet, int, error) {
	st := g.state
	cfg, theme, shell, entries := in.cfg, in.theme, in.shell, in.index.Entries
	item := func(i int) memo.Item[postVersion] {
		v := in.index.Versions[i]
		return memo.Item[postVersion]{Name: v.Rel, Version: postVersion{v.MetaHash, figureOf(bodies.figures[i])}}
	}
	c := &post.Composer{
		Config:  cfg,
		Catalog: in.catalog,
		Execute: func(name string, data *post.Data) (string, error) { return theme.ExecutePost(name, data) },
	}
	var packer *pack.Packer
	if !g.NoWrite {
		// Only posts.json needs their JSON, which a build that writes
		// nothing (a check) never makes.
		packer = &st.packer
	}
	key := func(i int) string { return postKey(st.keys, shell, cfg, in.catalog, entries[i], bodies.figures[i]) }
	kept := g.keeper(in)
	posts, _, err := st.posts.Map(ctx, shell, len(entries), item,
		func(i int, last *entryPosts) bool { return last.key == key(i) },
		func(i int) (*entryPosts, error) {
			return composeEntry(c, cfg, entries[i], bodies.figures[i], key(i), packer, kept)
		})
	if err := diag.Join(err); err != nil {
		return nil, 0, err
	}
	set, err := st.postSet.Get(strconv.FormatUint(st.posts.Gen(), 10), func() (*postSet, error) {
		return newPostSet(posts), nil
	})
	return set, kept.found(), err
}
