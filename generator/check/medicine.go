package check

import (
	"slices"
	"strings"
	"sync"

	"github.com/faqcast/faqcast/internal/names"
)

// The ADVICE-MEDICINE rule finds instructions to one reader to start,
// stop, skip, delay, double or otherwise change a medicine, a dose or a
// vaccine: "Stop the amoxicillin once the fever is gone", "Skip the flu
// shot this year", "He doesn't need the booster", "It's fine to double
// her inhaler". Such an instruction is a clinician's decision about one
// patient. Education about medicines in general ("Many people stop
// antibiotics too early", "Don't stop a medicine without asking your
// doctor") is not flagged.
//
// A match is a verb of change followed, within a few words, by a medicine,
// a dose or a vaccine. It stands when the verb gives an instruction: it
// opens its clause (an imperative), or follows only words that make one
// ("you can", "it's fine to", "go ahead and", "your son should"). A
// negation turns a verb of taking into one of skipping ("don't give him
// the MMR yet" stands) and a verb of stopping into a safety warning
// ("never stop your inhaler" does not).

// medStartVerbs are the verbs of taking: negated, one is a skip ("don't
// give him the MMR yet"); other verbs of change negated are a warning
// ("never double a dose").
var medStartVerbs = advSet("take", "taking", "give", "giving", "start", "begin", "restart", "resume", "get", "getting", "use", "try", "add", "continue", "keep", "finish", "need", "needs", "have", "pick", "load", "stock", "put", "apply", "rub", "bother", "be")

// medPlain are the words that name medicines or vaccines in general; a
// start verb with no other object ("take your medicine") is not an
// instruction about one patient.
var medPlain = advSet("medicine", "medicines", "medication", "medications", "meds", "med", "pill", "pills",
	"tablet", "tablets", "capsule", "capsules", "prescription", "prescriptions", "vaccine", "vaccines",
	"vaccination", "vaccinations", "shot", "shots", "immunization", "immunizations", "immunisation", "flu",
	"covid", "booster", "boosters", "jab", "jabs", "mmr", "tdap", "dtap", "hpv", "rsv", "chickenpox", "varicella",
	"polio", "hepatitis", "rotavirus", "shingles", "pneumonia", "vitamin", "vitamins", "supplement", "supplements",
	"dose", "doses", "dosage", "antibiotic", "antibiotics")

// medVaccines are the words that name vaccines.
var medVaccines = advSet("vaccine", "vaccines", "vaccination", "vaccinations", "shot", "shots", "booster",
	"boosters", "jab", "jabs", "immunization", "immunizations", "immunisation", "mmr", "tdap", "dtap", "hpv")

// medMore words make a start verb's object a change of dose: "give him
// another dose", "take an extra pill".
var medMore = advSet("more", "extra", "another", "less", "half", "double", "twice", "second", "third", "two",
	"three", "higher", "lower", "bigger", "smaller", "stronger", "leftover", "leftovers", "old", "spare", "last",
	"someone", "rest")

// medWho words name one person: a negated start verb about them is a
// skip ("don't give him the shot"), as are the words of time that follow
// one ("not yet", "this year").
var medWho = advSet("him", "her", "he", "she", "son", "daughter", "baby", "husband", "wife", "yet", "anymore",
	"until", "year", "now", "today", "tonight", "season", "his", "another")

