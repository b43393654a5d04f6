// Package media prepares entry images for the web: it decodes each image,
// turns it upright as its EXIF orientation says, encodes it again, and
// finds the frontal faces it shows (see [Faces]), so that a build can hold
// them to what the entry attests.
//
// Encoding from pixels writes only the image itself, so no metadata
// survives: no EXIF (GPS position, capture time, camera serial numbers), no
// XMP, no IPTC captions, no embedded thumbnails, no PNG text chunks. A photo
// taken on a phone in an exam room can carry all of those.
package media

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"

	"github.com/bep/imagemeta"
	"golang.org/x/image/webp"
)

// MaxPixels is the largest image, in pixels, that Prepare decodes.
const MaxPixels = 40_000_000

// JPEGQuality is the quality photos are encoded with.
const JPEGQuality = 88

// An Image is an image prepared for the web.
type Image struct {
	Data []byte
	// Ext is ".jpg" for photos and ".png" for everything else.
	Ext           string
	Width, Height int
	// Faces are the frontal faces the image shows, in its upright pixels,
	// left to right.
	Faces []Face
}

// A SizeError is [Prepare]'s error for an image of no pixels or of more
// than MaxPixels, as its header gives them.
type SizeError struct {
	Width, Height int
}

func (e *SizeError) Error() string {
	return fmt.Sprintf("the image is %d×%d pixels; the limit is %d pixels in all", e.Width, e.Height, MaxPixels)
}

// Prepare decodes a JPEG, PNG, GIF (its first frame) or WebP image, applies
// its EXIF orientation, finds the faces it shows and encodes it again
// without metadata: photos (JPEG and WebP without transparency) as JPEG,
// the rest as PNG. Other formats,
// such as HEIC and camera RAW files, are refused with an error that says
// what to do.
func Prepare(data []byte) (*Image, error) {
	format, err := sniff(data)
	if err != nil {
		return nil, err
	}
	c := codecs[format]
	cfg, err := c.config(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("cannot read the %s image: %w", format, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > MaxPixels {
		return nil, &SizeError{Width: cfg.Width, Height: cfg.Height}
	}
	img, err := c.decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("cannot read the %s image: %w", format, err)
	}
	if format == "jpeg" || format == "webp" {
		img = orient(img, orientation(data, format))
	}

	out := &Image{Width: img.Bounds().Dx(), Height: img.Bounds().Dy(), Faces: Faces(img)}
	var buf bytes.Buffer
	if (format == "jpeg" || format == "webp") && opaque(img) {
		out.Ext = ".jpg"
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: JPEGQuality})
	} else {
		out.Ext = ".png"
		err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, img)
	}
	if err != nil {
		return nil, fmt.Errorf("cannot encode the image: %w", err)
	}
	out.Data = buf.Bytes()
	return out, nil
}

// sniff names the format of data from its first bytes.
func sniff(data []byte) (string, error) {
	has := func(off int, magic string) bool {
		return len(data) >= off+len(magic) && string(data[off:off+len(magic)]) == magic
	}
	switch {
	case has(0, "\xff\xd8\xff"):
		return "jpeg", nil
	case has(0, "\x89PNG\r\n\x1a\n"):
		return "png", nil
	case has(0, "GIF87a"), has(0, "GIF89a"):
		return "gif", nil
	case has(0, "RIFF") && has(8, "WEBP"):
		return "webp", nil
	case has(4, "ftypheic"), has(4, "ftypheix"), has(4, "ftypmif1"), has(4, "ftyphevc"), has(4, "ftypavif"):
		return "", errors.New("HEIC and AVIF images are not supported; export the image as JPEG or PNG")
	case has(0, "II*\x00"), has(0, "MM\x00*"):
		return "", errors.New("TIFF and camera RAW images are not supported; export the image as JPEG or PNG")
	}
	return "", errors.New("not a JPEG, PNG, GIF or WebP image")
}

// A codec reads one image format.
type codec struct {
	decode func(io.Reader) (image.Image, error)
	config func(io.Reader) (image.Config, error)
}

// codecs are the formats Prepare reads, by the names sniff gives.
var codecs = map[string]codec{
	"jpeg": {jpeg.Decode, jpeg.DecodeConfig},
	"png":  {png.Decode, png.DecodeConfig},
	"gif":  {gif.Decode, gif.DecodeConfig},
	"webp": {webp.Decode, webp.DecodeConfig},
}

// orientation returns the EXIF orientation of a JPEG or WebP image: 1 (as
// stored) to 8, or 1 when there is none or it cannot be read.
func orientation(data []byte, format string) int {
	f := imagemeta.JPEG
	if format == "webp" {
		f = imagemeta.WebP
	}
	o := 1
	_, err := imagemeta.Decode(imagemeta.Options{
		R:           bytes.NewReader(data),
		ImageFormat: f,
		Sources:     imagemeta.EXIF,
		ShouldHandleTag: func(t imagemeta.TagInfo) bool {
			return t.Tag == "Orientation"
		},
		HandleTag: func(t imagemeta.TagInfo) error {
			if t.Tag != "Orientation" {
				return nil
			}
			switch v := t.Value.(type) {
			case uint16:
				o = int(v)
			case uint32:
				o = int(v)
			case int:
				o = v
			}
			return imagemeta.ErrStopWalking
		},
	})
	if err != nil || o < 1 || o > 8 {
		return 1
	}
	return o
}

// orient returns img turned upright from EXIF orientation o.
func orient(img image.Image, o int) image.Image {
	if o == 1 {
		return img
	}
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if o >= 5 {
		w, h = h, w
	}
	dst := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			// (x, y) in the stored image lands at (dx, dy) upright.
			var dx, dy int
			switch o {
			case 2: // mirrored
				dx, dy = b.Dx()-1-x, y
			case 3: // upside down
				dx, dy = b.Dx()-1-x, b.Dy()-1-y
			case 4: // mirrored upside down
				dx, dy = x, b.Dy()-1-y
			case 5: // mirrored, turned 90° left
				dx, dy = y, x
			case 6: // turned 90° left: turn right
				dx, dy = b.Dy()-1-y, x
			case 7: // mirrored, turned 90° right
				dx, dy = b.Dy()-1-y, b.Dx()-1-x
			case 8: // turned 90° right: turn left
				dx, dy = y, b.Dx()-1-x
			}
			dst.Set(dx, dy, img.At(b.Min.X+x, b.Min.Y+y))
		}
	}
	return dst
}

// opaque reports whether every pixel of img is fully opaque.
func opaque(img image.Image) bool {
	if o, ok := img.(interface{ Opaque() bool }); ok {
		return o.Opaque()
	}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if _, _, _, a := img.At(x, y).RGBA(); a != 0xffff {
				return false
			}
		}
	}
	return true
}
