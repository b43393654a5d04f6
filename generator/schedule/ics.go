package schedule

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/faqcast/faqcast/generator/platform"
)

// calendarProdID is the calendar's PRODID.
const calendarProdID = "-//faqcast//faqcast content calendar//EN"

// eventLength is how long each post's event lasts in the calendar.
const eventLength = 15 * time.Minute

// fallbackUIDHost is the host part of an event's UID when the item has no
// link to take a host from. The .invalid top-level domain (RFC 2606) is
// never anyone's.
const fallbackUIDHost = "faqcast.invalid"

// icalLocal is the layout of an iCalendar DATE-TIME in local time.
const icalLocal = "20060102T150405"

// Calendar returns an iCalendar (RFC 5545) file with one event per item, so staff see the content
// calendar in their calendar app: SUMMARY "<Platform title>: <question>", DESCRIPTION the post text,
// URL the item's link, UID "<item id>@<host>" (host from the link, stable across builds),
// DTSTART in the queue's zone (TZID=<zone>) with a VTIMEZONE component describing that zone's
// offsets over the items' span, DTEND 15 minutes later, DTSTAMP fixed (the item's UTC time, never
// the clock), CATEGORIES the platform name. loc is the queue's zone; the PRODID names faqcast.
//
// The TZID is loc's name, which must equal q.Timezone when that is set.
// The VTIMEZONE holds one observance for the offset in force at the
// earliest item and one for each of the zone's transitions up to the
// latest item, each a STANDARD or DAYLIGHT component with DTSTART,
// TZOFFSETFROM, TZOFFSETTO and TZNAME and no RRULE; a zone without
// transitions gets one STANDARD component. A calendar with no items has
// no VTIMEZONE and no events.
//
// A local time that the zone repeats (the hour after a fall-back change)
// means its first occurrence in iCalendar; when an item is at the second
// occurrence, its DTSTART and DTEND are written in UTC instead, so every
// event is at its item's exact moment.
//
// Escaping of TEXT values and folding of lines longer than 75 octets are
// left to github.com/arran4/golang-ical; lines end in CRLF as RFC 5545
// requires, whatever the system. Texts are made fit for iCalendar first:
// CRLF and lone CR become LF, other control characters except tab are
// dropped and invalid UTF-8 becomes U+FFFD. An item without a link gets
// no URL and the UID host "faqcast.invalid".
//
// Calendar returns an error for a nil queue or location, a zone name that
// cannot be a TZID, an item without an ID, two items with one ID, a link
// that is not a URL or holds a control character, or a time outside the
// years 1 to 9999.
func Calendar(q *Queue, loc *time.Location) ([]byte, error) {
	if q == nil {
		return nil, errors.New("calendar: no queue")
	}
	if loc == nil {
		return nil, errors.New("calendar: no time zone")
	}
	tzid := loc.String()
	if q.Timezone != "" && q.Timezone != tzid {
		return nil, fmt.Errorf("calendar: queue time zone %q is not the location %q", q.Timezone, tzid)
	}
	if !validTZID(tzid) {
		return nil, fmt.Errorf("calendar: time zone name %q cannot be a TZID", tzid)
	}

	cal := ics.NewCalendarFor("faqcast")
	cal.SetProductId(calendarProdID)
	cal.SetCalscale("GREGORIAN")
	cal.SetMethod(ics.MethodPublish)
	if q.Build != "" {
		// The build that wrote the calendar, as queue.json names it: an
		// extension property, which calendar apps ignore.
		cal.CalendarProperties = append(cal.CalendarProperties, ics.CalendarProperty{BaseProperty: ics.BaseProperty{
			IANAToken: "X-FAQCAST-BUILD", Value: q.Build, ICalParameters: map[string][]string{},
		}})
	}

	var first, last time.Time
	seen := make(map[string]bool, len(q.Items))
	for i := range q.Items {
		it := &q.Items[i]
		if it.ID == "" {
			return nil, fmt.Errorf("calendar: item %d (%s on %s) has no id", i, it.Entry, it.Platform)
		}
		if seen[it.ID] {
			return nil, fmt.Errorf("calendar: two items have the id %q", it.ID)
		}
		seen[it.ID] = true
		at := it.PublishAt
		if !inYearRange(at, loc) || !inYearRange(at.Add(eventLength), loc) {
			return nil, fmt.Errorf("calendar: item %s: time %s is out of range", it.ID, at.Format(time.RFC3339))
		}
		if i == 0 || at.Before(first) {
			first = at
		}
		if i == 0 || at.After(last) {
			last = at
		}
	}
	if len(q.Items) > 0 {
		addTimezone(cal, loc, tzid, first, last)
	}

	for i := range q.Items {
		it := &q.Items[i]
		host := fallbackUIDHost
		// A link is written as it is, or not at all.
		link := strings.ToValidUTF8(it.Link, "\uFFFD")
		if link != "" {
			if strings.ContainsFunc(link, isControl) {
				return nil, fmt.Errorf("calendar: item %s: link %q holds a control character", it.ID, link)
			}
			u, err := url.Parse(link)
			if err != nil {
				return nil, fmt.Errorf("calendar: item %s: link: %w", it.ID, err)
			}
			if h := strings.ToLower(u.Hostname()); h != "" {
				host = h
			}
		}
		title := it.Platform
		if p, ok := platform.Lookup(it.Platform); ok {
			title = p.Title
		}

		ev := cal.AddEvent(icsText(it.ID) + "@" + host)
		ev.SetDtStampTime(it.PublishAt)
		setLocalTime(ev, ics.ComponentPropertyDtStart, it.PublishAt, loc, tzid)
		setLocalTime(ev, ics.ComponentPropertyDtEnd, it.PublishAt.Add(eventLength), loc, tzid)
		ev.SetSummary(icsText(title + ": " + it.Question))
		ev.SetDescription(icsText(it.Text))
		if link != "" {
			ev.SetURL(link)
		}
		ev.AddCategory(icsText(it.Platform))
	}

	var b bytes.Buffer
	if err := cal.SerializeTo(&b, ics.WithNewLineWindows, ics.WithLineLength(75)); err != nil {
		return nil, fmt.Errorf("calendar: %w", err)
	}
	return b.Bytes(), nil
}

