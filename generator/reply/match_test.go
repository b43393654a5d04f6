package reply

import (
	"cmp"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// Weights of the fields of testDocs.
const (
	testTitleWeight    = 3
	testSummaryWeight  = 1
	testTagsWeight     = 2
	testQuestionWeight = 3
)

// doc returns a Doc with a title, a summary, tags and alternative
// phrasings of its question.
func doc(slug, title, summary, tags string, questions ...string) Doc {
	d := Doc{Slug: slug, Fields: []Field{
		{title, testTitleWeight},
		{summary, testSummaryWeight},
		{tags, testTagsWeight},
	}}
	for _, q := range questions {
		d.Fields = append(d.Fields, Field{q, testQuestionWeight})
	}
	return d
}

func testDocs() []Doc {
	return []Doc{
		doc("flu-shot",
			"When can I get a flu shot?",
			"Flu vaccines are available every fall for patients six months and older; no appointment needed.",
			"flu, vaccines, immunizations",
			"Do you have flu shots?",
			"¿Dónde me pongo la vacuna contra la gripe?"),
		doc("insurance",
			"Which insurance plans do you accept?",
			"We accept most major insurance plans, Medicare and Medicaid.",
			"insurance, billing",
			"Do you take my insurance?",
			"¿Aceptan mi seguro médico?"),
		doc("lab-results",
			"How do I get my lab results?",
			"Lab results appear in the patient portal within three business days.",
			"labs, results, portal",
			"When will my blood test results be ready?"),
		doc("first-visit",
			"What should I bring to my first visit?",
			"Bring a photo ID, your insurance card and a list of your medications.",
			"first visit, new patients",
			"I'm a new patient, what do I need?"),
		doc("interpreters",
			"Do you offer interpreters?",
			"Free medical interpreters are available in Spanish and other languages at every appointment.",
			"interpreters, languages",
			"Can I get a Spanish interpreter?",
			"¿Tienen intérpretes en español?"),
	}
}

// words returns the words of text's tokens, as written.
func words(text string) []string {
	var ws []string
	for _, t := range tokenize(text) {
		ws = append(ws, t.word)
	}
	return ws
}

// terms returns the terms of text's tokens.
func terms(text string) []string {
	var ts []string
	for _, t := range tokenize(text) {
		ts = append(ts, t.term)
	}
	return ts
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, text string
		words      []string
		terms      []string
	}{
		{"empty", "", nil, nil},
		{"accents and case", "Médico MEDICO me\u0301dico",
			[]string{"Médico", "MEDICO", "me\u0301dico"},
			[]string{"doctor", "doctor", "doctor"}}, // Spanish, by its accent; a synonym
		{"case folding", "STRAẞE Straße", []string{"STRAẞE", "Straße"}, []string{"strass", "strass"}},
		{"camel-cased hashtags", "#FluShot #HPVVaccine",
			[]string{"Flu", "Shot", "HPV", "Vaccine"},
			[]string{"flu", "vaccin", "hpv", "vaccin"}},
		{"lowercase hashtag", "#flushot", []string{"flushot"}, []string{"flushot"}},
		{"mentions", "@DrSmith's @clinic_team flu", []string{"flu"}, []string{"flu"}},
		{"e-mail", "write jane.doe@example.com", []string{"write"}, []string{"write"}},
		{"links", "Flu shots: https://example.com/flu-shot?x=1 (www.Example.org)",
			[]string{"Flu", "shots"}, []string{"flu", "vaccin"}},
		{"emoji and punctuation", "flu 🤒💉 shot!!! ¿¡…!?", []string{"flu", "shot"}, []string{"flu", "vaccin"}},
		{"contractions", "I don't know, can't I get it? Don’t I'm", nil, nil},
		{"possessive", "the patient's portal", []string{"patient's", "portal"}, []string{"patient", "portal"}},
		{"hyphens and slashes", "follow-up/referral", []string{"follow", "referral"}, []string{"follow", "referr"}},
		{"numbers", "COVID-19 booster 2024", []string{"COVID", "19", "booster", "2024"}, []string{"covid", "19", "vaccin", "2024"}},
		{"abbreviations", "pls can u book an appt w/ the dr", []string{"book", "appt", "dr"}, []string{"book", "appoint", "doctor"}},
		{"filler only", "Hi, thanks!! 🙏 Hola, gracias", nil, nil},
		{"Spanish", "¿Cuándo puedo vacunar a mis hijos?", []string{"vacunar", "hijos"}, []string{"vacun", "hij"}},
		{"Spanish without accents", "¿Tienen interpretes en espanol?", []string{"interpretes", "espanol"}, []string{"interpret", "espanol"}},
		{"Spanish abbreviation", "necesito una appt con el dr", []string{"appt", "dr"}, []string{"cit", "doctor"}},
		{"English keeps Spanish stopwords", "my son has hay fever", []string{"son", "hay", "fever"}, []string{"son", "hay", "fever"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := words(tt.text); !slices.Equal(got, tt.words) {
				t.Errorf("words of %q = %q, want %q", tt.text, got, tt.words)
			}
			if got := terms(tt.text); !slices.Equal(got, tt.terms) {
				t.Errorf("terms of %q = %q, want %q", tt.text, got, tt.terms)
			}
		})
	}
}

