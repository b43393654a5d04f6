package output

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// streamed returns a Large File whose bytes testMaker streams in pieces of at most
// 7 bytes (so that a comparison spans many Writes), counting the calls
// in n.
func streamed(p, key, data string, n *atomic.Int32) File {
	funcsByPath[p] = &fileFuncs{stream: func(w io.Writer) error {
		n.Add(1)
		for rest := data; rest != ""; {
			k := min(7, len(rest))
			if _, err := io.WriteString(w, rest[:k]); err != nil {
				return err
			}
			rest = rest[k:]
		}
		return nil
	}}
	return File{Path: p, Key: key, Large: true}
}

func TestWriteStream(t *testing.T) {
	ctx := context.Background()
	dir := dest(t)
	var n atomic.Int32
	big := strings.Repeat("a posts.json part, ", 40_000) // larger than the write buffer
	files := []File{streamed("social/posts.json", "k1", big, &n), streamed("empty.json", "", "", &n), {Path: "index.html", Data: []byte("<p>hi")}}
	st, err := Write(ctx, dir, files, testMaker{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Written != 3 || n.Load() != 2 || read(t, dir, "social/posts.json") != big || read(t, dir, "empty.json") != "" {
		t.Fatalf("first Write: %+v, Stream called %d times; want 3 written, 2 calls and the bytes streamed", st, n.Load())
	}

	// Another process finds the same bytes: compared as they stream, kept.
	age(t, dir)
	before := tree(t, dir)
	n.Store(0)
	if st, err := Write(ctx, dir, files, testMaker{}); err != nil || st.Unchanged != 3 || n.Load() != 2 {
		t.Fatalf("second Write: %+v, %v, Stream called %d times; want 3 unchanged and 2 calls", st, err, n.Load())
	}
	if after := tree(t, dir); !equalTrees(before, after) {
		t.Fatalf("an unchanged Write touched files:\n%v\n%v", before, after)
	}

	// Files of faqcast's with other bytes, shorter, longer, or differing in
	// the last byte, are written again.
	for _, found := range []string{big[:len(big)-1], big + "!", big[:len(big)-1] + "?", "", "x"} {
		put(t, dir, "social/posts.json", found)
		n.Store(0)
		st, err := Write(ctx, dir, files, testMaker{})
		if err != nil || st.Written != 1 || st.Unchanged != 2 || read(t, dir, "social/posts.json") != big {
			t.Fatalf("Write over %d bytes found: %+v, %v; want posts.json written again", len(found), st, err)
		}
	}

	// A Writer that wrote the file with its Key trusts it without streaming.
	w := &Writer{Dir: dir}
	if _, err := w.Write(ctx, files, testMaker{}); err != nil {
		t.Fatal(err)
	}
	n.Store(0)
	if st, err := w.Write(ctx, files, testMaker{}); err != nil || st.Unchanged != 3 || n.Load() != 1 {
		t.Fatalf("Write by the same Writer: %+v, %v, Stream called %d times; want only the file without a Key streamed", st, err, n.Load())
	}
}

func TestWriteStreamAdoptsAndConflicts(t *testing.T) {
	ctx := context.Background()
	var n atomic.Int32
	dir := dest(t)
	put(t, dir, "posts.json", "made by hand")
	if _, err := Write(ctx, dir, []File{streamed("posts.json", "k", "made by hand", &n)}, testMaker{}); err != nil {
		t.Fatalf("a file holding the streamed bytes was not adopted: %v", err)
	}
	other := dest(t)
	put(t, other, "posts.json", "made by hand")
	before := tree(t, other)
	_, err := Write(ctx, other, []File{streamed("posts.json", "k", "made by faqcast", &n), {Path: "new.html", Data: []byte("x")}}, testMaker{})
	if err == nil || !strings.Contains(err.Error(), "exists and was not made by faqcast") {
		t.Fatalf("err = %v, want a conflict", err)
	}
	if after := tree(t, other); !equalTrees(before, after) {
		t.Fatalf("a conflict changed the destination:\n%v\n%v", before, after)
	}
}

func TestWriteStreamError(t *testing.T) {
	ctx := context.Background()
	boom := errors.New("part lost")
	funcsByPath["social/posts.json"] = &fileFuncs{stream: func(w io.Writer) error {
		if _, err := io.WriteString(w, strings.Repeat("x", 300_000)); err != nil {
			return err
		}
		return boom
	}}
	failing := File{Path: "social/posts.json", Large: true}

	// Found: the stream fails while checking, and nothing changes.
	dir := dest(t)
	put(t, dir, "social/posts.json", strings.Repeat("x", 400_000))
	before := tree(t, dir)
	_, err := Write(ctx, dir, []File{failing, {Path: "new.html", Data: []byte("x")}}, testMaker{})
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), "posts.json") {
		t.Fatalf("err = %v, want it to wrap %v and name posts.json", err, boom)
	}
	if after := tree(t, dir); !equalTrees(before, after) {
		t.Fatalf("a failed plan changed the destination:\n%v\n%v", before, after)
	}

	// Not found: the stream fails while writing; the file is not created
	// and no temporary file is left.
	dir = dest(t)
	_, err = Write(ctx, dir, []File{failing}, testMaker{})
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), "posts.json") {
		t.Fatalf("err = %v, want it to wrap %v and name posts.json", err, boom)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "social"))
	for _, e := range entries {
		t.Errorf("left in social/: %s", e.Name())
	}
}

// TestComparer checks the comparison of a stream with a file piece by
// piece, at every length and every place of a difference.
func TestComparer(t *testing.T) {
	dir := t.TempDir()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	data := strings.Repeat("0123456789", 30)
	if err := os.WriteFile(filepath.Join(dir, "f"), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	var n atomic.Int32
	for _, tc := range []struct {
		stream string
		same   bool
	}{
		{data, true},
		{data[:len(data)-1], false},
		{data + "0", false},
		{"", false},
		{"x" + data[1:], false},
		{data[:150] + "x" + data[151:], false},
		{data[:len(data)-1] + "x", false},
	} {
		streamed("f", "", tc.stream, &n)
		same, readErr, err := sameStream(root, "f", int64(len(data)), funcsByPath["f"].stream)
		if same != tc.same || readErr != nil || err != nil {
			t.Errorf("stream of %d bytes: same %v, %v, %v; want %v", len(tc.stream), same, readErr, err, tc.same)
		}
	}
	// A file that changed size since it was looked at differs.
	streamed("f", "", data, &n)
	if same, _, _ := sameStream(root, "f", int64(len(data))+5, funcsByPath["f"].stream); same {
		t.Error("a file shorter than its size said compared the same")
	}
}

func TestStreamBytes(t *testing.T) {
	var n atomic.Int32
	w := &writer{maker: testMaker{}}
	f := streamed("a", "", "streamed bytes", &n)
	if b, err := w.bytes(&f); err != nil || string(b) != "streamed bytes" || !w.streamed(&f) {
		t.Errorf("bytes = %q, %v", b, err)
	}
	f = made("a", "", "made", &n)
	if b, _ := w.bytes(&f); string(b) != "made" || w.streamed(&f) {
		t.Errorf("not Large: bytes = %q, streamed %v; want made, not streamed", b, w.streamed(&f))
	}
	f = File{Path: "a", Data: []byte("data"), Large: true}
	if b, _ := w.bytes(&f); string(b) != "data" || w.streamed(&f) {
		t.Errorf("with Data: bytes = %q, streamed %v; want its Data, not streamed", b, w.streamed(&f))
	}
}
