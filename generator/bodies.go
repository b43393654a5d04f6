package generator

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"sync/atomic"

	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/markdown"
	"github.com/faqcast/faqcast/generator/media"
	"github.com/faqcast/faqcast/generator/site"
	"github.com/faqcast/faqcast/internal/cachekey"
	"github.com/faqcast/faqcast/internal/diag"
	"github.com/faqcast/faqcast/internal/memo"
	"github.com/faqcast/faqcast/internal/pack"
	"github.com/faqcast/faqcast/internal/parallel"
)

// body is an entry's answer rendered to HTML, and what its references
// resolved to.
type body struct {
	hash, path string // of the file it was rendered from
	line       int    // where the body starts in it
	// html is the HTML, unless lazy is set: a body the cache kept between
	// processes holds, taken from it or rendered and stored there, is not
	// held, as a build whose pages all come from the cache too never shows
	// it, and one that makes the pages reads it again (see
	// [bodySet.answer]). A cold build of 10,000 entries would otherwise
	// hold about 27 MB of answers until its pages are made. Without the
	// cache, a build that spills (see [Generator.SpillDir]) holds the
	// HTML packed in its spill instead.
	html   string
	lazy   bool
	packed pack.Packed
	// sum is the HTML's SHA-256, in hex, which keys the pages kept
	// between processes; key is a digest of it, for this process.
	sum, key      string
	links, images map[string]string // each reference's destination → what it resolved to
}

// bodyVersion is what an entry's body is made of besides what its links
// resolve against: its file's bytes; and, for an entry that shows images,
// the build, as its images may have changed on disk since the last.
type bodyVersion struct {
	hash  string
	build uint64
}

// renderBody renders e's body with refs.
func renderBody(md *markdown.Renderer, keys *cachekey.Maker, e *entry.Entry, refs markdown.Refs) (*body, error) {
	res, err := md.Render(e.Path, e.Body, e.BodyLine, refs)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(res.HTML)
	b := &body{hash: e.Hash, path: e.Path, line: e.BodyLine, html: string(res.HTML), sum: hex.EncodeToString(sum[:]), links: res.Links, images: res.Images}
	b.key = keys.Of(b.sum)
	return b, nil
}

// spill moves b's HTML into pk's spill, if pk has one: the body is then
// lazy, its answer unpacked when a page shows it.
func (b *body) spill(pk *pack.Packer) {
	if pk.Spill == nil || b.lazy {
		return
	}
	b.packed = pk.Pack([]byte(b.html))
	b.html, b.lazy = "", true
}

// recorded returns references that resolve as b's did when it was
// rendered, and no others.
func (b *body) recorded() markdown.Refs {
	resolver := func(refs map[string]string) markdown.Resolver {
		return func(dest string) (string, error) {
			if to, ok := refs[dest]; ok {
				return to, nil
			}
			return "", fmt.Errorf("%q was not a reference of the answer when it was rendered", dest)
		}
	}
	return markdown.Refs{Link: resolver(b.links), Image: resolver(b.images)}
}

// A body record is a rendered body as the cache keeps it: its HTML's
// SHA-256 in hex, its HTML, then its links and its images, each a count
// and then each reference's destination and what it resolved to, sorted
// by destination. Encoded, every count and length is a uvarint.

// appendBody appends the record of b to rec.
func appendBody(rec []byte, b *body) []byte {
	rec = appendString(appendString(rec, b.sum), b.html)
	for _, refs := range [...]map[string]string{b.links, b.images} {
		rec = binary.AppendUvarint(rec, uint64(len(refs)))
		for _, dest := range slices.Sorted(maps.Keys(refs)) {
			rec = appendString(appendString(rec, dest), refs[dest])
		}
	}
	return rec
}

