package entry

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/faqcast/faqcast/internal/slug"

	"github.com/adrg/frontmatter"
	"github.com/faqcast/faqcast/internal/decode"
	"github.com/faqcast/faqcast/internal/diag"
	"golang.org/x/text/language"
)

// MaxSize is the largest entry file faqcast reads, in bytes.
const MaxSize = 1 << 20

// MaxSummary is the longest summary allowed, in characters.
const MaxSummary = 200

// langRE matches the form of a BCP 47 language tag, which
// language.Parse checks further: subtags joined by hyphens, never
// underscores.
var langRE = regexp.MustCompile(`^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$`)

// frontMatter is what a writer may put in an entry's front matter.
// Aliases accept Hugo's spellings where they mean the same.
type frontMatter struct {
	Title      string    `yaml:"title"`
	Summary    string    `yaml:"summary" alias:"description"`
	Slug       string    `yaml:"slug"`
	Rank       int       `yaml:"rank" alias:"weight"`
	Tags       []string  `yaml:"tags"`
	Hashtags   []string  `yaml:"hashtags"`
	ReviewedBy string    `yaml:"reviewed_by"`
	ReviewedOn time.Time `yaml:"reviewed_on"`
	Sources    []Source  `yaml:"sources"`
	Image      *Image    `yaml:"image"`
	Posts      Posts     `yaml:"posts"`
	Reply      string    `yaml:"reply" text:"multiline"`
	Questions  []string  `yaml:"questions"`
	Lang       string    `yaml:"lang"`
	// TranslationOf takes Hugo's translationKey too: a key the
	// translations of one page share, which may be the slug of one of
	// them, as translation_of is.
	TranslationOf string      `yaml:"translation_of" alias:"translationKey,translationkey"`
	Schedule      []time.Time `yaml:"schedule"`
	Draft         bool        `yaml:"draft"`
	PublishOn     time.Time   `yaml:"publish_on" alias:"publishDate,publishdate"`
	ExpireOn      time.Time   `yaml:"expire_on" alias:"expiryDate,expirydate"`

	Pos decode.Positions `yaml:"-"`
}

// A block is a front matter block as adrg/frontmatter found it.
type block struct {
	format string
	data   []byte
}

// formats are the front matter delimiters faqcast accepts. The unmarshal
// functions only capture the block; decode does the strict decoding.
func formats() []*frontmatter.Format {
	capture := func(format string) frontmatter.UnmarshalFunc {
		return func(data []byte, v any) error {
			b := v.(*block)
			b.format, b.data = format, data
			return nil
		}
	}
	json := frontmatter.NewFormat("{", "}", capture("json"))
	json.UnmarshalDelims = true
	json.RequiresNewLine = true
	return []*frontmatter.Format{
		frontmatter.NewFormat("---", "---", capture("yaml")),
		frontmatter.NewFormat("+++", "+++", capture("toml")),
		json,
	}
}