// setLocalTime sets the DATE-TIME property prop of ev to t as a local time
// in loc with TZID=tzid, or in UTC when that local time is ambiguous (or
// does not name t).
func setLocalTime(ev *ics.VEvent, prop ics.ComponentProperty, t time.Time, loc *time.Location, tzid string) {
	local := t.In(loc)
	back := time.Date(local.Year(), local.Month(), local.Day(), local.Hour(), local.Minute(), local.Second(), local.Nanosecond(), loc)
	if !back.Equal(local) || repeated(local) {
		ev.SetProperty(prop, t.UTC().Format(icalLocal+"Z"))
		return
	}
	ev.SetProperty(prop, local.Format(icalLocal), ics.WithTZID(tzid))
}

// repeated reports whether t's wall-clock time also names another moment
// in t's zone: t falls within the hour (or so) that a change to a smaller
// offset repeats, and its wall time also occurred before the change.
func repeated(t time.Time) bool {
	start, _ := t.ZoneBounds()
	if start.IsZero() {
		return false
	}
	_, before := start.Add(-time.Second).Zone()
	_, now := t.Zone()
	if before <= now {
		return false
	}
	// The wall times in [start, start+(before-now)) were already shown
	// under the previous offset.
	return t.Before(start.Add(time.Duration(before-now) * time.Second))
}

// inYearRange reports whether t falls in the years 1 to 9999 both in UTC
// and in loc, the years an iCalendar DATE-TIME can hold.
func inYearRange(t time.Time, loc *time.Location) bool {
	for _, y := range []int{t.UTC().Year(), t.In(loc).Year()} {
		if y < 1 || y > 9999 {
			return false
		}
	}
	return true
}

// addTimezone adds to cal a VTIMEZONE for loc named tzid, with the
// observances in force from first to last.
func addTimezone(cal *ics.Calendar, loc *time.Location, tzid string, first, last time.Time) {
	tz := cal.AddTimezone(tzid)
	t := first.In(loc)
	start, end := t.ZoneBounds()
	name, offset := t.Zone()
	from := offset
	var dtstart string
	if start.IsZero() {
		// The period has no known start: use the Unix epoch, as most
		// calendar software does, unless the first item is older.
		epoch := time.Date(1970, 1, 1, 0, 0, 0, 0, time.FixedZone("", offset))
		if t.Before(epoch) {
			epoch = t
		}
		dtstart = epoch.Format(icalLocal)
	} else {
		_, from = start.Add(-time.Second).Zone()
		dtstart = start.In(time.FixedZone("", from)).Format(icalLocal)
	}
	addObservance(tz, t.IsDST(), dtstart, from, offset, name)
	for !end.IsZero() && !end.After(last) {
		prev := offset
		t = end
		name, offset = t.Zone()
		addObservance(tz, t.IsDST(), t.In(time.FixedZone("", prev)).Format(icalLocal), prev, offset, name)
		_, next := t.ZoneBounds()
		if !next.After(t) {
			break
		}
		end = next
	}
}

// addObservance adds a STANDARD or DAYLIGHT component to tz.
func addObservance(tz *ics.VTimezone, dst bool, dtstart string, from, to int, name string) {
	var c *ics.ComponentBase
	if dst {
		d := &ics.Daylight{}
		tz.Components = append(tz.Components, d)
		c = &d.ComponentBase
	} else {
		c = &tz.AddStandard().ComponentBase
	}
	c.SetProperty(ics.ComponentPropertyDtStart, dtstart)
	c.SetProperty(ics.ComponentProperty(ics.PropertyTzoffsetfrom), utcOffset(from))
	c.SetProperty(ics.ComponentProperty(ics.PropertyTzoffsetto), utcOffset(to))
	if name = icsText(name); name != "" {
		c.SetProperty(ics.ComponentProperty(ics.PropertyTzname), name)
	}
}

// utcOffset formats an offset east of UTC in seconds as an iCalendar
// UTC-OFFSET: "+HHMM", or "+HHMMSS" when there are seconds.
func utcOffset(sec int) string {
	sign := byte('+')
	if sec < 0 {
		sign, sec = '-', -sec
	}
	h, m, s := sec/3600, sec/60%60, sec%60
	if s != 0 {
		return fmt.Sprintf("%c%02d%02d%02d", sign, h, m, s)
	}
	return fmt.Sprintf("%c%02d%02d", sign, h, m)
}

// validTZID reports whether name can be a TZID parameter value as it is:
// not empty, and only ASCII letters, digits and "/_+-.".
func validTZID(name string) bool {
	if name == "" {
		return false
	}
	for _, c := range []byte(name) {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case strings.IndexByte("/_+-.", c) >= 0:
		default:
			return false
		}
	}
	return true
}

// icsText returns s fit for an iCalendar value: valid UTF-8, line breaks
// as LF, and no control characters other than tab and LF.
func icsText(s string) string {
	s = lineBreaks.Replace(strings.ToValidUTF8(s, "\uFFFD"))
	return strings.Map(func(r rune) rune {
		if r != '\t' && r != '\n' && isControl(r) {
			return -1
		}
		return r
	}, s)
}

// isControl reports whether r is an ASCII control character (C0 or DEL).
func isControl(r rune) bool {
	return r < 0x20 || r == 0x7f
}
