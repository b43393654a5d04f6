package check

import (
	"strings"
	"sync"
)

// The diagnosis rules beyond "you have …": a diagnosis of the reader's
// family ("your son has an ear infection"), a guess at what it is ("that's
// probably strep", "it sounds like she has croup"), and a reading of the
// reader's symptoms ("what you're describing is eczema"). Education about
// a condition ("Strep throat is an infection", "When your child has a
// fever, …") is not flagged: a match needs a condition named after it, or
// a word of certainty, and no conditional before it.

// advHedged reports whether the diagnosis at i is hedged: a conditional
// or a question ("if you have", "do you think you have") stands shortly
// before it in its clause, or its sentence is a question. The speaker's
// own judgement ("I think you have", "I'm sure it's") is no hedge.
func advHedged(s string, i int) bool {
	words := advWords(advBefore(s, i, advClauseStops), 6)
	for k, w := range words {
		if !advConditional[w] {
			continue
		}
		if advJudgement[w] && k > 0 && advSpeaker[words[k-1]] {
			continue
		}
		return true
	}
	return advQuestion(s, i, i)
}

var (
	// advJudgement are the verbs of a judgement: hedges after "you",
	// a diagnosis after "I".
	advJudgement = advSet("think", "thought", "believe", "feel", "suspect", "sure", "know")
	// advSpeaker are the words of the one who judges.
	advSpeaker = advSet("i", "i'm", "we", "we're", "pretty", "fairly", "really", "honestly")
)

// advConditions are words that name a condition, in lower case.
var advConditions = advSet("infection", "infections", "virus", "viral", "bug", "flu", "influenza", "strep", "cold",
	"eczema", "rash", "asthma", "allergy", "allergies", "adhd", "add", "autism", "croup", "rsv", "pneumonia",
	"bronchitis", "bronchiolitis", "pinkeye", "pink", "conjunctivitis", "uti", "mono", "chickenpox", "measles",
	"lice", "scabies", "ringworm", "impetigo", "thrush", "colic", "reflux", "gerd", "diabetes", "prediabetes",
	"hypertension", "anemia", "depression", "anxiety", "sinusitis", "sinus", "tonsillitis", "migraine",
	"migraines", "concussion", "fracture", "sprain", "dehydration", "whooping", "pertussis", "norovirus",
	"stomach", "covid", "covid-19", "celiac", "ibs", "ocd", "ptsd", "bipolar", "strep", "ear", "earache",
	"shingles", "hives", "psoriasis", "acne", "cellulitis", "abscess", "cavity", "cavities", "gingivitis",
	"tendinitis", "tendonitis", "arthritis", "gout", "lupus", "lyme", "mrsa", "hernia", "appendicitis",
	"kidney", "bladder", "yeast", "fungal", "bacterial", "hand-foot-and-mouth", "fifth", "roseola", "scarlet",
	"mumps", "rubella", "hepatitis", "jaundice", "anorexia", "bulimia", "insomnia", "apnea", "vertigo",
	"cancer", "tumor", "tumour", "melanoma", "lump", "cyst", "polyp", "ulcer", "sepsis", "meningitis",
	"disease", "disorder", "syndrome", "condition", "deficiency", "dyslexia", "tic", "tics", "fever",
	"pneumonitis", "otitis", "pharyngitis", "laryngitis", "gastroenteritis", "dermatitis", "sty", "stye",
	"warts", "wart", "eczema's", "bronchospasm", "a-fib", "afib", "seizures", "epilepsy", "torticollis",
	"teething", "stress", "hormones", "hormonal", "growing", "pulled", "sunburn", "burn", "strain", "break",
	"whiplash", "tear", "swimmer's", "athlete's", "pinworms", "worms", "sore", "canker", "cradle", "diaper",
	"molluscum", "rosacea", "bursitis", "sciatica", "plantar", "carpal", "copd", "postpartum", "miscarriage",
	"endometriosis", "pcos", "menopause", "perimenopause", "std", "sti", "chlamydia", "gonorrhea", "herpes", "hiv",
	"boil", "lipoma", "mole", "heatstroke", "frostbite", "poisoning", "panic", "stroke", "arrhythmia", "murmur",
	"clot", "dvt", "varicose", "hemorrhoids", "constipation", "diarrhea", "intolerance", "anaphylaxis",
	"allergic", "virus's", "viruses", "borderline", "pre-diabetes", "thyroid",
	"hypothyroidism", "hyperthyroidism", "cholesterol", "mastitis", "preeclampsia", "gestational",
	"bronchitis", "asthmatic", "contagious", "melasma", "sprained", "fractured", "torn", "broken", "underactive",
	"overactive", "blepharitis", "keratosis", "hand-foot", "hfmd", "bppv", "pinched", "entrapment", "apnea's", "ivy",
	"dermatitis's", "plantar's", "tennis", "golfer's", "frozen", "trigger", "carpal's", "perimenopausal")

