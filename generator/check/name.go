package check

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/faqcast/faqcast/generator/internal/names"
)

// Names without a cue word. A patient's name is the classic breach of a
// practice's posts: a shout-out ("Happy 7th birthday, Sofia!"), a
// thank-you ("Thank you to the Nakamura family"), a caption ("Pictured:
// Liam, 4, after his checkup") or a story ("Marcus Whitfield came in with
// a broken wrist"). The rule finds them from the shape of the text and a
// lexicon of US Census names:
//
//   - a full name: two or three capitalised words, a given name and a
//     surname, that are not ordinary words;
//   - a given name in a frame: after a greeting ("happy birthday",
//     "congrats to", "welcome", "thank you", "pictured:", "little",
//     "baby", "meet"), before an age ("Liam, 4"), in the possessive
//     ("Keisha's mother"), or as the subject of a verb in the past
//     tense ("Sofia got her first shots");
//   - a family: "the Nakamura family", "the Garcias".
//
// Never flagged: the staff and the practice's name, the names the site
// allows (checks.allow_names), well-known people, characters, eponyms and
// brands (Dr. Seuss, Down syndrome, Tylenol), US places, months and
// weekdays, and names after a doctor's title.

// nameTok is a word of a text, as the name rule sees it.
type nameTok struct {
	start, end int    // the word's bytes, without a possessive ending
	word       string // s[start:end]
	raw        string // the word with its possessive ending
	poss       bool   // followed by 's or ’s (or ' after s)
	capital    bool   // starts with an upper-case letter
	upper      bool   // all its letters are upper case
	lead       bool   // first word of a sentence, a line or a quotation
	gap        string // the text between this word and the one before
}

// nameTokens splits s into words: runs of letters, with the apostrophes,
// hyphens and periods (of initials) inside them.
func nameTokens(s string) []nameTok {
	var toks []nameTok
	lead, last := true, 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			switch r {
			case '.', '!', '?', '\n', ':', '"', '“', '•', '(', ';', '—', '–':
				lead = true
			}
			if r == '.' && len(toks) > 0 && toks[len(toks)-1].end == i && nameInitial(toks[len(toks)-1].word) {
				lead = false // "J. Smith"
			}
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				j += n
				continue
			}
			if (r == '\'' || r == '’' || r == '-') && j+n < len(s) {
				r2, _ := utf8.DecodeRuneInString(s[j+n:])
				if unicode.IsLetter(r2) {
					j += n
					continue
				}
			}
			break
		}
		t := nameTok{start: i, end: j, lead: lead, gap: s[last:i]}
		w := s[i:j]
		for _, suf := range namePossessives {
			if strings.HasSuffix(w, suf) && len(w) > len(suf) {
				t.poss = true
				t.end -= len(suf)
				break
			}
		}
		if !t.poss && j < len(s) && (s[j] == '\'' || strings.HasPrefix(s[j:], "’")) && strings.HasSuffix(w, "s") {
			t.poss = true // "the Jameses' dog"
		}
		t.word = s[t.start:t.end]
		t.raw = w
		first, _ := utf8.DecodeRuneInString(t.word)
		t.capital = unicode.IsUpper(first)
		t.upper = nameUpper(t.word)
		toks = append(toks, t)
		lead = false
		last = j
		i = j
	}
	return toks
}

// namePossessives are the endings of a possessive.
var namePossessives = []string{"'s", "’s", "'S", "’S"}

// nameUpper reports whether w has letters and all are upper case.
func nameUpper(w string) bool {
	letters := false
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		letters = letters || unicode.IsUpper(r)
	}
	return letters
}

// nameInitial reports whether w is one capital letter, as in "J. Smith".
func nameInitial(w string) bool {
	return len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z'
}

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

// nameTitles before a name make it a clinician's or a public figure's.
var nameTitles = advSet("dr", "doctor", "drs", "prof", "professor", "president", "senator", "sen", "governor",
	"gov", "rep", "representative", "saint", "st", "mayor", "judge", "justice", "pope", "king", "queen",
	"prince", "princess", "sir", "dame", "lord", "general", "nurse", "np", "pa", "rn", "dds", "md",
	"mr", "mrs", "ms", "miss", "mx", "mister", "dra", "doc")

// nameCalendar are capitalised words of dates and seasons.
var nameCalendar = advSet("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
	"dec", "christmas", "easter", "thanksgiving", "halloween", "hanukkah", "kwanzaa", "ramadan", "diwali",
	"eid", "passover", "valentine", "memorial", "labor", "independence", "juneteenth", "spring", "summer",
	"fall", "autumn", "winter", "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun", "feliz",
	"navidad", "prospero", "año", "nuevo", "merry", "happy")

