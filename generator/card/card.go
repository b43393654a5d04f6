// Package card draws an entry's share cards: the question in large type on
// the practice's colours, with the practice's name, as PNG images for Open
// Graph, X, Facebook, LinkedIn (1200×630) and Instagram (1080×1080).
//
// Cards are drawn with the Go fonts embedded in golang.org/x/image, so
// drawing needs neither the network nor system fonts, and the same input
// always gives the same bytes.
package card

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// MaxRunes is the number of runes of a question or practice name that Draw
// considers; the rest is ignored.
const MaxRunes = 500

// MaxLines is the largest number of lines a question is wrapped into.
const MaxLines = 5

// MinContrast is the smallest contrast ratio Draw accepts between text and
// what it is drawn on: WCAG 2.1 level AA for normal text.
const MinContrast = 4.5

// Limits on a card's width and height, in pixels.
const (
	MinSide = 200
	MaxSide = 4096
)

// A Theme is a card's colours. Alpha is ignored: both colours are drawn
// opaque.
type Theme struct{ Primary, Background color.RGBA }

// DefaultTheme is faqcast's: #0b5cad on #ffffff.
func DefaultTheme() Theme {
	return Theme{
		Primary:    color.RGBA{R: 0x0b, G: 0x5c, B: 0xad, A: 0xff},
		Background: color.RGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff},
	}
}

// Size is a card's size in pixels.
type Size struct{ Width, Height int }

// Wide is the size of Open Graph, X, Facebook and LinkedIn cards: 1200×630.
func Wide() Size { return Size{Width: 1200, Height: 630} }

// Square is the size of Instagram cards: 1080×1080.
func Square() Size { return Size{Width: 1080, Height: 1080} }

// A Painter draws cards. It is safe for concurrent use.
type Painter struct {
	bold, regular *typeface
	glyphs        glyphCache
	pixels        sync.Pool // *[]uint8, a canvas's pixels
	streams       sync.Pool // *pngBuffers, to compress a canvas with
}

// New returns a Painter using the embedded Go Bold and Go Regular fonts.
func New() (*Painter, error) {
	bold, err := opentype.Parse(gobold.TTF)
	if err != nil {
		return nil, fmt.Errorf("card: parsing Go Bold: %w", err)
	}
	regular, err := opentype.Parse(goregular.TTF)
	if err != nil {
		return nil, fmt.Errorf("card: parsing Go Regular: %w", err)
	}
	return &Painter{bold: newTypeface(bold, true), regular: newTypeface(regular, false)}, nil
}

// layout is where a card's parts go, in pixels.
type layout struct {
	band     int             // height of the Primary band at the top
	footer   int             // height of the Primary footer holding the practice name
	margin   int             // horizontal margin, and the gap around the question box
	box      image.Rectangle // where the question goes
	maxSize  int             // largest question font size
	minSize  int             // smallest question font size
	nameSize int             // largest practice name font size
	nameMin  int             // smallest practice name font size
}

func newLayout(size Size) (layout, error) {
	if size.Width < MinSide || size.Width > MaxSide || size.Height < MinSide || size.Height > MaxSide {
		return layout{}, fmt.Errorf("card: size %d×%d outside %d to %d pixels a side",
			size.Width, size.Height, MinSide, MaxSide)
	}
	short := min(size.Width, size.Height)
	l := layout{
		band:    max(size.Height/40, 4),
		footer:  short * 3 / 20,
		margin:  short / 9,
		maxSize: short / 8,
		minSize: max(short/16, 8),
	}
	l.nameSize = max(l.footer*2/5, 8)
	// Cards are shown about as wide as each other whatever their size, so
	// a name that keeps to a fiftieth of the card's width reads alike on
	// all of them.
	l.nameMin = min(max(size.Width/50, 8), l.nameSize)
	l.box = image.Rect(l.margin, l.band+l.margin*2/3, size.Width-l.margin, size.Height-l.footer-l.margin*2/3)
	if l.box.Dx() <= 0 || l.box.Dy() < lineHeight(l.minSize) {
		return layout{}, fmt.Errorf("card: size %d×%d too narrow for text", size.Width, size.Height)
	}
	return l, nil
}

// lineHeight is the distance between baselines at a font size.
func lineHeight(size int) int { return (size*5 + 3) / 4 }

// Draw draws the card of a question for a practice as PNG bytes.
//
// The card has a Background field between a thin Primary band at the top
// and a Primary footer. The question is wrapped into at most MaxLines lines
// of bold type, at the largest size at which it fits with every word whole.
// Only at the smallest size is a word too wide for a line broken, with a
// hyphen at the end of each line it is broken across; if the question does
// not fit even then, it is cut and ends with "…". The practice name is set
// on one line of regular type in the footer, made smaller to fit, down to a
// fiftieth of the card's width; if it does not fit at that size, it is cut
// at a word boundary and ends with "…". No text is wider than the card less
// its margins. Each text is drawn in the first of the theme's other colour,
// black and white whose contrast ratio against what it is drawn on is at
// least MinContrast. Only the first MaxRunes runes of each string are used.
// The same arguments always give the same bytes.
//
// A card has at most 16 colours (see [palette]), so it is encoded as a
// 4-bit paletted PNG: small, and quick to compress. A tEXt chunk with the
// keyword "faqcast" records the card's [Recipe] and a digest of the rest,
// which [Drawn] checks.
func (p *Painter) Draw(question, practice string, theme Theme, size Size) ([]byte, error) {
	cv, sch, err := p.paint(question, practice, theme, size)
	if err != nil {
		return nil, err
	}
	defer p.pixels.Put(&cv.pix)
	scratch, _ := p.streams.Get().(*pngBuffers)
	if scratch == nil {
		scratch = new(pngBuffers)
	}
	// With room for the tEXt chunk sign puts before IEND.
	png := encodePNG(cv, codes()[sch], scratch, tailLen-12)
	p.streams.Put(scratch)
	return sign(png, Recipe(question, practice, theme, size)), nil
}

