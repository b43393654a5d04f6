package config

import (
	"fmt"
	"time"
	// The zone database is built in, so schedules work on machines
	// without one (a container, Windows).
	_ "time/tzdata"

	"github.com/faqcast/faqcast/generator/platform"
	"github.com/faqcast/faqcast/generator/schedule"
	"github.com/faqcast/faqcast/internal/decode"
	"github.com/faqcast/faqcast/internal/diag"
)

// Schedule is the posting schedule, under schedule: in faqcast.yaml.
type Schedule struct {
	// Timezone is the IANA name of the zone the slots are in.
	Timezone string `yaml:"timezone"`
	// Start is the first day of the horizon.
	Start time.Time `yaml:"start"`
	// Weeks is the horizon's length (DefaultWeeks if 0).
	Weeks int `yaml:"weeks"`
	// Slots are each platform's weekly posting times.
	Slots Slots `yaml:"slots"`
	// Blackout lists days with no posts (the practice is closed).
	Blackout []time.Time `yaml:"blackout"`
	// MinGapDays keeps an entry from coming back on a platform sooner
	// (DefaultMinGapDays if nil; 0 allows any gap).
	MinGapDays *int `yaml:"min_gap_days"`
	// SameDayTranslations lets a platform post an entry and its
	// translations on the same day; by default they go out on different
	// days.
	SameDayTranslations bool `yaml:"same_day_translations"`

	Pos decode.Positions `yaml:"-"`

	// Location is Timezone loaded.
	Location *time.Location `yaml:"-"`
	// Parsed holds Slots parsed, by platform name.
	Parsed map[string][]schedule.Slot `yaml:"-"`
}

// Slots lists each platform's weekly posting times, such as
// x: ["mon 09:00", "thu 12:30"]; a time for the entries of one language
// names it: "tue 18:00 es".
type Slots struct {
	Bluesky   []string `yaml:"bluesky"`
	Facebook  []string `yaml:"facebook"`
	GBP       []string `yaml:"gbp"`
	Instagram []string `yaml:"instagram"`
	LinkedIn  []string `yaml:"linkedin"`
	Mastodon  []string `yaml:"mastodon"`
	Threads   []string `yaml:"threads"`
	X         []string `yaml:"x"`

	Pos decode.Positions `yaml:"-"`
}

// Defaults of the schedule.
const (
	DefaultWeeks      = 4
	DefaultMinGapDays = 28
	MaxWeeks          = 104
)

// Days returns the length of the horizon in days.
func (s *Schedule) Days() int {
	if s.Weeks == 0 {
		return 7 * DefaultWeeks
	}
	return 7 * s.Weeks
}

// MinGap returns the shortest time between two posts of one entry on one
// platform.
func (s *Schedule) MinGap() time.Duration {
	days := DefaultMinGapDays
	if s.MinGapDays != nil {
		days = *s.MinGapDays
	}
	return time.Duration(days) * 24 * time.Hour
}

// byName returns the slots written for the platform called name.
func (s *Slots) byName(name string) []string { return fieldByYAMLName[[]string](s, name) }

// checkSchedule validates schedule: and fills Location and Parsed.
func (c *Config) checkSchedule(bad func(pos diag.Pos, hint, format string, args ...any), at func(p decode.Positions, key string, def ...diag.Pos) diag.Pos) {
	s := &c.Schedule
	top := at(c.Pos, "schedule")
	s.Parsed = map[string][]schedule.Slot{}
	for _, p := range platform.All {
		for i, text := range s.Slots.byName(p.Name) {
			slot, err := schedule.ParseSlot(text)
			if err != nil {
				bad(at(s.Slots.Pos, decode.ItemKey(p.Name, i), at(s.Slots.Pos, p.Name, top)), `write slots as "mon 09:00": a weekday and a 24-hour time, and a language for a slot of one language's entries ("tue 18:00 es")`, "schedule.slots.%s: %v", p.Name, err)
				continue
			}
			s.Parsed[p.Name] = append(s.Parsed[p.Name], slot)
		}
	}
	tz := s.Timezone
	if tz == "" {
		tz = "UTC"
	}
	loc, err := time.LoadLocation(tz)
	if err != nil {
		bad(at(s.Pos, "timezone", top), "use an IANA zone name such as America/Chicago or Europe/London",
			"schedule.timezone %q is not a time zone", s.Timezone)
		loc = time.UTC
	}
	s.Location = loc
	if len(s.Parsed) > 0 && s.Timezone == "" {
		bad(top, "add schedule.timezone, such as America/Chicago", "schedule.timezone is required with slots")
	}
	if len(s.Parsed) > 0 && s.Start.IsZero() {
		bad(top, "add schedule.start: the first day to schedule, such as 2026-12-07", "schedule.start is required with slots")
	}
	if s.Weeks < 0 || s.Weeks > MaxWeeks {
		bad(at(s.Pos, "weeks", top), fmt.Sprintf("use 1 to %d weeks", MaxWeeks), "schedule.weeks %d is out of range", s.Weeks)
	}
	if s.MinGapDays != nil && (*s.MinGapDays < 0 || *s.MinGapDays > 7*MaxWeeks) {
		bad(at(s.Pos, "min_gap_days", top), fmt.Sprintf("use a number of days from 0 to %d", 7*MaxWeeks), "schedule.min_gap_days %d is out of range", *s.MinGapDays)
	}
	for _, p := range platform.All {
		if len(s.Parsed[p.Name]) > 0 && !c.Channel(p.Name).Enabled {
			bad(at(s.Slots.Pos, p.Name, top), fmt.Sprintf("remove the slots, or turn %s on under platforms:", p.Title),
				"schedule.slots.%s: %s is turned off", p.Name, p.Title)
		}
	}
}
