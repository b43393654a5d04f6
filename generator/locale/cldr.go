package locale

import (
	"slices"

	"github.com/go-playground/locales"
	"github.com/go-playground/locales/am"
	"github.com/go-playground/locales/ar"
	"github.com/go-playground/locales/bn"
	"github.com/go-playground/locales/de"
	"github.com/go-playground/locales/el"
	"github.com/go-playground/locales/en"
	"github.com/go-playground/locales/es"
	"github.com/go-playground/locales/fa"
	"github.com/go-playground/locales/fil"
	"github.com/go-playground/locales/fr"
	"github.com/go-playground/locales/gu"
	"github.com/go-playground/locales/he"
	"github.com/go-playground/locales/hi"
	"github.com/go-playground/locales/hy"
	"github.com/go-playground/locales/it"
	"github.com/go-playground/locales/ja"
	"github.com/go-playground/locales/km"
	"github.com/go-playground/locales/ko"
	"github.com/go-playground/locales/lo"
	"github.com/go-playground/locales/my"
	"github.com/go-playground/locales/ne"
	"github.com/go-playground/locales/nl"
	"github.com/go-playground/locales/pa"
	"github.com/go-playground/locales/pl"
	"github.com/go-playground/locales/pt"
	"github.com/go-playground/locales/ro"
	"github.com/go-playground/locales/ru"
	"github.com/go-playground/locales/so"
	"github.com/go-playground/locales/th"
	"github.com/go-playground/locales/tr"
	"github.com/go-playground/locales/uk"
	"github.com/go-playground/locales/ur"
	"github.com/go-playground/locales/vi"
	"github.com/go-playground/locales/zh"
)

// dateData holds CLDR's date names and forms for each language faqcast
// knows the dates of: English, Spanish, and the languages most spoken at
// home in the United States by people who speak English less than very
// well, for which HHS asks practices to offer language access.
var dateData = map[string]func() locales.Translator{
	"en":  en.New,
	"es":  es.New,
	"zh":  zh.New,
	"vi":  vi.New,
	"ko":  ko.New,
	"fil": fil.New,
	"ru":  ru.New,
	"ar":  ar.New,
	"fr":  fr.New,
	"pl":  pl.New,
	"pt":  pt.New,
	"it":  it.New,
	"de":  de.New,
	"ja":  ja.New,
	"fa":  fa.New,
	"hi":  hi.New,
	"ur":  ur.New,
	"bn":  bn.New,
	"pa":  pa.New,
	"gu":  gu.New,
	"so":  so.New,
	"am":  am.New,
	"uk":  uk.New,
	"hy":  hy.New,
	"km":  km.New,
	"lo":  lo.New,
	"ne":  ne.New,
	"my":  my.New,
	"th":  th.New,
	"he":  he.New,
	"el":  el.New,
	"tr":  tr.New,
	"ro":  ro.New,
	"nl":  nl.New,
	"tl":  fil.New, // Tagalog is written as Filipino
}

// cldrDates returns the date names and forms of the catalogue language
// lang, by its language subtag.
func cldrDates(lang string) (locales.Translator, bool) {
	f, ok := dateData[base(lang)]
	if !ok {
		return nil, false
	}
	return f(), true
}

// cldrLanguages lists the language subtags faqcast knows the dates of.
func cldrLanguages() []string {
	var out []string
	for l := range dateData {
		out = append(out, l)
	}
	slices.Sort(out)
	return out
}
