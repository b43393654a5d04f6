package check

import "strings"

// advPromiseRules are the efficacy promises and superlatives beyond the
// word "guarantee": "works every time", "never fails", "pain-free in a
// week", "the best pediatrician in town". A negation before one undoes it:
// "no vaccine works every time".
var advPromiseRules = []advRule{
	{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:works?\s+(?:every\s+(?:single\s+)?time|for\s+everyone|for\s+everybody|like\s+magic|wonders|instantly|overnight|100\s*%|every\s+patient)|never\s+fails?|always\s+works|without\s+fail|pain[\s-]?free|(?:permanent|lasting|lifelong|guaranteed|instant|overnight|immediate|total|complete)\s+(?:results?|relief|cure|fix|solution|recovery)|zero\s+(?:risks?|chance|pain|downtime)|results?\s+you\s+can\s+(?:count|rely)\s+on|(?:clears?|cures?|gone|fix(?:es)?|ends?|eliminates?|heals?|banish(?:es)?|rid\s+of)\b[^.!?\n]{0,40}?\b(?:for\s+good|forever|once\s+and\s+for\s+all|for\s+life)|say\s+goodbye\s+to|no\s+more\s+[\pL-]+(?:\s+[\pL-]+)?,?\s+ever|(?:proven|clinically\s+proven|scientifically\s+proven)\s+to\s+(?:cure|work|eliminate|stop|reverse|end|fix|heal|prevent)|(?:will|can)\s+(?:eliminate|reverse|erase|end|fix|get\s+rid\s+of|wipe\s+out|heal)\s+(?:your|any|all|the)|(?:eliminates|reverses|erases|wipes\s+out|gets\s+rid\s+of)\s+(?:your|any|all|the|every)|(?:completely|totally|perfectly|absolutely|100\s*%)\s+safe|safe\s+for\s+everyone|nothing\s+works\s+better|(?:you['’]ll|you\s+will|your\s+(?:child|kid|son|daughter)\s+will)\s+(?:never\s+(?:have|get|need|feel|suffer)|be\s+(?:[\pL]+[\s-])?free|be\s+cured|be\s+healed|be\s+back\s+to\s+normal|see\s+results|look\s+years)|never\s+(?:have|get|need|suffer\s+from|feel)\s+[^.!?\n]{1,30}?\s+again|(?:we|i)\s+(?:promise|guarantee)\s+(?:you['’]ll|you\s+will|that|it|results)|(?:always|every\s+time)\s+(?:effective|successful|gets?\s+results)|100\s*%\s+(?:of\s+(?:our\s+)?patients|success|of\s+the\s+time|results?|relief|recovery|satisfied)|(?:the\s+)?only\s+(?:clinic|practice|office|doctor|dentist|pediatrician|provider|place|team|treatment)\s+(?:in|that|who|where)|(?:the\s+)?best\s+[\pL-]+(?:\s+[\pL-]+)?\s+in\s+(?:town|the\s+(?:county|city|state|area|region|country|world|nation|valley|midwest)|(?-i:[A-Z])[\pL-]+)|(?:#\s?1|number\s+one|top)[\s-]rated|world[\s-]class|unmatched|unbeatable|unrivall?ed|unparalleled|second\s+to\s+none|the\s+finest|most\s+trusted|better\s+than\s+any(?:\s+other)?\s+(?:clinic|practice|doctor|office|dentist|pediatrician|provider)|or\s+your\s+money\s+back|money[\s-]back|lose\s+\d+\s+(?:pounds|lbs?|kilos?|kg)\s+in\s+(?:just\s+)?(?:a|one|\d+|two|three|four|six)\s+(?:days?|weeks?|months?)|boosts?\s+(?:your\s+)?(?:immunity|immune\s+systems?)|never\s+(?:worry\s+about|deal\s+with|suffer\s+(?:from|with)|have|get)\s+(?:another|a\s+single|one\s+more)|kiss\s+(?:[\pL'’-]+\s+){0,4}?goodbye|goodbye\s+(?:to\s+[^.!?\n]{1,30}?\s+)?for\s+good|foolproof|fail[\s-]?safe|sure[\s-]?fire|can['’]t[\s-]miss|it\s+just\s+works|safe\s+for\s+(?:every|all|any)\s+(?:patient|patients|one|body|age|ages|child|kid)|(?:will|guaranteed\s+to|is\s+going\s+to|are\s+going\s+to)\s+(?:keep|stop|prevent)\s+you\s+from\s+(?:getting|catching|ever)|(?:the\s+)?(?:most\s+[\pL-]+|best|top|greatest|finest|leading|highest[\s-]rated|top[\s-]rated)\s+(?:[\pL-]+\s+){0,2}?(?:doctors?|physicians?|nurses?|surgeons?|dentists?|pediatricians?|clinics?|practices?|office|team|staff|care|providers?|specialists?|hospital|therapists?)\s+in\s+(?:town|the\s+(?:state|county|city|area|region|country|world|nation|midwest|valley)|(?-i:[A-Z])[\pL-]+)|world['’]s\s+(?:best|[\pL]+est|most\s+[\pL-]+)|permanent(?:ly)?\s+(?:[\pL-]+\s+)?(?:removes?|removal|fix|fixes|results?|cure|cures|relief|solution|weight\s+loss|whitening|straightening|erases?|eliminates?|gets?\s+rid)|voted\s+(?:[\pL'’-]+\s+){0,3}?(?:best|favou?rite|#\s?1|number\s+one|top)|(?-i:[A-Z])[\pL-]+['’]s\s+(?:best|favou?rite|top|#\s?1|number\s+one|leading|most\s+trusted)\s+(?:[\pL-]+\s+){0,2}?(?:doctors?|physicians?|nurses?|surgeons?|dentists?|pediatricians?|clinics?|practices?|office|team|staff|providers?|specialists?|hospital|therapists?|urgent\s+care|care)|award[\s-]winning|(?:highest|best|#\s?1)[\s-]rated)\b`),
		keep: advNotNegated},
	{id: "CLAIM-TESTIMONIAL", re: compile(`(?i)\b(?:(?:changed|saved|transformed|turned\s+around)\s+(?:my|her|his|their|our)\s+(?:life|lives|son['’]s\s+life|daughter['’]s\s+life|baby['’]s\s+life|smile)|gave\s+(?:me|her|him|us|them)\s+(?:my|her|his|our|their)\s+life\s+back|i\s+(?:feel|felt)\s+(?:like\s+a\s+new\s+(?:person|man|woman)|so\s+much\s+better|better\s+than\s+ever|amazing)|i['’]ve\s+never\s+felt\s+better|i\s+have\s+never\s+felt\s+better|i\s+can\s+finally|(?:five|5)[\s-]star\s+review\s+from|thanks\s+to\s+(?:our|the)\s+(?:team|staff|doctors?|nurses?)\s*,\s*(?:she|he|they|my|i|her|his))\b`),
		keep: advNotNegated},
	// "Our sleep clinic fixes insomnia in 3 nights": a result in a set
	// time, promised by the practice. "Most colds clear up in a week" is
	// a fact.
	{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:fix(?:es)?|cures?|ends?|eliminates?|stops?|heals?|reverses?|gets?\s+rid\s+of|lower|lowers|drops?|erases?|banish(?:es)?|clears?|removes?|whitens?|straightens?|gone|better|healed|fixed|cured|pain[\s-]free|relief|results|resolved)\s+(?:[\pL\d'’-]+\s+){0,3}?(?:in|after|within|with)\s+(?:just\s+|only\s+)?(?:\d+|one|two|three|four|five|six|seven|ten|a|a\s+single|a\s+few)\s+(?:days?|nights?|weeks?|visits?|sessions?|treatments?|hours?|months?|appointments?|adjustments?|injections?|shots?)\b`),
		keep: advOurs},
	// Promises of an outcome: "clears acne permanently", "results that
	// last a lifetime", "no one leaves without relief", "your baby will
	// sleep through the night after one adjustment".
	{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:(?:clears?|removes?|fix(?:es)?|cures?|eliminates?|ends?|stops?|erases?|straightens?|whitens?|reduces?|gets?\s+rid\s+of|heals?)\s+(?:[\pL\d'’-]+\s+){0,3}?(?:permanently|forever|for\s+good|for\s+life)|last(?:s|ing)?\s+(?:a\s+)?(?:lifetime|forever)|lifetime\s+(?:results|relief|guarantee)|(?:no\s+one|nobody|not\s+one\s+patient)\s+(?:leaves|walks\s+out|goes\s+home)\s+without|(?:everyone|every\s+(?:single\s+)?(?:patient|client|one)|all\s+(?:of\s+)?our\s+patients)\s+(?:leaves?|walks?\s+out|goes\s+home|gets?|feels?|sees?|is|are)\s+(?:[\pL'’-]+\s+){0,2}?(?:relief|better|pain[\s-]free|results|cured|healed|happy|satisfied|symptom[\s-]free)|(?:vanish|disappear|melt\s+away|fade\s+away)\w*\s+(?:completely|forever|for\s+good|overnight|instantly|entirely)|completely\s+(?:gone|healed|cured|clear|pain[\s-]free|disappear\w*|vanish\w*|eliminat\w*|erase\w*)|(?:will|['’]ll)\s+[^.!?\n]{1,60}?\s+after\s+(?:just\s+)?(?:one|a\s+single|1|a)\s+(?:[\pL-]+\s+)?(?:visit|session|treatment|adjustment|appointment|injection|shot|class|round)|(?:or\s+we['’]ll|or\s+the\s+next)\s+[^.!?\n]{0,40}?(?:free|no\s+charge|on\s+us)|will\s+get\s+you\s+(?:to\s+(?:your\s+)?goal|results|back\s+to\s+normal|pain[\s-]free)|never\s+(?:miss|misses|missed)\s+(?:a|an)\s+(?:diagnosis|cavity|thing|problem)|(?:never|don['’]t\s+ever)\s+(?:fail|get\s+it\s+wrong|make\s+mistakes)|bulletproof|ironclad|unbreakable\s+immunity|(?:will|['’]ll)\s+(?:disappear|vanish|go\s+away|be\s+gone|clear\s+up|end|be\s+cured|be\s+healed|be\s+fixed|sleep\s+through|lose|see\s+results|be\s+pain[\s-]free|look\s+(?:years\s+)?younger)\b[^.!?\n]{0,40}?\b(?:after|in|within|by)\s+(?:just\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|ten|twelve|a|the\s+end\s+of|summer|spring|fall|winter)|every\s+time,?\s+(?:guaranteed|without\s+fail)|,\s+every\s+time)`),
		keep: advNotNegated},
	// Superlatives in any wording: "the greatest nurse practitioner you'll
	// ever meet", "nobody does sports medicine better", "best-in-class".
	{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:(?:the\s+)?(?:greatest|best|finest|smartest|kindest|most\s+[\pL-]+|[\pL]+est)\s+(?:[\pL-]+\s+){0,3}?` + advProfession + `\s+(?:you['’]ll\s+ever|you\s+will\s+ever|ever|anywhere|around|in\s+(?:town|the\s+(?:state|county|city|area|region|country|world|nation|midwest|valley))|(?-i:in\s+[A-Z])[\pL-]+)|(?:nobody|no\s+one|no\s+other\s+[\pL-]+)\s+(?:does|do|is|treats|cares|knows)\b[^.!?\n]{0,50}?\bbetter\s+than|best[\s-]in[\s-](?:class|town|the\s+business)|gold\s+standard\s+(?:in|of|for)\s+(?:[\pL-]+\s+)?(?:care|service|treatment|dentistry|medicine|pediatrics)|(?:the\s+)?only\s+(?:[\pL-]+\s+)?` + advProfession + `\s+(?:in|that|who|where|around)\b|most\s+advanced\s+[^.!?\n]{0,40}?\b(?:anywhere|in\s+the\s+(?:state|country|region|area|world)|in\s+town)|state[\s-]of[\s-]the[\s-]art|cutting[\s-]edge|unrivall?ed|unsurpassed|world[\s-]renowned|renowned|top[\s-]notch|(?:the\s+)?(?:best|greatest|finest|top|most\s+[\pL-]+|[\pL]+est)\s+(?:[\pL-]+\s+){0,3}?(?:on\s+(?:the\s+)?(?:planet|earth)|in\s+the\s+(?:world|universe|galaxy)|(?:i|we|you)['’]?(?:ve|ll|\s+have|\s+will)?\s+ever\s+(?:worked|met|seen|had|been|find|meet|visit))|leading\s+(?:experts?|authorit(?:y|ies)|specialists?|providers?|clinic|practice)|superior\s+(?:care|results|service|treatment|outcomes)|(?:won['’]t|can['’]t|will\s+not|cannot)\s+find\s+(?:[\pL-]+\s+){0,3}?(?:anywhere|elsewhere)|unlike\s+(?:anything|any\s+other|anyone)|elite[\s-](?:level|care)|(?:best|top|greatest|finest|#\s?1|number\s+one|top[\s-]rated|highest[\s-]rated)\s+(?:[\pL-]+\s+)?(?:doc|docs|doctors?|pediatricians?|dentists?|physicians?|surgeons?|nurses?|clinic|practice|chiropractors?|therapists?|np|pharmacists?|diagnostician)|(?:the\s+)?(?:best|top|most\s+[\pL-]+|[\pL]+est)\s+(?:[\pL-]+\s+){0,2}?[\pL-]+\s+in\s+(?:town|the\s+(?:whole\s+|entire\s+)?(?:state|county|city|area|region|country|world|nation|midwest|valley)))\b|(?-i:\bGOAT\b)`),
		keep: advNotNegated},
	// "This supplement reverses diabetes": a cure claimed outright.
	{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:reverses?|cures?|eliminates?|erases?|heals?)\s+(?:your\s+|type\s+[12]\s+|the\s+)?([\pL-]+(?:\s+[\pL-]+)?)`),
		keep: func(s string, m []int) bool {
			if !advCondition(strings.Fields(strings.ToLower(advGroup(s, m, 1)))) {
				return false
			}
			before := advWords(advBefore(s, m[0], advSentenceStops), 6)
			return !advAny(before, advSet("can", "may", "might", "could", "help", "helps", "many", "some", "most", "often", "no", "not", "never", "cannot", "can't", "won't", "doesn't", "don't", "if"))
		}},
	// "No more allergies."
	{id: "CLAIM-GUARANTEE", re: compile(`(?i)\bno\s+more\s+((?:[\pL'’-]+\s*){1,3})`),
		keep: func(s string, m []int) bool {
			words := strings.Fields(strings.ToLower(advGroup(s, m, 1)))
			return advCondition(words) || advAny(words, advSet("pain", "aches", "headaches", "migraines", "cavities", "wrinkles", "fat", "snoring"))
		}},
	{id: "CLAIM-TESTIMONIAL", re: compile(`["“]([^"“”\n]{4,240})["”]`),
		keep: advQuotedPraise},
	// A patient's voice: "I've been coming here for 20 years", "I highly
	// recommend Dr. Lopez", "my son's eczema cleared up thanks to Ben".
	{id: "CLAIM-TESTIMONIAL", re: compile(`(?i)(?:\b(?:i|we)(?:['’]ve|\s+have)\s+been\s+(?:coming|going|seeing|bringing\s+[\pL]+)\s+(?:here|to\s+(?:dr|this|the|riverbend|them|her|him))|\bwouldn['’]t\s+go\s+anywhere\s+else|\b(?:i|we)\s+(?:highly\s+|totally\s+|definitely\s+|would\s+|always\s+)?recommend\s+(?:this|the|dr|them|her|him|your|their|everyone)|\bcan['’]t\s+recommend\s+[\pL.]+(?:\s+[\pL]+)?\s+enough|\b(?:i|we)\s+(?:love|loved|adore)\s+(?:this|the|dr|our|my|everyone)\s*(?:place|office|clinic|practice|staff|team|doctor|nurses?|dentist|pediatrician)?|★{3,}|⭐{3,}|\b(?:i|my)\b[^.!?\n]{0,80}\b(?:thanks\s+to|because\s+of|grateful\s+to|all\s+thanks\s+to)\s+(?:dr\.?\s+|nurse\s+|the\s+|our\s+)?[\pL]+)`),
		keep: func(s string, m []int) bool {
			p := strings.ToLower(s[m[0]:m[1]])
			return !strings.Contains(p, "my thanks") && advNotNegated(s, m)
		}},
	{id: "CLAIM-TESTIMONIAL", re: compile(`(?i)\b(?:testimonials?|hear\s+(?:it\s+)?from\s+our\s+patients|(?:happy|satisfied|grateful|thankful)\s+(?:patients?|families|clients|parents|moms?|dads?)\s+(?:say|says|said|write|wrote|share|shared|had\s+to\s+say)|(?:one|a|another)\s+(?:happy|satisfied|grateful|thankful)\s+(?:patient|client|parent|mom|dad|family)|patient\s+(?:reviews?|stories|story|spotlight|testimonials?)|reviews?\s+are\s+in|what\s+(?:our\s+)?patients\s+(?:are\s+saying|say)|our\s+patients\s+(?:say|said|tell\s+us|write|rave|agree)|before\s*(?:/|&)\s*after|before\s+and\s+after\s*:|(?:glowing|5-star|five-star|wonderful|lovely|kind|sweet|amazing|beautiful)\s+(?:review|reviews|words|note|notes|feedback|message)\s+from|(?:love|loved|loving)\s+hearing|made\s+our\s+(?:day|week)|warms?\s+our\s+hearts?|says\s+it\s+best|said\s+it\s+best)\b`),
		keep: advNotNegated},
}

// advProfession is the pattern of the people and places of care a
// superlative praises.
const advProfession = `(?:doctors?|physicians?|nurses?|nurse\s+practitioners?|practitioners?|surgeons?|dentists?|pediatricians?|chiropractors?|therapists?|optometrists?|dermatologists?|orthodontists?|ob-?gyns?|midwives|midwife|pharmacists?|clinics?|practices?|office|offices|team|teams|staff|care|hospital|providers?|specialists?|dentistry|medicine|pediatrics|technology|equipment|facility|facilities|pt|physical\s+therapy)`

// advPraise are words of praise a testimonial quotes.
var advPraise = advSet("love", "loved", "loves", "amazing", "best", "great", "wonderful", "fantastic", "saved",
	"changed", "thank", "thanks", "grateful", "recommend", "awesome", "incredible", "caring", "kind", "healed",
	"cured", "better", "happy", "painless", "gentle", "professional", "excellent", "outstanding", "helped",
	"listened", "trust", "favorite", "blessed", "lifesaver", "miracle", "perfect")

// advFirstPerson are the words a quoted patient speaks of themselves with.
var advFirstPerson = advSet("i", "i'm", "i've", "i'd", "i'll", "my", "me", "we", "our", "us", "we've", "we're")

// advQuotedPraise reports whether the quotation in m is a patient's
// words about their care: spoken in the first person, with a word of
// praise, or a statement rather than a question.
func advQuotedPraise(s string, m []int) bool {
	q := strings.TrimSpace(s[m[2]:m[3]])
	words := advWords(q, 60)
	intro := strings.ToLower(s[max(0, m[0]-60):m[0]])
	for _, w := range []string{"patient", "review", "google", "yelp", "facebook", "left this", "left us", " says", " said", "wrote", "writes", "feedback", "testimonial"} {
		if strings.Contains(intro, w) && !strings.HasSuffix(q, "?") {
			return true
		}
	}
	if !advAny(words, advFirstPerson) {
		after := strings.ToLower(s[m[1]:min(len(s), m[1]+40)])
		before := s[max(0, m[0]-12):m[0]]
		return advAny(words, advPraise) && (strings.ContainsAny(after, "-–—★⭐") || strings.Contains(before, "★") ||
			strings.Contains(before, "⭐") || strings.Contains(after, "review"))
	}
	if advAny(words, advPraise) || len(words) >= 3 && !strings.HasSuffix(q, "?") {
		return true
	}
	// Praise in the third person needs an attribution: a dash, stars, a
	// review.
	after := strings.ToLower(s[m[1]:min(len(s), m[1]+40)])
	return advAny(words, advPraise) && (strings.ContainsAny(after, "-–—★⭐") || strings.Contains(after, "review"))
}

// advOurs keeps a claim made about the practice's own care: its sentence
// speaks of "our", "we" or "us", and no general subject ("most colds")
// stands before it.
func advOurs(s string, m []int) bool {
	sentence := advWords(advSentence(s, m[0], m[1]), 60)
	if advAny(advWords(advBefore(s, m[0], advClauseStops), 4), advSet("most", "many", "usually", "often", "typically", "generally", "some")) {
		return false
	}
	return advAny(sentence, advSet("our", "we", "us", "we'll", "we're")) && advNotNegated(s, m)
}

// promiseSentence flags a promise in any words: a sentence about the
// practice's care ("our", "we", "this treatment") that pairs an outcome
// ("results", "relief", "pain-free", "works") with an absolute ("every",
// "always", "guaranteed", "permanently", "in just").
func promiseSentence(sentence, lower string, words []string) bool {
	if !advAny(words, promiseOurs) || !advAny(words, promiseOutcomes) || !advAny(words, promiseAbsolutes) {
		return false
	}
	return !advAny(words, advNegation) && !advAny(words, advSet("may", "might", "can", "could", "help", "helps", "most", "many", "some", "often"))
}

var (
	promiseOurs = advSet("our", "we", "we'll", "we're", "us", "this", "riverbend", "treatment", "program",
		"therapy", "procedure", "session", "sessions", "adjustment", "adjustments", "injection", "injections",
		"laser", "method", "plan", "formula", "package", "clinic", "protocol", "system", "technique")
	promiseOutcomes = advSet("results", "result", "relief", "cure", "cured", "cures", "heal", "healed", "heals",
		"fix", "fixed", "fixes", "gone", "clears", "cleared", "pain-free", "painless", "works", "work",
		"effective", "success", "successful", "safe", "lose", "weight", "sleep", "younger", "better", "recovery",
		"recover", "erase", "erases", "reverse", "reverses", "eliminate", "eliminates", "end", "ends", "stop", "goal", "goals",
		"stops", "disappear", "vanish", "improve", "improvement", "whiter", "straighter", "smile", "smoother")
	promiseAbsolutes = advSet("every", "everyone", "everybody", "always", "never", "guaranteed", "guarantee",
		"100", "100%", "completely", "totally", "entirely", "permanently", "permanent", "forever", "instantly",
		"instant", "overnight", "immediately", "zero", "nobody", "all", "any", "single", "just", "only", "fast",
		"quick", "quickly", "ever", "sure", "certain", "certainly", "promise", "promised", "period", "bulletproof")
)

// testimonialSentence flags a patient's voice about the practice: the
// first person ("I", "my", "me") with the practice or its staff and a
// word of praise or of an outcome — but not a clinician's ("my patients").
func testimonialSentence(sentence, lower string, words []string) bool {
	if !advAny(words, advSet("i", "i'm", "i've", "i'd", "my", "me", "mine")) {
		return false
	}
	for _, p := range []string{"my patients", "my team", "my practice", "my staff", "my colleagues", "my nurse practitioner"} {
		if strings.Contains(lower, p) {
			return false
		}
	}
	practice := advAny(words, advSet("dr", "doctor", "staff", "team", "nurses", "nurse", "they", "them", "here",
		"riverbend", "place", "office", "clinic", "practice", "everyone", "lopez", "okafor", "nguyen", "reyes",
		"wright", "ana", "ben", "chris", "dana", "elle", "you", "y'all", "dentist", "pediatrician", "chiropractor",
		"therapist"))
	return practice && advAny(words, advPraise) || advAny(words, advSet("recommend", "grateful", "thankful", "blessed"))
}
