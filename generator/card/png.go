package card

import (
	"bytes"
	"encoding/binary"
	"hash/adler32"
	"image"
	"math/bits"
)

// encodePNG returns img, whose palette has at most 16 colours, as a 4-bit
// paletted PNG, in a slice with capacity for spare more bytes. The
// compressed stream is made in *scratch first, which is grown as needed
// and kept for the next card, so that each card takes one allocation of
// its own size.
//
// It compresses with a single fixed-Huffman deflate block of literals and
// two kinds of copies: runs of a byte, and stretches of the row above,
// which is how a card's rows of flat colour and text compress best. This
// is several times faster than image/png for the same size of file, which
// matters when a site has thousands of cards.
func encodePNG(img *image.Paletted, scratch *[]byte, spare int) []byte {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = 4, 3 // bit depth, colour type: palette
	plte := make([]byte, 0, 3*len(img.Palette))
	for _, c := range img.Palette {
		r, g, b, _ := c.RGBA()
		plte = append(plte, uint8(r>>8), uint8(g>>8), uint8(b>>8))
	}

	// Each row is a filter byte (0, none) and two pixels a byte.
	stride := 1 + (w+1)/2
	rows := make([]byte, 2*stride)
	prev, cur := rows[:stride], rows[stride:]
	z := deflater{out: (*scratch)[:0]}
	z.out = append(z.out, 0x78, 0x01) // zlib: deflate, 32K window, fastest
	z.bits(1, 1)                      // final block
	z.bits(1, 2)                      // fixed Huffman codes
	sum := uint32(1)                  // the Adler-32 of no bytes
	var rowSum uint32                 // of the last row
	var above []uint8
	for y := range h {
		px := img.Pix[y*img.Stride : y*img.Stride+w]
		if y > 0 && stride >= minMatch && bytes.Equal(px, above) {
			sum = adler32Combine(sum, rowSum, stride)
			z.copy(stride, stride)
			continue
		}
		above = px
		cur[0] = 0
		pack(cur[1:], px[:w&^1])
		if w%2 == 1 {
			cur[stride-1] = px[w-1] << 4
		}
		rowSum = adler32.Checksum(cur)
		sum = adler32Combine(sum, rowSum, stride)
		z.row(cur, prev, y > 0)
		prev, cur = cur, prev
	}
	z.literal(256) // end of block
	z.flush()
	z.out = binary.BigEndian.AppendUint32(z.out, sum)
	*scratch = z.out

	b := make([]byte, 0, len(pngSignature)+4*12+len(ihdr)+len(plte)+len(z.out)+spare)
	b = append(b, pngSignature...)
	b = appendChunk(b, "IHDR", ihdr[:])
	b = appendChunk(b, "PLTE", plte)
	b = appendChunk(b, "IDAT", z.out)
	return appendChunk(b, "IEND", nil)
}

// A deflater writes a deflate block with the fixed Huffman codes of RFC
// 1951, section 3.2.6.
type deflater struct {
	out      []byte
	acc      uint64 // bits not yet written, least significant first
	nbits    uint
	dist     int // the last distance matched, and its code
	distCode int
}

// bits writes the n low bits of v, least significant first, n at most 32.
// It keeps up to 31 bits back, and writes the rest four bytes at a time.
func (z *deflater) bits(v uint64, n uint) {
	z.acc |= v << z.nbits
	z.nbits += n
	if z.nbits >= 32 {
		z.out = binary.LittleEndian.AppendUint32(z.out, uint32(z.acc))
		z.acc >>= 32
		z.nbits -= 32
	}
}

// A huffman is a Huffman code, bit-reversed for writing least
// significant bit first.
type huffman struct {
	code uint16
	len  uint8
}

// reversed returns the n-bit code c with its bits in reverse order.
func reversed(c, n int) huffman {
	var r int
	for range n {
		r = r<<1 | c&1
		c >>= 1
	}
	return huffman{code: uint16(r), len: uint8(n)}
}

// The fixed Huffman codes of literal/length and distance symbols.
var fixedLiteral, fixedDistance = func() (lit [288]huffman, dist [30]huffman) {
	for s := range lit {
		switch {
		case s < 144:
			lit[s] = reversed(0x30+s, 8)
		case s < 256:
			lit[s] = reversed(0x190+s-144, 9)
		case s < 280:
			lit[s] = reversed(s-256, 7)
		default:
			lit[s] = reversed(0xc0+s-280, 8)
		}
	}
	for d := range dist {
		dist[d] = reversed(d, 5)
	}
	return lit, dist
}()

// literal writes literal/length symbol s.
func (z *deflater) literal(s int) {
	c := fixedLiteral[s]
	z.bits(uint64(c.code), uint(c.len))
}

