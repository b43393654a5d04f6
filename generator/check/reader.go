package check

import (
	"sort"
	"strings"

	"github.com/faqcast/faqcast/internal/names"
)

// The reader rule is the last net for individual advice: a sentence that
// speaks to one reader (or of one person: "he", "your son") about their
// health, with a medicine, a condition, a symptom or a test in it, and
// tells them what to do or what they have, without the hedges of general
// education (a condition, "ask your doctor", "most people", a question,
// the label's directions). "Stay off it until the swelling is gone" and
// "Don't push until you feel the urge" are caught; "Ask your doctor
// whether you need a booster" and "Wash your hands" are not.

// readerWords name the reader or one person.
var readerWords = advSet("you", "your", "you're", "you've", "you'll", "you'd", "yours", "u", "ur", "he", "she",
	"him", "her", "his", "he's", "she's", "yourself")

// readerImperative verbs open an instruction: the verbs of care, and a
// few of waiting and deciding.
var readerImperative = func() map[string]bool {
	m := advSet("hold", "wait", "stay", "push", "don't", "dont", "never", "stop", "skip", "keep", "let", "make",
		"be", "come", "bring", "give", "take", "try", "put", "use", "apply", "avoid", "ice", "rest")
	for w := range advCareVerbs {
		m[w] = true
	}
	return m
}()

// readerMedical words make a sentence about health, beyond the medicines
// and conditions the other rules know.
var readerMedical = advSet("wine", "beer", "pump", "milk", "cereal", "bottle", "solids", "juice", "sushi", "dairy", "gluten", "fasting",
	"food", "foods", "honey", "er", "emergency", "urgent", "stitches", "surgery", "x-ray", "xray", "mri", "ct",
	"scan", "ultrasound", "biopsy", "follow-up", "followup", "labor", "contractions", "pregnancy", "pregnant",
	"breastfeeding", "formula", "diet", "calories", "carbs", "sugar", "salt", "caffeine", "coffee", "alcohol",
	"exercise", "running", "workout", "gym", "sports", "therapy", "stretches", "stretch", "brace", "cast",
	"crutches", "splint", "sling", "ice", "heat", "swelling", "bleeding", "temperature", "fever", "pain",
	"dose", "doses", "shot", "shots", "vaccine", "vaccines", "booster", "meds", "medicine", "medication",
	"antibiotics", "inhaler", "insulin", "test", "tests", "screening", "mammogram", "colonoscopy", "pap",
	"physical", "checkup", "check-up", "visit", "appointment")

// readerHedges in a sentence make it general education or a referral.
var readerHedges = []string{"ask your", "talk to", "talk with", "check with", "call us", "call our", "call your",
	"call the", "call 911", "call 988", "your doctor", "your care team", "your provider", "your clinician",
	"your pharmacist", "your nurse", "your dentist", "your pediatrician", "book", "schedule", "make an appointment",
	"label", "as directed", "as prescribed", "package", "we offer", "we can", "we'll", "we will", "our office",
	"our clinic", "our team", "our nurses", "our doctors", "may need", "might need", "may want", "might want",
	"most people", "many people", "most adults", "most kids", "most children", "in general", "usually",
	"generally", "typically", "cdc", "guidelines", "recommends", "recommended"}

// readerGeneral words opening a sentence make it about people in general.
var readerGeneral = advSet("if", "when", "whenever", "unless", "whether", "most", "many", "some", "people",
	"adults", "children", "kids", "parents", "everyone", "anyone", "patients", "teens", "babies", "women", "men",
	"it's", "there", "this", "these", "those", "every", "each", "all", "our", "we", "a", "an", "the", "before",
	"after", "during", "once", "while", "to", "for", "with", "how", "what", "why", "who", "which", "where")

// A sentenceRule judges whole sentences, for what no phrase gives away:
// the reader rule, promises, superlatives and testimonials in any words.
type sentenceRule struct {
	id string
	// flags reports whether the sentence is flagged; lower is it in lower
	// case with ’ as ', words its words (see [advWords]), ours the words
	// of the practice's own names (see [ourWords]).
	flags func(sentence, lower string, words []string, wc wordClasses, ours map[string]bool) bool
}

// sentenceRules are the rules of whole sentences, in the order they are
// tried; the first that flags a sentence reports it.
var sentenceRules = []sentenceRule{
	{"ADVICE-YOU", readerAdvice},
	{"ADVICE-DIAGNOSIS", diagnosisSentence},
	{"CLAIM-TESTIMONIAL", testimonialSentence},
	{"CLAIM-GUARANTEE", promiseSentence},
	{"CLAIM-GUARANTEE", superlativeSentence},
	{"CLAIM-TESTIMONIAL", resultSentence},
}

