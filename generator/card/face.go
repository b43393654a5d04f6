package card

import (
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// A typeface is a font with a cache of its glyph indices, which measuring
// text looks up for every rune of every size tried.
type typeface struct {
	font  *opentype.Font
	bold  bool
	latin [latinRunes]sfnt.GlyphIndex // read-only after newTypeface
	mu    sync.Mutex
	ix    map[rune]sfnt.GlyphIndex // other runes
	faces sync.Map                 // by size: a *sync.Pool of *sizedFace closed, for reuse
}

// latinRunes is how many runes from U+0000 a typeface looks up ahead.
const latinRunes = 0x250

func newTypeface(f *opentype.Font, bold bool) *typeface {
	t := &typeface{font: f, bold: bold, ix: map[rune]sfnt.GlyphIndex{}}
	var buf sfnt.Buffer
	for r := range rune(latinRunes) {
		if x, err := f.GlyphIndex(&buf, r); err == nil {
			t.latin[r] = x
		}
	}
	return t
}

// index returns the glyph index of r, or 0 if the font has none.
func (t *typeface) index(buf *sfnt.Buffer, r rune) sfnt.GlyphIndex {
	if 0 <= r && r < latinRunes {
		return t.latin[r]
	}
	t.mu.Lock()
	x, ok := t.ix[r]
	t.mu.Unlock()
	if ok {
		return x
	}
	x, err := t.font.GlyphIndex(buf, r)
	if err != nil {
		x = 0
	}
	t.mu.Lock()
	if len(t.ix) < maxGlyphs {
		t.ix[r] = x
	}
	t.mu.Unlock()
	return x
}

// A sizedFace is a typeface at a size, without hinting so that
// measurements scale with the size. It is not safe for concurrent use.
type sizedFace struct {
	font.Face // draws glyphs
	t         *typeface
	size      int
	ppem      fixed.Int26_6
	buf       sfnt.Buffer
	pool      *sync.Pool // where Close puts it
}

// face returns t at size pixels: one closed before, or a new one. A card
// tries several sizes, and each face holds buffers worth reusing.
func face(t *typeface, size int) (*sizedFace, error) {
	pool, ok := t.faces.Load(size)
	if !ok {
		pool, _ = t.faces.LoadOrStore(size, new(sync.Pool))
	}
	if f, ok := pool.(*sync.Pool).Get().(*sizedFace); ok {
		return f, nil
	}
	f, err := opentype.NewFace(t.font, &opentype.FaceOptions{Size: float64(size), DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil, err
	}
	return &sizedFace{Face: f, t: t, size: size, ppem: fixed.I(size), pool: pool.(*sync.Pool)}, nil
}

// Close gives f back to be returned by face again; f must not be used
// after.
func (f *sizedFace) Close() error {
	f.pool.Put(f)
	return nil
}

// GlyphAdvance implements font.Face, as opentype's does but with cached
// glyph indices.
func (f *sizedFace) GlyphAdvance(r rune) (fixed.Int26_6, bool) {
	x := f.t.index(&f.buf, r)
	if x == 0 {
		return 0, false
	}
	adv, err := f.t.font.GlyphAdvance(&f.buf, x, f.ppem, font.HintingNone)
	return adv, err == nil
}

// Kern implements font.Face, as opentype's does but with cached glyph
// indices.
func (f *sizedFace) Kern(r0, r1 rune) fixed.Int26_6 {
	x0, x1 := f.t.index(&f.buf, r0), f.t.index(&f.buf, r1)
	k, err := f.t.font.Kern(&f.buf, x0, x1, f.ppem, font.HintingNone)
	if err != nil {
		return 0
	}
	return k
}

// drawn returns the rune whose glyph text draws for r, r itself or U+FFFD
// if f has no glyph for r, and that glyph's advance.
func (f *sizedFace) drawn(r rune) (rune, fixed.Int26_6) {
	if adv, ok := f.GlyphAdvance(r); ok {
		return r, adv
	}
	adv, _ := f.GlyphAdvance(replacement)
	return replacement, adv
}

// replacement is the rune drawn for runes a font has no glyph for.
const replacement = '\uFFFD'

// advance returns the width of s in f: how far text moves the dot to draw
// it, the advances of the glyphs drawn and the kerning between its runes.
// It is the sum of the advances of any parts s is cut into and the kerning
// between the runes either side of each cut.
func (f *sizedFace) advance(s string) fixed.Int26_6 {
	var w fixed.Int26_6
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 {
			w += f.Kern(prev, r)
		}
		_, adv := f.drawn(r)
		w += adv
		prev = r
	}
	return w
}
