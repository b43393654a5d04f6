package card

import (
	"bytes"
	"image"
	"math/rand/v2"
	"testing"
)

// TestGlyphDraw checks that a glyph's rows, drawn from its rows on bare
// ground where they can be, are what the shade draws of its coverage: on
// bare ground and on ground other glyphs have drawn on, at either parity,
// up to an odd row's last pixel.
func TestGlyphDraw(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	shades := shades()
	for try := range 3000 {
		sh := shades[try%len(shades)]
		w, h := 1+rng.IntN(40), 1+rng.IntN(6)
		mask := make([]uint8, w*h)
		for i := range mask {
			mask[i] = randomCoverage(rng)
		}
		if rng.IntN(3) == 0 {
			// A row with no coverage, and one covered only inside.
			clear(mask[:w])
			if h > 1 {
				mask[w], mask[2*w-1] = 0, 0
			}
		}
		g := newGlyph(image.Rect(0, 0, w, h), mask, sh)
		width := w + rng.IntN(5)
		x := width - w
		if rng.IntN(2) == 0 {
			x = rng.IntN(width - w + 1)
		}
		cv := newCanvas(Size{Width: width, Height: h}, nil, nil)
		cv.fill(0, h, sh.index[0])
		if rng.IntN(2) == 0 {
			// Another glyph's pixels here and there.
			for range 1 + rng.IntN(4) {
				px, y := rng.IntN(width), rng.IntN(h)
				sh.row(cv.row(y), px, []uint8{uint8(1 + rng.IntN(255))})
			}
		}
		want := bytes.Clone(cv.pix)
		wantCV := &canvas{pix: want, width: width, height: h, stride: cv.stride}
		for y := range h {
			lo, hi := int(g.spans[y][0]), int(g.spans[y][1])
			if lo < hi {
				sh.row(wantCV.row(y), x+lo, mask[y*w+lo:y*w+hi])
			}
			g.draw(cv.row(y), x, y)
		}
		if !bytes.Equal(cv.pix, want) {
			t.Fatalf("glyph %dx%d at %d of %d:\n got %x\nwant %x", w, h, x, width, cv.pix, want)
		}
	}
}
