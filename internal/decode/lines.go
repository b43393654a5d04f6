package decode

import (
	"sort"
	"unicode/utf8"

	"github.com/faqcast/faqcast/internal/diag"
)

// A lineIndex converts byte offsets in a document to positions in the file
// that holds it. Lines end at '\n', as in [diag.PosAt].
//
// Columns are counted from the previous answer when it is on the same line
// and not after the offset asked for, so that asking for offsets in
// increasing order costs time in proportion to the length of the document,
// even if it is all on one line.
type lineIndex struct {
	src    []byte
	first  int   // the line that src[0] stands on
	starts []int // the offset at which each line begins

	lastOff, lastLine, lastCol int // the previous answer; lastLine indexes starts
}

func newLineIndex(src []byte, firstLine int) *lineIndex {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &lineIndex{src: src, first: max(firstLine, 1), starts: starts, lastCol: 1}
}

// pos returns the position of byte offset off. Offsets outside src are
// taken as its start or its end.
func (x *lineIndex) pos(off int) diag.Pos {
	off = min(max(off, 0), len(x.src))
	i := sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > off }) - 1
	i = max(i, 0)
	from, col := x.starts[i], 1
	if x.lastLine == i && from <= x.lastOff && x.lastOff <= off {
		from, col = x.lastOff, x.lastCol
	}
	col += utf8.RuneCount(x.src[from:off])
	x.lastOff, x.lastLine, x.lastCol = off, i, col
	return diag.Pos{Line: x.first + i, Col: col}
}
