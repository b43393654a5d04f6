package output

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// fileFuncs say how testMaker makes one file: by make, or by stream for a
// Large one; and whether same takes what it finds.
type fileFuncs struct {
	make   func() ([]byte, error)
	stream func(io.Writer) error
	same   func(found []byte) bool
}

// funcsByPath holds, by path, how testMaker makes the files the tests made
// last with that path. Tests set it through made, makeFunc, streamed and
// sameFunc.
var funcsByPath = map[string]*fileFuncs{}

// testMaker is the Maker of the tests: it makes each file as funcsByPath
// says.
type testMaker struct{}

func (testMaker) Make(f *File) ([]byte, error)      { return funcsByPath[f.Path].make() }
func (testMaker) Stream(f *File, w io.Writer) error { return funcsByPath[f.Path].stream(w) }
func (testMaker) Same(f *File, found []byte) bool {
	if same := funcsByPath[f.Path].same; same != nil {
		return same(found)
	}
	return false
}

// makeFunc returns a File at p with key whose bytes testMaker makes with
// make.
func makeFunc(p, key string, make func() ([]byte, error)) File {
	funcsByPath[p] = &fileFuncs{make: make}
	return File{Path: p, Key: key}
}

// sameFunc makes testMaker take what it finds at p as the file's bytes when
// same says so.
func sameFunc(p string, same func(found []byte) bool) { funcsByPath[p].same = same }

// made returns a File whose bytes testMaker makes, counting the calls in n.
func made(p, key, data string, n *atomic.Int32) File {
	return makeFunc(p, key, func() ([]byte, error) {
		n.Add(1)
		return []byte(data), nil
	})
}

