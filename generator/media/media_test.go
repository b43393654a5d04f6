package media

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"

	"github.com/bep/imagemeta"
)

// exifJPEG returns a w×h JPEG whose left column is red, carrying an EXIF
// block with the given orientation and a GPS position (see withEXIF).
func exifJPEG(t *testing.T, w, h int, orientation uint16) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA{0, 0, 255, 255}
			if x == 0 {
				c = color.RGBA{255, 0, 0, 255}
			}
			img.Set(x, y, c)
		}
	}
	var enc bytes.Buffer
	if err := jpeg.Encode(&enc, img, &jpeg.Options{Quality: 100}); err != nil {
		t.Fatal(err)
	}
	return withEXIF(enc.Bytes(), orientation)
}

// withEXIF returns the JPEG enc with an EXIF block carrying the given
// orientation and a GPS position.
func withEXIF(enc []byte, orientation uint16) []byte {
	// A little-endian TIFF: IFD0 holds Orientation and a pointer to the GPS
	// IFD, which holds GPSLatitudeRef "N".
	var tiff bytes.Buffer
	le := binary.LittleEndian
	put := func(v any) { _ = binary.Write(&tiff, le, v) }
	tiff.WriteString("II*\x00")
	put(uint32(8))
	put(uint16(2)) // IFD0 entries
	put(uint16(0x0112))
	put(uint16(3)) // SHORT
	put(uint32(1))
	put(uint16(orientation))
	put(uint16(0))
	put(uint16(0x8825))
	put(uint16(4)) // LONG
	put(uint32(1))
	put(uint32(8 + 2 + 2*12 + 4)) // GPS IFD right after IFD0
	put(uint32(0))                // no next IFD
	put(uint16(1))                // GPS IFD entries
	put(uint16(0x0001))
	put(uint16(2)) // ASCII
	put(uint32(2))
	tiff.WriteString("N\x00\x00\x00")
	put(uint32(0))

	app1 := append([]byte("Exif\x00\x00"), tiff.Bytes()...)
	var out bytes.Buffer
	out.Write(enc[:2]) // SOI
	out.Write([]byte{0xff, 0xe1})
	_ = binary.Write(&out, binary.BigEndian, uint16(len(app1)+2))
	out.Write(app1)
	out.Write(enc[2:])
	return out.Bytes()
}

// tags returns every metadata tag imagemeta finds in data.
func tags(t *testing.T, data []byte, f imagemeta.ImageFormat) []string {
	t.Helper()
	var found []string
	_, err := imagemeta.Decode(imagemeta.Options{
		R:               bytes.NewReader(data),
		ImageFormat:     f,
		Sources:         imagemeta.EXIF | imagemeta.XMP | imagemeta.IPTC,
		ShouldHandleTag: func(imagemeta.TagInfo) bool { return true },
		HandleTag: func(ti imagemeta.TagInfo) error {
			found = append(found, ti.Namespace+"/"+ti.Tag)
			return nil
		},
	})
	if err != nil && !imagemeta.IsInvalidFormat(err) {
		t.Fatalf("imagemeta: %v", err)
	}
	return found
}

func TestPrepareStripsMetadataAndOrients(t *testing.T) {
	src := exifJPEG(t, 40, 20, 6)
	before := strings.Join(tags(t, src, imagemeta.JPEG), " ")
	if !strings.Contains(before, "Orientation") || !strings.Contains(before, "GPSLatitudeRef") {
		t.Fatalf("test image lacks its metadata: %s", before)
	}
	img, err := Prepare(src)
	if err != nil {
		t.Fatal(err)
	}
	if img.Ext != ".jpg" {
		t.Errorf("Ext = %q, want .jpg", img.Ext)
	}
	if got := tags(t, img.Data, imagemeta.JPEG); len(got) != 0 {
		t.Errorf("metadata survived: %v", got)
	}
	// Orientation 6 means "turn right": 40×20 becomes 20×40, and the red
	// left column becomes the top row.
	if img.Width != 20 || img.Height != 40 {
		t.Fatalf("size %d×%d, want 20×40", img.Width, img.Height)
	}
	dec, err := jpeg.Decode(bytes.NewReader(img.Data))
	if err != nil {
		t.Fatal(err)
	}
	r, _, b, _ := dec.At(10, 0).RGBA()
	if r < b {
		t.Errorf("top row is not red after turning: r=%d b=%d", r, b)
	}
	r, _, b, _ = dec.At(10, 39).RGBA()
	if r > b {
		t.Errorf("bottom row is red after turning: r=%d b=%d", r, b)
	}
}

