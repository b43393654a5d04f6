package card

import (
	"fmt"
	"image/color"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// longWords are some of the longest words of English dictionaries, most of
// them medical, with a few a practice's questions are likelier to hold.
// None has a hyphen of its own.
var longWords = []string{
	"pneumonoultramicroscopicsilicovolcanoconiosis",
	"supercalifragilisticexpialidocious",
	"pseudopseudohypoparathyroidism",
	"floccinaucinihilipilification",
	"antidisestablishmentarianism",
	"hepaticocholangiogastrostomy",
	"spectrophotofluorometrically",
	"electroencephalographically",
	"psychoneuroendocrinological",
	"esophagogastroduodenoscopy",
	"radioimmunoelectrophoresis",
	"thyroparathyroidectomized",
	"cholangiopancreatography",
	"dichlorodifluoromethane",
	"electroencephalography",
	"counterrevolutionaries",
	"immunoelectrophoresis",
	"incomprehensibilities",
	"otorhinolaryngologist",
	"psychopharmacological",
	"immunohistochemistry",
	"uncharacteristically",
	"institutionalization",
	"electrophysiologist",
	"gastroenterologist",
	"contraindications",
	"temporomandibular",
	"hypersensitivity",
	"pharmacokinetics",
	"bronchopneumonia",
	"ophthalmologist",
	"consultations",
	"consultation",
}

// longNames are practice names from short to too long for a card.
var longNames = []string{
	"Riverside Family Practice",
	"Maple Grove Family Dentistry",
	"Lakeside Optometry & Vision Centre",
	"Maple Grove Family Dentistry & Orthodontics",
	"Maple Grove Family Dentistry and Orthodontics of Northern Ohio",
	"Maple Grove Family Dentistry and Orthodontics of Northern Ohio, Pediatric and Adult Oral Surgery Associates",
	"Otorhinolaryngologists",
}

// TestComposeLongWords sets questions made of long words, with long
// practice names, on cards of both sizes, and checks the lines and sizes
// Draw draws them in (see checkComposition).
func TestComposeLongWords(t *testing.T) {
	var questions []string
	for _, w := range longWords {
		questions = append(questions, "What does "+w+" mean?")
	}
	for i := 0; i+1 < len(longWords); i++ {
		questions = append(questions, "Is "+longWords[i]+" like "+longWords[i+1]+"?")
	}
	questions = append(questions, strings.Join(longWords, " "), strings.Repeat(longWords[0], 4))

	p := newPainter(t)
	for _, size := range []Size{Wide(), Square()} {
		for i, question := range questions {
			practice := longNames[i%len(longNames)]
			t.Run(fmt.Sprintf("%dx%d/%d", size.Width, size.Height, i), func(t *testing.T) {
				c, err := p.compose(question, practice, size)
				if err != nil {
					t.Fatalf("compose(%q, %q): %v", question, practice, err)
				}
				checkComposition(t, p, c, question, practice)
				if _, err := p.Draw(question, practice, DefaultTheme(), size); err != nil {
					t.Fatalf("Draw(%q, %q): %v", question, practice, err)
				}
			})
		}
	}
}

// TestComposeReported checks the cards of the reports that asked for words
// not to be broken and names not to be cut when they need not be.
func TestComposeReported(t *testing.T) {
	p := newPainter(t)
	for _, tc := range []struct {
		name               string
		size               Size
		question, practice string
		wantBroken         bool // whether a word is broken across lines
		wantCut            bool // whether the practice name is cut
	}{
		{"name on square, once cut", Square(), shortQuestion, "Maple Grove Family Dentistry", false, false},
		{"name on wide", Wide(), shortQuestion, "Maple Grove Family Dentistry", false, false},
		{"long name square", Square(), shortQuestion, "Maple Grove Family Dentistry and Orthodontics of Northern Ohio", false, false},
		{"long name wide", Wide(), shortQuestion, "Maple Grove Family Dentistry and Orthodontics of Northern Ohio", false, false},
		{"name too long", Square(), shortQuestion, longNames[5], false, true},
		{"consultation?", Square(), "When do I need a consultation?", practiceName, false, false},
		{"consultations", Square(), "Are consultations free?", practiceName, false, false},
		{"otorhinolaryngologist", Square(), "Is an otorhinolaryngologist the same as an electroencephalography technician?", practiceName, false, false},
		{"too long for any size", Square(), "What is pneumonoultramicroscopicsilicovolcanoconiosis?", practiceName, true, false},
		{"long on wide", Wide(), "What is pneumonoultramicroscopicsilicovolcanoconiosis?", practiceName, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := p.compose(tc.question, tc.practice, tc.size)
			if err != nil {
				t.Fatal(err)
			}
			broken, nameCut := checkComposition(t, p, c, tc.question, tc.practice)
			if broken != tc.wantBroken {
				t.Errorf("lines %q: a word broken: %v, want %v", c.question.lines, broken, tc.wantBroken)
			}
			if nameCut != tc.wantCut {
				t.Errorf("name %q at %dpx: cut: %v, want %v", c.name.lines, c.name.size, nameCut, tc.wantCut)
			}
		})
	}
}

