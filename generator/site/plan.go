package site

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"io"
	"slices"
	"strings"

	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/post"
	"github.com/faqcast/faqcast/internal/parallel"
)

// A Plan is every file of a website, each ready to be made on its own: a
// build makes all of them, or, building again, only those whose inputs
// changed.
type Plan struct {
	Site *Site
	// Docs are the files, sorted by path.
	Docs []Doc

	theme *Theme
	makes []func(a *Answers, use func([]byte)) error // by doc
}

// A Doc is one file of a [Plan]: a page, sitemap.xml, feed.xml, robots.txt
// or style.css.
type Doc struct {
	Path string
	// Shows is a digest of everything the file shows of the plan's site,
	// posts, theme and messages and of the config, but for what [Answers]
	// hold: two docs of the same path and Shows, made with the same
	// Answers for their Entry and Previews, hold the same bytes. It covers
	// what faqcast's own templates show: a theme whose pages show more of
	// other entries than their titles, summaries and topics (such as their
	// front matter's other fields) needs every page made again.
	Shows string
	// Entry is the place of the entry whose page this is, which shows its
	// answer; -1 for any other file.
	Entry int
	// Previews lists the places of the entries a post preview page shows,
	// with their readability.
	Previews []int
}

// Answers are what the pages of a [Plan] show that may change while the
// plan does not: each entry as last read, with its rendered answer (HTML
// that is trusted as it is) and its readability, such as "grade 4.2,
// reading ease 80.1" or "" when it was not scored; each in site order.
type Answers struct {
	Entries []*entry.Entry
	// Body returns the rendered body of entry i, asked for by the pages
	// that show it: a caller need not hold them all.
	Body        func(i int) string
	Readability []string
}

// BodiesOf returns a Body of bodies, held in the order of the entries.
func BodiesOf(bodies []string) func(i int) string {
	return func(i int) string { return at(bodies, i) }
}

