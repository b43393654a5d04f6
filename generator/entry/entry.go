// Package entry loads FAQ entries: Markdown files with YAML, TOML or JSON
// front matter, one patient question each.
//
// [Parse] reads one file and checks it on its own; [Load] walks a content
// folder, parsing files in parallel and reusing earlier results for files
// whose bytes have not changed; [NewIndex] checks the entries of a build
// against each other (unique slugs, ranks and titles) and looks them up.
package entry

import (
	"cmp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/faqcast/faqcast/internal/decode"
)

// An Entry is one FAQ entry: a patient's question and its answer.
type Entry struct {
	// Path is the file's path for diagnostics: slash-separated, relative to
	// the working directory when the site was named relative to it.
	Path string
	// Rel is the file's slash-separated path inside the content folder.
	Rel string
	// Format is the front matter's format: "yaml", "toml" or "json".
	Format string
	// Hash is the SHA-256 of the file's bytes, in hex.
	Hash string
	// MetaHash is the SHA-256 of the file's front matter, in hex: entries
	// with the same Rel and MetaHash differ at most in their bodies.
	MetaHash string

	Title      string
	Summary    string
	Slug       string
	Rank       int // 0 when unranked
	Tags       []string
	Hashtags   []string // without the leading '#'
	ReviewedBy string
	ReviewedOn time.Time // zero when not reviewed
	Sources    []Source
	Image      *Image
	Posts      map[string]string // platform name → the writer's own post text
	// PostsPos holds the position of each text in Posts.
	PostsPos decode.Positions
	// Reply is the writer's own reply to a comment the entry answers
	// (reply: in front matter), "" for the default; {link} stands for the
	// tagged link to the entry's page.
	Reply string
	// Questions are other ways patients ask the question (questions: in
	// front matter), by which a comment is matched to the entry.
	Questions []string
	// Lang is the language of the entry (lang: in front matter), a BCP 47
	// tag in its canonical form, such as "es" or "es-MX"; "" for the
	// site's language (see [Entry.Language]).
	Lang string
	// TranslationOf is the slug of the entry this one translates
	// (translation_of: in front matter, or Hugo's translationKey:), ""
	// when it translates none. Entries that name the same slug, and the
	// entry of that slug, are translations of one another (see
	// [Index.Translations]).
	TranslationOf string
	// Pins are the times the writer wants the entry posted (schedule: in
	// front matter): wall-clock times in the schedule's zone, given as UTC
	// wall times, unless written with an offset.
	Pins      []time.Time
	Draft     bool
	PublishOn time.Time // zero when unbounded
	ExpireOn  time.Time // zero when unbounded

	// Body is the Markdown after the front matter, with LF line endings.
	Body []byte
	// BodyLine is the line of the file that Body starts on.
	BodyLine int
	// MayShowImages is set when Body holds "![", with which every Markdown
	// image starts: only then may the answer show images.
	MayShowImages bool

	lowerTitle string // strings.ToLower(Title), set by Parse for Compare
	titleKey   string // titleKey(Title), set by Parse for NewIndex
	// Pos holds the position of each front matter key's value.
	Pos decode.Positions
}

// A Source is a reference that backs an answer.
type Source struct {
	Title string `yaml:"title"`
	URL   string `yaml:"url"`
	// Lang is the language of the source's title and page, a BCP 47 tag,
	// when it is not the entry's: an English reference cited by a Spanish
	// answer.
	Lang string `yaml:"lang"`

	Pos decode.Positions `yaml:"-"`
}

// Posts holds a writer's own post texts, under the key posts: in front
// matter, one per platform, replacing the text faqcast would write. Unlike
// the other texts of front matter, they may have several lines.
type Posts struct {
	Bluesky   string `yaml:"bluesky" text:"multiline"`
	Facebook  string `yaml:"facebook" text:"multiline"`
	GBP       string `yaml:"gbp" text:"multiline"`
	Instagram string `yaml:"instagram" text:"multiline"`
	LinkedIn  string `yaml:"linkedin" text:"multiline"`
	Mastodon  string `yaml:"mastodon" text:"multiline"`
	Threads   string `yaml:"threads" text:"multiline"`
	X         string `yaml:"x" text:"multiline"`

	Pos decode.Positions `yaml:"-"`
}