func TestStemsMeet(t *testing.T) {
	tests := [][]string{
		{"vaccines", "vaccination", "vaccine", "vax"},
		{"las vacunas", "la vacuna", "la vacunación", "la vacunacion", "¿me puedo vacunar?"},
		{"appointments", "appt", "apt"},
		{"el médico", "el medico", "los MÉDICOS"},
		{"video", "telehealth", "zoom", "FaceTime"},
		{"¿por video?", "¿por videollamada?", "¿por telesalud?"},
	}
	for _, texts := range tests {
		want := terms(texts[0])
		if len(want) != 1 {
			t.Fatalf("terms of %q = %q, want one", texts[0], want)
		}
		for _, text := range texts[1:] {
			if got := terms(text); !slices.Equal(got, want) {
				t.Errorf("terms of %q = %q, want %q as for %q", text, got, want, texts[0])
			}
		}
	}
}

func TestSearchTop(t *testing.T) {
	ix := NewIndex(testDocs())
	tests := []struct {
		name, text string
		top        string
		terms      []string
	}{
		{"English", "Hi! When can I get my flu shot this year? 💉", "flu-shot", []string{"flu", "shot"}},
		{"hashtag", "#FluSeason is here", "flu-shot", []string{"Flu"}},
		{"Spanish phrasing", "¿Cuándo puedo vacunarme contra la gripe?", "flu-shot", []string{"vacunarme", "gripe"}},
		{"Spanish without accents", "hola, tienen interpretes en espanol??", "interpreters", []string{"interpretes", "espanol"}},
		{"Spanish insurance", "¿Aceptan mi seguro?", "insurance", []string{"Aceptan", "seguro"}},
		{"misspelled", "how long for my blod test reslts?", "lab-results", []string{"test"}},
		{"abbreviations", "need an appt for my vax", "flu-shot", []string{"appt", "vax"}},
		{"insurance", "Do you guys take Medicare??", "insurance", []string{"take", "Medicare"}},
		{"first visit", "new patient here, what do I bring to the first appointment", "first-visit", []string{"new", "patient", "bring", "first"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := ix.Search(tt.text)
			if len(ms) == 0 {
				t.Fatalf("Search(%q) = no matches, want %s first", tt.text, tt.top)
			}
			if ms[0].Slug != tt.top {
				t.Errorf("Search(%q) ranks %s first, want %s; got %+v", tt.text, ms[0].Slug, tt.top, ms)
			}
			if !slices.Equal(ms[0].Terms, tt.terms) {
				t.Errorf("Search(%q)[0].Terms = %q, want %q", tt.text, ms[0].Terms, tt.terms)
			}
		})
	}
}

func TestSearchNoMatch(t *testing.T) {
	ix := NewIndex(testDocs())
	for _, text := range []string{
		"",
		"Hi, thanks!! 🙏 @clinic",
		"Hola, ¿cómo están? Gracias",
		"can you do it? https://example.com/flu",
		"zzz qwerty",
	} {
		if ms := ix.Search(text); ms != nil {
			t.Errorf("Search(%q) = %+v, want nil", text, ms)
		}
	}
	var empty *Index
	if ms := empty.Search("flu shot"); ms != nil {
		t.Errorf("nil Index: Search = %+v, want nil", ms)
	}
	if ms := NewIndex(nil).Search("flu shot"); ms != nil {
		t.Errorf("empty Index: Search = %+v, want nil", ms)
	}
}

