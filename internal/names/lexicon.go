package names

import "sync"

// A Freq is how common a name is: people per million who bear it. For
// given names the people are the babies born in the US from 1880 to 2024
// whose names the Social Security Administration lists (372 million);
// for surnames they are the people counted in the 2010 Census under a
// surname borne by at least 100 people (266 million). Sofia's Freq as a
// given name is about 480, Whitfield's as a surname about 113; 0 means
// the list lacks the name.
type Freq float64

// A Lexicon answers questions about the words of English text. Its zero
// value answers nothing; use [Load].
type Lexicon struct {
	given, surnames, words *table
	places, known          *table

	// givenScale and surnameScale turn counts into a Freq.
	givenScale, surnameScale float64

	// codes[a][b] says whether the letters 'A'+a, 'A'+b are a postal code.
	codes [26][26]bool
}

var load = sync.OnceValue(func() *Lexicon {
	l, err := read()
	if err != nil {
		panic("names: the embedded data is broken: " + err.Error())
	}
	return l
})

// Load returns the lexicon of the data shipped with the package. The first
// call reads the data, which takes some tens of milliseconds of processor
// time and leaves about 10 MiB on the heap; later calls return the same
// lexicon. It is read-only and safe for concurrent use.
func Load() *Lexicon { return load() }

// Given returns how common w is as a given name, or 0 if it is none. The
// word is taken as written, as "Sofia" or "Sofia's": punctuation at its
// ends and a possessive 's are ignored, and letters are matched without
// regard to case or accents ("JOSÉ" is "Jose"). Apostrophes inside are
// ignored too ("D'Andre" is "Dandre"); hyphenated names are not split.
func (l *Lexicon) Given(w string) Freq {
	if l.given == nil {
		return 0
	}
	var buf [2 * maxWordKey]byte
	v, _ := l.given.get(appendWordKey(buf[:0], w))
	return Freq(float64(v) * l.givenScale)
}

// Surname returns how common w is as a surname, or 0 if it is none. The
// word is matched as by [Lexicon.Given]: "O'Brien's" is "OBrien", which is
// how the Census spells it.
func (l *Lexicon) Surname(w string) Freq {
	if l.surnames == nil {
		return 0
	}
	var buf [2 * maxWordKey]byte
	v, _ := l.surnames.get(appendWordKey(buf[:0], w))
	return Freq(float64(v) * l.surnameScale)
}

// Word returns how common w is as a lower-case English word, from 0 (not
// a word) to 90 (one of the commonest). The score is 100 minus the size of
// the smallest SCOWL list that has the word: 90 for size 10 ("will",
// "hope", "may", "brown"), 80 for 20 ("grace", "rose"), then 65, 60, 50
// (size 50 is about a desk dictionary), 45 and 40 (size 60, the largest
// kept). The word is matched as by [Lexicon.Given], so a capital at the
// start of a sentence does not matter; contractions match without their
// apostrophe ("Don't" is "dont").
func (l *Lexicon) Word(w string) int {
	if l.words == nil {
		return 0
	}
	var buf [2 * maxWordKey]byte
	v, ok := l.words.get(appendWordKey(buf[:0], w))
	if !ok {
		return 0
	}
	return 100 - int(v)
}

// Place returns the number of leading words of words that name a known US
// place, and what place it is; 0 and no kind if they name none. The
// longest name wins: ["Sangamon", "County", "said"] gives 2 and
// PlaceCounty, ["New", "York", "City"] gives 3. Words are matched as by
// [Lexicon.Known], and a possessive may end the name ("Chicago's"). A
// two-letter postal code matches only in capitals ("IL", not "il" or
// "Il").
func (l *Lexicon) Place(words []string) (n int, kind PlaceKind) {
	if len(words) == 0 || l.places == nil {
		return 0, 0
	}
	if l.isCode(words[0]) {
		return 1, PlaceCode
	}
	n, v := l.places.match(words)
	return n, PlaceKind(v)
}

// Known returns the number of leading words of words that form a
// well-known name that is no patient's (a public figure, a character, a
// medical eponym, an observance, an organisation or a health brand), and
// its kind; 0 and None if they form none. The longest name wins:
// ["Martin", "Luther", "King", "Jr.", "Day"] gives 5 and Observance.
// Words are matched without regard to case, accents, periods,
// apostrophes or punctuation at their ends, hyphens split words
// ("Band-Aid" is "Band Aid"), and St, Ste, Ft, Mt, Mr and Dr are taken
// for Saint, Sainte, Fort, Mount, Mister and Doctor. A possessive may end
// the name ("Mayo Clinic's") but is otherwise part of it: "Parkinson's"
// is an eponym while a bare "Wilson" is not, though "Wilson's disease"
// is.
func (l *Lexicon) Known(words []string) (n int, kind Kind) {
	if l.known == nil {
		return 0, None
	}
	n, v := l.known.match(words)
	return n, Kind(v)
}

// isCode reports whether w, without punctuation at its ends, is a postal
// code in capitals.
func (l *Lexicon) isCode(w string) bool {
	w = trim(w)
	if len(w) != 2 || w[0] < 'A' || w[0] > 'Z' || w[1] < 'A' || w[1] > 'Z' {
		return false
	}
	return l.codes[w[0]-'A'][w[1]-'A']
}
