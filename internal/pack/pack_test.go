package pack

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	random := make([]byte, 100_000)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range random {
		random[i] = byte(rng.Uint32())
	}
	page := []byte(strings.Repeat("<p>How long does a cleaning take? About an hour.</p>\n", 2000))
	for _, tc := range []struct {
		name    string
		in      []byte
		smaller bool // whether it must pack smaller
	}{
		{"nil", nil, false},
		{"empty", []byte{}, false},
		{"one byte", []byte{0}, false},
		{"page", page, true},
		{"random", random, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var pk Packer
			p := pk.Pack(tc.in)
			if p.Len() != len(tc.in) {
				t.Errorf("Len = %d, want %d", p.Len(), len(tc.in))
			}
			if tc.smaller && len(p.z)*4 > len(tc.in) {
				t.Errorf("packed to %d bytes for %d, want under a quarter", len(p.z), len(tc.in))
			}
			for range 2 { // unpacking does not use p up
				got, err := pk.Unpack(p)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, tc.in) || got == nil || cap(got) != len(got) {
					t.Fatalf("Unpack = %d bytes (cap %d), want the %d packed", len(got), cap(got), len(tc.in))
				}
			}
		})
	}
}

// TestUnpackTo checks that UnpackTo unpacks into the memory it is given
// when it has room, and into new memory when it has not.
func TestUnpackTo(t *testing.T) {
	var pk Packer
	text := []byte(strings.Repeat("Floss once a day. ", 30))
	p := pk.Pack(text)
	roomy := make([]byte, 3, len(text)+10)
	got, err := pk.UnpackTo(roomy, p)
	if err != nil || !bytes.Equal(got, text) || &got[0] != &roomy[:1][0] {
		t.Errorf("UnpackTo with room: %d bytes, %v; want the text in the buffer's memory", len(got), err)
	}
	small := make([]byte, 0, len(text)-1)
	got, err = pk.UnpackTo(small, p)
	if err != nil || !bytes.Equal(got, text) || &got[0] == &small[:1][0] {
		t.Errorf("UnpackTo without room: %d bytes, %v; want the text in new memory", len(got), err)
	}
	if got, err := pk.UnpackTo(roomy, Packed{}); err != nil || len(got) != 0 {
		t.Errorf("UnpackTo of nothing = %q, %v", got, err)
	}
}

// TestPackDoesNotKeep checks that Pack copies what it needs: changing the
// slice after packing changes nothing.
func TestPackDoesNotKeep(t *testing.T) {
	var pk Packer
	b := []byte("a page, then the next")
	p := pk.Pack(b)
	q := pk.Pack([]byte("other bytes, packed with the same compressor"))
	b[0] = 'X'
	got, err := pk.Unpack(p)
	if err != nil || string(got) != "a page, then the next" {
		t.Errorf("Unpack = %q, %v", got, err)
	}
	if got, err := pk.Unpack(q); err != nil || string(got) != "other bytes, packed with the same compressor" {
		t.Errorf("Unpack = %q, %v", got, err)
	}
}

func TestCorrupt(t *testing.T) {
	var pk Packer
	good := pk.Pack([]byte(strings.Repeat("general education, not medical advice. ", 50)))
	for _, tc := range []struct {
		name string
		p    Packed
	}{
		{"longer than packed", Packed{z: good.z, n: good.n + 1}},
		{"shorter than packed", Packed{z: good.z, n: good.n - 1}},
		{"truncated", Packed{z: good.z[:len(good.z)/2], n: good.n}},
		{"garbage", Packed{z: []byte{0xff, 0xff, 0xff}, n: 10}},
		{"bytes for nothing", Packed{z: good.z, n: 0}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got, err := pk.Unpack(tc.p); err == nil {
				t.Errorf("Unpack = %d bytes, nil error; want an error", len(got))
			}
		})
	}
	// A failure leaves the Packer usable.
	if got, err := pk.Unpack(good); err != nil || got[0] != 'g' {
		t.Errorf("after errors: Unpack = %.10q, %v", got, err)
	}
}

func TestConcurrent(t *testing.T) {
	inSpill, _ := spilled(t)
	for name, pk := range map[string]*Packer{"in memory": {}, "spilled": inSpill} {
		t.Run(name, func(t *testing.T) {
			var wg sync.WaitGroup
			for g := range 8 {
				wg.Go(func() {
					for i := range 50 {
						in := []byte(strings.Repeat(string(rune('a'+g)), 100*i+1))
						got, err := pk.Unpack(pk.Pack(in))
						if err != nil || !bytes.Equal(got, in) {
							t.Errorf("goroutine %d, %d: round trip failed: %v", g, i, err)
							return
						}
					}
				})
			}
			wg.Wait()
		})
	}
}

