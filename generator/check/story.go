package check

import (
	"slices"
	"strings"
	"sync"
)

// The PHI-STORY rule finds a story about one patient's visit told without
// a name: "A 7-year-old came in this morning with a broken arm", "We
// treated a woman who had fallen on the ice", "The boy in room 3 yesterday
// was so brave". A story ties a condition to a day and a person, which
// their family, neighbours or employer may recognise; a practice should
// tell it only with the patient's written authorization. Education about
// people in general ("A child with a fever may be fussy", "When a patient
// comes in with chest pain, we …") is not a story: a match needs a verb in
// the past tense after the person, or a day or time of a visit in its
// sentence.

// storyPerson is the pattern of a person a story is about.
const storyPerson = `(?:patient|man|woman|boy|girl|child|kid|kiddo|toddler|baby|infant|newborn|teen|teenager|mom|mother|dad|father|grandmother|grandma|grandfather|grandpa|gentleman|lady|student|athlete|veteran|senior|couple|twins|parent|client|youngster|runner|guy|gal|preschooler|kindergartner|grader|player|farmer|worker|retiree|pregnant\s+woman|mom-to-be|little\s+one|dude|first-timer|marathoner|grad|preemie|teacher|carrier|pastor|priest|nun|driver|trucker|officer|firefighter|coach|neighbor|neighbour|resident|employee|cyclist|biker|hiker|mechanic|chef|cook|waitress|waiter|server|cashier|soldier|marine|nurse|doctor|dentist|lawyer|farmer|rancher|electrician|plumber|roofer|landscaper|contractor|builder|lineman|miner|welder|barber|stylist|regular|newcomer|visitor|tourist|traveler|refugee|immigrant|twin|triplets|son|daughter|husband|wife|grandson|granddaughter|brother|sister|swimmer|gymnast|dancer|cheerleader|wrestler|golfer|skater|skier|musician|singer|pianist|surfer|camper|hunter|fisherman|gardener|freshman|sophomore|junior|senior|mom-of-\w+|dad-of-\w+|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen)[\s-](?:year|month|week|day)[\s-]old|\d+\s*(?:yo|y/o|yr[\s-]old|mo[\s-]old))s?`

// storyPersonWords are literals one of which every storyPerson holds.
var storyPersonWords = []string{"patient", "man", "men", "woman", "women", "boy", "girl", "child", "kid", "toddler",
	"baby", "babies", "infant", "newborn", "teen", "mom", "mother", "dad", "father", "grand", "gentleman", "lady",
	"student", "athlete", "veteran", "senior", "couple", "twin", "triplets", "parent", "client", "youngster",
	"runner", "guy", "gal", "preschooler", "kindergartner", "grader", "player", "farmer", "worker", "retiree",
	"pregnant", "little one", "old", "yo ", "y/o", "yr", "mo ", "teacher", "carrier", "pastor", "priest", "nun", "driver",
	"trucker", "officer", "firefighter", "coach", "neighbo", "resident", "employee", "cyclist", "biker", "hiker",
	"mechanic", "chef", "cook", "waitress", "waiter", "server", "cashier", "soldier", "marine", "nurse",
	"doctor", "dentist", "lawyer", "rancher", "electrician", "plumber", "roofer", "landscaper", "contractor",
	"builder", "lineman", "miner", "welder", "barber", "stylist", "regular", "newcomer", "visitor", "tourist",
	"traveler", "refugee", "immigrant", "son", "daughter", "husband", "wife", "brother", "sister", "swimmer",
	"gymnast", "dancer", "cheerleader", "wrestler", "golfer", "skater", "skier", "musician", "singer",
	"pianist", "surfer", "camper", "hunter", "fisherman", "gardener", "freshman", "sophomore", "junior", "dude",
	"first-timer", "marathoner", "veteran", "grad", "preemie", "regular"}

// storyPatterns are the patterns of storyRE.
type storyPatterns struct {
	reply   []*pattern
	we, one *pattern
	cameIn  *pattern
	slot    []*pattern
	had     *pattern
	photo   *pattern
	past    *pattern
	after   *pattern
	visit   *pattern
}

