// Package schedule turns a practice's posting slots into a queue: which
// entry's post goes out on which platform at which moment, over a horizon
// of weeks, and writes that queue for publishers (queue.json and its JSON
// Schema), for bulk importers (Buffer, Hootsuite, Publer and Sprout Social
// CSV files, listed with a note on importing each by Exports) and for
// people (an iCalendar file).
package schedule

import (
	"sort"
	"time"
)

// QueueVersion is the version of the queue.json format.
const QueueVersion = 1

// A Queue is the scheduled posts of a horizon.
type Queue struct {
	Version int `json:"version"`
	// Build, in the queue.json a build writes, names the build's
	// publisher files: queue.json, posts.json and the calendar of one
	// build carry the same Build, and files of two builds differ in it. It
	// is a digest of what those files hold, so the same input gives the
	// same Build. A queue worked out and not written has none.
	Build string `json:"build,omitempty"`
	// Timezone is the IANA name of the zone the slots are in.
	Timezone string `json:"timezone"`
	// Items are sorted by time, then platform, then entry.
	Items []Item `json:"items"`
	// LeftOut lists the entries that got no post on a platform, and why.
	LeftOut []LeftOut `json:"left_out"`
}

// An Item is one post at one moment on one platform.
type Item struct {
	// ID is stable across builds: it is made from the entry, the platform
	// and the slot, never from the text, so a publisher can tell an item
	// it has seen.
	ID       string `json:"id"`
	Entry    string `json:"entry"` // the entry's slug
	Platform string `json:"platform"`
	Account  string `json:"account,omitempty"`
	// Question is the entry's title, for people reading the queue.
	Question string `json:"question"`
	// PublishAt is the local time with its offset (RFC 3339);
	// PublishAtUTC the same moment in UTC.
	PublishAt    time.Time `json:"publish_at"`
	PublishAtUTC time.Time `json:"publish_at_utc"`
	Text         string    `json:"text"`
	Link         string    `json:"link"`
	LinkText     string    `json:"link_text,omitempty"`
	Hashtags     []string  `json:"hashtags"`
	Media        []Media   `json:"media"`
	CTA          CTA       `json:"cta"`
	// Pinned is set when the entry's front matter asked for this time.
	Pinned bool `json:"pinned,omitempty"`
	// Hash is a digest of what is posted (text, link, media, call to
	// action), so a publisher can see that an item changed.
	Hash string `json:"hash"`
}

// A Media item is an image to attach.
type Media struct {
	Src string `json:"src"`
	Alt string `json:"alt"`
}

// A CTA is a post's call to action (see post.CTA).
type CTA struct {
	Type string `json:"type"`
	URL  string `json:"url,omitempty"`
}

// A LeftOut entry got no post on a platform over the horizon.
type LeftOut struct {
	Entry    string `json:"entry"`
	Platform string `json:"platform"`
	Reason   string `json:"reason"`
}

// Since returns the number of q's items before t, and a copy of q that
// holds only the items from t on: what a scheduler's upload made at t may
// hold, since a scheduler refuses a post whose time has passed. The copy
// shares q's items and left-out entries.
func (q *Queue) Since(t time.Time) (passed int, since *Queue) {
	if q == nil {
		return 0, nil
	}
	passed = sort.Search(len(q.Items), func(i int) bool { return !q.Items[i].PublishAt.Before(t) })
	c := *q
	c.Items = q.Items[passed:]
	return passed, &c
}
