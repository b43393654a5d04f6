package schedule

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/faqcast/faqcast/internal/jsonindent"
)

// A Plan is what [Plan.Queue] schedules.
type Plan struct {
	Location *time.Location
	// Start is the horizon's first day, as midnight UTC; Days its length.
	Start time.Time
	Days  int
	// Slots are each platform's weekly posting times; Platforms lists the
	// platforms to schedule, in the order the queue breaks ties in.
	Slots     map[string][]Slot
	Platforms []string
	// Blackout lists days without posts, as midnight UTC.
	Blackout []time.Time
	// MinGap is the shortest time between two posts of one entry on one
	// platform.
	MinGap time.Duration
	// Entries are the candidates, most asked first: the order slots take
	// them in.
	Entries []Candidate
	// SameDayTranslations lets a platform post an entry and its
	// translations on one day; by default they go out on different days.
	SameDayTranslations bool
}

// A Candidate is an entry that may be posted.
type Candidate struct {
	Slug, Question string
	Draft          bool
	// PublishOn and ExpireOn bound the entry's publication; zero means
	// unbounded.
	PublishOn, ExpireOn time.Time
	// Pins are times the entry must be posted at, as wall-clock times in
	// Plan.Location written as UTC wall times, unless they carry another
	// zone, in which case they are that moment.
	Pins []time.Time
	// Posts are the entry's posts by platform. When Load is set, Posts
	// only tells which platforms the entry has a post for (their Posts
	// may be empty), and the queue takes the posts it schedules from
	// Load, which it calls for each: a plan then need not hold every
	// entry's texts.
	Posts map[string]Post
	Load  func() map[string]Post
	// Lang is the entry's language, a BCP 47 tag, which slots of a
	// language ask for (see [Slot]).
	Lang string
	// Group names the entry and its translations alike, such as the
	// original's slug; "" for an entry without translations.
	Group string
}

// A Post is what an item posts.
type Post struct {
	Account, Text, Link, LinkText string
	Hashtags                      []string
	Media                         []Media
	CTA                           CTA
}

// event is a moment to fill on one platform: a slot, or a pin.
type event struct {
	at   time.Time
	pin  *Candidate // nil for a slot
	lang string     // the slot's language, if it has one
}

// Queue schedules the plan. Each platform's slots, over the horizon and
// outside blackout days, are filled in time order: a pinned entry takes
// its time (and the slot at that time, if any); every other slot takes the
// next eligible entry after the one the previous slot of its language (or
// without one) took, cycling through the entries, most asked first. An entry is eligible for a slot if it is
// not a draft, is published at that moment, has a post for the platform,
// was not posted there (nor is pinned there) within MinGap of it, is in
// the slot's language, and, unless SameDayTranslations, was not posted
// there that day in another language. A slot with a language takes the
// entries of that language (es takes es-MX); one without takes those of
// the languages that have no slots of their own on the platform. A slot
// no entry is eligible for stays empty. Every entry that gets no post on a
// platform is listed in LeftOut with the reason.
func (p *Plan) Queue() *Queue {
	q := &Queue{Version: QueueVersion, Timezone: p.Location.String(), Items: []Item{}, LeftOut: []LeftOut{}}
	end := p.Start.AddDate(0, 0, p.Days)
	first := LocalTime(p.Location, p.Start.Year(), p.Start.Month(), p.Start.Day(), 0, 0)
	last := LocalTime(p.Location, end.Year(), end.Month(), end.Day(), 0, 0)
	blackout := map[string]bool{}
	for _, d := range p.Blackout {
		blackout[d.Format(time.DateOnly)] = true
	}
	inHorizon := func(t time.Time) bool { return !t.Before(first) && t.Before(last) }

	for _, name := range p.Platforms {
		byLang := map[string][]Slot{}
		for _, s := range p.Slots[name] {
			byLang[s.Lang] = append(byLang[s.Lang], s)
		}
		var own []string // the languages with slots of their own
		for lang := range byLang {
			if lang != "" {
				own = append(own, lang)
			}
		}
		var slots []event
		for _, lang := range slices.Sorted(maps.Keys(byLang)) {
			for _, at := range Expand(p.Location, p.Start, p.Days, byLang[lang], p.Blackout) {
				slots = append(slots, event{at: at, lang: lang})
			}
		}
		if len(slots) == 0 {
			continue
		}
		p := &planned{Plan: p, own: own, days: map[string][]string{}}
		posted := map[string][]time.Time{} // by slug
		pins := map[string][]time.Time{}
		var events []event
		isPin := map[int64]bool{} // by UnixNano
		for i := range p.Entries {
			c := &p.Entries[i]
			if _, ok := c.Posts[name]; !ok || c.Draft {
				continue
			}
			for _, pin := range c.Pins {
				at := p.pinTime(pin)
				if !inHorizon(at) || blackout[at.In(p.Location).Format(time.DateOnly)] {
					continue
				}
				events = append(events, event{at: at, pin: c})
				pins[c.Slug] = append(pins[c.Slug], at)
				isPin[at.UnixNano()] = true
			}
		}
		for _, sl := range slots {
			if !isPin[sl.at.UnixNano()] {
				events = append(events, sl)
			}
		}
		slices.SortStableFunc(events, func(a, b event) int { return a.at.Compare(b.at) })

		// The candidate the next slot of each language starts looking
		// at: the slots of a language take turns through its entries,
		// which the other slots' turns do not move.
		next := map[string]int{}
		for _, ev := range events {
			c := ev.pin
			if c == nil {
				for k := range p.Entries {
					i := (next[ev.lang] + k) % len(p.Entries)
					if p.eligible(&p.Entries[i], name, ev, posted, pins) {
						c = &p.Entries[i]
						next[ev.lang] = i + 1
						break
					}
				}
				if c == nil {
					continue
				}
			}
			posted[c.Slug] = append(posted[c.Slug], ev.at)
			if c.Group != "" {
				p.days[c.Group] = append(p.days[c.Group], ev.at.In(p.Location).Format(time.DateOnly))
			}
			q.Items = append(q.Items, p.item(c, name, ev.at, ev.pin != nil))
		}
		for i := range p.Entries {
			c := &p.Entries[i]
			if len(posted[c.Slug]) == 0 {
				q.LeftOut = append(q.LeftOut, LeftOut{Entry: c.Slug, Platform: name, Reason: p.reason(c, name, first, last)})
			}
		}
	}
	slices.SortFunc(q.Items, func(a, b Item) int {
		return cmp.Or(a.PublishAtUTC.Compare(b.PublishAtUTC), cmp.Compare(p.rank(a.Platform), p.rank(b.Platform)), cmp.Compare(a.Entry, b.Entry))
	})
	return q
}

