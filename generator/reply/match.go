// Package reply helps a practice's staff answer comments on its posts: it
// finds the entry that answers a comment and what kind of comment it is,
// and makes the reply to paste.
package reply

import (
	"cmp"
	"math"
	"slices"
)

// unknownShare is the share of the highest IDF with which a comment's term
// that no doc holds counts against a doc's Coverage: such terms are
// mostly the comment's own words (names, places, small talk), not a
// question the docs fail to answer.
const unknownShare = 0.5

// Parameters of BM25F.
const (
	// k1 is how soon a term's frequency saturates.
	k1 = 1.2
	// b is how much a field's length normalizes its term frequencies.
	b = 0.75
)

// A Doc is one entry as the index sees it.
type Doc struct {
	Slug string
	// Fields are the texts the entry is found by, each with its weight:
	// its title, its summary, its tags and its alternative phrasings of
	// the question (front matter "questions:").
	Fields []Field
}

// A Field is one text an entry is found by.
//
// Each field's text is tokenized on its own, in the language its
// stopwords point to. Fields of equal weight are one kind of field to
// BM25F: a field's length is normalized by the average length of the
// non-empty fields of its weight across the index.
type Field struct {
	Text string
	// Weight scales the frequencies of the field's terms. Fields whose
	// weight is not a positive finite number are left out.
	Weight float64
}

// An Index ranks docs for a comment by BM25F (Robertson & Zaragoza) over
// stemmed terms.
//
// A doc's score is the sum, over the comment's distinct terms t it holds,
// of IDF(t)·tf/(k1+tf), where tf sums over the doc's fields
// Weight·freq/((1−b) + b·len/avglen), with k1 = 1.2 and b = 0.75, and
// IDF(t) = ln(1 + (N−n+0.5)/(n+0.5)) for a term that n of N docs hold.
//
// An Index is safe for concurrent use.
type Index struct {
	slugs []string
	// postings maps each term to the docs that hold it, in the order of
	// the docs, with its frequency in each: summed over the doc's fields,
	// weighted and normalized by the field's length.
	postings map[string][]posting
}

// A posting is a term's place in one doc.
type posting struct {
	doc int
	tf  float64
}

// NewIndex returns an index of docs.
func NewIndex(docs []Doc) *Index {
	type field struct {
		terms  []string
		weight float64
	}
	fields := make([][]field, len(docs))
	lengths := make(map[float64]int) // total length by weight
	counts := make(map[float64]int)  // non-empty fields by weight
	for i, d := range docs {
		for _, f := range d.Fields {
			if !(f.Weight > 0) || math.IsInf(f.Weight, 1) {
				continue
			}
			toks := tokenize(f.Text)
			if len(toks) == 0 {
				continue
			}
			terms := make([]string, len(toks))
			for k, t := range toks {
				terms[k] = t.term
			}
			fields[i] = append(fields[i], field{terms, f.Weight})
			lengths[f.Weight] += len(terms)
			counts[f.Weight]++
		}
	}

	ix := &Index{
		slugs:    make([]string, len(docs)),
		postings: make(map[string][]posting),
	}
	for i, d := range docs {
		ix.slugs[i] = d.Slug
		var order []string
		tf := make(map[string]float64)
		for _, f := range fields[i] {
			avg := float64(lengths[f.weight]) / float64(counts[f.weight])
			w := f.weight / ((1 - b) + b*float64(len(f.terms))/avg)
			for _, t := range f.terms {
				if _, ok := tf[t]; !ok {
					order = append(order, t)
				}
				tf[t] += w
			}
		}
		for _, t := range order {
			ix.postings[t] = append(ix.postings[t], posting{doc: i, tf: tf[t]})
		}
	}
	return ix
}

// A Match is a doc's place in a ranking.
type Match struct {
	Slug string
	// Score is the doc's BM25F score for the comment.
	Score float64
	// Coverage is the share, between 0 and 1, of the comment's weight of
	// evidence that the doc matches: the sum of the IDF of the comment's
	// distinct content terms the doc holds over the sum of the IDF of all
	// its distinct content terms (a term no doc holds counts with half
	// the highest IDF), so that it can be compared across comments of any
	// length.
	Coverage float64
	// Terms are the comment's words that matched, as written in the
	// comment, in the order they appear, for explaining the match. A word
	// written the same way twice is listed once.
	Terms []string
}

