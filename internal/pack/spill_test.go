package pack

import (
	"bytes"
	"errors"
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
