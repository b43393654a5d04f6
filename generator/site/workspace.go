package site

import (
	"strings"
	"time"

	"github.com/faqcast/faqcast/generator/card"
	"github.com/faqcast/faqcast/generator/post"
	"github.com/faqcast/faqcast/generator/reply"
	"github.com/faqcast/faqcast/generator/schedule"
)

// Paths of the staff workspace's pages, relative to the site root.
const (
	// WorkspaceURL is the workspace's first page: the calendar.
	WorkspaceURL = "social/"
	// ThisWeekURL is the printable list of the current week's posts.
	ThisWeekURL = WorkspaceURL + "this-week/"
	// weekDir holds a page for each week, named for its Monday.
	weekDir = WorkspaceURL + "week/"
)

// Publishing is what the staff workspace and the link page show: each
// entry's posts and replies, the queue of their scheduled times, and the
// build's reference time, which decides the current week: weeks before it
// drop off the workspace, and the link page lists the entries posted
// before its end.
type Publishing struct {
	Posts PostSource
	Queue *schedule.Queue
	Now   time.Time
	// Exports are the files for schedulers' bulk uploads, which the
	// workspace lists.
	Exports []Export
	// Situations are the practice's replies by situation, for the reply
	// kit, which shows them and each entry's replies; with no Situations,
	// there is none.
	Situations []reply.SituationText
}

// An Export is a file for a scheduler's bulk upload, as the workspace
// lists it.
type Export struct {
	// URL is the file's path relative to the site root.
	URL string
	// Name is the file's name; Tool the scheduler it is for; Platform the
	// platform it holds posts for, "" for all.
	Name, Tool, Platform string
	Rows                 int
	// Images is set when the file carries each post's image.
	Images bool
	// Note says how to import it.
	Note string
}

// A Week is one week of the schedule, Monday to Sunday in the schedule's
// time zone, as the workspace shows it.
type Week struct {
	// Start is the Monday, at midnight in the schedule's time zone.
	Start time.Time
	// URL is the week's page, relative to the site root.
	URL string
	// Label names the week, such as "Week of Monday, December 7, 2026";
	// Of is its Monday, "Monday, December 7, 2026".
	Label, Of string
	// Current marks the week of the build's reference time.
	Current bool
	// Days are the seven days, Monday first.
	Days []Day
	// Posts are the week's posts, by time, then platform, then entry.
	Posts []*Slot
}

// A Day is one day of a [Week].
type Day struct {
	// ID names the day in anchors and ids: "mon" to "sun".
	ID string
	// Name and Date are the day as a calendar's column heads it, in the
	// site's language: "Mon", "Dec 7".
	Name, Date string
	// Long is the whole day: "Monday, December 7".
	Long  string
	Posts []*Slot
}

// A Slot is one scheduled post: when and where it goes out, and the post
// as the preview shows it.
type Slot struct {
	// ID is the queue item's ID, which anchors the post on its week's page.
	ID string
	// At is the moment, in the schedule's time zone; Day is its day in
	// the site's language, such as "Mon Dec 7", and Time its time, such
	// as "09:00".
	At   time.Time
	Day  string
	Time string
	// Week is the URL of the page that shows the post in full.
	Week  string
	Entry *Entry
	Post  PreviewPost
	// Images are the post's images, each with where to download it.
	Images []Image

	variant *post.Variant // Post's
}

// An Image is a post's image as the workspace offers it.
type Image struct {
	// URL is the image on the built site, relative to the site root when
	// it is there, else absolute.
	URL string
	Alt string
	// Width and Height are 0 when unknown.
	Width, Height int
	// File is the name to download it as, such as "first-visit-square.png".
	File string
}

// A Calendar pairs a week with the page that shows it, for the
// calendar.html and slots.html partials. Nested is set when the week's
// posts are shown under a heading of the page's own, so that their days
// are h3, not h2.
type Calendar struct {
	Page   *Page
	Week   *Week
	Nested bool
}

// Calendar returns w paired with p, for the calendar.html and slots.html
// partials.
func (p *Page) Calendar(w *Week) Calendar { return Calendar{Page: p, Week: w} }

// PostNotes pairs a post's warnings and notes with the page that shows
// them, for the postnotes.html partial.
type PostNotes struct {
	Page *Page
	Post PreviewPost
}

// Notes returns pp paired with p, for the postnotes.html partial.
func (p *Page) Notes(pp PreviewPost) PostNotes { return PostNotes{Page: p, Post: pp} }

// Nested returns w paired with p, for the slots.html partial under a
// heading of the page's own.
func (p *Page) Nested(w *Week) Calendar { return Calendar{Page: p, Week: w, Nested: true} }

// Rows returns how many lines a box shows the post's text in: its lines,
// counting a long one as several, up to 16.
func (pp PreviewPost) Rows() int {
	n := 0
	for line := range strings.SplitSeq(pp.Text, "\n") {
		n += 1 + len([]rune(line))/60
	}
	return min(n, 16)
}

// weekLayout names a week's page: its Monday.
const weekLayout = "2006-01-02"