var storyRE = sync.OnceValue(func() storyPatterns {
	return storyPatterns{
		// "We treated a woman who …"
		we: compile(`(?i)\b(?:we|i|our\s+(?:team|staff|nurses?|doctors?|providers?|clinicians?|front\s+desk)|dr\.?\s+[\pL'-]+|the\s+(?:team|staff|nurses?|doctors?))\s+(?:just\s+|recently\s+|also\s+|finally\s+)?(?:saw|treated|cared\s+for|met|helped|examined|diagnosed|admitted|delivered|vaccinated|stitched\s+up|sent\s+home|patched\s+up|had|took\s+care\s+of|got\s+to\s+(?:meet|see|help)|x-rayed|splinted|casted|referred)\s+(?:a|an|one|this|the|two|three|twin|our)\s+(?:[\pL\d'’-]+\s+){0,3}?`+storyPerson+`\b`).
			nearWords("saw", "treated", "cared", "met", "helped", "examined", "diagnosed", "admitted", "delivered", "vaccinated", "stitched", "sent", "patched", "had", "took", "got", "x-rayed", "splinted", "casted", "referred"),
		// A reply that confirms someone's care: "our notes show we spent 40
		// minutes on your results", "you missed three sessions", "the one of
		// my clients who cried today", "a dude fainted in our lobby".
		reply: compileEach(`(?i)\b(?:(?:has|have)\s+been\s+(?:coming|going)\s+to\s+us\s+for|(?:[\pL'’-]+\s+)(?:we|i)\s+(?:saw|treated|met|stitched|splinted|casted)\s+(?:on\s+)?(?:today|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday|last\s+(?:night|week))|our\s+(?:notes|records|chart|charts|files)\s+(?:show|say|indicate)|(?:your|the)\s+(?:chart|records?|file)\s+(?:shows?|says?)|you\s+(?:missed|cancell?ed|skipped|no-?showed)\s+(?:\s*[^\s.!?]+){0,2}?\s*(?:sessions?|appointments?|appts?|visits?|classes)|we\s+discharged\s+you|one\s+of\s+my\s+(?:clients|patients|regulars|moms|kiddos|residents)|(?:in|from)\s+my\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|evening|support|therapy)?\s*group|(?:fainted|collapsed|passed\s+out|threw\s+up|panicked|cried)\s+(?:in|at)\s+(?:our|the)\s+(?:lobby|waiting\s+room|office|front\s+desk|chair|exam\s+room)|(?:you\s+can\s+see|showing|with)\s+(?:[\pL'’-]+\s+){0,2}?(?:patients?['’]?|clients?['’]?|kids?['’]?)\s+faces?|faces?\s+(?:clearly\s+)?visible|(?:true|late[\s-]shift|today['’]s|tonight['’]s)\s+story\s*:)`),
		// "A teacher from the middle school came in today …": anyone who
		// came in, with a time or a person's word.
		cameIn: compile(`(?i)\b(?:a|an|one|the|our|this|that)\s+(?:[\pL\d'’-]+\s+){0,6}?(?:came\s+(?:in|by)|walked\s+in|showed\s+up|stopped\s+(?:by|in)|was\s+brought\s+in|rolled\s+in|limped\s+in|hobbled\s+in|dropped\s+(?:in|by)|drove\s+(?:in|herself|himself|\d+)|was\s+rushed|in\s+(?:today|this\s+morning|this\s+afternoon|tonight|yesterday)|brought\s+(?:her|his|their)\s+(?:[\pL-]+\s+){0,2}?in)\b`).
			nearWords("came", "walked", "showed", "stopped", "brought", "rolled", "limped", "hobbled", "dropped", "drove", "rushed", "today", "this", "tonight", "yesterday"),
		// "This morning's first appointment was a pregnant mom", "our 2 pm
		// yesterday, a construction worker, …"
		slot: compileEach(`(?i)\b(?:(?:tonight|today|this\s+morning)['’]s\s+(?:case|patient|visit)|one\s+of\s+our\s+(?:moms|dads|parents|families|regulars|kiddos|kids|seniors|teens)\b|our\s+(?:mon|tues?|wed|thur?s?|fri|sat|sun)[\pL]*\s+\d{1,2}(?::\d\d)?|(?:the|this|that|our)\s+(?:[\pL-]+\s+)?(?:man|woman|boy|girl|kid|lady|guy|gentleman|teen|baby|patient|pt|mom|dad)\s+in\s+(?:exam|room|bed|bay|chair|triage)\s*(?:room\s+)?\d+|(?:first|last|next|earliest|latest|\d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.|o['’]clock))\s+(?:appointment|patient|visit|walk-in)\s+(?:of\s+the\s+day\s+|today\s+|yesterday\s+|this\s+morning\s+)?(?:was|,)\s*(?:a|an)\s+|\bour\s+\d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.|o['’]clock))`),
		// "Had a sweet 80-year-old tell me today …"
		had: compile(`(?i)\b(?:just\s+|so\s+)?(?:had|saw|met|treated)\s+(?:a|an|the|this|our|one)\s+(?:[\pL\d'’-]+\s+){0,3}?` + storyPerson + `\b`),
		// "a pic of the new mom holding her baby"
		photo: compile(`(?i)\b(?:photo|photos|pic|pics|picture|pictures|selfie|video|snapshot|footage|close-?up|clip|reel)\s+(?:of|with)\s+(?:a|an|the|this|our|one|little|baby|sweet)\s+(?:[\pL\d'’-]+\s+){0,3}?` + storyPerson + `\b`),
		// "A 7-year-old …", "the boy in room 3 …", "this sweet baby …"
		one: compile(`(?i)\b(?:a|an|one|this|that|the|our)\s+(?:[\pL\d'’-]+\s+){0,3}?` + storyPerson + `\b`).nearWords(storyPersonWords...),
		// The times of a visit that make a sentence about one person a story.
		past: compile(`(?i)\b(?:yesterday|this\s+(?:morning|afternoon|evening|week|past\s+week)|earlier\s+today|today|tonight|last\s+(?:night|week|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend)|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|over\s+the\s+weekend|the\s+other\s+day|recently|just\s+(?:came|left|had|got))\b`),
		// Verbs in the past tense right after the person.
		after: compile(`(?i)^(?:\s+(?:[\pL\d'’-]+|in\s+(?:exam\s+)?room\s+\d+)){0,3}?\s+(?:who\s+)?(?:came|walked|showed|was|were|had|got|brought|visited|arrived|presented|told|needed|left|stopped|called|wrote|sent|fell|broke|cut|burned|swallowed|ran|spent|went|ended|woke|complained|limped|cried|smiled|laughed|said|rolled|hobbled|rushed|waited|hugged|gave|drew|made|finished|beat|survived|celebrated|turned|lost|learned|insisted|refused|panicked|fainted|admitted|confessed|collapsed|asked|kept|sat|needed|finished|showed|tried|lost)\b`),
		// Verbs of a visit right after the person, which need no time.
		visit: compile(`(?i)^(?:\s+(?:[\pL\d'’-]+|in\s+(?:exam\s+)?room\s+\d+)){0,3}?\s+(?:who\s+)?(?:came\s+(?:in|by|to\s+(?:us|see|our))|walked\s+in|showed\s+up|arrived|presented|visited\s+us|stopped\s+by|was\s+(?:brought|rushed|carried)|brought\s+(?:her|his|their)|told\s+us|wrote\s+(?:to\s+)?us|sent\s+us|left\s+us|gave\s+us|hobbled|limped|swallowed|fell\s+(?:off|out|down|from)|broke\s+(?:her|his|their)|turned\s+\d+)\b`),
	}
})

