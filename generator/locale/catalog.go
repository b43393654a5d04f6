// Package locale holds the words faqcast writes in each language: the page
// chrome, the disclaimer, the calls to action, the posts' link lines, the
// staff pages' labels, and the dates.
//
// The messages of a language are a catalogue file, i18n/<lang>.yaml in the
// theme: faqcast ships English (i18n/en.yaml, which lists every key) and
// Spanish (i18n/es.yaml). A site's templates/i18n/<lang>.yaml replaces the
// file of its language, or adds a language, and the config's messages:
// overrides single messages. A message is a text with placeholders in
// braces, such as "Call us at {phone}.", or a text per CLDR plural form of
// its {count}; they are formatted by golang.org/x/text/message with CLDR's
// plural rules. Dates are in CLDR's long and full forms for the language.
//
// Every language a site writes in must have every message: a missing one
// is an error that names the key and the language, never an English
// fallback.
package locale

import (
	"cmp"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"

	"github.com/faqcast/faqcast/generator/check"
	"github.com/faqcast/faqcast/internal/decode"
	"github.com/faqcast/faqcast/internal/diag"
)

// Dir is the theme's folder of catalogue files, and Reference the file
// whose keys every language must give.
const (
	Dir       = "i18n"
	Reference = "en"
)

// Sources are where a catalogue's messages come from.
type Sources struct {
	// Default is faqcast's own theme; its i18n/en.yaml lists the keys.
	Default fs.FS
	// Site is the site's own templates folder, or nil; Display names it
	// in messages (such as "templates").
	Site    fs.FS
	Display string
	// Config is the value of the config's messages: key, or nil: a
	// mapping of language tags to mappings of keys to messages, whose
	// nodes hold positions in the file ConfigPath.
	Config     *yaml.Node
	ConfigPath string
}

// A Use is a language that pages or posts are written in, and the place
// that first asks for it, for the error when it has no messages.
type Use struct {
	Lang string
	Path string
	Pos  diag.Pos
}

// A Key is a message that faqcast writes, as the reference file gives it.
type Key struct {
	Name string
	// Args are the names of its placeholders, sorted.
	Args []string
	// Example is its reference (English) text, for hints.
	Example string
}

// A Catalog holds the messages of the languages a site writes in.
type Catalog struct {
	keys    []Key
	byName  map[string]int
	locales map[string]*Locale // by catalogue language
	langs   []string           // the keys of locales, sorted
	digest  [sha256.Size]byte
	texts   []check.Text
}

// source is one language's messages from one place.
type source struct {
	lang string
	path string   // the file, for messages
	pos  diag.Pos // where its messages begin
	msgs []*msg
}

