package check

import (
	"strings"
	"sync"
)

// Any other unique identifying number (Safe Harbor's last kind): a code
// of five or more digits, or of letters and four or more digits, in a
// sentence about one person ("Rx 7732184 for his amoxicillin", "prior
// auth ref PA-771230X for the patient's biologic", "Medicaid recipient
// no. 112 489 3301 for the baby"). The other identifier rules know each
// number's shape; this one knows only that a person's code is none of the
// public numbers a practice writes: years, prices, counts, times, doses
// and its own phone, fax and address.

// numberPatterns are the patterns of numberRE.
type numberPatterns struct{ code *pattern }

var numberRE = sync.OnceValue(func() numberPatterns {
	return numberPatterns{
		// A code: letters and digits with dashes, dots, slashes or single
		// spaces between groups of digits.
		code: compile(`\b[A-Za-z]{0,6}[-#.]?\d[\dA-Za-z]*(?:[-./ ]\d[\dA-Za-z]*){0,5}\b`).onlyIf(digits(2)),
	}
})

// numberPerson words make a sentence about one person.
var numberPerson = advSet("pt", "pt's", "patient", "patient's", "his", "her", "him", "he", "she", "their", "mom",
	"dad", "baby", "kid", "son", "daughter", "husband", "wife", "client", "member", "subscriber", "policyholder",
	"mom's", "dad's", "baby's", "kid's", "grandma", "grandpa", "resident", "beneficiary", "recipient", "owner",
	"driver", "child's", "boy", "girl", "man", "woman", "guy", "lady", "mr", "mrs", "ms", "client's", "worker",
	"employee", "child", "kid's", "custody", "injured", "reviewer", "record", "records", "case", "court",
	"badge", "chart", "file", "claim", "ticket", "ref", "reference", "report", "account", "member's")

// numberNot words right after a number make it a count or a measure.
var numberNot = advSet("mg", "mcg", "ml", "g", "kg", "lb", "lbs", "pounds", "units", "iu", "steps", "people",
	"patients", "families", "kids", "children", "adults", "visits", "calls", "miles", "feet", "minutes", "hours",
	"days", "weeks", "months", "years", "dollars", "percent", "cases", "members", "doses", "shots", "views",
	"followers", "likes", "times", "cups", "calories", "words")

// phiNumbers adds codes of a person that no other rule named.
func phiNumbers(sc *scan, allow *Allow, add phiAdd) {
	s := sc.s
	var own []string
	for _, p := range allow.Phones {
		if d := phiDigits(p); len(d) >= 7 {
			own = append(own, d[len(d)-7:])
		}
	}
	for _, a := range allow.Addresses {
		if d := phiDigits(a); d != "" {
			own = append(own, d)
		}
	}
	for _, m := range numberRE().code.FindAllIn(sc) {
		i, j := m[0], m[1]
		code := strings.TrimRight(s[i:j], " .-/")
		j = i + len(code)
		d := phiDigits(code)
		letters := len(code) - len(d) - strings.Count(code, "-") - strings.Count(code, ".") - strings.Count(code, "/") - strings.Count(code, " ") - strings.Count(code, "#")
		if len(d) < 5 && !(letters > 0 && len(d) >= 4) {
			continue
		}
		if i > 0 && (s[i-1] == '$' || s[i-1] == ',' && i > 1 && s[i-2] >= '0' && s[i-2] <= '9') || j < len(s) && (s[j] == '%' || s[j] == ',' && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9') {
			continue // money, a percentage, a count written with commas
		}
		if strings.Contains(code, ":") || numberCount(code) || numberOwn(d, own) {
			continue
		}
		if next := advWords(s[j:min(len(s), j+20)], 1); len(next) > 0 && numberNot[next[0]] {
			continue
		}
		if advAny(advWords(advSentence(s, i, j), 80), numberPerson) {
			add("PHI-ID", i, j)
		}
	}
}

// numberCount reports whether code is a count, a year or a decimal: "3000",
// "2024", "12.5".
func numberCount(code string) bool {
	if strings.Trim(code, "0123456789") == "" && len(code) <= 4 {
		return true
	}
	if a, b, ok := strings.Cut(code, "."); ok && strings.Trim(a, "0123456789") == "" && strings.Trim(b, "0123456789") == "" && len(b) <= 2 {
		return true
	}
	return false
}

// numberOwn reports whether the digits d are the practice's own.
func numberOwn(d string, own []string) bool {
	for _, o := range own {
		if o != "" && (strings.Contains(d, o) || strings.Contains(o, d)) {
			return true
		}
	}
	return false
}
