package schedule

import (
	"testing"
	"time"
)

// slotTestZone loads the IANA zone name, skipping the test if the machine
// has no time zone database or does not know the zone.
func slotTestZone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Skipf("time zone %s is not available on this machine (install tzdata to run this test): %v", name, err)
	}
	return loc
}

// slotTestTime parses an RFC 3339 time written in a test table.
func slotTestTime(t testing.TB, s string) time.Time {
	t.Helper()
	tm, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatalf("bad RFC 3339 time %q in test table: %v", s, err)
	}
	return tm
}

// slotTestDate returns the calendar date s ("2026-12-07") as midnight UTC,
// as the config decoder makes it.
func slotTestDate(t testing.TB, s string) time.Time {
	t.Helper()
	tm, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatalf("bad date %q in test table: %v", s, err)
	}
	return tm
}

func TestParseSlot(t *testing.T) {
	good := []struct {
		in   string
		want Slot
	}{
		{"mon 09:00", Slot{Weekday: time.Monday, Hour: 9, Minute: 0}},
		{"Monday 9:00", Slot{Weekday: time.Monday, Hour: 9, Minute: 0}},
		{"SUN 23:59", Slot{Weekday: time.Sunday, Hour: 23, Minute: 59}},
		{"tue 0:00", Slot{Weekday: time.Tuesday, Hour: 0, Minute: 0}},
		{"wed 12:30", Slot{Weekday: time.Wednesday, Hour: 12, Minute: 30}},
		{"THURSDAY 07:05", Slot{Weekday: time.Thursday, Hour: 7, Minute: 5}},
		{"fri 18:45", Slot{Weekday: time.Friday, Hour: 18, Minute: 45}},
		{"Saturday 00:00", Slot{Weekday: time.Saturday, Hour: 0, Minute: 0}},
		{"sunday 1:01", Slot{Weekday: time.Sunday, Hour: 1, Minute: 1}},
		{"  mon\t 09:00 ", Slot{Weekday: time.Monday, Hour: 9, Minute: 0}},
		{"tue 18:00 es", Slot{Weekday: time.Tuesday, Hour: 18, Minute: 0, Lang: "es"}},
		{"sat 10:00 ES-mx", Slot{Weekday: time.Saturday, Hour: 10, Minute: 0, Lang: "es-MX"}},
	}
	for _, tt := range good {
		got, err := ParseSlot(tt.in)
		if err != nil {
			t.Errorf("ParseSlot(%q): unexpected error: %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseSlot(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}

	bad := []struct {
		in, want string
	}{
		{"", `"": the slot is empty: write a weekday and a 24-hour time, such as "mon 09:00"`},
		{"   ", `"   ": the slot is empty: write a weekday and a 24-hour time, such as "mon 09:00"`},
		{"mon", `"mon": the time is missing: write a 24-hour time after the weekday, such as "mon 09:00"`},
		{"Friday", `"Friday": the time is missing: write a 24-hour time after the weekday, such as "fri 09:00"`},
		{"09:00", `"09:00": the weekday is missing: write it before the time, such as "mon 09:00"`},
		{"funday", `"funday": write a weekday and a 24-hour time, such as "mon 09:00"`},
		{"mon 24:00", `"mon 24:00": the hour must be 0 to 23, not 24`},
		{"mon 09:60", `"mon 09:60": the minute must be 00 to 59, not 60`},
		{"mon 9am", `"mon 9am": write the time as 24-hour HH:MM, such as "mon 09:00"`},
		{"tue 9:00pm", `"tue 9:00pm": write the time as 24-hour HH:MM, such as "tue 09:00"`},
		{"mon 0900", `"mon 0900": write the time as 24-hour HH:MM, such as "mon 09:00"`},
		{"mon 9:5", `"mon 9:5": write the time as 24-hour HH:MM, such as "mon 09:00"`},
		{"mon 009:00", `"mon 009:00": write the time as 24-hour HH:MM, such as "mon 09:00"`},
		{"mon 09:00:00", `"mon 09:00:00": write the time as 24-hour HH:MM, such as "mon 09:00"`},
		{"mon +9:00", `"mon +9:00": write the time as 24-hour HH:MM, such as "mon 09:00"`},
		{"mon :00", `"mon :00": write the time as 24-hour HH:MM, such as "mon 09:00"`},
		{"funday 09:00", `"funday 09:00": "funday" is not a weekday`},
		{"mo 09:00", `"mo 09:00": "mo" is not a weekday`},
		{"09:00 mon", `"09:00 mon": "09:00" is not a weekday`},
		{"mon 09:00 cst", `"mon 09:00 cst": "cst" is not a language: a slot's times are in schedule.timezone; a third word names the language of the entries the slot posts, such as es`},
		{"mon 09:00 EST", `"mon 09:00 EST": "EST" is not a language: a slot's times are in schedule.timezone; a third word names the language of the entries the slot posts, such as es`},
		{"mon tue 09:00", `"mon tue 09:00": write the time as 24-hour HH:MM, such as "mon 09:00"`},
		{"mon 09 00", `"mon 09 00": write the time as 24-hour HH:MM, such as "mon 09:00"`},
		{"mon 09:00 es cst", `"mon 09:00 es cst": too many words: write one weekday, one 24-hour time and perhaps a language, such as "mon 09:00" or "tue 18:00 es"`},
	}
	for _, tt := range bad {
		got, err := ParseSlot(tt.in)
		if err == nil {
			t.Errorf("ParseSlot(%q) = %+v, want error %q", tt.in, got, tt.want)
			continue
		}
		if err.Error() != tt.want {
			t.Errorf("ParseSlot(%q) error:\n got %s\nwant %s", tt.in, err, tt.want)
		}
		if got != (Slot{}) {
			t.Errorf("ParseSlot(%q) = %+v with an error, want the zero Slot", tt.in, got)
		}
	}
}

func TestSlotString(t *testing.T) {
	tests := []struct {
		in   Slot
		want string
	}{
		{Slot{Weekday: time.Monday, Hour: 9, Minute: 0}, "mon 09:00"},
		{Slot{Weekday: time.Sunday, Hour: 23, Minute: 59}, "sun 23:59"},
		{Slot{Weekday: time.Tuesday, Hour: 0, Minute: 0}, "tue 00:00"},
		{Slot{Weekday: time.Saturday, Hour: 7, Minute: 5}, "sat 07:05"},
		{Slot{Weekday: time.Weekday(9), Hour: 7, Minute: 5}, "weekday(9) 07:05"},
	}
	for _, tt := range tests {
		if got := tt.in.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.in, got, tt.want)
		}
	}

	// Every valid slot survives a round trip through String and ParseSlot.
	for d := time.Sunday; d <= time.Saturday; d++ {
		for h := range 24 {
			for m := range 60 {
				s := Slot{Weekday: d, Hour: h, Minute: m}
				got, err := ParseSlot(s.String())
				if err != nil || got != s {
					t.Fatalf("ParseSlot(%q) = %+v, %v; want %+v", s.String(), got, err, s)
				}
			}
		}
	}
}

func TestLocalTime(t *testing.T) {
	tests := []struct {
		name string
		zone string
		y    int
		m    time.Month
		d    int
		h    int
		min  int
		want string // RFC 3339
	}{
		{"chicago ordinary winter day", "America/Chicago", 2026, time.December, 7, 9, 0, "2026-12-07T09:00:00-06:00"},
		{"chicago ordinary summer day", "America/Chicago", 2026, time.July, 15, 14, 30, "2026-07-15T14:30:00-05:00"},
		{"chicago midnight", "America/Chicago", 2027, time.January, 1, 0, 0, "2027-01-01T00:00:00-06:00"},
		{"chicago before spring gap", "America/Chicago", 2027, time.March, 14, 1, 59, "2027-03-14T01:59:00-06:00"},
		{"chicago start of spring gap", "America/Chicago", 2027, time.March, 14, 2, 0, "2027-03-14T03:00:00-05:00"},
		{"chicago in spring gap", "America/Chicago", 2027, time.March, 14, 2, 30, "2027-03-14T03:00:00-05:00"},
		{"chicago end of spring gap", "America/Chicago", 2027, time.March, 14, 2, 59, "2027-03-14T03:00:00-05:00"},
		{"chicago after spring gap", "America/Chicago", 2027, time.March, 14, 3, 0, "2027-03-14T03:00:00-05:00"},
		{"chicago after spring gap plus one", "America/Chicago", 2027, time.March, 14, 3, 1, "2027-03-14T03:01:00-05:00"},
		{"chicago before fall back", "America/Chicago", 2026, time.November, 1, 0, 59, "2026-11-01T00:59:00-05:00"},
		{"chicago fall back start, first occurrence", "America/Chicago", 2026, time.November, 1, 1, 0, "2026-11-01T01:00:00-05:00"},
		{"chicago fall back, first occurrence", "America/Chicago", 2026, time.November, 1, 1, 30, "2026-11-01T01:30:00-05:00"},
		{"chicago fall back end, first occurrence", "America/Chicago", 2026, time.November, 1, 1, 59, "2026-11-01T01:59:00-05:00"},
		{"chicago after fall back", "America/Chicago", 2026, time.November, 1, 2, 0, "2026-11-01T02:00:00-06:00"},
		{"chicago normalized month 13", "America/Chicago", 2026, 13, 7, 9, 0, "2027-01-07T09:00:00-06:00"},
		{"chicago normalized minute 90 into the gap", "America/Chicago", 2027, time.March, 14, 1, 90, "2027-03-14T03:00:00-05:00"},
		{"london before spring gap", "Europe/London", 2026, time.March, 29, 0, 59, "2026-03-29T00:59:00Z"},
		{"london in spring gap", "Europe/London", 2026, time.March, 29, 1, 30, "2026-03-29T02:00:00+01:00"},
		{"london after spring gap", "Europe/London", 2026, time.March, 29, 2, 0, "2026-03-29T02:00:00+01:00"},
		{"london fall back, first occurrence", "Europe/London", 2026, time.October, 25, 1, 30, "2026-10-25T01:30:00+01:00"},
		{"london after fall back", "Europe/London", 2026, time.October, 25, 2, 0, "2026-10-25T02:00:00Z"},
		{"kolkata no dst", "Asia/Kolkata", 2027, time.March, 14, 2, 30, "2027-03-14T02:30:00+05:30"},
		{"kolkata no dst autumn", "Asia/Kolkata", 2026, time.November, 1, 1, 30, "2026-11-01T01:30:00+05:30"},
		{"lord howe before spring gap", "Australia/Lord_Howe", 2026, time.October, 4, 1, 59, "2026-10-04T01:59:00+10:30"},
		{"lord howe start of spring gap", "Australia/Lord_Howe", 2026, time.October, 4, 2, 0, "2026-10-04T02:30:00+11:00"},
		{"lord howe in spring gap", "Australia/Lord_Howe", 2026, time.October, 4, 2, 15, "2026-10-04T02:30:00+11:00"},
		{"lord howe end of spring gap", "Australia/Lord_Howe", 2026, time.October, 4, 2, 29, "2026-10-04T02:30:00+11:00"},
		{"lord howe after spring gap", "Australia/Lord_Howe", 2026, time.October, 4, 2, 30, "2026-10-04T02:30:00+11:00"},
		{"lord howe before fall back", "Australia/Lord_Howe", 2027, time.April, 4, 1, 29, "2027-04-04T01:29:00+11:00"},
		{"lord howe fall back, first occurrence", "Australia/Lord_Howe", 2027, time.April, 4, 1, 45, "2027-04-04T01:45:00+11:00"},
		{"lord howe after fall back", "Australia/Lord_Howe", 2027, time.April, 4, 2, 0, "2027-04-04T02:00:00+10:30"},
		{"samoa skipped a whole day", "Pacific/Apia", 2011, time.December, 30, 12, 0, "2011-12-31T00:00:00+14:00"},
		{"utc", "UTC", 2027, time.March, 14, 2, 30, "2027-03-14T02:30:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			loc := slotTestZone(t, tt.zone)
			want := slotTestTime(t, tt.want)
			got := LocalTime(loc, tt.y, tt.m, tt.d, tt.h, tt.min)
			if !got.Equal(want) || got.Format(time.RFC3339) != tt.want {
				t.Errorf("LocalTime(%s, %d-%02d-%02d %02d:%02d) = %s, want %s",
					tt.zone, tt.y, tt.m, tt.d, tt.h, tt.min, got.Format(time.RFC3339), tt.want)
			}
			if got.Location() != loc {
				t.Errorf("LocalTime(%s, ...) is in %v, want %v", tt.zone, got.Location(), loc)
			}
		})
	}
}

