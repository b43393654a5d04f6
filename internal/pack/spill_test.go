package pack

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
)

// spilled returns a Packer with a Spill in a new folder, closed at the
// end of the test, and the folder.
func spilled(t *testing.T) (*Packer, string) {
	t.Helper()
	dir := t.TempDir()
	s, err := NewSpill(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return &Packer{Spill: s}, dir
}

func TestSpillRoundTrip(t *testing.T) {
	pk, _ := spilled(t)
	page := []byte(strings.Repeat("<p>Is a root canal painful? Not with numbing.</p>\n", 500))
	var ps []Packed
	for i := range 20 {
		ps = append(ps, pk.Pack(page[:len(page)-i]))
	}
	for i, p := range ps {
		if p.z != nil || p.spill == nil {
			t.Fatalf("piece %d held in memory, want spilled", i)
		}
		got, err := pk.Unpack(p)
		if err != nil || !bytes.Equal(got, page[:len(page)-i]) {
			t.Fatalf("piece %d: Unpack = %d bytes, %v; want %d", i, len(got), err, len(page)-i)
		}
	}
	if size := pk.Spill.end; size == 0 || size*4 > int64(20*len(page)) {
		t.Errorf("spilled %d bytes for %d, want packed", size, 20*len(page))
	}
	if p := pk.Pack(nil); p.spill != nil || p.Len() != 0 {
		t.Errorf("Pack(nil) = %+v, want the zero Packed", p)
	}
}

// TestSpillLeavesNothing checks that a spill's file is gone once it is
// closed, and at once where the system allows.
func TestSpillLeavesNothing(t *testing.T) {
	pk, dir := spilled(t)
	pk.Pack([]byte("general education, not medical advice"))
	names := func() int {
		list, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		return len(list)
	}
	if pk.Spill.removed && names() != 0 {
		t.Errorf("%d files in the folder of an open spill whose file was removed", names())
	}
	if err := pk.Spill.Close(); err != nil {
		t.Fatal(err)
	}
	if n := names(); n != 0 {
		t.Errorf("%d files left in the folder of a closed spill", n)
	}
	if err := pk.Spill.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

// TestSpillClosed checks that bytes spilled to a closed spill are no
// longer held, and that Pack keeps in memory what it cannot spill.
func TestSpillClosed(t *testing.T) {
	pk, _ := spilled(t)
	p := pk.Pack([]byte("Do sealants wear off?"))
	if !p.Held() {
		t.Fatal("Held = false before the spill is closed")
	}
	pk.Spill.Close()
	if p.Held() {
		t.Error("Held = true after the spill is closed")
	}
	if got, err := pk.Unpack(p); err == nil {
		t.Errorf("Unpack after Close = %q, nil error; want an error", got)
	}
	q := pk.Pack([]byte("Do sealants wear off?"))
	if q.spill != nil || !q.Held() {
		t.Errorf("Pack into a closed spill: spilled %v, held %v; want kept in memory", q.spill != nil, q.Held())
	}
	if got, err := pk.Unpack(q); err != nil || string(got) != "Do sealants wear off?" {
		t.Errorf("Unpack = %q, %v", got, err)
	}
	if !(Packed{}).Held() {
		t.Error("the zero Packed is not held")
	}
}

// TestSpillCorrupt checks that spilled bytes changed in the file, or a
// Packed that does not match the file, are refused.
func TestSpillCorrupt(t *testing.T) {
	pk, _ := spilled(t)
	text := []byte(strings.Repeat("Brush twice a day for two minutes. ", 40))
	good := pk.Pack(text)
	other := pk.Pack([]byte("another piece, after the first"))
	for _, tc := range []struct {
		name string
		p    Packed
	}{
		{"past the end", func() Packed { p := good; p.at = 1 << 30; return p }()},
		{"wrong place", func() Packed { p := good; p.at = other.at; return p }()},
		{"wrong seal", func() Packed { p := good; p.seal++; return p }()},
		{"wrong length", func() Packed { p := good; p.n++; return p }()},
		{"in memory too", func() Packed { p := good; p.z = []byte{1}; return p }()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got, err := pk.Unpack(tc.p); err == nil {
				t.Errorf("Unpack = %d bytes, nil error; want an error", len(got))
			}
		})
	}
	// A byte changed in the file.
	pk.Spill.mu.Lock()
	if err := pk.Spill.flush(); err != nil {
		t.Fatal(err)
	}
	pk.Spill.mu.Unlock()
	if _, err := pk.Spill.f.WriteAt([]byte{0xff}, good.at+int64(good.zn)/2); err != nil {
		t.Fatal(err)
	}
	if _, err := pk.Unpack(good); !errors.Is(err, errCorrupt) {
		t.Errorf("Unpack of changed bytes: %v, want %v", err, errCorrupt)
	}
	if got, err := pk.Unpack(other); err != nil || string(got) != "another piece, after the first" {
		t.Errorf("Unpack of the next piece = %q, %v", got, err)
	}
}

// TestSpillBatches checks pieces spilled across batches, one larger than a
// batch, and each read back before and after its batch is written.
func TestSpillBatches(t *testing.T) {
	pk, _ := spilled(t)
	var texts [][]byte
	var ps []Packed
	check := func(when string) {
		t.Helper()
		for i, p := range ps {
			if got, err := pk.Unpack(p); err != nil || !bytes.Equal(got, texts[i]) {
				t.Fatalf("%s: piece %d: Unpack = %d bytes, %v; want %d", when, i, len(got), err, len(texts[i]))
			}
		}
	}
	for i := range 300 {
		var text []byte
		if i == 150 {
			text = noise(batch+1000, 1) // more than a batch
		} else {
			text = []byte(strings.Repeat(fmt.Sprintf("piece %d: the flu shot each fall. ", i), 60+i))
		}
		texts = append(texts, text)
		ps = append(ps, pk.Pack(text))
		if ps[i].spill == nil {
			t.Fatalf("piece %d held in memory, want spilled", i)
		}
		if i%50 == 0 {
			check(fmt.Sprintf("after piece %d", i))
		}
	}
	check("at the end")
	s := pk.Spill
	if len(s.tail) == 0 || len(s.tail) > batch || s.end <= batch {
		t.Errorf("spilled %d bytes with %d not written yet, want more than a batch (%d) with less than one not written", s.end, len(s.tail), batch)
	}
}

// TestSpillRefused checks that a batch the file refuses is kept in memory,
// and that later pieces are.
func TestSpillRefused(t *testing.T) {
	pk, _ := spilled(t)
	first := pk.Pack([]byte("Can I bring my own music to a cleaning?"))
	if first.spill == nil {
		t.Fatal("first piece held in memory, want spilled")
	}
	pk.Spill.f.Close() // every write fails from now on
	var ps []Packed
	var texts [][]byte
	for i := range 3 {
		texts = append(texts, noise(batch/2, uint32(i)))
		ps = append(ps, pk.Pack(texts[i]))
	}
	// The second piece's put writes the batch of the first two, which
	// the file refuses.
	if ps[0].spill == nil || ps[1].spill != nil || ps[2].spill != nil {
		t.Errorf("pieces spilled: %v, %v, %v; want the first alone", ps[0].spill != nil, ps[1].spill != nil, ps[2].spill != nil)
	}
	if got, err := pk.Unpack(first); err != nil || string(got) != "Can I bring my own music to a cleaning?" {
		t.Errorf("Unpack of the refused batch's piece = %q, %v", got, err)
	}
	for i, p := range ps {
		if got, err := pk.Unpack(p); err != nil || !bytes.Equal(got, texts[i]) {
			t.Errorf("piece %d: Unpack = %d bytes, %v", i, len(got), err)
		}
	}
}

// noise returns n bytes S2 cannot shrink, the same for the same seed.
func noise(n int, seed uint32) []byte {
	b := make([]byte, n)
	x := seed
	for i := range b {
		x = x*1664525 + 1013904223
		b[i] = byte(x >> 24)
	}
	return b
}