// Search returns the docs that share at least one content term with
// text, best first: by Score, then by Coverage, then in the order of the docs.
//
// Each distinct term of text counts once. In a text whose words do not
// tell its language (see [CommentLanguage]), a word no doc holds as an
// English word is looked up as a Spanish one. Search returns nil when no
// doc shares a term with text.
func (ix *Index) Search(text string) []Match {
	if ix == nil || len(ix.postings) == 0 {
		return nil
	}
	toks := tokenize(text)
	var terms []string           // distinct terms, in order of appearance
	at := make([]int, len(toks)) // index in terms of each token's term
	seen := make(map[string]int)
	for k, t := range toks {
		if t.alt != "" && ix.postings[t.term] == nil && ix.postings[t.alt] != nil {
			// A word of a text in no told language that no doc holds
			// as an English word, but one does as a Spanish word.
			t.term = t.alt
		}
		j, ok := seen[t.term]
		if !ok {
			j = len(terms)
			seen[t.term] = j
			terms = append(terms, t.term)
		}
		at[k] = j
	}

	type candidate struct {
		Match
		doc      int
		evidence float64
		holds    []bool // by index in terms
	}
	var cands []*candidate
	byDoc := make(map[int]*candidate)
	n := len(ix.slugs)
	total := 0.0
	for j, t := range terms {
		ps := ix.postings[t]
		w := idf(n, len(ps))
		if len(ps) == 0 {
			total += unknownShare * w
			continue
		}
		total += w
		for _, p := range ps {
			c := byDoc[p.doc]
			if c == nil {
				c = &candidate{Match: Match{Slug: ix.slugs[p.doc]}, doc: p.doc, holds: make([]bool, len(terms))}
				byDoc[p.doc] = c
				cands = append(cands, c)
			}
			c.Score += w * saturate(p.tf)
			c.evidence += w
			c.holds[j] = true
		}
	}
	if len(cands) == 0 {
		return nil
	}

	for _, c := range cands {
		c.Coverage = min(c.evidence/total, 1)
		for k, t := range toks {
			if c.holds[at[k]] && !slices.Contains(c.Terms, t.word) {
				c.Terms = append(c.Terms, t.word)
			}
		}
	}
	slices.SortFunc(cands, func(x, y *candidate) int {
		return cmp.Or(
			cmp.Compare(y.Score, x.Score),
			cmp.Compare(y.Coverage, x.Coverage),
			cmp.Compare(x.doc, y.doc),
		)
	})
	matches := make([]Match, len(cands))
	for i, c := range cands {
		matches[i] = c.Match
	}
	return matches
}

// language returns the language of text by the words ix knows, for a
// text whose words do not tell it (see [CommentLanguage]): "es" when at
// least half of its content words are known to ix only as Spanish words,
// and more of them than only as English words; "en" for the reverse; and
// "" otherwise. Unaccented Spanish ("aceptan medicaid?") has no mark of
// Spanish and often no stopword.
func (ix *Index) language(text string) string {
	if ix == nil {
		return ""
	}
	var en, es int
	toks := tokenize(text)
	for _, t := range toks {
		if t.alt == "" {
			continue
		}
		switch english, spanish := ix.postings[t.term] != nil, ix.postings[t.alt] != nil; {
		case english && !spanish:
			en++
		case spanish && !english:
			es++
		}
	}
	switch {
	case es > en && 2*es >= len(toks):
		return "es"
	case en > es && 2*en >= len(toks):
		return "en"
	}
	return ""
}

// idf returns the inverse document frequency of a term that df of n docs
// hold, smoothed so that it stays positive. A term no doc holds gets the
// highest.
func idf(n, df int) float64 {
	return math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
}

// saturate returns the share of a term's full weight that a doc with the
// term's frequency tf earns.
func saturate(tf float64) float64 {
	if math.IsInf(tf, 1) {
		return 1
	}
	return tf / (k1 + tf)
}