func TestLocalTimeOddInputs(t *testing.T) {
	// A nil location is UTC.
	got := LocalTime(nil, 2027, time.March, 14, 2, 30)
	if want := "2027-03-14T02:30:00Z"; got.Format(time.RFC3339) != want || got.Location() != time.UTC {
		t.Errorf("LocalTime(nil, ...) = %s in %v, want %s in UTC", got.Format(time.RFC3339), got.Location(), want)
	}
	// A fixed zone has no gaps.
	fixed := time.FixedZone("X", -(3*3600 + 30*60))
	got = LocalTime(fixed, 2027, time.March, 14, 2, 30)
	if want := "2027-03-14T02:30:00-03:30"; got.Format(time.RFC3339) != want {
		t.Errorf("LocalTime(fixed, ...) = %s, want %s", got.Format(time.RFC3339), want)
	}
	// Absurd inputs must not panic.
	loc := slotTestZone(t, "America/Chicago")
	const big = int(^uint(0) >> 1)
	for _, v := range []int{-big - 1, -big, -1 << 40, -1, 0, 1 << 40, big} {
		LocalTime(loc, v, time.Month(v), v, v, v)
		LocalTime(loc, 2026, time.January, 1, v, 0)
		LocalTime(loc, v, time.January, 1, 0, 0)
		LocalTime(nil, 2026, time.January, 1, 0, v)
	}
}

