package card

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"golang.org/x/image/font"
)

const (
	shortQuestion = "Do you take walk-ins?"
	practiceName  = "Riverside Family Practice"
)

// longQuestion has 60 words.
var longQuestion = strings.Join(strings.Fields(strings.Repeat("How long should I wait after my appointment before I can drive home safely again ", 5))[:60], " ") + "?"

func measure(f font.Face, s string) int { return font.MeasureString(f, s).Ceil() }

func newPainter(t testing.TB) *Painter {
	t.Helper()
	p, err := New()
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return p
}

func decode(t testing.TB, b []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("decoding PNG: %v", err)
	}
	return img
}

func colours(img image.Image) int {
	seen := map[color.RGBA]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(bl >> 8), uint8(a >> 8)}] = true
		}
	}
	return len(seen)
}

func TestLongQuestionHas60Words(t *testing.T) {
	if n := len(strings.Fields(longQuestion)); n != 60 {
		t.Fatalf("longQuestion has %d words, want 60", n)
	}
}

func TestDraw(t *testing.T) {
	p := newPainter(t)
	for _, tc := range []struct {
		name string
		size Size
	}{
		{"wide", Wide()},
		{"square", Square()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, q := range []string{shortQuestion, longQuestion} {
				b, err := p.Draw(q, practiceName, DefaultTheme(), tc.size)
				if err != nil {
					t.Fatalf("Draw: %v", err)
				}
				img := decode(t, b)
				if got, want := img.Bounds(), image.Rect(0, 0, tc.size.Width, tc.size.Height); got != want {
					t.Errorf("bounds %v, want %v", got, want)
				}
				if n := colours(img); n < 3 {
					t.Errorf("card has %d colours, want text drawn on background and band", n)
				}
				again, err := p.Draw(q, practiceName, DefaultTheme(), tc.size)
				if err != nil {
					t.Fatalf("Draw again: %v", err)
				}
				if !bytes.Equal(b, again) {
					t.Errorf("drawing %q twice gave different bytes", q)
				}
			}
		})
	}
}

func TestFitQuestion(t *testing.T) {
	p := newPainter(t)
	for _, size := range []Size{Wide(), Square()} {
		l, err := newLayout(size)
		if err != nil {
			t.Fatal(err)
		}
		short, err := p.fitQuestion(shortQuestion, l)
		if err != nil {
			t.Fatal(err)
		}
		long, err := p.fitQuestion(longQuestion, l)
		if err != nil {
			t.Fatal(err)
		}
		if short.size <= long.size {
			t.Errorf("%v: short question at %dpx, long at %dpx; want short bigger", size, short.size, long.size)
		}
		if short.size != l.maxSize {
			t.Errorf("%v: short question at %dpx, want the maximum %dpx", size, short.size, l.maxSize)
		}
		if len(short.lines) == 0 || len(short.lines) > MaxLines || len(long.lines) > MaxLines {
			t.Errorf("%v: %d and %d lines, want 1 to %d", size, len(short.lines), len(long.lines), MaxLines)
		}
		if long.size != l.minSize {
			t.Errorf("%v: long question at %dpx, want the minimum %dpx", size, long.size, l.minSize)
		}
		last := long.lines[len(long.lines)-1]
		if !strings.HasSuffix(last, "…") {
			t.Errorf("%v: long question not cut: last line %q", size, last)
		}
		// The cut falls at a word boundary: every word drawn is whole.
		words := map[string]bool{}
		for _, w := range strings.Fields(longQuestion) {
			words[w] = true
		}
		for _, line := range long.lines {
			for _, w := range strings.Fields(strings.TrimSuffix(line, "…")) {
				if !words[w] {
					t.Errorf("%v: drawn word %q is not a whole word of the question", size, w)
				}
			}
		}
	}
}

