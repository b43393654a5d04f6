package media

import (
	_ "embed"
	"fmt"
	"image"
	"image/color"
	"math"
	"slices"
	"sync"

	pigo "github.com/esimov/pigo/core"
)

// facefinder is pico's frontal-face cascade, as pigo ships it; see
// cascade/README.md for where it comes from and its licence.
//
//go:embed cascade/facefinder
var facefinder []byte

// A Face is a frontal face that [Faces] found in an image.
type Face struct {
	// X and Y are the face's centre, in pixels from the top-left corner of
	// the image as given (for a prepared image, the upright image).
	X, Y int
	// Size is the side of the square around the face, in pixels.
	Size int
	// Score is how sure the detector is: the sum of the scores of the
	// overlapping windows that found the face, rounded to two decimals.
	Score float64
}

// String returns the face's centre and size, as "402,90 (58 px)".
func (f Face) String() string {
	return fmt.Sprintf("%d,%d (%d px)", f.X, f.Y, f.Size)
}

// The detector's settings, tuned on the photos in testdata/faces at the
// sizes they have there and scaled, turned and made grey (see face_test.go
// and testdata/faces/README.md).
const (
	// FaceSide is the long side, in pixels, that an image is scaled down
	// to before the search: enough for the faces of a group photo, and it
	// bounds the time a search takes whatever the upload's size.
	FaceSide = 1000
	// MinFaceSide is the smallest face searched for, in pixels of the
	// scaled image; smaller windows hold too few pixels for the cascade to
	// tell a face from texture.
	MinFaceSide = 20
	// MinFaceShare is the smallest face searched for, as a share of the
	// scaled image's short side, when that is more than MinFaceSide.
	MinFaceShare = 0.04
)

// The search's settings. The cascade answers for one square window at a
// time, with a score when it takes the window for a face; a real face is
// found by many windows around it, of nearby sizes.
const (
	// The first pass: windows move a tenth of their size at a time, each
	// size 10% larger than the last, upright and turned 11.25° each way
	// (see faceAngles).
	shiftFactor = 0.1
	scaleFactor = 1.1
	// Windows overlapping more than this (intersection over union) are
	// one candidate face, whose score is the sum of theirs.
	iouThreshold = 0.2
	// A candidate scoring at least sureScore is a face. One scoring at
	// least minScore is looked at again densely (windows from 80% to 125%
	// of its size, moving 4% of their size at a time, each 6% larger than
	// the last, at the same angles), which gives the mean score per window
	// there; and its middle half is measured for colour. It is a face when
	// at least minChroma of the middle's pixels have colour, at least
	// minSkin of them have the colour of skin, and the mean is at least
	// minDensity; or, where the middle is grey, when the mean is at least
	// minGreyDensity.
	sureScore      = 60.0
	minScore       = 18.0
	denseShift     = 0.04
	denseScale     = 1.06
	minChroma      = 0.1
	minSkin        = 0.5
	minDensity     = 0.008
	minGreyDensity = 0.015
)

// faceAngles are the in-plane turns searched, in turns: none, and 1/32
// (11.25°) each way.
var faceAngles = [...]float64{0, 1.0 / 32, 31.0 / 32}

// classifier is the unpacked cascade, made once. It is only read, so
// searches may share it.
var classifier = sync.OnceValue(func() *pigo.Pigo {
	p, err := pigo.NewPigo().Unpack(facefinder)
	if err != nil {
		panic("media: cannot unpack the face cascade: " + err.Error())
	}
	return p
})