func TestExpand(t *testing.T) {
	monThu := []Slot{{Weekday: time.Monday, Hour: 9, Minute: 0}, {Weekday: time.Thursday, Hour: 12, Minute: 30}}
	tests := []struct {
		name     string
		zone     string
		start    string // a date
		days     int
		slots    []Slot
		blackout []string // dates
		want     []string // RFC 3339
	}{
		{
			name: "three weeks from a monday", zone: "America/Chicago",
			start: "2026-12-07", days: 21, slots: monThu,
			want: []string{
				"2026-12-07T09:00:00-06:00", "2026-12-10T12:30:00-06:00",
				"2026-12-14T09:00:00-06:00", "2026-12-17T12:30:00-06:00",
				"2026-12-21T09:00:00-06:00", "2026-12-24T12:30:00-06:00",
			},
		},
		{
			name: "slots given out of order", zone: "America/Chicago",
			start: "2026-12-07", days: 7,
			slots: []Slot{{Weekday: time.Thursday, Hour: 12, Minute: 30}, {Weekday: time.Monday, Hour: 17, Minute: 0}, {Weekday: time.Monday, Hour: 9, Minute: 0}},
			want: []string{
				"2026-12-07T09:00:00-06:00", "2026-12-07T17:00:00-06:00", "2026-12-10T12:30:00-06:00",
			},
		},
		{
			name: "blackout days skipped", zone: "America/Chicago",
			start: "2026-12-07", days: 21, slots: monThu,
			blackout: []string{"2026-12-10", "2026-12-21", "2026-12-22", "2027-06-01"},
			want: []string{
				"2026-12-07T09:00:00-06:00",
				"2026-12-14T09:00:00-06:00", "2026-12-17T12:30:00-06:00",
				"2026-12-24T12:30:00-06:00",
			},
		},
		{
			name: "start on a wednesday", zone: "America/Chicago",
			start: "2026-12-09", days: 7, slots: monThu,
			want: []string{"2026-12-10T12:30:00-06:00", "2026-12-14T09:00:00-06:00"},
		},
		{
			name: "the last day is not included", zone: "America/Chicago",
			start: "2026-12-07", days: 7, slots: []Slot{{Weekday: time.Monday, Hour: 9, Minute: 0}},
			want: []string{"2026-12-07T09:00:00-06:00"},
		},
		{
			name: "slot in the spring gap lands at 03:00", zone: "America/Chicago",
			start: "2027-03-08", days: 14, slots: []Slot{{Weekday: time.Sunday, Hour: 2, Minute: 30}},
			want: []string{"2027-03-14T03:00:00-05:00", "2027-03-21T02:30:00-05:00"},
		},
		{
			name: "slot in the fall back is its first occurrence", zone: "America/Chicago",
			start: "2026-10-26", days: 14, slots: []Slot{{Weekday: time.Sunday, Hour: 1, Minute: 30}},
			want: []string{"2026-11-01T01:30:00-05:00", "2026-11-08T01:30:00-06:00"},
		},
		{
			name: "week across the spring change", zone: "America/Chicago",
			start: "2027-03-08", days: 14, slots: []Slot{{Weekday: time.Monday, Hour: 9, Minute: 0}},
			want: []string{"2027-03-08T09:00:00-06:00", "2027-03-15T09:00:00-05:00"},
		},
		{
			name: "duplicate slots appear once", zone: "America/Chicago",
			start: "2026-12-07", days: 7,
			slots: []Slot{{Weekday: time.Monday, Hour: 9, Minute: 0}, {Weekday: time.Monday, Hour: 9, Minute: 0}, {Weekday: time.Thursday, Hour: 12, Minute: 30}},
			want:  []string{"2026-12-07T09:00:00-06:00", "2026-12-10T12:30:00-06:00"},
		},
		{
			name: "gap slot and the slot it moves to appear once", zone: "America/Chicago",
			start: "2027-03-14", days: 1,
			slots: []Slot{{Weekday: time.Sunday, Hour: 2, Minute: 30}, {Weekday: time.Sunday, Hour: 3, Minute: 0}, {Weekday: time.Sunday, Hour: 2, Minute: 0}},
			want:  []string{"2027-03-14T03:00:00-05:00"},
		},
		{
			name: "lord howe half-hour gap", zone: "Australia/Lord_Howe",
			start: "2026-09-28", days: 7, slots: []Slot{{Weekday: time.Sunday, Hour: 2, Minute: 15}, {Weekday: time.Sunday, Hour: 9, Minute: 0}},
			want: []string{"2026-10-04T02:30:00+11:00", "2026-10-04T09:00:00+11:00"},
		},
		{
			name: "london spring gap", zone: "Europe/London",
			start: "2026-03-23", days: 7, slots: []Slot{{Weekday: time.Sunday, Hour: 1, Minute: 30}},
			want: []string{"2026-03-29T02:00:00+01:00"},
		},
		{
			name: "kolkata", zone: "Asia/Kolkata",
			start: "2026-12-07", days: 7, slots: monThu,
			want: []string{"2026-12-07T09:00:00+05:30", "2026-12-10T12:30:00+05:30"},
		},
		{
			name: "across a year end", zone: "UTC",
			start: "2026-12-28", days: 14, slots: []Slot{{Weekday: time.Friday, Hour: 8, Minute: 0}},
			want: []string{"2027-01-01T08:00:00Z", "2027-01-08T08:00:00Z"},
		},
		{
			name: "out of range slots ignored", zone: "America/Chicago",
			start: "2026-12-07", days: 7,
			slots: []Slot{{Weekday: time.Monday, Hour: 24, Minute: 0}, {Weekday: time.Monday, Hour: 9, Minute: 60}, {Weekday: time.Weekday(7), Hour: 9}, {Weekday: time.Monday, Hour: -1}, {Weekday: time.Thursday, Hour: 12, Minute: 30}},
			want:  []string{"2026-12-10T12:30:00-06:00"},
		},
		{name: "days 0 gives none", zone: "America/Chicago", start: "2026-12-07", days: 0, slots: monThu},
		{name: "negative days gives none", zone: "America/Chicago", start: "2026-12-07", days: -7, slots: monThu},
		{name: "no slots gives none", zone: "America/Chicago", start: "2026-12-07", days: 21},
		{
			name: "every day blacked out gives none", zone: "America/Chicago",
			start: "2026-12-07", days: 4, slots: monThu,
			blackout: []string{"2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			loc := slotTestZone(t, tt.zone)
			var blackout []time.Time
			for _, b := range tt.blackout {
				blackout = append(blackout, slotTestDate(t, b))
			}
			got := Expand(loc, slotTestDate(t, tt.start), tt.days, tt.slots, blackout)
			slotCheckMoments(t, got, tt.want, loc)
		})
	}
}

