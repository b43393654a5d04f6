package check

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/language"
)

// A Score is the readability of a text.
type Score struct {
	Words, Sentences, Syllables int
	// Grade is the Flesch–Kincaid grade level:
	// 0.39·(words/sentences) + 11.8·(syllables/words) − 15.59.
	Grade float64
	// Ease is the Flesch Reading Ease:
	// 206.835 − 1.015·(words/sentences) − 84.6·(syllables/words).
	Ease           float64
	LongSentences  int // sentences over 20 words
	LongParagraph  int // words in the longest paragraph
	LongestSection int // words in the longest run of text between headings
	// Lang is the base language the text was scored in, such as "es",
	// when it is not English; then Grade and Ease are zero.
	Lang string
	// Inflesz is the Szigriszt-Pazos perspicuity of a Spanish text, read
	// on the INFLESZ scale (Barrio-Cantalejo et al., 2008):
	// 206.835 − 62.3·(syllables/words) − words/sentences. Below 40 is very
	// difficult, 40 to 55 somewhat difficult, 55 to 65 normal, 65 to 80
	// fairly easy, over 80 very easy.
	Inflesz float64
}

// String returns the score to one decimal: the grade and the ease of an
// English text, such as "grade 6.2, reading ease 71.3"; the INFLESZ
// score and its band of a Spanish one, such as "INFLESZ 61.8 (normal)";
// and of another language, that it has no score.
func (s Score) String() string {
	switch s.Lang {
	case "":
		return fmt.Sprintf("grade %.1f, reading ease %.1f", s.Grade, s.Ease)
	case "es":
		return fmt.Sprintf("INFLESZ %.1f (%s)", s.Inflesz, InfleszBand(s.Inflesz))
	}
	return fmt.Sprintf("not scored: no readability formula for %q", s.Lang)
}

// InfleszBand returns the INFLESZ band of a score: "very difficult",
// "somewhat difficult", "normal", "fairly easy" or "very easy".
func InfleszBand(score float64) string {
	switch {
	case score < 40:
		return "very difficult"
	case score < 55:
		return "somewhat difficult"
	case score < 65:
		return "normal"
	case score <= 80:
		return "fairly easy"
	}
	return "very easy"
}

// Readability scores a Markdown body's prose with a line scan of the
// Markdown:
//
//   - A blank line ends a paragraph, and the end of a paragraph, heading,
//     list item or table row ends a sentence; within them, a sentence ends at
//     ".", "!" or "?" before a space (not after "Dr", "Mr", "Mrs", "Ms", "St",
//     "vs" or a single letter, as in "e.g.").
//   - A "#" line is a heading: its words count in Words, Sentences and
//     Syllables but in no paragraph or section, and it starts a new section.
//   - A list item ("-", "*", "+", "1.") is a paragraph of its own; list
//     markers, "> " quote markers and table pipes are stripped.
//   - Fenced code, inline code, HTML comments and tags, images, URLs, email
//     addresses, link destinations, reference definitions, table rules and
//     thematic breaks do not count. Indented code blocks are not detected.
//
// A word is a run of letters and digits (with inner apostrophes, hyphens and
// number separators); a word of digits only has one syllable. A text with no
// words has the zero Score: grade 0 and ease 0.
func Readability(markdown string) Score { return readability(markdown, syllables) }

// ReadabilityIn is [Readability] of a text in language lang, a BCP 47
// tag: English texts ("" too) are scored as Readability scores them;
// Spanish ones on the INFLESZ scale, with syllables counted by Spanish
// rules (see [Score.Inflesz]); texts in other languages get their words,
// sentences and lengths counted, and no score, with Lang set.
func ReadabilityIn(markdown, lang string) Score {
	base := baseLanguage(lang)
	switch base {
	case "", "en":
		return Readability(markdown)
	case "es":
		sc := readability(markdown, spanishSyllables)
		sc.Grade, sc.Ease, sc.Lang = 0, 0, "es"
		if sc.Words > 0 && sc.Sentences > 0 {
			sc.Inflesz = 206.835 - 62.3*float64(sc.Syllables)/float64(sc.Words) - float64(sc.Words)/float64(sc.Sentences)
		}
		return sc
	}
	sc := readability(markdown, syllables)
	sc.Grade, sc.Ease, sc.Syllables, sc.Lang = 0, 0, 0, base
	return sc
}

// baseLanguage returns the base language of the BCP 47 tag lang, such as
// "es" for "es-MX", or lang in lower case if it does not parse.
func baseLanguage(lang string) string {
	if lang == "" {
		return ""
	}
	tag, err := language.Parse(lang)
	if err != nil {
		return strings.ToLower(lang)
	}
	base, _ := tag.Base()
	return base.String()
}