// storyPlain are the story patterns whose every match is a story, in the
// order phiStories adds them, put together once.
var storyPlain = sync.OnceValue(func() []*pattern {
	return slices.Concat(storyRE().reply, []*pattern{storyRE().we}, storyRE().slot, []*pattern{storyRE().photo})
})

// storyGeneral words before a person make it anyone: "if a child has", "when
// a patient comes in".
var storyGeneral = advSet("if", "when", "whenever", "every", "any", "each", "unless", "study", "studies",
	"research", "cdc", "guidelines", "whether", "than", "for", "like", "as", "help", "helps", "protect",
	"protects", "keep", "keeps", "makes", "make", "can", "may", "might", "should", "would", "could")

// phiStories returns ms, sorted by Start, with the stories in sc's text
// that overlap none of them: an identifier in a story ("a 94-year-old
// came in") is the more precise finding.
func phiStories(sc *scan, ms []Match) []Match {
	s := sc.s
	var found []Match
	// taken marks the bytes the matches so far cover.
	taken := make([]bool, len(s))
	for _, m := range ms {
		for k := m.Start; k < m.End; k++ {
			taken[k] = true
		}
	}
	add := func(i, j int) {
		// A match may begin with the end of the sentence before.
		for i < j && (strings.IndexByte(advSentenceStops, s[i]) >= 0 || phiSpace(s[i])) {
			i++
		}
		for k := i; k < j; k++ {
			if taken[k] {
				return
			}
		}
		for k := i; k < j; k++ {
			taken[k] = true
		}
		found = append(found, Match{Start: i, End: j, Rule: "PHI-STORY"})
	}
	for _, p := range storyPlain() {
		for _, m := range p.FindAllIn(sc) {
			add(m[0], m[1])
		}
	}
	for _, m := range storyRE().had.FindAllIn(sc) {
		// "Had a sweet 80-year-old tell me …" opens its sentence.
		if start, _ := advBounds(s, m[0], m[1]); strings.TrimSpace(s[start:m[0]]) == "" {
			add(m[0], m[1])
		}
	}
	for _, m := range storyRE().cameIn.FindAllIn(sc) {
		i, j := m[0], m[1]
		if advAny(advWords(advBefore(s, i, advClauseStops), 3), storyGeneral) {
			continue
		}
		start, end := advBounds(s, i, j)
		if storyRE().past.MatchString(s[start:end]) || storyRE().one.MatchString(s[i:j]) {
			add(i, j)
		}
	}
	for _, m := range storyRE().one.FindAllIn(sc) {
		i, j := m[0], m[1]
		if advAny(advWords(advBefore(s, i, advClauseStops), 3), storyGeneral) {
			continue
		}
		start, end := advBounds(s, i, j)
		past := storyRE().past.MatchString(s[start:end])
		det := strings.ToLower(firstWord(s[i:j]))
		if w := strings.ToLower(s[i:j]); strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "twins") && !strings.HasSuffix(w, "triplets") && !strings.HasSuffix(w, "old") {
			continue // people in general: "all the dads today"
		}
		if storyRE().visit.MatchString(s[j:end]) || past && (storyRE().after.MatchString(s[j:end]) || det == "the" || det == "this" || det == "that") {
			add(i, j)
		}
	}
	for _, sen := range sc.sentences() {
		if sen.question(s) {
			continue
		}
		if i, j, ok := storySentence(s, sen); ok {
			add(i, j)
		}
	}
	if len(found) == 0 {
		return ms
	}
	out := append(ms, found...)
	slices.SortFunc(out, func(a, b Match) int { return a.Start - b.Start })
	return out
}

