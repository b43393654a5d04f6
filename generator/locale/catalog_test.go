package locale_test

import (
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/faqcast/faqcast/generator/locale"
	"github.com/faqcast/faqcast/internal/diag"
	"github.com/faqcast/faqcast/templates"
)

// load loads faqcast's catalogue with a site's own files and config
// overrides (YAML under messages:), for uses.
func load(t testing.TB, site fstest.MapFS, config string, uses ...string) (*locale.Catalog, error) {
	t.Helper()
	src := locale.Sources{Default: templates.FS, Display: "templates", ConfigPath: "faqcast.yaml"}
	if site != nil {
		src.Site = site
	}
	if config != "" {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(config), &doc); err != nil {
			t.Fatal(err)
		}
		src.Config = doc.Content[0]
	}
	var us []locale.Use
	for _, u := range uses {
		us = append(us, locale.Use{Lang: u, Path: "content/x.md", Pos: diag.Pos{Line: 3, Col: 7}})
	}
	return locale.Load(src, us)
}

// english returns faqcast's English catalogue file.
func english(t testing.TB) []byte {
	t.Helper()
	data, err := fs.ReadFile(templates.FS, "i18n/en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestShipped checks that faqcast's English and Spanish catalogues are
// complete, that every message formats, and that the Spanish words are
// not the English ones.
func TestShipped(t *testing.T) {
	c, err := load(t, nil, "", "en", "es")
	if err != nil {
		t.Fatal(err)
	}
	en, es := c.Locale("en"), c.Locale("es-MX")
	if en == nil || es == nil || es.Lang() != "es" {
		t.Fatalf("locales: %v, %v", en, es)
	}
	same := 0
	for _, k := range c.Keys() {
		var args []any
		for _, a := range k.Args {
			args = append(args, a, 2)
		}
		a, err := en.Text(k.Name, args...)
		if err != nil || a == "" {
			t.Errorf("en %s: %q, %v", k.Name, a, err)
		}
		b, err := es.Text(k.Name, args...)
		if err != nil || b == "" {
			t.Errorf("es %s: %q, %v", k.Name, b, err)
		}
		if a == b {
			same++
		}
		if strings.ContainsAny(a+b, "{}%") && !strings.Contains(k.Example, "%") {
			t.Errorf("%s: a placeholder or verb is left: %q, %q", k.Name, a, b)
		}
	}
	// Only messages made of placeholders and names, such as "{name} |
	// {practice}", may read the same.
	if same > 5 {
		t.Errorf("%d Spanish messages are the English ones", same)
	}
}

// TestPlural checks that a message with {count} takes its language's
// CLDR plural form, in a language with more forms than English.
func TestPlural(t *testing.T) {
	pl := strings.Replace(string(english(t)), "topic.count:\n  one: One question answered by our care team.\n  other: \"{count} questions answered by our care team.\"",
		"topic.count:\n  one: \"{count} pytanie\"\n  few: \"{count} pytania\"\n  many: \"{count} pytań\"\n  other: \"{count} pytania (other)\"", 1)
	c, err := load(t, fstest.MapFS{"i18n/pl.yaml": {Data: []byte(pl)}}, "", "en", "pl", "es")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		lang  string
		count int
		want  string
	}{
		{"en", 1, "One question answered by our care team."},
		{"en", 0, "0 questions answered by our care team."},
		{"en", 1200, "1,200 questions answered by our care team."},
		{"es", 1, "Una pregunta respondida por nuestro equipo de atención."},
		{"es", 3, "3 preguntas respondidas por nuestro equipo de atención."},
		{"pl", 1, "1 pytanie"},
		{"pl", 3, "3 pytania"},
		{"pl", 5, "5 pytań"},
		{"pl", 22, "22 pytania"},
		{"pl", 25, "25 pytań"},
	} {
		got, err := c.Locale(tc.lang).Text("topic.count", "count", tc.count)
		if err != nil || got != tc.want {
			t.Errorf("%s %d: %q, %v; want %q", tc.lang, tc.count, got, err, tc.want)
		}
	}
}

// TestDates checks dates in CLDR's forms for each language.
func TestDates(t *testing.T) {
	c, err := load(t, nil, "", "en", "es")
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		lang string
		got  func(*locale.Locale) string
		want string
	}{
		{"en", func(l *locale.Locale) string { return l.Date(day) }, "December 7, 2026"},
		{"es", func(l *locale.Locale) string { return l.Date(day) }, "7 de diciembre de 2026"},
		{"en", func(l *locale.Locale) string { return l.FullDate(day) }, "Monday, December 7, 2026"},
		{"es", func(l *locale.Locale) string { return l.FullDate(day) }, "lunes, 7 de diciembre de 2026"},
		{"en", func(l *locale.Locale) string { return l.DayMonth(day) }, "Dec 7"},
		{"es", func(l *locale.Locale) string { return l.DayMonth(day) }, "7 dic."},
		{"en", func(l *locale.Locale) string { return l.LongDayMonth(day) }, "Monday, December 7"},
		{"es", func(l *locale.Locale) string { return l.LongDayMonth(day) }, "lunes, 7 de diciembre"},
		{"es", func(l *locale.Locale) string { return l.Weekday(day) }, "lun."},
	} {
		if got := tc.got(c.Locale(tc.lang)); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.lang, got, tc.want)
		}
	}
}