// advNotCondition words after a condition's make it something else: "flu
// season", "a flu shot", "cold weather".
var advNotCondition = advSet("season", "shot", "shots", "vaccine", "vaccines", "clinic", "clinics", "awareness",
	"month", "week", "day", "prevention", "weather", "medicine", "medicines", "test", "tests", "testing", "cases",
	"case", "rates", "outbreak", "research", "free", "relief")

// advConditionWords is a pattern of a few conditions' words, for
// expressions: the rest are looked up in advConditions.
const advConditionWords = `fatty\s+liver|reflux|acne|eczema|anxiety|depression|insomnia|migraines?|headaches?|back\s+pain|diabetes|prediabetes|cholesterol|blood\s+pressure|infection|rash|cough|asthma|allergies|arthritis|sciatica|pain`

// advConditionLiterals returns the literals near which the diagnosis
// rules look: the words of conditions and of findings, and conditions'
// endings.
func advConditionLiterals() []string {
	return append(advKeys(advConditions, advBodyFinding), advConditionSuffixes...)
}

// advConditionSuffixes end the names of many conditions.
var advConditionSuffixes = []string{"itis", "osis", "emia", "aemia", "oma", "pathy", "algia", "plasia", "trophy"}

// advCondition reports whether the lower-case words name a condition in
// their first few: not "flu season" or "a flu shot".
func advCondition(words []string) bool {
	for i, w := range words {
		if i >= 4 {
			break
		}
		w = strings.TrimRight(w, ".,;:!?)\"'")
		if i+1 < len(words) && advNotCondition[strings.Trim(words[i+1], ".,;:!?)\"'")] {
			continue
		}
		if advConditions[w] {
			return true
		}
		for _, suf := range advConditionSuffixes {
			if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
				return true
			}
		}
	}
	return false
}

// advFamily is the pattern of the reader's family, as a subject.
const advFamily = `your\s+(?:kiddo|preemie|little\s+guy|little\s+one|child|son|daughter|baby|kid|kids|toddler|husband|wife|partner|spouse|mom|mother|dad|father|teen|teenager|boy|girl|infant|newborn|grandma|grandpa|grandmother|grandfather|twins|children|little\s+guy|little\s+girl)`