// Faces returns the frontal faces in img, left to right (and top to bottom
// where two are level). It searches a greyscale copy of img scaled down so
// that its long side is at most FaceSide pixels, for faces of at least
// MinFaceShare of its short side (and at least MinFaceSide pixels). Faces
// in profile, turned far from the camera, tilted more than about 20°,
// covered, or smaller than that are not found; transparent pixels count as
// white. It is safe to call from many goroutines.
func Faces(img image.Image) []Face {
	b := img.Bounds()
	if b.Dx() <= 0 || b.Dy() <= 0 {
		return nil
	}
	s := scale(img, FaceSide)
	sx, sy := float64(b.Dx())/float64(s.w), float64(b.Dy())/float64(s.h)
	var faces []Face
	for _, c := range search(s) {
		if !c.face() {
			continue
		}
		faces = append(faces, Face{
			X:     int(math.Round(c.col * sx)),
			Y:     int(math.Round(c.row * sy)),
			Size:  int(math.Round(c.size * (sx + sy) / 2)),
			Score: math.Round(c.score*100) / 100,
		})
	}
	slices.SortFunc(faces, func(a, b Face) int {
		if a.X != b.X {
			return a.X - b.X
		}
		return a.Y - b.Y
	})
	return faces
}

// search returns the candidate faces in s, those that score at least
// minScore, but not sureScore, looked at again densely and measured for
// colour.
func search(s *scaled) []faceCluster {
	short := min(s.w, s.h)
	minSize := max(MinFaceSide, int(MinFaceShare*float64(short)))
	if minSize > short {
		return nil
	}
	p := classifier()
	params := pigo.CascadeParams{
		MinSize:     minSize,
		MaxSize:     short,
		ShiftFactor: shiftFactor,
		ScaleFactor: scaleFactor,
		ImageParams: pigo.ImageParams{Pixels: s.luma, Rows: s.h, Cols: s.w, Dim: s.w},
	}
	var dets []pigo.Detection
	for _, a := range faceAngles {
		dets = append(dets, p.RunCascade(params, a)...)
	}
	cs := cluster(dets)
	for i := range cs {
		if c := &cs[i]; c.score >= minScore && c.score < sureScore {
			c.density = dense(p, s, *c)
			c.chroma, c.skin = s.shares(c.col, c.row, c.size/2)
		}
	}
	return cs
}

// face reports whether c is taken for a face: a high first-pass score, or
// a fair one that the dense pass confirms, with the colour of skin in the
// middle of the face unless that is grey.
func (c faceCluster) face() bool {
	switch {
	case c.score >= sureScore:
		return true
	case c.score < minScore:
		return false
	case c.chroma < minChroma:
		return c.density >= minGreyDensity
	}
	return c.skin >= minSkin && c.density >= minDensity
}

// A faceCluster is the windows that found one face: their mean centre and
// size, how many there are and the sum of their scores.
type faceCluster struct {
	row, col, size float64
	n              int
	score          float64
	// density is the dense pass's mean score per window, and chroma and
	// skin the shares of pixels with colour and with the colour of skin in
	// the middle half of the face, when there was a dense pass.
	density, chroma, skin float64
}

// cluster groups overlapping detections: the best-scoring detection not yet
// taken starts a group, which takes every other detection not yet taken
// that overlaps it by more than iouThreshold (intersection over union).
func cluster(dets []pigo.Detection) []faceCluster {
	slices.SortFunc(dets, func(a, b pigo.Detection) int {
		switch {
		case a.Q > b.Q:
			return -1
		case a.Q < b.Q:
			return 1
		}
		if a.Row != b.Row {
			return a.Row - b.Row
		}
		if a.Col != b.Col {
			return a.Col - b.Col
		}
		return a.Scale - b.Scale
	})
	taken := make([]bool, len(dets))
	var out []faceCluster
	for i, d := range dets {
		if taken[i] {
			continue
		}
		var c faceCluster
		for j := i; j < len(dets); j++ {
			if taken[j] || iou(d, dets[j]) <= iouThreshold {
				continue
			}
			taken[j] = true
			e := dets[j]
			c.row += float64(e.Row)
			c.col += float64(e.Col)
			c.size += float64(e.Scale)
			c.score += float64(e.Q)
			c.n++
		}
		n := float64(c.n)
		c.row, c.col, c.size = c.row/n, c.col/n, c.size/n
		out = append(out, c)
	}
	return out
}

