package config_test

import (
	"os"
	"reflect"
	"testing"
	"time"

	"github.com/faqcast/faqcast/generator/config"
)

func TestScheduleExample(t *testing.T) {
	data, err := os.ReadFile("../../faqcast.yaml")
	if err != nil {
		t.Fatal(err)
	}
	c, err := config.Parse("faqcast.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	s := c.Schedule
	if s.Location.String() != "America/Chicago" || s.Start.Format(time.DateOnly) != "2026-12-07" || s.Days() != 56 {
		t.Errorf("zone %s start %s days %d", s.Location, s.Start, s.Days())
	}
	if got := len(s.Parsed["x"]); got != 3 {
		t.Errorf("x slots %d, want 3", got)
	}
	if s.MinGap() != 28*24*time.Hour || len(s.Blackout) != 2 {
		t.Errorf("gap %s blackout %v", s.MinGap(), s.Blackout)
	}
}

func TestScheduleDefaults(t *testing.T) {
	c, err := config.Parse("faqcast.yaml", []byte(socialBase))
	if err != nil {
		t.Fatal(err)
	}
	s := c.Schedule
	if s.Location != time.UTC || s.Days() != 28 || s.MinGap() != 28*24*time.Hour || len(s.Parsed) != 0 {
		t.Errorf("defaults: zone %s days %d gap %s slots %v", s.Location, s.Days(), s.MinGap(), s.Parsed)
	}
	c, err = config.Parse("faqcast.yaml", []byte(socialBase+"schedule: {min_gap_days: 0}\n"))
	if err != nil || c.Schedule.MinGap() != 0 {
		t.Errorf("min_gap_days 0: %v, %v", err, c.Schedule.MinGap())
	}
}

func TestScheduleErrors(t *testing.T) {
	for _, tc := range []struct {
		name, yaml string
		want       []string
	}{
		// At the slot, the list's second item.
		{"bad slot", "schedule:\n  timezone: UTC\n  start: 2026-12-07\n  slots: {x: [\"mon 09:00\", \"mon 9am\"]}\n",
			[]string{`faqcast.yaml:6:28: schedule.slots.x: "mon 9am": write the time as 24-hour HH:MM, such as "mon 09:00"`}},
		{"unknown platform", "schedule:\n  slots: {twitter: [\"mon 09:00\"]}\n",
			[]string{`faqcast.yaml:4:11: schedule.slots: unknown key "twitter"`}},
		{"bad zone", "schedule: {timezone: Mars/Olympus}\n",
			[]string{`faqcast.yaml:3:22: schedule.timezone "Mars/Olympus" is not a time zone`}},
		{"slots need a zone and a start", "schedule:\n  slots: {x: [\"mon 09:00\"]}\n", []string{
			"faqcast.yaml:4:3: schedule.start is required with slots",
			"faqcast.yaml:4:3: schedule.timezone is required with slots",
		}},
		{"weeks and gap", "schedule: {weeks: 500, min_gap_days: -1}\n", []string{
			"faqcast.yaml:3:19: schedule.weeks 500 is out of range",
			"faqcast.yaml:3:38: schedule.min_gap_days -1 is out of range",
		}},
		{"slots on a disabled platform", "platforms: {x: {enabled: false}}\nschedule:\n  timezone: UTC\n  start: 2026-12-07\n  slots: {x: [\"mon 09:00\"]}\n",
			[]string{"faqcast.yaml:7:14: schedule.slots.x: X is turned off"}},
		{"bad blackout", "schedule: {blackout: [christmas]}\n",
			[]string{`faqcast.yaml:3:23: schedule.blackout[0]: "christmas" is not a date`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := config.Parse("faqcast.yaml", []byte(socialBase+tc.yaml))
			msgs, _ := diags(t, err)
			if !reflect.DeepEqual(msgs, tc.want) {
				t.Errorf("errors:\n%q\nwant\n%q", msgs, tc.want)
			}
		})
	}
}