// paint returns the pixels of the card Draw makes of its arguments, and
// the scheme of their palette. The caller puts the pixels back in
// p.pixels when done.
func (p *Painter) paint(question, practice string, theme Theme, size Size) (*canvas, scheme, error) {
	c, err := p.compose(question, practice, size)
	if err != nil {
		return nil, 0, err
	}
	// The faces first: a card that cannot be drawn takes no pixels.
	var qf, nf *sizedFace
	if len(c.question.lines) > 0 {
		if qf, err = face(p.bold, c.question.size); err != nil {
			return nil, 0, fmt.Errorf("card: %w", err)
		}
		defer qf.Close()
	}
	if len(c.name.lines) > 0 {
		if nf, err = face(p.regular, c.name.size); err != nil {
			return nil, 0, fmt.Errorf("card: %w", err)
		}
		defer nf.Close()
	}

	l := c.layout
	primary, background := opaque(theme.Primary), opaque(theme.Background)
	pal, onBackground, onPrimary, sch := palette(background, primary)
	cv := p.canvas(size, pal)
	cv.fill(0, size.Height, onBackground.index[0])
	cv.fill(0, l.band, onPrimary.index[0])
	cv.fill(size.Height-l.footer, size.Height, onPrimary.index[0])
	if q := c.question; qf != nil {
		lh := lineHeight(q.size)
		top := l.box.Min.Y + (l.box.Dy()-lh*len(q.lines))/2
		for i, line := range q.lines {
			p.text(cv, qf, onBackground, line, fixed.P(l.box.Min.X, top+i*lh+baseline(qf, lh)))
		}
	}
	if nf != nil {
		p.text(cv, nf, onPrimary, c.name.lines[0], fixed.P(l.box.Min.X, size.Height-l.footer+baseline(nf, l.footer)))
	}
	return cv, sch, nil
}

// canvas returns a canvas of size and pal, its pixels taken from p.pixels
// when it holds a buffer; Draw returns the buffer when done.
func (p *Painter) canvas(size Size, pal color.Palette) *canvas {
	var pix []byte
	if b, ok := p.pixels.Get().(*[]uint8); ok {
		pix = *b
	}
	return newCanvas(size, pal, pix)
}

// baseline returns the offset of the baseline from the top of a box of
// height h in which a line of f is centred.
func baseline(f font.Face, h int) int {
	m := f.Metrics()
	asc, desc := m.Ascent.Ceil(), m.Descent.Ceil()
	return (h-asc-desc)/2 + asc
}

func opaque(c color.RGBA) color.RGBA {
	c.A = 0xff
	return c
}

// textColour returns the colour for text on bg: preferred, black or white,
// the first whose contrast with bg is at least MinContrast. One of black and
// white always is.
func textColour(bg, preferred color.RGBA) color.RGBA {
	black := color.RGBA{A: 0xff}
	white := color.RGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	for _, c := range []color.RGBA{opaque(preferred), black, white} {
		if Contrast(c, bg) >= MinContrast {
			return c
		}
	}
	if Contrast(black, bg) >= Contrast(white, bg) {
		return black
	}
	return white
}

// Contrast returns the WCAG 2.1 contrast ratio of two colours (1 to 21).
// Alpha is ignored.
func Contrast(a, b color.RGBA) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// luminance returns the WCAG 2.1 relative luminance of c.
func luminance(c color.RGBA) float64 {
	return 0.2126*linear(c.R) + 0.7152*linear(c.G) + 0.0722*linear(c.B)
}

func linear(v uint8) float64 {
	s := float64(v) / 255
	if s <= 0.04045 {
		return s / 12.92
	}
	return math.Pow((s+0.055)/1.055, 2.4)
}

// ParseHex parses "#0b5cad" or "#fff" into an opaque colour. Letters may be
// of either case.
func ParseHex(s string) (color.RGBA, error) {
	if len(s) != 4 && len(s) != 7 || s[0] != '#' {
		return color.RGBA{}, fmt.Errorf("card: colour %q is not #rgb or #rrggbb", s)
	}
	var v [6]uint8
	digits := s[1:]
	for i := 0; i < len(digits); i++ {
		d, ok := hexDigit(digits[i])
		if !ok {
			return color.RGBA{}, fmt.Errorf("card: colour %q has a bad hex digit", s)
		}
		v[i] = d
	}
	if len(digits) == 3 {
		return color.RGBA{R: v[0] * 17, G: v[1] * 17, B: v[2] * 17, A: 0xff}, nil
	}
	return color.RGBA{R: v[0]<<4 | v[1], G: v[2]<<4 | v[3], B: v[4]<<4 | v[5], A: 0xff}, nil
}

func hexDigit(c byte) (uint8, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