// readBody returns the body of e that rec records, with its key made by
// keys: with its HTML if withHTML is set, or else lazy.
func readBody(rec []byte, e *entry.Entry, keys *cachekey.Maker, withHTML bool) (*body, error) {
	rd := &reader{b: rec}
	b := &body{hash: e.Hash, path: e.Path, line: e.BodyLine, sum: rd.string(), lazy: !withHTML}
	if html := rd.bytes(); withHTML {
		b.html = string(html)
	}
	for _, refs := range [...]*map[string]string{&b.links, &b.images} {
		n := rd.count()
		*refs = make(map[string]string, min(n, len(rd.b)))
		for range n {
			dest := rd.string()
			(*refs)[dest] = rd.string()
		}
	}
	if rd.bad || len(rd.b) > 0 {
		return nil, errRecord
	}
	b.key = keys.Of(b.sum)
	return b, nil
}

// still reports whether b still stands for e's body: the same bytes at the
// same place, and every reference resolving as before.
func (b *body) still(e *entry.Entry, refs markdown.Refs) bool {
	return b.hash == e.Hash && b.line == e.BodyLine && b.path == e.Path &&
		resolveAsBefore(b.images, refs.Image) && resolveAsBefore(b.links, refs.Link)
}

// resolveAsBefore reports whether resolve maps each reference in refs to
// what refs maps it to.
func resolveAsBefore(refs map[string]string, resolve markdown.Resolver) bool {
	for dest, to := range refs {
		if got, err := resolve(dest); err != nil || got != to {
			return false
		}
	}
	return true
}

// bodySet is every published entry's rendered body and images, in the
// entries' order, as the later stages take them.
type bodySet struct {
	entries  []*entry.Entry
	bodies   []*body
	figures  []*site.Figure            // the front matter images, or nil
	images   []map[string]*media.Image // by name beside the page
	imaged   []int                     // the entries with images
	keys     []string                  // the bodies' keys
	sums     []string                  // the bodies' sums
	rendered int                       // bodies rendered, not taken as they were
	// What answer needs to read a lazy body's HTML again, or to render
	// it: the packer, the entries' Markdown if let go of (see letGo), the
	// cache, the renderer and the maker of keys.
	packer   *pack.Packer
	markdown []pack.Packed
	kept     keeper
	md       *markdown.Renderer
	ck       *cachekey.Maker
	// firstError is the first error of answer, which the pages that ask
	// for an answer cannot return.
	firstError
}

// answer returns entry i's answer as HTML: as held, or else unpacked
// from the spill or read from the cache again, or, if it is gone from
// there by now, rendered again with its references resolving as they did.
// Its error is kept for Err.
func (s *bodySet) answer(i int) string {
	b := s.bodies[i]
	if b == nil {
		return ""
	}
	if !b.lazy {
		return b.html
	}
	if b.packed.Len() > 0 {
		if html, err := s.packer.Unpack(b.packed); err == nil {
			return string(html)
		}
	}
	e, err := s.entry(i)
	if err != nil {
		s.set(err)
		return ""
	}
	if s.kept.disk != nil {
		if data, ok := s.kept.load(answerKey(s.kept, e)); ok {
			full, err := readBody(data, e, s.ck, true)
			s.kept.reuse(data)
			if err == nil && full.sum == b.sum {
				return full.html
			}
		}
	}
	again, err := renderBody(s.md, s.ck, e, b.recorded())
	if err == nil && again.sum != b.sum {
		err = fmt.Errorf("%s: the answer renders otherwise than when its page was keyed; build again", e.Path)
	}
	if err != nil {
		s.set(err)
		return ""
	}
	return again.html
}

// letGo lets go of the entries' Markdown, once the checks have read it, in
// a build that spills (see [Generator.SpillDir]): 20 MB at 10,000
// entries. Each entry's is packed with pk, into its spill, from which
// answer unpacks it to read the answer from the cache or to render it
// again. The entries are then fit for this build alone.
func (s *bodySet) letGo(pk *pack.Packer) {
	s.markdown = make([]pack.Packed, len(s.entries))
	// On every core: packing 2,000 answers takes a few milliseconds the
	// build otherwise waits for. Not cancelled, so that every entry is
	// packed.
	parallel.For(context.Background(), len(s.entries), func(i int) {
		e := s.entries[i]
		s.markdown[i] = pk.Pack(e.Body)
		e.Body = nil
	})
}

