package scaffold

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/locale"
	"github.com/faqcast/faqcast/templates"
)

// Languages are the languages [Init] has starter entries in.
var Languages = []string{"en", "es"}

// titles and hours are the starter config's title and opening hours, by
// language; the hours follow "Office hours:", "Horario de atención:",
// where Spanish writes no capital.
var (
	titles = map[string]string{"en": "Patient questions, answered", "es": "Preguntas de pacientes, con respuesta"}
	hours  = map[string]string{"en": "Your opening hours, such as Monday to Friday, 8 a.m. to 5 p.m.", "es": "su horario, como de lunes a viernes, de 8 a. m. a 5 p. m."}
)

// StarterHours returns the opening hours Init writes for a site in lang,
// a BCP 47 tag, in lang's words, which the site must replace (see
// [Placeholders]): its practice.hours, or, in a language after the site's
// own, what its callbook.hours message gives; "" for a language Init has
// no starters in.
func StarterHours(lang string) string { return hours[baseOf(lang)] }

// ErrLanguage is what [Init]'s error for languages it cannot start a site
// in matches, with [errors.Is].
var ErrLanguage = errors.New("a language init cannot start a site in")

// A languageError is Init's error for its languages.
type languageError string

func (e languageError) Error() string { return string(e) }

// Is reports whether target is ErrLanguage.
func (languageError) Is(target error) bool { return target == ErrLanguage }

// checkLanguages returns langs as canonical tags, such as "es" or
// "es-MX", English when there are none, or an error naming the first that
// Init has no starter entries in or whose language is given twice.
func checkLanguages(langs []string) ([]string, error) {
	if len(langs) == 0 {
		return []string{"en"}, nil
	}
	var out []string
	for _, l := range langs {
		tag, err := language.Parse(strings.TrimSpace(l))
		if err != nil {
			return nil, languageError(fmt.Sprintf("%q is not a language tag; write languages such as en,es", l))
		}
		b, _ := tag.Base()
		if !slices.Contains(Languages, b.String()) {
			return nil, languageError(fmt.Sprintf("faqcast has starter entries in %s only, not in %s (%s); start with those, and add %s later (see README.md, \"Languages\")",
				strings.Join(Languages, " and "), locale.Name(tag.String()), tag, tag))
		}
		if i := slices.IndexFunc(out, func(o string) bool { return baseOf(o) == b.String() }); i >= 0 {
			return nil, languageError(fmt.Sprintf("%s is given twice, as %s and %s", locale.Name(b.String()), out[i], tag))
		}
		out = append(out, tag.String())
	}
	return out, nil
}

// baseOf returns the language of tag, a canonical tag such as "es-MX":
// "es", the language of [Languages] whose starters and words it gets.
func baseOf(tag string) string {
	b, _, _ := strings.Cut(tag, "-")
	return b
}

// languageConfig returns the starter config cfg for a site in language
// lang: its language, and its title, opening hours and replies in lang.
func languageConfig(cfg []byte, lang string) ([]byte, error) {
	cat, err := locale.Load(locale.Sources{Default: templates.FS}, []locale.Use{{Lang: lang}})
	if err != nil {
		return nil, err
	}
	words := cat.Locale(lang)
	text := strings.Replace(string(cfg), "\nlanguage: en\n", "\nlanguage: "+lang+"\n", 1)
	text = strings.Replace(text, "\ntitle: "+titles["en"]+"\n", "\ntitle: "+titles[baseOf(lang)]+"\n", 1)
	text = strings.Replace(text, `hours: "`+hours["en"]+`"`, `hours: "`+hours[baseOf(lang)]+`"`, 1)
	// The replies, as faqcast words them for a practice with a booking
	// page and no portal, as the starter's practice: is.
	c := &config.Config{Practice: config.Practice{BookingURL: starterBooking}}
	return setReplies([]byte(text), func(situation string) string {
		return words.Written(c.DefaultReplyKey(situation))
	}), nil
}

