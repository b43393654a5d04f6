package check

import (
	"fmt"
	"net/mail"
	"net/netip"
	"sort"
	"strings"
	"sync"
	"unicode"
)

// PHI returns the spans of t that look like a patient's identifiers, except
// the practice's own details in allow. The rules are:
//
//   - PHI-PHONE: US (NANP) phone and fax numbers, validated, and
//     international +CC numbers of 8–15 digits;
//   - PHI-EMAIL: email addresses;
//   - PHI-SSN: Social Security numbers, with the invalid-number rules;
//   - PHI-ID: medical record, chart, member, account, policy and patient ID
//     numbers after a cue word, and (ident.go) health plan, Medicaid,
//     beneficiary, BIN/PCN, prescription, claim, specimen, encounter,
//     routing and card numbers after theirs, also in groups ("ZGP 4471 0932");
//     any long code in a sentence about one person (number.go);
//   - PHI-MBI: Medicare Beneficiary Identifiers;
//   - PHI-LICENSE: driver's licence, state ID, professional licence,
//     certificate, DEA and passport numbers after a cue word (ident.go);
//   - PHI-CARD: payment card numbers with a known issuer's prefix and a
//     valid Luhn check digit (ident.go);
//   - PHI-DATE: dates near a personal cue (born, DOB, admitted, surgery on
//     …), and near a person or a visit (date.go);
//   - PHI-AGE: ages over 89, also in words and celebrations (age.go);
//   - PHI-ADDRESS: street addresses, ZIP codes next to a state or "zip",
//     P.O. boxes, and homes without a number (address.go);
//   - PHI-IP: IPv4 and IPv6 addresses;
//   - PHI-NAME: person names in patient context (Mr./Mrs./Ms. X, "my
//     patient X", "a woman named X", "X's test results"), and names
//     without a cue (name.go);
//   - PHI-STORY: a story about one patient's visit, without a name
//     (story.go), where no other rule found an identifier;
//   - PHI-SERIAL: VINs and vehicle or device serials after a cue word;
//     IMEIs and MAC addresses (ident.go).
//
// The matches are sorted by Start and do not overlap.
func PHI(t Text, allow *Allow) []Match {
	return phi(newScan(textLexicon(), t.Text), allow)
}

// phi is [PHI] of sc's text.
func phi(sc *scan, allow *Allow) []Match {
	if allow == nil {
		allow = &Allow{}
	}
	s := sc.s
	var ms []phiCand
	add := func(rule string, i, j int) {
		if i >= 0 && i < j && j <= len(s) {
			ms = append(ms, phiCand{Match{Start: i, End: j, Rule: rule}, phiPriority[rule]})
		}
	}
	phiPhones(sc, allow, add)
	phiEmails(sc, allow, add)
	phiSSNs(sc, add)
	phiIDs(sc, add)
	phiMBIs(sc, add)
	phiDates(sc, add)
	phiAges(sc, add)
	phiAddresses(sc, allow, add)
	phiIPs(sc, add)
	phiNames(sc, allow, add)
	phiDatesNear(sc, add)
	phiNumbers(sc, allow, add)
	phiLocalPhones(sc, allow, add)
	phiAgesSaid(sc, add)
	phiHomes(sc, add)
	phiBareNames(sc, allow, nameLex(), add)
	phiSerials(sc, add)
	phiCuedNumbers(sc, add)
	phiCards(sc, add)
	phiDevices(sc, add)
	out := phiResolve(ms)
	out = phiStories(sc, out)
	for i := range out {
		d := phiDescr[out[i].Rule]
		out[i].Message = fmt.Sprintf("%s %q", d.what, s[out[i].Start:out[i].End])
		out[i].Hint = d.hint
	}
	return out
}

type phiCand struct {
	Match
	prio int
}

// phiResolve keeps the longer of overlapping matches (the earlier, then the
// more specific rule, on a tie) and sorts the result by Start.
func phiResolve(ms []phiCand) []Match {
	sort.SliceStable(ms, func(a, b int) bool {
		la, lb := ms[a].End-ms[a].Start, ms[b].End-ms[b].Start
		if la != lb {
			return la > lb
		}
		if ms[a].Start != ms[b].Start {
			return ms[a].Start < ms[b].Start
		}
		return ms[a].prio < ms[b].prio
	})
	var kept []Match
	for _, m := range ms {
		ok := true
		for _, k := range kept {
			if m.Start < k.End && k.Start < m.End {
				ok = false
				break
			}
		}
		if ok {
			kept = append(kept, m.Match)
		}
	}
	sort.Slice(kept, func(a, b int) bool { return kept[a].Start < kept[b].Start })
	return kept
}