// advDiagnosisRules are the diagnosis rules of this file.
var advDiagnosisRules = sync.OnceValue(func() []advRule {
	return []advRule{
		// "I think you have strep", "my guess is it's a virus", "I'd bet
		// it's her ears": the speaker's judgement of the reader's case.
		{id: "ADVICE-DIAGNOSIS", re: compile(`(?i)\b(?:i\s+(?:think|bet|suspect|believe|guess|reckon|doubt)|pretty\s+sure|fairly\s+sure|no\s+doubt|for\s+sure|definitely|almost\s+certainly|100\s*%|i\s+would\s+bet|i['’]m\s+(?:pretty\s+|fairly\s+|almost\s+|quite\s+)?(?:sure|certain|confident|convinced)|my\s+(?:guess|bet|hunch|money)\s+(?:is|would\s+be|['’]s\s+on)|looks\s+to\s+me\s+like|i['’]d\s+(?:say|bet|guess)|(?:most|very)\s+likely\s+(?:it['’]s|you['’]ve|you\s+have|she|he))((?:\s+[\pL\d'’-]+){1,9})`),
			keep: func(s string, m []int) bool {
				words := strings.Fields(strings.ToLower(advGroup(s, m, 1)))
				reader := advAny(words, diagnosisReader)
				for i := range words {
					if reader && advCondition(words[i:min(i+1, len(words))]) {
						return true
					}
				}
				return false
			}},
		{id: "ADVICE-DIAGNOSIS", re: compile(`(?i)\b(?:`+advFamily+`|he|she|they)\s+(?:(probably|likely|most\s+likely|definitely|clearly|almost\s+certainly|obviously|just)\s+)?(?:has(?:\s+got)?|have(?:\s+got)?|['’]s\s+got|is\s+suffering\s+from|are\s+suffering\s+from|is\s+showing\s+signs\s+of|is\s+coming\s+down\s+with|caught|picked\s+up|came\s+down\s+with)\s+((?:[\pL\d'’-]+\s*){1,4})`).around(12, advConditionLiterals()...),
			keep: func(s string, m []int) bool {
				if advHedged(s, m[0]) {
					return false
				}
				words := strings.Fields(advGroup(s, m, 2))
				if len(words) > 0 && advNonMedical[strings.TrimRight(words[0], ".,;:!?")] {
					return false
				}
				subject := strings.ToLower(strings.Fields(s[m[0]:m[1]])[0])
				if subject == "he" || subject == "she" || subject == "they" {
					// "She has 20 years of experience": only a guess is one.
					return advGroup(s, m, 1) != "" && advCondition(words)
				}
				return advCondition(words)
			}},
		{id: "ADVICE-DIAGNOSIS", re: compile(`(?i)\b(?:it|that|this)(?:['’]s|\s+is)\s+(probably|likely|most\s+likely|definitely|clearly|almost\s+certainly|certainly|obviously|surely|just)\s+((?:[\pL\d'’-]+\s*){1,4})`),
			keep: func(s string, m []int) bool {
				if advHedged(s, m[0]) {
					return false
				}
				return advCondition(strings.Fields(advGroup(s, m, 2)))
			}},
		{id: "ADVICE-DIAGNOSIS", re: compile(`(?i)\b(?:(?:sounds|looks|seems)\s+like\s+(?:you|` + advFamily + `|he|she|they|his\s+[\pL-]+|her\s+[\pL-]+|their\s+[\pL-]+)(?:['’]s\s+[\pL-]+)?\s+(?:ha(?:s|ve)|['’]ve\s+got|['’]s\s+got|caught|(?:is|are)\s+(?:coming\s+down\s+with|dealing\s+with|fighting)|might\s+have|may\s+have|is|are)|what\s+you['’]re\s+describing\s+(?:is|sounds\s+like)|(?:your|his|her)\s+(?:symptoms|rash|cough|fever|pain|sore\s+throat|headaches?|spots|bumps|swelling)\s+(?:is|are|sounds?|points?\s+to)\s+(?:probably|likely|definitely|almost\s+certainly|classic|typical|from|caused\s+by|due\s+to|like))\b((?:\s+[\pL\d'’-]+){0,4})`),
			keep: func(s string, m []int) bool {
				p := strings.ToLower(s[m[0]:m[1]])
				if strings.Contains(p, "describing") || strings.Contains(p, "symptoms") || strings.Contains(p, "sounds like you") {
					return true
				}
				if advHedged(s, m[0]) {
					return false
				}
				return advCondition(strings.Fields(advGroup(s, m, 1))) || strings.Contains(p, " like ")
			}},
		// "You're anemic", "you are prediabetic"
		{id: "ADVICE-DIAGNOSIS", re: compile(`(?i)\b(?:you['’]re|you\s+are|(?:he|she)['’]s|(?:he|she)\s+is|` + advFamily + `\s+is)\s+(?:(?:probably|likely|definitely|clearly|just|a\s+little|a\s+bit|borderline|slightly|mildly|officially|now)\s+)?(` + advIll + `)\b`),
			keep: func(s string, m []int) bool {
				return !advHedged(s, m[0])
			}},
		// "Your headaches are migraines", "the rash you mentioned is Lyme
		// disease", "your fatigue points to an underactive thyroid": a
		// subject of the reader's, then a condition.
		{id: "ADVICE-DIAGNOSIS", re: compile(`(?i)\b(?:your|you|that|this|the)\b[^.!?;:\n]{0,50}?\s(?:is|are|means?|points?\s+to|sounds?\s+like|looks?\s+like|is\s+from|are\s+from|is\s+caused\s+by|is\s+a\s+sign\s+of|gives?\s+it\s+away)\s+((?:[\pL\d'’-]+,?\s*){1,5})`).around(20, advConditionLiterals()...),
			keep: advReaderCondition},
		// "That's pink eye", "it's MRSA", "a textbook case of swimmer's ear"
		{id: "ADVICE-DIAGNOSIS", expr: `(?i)\b(?:(?:that|it|this)(?:['’]s|\s+is)\s+(?:not\s+(?:[\pL\d'’-]+\s+){0,5}?[\pL\d'’-]+,\s+it['’]s\s+)?(?:an?\s+)?|(?:textbook|classic|typical)\s+(?:case|sign|signs|symptoms?)\s+of\s+|what\s+(?:you|` + advFamily + `|he|she|they)\s+(?:has|have|got|['’]ve\s+got|['’]s\s+got|is\s+describing|are\s+describing|['’]re\s+describing)\s+is\s+(?:an?\s+)?|(?:means?|mean\s+that|so)\s+(?:she|he|you|they)\s+(?:has|have|had|are|is|['’]ve\s+got)\s+(?:an?\s+)?)([\pL\d'’-]+(?:\s+[\pL\d'’-]+)?)`,
			keep: func(s string, m []int) bool {
				p := strings.ToLower(s[m[0]:m[1]])
				words := strings.Fields(advGroup(s, m, 1))
				if strings.Contains(p, "textbook") || strings.Contains(p, "classic") || strings.Contains(p, "typical") ||
					strings.HasPrefix(p, "what ") || strings.Contains(p, "mean") || strings.Contains(p, "so ") {
					return advCondition(words) && !advHedged(s, m[0])
				}
				// "That's pink eye", not "it's a common infection" or "this
				// is why": the condition comes first.
				return len(words) > 0 && advCondition(words[:1]) && !advHedged(s, m[0])
			}},
	}
})

