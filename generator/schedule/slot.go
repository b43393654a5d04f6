package schedule

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// A Slot is a weekly posting time: a weekday and a time of day, in the
// schedule's time zone; and the language of the entries it posts, or ""
// for any language without slots of its own (see [Plan.Queue]).
type Slot struct {
	Weekday      time.Weekday
	Hour, Minute int
	// Lang is a BCP 47 language tag in canonical form, such as "es".
	Lang string
}

// slotDayNames are the short weekday names a slot is written with,
// indexed by time.Weekday.
var slotDayNames = [7]string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

// slotWeekday returns the weekday named by name, a short name such as
// "mon" or a full name such as "monday", in any case.
func slotWeekday(name string) (time.Weekday, bool) {
	name = strings.ToLower(name)
	for d, short := range slotDayNames {
		if name == short || name == strings.ToLower(time.Weekday(d).String()) {
			return time.Weekday(d), true
		}
	}
	return 0, false
}

// slotClock parses a 24-hour time written H:MM or HH:MM. ok is false when
// the text is not of that form; when it is, err says which field is out of
// range, if one is.
func slotClock(text string) (hour, minute int, ok bool, err error) {
	hs, ms, found := strings.Cut(text, ":")
	if !found || len(hs) < 1 || len(hs) > 2 || len(ms) != 2 || !slotDigits(hs) || !slotDigits(ms) {
		return 0, 0, false, nil
	}
	hour, _ = strconv.Atoi(hs)
	minute, _ = strconv.Atoi(ms)
	switch {
	case hour > 23:
		return 0, 0, true, fmt.Errorf("the hour must be 0 to 23, not %d", hour)
	case minute > 59:
		return 0, 0, true, fmt.Errorf("the minute must be 00 to 59, not %02d", minute)
	}
	return hour, minute, true, nil
}

// slotDigits reports whether s is made only of the ASCII digits 0 to 9.
func slotDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// ParseSlot parses a slot written as "mon 09:00": a weekday (mon tue wed
// thu fri sat sun, or the full names such as "monday", in any case) and a
// 24-hour time HH:MM (H:MM is accepted too), separated by spaces; and,
// for a slot that posts the entries of one language only, the language's
// BCP 47 tag: "tue 18:00 es".
//
// The error message is lowercase, quotes the slot and says what is wrong,
// for example:
//
//	"mon 9am": write the time as 24-hour HH:MM, such as "mon 09:00"
//	"funday 09:00": "funday" is not a weekday
func ParseSlot(s string) (Slot, error) {
	const example = `"mon 09:00"`
	f := strings.Fields(s)
	switch len(f) {
	case 0:
		return Slot{}, fmt.Errorf("%q: the slot is empty: write a weekday and a 24-hour time, such as %s", s, example)
	case 1:
		if d, ok := slotWeekday(f[0]); ok {
			return Slot{}, fmt.Errorf("%q: the time is missing: write a 24-hour time after the weekday, such as \"%s 09:00\"", s, slotDayNames[d])
		}
		if _, _, ok, _ := slotClock(f[0]); ok {
			return Slot{}, fmt.Errorf("%q: the weekday is missing: write it before the time, such as \"mon %s\"", s, f[0])
		}
		return Slot{}, fmt.Errorf("%q: write a weekday and a 24-hour time, such as %s", s, example)
	case 2, 3:
	default:
		return Slot{}, fmt.Errorf("%q: too many words: write one weekday, one 24-hour time and perhaps a language, such as %s or \"tue 18:00 es\"", s, example)
	}
	d, ok := slotWeekday(f[0])
	if !ok {
		return Slot{}, fmt.Errorf("%q: %q is not a weekday", s, f[0])
	}
	h, m, ok, err := slotClock(f[1])
	if !ok {
		return Slot{}, fmt.Errorf("%q: write the time as 24-hour HH:MM, such as \"%s 09:00\"", s, slotDayNames[d])
	}
	if err != nil {
		return Slot{}, fmt.Errorf("%q: %w", s, err)
	}
	slot := Slot{Weekday: d, Hour: h, Minute: m}
	if len(f) == 3 {
		// Only a known language, written as its canonical tag: "est" or
		// "cst" is more likely a time zone than Estonian.
		tag, err := language.Parse(f[2])
		if err != nil || !strings.EqualFold(tag.String(), f[2]) || display.English.Languages().Name(tag) == "" {
			return Slot{}, fmt.Errorf("%q: %q is not a language: a slot's times are in schedule.timezone; a third word names the language of the entries the slot posts, such as es", s, f[2])
		}
		slot.Lang = tag.String()
	}
	return slot, nil
}

// String returns the slot as "mon 09:00", or "mon 09:00 es" with a
// language.
func (s Slot) String() string {
	day := "weekday(" + strconv.Itoa(int(s.Weekday)) + ")"
	if s.Weekday >= 0 && int(s.Weekday) < len(slotDayNames) {
		day = slotDayNames[s.Weekday]
	}
	if s.Lang != "" {
		return fmt.Sprintf("%s %02d:%02d %s", day, s.Hour, s.Minute, s.Lang)
	}
	return fmt.Sprintf("%s %02d:%02d", day, s.Hour, s.Minute)
}

