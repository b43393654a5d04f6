package check

// This file finds the identifiers of HIPAA Safe Harbor's kinds I, J, K, M
// and R that phi.go's rules do not: licence and certificate numbers
// (PHI-LICENSE), payment card numbers (PHI-CARD), and, for PHI-ID and
// PHI-SERIAL, the numbers that follow more cue words, numbers written in
// groups ("ZGP 4471 0932"), IMEIs and MAC addresses.
//
// Most of these numbers have no shape of their own: a cue word tells what
// the next number is, as a clerk would read it. One pattern finds the cue
// words of all three kinds, and [identCueToken] reads the few words after
// each. Card numbers and IMEIs need no cue: a checksum and, for cards, an
// issuer's prefix tell them from other long numbers; nor do MAC addresses,
// whose shape is their own. Byte loops ([identRuns], [identMACs]) find
// the runs of digits to check and the MAC addresses more quickly than
// expressions could.

import (
	"math"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
)

// The cue words, as parts of an expression under (?i). identNo is what
// may follow a noun to make it a cue: "licence number", "plan ID", "Rx #".
const (
	identNo = `\s*(?:(?:id|identifier|number|num|no)\b|#)`

	// identLicenceCues precede a driver's licence, state ID, professional
	// licence, certificate, DEA registration, passport or parking placard
	// number. "Licence"
	// alone is one ("licence A1234567"), except before "plate" (a
	// PHI-SERIAL cue); "DL" only in capitals, as "mg/dL" is not one.
	identLicenceCues = `licen[cs]e\b|lic\b|(?-i:DLN?\b|D\.L\.)|state\s+(?:id|identification)\b|` +
		`id\s+card\b|identi(?:fication|ty)\s+card\b|certificate` + identNo + `|` +
		`(?:birth|death|marriage|adoption)\s+certificate\b|certification` + identNo + `|dea\b|passport\b|` +
		`permit` + identNo + `|placard\b|` +
		// The same in Spanish.
		`licencia\b|carn[eé]t?\s+de\s+(?:identidad|conducir)\b|c[eé]dula\b|(?-i:DNI|INE|CURP|DUI|RUT)\b|pasaporte\b`

	// identIDCues precede a health plan, beneficiary, prescription, claim,
	// specimen, encounter, routing or other account number (PHI-ID);
	// [phiRE.idCue]'s cues follow them in identCueExpr, for numbers in
	// groups, which phiIDs does not read.
	identIDCues = `medicaid\b(?:` + identNo + `)?|chip` + identNo + `|beneficiary\b(?:` + identNo + `)?|` +
		`(?-i:HICN?)\b|plan` + identNo + `|group\s+id\b|grp\b|rx\s*(?:bin|pcn|grp|group|id)\b|` +
		`(?-i:BIN|PCN)\b|member\b|subscriber\b|insurance` + identNo + `|insurance\s+(?:card|member)\b|` +
		`prescription` + identNo + `|rx\b|claim\s+(?:id|ref|reference)\b|accession\b|specimen` + identNo + `|` +
		`requisition` + identNo + `|sample\s+id\b|encounter\b|visit` + identNo + `|(?-i:CSN|FIN)\b|` +
		`routing\b|(?-i:ABA)\b|iban\b|auth(?:orization)?` + identNo + `|referral` + identNo + `|` +
		`card` + identNo

	// identDeviceCues precede a device's serial number or identifier
	// (PHI-SERIAL), besides [phiRE.serialCue]'s ("serial", "S/N", "UDI"
	// …), which phiSerials reads after.
	identDeviceCues = `imei(?:sv)?\b|meid\b|iccid\b|mac\s+(?:address|addr|id)\b|` +
		`(?:pacemaker|defibrillator|icd|pump|implant|transmitter|sensor|receiver|hearing\s+aids?|` +
		`cochlear\s+implant|stimulator|cgm|monitor|generator)\s*(?:serial\b|s/n|sn\b|(?:id|identifier|number|num|no)\b|#)`
)

