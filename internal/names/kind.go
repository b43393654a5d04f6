package names

import (
	"strconv"
	"strings"
)

// A Kind says what a well-known name found by [Lexicon.Known] is.
type Kind uint8

// The kinds of well-known names, as data/known.txt spells them.
const (
	None         Kind = iota // not a well-known name
	Person                   // a real public figure: "Abraham Lincoln", "Simone Biles"
	Character                // a fictional character, show or mascot: "Elmo", "Peppa Pig"
	Eponym                   // a medical eponym: "Down syndrome", "Crohn's"
	Observance               // a holiday or its figure: "Valentine's Day", "Santa Claus"
	Organization             // an organisation: "Mayo Clinic", "St. Jude"
	Brand                    // a drug or consumer health brand: "Tylenol", "EpiPen"
	Drug                     // a generic drug name: "Albuterol"
)

var kindNames = [...]string{"none", "person", "character", "eponym", "observance", "organization", "brand", "drug"}

// String returns the kind's name as data/known.txt spells it, as "brand".
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// parseKind returns the Kind that s names.
func parseKind(s string) (Kind, bool) {
	for i, n := range kindNames {
		if i > 0 && n == s {
			return Kind(i), true
		}
	}
	return None, false
}

// A PlaceKind says what a place found by [Lexicon.Place] is. It is a set
// of bits, as one name can be several places: "New York" is a state and a
// city, "Baltimore" a city and a county-equivalent.
type PlaceKind uint8

// The kinds of places.
const (
	PlaceState    PlaceKind = 1 << iota // a state, DC or a territory: "Illinois"
	PlaceCode                           // a two-letter postal code written in capitals: "IL"
	PlaceCounty                         // a county or county-equivalent: "Sangamon County"
	PlaceCity                           // a city or town with a post office: "Springfield"
	PlaceLarge                          // with PlaceCity: a town with 10 or more ZIP codes in one state, most often a city of 50,000 people or more
	PlaceLandmark                       // a landmark or region: "Lake Michigan", "Midwest"
)

var placeKindNames = [...]string{"state", "code", "county", "city", "large", "landmark"}

// String returns the names of k's bits joined by commas, as "city,large".
func (k PlaceKind) String() string {
	var b strings.Builder
	for i, n := range placeKindNames {
		if k&(1<<i) != 0 {
			if b.Len() > 0 {
				b.WriteByte(',')
			}
			b.WriteString(n)
		}
	}
	if b.Len() == 0 {
		return "none"
	}
	return b.String()
}

// parsePlaceKinds returns the PlaceKind of a comma-separated list of bit
// names, as "city,large".
func parsePlaceKinds(s string) (PlaceKind, bool) {
	var k PlaceKind
	for n := range strings.SplitSeq(s, ",") {
		i := 0
		for i < len(placeKindNames) && placeKindNames[i] != n {
			i++
		}
		if i == len(placeKindNames) {
			return 0, false
		}
		k |= 1 << i
	}
	return k, true
}
