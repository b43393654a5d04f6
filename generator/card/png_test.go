package card

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"slices"
	"testing"

	"golang.org/x/image/math/fixed"
)

// paletted returns a w×h image of 16 colours whose pixels follow pattern.
func paletted(w, h int, pattern func(x, y int) uint8) *image.Paletted {
	pal := blend(nil, color.RGBA{A: 0xff}, color.RGBA{R: 0xff, G: 0x80, B: 0x10, A: 0xff}, 16)
	img := image.NewPaletted(image.Rect(0, 0, w, h), pal)
	for y := range h {
		for x := range w {
			img.SetColorIndex(x, y, pattern(x, y)&0x0f)
		}
	}
	return img
}

// canvasOf returns img's pixels on a canvas.
func canvasOf(img *image.Paletted) *canvas {
	cv := newCanvas(Size{Width: img.Rect.Dx(), Height: img.Rect.Dy()}, img.Palette, nil)
	for y := range cv.height {
		row := cv.row(y)
		for x := range cv.width {
			c := img.ColorIndexAt(img.Rect.Min.X+x, img.Rect.Min.Y+y)
			if x%2 == 0 {
				row[x/2] |= c << 4
			} else {
				row[x/2] |= c
			}
		}
	}
	return cv
}

// roundTrip encodes img with encodePNG, with each scheme's code, decodes
// it with image/png and reports the first pixel that differs.
func roundTrip(t *testing.T, img *image.Paletted) {
	t.Helper()
	for sch, c := range codes() {
		roundTripWith(t, img, c, scheme(sch))
	}
}

func roundTripWith(t *testing.T, img *image.Paletted, c *code, sch scheme) {
	t.Helper()
	got, err := png.Decode(bytes.NewReader(encodePNG(canvasOf(img), c, new(pngBuffers), 0)))
	if err != nil {
		t.Fatalf("scheme %d: decoding: %v", sch, err)
	}
	p, ok := got.(*image.Paletted)
	if !ok {
		t.Fatalf("decoded a %T, want *image.Paletted", got)
	}
	if p.Rect != img.Rect {
		t.Fatalf("bounds %v, want %v", p.Rect, img.Rect)
	}
	for y := img.Rect.Min.Y; y < img.Rect.Max.Y; y++ {
		for x := img.Rect.Min.X; x < img.Rect.Max.X; x++ {
			if a, b := p.ColorIndexAt(x, y), img.ColorIndexAt(x, y); a != b {
				t.Fatalf("pixel (%d,%d) = %d, want %d", x, y, a, b)
			}
		}
	}
	for i, c := range img.Palette {
		if p.Palette[i] != color.Palette(img.Palette).Convert(c) {
			t.Fatalf("palette[%d] = %v, want %v", i, p.Palette[i], c)
		}
	}
}

func TestEncodePNG(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, tc := range []struct {
		name    string
		w, h    int
		pattern func(x, y int) uint8
	}{
		{"flat", 300, 200, func(x, y int) uint8 { return 3 }},
		{"odd width", 301, 7, func(x, y int) uint8 { return uint8(x) }},
		{"one pixel", 1, 1, func(x, y int) uint8 { return 9 }},
		{"stripes", 64, 64, func(x, y int) uint8 { return uint8(y / 3) }},
		{"columns", 600, 40, func(x, y int) uint8 { return uint8(x / 5) }},
		{"noise", 257, 130, func(x, y int) uint8 { return uint8(r.IntN(16)) }},
		{"sparse noise", 1200, 50, func(x, y int) uint8 {
			if r.IntN(50) == 0 {
				return uint8(r.IntN(16))
			}
			return 0
		}},
		{"long runs", 4096, 3, func(x, y int) uint8 { return uint8(x / 700) }},
		{"wide rows", 4096, 20, func(x, y int) uint8 { return uint8((x + y) / 2) }},
		{"rows wider than a copy reaches", 65535, 3, func(x, y int) uint8 { return uint8(x / 7) }},
	} {
		t.Run(tc.name, func(t *testing.T) { roundTrip(t, paletted(tc.w, tc.h, tc.pattern)) })
	}
}