// identCueExpr returns the expression of the cue words: which of its
// groups lic, id and dev matched tells the kind of number that follows.
// It is made when first needed, as it takes the PHI rules' cues, whose
// expressions cost milliseconds to make.
func identCueExpr() string {
	return `(?i)\b(?:(?P<lic>` + identLicenceCues + `)|(?P<id>` + identIDCues + `|` + phiRE().idCue.re().String() +
		`)|(?P<dev>` + identDeviceCues + `))`
}

// identRE holds the file's compiled patterns, made at their first use.
var identRE = sync.OnceValue(func() *identPatterns {
	return newIdentPatterns()
})

type identPatterns struct {
	// cue is identCueExpr, with the words its matches start with as its
	// literals (see [identCues]).
	cue          *pattern
	lic, id, dev int // cue's groups
	// leaves are the cues of identCueExpr, each anchored, in order; byLit
	// lists those each of cue's literals starts, in order.
	leaves []identLeaf
	byLit  map[string][]int
	// imeiCue, in the words before a run of 15 digits, makes it an IMEI.
	imeiCue *pattern
	// dl holds each state's driver's licence formats (see identDLFormats).
	dl []*regexp.Regexp
}

func newIdentPatterns() *identPatterns {
	r := &identPatterns{
		imeiCue: compile(`(?i)\b(?:imei|phone|device|handset|cell|mobile|tablet|smartphone|iphone|android)`),
	}
	r.split(identCueExpr())
	for _, f := range identDLFormats {
		r.dl = append(r.dl, regexp.MustCompile(`^(?:`+f.shapes+`)$`))
	}
	return r
}

// An identLeaf is one cue of identCueExpr.
type identLeaf struct {
	re    *regexp.Regexp // the cue, anchored at the start
	group int            // lic, id or dev of identRE
}

// split sets r's cue and its leaves from expr, an alternation of
// cues in the groups lic, id and dev, each starting with a literal (after
// \b). The alternation has too many of them for [literals]'s sets; so
// split takes it apart, and the strings that start each cue become
// the pattern's literals.
func (r *identPatterns) split(expr string) {
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		panic(err)
	}
	r.byLit = map[string][]int{}
	var lits []string
	var walk func(re *syntax.Regexp, group int)
	walk = func(re *syntax.Regexp, group int) {
		switch re.Op {
		case syntax.OpCapture:
			walk(re.Sub[0], re.Cap)
			return
		case syntax.OpAlternate:
			for _, sub := range re.Sub {
				walk(sub, group)
			}
			return
		case syntax.OpConcat:
			switch {
			case len(re.Sub) == 2 && re.Sub[0].Op == syntax.OpWordBoundary:
				walk(re.Sub[1], group)
				return
			case len(re.Sub) > 2 && re.Sub[0].Op == syntax.OpWordBoundary:
				walk(&syntax.Regexp{Op: syntax.OpConcat, Flags: re.Flags, Sub: re.Sub[1:]}, group)
				return
			}
		}
		p := literals(re).prefix
		if len(p) == 0 || slices.Contains(p, "") || group == 0 {
			panic("check: a cue that starts with no literal, or in no group: " + re.String())
		}
		for _, l := range dedupe(p) {
			r.byLit[l] = append(r.byLit[l], len(r.leaves))
		}
		r.leaves = append(r.leaves, identLeaf{regexp.MustCompile(`^(?:` + re.String() + `)`), group})
		lits = append(lits, p...)
	}
	walk(tree, 0)
	// A literal that starts with another finds nothing more: its cues go
	// with the shorter one ("licence" with "lic").
	lits = dedupe(lits)
	slices.SortStableFunc(lits, func(a, b string) int { return len(a) - len(b) })
	var kept []string
	for _, l := range lits {
		k := slices.IndexFunc(kept, func(m string) bool { return hasLiteral(l, m) })
		if k < 0 {
			kept = append(kept, l)
			continue
		}
		m := kept[k]
		r.byLit[m] = slices.Compact(slices.Sorted(slices.Values(append(r.byLit[m], r.byLit[l]...))))
		delete(r.byLit, l)
	}
	r.cue = compile(expr).nearWords(kept...)
	re := r.cue.re()
	r.lic, r.id, r.dev = re.SubexpIndex("lic"), re.SubexpIndex("id"), re.SubexpIndex("dev")
}

