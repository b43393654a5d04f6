package output

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"testing"
)

// scribbler is a Maker and a Releaser that makes each file's bytes anew,
// and on release records the path and overwrites the bytes, as a Maker
// that reuses them for the next file would: a Write that used bytes after
// handing them back would write the scribble.
type scribbler struct {
	version  string
	mu       sync.Mutex
	released []string
}

func (s *scribbler) Make(f *File) ([]byte, error) { return []byte(s.version + " " + f.Path), nil }
func (*scribbler) Stream(f *File, w io.Writer) error {
	_, err := io.WriteString(w, "streamed "+f.Path)
	return err
}
func (*scribbler) Same(*File, []byte) bool { return false }
func (s *scribbler) Release(f *File, data []byte) {
	for i := range data {
		data[i] = 'X'
	}
	s.mu.Lock()
	s.released = append(s.released, f.Path)
	s.mu.Unlock()
}

// TestRelease checks that Write hands a Releaser back the bytes Make
// made once they are written, only those, and uses none of them after:
// made files into new folders, into folders that exist and written
// together, and files with Data of their own, which are never handed
// back.
func TestRelease(t *testing.T) {
	ctx := context.Background()
	dir := dest(t)
	var files []File
	for i := range 3 {
		files = append(files, File{Path: fmt.Sprintf("faq/q%d/index.html", i), Key: "k"})
	}
	files = append(files, File{Path: "index.html", Key: "k"}, File{Path: "style.css", Data: []byte("own data")},
		File{Path: "social/publish/queue.json", Key: "k"})
	w := &Writer{Dir: dir, Together: []string{"social/publish"}}
	// Into new folders, then over the files written (another key).
	for _, version := range []string{"made", "again"} {
		s := &scribbler{version: version}
		for i := range files {
			if files[i].Data == nil {
				files[i].Key = version
			}
		}
		if _, err := w.Write(ctx, files, s); err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if f.Data == nil {
				if got := read(t, dir, f.Path); got != version+" "+f.Path {
					t.Errorf("%s: %s holds %q, want the bytes made", version, f.Path, got)
				}
			}
		}
		if got := read(t, dir, "style.css"); got != "own data" {
			t.Errorf("%s: style.css holds %q", version, got)
		}
		if strings.Contains(strings.Join(s.released, " "), "style.css") {
			t.Errorf("%s: a file's own Data was handed back", version)
		}
		if version == "made" {
			// Every file made into a new folder is handed back.
			var want []string
			for _, f := range files {
				if f.Data == nil {
					want = append(want, f.Path)
				}
			}
			slices.Sort(want)
			slices.Sort(s.released)
			if !slices.Equal(s.released, want) {
				t.Errorf("released %q, want %q", s.released, want)
			}
		}
	}
}