var phiPriority = map[string]int{
	"PHI-CARD": -1, "PHI-LICENSE": 7,
	"PHI-SSN": 0, "PHI-MBI": 1, "PHI-EMAIL": 2, "PHI-PHONE": 3, "PHI-IP": 4,
	"PHI-DATE": 5, "PHI-ADDRESS": 6, "PHI-SERIAL": 7, "PHI-ID": 8, "PHI-AGE": 9,
	"PHI-NAME": 10, "PHI-STORY": 11,
}

type phiText struct{ what, hint string }

var phiDescr = map[string]phiText{
	"PHI-PHONE":   {"a phone number", "remove it: a post or page must never hold a patient's phone number; the practice's own number is allowed when it matches faqcast.yaml"},
	"PHI-EMAIL":   {"an email address", "remove it: a post or page must never hold a patient's email address; the practice's own address is allowed when it matches faqcast.yaml"},
	"PHI-SSN":     {"a social security number", "remove it: a Social Security number is patient information and must never be published"},
	"PHI-ID":      {"a record, plan or account number", "remove it: medical record, health plan, member, account, claim and prescription numbers identify a patient"},
	"PHI-LICENSE": {"a licence or certificate number", "remove it: driver's licence, state ID, professional licence, certificate and passport numbers identify a person"},
	"PHI-CARD":    {"a payment card number", "remove it: a card number is an account number and must never be published; write \"the card on file\" if one must be mentioned"},
	"PHI-MBI":     {"a medicare beneficiary identifier", "remove it: a Medicare number identifies a patient"},
	"PHI-DATE":    {"a date tied to a person", "remove it or keep only the year: birth, admission, discharge, death and visit dates of a patient are identifiers"},
	"PHI-AGE":     {"an age over 89", "write \"90 or older\" instead: ages over 89 identify a patient"},
	"PHI-ADDRESS": {"an address", "remove it: a patient's street address or ZIP code must never be published; the practice's own address is allowed when it matches faqcast.yaml"},
	"PHI-IP":      {"an ip address", "remove it: an IP address may identify a patient"},
	"PHI-NAME":    {"a person's name", "remove it: a page or post must not name a patient; staff names are allowed when listed in faqcast.yaml"},
	"PHI-STORY":   {"a story about one patient's visit", "tell it only with the patient's written authorization, or write about patients in general: \"Children often come in with …\""},
	"PHI-SERIAL":  {"a vehicle or device identifier", "remove it: vehicle, licence plate and device serial numbers, IMEIs and MAC addresses identify a patient"},
}

// phiPatterns are the patterns of phiRE.
type phiPatterns struct {
	nanp, bare10, intl, phoneCue           *pattern
	email                                  *pattern
	ssn, bare9, ssnCue                     *pattern
	idCue, idTok                           *pattern
	mbi                                    *pattern
	dates                                  []*pattern
	dateCue, dateOnCue                     *pattern
	ageAfter, ageBefore, agePlus, ageAños  *pattern
	street, zip, pobox                     *pattern
	ipv4, ipv6                             *pattern
	honor, myPatient, named, patient, poss *pattern
	possCue                                *pattern
	serialCue, vin                         *pattern
	url                                    *pattern
}