// isSpanish reports whether lang, a BCP 47 tag, is Spanish ("es",
// "es-MX"), without parsing it: the text rules ask it of every text.
func isSpanish(lang string) bool {
	return len(lang) >= 2 && strings.EqualFold(lang[:2], "es") && (len(lang) == 2 || lang[2] == '-')
}

// readability scores markdown as Readability describes, counting each
// word's syllables with count.
func readability(markdown string, count syllableCounter) Score {
	var sc Score
	var para []string // the lines of the current paragraph
	var runes []rune  // space for a block's characters
	section := 0
	flush := func() {
		if len(para) == 0 {
			return
		}
		n := readAdd(&sc, strings.Join(para, " "), &runes, count)
		para = para[:0]
		sc.LongParagraph = max(sc.LongParagraph, n)
		section += n
		sc.LongestSection = max(sc.LongestSection, section)
	}
	fence := ""
	if strings.Contains(markdown, "<!--") {
		markdown = readComment.ReplaceAllString(markdown, "")
	}
	for line := range strings.SplitSeq(markdown, "\n") {
		trim := strings.TrimSpace(line)
		if fence != "" {
			if strings.HasPrefix(trim, fence) && strings.Trim(trim, fence[:1]) == "" {
				fence = ""
			}
			continue
		}
		if f := readStarts(trim, "`~", readFence); f != "" {
			flush()
			fence = f
			continue
		}
		// Quote markers go first: a quote may hold any other block.
		for strings.HasPrefix(trim, ">") {
			trim = strings.TrimSpace(trim[1:])
		}
		switch {
		case trim == "" || readStarts(trim, "*-_=", readRule) != "" || readStarts(trim, "[", readRefDef) != "" ||
			readStarts(trim, "|:-", readTableRule) != "":
			flush()
		case readStarts(trim, "#", readHeading) != "":
			flush()
			readAdd(&sc, strings.TrimRight(readHeading.ReplaceAllString(trim, ""), "# "), &runes, count)
			section = 0
		case readStarts(trim, "-*+0123456789", readList) != "":
			flush()
			para = append(para, readList.ReplaceAllString(trim, ""))
		case strings.HasPrefix(trim, "|"):
			flush()
			para = append(para, strings.ReplaceAll(trim, "|", " "))
			flush()
		default:
			para = append(para, trim)
		}
	}
	flush()
	if sc.Words > 0 && sc.Sentences > 0 {
		wps := float64(sc.Words) / float64(sc.Sentences)
		spw := float64(sc.Syllables) / float64(sc.Words)
		sc.Grade = 0.39*wps + 11.8*spw - 15.59
		sc.Ease = 206.835 - 1.015*wps - 84.6*spw
	}
	return sc
}

var (
	readComment   = regexp.MustCompile(`(?s)<!--.*?(?:-->|$)`)
	readFence     = regexp.MustCompile("^(?:`{3,}|~{3,})")
	readHeading   = regexp.MustCompile(`^#{1,6}(?:\s+|$)`)
	readList      = regexp.MustCompile(`^(?:[-*+]|\d{1,9}[.)])(?:\s+\[[ xX]\])?(?:\s+|$)`)
	readRule      = regexp.MustCompile(`^(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,}|=+)$`)
	readRefDef    = regexp.MustCompile(`^\[[^\]]+\]:\s*\S+`)
	readTableRule = regexp.MustCompile(`^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?$`)

	readCode  = regexp.MustCompile("`+[^`]*`+")
	readImage = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]`)
	readLink  = regexp.MustCompile(`\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])`)
	readTag   = regexp.MustCompile(`<[^>\s]+:[^>\s]*>|</?[A-Za-z][^>]*>`)
	readURL   = regexp.MustCompile(`(?i)\b(?:https?://|www\.)[^\s<>()]*[^\s<>().,;:!?'"]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+`)
)

// readStarts returns the match of re, an expression anchored at the start
// of a line, in line, if line starts with one of the bytes first, which
// every match starts with; or else "". Most lines are prose, which starts
// with none of them.
func readStarts(line, first string, re *regexp.Regexp) string {
	if line == "" || strings.IndexByte(first, line[0]) < 0 {
		return ""
	}
	return re.FindString(line)
}

