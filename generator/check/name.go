package check

import (
	"strings"
	"sync"
	"unicode/utf8"
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

// nameTitles before a name make it a clinician's or a public figure's.
var nameTitles = advSet("dr", "doctor", "drs", "prof", "professor", "president", "senator", "sen", "governor",
	"gov", "rep", "representative", "saint", "st", "mayor", "judge", "justice", "pope", "king", "queen",
	"prince", "princess", "sir", "dame", "lord", "general", "nurse", "np", "pa", "rn", "dds", "md",
	"mr", "mrs", "ms", "miss", "mx", "mister", "dra", "doc", "lic", "lcdo", "lcda", "licenciado", "licenciada",
	"monseñor", "mons", "papa", "ing", "ingeniero", "ingeniera", "maestra", "maestro", "profesora", "padre", "fray", "sor")

// nameCalendar are capitalised words of dates and seasons.
var nameCalendar = advSet("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
	"dec", "christmas", "easter", "thanksgiving", "halloween", "hanukkah", "kwanzaa", "ramadan", "diwali",
	"eid", "passover", "valentine", "memorial", "labor", "independence", "juneteenth", "spring", "summer",
	"fall", "autumn", "winter", "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun", "feliz",
	"navidad", "prospero", "año", "nuevo", "merry", "happy", "felices", "enero", "febrero", "marzo", "abril",
	"mayo", "junio", "julio", "agosto", "septiembre", "setiembre", "octubre", "noviembre", "diciembre",
	"lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "pascua", "semana", "santa")

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

// namePatterns are the patterns of nameRE.
type namePatterns struct {
	greet, age, act, family, plural *pattern
}

var nameRE = sync.OnceValue(func() namePatterns {
	return namePatterns{
		// A greeting or a word of endearment before a name.
		greet: compile(`(?i)(?:\b(?:happy|hbd)\s+(?:(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|sweet\s+16|big|belated)\s+)?(?:birthday|bday|b-day)|\bhappy\s+(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:days?|weeks?|months?|years?)|\bhbd|\bcongratulations|\bcongrats|\bwelcome(?:\s+(?:to\s+the\s+world|home|back))?|\bthank\s+you(?:\s+so\s+much)?|\bappreciate\s+(?:you|ya)|\bthanks(?:\s+so\s+much)?|\bshout[\s-]?outs?|\bget\s+well(?:\s+soon)?|\bpictured|\bfeatured|\bmeet|\bsay\s+(?:hi|hello)\s+to|\bhigh[\s-]fives?|\bhats\s+off|\bkudos|\bway\s+to\s+go|\bgood\s+luck|\bproud\s+of|\bwe\s+miss(?:\s+you)?|\brest\s+in\s+peace|\brip|\bin\s+memory\s+of|\bremembering|\bcheers|\bhugs|\bfeel\s+better(?:\s+soon)?|\bnice\s+work|\bgreat\s+job|\bwell\s+done|\bbravo|\bspotlight|\bof\s+the\s+(?:week|month)|\bstar\s+patient|\b(?:hugs?|love|prayers|wishes|props|star|stickers?|medal|award|trophy|applause|fist\s+bump|high\s+five|vibes|thoughts|energy|shout)\s+(?:to|for)|\bsend(?:ing)?\s+(?:[\pL-]+\s+){0,4}?(?:to|for)|\b(?:ups|props|tks|thx|ty|thnx|tysm|day|remember|hey|hi|hello|dear|yo|that['’]s|this\s+is|here['’]s|mam[áa]|pap[áa]|hija|hijo|abuela|abuelo|beb[ée]|se[ñn]ora|se[ñn]or|sra\.?|sr\.?|don|do[ñn]a|en\s+la\s+(?:foto|imagen)|ella\s+es|[eé]l\s+es|aqu[ií]|miren\s+a|te\s+extra[nñ]amos(?:\s+en\s+[\pL\s]{1,30}?)?|feliz\s+cumplea[nñ]os(?:\s+a)?|felicidades(?:\s+a)?)(?:\s+(?:to|for|de|del))?|\b\d+[\s-](?:years?|yrs?|months?|mos?|weeks?|wks?)[\s-]old|\b(?:patient|patients|client|clients|regular|regulars|pt|neighbor|neighbour)|\b(?:session|visit|appointment|appt|chat|call|time|checkup|check-in)\s+with|\b(?:boy|girl|lady|man|woman|kid|guy|gentleman|teen|patient|client|mom|dad|baby)\s+(?:[\pL'’-]+\s+){0,5}?[\pL'’-]+,|\b(?:photo|photos|pic|pics|picture|video|caption|selfie|snapshot|l\s*[–-]\s*r|left\s+to\s+right|from\s+left)|\b(?:little|baby|sweet|brave|tiny|precious|young|handsome|adorable|cutie|miss|master|grandma|grandpa|granny|nana|papa|aunt|auntie|uncle|cousin|sister|brother|son|daughter|twin|twins|niece|nephew|grandson|granddaughter|husband|wife|mom|dad|mama|friend|buddy|pal|champ|kiddo|superstar|warrior|fighter|hero|girl|boy|named|called))(?:[\s,:;.!\-–—]+(?:to|of|for|on|with|our|your|his|her|their|little|sweet|baby|brave|big|buddy|friend|patient|patients|favorite|amazing|awesome|wonderful|beautiful|new|newest|youngest|oldest|tiny|miss|mr|ms|mrs|dear|and|&|girl|boy|guy|man|lady|brother|sister|above|below|here|left|right|center|caption|\d+-(?:year|month|week|day)-old)|[\s,:!.\-–—\]\[()]+(?:photo|pic|caption|l\s*[–-]\s*r)|\s*\([^()\n]{0,40}\))*[\s,:!.\-–—\]\[()]*$`),
		// An age after a name: "Liam, 4,", "Ava (6)", "Sofia turned 7".
		age: compile(`(?i)^(?:\s+\p{Lu}\.)?(?:\s+(?:and|&)\s+\p{Lu}[\pL'’-]+)?(?:\s*,\s*(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)[\s-](?:years?|yrs?|months?|mos?|weeks?|days?)[\s-]old|\s*,\s*(?:age\s+|aged\s+)?\d{1,2}(?:\s*(?:months?|mos?|years?|yrs?|weeks?|y/?o))?\s*(?:,|\)|;|$|\s+and\b|\s+(?:after|before|at|with|who|is|was|from)\b)|\s*\(\s*(?:age\s+)?\d{1,2}(?:\s*(?:months?|mos?|years?|yrs?|y/?o))?\s*\)|\s*,\s*(?:age|aged)\s+\d|\s+(?:turned|turns|is\s+turning|just\s+turned)\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+year)|\s+(?:is|was)\s+(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:today|now|years?|months?|weeks?)\b|\s*[&+]\s*\p{Lu}|\s+and\s+(?:his|her|their)\s+(?:mom|mother|dad|father|parents?|sister|brother|grandma|grandpa|grandmother|grandfather|family|twin|baby|son|daughter|husband|wife)\b)`),
		// A verb of something that happened to the name.
		act: compile(`^\s+(?:just\s+|finally\s+|bravely\s+|totally\s+|officially\s+|also\s+|really\s+|proudly\s+)?(?:came|got|had|was|visited|broke|fell|needed|went|ran|left|made|took|gave|lost|won|beat|rocked|crushed|nailed|aced|survived|braved|conquered|finished|completed|graduated|celebrated|turned|showed|walked|hobbled|limped|stopped|dropped|brought|told|said|asked|wrote|sent|rolled|learned|started|tried|ate|slept|woke|cried|smiled|laughed|danced|sang|drove|flew|spent|hit|cut|burned|swallowed|sprained|tore|twisted|passed|delivered|welcomed|tested|scored|earned|reached|met|found|felt|kept|began|became|did|quit|hurt|put|set|let|read|shut|split|wore|rode|threw|caught|bit|sat|stood|slept|grew|knew|saw|heard|left|no[\s-]showed|is\s+(?:recovering|doing|feeling|home|back|healing|here|now|officially|finally|expecting|pregnant|on\s+the\s+mend|all\s+better|cancer[\s-]free|walking|running|cast[\s-]free|\d)|has\s+(?:been|had|finished|beaten|beat|recovered|completed)|[a-z]{3,}ed)\b`),
		// "the Nakamura family"
		family: compile(`(?i)^\s+(?:family|families|household|twins|triplets|kids|children|boys|girls|clan|crew|siblings|sisters|brothers|bunch|gang|squad|party|home)\b`),
		// "the Garcias", "the Joneses"
		plural: compile(`^(?:\p{Lu}[\pL'’-]+?)(?:es|s)$`),
	}
})

// nameSpace is scratch space for the name rule's words of a text, which
// a scan keeps for the next.
type nameSpace struct {
	toks      []nameTok
	words     []string
	protected []bool
}

// phiBareNames adds the names in sc's text that no cue word announces,
// reading its words in the scan's space.
func phiBareNames(sc *scan, allow *Allow, lx nameLexicon, add phiAdd) {
	s, sp := sc.s, &sc.names
	sp.toks = nameTokens(s, sc.lower(), sp.toks)
	toks := sp.toks
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
	words := sp.words[:0]
	for _, t := range toks {
		words = append(words, t.raw)
	}
	sp.words = words
	// Protect the names that are not patients': after a title, places,
	// well-known names and brands.
	protected := append(sp.protected[:0], make([]bool, len(toks))...)
	sp.protected = protected
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if nameTitles[t.low] && (capital(t) || t.word == "dr" || nameSpanishLowTitles[t.low]) {
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
		if t.lead && nameSpanishLead[t.low] && !nameSpanishPlaceWords[t.low] {
			// "Según la etiqueta", "Si un diente se sale", "Una seguidora":
			// a word of the sentence, not a name. (An article may start a
			// place's name: "La Paz".)
			protected[i] = true
			continue
		}
		if n := nameSpanishPlace(toks, i, capital); n > 0 {
			// "Calle Concepción", "el Jardín Hidalgo", "La Paz", "Día
			// Mundial de la Salud", "nuestra enfermera Dayanara López".
			for j := i; j < i+n; j++ {
				protected[j] = true
			}
			i += n - 1
			continue
		}
		if nameAfterEponym(toks, i) || t.poss && i+1 < len(toks) && nameEponymNouns[toks[i+1].low] {
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
			if b := strings.TrimRight(toks[k].low, "."); k > i && (nameBuildings[b] || b == "park" && !lx.given(toks[i].word)) {
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
		if low := t.low; nameCalendar[low] || nameCalendar[strings.TrimSuffix(low, "s")] || nameWorld[low] || nameCredentials[low] {
			continue
		}
		j := i + 1
		for j < len(toks) && j-i < 3 && capital(toks[j]) && !protected[j] && !toks[j-1].poss && nameJoined(toks[j].gap) &&
			!nameCalendar[toks[j].low] {
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
	"activist", "fans", "openly", "revealed",
	// The same in Spanish.
	"famoso", "famosa", "leyenda", "ícono", "icono", "cantante", "cantaba", "canción", "canciones", "poema",
	"poemas", "poeta", "poetisa", "escritor", "escritora", "escribió", "novela", "pintor", "pintora", "pintó",
	"actriz", "película", "tenista", "futbolista", "deportista", "campeón", "campeona", "premio", "creada",
	"creado", "creó", "inventó", "descubrió", "fundadora", "figuras", "dicho", "homenaje", "honor", "orgullo",
	"cámaras", "televisión")

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
	case name && nameRE().age.re().MatchString(after):
	case !t.poss && (given && (!ord || !t.lead) || sur && !ord && !t.lead) && nameRE().act.re().MatchString(after):
	case t.poss && (given || sur) && !ord && i+1 < len(toks):
	case name && (given || sur) && !ord && strings.HasPrefix(strings.TrimLeft(after, " "), "("):
		// "Skylar (the teen with the broken wrist)"
	case nameThe(before) && (given || sur || !ord) && nameRE().family.re().MatchString(after):
	case nameThe(before) && !t.poss && nameRE().plural.re().MatchString(w) && namePlural(w, lx):
	default:
		return
	}
	add("PHI-NAME", t.start, t.end)
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
	if i == 0 || !nameGreetEnds[toks[i-1].low] || utf8.RuneCountInString(t.word) < 3 || lx.word(t.word) {
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
	return !t.poss && nameRE().act.re().MatchString(s[t.end:min(len(s), t.end+80)])
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

// Spanish puts the kind of a place before its name ("Calle Concepción",
// "Escuela Lincoln", "Farmacia Los Prados"), names places with an article
// or a saint ("La Paz", "El Rosario", "San Salvador"), days with "Día"
// ("Día Mundial de la Salud"), and the practice's people with their role
// ("nuestra enfermera Dayanara López").
var (
	// nameSpanishKinds are the kinds of place or organisation whose
	// name follows them.
	nameSpanishKinds = advSet("calle", "avenida", "av", "avda", "boulevard", "bulevar", "blvd", "carretera",
		"camino", "paseo", "calzada", "jardín", "jardin", "plaza", "parque", "escuela", "colegio", "liceo",
		"universidad", "instituto", "hospital", "clínica", "clinica", "farmacia", "urgencias", "centro",
		"consultorio", "residencial", "urbanización", "urbanizacion", "colonia", "col", "barrio", "sector",
		"reparto", "fraccionamiento", "municipio", "provincia", "estado", "departamento", "iglesia",
		"parroquia", "capilla", "restaurante", "panadería", "panaderia", "mercado", "supermercado", "tienda",
		"fundación", "fundacion", "asociación", "asociacion", "cruz", "hogar", "día", "dia", "semana", "feria",
		"jornada", "festival", "torneo", "copa", "biblioteca", "museo", "teatro", "estadio", "cancha", "club",
		"óptica", "optica", "sede", "sucursal", "localidad", "pueblo", "ciudad", "floristería", "floristeria",
		"taller", "salón", "salon", "cafetería", "cafeteria", "café", "hotel", "agencia", "programa", "unidad")
	// nameSpanishPlaceWords start a place's name: articles and saints.
	nameSpanishPlaceWords = advSet("la", "el", "los", "las", "san", "santa", "santo", "nuestra", "villa", "ciudad",
		"puerto", "bahía", "valle", "monte", "cerro", "río", "rio", "isla", "sierra", "costa")
	// nameSpanishRoles are the roles of a practice's people, said before
	// their name after "nuestro" or "nuestra".
	nameSpanishRoles = advSet("enfermera", "enfermero", "recepcionista", "asistente", "técnico", "técnica",
		"tecnico", "tecnica", "psicóloga", "psicólogo", "psicologa", "psicologo", "farmacéutica", "farmacéutico",
		"secretaria", "secretario", "terapeuta", "doctora", "doctor", "dentista", "higienista", "coordinadora",
		"coordinador", "directora", "director", "gerente", "médica", "médico", "medica", "medico", "pediatra",
		"trabajadora", "trabajador", "consejera", "consejero", "auxiliar", "administradora", "administrador",
		"nutrióloga", "nutriólogo", "nutricionista", "odontóloga", "odontólogo", "ortodoncista", "psiquiatra",
		"voluntaria", "voluntario", "compañera", "compañero", "colega", "practicante", "residente", "interna",
		"fisioterapeuta", "fisio", "kinesióloga", "kinesiólogo", "kinesiologa", "kinesiologo", "osteópata",
		"quiropráctica", "quiropráctico", "optometrista", "óptica", "óptico", "podóloga", "podólogo", "logopeda",
		"fonoaudióloga", "fonoaudiólogo", "partera", "comadrona", "doula", "promotora", "promotor", "intérprete")
)

// nameSpanishPlace returns how many words from toks[i], a capitalised
// one, name a place, an organisation, a day or one of the practice's
// people rather than a patient, by the Spanish words around them; 0 if
// none.
func nameSpanishPlace(toks []nameTok, i int, capital func(nameTok) bool) int {
	// run returns how many words from k on are capitalised and joined,
	// with the joining words of Spanish names ("Plaza de Armas", "Día de
	// Todos los Santos").
	run := func(k int) int {
		n := 0
		for j := k; j < len(toks) && j-k < 6; j++ {
			if j > k && !nameJoined(toks[j].gap) {
				break
			}
			if capital(toks[j]) {
				n = j - k + 1
				continue
			}
			if j > k && nameSpanishJoin[toks[j].low] {
				continue
			}
			break
		}
		return n
	}
	t := toks[i]
	if low := strings.TrimSuffix(t.low, "."); nameSpanishKinds[low] || nameSpanishPlaceWords[low] && !t.lead {
		// The kind or the article is part of the name: "Calle
		// Concepción", "La Paz", "Santa Tecla".
		if i+1 < len(toks) && nameJoined(toks[i+1].gap) && (capital(toks[i+1]) || nameSpanishJoin[toks[i+1].low]) {
			if n := run(i + 1); n > 0 {
				return n + 1
			}
		}
		if nameSpanishKinds[low] {
			return 1
		}
	}
	if i > 0 && nameJoined(t.gap) {
		prev := strings.TrimSuffix(toks[i-1].low, ".")
		ofKind := (prev == "de" || prev == "del" || prev == "en") && i > 1 && nameSpanishKinds[strings.TrimSuffix(toks[i-2].low, ".")]
		if nameSpanishKinds[prev] || ofKind || nameStaffBefore(toks, i) {
			return run(i) // "el kiosco del Jardín Hidalgo", "nuestra enfermera Dayanara López"
		}
	}
	// "Karla Morales, nuestra asistente dental"
	if n := run(i); n > 0 && i+n+1 < len(toks) && strings.HasPrefix(toks[i+n].gap, ",") && strings.HasPrefix(toks[i+n].low, "nuestr") &&
		(nameSpanishRoles[toks[i+n+1].low] || i+n+2 < len(toks) && nameSpanishRoles[toks[i+n+2].low]) {
		return n // "Karla Morales, nuestra (nueva) asistente dental"
	}
	return 0
}

// nameSpanishJoin are the small words inside a Spanish proper name.
var nameSpanishJoin = advSet("de", "del", "la", "las", "los", "y", "e")

// nameStaffBefore reports whether one of the practice's people is named by
// role in the few words before toks[i], in the same sentence: "nuestra
// (nueva) enfermera", "nuestro fisioterapeuta jefe,".
func nameStaffBefore(toks []nameTok, i int) bool {
	for k := i - 1; k >= 1 && k >= i-4; k-- {
		if strings.ContainsAny(toks[k+1].gap, ".!?:;\n") {
			return false
		}
		if nameSpanishRoles[toks[k].low] {
			for o := k - 1; o >= 0 && o >= k-2; o-- {
				if strings.HasPrefix(toks[o].low, "nuestr") {
					return true
				}
			}
		}
	}
	return false
}

// nameSpanishLowTitles are the titles Spanish writes in lower case before
// a name ("el papa Francisco", "la doctora Ruiz"); nameSpanishLead the
// words that start a Spanish sentence and are also given names elsewhere
// ("Según", "Una", "Si").
var (
	nameSpanishLowTitles = advSet("papa", "doctor", "doctora", "licenciado", "licenciada", "lic", "lcdo", "lcda", "licda",
		"maestra", "maestro", "padre", "monseñor", "profesor", "profesora", "ingeniero", "ingeniera", "presidente",
		"presidenta", "santa", "san", "fray", "sor")
	nameSpanishLead = advSet("según", "segun", "si", "una", "un", "las", "los", "el", "la", "en", "a", "de", "con",
		"para", "por", "hoy", "este", "esta", "estos", "estas", "cada", "como", "cuando", "donde", "ante", "tras",
		"desde", "hasta", "sin", "sobre", "entre", "aunque", "porque", "pero", "nuestro", "nuestra", "su", "sus")
)