// Parse reads one entry file. display names the file in diagnostics and rel
// is its slash-separated path inside the content folder, from which the
// default slug comes. The answer may hold tabs and line breaks but no other
// control characters (see [decode.IsControl]), and neither may the texts of
// the front matter, which take one line but for posts. All problems found
// in the file are returned together.
func Parse(display, rel string, data []byte) (*Entry, error) {
	e := &Entry{Path: display, Rel: rel}
	sum := sha256.Sum256(data)
	e.Hash = hex.EncodeToString(sum[:])
	fail := func(pos diag.Pos, hint, format string, args ...any) (*Entry, error) {
		return nil, diag.Errorf(display, pos, format, args...).WithHint("%s", hint)
	}
	top := diag.Pos{Line: 1, Col: 1}

	if len(data) > MaxSize {
		return fail(top, "split the answer into several entries", "file is too large (%d bytes; the limit is %d)", len(data), MaxSize)
	}
	// Positions count lines as editors do, whatever the line endings, so
	// they are turned into LF before anything is looked for.
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return fail(diag.PosAt(data, i, 1), "entries are Markdown text; move binary files out of the content folder", "file is binary (it holds a NUL byte)")
	}
	if !utf8.Valid(data) {
		i := 0
		for i < len(data) {
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			i += n
		}
		return fail(diag.PosAt(data, i, 1), "save the file as UTF-8 in your editor", "file is not valid UTF-8")
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return fail(top, "start the file with front matter: a line ---, title: and summary: lines, then ---", "file is empty")
	}

	var b block
	rest, err := frontmatter.MustParse(bytes.NewReader(data), &b, formats()...)
	if err != nil {
		opener, line := firstLine(data)
		switch opener {
		case "---", "+++", "{":
			closer := map[string]string{"---": "---", "+++": "+++", "{": "}"}[opener]
			hint := fmt.Sprintf("end the front matter with a line that is exactly %s", closer)
			if opener == "{" {
				hint += ", followed by an empty line"
			}
			return fail(diag.Pos{Line: line, Col: 1}, hint, "front matter opened with %s is never closed", opener)
		}
		return fail(diag.Pos{Line: line, Col: 1}, "start the file with a line ---, then title: and summary: lines, then ---",
			"no front matter")
	}
	e.Format = b.format
	bodyOff := len(data) - len(rest)
	e.Body = bytes.Clone(rest) // not the whole file's buffer, with room to spare
	e.BodyLine = bytes.Count(data[:bodyOff], []byte("\n")) + 1
	e.MayShowImages = bytes.Contains(rest, []byte("!["))
	meta := sha256.Sum256(data[:bodyOff])
	e.MetaHash = hex.EncodeToString(meta[:])
	_, openLine := firstLine(data)
	blockLine := openLine + 1
	if b.format == "json" {
		blockLine = openLine
	}

	var fm frontMatter
	switch b.format {
	case "yaml":
		err = decode.YAML(display, b.data, blockLine, &fm)
	case "toml":
		err = decode.TOML(display, b.data, blockLine, &fm)
	case "json":
		err = decode.JSON(display, b.data, blockLine, &fm)
	}
	bodyErrs := checkBody(display, data, bodyOff)
	if err != nil {
		return nil, diag.Join(append(bodyErrs, err)...)
	}
	e.fill(&fm)
	if err := e.check(openLine); err != nil || len(bodyErrs) > 0 {
		return nil, diag.Join(append(bodyErrs, err)...)
	}
	return e, nil
}

// maxBodyProblems is the most control characters reported in one answer
// each at its place; the rest are counted.
const maxBodyProblems = 10

// checkBody reports the control characters (see [decode.IsControl]) in the
// answer, data[off:], other than tab and line feed; data has LF line
// endings.
func checkBody(path string, data []byte, off int) []error {
	if clean(data[off:]) {
		return nil
	}
	var errs []error
	more, morePos := 0, diag.Pos{}
	p := diag.PosAt(data, off, 1)
	for _, r := range string(data[off:]) {
		if decode.IsControl(r) && r != '\t' && r != '\n' {
			if len(errs) < maxBodyProblems {
				errs = append(errs, bodyControl(path, p, r))
			} else if more++; more == 1 {
				morePos = p
			}
		}
		if r == '\n' {
			p.Line, p.Col = p.Line+1, 1
		} else {
			p.Col++
		}
	}
	if more > 0 {
		errs = append(errs, diag.Errorf(path, morePos, "%d more control characters in the answer from here", more).
			WithHint("remove them: an answer may hold tabs and line breaks, but no other control characters"))
	}
	return errs
}

// clean reports whether b holds no control character but tabs and line
// feeds: checkBody's quick look, which finds most answers clean by looking
// at each ASCII byte once.
func clean(b []byte) bool {
	for i := 0; i < len(b); {
		if c := b[i]; c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if decode.IsControl(r) {
			return false
		}
		i += n
	}
	return true
}

// bodyControl reports the control character r at pos in the answer.
func bodyControl(path string, pos diag.Pos, r rune) *diag.Error {
	switch {
	case r == '\u2028':
		return diag.Errorf(path, pos, "the answer holds the line separator U+2028").
			WithHint("use an ordinary line break instead")
	case r == '\u2029':
		return diag.Errorf(path, pos, "the answer holds the paragraph separator U+2029").
			WithHint("use an ordinary line break instead")
	case '\u202A' <= r && r <= '\u202E' || '\u2066' <= r && r <= '\u2069':
		return diag.Errorf(path, pos, "the answer holds the bidirectional control character U+%04X", r).
			WithHint("remove it: it can make the text show in another order than it is read in")
	}
	return diag.Errorf(path, pos, "the answer holds the control character U+%04X", r).
		WithHint("remove it: an answer may hold tabs and line breaks, but no other control characters")
}

// firstLine returns the first non-blank line of data, trimmed, and its
// 1-based line number.
func firstLine(data []byte) (string, int) {
	for i, line := range strings.Split(string(data), "\n") {
		if t := strings.TrimSpace(line); t != "" {
			return t, i + 1
		}
	}
	return "", 1
}

