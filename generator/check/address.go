package check

import "sync"

// Where one patient lives, without a house number: "He lives on Pine
// Street", "her apartment is 4C", "lot 14 of the trailer park", "she
// drove in from her farm outside Carlinville". A street or a town tied to
// one person is a Safe Harbor identifier; the practice's own address is
// not tied to a person.

// addressPatterns are the patterns of addressRE.
type addressPatterns struct {
	lives, unit, home, road *pattern
}

var addressRE = sync.OnceValue(func() addressPatterns {
	return addressPatterns{
		lives: compile(`\b(?i:he|she|they|who|patient|family|mom|dad|grandma|grandpa|husband|wife|son|daughter|mother|father|neighbor)\s+(?i:lives?|lived|living|resides?|resided|stays?|stayed|moved)\s+(?i:on|at|in|off|near|by|out\s+in|over\s+in|down\s+in|up\s+in|out\s+on|to|just\s+off|right\s+off)\s+(?:(?i:the)\s+)?\p{Lu}[\pL'’.-]*(?:\s+\p{Lu}[\pL'’.-]*){0,3}`),
		unit:  compile(`(?i)\b(?:apartment|apt\.?|unit|lot|trailer|space|bldg\.?|building)\s*(?:is\s+|number\s+|no\.?\s*|#\s*)?\d{1,5}[a-z]?\b`),
		// A rural road: "on County Rd 1200 N".
		road: compile(`(?i)\b(?:county\s+(?:road|rd)|cr|rural\s+route|rr|state\s+(?:route|rd|road)|route|rte|farm\s+road|fm)\s+\d{1,5}[a-z]?(?:\s+[nsew]\b)?`),
		home: compile(`(?i)\b(?:from|at|to|near)\s+(?:her|his|their)\s+(?:farm|house|home|place|apartment|trailer|ranch|cabin|condo|duplex)\s+(?:outside|in|near|on|off|by|out\s+on|up\s+in|down\s+in)\s+\p{Lu}[\pL'’.-]*`),
	}
})

// phiHomes adds where one patient lives.
func phiHomes(sc *scan, add phiAdd) {
	s := sc.s
	for _, p := range []*pattern{addressRE().lives, addressRE().home} {
		for _, m := range p.FindAllIn(sc) {
			add("PHI-ADDRESS", m[0], m[1])
		}
	}
	for _, m := range addressRE().road.FindAllIn(sc) {
		if advAny(advWords(advSentence(s, m[0], m[1]), 60), numberPerson) {
			add("PHI-ADDRESS", m[0], m[1])
		}
	}
	for _, m := range addressRE().unit.FindAllIn(sc) {
		before := advWords(advBefore(s, m[0], advSentenceStops), 4)
		sentence := advWords(advSentence(s, m[0], m[1]), 60)
		// A unit is a home when a person stands near it: "her apartment
		// is 4C", "the gentleman in lot 14".
		if advAny(before, addressNotHome) && !advAny(sentence, addressPerson) {
			continue
		}
		if !advAny(sentence, addressHome) {
			continue
		}
		add("PHI-ADDRESS", m[0], m[1])
	}
}

// Word sets of the functions above, made once.
var (
	addressNotHome = advSet("parking", "the", "in")
	addressPerson  = advSet("her", "his", "their", "he", "she", "gentleman", "lady", "patient", "man", "woman", "family", "mom", "dad")
	addressHome    = advSet("her", "his", "their", "he", "she", "gentleman", "lady", "patient", "man", "woman", "family", "mom", "dad", "lives", "live", "home", "door", "park", "residences", "apartments", "complex", "court")
)