// An identCue is a cue word found, and the group of its kind.
type identCue struct{ i, j, group int }

// identCues returns the cues in sc's text, as the cue pattern finds them.
// At each word start where one of its literals begins, it tries the cues
// that start with the literals found there (no more than the pattern's
// reach of words on), in order, which finds what the whole expression
// would: every match starts with one. Texts the shared lexicon has found
// no hits in (those too long, or with a character that case folding makes
// ASCII) are scanned whole.
func identCues(sc *scan) []identCue {
	p, s := identRE().cue, sc.s
	lp := sc.lx.of[p]
	var out []identCue
	if lp == nil || sc.folds || len(s) > math.MaxInt32 {
		for _, m := range p.FindAllSubmatchIn(sc) {
			c := identCue{m[0], m[1], identRE().id}
			if m[2*identRE().lic] >= 0 {
				c.group = identRE().lic
			} else if m[2*identRE().dev] >= 0 {
				c.group = identRE().dev
			}
			out = append(out, c)
		}
		return out
	}
	var cands []int
	end := 0 // the end of the last cue
	for k := 0; k < len(sc.hits); {
		i := int(sc.hits[k].at)
		if i < end || i > 0 && wordByte(s[i-1]) && wordByte(s[i]) {
			for k < len(sc.hits) && int(sc.hits[k].at) == i {
				k++
			}
			continue
		}
		cands = cands[:0]
		for ; k < len(sc.hits) && int(sc.hits[k].at) == i; k++ {
			if id := sc.hits[k].id; lp.ids.has(id) {
				cands = append(cands, identRE().byLit[sc.lx.lits[id]]...)
			}
		}
		if len(cands) == 0 {
			continue
		}
		slices.Sort(cands)
		w := s[i:wordsAfter(s, i, p.reach+1)]
		for _, c := range slices.Compact(cands) {
			if m := identRE().leaves[c].re.FindStringIndex(w); m != nil {
				out = append(out, identCue{i, i + m[1], identRE().leaves[c].group})
				end = i + m[1]
				break
			}
		}
	}
	return out
}