func TestWriterKeys(t *testing.T) {
	ctx := context.Background()
	dir := dest(t)
	w := &Writer{Dir: dir}
	var n atomic.Int32
	files := []File{made("a.png", "k1", "first", &n), made("b/c.png", "k2", "second", &n), {Path: "index.html", Data: []byte("<p>hi")}}

	st, err := w.Write(ctx, files, testMaker{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Written != 3 || n.Load() != 2 {
		t.Fatalf("first Write: %+v, Make called %d times, want 3 written and 2 calls", st, n.Load())
	}
	if got := read(t, dir, "b/c.png"); got != "second" {
		t.Fatalf("b/c.png = %q", got)
	}

	// The same keys: nothing is made, read or written.
	n.Store(0)
	st, err = w.Write(ctx, files, testMaker{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Unchanged != 3 || st.Written != 0 || n.Load() != 0 {
		t.Fatalf("second Write: %+v, Make called %d times, want 3 unchanged and no calls", st, n.Load())
	}

	// A new key for one file: only it is made and written.
	files[0] = made("a.png", "k3", "third", &n)
	st, err = w.Write(ctx, files, testMaker{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Written != 1 || st.Unchanged != 2 || n.Load() != 1 || read(t, dir, "a.png") != "third" {
		t.Fatalf("third Write: %+v, Make called %d times, a.png %q", st, n.Load(), read(t, dir, "a.png"))
	}
}

func TestWriterTrust(t *testing.T) {
	ctx := context.Background()
	dir := dest(t)
	w := &Writer{Dir: dir}
	var n atomic.Int32
	files := []File{made("a.png", "k1", "first", &n), {Path: "index.html", Data: []byte("<p>hi")}}
	if _, err := w.Write(ctx, files, testMaker{}); err != nil {
		t.Fatal(err)
	}

	// A file changed by hand, the manifest as the Writer left it: the Writer
	// trusts what it saw and does not look.
	put(t, dir, "index.html", "<p>HI")
	n.Store(0)
	if st, err := w.Write(ctx, files, testMaker{}); err != nil || st.Unchanged != 2 || n.Load() != 0 {
		t.Fatalf("Write after a change by hand: %+v, %v, Make called %d times", st, err, n.Load())
	}

	// Another build into the same destination changes the manifest: the
	// Writer looks at every file again, restoring what differs.
	other := []File{{Path: "a.png", Data: []byte("other")}, {Path: "index.html", Data: []byte("<p>hi")}}
	if _, err := Write(ctx, dir, other, testMaker{}); err != nil {
		t.Fatal(err)
	}
	n.Store(0)
	if st, err := w.Write(ctx, files, testMaker{}); err != nil || st.Written != 1 || n.Load() < 1 {
		t.Fatalf("Write after another build: %+v, %v, Make called %d times", st, err, n.Load())
	}
	if read(t, dir, "a.png") != "first" || read(t, dir, "index.html") != "<p>hi" {
		t.Fatalf("files not restored: %q %q", read(t, dir, "a.png"), read(t, dir, "index.html"))
	}

	// The destination removed: everything is written again.
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if st, err := w.Write(ctx, files, testMaker{}); err != nil || st.Written != 2 || read(t, dir, "a.png") != "first" {
		t.Fatalf("Write after removal: %+v, %v", st, err)
	}
}

func TestWriterDataChange(t *testing.T) {
	ctx := context.Background()
	dir := dest(t)
	w := &Writer{Dir: dir}
	if _, err := w.Write(ctx, []File{{Path: "a.txt", Data: []byte("one")}}, testMaker{}); err != nil {
		t.Fatal(err)
	}
	// The same size, other bytes, no key: the Writer compares the bytes.
	st, err := w.Write(ctx, []File{{Path: "a.txt", Data: []byte("two")}}, testMaker{})
	if err != nil || st.Written != 1 || read(t, dir, "a.txt") != "two" {
		t.Fatalf("Write: %+v, %v, a.txt %q", st, err, read(t, dir, "a.txt"))
	}
}

func TestWriterMakeError(t *testing.T) {
	ctx := context.Background()
	dir := dest(t)
	put(t, dir, "a.png", "old")
	if _, err := Write(ctx, dir, []File{{Path: "a.png", Data: []byte("old")}}, testMaker{}); err != nil {
		t.Fatal(err)
	}
	before := tree(t, dir)
	boom := errors.New("no ink")
	// The file must be compared, so Make runs before anything changes.
	_, err := Write(ctx, dir, []File{
		makeFunc("a.png", "", func() ([]byte, error) { return nil, boom }),
		{Path: "new.html", Data: []byte("x")},
	}, testMaker{})

	if !errors.Is(err, boom) || !strings.Contains(err.Error(), "a.png") {
		t.Fatalf("err = %v, want it to wrap %v and name a.png", err, boom)
	}
	if after := tree(t, dir); !equalTrees(before, after) {
		t.Fatalf("a failed plan changed the destination:\n%v\n%v", before, after)
	}
}

func TestWriterForgetsAfterFailure(t *testing.T) {
	ctx := context.Background()
	dir := dest(t)
	w := &Writer{Dir: dir}
	var n atomic.Int32
	files := []File{made("a.png", "k1", "first", &n)}
	if _, err := w.Write(ctx, files, testMaker{}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(ctx, append(files, File{Path: "a.png/x", Data: nil}), testMaker{}); err == nil {
		t.Fatal("Write with a clash succeeded")
	}
	n.Store(0)
	if st, err := w.Write(ctx, files, testMaker{}); err != nil || st.Unchanged != 1 || n.Load() != 1 {
		t.Fatalf("Write after a failure: %+v, %v, Make called %d times; want the file compared again", st, err, n.Load())
	}
}

func read(t testing.TB, dir, p string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func equalTrees(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestWriterOrder(t *testing.T) {
	ctx := context.Background()
	dir := dest(t)
	w := &Writer{Dir: dir}
	files := []File{{Path: "z.html", Data: []byte("z")}, {Path: "a/b.html", Data: []byte("b")}, {Path: "m.html", Data: []byte("m")}}
	for i := range 3 {
		// The same files, in the same order or another, and then with a
		// path that is not allowed: each Write checks what is new.
		if i == 1 {
			files[0], files[2] = files[2], files[0]
		}
		if _, err := w.Write(ctx, files, testMaker{}); err != nil {
			t.Fatalf("Write %d: %v", i, err)
		}
	}
	if _, err := w.Write(ctx, append(files, File{Path: "../x", Data: []byte("x")}), testMaker{}); err == nil {
		t.Fatal("Write with ../x succeeded")
	}
	if got := read(t, dir, ManifestName); got != "# faqcast manifest v1\na/b.html\nm.html\nz.html\n" {
		t.Fatalf("manifest %q", got)
	}
}

func TestWriterSteady(t *testing.T) {
	ctx := context.Background()
	dir := dest(t)
	w := &Writer{Dir: dir}
	var n atomic.Int32
	files := []File{made("a.png", "k1", "first", &n), made("b/c.png", "k2", "second", &n), {Path: "index.html", Data: []byte("<p>hi")}}
	if _, err := w.Write(ctx, files, testMaker{}); err != nil {
		t.Fatal(err)
	}
	const list = "# faqcast manifest v1\na.png\nb/c.png\nindex.html\n"

	// The same paths in the same order, one of them new bytes in a folder
	// removed by hand: it is written, its folder made again, and the
	// manifest rewritten with the same list, so other Writers look again.
	if err := os.RemoveAll(filepath.Join(dir, "b")); err != nil {
		t.Fatal(err)
	}
	before, err := os.Lstat(filepath.Join(dir, ManifestName))
	if err != nil {
		t.Fatal(err)
	}
	files[1] = made("b/c.png", "k3", "third", &n)
	st, err := w.Write(ctx, files, testMaker{})
	if err != nil || st.Written != 1 || st.Unchanged != 2 || st.Removed != 0 {
		t.Fatalf("Write with one new key: %+v, %v", st, err)
	}
	after, err := os.Lstat(filepath.Join(dir, ManifestName))
	if err != nil {
		t.Fatal(err)
	}
	if os.SameFile(before, after) {
		t.Error("the manifest was not rewritten after a file was")
	}
	if got := read(t, dir, ManifestName); got != list {
		t.Errorf("manifest %q, want %q", got, list)
	}
	if got := read(t, dir, "b/c.png"); got != "third" {
		t.Errorf("b/c.png = %q", got)
	}

	// A Make that fails leaves the destination as it was; the Writer then
	// looks at every file again and finds them as they are.
	files[1] = makeFunc("b/c.png", "k4", func() ([]byte, error) { return nil, errors.New("no ink") })
	if _, err := w.Write(ctx, files, testMaker{}); err == nil {
		t.Fatal("Write with a failing Make succeeded")
	}
	files[1] = made("b/c.png", "k3", "third", &n)
	n.Store(0)
	if st, err := w.Write(ctx, files, testMaker{}); err != nil || st.Unchanged != 3 || n.Load() != 2 {
		t.Fatalf("Write after the failure: %+v, %v, Make called %d times", st, err, n.Load())
	}
	n.Store(0)
	if st, err := w.Write(ctx, files, testMaker{}); err != nil || st.Unchanged != 3 || n.Load() != 0 {
		t.Fatalf("Write with nothing new: %+v, %v, Make called %d times", st, err, n.Load())
	}
	if got := read(t, dir, ManifestName); got != list {
		t.Errorf("manifest %q, want %q", got, list)
	}

	// The same files in another order, and then one new key in that order:
	// only that file is made and written.
	files[0], files[2] = files[2], files[0]
	if st, err := w.Write(ctx, files, testMaker{}); err != nil || st.Unchanged != 3 {
		t.Fatalf("Write in another order: %+v, %v", st, err)
	}
	n.Store(0)
	if st, err := w.Write(ctx, files, testMaker{}); err != nil || st.Unchanged != 3 || n.Load() != 0 {
		t.Fatalf("Write again in that order: %+v, %v, Make called %d times", st, err, n.Load())
	}
	files[2] = made("a.png", "k5", "fifth", &n)
	n.Store(0)
	if st, err := w.Write(ctx, files, testMaker{}); err != nil || st.Written != 1 || st.Unchanged != 2 || n.Load() != 1 {
		t.Fatalf("Write with a new key after reordering: %+v, %v, Make called %d times", st, err, n.Load())
	}
	if got := read(t, dir, "a.png"); got != "fifth" {
		t.Errorf("a.png = %q", got)
	}
}

// TestWriterSteadyAfterReorder shows that what a Writer saw follows the
// files when their order changes: two files of one Key, the first given
// new bytes after a reordering, are told apart.
func TestWriterSteadyAfterReorder(t *testing.T) {
	ctx := context.Background()
	dir := dest(t)
	w := &Writer{Dir: dir}
	var n atomic.Int32
	files := []File{made("a.png", "k1", "one", &n), made("b.png", "k2", "two", &n)}
	if _, err := w.Write(ctx, files, testMaker{}); err != nil {
		t.Fatal(err)
	}
	files[0], files[1] = files[1], files[0]
	if _, err := w.Write(ctx, files, testMaker{}); err != nil {
		t.Fatal(err)
	}
	files[1] = made("a.png", "k2", "three", &n) // b.png's Key, other bytes
	if st, err := w.Write(ctx, files, testMaker{}); err != nil || st.Written != 1 {
		t.Fatalf("Write: %+v, %v", st, err)
	}
	if got := read(t, dir, "a.png"); got != "three" {
		t.Errorf("a.png = %q, want %q", got, "three")
	}
}

// TestWriteSame checks that a file whose Same accepts what is found is
// taken as it is without calling Make, by any Write, and that one it does
// not accept is made, compared and rewritten as usual.
func TestWriteSame(t *testing.T) {
	ctx := context.Background()
	dir := dest(t)
	var n, asked atomic.Int32
	// A file whose bytes say what they were made from: "recipe:" then the bytes.
	recipe := func(p, r string) File {
		f := made(p, r, r+":"+strings.Repeat(r, 3), &n)
		sameFunc(p, func(found []byte) bool {
			asked.Add(1)
			got, _, _ := strings.Cut(string(found), ":")
			return got == r
		})
		return f
	}
	files := []File{recipe("a.png", "red"), recipe("b/c.png", "blue"), recipe("empty.png", "green")}
	if _, err := Write(ctx, dir, files, testMaker{}); err != nil {
		t.Fatal(err)
	}
	if asked.Load() != 0 || n.Load() != 3 {
		t.Fatalf("first Write asked Same %d times and made %d files, want 0 and 3", asked.Load(), n.Load())
	}

	// Another process: Same decides, Make is not called, nothing is written.
	n.Store(0)
	asked.Store(0)
	put(t, dir, "empty.png", "")
	put(t, dir, "b/c.png", "blue:edited by hand, but still saying blue")
	st, err := Write(ctx, dir, files, testMaker{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Unchanged != 2 || st.Written != 1 || n.Load() != 1 || asked.Load() != 3 {
		t.Fatalf("second Write: %+v, Make called %d times, Same %d; want 2 unchanged, 1 written, 1 call, Same 3", st, n.Load(), asked.Load())
	}
	if got := read(t, dir, "b/c.png"); got != "blue:edited by hand, but still saying blue" {
		t.Errorf("b/c.png = %q, want it left as Same accepted it", got)
	}
	if got := read(t, dir, "empty.png"); got != "green:greengreengreen" {
		t.Errorf("empty.png = %q, want it made again", got)
	}

	// A new recipe: Same rejects what is there, so the file is made and written.
	n.Store(0)
	files[0] = recipe("a.png", "pink")
	if st, err := Write(ctx, dir, files, testMaker{}); err != nil || st.Written != 1 || n.Load() != 1 || read(t, dir, "a.png") != "pink:pinkpinkpink" {
		t.Fatalf("Write with a new recipe: %+v, %v, Make called %d times, a.png %q", st, err, n.Load(), read(t, dir, "a.png"))
	}

	// Same rejects, but Make makes the bytes that are there: unchanged.
	n.Store(0)
	f := recipe("a.png", "pink")
	sameFunc(f.Path, func([]byte) bool { return false })
	files[0] = f
	if st, err := Write(ctx, dir, files, testMaker{}); err != nil || st.Unchanged != 3 || n.Load() != 1 {
		t.Fatalf("Write with Same saying no: %+v, %v, Make called %d times, want 3 unchanged and 1 call", st, err, n.Load())
	}

	// A file not made by faqcast that Same accepts is adopted, as one
	// holding exactly Make's bytes would be.
	other := dest(t)
	put(t, other, "a.png", "red:from elsewhere")
	n.Store(0)
	if st, err := Write(ctx, other, []File{recipe("a.png", "red")}, testMaker{}); err != nil || st.Unchanged != 1 || n.Load() != 0 {
		t.Fatalf("Write over a file Same accepts: %+v, %v, Make called %d times", st, err, n.Load())
	}
	if m := read(t, other, ManifestName); !strings.Contains(m, "\na.png\n") {
		t.Errorf("manifest %q does not list the adopted a.png", m)
	}
}

// TestWriterNoKey checks that a file given by Make or Stream without a Key
// is made and compared at every Write, even by a Writer that saw it
// unchanged before: only a Key or Data tells that the bytes are the same.
// (A Make without a Key used to be taken as unchanged from its stamp.)
func TestWriterNoKey(t *testing.T) {
	ctx := context.Background()
	for _, kind := range []string{"make", "stream"} {
		t.Run(kind, func(t *testing.T) {
			dir := dest(t)
			w := &Writer{Dir: dir}
			var n atomic.Int32
			file := func(data string) File {
				if kind == "make" {
					return made("a.txt", "", data, &n)
				}
				return streamed("a.txt", "", data, &n)
			}
			for i, data := range []string{"first", "first", "first", "second"} {
				n.Store(0)
				st, err := w.Write(ctx, []File{file(data)}, testMaker{})
				if err != nil {
					t.Fatal(err)
				}
				// A stream that differs from the file found is streamed
				// again to be written.
				calls := int32(1)
				if kind == "stream" && i == 3 {
					calls = 2
				}
				if n.Load() != calls || read(t, dir, "a.txt") != data || st.Written+st.Unchanged != 1 {
					t.Fatalf("Write %d of %q: %+v, made %d times, a.txt = %q", i, data, st, n.Load(), read(t, dir, "a.txt"))
				}
			}
		})
	}
}

// TestWriterNewFoldersFailure checks a Write that fails while it writes
// new folders: each is left whole or not at all, nothing temporary is
// left, and the next Write of the same Writer writes only what the
// failed one did not place.
func TestWriterNewFoldersFailure(t *testing.T) {
	ctx := context.Background()
	dir := dest(t)
	// A destination already there: into a new one, a failed Write leaves
	// nothing (TestNewDestination).
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	w := &Writer{Dir: dir}
	var files []File
	for i := range 60 {
		d := fmt.Sprintf("faq/q%02d/", i)
		files = append(files, File{Path: d + "index.html", Data: []byte(d)})
		draw := func() ([]byte, error) { return []byte("card of " + d), nil }
		if i == 41 {
			draw = func() ([]byte, error) { return nil, errors.New("no ink") }
		}
		files = append(files, makeFunc(d+"card.png", d, draw))
	}
	if _, err := w.Write(ctx, files, testMaker{}); err == nil || !strings.Contains(err.Error(), "q41/card.png") {
		t.Fatalf("err = %v, want one naming q41/card.png", err)
	}
	placed := 0
	for i := range 60 {
		d := fmt.Sprintf("faq/q%02d/", i)
		index, _ := os.ReadFile(filepath.Join(dir, d, "index.html"))
		card, _ := os.ReadFile(filepath.Join(dir, d, "card.png"))
		switch {
		case index == nil && card == nil:
		case string(index) == d && string(card) == "card of "+d:
			placed++
		default:
			t.Errorf("%s holds %q and %q: neither whole nor absent", d, index, card)
		}
	}
	if placed == 0 {
		t.Error("no folder placed before the failure: folders are placed as their files are written")
	}
	for p := range tree(t, dir) {
		if strings.Contains(p, tmpPrefix) {
			t.Errorf("%s left behind", p)
		}
	}
	files[83] = makeFunc("faq/q41/card.png", "faq/q41/", func() ([]byte, error) { return []byte("card of faq/q41/"), nil })
	st, err := w.Write(ctx, files, testMaker{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Written != len(files)-2*placed || st.Unchanged != 2*placed {
		t.Errorf("after the failure, %d folders placed: %+v; want %d written and %d unchanged", placed, st, len(files)-2*placed, 2*placed)
	}
	for _, f := range files {
		if got, want := read(t, dir, f.Path), "card of "+path.Dir(f.Path)+"/"; strings.HasSuffix(f.Path, ".png") && got != want {
			t.Errorf("%s holds %q, want %q", f.Path, got, want)
		}
	}
}

// TestNewDestination checks a Write into a destination that does not
// exist: it is made beside under a temporary name and renamed into place
// whole, so that a Write that fails leaves none; and what killed Writes
// left beside it is removed an hour after they last changed it, not
// sooner.
func TestNewDestination(t *testing.T) {
	ctx := context.Background()
	dir := dest(t)
	parent := filepath.Dir(dir)
	var files []File
	for i := range 40 {
		d := fmt.Sprintf("faq/q%02d/", i)
		files = append(files, File{Path: d + "index.html", Data: []byte(d)})
	}
	files = append(files, File{Path: "index.html", Data: []byte("home")})
	failing := append(slices.Clone(files), makeFunc("faq/q39/card.png", "k", func() ([]byte, error) { return nil, errors.New("no ink") }))
	if _, err := Write(ctx, dir, failing, testMaker{}); err == nil {
		t.Fatal("a Write whose Maker fails succeeded")
	}
	if ls, _ := os.ReadDir(parent); len(ls) != 0 {
		t.Fatalf("a failed Write into a new destination left %v", ls)
	}

	stale, recent := filepath.Join(parent, tmpPrefix+"public-old"), filepath.Join(parent, tmpPrefix+"public-new")
	other := filepath.Join(parent, tmpPrefix+"site-old")
	for _, d := range []string{stale, recent, other} {
		if err := os.MkdirAll(filepath.Join(d, "faq"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	hourAgo := time.Now().Add(-2 * time.Hour)
	for _, d := range []string{stale, other} {
		if err := os.Chtimes(d, hourAgo, hourAgo); err != nil {
			t.Fatal(err)
		}
	}
	st, err := Write(ctx, dir, files, testMaker{})
	if err != nil || st.Written != len(files) {
		t.Fatalf("Write: %+v, %v", st, err)
	}
	for _, f := range files {
		if got := read(t, dir, f.Path); got != string(f.Data) {
			t.Errorf("%s holds %q", f.Path, got)
		}
	}
	var left []string
	ls, _ := os.ReadDir(parent)
	for _, e := range ls {
		left = append(left, e.Name())
	}
	if want := []string{tmpPrefix + "public-new", tmpPrefix + "site-old", "public"}; !slices.Equal(left, want) {
		t.Errorf("beside the destination: %q, want %q", left, want)
	}

	// A symbolic link to nothing where the destination goes is an error,
	// and stays.
	dangling := filepath.Join(parent, "dangling")
	if err := os.Symlink(filepath.Join(parent, "nowhere"), dangling); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(ctx, dangling, files, testMaker{}); err == nil {
		t.Error("a Write over a dangling symbolic link succeeded")
	}
	if fi, err := os.Lstat(dangling); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the dangling symbolic link is now %v, %v", fi, err)
	}
}

// TestNewDestinationMadeMeanwhile makes another build's destination appear
// while a Write makes it under a temporary name: the Write goes on into
// that folder, as two builds into an existing one do, and keeps what the
// other build put there.
func TestNewDestinationMadeMeanwhile(t *testing.T) {
	ctx := context.Background()
	dir := dest(t)
	other := func() {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Error(err)
		}
		put(t, dir, "other.txt", "the other build's")
	}
	var calls atomic.Int32
	files := []File{
		{Path: "index.html", Data: []byte("home")},
		makeFunc("faq/a/card.png", "k", func() ([]byte, error) {
			if calls.Add(1) == 1 {
				other() // while the first try writes its hidden folder
			}
			return []byte("png"), nil
		}),
	}
	st, err := Write(ctx, dir, files, testMaker{})
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	if st.Written != 2 || read(t, dir, "index.html") != "home" || read(t, dir, "faq/a/card.png") != "png" || read(t, dir, "other.txt") != "the other build's" {
		t.Errorf("Write into the folder made meanwhile: %+v, %v", st, tree(t, dir))
	}
	if ls, _ := os.ReadDir(filepath.Dir(dir)); len(ls) != 1 {
		t.Errorf("beside the destination: %v, want it alone", ls)
	}
}
