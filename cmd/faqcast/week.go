package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/faqcast/faqcast/generator/platform"
	"github.com/faqcast/faqcast/generator/schedule"
)

// thisWeek is the value --week takes when it is given without a day.
const thisWeek = "this week"

// printWeek lays out the week that starts on the Monday start, in loc, as
// a calendar does: a heading, then each day from Monday to Sunday with its
// posts from items (sorted by time), those before now marked as passed.
// When the week has no posts, it points to the first later one, with again
// as the command to show its week, less the --week flag.
func printWeek(w io.Writer, start time.Time, loc *time.Location, items []schedule.Item, now time.Time, again string) error {
	end := time.Date(start.Year(), start.Month(), start.Day()+7, 0, 0, 0, 0, loc)
	var week []schedule.Item
	var next *schedule.Item
	for i, it := range items {
		switch {
		case it.PublishAt.Before(start):
		case it.PublishAt.Before(end):
			week = append(week, it)
		case next == nil:
			next = &items[i]
		}
	}

	// The posts' rows go through one tabwriter, so their columns line up
	// across the whole week, not just within a day.
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 4, 2, ' ', 0)
	for _, it := range week {
		title := it.Platform
		if p, ok := platform.Lookup(it.Platform); ok {
			title = p.Title
		}
		question := strings.Join(strings.Fields(it.Question), " ")
		if it.PublishAt.Before(now) {
			question += "  (time passed)"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", it.PublishAt.In(loc).Format("15:04"), title, question)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	rows := strings.SplitAfter(buf.String(), "\n")

	fmt.Fprintf(w, "Week of %s (times in %s)\n", start.Format("Monday, January 2, 2006"), loc)
	i := 0
	for d := 0; d < 7; d++ {
		day := time.Date(start.Year(), start.Month(), start.Day()+d, 0, 0, 0, 0, loc)
		fmt.Fprintln(w, day.Format("Mon Jan 2"))
		n := 0
		for ; i < len(week) && sameDay(week[i].PublishAt, day, loc); i++ {
			io.WriteString(w, rows[i])
			n++
		}
		if n == 0 {
			fmt.Fprintln(w, "  (nothing scheduled)")
		}
	}
	if len(week) > 0 {
		return nil
	}
	fmt.Fprintln(w)
	if next == nil {
		_, err := fmt.Fprintln(w, "Nothing is scheduled this week or after it.")
		return err
	}
	at := next.PublishAt.In(loc)
	_, err := fmt.Fprintf(w, "Nothing is scheduled this week; the next post is on %s at %s (faqcast queue --week=%s%s).\n",
		at.Format("Mon Jan 2"), at.Format("15:04"), at.Format(time.DateOnly), again)
	return err
}

// sameDay reports whether t falls on day in loc.
func sameDay(t, day time.Time, loc *time.Location) bool {
	y1, m1, d1 := t.In(loc).Date()
	y2, m2, d2 := day.Date()
	return y1 == y2 && m1 == m2 && d1 == d2
}

// shellWord quotes s for a POSIX shell when it needs it.
func shellWord(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:@%+=,") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