func TestSearchTies(t *testing.T) {
	a := doc("a", "Parking for patients", "Park in the lot behind the clinic.", "parking")
	b := a
	b.Slug = "b"
	other := doc("other", "Flu shots", "Every fall.", "flu")
	tests := []struct {
		docs []Doc
		want []string
	}{
		{[]Doc{a, b, other}, []string{"a", "b"}},
		{[]Doc{b, a, other}, []string{"b", "a"}},
		{[]Doc{other, b, a}, []string{"b", "a"}},
	}
	for _, tt := range tests {
		ms := NewIndex(tt.docs).Search("where do I park?")
		var got []string
		for _, m := range ms {
			got = append(got, m.Slug)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Search ranks %q, want %q", got, tt.want)
		}
		if len(ms) == 2 && (ms[0].Score != ms[1].Score || ms[0].Coverage != ms[1].Coverage) {
			t.Errorf("equal docs score %+v and %+v", ms[0], ms[1])
		}
	}
}

func TestSearchCoverage(t *testing.T) {
	ix := NewIndex(testDocs())
	tests := []struct {
		text     string
		slug     string
		coverage float64 // -1 for strictly between 0 and 1
	}{
		{"flu shots", "flu-shot", 1},
		{"FLU SHOTS!!! #FluShot", "flu-shot", 1},
		{"¿Tienen intérpretes?", "interpreters", 1},
		{"flu shot for my toddler", "flu-shot", -1},
		{"blod test reslts", "lab-results", -1},
	}
	for _, tt := range tests {
		ms := ix.Search(tt.text)
		i := slices.IndexFunc(ms, func(m Match) bool { return m.Slug == tt.slug })
		if i < 0 {
			t.Errorf("Search(%q) = %+v, want %s among them", tt.text, ms, tt.slug)
			continue
		}
		for _, m := range ms {
			if !(m.Coverage > 0 && m.Coverage <= 1) {
				t.Errorf("Search(%q): %s has Coverage %v, want in (0, 1]", tt.text, m.Slug, m.Coverage)
			}
		}
		got := ms[i].Coverage
		if tt.coverage >= 0 && got != tt.coverage || tt.coverage < 0 && !(got > 0 && got < 1) {
			t.Errorf("Search(%q): %s has Coverage %v, want %v", tt.text, tt.slug, got, tt.coverage)
		}
	}
}

// TestSearchCoverageComparable checks that a comment that only adds
// unknown words to another loses coverage but not rank.
func TestSearchCoverageComparable(t *testing.T) {
	ix := NewIndex(testDocs())
	short := ix.Search("lab results")
	long := ix.Search("lab results for my grandmother's thyroid panel")
	if len(short) == 0 || len(long) == 0 || short[0].Slug != "lab-results" || long[0].Slug != "lab-results" {
		t.Fatalf("Search ranks %+v and %+v, want lab-results first", short, long)
	}
	if !(long[0].Coverage < short[0].Coverage) {
		t.Errorf("Coverage %v with unknown words, want below %v", long[0].Coverage, short[0].Coverage)
	}
	if long[0].Score != short[0].Score {
		t.Errorf("Score %v with unknown words, want %v", long[0].Score, short[0].Score)
	}
}

func TestNewIndexWeights(t *testing.T) {
	tests := []struct {
		name string
		docs []Doc
		want []string
	}{
		{"heavier field wins", []Doc{
			{"summary", []Field{{"Flu shots", 1}}},
			{"title", []Field{{"Flu shots", 3}}},
		}, []string{"title", "summary"}},
		{"unusable weights are left out", []Doc{
			{"zero", []Field{{"Flu shots", 0}}},
			{"negative", []Field{{"Flu shots", -1}}},
			{"infinite", []Field{{"Flu shots", float64(1) / zero()}}},
			{"nan", []Field{{"Flu shots", zero() / zero()}}},
			{"ok", []Field{{"Flu shots", 1}}},
		}, []string{"ok"}},
		{"shorter field of a weight wins", []Doc{
			{"long", []Field{{"Flu shots, and also parking, billing, hours and directions", 1}}},
			{"short", []Field{{"Flu shots", 1}}},
		}, []string{"short", "long"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range NewIndex(tt.docs).Search("flu shot") {
				got = append(got, m.Slug)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Search ranks %q, want %q", got, tt.want)
			}
		})
	}
}

// zero returns 0 where the compiler cannot see it, to make NaN and
// infinities.
func zero() float64 { return 0 }

