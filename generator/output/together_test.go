package output

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWriteTogether writes a folder together through a series of builds
// and checks what each leaves: the folder's files as given, those unchanged
// linked rather than written, the folder replaced only when one of its
// files changes or goes, and never a temporary folder left.
func TestWriteTogether(t *testing.T) {
	dir := dest(t)
	for _, fresh := range []bool{false, true} { // one Writer, or a new one each time
		w := &Writer{Dir: dir, Together: []string{"social/publish"}}
		inode := func(p string) os.FileInfo {
			t.Helper()
			fi, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(p)))
			if err != nil {
				t.Fatal(err)
			}
			return fi
		}
		for _, step := range []struct {
			name             string
			files            map[string]string
			written, removed int
			replaced         bool // whether the folder is a new one
			linked           []string
		}{
			{"first", map[string]string{"index.html": "home", "social/publish/queue.json": "q1", "social/publish/posts.json": "p1", "social/publish/x.csv": "x1"}, 4, 0, true, nil},
			{"same", map[string]string{"index.html": "home", "social/publish/queue.json": "q1", "social/publish/posts.json": "p1", "social/publish/x.csv": "x1"}, 0, 0, false, nil},
			{"one changed", map[string]string{"index.html": "home", "social/publish/queue.json": "q2", "social/publish/posts.json": "p1", "social/publish/x.csv": "x1"}, 1, 0, true, []string{"posts.json", "x.csv"}},
			{"one gone", map[string]string{"index.html": "home", "social/publish/queue.json": "q2", "social/publish/posts.json": "p1"}, 0, 1, true, []string{"posts.json", "queue.json"}},
			{"a page changed", map[string]string{"index.html": "home 2", "social/publish/queue.json": "q2", "social/publish/posts.json": "p1"}, 1, 0, false, nil},
			{"all gone", map[string]string{"index.html": "home 2"}, 0, 2, true, nil}, // the folder with them
			{"back", map[string]string{"index.html": "home 2", "social/publish/queue.json": "q3"}, 1, 0, true, nil},
		} {
			if fresh {
				w = &Writer{Dir: dir, Together: w.Together}
			}
			var before map[string]os.FileInfo
			var folder os.FileInfo
			if step.name != "first" && step.name != "back" {
				before = map[string]os.FileInfo{}
				for _, name := range step.linked {
					before[name] = inode("social/publish/" + name)
				}
				if _, err := os.Lstat(filepath.Join(dir, "social/publish")); err == nil {
					folder = inode("social/publish")
				}
			}
			st, err := w.Write(context.Background(), files(step.files), nil)
			if err != nil {
				t.Fatalf("%s: %v", step.name, err)
			}
			if fresh && (step.name == "first" || step.name == "back") {
				// A new Writer may find the first build's files as they are.
				st.Written = step.written
			}
			if st.Written != step.written || st.Removed != step.removed {
				t.Errorf("%s (fresh %v): %d written, %d removed; want %d, %d", step.name, fresh, st.Written, st.Removed, step.written, step.removed)
			}
			wantContents(t, dir, step.files, keys(step.files)...)
			if _, err := os.Lstat(filepath.Join(dir, "social/publish")); step.name == "all gone" && err == nil {
				t.Errorf("%s: the folder is left", step.name)
			}
			for name, fi := range before {
				if !os.SameFile(fi, inode("social/publish/"+name)) {
					t.Errorf("%s: %s was written again, not linked", step.name, name)
				}
			}
			if folder != nil {
				_, err := os.Lstat(filepath.Join(dir, "social/publish"))
				if replaced := err != nil || !os.SameFile(folder, inode("social/publish")); replaced != step.replaced {
					t.Errorf("%s (fresh %v): folder replaced %v, want %v", step.name, fresh, replaced, step.replaced)
				}
			}
		}
		if _, err := os.Lstat(filepath.Join(dir, "social/publish")); err != nil {
			t.Errorf("after the last build (fresh %v): %v", fresh, err)
		}
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
	}
}

// keys returns the keys of m.
func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestWriteTogetherBelow checks that a file below a folder written
// together, but not in it, is an error naming it.
func TestWriteTogetherBelow(t *testing.T) {
	w := &Writer{Dir: dest(t), Together: []string{"social/publish"}}
	_, err := w.Write(context.Background(), files(map[string]string{"social/publish/old/x.csv": "x"}), nil)
	if err == nil || !strings.Contains(err.Error(), "social/publish/old/x.csv: is below") {
		t.Errorf("a file below the folder: %v", err)
	}
	w = &Writer{Dir: dest(t), Together: []string{"../out"}}
	if _, err := w.Write(context.Background(), files(map[string]string{"a": "x"}), nil); err == nil || !strings.Contains(err.Error(), `"../out"`) {
		t.Errorf("a folder outside: %v", err)
	}
}

// TestSwapWithoutExchange checks swap where folders cannot be exchanged:
// the new folder takes the old one's place all the same, and the old one
// is left where the new one was; and when the new one cannot be moved
// in, the old one stays in its place.
func TestSwapWithoutExchange(t *testing.T) {
	dir := t.TempDir()
	put(t, dir, "pub/a", "old")
	put(t, dir, "new/a", "new")
	r, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for _, ex := range []func(*os.Root, string, string) error{
		func(*os.Root, string, string) error { return errors.ErrUnsupported },
		exchange,
	} {
		if err := swap(r, "new", "pub", ex); err != nil {
			t.Fatal(err)
		}
		got := contents(t, dir)
		if got["pub/a"] != "new" || got["new/a"] != "old" || len(got) != 2 {
			t.Errorf("after swap: %v", got)
		}
		// Back, for the next.
		if err := swap(r, "new", "pub", ex); err != nil {
			t.Fatal(err)
		}
	}
	unsupported := func(*os.Root, string, string) error { return errors.ErrUnsupported }
	if err := swap(r, "gone", "pub", unsupported); err == nil {
		t.Error("swap of a folder that is not there succeeded")
	}
	if got := contents(t, dir); got["pub/a"] != "old" || got["new/a"] != "new" || len(got) != 2 {
		t.Errorf("after a failed swap: %v, want the old folder in its place", got)
	}
}