// NewPlan returns the plan of the files of s, rendered with theme. pub
// holds what the staff workspace and the link page show; with none, there
// are neither.
func NewPlan(s *Site, theme *Theme, pub *Publishing) *Plan {
	p := &Plan{Site: s, theme: theme}
	base := newDigest()
	base.add(string(s.cfg.Digest[:]))
	d := theme.Digest()
	base.add(string(d[:]), s.Updated.String())
	if s.catalog != nil {
		// The messages every page's words come from: the site's own
		// message files as well as the config's messages.
		c := s.catalog.Digest()
		base.add(string(c[:]))
	}
	shell := base.sum()

	// Each doc's show adds what it shows to its digest, worked out once
	// every doc is listed, on every core.
	var shows []func(d *digest)
	add := func(doc Doc, show func(d *digest), make func(a *Answers, use func([]byte)) error) {
		p.Docs = append(p.Docs, doc)
		p.makes = append(p.makes, make)
		shows = append(shows, show)
	}
	// page adds the page that page returns, made only when it is to be
	// executed.
	page := func(doc Doc, page func() *Page, show func(d *digest)) {
		add(doc, show, func(a *Answers, use func([]byte)) error { return theme.executeWith(page().with(a), use) })
	}
	file := func(path string, show func(d *digest), make func() ([]byte, error)) {
		add(Doc{Path: path, Entry: -1}, show, func(_ *Answers, use func([]byte)) error {
			b, err := make()
			if err == nil {
				use(b)
			}
			return err
		})
	}

	// What faqcast's templates show of each entry on a page: an entry page
	// shows its own entry (its front matter, answer and image), the names
	// of its topics and the titles of its related questions; a topic page
	// its entries' titles and summaries; the home page the top five's
	// titles and summaries and every topic's entries' titles; the 404 page
	// the top five's titles; a preview page its entries' titles, posts
	// and readability.
	for _, l := range s.Languages {
		page(Doc{Path: l.URL + "index.html", Entry: -1}, func() *Page { return homePage(s, l) }, func(d *digest) {
			for _, o := range s.Languages {
				d.add("language", o.Lang, o.URL, o.Title)
			}
			for _, e := range l.TopFive {
				d.add("top", e.URL, e.Title, e.Summary)
			}
			for _, t := range l.Topics {
				d.add("topic", t.Slug, t.URL, t.Name)
				for _, e := range t.Entries {
					d.add(e.URL, e.Title)
				}
			}
			for _, e := range l.Untagged {
				d.add("untagged", e.URL, e.Title)
			}
		})
		for _, t := range l.Topics {
			page(Doc{Path: t.URL + "index.html", Entry: -1}, func() *Page { return topicPage(s, t) }, func(d *digest) {
				d.add(t.URL, t.Name)
				for _, e := range t.Entries {
					d.add(e.URL, e.Title, e.Summary)
				}
			})
		}
	}
	page(Doc{Path: "404.html", Entry: -1}, func() *Page { return notFoundPage(s) }, func(d *digest) {
		for _, e := range s.TopFive {
			d.add(e.URL, e.Title)
		}
	})
	for i, e := range s.Entries {
		page(Doc{Path: e.URL + "index.html", Entry: i}, func() *Page { return entryPage(s, e) }, func(d *digest) {
			d.add(e.Rel, e.MetaHash, string(e.Body))
			addFigure(d, e.Figure)
			for _, t := range e.Topics {
				d.add("topic", t.URL, t.Name)
			}
			for _, r := range e.Related() {
				d.add("related", r.URL, r.Title)
			}
			for _, t := range e.Translations {
				d.add("translation", t.Language, t.URL)
			}
		})
	}
	var disallow []string
	var links string // the link page's path
	if pub != nil {
		disallow = append(disallow, s.cfg.Base.Path+WorkspaceURL)
		for _, pg := range workspacePages(s, pub) {
			page(Doc{Path: pg.Path + "index.html", Entry: -1}, func() *Page { return pg }, func(d *digest) {
				d.add(pg.Timezone)
				addWeek(d, pg.Week)
				addWeek(d, pg.Current)
				for _, w := range []*Week{pg.Prev, pg.Next} {
					if w != nil {
						d.add(w.URL, w.Label)
					}
				}
				for _, w := range pg.Weeks {
					addWeek(d, w)
				}
				for _, x := range pg.Exports {
					d.add(x.URL, x.Name, x.Tool, x.Platform, x.Note)
					d.addInt(x.Rows)
					d.addInt(bool2int(x.Images))
				}
			})
		}
		if dir := s.cfg.LinksDir(); dir != "" {
			pg := linkPage(s, dir, pub)
			links = pg.Path
			page(Doc{Path: pg.Path + "index.html", Entry: -1}, func() *Page { return pg }, func(d *digest) {
				for _, l := range pg.Links {
					d.add(l.URL, l.Square, l.Entry.Title, l.Posted.String())
				}
			})
		}
		if pub.Situations != nil {
			for _, pg := range replyPages(s, pub) {
				page(Doc{Path: pg.Path + "index.html", Entry: -1}, func() *Page { return pg }, func(d *digest) {
					d.addInt(pg.Pager.Number)
					d.addInt(pg.Pager.Total)
					for _, sr := range pg.Situations {
						d.add(sr.Situation, sr.Title, sr.When, sr.Lang, sr.Reply)
						for _, t := range sr.Translations {
							d.add(t.Lang, t.Reply)
						}
					}
					for _, er := range pg.Replies {
						d.add(er.Entry.Slug, er.Entry.URL, er.Entry.Title, pub.Posts.Digest(er.Entry.Slug))
					}
				})
			}
		}
		for _, pg := range previewPages(s, pub.Posts) {
			doc := Doc{Path: pg.Path + "index.html", Entry: -1}
			for _, pv := range pg.Previews {
				doc.Previews = append(doc.Previews, pv.Entry.order)
			}
			page(doc, func() *Page { return pg }, func(d *digest) {
				d.addInt(pg.Pager.Number)
				d.addInt(pg.Pager.Total)
				for _, pv := range pg.Previews {
					d.add(pv.Entry.Slug, pv.Entry.URL, pv.Entry.Title, pub.Posts.Digest(pv.Entry.Slug))
				}
			})
		}
	}

	// robots.txt shows no entry; the sitemap and the feed show them all.
	everyEntry := func(d *digest) {
		for _, e := range s.Entries {
			d.add(e.Rel, e.MetaHash)
			addFigure(d, e.Figure)
			for _, t := range e.Topics {
				d.add(t.Slug, t.Name)
			}
		}
	}
	file("robots.txt", func(d *digest) { d.add(disallow...) }, func() ([]byte, error) { return theme.robotsTxt(s, disallow) })
	file("sitemap.xml", func(d *digest) { d.add(links); everyEntry(d) }, func() ([]byte, error) { return sitemapXML(s, links) })
	file(FeedName, everyEntry, func() ([]byte, error) { return feedXML(s, nil) })
	for _, l := range s.Languages[1:] {
		file(l.URL+FeedName, func(d *digest) {
			for _, e := range l.Entries {
				d.add(e.Rel, e.MetaHash)
				for _, t := range e.Topics {
					d.add(t.Slug, t.Name)
				}
			}
		}, func() ([]byte, error) { return feedXML(s, l) })
	}
	file("style.css", func(*digest) {}, func() ([]byte, error) { return theme.css, nil })

	parallel.For(context.Background(), len(p.Docs), func(i int) {
		d := newDigest()
		d.add(shell, p.Docs[i].Path)
		shows[i](d)
		p.Docs[i].Shows = d.sum()
	})

	// Sorted by path, the makers with them.
	by := make([]int, len(p.Docs))
	for i := range by {
		by[i] = i
	}
	slices.SortFunc(by, func(a, b int) int { return strings.Compare(p.Docs[a].Path, p.Docs[b].Path) })
	p.Docs, p.makes = permute(p.Docs, by), permute(p.makes, by)
	return p
}

