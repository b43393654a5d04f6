package reply

import (
	"strings"
	"unicode"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/spanish"
	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// A token is one content word of a text.
type token struct {
	// word is the word as written in the text.
	word string
	// term is the word as it is matched: case-folded, without accents,
	// with shorthand spelled out, and stemmed.
	term string
	// alt is the word as it is matched in Spanish, when the text's words
	// do not tell its language (it is stemmed in English then) and that
	// differs from term; otherwise "". Unaccented Spanish ("aceptan
	// medicaid?") has no mark and often no stopword.
	alt string
}

// A language is a language a text is stemmed in.
type language int

const (
	langEnglish language = iota
	langSpanish
)

// tokenize returns the content words of text, in order. It drops links,
// @mentions, e-mail addresses, emoji, punctuation and stopwords, splits
// words on hyphens and slashes and hashtags on their camel case, and
// stems every word in the language the text's stopwords point to.
func tokenize(text string) []token {
	words := scanWords(text)
	if len(words) == 0 {
		return nil
	}
	fold := newFolder()
	keys := make([]string, len(words))
	for i, w := range words {
		keys[i] = foldWord(fold, w)
	}
	lang, told := weighLanguages(keys, strings.ContainsAny(text, spanishMarks))
	var toks []token
	for i, key := range keys {
		if isStopword(key, lang) {
			continue
		}
		term := termOf(fold, key, lang)
		if term == "" {
			continue
		}
		t := token{word: words[i], term: term}
		if !told {
			if alt := termOf(fold, key, langSpanish); alt != term {
				t.alt = alt
			}
		}
		toks = append(toks, t)
	}
	return toks
}

// termOf returns the term of key, a folded word, in lang: with shorthand
// spelled out, synonyms made one, and stemmed.
func termOf(fold transform.Transformer, key string, lang language) string {
	if long, ok := abbreviations[key]; ok {
		key = long[lang]
	}
	if word, ok := synonyms[key]; ok {
		key = word
	}
	return stem(fold, key, lang)
}

// newFolder returns a transformer that folds case and removes accents
// (combining marks after canonical decomposition). It is not safe for
// concurrent use.
func newFolder() transform.Transformer {
	return transform.Chain(cases.Fold(), norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}

// foldWord returns w case-folded, without accents and with its
// apostrophes written as "'".
func foldWord(fold transform.Transformer, w string) string {
	s, _, err := transform.String(fold, w)
	if err != nil {
		s = strings.ToLower(w)
	}
	return strings.Map(func(r rune) rune {
		if isApostrophe(r) {
			return '\''
		}
		return r
	}, s)
}

// isStopword reports whether key is a stopword of lang or conversational
// filler of either language.
func isStopword(key string, lang language) bool {
	bits := stopwords[key]
	switch {
	case bits&isFiller != 0:
		return true
	case lang == langSpanish:
		return bits&inSpanish != 0
	default:
		return bits&inEnglish != 0
	}
}

// stem returns the stem of key in lang, without accents. Words without
// letters, such as numbers, are kept as they are.
func stem(fold transform.Transformer, key string, lang language) string {
	key = strings.TrimSuffix(key, "'s")
	key = strings.ReplaceAll(key, "'", "")
	if !strings.ContainsFunc(key, unicode.IsLetter) {
		return key
	}
	if lang == langSpanish {
		// The Spanish stemmer knows some suffixes only with their
		// accent, which comments often leave out.
		key = restoreSpanishAccent(key)
		return foldWord(fold, spanish.Stem(key, true))
	}
	return english.Stem(key, true)
}

// restoreSpanishAccent puts back the accent of the suffixes "-ción" and
// "-logía" for the Spanish stemmer.
func restoreSpanishAccent(w string) string {
	for _, s := range [...]struct{ bare, accented string }{
		{"cion", "ción"},
		{"logia", "logía"},
		{"logias", "logías"},
	} {
		if stem, ok := strings.CutSuffix(w, s.bare); ok {
			return stem + s.accented
		}
	}
	return w
}

// scanWords returns the words of text as written: runs of letters and
// digits (with their combining marks and inner apostrophes), after links,
// e-mail addresses and @mentions are removed. A hashtag gives the words of
// its camel case.
func scanWords(text string) []string {
	rs := []rune(text)
	blankLinks(rs)
	blankHandles(rs)
	var words []string
	for i := 0; i < len(rs); {
		if !isWordRune(rs[i]) {
			i++
			continue
		}
		hashtag := i > 0 && rs[i-1] == '#'
		j := wordEnd(rs, i, !hashtag)
		if hashtag {
			words = appendCamelWords(words, rs[i:j])
		} else {
			words = append(words, string(rs[i:j]))
		}
		i = j
	}
	return words
}

// wordEnd returns the end of the word starting at rs[i]. With apostrophes,
// an apostrophe between two letters belongs to the word, as in "don't".
func wordEnd(rs []rune, i int, apostrophes bool) int {
	j := i + 1
	for j < len(rs) {
		r := rs[j]
		switch {
		case isWordRune(r) || isMark(r):
			j++
		case apostrophes && isApostrophe(r) && j+1 < len(rs) && unicode.IsLetter(rs[j+1]) &&
			(unicode.IsLetter(rs[j-1]) || isMark(rs[j-1])):
			j++
		default:
			return j
		}
	}
	return j
}

// appendCamelWords appends to words the words of a hashtag, split where
// its case changes: "FluShot" gives "Flu" and "Shot", "HPVVaccine" gives
// "HPV" and "Vaccine", "flushot" stays whole.
func appendCamelWords(words []string, rs []rune) []string {
	start := 0
	for k := 1; k < len(rs); k++ {
		if !unicode.IsUpper(rs[k]) {
			continue
		}
		p := k - 1
		for p > start && isMark(rs[p]) {
			p--
		}
		prev := rs[p]
		if unicode.IsLower(prev) || unicode.IsDigit(prev) ||
			unicode.IsUpper(prev) && k+1 < len(rs) && unicode.IsLower(rs[k+1]) {
			words = append(words, string(rs[start:k]))
			start = k
		}
	}
	return append(words, string(rs[start:]))
}

// blankLinks replaces links (a scheme followed by "://", or "www.") up to
// the next space with spaces.
func blankLinks(rs []rune) {
	for i := 0; i < len(rs); i++ {
		start := -1
		if rs[i] == ':' && i+2 < len(rs) && rs[i+1] == '/' && rs[i+2] == '/' {
			s := i
			for s > 0 && isSchemeRune(rs[s-1]) {
				s--
			}
			if s < i {
				start = s
			}
		} else if (i == 0 || !isWordRune(rs[i-1])) && hasPrefixFold(rs[i:], "www.") {
			start = i
		}
		if start < 0 {
			continue
		}
		end := i
		for end < len(rs) && !unicode.IsSpace(rs[end]) {
			end++
		}
		blank(rs[start:end])
		i = end
	}
}

// blankHandles replaces @mentions and e-mail addresses with spaces.
func blankHandles(rs []rune) {
	for i := 0; i < len(rs); i++ {
		if rs[i] != '@' || i+1 == len(rs) || !isWordRune(rs[i+1]) {
			continue
		}
		start := i
		email := i > 0 && (isWordRune(rs[i-1]) || isMark(rs[i-1]))
		if email {
			for start > 0 && (isWordRune(rs[start-1]) || isMark(rs[start-1]) || strings.ContainsRune("._-+", rs[start-1])) {
				start--
			}
		}
		end := i + 1
		for end < len(rs) {
			r := rs[end]
			next := end+1 < len(rs) && isWordRune(rs[end+1])
			if isWordRune(r) || isMark(r) || r == '_' ||
				next && (r == '.' || email && r == '-' || !email && isApostrophe(r)) {
				end++
				continue
			}
			break
		}
		blank(rs[start:end])
		i = end - 1
	}
}

func blank(rs []rune) {
	for i := range rs {
		rs[i] = ' '
	}
}

// hasPrefixFold reports whether rs starts with the ASCII lowercase prefix,
// ignoring case.
func hasPrefixFold(rs []rune, prefix string) bool {
	if len(rs) < len(prefix) {
		return false
	}
	for i := range len(prefix) {
		if unicode.ToLower(rs[i]) != rune(prefix[i]) {
			return false
		}
	}
	return true
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isMark(r rune) bool { return unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me) }

func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' || r == '\u02bc' }

func isSchemeRune(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '+' || r == '-' || r == '.'
}

// Bits of stopwords.
const (
	inEnglish = 1 << iota // a stopword of English
	inSpanish             // a stopword of Spanish
	isFiller              // greetings and thanks, dropped in either language
)

// stopwords maps function words, question words, generic words and
// conversational filler, folded and without accents, to the languages
// they are stopwords of.
var stopwords = func() map[string]uint8 {
	m := make(map[string]uint8)
	add := func(bits uint8, words string) {
		for _, w := range strings.Fields(words) {
			m[w] |= bits
		}
	}
	add(inEnglish, `a about above after against all also am an and any anybody
		anyone anything are aren't as at be because been before being but by can
		can't cannot cant could couldn't did didn't didnt do does doesn't
		doesnt doing don't dont each even ever for from get gets getting got
		had has have haven't having he her here hers him his how i i'd i'll
		i'm i've if im in into is isn't isnt it it's its ive just know let
		let's like me might more most much must my need no not now of off on
		only or other our ours out should so some someone something still
		than that that's the their theirs them then there there's these
		they they're this those to too u up ur us very w want was wasn't we
		we're were what what's whats when where which while who whom whose
		why will with won't would wondering yall y'all yet you you're youre
		your yours`)
	add(inEnglish|isFiller, `hello hey hi ok okay pls plz please thank
		thanks thx ty`)
	add(inSpanish, `a al algo algun alguna alguno aqui asi cada como con
		contra cual cuales cuando cuanto cuanta cuantos cuantas de del
		desde donde durante el ella ellas ellos en entre era es esa ese eso
		esta estan estas este esto estos estoy fue ha hace hacer hago han
		hay he la las le les lo los mas me mi mis muy nada necesito ni no
		nos nosotros o otra otro para pero poco podemos por porque pq puede
		pueden puedo q que quien quienes quiero se sea ser si sin sobre
		solo son su sus tambien te tengo ti tiene tienen todo todos tu tus
		un una unas uno unos usted ustedes vos xq y ya yo`)
	add(inSpanish|isFiller, `buenas buenos favor gracias hola porfa
		porfavor saludos`)
	return m
}()

// abbreviations spells out common shorthand of comments, as an English
// and a Spanish word, indexed by language.
var abbreviations = map[string][2]string{
	"appt":  {"appointment", "cita"},
	"appts": {"appointments", "citas"},
	"apt":   {"appointment", "cita"},
	"dr":    {"doctor", "doctor"},
	"drs":   {"doctors", "doctores"},
	"hrs":   {"hours", "horas"},
	"info":  {"information", "informacion"},
	"meds":  {"medications", "medicamentos"},
	"rx":    {"prescription", "receta"},
	"vax":   {"vaccine", "vacuna"},
}

// synonyms maps words patients use for the same thing to one of them, in
// English and in Spanish, so that a comment's word meets an entry's: a
// short, general table of a practice's vocabulary.
var synonyms = map[string]string{
	// English.
	"provider": "doctor", "providers": "doctors", "physician": "doctor", "physicians": "doctors",
	"clinician": "doctor", "clinicians": "doctors", "doc": "doctor", "docs": "doctors",
	"translator": "interpreter", "translators": "interpreters", "translation": "interpreter",
	"telehealth": "video", "telemedicine": "video", "virtual": "video", "virtually": "video",
	"zoom": "video", "facetime": "video", "videocall": "video", "videochat": "video",
	"jab": "vaccine", "jabs": "vaccines", "immunization": "vaccine", "immunizations": "vaccines",
	"shot": "vaccine", "shots": "vaccines", "booster": "vaccine", "boosters": "vaccines",
	"bloodwork": "lab", "labs": "lab", "paperwork": "forms", "intake": "forms",
	"invoice": "bill", "statement": "bill", "pick": "choose", "select": "choose",
	"payment": "pay", "payments": "pay", "translate": "interpreter",
	// Spanish.
	"escoger": "elegir", "seleccionar": "elegir", "traductor": "interprete", "traductores": "interpretes",
	"doctora": "doctor", "medico": "doctor", "medica": "doctor", "medicos": "doctores",
	"consulta": "cita", "consultas": "citas", "inyeccion": "vacuna", "inyecciones": "vacunas",
	"formas": "formularios", "papeles": "formularios", "papeleo": "formularios",
	"videollamada": "video", "videollamadas": "video", "videoconsulta": "video", "telesalud": "video",
}
