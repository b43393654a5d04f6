package check

import (
	"regexp"
	"strings"
)

// The frames only a person fits, which make a given name a name whatever
// else its word could be, and the greetings before a name.

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
	return strings.HasSuffix(gap, ",") || nameAddressWords[toks[i-1].low]
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
		if w == "you" && k+2 < len(words) && words[k+1] == "were" && words[k+2] == "seen" {
			return true // "per our records you were seen for …"
		}
		if w != "your" && !nameYourEs[w] {
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

// nameCareAfter reports whether the words from toks[k] on, in lower case,
// name one patient's care: a word of nameCareWords, or one after a single
// word ("flu shot", "lab results").
func nameCareAfter(toks []nameTok, k int) bool {
	for j := k; j < len(toks) && j < k+2; j++ {
		if toks[j].capital || !nameJoined(toks[j].gap) {
			return false
		}
		if nameCareWords[toks[j].low] {
			return true
		}
	}
	return false
}

// nameAddressWords greet the one a sentence is said to; nameCareWords are
// words of one patient's care.
var (
	nameAddressWords = advSet("hi", "hey", "hello", "dear", "thanks", "sorry", "welcome", "congrats",
		"hola", "gracias", "perdón", "perdon", "disculpe", "disculpa", "felicidades", "bienvenida", "bienvenido",
		"querida", "querido")
	// nameLittleEs are Spanish's "little" and "baby" before a name.
	nameLittleEs = advSet("pequeña", "pequeño", "chiquita", "chiquito", "bebé", "nena", "nene", "peque")
	// nameYourEs are Spanish's "your".
	nameYourEs    = advSet("su", "sus", "tu", "tus")
	nameCareWords = advSet("visit", "appointment", "appt", "results", "result", "test", "tests", "shot", "shots",
		"mammogram", "scan", "x-ray", "mri", "ct", "prescription", "refill", "chart", "diagnosis", "surgery",
		"procedure", "biopsy", "labs", "lab", "infusion", "injection", "treatment", "follow-up", "checkup",
		"screening", "vaccine", "panel", "culture", "smear", "ultrasound", "stitches", "cast", "repair", "recovery",
		"stay", "admission", "discharge", "delivery", "session", "sessions", "exam", "physical", "colonoscopy",
		"endoscopy", "bloodwork", "referral", "authorization", "records", "record", "medication", "medications",
		"meds", "therapy", "counseling", "consult", "consultation", "ekg", "ecg", "imaging", "x-rays", "dose",
		"booster", "brace", "splint", "sutures", "wound", "dressing", "prep", "cleaning", "filling", "crown",
		"extraction", "implant", "retainer", "braces", "aligners", "claim", "copay", "bill", "balance", "care",
		"plan", "pills", "inhaler", "insulin", "glucose", "cholesterol", "pressure", "bp", "a1c", "certification",
		"paperwork", "forms", "letter", "note", "clearance", "release",
		// The same in Spanish.
		"cita", "citas", "resultados", "resultado", "prueba", "pruebas", "vacuna", "vacunas", "receta", "recetas",
		"consulta", "cirugía", "cirugia", "tratamiento", "terapia", "sesión", "sesion", "sesiones", "radiografía",
		"radiografia", "análisis", "analisis", "laboratorio", "limpieza", "dosis", "medicina", "medicinas",
		"medicamento", "medicamentos", "pastillas", "presión", "presion", "azúcar", "azucar", "ultrasonido",
		"parto", "alta", "expediente", "factura", "espera", "operación", "operacion", "diagnóstico", "diagnostico")
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
		w, before := toks[k].low, toks[k-1].low
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
		if nameTitles[toks[k].low] {
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
	if i > 0 && toks[i-1].capital && nameJoined(t.gap) && lx.known([]string{toks[i-1].raw, t.raw}) > 0 {
		return 0 // the surname of someone well known: "Ronald Reagan's letter"
	}
	// The name may go on with a surname or an initial: "Tyler Brooks", "Mason K.".
	n := 1
	if !t.poss && i+1 < len(toks) && toks[i+1].capital && nameJoined(toks[i+1].gap) && !toks[i+1].upper {
		pair := []string{t.raw, toks[i+1].raw}
		next := strings.TrimRight(toks[i+1].low, ".")
		if nameBuildings[next] || next == "park" && lx.place(pair[:1]) > 0 || lx.place(pair) == 2 || lx.known(pair) > 0 {
			return 0 // "Thank you Washington Park"
		}
		n = 2
	}
	last := toks[i+n-1]
	if last.poss {
		if i+n < len(toks) && nameGreetKin[toks[i+n].low] && !toks[i+n].capital {
			return n // "Grace's dad", "Hunter's mom"
		}
		if !nameCalendar[t.low] && !nameWorld[t.low] && nameCareAfter(toks, i+n) {
			return n // "Jada's flu shot", "Owen's prior authorization"
		}
		return 0
	}
	rest := s[last.end:]
	if nameFrameAge.MatchString(rest) || n == 2 && nameInitial(last.word) && nameRE().act.re().MatchString(strings.TrimPrefix(rest, ".")) {
		return n // "Ruby, 5 — first-ever eye exam", "Mason K. finally got his cast off"
	}
	if nameCaptioned(s, toks, i) {
		return n // "L-R: Mei, Lin and baby Jun"
	}
	if nameAddressed(s, toks, i, n) && nameYourCare(s, t.start) {
		return n // "Sorry about the wait, Yuki — see you at your allergy shot appointment"
	}
	if (nameAddressed(s, toks, i, n) || i > 0 && (toks[i-1].low == "for" || toks[i-1].low == "to") && nameEndsPhrase(s[last.end:]) ||
		!nameCalendar[t.low] && nameActs(s, last)) && nameMilestone(s, t.start) {
		return n // "90 days sober, Sam!", "Reed just made it to a year without a drink", "Six months clean for Ty!"
	}
	if i == 0 || strings.ContainsAny(t.gap, ".!?\n:;") {
		return 0
	}
	prev := toks[i-1].low
	prev2 := ""
	if i >= 2 && !strings.ContainsAny(toks[i-1].gap, ".!?\n:;,") {
		prev2 = toks[i-2].low
	}
	if (prev == "little" || prev == "baby" || nameLittleEs[prev]) && !nameCalendar[t.low] {
		return n // "little Tyler", "baby Jun"
	}
	greeted := nameFrameGreets[prev] || prev == "to" && (prev2 == "congrats" || prev2 == "congratulations" || prev2 == "out") ||
		prev == "of" && prev2 == "proud" || prev == "you" && prev2 == "thank" || prev2 == "happy" && nameFrameDays[prev]
	if !greeted {
		return 0
	}
	after := strings.TrimLeft(s[last.end:], " ")
	if nameCalendar[t.low] {
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

// nameEndsPhrase reports whether after, the text after a name, ends a
// phrase: nothing, a stop, a comma or a dash.
func nameEndsPhrase(after string) bool {
	after = strings.TrimLeft(after, " ")
	return after == "" || strings.ContainsRune("!,.?:;—–)", []rune(after)[0])
}

// nameMilestoneRE is a milestone of recovery: a count of days, months or
// years sober, clean or without a drink, a smoke or self-harm, or a
// sobriety date, coin or chip.
var nameMilestoneRE = regexp.MustCompile(`\b(?:\d[\d,]*|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|thirty|forty|fifty|sixty|ninety|hundred|thousand)[\s-]+(?:(?:full|whole|straight)[\s-]+)?(?:days?|weeks?|months?|years?|yrs?|mos?)[\s-]+(?:of[\s-]+)?(?:sober|sobriety|clean|(?:smoke|nicotine|drug|alcohol|vape|tobacco|relapse|booze|pill|opioid)[\s-]?free|in\s+recovery|without\s+(?:a\s+|any\s+)?(?:drinks?|drinking|alcohol|drugs?|using|cigarettes?|smoking|smokes?|vaping|vapes?|nicotine|gambling|self[\s-]?harm|cutting|relapsing|relapse|opioids?|pills|purging|bingeing|binging))|\b(?:sober|sobriety|clean)[\s-]+(?:anniversary|birthday|date|milestone|coin|chip|medallion)|\b(?:\d+|one|two|three|five|ten)[\s-]+(?:years?|months?|days?)[\s-]+(?:coin|chip|medallion)\b`)

// nameMilestone reports whether the sentence around offset i tells of a
// milestone of recovery (see nameMilestoneRE): a name in it is the one
// who reached it.
func nameMilestone(s string, i int) bool {
	sentence := strings.ToLower(advSentence(s, i, i))
	if !strings.Contains(sentence, "sober") && !strings.Contains(sentence, "clean") && !strings.Contains(sentence, "without") &&
		!strings.Contains(sentence, "free") && !strings.Contains(sentence, "recovery") && !strings.Contains(sentence, "coin") &&
		!strings.Contains(sentence, "chip") && !strings.Contains(sentence, "medallion") {
		return false
	}
	return nameMilestoneRE.MatchString(sentence)
}

// nameGreeted reports whether a greeting ends right before toks[i]: one
// of the few words before it is a greeting's, and greet matches the text
// before it on its line.
func nameGreeted(s string, toks []nameTok, i int) bool {
	near := false
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		if nameGreetKeys[toks[k].low] || strings.HasSuffix(toks[k].word, "old") {
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
	return nameRE().greet.re().MatchString(s[max(lineStart, t.start-80):t.start])
}

// nameGreetKeys are the words greet's greetings and frames hold.
var nameGreetKeys = advSet("happy", "birthday", "bday", "hbd", "congratulations", "congrats", "welcome", "thank", "appreciate",
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
