package watch_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/faqcast/faqcast/generator/watch"
	"github.com/faqcast/faqcast/internal/unprivileged"
)

// wait bounds every wait for something that should happen.
const wait = 5 * time.Second

// harness runs Watch over a temporary site for one test.
type harness struct {
	t       *testing.T
	dir     string // the site; want paths are relative to it
	delay   time.Duration
	batches chan watch.Batch
	logs    chan string
}

// start runs Watch with opts over dir until the test ends. Paths in opts.Roots are
// relative to dir. It returns once every root is watched.
func start(t *testing.T, dir string, opts watch.Options) *harness {
	t.Helper()
	h := &harness{
		t:       t,
		dir:     dir,
		delay:   opts.Delay,
		batches: make(chan watch.Batch, 1000),
		logs:    make(chan string, 1000),
	}
	if h.delay == 0 {
		h.delay = watch.DefaultDelay
	}
	for i, r := range opts.Roots {
		opts.Roots[i] = filepath.Join(dir, filepath.FromSlash(r))
	}
	opts.Logf = func(format string, args ...any) {
		msg := fmt.Sprintf(format, args...)
		t.Log("logf:", msg)
		select {
		case h.logs <- msg:
		default:
		}
	}
	ready := make(chan struct{})
	opts.Ready = func() { close(ready) }
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- watch.Watch(ctx, opts, func(b watch.Batch) {
			checkBatch(t, b)
			select {
			case h.batches <- b:
			default:
				t.Errorf("more than %d batches", cap(h.batches))
			}
		})
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Watch returned %v, want nil", err)
			}
		case <-time.After(wait):
			t.Errorf("Watch did not return within %v of cancel", wait)
		}
	})
	select {
	case <-ready:
	case err := <-done:
		t.Fatalf("Watch returned %v before it was ready", err)
	case <-time.After(wait):
		t.Fatalf("Watch not ready within %v", wait)
	}
	return h
}

// checkBatch fails the test unless b is sorted and without repeats.
func checkBatch(t *testing.T, b watch.Batch) {
	if len(b) == 0 {
		t.Errorf("empty batch")
	}
	for i := 1; i < len(b); i++ {
		if b[i-1] >= b[i] {
			t.Errorf("batch not sorted or with repeats: %q then %q", b[i-1], b[i])
		}
	}
}

// path returns the absolute path of rel, a slash-separated path relative to the site.
func (h *harness) path(rel string) string {
	return filepath.Join(h.dir, filepath.FromSlash(rel))
}

// rel returns p relative to the site, slash-separated.
func (h *harness) rel(p string) string {
	r, err := filepath.Rel(h.dir, p)
	if err != nil {
		return p
	}
	return filepath.ToSlash(r)
}

// expect collects batches until together they hold every path in want, then for three
// more debounce periods, and fails unless exactly the paths in want were reported. It
// returns the batches.
func (h *harness) expect(want ...string) [][]string {
	h.t.Helper()
	var got [][]string
	seen := make(map[string]bool)
	missing := func() []string {
		var m []string
		for _, p := range want {
			if !seen[p] {
				m = append(m, p)
			}
		}
		return m
	}
	deadline := time.After(wait)
	for len(missing()) > 0 {
		select {
		case b := <-h.batches:
			var rel []string
			for _, p := range b {
				rel = append(rel, h.rel(p))
				seen[h.rel(p)] = true
			}
			got = append(got, rel)
		case <-deadline:
			h.t.Fatalf("after %v, still waiting for %q; batches so far: %q", wait, missing(), got)
		}
	}
	got = append(got, h.quiet(3*h.delay)...)
	for _, b := range got {
		for _, p := range b {
			seen[p] = true
		}
	}
	var extra []string
	for p := range seen {
		if !slices.Contains(want, p) {
			extra = append(extra, p)
		}
	}
	if len(extra) > 0 {
		slices.Sort(extra)
		h.t.Fatalf("unexpected paths %q in batches %q; want only %q", extra, got, want)
	}
	return got
}

// quiet returns the batches that arrive within d.
func (h *harness) quiet(d time.Duration) [][]string {
	var got [][]string
	timeout := time.After(d)
	for {
		select {
		case b := <-h.batches:
			var rel []string
			for _, p := range b {
				rel = append(rel, h.rel(p))
			}
			got = append(got, rel)
		case <-timeout:
			return got
		}
	}
}

