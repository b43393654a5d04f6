package generator

import (
	"context"
	"maps"
	"slices"
	"sync"

	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/markdown"
	"github.com/faqcast/faqcast/generator/media"
	"github.com/faqcast/faqcast/generator/site"
	"github.com/faqcast/faqcast/internal/diag"
	"github.com/faqcast/faqcast/internal/parallel"
)

// cachedBody is a rendered body, valid while the body's bytes are the same
// and each of its links resolves as before.
type cachedBody struct {
	entry         *entry.Entry // rendered from
	hash          string
	line          int
	path          string
	html          string
	key           string // digest of html
	links, images map[string]string
	linksKey      string // what the links resolved against
}

// cachedTopics are the slugs of a build's topic pages, which links may
// name. They hold while key, a digest of what links resolve against (the
// published entries' front matter among it), is the same.
type cachedTopics struct {
	key   string
	slugs map[string]bool
}

// A renderedEntry is what renderEntries makes of one entry.
type renderedEntry struct {
	body   *cachedBody
	figure *site.Figure            // the front matter image, or nil
	images map[string]*media.Image // by name beside the page
	fresh  bool                    // the body was rendered, not reused
}

// renderEntries renders the body of every published entry and prepares its
// images, in parallel, reusing the previous build's HTML for bodies whose
// bytes and references did not change. While the index's Front is the same
// (and so are the links), it looks only at the entries that changed and at
// those with images, which may have changed on disk. It also returns how
// many bodies it rendered.
func (st *state) renderEntries(ctx context.Context, ix *entry.Index, linksKey, content string) (*renderRun, int, error) {
	if st.bodies == nil {
		st.bodies = map[string]*cachedBody{}
	}
	st.images.begin()
	defer st.images.end()
	// What links resolve against, made once an entry needs it.
	topics := st.topics
	if topics != nil && topics.key != linksKey {
		topics = nil
	}
	links := sync.OnceValue(func() *links {
		if topics != nil {
			return &links{ix: ix, topics: topics.slugs}
		}
		l := newLinks(ix)
		topics = &cachedTopics{key: linksKey, slugs: l.topics}
		return l
	})

	last := st.rendered
	st.rendered = nil
	patch := false // look only at the entries in redo, and take the rest from last
	var redo []int
	if last != nil && last.frontKey == ix.FrontKey() && last.linksKey == linksKey {
		if moved, ok := movedAt(last.entries, ix.Entries); ok && 2*(len(moved)+len(last.imaged)) <= len(ix.Entries) {
			patch, redo = true, slices.Compact(slices.Sorted(slices.Values(append(moved, last.imaged...))))
		}
	}
	var out []*renderedEntry
	var errs []error
	var err error
	if !patch {
		out, errs = make([]*renderedEntry, len(ix.Entries)), make([]error, len(ix.Entries))
		err = parallel.For(ctx, len(ix.Entries), func(i int) {
			out[i], errs[i] = st.renderEntry(ix.Entries[i], links, linksKey, content)
		})
	} else {
		out, errs = slices.Clone(last.out), make([]error, len(redo))
		err = parallel.For(ctx, len(redo), func(k int) {
			i := redo[k]
			out[i], errs[k] = st.renderEntry(ix.Entries[i], links, linksKey, content)
		})
	}
	if err != nil {
		return nil, 0, err
	}

	run := &renderRun{frontKey: ix.FrontKey(), linksKey: linksKey, entries: ix.Entries, out: out}
	rendered := 0
	add := func(e *entry.Entry, r *renderedEntry) {
		run.bodies[e.Rel], run.html[e], run.bodyKeys[e] = r.body, r.body.html, r.body.key
		if r.figure != nil {
			run.figures[e] = r.figure
		}
		if r.fresh {
			rendered++
		}
	}
	if !patch {
		n := len(ix.Entries)
		run.bodies, run.html, run.bodyKeys = make(map[string]*cachedBody, n), make(map[*entry.Entry]string, n), make(map[*entry.Entry]string, n)
		run.figures = map[*entry.Entry]*site.Figure{}
		for i, e := range ix.Entries {
			if r := out[i]; r != nil {
				add(e, r)
			}
		}
	} else {
		run.bodies, run.html, run.bodyKeys, run.figures = maps.Clone(last.bodies), maps.Clone(last.html), maps.Clone(last.bodyKeys), maps.Clone(last.figures)
		for _, i := range redo {
			old, e := last.entries[i], ix.Entries[i]
			delete(run.bodies, e.Rel)
			delete(run.html, old)
			delete(run.bodyKeys, old)
			delete(run.figures, old)
			if r := out[i]; r != nil {
				add(e, r)
			}
		}
	}
	for i, e := range ix.Entries {
		if r := out[i]; r == nil || e.Image != nil || len(r.body.images) > 0 {
			run.imaged = append(run.imaged, i)
		}
	}
	st.bodies, st.topics = run.bodies, topics
	if err := diag.Join(errs...); err != nil {
		return run, rendered, err
	}
	st.rendered = run
	return run, rendered, nil
}

