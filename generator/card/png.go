package card

import (
	"bytes"
	"encoding/binary"
	"image"
	"math/bits"
)

// pngBuffers are what encodePNG compresses a card in: grown as needed and
// kept for the next card, so that each card takes one allocation of its
// own size.
type pngBuffers struct {
	stream []byte   // the compressed stream
	tokens []uint32 // the block's symbols (see deflater)
}

// encodePNG returns img, whose palette has at most 16 colours, as a 4-bit
// paletted PNG, in a slice with capacity for spare more bytes. The
// compressed stream is made in scratch first.
//
// It compresses with a single deflate block of literals and two kinds of
// copies: runs of a byte, and stretches of the row above, which is how a
// card's rows of flat colour and text compress best, and codes them with
// Huffman codes made for the card (a card uses a few of the 256 byte
// values, and copies from two distances). This is several times faster
// than image/png, which matters when a site has thousands of cards, for
// files about the size of its default compression's.
func encodePNG(img *image.Paletted, scratch *pngBuffers, spare int) []byte {
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
	reach := stride >= minMatch && stride <= maxDistance // copies from the row above
	prev, cur := rows[:stride], rows[stride:]
	z := deflater{bitWriter: bitWriter{out: scratch.stream[:0]}, tokens: scratch.tokens[:0]}
	z.out = append(z.out, 0x78, 0x01) // zlib: deflate, 32K window, fastest
	sum := uint32(1)                  // the Adler-32 of no bytes
	var rowSum uint32                 // of the last row
	var above []uint8
	for y := range h {
		px := img.Pix[y*img.Stride : y*img.Stride+w]
		if y > 0 && reach && bytes.Equal(px, above) {
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
		rowSum = adlerSum(cur)
		sum = adler32Combine(sum, rowSum, stride)
		z.row(cur, prev, y > 0 && reach)
		prev, cur = cur, prev
	}
	z.finish()
	z.out = binary.BigEndian.AppendUint32(z.out, sum)
	scratch.stream, scratch.tokens = z.out, z.tokens

	b := make([]byte, 0, len(pngSignature)+4*12+len(ihdr)+len(plte)+len(z.out)+spare)
	b = append(b, pngSignature...)
	b = appendChunk(b, "IHDR", ihdr[:])
	b = appendChunk(b, "PLTE", plte)
	b = appendChunk(b, "IDAT", z.out)
	return appendChunk(b, "IEND", nil)
}

// A deflater writes one deflate block with dynamic Huffman codes (RFC
// 1951, section 3.2.7): it gathers the block's symbols and counts them,
// then writes the codes made for those counts, and the symbols.
type deflater struct {
	bitWriter
	dist      int    // the last distance matched
	distToken uint32 // its part of a token: its code and extra bits

	tokens   []uint32 // a literal byte, or a copy: see copyToken
	litFreq  [286]int // uses of each literal/length symbol
	distFreq [30]int  // uses of each distance symbol
}

// copyToken marks a token that is a copy: its length less 3 in bits 18
// to 25, its distance's code in bits 13 to 17 and the distance's extra
// bits in bits 0 to 12.
const copyToken = 1 << 31

// A bitWriter writes bits to out, least significant first.
type bitWriter struct {
	out   []byte
	acc   uint64 // bits not yet written
	nbits uint
}

// bits writes the n low bits of v, n at most 32. It keeps up to 31 bits
// back, and writes the rest four bytes at a time.
func (w *bitWriter) bits(v uint64, n uint) {
	w.acc |= v << w.nbits
	w.nbits += n
	if w.nbits >= 32 {
		w.out = binary.LittleEndian.AppendUint32(w.out, uint32(w.acc))
		w.acc >>= 32
		w.nbits -= 32
	}
}

// flush writes the bits kept back, the last padded to a byte.
func (w *bitWriter) flush() {
	for w.nbits > 0 {
		w.out = append(w.out, byte(w.acc))
		w.acc >>= 8
		w.nbits = max(w.nbits, 8) - 8
	}
	w.acc = 0
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

// literal adds literal byte b.
func (z *deflater) literal(b int) {
	z.tokens = append(z.tokens, uint32(b))
	z.litFreq[b]++
}

// copy writes copies of n bytes from dist bytes back, in pieces of at most
// 258 bytes, none shorter than 3.
func (z *deflater) copy(n, dist int) {
	if dist != z.dist {
		// A card copies from one byte back or one row up: remember the
		// code of the last distance and its part of a token.
		d := 29
		for distBase[d] > dist {
			d--
		}
		z.dist = dist
		z.distToken = copyToken | uint32(d)<<13 | uint32(dist-distBase[d])
	}
	for n > 0 {
		l := min(n, maxMatch)
		if n-l > 0 && n-l < minMatch {
			l = n - minMatch
		}
		z.tokens = append(z.tokens, z.distToken|uint32(l-minMatch)<<18)
		z.litFreq[257+int(lengthCode[l])]++
		z.distFreq[z.distToken>>13&0x1f]++
		n -= l
	}
}

const (
	minMatch    = 3
	maxMatch    = 258
	maxDistance = 32768
)

// Length and distance codes: the first length or distance of each code,
// RFC 1951, section 3.2.5.
var (
	lengthBase = [29]int{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
	lengthBits = [29]uint{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
	distBase   = [30]int{1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577}
	distBits   = [30]uint{0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13}
)

// codeLengthOrder is the order in which the code length code's lengths
// are written.
var codeLengthOrder = [19]int{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}

// finish writes the block: its header, with codes made for the symbols'
// counts, the symbols, the end of the block, and the last bits.
func (z *deflater) finish() {
	z.litFreq[256]++ // the end of the block
	litLen := huffmanLengths(z.litFreq[:], 15)
	distLen := huffmanLengths(z.distFreq[:], 15)
	nlit, ndist := len(litLen), len(distLen)
	for nlit > 257 && litLen[nlit-1] == 0 {
		nlit--
	}
	for ndist > 1 && distLen[ndist-1] == 0 {
		ndist--
	}

	// The lengths of both codes, run-length coded with symbols 16 (repeat
	// the last length 3 to 6 times), 17 (3 to 10 zeros) and 18 (11 to 138
	// zeros), as symbol<<8 | extra bits' value.
	lengths := append(litLen[:nlit:nlit], distLen[:ndist]...)
	var rle []uint16
	var clFreq [19]int
	for i := 0; i < len(lengths); {
		l := lengths[i]
		n := 1
		for i+n < len(lengths) && lengths[i+n] == l {
			n++
		}
		i += n
		switch {
		case l == 0:
			for n >= 11 {
				k := min(n, 138)
				rle = append(rle, 18<<8|uint16(k-11))
				clFreq[18]++
				n -= k
			}
			if n >= 3 {
				rle = append(rle, 17<<8|uint16(n-3))
				clFreq[17]++
				n = 0
			}
		default:
			rle = append(rle, uint16(l)<<8)
			clFreq[l]++
			n--
			for n >= 3 {
				k := min(n, 6)
				rle = append(rle, 16<<8|uint16(k-3))
				clFreq[16]++
				n -= k
			}
		}
		for ; n > 0; n-- {
			rle = append(rle, uint16(l)<<8)
			clFreq[l]++
		}
	}
	clLen := huffmanLengths(clFreq[:], 7)
	nclen := 19
	for nclen > 4 && clLen[codeLengthOrder[nclen-1]] == 0 {
		nclen--
	}

	z.bits(1, 1) // the final block
	z.bits(2, 2) // dynamic Huffman codes
	z.bits(uint64(nlit-257), 5)
	z.bits(uint64(ndist-1), 5)
	z.bits(uint64(nclen-4), 4)
	for _, s := range codeLengthOrder[:nclen] {
		z.bits(uint64(clLen[s]), 3)
	}
	clCode := canonical(clLen)
	for _, r := range rle {
		s, extra := r>>8, uint64(r&0xff)
		z.bits(uint64(clCode[s].code), uint(clCode[s].len))
		switch s {
		case 16:
			z.bits(extra, 2)
		case 17:
			z.bits(extra, 3)
		case 18:
			z.bits(extra, 7)
		}
	}

	z.symbols(canonical(litLen), canonical(distLen))
	z.flush()
}

// symbols writes the block's symbols and its end with the codes lit and
// dist, through a copy of z's bitWriter: this loop writes every symbol of
// a card, and a local's fields can stay in registers.
func (z *deflater) symbols(lit, dist []huffman) {
	// Each copy's length code and extra bits, for each length.
	var length [maxMatch + 1]struct {
		bits uint32
		n    uint8
	}
	for l := minMatch; l <= maxMatch; l++ {
		i := lengthCode[l]
		c := lit[257+int(i)]
		length[l].bits = uint32(c.code) | uint32(l-lengthBase[i])<<c.len
		length[l].n = c.len + uint8(lengthBits[i])
	}
	w := z.bitWriter
	for _, t := range z.tokens {
		if t&copyToken == 0 {
			c := lit[t&0xff]
			w.bits(uint64(c.code), uint(c.len))
			continue
		}
		lc := length[t>>18&0xff+minMatch]
		d, extra := t>>13&0x1f, t&0x1fff
		dc := dist[d]
		w.bits(uint64(lc.bits), uint(lc.n))
		w.bits(uint64(dc.code)|uint64(extra)<<dc.len, uint(dc.len)+distBits[d])
	}
	w.bits(uint64(lit[256].code), uint(lit[256].len))
	z.bitWriter = w
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
	for ; i+16 <= len(px); i += 16 {
		// Two groups of eight at a time, stored as one.
		lo := packed(binary.LittleEndian.Uint64(px[i:]))
		hi := packed(binary.LittleEndian.Uint64(px[i+8:]))
		binary.LittleEndian.PutUint64(dst[i/2:], lo|hi<<32)
	}
	for ; i+8 <= len(px); i += 8 {
		binary.LittleEndian.PutUint32(dst[i/2:], uint32(packed(binary.LittleEndian.Uint64(px[i:]))))
	}
	for ; i+1 < len(px); i += 2 {
		dst[i/2] = px[i]<<4 | px[i+1]&0x0f
	}
}

// packed returns the eight 4-bit pixels held in the low halves of x's
// bytes, first pixel in the lowest, as four bytes, each pair's first pixel
// in the high half of its byte.
func packed(x uint64) uint64 {
	x &= 0x0f0f0f0f0f0f0f0f
	// Byte j of z is pixel j in its high half and pixel j+1 in its low.
	z := x<<4 | x>>8
	// Keep the even bytes and close the gaps between them.
	z &= 0x00ff00ff00ff00ff
	z = (z | z>>8) & 0x0000ffff0000ffff
	return (z | z>>16) & 0x00000000ffffffff
}