// entry returns entry i, with its Markdown if s let go of it.
func (s *bodySet) entry(i int) (*entry.Entry, error) {
	e := s.entries[i]
	if s.markdown == nil {
		return e, nil
	}
	md, err := s.packer.Unpack(s.markdown[i])
	if err != nil {
		return nil, fmt.Errorf("%s: the answer's Markdown: %w", e.Path, err)
	}
	whole := *e
	whole.Body = md
	return &whole, nil
}

// answers returns every entry's answer as HTML (see answer).
func (s *bodySet) answers() []string {
	html := make([]string, len(s.bodies))
	for i := range html {
		html[i] = s.answer(i)
	}
	return html
}

// renderBodies renders the body of every published entry and prepares its
// images, rendering again only the bodies whose file changed or whose
// references resolve otherwise than before.
func (g *Generator) renderBodies(ctx context.Context, in *loaded) (*bodySet, error) {
	st := g.state
	ix, content := in.index, filepath.Join(in.source, ContentDir)
	st.images.begin()
	defer st.images.end()
	entries := ix.Entries
	topics, _ := st.topics.Get(ix.FrontKey(), func() (map[string]bool, error) { return topicSlugs(ix, true), nil })
	l := &links{ix: ix, topics: topics, cfg: in.cfg, asPublished: g.Drafts && g.AsPublished}
	if l.asPublished {
		l.published = topicSlugs(ix, false)
	}

	set := &bodySet{
		entries: entries,
		figures: make([]*site.Figure, len(entries)),
		images:  make([]map[string]*media.Image, len(entries)),
	}
	for i, v := range ix.Versions {
		if v.Images {
			set.imaged = append(set.imaged, i)
		}
	}
	item := func(i int) memo.Item[bodyVersion] {
		v := ix.Versions[i]
		bv := bodyVersion{hash: v.Hash}
		if v.Images {
			bv.build = st.builds // looked at every build
		}
		return memo.Item[bodyVersion]{Name: v.Rel, Version: bv}
	}
	// An entry's references resolve against the index and its images,
	// which it prepares: made once an entry needs them, for still or for
	// render.
	refs := make([]markdown.Refs, len(entries))
	errs := make([]error, len(entries))
	prepare := func(i int) markdown.Refs {
		if refs[i].Link != nil {
			return refs[i]
		}
		e := entries[i]
		images := newPageImages(&st.images, content, e)
		if img := e.Image; img != nil {
			if name, err := images.resolve(img.Src); err != nil {
				errs[i] = &diag.Error{Path: e.Path, Pos: img.Pos["src"], Err: err, Hint: markdown.HintOf(err)}
			} else {
				prepared := images.files[name]
				set.figures[i] = &site.Figure{URL: name, Alt: img.Alt, Width: prepared.Width, Height: prepared.Height}
			}
		}
		set.images[i] = images.files
		refs[i] = markdown.Refs{Link: l.resolver(e), Image: images.resolve}
		return refs[i]
	}
	var rendered atomic.Int64
	kept := g.keeper(in)
	// What links resolve against: the index, and where entries' pages are.
	scope := ix.FrontKey() + "\x00" + in.cfg.EntriesDir() + st.spilling
	bodies, _, err := st.bodies.Map(ctx, scope, len(entries), item,
		func(i int, last *body) bool {
			return last.still(entries[i], prepare(i)) && errs[i] == nil && last.packed.Held()
		},
		func(i int) (*body, error) {
			r := prepare(i)
			if errs[i] != nil {
				_, err := renderBody(st.markdown, st.keys, entries[i], r) // for its problems too
				return nil, diag.Join(errs[i], err)
			}
			b, err := keptBody(kept, entries[i], r, st.keys, func() (*body, error) {
				rendered.Add(1)
				return renderBody(st.markdown, st.keys, entries[i], r)
			})
			if err == nil {
				b.spill(&st.packer) // if the cache does not hold it
			}
			return b, err
		})
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	set.bodies = bodies
	set.packer, set.kept, set.md, set.ck = &st.packer, kept, st.markdown, st.keys
	set.keys, set.sums = make([]string, len(entries)), make([]string, len(entries))
	for i, b := range bodies {
		if b != nil {
			set.keys[i], set.sums[i] = b.key, b.sum
		}
	}
	set.rendered = int(rendered.Load())
	return set, err
}
