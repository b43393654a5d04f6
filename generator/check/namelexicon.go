package check

import "github.com/faqcast/faqcast/internal/names"

// What the name rule asks of a lexicon of names, and the shipped one.

// A nameLexicon knows names and words; [names.Lexicon] is the one faqcast
// ships.
type nameLexicon interface {
	// Given and Surname report whether w, as written, is a given name or
	// a surname.
	given(w string) bool
	surname(w string) bool
	// word reports whether w in lower case is an ordinary English word.
	word(w string) bool
	// place and known return how many of the leading words form a US
	// place, or a well-known name, eponym or brand: none is a patient.
	place(words []string) int
	known(words []string) int
	// town reports whether w names a US town, even one that is also a
	// common name ("Sherman", "Marion").
	town(w string) bool
}

// censusNames is the nameLexicon of the names faqcast ships.
type censusNames struct{ l *names.Lexicon }

// nameLex returns the shipped lexicon, read once per process.
func nameLex() censusNames { return censusNames{names.Load()} }

func (c censusNames) given(w string) bool { return c.l.Given(w) >= 0.5 }

func (c censusNames) surname(w string) bool { return c.l.Surname(w) > 0 }

func (c censusNames) word(w string) bool { return c.l.Word(w) >= 50 }

func (c censusNames) town(w string) bool {
	n, _ := c.l.Place([]string{w})
	return n == 1
}

func (c censusNames) known(words []string) int {
	n, _ := c.l.Known(words)
	return n
}

// place counts a town's name as a place unless it is also a common given
// name or surname: "Springfield" is a place, "Marion" may be a patient.
func (c censusNames) place(words []string) int {
	n, kind := c.l.Place(words)
	if n == 0 || n > 1 || kind&^names.PlaceCity != 0 {
		return n
	}
	if c.l.Given(words[0]) >= 5 || c.l.Surname(words[0]) >= 20 {
		return 0
	}
	return n
}