// identDLFormats are the formats of driver's licence (and state ID)
// numbers, with separators taken out, by state: [A-Z] is a letter, \d a
// digit. Sources: the state formats table of the National Traffic Safety
// Institute, and the shapes of Presidio's UsDriverLicenseRecognizer.
// New York's old numbers of eight letters are left out: with no digit,
// they cannot be told from a word in capitals.
var identDLFormats = []struct{ state, shapes string }{
	{"AL", `\d{1,8}`},
	{"AK", `\d{1,7}`},
	{"AZ", `[A-Z]\d{8}|\d{9}`},
	{"AR", `\d{4,9}`},
	{"CA", `[A-Z]\d{7}`},
	{"CO", `\d{9}|[A-Z]\d{3,6}|[A-Z]{2}\d{2,5}`},
	{"CT", `\d{9}`},
	{"DE", `\d{1,7}`},
	{"DC", `\d{7}|\d{9}`},
	{"FL", `[A-Z]\d{12}`},
	{"GA", `\d{7,9}`},
	{"HI", `[A-Z]\d{8}|\d{9}`},
	{"ID", `[A-Z]{2}\d{6}[A-Z]|\d{9}`},
	{"IL", `[A-Z]\d{11,12}`},
	{"IN", `[A-Z]\d{9}|\d{9,10}`},
	{"IA", `\d{9}|\d{3}[A-Z]{2}\d{4}`},
	{"KS", `[A-Z]\d[A-Z]\d[A-Z]|[A-Z]\d{8}|\d{9}`},
	{"KY", `[A-Z]\d{8,9}|\d{9}`},
	{"LA", `\d{1,9}`},
	{"ME", `\d{7}[A-Z]?|\d{8}`},
	{"MD", `[A-Z]\d{12}`},
	{"MA", `[A-Z]\d{8}|\d{9}`},
	{"MI", `[A-Z]\d{10}|[A-Z]\d{12}`},
	{"MN", `[A-Z]\d{12}`},
	{"MS", `\d{9}`},
	{"MO", `[A-Z]\d{5,9}|[A-Z]\d{6}R|\d{8}[A-Z]{2}|\d{9}[A-Z]?|\d{3}[A-Z]\d{6}`},
	{"MT", `[A-Z]\d{8}|\d{9}|\d{13,14}`},
	{"NE", `[A-Z]\d{6,8}`},
	{"NV", `\d{9,10}|\d{12}|X\d{8}`},
	{"NH", `\d{2}[A-Z]{3}\d{5}`},
	{"NJ", `[A-Z]\d{14}`},
	{"NM", `\d{8,9}`},
	{"NY", `[A-Z]\d{7}|[A-Z]\d{18}|\d{8,9}|\d{16}`},
	{"NC", `\d{1,12}`},
	{"ND", `[A-Z]{3}\d{6}|\d{9}`},
	{"OH", `[A-Z]\d{4,8}|[A-Z]{2}\d{3,7}|\d{8}`},
	{"OK", `[A-Z]\d{9}|\d{9}`},
	{"OR", `\d{1,9}|[A-Z]\d{6,7}`},
	{"PA", `\d{8}`},
	{"RI", `\d{7}|V\d{6}`},
	{"SC", `\d{5,11}`},
	{"SD", `\d{6,10}|\d{12}`},
	{"TN", `\d{7,9}`},
	{"TX", `\d{7,8}`},
	{"UT", `\d{4,10}`},
	{"VT", `\d{8}|\d{7}A`},
	{"VA", `[A-Z]\d{8,11}|\d{9}`},
	// Washington: before 2018, five letters of the last name, two
	// initials (* fills a gap), three digits and two letters or digits;
	// since, WDL and nine letters or digits.
	{"WA", `[A-Z][A-Z*]{6}\d{3}[A-Z0-9]{2}|WDL[A-Z0-9]{9}`},
	{"WV", `\d{7}|[A-Z]{1,2}\d{5,6}`},
	{"WI", `[A-Z]\d{13}`},
	{"WY", `\d{9,10}`},
}

// identDLStates returns the states whose driver's licence format c
// (without separators) fits.
func identDLStates(c string) []string {
	var out []string
	for k, re := range identRE().dl {
		if re.MatchString(c) {
			out = append(out, identDLFormats[k].state)
		}
	}
	return out
}

// identDEA reports whether c has the shape of a DEA registration number:
// a letter, a letter or 9, and seven digits.
func identDEA(c string) bool {
	if len(c) != 9 || !upper(c[0]) || !upper(c[1]) && c[1] != '9' {
		return false
	}
	return digitCount(c[2:]) == 7
}

// identDEACheck reports whether the DEA number c has a valid check digit:
// the sum of the odd digits and twice the sum of the even ones (of the
// first six) ends in the seventh.
func identDEACheck(c string) bool {
	if !identDEA(c) {
		return false
	}
	d := c[2:]
	sum := int(d[0]-'0') + int(d[2]-'0') + int(d[4]-'0') + 2*(int(d[1]-'0')+int(d[3]-'0')+int(d[5]-'0'))
	return sum%10 == int(d[6]-'0')
}

