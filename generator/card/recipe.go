package card

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash/crc32"
	"strconv"
)

// version names the way Draw makes a card's bytes. It goes into every
// recipe, so it must change whenever the same arguments would draw other
// bytes: a change to the layout, the fonts, the rasterizer or the
// encoder. TestVersion fails while it has not.
const version = 5

// Recipe returns a digest of what a card Draw makes from these arguments
// is made of: the arguments, and the version of the drawing. Draw records
// it in the card, so that a card found later, even by another process,
// tells by [Drawn] whether drawing it again would give the same bytes.
func Recipe(question, practice string, theme Theme, size Size) string {
	var b []byte
	b = strconv.AppendInt(b, version, 10)
	for _, s := range []string{question, practice} {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	b = append(b, theme.Primary.R, theme.Primary.G, theme.Primary.B,
		theme.Background.R, theme.Background.G, theme.Background.B)
	b = binary.AppendUvarint(b, uint64(size.Width))
	b = binary.AppendUvarint(b, uint64(size.Height))
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:recipeBytes])
}

// Drawn reports whether data is a card as Draw returned it for the
// recipe: the recipe recorded in it is this one, and it is a whole PNG
// whose every chunk still matches its CRC-32, which finds any change of
// up to 32 bits in a row and all but one in 2³² others.
func Drawn(data []byte, recipe string) bool {
	if len(recipe) != 2*recipeBytes || len(data) < len(pngSignature)+tailLen ||
		string(data[:len(pngSignature)]) != pngSignature ||
		!bytes.Equal(data[len(data)-tailLen:], tail(recipe)) {
		return false
	}
	return chunksWhole(data[len(pngSignature):])
}

// chunksWhole reports whether b is a run of PNG chunks, each matching
// its CRC-32, that ends with the IEND chunk.
func chunksWhole(b []byte) bool {
	for len(b) >= 12 {
		n := binary.BigEndian.Uint32(b)
		if uint64(n) > uint64(len(b)-12) {
			return false
		}
		body := b[4 : 8+n]
		if crc32.ChecksumIEEE(body) != binary.BigEndian.Uint32(b[8+n:]) {
			return false
		}
		if string(body[:4]) == "IEND" {
			return len(b) == 12+int(n)
		}
		b = b[12+n:]
	}
	return false
}

// recipeBytes is the length of a recipe's digest, in bytes.
const recipeBytes = 16

const (
	pngSignature = "\x89PNG\r\n\x1a\n"
	// textPrefix begins the text of a card's tEXt chunk: its keyword, the
	// NUL that ends it, and the word "card".
	textPrefix = "faqcast\x00card "
	// tailLen is the length of tail's result: a tEXt chunk holding
	// textPrefix and the recipe, then IEND.
	tailLen = 12 + len(textPrefix) + 2*recipeBytes + 12
)

// sign returns the PNG data, which ends in its IEND chunk, with a tEXt
// chunk recording the recipe put before IEND.
func sign(data []byte, recipe string) []byte {
	return append(data[:len(data)-12], tail(recipe)...)
}

// tail returns the last chunks of a card drawn for recipe: a tEXt chunk
// holding the recipe, then IEND.
func tail(recipe string) []byte {
	text := make([]byte, 0, tailLen-24)
	text = append(text, textPrefix...)
	text = append(text, recipe...)
	t := make([]byte, 0, tailLen)
	t = appendChunk(t, "tEXt", text)
	return appendChunk(t, "IEND", nil)
}

// appendChunk appends a PNG chunk to b.
func appendChunk(b []byte, kind string, data []byte) []byte {
	b = binary.BigEndian.AppendUint32(b, uint32(len(data)))
	start := len(b)
	b = append(b, kind...)
	b = append(b, data...)
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(b[start:]))
}