// TestPacks checks that Packs takes an S2 block from Encode as a Packed
// that unpacks to what was encoded, in memory or spilled, keeping none of
// the block it is given, and refuses what is no S2 block.
func TestPacks(t *testing.T) {
	text := []byte(strings.Repeat("Bring your insurance card. ", 40))
	spilledPk, _ := spilled(t)
	for _, pk := range []*Packer{{}, spilledPk} {
		for _, in := range [][]byte{nil, {}, []byte("x"), text} {
			prefix := []byte("record:")
			z := Encode(prefix, in)
			if !bytes.Equal(z[:len(prefix)], prefix) {
				t.Fatalf("Encode changed what it appended to: %q", z[:len(prefix)])
			}
			z = z[len(prefix):]
			p, err := pk.Packs(z)
			if err != nil {
				t.Fatalf("Packs(Encode(%d bytes)): %v", len(in), err)
			}
			clear(z) // Packs keeps none of it
			got, err := pk.Unpack(p)
			if err != nil || !bytes.Equal(got, in) || p.Len() != len(in) {
				t.Errorf("spilled %v, %d bytes: Unpack = %d bytes, %v", pk.Spill != nil, len(in), len(got), err)
			}
		}
		if _, err := pk.Packs([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}); err == nil {
			t.Error("Packs took bytes that are no S2 block")
		}
	}
}

func FuzzRoundTrip(f *testing.F) {
	f.Add([]byte("<!doctype html><title>Do fillings hurt?</title>"))
	f.Add([]byte{})
	spill, err := NewSpill(f.TempDir())
	if err != nil {
		f.Fatal(err)
	}
	defer spill.Close()
	f.Fuzz(func(t *testing.T, in []byte) {
		for _, pk := range []*Packer{{}, {Spill: spill}} {
			got, err := pk.Unpack(pk.Pack(in))
			if err != nil || !bytes.Equal(got, in) {
				t.Fatalf("round trip of %d bytes (spilled: %v): %d bytes, %v", len(in), pk.Spill != nil, len(got), err)
			}
			p, err := pk.Packs(Encode(nil, in))
			if err != nil {
				t.Fatalf("Packs(Encode(%d bytes)): %v", len(in), err)
			}
			if got, err := pk.Unpack(p); err != nil || !bytes.Equal(got, in) {
				t.Fatalf("Packs of %d bytes (spilled: %v): %d bytes, %v", len(in), pk.Spill != nil, len(got), err)
			}
		}
	})
}

func FuzzUnpack(f *testing.F) {
	var pk Packer
	f.Add(pk.Pack([]byte("not medical advice")).z, 18)
	f.Add([]byte{1, 0, 0, 0xff, 0xff}, 0)
	f.Fuzz(func(t *testing.T, z []byte, n int) {
		if n < 0 || n > 1<<20 {
			return
		}
		got, err := pk.Unpack(Packed{z: z, n: n})
		if err == nil && len(got) != n {
			t.Fatalf("Unpack = %d bytes, nil error; want %d", len(got), n)
		}
	})
}

func FuzzPacks(f *testing.F) {
	f.Add(Encode(nil, []byte("call us to book")))
	f.Add([]byte{0})
	f.Add([]byte{0x80, 0x80, 0x80, 0x80, 0x10})
	f.Fuzz(func(t *testing.T, z []byte) {
		var pk Packer
		p, err := pk.Packs(z)
		if err != nil || p.Len() > 1<<20 {
			return
		}
		if got, err := pk.Unpack(p); err == nil && len(got) != p.Len() {
			t.Fatalf("Unpack = %d bytes, nil error; want %d", len(got), p.Len())
		}
	})
}

func BenchmarkPack(b *testing.B) {
	// A page's worth of varied links, as a topic page has.
	var sb strings.Builder
	words := strings.Fields("floss brush whiten braces crown implant cavity gum root canal sensitivity x-ray")
	for i := range 250 {
		fmt.Fprintf(&sb, "<li><a href=\"/faq/q%05d/\">How often should I %s after a %s?</a></li>\n",
			i*7919%10000, words[i%len(words)], words[i*i%len(words)])
	}
	page := []byte(sb.String())
	var pk Packer
	b.Run("pack", func(b *testing.B) {
		b.SetBytes(int64(len(page)))
		for b.Loop() {
			pk.Pack(page)
		}
	})
	p := pk.Pack(page)
	b.Run("unpack", func(b *testing.B) {
		b.SetBytes(int64(len(page)))
		for b.Loop() {
			pk.Unpack(p)
		}
	})
}
