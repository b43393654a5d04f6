package check

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/faqcast/faqcast/internal/names"
)

// Advice returns the spans of t that give individual medical advice or make
// claims a practice must not make:
//
//   - ADVICE-YOU: advice aimed at the reader ("you should take", "in your
//     case", "based on your symptoms", "I recommend you" …), advice tied to
//     the reader's own case (individual.go) and, for what no phrase gives
//     away, sentences that instruct one reader about their health
//     (reader.go).
//   - ADVICE-DIAGNOSIS: a diagnosis of the reader ("you have strep", "this
//     sounds like", "you are suffering from" …), but not conditionals and
//     questions ("if you have a fever", "do you have questions") or
//     non-medical objects ("you have the right", "you have insurance"); and
//     of the reader's family, guesses and readings of symptoms
//     (diagnosis.go).
//   - ADVICE-MEDICINE: an instruction to start, stop, skip, delay or change
//     a medicine, a dose or a vaccine (medicine.go).
//   - ADVICE-DOSE: a dose in an instruction ("take 500 mg", "give your child
//     5 mL", "500 mg twice a day"), but not general facts ("the label lists
//     500 mg", "doses range from 250 mg").
//   - CLAIM-GUARANTEE: guarantees and superlatives ("cures", "guaranteed",
//     "100% effective", "risk-free", "best doctors", "#1" …) and promises in
//     any wording (claim.go), but not their negations ("there is no cure",
//     "no guarantee").
//   - CLAIM-TESTIMONIAL: patient stories ("one of our patients", "Maria told
//     us", "I was diagnosed", "before-and-after photos" …), quoted praise
//     and a patient's voice (claim.go).
//
// Matching is case-insensitive (names excepted) on word boundaries. The
// matches are sorted and do not overlap; where two would, the earlier (then
// the longer) wins.
func Advice(t Text) []Match {
	return advice(newScan(textLexicon(), t.Text), nil, isSpanish(t.Lang))
}

// advice is [Advice] of sc's text; spanish adds the Spanish rules.
func advice(sc *scan, ours map[string]bool, spanish bool) []Match {
	s := sc.s
	var out []Match
	rules := advRules()
	if spanish {
		rules = slices.Concat(advRules(), advSpanish())
	}
	for _, r := range rules {
		for _, m := range r.re.FindAllSubmatchIn(sc) {
			if m[0] >= m[1] || (r.keep != nil && !r.keep(s, m)) {
				continue
			}
			info := advInfo[r.id]
			end := m[1]
			if r.end != nil {
				end = r.end(s, m)
			}
			out = append(out, Match{
				Start:   m[0],
				End:     end,
				Rule:    r.id,
				Message: info.what + `: "` + advQuote(s[m[0]:end]) + `"`,
				Hint:    info.hint,
			})
		}
	}
	slices.SortFunc(out, func(a, b Match) int { return a.Start - b.Start })
	for _, m := range readerSentences(sc, advKept(out), ours) {
		info := advInfo[m.Rule]
		m.Message = info.what + `: "` + advQuote(s[m.Start:m.End]) + `"`
		m.Hint = info.hint
		out = append(out, m)
	}
	slices.SortFunc(out, func(a, b Match) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	kept := out[:0]
	end := -1
	for _, m := range out {
		if m.Start < end || strings.HasPrefix(m.Rule, "ADVICE-") && (advConditionalItem(s, m.Start) || advOfPublicFigure(s, m)) {
			continue
		}
		if h, ok := advHintSpanish[m.Rule]; ok && spanish {
			m.Hint = h // its examples in the text's language
		}
		kept = append(kept, m)
		end = m.End
	}
	return kept
}

// advConditionalItem reports whether s[i:] is in an item of a list that a
// condition leads into: "Call us right away if:" and then "- Your baby is
// younger than 3 months and has a fever" is education for every reader.
func advConditionalItem(s string, i int) bool {
	line := strings.LastIndexByte(s[:i], '\n') + 1
	if !advListItem(s[line:]) {
		return false
	}
	// The lead-in is the nearest line before the list that is no item.
	for line > 0 {
		prev := strings.LastIndexByte(s[:line-1], '\n') + 1
		text := strings.TrimSpace(s[prev : line-1])
		line = prev
		if text == "" || advListItem(text) {
			continue
		}
		words := advWords(strings.TrimRight(text, ":"), 1)
		return len(words) == 1 && advLeadIns[words[0]]
	}
	return false
}

// advOfPublicFigure reports whether the sentence of m names a public figure
// or a character and does not speak to the reader: "Michael J. Fox was
// diagnosed with Parkinson's disease at 29" tells what the public knows;
// "your son has it, like Michael J. Fox" tells a reader what their son has.
func advOfPublicFigure(s string, m Match) bool {
	start, end := advBounds(s, m.Start, m.End)
	if advAny(advWords(s[start:end], 80), advSecondPerson) {
		return false
	}
	toks := nameTokens(s[start:end], "", nil)
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.raw
	}
	lx := names.Load()
	for i, t := range toks {
		if !t.capital {
			continue
		}
		if n, kind := lx.Known(words[i:min(len(words), i+5)]); n > 1 && (kind == names.Person || kind == names.Character) {
			return true
		}
	}
	return false
}