// iou returns the intersection over union of two detections' squares.
func iou(a, b pigo.Detection) float64 {
	overlap := func(c1, s1, c2, s2 int) float64 {
		lo := max(float64(c1)-float64(s1)/2, float64(c2)-float64(s2)/2)
		hi := min(float64(c1)+float64(s1)/2, float64(c2)+float64(s2)/2)
		return max(0, hi-lo)
	}
	inter := overlap(a.Row, a.Scale, b.Row, b.Scale) * overlap(a.Col, a.Scale, b.Col, b.Scale)
	union := float64(a.Scale*a.Scale+b.Scale*b.Scale) - inter
	return inter / union
}

// A scaled image is what the search looks at: an image's luma, scaled down
// by averaging, and for each of its pixels the share of the image's pixels
// behind it that have colour at all, and that have the colour of skin.
// Transparent pixels are taken as over white.
type scaled struct {
	w, h int
	// luma is w×h bytes, row by row, and then w+h bytes of white: pigo's
	// turned windows clamp a column to the number of rows, not of columns,
	// and so may read up to h bytes past the last row of a tall image.
	luma   []uint8
	chroma []uint8 // w×h shares of 255
	skin   []uint8 // w×h shares of 255
}

// scale returns img scaled down so that its long side is at most side
// pixels.
func scale(img image.Image, side int) *scaled {
	b := img.Bounds()
	sw, sh := b.Dx(), b.Dy()
	w, h := sw, sh
	if long := max(sw, sh); long > side {
		w = max(1, int(math.Round(float64(sw)*float64(side)/float64(long))))
		h = max(1, int(math.Round(float64(sh)*float64(side)/float64(long))))
	}
	// Each pixel of img adds to the one pixel of the scaled image it falls
	// in; the scaled pixel is the mean.
	type acc struct{ luma, chroma, skin, n uint32 }
	sums := make([]acc, w*h)
	dx := make([]int, sw) // the scaled column of each column of img
	for x := range dx {
		dx[x] = x * w / sw
	}
	y8, cb, cr := make([]uint8, sw), make([]uint8, sw), make([]uint8, sw)
	for y := 0; y < sh; y++ {
		ycbcrRow(img, b.Min.Y+y, y8, cb, cr)
		off := (y * h / sh) * w
		for x := range y8 {
			a := &sums[off+dx[x]]
			a.luma += uint32(y8[x])
			if chromatic(cb[x], cr[x]) {
				a.chroma++
			}
			if skinTone(cb[x], cr[x]) {
				a.skin++
			}
			a.n++
		}
	}
	s := &scaled{w: w, h: h, luma: make([]uint8, w*h+w+h), chroma: make([]uint8, w*h), skin: make([]uint8, w*h)}
	for i := w * h; i < len(s.luma); i++ {
		s.luma[i] = 255
	}
	for i, a := range sums {
		s.luma[i] = uint8((a.luma + a.n/2) / a.n)
		s.chroma[i] = uint8((255*a.chroma + a.n/2) / a.n)
		s.skin[i] = uint8((255*a.skin + a.n/2) / a.n)
	}
	return s
}

// chromatic reports whether a pixel of chroma cb, cr has colour at all:
// it is not grey, nor nearly so.
func chromatic(cb, cr uint8) bool {
	return cb < 128-12 || cb > 128+12 || cr < 128-12 || cr > 128+12
}

// skinTone reports whether a pixel of chroma cb, cr has a colour that
// human skin has in photographs, of any complexion: the chroma box of
// Chai and Ngan (1999), Cb 77–127 and Cr 133–173.
func skinTone(cb, cr uint8) bool {
	return 77 <= cb && cb <= 127 && 133 <= cr && cr <= 173
}

// shares returns the mean chroma and skin shares, from 0 to 1, of the
// square of side s centred on x, y.
func (s *scaled) shares(x, y, side float64) (chroma, skin float64) {
	x0, y0 := max(0, int(x-side/2)), max(0, int(y-side/2))
	x1, y1 := min(s.w, int(x+side/2)+1), min(s.h, int(y+side/2)+1)
	var c, k, n int
	for yy := y0; yy < y1; yy++ {
		for xx := x0; xx < x1; xx++ {
			c += int(s.chroma[yy*s.w+xx])
			k += int(s.skin[yy*s.w+xx])
			n++
		}
	}
	if n == 0 {
		return 0, 0
	}
	return float64(c) / float64(255*n), float64(k) / float64(255*n)
}

