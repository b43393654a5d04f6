package schedule

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"
)

// parseCalendar renders q with Calendar and parses it back with
// golang-ical's parser.
func parseCalendar(t *testing.T, q *Queue, loc *time.Location) ([]byte, *ics.Calendar) {
	t.Helper()
	data, err := Calendar(q, loc)
	if err != nil {
		t.Fatalf("Calendar: %v", err)
	}
	cal, err := ics.ParseCalendar(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("parsing the calendar back: %v\n%s", err, data)
	}
	return data, cal
}

// prop returns the value and the TZID parameter of c's first property p.
func prop(t *testing.T, c *ics.ComponentBase, p ics.ComponentProperty) (value, tzid string) {
	t.Helper()
	got := c.GetProperty(p)
	if got == nil {
		t.Errorf("no %s", p)
		return "", ""
	}
	if v := got.ICalParameters[string(ics.ParameterTzid)]; len(v) > 0 {
		tzid = v[0]
	}
	return got.Value, tzid
}

func TestCalendarEvents(t *testing.T) {
	q := testQueue()
	_, cal := parseCalendar(t, q, testZone())
	const uidHost = "@clinic.example"
	tests := []struct {
		summary, description, dtstart, dtend, dtstamp, category string
	}{
		{"X: About flu-shots?", "Flu shots, now \"free\" for kids!\nBook today 💉 #flu", "20270313T090000", "20270313T091500", "20270313T150000Z", "x"},
		// 01:30 CST, half an hour before the change.
		{"Facebook: About formula?", "=SUM(1,2)", "20270314T013000", "20270314T014500", "20270314T073000Z", "facebook"},
		// 03:30 CDT, an hour and a half of wall time later but only half an hour after the change.
		{"Google Business Profile: About call-us?", "+1 reason to call: we answer; always.", "20270314T033000", "20270314T034500", "20270314T083000Z", "gbp"},
		{"Instagram: About minus?", "-x marks the spot\n\nLink in bio 👆", "20270315T090000", "20270315T091500", "20270315T140000Z", "instagram"},
		{"X: About at-home?", `@home care; tips \ tricks, for you`, "20270316T120000", "20270316T121500", "20270316T170000Z", "x"},
		{"Facebook: About long?", testLongText(), "20270316T184500", "20270316T190000", "20270316T234500Z", "facebook"},
	}
	events := cal.Events()
	if len(events) != len(tests) {
		t.Fatalf("%d events, want %d", len(events), len(tests))
	}
	for i, tt := range tests {
		it, ev := q.Items[i], &events[i].ComponentBase
		t.Run(it.Entry, func(t *testing.T) {
			if got, _ := prop(t, ev, ics.ComponentPropertyUniqueId); got != it.ID+uidHost {
				t.Errorf("UID %q, want %q", got, it.ID+uidHost)
			}
			if got, _ := prop(t, ev, ics.ComponentPropertySummary); got != tt.summary {
				t.Errorf("SUMMARY %q, want %q", got, tt.summary)
			}
			if got, _ := prop(t, ev, ics.ComponentPropertyDescription); got != tt.description {
				t.Errorf("DESCRIPTION %q, want %q", got, tt.description)
			}
			if got, _ := prop(t, ev, ics.ComponentPropertyUrl); got != it.Link {
				t.Errorf("URL %q, want %q", got, it.Link)
			}
			if got, _ := prop(t, ev, ics.ComponentPropertyCategories); got != tt.category {
				t.Errorf("CATEGORIES %q, want %q", got, tt.category)
			}
			if got, tz := prop(t, ev, ics.ComponentPropertyDtStart); got != tt.dtstart || tz != "America/Chicago" {
				t.Errorf("DTSTART;TZID=%s:%s, want TZID=America/Chicago:%s", tz, got, tt.dtstart)
			}
			if got, tz := prop(t, ev, ics.ComponentPropertyDtEnd); got != tt.dtend || tz != "America/Chicago" {
				t.Errorf("DTEND;TZID=%s:%s, want TZID=America/Chicago:%s", tz, got, tt.dtend)
			}
			if got, tz := prop(t, ev, ics.ComponentPropertyDtstamp); got != tt.dtstamp || tz != "" {
				t.Errorf("DTSTAMP %q (TZID %q), want %q", got, tz, tt.dtstamp)
			}
			// The parser resolves the TZID to the same moment.
			if start, err := ev.GetStartAt(); err != nil || !start.Equal(it.PublishAt) {
				t.Errorf("start %v (%v), want %v", start, err, it.PublishAt)
			}
			if end, err := ev.GetEndAt(); err != nil || end.Sub(it.PublishAt) != 15*time.Minute {
				t.Errorf("end %v (%v), want 15 minutes after %v", end, err, it.PublishAt)
			}
		})
	}
}

