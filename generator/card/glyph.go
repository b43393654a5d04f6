package card

import (
	"bytes"
	"encoding/binary"
	"image"
	"sync"

	"golang.org/x/image/math/fixed"
)

// subpixels is how many horizontal positions within a pixel a glyph is
// drawn at. Glyphs are cached per position, so their placement is accurate
// to a quarter of a pixel.
const subpixels = 4

type glyphKey struct {
	bold  bool
	size  int
	r     rune
	sub   int    // the dot's fraction of a pixel, in 1/subpixels
	shade *shade // what it is drawn in
}

// A glyph is a rasterised glyph in one shade: its coverage, placed
// relative to the dot, and its pixels as they are on bare ground.
type glyph struct {
	rect image.Rectangle // relative to the dot's pixel
	mask []uint8         // rect.Dx() bytes a row
	// spans holds, for each row, the columns from its first covered pixel
	// to past its last, which are all text draws of the row.
	spans [][2]int32
	// shade is what the glyph is drawn in.
	shade *shade
	// bare holds the glyph's rows drawn on the shade's bare ground, as a
	// canvas's rows hold them (see [canvas]): bare[q] for a glyph whose
	// first column is a byte's low half when q is 1 and its high half when
	// q is 0, each row (rect.Dx()+q+1)/2 bytes.
	bare [2][]byte
}

// newGlyph returns the glyph of rect and mask in sh, finding its spans
// and drawing it on bare ground.
func newGlyph(rect image.Rectangle, mask []uint8, sh *shade) *glyph {
	w := rect.Dx()
	g := &glyph{rect: rect, mask: mask, spans: make([][2]int32, rect.Dy()), shade: sh}
	for y := range g.spans {
		row := mask[y*w : (y+1)*w]
		lo, hi := 0, w
		for lo < hi && row[lo] == 0 {
			lo++
		}
		for hi > lo && row[hi-1] == 0 {
			hi--
		}
		g.spans[y] = [2]int32{int32(lo), int32(hi)}
	}
	// The shade draws each row on bare ground, as it would on a canvas.
	ground := sh.index[0]<<4 | sh.index[0]
	for q := range g.bare {
		n := (w + q + 1) / 2
		bare := bytes.Repeat([]byte{ground}, n*len(g.spans))
		for y := range g.spans {
			sh.row(bare[y*n:(y+1)*n], q, mask[y*w:(y+1)*w])
		}
		g.bare[q] = bare
	}
	return g
}

// draw draws row y of g, whose first column is at pixel x of dst, a
// canvas's row, wholly inside it, in g's shade.
func (g *glyph) draw(dst []byte, x, y int) {
	sh := g.shade
	span := g.spans[y]
	lo, hi := int(span[0]), int(span[1])
	if lo >= hi {
		return
	}
	// The bytes from the one of column lo to the one of column hi-1:
	// where they all hold bare ground, as they mostly do, the glyph's row
	// on bare ground is what cover makes of them.
	q := x % 2
	n := (g.rect.Dx() + q + 1) / 2
	b0, b1 := (lo+q)/2, (hi-1+q)/2+1
	out := dst[(x-q)/2+b0 : (x-q)/2+b1]
	if bare(out, sh.index[0]) {
		copy(out, g.bare[q][y*n+b0:y*n+b1])
		return
	}
	g.drawPart(dst, x, y, x+lo, x+hi)
}

// drawPart draws, in g's shade, the pixels x0 up to x1 of dst, a canvas's
// row, that row y of g covers, its first column at pixel x.
func (g *glyph) drawPart(dst []byte, x, y, x0, x1 int) {
	span := g.spans[y]
	x0, x1 = max(x0, x+int(span[0])), min(x1, x+int(span[1]))
	if x0 >= x1 {
		return
	}
	m := y*g.rect.Dx() + x0 - x
	g.shade.row(dst, x0, g.mask[m:m+x1-x0])
}

// bare reports whether every pixel of b, a canvas's bytes, has index c.
func bare(b []byte, c uint8) bool {
	pair := c<<4 | c
	all := uint64(pair) * 0x0101010101010101
	i := 0
	for ; i+8 <= len(b); i += 8 {
		if binary.LittleEndian.Uint64(b[i:]) != all {
			return false
		}
	}
	for ; i < len(b); i++ {
		if b[i] != pair {
			return false
		}
	}
	return true
}

// glyphCache holds rasterised glyphs, which cards share: most questions are
// drawn at a few sizes from a small alphabet.
type glyphCache struct {
	mu sync.Mutex
	m  map[glyphKey]*glyph
}

// maxGlyphs bounds the cache; past it, glyphs are drawn without caching.
const maxGlyphs = 4096

// get returns the glyph for r drawn by f in sh at a dot whose fractional
// pixel is sub/subpixels, or nil if the face has none.
func (c *glyphCache) get(f *sizedFace, sh *shade, r rune, sub int) *glyph {
	key := glyphKey{bold: f.t.bold, size: f.size, r: r, sub: sub, shade: sh}
	c.mu.Lock()
	g, ok := c.m[key]
	c.mu.Unlock()
	if ok {
		return g
	}
	dot := fixed.Point26_6{X: fixed.Int26_6(sub * 64 / subpixels)}
	dr, mask, mp, _, ok := f.Glyph(dot, r)
	if ok {
		m := make([]uint8, dr.Dx()*dr.Dy())
		for y := 0; y < dr.Dy(); y++ {
			for x := 0; x < dr.Dx(); x++ {
				_, _, _, a := mask.At(mp.X+x, mp.Y+y).RGBA()
				m[y*dr.Dx()+x] = uint8(a >> 8)
			}
		}
		g = newGlyph(dr, m, sh)
	}
	c.mu.Lock()
	if c.m == nil {
		c.m = map[glyphKey]*glyph{}
	}
	if len(c.m) < maxGlyphs {
		c.m[key] = g
	}
	c.mu.Unlock()
	return g
}

// text draws s in f and shade sh on cv, starting at dot on the baseline,
// and returns how far it moved the dot: f.advance(s). Pixels outside cv
// are clipped.
func (p *Painter) text(cv *canvas, f *sizedFace, sh *shade, s string, dot fixed.Point26_6) fixed.Int26_6 {
	start := dot.X
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 {
			dot.X += f.Kern(prev, r)
		}
		prev = r
		drawn, adv := f.drawn(r)
		// Place the glyph at the dot rounded to a quarter pixel.
		q := (dot.X + 64/subpixels/2) / (64 / subpixels)
		px, sub := int(q)/subpixels, int(q)%subpixels
		if q < 0 {
			px, sub = (int(q)-subpixels+1)/subpixels, ((int(q)%subpixels)+subpixels)%subpixels
		}
		if g := p.glyphs.get(f, sh, drawn, sub); g != nil {
			at := g.rect.Add(image.Pt(px, dot.Y.Floor()))
			clip := at.Intersect(image.Rect(0, 0, cv.width, cv.height))
			for y := clip.Min.Y; y < clip.Max.Y; y++ {
				if clip == at {
					g.draw(cv.row(y), at.Min.X, y-at.Min.Y)
				} else {
					g.drawPart(cv.row(y), at.Min.X, y-at.Min.Y, clip.Min.X, clip.Max.X)
				}
			}
		}
		dot.X += adv
	}
	return dot.X - start
}