// firstWord returns the first word of s.
func firstWord(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}

// storySentence reports whether sen, a sentence of s, tells of one
// patient with no name, in words no phrase of the rule above foresaw: a
// person ("a teenager in our Wednesday group", "one of our pharmacy
// regulars", "the starting quarterback at Springfield High"), what they
// did or what happened to them (a verb in the past tense, "is doing",
// "has been"), and their health (a condition, a symptom, a medicine, a
// visit). It returns the person's words. "A child with a fever may be
// fussy" speaks of anyone: it hedges, or generalises, or asks.
func storySentence(s string, sen sentence) (i, j int, ok bool) {
	words := sen.words
	if len(words) < 5 || advAny(words, storyHedges) {
		return 0, 0, false
	}
	person := -1
	for k := 0; k+1 < len(words) && person < 0; k++ {
		if !storyDeterminers[words[k]] || k > 0 && storyGeneral[words[k-1]] {
			continue
		}
		if words[k] == "one" && k+2 < len(words) && words[k+1] == "of" && words[k+2] == "our" {
			// "one of our pharmacy regulars"
			for m := k + 3; m < min(len(words), k+6); m++ {
				if storyNouns[strings.TrimSuffix(words[m], "s")] {
					person = m
					break
				}
			}
			continue
		}
		for m := k + 1; m < min(len(words), k+5); m++ {
			if storyNouns[words[m]] {
				if words[k] == "our" && storyStaff[words[m]] {
					break // "our nurse", the practice's own
				}
				person = m
				break
			}
			if storyStops[words[m]] {
				break
			}
		}
	}
	if person < 0 {
		return 0, 0, false
	}
	rest := words[person+1:]
	happened := false
	for k, w := range rest {
		if storyPast[w] || len(w) > 4 && strings.HasSuffix(w, "ed") && !storyNotPast[w] ||
			(w == "is" || w == "was") && k+1 < len(rest) && strings.HasSuffix(rest[k+1], "ing") ||
			w == "has" && k+1 < len(rest) && rest[k+1] == "been" {
			happened = true
			break
		}
	}
	health := false
	for _, w := range words {
		health = health || advConditions[w] || advSymptoms[w] && !advBodyOnly[w] || medObject(w) || storyHealth[w]
	}
	if !happened || !health {
		return 0, 0, false
	}
	k := strings.Index(sen.lower, words[person])
	if k < 0 || len(sen.lower) != sen.end-sen.start {
		// The person's word, where lower case kept the sentence's bytes.
		return sen.start, sen.end, true
	}
	return sen.start + k, sen.start + k + len(words[person]), true
}

