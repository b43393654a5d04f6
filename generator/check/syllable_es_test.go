package check

import (
	"strconv"
	"testing"
)

func TestSpanishSyllables(t *testing.T) {
	for _, c := range []struct {
		word string
		want int
	}{
		{"paciente", 3}, {"día", 2}, {"vacuna", 3}, {"guerra", 2}, {"pingüino", 3}, {"leer", 2},
		{"aéreo", 4}, {"cuidado", 3}, {"hoy", 1}, {"muy", 1}, {"y", 1}, {"que", 1}, {"quiero", 2},
		{"país", 2}, {"ahora", 3}, {"buey", 1}, {"Uruguay", 3}, {"río", 2}, {"ciudad", 2}, {"oído", 3},
		{"medicamento", 5}, {"estacionamiento", 6}, {"Guía", 2}, {"consulta", 3}, {"2026", 1}, {"rayo", 2},
	} {
		if got, _ := spanishSyllables(nil, []rune(c.word)); got != c.want {
			t.Errorf("spanishSyllables(%q) = %d, want %d", c.word, got, c.want)
		}
	}
}

func TestReadabilityIn(t *testing.T) {
	es := "Traiga una identificación con foto. Traiga su tarjeta del seguro. Llegue quince minutos antes de la cita."
	sc := ReadabilityIn(es, "es-MX")
	if sc.Lang != "es" || sc.Grade != 0 || sc.Ease != 0 || sc.Sentences != 3 || sc.Words != 17 {
		t.Errorf("Spanish score %+v: want Lang es, 3 sentences, 17 words, no grade", sc)
	}
	// 206.835 − 62.3·(syllables/words) − words/sentences.
	want := 206.835 - 62.3*float64(sc.Syllables)/17 - 17.0/3
	if sc.Inflesz != want || sc.Inflesz < 55 {
		t.Errorf("INFLESZ %.1f, want %.1f, and plain text normal or easier", sc.Inflesz, want)
	}
	if got := sc.String(); got != "INFLESZ "+trim1(want)+" ("+InfleszBand(want)+")" {
		t.Errorf("String() = %q", got)
	}
	if en := ReadabilityIn("The cat sat on the mat.", "en-US"); en != Readability("The cat sat on the mat.") {
		t.Errorf("English scored differently: %+v", en)
	}
	fr := ReadabilityIn("Apportez une pièce d'identité.", "fr")
	if fr.Lang != "fr" || fr.Grade != 0 || fr.Words != 4 || fr.String() != `not scored: no readability formula for "fr"` {
		t.Errorf("French score %+v, %q", fr, fr.String())
	}
	for _, c := range []struct {
		score float64
		band  string
	}{{30, "very difficult"}, {40, "somewhat difficult"}, {55, "normal"}, {70, "fairly easy"}, {85, "very easy"}} {
		if got := InfleszBand(c.score); got != c.band {
			t.Errorf("InfleszBand(%v) = %q, want %q", c.score, got, c.band)
		}
	}
}

func trim1(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }
