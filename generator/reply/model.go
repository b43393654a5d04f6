package reply

import (
	"bufio"
	"bytes"
	"embed"
	"encoding/json"
	"io/fs"
	"math"
	"slices"
	"sync"
)

// trainingSets are the labelled comments the emergency model learns from:
// the sets the signs were tuned on (see testdata/comments/README.md).
//
//go:embed testdata/comments/tune.jsonl testdata/comments/test.jsonl testdata/comments/fresh.jsonl testdata/comments/fresh2.jsonl testdata/comments/fresh3.jsonl testdata/comments/fresh4.jsonl testdata/comments/fresh5.jsonl
var trainingSets embed.FS

// The probability at which a model calls a comment of its situation when
// the signs did not: chosen on fresh6.jsonl, which the models did not
// learn from, as the least at which each called no other comment of its
// situation there.
const (
	EmergencyThreshold = 0.99
	MedicalThreshold   = 0.98
)

// A bayes model tells the comments of one situation from the others: a
// multinomial naive Bayes classifier over a comment's stemmed terms and
// pairs of adjacent terms, with add-one smoothing.
type bayes struct {
	logPrior [2]float64 // by class: 0 other comments, 1 the situation's
	counts   [2]map[string]float64
	totals   [2]float64
	vocab    float64
}

// The models, each trained on first use; the results are read-only.
var (
	emergencyModel = sync.OnceValue(func() *bayes { return train(Emergency) })
	medicalModel   = sync.OnceValue(func() *bayes { return train(Medical) })
)

// train returns the model of situation, learnt from trainingSets.
func train(situation string) *bayes {
	b := &bayes{counts: [2]map[string]float64{{}, {}}}
	var docs [2]float64
	vocab := map[string]bool{}
	files, _ := fs.Glob(trainingSets, "testdata/comments/*.jsonl")
	for _, name := range files {
		data, err := trainingSets.ReadFile(name)
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		for sc.Scan() {
			var l struct{ Text, Situation string }
			if json.Unmarshal(sc.Bytes(), &l) != nil {
				continue
			}
			c := 0
			if l.Situation == situation {
				c = 1
			}
			docs[c]++
			for _, f := range features(l.Text) {
				b.counts[c][f]++
				b.totals[c]++
				vocab[f] = true
			}
		}
	}
	b.vocab = float64(len(vocab))
	for c := range 2 {
		b.logPrior[c] = math.Log((docs[c] + 1) / (docs[0] + docs[1] + 2))
	}
	return b
}

// features returns the terms of text and its pairs of adjacent terms.
func features(text string) []string {
	toks := tokenize(text)
	out := make([]string, 0, 2*len(toks))
	for i, t := range toks {
		out = append(out, t.term)
		if i > 0 {
			out = append(out, toks[i-1].term+" "+t.term)
		}
	}
	return out
}

// logLik returns the smoothed log-likelihood of feature f in class c.
func (b *bayes) logLik(c int, f string) float64 {
	return math.Log((b.counts[c][f] + 1) / (b.totals[c] + b.vocab))
}

// prob returns the probability the model gives text of being of its
// situation, and the words of the features that weigh most towards it.
func (b *bayes) prob(text string) (float64, []string) {
	toks := tokenize(text)
	var score [2]float64
	score[0], score[1] = b.logPrior[0], b.logPrior[1]
	type weight struct {
		word string
		w    float64
	}
	var ws []weight
	for i, t := range toks {
		fs := []string{t.term}
		words := []string{t.word}
		if i > 0 {
			fs = append(fs, toks[i-1].term+" "+t.term)
			words = append(words, toks[i-1].word+" "+t.word)
		}
		for k, f := range fs {
			l0, l1 := b.logLik(0, f), b.logLik(1, f)
			score[0] += l0
			score[1] += l1
			ws = append(ws, weight{words[k], l1 - l0})
		}
	}
	slices.SortStableFunc(ws, func(x, y weight) int {
		switch {
		case x.w > y.w:
			return -1
		case x.w < y.w:
			return 1
		}
		return 0
	})
	var why []string
	for _, w := range ws[:min(3, len(ws))] {
		if w.w > 0 {
			why = append(why, w.word)
		}
	}
	return 1 / (1 + math.Exp(score[0]-score[1])), why
}
