package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/faqcast/faqcast/generator"
	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/watch"
)

// A rebuilder builds a site again after every change to it: the loop
// behind 'faqcast serve' and 'faqcast build --watch'.
type rebuilder struct {
	g              *generator.Generator
	stdout, stderr io.Writer
	// built, if set, hears the outcome of each build.
	built func(error)
	// builds counts the builds started, for collect.
	builds atomic.Uint64
	// cacheErr is the last warning about the cache printed, which a
	// rebuild that meets the same does not print again; a build that met
	// no trouble with the cache forgets it, so that trouble that comes
	// back is told again.
	cacheErr string
	// warned holds the warnings and notes the last build found, which a
	// rebuild that finds them again does not print again: after a save,
	// only what is new is told.
	warned map[string]bool
}

// build builds once and reports the outcome. Changed lists the paths that
// changed since the last build, or is nil when anything may have.
func (rb *rebuilder) build(ctx context.Context, changed []string) (*generator.Result, error) {
	now, err := buildTime(rb.g)
	if err != nil {
		return nil, err
	}
	start := time.Now()
	rb.builds.Add(1)
	res, err := rb.g.Build(ctx, generator.Change{Now: now, Paths: changed})
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	rb.warned = printNewWarnings(rb.stderr, res, rb.warned)
	switch {
	case res == nil:
	case res.CacheErr == nil:
		rb.cacheErr = ""
	case res.CacheErr.Error() != rb.cacheErr:
		rb.cacheErr = res.CacheErr.Error()
		printCacheErr(rb.stderr, res)
	}
	if err != nil {
		printErrors(rb.stderr, err)
		fmt.Fprintf(rb.stderr, "faqcast: the build failed; %s keeps the last good build\n", filepath.ToSlash(rb.g.DestDir()))
	} else {
		fmt.Fprintf(rb.stdout, "faqcast: built %s in %s\n", res, time.Since(start).Round(time.Millisecond))
	}
	if rb.built != nil {
		rb.built(err)
	}
	rb.collect()
	return res, err
}

// collectAfter is how long a build must be the last one for collect to
// collect its garbage: a writer saving again at once does not wait for it.
const collectAfter = 200 * time.Millisecond

// collect collects the build's garbage once no other build has started for
// collectAfter, while the writer looks at the result: left to the runtime,
// the collection would come during one of the next builds and slow it
// down. A build keeps what the next one needs, so most of what it
// allocated is garbage by then.
func (rb *rebuilder) collect() {
	n := rb.builds.Load()
	time.AfterFunc(collectAfter, func() {
		if rb.builds.Load() == n {
			runtime.GC()
		}
	})
}

// watch builds again after every change to the site's config, content or
// templates, until ctx ends. The destination and the cache (even inside
// the content folder) are never watched, so that what a build writes does
// not start another; one that holds the site's own folders, such as
// --dest . or --cache-dir content, is watched with them.
func (rb *rebuilder) watch(ctx context.Context) error {
	source := rb.g.Source
	if source == "" {
		source = "."
	}
	roots := []string{
		filepath.Join(source, config.FileName),
		filepath.Join(source, generator.ContentDir),
		filepath.Join(source, generator.TemplatesDir),
	}
	// The build's own folders are not watched, unless they hold the site's:
	// such as --dest . or --cache-dir content.
	var skip []string
	for _, dir := range []string{rb.g.DestDir(), rb.g.CacheDir} {
		if dir == "" {
			continue
		}
		abs, err := filepath.Abs(dir)
		if err != nil {
			return err
		}
		if !slices.ContainsFunc(roots, func(r string) bool {
			r, err := filepath.Abs(r)
			return err == nil && isUnder(r, abs)
		}) {
			skip = append(skip, abs)
		}
	}
	err := watch.Watch(ctx, watch.Options{
		Roots: roots,
		Skip: func(p string) bool {
			abs, err := filepath.Abs(p)
			return err == nil && slices.ContainsFunc(skip, func(dir string) bool { return isUnder(abs, dir) })
		},
		Logf: func(format string, args ...any) { fmt.Fprintf(rb.stderr, "faqcast: watch: "+format+"\n", args...) },
		// Build again once every folder is watched: a save made between the
		// first build and now is not lost. Nothing that did not change is
		// parsed, rendered or written again.
		Ready: func() { _, _ = rb.build(ctx, nil) },
	}, func(b watch.Batch) {
		fmt.Fprintf(rb.stdout, "faqcast: changed: %s\n", summarize(b))
		// Only these changed: the build need not look at other entries.
		_, _ = rb.build(ctx, b)
	})
	if err != nil {
		return fmt.Errorf("cannot watch the site: %w", err)
	}
	return nil
}

// isUnder reports whether the absolute path p is dir or lies inside it.
func isUnder(p, dir string) bool {
	return p == dir || strings.HasPrefix(p, dir+string(os.PathSeparator))
}

// summarize names the changed files, or how many there are.
func summarize(paths []string) string {
	if len(paths) > 3 {
		return fmt.Sprintf("%s and %d more", strings.Join(paths[:3], ", "), len(paths)-3)
	}
	return strings.Join(paths, ", ")
}
