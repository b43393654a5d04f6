package reply

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
)

// MinCoverage is the least [Match.Coverage] at which a comment that asks
// something is taken to ask an entry's question: below it, no entry
// matches. A comment that asks nothing needs FullCoverage, of two words
// or more.
const (
	MinCoverage  = 0.18
	FullCoverage = 0.99
)

// Weights of an entry's fields in the index.
const (
	titleWeight     = 2
	questionsWeight = 2
	summaryWeight   = 1
	tagsWeight      = 1.5
)

// A Question is an entry as the kit matches comments to it.
type Question struct {
	Slug string
	// Lang is the language of the entry and of its replies.
	Lang string
	// Translations are the slugs of the entry's translations.
	Translations []string
	// Title is the question; Summary its short answer; Tags its topics;
	// Others the other ways patients ask it (questions: in front matter).
	Title, Summary string
	Tags, Others   []string
}

// A Kit answers comments on a practice's posts: it finds the situation of
// a comment and the entry that answers it, and gives the reply to paste,
// made only of the practice's replies by situation and its entries' own
// replies: it never writes medical content of its own.
type Kit struct {
	situations []Replies
	questions  []Question
	index      *Index
	// reply returns the reply of the entry of slug on platform.
	reply func(slug, platform string) (string, error)
}

// Replies are the practice's replies by situation (all but "entry") in
// one language.
type Replies struct {
	// Lang is their language, a BCP 47 tag such as "es" or "es-MX".
	Lang string
	// Situations maps a situation to its reply.
	Situations map[string]string
}

// NewKit returns a kit that answers with situations, the practice's
// replies by situation in each language of the site, the site's own
// first, and matches comments to questions, whose replies reply gives by
// slug and platform.
func NewKit(situations []Replies, questions []Question, reply func(slug, platform string) (string, error)) *Kit {
	docs := make([]Doc, len(questions))
	for i, q := range questions {
		d := Doc{Slug: q.Slug, Fields: []Field{
			{Text: q.Title, Weight: titleWeight},
			{Text: q.Summary, Weight: summaryWeight},
			{Text: strings.Join(q.Tags, ", "), Weight: tagsWeight},
		}}
		for _, o := range q.Others {
			d.Fields = append(d.Fields, Field{Text: o, Weight: questionsWeight})
		}
		docs[i] = d
	}
	return &Kit{situations: situations, questions: questions, index: NewIndex(docs), reply: reply}
}

// Matches returns the entries that share a word with comment, best first
// (see [Index.Search]), whatever their coverage.
func (k *Kit) Matches(comment string) []Match { return k.index.Search(comment) }

// An Answer is what the kit makes of a comment.
type Answer struct {
	// Situation is one of the situations (see [Emergency] and the rest).
	Situation string `json:"situation"`
	// Entry is the slug of the entry that answers the comment's question,
	// or nil when none does; a comment in another situation may name one
	// too, though its reply is the situation's.
	Entry *string `json:"entry"`
	// Question is the entry's question, "" when Entry is nil.
	Question string `json:"-"`
	// Score is how much of the comment the entry matches, from 0 to 1
	// (see [Match.Coverage]), to three decimals; 0 when Entry is nil.
	Score float64 `json:"score"`
	// Reply is the reply to paste.
	Reply string `json:"reply"`
	// Lang is the reply's language: for a question an entry answers, the
	// entry's, which is the translation in the comment's language when
	// the entry has one; else the comment's language when the site has
	// replies in it, or when nothing tells it, the language of the entry
	// it names; else the site's. The comment's language is told by its
	// words (see [CommentLanguage]), or when they do not tell, by those
	// of them the kit's entries hold in one language only.
	Lang string `json:"lang"`
	// Why lists the comment's words that decided the situation, or, for
	// an entry, the words it matched.
	Why []string `json:"why"`
}