// nameWorld are capitalised words of the world's places and peoples,
// which the lexicon's US places leave out.
var nameWorld = advSet("america", "americas", "american", "americans", "africa", "african", "asia", "asian",
	"europe", "european", "canada", "canadian", "mexico", "mexican", "china", "chinese", "india", "indian",
	"japan", "japanese", "korea", "korean", "vietnam", "vietnamese", "philippines", "filipino", "germany",
	"german", "france", "french", "italy", "italian", "spain", "spanish", "england", "english", "britain",
	"british", "ireland", "irish", "russia", "russian", "ukraine", "ukrainian", "israel", "israeli", "egypt",
	"brazil", "brazilian", "cuba", "cuban", "haiti", "haitian", "jamaica", "jamaican", "nigeria", "nigerian",
	"kenya", "ghana", "somalia", "ethiopia", "pakistan", "iran", "iraq", "syria", "afghanistan", "poland",
	"polish", "greece", "greek", "australia", "australian", "latino", "latina", "latinx", "hispanic",
	"african-american", "native", "indigenous", "earth", "arctic", "atlantic", "pacific", "caribbean",
	"guatemala", "honduras", "salvador", "colombia", "venezuela", "peru", "puerto", "rico", "dominican",
	"catholic", "christian", "muslim", "jewish", "hindu", "buddhist", "god", "lord", "jesus", "allah",
	"english-speaking", "spanish-speaking", "covid", "medicare", "medicaid")

var nameRE = struct {
	greet, age, act, family, plural *pattern
}{
	// A greeting or a word of endearment before a name.
	greet: compile(`(?i)(?:\b(?:happy|hbd)\s+(?:(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|sweet\s+16|big|belated)\s+)?(?:birthday|bday|b-day)|\bhbd|\bcongratulations|\bcongrats|\bwelcome(?:\s+(?:to\s+the\s+world|home|back))?|\bthank\s+you(?:\s+so\s+much)?|\bthanks(?:\s+so\s+much)?|\bshout[\s-]?outs?|\bget\s+well(?:\s+soon)?|\bpictured|\bfeatured|\bmeet|\bsay\s+(?:hi|hello)\s+to|\bhigh[\s-]fives?|\bhats\s+off|\bkudos|\bway\s+to\s+go|\bgood\s+luck|\bproud\s+of|\bwe\s+miss(?:\s+you)?|\brest\s+in\s+peace|\brip|\bin\s+memory\s+of|\bremembering|\bcheers|\bhugs|\bfeel\s+better(?:\s+soon)?|\bnice\s+work|\bgreat\s+job|\bwell\s+done|\bbravo|\bspotlight|\bof\s+the\s+(?:week|month)|\bstar\s+patient|\b(?:hugs?|love|prayers|wishes|props|star|stickers?|medal|award|trophy|applause|fist\s+bump|high\s+five|vibes|thoughts|energy|shout)\s+(?:to|for)|\bsend(?:ing)?\s+(?:[\pL-]+\s+){0,4}?(?:to|for)|\b(?:ups|props|tks|thx|ty|thnx|tysm|day|remember|hey|hi|hello|dear|yo|that['’]s|this\s+is|here['’]s|mam[áa]|pap[áa]|hija|hijo|abuela|abuelo|beb[ée]|se[ñn]ora|se[ñn]or|sra\.?|sr\.?)(?:\s+(?:to|for|de|del))?|\b\d+[\s-](?:years?|yrs?|months?|mos?|weeks?|wks?)[\s-]old|\b(?:patient|patients|client|clients|regular|regulars|pt|neighbor|neighbour)|\b(?:session|visit|appointment|appt|chat|call|time|checkup|check-in)\s+with|\b(?:boy|girl|lady|man|woman|kid|guy|gentleman|teen|patient|client|mom|dad|baby)\s+(?:[\pL'’-]+\s+){0,5}?[\pL'’-]+,|\b(?:photo|photos|pic|pics|picture|video|caption|selfie|snapshot|l\s*[–-]\s*r|left\s+to\s+right|from\s+left)|\b(?:little|baby|sweet|brave|tiny|precious|young|handsome|adorable|cutie|miss|master|grandma|grandpa|granny|nana|papa|aunt|auntie|uncle|cousin|sister|brother|son|daughter|twin|twins|niece|nephew|grandson|granddaughter|husband|wife|mom|dad|mama|friend|buddy|pal|champ|kiddo|superstar|warrior|fighter|hero|girl|boy|named|called))(?:[\s,:;.!\-–—]+(?:to|of|for|on|with|our|your|his|her|their|little|sweet|baby|brave|big|buddy|friend|patient|patients|favorite|amazing|awesome|wonderful|beautiful|new|newest|youngest|oldest|tiny|miss|mr|ms|mrs|dear|and|&|girl|boy|guy|man|lady|brother|sister|above|below|here|left|right|center|caption|\d+-(?:year|month|week|day)-old)|[\s,:!.\-–—\]\[()]+(?:photo|pic|caption|l\s*[–-]\s*r)|\s*\([^()\n]{0,40}\))*[\s,:!.\-–—\]\[()]*$`),
	// An age after a name: "Liam, 4,", "Ava (6)", "Sofia turned 7".
	age: compile(`(?i)^(?:\s+\p{Lu}\.)?(?:\s+(?:and|&)\s+\p{Lu}[\pL'’-]+)?(?:\s*,\s*(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)[\s-](?:years?|yrs?|months?|mos?|weeks?)[\s-]old|\s*,\s*(?:age\s+|aged\s+)?\d{1,2}(?:\s*(?:months?|mos?|years?|yrs?|weeks?|y/?o))?\s*(?:,|\)|;|$|\s+and\b|\s+(?:after|before|at|with|who|is|was|from)\b)|\s*\(\s*(?:age\s+)?\d{1,2}(?:\s*(?:months?|mos?|years?|yrs?|y/?o))?\s*\)|\s*,\s*(?:age|aged)\s+\d|\s+(?:turned|turns|is\s+turning|just\s+turned)\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+year)|\s+(?:is|was)\s+(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:today|now|years?|months?|weeks?)\b|\s*[&+]\s*\p{Lu}|\s+and\s+(?:his|her|their)\s+(?:mom|mother|dad|father|parents?|sister|brother|grandma|grandpa|grandmother|grandfather|family|twin|baby|son|daughter|husband|wife)\b)`),
	// A verb of something that happened to the name.
	act: compile(`^\s+(?:just\s+|finally\s+|bravely\s+|totally\s+|officially\s+|also\s+|really\s+|proudly\s+)?(?:came|got|had|was|visited|broke|fell|needed|went|ran|left|made|took|gave|lost|won|beat|rocked|crushed|nailed|aced|survived|braved|conquered|finished|completed|graduated|celebrated|turned|showed|walked|hobbled|limped|stopped|dropped|brought|told|said|asked|wrote|sent|rolled|learned|started|tried|ate|slept|woke|cried|smiled|laughed|danced|sang|drove|flew|spent|hit|cut|burned|swallowed|sprained|tore|twisted|passed|delivered|welcomed|tested|scored|earned|reached|met|found|felt|kept|began|became|did|quit|hurt|put|set|let|read|shut|split|wore|rode|threw|caught|bit|sat|stood|slept|grew|knew|saw|heard|left|no[\s-]showed|is\s+(?:recovering|doing|feeling|home|back|healing|here|now|officially|finally|expecting|pregnant|on\s+the\s+mend|all\s+better|cancer[\s-]free|walking|running|cast[\s-]free|\d)|has\s+(?:been|had|finished|beaten|beat|recovered|completed)|[a-z]{3,}ed)\b`),
	// "the Nakamura family"
	family: compile(`(?i)^\s+(?:family|families|household|twins|triplets|kids|children|boys|girls|clan|crew|siblings|sisters|brothers|bunch|gang|squad|party|home)\b`),
	// "the Garcias", "the Joneses"
	plural: compile(`^(?:\p{Lu}[\pL'’-]+?)(?:es|s)$`),
}

