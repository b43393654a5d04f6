package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/fsnotify/fsnotify"
)

// handle applies one fsnotify event to the watcher's state and collects the paths it
// changed. It reports whether the event was relevant, that is, whether it should restart
// the debounce.
func (w *watcher) handle(ev fsnotify.Event) bool {
	if ev.Op == fsnotify.Chmod || ev.Op == 0 {
		return false
	}
	name := filepath.Clean(ev.Name) // watching "." gives names like "./x.md"
	root := w.isRoot(name)
	below := !root && w.below(name) && !w.ignored(name)
	upward := !root && w.leadsToRoot(name)
	if !root && !below && !upward {
		return false
	}

	gone := ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename)
	if root || below {
		w.mark(name)
		if gone {
			w.drop(name)
		}
	}
	if below && !gone {
		if ev.Has(fsnotify.Create) {
			w.add(name)
		} else if _, ok := w.tree[name]; !ok {
			w.tree[name] = false // a write to a file created while its folder was being added
		}
	}
	if (root || upward) && (gone || ev.Has(fsnotify.Create)) {
		if err := w.resolve(true); err != nil {
			w.logf("%v", err)
		}
	}
	return true
}

// isRoot reports whether path is one of the roots.
func (w *watcher) isRoot(path string) bool {
	for _, r := range w.roots {
		if r == path {
			return true
		}
	}
	return false
}

// below reports whether path is known or lies directly in a known folder.
func (w *watcher) below(path string) bool {
	if _, ok := w.tree[path]; ok {
		return true
	}
	return w.tree[filepath.Dir(path)]
}

// leadsToRoot reports whether path is a folder above a root that is not watched yet, so
// that its creation may bring the root into existence.
func (w *watcher) leadsToRoot(path string) bool {
	for _, r := range w.roots {
		if !w.tree[r] && isUnder(r, path) {
			return true
		}
	}
	return false
}

// ignored reports whether path, which lies below a root, must not be watched or reported.
func (w *watcher) ignored(path string) bool {
	return ignoredName(filepath.Base(path)) || (w.skip != nil && w.skip(path))
}

// add records a path that was created below a root. A new folder is watched and everything
// already inside it is reported.
func (w *watcher) add(path string) {
	fi, err := os.Lstat(path)
	if err != nil {
		return // already gone again; its Remove event follows
	}
	if !fi.IsDir() {
		w.tree[path] = false
		return
	}
	if err := w.addDir(path, true); err != nil && !errors.Is(err, fs.ErrNotExist) {
		w.logf("%v", err)
	}
}

// addDir watches dir and every folder below it, records what it finds, and collects
// it all for the next batch if report is set. Each folder is watched before it is read,
// so a file created meanwhile is either read or reported by an event. An error for dir
// itself is returned; errors below it are logged, and the folders concerned left out.
func (w *watcher) addDir(dir string, report bool) error {
	if err := w.watch(dir); err != nil {
		return err
	}
	w.tree[dir] = true
	if report {
		w.mark(dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		w.logf("watch: %v", err)
	}
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		if w.ignored(p) {
			continue
		}
		if !e.IsDir() { // symbolic links to folders count as files: no cycles
			w.tree[p] = false
			if report {
				w.mark(p)
			}
			continue
		}
		if err := w.addDir(p, report); err != nil && !errors.Is(err, fs.ErrNotExist) {
			w.logf("%v", err)
		}
	}
	return nil
}

// drop forgets path and everything known below it, stops watching the folders among
// them, and collects them for the next batch.
//
// Unwatching matters even though the events of forgotten folders are ignored: moving a
// folder sends IN_MOVE_SELF for that folder only, so the watches of the folders inside it
// live on under their old names, and fsnotify, asked to watch the same folder under its new
// name, hands back the old watch with the old name.
func (w *watcher) drop(path string) {
	for p, dir := range w.tree {
		if !isUnder(p, path) {
			continue
		}
		delete(w.tree, p)
		w.mark(p)
		if dir && !w.anchors[p] {
			w.unwatch(p)
		}
	}
}