// identLicence reports whether c, a token after a licence cue without its
// separators, is a licence or certificate number: six or more letters and
// digits with four digits or more, a state's driver's licence format of
// five characters or more, or a DEA number.
func identLicence(c string) bool {
	n := digitCount(c)
	if n == 0 {
		return false
	}
	if len(c) >= 6 && n >= 4 || identDEA(c) {
		return true
	}
	return len(c) >= 5 && len(identDLStates(c)) > 0
}

// identDevice reports whether c, a token after a device cue without its
// separators, is a serial number or identifier: four or more letters and
// digits, one a digit at least.
func identDevice(c string) bool { return len(c) >= 4 && digitCount(c) > 0 }

func upper(c byte) bool    { return 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func hexDigit(c byte) bool { return isDigit(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

func digitCount(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			n++
		}
	}
	return n
}

// identTokenByte reports whether c may be in a token: a letter, a digit,
// a dash or, for Washington's licences, "*".
func identTokenByte(c byte) bool { return phiAlnum(c) || c == '-' || c == '*' }

// identWord returns the token in the word s[i:j]: the word without
// leading "#", ":" and "(" and trailing punctuation, if what is left is
// letters, digits, "*" and inner dashes. trail reports whether punctuation
// was taken off the end.
func identWord(s string, i, j int) (ti, tj int, trail, ok bool) {
	for i < j && (s[i] == '#' || s[i] == ':' || s[i] == '(') {
		i++
	}
	tj = j
	for tj > i && strings.IndexByte(".,;:)!?'\"", s[tj-1]) >= 0 {
		tj--
	}
	if i == tj || s[i] == '-' || s[tj-1] == '-' {
		return 0, 0, false, false
	}
	for k := i; k < tj; k++ {
		if !identTokenByte(s[k]) || s[k] == '-' && s[k-1] == '-' {
			return 0, 0, false, false
		}
	}
	return i, tj, tj < j, true
}

// identGroup reports whether s[i:j] can be a group of a number written in
// groups: one to six letters and digits.
func identGroup(s string, i, j int) bool {
	if j-i < 1 || j-i > 6 {
		return false
	}
	for k := i; k < j; k++ {
		if !phiAlnum(s[k]) {
			return false
		}
	}
	return true
}

// identCompact returns s without spaces and dashes.
func identCompact(s string) string {
	if !strings.ContainsAny(s, " -") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' && s[i] != '-' {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// identNotID reports whether v, a token or a number in groups, is a date,
// a year range, a time or a phone number written with separators, which
// are not the identifiers a cue announces.
func identNotID(v string) bool {
	// The lengths of the runs of digits and what splits them.
	var runs []int
	var seps []byte
	n := 0
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case isDigit(c):
			n++
		case n > 0 && (c == '-' || c == ' ' || c == '.' || c == '/'):
			runs, seps, n = append(runs, n), append(seps, c), 0
		default:
			return false // a letter: not a date, a time or a phone number
		}
	}
	if n == 0 {
		return false
	}
	runs = append(runs, n)
	year := func(v string) bool { return strings.HasPrefix(v, "19") || strings.HasPrefix(v, "20") }
	switch len(runs) {
	case 2: // 2019-2024, 2023-24
		return seps[0] == '-' && runs[0] == 4 && year(v) &&
			(runs[1] == 2 || runs[1] == 4 && year(v[5:]))
	case 3:
		if seps[0] != seps[1] {
			return false
		}
		return runs[0] == 4 && runs[1] <= 2 && runs[2] <= 2 || // 2024-05-01
			runs[0] <= 2 && runs[1] <= 2 && (runs[2] == 2 || runs[2] == 4) || // 05-01-2024
			runs[0] == 3 && runs[1] == 3 && runs[2] == 4 // 312 555 0199
	case 4:
		return runs[0] == 1 && runs[1] == 3 && runs[2] == 3 && runs[3] == 4 // 1-312-555-0199
	}
	return false
}