// advSecondPerson are the words that speak to the reader.
var advSecondPerson = advSet("you", "your", "you're", "you've", "you'll", "you'd", "yours", "yourself", "u", "ur")

// advListItem reports whether a line is an item of a Markdown list.
func advListItem(line string) bool {
	line = strings.TrimLeft(line, " \t")
	if strings.HasPrefix(line, "- ") || strings.HasPrefix(line, "* ") || strings.HasPrefix(line, "+ ") {
		return true
	}
	k := 0
	for k < len(line) && line[k] >= '0' && line[k] <= '9' {
		k++
	}
	return k > 0 && k+1 < len(line) && (line[k] == '.' || line[k] == ')') && line[k+1] == ' '
}

// advLeadIns are the last words of a line that makes the list after it
// conditions: "Call us if", "See a doctor when".
var advLeadIns = advSet("if", "when", "whenever", "unless")

// advKept returns ms, sorted by Start, without the matches that overlap
// an earlier one.
func advKept(ms []Match) []Match {
	var kept []Match
	end := -1
	for _, m := range ms {
		if m.Start >= end {
			kept = append(kept, m)
			end = m.End
		}
	}
	return kept
}

// advQuote returns a flagged phrase for a message: lower case, its white
// space collapsed.
func advQuote(p string) string {
	return strings.ToLower(strings.Join(strings.Fields(p), " "))
}

type advRule struct {
	id string
	re *pattern
	// keep reports whether the match m (submatch indices into s) stands;
	// nil keeps every match.
	keep func(s string, m []int) bool
	// end, when set, returns where a kept match ends, for an expression
	// that matches only its start.
	end func(s string, m []int) int
	// expr, set instead of re, is an expression to split by alternative
	// (see [advEach]).
	expr string
}

// advHintSpanish are the hints of advInfo whose examples, in a Spanish
// text, are Spanish.
var advHintSpanish = map[string]string{
	"ADVICE-YOU":       `write it as general education: "Muchos adultos …" or "Su equipo de atención puede sugerirle …"`,
	"ADVICE-DIAGNOSIS": `describe the condition instead ("La faringitis estreptocócica es una infección que …") and invite readers to book a visit for a diagnosis`,
	"ADVICE-MEDICINE":  `do not tell a reader to start, stop, skip or change a medicine or vaccine; write "Hable con su equipo de atención antes de cambiar una medicina" and link to the page about it`,
	"ADVICE-DOSE":      `do not give doses; write "Siga la dosis de la etiqueta o la que le indique su profesional de salud"`,
	"CLAIM-GUARANTEE":  `use evidence-qualified wording with a source: "ayuda a muchas personas …", "puede reducir el riesgo de …"`,
}