// rank returns the position of platform name in p.Platforms.
func (p *Plan) rank(name string) int { return slices.Index(p.Platforms, name) }

// pinTime returns the moment of a pin.
func (p *Plan) pinTime(pin time.Time) time.Time {
	if pin.Location() != time.UTC {
		return pin
	}
	return LocalTime(p.Location, pin.Year(), pin.Month(), pin.Day(), pin.Hour(), pin.Minute())
}

// planned is a plan while one platform is scheduled: own lists the
// languages with slots of their own there, and days the days on which
// each group of translations was posted there.
type planned struct {
	*Plan
	own  []string
	days map[string][]string
}

// eligible reports whether c may take the slot ev on platform name.
func (p *planned) eligible(c *Candidate, name string, ev event, posted, pins map[string][]time.Time) bool {
	t := ev.at
	if _, ok := c.Posts[name]; !ok || c.Draft || !published(c, t) {
		return false
	}
	if ev.lang != "" && !InLanguage(c.Lang, ev.lang) || ev.lang == "" && slices.ContainsFunc(p.own, func(l string) bool { return InLanguage(c.Lang, l) }) {
		return false
	}
	if c.Group != "" && !p.SameDayTranslations && slices.Contains(p.days[c.Group], t.In(p.Location).Format(time.DateOnly)) {
		return false
	}
	near := func(times []time.Time) bool {
		for _, u := range times {
			if d := t.Sub(u); d < p.MinGap && d > -p.MinGap {
				return true
			}
		}
		return false
	}
	return !near(posted[c.Slug]) && !near(pins[c.Slug])
}

// InLanguage reports whether an entry in language lang is in the slot
// language slot: the same tag, or a tag of the slot's language with more
// subtags (es-MX is in es), ignoring case.
func InLanguage(lang, slot string) bool {
	lang, slot = strings.ToLower(lang), strings.ToLower(slot)
	return lang == slot || strings.HasPrefix(lang, slot+"-")
}

// published reports whether c is published at t.
func published(c *Candidate, t time.Time) bool {
	return (c.PublishOn.IsZero() || !t.Before(c.PublishOn)) && (c.ExpireOn.IsZero() || t.Before(c.ExpireOn))
}

// reason says why c got no post on platform name between first and last.
func (p *Plan) reason(c *Candidate, name string, first, last time.Time) string {
	switch _, ok := c.Posts[name]; {
	case c.Draft:
		return "a draft"
	case !ok:
		return "no post for this platform"
	case !c.ExpireOn.IsZero() && !c.ExpireOn.After(first):
		return fmt.Sprintf("expired on %s, before the schedule starts", c.ExpireOn.Format(time.DateOnly))
	case !c.PublishOn.IsZero() && !c.PublishOn.Before(last):
		return fmt.Sprintf("published on %s, after the schedule ends", c.PublishOn.Format(time.DateOnly))
	}
	return "no free slot: more entries than slots in the horizon, or too close to its own posts (min_gap_days)"
}

// item makes the queue item of c's post on platform name at t.
func (p *Plan) item(c *Candidate, name string, t time.Time, pinned bool) Item {
	post := c.Posts[name]
	if c.Load != nil {
		post = c.Load()[name]
	}
	id := sha256.Sum256([]byte(c.Slug + "\x00" + name + "\x00" + t.UTC().Format(time.RFC3339)))
	it := Item{
		ID:           hex.EncodeToString(id[:10]),
		Entry:        c.Slug,
		Platform:     name,
		Account:      post.Account,
		Question:     c.Question,
		PublishAt:    t.In(p.Location),
		PublishAtUTC: t.UTC(),
		Text:         post.Text,
		Link:         post.Link,
		LinkText:     post.LinkText,
		Hashtags:     post.Hashtags,
		Media:        post.Media,
		CTA:          post.CTA,
		Pinned:       pinned,
	}
	if it.Hashtags == nil {
		it.Hashtags = []string{}
	}
	if it.Media == nil {
		it.Media = []Media{}
	}
	content, _ := json.Marshal(struct {
		Text, Link string
		Media      []Media
		CTA        CTA
	}{it.Text, it.Link, it.Media, it.CTA})
	sum := sha256.Sum256(content)
	it.Hash = "sha256:" + hex.EncodeToString(sum[:])
	return it
}

// JSON returns queue.json.
func (q *Queue) JSON() ([]byte, error) {
	b, err := jsonindent.Marshal(nil, q, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