// phiRE holds the compiled patterns, made at their first use.
var phiRE = sync.OnceValue(func() phiPatterns {
	return phiPatterns{
		nanp:     compile(`(?:\+?1[ .-]?)?(?:\(\d{3}\)[ ]?|\d{3}[ .-])\d{3}[ .-]\d{4}`),
		bare10:   compile(`\b1?\d{10}\b`),
		intl:     compile(`\+[2-9]\d{0,2}(?:[ .-]?\(?\d+\)?){2,7}`),
		phoneCue: compile(`(?i)\b(?:phone|telephone|tel|call|called|calling|cell|cellphone|mobile|fax|faxed|text|texted|texting|txt|number|reach|contact|ph|voicemail|vm|callback|dial|landline|whatsapp|sms|at)\b`),
		email:    compile(`[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`),
		ssn:      compile(`\b(\d{3})([- ])(\d{2})([- ])(\d{4})\b`),
		bare9:    compile(`\b\d{9}\b`),
		ssnCue:   compile(`(?i)\b(?:ssn|ssns|ss#|social\s+security|soc\s+sec)`),
		idCue: compile(`(?i)\b(?:mrn|medical\s+record|record\s+(?:number|no)|chart|member\s*(?:id|number|no|#)|subscriber\s+(?:id|number)|account|acct|policy|patient\s+(?:id|number|no|#)|case\s+(?:number|no|#)|claim\s+(?:number|no|#)|group\s+(?:number|no|#)|insurance\s+id|id\s+number` +
			// The same in Spanish.
			`|expediente|historia\s+cl[ií]nica|(?-i:NHC|NUSS)\b|tarjeta\s+sanitaria|p[oó]liza|n[uú]mero\s+de\s+(?:afiliad[oa]|miembro|socio|cuenta|reclamo|caso|paciente|seguro|expediente)|cuenta)`),
		idTok: compile(`^[#:]*([A-Za-z0-9(][A-Za-z0-9()/-]*[A-Za-z0-9])[.,;:)]*$`),
		mbi:   compile(`\b[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y]{2}\d{2}\b`),
		dates: []*pattern{
			compile(`\b(?:0?[1-9]|1[0-2])([/-])(?:0?[1-9]|[12]\d|3[01])([/-])(?:\d{4}|\d{2})\b`),
			compile(`\b(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b`),
			compile(`\b(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?:19|20)\d{2}\b`),
			compile(`\b` + phiMonth + `\b\.?\s+(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\b(?:,?\s+(?:19|20)\d{2}\b)?`),
			compile(`\b(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\s+(?:of\s+)?` + phiMonth + `\b\.?(?:,?\s+(?:19|20)\d{2}\b)?`),
			compile(`\b` + phiMonth + `\b\.?,?\s+(?:19|20)\d{2}\b`),
			// Spanish: "el 3 de marzo de 1950".
			compile(`(?i)\b(?:0?[1-9]|[12]\d|3[01])\s+de\s+` + phiMes + `\b(?:\s+(?:de|del)\s+(?:19|20)\d{2}\b)?`),
		},
		dateCue: compile(`(?i)\b(?:born|birth|birthday|birthdate|dob|d\.o\.b|admitted|admission|discharged|discharge|died|passed\s+away|deceased|death|diagnosed|delivered` +
			`|nacimiento|internad[oa]|hospitalizad[oa]|de\s+alta|diagnosticad[oa]|cumplea[nñ]os|operad[oa])\b` +
			// \b is an ASCII word's edge: a word that ends in an accent ends it.
			`|(?i:\b(?:naci|ingres|falleci|muri)(?:ó|o\b))`),
		dateOnCue: compile(`(?i)\b(?:(?:surgery|operation|procedure|seen|visit|visited|appointment|appt|treated|came\s+in|injured|hospitalized)\s+(?:on|dated)` +
			`|(?:cita|consulta|cirug[ií]a|operaci[oó]n|visita|vino|lo\s+vimos|la\s+vimos|lo\s+atendimos|la\s+atendimos)\s+(?:del?|el))\b`),
		ageAfter:  compile(`(?i)\b(9\d|1[0-4]\d|150)(?:\s*-?\s*(?:years?|yrs?)\s*-?\s*old\b|\s*-?\s*(?:(?:yo|y/o|yrs?\s+of\s+age|years?\s+of\s+age)\b|y\.o\.)|-year-old\b)`),
		ageBefore: compile(`(?i)\b(?:aged?|age\s+of)\s*:?\s*(9\d|1[0-4]\d|150)\b`),
		// Spanish: "una señora de 97 años", "cumplió 94 años".
		ageAños: compile(`(?i)(?:\b(?:de|cumpli[oó]|cumple|cumplir[aá]|tiene|ten[ií]a|con)\s+|,\s*|\ba\s+sus\s+)(9\d|1[0-4]\d|150)(?:\s+a[nñ]os\b|\s*[,;]|\s+que\b)`),
		agePlus: compile(`(?i)^\s*(?:\+|(?:-?\s*(?:years?|yrs?)\s*-?\s*(?:old\s+)?)?(?:and|or)\s+(?:over|older|up|above))`),
		street:  compile(`\b\d{1,6}[A-Za-z]?\s+(?:(?:[NSEW]|North|South|East|West)\.?\s+)?(?:(?:[A-Z][A-Za-z'-]*|\d+(?:st|nd|rd|th))\.?\s+){1,4}(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Lane|Ln|Dr|Drive|Ct|Court|Way|Pl|Place|Terrace|Ter|Hwy|Highway|Parkway|Pkwy|Cir|Circle|Trail|Trl|Square|Sq)\b\.?`),
		// A ZIP code follows a state's code or the word "zip": windows around
		// those, rather than around every digit.
		zip: compile(`(?:\b(?:` + phiStates + `)\.?,?\s+|(?i:\bzip(?:\s*code)?\s*[:#]?\s*)|(?i:\bc[oó]digo\s+postal\s*[:#]?\s*)|\bC\.\s?P\.\s*)(\d{5}(?:-\d{4})?)\b`).
			near(append(strings.Split(phiStates, "|"), "zip", "postal", "C.P.", "C. P.")...).onlyIf(digits(5)),
		pobox:     compile(`(?i)\bP\.?\s?O\.?\s*Box\s+\d+\b`),
		ipv4:      compile(`\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b`),
		ipv6:      compile(`(?i)[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?:\d{1,3}(?:\.\d{1,3}){3})?`),
		honor:     compile(`\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+(` + phiCap + `(?:\s+` + phiCap + `)?)`),
		myPatient: compile(`(?i:\b(?:my|our)\s+(?:patient|client)s?,?\s+)(` + phiCap + `(?:\s+` + phiCap + `)?)`),
		named:     compile(`(?i:\ba\s+(?:(?:\d+|young|little|local|\d+-year-old)\s+)?(?:man|woman|boy|girl|patient|child|lady|gentleman|mother|father|mom|dad|teen|baby|toddler|kid)\s+(?:named|called)\s+)(` + phiCap + `(?:\s+` + phiCap + `)?)`),
		patient:   compile(`\bpatient\s+(` + phiCap + `\s+` + phiCap + `)`),
		poss:      compile(`\b(` + phiCap + `)(?:'s|’s)\b`),
		possCue:   compile(`(?i)^\W*(?:\w+\W+){0,3}?(?:test|lab|results?|diagnosis|surgery|condition|symptoms?|chart|visit|treatment|recovery|biopsy|scan|x-ray|mri|prescription|medications?|illness|cancer|tumou?r|pregnancy|appointment|records?)\b`),
		serialCue: compile(`(?i)\b(?:vin|vehicle\s+identification\s+number|serial(?:\s+(?:number|no|#))?|s/n|sn|udi|implant\s+id|device\s+(?:id|identifier|serial)|license\s+plate|licence\s+plate|(?:her|his|their|indiana|illinois|[a-z]+\s+state)?\s*plate|plate\s+(?:number|no|#)|tag\s+number|n[uú]mero\s+de\s+serie|n\.?\s?[ºo°]\s+de\s+serie|serie|placa(?:\s+(?:n[uú]mero|n\.?\s?[ºo°]))?)`),
		vin:       compile(`\b[A-HJ-NPR-Z0-9]{17}\b`).onlyIf(phiVINRun),
		url:       compile(`(?i)\b(?:https?://|www\.)[^\s<>"'\x60]+|\b(?:[a-z0-9-]+\.)+(?:com|org|net|me|ly|io|co|us|info|tv|page|link|site|blog|example)/[^\s<>"'\x60]*`),
	}
})

