package card

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// TestShadeRow checks that shade.row draws a row as cover draws each of
// its pixels, over rows of bare, covered and partly covered stretches,
// both kinds of shade and pixels other text already covers.
func TestShadeRow(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	shades := shades()
	for try := range 2000 {
		sh := shades[try%len(shades)]
		n, x := rng.IntN(70), rng.IntN(3) // x of either parity
		src := make([]uint8, n)
		px := make([]uint8, x+n+1) // the row's pixels, one a byte
		for i := range n {
			src[i] = randomCoverage(rng)
			if i > 0 && rng.IntN(3) > 0 {
				src[i] = src[i-1] // stretches alike, so that whole words are
			}
		}
		for i := range px {
			px[i] = sh.index[rng.IntN(len(sh.index))]
		}
		want := bytes.Clone(px)
		for i, a := range src {
			if a != 0 {
				want[x+i] = sh.cover(want[x+i], a)
			}
		}
		cv := newCanvas(Size{Width: len(px), Height: 1}, nil, nil)
		row := cv.row(0)
		for i, c := range px {
			if i%2 == 0 {
				row[i/2] |= c << 4
			} else {
				row[i/2] |= c
			}
		}
		sh.row(row, x, src)
		got := make([]uint8, len(px))
		for i := range got {
			got[i] = cv.at(i, 0)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("row of %v from %d:\n got %v\nwant %v", src, x, got, want)
		}
	}
}

// randomCoverage returns a glyph pixel's coverage: none, whole, or any
// other, half the time.
func randomCoverage(rng *rand.Rand) uint8 {
	switch rng.IntN(4) {
	case 0:
		return 0
	case 1:
		return 0xff
	}
	return uint8(rng.IntN(256))
}
