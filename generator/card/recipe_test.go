package card

import (
	"bytes"
	"crypto/sha256"
	"flag"
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/cards.sum, the digests of the reference cards")

func TestRecipe(t *testing.T) {
	base := func() (string, string, Theme, Size) {
		return shortQuestion, practiceName, DefaultTheme(), Wide()
	}
	q, pr, th, sz := base()
	want := Recipe(q, pr, th, sz)
	if len(want) != 2*recipeBytes {
		t.Fatalf("Recipe = %q, want %d hex digits", want, 2*recipeBytes)
	}
	if again := Recipe(base()); again != want {
		t.Errorf("Recipe of the same arguments: %q, then %q", want, again)
	}
	for _, tc := range []struct {
		name   string
		change func(q, p *string, th *Theme, sz *Size)
		same   bool
	}{
		{"question", func(q, p *string, th *Theme, sz *Size) { *q += " " }, false},
		{"practice", func(q, p *string, th *Theme, sz *Size) { *p = "Riverside" }, false},
		{"question into practice", func(q, p *string, th *Theme, sz *Size) { *q, *p = *q+*p, "" }, false},
		{"primary", func(q, p *string, th *Theme, sz *Size) { th.Primary.G++ }, false},
		{"background", func(q, p *string, th *Theme, sz *Size) { th.Background.B-- }, false},
		{"colours swapped", func(q, p *string, th *Theme, sz *Size) { th.Primary, th.Background = th.Background, th.Primary }, false},
		{"size", func(q, p *string, th *Theme, sz *Size) { *sz = Square() }, false},
		{"width", func(q, p *string, th *Theme, sz *Size) { sz.Width++ }, false},
		{"alpha, which Draw ignores", func(q, p *string, th *Theme, sz *Size) { th.Primary.A = 0x10 }, true},
	} {
		q, pr, th, sz := base()
		tc.change(&q, &pr, &th, &sz)
		if got := Recipe(q, pr, th, sz); (got == want) != tc.same {
			t.Errorf("%s: Recipe %q, unchanged %q; want the same: %v", tc.name, got, want, tc.same)
		}
	}
}

func TestDrawn(t *testing.T) {
	p := newPainter(t)
	theme := DefaultTheme()
	card, err := p.Draw(shortQuestion, practiceName, theme, Wide())
	if err != nil {
		t.Fatal(err)
	}
	recipe := Recipe(shortQuestion, practiceName, theme, Wide())
	if !Drawn(card, recipe) {
		t.Fatal("Drawn(card, its recipe) = false")
	}
	if !bytes.Contains(card, []byte("tEXtfaqcast\x00card "+recipe)) {
		t.Errorf("card does not record its recipe in a tEXt chunk")
	}
	if !bytes.HasSuffix(card, []byte("\x00\x00\x00\x00IEND\xae\x42\x60\x82")) {
		t.Errorf("card does not end in IEND")
	}
	other := Recipe(shortQuestion+"?", practiceName, theme, Wide())
	if Drawn(card, other) {
		t.Error("Drawn(card, another recipe) = true")
	}
	// Any byte changed, anywhere, makes it another card.
	for _, at := range []int{0, 9, 40, len(card) / 2, len(card) - tailLen - 1, len(card) - tailLen + 10, len(card) - 30, len(card) - 1} {
		bad := bytes.Clone(card)
		bad[at] ^= 0x01
		if Drawn(bad, recipe) {
			t.Errorf("Drawn = true with byte %d of %d changed", at, len(card))
		}
	}
	for _, bad := range [][]byte{nil, card[:len(card)-1], card[tailLen/2:], append(bytes.Clone(card), 0), card[len(card)-tailLen:]} {
		if Drawn(bad, recipe) {
			t.Errorf("Drawn = true for %d bytes cut or added", len(bad)-len(card))
		}
	}
	if Drawn(card, recipe[:len(recipe)-1]) || Drawn(card, "") {
		t.Error("Drawn = true for a short recipe")
	}
}

// FuzzDrawn checks that Drawn takes any bytes without panicking, and that
// a card with bytes changed anywhere, cut or grown is not taken for one.
func FuzzDrawn(f *testing.F) {
	p := newPainter(f)
	theme := DefaultTheme()
	card, err := p.Draw(shortQuestion, practiceName, theme, Square())
	if err != nil {
		f.Fatal(err)
	}
	recipe := Recipe(shortQuestion, practiceName, theme, Square())
	f.Add(0, byte(1), 0)
	f.Add(len(card)-1, byte(0x80), 0)
	f.Add(len(card)/2, byte(0xff), -1)
	f.Add(20, byte(0), 3)
	f.Fuzz(func(t *testing.T, at int, flip byte, grow int) {
		bad := bytes.Clone(card)
		if at >= 0 && at < len(bad) {
			bad[at] ^= flip
		}
		switch {
		case grow > 0 && grow < 64:
			bad = append(bad, make([]byte, grow)...)
		case grow < 0 && -grow < len(bad):
			bad = bad[:len(bad)+grow]
		}
		if Drawn(bad, recipe) != bytes.Equal(bad, card) {
			t.Errorf("Drawn = %v with byte %d ^ %#x, %d bytes added", !bytes.Equal(bad, card), at, flip, grow)
		}
		Drawn(bad[min(len(bad), max(at, 0)):], recipe) // whatever it says, it says it
	})
}

// TestVersion checks the reference cards' bytes against testdata/cards.sum,
// which records them with the version they were drawn by: when they
// change, the version must change too, or a card drawn before would be
// taken for the new drawing of the same recipe.
func TestVersion(t *testing.T) {
	p := newPainter(t)
	dark := Theme{Primary: color.RGBA{R: 0xf0, G: 0xc0, B: 0x40, A: 0xff}, Background: color.RGBA{R: 0x10, G: 0x18, B: 0x30, A: 0xff}}
	grey := Theme{Primary: color.RGBA{R: 0x80, G: 0x80, B: 0x80, A: 0xff}, Background: color.RGBA{R: 0x88, G: 0x88, B: 0x88, A: 0xff}}
	var got bytes.Buffer
	fmt.Fprintf(&got, "version %d\n", version)
	for _, tc := range []struct {
		name, question, practice string
		theme                    Theme
	}{
		{"short", shortQuestion, practiceName, DefaultTheme()},
		{"long", longQuestion, practiceName, DefaultTheme()},
		{"dark", "Can I bring my own glasses to the eye exam, or do I need new ones?", "Lakeside Optometry & Vision Centre", dark},
		{"grey", "Is parking free?", "", grey},
		{"mixed", "¿Aceptan seguro médico? 保险 🦷 e\u0301 ﬁ\tnew\nline", strings.Repeat("A very long practice name ", 8), DefaultTheme()},
		{"one word", strings.Repeat("Pneumonoultramicroscopicsilicovolcanoconiosis", 3), practiceName, DefaultTheme()},
	} {
		for _, size := range []Size{Wide(), Square(), {Width: MinSide, Height: MinSide}} {
			b, err := p.Draw(tc.question, tc.practice, tc.theme, size)
			if err != nil {
				t.Fatalf("%s %v: %v", tc.name, size, err)
			}
			fmt.Fprintf(&got, "%s %dx%d %x\n", tc.name, size.Width, size.Height, sha256.Sum256(b))
		}
	}
	path := filepath.Join("testdata", "cards.sum")
	want, err := os.ReadFile(path)
	if err != nil && !*update {
		t.Fatalf("%v (run go test ./generator/card -run TestVersion -update)", err)
	}
	if bytes.Equal(got.Bytes(), want) {
		return
	}
	if was := recordedVersion(want); was == version && len(want) > 0 {
		t.Fatalf("the reference cards changed but version is still %d: raise version in recipe.go, then run go test ./generator/card -run TestVersion -update\n%s", version, got.String())
	}
	if !*update {
		t.Fatalf("%s is out of date (run go test ./generator/card -run TestVersion -update)", path)
	}
	if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// recordedVersion returns the version cards.sum records, or -1.
func recordedVersion(sum []byte) int {
	line, _, _ := bytes.Cut(sum, []byte("\n"))
	s, ok := strings.CutPrefix(string(line), "version ")
	if !ok {
		return -1
	}
	v, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return v
}