var advInfo = map[string]struct{ what, hint string }{
	"ADVICE-YOU": {"individual advice",
		`write it as general education: "Many adults …" or "Your care team may suggest …"`},
	"ADVICE-DIAGNOSIS": {"diagnosis of the reader",
		`describe the condition instead ("Strep throat is an infection that …") and invite readers to book a visit for a diagnosis`},
	"ADVICE-MEDICINE": {"an instruction about one patient's medicine, dose or vaccine",
		`do not tell a reader to start, stop, skip or change a medicine or vaccine; write "Talk to your care team before you change a medicine" and link to the page about it`},
	"ADVICE-DOSE": {"dose aimed at the reader",
		`do not give doses; write "Follow the dose on the label or from your clinician"`},
	"CLAIM-GUARANTEE": {"guarantee or superlative claim",
		`use evidence-qualified wording with a source: "helps many people …", "may lower the risk of …"`},
	"CLAIM-TESTIMONIAL": {"patient testimonial",
		`use aggregate, de-identified facts instead of a patient's story; some states ban testimonials in physician ads`},
}

// Word lists the keep functions use. They are read-only.
var (
	// advCareTeam in the sentence before "you should …" makes it reported,
	// general advice: "Ask your doctor whether you should take aspirin."
	advCareTeam = []string{"ask your", "talk to your", "talk with your", "check with your",
		"your doctor", "your care team", "your clinician", "your pharmacist", "your provider", "your nurse"}
	// advConditional words shortly before "you have" make it a condition
	// or a question, not a diagnosis.
	advConditional = advSet("if", "when", "whenever", "unless", "whether", "once", "while", "until", "before", "after",
		"do", "does", "did", "don't", "think", "thought", "believe", "feel", "worry", "worried", "suspect",
		"know", "unsure", "sure", "wonder", "ask", "asks", "case", "even", "what", "which", "how",
		"why", "whatever", "anything", "everything", "check", "confirm", "tell", "whoever")
	// advNonMedical objects of "you have" are not conditions.
	advNonMedical = advSet("right", "rights", "question", "questions", "insurance", "choice", "choices",
		"appointment", "appointments", "option", "options", "time", "access", "coverage", "copy", "account",
		"opportunity", "to", "been", "already", "concern", "concerns", "referral", "card", "portal", "plan",
		"visit", "visits", "done", "had", "made", "received", "completed", "paid", "read", "heard", "seen",
		"not", "no", "our", "my", "kids", "children", "child", "family", "pets", "more", "less", "every",
		"many", "several", "few", "minute", "minutes", "moment", "say", "until", "it", "this", "that",
		"them", "everything", "you", "lot", "fun", "good", "great", "plenty", "permission", "privacy",
		"benefits", "medicare", "medicaid", "paperwork", "forms", "form", "id", "one", "two", "three",
		"mail", "something", "anything", "nothing", "ever", "never", "also", "just", "still",
		"both", "all")
	// advNegation words shortly before a claim undo it: "we cannot guarantee".
	advNegation = advSet("no", "not", "never", "cannot", "can't", "isn't", "aren't", "won't", "don't", "doesn't",
		"without", "neither", "nor", "nobody", "nothing", "none", "hasn't", "haven't", "wasn't")
	// advGeneral words before "no side effects" make it a fact about people.
	advGeneral = advSet("most", "many", "some", "people", "adults", "children", "kids", "patients", "may", "often", "usually")
	// advDoseFact words in a dose's sentence make it a general fact.
	advDoseFact = advSet("label", "labels", "labeled", "package", "packaging", "lists", "listed", "range", "ranges",
		"ranging", "contains", "contain", "comes", "studies", "study", "research", "researchers", "trial", "trials",
		"strength", "strengths", "between", "such", "usually", "typically", "generally", "adults", "standard",
		"maximum", "max", "recommended", "typical", "most", "drink", "drinks")
	// advNotNames are capitalised words before "told us" that are not a
	// patient's name.
	advNotNames = advSet("she", "he", "they", "we", "it", "you", "i", "patients", "parents", "people", "families",
		"many", "some", "most", "doctors", "nurses", "everyone", "someone", "readers", "moms", "dads", "kids",
		"children", "researchers", "experts", "who", "this", "that", "staff", "clinicians", "pharmacists",
		"portal", "portals", "care", "services", "education", "resources", "forms", "guide", "center", "rights",
		"privacy", "handbook", "survey", "surveys", "advisory", "council", "family", "families", "experience")
)

