package generator

import (
	"context"
	"crypto/sha256"
	"fmt"
	"strconv"

	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/locale"
	"github.com/faqcast/faqcast/generator/output"
	"github.com/faqcast/faqcast/generator/post"
	"github.com/faqcast/faqcast/generator/site"
	"github.com/faqcast/faqcast/internal/cachekey"
	"github.com/faqcast/faqcast/internal/diag"
	"github.com/faqcast/faqcast/internal/diskcache"
	"github.com/faqcast/faqcast/internal/memo"
	"github.com/faqcast/faqcast/internal/pack"
)

// entryPosts is one entry's post variants and its replies, and the key of
// what they are made of. It holds the sections of their record (see
// [postsRecord]) packed, each on its own so that a stage unpacks only the
// one it needs, and unpacks them where a stage needs them, keeping none:
// whole, the posts and replies of 10,000 entries take about 140 MB, and
// packed about 40, in memory or in the build's spill (see [pack.Spill]).
type entryPosts struct {
	key       string
	entry     *entry.Entry
	packer    *pack.Packer
	platforms []string          // of the variants, in order
	replied   int               // how many replies
	sum       [sha256.Size]byte // of the variants in posts.json
	digest    string            // of the record
	// review is the key of the posts' review file in the cache, if the
	// build keeps one, and reviewSeal its seal.
	review     string
	reviewSeal diskcache.Seal
	// The record's sections, packed: the parts of posts.json and
	// replies.json, and the posts and the replies in binary.
	packedPart, packedReplyPart, packedPosts, packedReplies pack.Packed
}

// newEntryPosts returns e's posts of record, as key names them, packed
// with packer.
func newEntryPosts(key string, e *entry.Entry, record []byte, packer *pack.Packer) (*entryPosts, error) {
	r, err := readRecord(record)
	if err != nil {
		return nil, err
	}
	p := &entryPosts{key: key, entry: e, packer: packer,
		platforms: r.platforms, replied: r.replied, sum: r.partSum, digest: r.digest,
		reviewSeal: r.reviewSeal}
	// The record's sections are packed already.
	for _, s := range []struct {
		z  []byte
		to *pack.Packed
	}{{r.part, &p.packedPart}, {r.replyPart, &p.packedReplyPart}, {r.binPosts, &p.packedPosts}, {r.binReplies, &p.packedReplies}} {
		if *s.to, err = packer.Packs(s.z); err != nil {
			return nil, errRecord
		}
	}
	return p, nil
}

// variants returns the entry's posts.
func (p *entryPosts) variants() ([]post.Variant, error) {
	b, err := p.packer.Unpack(p.packedPosts)
	if err != nil {
		return nil, err
	}
	return readVariants(b, len(p.platforms))
}

// replies returns the entry's replies to a comment that asks its
// question.
func (p *entryPosts) replies() ([]post.Variant, error) {
	b, err := p.packer.Unpack(p.packedReplies)
	if err != nil {
		return nil, err
	}
	return readVariants(b, p.replied)
}

// held reports whether the posts can still be unpacked: not held in the
// spill of an earlier build (see [Generator.SpillDir]).
func (p *entryPosts) held() bool {
	return p.packedPart.Held() && p.packedReplyPart.Held() && p.packedPosts.Held() && p.packedReplies.Held()
}

// part returns the entry's part of posts.json (see [post.JSONPart]), in
// buf's memory if it has room.
func (p *entryPosts) part(buf []byte) ([]byte, error) { return p.packer.UnpackTo(buf, p.packedPart) }