// advDiagnosisLike is the rule of "sounds like", "looks like": a guess
// at a condition.
var advDiagnosisLike = sync.OnceValue(func() advRule {
	return advRule{id: "ADVICE-DIAGNOSIS",
		re: compile(`(?i)\b(?:sounds|looks|seems)\s+(?:a\s+lot\s+|just\s+|exactly\s+|to\s+me\s+)?like\s+((?:[\pL\d'’-]+,?\s*){1,5})`),
		keep: func(s string, m []int) bool {
			if advHedged(s, m[0]) {
				return false
			}
			words := strings.Fields(strings.ToLower(advGroup(s, m, 1)))
			for len(words) > 0 && advLeadIn[strings.Trim(words[0], ",")] {
				words = words[1:]
			}
			return advCondition(words[:min(len(words), 3)])
		}}
})

// advIll are adjectives of a condition: "you're anemic".
const advIll = `anemic|anaemic|prediabetic|pre-diabetic|diabetic|hypothyroid|hyperthyroid|hypertensive|dehydrated|asthmatic|allergic|lactose[\s-]intolerant|gluten[\s-]intolerant|depressed|obese|overweight|deficient|infected|contagious|concussed|pregnant|iron[\s-]deficient|vitamin\s+d[\s-]deficient|immune|immunocompromised|septic|jaundiced|autistic|bipolar|anorexic|dyslexic|epileptic|arthritic|constipated|nearsighted|farsighted|colorblind|color[\s-]blind`

// advReaderCondition keeps a match whose subject is the reader's (their
// body, symptoms, family or what they described) and whose predicate
// names a condition.
func advReaderCondition(s string, m []int) bool {
	subject := strings.ToLower(s[m[0]:m[2]])
	if !strings.Contains(subject, "your") && !strings.Contains(subject, "you ") && !strings.HasSuffix(strings.TrimSpace(subject), " you") &&
		!strings.Contains(subject, "photo") && !strings.Contains(subject, "pic") &&
		!strings.Contains(subject, "you mentioned") && !strings.Contains(subject, "you described") {
		return false
	}
	if advHedged(s, m[0]) {
		return false
	}
	words := strings.Fields(strings.ToLower(advGroup(s, m, 1)))
	// The condition comes first, after an article or a word of
	// certainty: "are migraines", "is just a swollen lymph node", "point
	// to an underactive thyroid".
	for len(words) > 0 && advLeadIn[strings.Trim(words[0], ",")] {
		words = words[1:]
	}
	return advCondition(words[:min(len(words), 3)]) || len(words) > 0 && advBodyFinding[strings.Trim(words[0], ",.")]
}

// advLeadIn words may stand before the condition a diagnosis names.
var advLeadIn = advSet("a", "an", "the", "just", "probably", "likely", "definitely", "clearly", "almost", "certainly",
	"most", "normal", "classic", "textbook", "typical", "only", "simply", "nothing", "but", "mild", "early", "bad",
	"severe", "mild", "swollen", "underactive", "overactive", "low", "high", "from", "caused", "by", "sign", "of",
	"some", "kind", "sort", "case", "an", "allergic", "viral", "bacterial")

// advBodyFinding are findings a diagnosis may name without a condition's
// word: "just a swollen lymph node", "an underactive thyroid".
var advBodyFinding = advSet("lymph", "thyroid", "node", "nodes", "cyst", "mole", "hernia", "bruise", "sprain",
	"strain", "fracture", "break", "tear", "clot", "stone", "stones", "polyp", "tumor", "lump", "ulcer", "bug", "bite")