// copy writes copies of n bytes from dist bytes back, in pieces of at most
// 258 bytes, none shorter than 3.
func (z *deflater) copy(n, dist int) {
	for n > 0 {
		l := min(n, maxMatch)
		if n-l > 0 && n-l < minMatch {
			l = n - minMatch
		}
		z.match(l, dist)
		n -= l
	}
}

const (
	minMatch = 3
	maxMatch = 258
)

// Length and distance codes: the first length or distance of each code,
// RFC 1951, section 3.2.5.
var (
	lengthBase = [29]int{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
	lengthBits = [29]uint{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
	distBase   = [30]int{1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577}
	distBits   = [30]uint{0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13}
)

// match writes one copy of l bytes (3 to 258) from dist bytes back.
func (z *deflater) match(l, dist int) {
	i := lengthCode[l]
	z.literal(257 + int(i))
	z.bits(uint64(l-lengthBase[i]), lengthBits[i])
	if dist != z.dist {
		// A card copies from one byte back or one row up: remember the
		// code of the last distance.
		d := 29
		for distBase[d] > dist {
			d--
		}
		z.dist, z.distCode = dist, d
	}
	d := z.distCode
	z.bits(uint64(fixedDistance[d].code), 5)
	z.bits(uint64(dist-distBase[d]), distBits[d])
}

// lengthCode is the length code of each match length, 3 to 258.
var lengthCode = func() (t [maxMatch + 1]uint8) {
	for l := minMatch; l <= maxMatch; l++ {
		i := 28
		for lengthBase[i] > l {
			i--
		}
		t[l] = uint8(i)
	}
	return t
}()

// row writes one row of the image, given the row above if there is one.
func (z *deflater) row(cur, prev []byte, above bool) {
	stride := len(cur)
	for i := 0; i < len(cur); {
		// Each match is looked for only if its first byte matches.
		run := 0
		if i > 0 && cur[i] == cur[i-1] {
			// A run of the byte before is a copy from one byte back.
			run = matchLen(cur[i:], cur[i-1:])
		}
		same := 0
		if above && cur[i] == prev[i] {
			same = matchLen(cur[i:], prev[i:])
		}
		switch {
		case same >= minMatch && same >= run:
			z.copy(same, stride)
			i += same
		case run >= minMatch:
			z.copy(run, 1)
			i += run
		default:
			z.literal(int(cur[i]))
			i++
		}
	}
}

// flush writes the bits kept back, the last padded to a byte.
func (z *deflater) flush() {
	for z.nbits > 0 {
		z.out = append(z.out, byte(z.acc))
		z.acc >>= 8
		z.nbits = max(z.nbits, 8) - 8
	}
	z.acc = 0
}

// adler32Combine returns the Adler-32 checksum of a's bytes followed by b's,
// n of them, from the checksums a and b (RFC 1950; zlib's
// adler32_combine): the checksum of a repeated row costs nothing.
func adler32Combine(a, b uint32, n int) uint32 {
	const mod = 65521
	rem := uint32(n % mod)
	s1 := a & 0xffff
	s2 := rem * s1 % mod
	s1 += (b & 0xffff) + mod - 1
	s2 += (a >> 16) + (b >> 16) + mod - rem
	if s1 >= mod {
		s1 -= mod
	}
	if s1 >= mod {
		s1 -= mod
	}
	if s2 >= 2*mod {
		s2 -= 2 * mod
	}
	if s2 >= mod {
		s2 -= mod
	}
	return s2<<16 | s1
}

// matchLen returns how many bytes a and b have in common from the start,
// comparing eight at a time.
func matchLen(a, b []byte) int {
	n := min(len(a), len(b))
	i := 0
	for ; i+8 <= n; i += 8 {
		if x := binary.LittleEndian.Uint64(a[i:]) ^ binary.LittleEndian.Uint64(b[i:]); x != 0 {
			return i + bits.TrailingZeros64(x)/8
		}
	}
	for ; i < n && a[i] == b[i]; i++ {
	}
	return i
}

// pack packs pairs of 4-bit palette indices in px into dst, the first of
// each pair in the high half of a byte, eight pixels at a time.
func pack(dst, px []uint8) {
	i := 0
	for ; i+8 <= len(px); i += 8 {
		x := binary.LittleEndian.Uint64(px[i:]) & 0x0f0f0f0f0f0f0f0f
		// Byte j of z is pixel j in its high half and pixel j+1 in its low.
		z := x<<4 | x>>8
		// Keep the even bytes and close the gaps between them.
		z &= 0x00ff00ff00ff00ff
		z = (z | z>>8) & 0x0000ffff0000ffff
		z = (z | z>>16) & 0x00000000ffffffff
		binary.LittleEndian.PutUint32(dst[i/2:], uint32(z))
	}
	for ; i+1 < len(px); i += 2 {
		dst[i/2] = px[i]<<4 | px[i+1]&0x0f
	}
}