// advKeys returns the words of the sets, sorted, once each.
func advKeys(sets ...map[string]bool) []string {
	var words []string
	for _, set := range sets {
		for w := range set {
			words = append(words, w)
		}
	}
	slices.Sort(words)
	return slices.Compact(words)
}

func advSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// advBefore returns the text before i back to the last of the stop bytes.
func advBefore(s string, i int, stops string) string {
	from := max(0, i-advReach)
	return s[from+strings.LastIndexAny(s[from:i], stops)+1 : i]
}

// advReach is the most bytes a rule reads of a sentence either side of a
// match: a text with no sentence's end in it is read in pieces, so that a
// check's time grows with the text's length, not with its square.
const advReach = 600

const (
	advSentenceStops = ".!?;\n"
	advClauseStops   = ".!?;:,\n()—–"
)

// advSentence returns the sentence around s[i:j].
func advSentence(s string, i, j int) string {
	start, end := advBounds(s, i, j)
	return s[start:end]
}

// advInLine is the space between two words of one line or of a line and
// the next, but not across a blank line, which ends a Markdown block.
const advInLine = `(?:[^\S\n]+\n?|\n)[^\S\n]*`

// advQuestion reports whether the sentence around s[i:j] is a question:
// "Can I cancel my shots by phone?" asks; it instructs no one.
func advQuestion(s string, i, j int) bool {
	_, end := advBounds(s, i, j)
	return end < len(s) && s[end] == '?'
}

// advBounds returns where the sentence around s[i:j] starts and ends.
func advBounds(s string, i, j int) (start, end int) {
	from := max(0, i-advReach)
	start, end = from+strings.LastIndexAny(s[from:i], advSentenceStops)+1, min(len(s), j+advReach)
	if k := strings.IndexAny(s[j:end], advSentenceStops); k >= 0 {
		end = j + k
	}
	return start, end
}

// advWords returns the last n words of s, lower case, with ’ as ': the
// runs of letters, digits and apostrophes of s in lower case. A word that
// is already in lower case ASCII is a slice of s; only the others are
// copied.
func advWords(s string, n int) []string {
	return appendAdvWords(make([]string, 0, min(n, len(s)/4+1)), s, n)
}

// appendAdvWords appends [advWords] of s and n to dst and returns it.
func appendAdvWords(dst []string, s string, n int) []string {
	f, k := dst, len(dst)
	for i := 0; i < len(s); {
		j, plain := i, true
		for j < len(s) {
			c := s[j]
			if c < utf8.RuneSelf {
				if !advWordByte(c) {
					break
				}
				plain = plain && !('A' <= c && c <= 'Z')
				j++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[j:])
			if r == '’' {
				r = '\''
			}
			if r = unicode.ToLower(r); r == utf8.RuneError || !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' {
				break
			}
			plain = false
			j += size
		}
		switch {
		case j == i:
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			continue
		case plain:
			f = append(f, s[i:j])
		default:
			f = append(f, strings.ToLower(strings.ReplaceAll(s[i:j], "’", "'")))
		}
		i = j
	}
	if len(f)-k > n {
		f = f[:k+copy(f[k:], f[len(f)-n:])]
	}
	return f
}