// none fails the test if a batch arrives within three debounce periods.
func (h *harness) none(why string) {
	h.t.Helper()
	if got := h.quiet(3 * h.delay); len(got) > 0 {
		h.t.Fatalf("%s: got batches %q, want none", why, got)
	}
}

// write writes a small file at rel, creating its folders.
func (h *harness) write(rel string) {
	h.t.Helper()
	p := h.path(rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		h.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte("question: "+rel+"\n"), 0o644); err != nil {
		h.t.Fatal(err)
	}
}

func (h *harness) remove(rel string) {
	h.t.Helper()
	if err := os.RemoveAll(h.path(rel)); err != nil {
		h.t.Fatal(err)
	}
}

func (h *harness) rename(from, to string) {
	h.t.Helper()
	if err := os.Rename(h.path(from), h.path(to)); err != nil {
		h.t.Fatal(err)
	}
}

func (h *harness) mkdir(rel string) {
	h.t.Helper()
	if err := os.MkdirAll(h.path(rel), 0o755); err != nil {
		h.t.Fatal(err)
	}
}

// site creates a temporary site holding files (slash-separated paths; a trailing
// slash makes an empty folder).
func site(t *testing.T, files ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if strings.HasSuffix(f, "/") {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("old\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestSaves(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		save       func(h *harness)
		want       []string // nil: no batch at all
		maxBatches int      // 0: any number
	}{
		{
			name:       "write",
			save:       func(h *harness) { h.write("content/x.md") },
			want:       []string{"content/x.md"},
			maxBatches: 1,
		},
		{
			name: "create",
			save: func(h *harness) { h.write("content/y.md") },
			want: []string{"content/y.md"},
		},
		{
			name: "remove",
			save: func(h *harness) { h.remove("content/x.md") },
			want: []string{"content/x.md"},
		},
		{
			name: "rename",
			save: func(h *harness) { h.rename("content/x.md", "content/z.md") },
			want: []string{"content/x.md", "content/z.md"},
		},
		{
			// vim with backupcopy=no: probe the folder with 4913, keep a swap file, move the
			// original aside as the backup, write the new file, drop the backup.
			name: "vim",
			save: func(h *harness) {
				h.write("content/.x.md.swp")
				h.write("content/4913")
				h.remove("content/4913")
				h.rename("content/x.md", "content/x.md~")
				h.write("content/x.md")
				h.remove("content/x.md~")
				h.write("content/.x.md.swp")
			},
			want: []string{"content/x.md"},
		},
		{
			name: "vscode",
			save: func(h *harness) {
				h.write("content/.x.md.tmp123")
				h.rename("content/.x.md.tmp123", "content/x.md")
			},
			want: []string{"content/x.md"},
		},
		{
			name: "jetbrains",
			save: func(h *harness) {
				h.write("content/x.md___jb_tmp___")
				h.rename("content/x.md", "content/x.md___jb_old___")
				h.rename("content/x.md___jb_tmp___", "content/x.md")
				h.remove("content/x.md___jb_old___")
			},
			want: []string{"content/x.md"},
		},
		{
			name: "emacs",
			save: func(h *harness) {
				if err := os.Symlink("user@host.1234:1", h.path("content/.#x.md")); err != nil {
					h.t.Fatal(err)
				}
				h.write("content/#x.md#")
				h.rename("content/x.md", "content/x.md~")
				h.write("content/x.md")
				h.remove("content/#x.md#")
				h.remove("content/.#x.md")
			},
			want: []string{"content/x.md"},
		},
		{
			name: "gedit",
			save: func(h *harness) {
				h.write("content/.goutputstream-Q1W2E3")
				h.rename("content/.goutputstream-Q1W2E3", "content/x.md")
			},
			want: []string{"content/x.md"},
		},
		{
			name: "faqcast temp file",
			save: func(h *harness) {
				h.write("content/.faqcast-tmp-42")
				h.rename("content/.faqcast-tmp-42", "content/x.md")
			},
			want: []string{"content/x.md"},
		},
		{
			name: "temp and hidden files only",
			save: func(h *harness) {
				for _, f := range []string{
					".DS_Store", "4913", "x.md~", "x.md.bak", "x.tmp", ".x.md.swx", ".x.md.swo",
					"#x.md#", ".faqcast-tmp-1", "x.md___jb_tmp___", ".git/index",
				} {
					h.write("content/" + f)
				}
				h.remove("content/4913")
				h.remove("content/.git")
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := start(t, site(t, "content/x.md", "content/other.md"), watch.Options{Roots: []string{"content"}})
			tt.save(h)
			if tt.want == nil {
				h.none("only ignored files changed")
				return
			}
			if got := h.expect(tt.want...); tt.maxBatches > 0 && len(got) > tt.maxBatches {
				t.Errorf("got %d batches %q, want at most %d", len(got), got, tt.maxBatches)
			}
		})
	}
}

func TestBurst(t *testing.T) {
	t.Parallel()
	h := start(t, site(t, "content/"), watch.Options{Roots: []string{"content"}})
	var want []string
	for i := range 10 {
		want = append(want, fmt.Sprintf("content/faq%d.md", i))
	}
	for i := range 50 {
		h.write(want[i%10])
	}
	if got := h.expect(want...); len(got) > 3 {
		t.Errorf("50 writes within a few ms gave %d batches, want at most 3: %q", len(got), got)
	}
}

func TestSteadyStream(t *testing.T) {
	t.Parallel()
	const delay = 10 * time.Millisecond
	h := start(t, site(t, "content/log.md"), watch.Options{Roots: []string{"content"}, Delay: delay})
	stop := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		tick := time.NewTicker(delay / 5)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				if err := os.WriteFile(h.path("content/log.md"), []byte(time.Now().String()), 0o644); err != nil {
					t.Error(err)
					return
				}
			}
		}
	}()
	defer func() { close(stop); <-stopped }()
	// Events never pause for the whole delay, yet batches come.
	select {
	case b := <-h.batches:
		if len(b) != 1 || h.rel(b[0]) != "content/log.md" {
			t.Errorf("batch = %q, want content/log.md", b)
		}
	case <-time.After(wait):
		t.Fatalf("no batch within %v of a file that keeps changing", wait)
	}
}

