package check

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
)

type adviceCase struct {
	file string
	line int
	rule string // "" for a clean sentence
	text string
}

func readAdviceCorpus(t *testing.T) []adviceCase {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "advice", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	var cases []adviceCase
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for n := 1; sc.Scan(); n++ {
			line := sc.Text()
			if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
				continue
			}
			rule, text, ok := strings.Cut(line, "\t")
			if !ok || text == "" {
				t.Fatalf("%s:%d: want RULE-ID<TAB>sentence or -<TAB>sentence", name, n)
			}
			if rule == "-" {
				rule = ""
			} else if _, ok := advInfo[rule]; !ok {
				t.Fatalf("%s:%d: unknown rule %q", name, n, rule)
			}
			cases = append(cases, adviceCase{name, n, rule, text})
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	return cases
}

func TestAdviceCorpus(t *testing.T) {
	cases := readAdviceCorpus(t)
	flagged := 0
	for _, c := range cases {
		if c.rule != "" {
			flagged++
		}
	}
	if len(cases) < 80 || flagged*3 < len(cases) || flagged*3 > 2*len(cases) {
		t.Fatalf("corpus has %d sentences, %d flagged: want at least 80, about half flagged", len(cases), flagged)
	}
	type counts struct{ tp, fn, fp int }
	per := map[string]*counts{}
	for id := range advInfo {
		per[id] = &counts{}
	}
	for _, c := range cases {
		got := map[string]bool{}
		for _, m := range Advice(Text{Text: c.text}) {
			got[m.Rule] = true
		}
		if c.rule != "" {
			if got[c.rule] {
				per[c.rule].tp++
			} else {
				per[c.rule].fn++
				t.Logf("%s:%d: missed %s: %q", c.file, c.line, c.rule, c.text)
			}
		}
		for rule := range got {
			// A sentence that should be flagged, and is, by its rule
			// and by another, is no false alarm.
			if rule != c.rule && (c.rule == "" || !got[c.rule]) {
				per[rule].fp++
				t.Logf("%s:%d: false %s: %q", c.file, c.line, rule, c.text)
			}
		}
	}
	var all counts
	for _, id := range []string{"ADVICE-YOU", "ADVICE-DIAGNOSIS", "ADVICE-MEDICINE", "ADVICE-DOSE", "CLAIM-GUARANTEE", "CLAIM-TESTIMONIAL"} {
		c := per[id]
		t.Logf("%-17s recall %d/%d, precision %d/%d", id, c.tp, c.tp+c.fn, c.tp, c.tp+c.fp)
		all.tp += c.tp
		all.fn += c.fn
		all.fp += c.fp
	}
	recall := float64(all.tp) / float64(all.tp+all.fn)
	precision := float64(all.tp) / float64(max(all.tp+all.fp, 1))
	t.Logf("overall: %d sentences, recall %.3f, precision %.3f", len(cases), recall, precision)
	if recall < 0.95 {
		t.Errorf("recall %.3f, want ≥ 0.95", recall)
	}
	if precision < 0.9 {
		t.Errorf("precision %.3f, want ≥ 0.9", precision)
	}
}