// identCueToken looks at up to n words after offset j for the number a
// cue announces, and returns its span if ok accepts it without its
// separators. Words without digits ("number", "is", "IL") are passed
// over; the first with digits ends the search. A number may be written in
// groups of one to six letters and digits split by single spaces ("ZGP
// 4471 0932", "A123 4567 8901"): three groups or more, or two of eight
// characters or more; the first may be three capitals, an insurer's
// prefix.
func identCueToken(s string, j, n int, ok func(string) bool) (int, int, bool) {
	k := j
	for w := 0; w < n && k < len(s); w++ {
		var st int
		st, k = phiWord(s, k)
		i, e, trail, isTok := identWord(s, st, k)
		if !isTok {
			if digitCount(s[st:k]) > 0 {
				return 0, 0, false
			}
			continue
		}
		// Follow the groups of a number written in groups.
		end, groups, size := e, 1, e-i
		if !trail && identGroup(s, i, e) {
			for g := k; g+1 < len(s) && s[g] == ' ' && !phiSpace(s[g+1]); {
				h := g + 1
				for h < len(s) && !phiSpace(s[h]) {
					h++
				}
				gi, ge, gtrail, gok := identWord(s, g+1, h)
				if !gok || gi != g+1 || !identGroup(s, gi, ge) || digitCount(s[gi:ge]) == 0 {
					break
				}
				end, groups, size, g = ge, groups+1, size+ge-gi, h
				if gtrail {
					break
				}
			}
		}
		if groups >= 3 || groups == 2 && size >= 8 {
			if digitCount(s[i:e]) == 0 && (e-i != 3 || !upper(s[i]) || !upper(s[i+1]) || !upper(s[i+2])) {
				continue // a word, and then a number: look at the number
			}
			if v := s[i:end]; !identNotID(v) && ok(identCompact(v)) {
				return i, end, true
			}
			return 0, 0, false
		}
		if digitCount(s[i:e]) == 0 {
			continue
		}
		if v := s[i:e]; !identNotID(v) && ok(identCompact(v)) {
			return i, e, true
		}
		return 0, 0, false
	}
	return 0, 0, false
}

// identPlate reports whether the text after a licence cue at j says
// "plate": a licence plate is a vehicle's (PHI-SERIAL).
func identPlate(s string, j int) bool {
	for j < len(s) && (phiSpace(s[j]) || s[j] == '-') {
		j++
	}
	return hasLiteral(s[j:], "plate")
}

// phiCuedNumbers finds the numbers after the cue words of licences and
// certificates (PHI-LICENSE), of records, plans and accounts (PHI-ID) and
// of devices (PHI-SERIAL).
func phiCuedNumbers(sc *scan, add phiAdd) {
	s := sc.s
	last := 0 // the end of the last number found
	for _, c := range identCues(sc) {
		rule, ok := "PHI-ID", phiIDToken
		switch c.group {
		case identRE().lic:
			if identPlate(s, c.j) {
				continue
			}
			rule, ok = "PHI-LICENSE", identLicence
		case identRE().dev:
			rule, ok = "PHI-SERIAL", identDevice
		}
		if i, j, found := identCueToken(s, c.j, 4, ok); found && i >= last {
			add(rule, i, j)
			last = j
		}
	}
}

// identLuhn reports whether the digits d pass the Luhn check, which card
// numbers and IMEIs end with.
func identLuhn(d string) bool {
	if len(d) < 2 {
		return false
	}
	sum := 0
	for k := 0; k < len(d); k++ {
		c := d[len(d)-1-k]
		if !isDigit(c) {
			return false
		}
		v := int(c - '0')
		if k%2 == 1 {
			if v *= 2; v > 9 {
				v -= 9
			}
		}
		sum += v
	}
	return sum%10 == 0
}