// resolve makes sure that each root that is an existing folder is watched recursively and
// that every other root is watched for from its nearest existing parent. Roots that start
// being watched have their contents collected if report is set. It returns the first error.
func (w *watcher) resolve(report bool) error {
	anchors := make(map[string]bool)
	var first error
	for _, r := range w.roots {
		if err := w.resolveRoot(r, report, anchors); err != nil && first == nil {
			first = err
		}
	}
	w.anchors = anchors
	w.prune()
	return first
}

// resolveRoot does resolve's work for root r, adding the anchors it needs to anchors.
func (w *watcher) resolveRoot(r string, report bool, anchors map[string]bool) error {
	// A few rounds, in case folders come and go while we look; any change after the last
	// round sends an event that resolves again.
	for range 4 {
		if w.tree[r] {
			return nil
		}
		if isDir(r) {
			err := w.addDir(r, report)
			if err == nil || !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			continue // removed before it could be watched
		}
		a := nearestDir(filepath.Dir(r))
		if a == "" {
			return fmt.Errorf("watch %s: no existing folder above it", r)
		}
		if err := w.watch(a); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			return err
		}
		anchors[a] = true
		// The anchor is in place: from now on, events report what happens below it. Make
		// sure nothing nearer to r appeared before it was.
		if !isDir(r) && nearestDir(filepath.Dir(r)) == a {
			return nil
		}
	}
	return nil
}

// rescan rebuilds the state from the file system after events were lost, collecting
// every path known before and every path found now.
func (w *watcher) rescan() {
	for p := range w.tree {
		w.mark(p)
	}
	for _, r := range w.roots {
		w.mark(r) // a file root may have changed too
	}
	clear(w.tree)
	if err := w.resolve(true); err != nil {
		w.logf("%v", err)
	}
}

// prune stops watching the folders that are neither in the tree nor anchors.
func (w *watcher) prune() {
	for d := range w.watched {
		if !w.tree[d] && !w.anchors[d] {
			w.unwatch(d)
		}
	}
}

// watch adds dir to fsw unless it is watched already.
func (w *watcher) watch(dir string) error {
	if w.watched[dir] {
		return nil
	}
	if err := w.fsw.Add(dir); err != nil {
		if errors.Is(err, syscall.ENOSPC) {
			// What inotify_add_watch says when fs.inotify.max_user_watches is reached.
			err = fmt.Errorf("%w (too many folders watched; raise fs.inotify.max_user_watches)", err)
		}
		return &fs.PathError{Op: "watch", Path: dir, Err: err}
	}
	w.watched[dir] = true
	return nil
}

// unwatch removes dir from fsw. A folder that was removed or moved may have lost its
// watch already, which is not a problem.
func (w *watcher) unwatch(dir string) {
	if !w.watched[dir] {
		return
	}
	delete(w.watched, dir)
	err := w.fsw.Remove(dir)
	if err != nil && !errors.Is(err, fsnotify.ErrNonExistentWatch) && !errors.Is(err, syscall.EINVAL) {
		w.logf("%v", &fs.PathError{Op: "unwatch", Path: dir, Err: err})
	}
}

// isUnder reports whether path is dir or lies below it. Both must be clean.
func isUnder(path, dir string) bool {
	if path == dir {
		return true
	}
	if dir == "." {
		return !filepath.IsAbs(path) && path != ".." && !strings.HasPrefix(path, ".."+string(filepath.Separator))
	}
	return strings.HasPrefix(path, strings.TrimSuffix(dir, string(filepath.Separator))+string(filepath.Separator))
}

// isDir reports whether path is an existing folder, following symbolic links.
func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// nearestDir returns path if it is an existing folder, or else its nearest parent that
// is, or "" if there is none.
func nearestDir(path string) string {
	for {
		if isDir(path) {
			return path
		}
		parent := filepath.Dir(path)
		if parent == path {
			return ""
		}
		path = parent
	}
}