// readInline strips inline Markdown that is not prose.
func readInline(s string) string {
	// Each expression runs only on text that has what it needs: most
	// prose has no code, images, links, tags or URLs.
	if strings.Contains(s, "`") {
		s = readCode.ReplaceAllString(s, " ")
	}
	if strings.Contains(s, "![") {
		s = readImage.ReplaceAllString(s, " ")
	}
	if strings.Contains(s, "[") {
		s = readLink.ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "<") {
		s = readTag.ReplaceAllString(s, " ")
	}
	if holdsLiteral(s, "http") || holdsLiteral(s, "www.") || strings.Contains(s, "@") {
		s = readURL.ReplaceAllString(s, " ")
	}
	return s
}

// readAbbrev are words a "." after does not end a sentence.
var readAbbrev = map[string]bool{"dr": true, "mr": true, "mrs": true, "ms": true, "st": true, "vs": true, "jr": true, "sr": true, "prof": true,
	"dra": true, "sra": true, "srta": true, "ud": true, "uds": true, "lic": true}

// A syllableCounter returns the syllables of a word, with fold as space
// to work in, which it returns for the next word.
type syllableCounter func(fold []byte, word []rune) (int, []byte)

// readAdd adds the sentences of one block of text to sc and returns its
// number of words. buf is space for the block's characters, which it
// keeps for the next.
func readAdd(sc *Score, text string, buf *[]rune, count syllableCounter) int {
	rs := (*buf)[:0]
	for _, r := range readInline(text) {
		rs = append(rs, r)
	}
	*buf = rs
	total, inSentence := 0, 0
	start, last := -1, [2]int{} // the word being read; the last word read
	var fold []byte             // scratch space for syllables
	endWord := func(end int) {
		if start < 0 {
			return
		}
		var n int
		n, fold = count(fold, rs[start:end])
		sc.Words++
		sc.Syllables += n
		total++
		inSentence++
		last = [2]int{start, end}
		start = -1
	}
	endSentence := func() {
		if inSentence == 0 {
			return
		}
		sc.Sentences++
		if inSentence > 20 {
			sc.LongSentences++
		}
		inSentence = 0
	}
	alnum := func(i int) bool { return i >= 0 && i < len(rs) && (unicode.IsLetter(rs[i]) || unicode.IsDigit(rs[i])) }
	for i, r := range rs {
		switch {
		case alnum(i):
			if start < 0 {
				start = i
			}
			continue
		case start >= 0 && readJoiner(r) && alnum(i+1):
			continue
		case start >= 0 && (r == '.' || r == ',') && unicode.IsDigit(rs[i-1]) && i+1 < len(rs) && unicode.IsDigit(rs[i+1]):
			continue
		}
		endWord(i)
		if r != '.' && r != '!' && r != '?' {
			continue
		}
		j := i + 1
		for j < len(rs) && strings.ContainsRune(`.!?)]"'’”*_`, rs[j]) {
			j++
		}
		if j < len(rs) && !unicode.IsSpace(rs[j]) {
			continue
		}
		if r == '.' && j < len(rs) && readAbbreviation(rs[last[0]:last[1]]) {
			continue
		}
		endSentence()
	}
	endWord(len(rs))
	endSentence()
	return total
}

// readJoiner reports whether r joins the letters of a word: an apostrophe
// or a hyphen.
func readJoiner(r rune) bool { return r == '\'' || r == '’' || r == '-' }

// readHyphen reports whether r is a hyphen or a dash that joins the parts
// of a word.
func readHyphen(r rune) bool { return r == '-' || r == '‐' || r == '–' }

// readAbbreviation reports whether a "." after word does not end a
// sentence: word is a single letter or one of readAbbrev.
func readAbbreviation(word []rune) bool {
	if len(word) == 1 {
		return unicode.IsLetter(word[0])
	}
	if len(word) > 4 {
		return false // longer than any of readAbbrev
	}
	return readAbbrev[strings.ToLower(string(word))]
}

// readSyllables are words the rules in Syllables get wrong. "every" has two
// syllables ("ev-ry"), as Merriam-Webster and the CMU dictionary give it.
var readSyllables = map[string]int{
	"every": 2, "everyone": 3, "everything": 3, "everybody": 4, "everywhere": 3,
	"area": 3, "areas": 3, "idea": 3, "ideas": 3, "recipe": 3, "create": 2, "created": 3,
	"diabetes": 4, "diabetic": 4, "influenza": 4, "fluid": 2, "fluids": 2, "tissue": 2, "tissues": 2,
	"business": 2, "evening": 2, "vegetable": 4, "vegetables": 4, "video": 3, "radio": 3,
	"period": 3, "periods": 3, "serious": 3, "seriously": 4, "various": 3, "obvious": 3, "previous": 3,
	"experience": 4, "science": 2, "diet": 2, "diets": 2, "quiet": 2, "client": 2, "clients": 2,
	"prior": 2, "via": 2, "trial": 2, "trials": 2, "antibiotic": 5, "antibiotics": 5,
	"pediatric": 4, "pediatrician": 5, "pediatricians": 5, "diagnosis": 4, "diagnose": 3, "diagnosed": 3,
	"diagnoses": 4, "nausea": 3, "dietitian": 4, "dietitians": 4, "biopsy": 3, "anxiety": 4,
	"hygiene": 2, "toward": 2,
}

