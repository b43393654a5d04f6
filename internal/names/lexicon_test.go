package names_test

import (
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/faqcast/faqcast/internal/names"
)

// between checks that got lies in [lo, hi].
func between(t *testing.T, what string, got names.Freq, lo, hi float64) {
	t.Helper()
	if float64(got) < lo || float64(got) > hi {
		t.Errorf("%s = %.2f, want between %g and %g", what, got, lo, hi)
	}
}

func TestGiven(t *testing.T) {
	l := names.Load()
	for _, tc := range []struct {
		w      string
		lo, hi float64
	}{
		{"James", 10000, 20000}, // among the commonest
		{"Sofia", 300, 700},     // common, and recent
		{"Marcus", 400, 900},    // common
		{"Grace", 1000, 2000},   // a name and a word
		{"Will", 50, 300},       // mostly short for William
		{"Hope", 100, 500},      //
		{"Whitfield", 0.5, 3},   // rare as a given name
		{"Brown", 1, 10},        // rare as a given name
		{"Nakamura", 0, 0},      // no given name
		{"Tylenol", 0, 0},       // no name
		{"", 0, 0},              //
		{"sofia", 300, 700},     // case does not matter
		{"SOFIA", 300, 700},     //
		{"Sofia's", 300, 700},   // nor a possessive
		{"“Sofia!”", 300, 700},  // nor punctuation at the ends
		{"José", 1000, 3000},    // accents do not matter
		{"Zoë", 200, 800},       //
		{"D'Andre", 10, 100},    // apostrophes inside are dropped
		{"Mary-Kate", 0, 0},     // hyphenated names are not split
		{strings.Repeat("a", 100), 0, 0},
	} {
		between(t, "Given("+tc.w+")", l.Given(tc.w), tc.lo, tc.hi)
	}
}

func TestSurname(t *testing.T) {
	l := names.Load()
	for _, tc := range []struct {
		w      string
		lo, hi float64
	}{
		{"Smith", 8000, 10000},  // the commonest
		{"Brown", 4000, 7000},   // a surname and a word
		{"Young", 1000, 3000},   //
		{"Nakamura", 10, 60},    // less common
		{"Whitfield", 50, 200},  //
		{"Núñez", 200, 800},     // the Census spells it Nunez
		{"NUNEZ", 200, 800},     //
		{"O'Brien", 200, 800},   // the Census spells it OBrien
		{"O’Brien's", 200, 800}, //
		{"Sofia", 1, 10},        // rare as a surname
		{"Tylenol", 0, 0},       //
		{"", 0, 0},              //
	} {
		between(t, "Surname("+tc.w+")", l.Surname(tc.w), tc.lo, tc.hi)
	}
}

func TestWord(t *testing.T) {
	l := names.Load()
	for _, tc := range []struct {
		w    string
		want int
	}{
		{"will", 90}, {"Will", 90}, {"hope", 90}, {"Brown", 90}, {"young", 90},
		{"may", 90}, {"Bill", 90}, {"hill", 90}, {"price", 90}, {"long", 90},
		{"grace", 80}, {"Rose", 80}, {"sterling", 80},
		{"Don't", 90},         // contractions without the apostrophe
		{"Will's", 90},        // a possessive is dropped
		{"Sofia", 0},          // names are no words
		{"Whitfield", 0},      //
		{"Marcus", 0},         //
		{"Nakamura", 0},       //
		{"", 0},               //
		{"café", 80},          // accents do not matter
		{"acetaminophen", 50}, //
		{"antihistamine", 60}, //
		{"Tylenol", 0},        //
	} {
		if got := l.Word(tc.w); got != tc.want {
			t.Errorf("Word(%q) = %d, want %d", tc.w, got, tc.want)
		}
	}
}

