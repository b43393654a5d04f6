package generator

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/faqcast/faqcast/generator/check"
	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/output"
	"github.com/faqcast/faqcast/generator/site"
	"github.com/faqcast/faqcast/internal/cachekey"
	"github.com/faqcast/faqcast/internal/memo"
	"github.com/faqcast/faqcast/internal/pack"
)

// pageVersion is what a page is made of: what it shows of the site
// (its [site.Doc.Shows]) and of the answers.
type pageVersion struct {
	shows, answers string
}

// A pageSet is a build's pages: the site's plan, the answers its pages
// show, and the bytes of the pages the build made, until they are written.
// A page not made yet is made when the checks or the writer need it.
type pageSet struct {
	plan    *site.Plan
	answers *site.Answers
	// sums are the SHA-256 of each entry's answer's HTML (see [body]),
	// which key the entry's page in kept.
	sums   []string
	files  []output.File // by doc: its path and key, and its bytes if made and kept as they are
	packed []pack.Packed // by doc: its bytes if made and packed
	packer *pack.Packer
	plain  atomic.Int64 // bytes kept as they are
	made   atomic.Int64 // pages made
	// kept is the cache kept between processes that pages are kept in,
	// unless its disk is nil.
	kept keeper
	// check runs the page checks over a page found in kept, or made and
	// stored there, which is then not held but read from kept again when
	// written: onDisk holds its key there, and found what check found. A
	// warm build of 10,000 entries would otherwise hold about 60 MB of
	// pages.
	check  func(path string, b []byte) []check.Finding
	onDisk []string          // by doc
	found  [][]check.Finding // by doc
	// srcs holds, by doc, the path of the cache's file of a page found in
	// kept, or made and stored there, whose bytes were checked then: the
	// writer links it without reading it again.
	srcs []string
}

// keepPlain is how many bytes of the pages it makes a build keeps as they
// are: enough for every page of a site of about a thousand entries, and
// for any rebuild after an edit. It packs the rest (see [pack]), and so
// holds about a quarter of a large site's pages' bytes until it writes
// them. A build that spills (see [Generator.SpillDir]) packs them all
// into its spill.
const keepPlain = 16 << 20

// make makes page i and keeps its bytes for the writer. Pages are made
// concurrently, each once.
func (ps *pageSet) make(i int) error {
	keep := func(b []byte) {
		if ps.packer.Spill == nil && ps.plain.Add(int64(len(b))) <= keepPlain {
			ps.files[i].Data = bytes.Clone(b)
			return
		}
		ps.packed[i] = ps.packer.Pack(b)
	}
	key := ""
	if ps.kept.disk != nil {
		key = ps.keptKey(i)
		if src, b, ok := ps.kept.loadPage(key); ok {
			ps.kept.hits.Add(1)
			ps.found[i], ps.onDisk[i], ps.srcs[i] = ps.check(ps.files[i].Path, b), key, src
			ps.kept.reuse(b)
			return nil
		}
	}
	ps.made.Add(1)
	return ps.plan.MakeTo(i, ps.answers, func(b []byte) {
		if key == "" {
			keep(b)
			return
		}
		if src, err := ps.kept.storePage(key, b); err == nil {
			// Kept: checked now, and then not held but linked, or read
			// again, when written, as a page found there is.
			ps.found[i], ps.onDisk[i], ps.srcs[i] = ps.check(ps.files[i].Path, b), key, src
			return
		}
		keep(b) // and made again next time
	})
}

// keptKey returns the key of page i in the cache kept between processes:
// pages are kept by what they show of the site (their Shows) and of the
// answers, an entry's page its answer's sum (see [body]) and a preview
// page its entries' readability.
func (ps *pageSet) keptKey(i int) string {
	d := &ps.plan.Docs[i]
	var answers []string
	if d.Entry >= 0 {
		answers = append(answers, ps.sums[d.Entry])
	}
	for _, j := range d.Previews {
		answers = append(answers, ps.answers.Readability[j])
	}
	return keptPageKey(ps.kept, d.Path, d.Shows, answers)
}

