package check

import (
	"math"
	"strings"
	"testing"
)

func TestSyllables(t *testing.T) {
	tests := map[string]int{
		"cat": 1, "table": 2, "medicine": 3, "appointment": 3, "insurance": 3, "vaccine": 2, "the": 1,
		"every":        2, // "ev-ry", as Merriam-Webster and the CMU dictionary give it
		"prescription": 3, "information": 4,
		"people": 2, "takes": 1, "used": 1, "needed": 2, "studied": 2, "allergies": 3, "diseases": 3,
		"minutes": 2, "being": 2, "usually": 4, "pneumonia": 4, "sodium": 3, "pressure": 2,
		"follow-up": 3, "don't": 1, "you're": 1, "2024": 1, "beyond": 2, "tables": 2, "whole": 1,
		"acetaminophen": 6, "emergency": 4, "diabetes": 4, "Fever": 2, "a": 1, "": 0, "...": 0,
	}
	for w, want := range tests {
		if got := Syllables(w); got != want {
			t.Errorf("Syllables(%q) = %d, want %d", w, got, want)
		}
	}
}

func TestReadabilityFormula(t *testing.T) {
	// 9 words, 2 sentences, 10 syllables (happy has 2).
	sc := Readability("The cat sat on the mat. It was happy.")
	want := Score{Words: 9, Sentences: 2, Syllables: 10, LongParagraph: 9, LongestSection: 9}
	want.Grade = 0.39*9/2 + 11.8*10/9 - 15.59   // -0.7239
	want.Ease = 206.835 - 1.015*9/2 - 84.6*10/9 // 108.2675
	if !scoreEqual(sc, want) {
		t.Errorf("got %#v, want %#v", sc, want)
	}
	if got := sc.String(); got != "grade -0.7, reading ease 108.3" {
		t.Errorf("String() = %q", got)
	}
	if sc := Readability(""); sc != (Score{}) {
		t.Errorf("empty text: %+v, want the zero Score", sc)
	}
	if sc := Readability("```\nlots of code here.\n```\n\n- \n## \n"); sc != (Score{}) {
		t.Errorf("no prose: %+v, want the zero Score", sc)
	}
}

func scoreEqual(a, b Score) bool {
	near := func(x, y float64) bool { return math.Abs(x-y) < 1e-9 }
	ga, gb, ea, eb := a.Grade, b.Grade, a.Ease, b.Ease
	a.Grade, b.Grade, a.Ease, b.Ease = 0, 0, 0, 0
	return a == b && near(ga, gb) && near(ea, eb)
}

func TestReadabilityMarkdown(t *testing.T) {
	md := strings.Join([]string{
		"# Flu shots",                     // heading: 2 words, 1 sentence, not in a section
		"",                                //
		"Get a flu shot each fall. It is", // paragraph of 2 sentences, 11 words
		"quick and safe.",                 //
		"",                                //
		"- Call [our office](https://example.com/call) today", // 4 words
		"- Book at https://example.com/book or `code words`.", // 2 words ("Book at")
		"",      //
		"```go", //
		"fmt.Println(\"Code is not prose. Not at all.\")", //
		"```", //
		"<!-- faqcast:allow PHI-DATE the clinic's own founding date -->", //
		"## When to call", // heading: 3 words, new section
		"",                //
		"Call if the fever lasts. Dr. Lee, Mr. Ng and e.g. Ms. Fox can help.", // 2 sentences, 16 words
	}, "\n")
	sc := Readability(md)
	want := Score{Words: 2 + 11 + 4 + 3 + 3 + 16, Sentences: 1 + 2 + 1 + 1 + 1 + 2, LongParagraph: 16, LongestSection: 11 + 4 + 3}
	if sc.Words != want.Words || sc.Sentences != want.Sentences || sc.LongParagraph != want.LongParagraph ||
		sc.LongestSection != want.LongestSection || sc.LongSentences != 0 {
		t.Errorf("got %#v, want %#v", sc, want)
	}
}

func TestReadabilityLong(t *testing.T) {
	long := strings.Repeat("word ", 21) + "end."  // 22 words: long
	short := strings.Repeat("word ", 19) + "end." // 20 words: not long
	md := "# A\n\n" + long + " " + short + "\n\n" + short + "\n\n## B\n\n" + long + "\n\n1. " + short + "\n2. item one\n"
	sc := Readability(md)
	if sc.LongSentences != 2 {
		t.Errorf("LongSentences = %d, want 2", sc.LongSentences)
	}
	if sc.LongParagraph != 42 {
		t.Errorf("LongParagraph = %d, want 42", sc.LongParagraph)
	}
	// Section A: 42 + 20; section B: 22 + 20 + 2.
	if sc.LongestSection != 62 {
		t.Errorf("LongestSection = %d, want 62", sc.LongestSection)
	}
	if sc.Sentences != 2+3+3 || sc.Words != 2+42+20+22+20+2 {
		t.Errorf("Sentences, Words = %d, %d", sc.Sentences, sc.Words)
	}
}

func FuzzReadability(f *testing.F) {
	for _, s := range []string{
		"The cat sat on the mat. It was happy.", "# T\n\n- a\n- b\n\n```\ncode\n```\n", "Dr. e.g. 2.5 mL... ?! ",
		"| a | b |\n|---|---|\n| c | d |", "> quote [link](x) ![img](y) <!-- c", "\xff\xfe", "~~~\nopen fence",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sc := Readability(s)
		if sc.Words < 0 || sc.Sentences < 0 || sc.Syllables < 0 || sc.LongSentences < 0 || sc.LongParagraph < 0 || sc.LongestSection < 0 {
			t.Fatalf("negative count: %+v", sc)
		}
		for _, v := range []float64{sc.Grade, sc.Ease} {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("not a number: %+v", sc)
			}
		}
		if sc.Words == 0 && (sc.Grade != 0 || sc.Ease != 0 || sc.Sentences != 0) {
			t.Fatalf("no words but %+v", sc)
		}
		if sc.Words > 0 && (sc.Sentences == 0 || sc.Sentences > sc.Words || sc.Syllables < sc.Words) {
			t.Fatalf("inconsistent: %+v", sc)
		}
		if sc.LongParagraph > sc.Words || sc.LongestSection > sc.Words || sc.LongSentences > sc.Sentences {
			t.Fatalf("inconsistent: %+v", sc)
		}
	})
}

// FuzzReadabilitySpanish checks that a Spanish score is a number, that
// every Spanish word has a syllable, and that the counts agree with the
// English scan's, which reads the same words and sentences.
func FuzzReadabilitySpanish(f *testing.F) {
	for _, s := range []string{
		"¿Qué traigo a mi primera visita? Una identificación.", "Guía del pingüino: ¡aéreo, río, buey!", "y", "qué 2026 ü",
		"# Título\n\n- sí\n- no\n", "\xff\xfe", "Dra. López vs. Sr. Ruiz.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		es, en := ReadabilityIn(s, "es"), Readability(s)
		if math.IsNaN(es.Inflesz) || math.IsInf(es.Inflesz, 0) {
			t.Fatalf("not a number: %+v", es)
		}
		if es.Words != en.Words || es.Sentences != en.Sentences || es.Syllables < es.Words {
			t.Fatalf("Spanish %+v, English %+v", es, en)
		}
		if es.Words == 0 && es.Inflesz != 0 {
			t.Fatalf("no words but %+v", es)
		}
	})
}