// nameShape reports whether w looks like a name: a capital letter, then
// letters of which some are lower case ("Sofia", "McKenzie", "O'Brien").
func nameShape(w string) bool {
	first, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(first) || utf8.RuneCountInString(w) < 3 {
		return false
	}
	lower, prevUpper := false, true
	for _, r := range w[n:] {
		switch {
		case unicode.IsLower(r):
			lower, prevUpper = true, false
		case unicode.IsUpper(r):
			if prevUpper {
				return false // an acronym: "DOACs", "NSAIDs"
			}
			prevUpper = true
		case r == '\'', r == '’', r == '-':
			prevUpper = false
		default:
			return false
		}
	}
	return lower
}

// phiBareNames adds the names in s that no cue word announces.
func phiBareNames(s string, allow *Allow, lx nameLexicon, add phiAdd) {
	toks := nameTokens(s)
	if len(toks) == 0 {
		return
	}
	upper := 0
	for _, t := range toks {
		if t.upper {
			upper++
		}
	}
	// In a text set in capitals, every word is a capitalised one; in one
	// written all in lower case, names are too ("ugh walter stanek no
	// showed").
	shout := upper*3 > len(toks)*2 && len(toks) >= 3
	capitals := 0
	for _, t := range toks {
		if t.capital && !t.upper {
			capitals++
		}
	}
	lowerText := capitals*20 < len(toks) && len(toks) >= 6
	capital := func(t nameTok) bool { return t.capital && (shout || !t.upper || len(t.word) == 1) }
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.raw
	}
	// Protect the names that are not patients': after a title, places,
	// well-known names and brands.
	protected := make([]bool, len(toks))
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if nameTitles[strings.ToLower(t.word)] && (capital(t) || t.word == "dr") {
			protected[i] = true
			for j := i + 1; j < len(toks) && capital(toks[j]) && nameJoined(toks[j].gap); j++ {
				protected[j] = true
				if toks[j].poss {
					break
				}
			}
			continue
		}
		if !capital(t) {
			continue
		}
		if nameAfterEponym(toks, i) || t.poss && i+1 < len(toks) && nameEponymNouns[strings.ToLower(toks[i+1].word)] {
			// "named after biophysicist Norman Holter": the person a
			// test or a condition is named for.
			for j := i; j < len(toks) && j < i+3 && capital(toks[j]); j++ {
				protected[j] = true
			}
			continue
		}
		end := min(len(words), i+5)
		place := lx.place(words[i:end])
		if place == 1 && i > 0 && capital(toks[i-1]) && nameJoined(t.gap) && lx.given(toks[i-1].word) && !lx.word(toks[i-1].word) {
			place = 0 // "Wendell Fairbanks": a surname, not the town
		}
		if place == 1 && i+1 < len(toks) && capital(toks[i+1]) && nameJoined(toks[i+1].gap) && lx.given(t.word) &&
			nameSurname(toks[i+1].word, lx) && !lx.word(toks[i+1].word) && lx.place(words[i+1:min(len(words), i+3)]) == 0 {
			place = 0 // "Augusta Pell": a given name, not the city
		}
		// A street, a school or a building named after someone: "MacArthur
		// Blvd", "Rosa Parks Elementary".
		for k := i; k < min(len(toks), i+3); k++ {
			if k > i && !nameJoined(toks[k].gap) || !capital(toks[k]) {
				break
			}
			if b := strings.ToLower(strings.TrimRight(toks[k].word, ".")); k > i && (nameBuildings[b] || b == "park" && !lx.given(toks[i].word)) {
				for p := i; p <= k; p++ {
					protected[p] = true
				}
				break
			}
		}
		if n := max(lx.known(words[i:end]), place); n > 0 {
			for j := i; j < i+n; j++ {
				protected[j] = true
			}
			i += n - 1
		}
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if capital(t) && (!protected[i] || !nameTitleBefore(toks, i)) {
			if n := nameFramed(s, toks, i, allow, lx); n > 0 {
				add("PHI-NAME", t.start, toks[i+n-1].end)
				i += n - 1
				continue
			}
		}
		if protected[i] {
			continue
		}
		if !capital(t) {
			if lowerText && i+1 < len(toks) && nameLowerFull(toks[i], toks[i+1], allow, lx) {
				add("PHI-NAME", t.start, toks[i+1].end)
				i++
				continue
			}
			nameLower(s, toks, i, allow, lx, add)
			continue
		}
		if low := strings.ToLower(t.word); nameCalendar[low] || nameCalendar[strings.TrimSuffix(low, "s")] || nameWorld[low] || nameCredentials[low] {
			continue
		}
		j := i + 1
		for j < len(toks) && j-i < 3 && capital(toks[j]) && !protected[j] && !toks[j-1].poss && nameJoined(toks[j].gap) &&
			!nameCalendar[strings.ToLower(toks[j].word)] {
			j++
		}
		run := toks[i:j]
		greeted := func() bool { return nameGreeting(s, run) || nameActs(s, run[len(run)-1]) }
		if j-i >= 2 && nameFull(run, allow, lx, greeted) {
			if !nameFame(s, toks[i].start) {
				add("PHI-NAME", toks[i].start, toks[j-1].end)
			}
			i = j - 1
			continue
		}
		nameSingle(s, toks, i, allow, lx, add)
	}
}

