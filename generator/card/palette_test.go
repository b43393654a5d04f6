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
	shades := []shade{newShade(0, 16, false), newShade(0, 16, true), newShade(0, 8, false), newShade(8, 8, false)}
	for try := range 2000 {
		sh := shades[try%len(shades)]
		n := rng.IntN(70)
		src, dst := make([]uint8, n), make([]uint8, n)
		for i := range n {
			switch rng.IntN(4) {
			case 0:
				src[i] = 0
			case 1:
				src[i] = 0xff
			default:
				src[i] = uint8(rng.IntN(256))
			}
			if i > 0 && rng.IntN(3) > 0 {
				src[i] = src[i-1] // stretches alike, so that whole words are
			}
			dst[i] = sh.index[rng.IntN(len(sh.index))]
		}
		want := bytes.Clone(dst)
		for i, a := range src {
			if a != 0 {
				want[i] = sh.cover(want[i], a)
			}
		}
		sh.row(dst, src)
		if !bytes.Equal(dst, want) {
			t.Fatalf("row of %v:\n got %v\nwant %v", src, dst, want)
		}
	}
}