func TestSearchConcurrent(t *testing.T) {
	ix := NewIndex(testDocs())
	want := ix.Search("flu shot appt")
	done := make(chan []Match)
	for range 8 {
		go func() { done <- ix.Search("flu shot appt") }()
	}
	for range 8 {
		if got := <-done; !reflect.DeepEqual(got, want) {
			t.Errorf("concurrent Search = %+v, want %+v", got, want)
		}
	}
}

func FuzzSearch(f *testing.F) {
	for _, s := range []string{
		"",
		"When can I get my flu shot? #FluShot @clinic https://example.com",
		"¿Cuándo puedo vacunarme contra la gripe? 💉",
		"don't can't I'm y'all",
		"jane@example.com www.example.org ftp://x",
		"#HPVVaccine #COVID19Vaccine ##a# @ @@ :// www.",
		"me\u0301dico STRAẞE İstanbul ǅ ﬁ \u0301",
		"\xff\xfe broken utf-8 vaccines",
		"123-456/789 1,000.5",
	} {
		f.Add(s)
	}
	ix := NewIndex(testDocs())
	order := make(map[string]int)
	for i, d := range testDocs() {
		order[d.Slug] = i
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, tok := range tokenize(text) {
			if tok.word == "" || tok.term == "" {
				t.Errorf("tokenize(%q): empty token %+v", text, tok)
			}
			if !strings.Contains(text, tok.word) && utf8.ValidString(text) {
				t.Errorf("tokenize(%q): word %q not in text", text, tok.word)
			}
			if strings.ContainsFunc(tok.term, func(r rune) bool { return unicode.Is(unicode.Mn, r) }) {
				t.Errorf("tokenize(%q): term %q has accents", text, tok.term)
			}
		}

		ms := ix.Search(text)
		if again := ix.Search(text); !reflect.DeepEqual(ms, again) {
			t.Fatalf("Search(%q) = %+v, then %+v", text, ms, again)
		}
		for i, m := range ms {
			if !(m.Coverage > 0 && m.Coverage <= 1) {
				t.Errorf("Search(%q): %s has Coverage %v", text, m.Slug, m.Coverage)
			}
			if !(m.Score > 0) || len(m.Terms) == 0 {
				t.Errorf("Search(%q): %s has Score %v and Terms %q", text, m.Slug, m.Score, m.Terms)
			}
			if i == 0 {
				continue
			}
			p := ms[i-1]
			if c := cmp.Or(
				cmp.Compare(m.Score, p.Score),
				cmp.Compare(m.Coverage, p.Coverage),
				cmp.Compare(order[p.Slug], order[m.Slug]),
			); c >= 0 {
				t.Errorf("Search(%q): %+v ranked before %+v", text, p, m)
			}
		}
	})
}

// TestIndexLanguage checks the language of a comment whose words do not
// tell it, by the words the index holds in one language only, and that
// such words find the docs that hold them in Spanish.
func TestIndexLanguage(t *testing.T) {
	ix := NewIndex([]Doc{
		{Slug: "seguro", Fields: []Field{{Text: "¿Qué seguros médicos aceptan?", Weight: 1}}},
		{Slug: "insurance", Fields: []Field{{Text: "Which insurance plans do you accept?", Weight: 1}}},
		{Slug: "parking", Fields: []Field{{Text: "Where do I park? In the lot behind the clinic.", Weight: 1}}},
	})
	for _, tc := range []struct{ text, lang, first string }{
		{"aceptan seguro medico", "es", "seguro"},
		{"aceptan seguros", "es", "seguro"},
		{"accept insurance", "en", "insurance"},
		// As many words known in English only as in Spanish only.
		{"parking lot aceptan", "", "parking"},
		// One word of three known in Spanish only is not enough.
		{"behind lot aceptan", "", "parking"},
		// Words the stopwords tell are not weighed again.
		{"¿aceptan seguro?", "", "seguro"},
		{"🙏", "", ""},
	} {
		if got := ix.language(tc.text); got != tc.lang {
			t.Errorf("language(%q) = %q, want %q", tc.text, got, tc.lang)
		}
		first := ""
		if m := ix.Search(tc.text); len(m) > 0 {
			first = m[0].Slug
		}
		if first != tc.first {
			t.Errorf("Search(%q) finds %q first, want %q", tc.text, first, tc.first)
		}
	}
}