// addVariant adds what a preview page shows of a post to d.
func addVariant(d *digest, v *post.Variant) {
	d.add(v.Entry, v.Platform, v.Account, v.Text, v.Link, v.LinkText, v.CTA.Type, v.CTA.URL)
	d.addInt(v.Length)
	d.addInt(v.Limit)
	d.addInt(bool2int(v.Override))
	d.addInt(len(v.Hashtags))
	d.add(v.Hashtags...)
	d.addInt(len(v.Notes))
	d.add(v.Notes...)
	d.addInt(len(v.Warnings))
	d.add(v.Warnings...)
	d.addInt(len(v.Media))
	for _, m := range v.Media {
		d.add(m.Src, m.Alt)
	}
}

// addWeek adds what a workspace page shows of week w, if any, to d.
func addWeek(d *digest, w *Week) {
	if w == nil {
		d.add("")
		return
	}
	d.add(w.URL, w.Label)
	d.addInt(bool2int(w.Current))
	for _, day := range w.Days {
		d.add(day.Name, day.Date, day.Long)
		d.addInt(len(day.Posts))
	}
	d.addInt(len(w.Posts))
	for _, sl := range w.Posts {
		d.add(sl.ID, sl.Time, sl.Week, sl.Entry.URL, sl.Entry.Title)
		addVariant(d, sl.variant)
		d.addInt(len(sl.Images))
		for _, im := range sl.Images {
			d.add(im.URL, im.Alt, im.File)
			d.addInt(im.Width)
			d.addInt(im.Height)
		}
	}
}

func bool2int(b bool) int {
	if b {
		return 1
	}
	return 0
}

// addFigure adds what a page shows of a figure to d.
func addFigure(d *digest, f *Figure) {
	if f == nil {
		d.add("")
		return
	}
	d.add("figure", f.URL, f.Alt)
	d.addInt(f.Width)
	d.addInt(f.Height)
}

// Make returns the bytes of p.Docs[i], showing a's answers.
func (p *Plan) Make(i int, a *Answers) ([]byte, error) {
	var out []byte
	err := p.MakeTo(i, a, func(b []byte) { out = slices.Clone(b) })
	return out, err
}

// MakeTo makes p.Docs[i], showing a's answers, and calls use with its
// bytes, which use must not keep: a page is rendered into a buffer that is
// reused.
func (p *Plan) MakeTo(i int, a *Answers, use func([]byte)) error {
	return p.makes[i](a, use)
}

// Find returns the place of the doc of path in p.Docs, or -1.
func (p *Plan) Find(path string) int {
	i, ok := slices.BinarySearchFunc(p.Docs, path, func(d Doc, path string) int { return cmp.Compare(d.Path, path) })
	if !ok {
		return -1
	}
	return i
}

// A digest digests a sequence of strings, each told apart from the next,
// with SHA-256: the same in every process, so that a page made by one can
// be known by its Shows in another (see the cache kept between processes).
type digest struct {
	h   hash.Hash
	len [binary.MaxVarintLen64]byte
}

func newDigest() *digest { return &digest{h: sha256.New()} }

func (d *digest) add(parts ...string) {
	for _, s := range parts {
		d.h.Write(d.len[:binary.PutUvarint(d.len[:], uint64(len(s)))])
		io.WriteString(d.h, s)
	}
}

func (d *digest) addInt(n int) {
	d.h.Write(d.len[:binary.PutVarint(d.len[:], int64(n))])
}

// sum returns the digest of what was added, in 16 bytes.
func (d *digest) sum() string {
	var b [sha256.Size]byte
	return string(d.h.Sum(b[:0])[:16])
}

// permute returns s in the order of the indices in by.
func permute[T any](s []T, by []int) []T {
	out := make([]T, len(by))
	for k, i := range by {
		out[k] = s[i]
	}
	return out
}