func TestChmodOnly(t *testing.T) {
	t.Parallel()
	h := start(t, site(t, "content/x.md"), watch.Options{Roots: []string{"content"}})
	if err := os.Chmod(h.path("content/x.md"), 0o600); err != nil {
		t.Fatal(err)
	}
	past := time.Now().Add(-time.Hour)
	if err := os.Chtimes(h.path("content/x.md"), past, past); err != nil {
		t.Fatal(err)
	}
	h.none("after chmod and touch")
}

func TestNewFolder(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		create func(h *harness)
		want   []string
		later  string // a file written once the first batch came
	}{
		{
			name:   "folder with a file",
			create: func(h *harness) { h.mkdir("content/faq"); h.write("content/faq/a.md") },
			want:   []string{"content/faq", "content/faq/a.md"},
			later:  "content/faq/b.md",
		},
		{
			name:   "nested folders at once",
			create: func(h *harness) { h.write("content/faq/x/y/a.md") },
			want:   []string{"content/faq", "content/faq/x", "content/faq/x/y", "content/faq/x/y/a.md"},
			later:  "content/faq/x/y/b.md",
		},
		{
			// Everything inside a folder moved in was there before any watch.
			name: "folder moved in",
			create: func(h *harness) {
				h.write("outside/faq/a.md")
				h.write("outside/faq/deep/b.md")
				h.write("outside/faq/.hidden/c.md")
				h.rename("outside/faq", "content/faq")
			},
			want:  []string{"content/faq", "content/faq/a.md", "content/faq/deep", "content/faq/deep/b.md"},
			later: "content/faq/deep/c.md",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := start(t, site(t, "content/x.md"), watch.Options{Roots: []string{"content"}})
			tt.create(h)
			h.expect(tt.want...)
			h.write(tt.later)
			h.expect(tt.later)
		})
	}
}