// Load reads the catalogue from src and checks that every language in
// uses has every message. A use names a language by any BCP 47 tag: it is
// written with the messages of the closest catalogue language, such as
// es for es-MX. All problems are returned together, as [*diag.Error]
// values joined by [diag.Join].
func Load(src Sources, uses []Use) (*Catalog, error) {
	var errs []error
	defs, err := readDir(src.Default, Dir)
	errs = append(errs, err...)
	ref := slices.IndexFunc(defs, func(s *source) bool { return s.lang == Reference })
	if ref < 0 {
		return nil, diag.Join(append(errs, diag.Errorf(path.Join(Dir, Reference+".yaml"), diag.Pos{}, "the default theme has no reference catalogue"))...)
	}
	c := &Catalog{byName: map[string]int{}, locales: map[string]*Locale{}}
	for _, m := range defs[ref].msgs {
		c.byName[m.key] = len(c.keys)
		c.keys = append(c.keys, Key{Name: m.key, Args: m.placeholders(), Example: m.text})
	}

	// The messages of each language: the site's file, else the default
	// one, then the config's overrides.
	sets := map[string]*source{}
	var order []string
	for _, s := range defs {
		sets[s.lang] = s
		order = append(order, s.lang)
	}
	var own []*source
	if src.Site != nil {
		site, err := readDir(src.Site, Dir)
		errs = append(errs, prefix(src.Display, err)...)
		for _, s := range site {
			s.path = path.Join(src.Display, s.path)
			for _, m := range s.msgs {
				m.path = s.path
			}
			if sets[s.lang] == nil {
				order = append(order, s.lang)
			}
			sets[s.lang] = s
			own = append(own, s)
		}
	}
	overrides, err := readConfig(src.Config, src.ConfigPath)
	errs = append(errs, err...)
	for _, o := range overrides {
		base := sets[o.lang]
		if base == nil {
			base = &source{lang: o.lang, path: o.path, pos: o.pos}
			order = append(order, o.lang)
		}
		sets[o.lang] = overlay(base, o.msgs)
		own = append(own, o)
	}
	// A regional language (es-MX) has the messages of its language (es)
	// that it does not give itself, parents before children.
	slices.SortStableFunc(order, func(a, b string) int { return strings.Count(a, "-") - strings.Count(b, "-") })
	for _, lang := range order {
		if i := strings.LastIndexByte(lang, '-'); i > 0 {
			if parent := match(lang[:i], order); parent != "" {
				s := sets[lang]
				sets[lang] = overlay(&source{lang: lang, path: s.path, pos: s.pos, msgs: sets[parent].msgs}, s.msgs)
			}
		}
	}
	for _, s := range own {
		errs = append(errs, c.checkMessages(s)...)
		for _, m := range s.msgs {
			for _, t := range m.texts() {
				c.texts = append(c.texts, check.Text{Field: "message " + m.key, Text: t, Path: m.path, Line: m.pos.Line, Col: m.pos.Col, Lang: s.lang})
			}
		}
	}
	if len(errs) > 0 {
		return nil, diag.Join(errs...)
	}

	// The languages in use, each complete.
	b := catalog.NewBuilder(catalog.Fallback(language.Und))
	h := sha256.New()
	for _, u := range uses {
		lang := match(u.Lang, order)
		if lang == "" {
			errs = append(errs, diag.Errorf(u.Path, u.Pos, "faqcast has no messages in %s (%s)", Name(u.Lang), u.Lang).
				WithHint("run 'faqcast messages %s > %s/%s/%s.yaml' and translate every message in that file (see README.md, \"Languages\")",
					base(u.Lang), cmp.Or(src.Display, "templates"), Dir, base(u.Lang)))
			continue
		}
		if c.locales[lang] != nil {
			continue
		}
		dates, ok := cldrDates(lang)
		if !ok {
			errs = append(errs, diag.Errorf(u.Path, u.Pos, "faqcast has no CLDR date names for %s (%s)", Name(u.Lang), u.Lang).
				WithHint("write the page in a language faqcast knows the dates of: %s", strings.Join(cldrLanguages(), ", ")))
			continue
		}
		set := sets[lang]
		if missing := c.missing(set); len(missing) > 0 {
			errs = append(errs, missing...)
			continue
		}
		tag := language.Make(lang)
		l := &Locale{lang: lang, catalog: c, dates: dates, plain: map[string]string{}, written: map[string]string{}, pieces: map[string]pieces{}}
		for _, m := range set.msgs {
			k := c.keys[c.byName[m.key]]
			if err := b.Set(tag, m.key, m.compile(k.Args)); err != nil {
				errs = append(errs, diag.Errorf(m.path, m.pos, "message %s: %w", m.key, err).WithHint(fileHint))
			}
			fmt.Fprintf(h, "%s\x00%s\x00%q\x00%v\n", lang, m.key, m.text, m.forms)
			l.written[m.key] = m.text
			if m.forms == nil {
				l.pieces[m.key] = cut(m.text, k.Args)
			}
		}
		l.printer = message.NewPrinter(tag, message.Catalog(b))
		for _, k := range c.keys {
			if len(k.Args) == 0 {
				l.plain[k.Name] = l.printer.Sprintf(k.Name)
			}
		}
		c.locales[lang] = l
		c.langs = append(c.langs, lang)
	}
	slices.Sort(c.langs)
	if len(errs) > 0 {
		return nil, diag.Join(errs...)
	}
	h.Sum(c.digest[:0])
	return c, nil
}