func TestCalendarHeader(t *testing.T) {
	_, cal := parseCalendar(t, testQueue(), testZone())
	want := map[string]string{
		"VERSION":  "2.0",
		"PRODID":   "-//faqcast//faqcast content calendar//EN",
		"CALSCALE": "GREGORIAN",
		"METHOD":   "PUBLISH",
	}
	got := map[string]string{}
	for _, p := range cal.CalendarProperties {
		got[p.IANAToken] = p.Value
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
	if _, ok := got["X-FAQCAST-BUILD"]; ok {
		t.Error("a queue without a build gave a calendar with one")
	}
	// A written queue's build, as queue.json names it.
	q := testQueue()
	q.Build = "0123456789abcdef"
	_, cal = parseCalendar(t, q, testZone())
	for _, p := range cal.CalendarProperties {
		got[p.IANAToken] = p.Value
	}
	if got["X-FAQCAST-BUILD"] != q.Build {
		t.Errorf("X-FAQCAST-BUILD = %q, want the queue's build %q", got["X-FAQCAST-BUILD"], q.Build)
	}
}

// observance is one STANDARD or DAYLIGHT component, as text.
type observance struct {
	kind, dtstart, from, to, name string
}

// observances returns cal's one VTIMEZONE's TZID and its observances.
func observances(t *testing.T, cal *ics.Calendar) (string, []observance) {
	t.Helper()
	zones := cal.Timezones()
	if len(zones) != 1 {
		t.Fatalf("%d VTIMEZONE components, want 1", len(zones))
	}
	tzid, _ := prop(t, &zones[0].ComponentBase, ics.ComponentPropertyTzid)
	var out []observance
	for _, c := range zones[0].Components {
		var kind string
		var cb *ics.ComponentBase
		switch c := c.(type) {
		case *ics.Standard:
			kind, cb = "STANDARD", &c.ComponentBase
		case *ics.Daylight:
			kind, cb = "DAYLIGHT", &c.ComponentBase
		default:
			t.Fatalf("VTIMEZONE holds a %T", c)
		}
		o := observance{kind: kind}
		o.dtstart, _ = prop(t, cb, ics.ComponentPropertyDtStart)
		o.from, _ = prop(t, cb, ics.ComponentProperty(ics.PropertyTzoffsetfrom))
		o.to, _ = prop(t, cb, ics.ComponentProperty(ics.PropertyTzoffsetto))
		o.name, _ = prop(t, cb, ics.ComponentProperty(ics.PropertyTzname))
		out = append(out, o)
	}
	return tzid, out
}

func TestCalendarTimezone(t *testing.T) {
	chicago := testZone()
	kolkata, err := time.LoadLocation("Asia/Kolkata")
	if err != nil {
		t.Fatal(err)
	}
	one := func(loc *time.Location, tzName string, times ...time.Time) *Queue {
		q := &Queue{Version: 1, Timezone: tzName}
		for i, at := range times {
			q.Items = append(q.Items, testItem("e"+string(rune('a'+i)), "x", at, "text"))
		}
		return q
	}
	cdt := observance{"DAYLIGHT", "20270314T020000", "-0600", "-0500", "CDT"}
	tests := []struct {
		name string
		loc  *time.Location
		q    *Queue
		want []observance
	}{
		{
			name: "across the spring change",
			loc:  chicago,
			q:    testQueue(),
			want: []observance{
				{"STANDARD", "20261101T020000", "-0500", "-0600", "CST"},
				cdt,
			},
		},
		{
			name: "within daylight time",
			loc:  chicago,
			q:    one(chicago, "America/Chicago", time.Date(2027, 6, 1, 9, 0, 0, 0, chicago), time.Date(2027, 7, 1, 9, 0, 0, 0, chicago)),
			want: []observance{cdt},
		},
		{
			name: "across a year",
			loc:  chicago,
			q:    one(chicago, "America/Chicago", time.Date(2027, 2, 1, 9, 0, 0, 0, chicago), time.Date(2027, 11, 7, 1, 0, 0, 0, chicago).Add(time.Hour), time.Date(2028, 3, 12, 12, 0, 0, 0, chicago)),
			want: []observance{
				{"STANDARD", "20261101T020000", "-0500", "-0600", "CST"},
				cdt,
				{"STANDARD", "20271107T020000", "-0500", "-0600", "CST"},
				{"DAYLIGHT", "20280312T020000", "-0600", "-0500", "CDT"},
			},
		},
		{
			name: "UTC, no transitions",
			loc:  time.UTC,
			q:    one(time.UTC, "UTC", time.Date(2027, 3, 13, 9, 0, 0, 0, time.UTC), time.Date(2027, 11, 13, 9, 0, 0, 0, time.UTC)),
			want: []observance{{"STANDARD", "19700101T000000", "+0000", "+0000", "UTC"}},
		},
		{
			name: "half-hour offset, last change long ago",
			loc:  kolkata,
			q:    one(kolkata, "Asia/Kolkata", time.Date(2027, 3, 13, 9, 0, 0, 0, kolkata)),
			want: []observance{{"STANDARD", "19451015T000000", "+0630", "+0530", "IST"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, cal := parseCalendar(t, tt.q, tt.loc)
			tzid, got := observances(t, cal)
			if tzid != tt.loc.String() {
				t.Errorf("TZID %q, want %q", tzid, tt.loc.String())
			}
			if len(got) != len(tt.want) {
				t.Fatalf("observances:\n%v\nwant:\n%v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("observance %d: %v, want %v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestCalendarRepeatedHour(t *testing.T) {
	loc := testZone()
	// 2027-11-07 01:30 happens twice in Chicago: first CDT, then CST.
	first := time.Date(2027, 11, 7, 6, 30, 0, 0, time.UTC).In(loc)
	second := first.Add(time.Hour)
	q := &Queue{Version: 1, Timezone: "America/Chicago", Items: []Item{
		testItem("first", "x", first, "first"),
		testItem("second", "x", second, "second"),
	}}
	_, cal := parseCalendar(t, q, loc)
	events := cal.Events()
	if v, tz := prop(t, &events[0].ComponentBase, ics.ComponentPropertyDtStart); v != "20271107T013000" || tz != "America/Chicago" {
		t.Errorf("first 01:30: DTSTART;TZID=%s:%s", tz, v)
	}
	// The second 01:30 cannot be written as a local time: it is in UTC.
	if v, tz := prop(t, &events[1].ComponentBase, ics.ComponentPropertyDtStart); v != "20271107T073000Z" || tz != "" {
		t.Errorf("second 01:30: DTSTART;TZID=%s:%s, want 20271107T073000Z", tz, v)
	}
	for i, ev := range events {
		if start, err := ev.GetStartAt(); err != nil || !start.Equal(q.Items[i].PublishAt) {
			t.Errorf("event %d starts %v (%v), want %v", i, start, err, q.Items[i].PublishAt)
		}
	}
}

func TestCalendarLines(t *testing.T) {
	data, _ := parseCalendar(t, testQueue(), testZone())
	if !bytes.HasSuffix(data, []byte("END:VCALENDAR\r\n")) {
		t.Errorf("calendar ends %q", data[max(0, len(data)-20):])
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n")
	folded := 0
	for i, line := range lines {
		if strings.ContainsAny(line, "\r\n") {
			t.Errorf("line %d holds a bare CR or LF: %q", i+1, line)
		}
		if len(line) > 75 {
			t.Errorf("line %d is %d octets: %q", i+1, len(line), line)
		}
		if !utf8.ValidString(line) {
			t.Errorf("line %d splits a UTF-8 sequence: %q", i+1, line)
		}
		if strings.HasPrefix(line, " ") {
			folded++
		}
	}
	if folded == 0 {
		t.Error("no folded lines; the long description should fold")
	}
	// TEXT values are escaped by the library.
	for _, want := range []string{
		`SUMMARY:X: About flu-shots?`,
		`DESCRIPTION:Flu shots\, now "free" for kids!\nBook today 💉 #flu`,
		`DESCRIPTION:@home care\; tips \\ tricks\, for you`,
		"DTSTART;TZID=America/Chicago:20270314T033000\r\n",
		"URL:https://clinic.example/faq/flu-shots/?utm_source=x&utm_medium=social\r\n",
	} {
		if !strings.Contains(string(data), want) {
			t.Errorf("calendar lacks %q", want)
		}
	}
}

func TestCalendarDeterministic(t *testing.T) {
	q := testQueue()
	a, err := Calendar(q, testZone())
	if err != nil {
		t.Fatal(err)
	}
	b, err := Calendar(testQueue(), testZone())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Errorf("two calendars of one queue differ:\n%s\n---\n%s", a, b)
	}
}

func TestCalendarOddInputs(t *testing.T) {
	loc := testZone()
	at := time.Date(2027, 3, 13, 9, 0, 0, 0, loc)
	it := testItem("odd", "myspace", at, "a\r\nb\rc\x00d\x1be\tf \xff")
	it.Question = "Line\none"
	it.Link = ""
	q := &Queue{Version: 1, Timezone: "America/Chicago", Items: []Item{it}}
	_, cal := parseCalendar(t, q, loc)
	ev := &cal.Events()[0].ComponentBase
	if got, _ := prop(t, ev, ics.ComponentPropertyDescription); got != "a\nb\ncde\tf \uFFFD" {
		t.Errorf("DESCRIPTION %q", got)
	}
	if got, _ := prop(t, ev, ics.ComponentPropertySummary); got != "myspace: Line\none" {
		t.Errorf("SUMMARY %q", got)
	}
	if got, _ := prop(t, ev, ics.ComponentPropertyUniqueId); got != it.ID+"@faqcast.invalid" {
		t.Errorf("UID %q", got)
	}
	if ev.GetProperty(ics.ComponentPropertyUrl) != nil {
		t.Error("URL for an item without a link")
	}

	// No items: a calendar without events or VTIMEZONE.
	_, cal = parseCalendar(t, &Queue{Version: 1, Timezone: "America/Chicago"}, loc)
	if len(cal.Events()) != 0 || len(cal.Timezones()) != 0 {
		t.Errorf("empty queue: %d events, %d time zones", len(cal.Events()), len(cal.Timezones()))
	}
}

func TestCalendarErrors(t *testing.T) {
	loc := testZone()
	at := time.Date(2027, 3, 13, 9, 0, 0, 0, loc)
	good := func() *Queue {
		return &Queue{Version: 1, Timezone: "America/Chicago", Items: []Item{testItem("a", "x", at, "a"), testItem("b", "x", at.Add(time.Hour), "b")}}
	}
	tests := []struct {
		name string
		q    *Queue
		loc  *time.Location
		want string
	}{
		{"nil queue", nil, loc, "no queue"},
		{"nil location", good(), nil, "no time zone"},
		{"zone mismatch", good(), time.UTC, `queue time zone "America/Chicago" is not the location "UTC"`},
		{"bad zone name", &Queue{}, time.FixedZone("UTC+5:30", 19800), "cannot be a TZID"},
		{"no id", func() *Queue { q := good(); q.Items[1].ID = ""; return q }(), loc, "has no id"},
		{"same id", func() *Queue { q := good(); q.Items[1].ID = q.Items[0].ID; return q }(), loc, "two items have the id"},
		{"bad link", func() *Queue { q := good(); q.Items[0].Link = "http://[::1"; return q }(), loc, "link"},
		{"link with a line break", func() *Queue { q := good(); q.Items[1].Link = "https://clinic.example/\r\nX-EVIL:1"; return q }(), loc, "link"},
		{"year 10000", func() *Queue {
			q := good()
			q.Items[1].PublishAt = time.Date(9999, 12, 31, 23, 50, 0, 0, time.UTC)
			return q
		}(), loc, "out of range"},
		{"zero time", func() *Queue { q := good(); q.Items[0].PublishAt = time.Time{}; return q }(), loc, "out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := Calendar(tt.q, tt.loc)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one with %q", err, tt.want)
			}
			if data != nil {
				t.Errorf("data with an error: %q", data)
			}
		})
	}
}

func TestICSUTCOffset(t *testing.T) {
	tests := []struct {
		sec  int
		want string
	}{
		{0, "+0000"},
		{-6 * 3600, "-0600"},
		{5*3600 + 1800, "+0530"},
		{-(5*3600 + 50*60 + 36), "-055036"},
		{14 * 3600, "+1400"},
	}
	for _, tt := range tests {
		if got := utcOffset(tt.sec); got != tt.want {
			t.Errorf("utcOffset(%d) = %q, want %q", tt.sec, got, tt.want)
		}
	}
}