func TestExpandDatesOnlyCount(t *testing.T) {
	loc := slotTestZone(t, "America/Chicago")
	// Only the year, month and day of start and of the blackout dates
	// count, not their clock or their location.
	start := slotTestTime(t, "2026-12-07T23:59:00Z")
	blackout := []time.Time{slotTestTime(t, "2026-12-10T18:00:00Z")}
	got := Expand(loc, start, 7, []Slot{{Weekday: time.Monday, Hour: 9, Minute: 0}, {Weekday: time.Thursday, Hour: 12, Minute: 30}}, blackout)
	slotCheckMoments(t, got, []string{"2026-12-07T09:00:00-06:00"}, loc)

	// A nil location is UTC.
	got = Expand(nil, start, 1, []Slot{{Weekday: time.Monday, Hour: 9, Minute: 0}}, nil)
	slotCheckMoments(t, got, []string{"2026-12-07T09:00:00Z"}, time.UTC)
}

// slotCheckMoments checks that got is exactly the moments want (RFC 3339),
// sorted, each in loc.
func slotCheckMoments(t *testing.T, got []time.Time, want []string, loc *time.Location) {
	t.Helper()
	var gotS []string
	for _, g := range got {
		gotS = append(gotS, g.Format(time.RFC3339))
		if g.Location() != loc {
			t.Errorf("moment %s is in %v, want %v", g.Format(time.RFC3339), g.Location(), loc)
		}
	}
	if len(gotS) != len(want) {
		t.Fatalf("got %d moments %q, want %d %q", len(gotS), gotS, len(want), want)
	}
	for i := range want {
		if gotS[i] != want[i] {
			t.Errorf("moment %d = %s, want %s (got %q)", i, gotS[i], want[i], gotS)
		}
	}
	for i := 1; i < len(got); i++ {
		if !got[i-1].Before(got[i]) {
			t.Errorf("moments not strictly increasing at %d: %s then %s", i, gotS[i-1], gotS[i])
		}
	}
}