// texts returns the texts that are set, by platform name, or nil.
func (p Posts) texts() map[string]string {
	var m map[string]string
	for name, text := range map[string]string{
		"bluesky": p.Bluesky, "facebook": p.Facebook, "gbp": p.GBP, "instagram": p.Instagram,
		"linkedin": p.LinkedIn, "mastodon": p.Mastodon, "threads": p.Threads, "x": p.X,
	} {
		if text != "" {
			if m == nil {
				m = map[string]string{}
			}
			m[name] = text
		}
	}
	return m
}

// An Image illustrates an entry.
type Image struct {
	Src string `yaml:"src"`
	Alt string `yaml:"alt"`
	// Consent says why the image may be shown: "stock", "illustration" or
	// "consented".
	Consent string `yaml:"consent"`
	// People, when set, is the writer's word for how many people the
	// entry's photos show, each of whom gave written consent (or, for a
	// stock photo, is a model the licence covers); nil when not given.
	People *int `yaml:"people"`

	Pos decode.Positions `yaml:"-"`
}

// Consents lists the accepted values of Image.Consent.
var Consents = []string{"stock", "illustration", "consented"}

// MaxFaces returns how many faces the image itself may show, as its front
// matter attests: any number for a stock photo without people (its
// licence covers its models), none for an illustration, and people for
// the rest; for a consented photo without people, none, since nobody's
// consent is on record. unlimited is true when any number may show.
func (img *Image) MaxFaces() (n int, unlimited bool) {
	switch {
	case img.Consent == "illustration":
		return 0, false
	case img.People != nil:
		return *img.People, false
	case img.Consent == "stock":
		return 0, true
	}
	return 0, false
}

// BodyFaces returns how many faces each image in the body of an entry
// whose front matter image is img may show: the people that img attests,
// or none when img is nil or does not say. A body image has no front
// matter of its own, so only people: speaks for the people it shows.
func (img *Image) BodyFaces() int {
	if img == nil || img.People == nil {
		return 0
	}
	return *img.People
}

// TopFive is the highest rank that counts among the top five questions.
const TopFive = 5

// Live reports whether e is published at time now: not a draft (unless
// drafts is set), on or after PublishOn and before ExpireOn. A zero now
// applies no dates.
func (e *Entry) Live(now time.Time, drafts bool) bool {
	if e.Draft && !drafts {
		return false
	}
	if now.IsZero() {
		return true
	}
	if !e.PublishOn.IsZero() && now.Before(e.PublishOn) {
		return false
	}
	if !e.ExpireOn.IsZero() && !now.Before(e.ExpireOn) {
		return false
	}
	return true
}

// Compare orders entries as the site lists them: ranked entries first, by
// rank; then the rest by title, ignoring case; then by slug. It returns a
// negative number when a comes first, as [slices.SortFunc] wants.
func Compare(a, b *Entry) int {
	switch {
	case a.Rank != 0 && b.Rank == 0:
		return -1
	case a.Rank == 0 && b.Rank != 0:
		return 1
	}
	return cmp.Or(
		cmp.Compare(a.Rank, b.Rank),
		compareTitles(a, b),
		cmp.Compare(a.Slug, b.Slug),
		cmp.Compare(a.Rel, b.Rel),
	)
}

// compareTitles compares a's and b's titles, ignoring case.
func compareTitles(a, b *Entry) int {
	if a.lowerTitle != "" && b.lowerTitle != "" {
		return cmp.Compare(a.lowerTitle, b.lowerTitle)
	}
	return compareLower(a.Title, b.Title)
}

// lowerCaseTitle returns strings.ToLower(e.Title), made once by Parse.
func (e *Entry) lowerCaseTitle() string {
	if e.lowerTitle != "" || e.Title == "" {
		return e.lowerTitle
	}
	return strings.ToLower(e.Title)
}

// compareLower is cmp.Compare(strings.ToLower(a), strings.ToLower(b)) for
// valid UTF-8, without making the lower-case strings.
func compareLower(a, b string) int {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if c := cmp.Compare(unicode.ToLower(ra), unicode.ToLower(rb)); c != 0 {
			return c
		}
		a, b = a[na:], b[nb:]
	}
	return cmp.Compare(len(a), len(b))
}

// Language returns the entry's language: its lang:, or site, the site's
// language, when it has none.
func (e *Entry) Language(site string) string {
	if e.Lang != "" {
		return e.Lang
	}
	return site
}

// translationKey returns the key the entry shares with its translations:
// the slug it translates, or its own.
func (e *Entry) translationKey() string {
	if e.TranslationOf != "" {
		return e.TranslationOf
	}
	return e.Slug
}