// advWordByte reports whether the ASCII byte c belongs in a word of
// [advWords]: a letter, a digit or an apostrophe.
func advWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '\''
}

func advAny(words []string, set map[string]bool) bool {
	return slices.ContainsFunc(words, func(w string) bool { return set[w] })
}

// advGroup returns submatch g of m in s, lower case, or "".
func advGroup(s string, m []int, g int) string {
	if 2*g+1 >= len(m) || m[2*g] < 0 {
		return ""
	}
	return strings.ToLower(strings.ReplaceAll(s[m[2*g]:m[2*g+1]], "’", "'"))
}

// advNotNegated keeps a claim unless a negation stands shortly before it.
func advNotNegated(s string, m []int) bool {
	return !advAny(advWords(advBefore(s, m[0], advSentenceStops), 6), advNegation)
}

const (
	advNumber = `(?:\d+(?:[.,]\d+)?(?:\s*(?:-|–|to|or)\s*\d+(?:[.,]\d+)?)?\s*|\d+/\d+\s*|½\s*|(?:one|two|three|four|five|six|half\s+a|a\s+half)\s+)(?:(?:more|extra|additional)\s+)?`
	advUnit   = `(?:mg|mcg|µg|μg|g|grams?|milligrams?|micrograms?|ml|milliliters?|millilitres?|cc|units?|iu|tablets?|tabs?|pills?|capsules?|caps|drops?|puffs?|sprays?|teaspoons?|tsp|tablespoons?|tbsp)\b`
	advFreq   = `(?:\s*,?\s*(?:once|twice|three\s+times|four\s+times|\d+\s+times|\d+x|one\s+time)\s+(?:a|per|each|every)\s+(?:day|night|week)|\s+(?:of\s+[\pL-]+\s+)?(?:daily|nightly|a\s+day|per\s+day|each\s+day|every\s+day|at\s+bedtime|at\s+night|before\s+bed|in\s+the\s+morning|every\s+morning|every\s+night|(?:after|with|before)\s+(?:every|each)\s+(?:feed|feeding|meal|bottle)|every\s+(?:\d+(?:\s*(?:-|–|to)\s*\d+)?|few|other)\s+(?:hours?|days?)))`
	advVerb   = `(?:take|takes|taking|give|giving|use|using|apply|inhale|swallow|chew|drink|inject|put|place|spray|start|increase|decrease|double|try|mix|add|dissolve|lower|raise|reduce|cut|bump|load|have|halve|drop|up|split|divide|crush)`
	advDose   = `\b` + advNumber + advUnit
)

// advNumberWords start every dose's number, after \b.
var advNumberWords = []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "½", "one", "two", "three", "four", "five", "six", "half"}

// advRankFact after "number one" makes it a fact: "the number one cause of".
var advRankFact = sync.OnceValue(func() *pattern {
	return compile(`(?i)^\s+(?:cause|causes|reason|killer|risk|source|leading|question|thing|tip|way|goal|priority)\b`)
})

var advDoseAfter = sync.OnceValue(func() *pattern {
	return compile(`(?i)^\s*(?:syringes?|cups?|spoons?|bottles?|tubes?|vials?|droppers?|packages?|packs?|box|boxes|measuring|size|strength|versions?|forms?)\b`)
})

// advRules are the rules Advice runs, in the order of their IDs in [Rules].
var advRules = sync.OnceValue(func() []advRule {
	return advSplit(slices.Concat(advReaderRules(), advCaseRules(), []advRule{advCaseRule()}, advDiagnosisRules(), []advRule{advDiagnosisLike()}, []advRule{medRule(), medInsteadRule(), medNoNeedRule(), medPassiveRule()}, advClaimRules(), advPromiseRules()))
})

