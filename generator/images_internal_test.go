package generator

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestImageFilesReadOnce checks that a build reads again only the image
// files whose stamps changed, or are too recent to trust.
func TestImageFilesReadOnce(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "room.png")
	put := func(w, h int) {
		var b bytes.Buffer
		if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	later := time.Now().Add(time.Hour) // every stamp taken now is settled then
	c := &imageCache{now: func() time.Time { return later }}
	build := func() int {
		c.begin()
		defer c.end()
		img, err := c.file(name)
		if err != nil {
			t.Fatal(err)
		}
		return img.Width
	}
	put(40, 30)
	for i, want := range []struct{ width, reads int64 }{{40, 1}, {40, 1}, {40, 1}} {
		if w := build(); int64(w) != want.width || c.read.Load() != want.reads {
			t.Fatalf("build %d: width %d after %d reads, want %d after %d", i, w, c.read.Load(), want.width, want.reads)
		}
	}
	put(60, 45) // a new picture in the same file: read again
	if w := build(); w != 60 || c.read.Load() != 2 {
		t.Fatalf("after a change: width %d after %d reads", w, c.read.Load())
	}
	c.now = time.Now // a stamp too recent to trust: read every time
	build()
	build()
	if c.read.Load() != 4 {
		t.Fatalf("recent stamps: %d reads, want 4", c.read.Load())
	}
}