// nameAddressed reports whether the n words from toks[i] are said to
// someone: set off by a comma or a dash after them, and after a greeting, a
// comma or the start of a line before them ("Bree-Anne, you're right",
// "Sorry to hear it, Yuki —", "Hi Ahmed,").
func nameAddressed(s string, toks []nameTok, i, n int) bool {
	last := toks[i+n-1]
	after := strings.TrimLeft(s[last.end:], " ")
	if after == "" || !strings.HasPrefix(after, ",") && !strings.HasPrefix(after, "—") && !strings.HasPrefix(after, "–") &&
		!strings.HasPrefix(after, ":") && !strings.HasPrefix(after, "!") {
		return false
	}
	if i == 0 || toks[i].lead {
		return true
	}
	gap := strings.TrimRight(toks[i].gap, " ")
	return strings.HasSuffix(gap, ",") || nameAddressWords[strings.ToLower(toks[i-1].word)]
}

// nameYourCare reports whether the sentence at i speaks of the reader's own
// care: "your" shortly before a word of a visit or a result.
func nameYourCare(s string, i int) bool {
	// The sentence runs from the stop before i to the one after it, where
	// a period inside a word ("@carla.mendes87") stops nothing.
	start := i
	for start > 0 && !(strings.IndexByte("!?\n", s[start-1]) >= 0 || s[start-1] == '.' && (start == len(s) || !wordByte(s[start]))) {
		start--
	}
	words := advWords(s[start:sentenceEnd(s, i)], 80)
	for k, w := range words {
		if w != "your" {
			continue
		}
		for _, v := range words[k+1 : min(len(words), k+4)] {
			if nameCareWords[v] {
				return true
			}
		}
	}
	return false
}

// nameAddressWords greet the one a sentence is said to; nameCareWords are
// words of one patient's care.
var (
	nameAddressWords = advSet("hi", "hey", "hello", "dear", "thanks", "sorry", "welcome", "congrats")
	nameCareWords    = advSet("visit", "appointment", "appt", "results", "result", "test", "tests", "shot", "shots",
		"mammogram", "scan", "x-ray", "mri", "ct", "prescription", "refill", "chart", "diagnosis", "surgery",
		"procedure", "biopsy", "labs", "lab", "infusion", "injection", "treatment", "follow-up", "checkup",
		"screening", "vaccine", "panel", "culture", "smear", "ultrasound", "stitches", "cast", "repair", "recovery",
		"stay", "admission", "discharge", "delivery", "session")
)

// nameFrameAge is an age right after a name in a caption: "Ruby, 5 —",
// "Brook, 19, on her last day".
var nameFrameAge = regexp.MustCompile(`^,\s*\d{1,2}\s*(?:,|—|–|-|\(|$)`)

// nameCaptioned reports whether toks[i] stands in the list of names a
// caption opens with: "L-R: Mei, Lin and baby Jun", "Pictured: Ava, Max".
func nameCaptioned(s string, toks []nameTok, i int) bool {
	lineStart := strings.LastIndexByte(s[:toks[i].start], '\n') + 1
	before := strings.ToLower(s[lineStart:toks[i].start])
	k := strings.IndexByte(before, ':')
	if k < 0 {
		return false
	}
	cue := strings.TrimSpace(before[:k])
	if !strings.HasSuffix(cue, "l-r") && !strings.HasSuffix(cue, "l to r") && !strings.HasSuffix(cue, "left to right") &&
		!strings.HasSuffix(cue, "pictured") && !strings.HasSuffix(cue, "r-l") && !strings.HasSuffix(cue, "front row") &&
		!strings.HasSuffix(cue, "back row") {
		return false
	}
	// Between the cue and the name, only other names, commas, "and" and "baby".
	for _, w := range strings.FieldsFunc(before[k+1:], func(r rune) bool { return r == ',' || r == ' ' || r == '&' }) {
		if w != "and" && w != "baby" && w != "little" && w != "&" && !strings.Contains(strings.ToLower(s[lineStart:toks[i].start]), w) {
			return false
		}
	}
	return true
}

