package card

import (
	"bytes"
	"encoding/binary"
	"math/bits"
)

// pngBuffers are what encodePNG compresses a card in: grown as needed and
// kept for the next card, so that each card takes one allocation of its
// own size.
type pngBuffers struct {
	stream []byte // the compressed stream
}

// encodePNG returns cv, whose palette has at most 16 colours, as a 4-bit
// paletted PNG, in a slice with capacity for spare more bytes. The
// compressed stream is made in scratch first.
//
// It compresses with a single deflate block of literals and two kinds of
// copies: runs of a byte, and stretches of the row above, which is how a
// card's rows of flat colour and text compress best, and writes them with
// the code c, made for cards like cv (see [code]). This is several times
// faster than image/png, which matters when a site has thousands of cards,
// for files about the size of its default compression's. Any image can be
// written with any code; one made for other images makes larger files.
func encodePNG(cv *canvas, c *code, scratch *pngBuffers, spare int) []byte {
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(cv.width))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(cv.height))
	ihdr[8], ihdr[9] = 4, 3 // bit depth, colour type: palette
	plte := make([]byte, 0, 3*len(cv.palette))
	for _, c := range cv.palette {
		r, g, b, _ := c.RGBA()
		plte = append(plte, uint8(r>>8), uint8(g>>8), uint8(b>>8))
	}

	z := deflater{bitWriter: bitWriter{out: scratch.stream[:0]}, code: c}
	z.zlib(cv)
	scratch.stream = z.out

	b := make([]byte, 0, len(pngSignature)+4*12+len(ihdr)+len(plte)+len(z.out)+spare)
	b = append(b, pngSignature...)
	b = appendChunk(b, "IHDR", ihdr[:])
	b = appendChunk(b, "PLTE", plte)
	b = appendChunk(b, "IDAT", z.out)
	return appendChunk(b, "IEND", nil)
}

// zlib appends cv's rows to z.out as a zlib stream (RFC 1950) of one
// deflate block.
func (z *deflater) zlib(cv *canvas) {
	stride := cv.stride
	reach := stride >= minMatch && stride <= maxDistance // copies from the row above
	z.out = append(z.out, 0x78, 0x01)                    // zlib: deflate, 32K window, fastest
	z.writeHeader(z.code)
	z.back = distanceOf(z.code, 1)
	if reach {
		z.up = distanceOf(z.code, stride)
	}
	sum := uint32(1)  // the Adler-32 of no bytes
	var rowSum uint32 // of the last row
	var above []byte  // the last row, when copies reach it
	for y := range cv.height {
		cur := cv.pix[y*stride : (y+1)*stride]
		if above != nil && bytes.Equal(cur, above) {
			sum = adler32Combine(sum, rowSum, stride)
			z.copy(stride, &z.up)
			continue
		}
		rowSum = adlerSum(cur)
		sum = adler32Combine(sum, rowSum, stride)
		z.row(cur, above)
		if reach {
			above = cur
		}
	}
	z.finish()
	z.out = binary.BigEndian.AppendUint32(z.out, sum)
}

// A deflater writes one deflate block with the Huffman codes of code
// (RFC 1951, section 3.2.7), whose header is written first, writing each
// symbol as it is given; and, for training codes, counts them.
type deflater struct {
	bitWriter
	code *code
	// back and up are the two distances a card copies from, one byte
	// back and one row up, with the bits each is written as.
	back, up distance

	// count, if not nil, counts the symbols written.
	count *symbolCounts
}

// A distance is how a copy's distance is written: its symbol, and its
// bits (its code and extra bits) and their number.
type distance struct {
	sym int
	out uint64
	n   uint
}

// distanceOf returns dist, 1 to maxDistance, as code c writes it.
func distanceOf(c *code, dist int) distance {
	d := distCode(dist)
	h := c.dist[d]
	return distance{sym: d, out: uint64(h.code) | uint64(dist-distBase[d])<<h.len, n: uint(h.len) + distBits[d]}
}

// symbolCounts are the uses of each literal/length symbol and of each
// distance symbol in a block.
type symbolCounts struct {
	lit  [numLit]int
	dist [numDist]int
}

// A bitWriter writes bits to out, least significant first.
type bitWriter struct {
	out   []byte
	acc   uint64 // bits not yet written
	nbits uint
}

