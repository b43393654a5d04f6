// Package watch reports changes to a site's files: one goroutine owns an fsnotify watcher
// over the given folders (recursively), coalesces bursts of events with a trailing debounce,
// and hands each batch of changed paths to a callback.
//
// # What counts as a change
//
// A change is a file or folder created, written, removed or renamed at or below a root.
// Metadata-only changes (chmod, touch, Spotlight indexing) are not changes. Neither are hidden
// files and folders, nor the temporary files editors write while saving (x.md~, .x.md.swp,
// vim's 4913, #x.md#, x.md___jb_tmp___, sed -i's sedXXXXXX and similar), nor anything
// [Options.Skip] rejects.
// An editor that saves by writing a temporary file and renaming it over x.md therefore
// produces a batch holding x.md alone.
//
// When a folder appears, it is watched and everything already inside it is reported, since
// its files may have been written before the watch was in place. When a folder disappears or
// is renamed, every path known below it is reported, including paths that produced no event
// of their own (a folder moved out of the site sends one event for the whole folder).
//
// # Timing
//
// Events are collected until none has come for [Options.Delay]; then the collected paths go
// to the callback as one [Batch]. The callback runs on the watching goroutine, so batches
// never overlap, and events that come while it runs form the next batch. A stream of events
// that never pauses still produces a batch every 20×Delay, so a file that keeps changing
// cannot hold back the rest.
//
// # Limits
//
// fsnotify is not recursive, so every folder below a root takes one watch; on Linux their
// number is capped by fs.inotify.max_user_watches. If the kernel's event queue overflows
// (fs.inotify.max_queued_events), events are lost: the roots are then walked again and every
// path below them is reported, so the next build starts from a complete picture.
// Renaming a folder above a root (site/ when the root is site/content) goes unnoticed.
package watch

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"time"

	"github.com/fsnotify/fsnotify"
)

// DefaultDelay is the debounce used when [Options.Delay] is zero.
const DefaultDelay = 50 * time.Millisecond

// maxWaitFactor bounds how long events that never pause can hold a batch back: a batch is
// handed over at the latest maxWaitFactor×Delay after its first path was collected.
const maxWaitFactor = 20

// Options configure [Watch].
type Options struct {
	// Roots are the folders and files to watch. Folders are watched recursively; folders that
	// appear later are added, and removed ones dropped. A root that does not exist yet is
	// watched for from its parent (e.g. a site without templates/ that gets one later), and so
	// is a root that is a file, which keeps a file replaced by rename in view.
	Roots []string
	// Skip reports whether a path must be ignored (the build's destination, .git, …). Paths
	// under a skipped folder are never watched. Skip sees paths spelt as in a [Batch].
	Skip func(path string) bool
	// Delay is the debounce: a batch is handed over once no event has come for Delay
	// (DefaultDelay if 0).
	Delay time.Duration
	// Logf, if set, receives problems that do not stop watching (a folder that cannot be added).
	Logf func(format string, args ...any)
	// Ready, if set, is called once, from the watching goroutine, when every root is being
	// watched and before any batch. A caller that builds the site in Ready cannot miss a change
	// made during that build: it arrives in the first batch.
	Ready func()
}

// A Batch is the set of paths that changed, sorted and without repeats.
//
// Each path is a root or lies below one, and is spelt as [filepath.Join] spells it from that
// root, so relative roots give relative paths. A path may name a file or folder that no
// longer exists: removals are changes too.
type Batch []string