func TestPlace(t *testing.T) {
	l := names.Load()
	for _, tc := range []struct {
		words string
		n     int
		kind  names.PlaceKind
	}{
		{"Sangamon County said", 2, names.PlaceCounty},
		{"New York City", 3, names.PlaceCity},
		{"New York", 2, names.PlaceState | names.PlaceCity | names.PlaceLarge},
		{"New Year", 0, 0},
		{"Illinois", 1, names.PlaceState},
		{"IL", 1, names.PlaceCode},
		{"IL,", 1, names.PlaceCode},
		{"il", 0, 0},
		{"In", 0, 0},
		{"IN", 1, names.PlaceCode},
		{"Chicago", 1, names.PlaceCity | names.PlaceLarge},
		{"Chicago's", 1, names.PlaceCity | names.PlaceLarge},
		{"Springfield, Illinois", 1, names.PlaceCity | names.PlaceLarge},
		{"Marcus Whitfield came", 1, names.PlaceCity}, // a small town in Iowa
		{"Nakamura", 0, 0},
		{"St. Louis", 2, names.PlaceCity | names.PlaceCounty | names.PlaceLarge},
		{"Saint Louis", 2, names.PlaceCity | names.PlaceCounty | names.PlaceLarge},
		{"St. Louis County", 3, names.PlaceCounty},
		{"Ft. Worth", 2, names.PlaceCity | names.PlaceLarge},
		{"Doña Ana County", 3, names.PlaceCounty},
		{"Dona Ana County", 3, names.PlaceCounty},
		{"Orleans Parish", 2, names.PlaceCounty},
		{"McLean", 1, names.PlaceCity},
		{"Mc Lean", 2, names.PlaceCity},
		{"Winston-Salem", 1, names.PlaceCity | names.PlaceLarge},
		{"Lake Michigan", 2, names.PlaceLandmark},
		{"Washington, D.C.", 2, names.PlaceState},
		{"Martha's Vineyard", 2, names.PlaceLandmark},
		{"Sofia", 0, 0},
		{"", 0, 0},
	} {
		n, kind := l.Place(strings.Fields(tc.words))
		if n != tc.n || kind != tc.kind {
			t.Errorf("Place(%q) = %d, %v; want %d, %v", tc.words, n, kind, tc.n, tc.kind)
		}
	}
}

func TestKnown(t *testing.T) {
	l := names.Load()
	for _, tc := range []struct {
		words string
		n     int
		kind  names.Kind
	}{
		{"Dr. Seuss said", 2, names.Person},
		{"Dr Seuss", 2, names.Person},
		{"Doctor Seuss", 2, names.Person},
		{"Mister Rogers", 2, names.Person},
		{"Mr. Rogers", 2, names.Person},
		{"Abraham Lincoln", 2, names.Person},
		{"Abraham Whitfield", 0, names.None},
		{"Martin Luther King Jr.", 4, names.Person},
		{"Martin Luther King, Jr.", 4, names.Person},
		{"Martin Luther King Jr. Day", 5, names.Observance},
		{"Florence Nightingale", 2, names.Person},
		{"Elmo", 1, names.Character},
		{"Curious George", 2, names.Character},
		{"Winnie-the-Pooh", 1, names.Character},
		{"Winnie the Pooh", 3, names.Character},
		{"Bluey", 1, names.Character},
		{"Down syndrome", 2, names.Eponym},
		{"Down", 0, names.None},
		{"Parkinson's", 1, names.Eponym},
		{"Parkinsons", 1, names.Eponym},
		{"Parkinson's disease", 2, names.Eponym},
		{"Parkinson", 0, names.None},
		{"Wilson", 0, names.None},
		{"Wilson's disease", 2, names.Eponym},
		{"Graves' disease", 2, names.Eponym},
		{"Guillain–Barré syndrome", 2, names.Eponym},
		{"Sjögren's", 1, names.Eponym},
		{"Epstein-Barr virus", 2, names.Eponym},
		{"Tommy John surgery", 3, names.Eponym},
		{"Valentine's Day", 2, names.Observance},
		{"St. Patrick's Day", 3, names.Observance},
		{"Santa Claus", 2, names.Observance},
		{"Mayo Clinic", 2, names.Organization},
		{"Mayo Clinic's", 2, names.Organization},
		{"Mayo", 0, names.None},
		{"St. Jude", 2, names.Organization},
		{"Saint Jude", 2, names.Organization},
		{"Tylenol", 1, names.Brand},
		{"TYLENOL", 1, names.Brand},
		{"Band-Aid", 1, names.Brand},
		{"Band Aid", 2, names.Brand},
		{"Pepto-Bismol", 1, names.Brand},
		{"Plan B", 2, names.Brand},
		{"EpiPen", 1, names.Brand},
		{"Albuterol", 1, names.Drug},
		{"Marcus Whitfield", 0, names.None},
		{"Sofia", 0, names.None},
		{"Wendy's", 0, names.None},
		{"", 0, names.None},
	} {
		n, kind := l.Known(strings.Fields(tc.words))
		if n != tc.n || kind != tc.kind {
			t.Errorf("Known(%q) = %d, %v; want %d, %v", tc.words, n, kind, tc.n, tc.kind)
		}
	}
}

