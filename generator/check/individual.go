package check

import (
	"strings"
	"sync"
)

// The individual-advice rules beyond "you should take": advice that
// answers one reader's own case. What marks it is a reference to that
// case ("based on what you described", "with your history", "since
// you're 30 weeks along", "after your hernia repair", "replying to your
// message") or a decision only their clinician may make for them (that
// they may fly, drive, go back to school or the gym, skip a follow-up, or
// need not be seen). General education ("You can get a flu shot at any
// visit", "If your child has a fever, call us") has neither.

// advCaseRules are the rules of this file; they report ADVICE-YOU.
var advCaseRules = sync.OnceValue(func() []advRule {
	return []advRule{
		// A reference to the reader's own case.
		{id: "ADVICE-YOU", expr: `(?i)\b(?:based\s+on\s+(?:what\s+you|your\s+(?:photo|picture|pic|message|description|numbers|labs?|scan|x-?ray|age|weight|history|story|comment|post|dm|question))|from\s+what\s+you\s+(?:describe|described|said|told|wrote|mention|mentioned|sent)|(?:with|given)\s+your\s+(?:history|numbers|results|labs?|age|weight|symptoms|diabetes|heart|condition|blood\s+pressure|family\s+history)|(?:replying|responding|in\s+reply)\s+to\s+your\s+(?:message|question|comment|post|dm|email|review)|to\s+the\s+(?:reader|person|mom|dad|parent|commenter|follower)\s+who\s+(?:wrote|asked|messaged|commented)|for\s+you\s+(?:specifically|personally|in\s+particular)|(?:given|with)\s+the\s+(?:[\pL-]+\s+)?(?:redness|swelling|pain|symptoms|rash|bleeding|spotting|fever|cough)\s+you\s+(?:described|mentioned|have)|since\s+you\s+(?:mentioned|described|said)|you\s+should\s+be\s+(?:fine|okay|ok|safe|good|cleared)\s+to|at\s+\d+\s+weeks,?\s+(?:you|u)\s+(?:should|can|need)|go\s+ahead\s+and\s+(?:take|give|stop|skip|ice|pop|drain|try|use|start|double|wrap|cut|put|let|eat|drink|fly|drive|swim|run|exercise|quit|go\s+back|return)|(?:since|because|now\s+that)\s+(?:you['’]re|you\s+are|you['’]ve|you\s+have|your\s+[\pL-]+\s+(?:is|are|has))\b(?:\s*[^\s.!?]+){0,10}?\s*,\s*(?:you|he|she|your\s+[\pL-]+)\s+(?:can|should|need|don['’]t|do\s+not|must|may|won['’]t)|(?:would|will|['’]ll|should)\s+(?:fix|cure|clear\s+up|take\s+care\s+of|get\s+rid\s+of|solve|heal)\s+(?:the|your|that|this|her|his)\s+(?:[\pL-]+\s+)?(?:` + advConditionWords + `)|no\s+need\s+(?:for|to\s+see)\s+(?:a|an|the)?\s*(?:derm|dermatologist|doctor|specialist|visit|referral|x-?ray|er|urgent\s+care|stitches|antibiotics|ortho|orthopedist|cardiologist|dentist|ent|appointment|follow-?up))\b`},
		// A decision about the reader's own activities.
		{id: "ADVICE-YOU", re: compile(`(?i)\b(?:you|`+advFamily+`|he|she|they)(?:['’]re|\s+are|['’]s|\s+is)?\s+(?:(?:totally|perfectly|probably|definitely|still)\s+)?(?:can|could|should|shouldn['’]t|may|must|need\s+to)\s+(?:(?:safely|still|now|probably|definitely|go\s+ahead\s+and)\s+)?(?:fly|travel|drive|go\s+back|return\s+to|pop|drain|squeeze|play|swim|run|lift|work|exercise|skip\s+(?:the|your|his|her|their)\s+(?:[\pL\d-]+\s+)?(?:follow-?up|appointment|visit|check-?up|screening|colonoscopy|mammogram|physical)|get\s+(?:a|an)\s+(?:ct|mri|x-?ray|ultrasound|scan|biopsy|blood\s+test|referral|stress\s+test)|ask\s+for\s+(?:a|an|the)?\s*\w*\s*(?:test|testing|scan|referral|mri|ct|prescription|antibiotics?))\b`).
			nearWords("fly", "travel", "drive", "go", "return", "pop", "drain", "squeeze", "play", "swim", "run", "lift", "work", "exercise", "skip", "get", "ask"),
			keep: advNotGeneral},
		// "You're fine to drive", "your son is okay to play": permission for
		// the reader or one person, whatever the activity.
		{id: "ADVICE-YOU", re: compile(`(?i)\b(?:you|`+advFamily+`|he|she)(?:['’]re|\s+are|['’]s|\s+is)\s+(?:(?:totally|perfectly|probably|definitely|still|now)\s+)?(?:fine|okay|ok|safe|good|cleared|clear|free|well\s+enough|ready)\s+to\s+\pL+`).
			nearWords("fine", "okay", "ok", "safe", "good", "cleared", "clear", "free", "well", "ready"),
			// "Share what you are ready to share": what the reader chooses,
			// not a permission.
			keep: func(s string, m []int) bool {
				return advNotGeneral(s, m) && !advReadyWhat(s, m)
			}},
		// "Keep him home tomorrow", "don't bother coming in", "you don't need
		// stitches for that cut", "pop the blister".
		{id: "ADVICE-YOU", expr: `(?i)\b(?:(?:keep|let|have|put|send)\s+(?:him|her|them|` + advFamily + `)\s+(?:home|in\s+bed|out\s+of|off|back\s+to)|don['’]t\s+bother\s+(?:coming|going|to\s+come|with\s+(?:a|the)\s+(?:visit|appointment|er|urgent))|(?:you|he|she|they|` + advFamily + `)\s+(?:do|does)(?:n['’]t|\s+not)\s+need\s+(?:stitches|an?\s+x-?ray|a\s+cast|surgery|an?\s+mri|a\s+ct|imaging|a\s+scan|to\s+go\s+to\s+the\s+er|antibiotics\s+for\s+(?:that|this|it|his|her|your))|(?:pop|drain|lance|squeeze)\s+(?:the|that|this|your|his|her)\s+(?:blister|boil|pimple|cyst|abscess|bump|zit))\b`,
			keep: advNotGeneral},
		// Telling someone not to be seen: "she doesn't need to be seen".
		{id: "ADVICE-YOU", expr: `(?i)\b(?:(?:do|does)(?:n['’]t|\s+not)\s+need\s+to\s+(?:be\s+seen|come\s+in|see\s+(?:a|the|your)\s+(?:doctor|provider|clinician|specialist))|no\s+need\s+to\s+(?:be\s+seen|come\s+in|go\s+to\s+the\s+(?:er|emergency)|see\s+(?:a|the|your)\s+doctor)|don['’]t\s+go\s+to\s+the\s+(?:er|emergency\s+room|emergency\s+department|hospital)|(?:your|his|her)\s+(?:headache|fever|cough|rash|pain|symptoms|sore\s+throat|infection|cold|back\s+pain)\s+(?:will|should)\s+(?:pass|go\s+away|clear\s+up|resolve|get\s+better|be\s+gone))\b`,
			keep: advNotGeneral},
		// More instructions for one person: "tell your wife to push fluids",
		// "skip the cardio appointment", "cut the corner out yourself", "it's
		// fine for you", "pull your daughter out of gymnastics", "you can wait
		// until Monday to be seen", "I'd just wrap his wrist", "pop it".
		{id: "ADVICE-YOU", expr: `(?i)\b(?:tell\s+(?:your\s+)?(?:wife|husband|mom|dad|son|daughter|kid|partner|him|her)\s+to\s+\pL+|skip\s+(?:the|your|his|her)\s+(?:\s*[^\s.!?]+){0,2}?\s*(?:appointment|appt|follow-?up|visit|check-?up|screening|physical|mammogram|colonoscopy)|(?:cut|snip|pull|remove|pop|drain|lance|take)\s+(?:\s*[^\s.!?]+){0,4}?\s*(?:out\s+)?yourself|(?:it['’]s|that['’]s)\s+(?:totally\s+|perfectly\s+)?(?:fine|okay|ok|safe)\s+for\s+(?:you|him|her|your\s+[\pL-]+)|pull\s+(?:your\s+[\pL-]+|him|her)\s+out\s+of|wait\s+(?:until|till|til)\s+[\pL]+\s+to\s+be\s+seen|i['’]d\s+(?:just\s+|probably\s+|honestly\s+)?(?:wrap|ice|splint|give|take|stop|skip|start|keep|quit|drop|switch|try|put|leave|elevate|rest|soak)\s+(?:his|her|your|their)\s+\pL+|(?:pop|lance|drain|squeeze)\s+it\b)`, keep: advNotGeneral},
		// "For your knee, stop running": advice for the reader's own part.
		{id: "ADVICE-YOU", re: compile(`(?i)\bfor\s+your\s+(?:knee|back|ankle|shoulder|hip|neck|wrist|elbow|foot|feet|heel|headaches?|migraines?|cough|rash|acne|congestion|allergies|pain|reflux|heartburn|sleep|insomnia|anxiety|blood\s+pressure|sugar|cholesterol|asthma)\s*,\s*(?:\w+\s+){0,2}?(?:stop|start|take|try|use|skip|avoid|switch|ice|rest|wear|cut|drink)\b`)},
	}
})

