// Package scaffold starts new sites and new entries: the files behind
// "faqcast init" and "faqcast new".
package scaffold

import (
	"bytes"
	"cmp"
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/template"
	"unicode"

	"golang.org/x/text/language"

	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/internal/diag"
	"github.com/faqcast/faqcast/internal/slug"
)

//go:embed skeleton skeleton-* entry.md.tmpl entry.es.md.tmpl
var files embed.FS

// MaxSlug is the longest slug [NewEntry] makes from a question, counting
// the "-2", "-3"… that make it unique.
const MaxSlug = 60

// Init writes a new site into dir: a faqcast.yaml with placeholders and five
// starter entries, the top five questions new patients ask, whose answers
// are for the practice to write. The site does not build until then: the
// placeholders (see [Placeholders]) and the starter answers (see
// [StarterMarkers]) are errors of the compliance checks. dir must not exist
// or hold only hidden files, such as a fresh git repository's .git. Init
// returns the files it wrote, relative to dir.
//
// kind is the kind of practice, as practice.kind names it (see the config
// package's Kinds); "" is "medical". It goes into the config, with a
// reviewer of a role that may review for that kind; a dental practice gets
// the top five questions of new dental patients, a behavioral health
// practice those of new therapy clients, a physical therapy, optometry
// or chiropractic practice those of its new patients, a pharmacy those of
// its new customers, and a practice of another kind those that any
// practice that works by appointment is asked, with no medicine in them.
// Each kind but a medical office also gets its own words, as the
// words.yaml beside its starters holds them: a disclaimer, replies and,
// for some, a title and pages that speak of clients.
//
// langs are the languages the site is written in (see [Languages]),
// the site's own first; none is English alone. The config's language,
// title and replies are in the first; each other gets the starter entries
// written in it, as translations of the first's, in content/<lang>/, and
// its opening hours in its words, as a message (callbook.hours). A
// tag with a region, such as es-MX, gets its language's starters and
// words and stays the site's language or its entries' lang:, so the
// pages say es-MX.
func Init(dir, kind string, langs ...string) ([]string, error) {
	if kind == "" {
		kind = "medical"
	}
	k, ok := config.LookupKind(kind)
	if !ok {
		return nil, fmt.Errorf("%q is not a kind of practice; use one of: %s", kind, strings.Join(config.KindNames(), ", "))
	}
	langs, err := checkLanguages(langs)
	if err != nil {
		return nil, err
	}
	items, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	for _, item := range items {
		if !strings.HasPrefix(item.Name(), ".") {
			return nil, fmt.Errorf("%s is not empty", dir)
		}
	}
	// The files to write, by path below dir.
	out := map[string][]byte{}
	cfg, err := fs.ReadFile(files, "skeleton/faqcast.yaml")
	if err != nil {
		return nil, err
	}
	words, err := wordsOf(k.Name)
	if err != nil {
		return nil, err
	}
	cfg, err = languageConfig(kindConfig(cfg, k), langs[0])
	if err != nil {
		return nil, err
	}
	messages, err := initMessages(words, langs)
	if err != nil {
		return nil, err
	}
	out["faqcast.yaml"] = append(words.config(cfg, langs[0]), messages...)
	starters, err := starterEntries(starterFolder(k.Name), langs)
	if err != nil {
		return nil, err
	}
	maps.Copy(out, starters)
	var wrote []string
	for _, p := range slices.Sorted(maps.Keys(out)) {
		target := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return wrote, err
		}
		if err := writeNew(target, out[p]); err != nil {
			return wrote, err
		}
		wrote = append(wrote, p)
	}
	return wrote, nil
}

// kindConfig returns the starter config cfg for a practice of kind k: its
// practice.kind, and a reviewer of the kind's first role. A kind with no
// roles of its own, such as other, gets a practitioner to review, whose
// credentials are the practice's to write, and a checks.clinical_roles
// that names that role.
func kindConfig(cfg []byte, k config.Kind) []byte {
	// The line names the kind, then the others.
	var others []string
	for _, o := range config.Kinds {
		if o.Name != k.Name {
			others = append(others, o.Name)
		}
	}
	text := string(cfg)
	if at := strings.Index(text, "  kind: medical"); at >= 0 {
		end := at + strings.IndexByte(text[at:], '\n')
		text = text[:at] + "  kind: " + k.Name + "   # or " + strings.Join(others, ", ") + text[end:]
	}
	role, credentials := "practitioner", `""`
	if len(k.Roles) > 0 {
		role = k.Roles[0]
		credentials = cmp.Or(map[string]string{"dentist": "DDS", "psychologist": "PhD", "psychiatrist": "MD", "pt": "DPT",
			"optometrist": "OD", "pharmacist": "PharmD", "chiropractor": "DC"}[role], "MD")
	}
	text = strings.Replace(text, "credentials: MD, role: physician", "credentials: "+credentials+", role: "+role, 1)
	if len(k.Roles) == 0 {
		text = strings.Replace(text, "# Social posts:", "checks:\n  clinical_roles: ["+role+"]   # the roles that may review entries\n\n# Social posts:", 1)
	}
	return []byte(text)
}