func TestFitQuestionWidth(t *testing.T) {
	p := newPainter(t)
	l, err := newLayout(Wide())
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{strings.Repeat("W", 500), strings.Repeat("Wide ", 200), "x"} {
		got, err := p.fitQuestion(q, l)
		if err != nil {
			t.Fatal(err)
		}
		f, err := face(p.bold, got.size)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range got.lines {
			if w := measure(f, line); w > l.box.Dx() {
				t.Errorf("line %q is %dpx wide, box is %dpx", line, w, l.box.Dx())
			}
		}
		if len(got.lines) > MaxLines {
			t.Errorf("%d lines, want at most %d", len(got.lines), MaxLines)
		}
	}
}

func TestDrawEdgeCases(t *testing.T) {
	p := newPainter(t)
	for _, tc := range []struct{ question, practice string }{
		{"", ""},
		{"   \n\t ", practiceName},
		{"\xff\xfe invalid", "\x00"},
		{"Что такое 診療? 🦷🦷 مرحبا", "Zahnarztpraxis Müller & Söhne"},
		{strings.Repeat("a", 100000), strings.Repeat("Long Name ", 1000)},
		{strings.Repeat(" ", 10000) + "late", ""},
	} {
		b, err := p.Draw(tc.question, tc.practice, DefaultTheme(), Wide())
		if err != nil {
			t.Fatalf("Draw(%.20q, %.20q): %v", tc.question, tc.practice, err)
		}
		decode(t, b)
	}
}

func TestDrawBadSize(t *testing.T) {
	p := newPainter(t)
	for _, s := range []Size{{}, {-1, 630}, {1200, 10}, {100000, 630}} {
		if _, err := p.Draw(shortQuestion, practiceName, DefaultTheme(), s); err == nil {
			t.Errorf("Draw at %v: no error", s)
		}
	}
}

func TestDrawConcurrent(t *testing.T) {
	p := newPainter(t)
	want, err := p.Draw(shortQuestion, practiceName, DefaultTheme(), Wide())
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			got, err := p.Draw(shortQuestion, practiceName, DefaultTheme(), Wide())
			if err != nil {
				t.Error(err)
				return
			}
			if !bytes.Equal(got, want) {
				t.Error("concurrent Draw gave different bytes")
			}
		})
	}
	wg.Wait()
}

// TestDrawReuse draws cards of several sizes and questions, which take
// faces, canvases and buffers that earlier cards gave back, in one order
// and then in another from several goroutines: each card must come out as
// a fresh Painter draws it.
func TestDrawReuse(t *testing.T) {
	type job struct {
		question string
		size     Size
	}
	var jobs []job
	for _, q := range []string{shortQuestion, strings.Repeat("Why does my tooth ache at night? ", 6), "Flu shots?", longQuestion} {
		for _, size := range []Size{Wide(), Square(), {Width: 800, Height: 420}} {
			jobs = append(jobs, job{q, size})
		}
	}
	want := make([][]byte, len(jobs))
	for i, j := range jobs {
		var err error
		if want[i], err = newPainter(t).Draw(j.question, practiceName, DefaultTheme(), j.size); err != nil {
			t.Fatal(err)
		}
	}
	p := newPainter(t)
	check := func(i int) {
		got, err := p.Draw(jobs[i].question, practiceName, DefaultTheme(), jobs[i].size)
		if err != nil {
			t.Error(err)
		} else if !bytes.Equal(got, want[i]) {
			t.Errorf("card %d (%.20q, %v) differs when drawn after others", i, jobs[i].question, jobs[i].size)
		}
	}
	for i := range jobs {
		check(i)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for k := range jobs {
				check((len(jobs) - 1 - k + g*5) % len(jobs))
			}
		})
	}
	wg.Wait()
}

