package card

import (
	"bytes"
	"image/png"
	"slices"
	"testing"
)

// TestMissing checks which characters a card cannot draw: none of a
// question in English, Spanish, French, Polish, Greek or Russian;
// Vietnamese letters with two marks, combining marks, CJK and emoji once
// each; and that the card indeed draws each of them as it draws U+FFFD.
func TestMissing(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		question, practice string
		inQ, inP           []rune
	}{
		{"What should I bring to my first visit?", "Riverbend Family Medicine", nil, nil},
		{"¿Qué debo traer a mi primera visita? Où est-ce ? Żółć. Ποιος; Когда?", "Clínica Ñandú", nil, nil},
		{"Tôi cần mang gì khi khám lần đầu? Bệnh viện ở đâu?", "Phòng khám", []rune{'ầ', 'ệ', 'ở'}, nil},
		{"Flu shots 💉💉 are in", "診療所", []rune{'💉'}, []rune{'診', '療', '所'}},
		{"Cafe\u0301", "Clinic\t\nName", []rune{'\u0301'}, nil},
	} {
		q, pr := p.Missing(tc.question, tc.practice)
		if !slices.Equal(q, tc.inQ) || !slices.Equal(pr, tc.inP) {
			t.Errorf("Missing(%q, %q) = %q, %q; want %q, %q", tc.question, tc.practice, q, pr, tc.inQ, tc.inP)
		}
	}
	// A missing character is drawn as the replacement character is.
	draw := func(q string) []byte {
		b, err := p.Draw(q, "Clinic", DefaultTheme(), Wide())
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := png.Encode(&buf, img); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	if !bytes.Equal(draw("Bệnh"), draw("B\uFFFDnh")) {
		t.Error(`"Bệnh" is not drawn as "B\uFFFDnh"`)
	}
}