func TestOrient(t *testing.T) {
	// A 3×2 image whose pixels are numbered 0..5 row by row.
	src := image.NewGray(image.Rect(0, 0, 3, 2))
	for i := range src.Pix {
		src.Pix[i] = uint8(i)
	}
	for _, tc := range []struct {
		o    int
		w, h int
		want []uint8 // upright pixels, row by row
	}{
		{1, 3, 2, []uint8{0, 1, 2, 3, 4, 5}},
		{2, 3, 2, []uint8{2, 1, 0, 5, 4, 3}},
		{3, 3, 2, []uint8{5, 4, 3, 2, 1, 0}},
		{4, 3, 2, []uint8{3, 4, 5, 0, 1, 2}},
		{5, 2, 3, []uint8{0, 3, 1, 4, 2, 5}},
		{6, 2, 3, []uint8{3, 0, 4, 1, 5, 2}},
		{7, 2, 3, []uint8{5, 2, 4, 1, 3, 0}},
		{8, 2, 3, []uint8{2, 5, 1, 4, 0, 3}},
	} {
		got := orient(src, tc.o)
		b := got.Bounds()
		if b.Dx() != tc.w || b.Dy() != tc.h {
			t.Errorf("orientation %d: %d×%d, want %d×%d", tc.o, b.Dx(), b.Dy(), tc.w, tc.h)
			continue
		}
		var pix []uint8
		for y := 0; y < tc.h; y++ {
			for x := 0; x < tc.w; x++ {
				g := color.GrayModel.Convert(got.At(x, y)).(color.Gray)
				pix = append(pix, g.Y)
			}
		}
		if !bytes.Equal(pix, tc.want) {
			t.Errorf("orientation %d: pixels %v, want %v", tc.o, pix, tc.want)
		}
	}
}

// pngWithText returns a PNG with a tEXt chunk holding a patient's name.
func pngWithText(t *testing.T) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 4, 4))
	img.Set(1, 1, color.NRGBA{10, 20, 30, 128})
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	chunk := func(typ string, body []byte) []byte {
		var c bytes.Buffer
		_ = binary.Write(&c, binary.BigEndian, uint32(len(body)))
		c.WriteString(typ)
		c.Write(body)
		_ = binary.Write(&c, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(typ), body...)))
		return c.Bytes()
	}
	// Insert tEXt after IHDR (8-byte signature + 25-byte IHDR chunk).
	out := append([]byte{}, data[:33]...)
	out = append(out, chunk("tEXt", []byte("Comment\x00Patient Jane Roe, DOB 1950-02-03"))...)
	return append(out, data[33:]...)
}

func TestPreparePNG(t *testing.T) {
	src := pngWithText(t)
	if !bytes.Contains(src, []byte("Jane Roe")) {
		t.Fatal("test PNG lacks its text chunk")
	}
	img, err := Prepare(src)
	if err != nil {
		t.Fatal(err)
	}
	if img.Ext != ".png" || img.Width != 4 || img.Height != 4 {
		t.Errorf("got %s %d×%d, want .png 4×4", img.Ext, img.Width, img.Height)
	}
	if bytes.Contains(img.Data, []byte("Jane Roe")) || bytes.Contains(img.Data, []byte("tEXt")) {
		t.Error("the text chunk survived")
	}
	again, err := Prepare(src)
	if err != nil || !bytes.Equal(again.Data, img.Data) {
		t.Error("Prepare is not deterministic")
	}
}

func TestPrepareRefuses(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"heic", append([]byte("\x00\x00\x00\x18ftypheic"), make([]byte, 16)...), "HEIC and AVIF images are not supported"},
		{"raw", []byte("II*\x00\x08\x00\x00\x00"), "TIFF and camera RAW images are not supported"},
		{"text", []byte("hello"), "not a JPEG, PNG, GIF or WebP image"},
		{"empty", nil, "not a JPEG, PNG, GIF or WebP image"},
		{"truncated jpeg", []byte("\xff\xd8\xff\xe0\x00"), "cannot read the jpeg image"},
		{"huge png", hugePNGHeader(), "the limit is 40000000 pixels"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Prepare(tc.data)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
}

// hugePNGHeader is the start of a PNG claiming to be 100000×100000 pixels.
func hugePNGHeader() []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], 100000)
	binary.BigEndian.PutUint32(ihdr[4:], 100000)
	ihdr[8], ihdr[9] = 8, 6
	_ = binary.Write(&b, binary.BigEndian, uint32(13))
	b.WriteString("IHDR")
	b.Write(ihdr)
	_ = binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte("IHDR"), ihdr...)))
	return b.Bytes()
}

func FuzzPrepare(f *testing.F) {
	f.Add([]byte("\xff\xd8\xff\xe0"))
	f.Add([]byte("\x89PNG\r\n\x1a\n"))
	f.Add([]byte("GIF89a"))
	f.Add([]byte("RIFF\x00\x00\x00\x00WEBPVP8 "))
	f.Add(hugePNGHeader())
	f.Fuzz(func(t *testing.T, data []byte) {
		img, err := Prepare(data)
		if err == nil && (len(img.Data) == 0 || img.Width*img.Height > MaxPixels) {
			t.Errorf("bad result: %d bytes, %d×%d", len(img.Data), img.Width, img.Height)
		}
	})
}