// TestOverrides checks that the config's messages: and a site's own
// catalogue file change the words, and that the digest follows them.
func TestOverrides(t *testing.T) {
	def, err := load(t, nil, "", "en", "es")
	if err != nil {
		t.Fatal(err)
	}
	c, err := load(t, nil, "en:\n  post.more: \"All the details: {link}\"\nes-MX:\n  emergency: En una emergencia, marque 911.\n", "en", "es-MX")
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := c.Locale("en").Text("post.more", "link", "https://x.example/"); got != "All the details: https://x.example/" {
		t.Errorf("en override: %q", got)
	}
	if got, _ := c.Locale("es-MX").Text("emergency"); got != "En una emergencia, marque 911." {
		t.Errorf("es-MX override: %q", got)
	}
	if got, _ := c.Locale("es-MX").Text("crumb.home"); got != "Inicio" {
		t.Errorf("es-MX's other messages: %q, want Spanish's", got)
	}
	if c.Digest() == def.Digest() {
		t.Error("the digest does not change with the messages")
	}
	texts := c.Texts()
	if len(texts) != 2 || texts[0].Path != "faqcast.yaml" || texts[0].Line != 2 || texts[1].Lang != "es-MX" {
		t.Errorf("texts for the checks: %+v", texts)
	}
	if got := c.All("disclaimer"); len(got) != 2 || !strings.HasPrefix(got[0], "This information") || !strings.HasPrefix(got[1], "Esta información") {
		t.Errorf("All(disclaimer) = %q", got)
	}

	// A site's own file replaces faqcast's, and must be complete.
	own := strings.Replace(string(english(t)), "crumb.home: Home", "crumb.home: Start", 1)
	c, err = load(t, fstest.MapFS{"i18n/en.yaml": {Data: []byte(own)}}, "", "en")
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := c.Locale("en").Text("crumb.home"); got != "Start" {
		t.Errorf("site file: %q", got)
	}
}

// TestErrors checks that every problem is reported at its place, naming
// the key and the language, with a hint.
func TestErrors(t *testing.T) {
	short := strings.Replace(string(english(t)), "entry.sources: Sources\n", "", 1)
	for _, tc := range []struct {
		name   string
		site   fstest.MapFS
		config string
		uses   []string
		want   []string
	}{
		{"no language", nil, "", []string{"fr"},
			[]string{`content/x.md:3:7: faqcast has no messages in French (fr)`, `faqcast messages fr > templates/i18n/fr.yaml`}},
		{"missing key", fstest.MapFS{"i18n/fr.yaml": {Data: []byte(short)}}, "", []string{"fr"},
			[]string{`templates/i18n/fr.yaml:1:1: no message entry.sources in French (fr)`, `the English is entry.sources: "Sources"`}},
		{"missing key, unused language", fstest.MapFS{"i18n/fr.yaml": {Data: []byte(short)}}, "", []string{"en"}, nil},
		{"unknown key", nil, "en:\n  entry.source: Where this comes from\n", []string{"en"},
			[]string{`faqcast.yaml:2:17: faqcast writes no message entry.source`, `did you mean entry.sources?`}},
		{"unknown placeholder", nil, "en:\n  post.more: \"More: {url}\"\n", []string{"en"},
			[]string{`faqcast.yaml:2:14: message post.more names {url}, which faqcast does not fill in`, `use {link}`}},
		{"plural without count", nil, "en:\n  crumb.home: {one: Home, other: Homes}\n", []string{"en"},
			[]string{`message crumb.home has plural forms, but no {count}`}},
		{"no other form", nil, "en:\n  topic.count: {one: One}\n", []string{"en"},
			[]string{`message topic.count has no other form`}},
		{"bad form", nil, "en:\n  topic.count: {single: One, other: Many}\n", []string{"en"},
			[]string{`message topic.count: "single" is not a plural form`}},
		{"bad language", nil, "e_n!:\n  crumb.home: Home\n", []string{"en"},
			[]string{`faqcast.yaml:1:1: messages: "e_n!" is not a language tag`}},
		{"a list", nil, "en:\n  crumb.home: [Home]\n", []string{"en"},
			[]string{`message crumb.home: expected a text, found a list`}},
		{"twice", nil, "en:\n  crumb.home: Home\n  crumb.home: Start\n", []string{"en"},
			[]string{`message crumb.home is given twice`}},
		{"bad file name", fstest.MapFS{"i18n/Fr.yaml": {Data: []byte(short)}}, "", []string{"en"},
			[]string{`templates/i18n/Fr.yaml: "Fr" is not a language tag in its canonical form`, "rename it fr.yaml"}},
		{"syntax", fstest.MapFS{"i18n/fr.yaml": {Data: []byte("crumb.home: [\n")}}, "", []string{"en"},
			[]string{`templates/i18n/fr.yaml:`}},
		{"control character", nil, "en:\n  crumb.home: \"Ho\\u202eme\"\n", []string{"en"},
			[]string{`message crumb.home holds the control character U+202E`}},
		{"no dates", fstest.MapFS{"i18n/eo.yaml": {Data: english(t)}}, "", []string{"eo"},
			[]string{`content/x.md:3:7: faqcast has no CLDR date names for Esperanto (eo)`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := load(t, tc.site, tc.config, tc.uses...)
			if tc.want == nil {
				if err != nil {
					t.Fatalf("error: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatal("no error")
			}
			var all []string
			for _, e := range diag.Flatten(err) {
				de, ok := e.(*diag.Error)
				if !ok || de.Hint == "" {
					t.Errorf("not a diagnostic with a hint: %v", e)
					continue
				}
				all = append(all, de.Error()+"\n"+de.Hint)
			}
			text := strings.Join(all, "\n")
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("errors\n%s\nlack %q", text, w)
				}
			}
		})
	}
}