// advReadyWhat reports whether the match at m is "ready to" after "what":
// "share what you are ready to share" names what the reader chooses.
func advReadyWhat(s string, m []int) bool {
	if !strings.Contains(strings.ToLower(s[m[0]:m[1]]), "ready") {
		return false
	}
	before := advWords(advBefore(s, m[0], advClauseStops), 1)
	return len(before) == 1 && before[0] == "what"
}

// advNotGeneral keeps a match unless a conditional or general subject
// stands shortly before it in its clause ("if you have a fever, you
// can …", "most people can fly").
func advNotGeneral(s string, m []int) bool {
	if advQuestion(s, m[0], m[1]) {
		return false
	}
	before := advWords(advBefore(s, m[0], advClauseStops), 4)
	if advAny(before, advGeneralWords) {
		return false
	}
	sentence := strings.ToLower(advSentence(s, m[0], m[1]))
	return !strings.Contains(sentence, "ask your") && !strings.Contains(sentence, "check with your") &&
		!strings.Contains(sentence, "talk to your") && !strings.Contains(sentence, "talk with your")
}

// advSymptoms are words of a reader's complaint: "your rash", "that burn".
var advSymptoms = advSet("pain", "pains", "ache", "aches", "swelling", "rash", "rashes", "cough", "fever", "burn",
	"cut", "wound", "bruise", "bump", "blister", "cramps", "cramping", "headache", "headaches", "congestion", "itch",
	"itching", "soreness", "stiffness", "sprain", "incision", "stitches", "scar", "spot", "spots", "mole", "lump",
	"bite", "sting", "splints", "symptoms", "breathing", "wheezing", "nausea", "vomiting", "diarrhea", "bleeding",
	"discharge", "dizziness", "fatigue", "insomnia", "reflux", "heartburn", "acne", "eczema", "sunburn", "toothache",
	"earache", "sinuses", "allergies", "sugars", "sugar", "numbers", "levels", "pressure", "labs", "results",
	"teeth", "gums", "tooth", "knee", "back", "neck", "shoulder", "ankle", "wrist", "hip", "elbow", "foot", "heel",
	"eye", "eyes", "ear", "ears", "throat", "chest", "stomach", "belly", "skin", "scalp", "chin", "leg", "legs",
	"arm", "finger", "toe", "nose", "abscess", "infection", "injury", "fracture", "tear", "strain", "pimple",
	"boil", "cyst", "wart", "warts", "hemorrhoids", "constipation", "period", "periods", "cycle", "flare",
	"flare-up", "attack", "attacks", "migraine", "migraines", "concussion", "tummy")