// nameCredentials are the credentials written after a clinician's name:
// "Chris Nguyen, PharmD".
var nameCredentials = advSet("md", "do", "pharmd", "rn", "lpn", "np", "dnp", "fnp", "fnp-c", "aprn", "pa", "pa-c",
	"phd", "dds", "dmd", "od", "dpt", "pt", "ot", "otr", "slp", "ccc-slp", "lcsw", "lpc", "lmft", "psyd", "cnm",
	"crna", "bsn", "msn", "mph", "rd", "rdn", "cde", "cdces", "ibclc", "ma", "cma", "facp", "faap", "aafp")

// nameEponymNouns are what a medical eponym names after a possessive:
// "Spurling's test", "Bell's palsy", "Broca's area".
var nameEponymNouns = advSet("test", "sign", "disease", "syndrome", "palsy", "area", "maneuver", "manoeuvre",
	"law", "reflex", "phenomenon", "triad", "score", "scale", "criteria", "rule", "fracture", "cyst", "node",
	"nodes", "method", "chart", "classification", "lymphoma", "sarcoma", "tumor", "ulcer", "contracture",
	"neuroma", "knot", "duct", "canal", "gland", "glands", "tube", "tubes", "formula", "procedure", "operation",
	"position", "solution", "ear", "elbow", "thumb", "finger", "toe", "bursitis", "thyroiditis", "anomaly")

// nameOwners are words that make the person after them someone's: "her
// grandma Rosa".
var nameOwners = advSet("her", "his", "their", "my", "our", "your", "its")

// nameAfterEponym reports whether toks[i] follows "named after" or "named
// for" and at most three words that describe who they were ("named after
// French physician Paul Broca").
func nameAfterEponym(toks []nameTok, i int) bool {
	for k := i - 1; k >= 1 && k >= i-4; k-- {
		w, before := strings.ToLower(toks[k].word), strings.ToLower(toks[k-1].word)
		if (w == "after" || w == "for") && before == "named" {
			return true
		}
		if nameOwners[w] {
			return false // "named after her grandma Rosa"
		}
		if strings.ContainsAny(toks[k+1].gap, ".!?;:\n") {
			return false
		}
	}
	return false
}

// nameTitleBefore reports whether a doctor's or other title stands right
// before toks[i]: "Dr. June Carter" is no patient.
func nameTitleBefore(toks []nameTok, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if nameTitles[strings.ToLower(toks[k].word)] {
			return true
		}
		if !nameJoined(toks[k+1].gap) {
			return false
		}
	}
	return false
}

// nameFramed returns how many words from toks[i] on make a given name in a
// frame only a person fits, whatever else the words could be (a month, a
// town, an ordinary word): a greeting right before it and the end of a
// phrase after it ("Congrats June on your first 10K", "Happy graduation
// Will!!"), "little" or "baby" before it ("little Tyler"), or a relative
// after its possessive ("Grace's dad"). It returns 0 if there is none.
func nameFramed(s string, toks []nameTok, i int, allow *Allow, lx nameLexicon) int {
	t := toks[i]
	if !lx.given(t.word) || phiNameAllowed(t.word, allow) || lx.known(strings.Fields(t.raw)) > 0 {
		return 0
	}
	// The name may go on with a surname or an initial: "Tyler Brooks", "Mason K.".
	n := 1
	if !t.poss && i+1 < len(toks) && toks[i+1].capital && nameJoined(toks[i+1].gap) && !toks[i+1].upper {
		pair := []string{t.raw, toks[i+1].raw}
		next := strings.ToLower(strings.TrimRight(toks[i+1].word, "."))
		if nameBuildings[next] || next == "park" && lx.place(pair[:1]) > 0 || lx.place(pair) == 2 || lx.known(pair) > 0 {
			return 0 // "Thank you Washington Park"
		}
		n = 2
	}
	last := toks[i+n-1]
	if last.poss {
		if i+n < len(toks) && nameGreetKin[strings.ToLower(toks[i+n].word)] && !toks[i+n].capital {
			return n // "Grace's dad", "Hunter's mom"
		}
		return 0
	}
	rest := s[last.end:]
	if nameFrameAge.MatchString(rest) || n == 2 && nameInitial(last.word) && nameRE.act.re.MatchString(strings.TrimPrefix(rest, ".")) {
		return n // "Ruby, 5 — first-ever eye exam", "Mason K. finally got his cast off"
	}
	if nameCaptioned(s, toks, i) {
		return n // "L-R: Mei, Lin and baby Jun"
	}
	if nameAddressed(s, toks, i, n) && nameYourCare(s, t.start) {
		return n // "Sorry about the wait, Yuki — see you at your allergy shot appointment"
	}
	if i == 0 || strings.ContainsAny(t.gap, ".!?\n:;") {
		return 0
	}
	prev := strings.ToLower(toks[i-1].word)
	prev2 := ""
	if i >= 2 && !strings.ContainsAny(toks[i-1].gap, ".!?\n:;,") {
		prev2 = strings.ToLower(toks[i-2].word)
	}
	if (prev == "little" || prev == "baby") && !nameCalendar[strings.ToLower(t.word)] {
		return n // "little Tyler", "baby Jun"
	}
	greeted := nameFrameGreets[prev] || prev == "to" && (prev2 == "congrats" || prev2 == "congratulations" || prev2 == "out") ||
		prev == "of" && prev2 == "proud" || prev == "you" && prev2 == "thank" || prev2 == "happy" && nameFrameDays[prev]
	if !greeted {
		return 0
	}
	after := strings.TrimLeft(s[last.end:], " ")
	if nameCalendar[strings.ToLower(t.word)] {
		// "Welcome Spring!" greets a season; "Congrats June on …" a person.
		if prev == "welcome" || prev2 == "happy" || !strings.HasPrefix(after, "on ") && !strings.HasPrefix(after, "for ") {
			return 0
		}
		return n
	}
	if after == "" || strings.ContainsRune("!,.?:;—–", []rune(after)[0]) || strings.HasPrefix(after, "on ") ||
		strings.HasPrefix(after, "for ") || strings.HasPrefix(after, "and ") {
		return n
	}
	return 0
}