// TestText checks the placeholders' rules when a message is written.
func TestText(t *testing.T) {
	c, err := load(t, nil, "", "en")
	if err != nil {
		t.Fatal(err)
	}
	en := c.Locale("en")
	if got, err := en.Text("callbook.hours", "hours", "9 to 5, 100% on time"); err != nil || got != "Office hours: 9 to 5, 100% on time" {
		t.Errorf("a value with %%: %q, %v", got, err)
	}
	for _, args := range [][]any{{}, {"hour", "9"}, {"hours"}, {"hours", "9", "hours2", "x"}} {
		if _, err := en.Text("callbook.hours", args...); err == nil {
			t.Errorf("callbook.hours %q: no error", args)
		}
	}
	if _, err := en.Text("no.such.key"); err == nil {
		t.Error("an unknown key: no error")
	}
	if got := en.Written("reply.medical"); !strings.Contains(got, "{phone}") {
		t.Errorf("Written keeps the placeholders: %q", got)
	}
	var nilLocale *locale.Locale
	if _, err := nilLocale.Text("crumb.home"); err == nil {
		t.Error("no locale: no error")
	}
}

// TestStarter checks the file a site starts a language with.
func TestStarter(t *testing.T) {
	es, err := locale.Starter(templates.FS, "es-MX")
	if err != nil || !strings.Contains(string(es), "crumb.home: Inicio") {
		t.Errorf("es-MX: %v\n%.200s", err, es)
	}
	fr, err := locale.Starter(templates.FS, "fr")
	if err != nil || !strings.HasPrefix(string(fr), "# Messages in French (fr), to translate.") || !strings.Contains(string(fr), "crumb.home: Home") {
		t.Errorf("fr: %v\n%.300s", err, fr)
	}
	// The starter file is a complete catalogue.
	if _, err := load(t, fstest.MapFS{"i18n/fr.yaml": {Data: fr}}, "", "fr"); err != nil {
		t.Errorf("the French starter does not load: %v", err)
	}
	if _, err := locale.Starter(templates.FS, "not a tag"); err == nil {
		t.Error("a bad tag: no error")
	}
}

// TestKeysSorted guards the reference file: every key once, grouped by
// its page or use.
func TestKeysSorted(t *testing.T) {
	c, err := load(t, nil, "", "en")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, k := range c.Keys() {
		names = append(names, k.Name)
	}
	if len(names) < 150 || len(slices.Compact(slices.Sorted(slices.Values(names)))) != len(names) {
		t.Errorf("%d keys, some twice?", len(names))
	}
}

// FuzzLoad checks that no catalogue file makes Load or a message panic.
func FuzzLoad(f *testing.F) {
	f.Add("crumb.home: Home\n")
	f.Add("topic.count:\n  one: \"{count}\"\n  other: \"{count} %d {x}\"\n")
	f.Add("a: &x [1]\nb: *x\n")
	f.Add("crumb.home: \"{count\"\n")
	f.Fuzz(func(t *testing.T, file string) {
		c, err := locale.Load(locale.Sources{Default: templates.FS, Site: fstest.MapFS{"i18n/en.yaml": {Data: []byte(file)}}, Display: "templates"},
			[]locale.Use{{Lang: "en"}})
		if err != nil {
			return
		}
		l := c.Locale("en")
		for _, k := range c.Keys() {
			var args []any
			for _, a := range k.Args {
				args = append(args, a, 3)
			}
			if _, err := l.Text(k.Name, args...); err != nil {
				t.Errorf("%s: %v", k.Name, err)
			}
		}
	})
}
