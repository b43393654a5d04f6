package generator

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strconv"
	"strings"

	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/output"
	"github.com/faqcast/faqcast/generator/platform"
	"github.com/faqcast/faqcast/generator/post"
	"github.com/faqcast/faqcast/generator/schedule"
	"github.com/faqcast/faqcast/generator/site"
	"github.com/faqcast/faqcast/internal/pack"
)

// plan returns the schedule of the published entries' posts, which it
// unpacks only for the posts the queue takes.
func plan(cfg *config.Config, entries []*entry.Entry, posts *postSet) *schedule.Plan {
	s := &cfg.Schedule
	p := &schedule.Plan{
		Location: s.Location,
		Start:    s.Start,
		Days:     s.Days(),
		Slots:    s.Parsed,
		Blackout: s.Blackout,
		MinGap:   s.MinGap(),

		SameDayTranslations: s.SameDayTranslations,
	}
	groups := entry.Translations(entries)
	for _, ch := range cfg.Channels() {
		p.Platforms = append(p.Platforms, ch.Name)
	}
	for i, e := range entries {
		c := schedule.Candidate{
			Lang:      e.Language(cfg.Language),
			Slug:      e.Slug,
			Question:  e.Title,
			Draft:     e.Draft,
			PublishOn: e.PublishOn,
			ExpireOn:  e.ExpireOn,
			Pins:      e.Pins,
			Posts:     map[string]schedule.Post{},
		}
		if len(groups[i]) > 0 {
			// The group's name: the smallest of its slugs.
			c.Group = e.Slug
			for _, j := range groups[i] {
				c.Group = min(c.Group, entries[j].Slug)
			}
		}
		if ps := posts.bySlug[e.Slug]; ps != nil {
			for _, name := range ps.platforms {
				c.Posts[name] = schedule.Post{}
			}
			c.Load = func() map[string]schedule.Post { return schedulePosts(posts.Posts(e.Slug)) }
		}
		p.Entries = append(p.Entries, c)
	}
	return p
}

// schedulePosts returns variants as the queue takes them, by platform.
func schedulePosts(variants []post.Variant) map[string]schedule.Post {
	posts := make(map[string]schedule.Post, len(variants))
	for _, v := range variants {
		sp := schedule.Post{
			Account:  v.Account,
			Text:     v.Text,
			Link:     v.Link,
			LinkText: v.LinkText,
			Hashtags: v.Hashtags,
			CTA:      schedule.CTA{Type: v.CTA.Type, URL: v.CTA.URL},
		}
		for _, m := range v.Media {
			sp.Media = append(sp.Media, schedule.Media{Src: m.Src, Alt: m.Alt})
		}
		posts[v.Platform] = sp
	}
	return posts
}

// queueOf returns the posting schedule of the published entries' posts,
// full, and the publisher's files: queue.json and its schema, posts.json
// and the calendar, which hold the whole schedule, and the CSV exports,
// which hold since, its posts still to come, all but the first passed (a
// scheduler refuses a post whose time has passed), under publishDir.
// They carry one build id, a digest of what they hold. The schedule and
// the list of exports are ready at once, for the pages; queue.json and
// the files are made meanwhile, and ready once [queued.wait] returns.
func queueOf(cfg *config.Config, full, since *schedule.Queue, passed int, posts *postSet, packer *pack.Packer) (*queued, error) {
	c := *full // whose Build finish sets
	q := &c
	exports := schedule.Exports(since)
	listed := make([]site.Export, len(exports))
	for i, x := range exports {
		listed[i] = site.Export{URL: publishDir + x.Name, Name: x.Name, Tool: x.Tool, Platform: x.Platform, Rows: x.Rows, Images: x.Images, Note: x.Note}
		if p, ok := platform.Lookup(x.Platform); ok {
			listed[i].Platform = p.Title
		}
	}
	qd := &queued{queue: q, passed: passed, exports: listed, done: make(chan struct{})}
	go func() {
		defer close(qd.done)
		qd.err = qd.finish(cfg, exports, posts, packer)
	}()
	return qd, nil
}