// medObjects are the words that name a medicine, a dose or a vaccine, in
// lower case.
var medObjects = advSet("medicine", "medicines", "medication", "medications", "meds", "med", "pill", "pills",
	"tablet", "tablets", "capsule", "capsules", "dose", "doses", "dosage", "dosing", "antibiotic", "antibiotics",
	"prescription", "prescriptions", "inhaler", "inhalers", "insulin", "drops", "cream", "ointment", "steroid",
	"steroids", "vaccine", "vaccines", "vaccination", "vaccinations", "shot", "shots", "booster", "boosters",
	"jab", "jabs", "immunization", "immunizations", "immunisation", "mmr", "tdap", "dtap", "hpv", "rsv",
	"covid", "flu", "chickenpox", "varicella", "polio", "hepatitis", "rotavirus", "shingles", "pneumonia",
	"patch", "supplement", "supplements", "statin", "statins", "thinner", "thinners", "antidepressant",
	"antidepressants", "ssri", "ssris", "syrup", "suppository", "nebulizer", "epipen", "injection",
	"injections", "infusion", "amoxicillin", "augmentin", "azithromycin", "zpack", "z-pack", "penicillin",
	"cephalexin", "keflex", "doxycycline", "ciprofloxacin", "bactrim", "acetaminophen", "paracetamol",
	"tylenol", "ibuprofen", "motrin", "advil", "aleve", "naproxen", "aspirin", "benadryl", "zyrtec",
	"claritin", "allegra", "flonase", "prednisone", "prednisolone", "metformin", "lisinopril", "albuterol",
	"levothyroxine", "synthroid", "lipitor", "atorvastatin", "zoloft", "sertraline", "prozac", "fluoxetine",
	"lexapro", "escitalopram", "adderall", "ritalin", "concerta", "melatonin", "miralax", "ozempic",
	"wegovy", "mounjaro", "eliquis", "xarelto", "warfarin", "coumadin", "plavix", "singulair", "montelukast",
	"flovent", "symbicort", "advair", "zofran", "ondansetron", "tamiflu", "oseltamivir", "omeprazole",
	"prilosec", "nexium", "pepcid", "famotidine", "gabapentin", "hydrocodone", "oxycodone", "tramadol",
	"xanax", "ativan", "klonopin", "valium", "lasix", "furosemide", "amlodipine", "losartan", "metoprolol",
	"pedialyte", "mucinex", "sudafed", "robitussin", "dayquil", "nyquil", "vitamin", "vitamins", "iron",
	"birth", "contraceptive", "contraceptives", "nicotine", "gum", "lozenges", "spray", "eyedrops", "dose's",
	"probiotic", "probiotics", "magnesium", "zinc", "calcium", "potassium", "omega-3", "fish", "oil", "turmeric",
	"ashwagandha", "elderberry", "echinacea", "cbd", "creatine", "collagen", "biotin", "b12", "glucosamine",
	"peroxide", "benzoyl", "retinol", "retinoid", "tretinoin", "salicylic", "adapalene", "differin",
	"minoxidil", "hydroquinone", "hydrocortisone", "cortisone", "antihistamine", "antihistamines",
	"decongestant", "laxative", "laxatives", "stool", "softener", "antacid", "antacids", "gel", "lotion",
	"mouthwash", "rinse", "patches", "tamiflu", "culturelle", "mylicon", "gripe", "drops", "paxlovid",
	"lantus", "humalog", "novolog", "jardiance", "farxiga", "trulicity", "spironolactone", "fluconazole",
	"valtrex", "valacyclovir", "acyclovir", "nitrofurantoin", "macrobid", "diflucan", "excedrin", "tums",
	"pepto", "imodium", "dramamine", "sensodyne", "orajel", "neosporin", "cortizone", "claritin-d",
	"meningococcal", "menb", "menacwy", "pneumococcal", "prevnar", "gardasil", "shingrix", "tetanus", "ipv",
	"hib", "hepb", "hepa", "mmrv", "bcg", "typhoid", "rabies", "influenza", "xanax", "bisphosphonate",
	"accutane", "isotretinoin", "rogaine", "wellbutrin", "bupropion", "hrt", "estrogen", "progesterone",
	"testosterone", "folic", "prenatal", "prenatals", "blocker", "blockers", "inhibitor", "tears", "botox",
	"fillers", "retin-a", "clomid", "letrozole", "metronidazole", "diflucan", "monistat", "valium", "ambien",
	"trazodone", "propranolol", "hydroxyzine", "buspirone", "lithium", "vyvanse", "strattera", "suboxone",
	"methadone", "naloxone", "insulin's", "glucagon", "tylenol's", "motrin's", "biologic", "biologics",
	"antibiotic's", "cream's", "preemie", "estradiol", "spironolactone's", "zpak", "z-pack's", "coreg",
	"allopurinol", "flomax", "tamsulosin", "lamisil", "terbinafine", "vaccinated", "immunized", "lexapro's",
	"warfarin's", "fiber", "antacid", "famotidine", "shingrix", "rotateq", "pediarix", "vaxelis", "heplisav")