// Watch watches opts.Roots until ctx is done, calling fn with each batch, one at a time,
// from one goroutine: the one that called Watch. A call to fn in progress is not interrupted.
//
// When ctx is done, Watch closes the fsnotify watcher and returns nil, leaving no goroutine
// behind; a batch still being collected is dropped. Watch returns an error only if watching
// cannot start: fn is nil, there are no roots, the watcher cannot be created, or a root that
// exists cannot be watched. Later problems go to opts.Logf and watching goes on.
func Watch(ctx context.Context, opts Options, fn func(Batch)) error {
	if fn == nil {
		return errors.New("watch: nil callback")
	}
	if len(opts.Roots) == 0 {
		return errors.New("watch: no roots")
	}
	if ctx.Err() != nil {
		return nil
	}
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("watch: %w", err)
	}
	w := newWatcher(fsw, opts)
	defer w.close()
	if err := w.resolve(false); err != nil {
		return err
	}
	if opts.Ready != nil {
		opts.Ready()
	}
	return w.loop(ctx, fn)
}

// watcher is the state of one call to Watch. Only the goroutine running Watch touches it.
type watcher struct {
	fsw     *fsnotify.Watcher
	roots   []string
	skip    func(path string) bool
	logf    func(format string, args ...any)
	delay   time.Duration
	maxWait time.Duration
	timer   *time.Timer

	// tree holds every path known at or below a root that is an existing folder, mapped to
	// whether it is a folder. Each folder in it is watched.
	tree map[string]bool
	// anchors are folders watched only to see a root appear or change: the nearest existing
	// folder above a root that is missing or is a file.
	anchors map[string]bool
	// watched are the folders added to fsw.
	watched map[string]bool

	pending map[string]struct{} // the next batch
	first   time.Time           // when the first path of the next batch was collected
}

func newWatcher(fsw *fsnotify.Watcher, opts Options) *watcher {
	w := &watcher{
		fsw:     fsw,
		skip:    opts.Skip,
		logf:    opts.Logf,
		delay:   opts.Delay,
		tree:    make(map[string]bool),
		anchors: make(map[string]bool),
		watched: make(map[string]bool),
		pending: make(map[string]struct{}),
	}
	if w.delay <= 0 {
		w.delay = DefaultDelay
	}
	w.maxWait = maxWaitFactor * w.delay
	if w.logf == nil {
		w.logf = func(string, ...any) {}
	}
	for _, r := range opts.Roots {
		r = filepath.Clean(r)
		if !slices.Contains(w.roots, r) && (w.skip == nil || !w.skip(r)) {
			w.roots = append(w.roots, r)
		}
	}
	w.timer = time.NewTimer(time.Hour)
	w.timer.Stop()
	return w
}

// close stops the timer and closes fsw, which waits for fsnotify's reading goroutine to end.
func (w *watcher) close() {
	w.timer.Stop()
	if err := w.fsw.Close(); err != nil {
		w.logf("watch: closing: %v", err)
	}
}

// loop handles events until ctx is done.
func (w *watcher) loop(ctx context.Context, fn func(Batch)) error {
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return errors.New("watch: fsnotify closed its event channel")
			}
			if w.handle(ev) {
				w.schedule()
			}
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return errors.New("watch: fsnotify closed its error channel")
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				w.logf("watch: events were lost (%v); rescanning", err)
				w.rescan()
				w.schedule()
				continue
			}
			w.logf("watch: %v", err)
		case <-w.timer.C:
			if len(w.pending) == 0 || ctx.Err() != nil {
				continue
			}
			fn(w.take())
		}
	}
}

// mark adds path to the next batch.
func (w *watcher) mark(path string) {
	if len(w.pending) == 0 {
		w.first = time.Now()
	}
	w.pending[path] = struct{}{}
}

// schedule (re)starts the debounce timer if a batch is being collected.
func (w *watcher) schedule() {
	if len(w.pending) == 0 {
		return
	}
	d := w.delay
	if rest := time.Until(w.first.Add(w.maxWait)); rest < d {
		d = max(rest, 0)
	}
	w.timer.Reset(d)
}

// take returns the collected batch and starts a new one.
func (w *watcher) take() Batch {
	b := make(Batch, 0, len(w.pending))
	for p := range w.pending {
		b = append(b, p)
	}
	slices.Sort(b)
	clear(w.pending)
	w.first = time.Time{}
	return b
}