// slotWall returns t's wall clock in its location, to the second, as a
// time in UTC, so that wall clocks in different offsets can be compared.
func slotWall(t time.Time) time.Time {
	y, m, d := t.Date()
	h, mi, s := t.Clock()
	return time.Date(y, m, d, h, mi, s, 0, time.UTC)
}

func FuzzLocalTime(f *testing.F) {
	f.Add(2027, 3, 14, 2, 30, 60)   // Chicago spring gap
	f.Add(2026, 11, 1, 1, 30, 30)   // Chicago fall back
	f.Add(2026, 10, 4, 2, 15, 15)   // Lord Howe spring gap
	f.Add(2027, 4, 4, 1, 45, 20)    // Lord Howe fall back
	f.Add(2026, 12, 7, 9, 0, 10080) // an ordinary day, a week later
	f.Add(-1, -1, -1, -1, -1, -1)
	zones := []*time.Location{
		slotTestZone(f, "America/Chicago"),
		slotTestZone(f, "Australia/Lord_Howe"),
	}
	// mod returns v modulo n, in [0, n).
	mod := func(v, n int) int {
		v %= n
		if v < 0 {
			v += n
		}
		return v
	}
	f.Fuzz(func(t *testing.T, y, m, d, h, mi, later int) {
		y = 2000 + mod(y, 101)
		month := time.Month(1 + mod(m, 12))
		d = 1 + mod(d, 31) // day 31 of a short month rolls into the next, as in time.Date
		h = mod(h, 24)
		mi = mod(mi, 60)
		later = mod(later, 3*24*60) // minutes, up to three days
		want := time.Date(y, month, d, h, mi, 0, 0, time.UTC)
		wantLater := want.Add(time.Duration(later) * time.Minute)
		for _, loc := range zones {
			got := LocalTime(loc, y, month, d, h, mi)
			if got.Location() != loc {
				t.Fatalf("%s: LocalTime(%s) is in %v", loc, want.Format("2006-01-02 15:04"), got.Location())
			}
			wall := slotWall(got)
			if wall.Before(want) || !wall.Before(want.Add(2*time.Hour)) {
				t.Fatalf("%s: LocalTime(%s) = %s, wall clock not within [requested, requested+2h)",
					loc, want.Format("2006-01-02 15:04"), got.Format(time.RFC3339))
			}
			// It is the first moment whose wall clock is at or after the
			// requested one: a second earlier the clock read less.
			if before := slotWall(got.Add(-time.Second)); !before.Before(want) {
				t.Fatalf("%s: LocalTime(%s) = %s, but a second earlier, %s, the clock already read %s",
					loc, want.Format("2006-01-02 15:04"), got.Format(time.RFC3339),
					got.Add(-time.Second).Format(time.RFC3339), before.Format("2006-01-02 15:04:05"))
			}
			gotLater := LocalTime(loc, wantLater.Year(), wantLater.Month(), wantLater.Day(), wantLater.Hour(), wantLater.Minute())
			if gotLater.Before(got) {
				t.Fatalf("%s: not monotonic: LocalTime(%s) = %s, but the later LocalTime(%s) = %s",
					loc, want.Format("2006-01-02 15:04"), got.Format(time.RFC3339),
					wantLater.Format("2006-01-02 15:04"), gotLater.Format(time.RFC3339))
			}
		}
	})
}