// medSuffixes end the generic names of many medicines.
var medSuffixes = []string{"cillin", "mycin", "micin", "floxacin", "cycline", "pril", "sartan", "olol", "dipine",
	"statin", "prazole", "tidine", "triptan", "setron", "lukast", "formin", "gliptin", "glutide", "zepam",
	"zolam", "codone", "oxetine", "pramine", "xaban", "parin", "thyroxine", "olone", "asone", "profen",
	"phetamine", "phenidate", "azepine", "piprazole", "lamide", "semide", "thiazide", "vir", "conazole", "ilol",
	"dronate", "tadine", "sone", "lone", "pine", "zine", "mide", "tant", "lactone", "dil", "ciclovir", "afil", "phosphonate", "mab", "nib", "zole", "oxacin", "cort"}

// medLiterals returns the literals near which ADVICE-MEDICINE looks for
// its verbs: the medicines' words and suffixes, units of doses, and the
// drugs and health brands of the names lexicon.
func medLiterals() []string {
	return append(advKeys(medObjects, medUnits, medKnown), medSuffixes...)
}

// medKnown are the drugs and health brands of the names lexicon.
var medKnown = advSet(names.Medicines()...)

// medObject reports whether a lower-case word names a medicine, a dose or
// a vaccine.
func medObject(w string) bool {
	return medObjects[w] || medKnown[w] || medGeneric(w)
}

// medGeneric reports whether a lower-case word that is no everyday word
// ends as the generic names of many medicines do.
func medGeneric(w string) bool {
	if len(w) < 6 || !slices.ContainsFunc(medSuffixes, func(suf string) bool { return strings.HasSuffix(w, suf) }) {
		return false
	}
	// "Magazine" ends as promethazine does, but is an everyday word.
	return names.Load().Word(w) < 50
}

// medLead are the words that may stand before a verb of change in an
// instruction, between it and the start of its clause.
var medLead = advSet("just", "please", "so", "then", "and", "now", "also", "go", "ahead", "simply", "definitely",
	"i'd", "i", "we'd", "we", "would", "you", "you'd", "you'll", "can", "could", "should", "shouldn't", "may",
	"might", "need", "needs", "to", "will", "want", "wanna", "it's", "its", "it", "is", "fine", "ok", "okay",
	"safe", "alright", "all", "right", "better", "best", "feel", "free", "try", "no", "don't", "dont", "do",
	"not", "never", "doesn't", "does", "won't", "must", "have", "has", "got", "gotta", "ought", "really",
	"honestly", "probably", "totally", "completely", "go", "yes", "yeah", "sure", "suggest", "recommend",
	"advise", "your", "he", "she", "they", "him", "her", "them", "son", "daughter", "child", "kid", "kids",
	"baby", "husband", "wife", "partner", "mom", "dad", "little", "one", "toddler", "teen", "what", "id", "preemie", "kiddo", "newborn", "grab", "time", "twins", "u", "ur", "nah", "no", "dont", "honestly", "i'd",
	"grandma", "grandpa", "grandmother", "grandfather", "mother", "father", "kiddo", "infant", "newborn",
	"i'll", "let's", "lets", "go", "instead", "either", "time", "today", "tonight", "tomorrow", "for",
	"now,", "anymore", "that", "this", "year", "a", "while", "bit", "few", "days", "there's", "theres",
	"reason", "point", "sense", "good", "idea", "perfectly", "fine.", "quite", "wise", "smart", "easier",
	"easiest", "plan", "on", "tell", "told")

// medPronoun words stand for a medicine named before them.
var medPronoun = advSet("it", "them", "those", "these", "that", "'em", "em")

// medUnits are units of a dose, which name a medicine as well as its word.
var medUnits = advSet("mg", "mcg", "ml", "units", "iu", "milligrams", "tablets", "puffs", "sprays")

// medGerund words may stand between a verb and its object: "stop using it".
var medGerund = advSet("using", "taking", "giving", "with", "on")