const (
	// phiMes is a month's name in Spanish.
	phiMes   = `(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)`
	phiMonth = `(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`
	phiCap   = `[A-Z][a-z]+(?:-[A-Z]?[a-z]+|'[A-Z][a-z]+)?`
	// phiStates are the codes of the US states, DC and Puerto Rico.
	phiStates = `AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR`
)

// phiAlnum reports whether c is an ASCII letter or digit.
func phiAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// phiBounded reports whether s[i:j] stands alone: no letter or digit
// touches it on either side.
func phiBounded(s string, i, j int) bool {
	return (i == 0 || !phiAlnum(s[i-1])) && (j >= len(s) || !phiAlnum(s[j]))
}

func phiDigits(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

func phiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// phiBefore returns the up to n words of s before offset i.
func phiBefore(s string, i, n int) string {
	k := i
	for w := 0; w < n && k > 0; w++ {
		for k > 0 && phiSpace(s[k-1]) {
			k--
		}
		for k > 0 && !phiSpace(s[k-1]) {
			k--
		}
	}
	return s[k:i]
}

// phiAfter returns the up to n words of s after offset j.
func phiAfter(s string, j, n int) string {
	k := j
	for w := 0; w < n && k < len(s); w++ {
		_, k = phiWord(s, k)
	}
	return s[j:k]
}

// phiWord returns the span of the first word of s at or after offset k:
// the run of bytes up to white space, after the white space at k.
func phiWord(s string, k int) (start, end int) {
	for k < len(s) && phiSpace(s[k]) {
		k++
	}
	start = k
	for k < len(s) && !phiSpace(s[k]) {
		k++
	}
	return start, k
}

type phiAdd func(rule string, i, j int)

func phiPhoneAllowed(d string, allow *Allow) bool {
	if len(d) == 11 && d[0] == '1' {
		d = d[1:]
	}
	for _, p := range allow.Phones {
		a := phiDigits(p)
		if len(a) == 11 && a[0] == '1' {
			a = a[1:]
		}
		if a != "" && a == d {
			return true
		}
	}
	return false
}

// phiNANPValid checks a 10-digit (or 1+10-digit) North American number.
func phiNANPValid(d string) bool {
	if len(d) == 11 && d[0] == '1' {
		d = d[1:]
	}
	if len(d) != 10 || d[0] < '2' || d[3] < '2' {
		return false
	}
	if strings.Count(d, d[:1]) == len(d) || d == "1234567890" || d[3:] == "0000000" {
		return false
	}
	// N11 service codes (411, 911 …) are not area codes.
	return d[1:3] != "11" && d[4:6] != "11"
}

// phiNANPWritten accepts a number written in the 3-3-4 shape of a phone
// number whose exchange starts with 0 or 1, as the fictional 555-01xx
// numbers do: a number so written is a phone number, valid or not.
func phiNANPWritten(d string) bool {
	if len(d) == 11 && d[0] == '1' {
		d = d[1:]
	}
	return len(d) == 10 && d[0] >= '2' && strings.Count(d, d[:1]) != len(d) && d[3:] != "0000000" && d[1:3] != "11"
}

// phiTollFree reports whether d is a toll-free number: a helpline's or a
// business's, such as Poison Control's 1-800-222-1222.
func phiTollFree(d string) bool {
	if len(d) == 11 && d[0] == '1' {
		d = d[1:]
	}
	if len(d) != 10 {
		return false
	}
	switch d[:3] {
	case "800", "888", "877", "866", "855", "844", "833":
		return true
	}
	return false
}

func phiPhones(sc *scan, allow *Allow, add phiAdd) {
	s := sc.s
	for _, m := range phiRE().nanp.FindAllIn(sc) {
		i, j := m[0], m[1]
		if i > 0 && (s[i-1] == '+' || s[i-1] == '-' || s[i-1] == '/' || s[i-1] == '.') {
			continue
		}
		if !phiBounded(s, i, j) {
			continue
		}
		d := phiDigits(s[i:j])
		if phiTollFree(d) {
			continue // a helpline's, not a patient's
		}
		if (phiNANPValid(d) || phiNANPWritten(d)) && !phiPhoneAllowed(d, allow) {
			add("PHI-PHONE", i, j)
		}
	}
	for _, m := range phiRE().bare10.FindAllIn(sc) {
		i, j := m[0], m[1]
		d := s[i:j]
		if !phiNANPValid(d) || phiPhoneAllowed(d, allow) {
			continue
		}
		if phiRE().phoneCue.MatchString(phiBefore(s, i, 4)) {
			add("PHI-PHONE", i, j)
		}
	}
	for _, m := range phiRE().intl.FindAllIn(sc) {
		i, j := m[0], m[1]
		for j > i && !(s[j-1] >= '0' && s[j-1] <= '9') {
			j--
		}
		if !phiBounded(s, i, j) {
			continue
		}
		d := phiDigits(s[i:j])
		if len(d) < 8 || len(d) > 15 || phiPhoneAllowed(d, allow) {
			continue
		}
		add("PHI-PHONE", i, j)
	}
}

func phiEmails(sc *scan, allow *Allow, add phiAdd) {
	s := sc.s
	for _, m := range phiRE().email.FindAllIn(sc) {
		i, j := m[0], m[1]
		for i < j && (s[i] == '.' || s[i] == '\'' || s[i] == '-') {
			i++
		}
		e := s[i:j]
		a, err := mail.ParseAddress(e)
		if err != nil || !strings.Contains(a.Address, "@") {
			continue
		}
		allowed := false
		for _, x := range allow.Emails {
			if strings.EqualFold(strings.TrimSpace(x), e) {
				allowed = true
				break
			}
		}
		if !allowed {
			add("PHI-EMAIL", i, j)
		}
	}
}

// phiSSNValid applies the Social Security Administration's never-issued
// rules to nine digits.
func phiSSNValid(d string) bool {
	if len(d) != 9 || strings.Count(d, d[:1]) == 9 {
		return false
	}
	if d[:3] == "000" || d[:3] == "666" || d[0] == '9' || d[3:5] == "00" || d[5:] == "0000" {
		return false
	}
	switch d {
	case "123456789", "987654321", "078051120", "219099999":
		return false
	}
	return true
}

func phiSSNs(sc *scan, add phiAdd) {
	s := sc.s
	for _, m := range phiRE().ssn.FindAllSubmatchIn(sc) {
		i, j := m[0], m[1]
		if s[m[4]:m[5]] != s[m[8]:m[9]] {
			continue
		}
		if i > 0 && (s[i-1] == '-' || s[i-1] == '.' || s[i-1] == '/') || j < len(s) && (s[j] == '-' || s[j] == '/') {
			continue
		}
		if phiSSNValid(phiDigits(s[i:j])) {
			add("PHI-SSN", i, j)
		}
	}
	for _, m := range phiRE().bare9.FindAllIn(sc) {
		i, j := m[0], m[1]
		if !phiSSNValid(s[i:j]) {
			continue
		}
		if phiRE().ssnCue.MatchString(phiBefore(s, i, 5)) || phiRE().ssnCue.MatchString(phiAfter(s, j, 3)) {
			add("PHI-SSN", i, j)
		}
	}
}

// phiIDToken reports whether tok looks like an identifier: 5 or more digits
// (with dashes), or 6 or more letters and digits with at least one digit.
func phiIDToken(tok string) bool {
	digits, letters := 0, 0
	for i := 0; i < len(tok); i++ {
		switch c := tok[i]; {
		case c >= '0' && c <= '9':
			digits++
		case phiAlnum(c):
			letters++
		}
	}
	if digits == 0 {
		return false
	}
	if letters == 0 {
		return digits >= 5
	}
	return digits+letters >= 6
}

// phiCueToken looks at up to n words after offset j for a token accepted by
// ok and returns its span.
func phiCueToken(s string, j, n int, ok func(string) bool) (int, int, bool) {
	k := j
	for w := 0; w < n && k < len(s); w++ {
		var st int
		st, k = phiWord(s, k)
		word := s[st:k]
		m := phiRE().idTok.re().FindStringSubmatchIndex(word)
		if m == nil {
			continue
		}
		tok := word[m[2]:m[3]]
		if ok(tok) {
			return st + m[2], st + m[3], true
		}
		if phiDigits(tok) != "" {
			// A number that is not an identifier ends the search.
			return 0, 0, false
		}
	}
	return 0, 0, false
}

func phiIDs(sc *scan, add phiAdd) {
	s := sc.s
	for _, m := range phiRE().idCue.FindAllIn(sc) {
		if i, j, ok := phiCueToken(s, m[1], 4, phiIDToken); ok {
			add("PHI-ID", i, j)
		}
	}
}

func phiMBIs(sc *scan, add phiAdd) {
	s := sc.s
	for _, m := range phiRE().mbi.FindAllIn(sc) {
		i, j := m[0], m[1]
		v := s[i:j]
		// Dashes go both in or both out (4-3-4).
		if n := strings.Count(v, "-"); n == 1 {
			continue
		}
		add("PHI-MBI", i, j)
	}
}

func phiDates(sc *scan, add phiAdd) {
	s := sc.s
	for n, re := range phiRE().dates {
		for _, m := range re.FindAllSubmatchIn(sc) {
			i, j := m[0], m[1]
			if n == 0 && s[m[2]:m[3]] != s[m[4]:m[5]] {
				continue // mixed separators
			}
			if i > 0 && (s[i-1] == '/' || s[i-1] == '-' || s[i-1] == '.') || j < len(s) && (s[j] == '/' || s[j] == '-') {
				continue
			}
			before, after := phiBefore(s, i, 5), phiAfter(s, j, 5)
			if phiRE().dateCue.MatchString(before) || phiRE().dateCue.MatchString(after) ||
				phiRE().dateOnCue.MatchString(phiBefore(s, i, 4)) || dateNear(s, i, j) {
				add("PHI-DATE", i, j)
			}
		}
	}
}

func phiAges(sc *scan, add phiAdd) {
	s := sc.s
	for _, m := range phiRE().ageAfter.FindAllSubmatchIn(sc) {
		if phiRE().agePlus.MatchString(s[m[3]:]) {
			continue
		}
		add("PHI-AGE", m[2], m[3])
	}
	for _, m := range phiRE().ageBefore.FindAllSubmatchIn(sc) {
		if phiRE().agePlus.MatchString(s[m[3]:]) || m[3] < len(s) && (s[m[3]] == '%' || s[m[3]] == '-') {
			continue
		}
		add("PHI-AGE", m[2], m[3])
	}
	for _, m := range phiRE().ageAños.FindAllSubmatchIn(sc) {
		add("PHI-AGE", m[2], m[3])
	}
}

func phiNorm(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	return strings.TrimRight(s, ".,;")
}

func phiAddresses(sc *scan, allow *Allow, add phiAdd) {
	s := sc.s
	var allowed []string
	for _, a := range allow.Addresses {
		if n := phiNorm(a); n != "" {
			allowed = append(allowed, n)
		}
	}
	isAllowed := func(v string) bool {
		v = phiNorm(v)
		for _, a := range allowed {
			if v == a || strings.HasPrefix(a, v+",") || strings.HasPrefix(v, a) {
				return true
			}
		}
		return false
	}
	for _, m := range phiRE().street.FindAllIn(sc) {
		i, j := m[0], m[1]
		if isAllowed(s[i:j]) {
			continue
		}
		add("PHI-ADDRESS", i, j)
	}
	for _, m := range phiRE().zip.FindAllSubmatchIn(sc) {
		i, j := m[2], m[3]
		if j < len(s) && (s[j] == '-' || s[j] == '.' && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9') {
			continue
		}
		// The ZIP of the practice's own address line is allowed.
		line := strings.ToLower(s[max(0, i-100):i])
		own := false
		for _, a := range allowed {
			if strings.Contains(phiNorm(line), a) {
				own = true
				break
			}
		}
		if !own {
			add("PHI-ADDRESS", i, j)
		}
	}
	for _, m := range phiRE().pobox.FindAllIn(sc) {
		if !isAllowed(s[m[0]:m[1]]) {
			add("PHI-ADDRESS", m[0], m[1])
		}
	}
}

func phiIPs(sc *scan, add phiAdd) {
	s := sc.s
	for _, m := range phiRE().ipv4.FindAllIn(sc) {
		i, j := m[0], m[1]
		if i > 0 && s[i-1] == '.' || j < len(s)-1 && s[j] == '.' && s[j+1] >= '0' && s[j+1] <= '9' {
			continue
		}
		if a, err := netip.ParseAddr(s[i:j]); err == nil && a.Is4() {
			add("PHI-IP", i, j)
		}
	}
	for _, m := range phiRE().ipv6.FindAllIn(sc) {
		i, j := m[0], m[1]
		if i > 0 && (phiAlnum(s[i-1]) || s[i-1] == ':') || j < len(s) && phiAlnum(s[j]) {
			continue
		}
		v := s[i:j]
		if strings.Count(v, ":") < 2 || !strings.ContainsAny(v, "0123456789abcdefABCDEF") {
			continue
		}
		if a, err := netip.ParseAddr(v); err == nil && a.Is6() {
			add("PHI-IP", i, j)
		}
	}
}

// phiNameStop are capitalised words that take a possessive but are not a
// patient's name: eponymous conditions, days, months, and common nouns.
var phiNameStop = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`Alzheimer Parkinson Crohn Hashimoto Addison Cushing Down Bell Raynaud
		Tourette Huntington Hodgkin Graves Meniere Sjogren Asperger Gehrig Reye Wilson Lou Osgood Kawasaki
		Today Tomorrow Yesterday Tonight Women Men Children Child Baby Mother Father Parent Patient Doctor
		Everyone Someone Nobody Anyone Kids Kid Teen Year Week Day Month Practice Clinic America Nation World
		Let It That What Here There Who He She This Everybody Team Office Nurse Provider Family Heart Body
		Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
		August September October November December Medicare Medicaid State County City Dad Mom Grandma Grandpa`) {
		m[w] = true
	}
	return m
}()

