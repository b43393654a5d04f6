package media_test

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"log"

	"github.com/faqcast/faqcast/generator/media"
)

// Prepare an image for the web: decoded, upright, stripped of its
// metadata, encoded again, and looked at for faces.
func ExamplePrepare() {
	img := image.NewRGBA(image.Rect(0, 0, 40, 30))
	for i := range img.Pix {
		img.Pix[i] = 0xee
	}
	img.Set(20, 15, color.RGBA{0x0b, 0x5c, 0xad, 0xff})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		log.Fatal(err)
	}
	prepared, err := media.Prepare(b.Bytes())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(prepared.Ext, prepared.Width, prepared.Height, len(prepared.Faces))

	_, err = media.Prepare([]byte("not an image"))
	fmt.Println(err)
	// Output:
	// .png 40 30 0
	// not a JPEG, PNG, GIF or WebP image
}