// medNumber reports whether w is a number of digits, a dose without its
// unit: "try taking 40".
func medNumber(w string) bool {
	return w != "" && strings.Trim(w, "0123456789.,") == ""
}

// medSubject words are the reader or one person an instruction is for.
var medSubject = advSet("you", "you'll", "you'd", "he", "she", "your", "u", "ur")

// medGeneral words before a verb make a statement about people in general,
// not an instruction: "Many people stop their antibiotics too early."
var medGeneral = advSet("most", "many", "some", "people", "patients", "adults", "parents", "children", "kids'", "kids", "babies", "teens",
	"families", "doctors", "clinicians", "providers", "pharmacists", "nobody", "everyone", "anyone", "who",
	"which", "when", "whenever", "if", "unless", "before", "after", "why", "how", "whether", "often",
	"usually", "sometimes", "rarely", "cdc", "guidelines", "studies", "research", "why")

// medNegation words before the verb negate it.
var medNegation = advSet("don't", "dont", "not", "never", "no", "doesn't", "won't", "shouldn't")

// medDose finds a dose in a match.
var medDose = sync.OnceValue(func() *pattern {
	return compile(`(?i)` + advDose)
})

// medRule matches a verb of change; medKeep reads the words after it, so
// that a verb among them ("you don't need to finish …") is matched too.
// medNoNeedRule finds a vaccine or a medicine declared unneeded: "no
// need for a flu shot this year", "no polio shot needed for your twins".
var medNoNeedRule = sync.OnceValue(func() advRule {
	return advRule{id: "ADVICE-MEDICINE",
		re: compile(`(?i)\b(?:no\s+(?:[\pL-]+\s+)?(?:shots?|vaccines?|boosters?|doses?)\s+for\s+(?:you|him|her|them|your\s+[\pL-]+)|(?:overkill|unnecessary|not\s+necessary|not\s+needed|a\s+waste|pointless|useless)\s+for\s+(?:you|him|her|them|your\s+[\pL-]+)|no\s+(?:more\s+[\pL-]+\s+for\s+(?:you|him|her|them|your\s+[\pL-]+)|need\s+(?:for|to\s+get|to\s+give|of)\s+(?:a|an|the|his|her|your|another|any|that|more)?\s*(?:[\pL-]+\s+)?[\pL-]+|(?:[\pL-]+\s+)?(?:shots?|vaccines?|boosters?|doses?|antibiotics|meds|medicines?|medications?)\s+(?:needed|necessary|required)))`),
		keep: func(s string, m []int) bool {
			for _, w := range advWords(advSentence(s, m[0], m[1]), 40) {
				if medObject(w) {
					return advNotGeneral(s, m)
				}
			}
			return false
		}}
})

// medPassiveRule finds a medicine stopped or changed in the passive:
// "your baby's reflux meds can be stopped".
var medPassiveRule = sync.OnceValue(func() advRule {
	return advRule{id: "ADVICE-MEDICINE",
		re: compile(`(?i)\b([\pL'’-]+)\s+(?:can|could|should|may|needs?\s+to)\s+(?:now\s+)?(?:be\s+(?:stopped|discontinued|dropped|skipped|halved|doubled|tapered|lowered|raised|increased|decreased|cut|paused|held|tossed)|go\s+(?:up\s+|down\s+)?(?:to|from|by)|come\s+(?:down|up|off)|go\s+in\s+the\s+trash)\b`),
		keep: func(s string, m []int) bool {
			return medObject(advGroup(s, m, 1)) && advNotGeneral(s, m)
		}}
})

// medInsteadRule finds a change of dose by comparison: "take 2 of the
// pills instead of 1", "drops twice a day instead of four times".
var medInsteadRule = sync.OnceValue(func() advRule {
	return advRule{id: "ADVICE-MEDICINE",
		re: compile(`(?i)\b(?:\d+|once|twice|one|two|three|four|half)\b(?:\s*[^\s.!?]+){0,6}?\s*\binstead\s+of\s+(?:\d+|once|twice|one|two|three|four|every|the\s+usual)\b`),
		keep: func(s string, m []int) bool {
			for _, w := range advWords(advSentence(s, m[0], m[1]), 60) {
				if medObject(w) || medUnits[w] {
					return advNotGeneral(s, m)
				}
			}
			return false
		}}
})

