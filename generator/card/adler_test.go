package card

import (
	"hash/adler32"
	"math/rand/v2"
	"testing"
)

func TestAdler32(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	// Lengths around the eight bytes a step and the 4,096 a chunk, and
	// bytes all 0xff, which make the sums largest.
	for _, n := range []int{0, 1, 7, 8, 9, 15, 16, 17, 600, 4095, 4096, 4097, 5552, 5553, 70000} {
		for _, fill := range []string{"random", "ff"} {
			p := make([]byte, n)
			for i := range p {
				if fill == "ff" {
					p[i] = 0xff
				} else {
					p[i] = byte(r.IntN(256))
				}
			}
			if got, want := adlerSum(p), adler32.Checksum(p); got != want {
				t.Errorf("%d bytes, %s: %08x, want %08x", n, fill, got, want)
			}
		}
	}
}

func FuzzAdler32(f *testing.F) {
	f.Add([]byte("Wikipedia"))
	f.Add([]byte("\xff\xff\xff\xff\xff\xff\xff\xff\xff"))
	f.Fuzz(func(t *testing.T, p []byte) {
		if got, want := adlerSum(p), adler32.Checksum(p); got != want {
			t.Errorf("adlerSum(%q) = %08x, want %08x", p, got, want)
		}
	})
}

func TestAdler32Combine(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, n := range [][2]int{{0, 0}, {0, 5}, {5, 0}, {1, 1}, {600, 600}, {70000, 65521}, {3, 200000}} {
		a, b := make([]byte, n[0]), make([]byte, n[1])
		for i := range a {
			a[i] = byte(r.IntN(256))
		}
		for i := range b {
			b[i] = 0xff
		}
		if got, want := adler32Combine(adler32.Checksum(a), adler32.Checksum(b), len(b)), adler32.Checksum(append(a, b...)); got != want {
			t.Errorf("lengths %v: combined %08x, want %08x", n, got, want)
		}
	}
}