// readerSentences returns matches for the sentences of sc's text that a
// sentence rule flags and no match in have touches; ours are the words of
// the practice's own names.
func readerSentences(sc *scan, have []Match, ours map[string]bool) []Match {
	var out []Match
	s := sc.s
	// asked is set after a question about the reader's body: "That pain
	// shooting down your leg? Sciatica." answers it with a diagnosis.
	asked := false
	var wc wordClasses // of each sentence's words, in space reused
	for _, sen := range sc.sentences() {
		i, j := sen.start, sen.end
		sentence, lower, words := s[i:j], sen.lower, sen.words
		wasAsked := asked
		asked = sen.question(s) && advAny(words, readerWords)
		// Only a fragment answers so: "Colds are common in fall" after
		// "Got a cough?" is education.
		if wasAsked && len(words) > 0 && len(words) <= 6 && advCondition(words) && !advAny(words, readerVerbs) && !touches(have, i, j) {
			out = append(out, Match{Start: i, End: j, Rule: "ADVICE-DIAGNOSIS"})
			continue
		}
		if j-i < 8 || touches(have, i, j) {
			continue
		}
		if sen.question(s) {
			continue
		}
		wc = classesOf(words, wc.each)
		for _, r := range sentenceRules {
			if r.flags(sentence, lower, words, wc, ours) {
				out = append(out, Match{Start: i, End: j, Rule: r.id})
				break
			}
		}
	}
	return out
}

// ourWords returns the words of allow's names, the staff's and the
// practice's, in lower case, but for ordinary English words: "Dr. Lopez
// was amazing" praises the practice; "Family" of "Riverbend Family
// Medicine" is no sign of it.
func ourWords(allow *Allow) map[string]bool {
	m := map[string]bool{}
	lx := names.Load()
	for _, n := range allow.Names {
		for _, w := range advWords(n, 20) {
			if lx.Word(w) < 50 {
				m[w] = true
			}
		}
	}
	return m
}

// touches reports whether a match in ms overlaps s[i:j].
// ms must be sorted by Start; none may hold another.
func touches(ms []Match, i, j int) bool {
	k := sort.Search(len(ms), func(k int) bool { return ms[k].End > i })
	for ; k < len(ms) && ms[k].Start < j; k++ {
		if ms[k].End > i {
			return true
		}
	}
	return false
}

// readerAdvice reports whether sentence gives one reader advice about
// their health.
func readerAdvice(sentence, lower string, words []string, wc wordClasses, ours map[string]bool) bool {
	if len(words) < 3 || readerGeneral[words[0]] {
		return false
	}
	reader, medical, one := false, false, false
	deixis := false // the word before is one of readerDeixis
	for k, w := range words {
		c := wc.each[k]
		reader = reader || c&clsReader != 0
		medical = medical || c&clsMedical != 0 || medGeneric(w)
		// One person's case: "he", "her", "until the swelling is gone",
		// "tonight", "your rash".
		one = one || c&clsOne != 0 || deixis && c&clsIll != 0
		deixis = c&clsDeixis != 0
	}
	if !medical {
		return false // all advice below is about the reader's health
	}
	for _, h := range readerHedges {
		if strings.Contains(lower, h) {
			return false
		}
	}
	one = one || readerRegimen(words) || strings.Contains(lower, "trust me") || strings.Contains(lower, "in your case") ||
		strings.Contains(lower, "since you") || strings.Contains(lower, "because you") ||
		strings.Contains(lower, "right away") || strings.Contains(lower+" ", "this week ") || strings.Contains(lower, "for now")
	// "Heat stroke is …" starts with a noun, not an imperative.
	imperative := readerImperative[words[0]] && !readerNouns[words[1]]
	if medical && (reader || imperative) && readerPromise(lower, words) {
		return true
	}
	if medical && readerTold(words) && readerChange(words) {
		// "Your grandson can skip the DTaP booster", "you can leave your
		// Synthroid at home": a medicine changed for one person.
		return true
	}
	if !medical || !one || !reader && !imperative {
		return false
	}
	if imperative {
		return true
	}
	// Not an imperative: the reader is told what to do or what they have.
	return readerTold(words) || strings.Contains(lower, "you should") || strings.Contains(lower, "you need") ||
		strings.Contains(lower, "u should") || strings.Contains(lower, "u need") ||
		strings.Contains(lower, "you can") || strings.Contains(lower, "you don't need") ||
		strings.Contains(lower, "you must") || strings.Contains(lower, "you'll be fine") ||
		strings.Contains(lower, "you're fine") || strings.Contains(lower, "you have") ||
		strings.Contains(lower, "he should") || strings.Contains(lower, "she should") ||
		strings.Contains(lower, "he can") || strings.Contains(lower, "she can") ||
		strings.Contains(lower, "he needs") || strings.Contains(lower, "she needs") ||
		strings.Contains(lower, "he doesn't need") || strings.Contains(lower, "she doesn't need") ||
		strings.Contains(lower, "trust me")
}

// readerPromise reports whether a sentence promises one reader an
// outcome of a remedy: "Put your baby on soy formula, the colic will
// stop", "elevate your legs; that'll fix the swelling".
func readerPromise(lower string, words []string) bool {
	for _, p := range []string{"that'll fix", "that will fix", "will stop", "will pass", "will disappear",
		"will go away", "will clear up", "will heal", "will settle", "will calm", "should sort you out", "will sort"} {
		if strings.Contains(lower, p) {
			for _, w := range words {
				if advConditions[w] || advSymptoms[w] && !advBodyOnly[w] || medObject(w) {
					return true
				}
			}
		}
	}
	return false
}