// valid reports whether every field of s is in range, as ParseSlot makes
// them.
func (s Slot) valid() bool {
	return s.Weekday >= time.Sunday && s.Weekday <= time.Saturday &&
		s.Hour >= 0 && s.Hour <= 23 && s.Minute >= 0 && s.Minute <= 59
}

// LocalTime returns the moment at which the wall-clock time y-m-d h:min
// happens in loc, as a time in loc. A nil loc means UTC. Values out of
// their usual range are normalized as by [time.Date]: October 32 is
// November 1, minute -1 is the last minute of the hour before.
//
// A wall-clock time that does not exist, because it falls in a gap where
// the clocks spring forward, moves to the first minute after it that
// exists (02:30 on the day a zone springs from 02:00 to 03:00 becomes
// 03:00). A wall-clock time that happens twice, because the clocks fall
// back, is its first occurrence. Unlike [time.Date], which does not
// guarantee which moment it picks in these cases, LocalTime always picks
// the same one.
func LocalTime(loc *time.Location, y int, m time.Month, d, h, min int) time.Time {
	if loc == nil {
		loc = time.UTC
	}
	// wall is the requested wall-clock time, normalized, read as if it
	// were UTC; its Unix time minus a zone offset is a candidate instant.
	wall := time.Date(y, m, d, h, min, 0, 0, time.UTC).Unix()
	const day = 24 * 60 * 60
	offs := zoneOffsets(loc, wall-2*day, wall+3*day)
	// A gap is a few hours at most in practice (Samoa skipped a whole
	// day in 2011); look two days ahead.
	for step := int64(0); step <= 2*24*60; step++ {
		w := wall + step*60
		var best time.Time
		found := false
		for _, off := range offs {
			t := time.Unix(w-int64(off), 0).In(loc)
			if wallUnix(t) != w {
				continue
			}
			if !found || t.Before(best) {
				best, found = t, true
			}
		}
		if found {
			return best
		}
	}
	// No zone in the tz database gets here; fall back on time.Date.
	return time.Date(y, m, d, h, min, 0, 0, loc)
}

// wallUnix returns t's wall-clock time in its location, read as if it
// were UTC, as a Unix time.
func wallUnix(t time.Time) int64 {
	_, off := t.Zone()
	return t.Unix() + int64(off)
}

// zoneOffsets returns the offsets, in seconds east of UTC, that loc uses
// at some instant in [from, to] (Unix times), without duplicates.
func zoneOffsets(loc *time.Location, from, to int64) []int {
	var offs []int
	add := func(t time.Time) {
		_, off := t.Zone()
		if !slices.Contains(offs, off) {
			offs = append(offs, off)
		}
	}
	// Sample once a day, in case ZoneBounds cannot see a transition.
	for u := from; u <= to; u += 24 * 60 * 60 {
		add(time.Unix(u, 0).In(loc))
	}
	add(time.Unix(to, 0).In(loc))
	// Walk the zone periods that overlap [from, to]; a handful at most.
	t := time.Unix(from, 0).In(loc)
	for range 32 {
		add(t)
		_, end := t.ZoneBounds()
		if end.IsZero() || end.Unix() > to || !end.After(t) {
			break
		}
		t = end.In(loc)
	}
	return offs
}

// Expand returns the moments, in loc, of every slot on every day in
// [start, start+days), sorted, skipping the days listed in blackout.
// A nil loc means UTC.
//
// start and the blackout dates are calendar dates, given as midnight UTC
// (as the config decoder makes them from "2026-12-07"); only their year,
// month and day count. A slot's wall-clock time is turned into a moment
// as by [LocalTime]: a time in a daylight-saving gap moves to the first
// minute after it, and a time that happens twice is its first occurrence.
// Duplicate moments (two slots at the same time) appear once. Slots with
// a field out of range, which [ParseSlot] never returns, are ignored.
// Expand returns nil when there are no moments.
func Expand(loc *time.Location, start time.Time, days int, slots []Slot, blackout []time.Time) []time.Time {
	if loc == nil {
		loc = time.UTC
	}
	type date struct {
		y int
		m time.Month
		d int
	}
	skip := make(map[date]bool, len(blackout))
	for _, b := range blackout {
		y, m, d := b.Date()
		skip[date{y, m, d}] = true
	}
	var ok []Slot
	for _, s := range slots {
		if s.valid() {
			ok = append(ok, s)
		}
	}
	if len(ok) == 0 {
		return nil
	}
	y0, m0, d0 := start.Date()
	var out []time.Time
	for i := 0; i < days; i++ {
		day := time.Date(y0, m0, d0+i, 0, 0, 0, 0, time.UTC)
		y, m, d := day.Date()
		if skip[date{y, m, d}] {
			continue
		}
		wd := day.Weekday()
		for _, s := range ok {
			if s.Weekday == wd {
				out = append(out, LocalTime(loc, y, m, d, s.Hour, s.Minute))
			}
		}
	}
	slices.SortFunc(out, time.Time.Compare)
	out = slices.CompactFunc(out, time.Time.Equal)
	if len(out) == 0 {
		return nil
	}
	return out
}