var medRule = sync.OnceValue(func() advRule {
	return advRule{id: "ADVICE-MEDICINE",
		re: compile(`(?i)\b(?:stop|stopping|quit|skip|skipping|double|halve|cut|increase|decrease|lower|raise|reduce|change|switch|start|begin|restart|resume|give|giving|take|taking|hold|delay|postpone|discontinue|drop|taper|wean|put\s+off|hold\s+off|come\s+off|go\s+off|get\s+off|miss|split|swap|bump|finish|continue|keep|need|needs|get|getting|have|pick\s+up|throw\s+(?:out|away)|toss|load\s+up\s+on|stock\s+up\s+on|ditch|pause|ease\s+off|back\s+off|lay\s+off|cut\s+out|space\s+out|spread\s+out|space|spread|wait\s+on|wait\s+with|up\s+(?:his|her|your|their|the)|cease|avoid|cancel|push|push\s+back|move|put|put\s+away|put\s+down|apply|rub|use|try|let|pass\s+on|grab|cease|opt\s+out\s+of|refuse|decline|waive|be\s+on|bother\s+(?:with|taking|getting|giving))\b`).
			// A verb stands only within eight words of a medicine it instructs
			// about, before or after it.
			around(8, medLiterals()...),
		keep: medKeep,
		end:  medEnd,
	}
})

// medParticles are verbs of change that mean something else with the
// word after them: "stop by", "drop off", "pick up" a form.
var medParticles = advSet("stop by", "stop in", "stop over", "drop by", "drop in", "drop off", "swing by",
	"start at", "start from", "keep in", "get in", "get to", "have questions")

// medEnd returns the end of the up to ten words after the verb at m,
// within its sentence.
func medEnd(s string, m []int) int {
	end := m[1]
	for w := 0; w < 10 && end < len(s); w++ {
		k := end
		for k < len(s) && phiSpace(s[k]) && s[k] != '\n' {
			k++
		}
		if k == len(s) || strings.IndexByte(advSentenceStops, s[k]) >= 0 {
			break
		}
		for k < len(s) && !phiSpace(s[k]) {
			k++
		}
		end = k
	}
	return end
}