// Word sets of storySentence, made once.
var (
	storyDeterminers = advSet("a", "an", "one", "the", "this", "that", "our")
	storyNouns       = func() map[string]bool {
		m := advSet("patient", "client", "regular", "teenager", "teen", "quarterback", "lady", "gentleman", "grandpa",
			"grandma", "veteran", "nurse", "teacher", "student", "toddler", "kid", "kiddo", "boy", "girl", "man",
			"woman", "mom", "dad", "senior", "athlete", "player", "runner", "retiree", "newborn", "baby", "infant",
			"preemie", "resident", "member", "mother", "father", "grandmother", "grandfather", "youngster", "guy")
		return m
	}()
	storyStaff  = advSet("nurse", "nurses", "doctor", "team", "staff", "member", "resident", "student")
	storyStops  = advSet("is", "are", "was", "were", "has", "have", "who", "that", "with", "and", "or", "to", "for")
	storyHedges = advSet("if", "when", "whenever", "any", "may", "might", "can", "could", "should",
		"usually", "often", "typically", "generally", "most", "many", "some", "study", "studies", "research", "tips",
		"would", "will", "unless", "whether")
	storyPast = advSet("came", "got", "had", "went", "broke", "fell", "told", "said", "lost", "took", "gave",
		"left", "brought", "ran", "saw", "began", "felt", "found", "kept", "wore", "woke", "ate", "swallowed",
		"tore", "threw", "hit", "cut", "bit", "stung", "slept", "drove", "flew", "sent", "wrote", "met", "won",
		"disclosed", "showed", "made", "became", "stopped", "quit")
	storyNotPast = advSet("need", "needed", "used", "based", "related", "recommended", "advanced", "licensed",
		"certified", "trained", "qualified", "experienced", "balanced", "limited", "detailed", "skilled", "red")
	storyHealth = advSet("pt", "visit", "appointment", "exam", "surgery", "therapy", "session", "shot", "shots",
		"inhaler", "retainer", "braces", "cast", "stitches", "x-ray", "mri", "scan", "diagnosis", "diagnosed",
		"acl", "harm", "counselor", "rehab", "treatment", "prescription", "dose", "insulin", "chemo", "dialysis")
)