// overlay returns the messages of base with msgs in place of those of the
// same keys.
func overlay(base *source, msgs []*msg) *source {
	out := &source{lang: base.lang, path: base.path, pos: base.pos, msgs: slices.Clone(base.msgs)}
	for _, m := range msgs {
		if i := slices.IndexFunc(out.msgs, func(b *msg) bool { return b.key == m.key }); i >= 0 {
			out.msgs[i] = m
		} else {
			out.msgs = append(out.msgs, m)
		}
	}
	return out
}

// readDir reads the catalogue files dir/<lang>.yaml in fsys.
func readDir(fsys fs.FS, dir string) ([]*source, []error) {
	names, err := fs.Glob(fsys, dir+"/*.yaml")
	if err != nil {
		return nil, []error{err}
	}
	slices.Sort(names)
	var out []*source
	var errs []error
	for _, name := range names {
		lang := strings.TrimSuffix(path.Base(name), ".yaml")
		tag, err := language.Parse(lang)
		if err != nil || tag.String() != lang {
			hint := "name the file by a BCP 47 language tag, such as es.yaml or pt-BR.yaml"
			if err == nil {
				hint = fmt.Sprintf("rename it %s.yaml", tag)
			}
			errs = append(errs, diag.Errorf(name, diag.Pos{}, "%q is not a language tag in its canonical form", lang).WithHint("%s", hint))
			continue
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs = append(errs, diag.Errorf(name, diag.Pos{}, "cannot read catalogue: %w", errors.Unwrap(err)))
			continue
		}
		root, err := decode.YAMLNode(name, data, 1)
		errs = append(errs, diag.Flatten(err)...)
		msgs, merrs := messages(name, root)
		errs = append(errs, merrs...)
		out = append(out, &source{lang: lang, path: name, pos: diag.Pos{Line: 1, Col: 1}, msgs: msgs})
	}
	return out, errs
}

// prefix puts display before the path of every *diag.Error in errs.
func prefix(display string, errs []error) []error {
	for _, err := range errs {
		if e, ok := err.(*diag.Error); ok && display != "" {
			e.Path = path.Join(display, e.Path)
		}
	}
	return errs
}

// readConfig reads the config's messages:, a mapping of language tags to
// messages.
func readConfig(n *yaml.Node, file string) ([]*source, []error) {
	if n == nil {
		return nil, nil
	}
	if n.Kind != yaml.MappingNode {
		return nil, []error{diag.Errorf(file, decode.PosOf(n), "messages: expected a mapping of languages to messages, found %s", decode.KindOf(n)).
			WithHint(`write messages: then, indented below, a language tag such as en: and below it the messages it overrides`)}
	}
	var out []*source
	var errs []error
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		tag, err := language.Parse(k.Value)
		if err != nil || k.Kind != yaml.ScalarNode {
			errs = append(errs, diag.Errorf(file, decode.PosOf(k), "messages: %q is not a language tag", k.Value).
				WithHint("use a BCP 47 tag such as en or es"))
			continue
		}
		if slices.ContainsFunc(out, func(s *source) bool { return s.lang == tag.String() }) {
			errs = append(errs, diag.Errorf(file, decode.PosOf(k), "messages: %s is given twice", tag).WithHint("keep one of them"))
			continue
		}
		msgs, merrs := messages(file, v)
		errs = append(errs, merrs...)
		out = append(out, &source{lang: tag.String(), path: file, pos: decode.PosOf(k), msgs: msgs})
	}
	return out, errs
}