// schedule returns the weeks of pub's queue from the week of its
// reference time to the last week with a post, each with its posts. A
// queue with no posts from this week on gives none.
func weeks(s *Site, pub *Publishing) []*Week {
	q := pub.Queue
	if q == nil || len(q.Items) == 0 {
		return nil
	}
	loc := s.scheduleZone()
	words := s.Languages[0].loc
	first := WeekOf(pub.Now, loc)
	last := monday(q.Items[len(q.Items)-1].PublishAt.In(loc))
	if last.Before(first) {
		return nil
	}
	var out []*Week
	byStart := map[time.Time]*Week{}
	for start := first; !start.After(last); start = start.AddDate(0, 0, 7) {
		w := &Week{Start: start, URL: weekDir + start.Format(weekLayout) + "/", Current: start.Equal(first),
			Of: words.FullDate(start)}
		w.Label = words.Fixed("week.label", "date", w.Of)
		for d := range 7 {
			day := start.AddDate(0, 0, d)
			w.Days = append(w.Days, Day{ID: strings.ToLower(day.Format("Mon")), Name: words.Weekday(day), Date: words.DayMonth(day), Long: words.LongDayMonth(day)})
		}
		out = append(out, w)
		byStart[start] = w
	}
	bySlug := map[string]*Entry{}
	for _, e := range s.Entries {
		bySlug[e.Slug] = e
	}
	for i := range q.Items {
		it := &q.Items[i]
		at := it.PublishAt.In(loc)
		w := byStart[monday(at)]
		e := bySlug[it.Entry]
		if w == nil || e == nil {
			continue
		}
		sl := &Slot{ID: it.ID, At: at, Day: words.Weekday(at) + " " + words.DayMonth(at), Time: at.Format("15:04"), Week: w.URL, Entry: e}
		sl.variant = slotVariant(it, pub.Posts.Posts(it.Entry))
		sl.Post = previewPost(sl.variant)
		for _, m := range it.Media {
			sl.Images = append(sl.Images, image(s, e, m))
		}
		w.Posts = append(w.Posts, sl)
		d := &w.Days[(int(at.Weekday())+6)%7]
		d.Posts = append(d.Posts, sl)
	}
	return out
}

// slotVariant returns the item's post: the entry's variant for its
// platform, or one made of the item alone when there is none.
func slotVariant(it *schedule.Item, variants []post.Variant) *post.Variant {
	for i := range variants {
		if variants[i].Platform == it.Platform {
			return &variants[i]
		}
	}
	return &post.Variant{Entry: it.Entry, Platform: it.Platform, Account: it.Account, Text: it.Text, Link: it.Link, LinkText: it.LinkText, Hashtags: it.Hashtags}
}

// image returns media m of entry e's post as the workspace offers it.
func image(s *Site, e *Entry, m schedule.Media) Image {
	im := Image{URL: m.Src, Alt: m.Alt, File: e.Slug + "-" + m.Src[strings.LastIndexByte(m.Src, '/')+1:]}
	if rel, ok := strings.CutPrefix(m.Src, s.BaseURL); ok {
		im.URL = rel
	}
	if m.Src == e.Permalink+SquareName {
		sq := card.Square()
		im.Width, im.Height = sq.Width, sq.Height
	} else if f := e.ShareImage(); m.Src == f.Permalink {
		im.Width, im.Height = f.Width, f.Height
	}
	return im
}

// scheduleZone returns the schedule's time zone, or UTC.
func (s *Site) scheduleZone() *time.Location {
	if loc := s.cfg.Schedule.Location; loc != nil {
		return loc
	}
	return time.UTC
}

// WeekOf returns the Monday, at midnight in loc (UTC if nil), of the week
// of t: the current week of a build whose reference time is t.
func WeekOf(t time.Time, loc *time.Location) time.Time {
	if loc == nil {
		loc = time.UTC
	}
	return monday(t.In(loc))
}

// monday returns midnight of the Monday on or before t, in t's zone.
func monday(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d-(int(t.Weekday())+6)%7, 0, 0, 0, 0, t.Location())
}

// workspacePages returns the staff workspace's pages: the calendar of
// every week from the current one on, a page for each of those weeks with
// its posts in full, and the current week's printable list.
func workspacePages(s *Site, pub *Publishing) []*Page {
	ws := weeks(s, pub)
	var current *Week
	if len(ws) > 0 && ws[0].Current {
		current = ws[0]
	}
	loc := s.Languages[0].loc
	tz := loc.Fixed("workspace.default_zone")
	if pub.Queue != nil && pub.Queue.Timezone != "" {
		tz = pub.Queue.Timezone
	}
	base := func(kind, path, heading, description, crumb string) *Page {
		p := staffPage(s, kind, path, heading, description, crumb)
		p.Wide, p.Timezone, p.Exports, p.Current = true, tz, pub.Exports, current
		return p
	}
	home := base("workspace", WorkspaceURL, loc.Fixed("workspace.name"), loc.Fixed("workspace.description"), "")
	home.Weeks = ws
	pages := []*Page{home}

	this := base("checklist", ThisWeekURL, loc.Fixed("checklist.name"), loc.Fixed("checklist.description"), loc.Fixed("checklist.crumb"))
	this.Week = current
	if current == nil && len(ws) > 0 {
		this.Next = ws[0]
	}
	pages = append(pages, this)

	for i, w := range ws {
		p := base("week", w.URL, w.Label, loc.Fixed("week.description", "date", w.Of), w.Label)
		p.Week = w
		if i > 0 {
			p.Prev = ws[i-1]
		}
		if i+1 < len(ws) {
			p.Next = ws[i+1]
		}
		pages = append(pages, p)
	}
	return pages
}
