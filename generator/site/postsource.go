package site

import "github.com/faqcast/faqcast/generator/post"

// A PostSource gives the staff workspace each entry's posts and its
// replies to a comment that asks its question, by the entry's slug, when
// a page needs them. A plan keeps none of what it returns: a build may
// hold its entries' posts packed, and unpack them for each call.
type PostSource interface {
	// Count returns how many posts and replies the entry has.
	Count(slug string) (posts, replies int)
	// Digest returns a digest of the entry's posts and replies, which
	// changes whenever any of them does, for the pages' Shows.
	Digest(slug string) string
	// Posts returns the entry's posts; Replies its replies.
	Posts(slug string) []post.Variant
	Replies(slug string) []post.Variant
}

// PostMaps is a [PostSource] that holds every entry's posts and replies,
// by slug.
type PostMaps struct {
	ByEntry, RepliesByEntry map[string][]post.Variant
}

// Count returns how many posts and replies the entry has.
func (m PostMaps) Count(slug string) (posts, replies int) {
	return len(m.ByEntry[slug]), len(m.RepliesByEntry[slug])
}

// Digest returns a digest of the entry's posts and replies.
func (m PostMaps) Digest(slug string) string {
	d := newDigest()
	for _, vs := range [][]post.Variant{m.ByEntry[slug], m.RepliesByEntry[slug]} {
		d.addInt(len(vs))
		for i := range vs {
			addVariant(d, &vs[i])
		}
	}
	return d.sum()
}

// Posts returns the entry's posts.
func (m PostMaps) Posts(slug string) []post.Variant { return m.ByEntry[slug] }

// Replies returns the entry's replies.
func (m PostMaps) Replies(slug string) []post.Variant { return m.RepliesByEntry[slug] }
