package card

import (
	"encoding/binary"
	"image/color"
)

// A shade draws text of one colour on one ground: index[l] is the palette
// index of a pixel the text covers to level l of len(index)-1 (0 is the
// bare ground), and level maps a palette index back to its level, for
// pixels two glyphs touch.
type shade struct {
	index []uint8
	level [256]uint8
	quant [256]uint8 // the level of each coverage 0 to 255
}

// palette returns the palette of a card drawn in primary and background,
// and the shades of its question (on background) and of its practice name
// (on primary), in the text colours textColour picks.
//
// The palette holds at most 16 colours. When the question is in primary
// and the name in background, as with most themes, both texts blend
// between the same two colours and share 16 levels of coverage; otherwise
// each has 8. The scheme says which.
func palette(background, primary color.RGBA) (color.Palette, shade, shade, scheme) {
	question, name := textColour(background, primary), textColour(primary, background)
	if question == primary && name == background {
		pal := blend(nil, background, primary, 16)
		return pal, newShade(0, 16, false), newShade(0, 16, true), oneRamp
	}
	pal := blend(nil, background, question, 8)
	pal = blend(pal, primary, name, 8)
	return pal, newShade(0, 8, false), newShade(8, 8, false), twoRamps
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
func newShade(first, n int, reversed bool) shade {
	s := shade{index: make([]uint8, n)}
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

// row draws coverage src onto the pixels dst, as cover does each pixel,
// eight at a time where they are all bare or all covered: a glyph at a
// card's sizes is mostly both.
func (s *shade) row(dst, src []uint8) {
	full := s.index[len(s.index)-1] // cover(_, 255), whatever is there
	i := 0
	for ; i+8 <= len(dst); i += 8 {
		switch binary.LittleEndian.Uint64(src[i:]) {
		case 0:
			continue
		case ^uint64(0):
			binary.LittleEndian.PutUint64(dst[i:], uint64(full)*0x0101010101010101)
			continue
		}
		for j := i; j < i+8; j++ {
			if a := src[j]; a != 0 {
				dst[j] = s.cover(dst[j], a)
			}
		}
	}
	for ; i < len(dst); i++ {
		if a := src[i]; a != 0 {
			dst[i] = s.cover(dst[i], a)
		}
	}
}