// bytes returns the bytes of page i: as kept, read from the cache again,
// or made again; and, when read from the cache, the path of the cache's
// file that holds them.
func (ps *pageSet) bytes(i int) (string, []byte, error) {
	if d := ps.files[i].Data; d != nil {
		return "", d, nil
	}
	if ps.packed[i].Len() > 0 {
		b, err := ps.packer.Unpack(ps.packed[i])
		return "", b, err
	}
	if key := ps.onDisk[i]; key != "" {
		if src, b, ok := ps.kept.loadPage(key); ok {
			return src, b, nil
		}
	}
	ps.made.Add(1)
	b, err := ps.plan.Make(i, ps.answers)
	return "", b, err
}

// release takes back the bytes of f, a page of ps the writer has
// written, if they were read from the cache, to read another into.
func (ps *pageSet) release(f *output.File, data []byte) {
	if i := ps.plan.Find(f.Path); i >= 0 && ps.onDisk[i] != "" {
		ps.kept.reuse(data)
	}
}

// Make returns the bytes of f, a page of ps.
func (ps *pageSet) Make(f *output.File) ([]byte, error) {
	i := ps.plan.Find(f.Path)
	if i < 0 {
		return nil, &fs.PathError{Op: "make", Path: f.Path, Err: fs.ErrNotExist}
	}
	_, b, err := ps.bytes(i)
	return b, err
}

// Link returns the path of the cache's file that holds the bytes of f, a
// page of ps, without them, when the build found or stored it there; or
// else the bytes, as Make does.
func (ps *pageSet) Link(f *output.File) (string, []byte, error) {
	i := ps.plan.Find(f.Path)
	if i < 0 {
		return "", nil, &fs.PathError{Op: "make", Path: f.Path, Err: fs.ErrNotExist}
	}
	if src := ps.srcs[i]; src != "" && ps.files[i].Key != "" {
		return src, nil, nil
	}
	return ps.bytes(i)
}

// ownPages reports whether fsys, a site's own templates folder or nil,
// holds page templates of its own: any that is not byte for byte the one
// of the same name in defaults, faqcast's own. The site's pages may then
// show anything of any entry, which a page's version does not cover:
// every page is made again each build. A copy of faqcast's templates (the
// example site's templates/ is faqcast's own) is not a theme of its own.
func ownPages(fsys, defaults fs.FS) bool {
	if fsys == nil {
		return false
	}
	own, _ := fs.Glob(fsys, "*.html")
	partials, _ := fs.Glob(fsys, "partials/*.html")
	for _, name := range slices.Concat(own, partials) {
		mine, err := fs.ReadFile(fsys, name)
		if err != nil {
			return true
		}
		theirs, err := fs.ReadFile(defaults, name)
		if err != nil || !bytes.Equal(mine, theirs) {
			return true
		}
	}
	return false
}

// siteTemplates returns the site's own templates folder, or nil.
func siteTemplates(source string) fs.FS {
	dir := filepath.Join(source, TemplatesDir)
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return nil
	}
	return os.DirFS(dir)
}

// structureKey returns a digest of what decides which entries are related
// and which are the top five: the entries' places, languages, tags and
// ranks.
func structureKey(keys *cachekey.Maker, entries []*entry.Entry) string {
	h := keys.Hash()
	for _, e := range entries {
		keys.Add(h, e.Rel, e.Lang, strconv.Itoa(e.Rank))
		keys.Add(h, e.Tags...)
	}
	return cachekey.Sum(h)
}

// figuresKey returns a digest of the entries' front matter images.
func figuresKey(keys *cachekey.Maker, bodies *bodySet) string {
	h := keys.Hash()
	for _, i := range bodies.imaged {
		if f := bodies.figures[i]; f != nil {
			keys.Add(h, strconv.Itoa(i), f.URL, f.Alt, strconv.Itoa(f.Width), strconv.Itoa(f.Height))
		}
	}
	return cachekey.Sum(h)
}