func TestRemoveFolder(t *testing.T) {
	t.Parallel()
	known := []string{"content/faq", "content/faq/a.md", "content/faq/deep", "content/faq/deep/b.md"}
	tests := []struct {
		name   string
		remove func(h *harness)
		want   []string
		after  func(h *harness) // more changes, then a control write to content/x.md
		then   []string         // what after reports besides the control write
	}{
		{
			name:   "remove",
			remove: func(h *harness) { h.remove("content/faq") },
			want:   known,
		},
		{
			// Moving a folder out sends a single event for the folder: the paths below it
			// come from what was known.
			name:   "move out",
			remove: func(h *harness) { h.rename("content/faq", "outside/faq") },
			want:   known,
			after: func(h *harness) {
				h.write("outside/faq/a.md")
				h.write("outside/faq/deep/c.md")
			},
		},
		{
			name:   "rename inside",
			remove: func(h *harness) { h.rename("content/faq", "content/help") },
			want: append(slices.Clone(known),
				"content/help", "content/help/a.md", "content/help/deep", "content/help/deep/b.md"),
			after: func(h *harness) {
				h.rename("content/help", "outside/help")
				h.write("outside/help/deep/c.md")
			},
			then: []string{"content/help", "content/help/a.md", "content/help/deep", "content/help/deep/b.md"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := site(t, "content/x.md", "content/faq/a.md", "content/faq/deep/b.md", "outside/")
			h := start(t, dir, watch.Options{Roots: []string{"content"}})
			tt.remove(h)
			h.expect(tt.want...)
			if tt.after == nil {
				return
			}
			tt.after(h)
			// Stale watches would report these under their old names; a control write
			// shows that watching goes on and nothing else was reported.
			h.write("content/x.md")
			h.expect(append(slices.Clone(tt.then), "content/x.md")...)
		})
	}
}

func TestRenamedFolderKeepsWatching(t *testing.T) {
	t.Parallel()
	h := start(t, site(t, "content/faq/deep/b.md"), watch.Options{Roots: []string{"content"}})
	h.rename("content/faq", "content/help")
	h.expect("content/faq", "content/faq/deep", "content/faq/deep/b.md",
		"content/help", "content/help/deep", "content/help/deep/b.md")
	h.write("content/help/deep/c.md")
	h.expect("content/help/deep/c.md")
}

func TestSkip(t *testing.T) {
	t.Parallel()
	dir := site(t, "content/x.md", "public/index.html", "public/faq/a.html", "faqcast.yaml")
	public := filepath.Join(dir, "public")
	h := start(t, dir, watch.Options{
		Roots: []string{"."},
		Skip:  func(path string) bool { return path == public },
	})
	h.write("public/index.html")
	h.write("public/faq/b.html")
	h.mkdir("public/new/deeper")
	h.write("public/new/deeper/c.html")
	h.remove("public")
	h.write("public/index.html")
	// A control write: had anything in public/ been reported, it would be in this batch
	// or an earlier one.
	h.write("content/x.md")
	h.expect("content/x.md")
}

func TestLateRoot(t *testing.T) {
	t.Parallel()
	t.Run("folder", func(t *testing.T) {
		t.Parallel()
		h := start(t, site(t, "content/x.md"), watch.Options{Roots: []string{"content", "templates"}})
		h.write("templates/page.tmpl")
		h.expect("templates", "templates/page.tmpl")
		h.write("templates/partials/head.tmpl")
		h.expect("templates/partials", "templates/partials/head.tmpl")

		// Removed and made again, as a branch switch does.
		h.remove("templates")
		h.expect("templates", "templates/page.tmpl", "templates/partials", "templates/partials/head.tmpl")
		h.write("templates/page.tmpl")
		h.expect("templates", "templates/page.tmpl")
		h.write("templates/list.tmpl")
		h.expect("templates/list.tmpl")
	})
	t.Run("several levels missing", func(t *testing.T) {
		t.Parallel()
		h := start(t, site(t, "content/x.md"), watch.Options{Roots: []string{"theme/faq/templates"}})
		h.mkdir("theme")
		h.none("a folder above the root is not a change")
		h.write("theme/faq/templates/page.tmpl")
		h.expect("theme/faq/templates", "theme/faq/templates/page.tmpl")
		h.write("theme/faq/templates/list.tmpl")
		h.expect("theme/faq/templates/list.tmpl")
	})
	t.Run("file", func(t *testing.T) {
		t.Parallel()
		h := start(t, site(t, "content/x.md"), watch.Options{Roots: []string{"faqcast.yaml"}})
		h.write("README.md")
		h.none("a file beside a file root changed")
		h.write("faqcast.yaml")
		h.expect("faqcast.yaml")
		// Replaced by rename, as editors and faqcast itself save.
		h.write(".faqcast-tmp-7")
		h.rename(".faqcast-tmp-7", "faqcast.yaml")
		h.expect("faqcast.yaml")
		h.remove("faqcast.yaml")
		h.expect("faqcast.yaml")
	})
}