// ycbcrRow sets y8, cb and cr to the JPEG (full-range Rec. 601) luma and
// chroma of row y of img, from its left edge, with transparent pixels
// taken as over white.
func ycbcrRow(img image.Image, y int, y8, cb, cr []uint8) {
	b := img.Bounds()
	switch m := img.(type) {
	case *image.YCbCr:
		off := m.YOffset(b.Min.X, y)
		copy(y8, m.Y[off:off+len(y8)])
		for x := range y8 {
			c := m.COffset(b.Min.X+x, y)
			cb[x], cr[x] = m.Cb[c], m.Cr[c]
		}
	case *image.Gray:
		off := m.PixOffset(b.Min.X, y)
		copy(y8, m.Pix[off:off+len(y8)])
		for x := range y8 {
			cb[x], cr[x] = 128, 128
		}
	case *image.NRGBA:
		p := m.Pix[m.PixOffset(b.Min.X, y):]
		for x := range y8 {
			a := uint32(p[4*x+3])
			over := func(v uint8) uint8 { return uint8((uint32(v)*a + 255*(255-a) + 127) / 255) }
			y8[x], cb[x], cr[x] = color.RGBToYCbCr(over(p[4*x]), over(p[4*x+1]), over(p[4*x+2]))
		}
	case *image.RGBA:
		p := m.Pix[m.PixOffset(b.Min.X, y):]
		for x := range y8 {
			// Premultiplied: add the white behind.
			over := func(v uint8) uint8 { return uint8(min(255, int(v)+255-int(p[4*x+3]))) }
			y8[x], cb[x], cr[x] = color.RGBToYCbCr(over(p[4*x]), over(p[4*x+1]), over(p[4*x+2]))
		}
	default:
		for x := range y8 {
			r, g, bl, a := img.At(b.Min.X+x, y).RGBA() // premultiplied, 16-bit
			over := func(v uint32) uint8 { return uint8(min(0xffff, v+0xffff-a) >> 8) }
			y8[x], cb[x], cr[x] = color.RGBToYCbCr(over(r), over(g), over(bl))
		}
	}
}

// dense scans the neighbourhood of c densely and returns the mean score
// per window: the sum of the scores of the windows that find a face over
// the number of windows.
func dense(p *pigo.Pigo, s *scaled, c faceCluster) float64 {
	w, h := s.w, s.h
	lo, hi := int(0.8*c.size), int(1.25*c.size)
	margin := 0.2*c.size + float64(hi)/2 + 2
	x0, y0 := max(0, int(c.col-margin)), max(0, int(c.row-margin))
	x1, y1 := min(w, int(c.col+margin)+1), min(h, int(c.row+margin)+1)
	params := pigo.CascadeParams{
		MinSize: lo, MaxSize: hi, ShiftFactor: denseShift, ScaleFactor: denseScale,
		ImageParams: pigo.ImageParams{Pixels: s.luma[y0*w+x0:], Rows: y1 - y0, Cols: x1 - x0, Dim: w},
	}
	sum := 0.0
	for _, a := range faceAngles {
		for _, d := range p.RunCascade(params, a) {
			sum += float64(d.Q)
		}
	}
	// As many windows as RunCascade looks at, at each angle.
	n := 0
	for size := params.MinSize; size <= params.MaxSize; {
		step := int(max(params.ShiftFactor*float64(size), 1))
		off := size/2 + 1
		if rows, cols := params.Rows-2*off, params.Cols-2*off; rows >= 0 && cols >= 0 {
			n += (rows/step + 1) * (cols/step + 1)
		}
		size = int(float64(size) + max(2, float64(size)*params.ScaleFactor-float64(size)))
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n*len(faceAngles))
}
