package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/faqcast/faqcast/generator"
	"github.com/faqcast/faqcast/internal/diskcache"
)

const cacheUsage = `Usage: faqcast cache info [--cache-dir DIR]
       faqcast cache clean [--cache-dir DIR] [--older-than DURATION]

faqcast keeps the share cards it draws, each entry's answer as HTML, its
posts and their review file, what the checks find in each entry and the
site's pages in a cache,
so that a build in a new process, or on a CI machine that restores the
folder, does not make them again. Each card is kept under a digest of what
it shows (the question, the practice's name, the colours, the size and the
way faqcast draws); an answer under a digest of its Markdown and the
program, its links looked up again every build; an entry's posts under a digest of its front matter, faqcast.yaml,
the templates, the messages and the faqcast program itself; its findings
under a digest of its file, its posts, the checks' settings, the age of
its review where it is stale or after the day, and the program; a review
file with its posts; a page under a digest of what it shows, faqcast.yaml, the
templates, the messages and the program, so a new faqcast makes them all
again. Entries are checked when read, and written whole or not at all.
Entries not used for 30 days, and the oldest past 1 GiB, are removed once
a day by the builds. A share card, a review file or a page in a new output
folder is the cache's file itself (a hard link) when both are on one
disk: copy one before editing it.

"info" prints the cache's folder, how many cards, answers, entries'
posts, review files, entries' findings and pages it holds, and their size. "clean" removes them all, or
with --older-than those not used for that long (such as 168h); builds then
make them again.

Flags:
      --cache-dir DIR        the cache's folder (default $FAQCAST_CACHE,
                             else faqcast in the user's cache folder)
      --older-than DURATION  with clean: only what was not used for DURATION

Exit status: 0 done, 1 the cache could not be read, 2 usage error.

Examples:
  faqcast cache info
  faqcast cache clean
  faqcast cache clean --older-than 720h
  FAQCAST_CACHE=.cache/faqcast faqcast cache info
`

func runCache(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("cache")
	dir := cacheFlags(fs)
	older := fs.Duration("older-than", 0, "")
	if err := parseFlags(fs, args, cacheUsage, stdout); err != nil {
		return err
	}
	if fs.NArg() != 1 || fs.Arg(0) != "info" && fs.Arg(0) != "clean" {
		return usageError(`run "faqcast cache info" or "faqcast cache clean"`, "cache takes info or clean")
	}
	if *older != 0 && fs.Arg(0) != "clean" {
		return usageError(`use --older-than with "faqcast cache clean"`, "--older-than is for clean")
	}
	folder := dir()
	if folder == "" {
		return usageError("name the cache's folder with --cache-dir or FAQCAST_CACHE", "there is no cache folder")
	}
	c, err := diskcache.Open(folder)
	if err != nil {
		return fmt.Errorf("cannot open the cache: %w", err)
	}
	switch fs.Arg(0) {
	case "info":
		s, err := c.Stats()
		if err != nil {
			return fmt.Errorf("cannot read the cache: %w", err)
		}
		fmt.Fprintf(stdout, "folder:   %s\ncards:    %d\nanswers:  %d\nposts:    %d\nreviews:  %d\nfindings: %d\npages:    %d\nsize:     %.1f MiB\n", c.Dir(), s.Kinds[""], s.Kinds[generator.AnswersKind], s.Kinds[generator.PostsKind], s.Kinds[generator.ReviewsKind], s.Kinds[generator.FindingsKind], s.Kinds[generator.PagesKind], float64(s.Bytes)/(1<<20))
		if s.Entries > 0 {
			fmt.Fprintf(stdout, "oldest:   %s\nnewest:   %s\n", s.Oldest.Format(time.DateTime), s.Newest.Format(time.DateTime))
		}
	case "clean":
		var n int
		var freed int64
		if *older > 0 {
			n, freed, err = c.Trim(time.Now(), *older, 0)
		} else {
			n, freed, err = c.Clean()
		}
		if err != nil {
			return fmt.Errorf("cannot clean the cache: %w", err)
		}
		fmt.Fprintf(stdout, "removed %d entries (%.1f MiB) from %s\n", n, float64(freed)/(1<<20), c.Dir())
	}
	return nil
}
