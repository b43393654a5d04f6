package media

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// photo decodes a photo in testdata/faces.
func photo(t testing.TB, name string) image.Image {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "faces", name))
	if err != nil {
		t.Fatal(err)
	}
	img, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// enlarge returns img k times as wide and high, smoothly resampled: a
// photo at the size a writer uploads it, rather than the size kept in
// testdata.
func enlarge(img image.Image, k int) image.Image {
	b := img.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, k*b.Dx(), k*b.Dy()))
	draw.CatmullRom.Scale(dst, dst.Bounds(), img, b, draw.Src, nil)
	return dst
}

// A facePhoto is a photo in testdata/faces and the faces it shows that the
// detector must find: at the size kept there (at most 640 pixels across),
// and three times as large, as a writer's upload would be.
type facePhoto struct {
	name        string
	want, large int  // faces found at each size
	group       bool // a group: at least want and large faces
	// The face of a portrait, at the kept size: its centre and size.
	x, y, size int
}

// facePhotos lists the photos in testdata/faces; README.md there says
// where each comes from.
var facePhotos = []facePhoto{
	// One person each, face on.
	{name: "astronaut.jpg", want: 1, large: 1, x: 224, y: 112, size: 108},
	{name: "grace-hopper.jpg", want: 1, large: 1, x: 260, y: 213, size: 213},
	{name: "kodim04-portrait.jpg", want: 1, large: 1, x: 224, y: 337, size: 250},
	{name: "kodim18-standing.jpg", want: 1, large: 1, x: 240, y: 171, size: 56},
	// Nine people in a raft: most are turned away or small. At 640
	// pixels across their faces are under MinFaceSide; at a writer's size
	// at least one is found.
	{name: "kodim14-rafting.jpg", want: 0, large: 1, group: true},

	// No people.
	{name: "coffee.jpg"},          // food on a table
	{name: "chelsea-cat.jpg"},     // an animal's face
	{name: "kodim23-parrots.jpg"}, // animals, with skin-like reds
	{name: "gopher.jpg"},          // a toy with a cartoon face
	{name: "rocket.jpg"},          // a launch pad at night
	{name: "china-palace.jpg"},    // a building among trees
	{name: "kodim01-facade.jpg"},  // a house front: windows and a door
	{name: "kodim03-hats.jpg"},    // objects
	{name: "kodim13-river.jpg"},   // a landscape
	{name: "retina.jpg"},          // a medical photo
	{name: "text.jpg"},            // handwriting on a board
}

func TestFacesPhotos(t *testing.T) {
	for _, p := range facePhotos {
		t.Run(p.name, func(t *testing.T) {
			t.Parallel()
			img := photo(t, p.name)
			for _, size := range []struct {
				k, want int
			}{{1, p.want}, {3, p.large}} {
				got := Faces(enlarge(img, size.k))
				t.Logf("×%d: %d faces %v", size.k, len(got), got)
				switch {
				case p.group && len(got) < size.want:
					t.Errorf("×%d: found %d faces %v, want at least %d", size.k, len(got), got, size.want)
				case !p.group && len(got) != size.want:
					t.Errorf("×%d: found %d faces %v, want %d", size.k, len(got), got, size.want)
				case p.size > 0 && len(got) == 1:
					// Where the portrait's face is, within a tenth of the
					// photo's width, and its size within a half.
					f, tol := got[0], size.k*img.Bounds().Dx()/10
					if abs(f.X-size.k*p.x) > tol || abs(f.Y-size.k*p.y) > tol ||
						2*f.Size < size.k*p.size || f.Size > 2*size.k*p.size {
						t.Errorf("×%d: face at %v, want near %d,%d (%d px)", size.k, f, size.k*p.x, size.k*p.y, size.k*p.size)
					}
				}
			}
		})
	}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// card returns a w×h image of one colour.
func card(w, h int, c color.Color) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.NewUniform(c), image.Point{}, draw.Src)
	return img
}

// textCard returns a share card of text: a title and lines of smaller
// text, dark on a light background.
func textCard(t *testing.T) image.Image {
	t.Helper()
	img := card(1200, 630, color.RGBA{0xf4, 0xf1, 0xea, 0xff})
	f, err := opentype.Parse(goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	write := func(size float64, y int, s string) {
		face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72})
		if err != nil {
			t.Fatal(err)
		}
		d := font.Drawer{Dst: img, Src: image.NewUniform(color.RGBA{0x1d, 0x2b, 0x3a, 0xff}), Face: face, Dot: fixed.P(60, y)}
		d.DrawString(s)
	}
	write(64, 130, "What should I bring")
	write(64, 210, "to my first visit?")
	for i, line := range []string{
		"Bring a photo ID, your insurance card and a list of your",
		"medicines, with the dose of each. Come 15 minutes early to",
		"fill in the forms, or fill them in online before your visit.",
		"Riverbend Family Clinic · (312) 555-0100 · riverbend.example",
	} {
		write(30, 320+60*i, line)
	}
	return img
}

// group returns the four portraits side by side, two by two, each scaled
// to 400×600.
func group(t *testing.T) image.Image {
	t.Helper()
	img := card(800, 1200, color.White)
	for i, name := range []string{"astronaut.jpg", "grace-hopper.jpg", "kodim04-portrait.jpg", "kodim18-standing.jpg"} {
		p := photo(t, name)
		r := image.Rect(0, 0, 400, 600).Add(image.Pt(400*(i%2), 600*(i/2)))
		draw.CatmullRom.Scale(img, r, p, p.Bounds(), draw.Src, nil)
	}
	return img
}