// identCardIssuers are the payment card issuers' number prefixes (IIN
// ranges; lo and hi have the same length and bound the number's first
// digits) and their numbers' lengths.
var identCardIssuers = []struct {
	name     string
	lo, hi   string
	min, max int
}{
	{"Visa", "4", "4", 13, 13},
	{"Visa", "4", "4", 16, 16},
	{"Visa", "4", "4", 19, 19},
	{"Mastercard", "51", "55", 16, 16},
	{"Mastercard", "2221", "2720", 16, 16},
	{"American Express", "34", "34", 15, 15},
	{"American Express", "37", "37", 15, 15},
	{"Discover", "6011", "6011", 16, 19},
	{"Discover", "644", "649", 16, 19},
	{"Discover", "65", "65", 16, 19},
	{"Diners Club", "300", "305", 14, 19},
	{"Diners Club", "36", "36", 14, 19},
	{"Diners Club", "38", "39", 16, 19},
	{"JCB", "3528", "3589", 16, 19},
}

// identCardIssuer returns the issuer of the card number d (digits only),
// or "" if no issuer's prefix and lengths fit it.
func identCardIssuer(d string) string {
	for _, c := range identCardIssuers {
		if len(d) < c.min || len(d) > c.max || len(d) < len(c.lo) {
			continue
		}
		if p := d[:len(c.lo)]; p < c.lo || p > c.hi {
			continue
		}
		return c.name
	}
	return ""
}

// identCardGroups reports whether groups, the lengths of the groups of
// digits of a number split by one kind of separator, are a card's: one
// group, groups of four with a shorter last one, or 4-6-5 and 4-6-4
// (American Express, Diners Club).
func identCardGroups(groups []int) bool {
	if len(groups) == 1 {
		return true
	}
	if len(groups) == 3 && groups[0] == 4 && groups[1] == 6 && (groups[2] == 5 || groups[2] == 4) {
		return true
	}
	for k, g := range groups {
		if g != 4 && (k < len(groups)-1 || g > 4) {
			return false
		}
	}
	return true
}

// An identRun is a run of digits in groups split by one space or one dash,
// all the same.
type identRun struct {
	i, j   int
	n      int   // the number of digits
	groups []int // the offsets in s where the groups start and end, in pairs
}

// identRuns calls f with each run of digits of s, of min digits or
// more, in groups split by one space or one dash (the same throughout),
// that stands alone: no letter or digit touches it, and it is not part of
// a decimal or list of numbers ("0.41", "1,234"). A first loop finds the
// stretches of digits, spaces and dashes that hold min digits, which few
// texts have, and [identRunsIn] reads them.
func identRuns(s string, min int, f func(r identRun)) {
	var groups []int
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			continue
		}
		lo, n := i, 0
		for ; i < len(s); i++ {
			if isDigit(s[i]) {
				n++
			} else if s[i] != ' ' && s[i] != '-' || i+1 == len(s) || !isDigit(s[i+1]) {
				break
			}
		}
		if n >= min {
			groups = identRunsIn(s, lo, i, min, groups, f)
		}
	}
}

// identRunsIn is identRuns for the runs that start in s[lo:hi], a
// stretch of digits, spaces and dashes. It returns groups, which it uses
// for the runs' groups, for use again.
func identRunsIn(s string, lo, hi, min int, groups []int, f func(r identRun)) []int {
	for i := lo; i < hi; {
		if !isDigit(s[i]) || i > 0 && phiAlnum(s[i-1]) {
			i++
			continue
		}
		groups = groups[:0]
		j, n, sep := i, 0, byte(0)
		for {
			st := j
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			groups, n = append(groups, st, j), n+j-st
			if j+1 < len(s) && (s[j] == ' ' || s[j] == '-') && (sep == 0 || s[j] == sep) && isDigit(s[j+1]) {
				sep = s[j]
				j++
				continue
			}
			break
		}
		alone := (j == len(s) || !phiAlnum(s[j])) &&
			!(i > 1 && (s[i-1] == '.' || s[i-1] == ',') && isDigit(s[i-2])) &&
			!(j+1 < len(s) && (s[j] == '.' || s[j] == ',') && isDigit(s[j+1]))
		if alone && n >= min {
			f(identRun{i, j, n, groups})
		}
		for j < len(s) && phiAlnum(s[j]) {
			j++
		}
		i = j
	}
	return groups
}

