package entry

import (
	"cmp"
	"crypto/sha256"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/faqcast/faqcast/internal/diag"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// An Index holds the entries of one build, checked against each other, and
// finds them by slug or by file.
type Index struct {
	// Entries holds the entries the build publishes, in site order (see
	// [Compare]).
	Entries []*Entry
	// Versions holds, in the same order, what tells each entry's versions
	// apart, to be compared without reading the entries themselves.
	Versions []Version

	bySlug map[string]*Entry
	byRel  map[string]*Entry // every parsed entry, published or not
	// translations holds each published entry's translations (see
	// [Index.Translations]).
	translations map[*Entry][]*Entry
	live         map[*Entry]bool
	failed       map[string]bool

	frontKey string

	// What the index was made of, for Next.
	all   []*Entry // content.Entries
	fails []string // content.Failed
	staff []string
	ok    bool // no errors
}

// NewIndex checks the entries a build publishes against each other and
// against the staff who may review them: slugs and titles must be
// unique, and ranks among the entries of each lang:, where titles that differ only in spacing, case or punctuation at
// the end count as the same, and reviewed_by must name a staff id. content
// is everything the loader found; live reports which of its entries the
// build publishes.
// The index is returned even when there are errors, so that later checks
// can go on.
func NewIndex(content *Content, live func(*Entry) bool, staffIDs []string) (*Index, error) {
	n := len(content.Entries)
	ix := &Index{
		bySlug: make(map[string]*Entry, n),
		byRel:  make(map[string]*Entry, n),
		live:   make(map[*Entry]bool, n),
		failed: map[string]bool{},
	}
	for _, rel := range content.Failed {
		ix.failed[rel] = true
	}
	for _, e := range content.Entries {
		ix.byRel[e.Rel] = e
		if live(e) {
			ix.Entries = append(ix.Entries, e)
			ix.live[e] = true
		}
	}
	byRel := func(a, b *Entry) int { return strings.Compare(a.Rel, b.Rel) }
	if !slices.IsSortedFunc(ix.Entries, byRel) { // as a Loader gives them
		slices.SortFunc(ix.Entries, byRel)
	}

	var errs []error
	where := func(e *Entry, key string) diag.Pos {
		if p, ok := e.Pos[key]; ok {
			return p
		}
		return diag.Pos{Line: 1, Col: 1}
	}
	// When a slug made from a file name clashes with one set by slug:, the
	// entry that set it is the one reported.
	bySlugOrder := make([]*Entry, 0, len(ix.Entries))
	for _, set := range []bool{false, true} {
		for _, e := range ix.Entries {
			if _, ok := e.Pos["slug"]; ok == set {
				bySlugOrder = append(bySlugOrder, e)
			}
		}
	}
	for _, e := range bySlugOrder {
		if other := ix.bySlug[e.Slug]; other != nil {
			errs = append(errs, diag.Errorf(e.Path, where(e, "slug"), "slug %q is also used by %s", e.Slug, other.Path).
				WithHint("every entry needs its own slug: set slug: in one of them"))
		} else {
			ix.bySlug[e.Slug] = e
		}
	}
	ranks := map[langRank]*Entry{}
	titles := make(map[string]*Entry, n) // by titleKey
	for _, e := range ix.Entries {
		if e.Rank != 0 {
			k := langRank{strings.ToLower(e.Lang), e.Rank}
			if other := ranks[k]; other != nil {
				errs = append(errs, diag.Errorf(e.Path, where(e, "rank"), "rank %d is also used by %s", e.Rank, other.Path).
					WithHint("ranks must be unique among the entries of a language; 1 is the most asked question"))
			} else {
				ranks[k] = e
			}
		}
		key := e.sameTitleKey()
		switch other := titles[key]; {
		case other == nil || key == "":
			titles[key] = e
		case other.lowerCaseTitle() == e.lowerCaseTitle():
			errs = append(errs, diag.Errorf(e.Path, where(e, "title"), "title %q is also used by %s", e.Title, other.Path).
				WithHint("merge this entry with %s, or word the two questions apart", other.Path))
		default:
			errs = append(errs, diag.Errorf(e.Path, where(e, "title"), "title %q is also used by %s, written %q", e.Title, other.Path, other.Title).
				WithHint("merge this entry with %s, or word the two questions apart: titles that differ only in spacing, case or punctuation at the end ask the same question", other.Path))
		}
		if e.ReviewedBy != "" && !slices.Contains(staffIDs, e.ReviewedBy) {
			hint := "add the reviewer to staff: in faqcast.yaml"
			if s := diag.Suggest(e.ReviewedBy, staffIDs); s != "" {
				hint = fmt.Sprintf("did you mean %q?", s)
			} else if len(staffIDs) > 0 {
				hint = "staff ids: " + strings.Join(staffIDs, ", ")
			}
			errs = append(errs, diag.Errorf(e.Path, where(e, "reviewed_by"), "reviewed_by %q is not a staff id", e.ReviewedBy).WithHint("%s", hint))
		}
		if e.ReviewedBy != "" && e.ReviewedOn.IsZero() {
			errs = append(errs, diag.Errorf(e.Path, where(e, "reviewed_by"), "reviewed_by is set but reviewed_on is not").
				WithHint("add reviewed_on: with the date of the review, such as 2026-10-02"))
		}
	}
	errs = append(errs, ix.linkTranslations(content.Entries)...)
	slices.SortFunc(ix.Entries, Compare)
	ix.Versions = make([]Version, len(ix.Entries))
	for i, e := range ix.Entries {
		ix.Versions[i] = e.version()
	}
	ix.all, ix.fails, ix.staff, ix.ok = content.Entries, content.Failed, staffIDs, len(errs) == 0
	ix.frontKey = frontKey(content, ix.live)
	return ix, diag.Join(errs...)
}

// linkTranslations links the published entries to their translations
// (see [Translations]), in the order of ix.Entries. all is every parsed
// entry. It reports a translation_of: that names no entry, and two
// translations in one language.
func (ix *Index) linkTranslations(all []*Entry) []error {
	var errs []error
	parsed := make(map[string]bool, len(all))
	for _, e := range all {
		parsed[e.Slug] = true
	}
	places := Translations(ix.Entries)
	ix.translations = make(map[*Entry][]*Entry, len(ix.Entries))
	for i, e := range ix.Entries {
		for _, j := range places[i] {
			ix.translations[e] = append(ix.translations[e], ix.Entries[j])
		}
		if e.TranslationOf != "" && !parsed[e.TranslationOf] && len(places[i]) == 0 && !ix.failedAt(e.TranslationOf) {
			hint := "write the slug of the entry this one translates"
			if s := diag.Suggest(e.TranslationOf, slices.Sorted(maps.Keys(parsed))); s != "" {
				hint = fmt.Sprintf("did you mean %q?", s)
			}
			errs = append(errs, diag.Errorf(e.Path, e.at("translation_of"), "translation_of %q names no entry", e.TranslationOf).WithHint("%s", hint))
		}
		for _, j := range places[i] {
			other := ix.Entries[j]
			// Two entries of one slug are reported as such, not here.
			if j < i && other.Lang == e.Lang && (e.TranslationOf != "" || other.TranslationOf != "") {
				lang := "the site's"
				if e.Lang != "" {
					lang = fmt.Sprintf("%q", e.Lang)
				}
				errs = append(errs, diag.Errorf(e.Path, e.at("lang", "translation_of"), "translates the same entry as %s, in the same language (%s)", other.Path, lang).
					WithHint("set lang: to the language this entry is written in, such as es"))
				break
			}
		}
	}
	return errs
}

// CheckLanguages reports what NewIndex, which does not know site, the
// site's language, cannot, once entries without lang: are taken to be in
// it: two translations of one entry in the same language, such as an
// entry without lang: and a translation with lang: en on an English site,
// and two such entries of the same rank.
func (ix *Index) CheckLanguages(site string) error {
	var errs []error
	ranks := map[langRank]*Entry{}
	for _, e := range ix.Entries {
		if e.Rank == 0 {
			continue
		}
		k := langRank{strings.ToLower(e.Language(site)), e.Rank}
		switch other := ranks[k]; {
		case other == nil:
			ranks[k] = e
		case !strings.EqualFold(other.Lang, e.Lang): // else NewIndex reported it
			errs = append(errs, diag.Errorf(e.Path, e.at("rank"), "rank %d is also used by %s, in the same language (%q, the site's)", e.Rank, other.Path, e.Language(site)).
				WithHint("ranks must be unique among the entries of a language; 1 is the most asked question"))
		}
	}
	for _, e := range ix.Entries {
		for _, other := range ix.translations[e] {
			if other.Rel < e.Rel && other.Lang != e.Lang && (other.Lang == "" || e.Lang == "") &&
				strings.EqualFold(other.Language(site), e.Language(site)) {
				errs = append(errs, diag.Errorf(e.Path, e.at("lang", "translation_of"), "translates the same entry as %s, in the same language (%q, the site's)", other.Path, e.Language(site)).
					WithHint("set lang: to the language this entry is written in, such as es"))
				break
			}
		}
	}
	return diag.Join(errs...)
}

// Translations returns the published entries that are translations of e,
// not e itself, sorted by language (see [Translations]).
func (ix *Index) Translations(e *Entry) []*Entry { return ix.translations[e] }

// at returns the position of the first of keys that e's front matter
// has, or the file's start.
func (e *Entry) at(keys ...string) diag.Pos {
	for _, k := range keys {
		if p, ok := e.Pos[k]; ok {
			return p
		}
	}
	return diag.Pos{Line: 1, Col: 1}
}

// titleKey returns what titles that ask the same question have in common:
// the title case-folded, in Unicode normal form C, with each run of spaces
// made one space and the punctuation and spaces at its end dropped. A title
// of nothing but punctuation keeps it.
func titleKey(title string) string {
	ascii := true
	for i := 0; i < len(title) && ascii; i++ {
		ascii = title[i] < utf8.RuneSelf
	}
	if ascii { // folding is lowering, and the text is in normal form C
		title = strings.ToLower(title)
	} else {
		title = norm.NFC.String(cases.Fold().String(title))
	}
	var b strings.Builder
	b.Grow(len(title))
	space := false // a space is due before the next character
	for _, r := range title {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	key := b.String()
	if t := strings.TrimRightFunc(key, punctOrSpace); t != "" {
		return t
	}
	return key
}

// Asks reports whether question is e's title as the index compares titles
// (see [NewIndex]): the same but for case, spacing and the punctuation at
// its end, such as "Do you offer flu shots?" and "do you offer  flu shots".
func (e *Entry) Asks(question string) bool {
	key := e.sameTitleKey()
	return key != "" && key == titleKey(question)
}

// punctOrSpace reports whether r is punctuation or a space.
func punctOrSpace(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) }

// sameTitleKey returns titleKey(e.Title), made once by Parse.
func (e *Entry) sameTitleKey() string {
	if e.titleKey != "" || e.Title == "" {
		return e.titleKey
	}
	return titleKey(e.Title)
}

// A Version tells one version of an entry apart from the others.
type Version struct {
	Rel      string // the entry's file, in the content folder
	Hash     string // the file's SHA-256, as Entry.Hash
	MetaHash string // its front matter's, as Entry.MetaHash
	// Images is set when the entry may show images, in front matter or
	// in its answer, which may change on disk without it.
	Images bool
}

// version returns e's Version.
func (e *Entry) version() Version {
	return Version{Rel: e.Rel, Hash: e.Hash, MetaHash: e.MetaHash, Images: e.Image != nil || e.MayShowImages}
}

// Unpublished returns the entries that parsed but that the build does not
// publish (drafts, and entries outside their publish_on and expire_on
// dates), sorted by file.
func (ix *Index) Unpublished() []*Entry {
	var out []*Entry
	for _, e := range ix.all {
		if !ix.live[e] {
			out = append(out, e)
		}
	}
	return out
}

// FrontKey returns a digest of what ix's entries show besides their
// answers: which files there are, their front matter, which of them are
// published, and which files failed. It is the same for two indexes while
// all of that is, so that what is made of front matter alone can be kept
// while it is.
func (ix *Index) FrontKey() string { return ix.frontKey }

// frontKey returns the FrontKey of an index of content whose published
// entries are live.
func frontKey(content *Content, live map[*Entry]bool) string {
	h := sha256.New()
	for _, e := range content.Entries {
		fmt.Fprintf(h, "%q %s %t\n", e.Rel, e.MetaHash, live[e])
	}
	for _, rel := range content.Failed {
		fmt.Fprintf(h, "failed %q\n", rel)
	}
	return string(h.Sum(nil))
}

// Next returns what NewIndex(content, live, staffIDs) returns, in time
// that grows with the number of changed entries rather than of all: when
// ix had no errors and content holds the same files as ix was made of, the
// changed ones with the same front matter (the same Rel, Path and
// MetaHash), each published as before, the same staff and the same
// failures, the order, slugs, ranks and titles are as in ix, and the
// changed entries take the old ones' places. Next does not change ix.
func (ix *Index) Next(content *Content, live func(*Entry) bool, staffIDs []string) (*Index, error) {
	if ix == nil || !ix.ok || len(content.Entries) != len(ix.all) ||
		!slices.Equal(content.Failed, ix.fails) || !slices.Equal(staffIDs, ix.staff) {
		return NewIndex(content, live, staffIDs)
	}
	var swaps map[*Entry]*Entry // old to new
	for i, e := range content.Entries {
		old := ix.all[i]
		if live(e) != ix.live[old] {
			return NewIndex(content, live, staffIDs)
		}
		if e == old {
			continue
		}
		if e.Rel != old.Rel || e.Path != old.Path || e.MetaHash != old.MetaHash {
			return NewIndex(content, live, staffIDs)
		}
		if swaps == nil {
			swaps = map[*Entry]*Entry{}
		}
		swaps[old] = e
	}
	if swaps == nil {
		return ix, nil
	}
	next := &Index{
		Entries:  slices.Clone(ix.Entries),
		Versions: slices.Clone(ix.Versions),
		bySlug:   maps.Clone(ix.bySlug),
		byRel:    maps.Clone(ix.byRel),
		live:     maps.Clone(ix.live),
		failed:   ix.failed,
		frontKey: ix.frontKey,
		all:      content.Entries,
		fails:    content.Failed,
		staff:    staffIDs,
		ok:       true,
	}
	for i, e := range next.Entries {
		if n := swaps[e]; n != nil {
			next.Entries[i], next.Versions[i] = n, n.version()
		}
	}
	for old, e := range swaps {
		next.byRel[e.Rel] = e
		if next.live[old] {
			delete(next.live, old)
			next.live[e] = true
			next.bySlug[e.Slug] = e
		}
	}
	// The same front matter links the same translations, now the new
	// entries.
	swapped := func(e *Entry) *Entry { return cmp.Or(swaps[e], e) }
	next.translations = make(map[*Entry][]*Entry, len(ix.translations))
	for e, ts := range ix.translations {
		out := make([]*Entry, len(ts))
		for i, t := range ts {
			out[i] = swapped(t)
		}
		next.translations[swapped(e)] = out
	}
	return next, nil
}

// BySlug returns the published entry with the given slug, or nil.
func (ix *Index) BySlug(slug string) *Entry { return ix.bySlug[slug] }

// A Status says what is known of an entry file.
type Status int

// The statuses of an entry file.
const (
	Missing Status = iota // no such entry file
	Live                  // published by this build
	Hidden                // parsed, but a draft, not yet published or expired
	Failed                // present, but it did not parse
)

// A langRank is a rank in the ranks of one language, lowercased: each
// language has its own top five.
type langRank struct {
	lang string
	rank int
}

// FailedAt returns the entry file that did not parse whose file name
// gives slug (see [Entry.Slug]), if there is one: a link to slug's page,
// or a translation_of: naming slug, may mean that entry, whose own errors
// are reported.
func (ix *Index) FailedAt(slug string) (rel string, ok bool) {
	if len(ix.failed) == 0 {
		return "", false
	}
	for _, rel := range slices.Sorted(maps.Keys(ix.failed)) {
		if fileSlug(rel) == slug {
			return rel, true
		}
	}
	return "", false
}

// failedAt reports whether an entry file that did not parse has slug by
// its file name (see [Index.FailedAt]).
func (ix *Index) failedAt(slug string) bool {
	_, ok := ix.FailedAt(slug)
	return ok
}

// ByRel returns the entry read from the file at rel in the content folder,
// if it parsed, and what is known of it.
func (ix *Index) ByRel(rel string) (*Entry, Status) {
	if ix.failed[rel] {
		return nil, Failed
	}
	e := ix.byRel[rel]
	switch {
	case e == nil:
		return nil, Missing
	case ix.live[e]:
		return e, Live
	}
	return e, Hidden
}