func (e *Entry) fill(fm *frontMatter) {
	e.Title = strings.TrimSpace(fm.Title)
	e.lowerTitle = strings.ToLower(e.Title)
	e.titleKey = titleKey(e.Title)
	e.Summary = strings.TrimSpace(fm.Summary)
	e.Slug = fm.Slug
	e.Rank = fm.Rank
	e.Tags = fm.Tags
	e.Hashtags = fm.Hashtags
	e.ReviewedBy = fm.ReviewedBy
	e.ReviewedOn = fm.ReviewedOn
	e.Sources = fm.Sources
	e.Image = fm.Image
	e.Pins = fm.Schedule
	e.Posts = fm.Posts.texts()
	e.PostsPos = fm.Posts.Pos
	e.Reply = strings.TrimSpace(fm.Reply)
	e.Questions = fm.Questions
	e.Lang = strings.TrimSpace(fm.Lang)
	e.TranslationOf = strings.TrimSpace(fm.TranslationOf)
	e.Draft = fm.Draft
	e.PublishOn = fm.PublishOn
	e.ExpireOn = fm.ExpireOn
	e.Pos = fm.Pos
}

// check validates the fields of one entry on their own.
func (e *Entry) check(openLine int) error {
	var errs []error
	top := diag.Pos{Line: openLine, Col: 1}
	at := func(key string) diag.Pos {
		if p, ok := e.Pos[key]; ok {
			return p
		}
		return top
	}
	// item returns the place of the i-th item of key's list, or of key.
	item := func(key string, i int) diag.Pos {
		if p, ok := e.Pos[decode.ItemKey(key, i)]; ok {
			return p
		}
		return at(key)
	}
	bad := func(pos diag.Pos, hint, format string, args ...any) {
		errs = append(errs, diag.Errorf(e.Path, pos, format, args...).WithHint("%s", hint))
	}

	if e.Title == "" {
		bad(at("title"), "add title: with the question as patients ask it", "title is required")
	}
	if e.Summary == "" {
		bad(at("summary"), "add summary: with the short plain answer in one or two sentences", "summary is required")
	} else if n := utf8.RuneCountInString(e.Summary); n > MaxSummary {
		bad(at("summary"), "keep the short answer to one or two sentences; the details belong in the body",
			"summary is %d characters; the limit is %d", n, MaxSummary)
	}

	if e.Slug == "" {
		e.Slug = fileSlug(e.Rel)
		if e.Slug == "" {
			bad(top, "add slug: with a URL name such as first-visit", "cannot make a slug from the file name %q", path.Base(e.Rel))
		}
	} else if !slug.Valid(e.Slug) {
		hint := "use lowercase letters, digits and single hyphens, such as first-visit"
		if s := slug.Make(e.Slug); s != "" {
			hint = fmt.Sprintf("use lowercase letters, digits and single hyphens: slug: %s", s)
		}
		bad(at("slug"), hint, "slug %q is not valid", e.Slug)
	}

	if e.Rank < 0 {
		bad(at("rank"), "rank 1 is the most asked question; leave rank out for unranked entries", "rank %d is negative", e.Rank)
	}

	for i, t := range e.Tags {
		e.Tags[i] = strings.TrimSpace(t)
		if slug.Make(t) == "" {
			bad(item("tags", i), "a tag needs letters a to z or digits (accents are dropped), such as insurance",
				"tag %q cannot name a topic page", t)
		}
	}
	for i, h := range e.Hashtags {
		h = strings.TrimPrefix(strings.TrimSpace(h), "#")
		e.Hashtags[i] = h
		if !validHashtag(h) {
			bad(item("hashtags", i), "a hashtag is one word of letters, digits or _, with a letter, such as NewPatient or Flu2026", "hashtag %q is not valid", "#"+h)
		}
	}

	for i, s := range e.Sources {
		// A missing key is reported at the source's first key, so that the
		// message points into the right source.
		pos := func(k string) diag.Pos {
			if p, ok := s.Pos[k]; ok {
				return p
			}
			return s.Pos.First(at("sources"))
		}
		if strings.TrimSpace(s.Title) == "" {
			bad(pos("title"), "give each source a title: the page or article name", "sources[%d] has no title", i)
		}
		if s.URL == "" {
			bad(pos("url"), "add url: with the full address, starting with https://", "sources[%d] has no url", i)
		} else if u, err := url.Parse(s.URL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			bad(pos("url"), "write the full address, starting with https://", "sources[%d].url %q is not an absolute http(s) URL", i, s.URL)
		}
		if s.Lang != "" {
			if tag, ok := canonicalTag(s.Lang); ok {
				e.Sources[i].Lang = tag
			} else {
				bad(pos("lang"), langHint, "sources[%d].lang %q is not a language tag", i, s.Lang)
			}
		}
	}

	if img := e.Image; img != nil {
		pos := func(k string) diag.Pos {
			if p, ok := img.Pos[k]; ok {
				return p
			}
			return at("image")
		}
		if img.Src == "" {
			bad(pos("src"), "name the image file, relative to this entry", "image.src is required")
		} else if path.IsAbs(img.Src) || slices.Contains(strings.Split(img.Src, "/"), "..") || strings.Contains(img.Src, "\\") {
			bad(pos("src"), "put the image beside the entry, or below the content folder, and name it relative to the entry", "image.src %q must be a relative path inside the content folder", img.Src)
		}
		if strings.TrimSpace(img.Alt) == "" {
			bad(pos("alt"), "describe what the image shows for people who cannot see it", "image.alt is required")
		}
		if !slices.Contains(Consents, img.Consent) {
			bad(pos("consent"), "say why the image may be shown: consent: stock, illustration or consented",
				"image.consent %q is not one of %s", img.Consent, strings.Join(Consents, ", "))
		}
		if n := img.People; n != nil && *n < 0 {
			bad(pos("people"), "give the number of people the photo shows, such as people: 2, or 0 for none",
				"image.people %d is negative", *n)
		} else if n != nil && *n > 0 && img.Consent == "illustration" {
			bad(pos("people"), "an illustration shows no real people: for a photo of people, use consent: consented (or stock) and give people: N",
				"image.people is %d, but consent: illustration says the image shows no one", *n)
		}
	}

	for i, q := range e.Questions {
		e.Questions[i] = strings.TrimSpace(q)
		if e.Questions[i] == "" {
			bad(item("questions", i), "write each other way of asking the question as patients do, such as \"Do you take my insurance?\"", "questions[%d] is empty", i)
		}
	}
	if e.Lang != "" {
		if tag, ok := canonicalTag(e.Lang); ok {
			e.Lang = tag
		} else {
			bad(at("lang"), langHint, "lang %q is not a language tag", e.Lang)
		}
	}
	if e.TranslationOf != "" && !slug.Valid(e.TranslationOf) {
		hint := "write the slug of the entry this one translates, such as first-visit"
		if s := slug.Make(e.TranslationOf); s != "" {
			hint = fmt.Sprintf("write the slug of the entry this one translates: translation_of: %s", s)
		}
		bad(at("translation_of"), hint, "translation_of %q is not a slug", e.TranslationOf)
	}
	if e.Reply != "" && !strings.Contains(e.Reply, "{link}") {
		bad(at("reply"), "add {link} where the link to this entry's page goes, such as: \"Yes: see {link}\"", "reply has no {link}")
	}

	if !e.PublishOn.IsZero() && !e.ExpireOn.IsZero() && !e.PublishOn.Before(e.ExpireOn) {
		bad(at("expire_on"), "expire_on must come after publish_on", "expire_on %s is not after publish_on %s",
			e.ExpireOn.Format(time.DateOnly), e.PublishOn.Format(time.DateOnly))
	}
	return diag.Join(errs...)
}

// validHashtag reports whether h, without its #, is a hashtag on every
// platform: letters, digits and _, with at least one letter, since
// twitter-text and Mastodon do not link a hashtag of digits alone, such as
// #2026.
func validHashtag(h string) bool {
	letter := false
	for _, r := range h {
		switch {
		case unicode.IsLetter(r):
			letter = true
		case r != '_' && !unicode.IsDigit(r):
			return false
		}
	}
	return letter
}

// fileSlug returns the slug an entry file at rel has when it sets none:
// its file name's, or its folder's for an index.md; "" if none can be
// made.
func fileSlug(rel string) string {
	base := path.Base(rel)
	name := strings.TrimSuffix(base, path.Ext(base))
	if name == "index" || name == "_index" {
		name = path.Base(path.Dir(rel))
	}
	return slug.Make(name)
}

// canonicalTag returns s, a BCP 47 language tag, in canonical form ("es-MX"
// for "ES-mx"), and whether it is one.
func canonicalTag(s string) (string, bool) {
	tag, err := language.Parse(s)
	if err != nil || !langRE.MatchString(s) {
		return "", false
	}
	return tag.String(), true
}

// langHint is the hint for a value that is not a language tag.
const langHint = "use a language tag such as en, es or es-MX"