// Classify returns the situation of comment, the entry whose question it
// asks (nil for none), and why, without a reply. Emergencies win over
// everything, and a personal medical question, a disclosure, a complaint
// or a request over an entry's question.
func (k *Kit) Classify(comment string) Answer {
	a := Answer{Why: []string{}}
	situation, why := classify(comment)
	least := FullCoverage
	if asks(comment) {
		least = MinCoverage
	}
	if m := k.index.Search(comment); len(m) > 0 && m[0].Coverage >= least && (least < FullCoverage || len(m[0].Terms) > 1) &&
		situation != Emergency && situation != Other {
		slug := m[0].Slug
		a.Entry, a.Score = &slug, math.Round(m[0].Coverage*1000)/1000
		a.Question = k.question(slug).Title
		if situation == "" {
			situation, why = Entry, m[0].Terms
		}
	}
	if situation == "" {
		situation = Other
	}
	a.Situation = situation
	for _, w := range why {
		if !slices.Contains(a.Why, w) {
			a.Why = append(a.Why, w)
		}
	}
	return a
}

// Answer classifies comment (see [Kit.Classify]) and gives the reply to
// paste on platform, in lang, one of the kit's languages, or when lang is
// "", in the comment's language (see [Answer.Lang]): for a question an
// entry answers, the reply of the entry or of its translation in that
// language; else the situation's.
func (k *Kit) Answer(comment, platform, lang string) (Answer, error) {
	if lang != "" && !slices.Contains(k.Languages(), lang) {
		return Answer{}, fmt.Errorf("no replies in %q: the site's languages are %s", lang, strings.Join(k.Languages(), ", "))
	}
	a := k.Classify(comment)
	if a.Situation == Entry {
		if t, ok := k.translation(*a.Entry, cmp.Or(lang, k.commentLanguage(comment))); ok {
			a.Entry, a.Question = &t.Slug, t.Title
		}
		text, err := k.reply(*a.Entry, platform)
		if err != nil {
			return Answer{}, err
		}
		a.Reply, a.Lang = text, k.question(*a.Entry).Lang
		return a, nil
	}
	var replies Replies
	switch {
	case len(k.situations) == 0:
	case lang != "":
		replies = k.situations[slices.IndexFunc(k.situations, func(r Replies) bool { return r.Lang == lang })]
	default:
		replies = k.situations[k.languageOf(comment, a.Entry)]
	}
	a.Reply, a.Lang = replies.Situations[a.Situation], replies.Lang
	return a, nil
}

// Languages returns the languages of the kit's replies by situation, the
// site's first.
func (k *Kit) Languages() []string {
	out := make([]string, len(k.situations))
	for i, r := range k.situations {
		out[i] = r.Lang
	}
	return out
}

// languageOf returns the index in k.situations of the replies for
// comment: those in the comment's language, by [CommentLanguage] and the
// tags' first part ("es" takes "es-MX"); when the comment's words do not
// tell, those in the language of slug's entry, if the comment names one;
// else the site's.
func (k *Kit) languageOf(comment string, slug *string) int {
	want := k.commentLanguage(comment)
	if want == "" && slug != nil {
		want = k.question(*slug).Lang
	}
	if want == "" {
		return 0
	}
	for i, r := range k.situations {
		if r.Lang == want {
			return i
		}
	}
	for i, r := range k.situations {
		if baseLanguage(r.Lang) == baseLanguage(want) {
			return i
		}
	}
	return 0
}

// commentLanguage returns the language of comment by its words (see
// [CommentLanguage]), or when they do not tell, by the words of it that
// the kit's entries hold in one language only; or "".
func (k *Kit) commentLanguage(comment string) string {
	return cmp.Or(CommentLanguage(comment), k.index.language(comment))
}

// translation returns the translation of slug's entry into lang, when lang
// is not "" and the entry is in another language.
func (k *Kit) translation(slug, lang string) (Question, bool) {
	q := k.question(slug)
	if lang == "" || baseLanguage(q.Lang) == baseLanguage(lang) {
		return Question{}, false
	}
	for _, t := range q.Translations {
		if tq := k.question(t); baseLanguage(tq.Lang) == baseLanguage(lang) {
			return tq, true
		}
	}
	return Question{}, false
}

// question returns the question of slug, or the zero Question.
func (k *Kit) question(slug string) Question {
	for _, q := range k.questions {
		if q.Slug == slug {
			return q
		}
	}
	return Question{}
}