func TestLoadShares(t *testing.T) {
	var wg sync.WaitGroup
	got := make([]*names.Lexicon, 4)
	for i := range got {
		wg.Go(func() { got[i] = names.Load() })
	}
	wg.Wait()
	for _, l := range got {
		if l != got[0] {
			t.Fatal("Load returned different lexicons")
		}
	}
}

func TestZeroLexicon(t *testing.T) {
	var l names.Lexicon
	w := []string{"Chicago"}
	if l.Given("Sofia") != 0 || l.Surname("Smith") != 0 || l.Word("will") != 0 {
		t.Error("the zero Lexicon knows a word")
	}
	if n, _ := l.Place(w); n != 0 {
		t.Error("the zero Lexicon knows a place")
	}
	if n, _ := l.Known(w); n != 0 {
		t.Error("the zero Lexicon knows a name")
	}
}

func TestLookupsDoNotAllocate(t *testing.T) {
	l := names.Load()
	place := []string{"Sangamon", "County", "said"}
	known := []string{"Martin", "Luther", "King", "Jr.", "Day"}
	for name, f := range map[string]func(){
		"Given":   func() { l.Given("Sofia's") },
		"Surname": func() { l.Surname("Whitfield") },
		"Word":    func() { l.Word("Will") },
		"Place":   func() { l.Place(place) },
		"Known":   func() { l.Known(known) },
	} {
		if n := testing.AllocsPerRun(100, f); n != 0 {
			t.Errorf("%s allocated %v times per call, want 0", name, n)
		}
	}
}

func TestKindStrings(t *testing.T) {
	if got := names.Brand.String(); got != "brand" {
		t.Errorf("Brand.String() = %q", got)
	}
	if got := names.Kind(99).String(); got != "Kind(99)" {
		t.Errorf("Kind(99).String() = %q", got)
	}
	if got := (names.PlaceCity | names.PlaceLarge).String(); got != "city,large" {
		t.Errorf("PlaceKind.String() = %q", got)
	}
	if got := names.PlaceKind(0).String(); got != "none" {
		t.Errorf("PlaceKind(0).String() = %q", got)
	}
}

func TestMedicines(t *testing.T) {
	ms := names.Medicines()
	if len(ms) < 300 {
		t.Fatalf("Medicines() has %d names, want several hundred", len(ms))
	}
	for _, want := range []string{"tylenol", "albuterol"} {
		if !slices.Contains(ms, want) {
			t.Errorf("Medicines() lacks %q", want)
		}
	}
	for _, m := range ms {
		if m != strings.ToLower(m) || strings.Contains(m, " ") {
			t.Errorf("Medicines() holds %q", m)
		}
	}
}
