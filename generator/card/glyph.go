package card

import (
	"image"
	"sync"

	"golang.org/x/image/math/fixed"
)

// subpixels is how many horizontal positions within a pixel a glyph is
// drawn at. Glyphs are cached per position, so their placement is accurate
// to a quarter of a pixel.
const subpixels = 4

type glyphKey struct {
	bold bool
	size int
	r    rune
	sub  int // the dot's fraction of a pixel, in 1/subpixels
}

// A glyph is a rasterised glyph: its coverage, placed relative to the dot.
type glyph struct {
	rect image.Rectangle // relative to the dot's pixel
	mask []uint8         // rect.Dx() bytes a row
	// spans holds, for each row, the columns from its first covered pixel
	// to past its last, which are all text draws of the row.
	spans [][2]int32
}

// newGlyph returns the glyph of rect and mask, finding its spans.
func newGlyph(rect image.Rectangle, mask []uint8) *glyph {
	w := rect.Dx()
	g := &glyph{rect: rect, mask: mask, spans: make([][2]int32, rect.Dy())}
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
	return g
}

// glyphCache holds rasterised glyphs, which cards share: most questions are
// drawn at a few sizes from a small alphabet.
type glyphCache struct {
	mu sync.Mutex
	m  map[glyphKey]*glyph
}

// maxGlyphs bounds the cache; past it, glyphs are drawn without caching.
const maxGlyphs = 4096

// get returns the glyph for r drawn by f at a dot whose fractional pixel is
// sub/subpixels, or nil if the face has none.
func (c *glyphCache) get(f *sizedFace, r rune, sub int) *glyph {
	key := glyphKey{bold: f.t.bold, size: f.size, r: r, sub: sub}
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
		g = newGlyph(dr, m)
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
		if g := p.glyphs.get(f, drawn, sub); g != nil {
			at := g.rect.Add(image.Pt(px, dot.Y.Floor()))
			clip := at.Intersect(image.Rect(0, 0, cv.width, cv.height))
			w := g.rect.Dx()
			for y := clip.Min.Y; y < clip.Max.Y; y++ {
				span := g.spans[y-at.Min.Y]
				x0 := max(clip.Min.X, at.Min.X+int(span[0]))
				x1 := min(clip.Max.X, at.Min.X+int(span[1]))
				if x0 >= x1 {
					continue
				}
				m := (y-at.Min.Y)*w + x0 - at.Min.X
				sh.row(cv.row(y), x0, g.mask[m:m+x1-x0])
			}
		}
		dot.X += adv
	}
	return dot.X - start
}
