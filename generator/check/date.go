package check

import (
	"slices"
	"sync"
)

// Dates tied to one person beyond the classic cues (born, admitted, died):
// a visit, a procedure, a dose or an injury on a day ("got her vaccine on
// Oct 3rd", "surgery is set for Tues 11/18", "b. 12.05.2009", "born on
// Christmas Eve"). A date counts when a word of a person or of care
// stands near it in its sentence; the practice's own events ("our flu
// clinic is Saturday, October 10") have neither.

// datePatterns are the patterns of dateRE.
type datePatterns struct {
	monthDay, dotted, holiday *pattern
}

var dateRE = sync.OnceValue(func() datePatterns {
	return datePatterns{
		// "3/2", "11/18": a month and a day with no year.
		monthDay: compile(`\b(?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9])\b`),
		// "1.15.2021", "12.05.2009"
		dotted: compile(`\b(?:1[0-2]|0?[1-9])\.(?:3[01]|[12]\d|0?[1-9])\.(?:19|20)?\d{2}\b`),
		// Holidays as days of birth and death: "born on Christmas Eve".
		holiday: compile(`(?i)\b(?:christmas(?:\s+(?:eve|day))?|new\s+year['’]s(?:\s+(?:eve|day))?|thanksgiving(?:\s+day)?|halloween|valentine['’]s\s+day|easter(?:\s+sunday)?|independence\s+day|the\s+fourth\s+of\s+july|july\s+4th|labor\s+day|memorial\s+day|mother['’]s\s+day|father['’]s\s+day)\b`),
	}
})

// dateCues are the words near a date that tie it to one person or to
// their care.
var dateCues = advSet("born", "b", "dob", "birth", "birthday", "bday", "admitted", "admit", "discharged", "died",
	"passed", "seen", "visited", "surgery", "procedure", "biopsy", "vaccinated", "got", "had", "broke", "fell", "injured", "hurt",
	"started", "appeared", "diagnosed", "delivered", "due", "pre-op", "post-op", "op", "pt", "patient", "he",
	"she", "his", "her", "him", "mom", "dad", "baby", "twins", "son", "daughter", "husband", "wife", "grandma",
	"grandpa", "labs", "mri", "x-ray", "ct", "scan", "colonoscopy", "mammogram", "pap",
	"follow-up", "f/u", "injection", "stitches", "cast", "fracture", "er", "hospital", "hospitalized",
	"miscarriage", "c-section", "induction", "transfusion", "chemo", "infusion", "seizure", "stroke", "accident",
	"hysterectomy", "overdue", "rx", "refill", "tx", "dx", "hx", "deceased", "death")

// dateAfter words after a month and a day make it a fraction: "1/2 cup".
var dateAfter = advSet("cup", "cups", "tsp", "teaspoon", "teaspoons", "tbsp", "tablespoon", "tablet", "tablets",
	"pill", "inch", "inches", "mile", "miles", "of", "dose", "strength", "price", "off", "the", "a", "an", "ml", "mg")

// dateNear reports whether a word of a person or of care stands near the
// date s[i:j] in its sentence.
func dateNear(s string, i, j int) bool {
	sentence := advWords(advBefore(s, i, advSentenceStops), 8)
	_, end := advBounds(s, i, j)
	after := advWords(s[j:min(end, j+60)], 80)
	// "Visit date 2024-08-17", "last visit was 8 Jan": one person's
	// visit, not the practice's event.
	if n := len(sentence); n > 0 && slices.Contains(sentence[max(0, n-4):], "visit") &&
		(slices.Contains(sentence, "last") || slices.Contains(sentence, "date")) {
		return true
	}
	return advAny(sentence, dateCues) || advAny(after[:min(len(after), 8)], dateCues)
}

// phiDatesNear adds the dates of the forms phiDates does not know that a
// word of a person or of care stands near: "3/2", "1.15.2021", "born on
// Christmas Eve". (phiDates asks dateNear of the dates it finds.)
func phiDatesNear(sc *scan, add phiAdd) {
	s := sc.s
	near := func(i, j int) bool { return dateNear(s, i, j) }
	for _, m := range dateRE().monthDay.FindAllIn(sc) {
		i, j := m[0], m[1]
		if i > 0 && (s[i-1] == '/' || s[i-1] == '-' || s[i-1] == '.' || s[i-1] == '$') || j < len(s) && (s[j] == '/' || s[j] == '-' || s[j] == '%') {
			continue
		}
		if next := advWords(s[j:min(len(s), j+20)], 1); len(next) > 0 && dateAfter[next[0]] {
			continue
		}
		if near(i, j) {
			add("PHI-DATE", i, j)
		}
	}
	for _, m := range dateRE().dotted.FindAllIn(sc) {
		if (m[0] == 0 || s[m[0]-1] != '.') && near(m[0], m[1]) {
			add("PHI-DATE", m[0], m[1])
		}
	}
	for _, m := range dateRE().holiday.FindAllIn(sc) {
		before := advWords(advBefore(s, m[0], advSentenceStops), 3)
		if advAny(before, dateLife) {
			add("PHI-DATE", m[0], m[1])
		}
	}
}

// Word sets of the functions above, made once.
var (
	dateLife = advSet("born", "died", "passed", "delivered", "arrived", "admitted")
)