// advSpanish are the Spanish rules, split (see advice_es.go).
var advSpanish = sync.OnceValue(func() []advRule {
	return advSplit(advSpanishRules)
})

var advReaderRules = sync.OnceValue(func() []advRule {
	return []advRule{
		{id: "ADVICE-YOU", re: compile(`(?i)\b(?:you(?:['’]ll|\s+will)?\s+(?:really\s+|definitely\s+|absolutely\s+)?(?:should(?:\s+not)?|shouldn['’]t|must|need\s+to|have\s+to|ought\s+to)\s+(?:take|stop|start|use|try|increase|decrease|double|skip|switch\s+to|quit)(?:\s+taking|\s+using)?|in\s+your\s+(?:specific\s+|particular\s+|own\s+)?case|based\s+on\s+(?:your|the)\s+symptoms(?:\s+you\s+(?:describe|described|mention|mentioned))?|based\s+on\s+your\s+(?:test\s+results|results|history|labs?)|for\s+your\s+(?:specific\s+|particular\s+)?(?:condition|symptoms)|i\s+(?:would\s+|strongly\s+|personally\s+)?(?:recommend|advise|suggest)\s+(?:that\s+)?you|we\s+(?:would\s+|strongly\s+)?(?:recommend|advise)\s+(?:that\s+)?you\s+(?:take|stop|start|use|try|double|increase|decrease))\b`).
			// Every match has a modal verb, "case", "based", "condition",
			// "symptoms" or a verb of advice, each starting a word: rarer than
			// "you", which the expression would be scanned near otherwise.
			nearWords("should", "must", "need", "have", "ought", "case", "based", "condition", "symptoms", "recommend", "advise", "suggest"),
			keep: func(s string, m []int) bool {
				before := strings.ToLower(advBefore(s, m[0], advSentenceStops))
				return !slices.ContainsFunc(advCareTeam, func(p string) bool { return strings.Contains(before, p) })
			}},
		{id: "ADVICE-DIAGNOSIS", re: compile(`(?i)\b(?:you\s+(?:(?:probably|likely|most\s+likely|definitely|clearly|almost\s+certainly|obviously)\s+)?(?:have(?:\s+got)?|['’]ve\s+got|are\s+suffering\s+from|are\s+showing\s+signs\s+of)|you['’]ve\s+(?:probably\s+|likely\s+)?got|you['’]re\s+(?:suffering\s+from|showing\s+signs\s+of)|this\s+(?:sounds|looks)\s+like)\s+(?:(a|an|the|some|any|your)\s+)?([\pL\d'’-]+)`),
			keep: func(s string, m []int) bool {
				if advNonMedical[advGroup(s, m, 2)] {
					return false
				}
				return !advHedged(s, m[0])
			}},
		{id: "ADVICE-DOSE", re: compile(`(?i)\b` + advVerb + `\b(?:,?\s+[\pL'’]+){0,4}?,?\s+` + advDose + advFreq + `?|` + advDose + advFreq).
			nearWords(advNumberWords...).
			// Every match has a dose, which a simpler expression finds in
			// a fraction of the time: most texts have none.
			onlyIf(compile(`(?i)` + advDose).nearWords(advNumberWords...).MatchString),
			keep: func(s string, m []int) bool {
				if advDoseAfter().MatchString(s[m[1]:]) {
					return false
				}
				words := advWords(advSentence(s, m[0], m[1]), 60)
				return !advAny(words, advDoseFact)
			}},
	}
})