// setReplies returns the starter config cfg with the reply of each
// situation under replies: that reply returns other than "" for.
func setReplies(cfg []byte, reply func(situation string) string) []byte {
	lines := strings.Split(string(cfg), "\n")
	for i, line := range lines {
		situation, _, ok := strings.Cut(strings.TrimPrefix(line, "  "), ": ")
		if !ok || !strings.HasPrefix(line, "  ") || strings.HasPrefix(line, "   ") {
			continue
		}
		if _, known := config.SituationNamed(situation); known && i > 0 && inReplies(lines[:i]) {
			if text := reply(situation); text != "" {
				lines[i] = fmt.Sprintf("  %s: %q", situation, text)
			}
		}
	}
	return []byte(strings.Join(lines, "\n"))
}

// inReplies reports whether the last top-level key of the lines before is
// replies:.
func inReplies(before []string) bool {
	for i := len(before) - 1; i >= 0; i-- {
		if l := before[i]; l != "" && l[0] != ' ' && l[0] != '#' {
			return strings.HasPrefix(l, "replies:")
		}
	}
	return false
}

// starterEntries returns the starter entries in dir (English) and dir/es
// (Spanish, each with lang: es and translation_of: its English slug), by
// their paths in the new site, for a site in langs (canonical tags, such
// as es-MX, each of a language of [Languages]): the first language's as
// the site's own (content/<slug>.md, without lang: or translation_of:),
// every other's in content/<lang>/ (lower case) with lang: <lang>,
// translating the first's.
func starterEntries(dir string, langs []string) (map[string][]byte, error) {
	byLang := map[string]map[string][]byte{} // by language, by slug
	toEnglish := map[string]string{}         // the Spanish slugs' English ones
	for _, lang := range Languages {
		sub := dir
		if lang != "en" {
			sub = path.Join(dir, lang)
		}
		names, err := fs.Glob(files, sub+"/*.md")
		if err != nil {
			return nil, err
		}
		byLang[lang] = map[string][]byte{}
		for _, name := range names {
			data, err := fs.ReadFile(files, name)
			if err != nil {
				return nil, err
			}
			slug := strings.TrimSuffix(path.Base(name), ".md")
			if lang != "en" {
				of := frontValue(data, "translation_of")
				toEnglish[slug] = of
				data = dropFront(data, "lang", "translation_of")
			}
			byLang[lang][slug] = data
		}
	}
	// The slug, in each language, of each English starter.
	slugIn := func(english, lang string) string {
		if lang == "en" {
			return english
		}
		for s, en := range toEnglish {
			if en == english && byLang[lang][s] != nil {
				return s
			}
		}
		return ""
	}
	out := map[string][]byte{}
	site := baseOf(langs[0])
	for english := range byLang["en"] {
		own := slugIn(english, site)
		if own == "" {
			continue
		}
		out["content/"+own+".md"] = byLang[site][own]
		for _, lang := range langs[1:] {
			if s := slugIn(english, baseOf(lang)); s != "" {
				out["content/"+strings.ToLower(lang)+"/"+s+".md"] = addFront(byLang[baseOf(lang)][s], "lang: "+lang, "translation_of: "+own)
			}
		}
	}
	return out, nil
}

// frontValue returns the value of key in the front matter of an entry.
func frontValue(data []byte, key string) string {
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, key+":"); ok {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// dropFront returns data without the front matter lines of keys.
func dropFront(data []byte, keys ...string) []byte {
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		if !slices.ContainsFunc(keys, func(k string) bool { return strings.HasPrefix(line, k+":") }) {
			out = append(out, line)
		}
	}
	return []byte(strings.Join(out, "\n"))
}

// addFront returns data with lines after its title: line.
func addFront(data []byte, lines ...string) []byte {
	i := bytes.Index(data, []byte("\ntitle:"))
	if i < 0 {
		return data
	}
	end := i + 1 + bytes.IndexByte(data[i+1:], '\n')
	return slices.Concat(data[:end+1], []byte(strings.Join(lines, "\n")+"\n"), data[end+1:])
}
