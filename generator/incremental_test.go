package generator_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/faqcast/faqcast/generator"
	"github.com/faqcast/faqcast/generator/check"
	"github.com/faqcast/faqcast/templates"
)

// TestIncrementalEqualsFull edits, adds, renames and deletes entries in a
// random order, and after every change checks that a rebuild by a
// long-lived Generator (which reuses what did not change) writes exactly
// what a fresh build writes.
func TestIncrementalEqualsFull(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	files := goodSite()
	files["faqcast.yaml"] = testConfig + "schedule:\n  timezone: America/Chicago\n  start: 2026-12-07\n  weeks: 2\n  slots: {x: [\"mon 09:00\", \"thu 09:00\"]}\n  min_gap_days: 0\n"
	dir := writeSite(t, files)
	content := filepath.Join(dir, "content")
	live := &generator.Generator{Source: dir, Dest: filepath.Join(dir, "public")}
	ctx := context.Background()
	if _, err := live.Build(ctx, generator.Change{Now: now}); err != nil {
		t.Fatal(err)
	}
	n := 10
	names := func() []string {
		entries, _ := os.ReadDir(content)
		var out []string
		for _, e := range entries {
			if filepath.Ext(e.Name()) == ".md" && e.Name()[0] != '.' {
				out = append(out, e.Name())
			}
		}
		return out
	}
	entry := func(i int, body string) string {
		return entryFile(fmt.Sprintf("Question %d?", i), fmt.Sprintf("tags: [t%d]\nhashtags: [Tag%d]\n", i%3, i), body)
	}
	// snapshot returns every file of the content folder by name.
	snapshot := func() map[string]string {
		out := map[string]string{}
		entries, _ := os.ReadDir(content)
		for _, e := range entries {
			data, _ := os.ReadFile(filepath.Join(content, e.Name()))
			out[e.Name()] = string(data)
		}
		return out
	}
	for step := range 40 {
		before := snapshot()
		existing := names()
		var what string
		switch op := rng.IntN(6); {
		case op == 0 || len(existing) < 2: // add
			n++
			name := fmt.Sprintf("e%d.md", n)
			os.WriteFile(filepath.Join(content, name), []byte(entry(n, "New.\n")), 0o644)
			what = "add " + name
		case op == 1: // edit, perhaps linking to another entry
			name := existing[rng.IntN(len(existing))]
			other := existing[rng.IntN(len(existing))]
			data, _ := os.ReadFile(filepath.Join(content, name))
			data = append(data, fmt.Sprintf("\nEdit %d, see [%s](%s).\n", step, other, other)...)
			if rng.IntN(2) == 0 { // a warning: a link to a site that is not trusted
				data = append(data, fmt.Sprintf("Also [elsewhere](https://elsewhere%d.example/).\n", step)...)
			}
			os.WriteFile(filepath.Join(content, name), data, 0o644)
			what = "edit " + name
		case op == 2: // rename
			name := existing[rng.IntN(len(existing))]
			n++
			to := fmt.Sprintf("r%d.md", n)
			// Links to the old name would break: drop them by rewriting
			// every entry that names it.
			os.Rename(filepath.Join(content, name), filepath.Join(content, to))
			unlink(t, content, name)
			what = "rename " + name + " " + to
		case op == 3 || op == 4: // a front matter edit: a summary, a title or tags
			name := existing[rng.IntN(len(existing))]
			data, _ := os.ReadFile(filepath.Join(content, name))
			var from, to string
			switch rng.IntN(3) {
			case 0:
				from, to = "\nsummary: ", fmt.Sprintf("\nsummary: Edited at step %d. ", step)
			case 1:
				from, to = "\ntitle: ", fmt.Sprintf("\ntitle: Retitled at step %d, ", step)
			default:
				from, to = "\ntags: [", fmt.Sprintf("\ntags: [t%d, ", rng.IntN(4))
			}
			if !bytes.Contains(data, []byte(from)) {
				from, to = "\n---\n", "\ntags: [t3]\n---\n"
			}
			data = bytes.Replace(data, []byte(from), []byte(to), 1)
			os.WriteFile(filepath.Join(content, name), data, 0o644)
			what = fmt.Sprintf("edit %q in %s", strings.TrimSpace(from), name)
		default: // delete
			name := existing[rng.IntN(len(existing))]
			os.Remove(filepath.Join(content, name))
			unlink(t, content, name)
			what = "delete " + name
		}
		// Every other step, tell the build what changed, as the watcher
		// does for 'faqcast serve'.
		change := generator.Change{Now: now}
		if step%2 == 0 {
			change.Paths = []string{}
			after := snapshot()
			for name, data := range after {
				if before[name] != data {
					change.Paths = append(change.Paths, filepath.Join(content, name))
				}
			}
			for name := range before {
				if _, ok := after[name]; !ok {
					change.Paths = append(change.Paths, filepath.Join(content, name))
				}
			}
		}
		resLive, errLive := live.Build(ctx, change)
		fresh := t.TempDir()
		resFresh, errFresh := (&generator.Generator{Source: dir, Dest: fresh}).Build(ctx, generator.Change{Now: now})
		if (errLive == nil) != (errFresh == nil) {
			t.Fatalf("step %d (%s): live build error %v, fresh build error %v", step, what, errLive, errFresh)
		}
		if errLive != nil {
			t.Fatalf("step %d (%s): %v", step, what, errLive)
		}
		if !reflect.DeepEqual(resLive.Findings, resFresh.Findings) || !reflect.DeepEqual(resLive.Scores, resFresh.Scores) {
			t.Fatalf("step %d (%s): the findings or scores differ from a fresh build's", step, what)
		}
		a, b := readTree(t, filepath.Join(dir, "public")), readTree(t, fresh)
		for name, data := range b {
			if !bytes.Equal(a[name], data) {
				t.Fatalf("step %d (%s): %s differs from a fresh build", step, what, name)
			}
		}
		for name := range a {
			if _, ok := b[name]; !ok {
				t.Fatalf("step %d (%s): %s is left over", step, what, name)
			}
		}
	}
}

