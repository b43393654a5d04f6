package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/faqcast/faqcast/generator"
	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/schedule"
	"github.com/faqcast/faqcast/generator/site"
)

const queueUsage = `Usage: faqcast queue [--source DIR] [--from DATE] [--to DATE] [--platform NAME]
                     [--due-within DURATION] [--json]
       faqcast queue --week[=DATE] [--source DIR] [--platform NAME]

List the scheduled posts of the site in DIR: when, where, which question and
its link, in the schedule's time zone. The schedule is worked out from the
site as it is now, exactly as 'faqcast build' writes it to
public/social/publish/queue.json; nothing is written.

With --week, show one week, Monday to Sunday, as a calendar: each day with
its posts, marking those whose time has passed. Without a day, it is the
week of now (or of SOURCE_DATE_EPOCH, as for 'faqcast build').

Flags:
  -s, --source DIR            the site's folder (default ".")
      --from DATE             only posts on or after this day (2026-12-07)
      --to DATE               only posts on or before this day
  -p, --platform NAME         only posts for this platform
      --due-within DURATION   only posts due from now until DURATION from now
                              (such as 1h or 90m), for a publisher's cron job
      --json                  print the queue's JSON, as in queue.json
      --week[=DATE]           show the week that holds DATE (default this
                              week) as a calendar; not with --from, --to,
                              --due-within or --json

Exit status: 0 listed (perhaps nothing), 1 problems in the site, 2 usage error.

Examples:
  faqcast queue
  faqcast queue --from 2026-12-07 --to 2026-12-13 --platform instagram
  faqcast queue --due-within 1h --json
  faqcast queue --week
  faqcast queue --week=2026-12-14 --platform facebook
`

func runQueue(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("queue")
	source := fs.StringP("source", "s", ".", "")
	from := fs.String("from", "", "")
	to := fs.String("to", "", "")
	name := fs.StringP("platform", "p", "", "")
	due := fs.Duration("due-within", 0, "")
	asJSON := fs.Bool("json", false, "")
	week := fs.String("week", "", "")
	fs.Lookup("week").NoOptDefVal = thisWeek
	if err := parseFlags(fs, args, queueUsage, stdout); err != nil {
		return err
	}
	if fs.NArg() > 0 && *week == thisWeek {
		if _, err := time.Parse(time.DateOnly, fs.Arg(0)); err == nil {
			return usageError(fmt.Sprintf("write --week=%s, with an equals sign", fs.Arg(0)), "unexpected argument %q", fs.Arg(0))
		}
	}
	if fs.NArg() > 0 {
		return usageError(`name the site's folder with --source`, "unexpected argument %q", fs.Arg(0))
	}
	var fromDay, toDay time.Time
	for _, d := range []struct {
		flag, value string
		day         *time.Time
	}{{"--from", *from, &fromDay}, {"--to", *to, &toDay}} {
		if d.value == "" {
			continue
		}
		t, err := time.Parse(time.DateOnly, d.value)
		if err != nil {
			return usageError("write days as 2026-12-07", "%s %q is not a day", d.flag, d.value)
		}
		*d.day = t
	}
	if *from != "" && *to != "" && toDay.Before(fromDay) {
		return usageError("give --from the earlier day and --to the later", "--to %s is before --from %s", *to, *from)
	}
	if *name != "" {
		if err := checkPlatform(*name); err != nil {
			return err
		}
	}
	if *due < 0 {
		return usageError("give a positive duration, such as 1h", "--due-within %s is negative", *due)
	}
	var weekDay time.Time
	if fs.Changed("week") {
		for _, other := range []string{"from", "to", "due-within", "json"} {
			if fs.Changed(other) {
				return usageError("--week shows a calendar of one week; leave out one of the two", "--week cannot be combined with --%s", other)
			}
		}
		if *week != thisWeek {
			t, err := time.Parse(time.DateOnly, *week)
			if err != nil {
				return usageError("write --week=2026-12-07, or --week alone for this week", "--week %q is not a day", *week)
			}
			weekDay = t
		}
	}

	g := &generator.Generator{Source: *source, NoWrite: true}
	now, err := buildTime(g)
	if err != nil {
		return err
	}
	res, err := g.Build(ctx, generator.Change{Now: now})
	if err != nil {
		return err
	}
	q := res.Queue
	loc, err := time.LoadLocation(q.Timezone)
	if err != nil {
		loc = time.UTC
	}
	day := func(t time.Time) time.Time {
		y, m, d := t.In(loc).Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	kept := []schedule.Item{}
	for _, it := range q.Items {
		switch {
		case *from != "" && day(it.PublishAt).Before(fromDay),
			*to != "" && day(it.PublishAt).After(toDay),
			*name != "" && it.Platform != *name,
			*due > 0 && (it.PublishAt.Before(now) || it.PublishAt.After(now.Add(*due))):
			continue
		}
		kept = append(kept, it)
	}
	q.Items = kept

	if fs.Changed("week") {
		if len(kept) == 0 {
			if cfg, err := config.Load(*source); err == nil && len(cfg.Schedule.Parsed) == 0 {
				noSchedule(stdout, cfg, now)
				return nil
			}
		}
		start := site.WeekOf(now, loc)
		if *week != thisWeek {
			start = site.WeekOf(time.Date(weekDay.Year(), weekDay.Month(), weekDay.Day(), 12, 0, 0, 0, loc), loc)
		}
		var again string
		if fs.Changed("source") {
			again += " --source " + shellWord(*source)
		}
		if *name != "" {
			again += " --platform " + *name
		}
		return printWeek(stdout, start, loc, kept, now, again)
	}

	if *asJSON {
		// A queue worked out and not written names no build: its files
		// are not there, and a filtered one is not theirs.
		q.Build = ""
		b, err := q.JSON()
		if err != nil {
			return err
		}
		_, err = stdout.Write(b)
		return err
	}
	if len(kept) == 0 {
		if cfg, err := config.Load(*source); err == nil && len(cfg.Schedule.Parsed) == 0 {
			noSchedule(stdout, cfg, now)
			return nil
		}
		fmt.Fprintln(stdout, "No posts scheduled for that.")
		return nil
	}
	w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	for _, it := range kept {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", it.PublishAt.In(loc).Format("Mon 2006-01-02 15:04 MST"), it.Platform, it.Question, it.Link)
	}
	return w.Flush()
}

// noSchedule says that cfg sets up no schedule, and shows the lines that
// would, for its platforms, starting from the Monday after now.
func noSchedule(w io.Writer, cfg *config.Config, now time.Time) {
	fmt.Fprintf(w, "No posts are scheduled: %s has no schedule yet. Add one like this, with your\n", cfg.Path)
	fmt.Fprintln(w, "time zone and the weekly times to post on each platform, then run faqcast queue again:")
	fmt.Fprintln(w)
	days := (8 - int(now.Weekday())) % 7
	if days == 0 {
		days = 7
	}
	start := now.AddDate(0, 0, days)
	fmt.Fprintf(w, "schedule:\n  timezone: America/Chicago\n  start: %s\n  weeks: 4\n  slots:\n", start.Format(time.DateOnly))
	times := []string{`["tue 10:00", "thu 10:00"]`, `["mon 12:00"]`, `["wed 09:00"]`, `["fri 11:00"]`}
	for i, ch := range cfg.Channels() {
		fmt.Fprintf(w, "    %s: %s\n", ch.Name, times[i%len(times)])
	}
}