// digits returns the digits of the groups of r from group a to b.
func (r identRun) digits(s string, a, b int) string {
	var sb strings.Builder
	for g := a; g < b; g++ {
		sb.WriteString(s[r.groups[2*g]:r.groups[2*g+1]])
	}
	return sb.String()
}

// phiCards finds payment card numbers: 13 to 19 digits, together or in
// a card's groups, with a known issuer's prefix and a valid Luhn check
// digit. A run of groups that is not a card may hold one as a group.
func phiCards(sc *scan, add phiAdd) {
	s := sc.s
	var lens []int
	identRuns(s, 13, func(r identRun) {
		n := len(r.groups) / 2
		lens = lens[:0]
		for g := 0; g < n; g++ {
			lens = append(lens, r.groups[2*g+1]-r.groups[2*g])
		}
		if r.n <= 19 && identCardGroups(lens) && identCard(r.digits(s, 0, n)) {
			add("PHI-CARD", r.i, r.j)
			return
		}
		if n == 1 {
			return
		}
		for g, l := range lens {
			if l >= 13 && l <= 19 && identCard(r.digits(s, g, g+1)) {
				add("PHI-CARD", r.groups[2*g], r.groups[2*g+1])
			}
		}
	})
}

// identCard reports whether the digits d are a card number: an issuer's
// prefix and lengths, and the Luhn check.
func identCard(d string) bool {
	return len(d) >= 13 && len(d) <= 19 && identCardIssuer(d) != "" && identLuhn(d)
}

// phiDevices finds IMEIs (15 digits with a valid Luhn check digit, after a
// word such as "IMEI", "phone" or "device" among the six before) and MAC
// addresses.
func phiDevices(sc *scan, add phiAdd) {
	s := sc.s
	identRuns(s, 15, func(r identRun) {
		if r.n == 15 && identLuhn(r.digits(s, 0, len(r.groups)/2)) && identRE().imeiCue.MatchString(phiBefore(s, r.i, 6)) {
			add("PHI-SERIAL", r.i, r.j)
		}
	})
	identMACs(s, func(i, j int) { add("PHI-SERIAL", i, j) })
}

// identMACs calls f with the span of each MAC address in s, in order: six
// pairs of hex digits split by colons or by dashes, the same throughout,
// that stand alone as words do (\b) and are not part of a longer run of
// pairs, such as an IPv6 address. It looks at what is around each colon
// and dash, which [strings.IndexByte] finds quickly; an expression's
// literals would be those two, which are everywhere.
func identMACs(s string, f func(i, j int)) {
	var starts []int
	for _, sep := range [2]byte{':', '-'} {
		for p := 2; p < len(s); {
			k := strings.IndexByte(s[p:], sep)
			if k < 0 {
				break
			}
			// A MAC address with its first separator at p+k starts 2 before.
			i, j := p+k-2, p+k+15
			p += k + 1
			if j > len(s) || !identMACAt(s[i:j], sep) ||
				i > 0 && wordByte(s[i-1]) || j < len(s) && wordByte(s[j]) ||
				i > 1 && (s[i-1] == ':' || s[i-1] == '-') && hexDigit(s[i-2]) ||
				j+1 < len(s) && (s[j] == ':' || s[j] == '-') && hexDigit(s[j+1]) {
				continue
			}
			starts = append(starts, i)
			p = j
		}
	}
	slices.Sort(starts)
	for _, i := range starts {
		f(i, i+17)
	}
}

// identMACAt reports whether w, of 17 bytes, is six pairs of hex digits
// split by sep.
func identMACAt(w string, sep byte) bool {
	for k := 0; k < 6; k++ {
		if !hexDigit(w[3*k]) || !hexDigit(w[3*k+1]) || k < 5 && w[3*k+2] != sep {
			return false
		}
	}
	return true
}