// nameJoined reports whether the text between two words joins them in a
// name: a space, or the period and space after an initial.
func nameJoined(gap string) bool {
	return gap == " " || gap == ". "
}

// nameFull reports whether run, two or three capitalised words, is a
// person's full name.
//
// Words that are also ordinary ones ("Grace Hill") make a name only when
// greeted: a sentence of thanks or congratulations says it between commas.
func nameFull(run []nameTok, allow *Allow, lx nameLexicon, greeted func() bool) bool {
	var ws []string
	for _, t := range run {
		ws = append(ws, t.word)
	}
	if phiNameAllowed(strings.Join(ws, " "), allow) {
		return false
	}
	first, last := run[0].word, run[len(run)-1].word
	ordFirst, ordLast := lx.word(first), lx.word(last)
	if (ordFirst && ordLast || ordFirst && run[0].lead) && !greeted() {
		return false
	}
	given := lx.given(first) || nameInitial(first)
	sur := nameSurname(last, lx)
	switch {
	case given && (sur || !ordLast && nameShape(last)):
	case !ordFirst && nameShape(first) && sur && !ordLast:
	default:
		return false
	}
	for _, t := range run[1 : len(run)-1] {
		if !lx.given(t.word) && !nameInitial(t.word) && !nameSurname(t.word, lx) {
			return false
		}
	}
	return true
}

// nameFameWords in a sentence make a full name in it a public figure's:
// "Frida Kahlo kept painting through years of pain".
var nameFameWords = advSet("famous", "famously", "legend", "legendary", "icon", "iconic", "celebrity",
	"superstar", "author", "wrote", "writer", "novelist", "novel", "memoir", "poet", "poem", "painter",
	"painting", "painted", "artist", "singer", "sang", "song", "songs", "album", "rapper", "musician",
	"composer", "actor", "actress", "film", "movie", "movies", "tv", "comedian", "athlete", "olympian",
	"olympics", "olympic", "championship", "nba", "nfl", "mlb", "nhl", "wnba", "quarterback", "pitcher",
	"medalist", "president", "presidents", "senator", "congress", "inventor", "invented", "scientist",
	"discovered", "nobel", "oscar", "grammy", "emmy", "astronaut", "historical", "documentary", "podcast",
	"biography", "founder", "pioneer", "pioneered", "publicly", "announcement", "announced", "advocate",
	"activist", "fans", "openly", "revealed")

// nameFame reports whether the sentence around offset i speaks of a
// public figure: it holds a year or a word of fame.
func nameFame(s string, i int) bool {
	sentence := advSentence(s, i, i)
	if strings.Contains(strings.ToLower(sentence), "open about") {
		return true // "has been open about living with …"
	}
	for _, w := range advWords(sentence, 80) {
		// A year before this century is history; a recent one may be a
		// patient's.
		if nameFameWords[w] || len(w) == 4 && (strings.HasPrefix(w, "18") || strings.HasPrefix(w, "19")) && medNumber(w) {
			return true
		}
	}
	return false
}

// nameSurname reports whether w is a surname, or a hyphenated one with a
// surname in it.
func nameSurname(w string, lx nameLexicon) bool {
	if lx.surname(w) {
		return true
	}
	if a, b, ok := strings.Cut(w, "-"); ok {
		return lx.surname(a) || lx.surname(b)
	}
	return false
}