// bits writes the n low bits of v, n at most 32. It keeps up to 31 bits
// back, and writes the rest four bytes at a time.
func (w *bitWriter) bits(v uint64, n uint) {
	w.out, w.acc, w.nbits = put(w.out, w.acc, w.nbits, v, n)
}

// put is bits for a writer's fields held in variables, which the compiler
// keeps in registers through a loop of writes (a bitWriter is too large
// for it to): it returns them with the n low bits of v written.
func put(out []byte, acc uint64, nbits uint, v uint64, n uint) ([]byte, uint64, uint) {
	acc |= v << nbits
	nbits += n
	if nbits >= 32 {
		out = binary.LittleEndian.AppendUint32(out, uint32(acc))
		acc >>= 32
		nbits -= 32
	}
	return out, acc, nbits
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

// literal writes literal byte b.
func (z *deflater) literal(b byte) {
	c := z.code.lit[b]
	z.bits(uint64(c.code), uint(c.len))
	if z.count != nil {
		z.count.lit[b]++
	}
}

// copy writes copies of n bytes from d back, in pieces of at most 258
// bytes, none shorter than 3.
func (z *deflater) copy(n int, d *distance) {
	out, acc, nbits := z.out, z.acc, z.nbits
	for n > 0 {
		l := min(n, maxMatch)
		if n-l > 0 && n-l < minMatch {
			l = n - minMatch
		}
		lc := &z.code.length[l]
		out, acc, nbits = put(out, acc, nbits, uint64(lc.bits), uint(lc.n))
		out, acc, nbits = put(out, acc, nbits, d.out, d.n)
		if z.count != nil {
			z.count.lit[257+int(lengthCode[l])]++
			z.count.dist[d.sym]++
		}
		n -= l
	}
	z.out, z.acc, z.nbits = out, acc, nbits
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

// distCode returns the distance code of dist, 1 to maxDistance: the
// largest d with distBase[d] <= dist. Past the first four, the codes come
// two for each power of two, the second for the upper half of its
// distances.
func distCode(dist int) int {
	if dist <= 4 {
		return dist - 1
	}
	n := bits.Len(uint(dist - 1)) // at least 3
	return 2*(n-1) + int(uint(dist-1)>>(n-2)&1)
}

// finish writes the end of the block and the last bits.
func (z *deflater) finish() {
	c := z.code.lit[256]
	z.bits(uint64(c.code), uint(c.len))
	if z.count != nil {
		z.count.lit[256]++
	}
	z.flush()
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

// row writes one row of the image, given the row above if a copy can
// reach it, or else nil.
func (z *deflater) row(cur, prev []byte) {
	for i := 0; i < len(cur); {
		// Each match is looked for only if its first byte matches.
		run := 0
		if i > 0 && cur[i] == cur[i-1] {
			// A run of the byte before is a copy from one byte back.
			run = matchLen(cur[i:], cur[i-1:])
		}
		same := 0
		if i < len(prev) && cur[i] == prev[i] {
			same = matchLen(cur[i:], prev[i:])
		}
		switch {
		case same >= minMatch && same >= run:
			z.copy(same, &z.up)
			i += same
		case run >= minMatch:
			z.copy(run, &z.back)
			i += run
		default:
			z.literal(cur[i])
			i++
		}
	}
}

// matchLen returns how many bytes a and b have in common from the start,
// comparing sixteen at a time.
func matchLen(a, b []byte) int {
	n := min(len(a), len(b))
	a, b = a[:n], b[:n]
	i := 0
	for ; i+16 <= n; i += 16 {
		x := binary.LittleEndian.Uint64(a[i:i+8]) ^ binary.LittleEndian.Uint64(b[i:i+8])
		y := binary.LittleEndian.Uint64(a[i+8:i+16]) ^ binary.LittleEndian.Uint64(b[i+8:i+16])
		if x|y != 0 {
			if x != 0 {
				return i + bits.TrailingZeros64(x)/8
			}
			return i + 8 + bits.TrailingZeros64(y)/8
		}
	}
	if i+8 <= n {
		if x := binary.LittleEndian.Uint64(a[i:i+8]) ^ binary.LittleEndian.Uint64(b[i:i+8]); x != 0 {
			return i + bits.TrailingZeros64(x)/8
		}
		i += 8
	}
	for ; i < n && a[i] == b[i]; i++ {
	}
	return i
}