// readerTold reports whether words tell one person what to do: a person
// ("you", "he", "your son", "i'd", "if i were you") before a modal verb,
// with at most one adverb between them: "your son should sleep propped up",
// "you might want to switch".
func readerTold(words []string) bool {
	for k, w := range words {
		subject := readerSubjects[w] || k > 0 && (words[k-1] == "your" || words[k-1] == "ur") && readerKin[w]
		if !subject {
			continue
		}
		next := k + 1
		if next < len(words) && readerAdverbs[words[next]] {
			next++
		}
		if next < len(words) && readerModals[words[next]] {
			return true
		}
		if next+1 < len(words) && (words[next] == "has" || words[next] == "have" || words[next] == "got") && words[next+1] == "to" {
			return true // "your son has to stay home"
		}
	}
	return false
}

// readerChange reports whether words change a medicine or a vaccine: a
// verb of change within three words before one ("skip the DTaP booster",
// "leave your Synthroid", "keep taking allopurinol").
func readerChange(words []string) bool {
	for k, w := range words {
		if !readerChangeVerbs[w] {
			continue
		}
		for _, v := range words[k+1 : min(len(words), k+5)] {
			if medObject(v) || readerVaccines[v] {
				return true
			}
		}
	}
	return false
}

// readerRegimen reports whether words hold a regimen or a deadline of one
// case: a count of hours, days or weeks ("for 6 weeks", "every 3 hours",
// "20 minutes"), a frequency ("twice a day") or a day ("until Monday").
func readerRegimen(words []string) bool {
	for k, w := range words {
		if k > 0 && readerSpans[w] && (readerCount(words[k-1]) || words[k-1] == "few" || words[k-1] == "next" || words[k-1] == "this") {
			return true
		}
		if (w == "twice" || w == "once" || w == "times") && k+2 < len(words) && (words[k+1] == "a" || words[k+1] == "per" || words[k+1] == "each") {
			return true
		}
		if readerDays[w] && k > 0 && (words[k-1] == "until" || words[k-1] == "till" || words[k-1] == "by" || words[k-1] == "before") {
			return true
		}
	}
	return false
}

// readerCount reports whether w is a count: digits or a number word.
func readerCount(w string) bool {
	return readerNumbers[w] || medNumber(w)
}

// readerVerbs make a short sentence a statement rather than a fragment.
var readerVerbs = advSet("is", "are", "was", "were", "be", "can", "may", "might", "will", "could", "should",
	"include", "includes", "cause", "causes", "help", "helps", "get", "gets", "have", "has", "do", "does",
	"spread", "spreads", "happen", "happens", "call", "ask", "see", "try", "it's", "that's", "they're")

// readerOne words make an instruction one person's: a person, or a time
// of their own case.
var readerOne = advSet("he", "she", "him", "her", "his", "he's", "she's", "until", "till", "tonight", "tomorrow",
	"today", "anymore", "yet")

// Word sets of the functions above, made once.
var (
	readerSubjects    = advSet("you", "u", "he", "she", "i'd", "we'd", "you'll", "you'd", "you're", "he's", "she's")
	readerChangeVerbs = advSet("skip", "stop", "quit", "leave", "double", "halve", "switch", "start", "drop",
		"taking", "ditch", "pause", "cut", "increase", "decrease", "lower", "raise", "up", "bump", "try", "use")
	readerVaccines = advSet("vaccine", "vaccines", "shot", "shots", "booster", "boosters", "jab", "dose", "doses",
		"dtap", "tdap", "mmr", "hpv", "hib", "rsv", "flu", "covid", "rotavirus", "chickenpox", "varicella")
	readerKin = advSet("son", "daughter", "baby", "kid", "kids", "kiddo", "child", "children", "toddler", "teen",
		"teenager", "husband", "wife", "partner", "spouse", "mom", "mother", "dad", "father", "grandson",
		"granddaughter", "grandma", "grandpa", "grandmother", "grandfather", "boy", "girl", "infant", "newborn",
		"one", "guy", "twins", "preemie", "parents", "sister", "brother")
	readerModals = advSet("should", "shouldn't", "need", "needs", "must", "ought", "can", "could", "might", "may",
		"gotta", "better", "won't", "can't", "cannot", "don't", "doesn't")
	readerAdverbs = advSet("really", "probably", "definitely", "just", "still", "honestly", "absolutely", "totally",
		"also", "now", "only", "then", "both")
	readerSpans   = advSet("minutes", "hours", "days", "weeks", "months", "nights", "mornings", "hour", "day", "week", "month", "night")
	readerDays    = advSet("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "tomorrow", "tonight", "morning", "then")
	readerNumbers = advSet("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "several")
	readerDeixis  = advSet("your", "that", "this", "his", "her")
	readerNouns   = advSet("advisory", "wave", "exhaustion", "index", "is", "are", "was", "were", "can", "may", "might", "causes", "helps", "stroke", "rash", "season", "shots", "and", "or")
)