// checkMessages checks the messages of s, a site's file or the config's
// overrides, against the keys.
func (c *Catalog) checkMessages(s *source) []error {
	var errs []error
	names := make([]string, len(c.keys))
	for i, k := range c.keys {
		names[i] = k.Name
	}
	for _, m := range s.msgs {
		i, ok := c.byName[m.key]
		if !ok {
			e := diag.Errorf(m.path, m.pos, "faqcast writes no message %s", m.key)
			if sug := diag.Suggest(m.key, names); sug != "" {
				e.WithHint("did you mean %s?", sug)
			} else {
				e.WithHint("the keys are those of faqcast's templates/%s/%s.yaml", Dir, Reference)
			}
			errs = append(errs, e)
			continue
		}
		k := c.keys[i]
		for _, p := range m.placeholders() {
			if !slices.Contains(k.Args, p) {
				hint := "this message has no placeholders; write it without braces"
				if len(k.Args) > 0 {
					hint = "use " + braces(k.Args)
				}
				errs = append(errs, diag.Errorf(m.path, m.pos, "message %s names {%s}, which faqcast does not fill in", m.key, p).WithHint("%s", hint))
			}
		}
		if m.forms != nil && !slices.Contains(k.Args, "count") {
			errs = append(errs, diag.Errorf(m.path, m.pos, "message %s has plural forms, but no {count} to choose them by", m.key).
				WithHint("write it as one text"))
		}
	}
	return errs
}

// missing reports the keys that s lacks.
func (c *Catalog) missing(s *source) []error {
	var errs []error
	have := map[string]bool{}
	for _, m := range s.msgs {
		have[m.key] = true
	}
	for _, k := range c.keys {
		if !have[k.Name] {
			errs = append(errs, diag.Errorf(s.path, s.pos, "no message %s in %s (%s)", k.Name, Name(s.lang), s.lang).
				WithHint("add it, in %s: the English is %s: %q", Name(s.lang), k.Name, k.Example))
		}
	}
	return errs
}

// braces returns names as placeholders, such as "{phone} or {practice}".
func braces(names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = "{" + n + "}"
	}
	if len(out) == 1 {
		return out[0]
	}
	return strings.Join(out[:len(out)-1], ", ") + " or " + out[len(out)-1]
}

// match returns the catalogue language among langs that writes tag: tag
// itself, else the tag with its last subtags taken off one by one, such as
// es for es-MX; or "" if none.
func match(tag string, langs []string) string {
	t, err := language.Parse(tag)
	if err != nil {
		return ""
	}
	s := t.String()
	for {
		if slices.Contains(langs, s) {
			return s
		}
		i := strings.LastIndexByte(s, '-')
		if i < 0 {
			return ""
		}
		s = s[:i]
	}
}

// base returns the language subtag of tag, such as es for es-MX.
func base(tag string) string {
	b, _ := language.Make(tag).Base()
	return b.String()
}

// Name returns the English name of the language tag, such as "Spanish",
// or the tag itself if it has none.
func Name(tag string) string {
	t, err := language.Parse(tag)
	if err != nil {
		return tag
	}
	if n := display.English.Languages().Name(t); n != "" {
		return n
	}
	return tag
}

// Keys returns the messages faqcast writes, in the reference file's order.
func (c *Catalog) Keys() []Key { return c.keys }

// Locale returns the messages of the language tag, which must be one of
// the uses the catalogue was loaded for, or nil.
func (c *Catalog) Locale(tag string) *Locale {
	if l := c.locales[tag]; l != nil {
		return l
	}
	return c.locales[match(tag, c.langs)]
}

// All returns the message key, which has no placeholders, in every
// language of the catalogue, sorted by language.
func (c *Catalog) All(key string) []string {
	var out []string
	for _, lang := range c.langs {
		out = append(out, c.locales[lang].plain[key])
	}
	return out
}

// Digest returns a SHA-256 digest of the messages of the languages in use:
// catalogues with the same digest write the same words.
func (c *Catalog) Digest() [sha256.Size]byte { return c.digest }

// Texts returns the messages that the site writes itself, in its own
// catalogue files or in the config, each at its place, for the compliance
// checks.
func (c *Catalog) Texts() []check.Text { return c.texts }
