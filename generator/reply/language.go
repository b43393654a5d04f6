package reply

import "strings"

// weighLanguages returns the language whose stopwords are the more
// frequent among keys, or on a tie Spanish when spanish says the text has
// marks of it, and whether that decided: false when keys hold no
// stopword of either, or as many of each, and the text has no mark of
// Spanish (then the language is English).
func weighLanguages(keys []string, spanish bool) (language, bool) {
	var en, es int
	for _, k := range keys {
		bits := stopwords[k]
		if bits&inEnglish != 0 {
			en++
		}
		if bits&inSpanish != 0 {
			es++
		}
	}
	switch {
	case es > en || es == en && spanish:
		return langSpanish, true
	case en > es:
		return langEnglish, true
	}
	return langEnglish, false
}

// CommentLanguage returns the language a comment is written in, "en" or
// "es", by its function words ("the", "do", "que", "tengo") and marks of
// Spanish (¿, ¡, ñ, accented vowels), or "" when they do not tell.
func CommentLanguage(comment string) string {
	words := scanWords(comment)
	fold := newFolder()
	keys := make([]string, len(words))
	for i, w := range words {
		keys[i] = foldWord(fold, w)
	}
	lang, ok := weighLanguages(keys, strings.ContainsAny(comment, spanishMarks))
	switch {
	case !ok:
		return ""
	case lang == langSpanish:
		return "es"
	}
	return "en"
}

// spanishMarks are letters and marks that English does not write.
const spanishMarks = "¿¡ñÑáéíóúÁÉÍÓÚ"

// baseLanguage returns the first part of the language tag, lowercased:
// "es" for "es-MX".
func baseLanguage(tag string) string {
	b, _, _ := strings.Cut(strings.ToLower(tag), "-")
	return b
}