// nameSingle adds toks[i], a capitalised word, if it is a name in a frame.
func nameSingle(s string, toks []nameTok, i int, allow *Allow, lx nameLexicon, add phiAdd) {
	t := toks[i]
	w := t.word
	if phiNameAllowed(w, allow) || !nameShape(w) && !(t.upper && len(w) >= 3) {
		return
	}
	ord := lx.word(w)
	if ord && t.lead && !t.poss {
		return // "May is …", "Will your insurance …"
	}
	given, sur := lx.given(w), lx.surname(w)
	if !given && !sur && ord {
		return
	}
	lineStart := strings.LastIndexByte(s[:t.start], '\n') + 1
	before := s[max(lineStart, t.start-80):t.start]
	rest := s[t.end:]
	if k := strings.IndexByte(rest, '\n'); k >= 0 {
		rest = rest[:k]
	}
	rest = rest[:min(len(rest), 80)]
	after := rest
	if t.poss {
		after = strings.TrimLeft(after, "'’sS")
	}
	if lx.town(w) && nameTownList(toks, i, lx) {
		return // "families from Rochester, Sherman, Chatham"
	}
	name := given || sur && !ord || !ord && !given && !sur && utf8.RuneCountInString(w) >= 3
	switch {
	case name && nameGreeting(s, toks[i:i+1]):
	case name && nameGreeted(s, toks, i):
	case name && nameRE.age.re.MatchString(after):
	case !t.poss && (given && (!ord || !t.lead) || sur && !ord && !t.lead) && nameRE.act.re.MatchString(after):
	case t.poss && (given || sur) && !ord && i+1 < len(toks):
	case name && (given || sur) && !ord && strings.HasPrefix(strings.TrimLeft(after, " "), "("):
		// "Skylar (the teen with the broken wrist)"
	case nameThe(before) && (given || sur || !ord) && nameRE.family.re.MatchString(after):
	case nameThe(before) && !t.poss && nameRE.plural.re.MatchString(w) && namePlural(w, lx):
	default:
		return
	}
	add("PHI-NAME", t.start, t.end)
}

// nameGreeted reports whether a greeting ends right before toks[i]: one
// of the few words before it is a greeting's, and greet matches the text
// before it on its line.
func nameGreeted(s string, toks []nameTok, i int) bool {
	near := false
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		if nameGreetKeys[strings.ToLower(toks[k].word)] || strings.HasSuffix(toks[k].word, "old") {
			near = true
			break
		}
		if strings.ContainsRune(toks[k+1].gap, '\n') {
			break
		}
	}
	if !near {
		return false
	}
	t := toks[i]
	lineStart := strings.LastIndexByte(s[:t.start], '\n') + 1
	return nameRE.greet.re.MatchString(s[max(lineStart, t.start-80):t.start])
}

// nameGreetKeys are the words greet's greetings and frames hold.
var nameGreetKeys = advSet("happy", "birthday", "bday", "hbd", "congratulations", "congrats", "welcome", "thank",
	"thanks", "shout", "shoutout", "shoutouts", "outs", "well", "pictured", "featured", "meet", "hi", "hello",
	"five", "fives", "off", "kudos", "go", "luck", "proud", "miss", "peace", "rip", "memory", "remembering",
	"cheers", "hugs", "hug", "better", "work", "job", "done", "bravo", "spotlight", "week", "month", "patient",
	"love", "prayers", "wishes", "props", "star", "sticker", "stickers", "medal", "award", "trophy", "applause",
	"bump", "vibes", "thoughts", "energy", "send", "sending", "ups", "tks", "thx", "ty", "thnx", "tysm", "day",
	"remember", "hey", "dear", "yo", "that's", "here's", "mamá", "mama", "papá", "hija", "hijo", "abuela",
	"abuelo", "bebé", "bebe", "señora", "senora", "señor", "senor", "sra", "sr", "patients", "client",
	"clients", "regular", "regulars", "pt", "neighbor", "neighbour", "photo", "photos", "pic", "pics",
	"picture", "video", "caption", "selfie", "snapshot", "l", "r", "left", "little", "baby", "sweet", "brave",
	"tiny", "precious", "young", "handsome", "adorable", "cutie", "master", "grandma", "grandpa", "granny",
	"nana", "papa", "aunt", "auntie", "uncle", "cousin", "sister", "brother", "son", "daughter", "twin",
	"twins", "niece", "nephew", "grandson", "granddaughter", "husband", "wife", "mom", "dad", "friend",
	"buddy", "pal", "champ", "kiddo", "superstar", "warrior", "fighter", "hero", "girl", "boy", "named",
	"called", "this", "that", "here", "to", "for", "of", "with")

// nameGreetKin are the relatives a possessive name may have: "Grace's dad".
var nameGreetKin = advSet("mom", "mother", "mama", "mum", "dad", "father", "papa", "husband", "wife", "son",
	"daughter", "sister", "brother", "grandma", "grandpa", "grandmother", "grandfather", "grandson",
	"granddaughter", "parents", "family", "aunt", "uncle", "twin", "partner", "fiancé", "fiance", "boyfriend",
	"girlfriend", "kids", "baby", "caregiver", "niece", "nephew", "stepdad", "stepmom")

// nameFrameGreets are the words of greeting right before a name in
// nameFramed; nameFrameDays the days "happy" wishes one: "Happy
// graduation Will!!".
var (
	nameFrameGreets = advSet("congrats", "congratulations", "welcome", "thanks", "bravo", "kudos", "hbd")
	nameFrameDays   = advSet("birthday", "bday", "graduation", "retirement", "anniversary", "gotcha", "day")
)

// nameGreetEnds are the words a greeting before a name in lower case ends
// with: "happy birthday sofia", "welcome baby ava", "thank you chloe".
var nameGreetEnds = advSet("named", "called", "birthday", "bday", "hbd", "congrats", "congratulations", "welcome", "thanks", "thx",
	"ty", "you", "to", "for", "hi", "hey", "hello", "dear", "little", "baby", "sweet", "brave", "meet", "pictured",
	"go", "love", "miss", "hugs", "cheers", "bravo", "proud", "of")

