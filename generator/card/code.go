package card

import "sync"

// A code is the Huffman codes a card's deflate block is written with (RFC
// 1951, section 3.2.7), and the block's header that records them.
//
// Every card whose palette is laid out alike (see [scheme]) is written
// with the same code, made from the counts of the symbols of cards drawn
// for training (see codelengths.go): their symbols are much alike, as
// they are the same few colours, runs and copies of the row above, and a
// code made for each card would save it 1 to 6 percent of its bytes. With
// the code known before the first row, the encoder writes each symbol as
// it finds it, instead of keeping them all, counting them, making a code
// for them and writing them in a second pass.
type code struct {
	lit  [numLit]huffman
	dist [numDist]huffman
	// length holds each copy length's code and extra bits, and their
	// length.
	length [maxMatch + 1]struct {
		bits uint32
		n    uint8
	}
	// header is the block's first bits: that it is the last block, with
	// codes of its own, and their lengths. It is header.out's bytes, then
	// header.nbits bits of header.acc.
	header bitWriter
}

// The sizes of deflate's alphabets: literals, the end of a block and
// lengths; distances.
const (
	numLit  = 286
	numDist = 30
)

// A scheme is how a card's palette is laid out (see [palette]): the two
// texts' shades share one ramp of 16 colours, or each has one of 8.
type scheme int

const (
	oneRamp scheme = iota
	twoRamps
)

// codes returns the code of each scheme, made once from codeLengths.
var codes = sync.OnceValue(func() [2]*code {
	return [2]*code{newCode(codeLengths[oneRamp]), newCode(codeLengths[twoRamps])}
})

// newCode returns the code whose literal and length codes have the first
// numLit of lengths and whose distance codes have the rest.
func newCode(lengths [numLit + numDist]uint8) *code {
	c := new(code)
	lit, dist := canonical(lengths[:numLit]), canonical(lengths[numLit:])
	copy(c.lit[:], lit)
	copy(c.dist[:], dist)
	for l := minMatch; l <= maxMatch; l++ {
		i := lengthCode[l]
		h := c.lit[257+int(i)]
		c.length[l].bits = uint32(h.code) | uint32(l-lengthBase[i])<<h.len
		c.length[l].n = h.len + uint8(lengthBits[i])
	}
	c.header.bits(1, 1) // the last block
	c.header.bits(2, 2) // with codes of its own
	c.header.codeLengths(lengths[:numLit], lengths[numLit:])
	return c
}

// writeHeader writes c's header to w.
func (w *bitWriter) writeHeader(c *code) {
	for _, b := range c.header.out {
		w.bits(uint64(b), 8)
	}
	w.bits(c.header.acc, c.header.nbits)
}

// codeLengths writes the lengths of a block's codes, litLen and distLen,
// as a block header records them: run-length coded with symbols 16 (repeat
// the last length 3 to 6 times), 17 (3 to 10 zeros) and 18 (11 to 138
// zeros), which a code of their own codes.
func (w *bitWriter) codeLengths(litLen, distLen []uint8) {
	nlit, ndist := len(litLen), len(distLen)
	for nlit > 257 && litLen[nlit-1] == 0 {
		nlit--
	}
	for ndist > 1 && distLen[ndist-1] == 0 {
		ndist--
	}
	// Each run-length symbol as symbol<<8 | its extra bits' value.
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
	w.bits(uint64(nlit-257), 5)
	w.bits(uint64(ndist-1), 5)
	w.bits(uint64(nclen-4), 4)
	for _, s := range codeLengthOrder[:nclen] {
		w.bits(uint64(clLen[s]), 3)
	}
	clCode := canonical(clLen)
	for _, r := range rle {
		s, extra := r>>8, uint64(r&0xff)
		w.bits(uint64(clCode[s].code), uint(clCode[s].len))
		switch s {
		case 16:
			w.bits(extra, 2)
		case 17:
			w.bits(extra, 3)
		case 18:
			w.bits(extra, 7)
		}
	}
}

// codeLengthOrder is the order in which the code length code's lengths
// are written.
var codeLengthOrder = [19]int{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}