// medKeep reports whether the verb of change at m gives an instruction
// about a medicine, a dose or a vaccine.
func medKeep(s string, m []int) bool {
	match := strings.ToLower(strings.ReplaceAll(s[m[0]:medEnd(s, m)], "’", "'"))
	words := strings.Fields(match)
	verb := words[0]
	if len(words) > 1 && medParticles[verb+" "+strings.Trim(words[1], ".,;:!?")] {
		return false // "stop by the front desk to pick up a pill organizer"
	}
	// The object comes within the words after the verb, up to the end of
	// the clause.
	var after []string
	obj, plain, vaccine := false, true, false
	for i, w := range words[1:] {
		if i >= 4 && (verb == "need" || verb == "needs") {
			break // "need an appointment for a flu shot"
		}
		w = strings.Trim(w, `"'()[]`)
		end := w != "" && strings.ContainsAny(w[len(w)-1:], ".,;:!?")
		w = strings.TrimRight(w, ".,;:!?")
		after = append(after, w)
		if medObject(w) {
			obj = true
			plain = plain && medPlain[w]
			vaccine = vaccine || medVaccines[w]
		}
		if end {
			break
		}
	}
	lead := after
	for len(lead) > 0 && medGerund[lead[0]] {
		lead = lead[1:]
	}
	if !obj && len(lead) > 0 && (medPronoun[lead[0]] || medNumber(lead[0]) || advAny(lead[:min(len(lead), 3)], medMore)) {
		// "just stop using it", "take a second one", "try taking 40":
		// the medicine is named earlier.
		for _, w := range advWords(advBefore(s, m[0], advSentenceStops), 40) {
			obj = obj || medObject(w) || medUnits[w]
		}
		plain = false
	}
	if !obj || advQuestion(s, m[0], m[1]) || medDose().MatchString(strings.Join(words[:min(len(words), 6)], " ")) {
		// A dose is ADVICE-DOSE's to report.
		return false
	}
	sentence := strings.ToLower(advSentence(s, m[0], m[1]))
	if slices.ContainsFunc(advCareTeam, func(p string) bool { return strings.Contains(sentence, p) }) ||
		strings.Contains(sentence, "as prescribed") || strings.Contains(sentence, "as directed") || strings.Contains(sentence, "label") {
		return false
	}
	before := advWords(advBefore(s, m[0], advClauseStops), 8)
	if len(before) == 0 && strings.HasSuffix(verb, "ing") {
		return false // "Skipping the flu shot doesn't …": a subject, not an instruction
	}
	if n := len(before); n >= 2 && (before[n-2] == "instead" && before[n-1] == "of" || before[n-2] == "rather" && before[n-1] == "than") {
		// "catch chickenpox instead of getting the vaccine"
		return medStartVerbs[verb] && vaccine
	}
	if medStartVerbs[verb] && slices.Contains(after, "off") {
		verb = "stop" // "take her off the reflux medicine"
	}
	// Words before the reader or the one person the instruction is for
	// may be anything but general: "for bad cramps you can take …"; a
	// negation among them is the instruction's: "we won't tell you to
	// stop …".
	for i := len(before) - 1; i >= 0; i-- {
		if medSubject[before[i]] {
			// "we won't tell you to stop …"; "the medicines you take"
			// is a relative clause, not an instruction.
			if advAny(before[:i], medNegation) || i > 0 && medObject(before[i-1]) {
				return false
			}
			break
		}
	}
	for i := len(before) - 1; i >= 0; i-- {
		if medSubject[before[i]] {
			if advAny(before[:i], medGeneral) {
				return false
			}
			before = before[i:]
			break
		}
	}
	negated := false
	for i, w := range before {
		if medGeneral[w] && !(w == "if" && i > 0) || !medLead[w] {
			return false
		}
		if medNegation[w] {
			negated = true
		}
	}
	switch {
	case verb == "let":
		// "Let the Xarelto go"
		return slices.Contains(after, "go") && !negated
	case verb == "bother":
		// "Don't bother with the Tamiflu" skips it.
		return negated
	case verb == "put" && (slices.Contains(after, "away") || slices.Contains(after, "down")):
		return !negated // "put it away until winter"
	case negated && (verb == "need" || verb == "needs") && len(after) > 0 && (after[0] == "the" || after[0] == "that" || after[0] == "your"):
		// "You don't need the inhaler every day"
		return true
	case negated && medStartVerbs[verb] && len(after) > 1 && (after[0] == "your" || after[0] == "his" || after[0] == "her") && !plain:
		// "Don't take your Xarelto the night before"
		return true
	case negated && (verb == "finish" || verb == "continue" || verb == "keep"):
		// "You don't need to finish the antibiotics" stops one early.
		return true
	case negated && medStartVerbs[verb]:
		// "Don't give him the MMR yet", "she doesn't need the booster";
		// not "don't give aspirin to children".
		return vaccine || advAny(before, medWho) || advAny(after, medWho)
	case negated:
		// "Never stop your inhaler on your own" is a warning.
		return false
	case (verb == "need" || verb == "needs") && !advAny(before, medSubject) && !advAny(before, medFamily):
		return false
	case medStartVerbs[verb]:
		// "Take your medicine" is every label's advice; "give him
		// amoxicillin", "take an extra pill" are instructions.
		if len(before) == 0 && (verb == "keep" || verb == "continue" || verb == "finish") {
			return false
		}
		return !plain || advAny(after, medMore) || strings.Contains(sentence, "that'll") || strings.Contains(sentence, "that will") || strings.Contains(sentence, "should sort")
	}
	return true
}

// Word sets of the functions above, made once.
var (
	medFamily = advSet("baby", "son", "daughter", "child", "kid", "toddler", "husband", "wife", "mom", "dad")
)