// checkComposition checks c, the composition of a card of a question and
// a practice name whose words have no hyphens of their own and all of whose
// runes the fonts have, measuring lines as the font package does:
//   - the question's lines and size are within the layout's limits, and
//     each line fits the text width;
//   - its lines hold its words in order, each whole, or broken across the
//     end of a line with a hyphen there, or cut at the end with an
//     ellipsis;
//   - a word is broken only if it is too wide for a line on its own at the
//     smallest size, and the question is set at that size;
//   - the name's line fits the text width at its size, which is the name's
//     largest size or one at which one pixel more would not fit;
//   - the name is cut, with an ellipsis, only if it does not fit at its
//     smallest size.
//
// It reports whether a word is broken and whether the name is cut.
func checkComposition(t *testing.T, p *Painter, c composition, question, practice string) (broken, nameCut bool) {
	t.Helper()
	l, q := c.layout, c.question
	width := fixed.I(l.box.Dx())

	words := strings.Fields(question)
	if q.size < l.minSize || q.size > l.maxSize {
		t.Fatalf("question at %dpx, want %d to %dpx", q.size, l.minSize, l.maxSize)
	}
	limit := min(MaxLines, l.box.Dy()/lineHeight(q.size))
	if len(q.lines) < 1 || len(q.lines) > limit {
		t.Fatalf("question in %d lines at %dpx, want 1 to %d", len(q.lines), q.size, limit)
	}
	bold := withFace(t, p.bold, q.size)
	for _, line := range q.lines {
		if w := font.MeasureString(bold, line); w > width {
			t.Errorf("line %q at %dpx is %v wide, more than %v", line, q.size, w, width)
		}
	}

	// Follow the words through the lines.
	next, rest, current := 0, "", ""
	cut := false
lines:
	for i, line := range q.lines {
		tokens := strings.Fields(line)
		for j, tok := range tokens {
			if rest == "" {
				if next == len(words) {
					t.Fatalf("lines %q hold more than the question's words", q.lines)
				}
				current, rest = words[next], words[next]
				next++
			}
			endOfLine := j == len(tokens)-1
			if body, ok := strings.CutSuffix(tok, "…"); ok && endOfLine && i == len(q.lines)-1 {
				if !strings.HasPrefix(rest, body) {
					t.Errorf("last line %q: %q is not the start of %q", line, body, rest)
				}
				cut = true
				break lines
			}
			if tok == rest {
				rest = ""
				continue
			}
			piece, hyphenated := strings.CutSuffix(tok, "-")
			switch {
			case !endOfLine:
				t.Errorf("line %q: %q is part of %q but does not end the line", line, tok, current)
			case !hyphenated:
				t.Errorf("line %q breaks %q without a hyphen", line, current)
			case piece == "" || !strings.HasPrefix(rest, piece):
				t.Errorf("line %q: %q is not the start of %q", line, tok, rest)
			}
			rest = rest[min(len(piece), len(rest)):]
			broken = true
			smallest := withFace(t, p.bold, l.minSize)
			if w := font.MeasureString(smallest, current); w <= width {
				t.Errorf("%q is broken, but at the smallest size, %dpx, it is %v wide and fits %v", current, l.minSize, w, width)
			}
			if q.size != l.minSize {
				t.Errorf("%q is broken at %dpx, not at the smallest size %dpx", current, q.size, l.minSize)
			}
		}
	}
	if !cut && (rest != "" || next != len(words)) {
		t.Errorf("lines %q leave out words of %q without an ellipsis", q.lines, question)
	}
	if cut && q.size != l.minSize {
		t.Errorf("question cut at %dpx, not at the smallest size %dpx", q.size, l.minSize)
	}

	name := strings.Join(strings.Fields(practice), " ")
	n := c.name
	if name == "" {
		if len(n.lines) != 0 {
			t.Errorf("no practice name, but lines %q", n.lines)
		}
		return broken, false
	}
	if len(n.lines) != 1 || n.size < l.nameMin || n.size > l.nameSize {
		t.Fatalf("name %q at %dpx, want one line at %d to %dpx", n.lines, n.size, l.nameMin, l.nameSize)
	}
	line := n.lines[0]
	if w := font.MeasureString(withFace(t, p.regular, n.size), line); w > width {
		t.Errorf("name %q at %dpx is %v wide, more than %v", line, n.size, w, width)
	}
	if n.size < l.nameSize {
		if w := font.MeasureString(withFace(t, p.regular, n.size+1), name); w <= width {
			t.Errorf("name at %dpx, but at %dpx it is %v wide and fits %v", n.size, n.size+1, w, width)
		}
	}
	fitsAtMin := font.MeasureString(withFace(t, p.regular, l.nameMin), name) <= width
	switch {
	case line == name:
	case fitsAtMin:
		t.Errorf("name %q set as %q at %dpx, but it fits at %dpx", name, line, n.size, l.nameMin)
	case n.size != l.nameMin:
		t.Errorf("name cut at %dpx, not at the smallest size %dpx", n.size, l.nameMin)
	case !strings.HasSuffix(line, "…") || !strings.HasPrefix(name, strings.TrimSuffix(line, "…")):
		t.Errorf("name %q set as %q, not its start and an ellipsis", name, line)
	default:
		nameCut = true
	}
	return broken, nameCut
}