// advBodyOnly are the parts of the body among advSymptoms: "your teeth"
// alone is every reader's ("brush your teeth twice a day"); a word before
// it makes it a complaint ("your sensitive teeth", "your bad knee").
var advBodyOnly = advSet("teeth", "gums", "tooth", "knee", "back", "neck", "shoulder", "ankle", "wrist", "hip",
	"elbow", "foot", "heel", "eye", "eyes", "ear", "ears", "throat", "chest", "stomach", "belly", "skin", "scalp",
	"chin", "leg", "legs", "arm", "finger", "toe", "nose", "breathing", "period", "periods", "cycle", "sugars",
	"sugar", "numbers", "levels", "pressure", "labs", "results", "tummy", "sinuses")

// advCareVerbs give care in an imperative: "apply", "ice", "rest".
var advCareVerbs = advSet("apply", "put", "rub", "use", "spray", "rinse", "gargle", "soak", "ice", "heat",
	"elevate", "wrap", "rest", "sleep", "avoid", "skip", "stop", "quit", "stay", "keep", "take", "give", "try",
	"add", "switch", "cut", "drink", "eat", "do", "massage", "stretch", "go", "cancel", "push", "hold", "wait",
	"leave", "let", "pop", "drain", "squeeze", "ignore", "treat", "clean", "cover", "bandage", "lance", "shave",
	"wear", "remove", "change", "double", "start", "increase", "decrease", "lower", "raise", "reduce", "limit",
	"don't", "dont", "never", "stick", "run", "walk", "lie", "sit", "brace", "splint", "tape", "numb", "cool",
	"warm", "mix", "swap", "ditch", "hydrate", "fast", "pump", "express", "feed", "nurse", "breastfeed",
	"increase", "work", "exercise", "lift", "swim", "fly", "drive")

