package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	iofs "io/fs"
	"math"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/faqcast/faqcast/generator"
	"github.com/faqcast/faqcast/internal/diskcache"
)

const cacheUsage = `Usage: faqcast cache info [--cache-dir DIR]
       faqcast cache clean [--cache-dir DIR] [--older-than AGE]

faqcast keeps what is slow to make in a cache, so that the next build,
in a new process or on a CI machine that restores the folder, takes it
from there: the share cards, each entry's answer as HTML, its posts and
their review file, what the checks find in each entry, and the site's
pages.

Each is kept under a digest of what it is made from, the faqcast program
included: an edited entry, faqcast.yaml, template or message, or a new
faqcast, makes what it changes again. An answer's links are looked up
again every build, and an entry whose review is stale or dated after
today is checked again. Entries are checked when read and written whole
or not at all, so builds may share a cache, and one killed half way
leaves nothing half written. Once a day the builds remove what was not
used for 30 days, and the oldest past 1 GiB.

A share card, a review file or a page in a new output folder on the same
disk as the cache is the cache's own file (a hard link): copy one before
editing it. Such files keep their disk space until both are removed, and
count as in use while an output folder holds them.

"info" prints the cache's folder, how many cards, answers, posts, review
files, findings and pages it holds, their size, how much of it is also
files of output folders, and when the entry used longest ago and the one
used last were used, in the machine's time zone. "clean" removes them
all, or with --older-than those not used for that long; builds then make
them again. Neither makes the folder if it is not there, and both look
only at the cache's own files: a folder named by mistake loses nothing.

Flags:
      --cache-dir DIR   the cache's folder (default $FAQCAST_CACHE, else
                        faqcast in the user's cache folder)
      --older-than AGE  with clean: only what was not used for AGE, in
                        days, hours or minutes, such as 30d, 12h or 1d12h

Exit status: 0 done, 1 the cache could not be read, 2 usage error.

Examples:
  faqcast cache info
  faqcast cache clean
  faqcast cache clean --older-than 30d
  FAQCAST_CACHE=.cache/faqcast faqcast cache info
`

func runCache(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("cache")
	dir := fs.String("cache-dir", "", "") // --no-cache is the build's, not here
	var older age
	fs.Var(&older, "older-than", "")
	if err := parseFlags(fs, args, cacheUsage, stdout); err != nil {
		return err
	}
	if fs.NArg() != 1 || fs.Arg(0) != "info" && fs.Arg(0) != "clean" {
		return usageError(`run "faqcast cache info" or "faqcast cache clean"`, "cache takes info or clean")
	}
	if older != 0 && fs.Arg(0) != "clean" {
		return usageError(`use --older-than with "faqcast cache clean"`, "--older-than is for clean")
	}
	folder := cmp.Or(*dir, generator.DefaultCacheDir())
	if folder == "" {
		return usageError("name the cache's folder with --cache-dir or FAQCAST_CACHE", "there is no cache folder")
	}
	// Neither looks at a folder that is not there by making it: a
	// mistyped --cache-dir leaves nothing behind.
	c, err := diskcache.Find(folder)
	if err != nil {
		return fmt.Errorf("cannot open the cache: %w", err)
	}
	switch fs.Arg(0) {
	case "info":
		s, err := c.Stats()
		if err != nil {
			return cacheError("cannot read the cache: %w", err)
		}
		note := ""
		if _, err := os.Stat(folder); errors.Is(err, iofs.ErrNotExist) {
			note = " (not made yet: the first build makes it)"
		}
		fmt.Fprintf(stdout, "folder:   %s%s\ncards:    %d\nanswers:  %d\nposts:    %d\nreviews:  %d\nfindings: %d\npages:    %d\nsize:     %s\n", c.Dir(), note, s.Kinds[""], s.Kinds[generator.AnswersKind], s.Kinds[generator.PostsKind], s.Kinds[generator.ReviewsKind], s.Kinds[generator.FindingsKind], s.Kinds[generator.PagesKind], mib(s.Bytes))
		if s.Linked > 0 {
			fmt.Fprintf(stdout, "linked:   %s of it, also files of output folders\n", mib(s.Linked))
		}
		if s.Entries > 0 {
			// In the machine's time zone, named: a CI machine's is often
			// not the reader's.
			const layout = time.DateTime + " MST"
			fmt.Fprintf(stdout, "oldest:   %s\nnewest:   %s\n", s.Oldest.Format(layout), s.Newest.Format(layout))
		}
	case "clean":
		var r diskcache.Removal
		if older > 0 {
			r, err = c.Trim(time.Now(), time.Duration(older), 0)
		} else {
			r, err = c.Clean()
		}
		if err != nil {
			return cacheError("cannot clean the cache: %w", err)
		}
		fmt.Fprintf(stdout, "removed %d entries (%s) from %s\n", r.Entries, mib(r.Bytes), c.Dir())
		if r.Linked > 0 {
			fmt.Fprintf(stdout, "%s of them are also files of output folders, which keep that space\n", mib(r.Linked))
		}
	}
	return nil
}

// cacheError returns the error of a cache that info or clean could not
// read, such as a --cache-dir that names a file, with a hint.
func cacheError(format string, err error) error {
	return &generator.Error{Err: fmt.Errorf(format, err),
		Hint: "give --cache-dir or FAQCAST_CACHE the folder that builds keep the cache in, one you may read and write"}
}

// An age is the value of --older-than: a length of time in days, hours
// and minutes, as a practice's web person writes one ("30d", "12h",
// "1d12h"), or in any unit [time.ParseDuration] knows.
type age time.Duration

// errAge is what [age.Set] says of a value it cannot read as a length of
// time.
var errAge = errors.New("write a length of time such as 30d, 12h or 1d12h")

func (a *age) Set(s string) error {
	if s == "" {
		return errAge
	}
	if strings.Contains(s, "-") {
		return errors.New("write how long ago, such as 30d, without a minus sign")
	}
	var days float64
	rest := s
	if i := strings.IndexByte(s, 'd'); i >= 0 {
		n, err := strconv.ParseFloat(s[:i], 64)
		if err != nil || math.IsNaN(n) || math.IsInf(n, 0) {
			return errAge
		}
		days, rest = n, s[i+1:]
	}
	var d time.Duration
	if rest != "" {
		var err error
		if d, err = time.ParseDuration(rest); err != nil {
			if _, num := strconv.ParseFloat(rest, 64); num == nil {
				return errors.New("add a unit, d for days, h for hours or m for minutes, such as 30d")
			}
			return errAge
		}
	}
	total := days*float64(24*time.Hour) + float64(d)
	if total >= math.MaxInt64 {
		return errors.New("write a length of time of less than 290 years")
	}
	*a = age(total)
	return nil
}

func (a *age) String() string { return time.Duration(*a).String() }

func (a *age) Type() string { return "age" }

// mib returns n bytes in mebibytes, such as "12.5 MiB".
func mib(n int64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }
