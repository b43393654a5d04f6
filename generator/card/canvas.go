package card

import "image/color"

// A canvas is a card's pixels as its PNG's rows hold them: each row a
// filter byte (0, none) and then its pixels' 4-bit palette indices, two a
// byte, the first in the high half (the low half of an odd row's last byte
// is 0). The encoder compresses the rows as they are, with nothing to pack
// and half the bytes to compare.
type canvas struct {
	pix           []byte
	width, height int
	stride        int // bytes a row: 1 + (width+1)/2
	palette       color.Palette
}

// newCanvas returns a canvas of size and pal, in pix's memory if its
// capacity is enough.
func newCanvas(size Size, pal color.Palette, pix []byte) *canvas {
	stride := 1 + (size.Width+1)/2
	n := stride * size.Height
	if cap(pix) < n {
		pix = make([]byte, n)
	}
	return &canvas{pix: pix[:n], width: size.Width, height: size.Height, stride: stride, palette: pal}
}

// row returns row y's pixels, without its filter byte.
func (cv *canvas) row(y int) []byte { return cv.pix[y*cv.stride+1 : (y+1)*cv.stride] }

// at returns the palette index of pixel (x, y).
func (cv *canvas) at(x, y int) uint8 {
	b := cv.row(y)[x/2]
	if x%2 == 0 {
		return b >> 4
	}
	return b & 0x0f
}

// fill sets rows y0 to y1 (exclusive) to colour index c.
func (cv *canvas) fill(y0, y1 int, c uint8) {
	if y0 >= y1 {
		return
	}
	first := cv.pix[y0*cv.stride : (y0+1)*cv.stride]
	first[0] = 0
	pair := c<<4 | c
	for i := 1; i < len(first); i++ {
		first[i] = pair
	}
	if cv.width%2 == 1 {
		first[len(first)-1] = c << 4
	}
	rows := cv.pix[y0*cv.stride : y1*cv.stride]
	for n := cv.stride; n < len(rows); n *= 2 {
		copy(rows[n:], rows[:n])
	}
}
