package check

import (
	"strings"
	"sync"
)

// Ages over 89 in the words of a celebration or a story: "Happy 100th
// birthday", "a ninety-one year old", "At 93, he …", "she's 99 and a
// half", "turning 102".

// agePatterns are the patterns of ageRE.
type agePatterns struct {
	ordinal, spelled, turning, at, is, paren, young, story *pattern
}

var ageRE = sync.OnceValue(func() agePatterns {
	return agePatterns{
		// "our 103 years young patient"
		young: compile(`(?i)\b(?:9\d|1[0-4]\d)(?:\s*-\s*|\s+)(?:years?|yrs?)\s+(?:young|of\s+age)\b`),
		// "who at 90 just walked …", "aged 96": an age of a person the
		// sentence is about (see [ageStory]).
		story:   compile(`(?i)\b(?:at|aged?|is|was|now|almost|nearly)\s+(9\d|1[0-4]\d)\b`),
		ordinal: compile(`(?i)\b(?:9\d|1[0-4]\d)(?:st|nd|rd|th)\s+(?:birthday|bday|b-day|year)\b`),
		spelled: compile(`(?i)\b(?:ninety|one\s+hundred|a\s+hundred|hundred)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|and\s+(?:one|two|three|four|five|six|seven|eight|nine|ten)))?(?:[\s-](?:years?[\s-]old|year[\s-]old|yo|years?\s+young|birthday)|th\s+birthday)\b|\bcentenarian\b|\b(?:ninetieth|hundredth)\s+birthday\b`),
		turning: compile(`(?i)\b(?:turn(?:s|ed|ing)?|celebrat(?:es|ed|ing)|reach(?:es|ed|ing)?)\s+(9\d|1[0-4]\d)\b`),
		at:      compile(`(?i)\bat\s+(?:age\s+)?(9\d|1[0-4]\d)\s*,\s*(?:he|she|they|our|my|this|grandma|grandpa|mr|mrs|ms)\b`),
		// "Nonagenarian pt (92)", "the gentleman (94)"
		paren: compile(`(?i)\b(?:nonagenarian|centenarian|supercentenarian)\b|\b(?:pt|patient|mom|dad|grandma|grandpa|man|woman|lady|gentleman|client|resident)\s*\(\s*(?:age\s+)?(?:9\d|1[0-4]\d)\s*\)`),
		is:    compile(`(?i)\b(?:he|she)(?:['’]s|\s+is|\s+was|\s+will\s+be)\s+(?:now\s+|almost\s+|nearly\s+|just\s+)?(9\d|1[0-4]\d)\b(?:\s+and\s+a\s+half)?`),
	}
})

// ageNot words after a number make it something other than an age.
var ageNot = advSet("percent", "degrees", "pounds", "lbs", "lb", "kg", "mg", "minutes", "seconds", "miles",
	"feet", "inches", "days", "weeks", "months", "beats", "bpm", "over", "out", "times", "dollars")

// phiAgesSaid adds the ages over 89 said in words or in a celebration.
func phiAgesSaid(sc *scan, add phiAdd) {
	s := sc.s
	for _, p := range []*pattern{ageRE().ordinal, ageRE().spelled, ageRE().paren, ageRE().young} {
		for _, m := range p.FindAllIn(sc) {
			add("PHI-AGE", m[0], m[1])
		}
	}
	for _, p := range []*pattern{ageRE().turning, ageRE().at, ageRE().is, ageRE().story} {
		for _, m := range p.FindAllSubmatchIn(sc) {
			if p == ageRE().story && !ageStory(s, m) {
				continue
			}
			if next := advWords(s[m[3]:min(len(s), m[3]+20)], 1); len(next) > 0 && ageNot[next[0]] {
				continue
			}
			if m[3] < len(s) && (s[m[3]] == '%' || s[m[3]] == '/') {
				continue
			}
			add("PHI-AGE", m[2], m[3])
		}
	}
}

// ageStory reports whether the number at m is the age of a person its
// sentence tells of: a word of a person stands in the sentence ("who",
// "she", "patient", "grandma"), and no unit, street or percent follows
// the number ("at 100 River Rd", "at 95%").
func ageStory(s string, m []int) bool {
	if next := advWords(s[m[3]:min(len(s), m[3]+20)], 1); len(next) > 0 && (ageNot[next[0]] || ageStreets[next[0]]) {
		return false
	}
	if m[3] < len(s) && strings.ContainsRune("%/.,:$-", rune(s[m[3]])) && !(s[m[3]] == ',' && m[3]+1 < len(s) && s[m[3]+1] == ' ') {
		return false
	}
	if next := strings.TrimLeft(s[m[3]:min(len(s), m[3]+20)], " "); next != "" && next[0] >= 'A' && next[0] <= 'Z' {
		return false // "at 100 River Rd"
	}
	return advAny(advWords(advSentence(s, m[0], m[1]), 60), agePeople)
}

// agePeople are words of a person in a sentence; ageStreets words of a
// street after a number.
var (
	agePeople = advSet("who", "he", "she", "his", "her", "patient", "client", "resident", "grandma", "grandpa",
		"grandmother", "grandfather", "man", "woman", "lady", "gentleman", "veteran", "oldest", "mom", "dad",
		"father", "mother", "widow", "widower", "great-grandmother", "great-grandfather", "member")
	ageStreets = advSet("st", "street", "rd", "road", "ave", "avenue", "blvd", "ln", "lane", "dr", "drive", "way",
		"hwy", "route", "suite", "ste", "unit", "apt")
)