// withFace returns tf at size, closed when the test ends.
func withFace(tb testing.TB, tf *typeface, size int) *sizedFace {
	tb.Helper()
	f, err := face(tf, size)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { f.Close() })
	return f
}

// TestDrawInside draws cards whose text is long, or has runes the fonts
// have no glyph for, and checks that nothing is drawn beyond the text
// width, but for what a glyph may reach past its advance.
func TestDrawInside(t *testing.T) {
	p := newPainter(t)
	theme := DefaultTheme()
	for _, tc := range []struct{ question, practice string }{
		{strings.Repeat("保险", 200), strings.Repeat("診療", 100)},
		{"What does " + longWords[0] + " mean?", longNames[5]},
		{strings.Join(longWords, " "), longNames[4]},
		{strings.Repeat("W", 500), strings.Repeat("W", 500)},
		{"Что такое 診療? 🦷🦷 مرحبا " + strings.Repeat("e\u0301", 80), "Zahnarztpraxis Müller & Söhne"},
	} {
		for _, size := range []Size{Wide(), Square(), {Width: MinSide, Height: MinSide}} {
			b, err := p.Draw(tc.question, tc.practice, theme, size)
			if err != nil {
				t.Fatal(err)
			}
			img := decode(t, b)
			l, err := newLayout(size)
			if err != nil {
				t.Fatal(err)
			}
			slack := l.margin / 4
			left, right := l.box.Min.X-slack, l.box.Max.X+slack
			for y := 0; y < size.Height; y++ {
				want := theme.Background
				if y < l.band || y >= size.Height-l.footer {
					want = theme.Primary
				}
				for x := 0; x < size.Width; x++ {
					if x == left {
						x = right
					}
					if got := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA); got != want {
						t.Fatalf("%.20q at %v: pixel (%d, %d) is %v, want %v: text drawn outside %d to %d",
							tc.question, size, x, y, got, want, left, right)
					}
				}
			}
		}
	}
}

