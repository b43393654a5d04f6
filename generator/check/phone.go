package check

import "sync"

// Seven-digit phone numbers, without an area code: "left a voicemail at
// 555-0162". Many numbers have seven digits in that shape, so one counts
// only after a word of calling.

// phonePatterns are the patterns of phoneRE.
type phonePatterns struct{ local *pattern }

var phoneRE = sync.OnceValue(func() phonePatterns {
	return phonePatterns{
		local: compile(`\b[2-9]\d{2}[-.]\d{4}\b`).onlyIf(digits(4)),
	}
})

// phoneCalling are the words of calling that make a seven-digit number a
// phone number.
var phoneCalling = advSet("call", "called", "calling", "text", "texted", "texting", "txt", "voicemail", "vm",
	"phone", "cell", "mobile", "number", "reach", "callback", "dial", "landline", "at", "fax", "faxed", "ph",
	"tel", "contact", "ring")

// phiLocalPhones adds seven-digit phone numbers after a word of calling.
func phiLocalPhones(sc *scan, allow *Allow, add phiAdd) {
	s := sc.s
	for _, m := range phoneRE().local.FindAllIn(sc) {
		i, j := m[0], m[1]
		if i > 0 && (s[i-1] == '-' || s[i-1] == '.' || s[i-1] == '/' || s[i-1] == ')' || s[i-1] == '(') ||
			i > 1 && s[i-1] == ' ' && s[i-2] == ')' || j < len(s) && (s[j] == '-' || s[j] == '/') {
			continue // part of a longer number
		}
		if phiPhoneAllowed(phiDigits(s[i:j]), allow) || phiLocalAllowed(phiDigits(s[i:j]), allow) {
			continue
		}
		if advAny(advWords(phiBefore(s, i, 5), 5), phoneCalling) {
			add("PHI-PHONE", i, j)
		}
	}
}

// phiLocalAllowed reports whether the seven digits d end one of the
// practice's own numbers.
func phiLocalAllowed(d string, allow *Allow) bool {
	for _, p := range allow.Phones {
		if a := phiDigits(p); len(a) >= 7 && a[len(a)-7:] == d {
			return true
		}
	}
	return false
}