// unlink removes every link to the entry file name from the entries in dir.
func unlink(t *testing.T, dir, name string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		slug := strings.TrimSuffix(name, ".md")
		for _, link := range []string{"(" + name + ")", "(../" + slug + "/#top)", "(../" + slug + "/)"} {
			data = bytes.ReplaceAll(data, []byte(link), []byte("(https://example.org/)"))
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestQueueReadsAreWhole reads social/publish/queue.json over and over
// while the site is rebuilt with edits, as a local publisher would, and
// checks that every read is a whole, valid queue; and, as the README tells
// publishers to, reads posts.json between two reads of queue.json that
// name the same build: posts.json must name it too. After each build,
// queue.json, posts.json and calendar.ics name one build, another each
// time the posts change.
func TestQueueReadsAreWhole(t *testing.T) {
	files := goodSite()
	files["faqcast.yaml"] = testConfig + "schedule:\n  timezone: America/Chicago\n  start: 2026-12-07\n  weeks: 8\n  slots: {x: [\"mon 09:00\", \"wed 09:00\", \"fri 09:00\"], facebook: [\"tue 10:00\"]}\n  min_gap_days: 0\n"
	dir := writeSite(t, files)
	g := &generator.Generator{Source: dir}
	ctx := context.Background()
	if _, err := g.Build(ctx, generator.Change{Now: now}); err != nil {
		t.Fatal(err)
	}
	publish := filepath.Join(dir, "public", "social", "publish")
	// build returns the build that name in publish names, and whether the
	// file is whole.
	build := func(name string) (string, bool) {
		data, err := os.ReadFile(filepath.Join(publish, name))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			return "", false
		}
		if name == "calendar.ics" {
			_, id, _ := strings.Cut(string(data), "X-FAQCAST-BUILD:")
			id, _, _ = strings.Cut(id, "\r\n")
			return id, strings.HasSuffix(string(data), "END:VCALENDAR\r\n")
		}
		var f struct {
			Version int               `json:"version"`
			Build   string            `json:"build"`
			Items   []json.RawMessage `json:"items"`
			Posts   []json.RawMessage `json:"posts"`
		}
		err = json.Unmarshal(data, &f)
		return f.Build, err == nil && f.Version == 1 && len(f.Items)+len(f.Posts) > 0
	}
	done := make(chan struct{})
	reads := make(chan int)
	go func() {
		n := 0
		defer func() { reads <- n }()
		for {
			select {
			case <-done:
				return
			default:
			}
			before, whole := build("queue.json")
			if !whole {
				t.Errorf("read %d: a partial queue", n)
				return
			}
			posts, whole := build("posts.json")
			if !whole {
				t.Errorf("read %d: a partial posts.json", n)
				return
			}
			if after, _ := build("queue.json"); after == before && posts != before {
				t.Errorf("read %d: queue.json names build %s before and after posts.json, which names %s", n, before, posts)
				return
			}
			n++
		}
	}()
	builds := map[string]bool{}
	for i := range 60 {
		// Each edit changes every post's text, so the whole queue changes.
		body := strings.Repeat(fmt.Sprintf("Version %d. ", i), 1+i%7)
		os.WriteFile(filepath.Join(dir, "content/third.md"), []byte(entryFile("Third question?", "tags: [billing]\n", body)), 0o644)
		os.WriteFile(filepath.Join(dir, "content/first.md"), []byte(entryFile("First question?",
			fmt.Sprintf("rank: 1\nhashtags: [V%d]\n", i), "See [the second](second.md).\n")), 0o644)
		if _, err := g.Build(ctx, generator.Change{Now: now}); err != nil {
			t.Fatal(err)
		}
		q, _ := build("queue.json")
		p, _ := build("posts.json")
		c, _ := build("calendar.ics")
		if len(q) != 16 || p != q || c != q {
			t.Fatalf("build %d: queue.json names build %q, posts.json %q, calendar.ics %q", i, q, p, c)
		}
		builds[q] = true
	}
	close(done)
	if len(builds) != 60 {
		t.Errorf("60 builds with other posts named %d builds", len(builds))
	}
	if n := <-reads; n < 100 {
		t.Logf("only %d reads during the rebuilds", n)
	}
}

// TestChecksReused checks that a rebuild reuses the findings of entries
// that did not change, and still reports those of one that did.
func TestChecksReused(t *testing.T) {
	dir := writeSite(t, goodSite())
	g := &generator.Generator{Source: dir}
	ctx := context.Background()
	if _, err := g.Build(ctx, generator.Change{Now: now}); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "content/third.md"), []byte(entryFile("Third question?", "tags: [billing]\n", "Call Mrs. Jane Roe at (312) 555-0199.\n")), 0o644)
	_, err := g.Build(ctx, generator.Change{Now: now})
	if err == nil || !strings.Contains(err.Error(), "PHI-PHONE") {
		t.Fatalf("a planted phone number was not found on rebuild: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "content/third.md"), []byte(entryFile("Third question?", "tags: [billing]\n", "Fixed.\n")), 0o644)
	if _, err := g.Build(ctx, generator.Change{Now: now}); err != nil {
		t.Fatalf("the fix was not seen: %v", err)
	}
}

// TestIncrementalOwnTemplates checks that a site whose entry pages show
// other entries' answers, through templates of its own, gets every page
// right after an edit to one answer: such sites do not skip pages.
func TestIncrementalOwnTemplates(t *testing.T) {
	own, err := os.ReadFile("../templates/entry.html")
	if err != nil {
		t.Fatal(err)
	}
	files := goodSite()
	files["templates/entry.html"] = strings.Replace(string(own), "{{- with .Entry.Related}}",
		"{{- range .Entry.Related}}<aside>{{.Body}}</aside>{{end}}\n{{- with .Entry.Related}}", 1)
	dir := writeSite(t, files)
	live := &generator.Generator{Source: dir, Dest: filepath.Join(dir, "public")}
	ctx := context.Background()
	if _, err := live.Build(ctx, generator.Change{Now: now}); err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(dir, "content", "second.md")
	data, _ := os.ReadFile(name)
	if err := os.WriteFile(name, append(data, "\nA new paragraph.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := live.Build(ctx, generator.Change{Now: now}); err != nil {
		t.Fatal(err)
	}
	// The first entry lists the second as related, and shows its answer.
	page := readTree(t, filepath.Join(dir, "public"))["faq/first/index.html"]
	if !bytes.Contains(page, []byte("A new paragraph.")) {
		t.Errorf("the first entry's page does not show the second's new answer:\n%s", page)
	}
}

// TestPagesMadeAgain checks which of a site's files a rebuild makes again:
// after an edit to one answer, its page and the post preview page that
// shows its readability; after an edit to a summary, the pages that show
// it, the sitemap and the feed, not the other entries' pages.
func TestPagesMadeAgain(t *testing.T) {
	dir := writeSite(t, goodSite())
	g := &generator.Generator{Source: dir}
	ctx := context.Background()
	first, err := g.Build(ctx, generator.Change{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if first.Made < first.Pages {
		t.Fatalf("the first build made %d files for %d pages", first.Made, first.Pages)
	}
	name := filepath.Join(dir, "content", "third.md")
	for _, tc := range []struct {
		what, file string
		most       int
	}{
		{"nothing", "", 0},
		{"an answer", entryFile("Third question?", "tags: [billing]\n", "A new answer, long enough to read.\n"), 2},
		// Its page, its topic's, the home page (one of the top five),
		// the preview page, the sitemap and the feed.
		{"a summary", strings.Replace(entryFile("Third question?", "tags: [billing]\n", "A new answer, long enough to read.\n"), "summary: ", "summary: Now ", 1), 6},
	} {
		var paths []string
		if tc.file != "" {
			if err := os.WriteFile(name, []byte(tc.file), 0o644); err != nil {
				t.Fatal(err)
			}
			paths = []string{name}
		}
		res, err := g.Build(ctx, generator.Change{Now: now, Paths: paths})
		if err != nil {
			t.Fatal(err)
		}
		if res.Made > tc.most || (tc.most > 0 && res.Made == 0) {
			t.Errorf("after %s: %d files made, want 1 to %d", tc.what, res.Made, tc.most)
		}
	}
}

// TestIncrementalMessages checks that a rebuild after the site's own
// messages change (templates/i18n/en.yaml, which no page template is)
// makes every page that shows them again, as a fresh build does.
func TestIncrementalMessages(t *testing.T) {
	dir := writeSite(t, goodSite())
	live := &generator.Generator{Source: dir, Dest: filepath.Join(dir, "public")}
	ctx := context.Background()
	if _, err := live.Build(ctx, generator.Change{Now: now}); err != nil {
		t.Fatal(err)
	}
	en, err := templates.FS.ReadFile("i18n/en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ours := bytes.Replace(en, []byte("\ncrumb.home: Home\n"), []byte("\ncrumb.home: Start here\n"), 1)
	if bytes.Equal(ours, en) {
		t.Fatal("the test's message is not in en.yaml")
	}
	p := filepath.Join(dir, "templates", "i18n", "en.yaml")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, ours, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := live.Build(ctx, generator.Change{Now: now, Paths: []string{p}}); err != nil {
		t.Fatal(err)
	}
	fresh := t.TempDir()
	if _, err := (&generator.Generator{Source: dir, Dest: fresh}).Build(ctx, generator.Change{Now: now}); err != nil {
		t.Fatal(err)
	}
	a, b := readTree(t, filepath.Join(dir, "public")), readTree(t, fresh)
	shown := false
	for name, data := range b {
		shown = shown || bytes.Contains(data, []byte("Start here"))
		if !bytes.Equal(a[name], data) {
			t.Errorf("%s differs from a fresh build's", name)
		}
	}
	if !shown {
		t.Error("no page shows the site's own message")
	}
}

// TestReviewsAgeInProcess checks that a Generator building again on a
// later day finds what a new one finds that day: the entries whose
// reviews grew stale are checked again, though their files did not
// change, and back on the first day their findings are as they were.
func TestReviewsAgeInProcess(t *testing.T) {
	dir := writeSite(t, goodSite())
	g := &generator.Generator{Source: dir, Dest: t.TempDir()}
	build := func(g *generator.Generator, at time.Time) *generator.Result {
		t.Helper()
		res, err := g.Build(context.Background(), generator.Change{Now: at})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	stale := func(res *generator.Result) bool {
		return slices.ContainsFunc(res.Findings, func(f check.Finding) bool { return f.Rule == "REVIEW-STALE" })
	}
	first := build(g, now)
	if stale(first) {
		t.Fatalf("reviews stale on the first day: %v", first.Findings)
	}
	later := now.AddDate(2, 0, 0)
	got, want := build(g, later), build(&generator.Generator{Source: dir, Dest: t.TempDir()}, later)
	if !stale(got) || !reflect.DeepEqual(got.Findings, want.Findings) {
		t.Errorf("two years on: findings %v, want %v, with REVIEW-STALE", got.Findings, want.Findings)
	}
	if back := build(g, now); !reflect.DeepEqual(back.Findings, first.Findings) {
		t.Errorf("back on the first day: findings %v, want %v", back.Findings, first.Findings)
	}
}