func TestBreakWord(t *testing.T) {
	p := newPainter(t)
	f := withFace(t, p.bold, 40)
	for _, tc := range []struct {
		name, word string
		room       string // the width to break at is this string's, to the pixel above
		want       string // the first piece, with what ends it
	}{
		{"hyphen added", "otorhinolaryngologist", "otorhinol-", "otorhinol-"},
		{"at the word's own hyphen", "walk-in-consultation", "walk-in-con-", "walk-in-"},
		{"own hyphen that fits", "walk-in-consultation", "walk-in-consultati-", "walk-in-"},
		{"not before an accent", "cafe\u0301s-and-teas", "cafe-", "caf-"},
		{"before an accent if it must", "e\u0301\u0301\u0301\u0301", "e-", "e-"},
		{"one rune at least", "WWW", "", "W-"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			width := fixed.I(f.advance(tc.room).Ceil())
			n, mark := breakWord(f, tc.word, width)
			if got := tc.word[:n] + mark; got != tc.want {
				t.Errorf("breakWord(%q, %v) = %q, want %q", tc.word, width, got, tc.want)
			}
			if n >= len(tc.word) {
				t.Errorf("breakWord(%q) left nothing for the next line", tc.word)
			}
		})
	}
}

func TestCut(t *testing.T) {
	p := newPainter(t)
	f := withFace(t, p.regular, 20)
	for _, tc := range []struct {
		s    string
		room string // the width to cut to is this string's, to the pixel above
		want string
	}{
		{"Maple Grove Family Dentistry", "Maple Grove Family Dentistry and more", "Maple Grove Family Dentistry…"},
		{"Maple Grove Family Dentistry", "Maple Grove Family Dent", "Maple Grove Family…"},
		{"Maple Grove Family Dentistry", "Ma…", "Ma…"},
		{"Maple Grove Family Dentistry", "", "…"},
		{"Cafe\u0301 Dentistry", "Cafe…", "Caf…"},
		{"Pneumonoultramicroscopicsilicovolcanoconiosis", "Pneumono…", "Pneumono…"},
	} {
		width := fixed.I(f.advance(tc.room).Ceil())
		got := cut(f, tc.s, width)
		if got != tc.want {
			t.Errorf("cut(%q, %v) = %q, want %q", tc.s, width, got, tc.want)
		}
		if w := f.advance(got); w > width && got != ellipsis {
			t.Errorf("cut(%q, %v) = %q, %v wide", tc.s, width, got, w)
		}
	}
}