// nameGreetWords make a sentence a greeting.
var nameGreetWords = advSet("happy", "welcome", "congrats", "congratulations", "thanks", "thank", "cheers", "hugs",
	"proud", "bravo", "birthday", "bday", "hbd", "kudos", "shoutout", "miss", "love", "hooray", "yay", "woohoo")

// nameGreeting reports whether run is said to someone, set off by commas
// or ending its sentence, in a sentence of greeting or thanks:
// "Welcome home from deployment, Luis!", "Thanks for the card, Grace
// Hill, and …".
func nameGreeting(s string, run []nameTok) bool {
	first, last := run[0], run[len(run)-1]
	if last.poss {
		return false
	}
	before := strings.TrimRight(first.gap, " ")
	if !first.lead && !strings.HasSuffix(before, ",") {
		return false
	}
	after := strings.TrimLeft(s[last.end:], " ")
	if after != "" && !strings.ContainsRune(",!.?;:)", rune(after[0])) && !strings.HasPrefix(after, "—") && !strings.HasPrefix(after, "–") {
		return false
	}
	return advAny(advWords(advSentence(s, first.start, last.end), 60), nameGreetWords)
}

// nameThe reports whether before ends with the word "the".
func nameThe(before string) bool {
	b := strings.ToLower(strings.TrimRight(before, " "))
	for _, adj := range []string{" whole", " entire", " lovely", " sweet", " amazing", " wonderful", " awesome"} {
		b = strings.TrimSuffix(b, adj) // "the whole Ramirez clan"
	}
	return strings.HasSuffix(b, " the") || b == "the"
}

// namePlural reports whether w is a surname in the plural: "Garcias",
// "Joneses".
func namePlural(w string, lx nameLexicon) bool {
	for _, suf := range []string{"es", "s"} {
		if base, ok := strings.CutSuffix(w, suf); ok && lx.surname(base) && !lx.word(base) {
			return true
		}
	}
	return false
}

// nameLower adds toks[i], a word in lower case, if it is a given name
// after a greeting: "happy birthday sofia".
func nameLower(s string, toks []nameTok, i int, allow *Allow, lx nameLexicon, add phiAdd) {
	t := toks[i]
	// Only a word after a greeting's last word may be a name: most
	// words of most texts are not, and need no look-up.
	if i == 0 || !nameGreetEnds[strings.ToLower(toks[i-1].word)] || utf8.RuneCountInString(t.word) < 3 || lx.word(t.word) {
		return
	}
	title := strings.ToUpper(t.word[:1]) + t.word[1:]
	if !lx.given(title) || phiNameAllowed(title, allow) {
		return
	}
	if nameGreeted(s, toks, i) {
		add("PHI-NAME", t.start, t.end)
	}
}

// nameBuildings are words after a name that make it a place's: streets,
// schools, buildings.
var nameBuildings = advSet("rd", "road", "street", "ave", "avenue", "blvd", "boulevard", "ln", "school",
	"elementary", "high", "middle", "academy", "center", "centre", "hospital", "library", "stadium", "arena",
	"bridge", "college", "university", "institute", "foundation", "plaza", "square", "trail", "parkway", "pkwy",
	"highway", "hwy", "ct", "circle", "drive", "pavilion", "auditorium", "gym", "pool", "ymca", "lake", "field", "fields", "garden", "gardens", "zoo", "museum", "church", "mall")

// nameTownList reports whether toks[i] stands in a list of towns, next to
// another: "families from Rochester, Sherman, Chatham".
func nameTownList(toks []nameTok, i int, lx nameLexicon) bool {
	town := func(k int) bool { return k >= 0 && k < len(toks) && toks[k].capital && lx.town(toks[k].word) }
	listed := func(k int) bool { return strings.Contains(toks[k].gap, ",") } // toks[k] follows a comma
	and := func(k int) bool { return k < len(toks) && strings.EqualFold(toks[k].word, "and") }
	return town(i-1) && listed(i) || town(i+1) && listed(i+1) || and(i+1) && town(i+2) || i >= 2 && and(i-1) && town(i-2)
}

// nameActs reports whether a verb of something that happened follows t:
// "Grace Hill came in".
func nameActs(s string, t nameTok) bool {
	return !t.poss && nameRE.act.re.MatchString(s[t.end:min(len(s), t.end+80)])
}

// nameLowerFull reports whether a and b, two words in lower case, are a
// given name and a surname that are no ordinary words: "walter stanek".
func nameLowerFull(a, b nameTok, allow *Allow, lx nameLexicon) bool {
	if b.gap != " " || a.poss || len(a.word) < 3 || len(b.word) < 3 || lx.word(a.word) || lx.word(b.word) {
		return false
	}
	first := strings.ToUpper(a.word[:1]) + a.word[1:]
	last := strings.ToUpper(b.word[:1]) + b.word[1:]
	return lx.given(first) && lx.surname(last) && !phiNameAllowed(first+" "+last, allow)
}

// censusNames is the nameLexicon of the names faqcast ships.
type censusNames struct{ l *names.Lexicon }

// nameLex returns the shipped lexicon, read once per process.
func nameLex() censusNames { return censusNames{names.Load()} }

func (c censusNames) given(w string) bool   { return c.l.Given(w) >= 0.5 }
func (c censusNames) surname(w string) bool { return c.l.Surname(w) > 0 }
func (c censusNames) word(w string) bool    { return c.l.Word(w) >= 50 }

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
