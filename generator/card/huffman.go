package card

import (
	"slices"
)

// huffmanLengths returns the lengths of a Huffman code for symbols used
// freq[s] times each, none longer than limit bits. A symbol not used gets
// no code (length 0). At least two symbols get codes, as decoders want
// every code but a distance code to have two: when fewer are used, the
// first unused ones are given codes too.
func huffmanLengths(freq []int, limit int) []uint8 {
	f := slices.Clone(freq)
	used := 0
	for _, n := range f {
		if n > 0 {
			used++
		}
	}
	for s := 0; used < 2 && s < len(f); s++ {
		if f[s] == 0 {
			f[s] = 1
			used++
		}
	}
	for {
		lengths := huffmanDepths(f)
		if slices.Max(lengths) <= uint8(limit) {
			return lengths
		}
		// Too deep: flatten the frequencies, keeping every symbol, and
		// build again. Rare for a card, and the code stays valid.
		for s, n := range f {
			if n > 0 {
				f[s] = (n + 1) / 2
			}
		}
	}
}

// huffmanDepths returns the depths of the symbols with non-zero freq in
// a Huffman tree of them, built by the two-queue method.
func huffmanDepths(freq []int) []uint8 {
	// Leaves are the used symbols, lightest first (ties by symbol, so that
	// the code is the same every time); inner nodes follow, made in order
	// of weight too, so the two lightest nodes are always at the fronts of
	// the two queues.
	// Sorted as one integer each, the count above the symbol: quicker
	// than comparing two fields, in the same order.
	syms := make([]uint64, 0, len(freq))
	for s, n := range freq {
		if n > 0 {
			syms = append(syms, uint64(n)<<symBits|uint64(s))
		}
	}
	slices.Sort(syms)
	leaves := len(syms)
	weight := make([]int, leaves, 2*leaves)
	for i, k := range syms {
		weight[i] = int(k >> symBits)
	}
	parent := make([]int, 2*leaves)
	li, ii := 0, leaves
	take := func() int {
		if li < leaves && (ii >= len(weight) || weight[li] <= weight[ii]) {
			li++
			return li - 1
		}
		ii++
		return ii - 1
	}
	for len(weight) < 2*leaves-1 {
		a, b := take(), take()
		parent[a], parent[b] = len(weight), len(weight)
		weight = append(weight, weight[a]+weight[b])
	}
	depth := make([]uint8, len(weight))
	for i := len(weight) - 2; i >= 0; i-- { // the root, last, has depth 0
		depth[i] = depth[parent[i]] + 1
	}
	lengths := make([]uint8, len(freq))
	for i, k := range syms {
		lengths[k&(1<<symBits-1)] = depth[i]
	}
	return lengths
}

// symBits is the number of bits that hold a symbol in huffmanDepths'
// sort keys: deflate's alphabets have at most 286 symbols.
const symBits = 9

// canonical returns the canonical Huffman code of the lengths (RFC 1951,
// section 3.2.2), bit-reversed for writing least significant bit first.
func canonical(lengths []uint8) []huffman {
	var count [16]int
	for _, l := range lengths {
		count[l]++
	}
	count[0] = 0
	var next [16]int
	code := 0
	for bits := 1; bits < 16; bits++ {
		code = (code + count[bits-1]) << 1
		next[bits] = code
	}
	codes := make([]huffman, len(lengths))
	for s, l := range lengths {
		if l > 0 {
			codes[s] = reversed(next[l], int(l))
			next[l]++
		}
	}
	return codes
}