// phiNameAllowed reports whether the words of name are all among the words
// of one staff name, in order.
func phiNameAllowed(name string, allow *Allow) bool {
	first, _ := phiFirstWord(name)
	if first == "" {
		return false
	}
	for _, n := range allow.Names {
		if !strings.Contains(n, first) {
			continue
		}
		// Each of name's words in turn, among the allowed name's.
		rest := name
		for w := range strings.FieldsSeq(n) {
			next, after := phiFirstWord(rest)
			if next == "" {
				break
			}
			if w == next {
				rest = after
			}
		}
		if next, _ := phiFirstWord(rest); next == "" {
			return true
		}
	}
	return false
}

// phiFirstWord returns the first word of s, between white space, and the
// text after it; "" if s has none.
func phiFirstWord(s string) (word, rest string) {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	i := strings.IndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return s, ""
	}
	return s[:i], s[i:]
}

func phiNames(sc *scan, allow *Allow, add phiAdd) {
	s := sc.s
	for _, re := range []*pattern{phiRE().honor, phiRE().myPatient, phiRE().named, phiRE().patient} {
		for _, m := range re.FindAllSubmatchIn(sc) {
			i, j := m[2], m[3]
			name := s[i:j]
			first := strings.Fields(name)[0]
			if phiNameStop[first] || phiNameAllowed(name, allow) {
				continue
			}
			add("PHI-NAME", i, j)
		}
	}
	for _, m := range phiRE().poss.FindAllSubmatchIn(sc) {
		i, j := m[2], m[3]
		name := s[i:j]
		if phiNameStop[name] || phiNameAllowed(name, allow) {
			continue
		}
		if b := strings.TrimSpace(phiBefore(s, i, 1)); b == "Dr." || b == "Dr" {
			continue
		}
		if phiRE().possCue.MatchString(s[m[1]:min(len(s), m[1]+80)]) {
			add("PHI-NAME", i, j)
		}
	}
}

func phiSerials(sc *scan, add phiAdd) {
	s := sc.s
	serialTok := func(tok string) bool {
		return len(tok) >= 3 && len(phiDigits(tok)) >= 2 && !strings.EqualFold(tok, "number")
	}
	for _, m := range phiRE().serialCue.FindAllIn(sc) {
		if !phiBounded(s, m[0], m[1]) {
			continue
		}
		if i, j, ok := phiCueToken(s, m[1], 4, serialTok); ok {
			add("PHI-SERIAL", i, j)
		}
	}
	for _, m := range phiRE().vin.FindAllIn(sc) {
		v := s[m[0]:m[1]]
		d := len(phiDigits(v))
		if d >= 3 && d <= 15 {
			add("PHI-SERIAL", m[0], m[1])
		}
	}
}

// phiVINRun reports whether s has 17 letters and digits of a VIN in a row,
// which a VIN needs: most texts have none, and the check is much quicker
// than the expression.
var phiVINRun = runOf(17, func(c byte) bool {
	return '0' <= c && c <= '9' || 'A' <= c && c <= 'Z' && c != 'I' && c != 'O' && c != 'Q'
})