// advCaseRule finds care instructions for the reader's own complaint:
// "Put some hydrocortisone on your rash", "Heat, not ice, for your back",
// "Go straight to the ER with that chest pain you described". The match
// is the complaint; it stands when its sentence also gives an
// instruction: an imperative verb of care opening a clause, or "you
// should", "that'll fix it".
var advCaseRule = sync.OnceValue(func() advRule {
	return advRule{id: "ADVICE-YOU",
		re: compile(`(?i)\b(your|ur|that|this|those|these|his|her)\s+((?:[\pL'’-]+\s*){1,3})`).
			around(5, advCaseLiterals()...),
		keep: func(s string, m []int) bool {
			words := strings.Fields(strings.ToLower(strings.ReplaceAll(s[m[4]:m[5]], "’", "'")))
			complaint := false
			for k, w := range words {
				w = strings.Trim(w, ".,;:!?")
				if advCaseStop[w] {
					break
				}
				if !advSymptoms[w] && !advConditions[w] {
					continue
				}
				// "your teeth" alone is every reader's; "your sensitive
				// teeth", "for your back" are a complaint.
				if advBodyOnly[w] && k == 0 {
					before := advWords(s[max(0, m[0]-12):m[0]], 1)
					if len(before) == 0 || before[0] != "for" {
						continue
					}
				}
				complaint = true
				break
			}
			return complaint && advDirective(s, m[0], m[1]) && advNotGeneral(s, m)
		}}
})

// advCaseLiterals returns the words of complaints and conditions, near
// which advCaseRule looks.
func advCaseLiterals() []string {
	return advKeys(advSymptoms, advConditions)
}

// advCaseStop words end the words a complaint is looked for in.
var advCaseStop = advSet("from", "and", "to", "of", "with", "or", "in", "on", "for", "own", "whole", "family",
	"child's", "kid's", "baby's", "is", "are", "was", "will", "can", "should", "has", "have", "the", "a", "an")

// advDirective reports whether the sentence around s[i:j] instructs the
// reader: a clause opens with a verb of care, or the reader is told what
// to do ("you should", "you need to") or what it will do ("that'll fix").
func advDirective(s string, i, j int) bool {
	sentence := strings.ToLower(strings.ReplaceAll(advSentence(s, i, j), "’", "'"))
	for _, clause := range strings.FieldsFunc(sentence, func(r rune) bool { return strings.ContainsRune(",;:—–()\"“”", r) }) {
		for _, part := range strings.Split(clause, " and ") {
			words := strings.Fields(part)
			for len(words) > 0 && advLeadWords[words[0]] {
				if words[0] == "try" && len(words) > 1 && advCareVerbs[words[1]] {
					break
				}
				words = words[1:]
			}
			if len(words) > 0 && advCareVerbs[words[0]] {
				return true
			}
		}
	}
	return strings.Contains(sentence, "you should") || strings.Contains(sentence, "you need to") ||
		strings.Contains(sentence, "you'll need") || strings.Contains(sentence, "you must") ||
		strings.Contains(sentence, "that'll fix") || strings.Contains(sentence, "that will fix") ||
		strings.Contains(sentence, "you won't need") || strings.Contains(sentence, "will settle") ||
		strings.Contains(sentence, "will clear") || strings.Contains(sentence, "should clear")
}

// Word sets of the functions above, made once.
var (
	advGeneralWords = advSet("if", "when", "whenever", "most", "many", "people", "adults", "patients", "unless", "whether")
	advLeadWords    = advSet("just", "please", "also", "then", "so", "now", "definitely", "honestly", "simply", "really", "go", "ahead", "but", "and", "i'd", "i", "would", "first", "try", "to")
)