func TestRelativeRoots(t *testing.T) {
	// Not parallel: it changes the working folder. Watching "." makes fsnotify report
	// names like "./x.md"; batches must spell them as the roots do.
	t.Run("site folder", func(t *testing.T) {
		t.Chdir(site(t, "content/x.md", "public/index.html"))
		h := start(t, ".", watch.Options{
			Roots: []string{"."},
			Skip:  func(path string) bool { return path == "public" },
		})
		h.write("public/index.html")
		h.write("content/x.md")
		h.write("faqcast.yaml")
		h.expect("content/x.md", "faqcast.yaml")
	})
	t.Run("files and missing folders", func(t *testing.T) {
		t.Chdir(site(t, "content/x.md"))
		h := start(t, ".", watch.Options{Roots: []string{"content", "faqcast.yaml", "templates"}})
		h.write("README.md")
		h.write("faqcast.yaml")
		h.write("templates/page.tmpl")
		h.write("content/x.md")
		h.expect("content/x.md", "faqcast.yaml", "templates", "templates/page.tmpl")
	})
}

func TestCancel(t *testing.T) {
	// Not parallel: it counts goroutines.
	runtime.GC()
	before := runtime.NumGoroutine()

	dir := site(t, "content/x.md", "content/faq/a.md")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		done <- watch.Watch(ctx, watch.Options{
			Roots: []string{filepath.Join(dir, "content")},
			Delay: time.Hour, // a batch is being collected when the context ends
			Ready: func() { close(ready) },
		}, func(watch.Batch) { t.Error("fn called after cancel") })
	}()
	select {
	case <-ready:
	case <-time.After(wait):
		t.Fatalf("Watch not ready within %v", wait)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "x.md"), []byte("new\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Watch returned %v after cancel, want nil", err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("Watch did not return within 2s of cancel")
	}

	deadline := time.Now().Add(2 * time.Second)
	for {
		runtime.GC()
		n := runtime.NumGoroutine()
		if n <= before {
			break
		}
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("%d goroutines 2s after Watch returned, %d before it started:\n%s",
				n, before, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond) // polling, not an assertion
	}
}

func TestWatchErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name    string
		ctx     context.Context
		opts    watch.Options
		fn      func(watch.Batch)
		wantErr string // "" for nil
	}{
		{name: "nil fn", ctx: context.Background(), opts: watch.Options{Roots: []string{dir}}, wantErr: "watch: nil callback"},
		{name: "no roots", ctx: context.Background(), fn: func(watch.Batch) {}, wantErr: "watch: no roots"},
		{name: "cancelled", ctx: cancelled, opts: watch.Options{Roots: []string{dir}}, fn: func(watch.Batch) {}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := watch.Watch(tt.ctx, tt.opts, tt.fn)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("Watch = %v, want nil", err)
			case tt.wantErr != "" && (err == nil || err.Error() != tt.wantErr):
				t.Fatalf("Watch = %v, want %q", err, tt.wantErr)
			}
		})
	}
}

func TestDeadlineIsCleanStop(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	errc := make(chan error, 1)
	go func() { errc <- watch.Watch(ctx, watch.Options{Roots: []string{t.TempDir()}}, func(watch.Batch) {}) }()
	select {
	case err := <-errc:
		if err != nil {
			t.Fatalf("Watch = %v at the deadline, want nil", err)
		}
	case <-time.After(wait):
		t.Fatalf("Watch did not return within %v of its deadline", wait)
	}
}