func TestContrast(t *testing.T) {
	black := color.RGBA{A: 0xff}
	white := color.RGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	blue := DefaultTheme().Primary
	for _, tc := range []struct {
		a, b color.RGBA
		want float64
	}{
		{black, white, 21},
		{white, black, 21},
		{blue, blue, 1},
		{blue, white, 6.7},
		{white, blue, 6.7},
	} {
		if got := Contrast(tc.a, tc.b); math.Abs(got-tc.want) > 0.05 {
			t.Errorf("Contrast(%v, %v) = %.3f, want %.2f", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestParseHex(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want color.RGBA
	}{
		{"#0b5cad", color.RGBA{0x0b, 0x5c, 0xad, 0xff}},
		{"#0B5CAD", color.RGBA{0x0b, 0x5c, 0xad, 0xff}},
		{"#FFF", color.RGBA{0xff, 0xff, 0xff, 0xff}},
		{"#a1c", color.RGBA{0xaa, 0x11, 0xcc, 0xff}},
	} {
		got, err := ParseHex(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseHex(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"0b5cad", "#12", "#gggggg", "", "#", "#0b5cad0", "#12345", " #fff", "#ff f"} {
		if got, err := ParseHex(bad); err == nil {
			t.Errorf("ParseHex(%q) = %v, want an error", bad, got)
		}
	}
}

func TestTextColour(t *testing.T) {
	yellow, _ := ParseHex("#ffff00")
	white, _ := ParseHex("#ffffff")
	light := Theme{Primary: yellow, Background: white}
	// The question on the background, the name on the primary band.
	if c := textColour(light.Background, light.Primary); Contrast(c, light.Background) < MinContrast {
		t.Errorf("question colour %v on %v: contrast %.2f", c, light.Background, Contrast(c, light.Background))
	}
	if c := textColour(light.Primary, light.Background); Contrast(c, light.Primary) < MinContrast {
		t.Errorf("name colour %v on %v: contrast %.2f", c, light.Primary, Contrast(c, light.Primary))
	}
	// The default theme keeps its own colours.
	d := DefaultTheme()
	if c := textColour(d.Background, d.Primary); c != d.Primary {
		t.Errorf("default question colour %v, want %v", c, d.Primary)
	}
	if c := textColour(d.Primary, d.Background); c != d.Background {
		t.Errorf("default name colour %v, want %v", c, d.Background)
	}
	// Every grey gets a readable colour.
	for v := 0; v < 256; v++ {
		bg := color.RGBA{uint8(v), uint8(v), uint8(v), 0xff}
		if c := textColour(bg, bg); Contrast(c, bg) < MinContrast {
			t.Errorf("text colour %v on %v: contrast %.2f", c, bg, Contrast(c, bg))
		}
	}
}

func TestClean(t *testing.T) {
	got := clean(strings.Repeat("é", 2*MaxRunes))
	if n := utf8.RuneCountInString(got); n != MaxRunes {
		t.Errorf("clean kept %d runes, want %d", n, MaxRunes)
	}
	if got := clean("a\nb\x00c\xff"); got != "a b c\uFFFD" {
		t.Errorf("clean = %q", got)
	}
}

func BenchmarkDraw(b *testing.B) {
	p := newPainter(b)
	for _, bc := range []struct {
		name, question string
		size           Size
	}{
		{"long", longQuestion, Wide()},
		{"typical/wide", typicalQuestion, Wide()},
		{"typical/square", typicalQuestion, Square()},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var n int
			for b.Loop() {
				card, err := p.Draw(bc.question, practiceName, DefaultTheme(), bc.size)
				if err != nil {
					b.Fatal(err)
				}
				n = len(card)
			}
			b.ReportMetric(float64(n), "B/card")
		})
	}
}

// typicalQuestion is as long as most questions are.
const typicalQuestion = "How long does it take to get help with a walk-in visit at the front desk?"

func FuzzDraw(f *testing.F) {
	p := newPainter(f)
	for _, s := range []string{"", shortQuestion, longQuestion, "\xff", "🦷 " + strings.Repeat("x", 600)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, question string) {
		b, err := p.Draw(question, practiceName, DefaultTheme(), Wide())
		if err != nil {
			t.Fatalf("Draw: %v", err)
		}
		img := decode(t, b)
		if img.Bounds() != image.Rect(0, 0, 1200, 630) {
			t.Fatalf("bounds %v", img.Bounds())
		}
	})
}