// Syllables estimates the syllables of an English word: it counts vowel
// groups (y is a vowel except before a vowel or first), then drops a silent
// final "e" and the "e" of "-es" and "-ed" where it is silent, keeps "-le"
// after a consonant, and adds one for "-ia", "-ium", "-ua" and "-ing" after
// a vowel; a table holds common words the rules miss. Hyphenated words sum
// their parts. A word of digits only has one syllable, a word with no
// letters or digits none; any other word has at least one.
func Syllables(word string) int {
	n, _ := syllables(nil, []rune(word))
	return n
}

// syllables is Syllables of a word given as runes. It folds the word's
// letters into fold, which it returns for the next word to reuse.
func syllables(fold []byte, word []rune) (int, []byte) {
	n := 0
	for i := 0; i < len(word); {
		j := i
		for j < len(word) && !readHyphen(word[j]) {
			j++
		}
		var m int
		if j > i {
			m, fold = syllablesPart(fold, word[i:j])
		}
		n += m
		i = j + 1
	}
	return n, fold
}

// syllablesPart is Syllables of a word without hyphens.
func syllablesPart(fold []byte, word []rune) (int, []byte) {
	b := fold[:0]
	digits := false
	for _, r := range word {
		r = unicode.ToLower(r)
		switch {
		case r >= 'a' && r <= 'z':
			b = append(b, byte(r))
		case strings.ContainsRune("àáâäã", r):
			b = append(b, 'a')
		case strings.ContainsRune("èéêë", r):
			b = append(b, 'e')
		case strings.ContainsRune("ìíîï", r):
			b = append(b, 'i')
		case strings.ContainsRune("òóôöõ", r):
			b = append(b, 'o')
		case strings.ContainsRune("ùúûü", r):
			b = append(b, 'u')
		case unicode.IsLetter(r):
			b = append(b, 'x') // a consonant, as far as we know
		case unicode.IsDigit(r):
			digits = true
		}
	}
	return syllableRules(b, digits), b
}

// syllableRules counts the syllables of w, a word folded to the letters
// a to z (x for any other letter); digits is whether it had digits.
func syllableRules(w []byte, digits bool) int {
	switch {
	case len(w) == 0 && digits:
		return 1
	case len(w) == 0:
		return 0
	}
	if n, ok := readSyllables[string(w)]; ok {
		return n
	}
	if len(w) <= 3 {
		return 1
	}
	vowel := func(i int) bool {
		switch w[i] {
		case 'a', 'e', 'i', 'o', 'u':
			return true
		case 'y':
			return i > 0 && !(i+1 < len(w) && strings.IndexByte("aeiou", w[i+1]) >= 0)
		}
		return false
	}
	suffix := func(s string) bool { return len(w) >= len(s) && string(w[len(w)-len(s):]) == s }
	n := 0
	for i := range len(w) {
		if vowel(i) && (i == 0 || !vowel(i-1)) {
			n++
		}
	}
	consonantAt := func(i int) bool { return i >= 0 && !vowel(i) }
	l := len(w)
	switch {
	case suffix("le") && consonantAt(l-3):
	case suffix("les") && consonantAt(l-4):
	case suffix("led") && consonantAt(l-4):
	case suffix("ee") || suffix("ie") || suffix("ye"):
	case suffix("e"):
		n--
	case suffix("es"):
		keep := false
		for _, suf := range []string{"ies", "ees", "ses", "xes", "zes", "ches", "shes", "ces", "ges"} {
			keep = keep || suffix(suf)
		}
		if !keep && vowel(l-2) && !vowel(l-3) {
			n--
		}
	case suffix("ed"):
		if c := w[l-3]; c != 't' && c != 'd' && !vowel(l-3) {
			n--
		}
	}
	if suffix("ing") && strings.IndexByte("aeiou", w[l-4]) >= 0 {
		n++
	}
	if suffix("ia") || suffix("ium") || suffix("iums") {
		n++
	}
	for i := 1; i+1 < l; i++ {
		if w[i] == 'u' && w[i+1] == 'a' && w[i-1] != 'q' && w[i-1] != 'g' {
			n++
		}
	}
	return max(n, 1)
}