// finish makes q's queue.json, names its build and makes its files. The
// pages, made meanwhile, read the schedule but not its build, which
// finish sets.
func (q *queued) finish(cfg *config.Config, exports []schedule.Export, posts *postSet, packer *pack.Packer) error {
	js, build, err := queueJSON(q.queue, q.passed, posts)
	if err != nil {
		return err
	}
	files, err := publishFiles(q.queue, cfg, exports)
	if err != nil {
		return err
	}
	// The build names every file's bytes; posts.json's are made when
	// written, and queue.json's unpacked then (9 MB at 10,000 entries).
	for i := range files {
		files[i].Key = "publish " + build
	}
	q.files, q.json = files, packer.Pack(js)
	return nil
}

// wait waits until q's queue.json and files are made, and returns the
// error that stopped them.
func (q *queued) wait() error {
	<-q.done
	return q.err
}

// publishFiles returns the publisher's files of q, whose bulk-import files
// are exports, all with their bytes but queue.json and posts.json.
func publishFiles(q *schedule.Queue, cfg *config.Config, exports []schedule.Export) ([]output.File, error) {
	ics, err := schedule.Calendar(q, cfg.Schedule.Location)
	if err != nil {
		return nil, err
	}
	files := []output.File{
		{Path: queueJSONPath},
		{Path: publishDir + "queue.schema.json", Data: schedule.Schema()},
		{Path: postsJSON, Large: true},
		{Path: publishDir + "calendar.ics", Data: ics},
	}
	// In the same order every build: a Writer given the files of its last
	// Write in the same order need not sort and check them again.
	for _, x := range exports {
		files = append(files, output.File{Path: publishDir + x.Name, Data: x.Data})
	}
	return files, nil
}

// queueJSON returns queue.json of q and the build id it names, which
// it sets in q: the first 16 hexadecimal digits of the SHA-256 of the
// queue without it, of the number of its items passed, which the CSV
// exports leave out, and of each entry's part of posts.json, which the
// other publisher's files are made of.
func queueJSON(q *schedule.Queue, passed int, posts *postSet) ([]byte, string, error) {
	// With an id of zeros, replaced in place: the queue is encoded once.
	// A copy has it, so that q can be read meanwhile.
	zeros := strings.Repeat("0", buildIDLen)
	c := *q
	c.Build = zeros
	js, err := c.JSON()
	if err != nil {
		return nil, "", err
	}
	h := sha256.New()
	h.Write(js)
	if passed > 0 { // as before the exports left out passed items
		h.Write([]byte("passed " + strconv.Itoa(passed)))
	}
	for _, p := range posts.posts {
		h.Write(p.sum[:])
	}
	build := hex.EncodeToString(h.Sum(nil))[:buildIDLen]
	q.Build = build
	field := []byte(`"build": "` + zeros + `"`)
	at := bytes.Index(js, field)
	if at < 0 {
		return nil, "", errors.New("queue.json: no build field")
	}
	copy(js[at+len(`"build": "`):], build)
	return js, build, nil
}

// buildIDLen is the length of a build id.
const buildIDLen = 16

// planQueue plans the posting schedule, again only when the posts or the
// entries' front matter changed, and makes its files, again also when a
// post's time has passed since: the bulk files hold the posts whose time
// is still to come at the build's reference time.
func (g *Generator) planQueue(in *loaded, posts *postSet) (*queued, error) {
	st := g.state
	key := st.keys.Of(in.shell, in.index.FrontKey(), strconv.FormatUint(st.posts.Gen(), 10), st.spilling)
	full, err := st.schedule.Get(key, func() (*schedule.Queue, error) {
		q := plan(in.cfg, in.index.Entries, posts).Queue()
		return q, posts.Err()
	})
	if err != nil {
		return nil, err
	}
	passed, since := full.Since(in.now)
	return st.queue.Get(st.keys.Of(key, strconv.Itoa(passed)), func() (*queued, error) {
		return queueOf(in.cfg, full, since, passed, posts, &st.packer)
	})
}