// replyPart returns the entry's part of replies.json (see
// [reply.EntryPart]), in buf's memory if it has room.
func (p *entryPosts) replyPart(buf []byte) ([]byte, error) {
	return p.packer.UnpackTo(buf, p.packedReplyPart)
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

// composeEntry composes e's post variants and replies with c, or takes
// them from kept, and packs them with packer.
func composeEntry(c *post.Composer, cfg *config.Config, e *entry.Entry, fig *site.Figure, key string, packer *pack.Packer, kept keeper) (*entryPosts, error) {
	page, media := postMedia(cfg, c.Catalog, e, fig)
	record, review, err := keptPosts(kept, e, page, media, func(withReview bool) ([]byte, []byte, error) {
		variants, err := c.Compose(e, page, media)
		replies, rerr := c.Replies(e, page)
		if err := diag.Join(err, rerr); err != nil {
			return nil, nil, err
		}
		var review []byte
		if withReview {
			review = post.Markdown(e, variants, c.Catalog.Locale(cfg.Language))
		}
		record, err := newRecord(buffer(kept.records), e, variants, replies, review)
		return record, review, err
	})
	if err != nil {
		return nil, err
	}
	defer kept.reuse(record) // packed, and read into strings: not kept
	p, err := newEntryPosts(key, e, record, packer)
	if err == nil {
		p.review = review
	}
	return p, err
}

// A postSet is every published entry's posts, as the pages, the checks and
// the queue take them.
type postSet struct {
	posts  []*entryPosts          // by entry
	keys   []string               // by entry: the key of its posts
	bySlug map[string]*entryPosts // for the pages
	// The review file of each entry, for the maker to link from the
	// cache when written, or to make (see [keptPosts]).
	files []output.File
	// firstError is the first error of unpacking the posts for the pages,
	// which a [site.PostSource] cannot return.
	firstError
}

// newPostSet gathers the posts of the entries, in their order, and their
// files.
func newPostSet(posts []*entryPosts) *postSet {
	set := &postSet{
		posts:  posts,
		keys:   make([]string, len(posts)),
		bySlug: make(map[string]*entryPosts, len(posts)),
		files:  make([]output.File, 0, len(posts)),
	}
	for i, p := range posts {
		set.keys[i] = p.key
		set.bySlug[p.entry.Slug] = p
		set.files = append(set.files, output.File{Path: reviewFile(p.entry.Slug), Key: "posts " + p.key})
	}
	return set
}

// Count returns how many posts and replies the entry of slug has.
func (set *postSet) Count(slug string) (posts, replies int) {
	if p := set.bySlug[slug]; p != nil {
		return len(p.platforms), p.replied
	}
	return 0, 0
}

// Digest returns a digest of the posts and replies of the entry of slug.
func (set *postSet) Digest(slug string) string {
	if p := set.bySlug[slug]; p != nil {
		return p.digest
	}
	return ""
}

// Posts returns the posts of the entry of slug.
func (set *postSet) Posts(slug string) []post.Variant {
	return set.unpack(slug, (*entryPosts).variants)
}

// Replies returns the replies of the entry of slug.
func (set *postSet) Replies(slug string) []post.Variant {
	return set.unpack(slug, (*entryPosts).replies)
}

// unpack returns what get unpacks of the posts of the entry of slug,
// keeping the first error for [postSet.Err].
func (set *postSet) unpack(slug string, get func(*entryPosts) ([]post.Variant, error)) []post.Variant {
	p := set.bySlug[slug]
	if p == nil {
		return nil
	}
	vs, err := get(p)
	if err != nil {
		set.set(fmt.Errorf("%s: posts: %w", p.entry.Path, err))
	}
	return vs
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
	key := func(i int) string { return postKey(st.keys, shell, cfg, in.catalog, entries[i], bodies.figures[i]) }
	kept := g.keeper(in)
	posts, _, err := st.posts.Map(ctx, shell+st.spilling, len(entries), item,
		func(i int, last *entryPosts) bool { return last.key == key(i) && last.held() },
		func(i int) (*entryPosts, error) {
			return composeEntry(c, cfg, entries[i], bodies.figures[i], key(i), &st.packer, kept)
		})
	if err := diag.Join(err); err != nil {
		return nil, 0, err
	}
	set, err := st.postSet.Get(strconv.FormatUint(st.posts.Gen(), 10), func() (*postSet, error) {
		return newPostSet(posts), nil
	})
	return set, kept.found(), err
}