// FuzzCompose checks that any question and practice name are set on a card
// of any size without error, each line fitting the text width, and that the
// question is set with every word whole whenever it is set above the
// smallest size.
func FuzzCompose(f *testing.F) {
	p := newPainter(f)
	for _, s := range []struct {
		question, practice string
		w, h               uint16
	}{
		{shortQuestion, practiceName, 1200, 630},
		{longQuestion, longNames[5], 1080, 1080},
		{strings.Join(longWords, " "), longNames[4], 200, 200},
		{longWords[0] + "?", "", 4096, 200},
		{"保险" + strings.Repeat("e\u0301", 300), "🦷\u200d🦷 " + strings.Repeat("W", 600), 200, 4096},
		{"\xff\xfe \x00 walk-in-clinic-consultation", "\t\n", 0, 0},
	} {
		f.Add(s.question, s.practice, s.w, s.h)
	}
	f.Fuzz(func(t *testing.T, question, practice string, w, h uint16) {
		span := MaxSide - MinSide + 1
		size := Size{Width: MinSide + int(w)%span, Height: MinSide + int(h)%span}
		c, err := p.compose(question, practice, size)
		if err != nil {
			if _, bad := newLayout(size); bad != nil {
				return
			}
			t.Fatalf("compose at %v: %v", size, err)
		}
		l, q, n := c.layout, c.question, c.name
		width := fixed.I(l.box.Dx())
		text := strings.Join(strings.Fields(clean(question)), " ")
		if q.size < l.minSize || q.size > l.maxSize {
			t.Fatalf("question at %dpx, want %d to %dpx", q.size, l.minSize, l.maxSize)
		}
		if len(q.lines) > MaxLines || len(q.lines)*lineHeight(q.size) > l.box.Dy() || (text == "") != (len(q.lines) == 0) {
			t.Fatalf("%d lines at %dpx for %q in a box %dpx high", len(q.lines), q.size, text, l.box.Dy())
		}
		checkWidths(t, p.bold, q, width)
		if q.size > l.minSize && strings.Join(q.lines, " ") != text {
			t.Errorf("lines %q at %dpx, above the smallest size, are not the words of %q", q.lines, q.size, text)
		}

		name := strings.Join(strings.Fields(clean(practice)), " ")
		if n.size < l.nameMin || n.size > l.nameSize || len(n.lines) > 1 || (name == "") != (len(n.lines) == 0) {
			t.Fatalf("name %q at %dpx, want %d to %dpx", n.lines, n.size, l.nameMin, l.nameSize)
		}
		checkWidths(t, p.regular, n, width)
		if len(n.lines) == 1 && n.lines[0] != name && (n.size != l.nameMin || !strings.HasSuffix(n.lines[0], "…")) {
			t.Errorf("name %q set as %q at %dpx", name, n.lines[0], n.size)
		}
	})
}

// checkWidths checks that each line of b is no wider than width in tf (see
// TestTextAdvance).
func checkWidths(tb testing.TB, tf *typeface, b block, width fixed.Int26_6) {
	tb.Helper()
	if len(b.lines) == 0 {
		return
	}
	f := withFace(tb, tf, b.size)
	for _, line := range b.lines {
		if line == "" || !utf8.ValidString(line) {
			tb.Errorf("line %q", line)
		}
		if w := f.advance(line); w > width {
			tb.Errorf("line %q at %dpx is %v wide, more than %v", line, b.size, w, width)
		}
	}
}

// TestTextAdvance checks that text moves the dot as far as advance
// measures, which is how wide compose takes a line to be.
func TestTextAdvance(t *testing.T) {
	p := newPainter(t)
	img := newCanvas(Size{Width: 1, Height: 1}, color.Palette{color.Black, color.White}, nil)
	_, sh, _, _ := palette(color.RGBA{A: 0xff}, color.RGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff})
	for _, s := range []string{
		"", "AVATAR To Wa", longWords[0] + "-", "Maple Grove Family…", "保险 診療",
		"e\u0301 ﬁ", "🦷\u200d🦷", "\uFFFD", "Что такое? مرحبا", "Zahnarztpraxis Müller & Söhne",
	} {
		for _, tf := range []*typeface{p.bold, p.regular} {
			for _, size := range []int{8, 39, 67, 135} {
				f := withFace(t, tf, size)
				if got, want := p.text(img, f, sh, s, fixed.Point26_6{}), f.advance(s); got != want {
					t.Errorf("%q at %dpx: text moves the dot %v, advance is %v", s, size, got, want)
				}
			}
		}
	}
}

func BenchmarkCompose(b *testing.B) {
	p := newPainter(b)
	for _, bc := range []struct {
		name, question, practice string
		size                     Size
	}{
		{"typical/square", typicalQuestion, practiceName, Square()},
		{"long/square", longQuestion, practiceName, Square()},
		{"long words/square", "Is an otorhinolaryngologist the same as an electroencephalography technician?", longNames[4], Square()},
		{"too long/square", strings.Join(longWords, " "), longNames[5], Square()},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := p.compose(bc.question, bc.practice, bc.size); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