func TestFacesMade(t *testing.T) {
	clear := image.NewNRGBA(image.Rect(0, 0, 300, 200)) // all transparent
	grey := image.NewGray(image.Rect(0, 0, 640, 480))
	for i := range grey.Pix {
		grey.Pix[i] = uint8(i % 640 * 255 / 639) // a left-to-right ramp
	}
	// A portrait with a transparent border, as a PNG cut-out would be.
	cutout := image.NewNRGBA(image.Rect(0, 0, 712, 712))
	p := photo(t, "astronaut.jpg")
	draw.Draw(cutout, p.Bounds().Add(image.Pt(100, 100)), p, p.Bounds().Min, draw.Src)

	for _, tc := range []struct {
		name string
		img  image.Image
		want int
	}{
		{"flat colour card", card(1200, 630, color.RGBA{0x0b, 0x6e, 0x69, 0xff}), 0},
		{"flat skin-coloured card", card(800, 800, color.RGBA{0xe0, 0xac, 0x8a, 0xff}), 0},
		{"text card", textCard(t), 0},
		{"grey ramp", grey, 0},
		{"transparent", clear, 0},
		{"empty", image.NewRGBA(image.Rect(0, 0, 0, 0)), 0},
		{"one pixel", card(1, 1, color.Black), 0},
		{"cut-out portrait", cutout, 1},
		{"four portraits", group(t), 4},
		{"four portraits in grey", greyOf(group(t)), 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := Faces(tc.img); len(got) != tc.want {
				t.Errorf("found %d faces %v, want %d", len(got), got, tc.want)
			}
		})
	}
}

// greyOf returns img in shades of grey, as a black-and-white photo.
func greyOf(img image.Image) *image.Gray {
	g := image.NewGray(img.Bounds())
	draw.Draw(g, g.Bounds(), img, img.Bounds().Min, draw.Src)
	return g
}

// TestPrepareFaces checks that Prepare finds the faces in the upright
// image: a portrait stored on its side, as a phone held sideways saves it,
// with an EXIF orientation saying to turn it.
func TestPrepareFaces(t *testing.T) {
	p := photo(t, "astronaut.jpg")
	b := p.Bounds()
	// Stored turned 90° left: the upright pixel (x, y) is stored at
	// (y, w-1-x); orientation 6 says to turn it right again.
	side := image.NewRGBA(image.Rect(0, 0, b.Dy(), b.Dx()))
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			side.Set(y, b.Dx()-1-x, p.At(b.Min.X+x, b.Min.Y+y))
		}
	}
	var enc bytes.Buffer
	if err := jpeg.Encode(&enc, side, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	if got := Faces(side); len(got) != 0 {
		t.Errorf("found %v in the photo on its side; the detector looks for upright faces", got)
	}
	img, err := Prepare(withEXIF(enc.Bytes(), 6))
	if err != nil {
		t.Fatal(err)
	}
	if len(img.Faces) != 1 {
		t.Fatalf("Prepare found faces %v, want 1", img.Faces)
	}
	if f := img.Faces[0]; abs(f.X-224) > 50 || abs(f.Y-112) > 50 {
		t.Errorf("face at %v, want near 224,112 in the upright photo", f)
	}
	if plain, err := Prepare(enc.Bytes()); err != nil || len(plain.Faces) != 0 {
		t.Errorf("without its orientation: faces %v, error %v; want none", plain.Faces, err)
	}
}

func TestFaceString(t *testing.T) {
	if got := (Face{X: 402, Y: 90, Size: 58, Score: 31.5}).String(); got != "402,90 (58 px)" {
		t.Errorf("String() = %q", got)
	}
}

// FuzzFaces checks that Faces never panics, whatever the size, kind and
// pixels of the image, and reports faces inside it.
func FuzzFaces(f *testing.F) {
	f.Add(uint8(0), uint16(30), uint16(200), []byte{0, 255, 128})
	f.Add(uint8(1), uint16(200), uint16(30), []byte{7})
	f.Add(uint8(2), uint16(64), uint16(64), []byte{})
	f.Add(uint8(3), uint16(21), uint16(900), []byte{1, 2, 3, 4, 5})
	f.Fuzz(func(t *testing.T, kind uint8, w, h uint16, pix []byte) {
		w, h = w%1200, h%1200
		r := image.Rect(3, 5, 3+int(w), 5+int(h)) // not at the origin
		var img image.Image
		fill := func(b []byte) {
			for i := range b {
				if len(pix) > 0 {
					b[i] = pix[i%len(pix)] + uint8(i/len(pix))
				}
			}
		}
		switch kind % 5 {
		case 0:
			m := image.NewGray(r)
			fill(m.Pix)
			img = m
		case 1:
			m := image.NewNRGBA(r)
			fill(m.Pix)
			img = m
		case 2:
			m := image.NewRGBA(r)
			fill(m.Pix)
			img = m
		case 3:
			m := image.NewYCbCr(r, image.YCbCrSubsampleRatio420)
			fill(m.Y)
			fill(m.Cb)
			fill(m.Cr)
			img = m
		default:
			m := image.NewPaletted(r, color.Palette{color.Black, color.White, color.RGBA{0xe0, 0xac, 0x8a, 0xff}})
			fill(m.Pix)
			for i := range m.Pix {
				m.Pix[i] %= 3
			}
			img = m
		}
		for _, face := range Faces(img) {
			if face.X < 0 || face.Y < 0 || face.X > int(w) || face.Y > int(h) || face.Size <= 0 {
				t.Errorf("face %v outside the %d×%d image", face, w, h)
			}
		}
	})
}

func BenchmarkFaces(b *testing.B) {
	// A 12-megapixel photo, as a phone takes it.
	img := enlarge(photo(b, "kodim04-portrait.jpg"), 7)
	b.ResetTimer()
	for b.Loop() {
		Faces(img)
	}
}
