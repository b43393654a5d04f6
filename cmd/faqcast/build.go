package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/faqcast/faqcast/generator"
	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/internal/gcpace"
)

const buildUsage = `Usage: faqcast build [--source DIR] [--dest DIR] [--drafts] [--watch]
                     [--cache-dir DIR | --no-cache]

Build the site in DIR (the folder holding faqcast.yaml and content/) into its
destination folder. Nothing is written unless the whole site builds: on any
problem the previous output stays as it was, and every problem is listed with
its file, line and column.

Only files that changed are rewritten, each one atomically; files an earlier
build made that this one does not are removed; files faqcast did not make are
never touched.

Flags:
  -s, --source DIR   the site's folder (default ".")
  -d, --dest DIR     where to write the site (default "<source>/public"),
                     outside content/ and templates/
      --drafts       include entries marked draft: true
  -w, --watch        build again after every save, until Ctrl-C (a
                     publisher's machine keeps
                     social/publish/queue.json current)
` + cacheFlagsUsage + `
Environment:
  FAQCAST_CACHE      the cache's folder (see --cache-dir)
  SOURCE_DATE_EPOCH  the build's reference time, in seconds since 1970; it
                     decides which entries are inside their publish_on and
                     expire_on dates (default: now)

Exit status: 0 built, 1 problems in the site, 2 usage error.

Examples:
  faqcast build
  faqcast build --source riverbend --dest /tmp/riverbend-preview --drafts
  faqcast build --watch
`

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("build")
	source := fs.StringP("source", "s", ".", "")
	dest := fs.StringP("dest", "d", "", "")
	drafts := fs.Bool("drafts", false, "")
	watching := fs.BoolP("watch", "w", false, "")
	cacheDir := cacheFlags(fs)
	if err := parseFlags(fs, args, buildUsage, stdout); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError(`name the site's folder with --source`, "unexpected argument %q", fs.Arg(0))
	}
	g := &generator.Generator{Source: *source, Dest: *dest, Drafts: *drafts, CacheDir: cacheDir()}
	if *watching {
		// One build at start, once every folder is watched (see watch):
		// a usage error, such as a bad SOURCE_DATE_EPOCH, is told first.
		if _, err := buildTime(g); err != nil {
			return err
		}
		if err := checkDest(g); err != nil {
			return err
		}
		rb := &rebuilder{g: g, stdout: stdout, stderr: stderr}
		err := rb.watch(ctx)
		fmt.Fprintln(stdout, "faqcast: stopped")
		return err
	}
	now, err := buildTime(g)
	if err != nil {
		return err
	}
	oneShot(g)
	start := time.Now()
	res, err := g.Build(ctx, generator.Change{Now: now})
	printWarnings(stderr, res)
	printCacheErr(stderr, res)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "faqcast: built %s in %s\n", res, time.Since(start).Round(time.Millisecond))
	if g.CacheDir != "" {
		printCache(stdout, g.CacheDir, res)
	}
	printLeftOut(stdout, res.LeftOut)
	if res.NoSchedule {
		fmt.Fprintf(stdout, "faqcast: no posts are scheduled: %s has no schedule yet (faqcast queue shows how to add one)\n",
			filepath.ToSlash(filepath.Join(*source, config.FileName)))
	}
	return nil
}

// printCache prints what a build took from the cache in dir and what it
// made instead, so that a CI job's log tells whether its cache step
// restored the cache, and how many cards the output already held.
func printCache(stdout io.Writer, dir string, res *generator.Result) {
	var found string
	if res.Found > 0 {
		found = fmt.Sprintf(", %d found in %s", res.Found, res.Dest)
	}
	fmt.Fprintf(stdout, "faqcast: cache %s: %s taken, %d drawn%s; %s posts taken, %d composed; %s findings taken, %d checked\n",
		dir, plural(res.Cached, "share card", "share cards"), res.Drawn, found,
		plural(res.CachedPosts, "entry's", "entries'"), res.Entries-res.CachedPosts,
		plural(res.CachedFindings, "entry's", "entries'"), res.Entries-res.CachedFindings)
}

// plural returns "1 entry" or "n entries".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// printLeftOut says which entries a build left out, and why.
func printLeftOut(w io.Writer, left []generator.LeftOut) {
	var drafts []string
	for _, l := range left {
		if l.Why == "draft" {
			drafts = append(drafts, l.Path)
		}
	}
	if len(drafts) > 0 {
		fmt.Fprintf(w, "faqcast: left out %s marked draft: true: %s (build --drafts to preview them)\n",
			plural(len(drafts), "entry", "entries"), strings.Join(drafts, ", "))
	}
	for _, l := range left {
		switch l.Why {
		case "publish_on":
			fmt.Fprintf(w, "faqcast: left out %s until its publish_on date, %s\n", l.Path, l.On.Format(time.DateOnly))
		case "expire_on":
			fmt.Fprintf(w, "faqcast: left out %s since its expire_on date, %s\n", l.Path, l.On.Format(time.DateOnly))
		}
	}
}

// maxSourceDate is the last second of the year 9999, the latest
// SOURCE_DATE_EPOCH.
const maxSourceDate = 253402300799

// buildTime returns the build's reference time: SOURCE_DATE_EPOCH, which
// it also sets as g's SourceDate, or else the clock.
func buildTime(g *generator.Generator) (time.Time, error) {
	v, ok := os.LookupEnv("SOURCE_DATE_EPOCH")
	if !ok || v == "" {
		return time.Now(), nil
	}
	const hint = "set it to a whole number of seconds since 1970-01-01, such as 1764547200"
	secs, err := strconv.ParseInt(v, 10, 64)
	switch {
	case err != nil || secs < 0:
		return time.Time{}, usageError(hint, "SOURCE_DATE_EPOCH %q is not a number of seconds", v)
	case secs > maxSourceDate:
		// Dates are written with four-digit years, and compared so.
		return time.Time{}, usageError(hint, "SOURCE_DATE_EPOCH %q is after the year 9999", v)
	}
	g.SourceDate = time.Unix(secs, 0).UTC()
	return g.SourceDate, nil
}

// oneShot sets up a process that builds once, with g. g holds what it
// keeps until it writes in a temporary file rather than in memory (see
// [generator.Generator.SpillDir]). The garbage collector is paced (see
// [gcpace]): a heap may grow by 30% of what is live or by gcFloor,
// whichever is more, unless GOGC is set; and, unless GOMEMLIMIT is set
// too, the memory the heap frees beyond gcMargin over that is given back
// to the system as it goes. A small site's build is then collected a few
// times rather than dozens, and a large one's memory stays within a third
// again its live heap. Long-running builds keep Go's pacing and their
// memory, which keep rebuilds quick.
func oneShot(g *generator.Generator) {
	g.SpillDir = os.TempDir()
	gcpace.Tune(os.Getenv, gcFloor, gcMargin)
}

// gcFloor is the least a one-shot build's heap may grow by between
// collections; gcMargin is how far past that goal its memory may stay
// (see [gcpace.Limit]). At 10,000 entries, a margin of 48 MiB holds about
// 25 MiB less than none for a tenth more of the collector's CPU (7.9
// against 7.1 s); 32 MiB, 45 MiB less for half as much again (10.7 s).
const (
	gcFloor  = 56 << 20
	gcMargin = 48 << 20
)