var advClaimRules = sync.OnceValue(func() []advRule {
	return []advRule{
		{id: "CLAIM-GUARANTEE", expr: `(?i)\b(?:cures|cured|curing|(?:will|can|could|guaranteed(?:\s+to)?|permanent|complete|instant|quick|total|natural|miracle)\s+cure|guarantee[sd]?|guaranteeing|100\s*%\s*(?:effective|safe|success(?:ful)?|guaranteed|painless|natural|cure|satisfaction|results?)|100\s+percent\s+(?:effective|safe|success(?:ful)?|guaranteed|painless)|risk[\s-]free|miracles?|miraculous(?:ly)?|(?:the\s+)?best\s+(?:doctors?|physicians?|surgeons?|dentists?|pediatricians?|specialists?)|(?:the\s+)?best\s+care\s+in|permanent(?:ly)?\s+fix(?:es|ed)?|fix(?:es|ed)?\s+(?:it\s+|them\s+)?permanently|(?:completely|totally|entirely|guaranteed|always)\s+painless|painless\s+(?:procedures?|treatments?|surgery|injections?|shots?|dentistry|removal|results?)|(?:no|zero|without\s+any)\s+side\s+effects)\b`,
			keep: func(s string, m []int) bool {
				p := strings.ToLower(s[m[0]:m[1]])
				if strings.HasSuffix(p, "side effects") {
					return !advAny(advWords(advBefore(s, m[0], advSentenceStops), 4), advGeneral)
				}
				return advNotNegated(s, m)
			}},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)(?:#\s?1|\bno\.\s?1|\bnumber\s+one)\b`),
			keep: func(s string, m []int) bool {
				return !advRankFact().MatchString(s[m[1]:]) && advNotNegated(s, m)
			}},
		{id: "CLAIM-TESTIMONIAL", re: compile(`(?i)\b(?:one\s+of\s+our\s+(?:patients|clients)|a\s+(?:patient|client)\s+of\s+ours|i\s+(?:was|got|have\s+been|had\s+been)\s+diagnosed|i['’]ve\s+been\s+diagnosed|my\s+(?:doctor|dentist|surgeon|physician|pediatrician|provider)\s+(?:at\s+(?:\s*[^\s.!?]+){1,6}?\s*\s+)?(?:cured|fixed|saved|healed)\s+(?:me|my)|before-and-after|before\s+(?:and|&)\s+after\s+(?:photos?|pictures?|pics|images?|gallery|results?))\b`).
			// Rarer than "doctor" and "patient", each holding a match.
			near("patients", "clients", "ours", "diagnosed", "cured", "fixed", "saved", "healed", "before")},
		{id: "CLAIM-TESTIMONIAL", re: compile(`\b(?i:our\s+(?:patient|client))\s+((?:(?:Mr|Mrs|Ms|Miss)\.?\s+)?[A-Z][a-z]+)\b`),
			keep: func(s string, m []int) bool { return !advNotNames[advGroup(s, m, 1)] }},
		{id: "CLAIM-TESTIMONIAL", re: compile(`\b((?:(?:Mr|Mrs|Ms|Miss)\.?\s+)?[A-Z][a-z]+)\s+(?i:told\s+us|shared\s+(?:her|his|their)\s+story)\b`),
			keep: func(s string, m []int) bool { return !advNotNames[advGroup(s, m, 1)] }},
		{id: "CLAIM-TESTIMONIAL", re: compile(`\b(?i:after\s+(?:seeing|visiting|meeting)|thanks\s+to)\s+Dr\.?\s+[A-Z][\pL'’-]+,?\s+(?:I|my|we)\b`)},
	}
})

// advSplit returns rules with those given as expr split by alternative.
func advSplit(rules []advRule) []advRule {
	var out []advRule
	for _, r := range rules {
		if r.expr != "" {
			out = append(out, advEach(r)...)
		} else {
			out = append(out, r)
		}
	}
	return out
}

// advEach returns r as one rule per alternative of its expression's
// outermost alternation (see [alternatives]). r.keep must not read
// submatches, whose numbers change.
func advEach(r advRule) []advRule {
	var out []advRule
	for _, p := range compileEach(r.expr) {
		out = append(out, advRule{id: r.id, re: p, keep: r.keep, end: r.end})
	}
	return out
}