// renderPages plans the site's pages and makes those whose versions
// changed since they were last made, keeping their bytes for the checks
// and the writer. The plan (the model of the site and what each page
// shows) is made again only when the front matter, the images, the posts,
// the config, the theme or the week of the reference time changed; the
// related entries only when the
// entries' order, tags or ranks did. A build that writes nothing makes
// no page here, but those the checks look at, when they do.
func (g *Generator) renderPages(ctx context.Context, in *loaded, bodies *bodySet, posts *postSet, queue *queued, found *checkSummary) (*pageSet, error) {
	st := g.state
	entries := in.index.Entries
	own := in.ownPages
	var every string // for a site with page templates of its own: this build
	if own {
		every = "build " + strconv.FormatUint(st.builds, 10)
	}
	related, err := st.related.Get(structureKey(st.keys, entries), func() ([][]int, error) {
		return site.Relate(ctx, in.cfg.Language, entries)
	})
	if err != nil {
		return nil, err
	}
	// The workspace and the link page change with the week of their
	// reference time (see workspaceTime); the queue with the posts and
	// the front matter, and the exports it lists with the posts whose
	// time has passed.
	ref := workspaceTime(in.now, in.cfg.Schedule)
	week := site.WeekOf(ref, in.cfg.Schedule.Location).String()
	catalog := st.keys.Of(in.shell, in.index.FrontKey(), figuresKey(st.keys, bodies), strconv.FormatUint(st.posts.Gen(), 10), week, strconv.Itoa(queue.passed), every)
	plan, _ := st.plan.Get(catalog, func() (*site.Plan, error) {
		var answers []string // a theme of its own may show any entry's answer
		if own {
			answers = bodies.answers()
		}
		s := site.New(in.cfg, in.catalog, entries, answers, bodies.figures, related, g.SourceDate.UTC())
		return site.NewPlan(s, in.theme, &site.Publishing{Posts: posts, Queue: queue.queue, Now: ref, Exports: queue.exports,
			Situations: situationTexts(in.cfg, in.catalog, in.langs)}), nil
	})
	set := &pageSet{
		plan:    plan,
		answers: &site.Answers{Entries: entries, Body: bodies.answer, Readability: found.readability},
		sums:    bodies.sums,
		files:   make([]output.File, len(plan.Docs)),
		packed:  make([]pack.Packed, len(plan.Docs)),
		onDisk:  make([]string, len(plan.Docs)),
		found:   make([][]check.Finding, len(plan.Docs)),
		srcs:    make([]string, len(plan.Docs)),
		packer:  &st.packer,
	}
	versions := make([]pageVersion, len(plan.Docs))
	var parts []string
	for i, d := range plan.Docs {
		v := pageVersion{shows: d.Shows}
		if d.Entry >= 0 {
			v.answers = bodies.keys[d.Entry]
		}
		if len(d.Previews) > 0 {
			parts = parts[:0]
			for _, j := range d.Previews {
				parts = append(parts, found.readability[j])
			}
			v.answers = st.keys.Of(parts...)
		}
		versions[i] = v
		set.files[i].Path = d.Path
		if !own {
			set.files[i].Key = v.shows + v.answers
		}
	}
	if !own {
		set.kept = g.keeper(in)
	}
	if g.NoWrite && !own {
		// Only the checks need pages, and only those whose findings they
		// do not find in the cache.
		return set, nil
	}
	if !own {
		// A page found in the cache, or made and stored there, is checked
		// then, and read again when written.
		set.check = func(path string, b []byte) []check.Finding { return checkPage(in.checks, in.dest, path, b) }
	}
	_, _, err = st.pages.Map(ctx, every, len(versions),
		func(i int) memo.Item[pageVersion] {
			return memo.Item[pageVersion]{Name: plan.Docs[i].Path, Version: versions[i]}
		},
		func(int, struct{}) bool { return false },
		func(i int) (struct{}, error) { return struct{}{}, set.make(i) })
	if err != nil {
		return nil, err
	}
	return set, nil
}

// isPage reports whether path is one of the site's HTML pages that the
// page checks look at: not a post preview.
func isPage(path string) bool {
	return strings.HasSuffix(path, ".html") && !strings.HasPrefix(path, socialDir)
}

// workspaceTime returns the reference time of the staff workspace and the
// link page: the build's, or the first moment of the schedule while it
// has not begun, whose first week is then the one to prepare. So a build
// before the schedule starts is the same whichever day it runs.
func workspaceTime(now time.Time, s config.Schedule) time.Time {
	if s.Start.IsZero() {
		return now
	}
	loc := s.Location
	if loc == nil {
		loc = time.UTC
	}
	start := time.Date(s.Start.Year(), s.Start.Month(), s.Start.Day(), 0, 0, 0, 0, loc)
	if start.After(now) {
		return start
	}
	return now
}
