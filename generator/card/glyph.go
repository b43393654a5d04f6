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
		g = &glyph{rect: dr, mask: make([]uint8, dr.Dx()*dr.Dy())}
		for y := 0; y < dr.Dy(); y++ {
			for x := 0; x < dr.Dx(); x++ {
				_, _, _, a := mask.At(mp.X+x, mp.Y+y).RGBA()
				g.mask[y*dr.Dx()+x] = uint8(a >> 8)
			}
		}
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

// text draws s in f and shade sh on img, starting at dot on the baseline,
// and returns how far it moved the dot: f.advance(s). Pixels outside img
// are clipped.
func (p *Painter) text(img *image.Paletted, f *sizedFace, sh shade, s string, dot fixed.Point26_6) fixed.Int26_6 {
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
			clip := at.Intersect(img.Rect)
			w := g.rect.Dx()
			for y := clip.Min.Y; y < clip.Max.Y; y++ {
				src := g.mask[(y-at.Min.Y)*w:]
				row := img.Pix[y*img.Stride:]
				for x := clip.Min.X; x < clip.Max.X; x++ {
					if a := src[x-at.Min.X]; a != 0 {
						row[x] = sh.cover(row[x], a)
					}
				}
			}
		}
		dot.X += adv
	}
	return dot.X - start
}