func TestSerial(t *testing.T) {
	t.Parallel()
	dir := site(t, "content/")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	var inFn atomic.Bool
	entered := make(chan struct{}, 10)
	batches := make(chan watch.Batch, 10)
	ready := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		done <- watch.Watch(ctx, watch.Options{
			Roots: []string{filepath.Join(dir, "content")},
			Ready: func() { close(ready) },
		}, func(b watch.Batch) {
			if inFn.Swap(true) {
				t.Error("fn called while another call was running")
			}
			entered <- struct{}{}
			time.Sleep(100 * time.Millisecond) // a slow build
			inFn.Store(false)
			select {
			case batches <- b:
			case <-ctx.Done():
			}
		})
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(wait):
			t.Errorf("Watch did not return within %v of cancel", wait)
		}
	})
	select {
	case <-ready:
	case <-time.After(wait):
		t.Fatalf("Watch not ready within %v", wait)
	}

	write := func(name string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, "content", name), []byte(name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.md")
	select {
	case <-entered:
	case <-time.After(wait):
		t.Fatalf("fn not called within %v of a write", wait)
	}
	// fn is sleeping: keep the events coming, briefly enough that the batch they make
	// would be due well before fn returns if fn were not called serially.
	var later []string
	for i := range 8 {
		name := "later" + strconv.Itoa(i) + ".md"
		later = append(later, filepath.Join(dir, "content", name))
		write(name)
		time.Sleep(2 * time.Millisecond) // pacing the writes, not an assertion
	}

	seen := make(map[string]bool)
	for n := 0; ; n++ {
		var b watch.Batch
		select {
		case b = <-batches:
		case <-time.After(wait):
			t.Fatalf("only %d batches within %v; still missing some of %q", n, wait, later)
		}
		if n == 0 {
			if want := []string{filepath.Join(dir, "content", "a.md")}; !slices.Equal(b, want) {
				t.Fatalf("first batch = %q, want %q: events during fn belong to the next batch", b, want)
			}
			continue
		}
		for _, p := range b {
			seen[p] = true
		}
		if !slices.ContainsFunc(later, func(p string) bool { return !seen[p] }) {
			break
		}
	}
}

func TestOverflow(t *testing.T) {
	if testing.Short() {
		t.Skip("creates tens of thousands of files")
	}
	t.Parallel()
	limit, err := os.ReadFile("/proc/sys/fs/inotify/max_queued_events")
	if err != nil {
		t.Skipf("no inotify queue limit to overflow: %v", err)
	}
	queue, err := strconv.Atoi(strings.TrimSpace(string(limit)))
	if err != nil || queue > 50000 {
		t.Skipf("inotify queue limit %q too large to overflow in a test", limit)
	}
	dir := site(t, "content/")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	holding := make(chan struct{})
	release := make(chan struct{})
	var once sync.Once
	batches := make(chan watch.Batch, 100)
	var overflowed atomic.Bool
	ready := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		done <- watch.Watch(ctx, watch.Options{
			Roots: []string{filepath.Join(dir, "content")},
			Logf: func(format string, args ...any) {
				if strings.Contains(fmt.Sprintf(format, args...), "lost") {
					overflowed.Store(true)
				}
			},
			Ready: func() { close(ready) },
		}, func(b watch.Batch) {
			once.Do(func() {
				close(holding)
				select { // hold the loop so that the kernel's queue fills up
				case <-release:
				case <-ctx.Done():
				}
			})
			select {
			case batches <- b:
			case <-ctx.Done():
			}
		})
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(wait):
			t.Errorf("Watch did not return within %v of cancel", wait)
		}
	})
	select {
	case <-ready:
	case <-time.After(wait):
		t.Fatalf("Watch not ready within %v", wait)
	}

	if err := os.WriteFile(filepath.Join(dir, "content", "first.md"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	select {
	case <-holding:
	case <-time.After(wait):
		t.Fatalf("fn not called within %v of a write", wait)
	}
	n := queue + 8192 // fsnotify holds a few thousand events besides the kernel's queue
	for i := range n {
		f, err := os.Create(filepath.Join(dir, "content", fmt.Sprintf("f%06d.md", i)))
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
	close(release)

	// The last file's event was lost: only the rescan reports it.
	last := filepath.Join(dir, "content", fmt.Sprintf("f%06d.md", n-1))
	sawLast := false
	timeout := time.After(2 * wait)
	for !sawLast || !overflowed.Load() {
		select {
		case b := <-batches:
			if _, found := slices.BinarySearch(b, last); found {
				sawLast = true
			}
		case <-timeout:
			t.Fatalf("after %v: batch with %s seen: %v, overflow logged: %v", 2*wait, last, sawLast, overflowed.Load())
		}
	}
}

func TestRootNotWatchable(t *testing.T) {
	t.Parallel()
	if !unprivileged.Run(t) {
		return
	}
	dir := site(t, "locked/")
	if err := os.Chmod(filepath.Join(dir, "locked"), 0o000); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := os.Chmod(filepath.Join(dir, "locked"), 0o755); err != nil {
			t.Error(err)
		}
	})
	err := watch.Watch(context.Background(), watch.Options{Roots: []string{filepath.Join(dir, "locked")}}, func(watch.Batch) {})
	if err == nil || !errors.Is(err, os.ErrPermission) {
		t.Fatalf("Watch = %v, want a permission error", err)
	}
}
