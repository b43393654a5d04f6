package generator

import (
	"maps"
	"slices"
	"strconv"

	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/output"
	"github.com/faqcast/faqcast/generator/post"
	"github.com/faqcast/faqcast/generator/schedule"
)

// plan returns the schedule of the published entries' posts.
func plan(cfg *config.Config, entries []*entry.Entry, posts map[string][]post.Variant) *schedule.Plan {
	s := &cfg.Schedule
	p := &schedule.Plan{
		Location: s.Location,
		Start:    s.Start,
		Days:     s.Days(),
		Slots:    s.Parsed,
		Blackout: s.Blackout,
		MinGap:   s.MinGap(),
	}
	for _, ch := range cfg.Channels() {
		p.Platforms = append(p.Platforms, ch.Name)
	}
	for _, e := range entries {
		c := schedule.Candidate{
			Slug:      e.Slug,
			Question:  e.Title,
			Draft:     e.Draft,
			PublishOn: e.PublishOn,
			ExpireOn:  e.ExpireOn,
			Pins:      e.Pins,
			Posts:     map[string]schedule.Post{},
		}
		for _, v := range posts[e.Slug] {
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
			c.Posts[v.Platform] = sp
		}
		p.Entries = append(p.Entries, c)
	}
	return p
}

// queueOf returns the posting schedule of the published entries' posts
// and its files, each keyed by key, a digest of what they are made of.
func queueOf(cfg *config.Config, entries []*entry.Entry, posts *postSet, key string) (*queued, error) {
	q := plan(cfg, entries, posts.bySlug).Queue()
	files, err := queueFiles(q, cfg)
	if err != nil {
		return nil, err
	}
	for i := range files {
		files[i].Key = "queue " + key
	}
	return &queued{queue: q, files: files}, nil
}

// queueFiles returns the queue's files under social/: queue.json and its
// schema, the Hootsuite and Sprout Social CSV files and the calendar.
func queueFiles(q *schedule.Queue, cfg *config.Config) ([]output.File, error) {
	js, err := q.JSON()
	if err != nil {
		return nil, err
	}
	ics, err := schedule.Calendar(q, cfg.Schedule.Location)
	if err != nil {
		return nil, err
	}
	files := []output.File{
		{Path: socialDir + "queue.json", Data: js},
		{Path: socialDir + "queue.schema.json", Data: schedule.Schema()},
		{Path: socialDir + "sprout.csv", Data: schedule.Sprout(q)},
		{Path: socialDir + "calendar.ics", Data: ics},
	}
	// In the same order every build: a Writer given the files of its last
	// Write in the same order need not sort and check them again.
	csv := schedule.Hootsuite(q)
	for _, name := range slices.Sorted(maps.Keys(csv)) {
		files = append(files, output.File{Path: socialDir + name, Data: csv[name]})
	}
	return files, nil
}

// planQueue plans the posting schedule, again only when the posts or the
// entries' front matter changed.
func (g *Generator) planQueue(in *loaded, posts *postSet) (*queued, error) {
	st := g.state
	key := st.keys.Of(in.shell, in.index.FrontKey(), strconv.FormatUint(st.posts.Gen(), 10))
	return st.queue.Get(key, func() (*queued, error) { return queueOf(in.cfg, in.index.Entries, posts, key) })
}