// NewEntry writes a new draft entry for question into the content folder of
// the site in dir, with the front matter keys most entries use and notes
// on them in the site's language (English or Spanish), and returns the
// new file's path. Its slug comes from the question and is made unique
// among the site's entries; an existing file is never overwritten. A
// question an entry already asks, even a draft, is an error: a
// [*diag.Error] at that entry's title, as the index would report the two
// titles.
func NewEntry(ctx context.Context, dir, question string) (string, error) {
	return NewEntryIn(ctx, dir, question, "")
}

// NewEntryIn is [NewEntry] for an entry in the language lang, a BCP 47
// tag, when it is not "" nor the site's: the entry says lang:, its notes
// are in lang (English or Spanish), and it goes in the content folder's
// folder of that language, content/es/ (lower case: content/es-mx/), as
// faqcast init puts the translations of its starters. A language without
// a region, such as es, is the site's when the site's is of that
// language, such as es-MX, and else that of the site's entries in it
// that have one: it starts no second section of one language.
func NewEntryIn(ctx context.Context, dir, question, lang string) (string, error) {
	cfg, _ := config.Load(dir) // nil if it cannot be read: English notes
	site := "en"
	if cfg != nil {
		site = cmp.Or(cfg.Language, "en")
	}
	if lang != "" {
		tag, err := language.Parse(lang)
		if err != nil {
			return "", fmt.Errorf("%q is not a language tag, such as es or es-MX", lang)
		}
		lang = tag.String()
		if strings.EqualFold(lang, site) || lang == baseOf(site) {
			lang = "" // es on an es-MX site is the site's own
		}
	}
	question = strings.TrimSpace(question)
	if !strings.ContainsFunc(question, unicode.IsLetter) {
		return "", errors.New("the question has no words")
	}
	if strings.ContainsAny(question, "\n\r") {
		return "", errors.New("the question must be one line")
	}
	// Tabs and other spacing become one space: a title is one line of
	// words.
	question = strings.Join(strings.FieldsFunc(question, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }), " ")
	base := shorten(slug.Make(question), MaxSlug)
	if base == "" {
		return "", errors.New("cannot make a slug from the question")
	}

	content := filepath.Join(dir, "content")
	taken := map[string]bool{}
	var loader entry.Loader
	c, _ := loader.Load(ctx, content, filepath.ToSlash(content))
	if c != nil && lang != "" && !strings.Contains(lang, "-") {
		// es on a site whose Spanish entries are es-MX is es-MX.
		var regional string
		for _, e := range c.Entries {
			if e.Lang == lang {
				regional = ""
				break
			}
			if baseOf(e.Lang) == lang && regional == "" {
				regional = e.Lang
			}
		}
		lang = cmp.Or(regional, lang)
	}
	folder := content // where the new entry goes
	if lang != "" {
		folder = filepath.Join(content, strings.ToLower(lang))
	}
	if c != nil {
		for _, e := range c.Entries {
			if e.Asks(question) {
				pos, ok := e.Pos["title"]
				if !ok {
					pos = diag.Pos{Line: 1, Col: 1}
				}
				return "", diag.Errorf(e.Path, pos, "this entry already asks %q", e.Title).
					WithHint("answer it here, or word the new question apart from it")
			}
			taken[e.Slug] = true
		}
	}
	slug := base
	for n := 2; ; n++ {
		_, err := os.Lstat(filepath.Join(folder, slug+".md"))
		if !taken[slug] && errors.Is(err, fs.ErrNotExist) {
			break
		}
		suffix := "-" + strconv.Itoa(n)
		slug = shorten(base, MaxSlug-len(suffix)) + suffix
	}

	// The skeleton's notes are in the entry's language, if faqcast has
	// them in it; a config it cannot read gets English ones.
	name := "entry.md.tmpl"
	if l := strings.ToLower(cmp.Or(lang, site)); l == "es" || strings.HasPrefix(l, "es-") {
		name = "entry.es.md.tmpl"
	}
	tmpl, err := template.New(name).Funcs(template.FuncMap{"quote": strconv.Quote}).ParseFS(files, name)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, struct{ Title, Slug, Lang string }{question, slug, lang}); err != nil {
		return "", err
	}
	if err := os.MkdirAll(folder, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(folder, slug+".md")
	return path, writeNew(path, buf.Bytes())
}

// shorten cuts a slug to at most n bytes, at a hyphen where it can.
func shorten(slug string, n int) string {
	if len(slug) <= n {
		return slug
	}
	if slug[n] == '-' {
		// A word ends right at the limit.
		return slug[:n]
	}
	cut := slug[:n]
	if i := strings.LastIndexByte(cut, '-'); i > 0 {
		cut = cut[:i]
	}
	return strings.Trim(cut, "-")
}

// writeNew creates a file that must not exist yet.
func writeNew(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