func FuzzEncodePNG(f *testing.F) {
	f.Add(uint16(10), uint16(10), []byte{1, 2, 3})
	f.Add(uint16(1201), uint16(3), []byte{0, 0, 0, 0, 15, 15, 15, 1})
	f.Fuzz(func(t *testing.T, w, h uint16, seed []byte) {
		if w == 0 || h == 0 || int(w)*int(h) > 1<<20 || len(seed) == 0 {
			return
		}
		roundTrip(t, paletted(int(w), int(h), func(x, y int) uint8 { return seed[(x+y*int(w)/3)%len(seed)] }))
	})
}

func BenchmarkEncodePNG(b *testing.B) {
	p := newPainter(b)
	l, _ := newLayout(Wide())
	pal, onBackground, _, _ := palette(DefaultTheme().Background, DefaultTheme().Primary)
	cv := p.canvas(Wide(), pal)
	cv.fill(0, 630, onBackground.index[0])
	f, err := face(p.bold, l.maxSize)
	if err != nil {
		b.Fatal(err)
	}
	p.text(cv, f, onBackground, "How long should I wait", fixed.P(l.box.Min.X, 300))
	b.ReportAllocs()
	var scratch pngBuffers
	var n int
	for b.Loop() {
		n = len(encodePNG(cv, codes()[oneRamp], &scratch, 0))
	}
	b.ReportMetric(float64(n), "B/card")
}

func TestMatchLen(t *testing.T) {
	a := []byte("abcdefghijklmnopqrstuvwxyz")
	for i := 0; i <= len(a); i++ {
		b := slices.Clone(a)
		if i < len(b) {
			b[i] = '!'
		}
		if got := matchLen(a, b); got != i {
			t.Errorf("difference at %d: matchLen = %d", i, got)
		}
		if got := matchLen(a[:i], a); got != i {
			t.Errorf("matchLen of a prefix of %d = %d", i, got)
		}
	}
	run := []byte("xaaaaaaaaaaaaaaaaaaaaab")
	if got := matchLen(run[2:], run[1:]); got != 20 {
		t.Errorf("run of a = %d, want 20", got)
	}
}

// TestCanvas checks that fill sets whole rows, the low half of an odd
// row's last byte left 0, and at reads the pixels back.
func TestCanvas(t *testing.T) {
	for _, w := range []int{1, 2, 7, 8, 1201} {
		cv := newCanvas(Size{Width: w, Height: 5}, nil, make([]byte, 3)) // too small: a new buffer
		cv.fill(0, 5, 3)
		cv.fill(1, 4, 12)
		cv.fill(2, 2, 7) // no rows
		for y := range 5 {
			want := uint8(3)
			if y >= 1 && y < 4 {
				want = 12
			}
			if f := cv.pix[y*cv.stride]; f != 0 {
				t.Fatalf("width %d: row %d's filter byte is %d", w, y, f)
			}
			for x := range w {
				if got := cv.at(x, y); got != want {
					t.Fatalf("width %d: pixel (%d,%d) = %d, want %d", w, x, y, got, want)
				}
			}
			if last := cv.row(y)[len(cv.row(y))-1]; w%2 == 1 && last&0x0f != 0 {
				t.Fatalf("width %d: row %d ends with %#x", w, y, last)
			}
		}
	}
}

func TestDistCode(t *testing.T) {
	for dist := 1; dist <= maxDistance; dist++ {
		d := distCode(dist)
		if d < 0 || d >= len(distBase) || distBase[d] > dist || d+1 < len(distBase) && distBase[d+1] <= dist {
			t.Fatalf("distCode(%d) = %d", dist, d)
		}
	}
}