func TestLocalTimeAroundTransitions(t *testing.T) {
	// Every minute from three hours before to three hours after each
	// clock change of 2026 to 2028, in zones with one-hour and half-hour
	// shifts: LocalTime gives the first moment whose wall clock is at or
	// after the requested one, and never goes back in time.
	for _, name := range []string{"America/Chicago", "Europe/London", "Australia/Lord_Howe", "Asia/Kolkata"} {
		t.Run(name, func(t *testing.T) {
			loc := slotTestZone(t, name)
			at := time.Date(2026, time.January, 1, 0, 0, 0, 0, loc)
			for range 16 {
				_, end := at.ZoneBounds()
				if end.IsZero() || end.Year() > 2028 || !end.After(at) {
					break
				}
				at = end.In(loc)
				from := slotWall(at).Add(-3 * time.Hour)
				var prev time.Time
				for k := range 6*60 + 1 {
					w := from.Add(time.Duration(k) * time.Minute)
					got := LocalTime(loc, w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute())
					wall := slotWall(got)
					if wall.Before(w) || !wall.Before(w.Add(time.Hour+time.Minute)) {
						t.Fatalf("LocalTime(%s) = %s, wall clock not within an hour after the requested one",
							w.Format("2006-01-02 15:04"), got.Format(time.RFC3339))
					}
					if before := slotWall(got.Add(-time.Second)); !before.Before(w) {
						t.Fatalf("LocalTime(%s) = %s, not the first moment at or after that wall clock",
							w.Format("2006-01-02 15:04"), got.Format(time.RFC3339))
					}
					if k > 0 && got.Before(prev) {
						t.Fatalf("LocalTime(%s) = %s, before the previous minute's %s",
							w.Format("2006-01-02 15:04"), got.Format(time.RFC3339), prev.Format(time.RFC3339))
					}
					prev = got
				}
			}
		})
	}
}

// FuzzParseSlot checks that ParseSlot never panics, and that a slot it
// accepts prints as a slot it parses back to the same.
func FuzzParseSlot(f *testing.F) {
	for _, s := range []string{"mon 09:00", "tue 18:00 es", "sat 10:00 ES-mx", "mon 09:00 est", "", "sunday 23:59 pt-BR x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		slot, err := ParseSlot(s)
		if err != nil {
			return
		}
		again, err := ParseSlot(slot.String())
		if err != nil || again != slot {
			t.Errorf("ParseSlot(%q) = %+v, which prints as %q and parses as %+v, %v", s, slot, slot.String(), again, err)
		}
	})
}
