package card

import (
	"encoding/binary"
	"image/color"
	"sync"
)

// A shade draws text of one colour on one ground: index[l] is the palette
// index of a pixel the text covers to level l of len(index)-1 (0 is the
// bare ground), and level maps a palette index back to its level, for
// pixels two glyphs touch.
type shade struct {
	index []uint8
	level [256]uint8
	quant [256]uint8 // the level of each coverage 0 to 255
	// covered[c][a] is cover(c, a) for every palette index c and coverage
	// a but 0, which leaves c as it is: the shade draws a pixel with one
	// look-up.
	covered [16][256]uint8
}

// shades returns the four shades palette gives: of 16 levels, one way and
// the other, and of 8, from index 0 and from index 8. They are made once
// and do not change.
var shades = sync.OnceValue(func() [4]*shade {
	return [4]*shade{newShade(0, 16, false), newShade(0, 16, true), newShade(0, 8, false), newShade(8, 8, false)}
})

// palette returns the palette of a card drawn in primary and background,
// and the shades of its question (on background) and of its practice name
// (on primary), in the text colours textColour picks.
//
// The palette holds at most 16 colours. When the question is in primary
// and the name in background, as with most themes, both texts blend
// between the same two colours and share 16 levels of coverage; otherwise
// each has 8. The scheme says which.
func palette(background, primary color.RGBA) (color.Palette, *shade, *shade, scheme) {
	question, name := textColour(background, primary), textColour(primary, background)
	sh := shades()
	if question == primary && name == background {
		pal := blend(nil, background, primary, 16)
		return pal, sh[0], sh[1], oneRamp
	}
	pal := blend(nil, background, question, 8)
	pal = blend(pal, primary, name, 8)
	return pal, sh[2], sh[3], twoRamps
}

// blend appends n colours from a to b, both included, to pal.
func blend(pal color.Palette, a, b color.RGBA, n int) color.Palette {
	mix := func(x, y uint8, i int) uint8 {
		return uint8((int(x)*(n-1-i) + int(y)*i + (n-1)/2) / (n - 1))
	}
	for i := range n {
		pal = append(pal, color.RGBA{R: mix(a.R, b.R, i), G: mix(a.G, b.G, i), B: mix(a.B, b.B, i), A: 0xff})
	}
	return pal
}

// newShade returns the shade of n palette entries from first, in reverse
// order when reversed.
func newShade(first, n int, reversed bool) *shade {
	s := &shade{index: make([]uint8, n)}
	for l := range n {
		i := first + l
		if reversed {
			i = first + n - 1 - l
		}
		s.index[l] = uint8(i)
		s.level[i] = uint8(l)
	}
	for a := range s.quant {
		s.quant[a] = uint8((a*(n-1) + 127) / 255)
	}
	for c := range s.covered {
		s.covered[c][0] = uint8(c)
		for a := 1; a < 256; a++ {
			s.covered[c][a] = s.cover(uint8(c), uint8(a))
		}
	}
	return s
}

// cover returns the palette index of a pixel now at index dst that text
// covers by alpha a (0 to 255): the stronger of the two coverages.
func (s *shade) cover(dst, a uint8) uint8 {
	l := int(s.quant[a])
	if old := int(s.level[dst]); old > l && s.index[old] == dst {
		return dst
	}
	return s.index[l]
}

// row draws coverage src onto the pixels of dst, a canvas's row (see
// [canvas]), from pixel x on, as cover does each pixel: eight at a time,
// four whole bytes, where they are all bare or all covered, as a glyph at
// a card's sizes mostly is.
func (s *shade) row(dst []byte, x int, src []uint8) {
	full := uint32(s.index[len(s.index)-1]) * 0x11111111 // cover(_, 255), whatever is there
	i := 0
	if x%2 == 1 && len(src) > 0 {
		s.set(dst, x, src[0])
		i++
	}
	for ; i+8 <= len(src); i += 8 {
		switch binary.LittleEndian.Uint64(src[i:]) {
		case 0:
			continue
		case ^uint64(0):
			binary.LittleEndian.PutUint32(dst[(x+i)/2:], full)
			continue
		}
		// Two pixels a byte, as x+i is even.
		for j := i; j < i+8; j += 2 {
			s.pair(dst, x+j, src[j], src[j+1])
		}
	}
	for ; i+2 <= len(src); i += 2 {
		s.pair(dst, x+i, src[i], src[i+1])
	}
	if i < len(src) {
		s.set(dst, x+i, src[i])
	}
}

// pair draws coverages a0 and a1 onto the pixels x, which is even, and
// x+1 of dst, a canvas's row, as cover does.
func (s *shade) pair(dst []byte, x int, a0, a1 uint8) {
	if a0|a1 == 0 {
		return
	}
	b := &dst[x/2]
	*b = s.covered[*b>>4][a0]<<4 | s.covered[*b&0x0f][a1]
}

// set draws coverage a onto pixel x of dst, a canvas's row, as cover does.
func (s *shade) set(dst []byte, x int, a uint8) {
	if a == 0 {
		return
	}
	b := &dst[x/2]
	if x%2 == 0 {
		*b = s.covered[*b>>4][a]<<4 | *b&0x0f
	} else {
		*b = *b&0xf0 | s.covered[*b&0x0f][a]
	}
}