func TestAdviceSpans(t *testing.T) {
	tests := []struct {
		text   string
		want   []string // "RULE phrase"
		detail string   // the first match's message, if set
	}{
		{"You should take ibuprofen.", []string{"ADVICE-YOU You should take"}, `individual advice: "you should take"`},
		{"In your case,\nBased on Your Symptoms, rest.", []string{"ADVICE-YOU In your case", "ADVICE-YOU Based on Your Symptoms"}, ""},
		{"You probably have the flu.", []string{"ADVICE-DIAGNOSIS You probably have the flu"}, `diagnosis of the reader: "you probably have the flu"`},
		{"If you have a fever, you have the flu.", []string{"ADVICE-DIAGNOSIS you have the flu"}, ""},
		{"Give your child 5 mL of syrup.", []string{"ADVICE-DOSE Give your child 5 mL"}, `dose aimed at the reader: "give your child 5 ml"`},
		{"Take 500 mg twice a day.", []string{"ADVICE-DOSE Take 500 mg twice a day"}, ""},
		{"It is 100% effective and risk-free!", []string{"CLAIM-GUARANTEE 100% effective", "CLAIM-GUARANTEE risk-free"}, ""},
		{"We are #1. There is no cure.", []string{"CLAIM-GUARANTEE #1"}, ""},
		{"Our patient Maria is well. Jo told us so.", []string{"CLAIM-TESTIMONIAL Our patient Maria", "CLAIM-TESTIMONIAL Jo told us"}, ""},
		// Overlapping rules: the earlier match wins.
		{"You should take 500 mg.", []string{"ADVICE-YOU You should take"}, ""},
		{"Nothing here. 5 mg. You have questions? Number one cause.", nil, ""},
		// A list of conditions.
		{"## Call us right away if\n\n- Your baby is younger than 3 months and has a fever.\n- Your child is hard to wake.", nil, ""},
		{"Call us right away:\n\n- Your baby has a fever.", []string{"ADVICE-DIAGNOSIS Your baby has a fever"}, ""},
		// A practice's logistics, not one reader's care.
		{"You do not need a referral. Stop by the front desk for a pill organizer.", nil, ""},
		// A heading's last words and the next block's first.
		{"## What families say\n\nOur team works with each family.", nil, ""},
		{"Families say\nour staff is kind.", []string{"CLAIM-TESTIMONIAL Families say\nour"}, ""},
		// Permission, and a condition.
		{"You are ready to go back to work.", []string{"ADVICE-YOU You are ready to go"}, ""},
		{"After surgery you are cleared to drive.", []string{"ADVICE-YOU you are cleared to drive"}, ""},
		{"Before bed you are okay to take two.", []string{"ADVICE-YOU you are okay to take"}, ""},
		{"You only share what you are ready to share.", nil, ""},
		{"", nil, ""},
	}
	for _, tt := range tests {
		ms := Advice(Text{Text: tt.text})
		var got []string
		for _, m := range ms {
			got = append(got, m.Rule+" "+tt.text[m.Start:m.End])
			if m.Hint == "" || m.Message == "" {
				t.Errorf("%q: %s without message or hint", tt.text, m.Rule)
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Advice(%q) = %q, want %q", tt.text, got, tt.want)
		}
		if tt.detail != "" && len(ms) > 0 && ms[0].Message != tt.detail {
			t.Errorf("Advice(%q) message %q, want %q", tt.text, ms[0].Message, tt.detail)
		}
	}
}

// TestAdviceSpanishOrders checks that an order about a medicine is found
// within a sentence, never from a verb in one sentence to the capitalised
// word that begins the next.
func TestAdviceSpanishOrders(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []string // "RULE phrase"
	}{
		{"Deje de tomar la insulina.", []string{"ADVICE-MEDICINE Deje de tomar la insulina"}},
		{"Suspenda el Motrin hoy.", []string{"ADVICE-MEDICINE Suspenda el Motrin"}},
		{"Si llama de noche, deje un mensaje. Le devolvemos la llamada.", nil},
		{"Deje su nombre! Le llamamos mañana.", nil},
		{"Si llama de noche, deje su voz. Le devolvemos la llamada.", nil},
		{"Cambie el día. Lo esperamos el lunes.", nil},
		// An order in the sentence after one with an order's verb.
		{"Cambie la cita. Suspenda la metformina dos días antes.", []string{"ADVICE-MEDICINE Suspenda la metformina"}},
		{"Suspenda la cita. Deje el Motrin.", []string{"ADVICE-MEDICINE Deje el Motrin"}},
		{"Suspenda el ibuprofeno, p. ej. el Motrin.", []string{"ADVICE-MEDICINE Suspenda el ibuprofeno, p. ej. el Motrin"}},
		{"Dele 2.5 ml del jarabe.", []string{"ADVICE-MEDICINE Dele 2.5 ml del jarabe"}},
	} {
		var got []string
		for _, m := range Advice(Text{Text: tt.text, Lang: "es"}) {
			got = append(got, m.Rule+" "+tt.text[m.Start:m.End])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Advice(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestAdviceHintLanguage checks that a finding's hint in a Spanish text
// gives its examples in Spanish, and in an English text in English.
func TestAdviceHintLanguage(t *testing.T) {
	for id := range advHintSpanish {
		if _, ok := advInfo[id]; !ok {
			t.Errorf("a Spanish hint for %s, which is no rule", id)
		}
	}
	for _, tc := range []struct{ text, lang, want string }{
		{"Deje de tomar la insulina.", "es", "Hable con su equipo de atención"},
		{"Stop taking your insulin now.", "", "Talk to your care team"},
	} {
		ms := Advice(Text{Text: tc.text, Lang: tc.lang})
		if len(ms) == 0 || !strings.Contains(ms[0].Hint, tc.want) {
			t.Errorf("Advice(%q) = %+v, want a hint with %q", tc.text, ms, tc.want)
		}
	}
	// The models' findings too.
	text := "Lo mejor para usted es descansar en casa y beber mucha agua hoy."
	ms := likelySentences(newScan(textLexicon(), text), nil, true)
	if len(ms) != 1 || ms[0].Rule != "ADVICE-LIKELY" || !strings.Contains(ms[0].Hint, "Muchos adultos") {
		t.Errorf("likelySentences(%q) = %+v, want ADVICE-LIKELY with Spanish examples", text, ms)
	}
}

func FuzzAdvice(f *testing.F) {
	for _, s := range []string{
		"You should take 500 mg twice a day.", "If you have a fever, you have the flu.",
		"Our patient Maria told us. #1 best doctors, 100% risk-free cure!",
		"After seeing Dr. Lee, I was diagnosed. before-and-after", "in your case ½ tablet every 4-6 hours",
		"you’ve got strep\n\nthis sounds like", "\xff\xfeyou have",
		"Usted debe dejar de tomar la insulina. Su hijo tiene asma.", "Duplíquele la dosis: dele 5 ml de Motrin. ¡Garantizamos la cura!",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, lang := range []string{"", "es"} {
			fuzzAdviceSpans(t, s, lang)
		}
	})
}

// fuzzAdviceSpans fails t unless Advice's matches of s in lang are
// ordered, apart, within s and described.
func fuzzAdviceSpans(t *testing.T, s, lang string) {
	end := 0
	for _, m := range Advice(Text{Text: s, Lang: lang}) {
		if m.Start < end || m.Start >= m.End || m.End > len(s) {
			t.Fatalf("%s: bad span %d:%d after %d in %q", lang, m.Start, m.End, end, s)
		}
		if _, ok := advInfo[m.Rule]; !ok || m.Message == "" || m.Hint == "" {
			t.Fatalf("%s: bad match %+v", lang, m)
		}
		end = m.End
	}
}

// TestAdvWords checks advWords against the words of the text in lower
// case split at every rune that is no letter, digit or apostrophe.
func TestAdvWords(t *testing.T) {
	want := func(s string, n int) []string {
		f := strings.FieldsFunc(strings.ToLower(strings.ReplaceAll(s, "’", "'")), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
		})
		return f[max(0, len(f)-n):]
	}
	for _, s := range []string{
		"",
		"You should STOP taking it.",
		"she’s one of our bravest patients — Día 2",
		"ÉCOLE café naïve 42nd",
		"bad \xff byte\xc3 and \ufffd mark",
		"KELVIN \u212a and long \u017f s",
		"a-b_c d/e 'quoted' ’curly’",
		"🎉 emoji🎉between",
	} {
		for _, n := range []int{1, 3, 80} {
			if got := advWords(s, n); !slices.Equal(got, want(s, n)) {
				t.Errorf("advWords(%q, %d) = %q, want %q", s, n, got, want(s, n))
			}
		}
	}
}

// TestAdviceOfPublicFigures checks that what the public knows of a public
// figure is no diagnosis of the reader, unless the sentence speaks to them.
func TestAdviceOfPublicFigures(t *testing.T) {
	for _, c := range []struct {
		text    string
		flagged bool
	}{
		{"Michael J. Fox was diagnosed with Parkinson's disease at 29.", false},
		{"Celine Dion revealed in 2022 that she has stiff person syndrome, a rare neurological disorder.", false},
		{"Your dad probably has Parkinson's disease, just like Michael J. Fox.", true},
		{"We have not been ranked by any magazine, and that's okay with us.", false},
	} {
		if got := len(Advice(Text{Text: c.text})) > 0; got != c.flagged {
			t.Errorf("Advice(%q) flagged %v, want %v", c.text, got, c.flagged)
		}
	}
}
