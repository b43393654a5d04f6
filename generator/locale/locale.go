package locale

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/go-playground/locales"
	"golang.org/x/text/message"
)

// A Locale writes the messages and dates of one language.
type Locale struct {
	lang    string
	catalog *Catalog
	printer *message.Printer
	plain   map[string]string // the messages without placeholders, formatted
	pieces  map[string]pieces // the messages without plural forms, cut
	written map[string]string // every message as written (the other form)
	dates   locales.Translator
}

// Lang returns the catalogue language, a BCP 47 tag such as "es".
func (l *Locale) Lang() string { return l.lang }

// Text returns the message key in l's language with its placeholders
// filled in from args, pairs of a placeholder's name and its value, such
// as Text("callbook.hours", "hours", "Mon–Fri 8–5"). A message with a
// {count} takes the plural form CLDR gives its value in the language.
// Naming no message, or a placeholder the message has not, or leaving one
// of its placeholders out, is an error.
func (l *Locale) Text(key string, args ...any) (string, error) {
	if l == nil {
		return "", fmt.Errorf("no language to write message %s in", key)
	}
	i, ok := l.catalog.byName[key]
	if !ok {
		return "", fmt.Errorf("faqcast writes no message %s", key)
	}
	k := &l.catalog.keys[i]
	if len(args) == 0 && len(k.Args) == 0 {
		return l.plain[key], nil
	}
	if len(args)%2 != 0 {
		return "", fmt.Errorf("message %s: the placeholders must come in pairs of a name and a value", key)
	}
	vals := make([]any, len(k.Args))
	set := make([]bool, len(k.Args))
	for j := 0; j < len(args); j += 2 {
		name, _ := args[j].(string)
		p := -1
		for a, n := range k.Args {
			if n == name {
				p = a
			}
		}
		if p < 0 {
			return "", fmt.Errorf("message %s has no placeholder {%v}", key, args[j])
		}
		vals[p], set[p] = args[j+1], true
	}
	for a, ok := range set {
		if !ok {
			return "", fmt.Errorf("message %s needs a value for {%s}", key, k.Args[a])
		}
	}
	if ps, ok := l.pieces[key]; ok {
		if s, ok := ps.fill(vals); ok {
			return s, nil
		}
	}
	return l.printer.Sprintf(key, vals...), nil
}

// pieces are a message without plural forms cut at its placeholders: its
// literal text and, after each piece but the last, the place in its key's
// Args of the placeholder there (-1 after the last).
type pieces struct {
	text []string
	arg  []int
}

// cut returns the pieces of text, whose placeholders name args.
func cut(text string, args []string) pieces {
	var ps pieces
	last := 0
	for _, loc := range placeholderRE.FindAllStringSubmatchIndex(text, -1) {
		ps.text = append(ps.text, text[last:loc[0]])
		ps.arg = append(ps.arg, slices.Index(args, text[loc[2]:loc[3]]))
		last = loc[1]
	}
	ps.text = append(ps.text, text[last:])
	ps.arg = append(ps.arg, -1)
	return ps
}

// fill returns the message with vals in its placeholders, as the printer
// would write it, when every value it puts in is text: the printer's own
// work (plural forms, numbers in the language's digits) is not needed.
func (ps pieces) fill(vals []any) (string, bool) {
	n := 0
	for k, t := range ps.text {
		n += len(t)
		if a := ps.arg[k]; a >= 0 {
			v, ok := vals[a].(string)
			if !ok {
				return "", false
			}
			n += len(v)
		}
	}
	var b strings.Builder
	b.Grow(n)
	for k, t := range ps.text {
		b.WriteString(t)
		if a := ps.arg[k]; a >= 0 {
			b.WriteString(vals[a].(string))
		}
	}
	return b.String(), true
}

// Fixed is [Locale.Text] for a key and placeholders that faqcast's own
// code names, which its tests check: it returns "" where Text would return
// an error, rather than an error no input can cause.
func (l *Locale) Fixed(key string, args ...any) string {
	s, _ := l.Text(key, args...)
	return s
}

// Written returns the message key as written, its placeholders not filled
// in (the other form of a plural message), for a caller that fills them in
// itself, such as the practice's replies (see config.Config.SituationReply);
// "" for no message.
func (l *Locale) Written(key string) string {
	if l == nil {
		return ""
	}
	return l.written[key]
}

// Date returns t as CLDR's long date in l's language, such as
// "December 7, 2026" or "7 de diciembre de 2026".
func (l *Locale) Date(t time.Time) string { return l.dates.FmtDateLong(t) }

// FullDate returns t as CLDR's full date in l's language, with its
// weekday, such as "Monday, December 7, 2026" or "lunes, 7 de diciembre
// de 2026".
func (l *Locale) FullDate(t time.Time) string { return l.dates.FmtDateFull(t) }

// Weekday returns t's weekday's abbreviated name in l's language, such as
// "Mon" or "lun".
func (l *Locale) Weekday(t time.Time) string { return l.dates.WeekdayAbbreviated(t.Weekday()) }

// DayMonth returns t's day and abbreviated month in the order of the
// message date.day_month, such as "Dec 7" or "7 dic".
func (l *Locale) DayMonth(t time.Time) string {
	return l.Fixed("date.day_month", "day", strconv.Itoa(t.Day()), "month", l.dates.MonthAbbreviated(t.Month()))
}

// LongDayMonth returns t's weekday, day and month in the order of the
// message date.weekday_day_month, such as "Monday, December 7" or "lunes,
// 7 de diciembre".
func (l *Locale) LongDayMonth(t time.Time) string {
	return l.Fixed("date.weekday_day_month", "weekday", l.dates.WeekdayWide(t.Weekday()),
		"day", strconv.Itoa(t.Day()), "month", l.dates.MonthWide(t.Month()))
}