// diagnosisSentence flags a sentence that tells the reader, or one person
// ("he", "your son"), what they have: a condition after an assertive verb
// ("is", "has", "means", "sounds like", "definitely"), with no hedge ("if",
// "could", "may", "signs of", "risk").
func diagnosisSentence(sentence, lower string, words []string, wc wordClasses, ours map[string]bool) bool {
	if len(words) < 3 || readerGeneral[words[0]] && !diagnosisOpeners[words[0]] {
		return false
	}
	person := false
	for _, w := range words {
		person = person || diagnosisPerson[w]
	}
	if !person || wc.has(clsDiagnosisHedges) {
		return false
	}
	// "Your husband's snoring plus daytime sleepiness = sleep apnea"
	if k := strings.Index(lower, "="); k >= 0 && advCondition(advWords(lower[k+1:], 80)[:min(len(advWords(lower[k+1:], 80)), 3)]) {
		return true
	}
	for k, w := range words {
		if !diagnosisLinks[w] {
			continue
		}
		if advCondition(words[k+1 : min(len(words), k+6)]) {
			return true
		}
	}
	return diagnosisSure(words)
}

// diagnosisSure reports whether words assert what one person has, in any
// words of a condition: a person, a word of certainty and "has" ("your
// son probably has Osgood-Schlatter"), or one person's complaint and a
// verb that reads it ("your little guy's snoring means his tonsils are
// enlarged", "her fatigue screams sleep apnea").
func diagnosisSure(words []string) bool {
	for k := 0; k+2 < len(words); k++ {
		w := words[k]
		subject := diagnosisPerson[w] && w != "your" && w != "ur" || k > 0 && (words[k-1] == "your" || words[k-1] == "ur") && readerKin[w]
		if subject && diagnosisCertain[words[k+1]] && (words[k+2] == "has" || words[k+2] == "have" || words[k+2] == "got") {
			return true
		}
		if (w == "your" || w == "ur" || w == "his" || w == "her") && k+1 < len(words) {
			// The complaint is the word before the verb that reads it.
			for m := k + 1; m < min(len(words), k+5); m++ {
				if diagnosisReads[words[m]] {
					prev := words[m-1]
					if advSymptoms[prev] && !advBodyOnly[prev] || diagnosisComplaints[prev] {
						return true
					}
					break
				}
			}
		}
	}
	return false
}

// Word sets of diagnosisSure, made once.
var (
	diagnosisCertain    = advSet("probably", "definitely", "clearly", "obviously", "certainly", "likely", "just", "totally")
	diagnosisReads      = advSet("means", "screams", "scream", "says", "points", "tells", "spells", "equals")
	diagnosisComplaints = advSet("snoring", "walking", "wheezing", "limping", "limp", "drooling", "bedwetting",
		"clicking", "popping", "twitching", "tingling", "numbness", "swelling", "lump", "spots", "bump", "pain",
		"symptoms", "fatigue", "tiredness", "sleepiness", "cough", "rash", "itching", "fever", "headaches")
)

// diagnosisOpeners are words that may open a diagnosis though they open
// general sentences too: "Those symptoms mean your thyroid is low".
var diagnosisOpeners = advSet("it's", "this", "that", "those", "these", "the")

// diagnosisLinks are the verbs and words that assert what someone has.
var diagnosisLinks = advSet("is", "are", "it's", "that's", "he's", "she's", "has", "have", "got", "means", "mean",
	"definitely", "probably", "likely", "classic", "textbook", "typical", "obviously", "clearly", "caught",
	"like", "just", "only", "having", "with")

// diagnosisHedges make a sentence about what someone may have general or
// conditional.
var diagnosisHedges = advSet("if", "when", "whenever", "unless", "whether", "could", "may", "might", "can",
	"signs", "sign", "risk", "risks", "prevent", "prevents", "protect", "protects", "ask", "call",
	"doctor", "test", "tested", "testing", "screening", "vaccine", "vaccines", "shot", "shots", "most", "many",
	"often", "usually", "sometimes", "common", "some", "people", "kids", "children", "adults", "anyone",
	"everyone", "learn", "read", "month", "awareness", "season", "check", "rule", "out", "tell", "help", "helps",
	"treat", "treats", "treatment", "manage", "managing", "living", "questions", "worried", "wonder")

// Word sets of the functions above, made once.
var (
	diagnosisReader = advSet("you", "your", "you've", "you're", "it's", "it", "that's", "she", "he", "his", "her", "they", "this")
	diagnosisPerson = advSet("you", "your", "you're", "you've", "he", "she", "his", "her", "he's", "she's", "u", "ur")
)