// A renderRun is what renderEntries made in one build, and what of.
type renderRun struct {
	frontKey string
	linksKey string
	entries  []*entry.Entry
	out      []*renderedEntry       // by entry; nil for one that failed
	bodies   map[string]*cachedBody // by Rel
	imaged   []int                  // the entries with images, or that failed

	// The rendered bodies, their keys and the entries' images, as the site
	// takes them.
	html, bodyKeys map[*entry.Entry]string
	figures        map[*entry.Entry]*site.Figure
}

// renderEntry renders one entry's body and prepares its images.
func (st *state) renderEntry(e *entry.Entry, links func() *links, linksKey, content string) (*renderedEntry, error) {
	if c := st.bodies[e.Rel]; c != nil && c.entry == e && c.linksKey == linksKey && e.Image == nil && len(c.images) == 0 {
		// The same entry, the same links and no images, which could have
		// changed on disk: nothing to look at.
		return &renderedEntry{body: c}, nil
	}
	images := newPageImages(&st.images, content, e)
	r := &renderedEntry{}
	var errs []error
	if img := e.Image; img != nil {
		name, err := images.resolve(img.Src)
		if err != nil {
			errs = append(errs, &diag.Error{Path: e.Path, Pos: img.Pos["src"], Err: err, Hint: markdown.HintOf(err)})
		} else {
			prepared := images.files[name]
			r.figure = &site.Figure{URL: name, Alt: img.Alt, Width: prepared.Width, Height: prepared.Height}
		}
	}
	refs := markdown.Refs{Link: links().resolver(e), Image: images.resolve}
	if c := st.bodies[e.Rel]; c != nil && c.valid(e, refs, linksKey) {
		r.body = c
		if c.entry != e || c.linksKey != linksKey {
			// Valid for this entry and these links too: say so, for the
			// next build's quick look.
			r.body = &cachedBody{}
			*r.body = *c
			r.body.entry, r.body.linksKey = e, linksKey
		}
	} else {
		res, err := st.markdown.Render(e.Path, e.Body, e.BodyLine, refs)
		if err != nil {
			errs = append(errs, err)
		} else {
			html := string(res.HTML)
			r.body = &cachedBody{entry: e, hash: e.Hash, line: e.BodyLine, path: e.Path, html: html, key: st.keys.Of(html), links: res.Links, linksKey: linksKey, images: res.Images}
			r.fresh = true
		}
	}
	if len(errs) > 0 {
		return nil, diag.Join(errs...)
	}
	r.images = images.files
	return r, nil
}

// valid reports whether c can stand for e's body: the same bytes at the same
// place, and every reference resolving as before. Links are resolved again
// only when linksKey, a digest of what they resolve against, changed.
func (c *cachedBody) valid(e *entry.Entry, refs markdown.Refs, linksKey string) bool {
	if c.hash != e.Hash || c.line != e.BodyLine || c.path != e.Path {
		return false
	}
	// Links resolve as before while nothing they resolve against changed.
	return resolveAsBefore(c.images, refs.Image) && (c.linksKey == linksKey || resolveAsBefore(c.links, refs.Link))
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

// movedAt returns the places where entries differ from last, which must be
// as many; ok is false if they are not.
func movedAt(last, entries []*entry.Entry) (moved []int, ok bool) {
	if len(last) != len(entries) {
		return nil, false
	}
	for i, e := range entries {
		if e != last[i] {
			moved = append(moved, i)
		}
	}
	return moved, true
}
