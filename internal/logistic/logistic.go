// Package logistic fits the logistic models that faqcast's classifiers
// ship as weight files: binary features, a bias, stochastic gradient
// descent with L2 regularisation, in a fixed order of a seeded shuffle, so
// that the same examples always give the same weights.
package logistic

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
)

// An Example is what a model learns from: the features of one text, each
// once, and whether the text is of the model's class.
type Example struct {
	Features []string
	Positive bool
}

// A Model scores a text by the logistic of its bias plus the weights of
// the features the text has.
type Model struct {
	Bias    float64
	Weights map[string]float64
}

// Options are the settings of [Train].
type Options struct {
	Epochs int     // passes over the examples
	Rate   float64 // the step of each update
	L2     float64 // the strength of the L2 regularisation
}

// Train fits a model to examples.
func Train(examples []Example, o Options) *Model {
	// The features as numbers, in the order they first appear.
	ids := map[string]int{}
	var keys []string
	docs := make([][]int, len(examples))
	for i, e := range examples {
		docs[i] = make([]int, len(e.Features))
		for k, f := range e.Features {
			id, ok := ids[f]
			if !ok {
				id = len(keys)
				ids[f] = id
				keys = append(keys, f)
			}
			docs[i][k] = id
		}
	}
	w := make([]float64, len(keys))
	var bias float64
	order := make([]int, len(examples))
	for i := range order {
		order[i] = i
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	for range o.Epochs {
		rnd.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			z := bias
			for _, id := range docs[i] {
				z += w[id]
			}
			g := 1 / (1 + math.Exp(-max(-30, min(30, z))))
			if examples[i].Positive {
				g--
			}
			bias -= o.Rate * g
			for _, id := range docs[i] {
				w[id] -= o.Rate * (g + o.L2*w[id])
			}
		}
	}
	m := &Model{Bias: bias, Weights: make(map[string]float64, len(keys))}
	for id, k := range keys {
		m.Weights[k] = w[id]
	}
	return m
}

// Format returns m as a weight file, leaving out the weights smaller than
// least: the bias and a tab on the first line, then a weight, a tab and a
// feature on each line, sorted by feature, each number to four
// significant digits.
func (m *Model) Format(least float64) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\t\n", strconv.FormatFloat(m.Bias, 'g', 4, 64))
	features := make([]string, 0, len(m.Weights))
	for f, w := range m.Weights {
		if math.Abs(w) >= least {
			features = append(features, f)
		}
	}
	slices.Sort(features)
	for _, f := range features {
		fmt.Fprintf(&b, "%s\t%s\n", strconv.FormatFloat(m.Weights[f], 'g', 4, 64), f)
	}
	return b.String()
}

// Parse reads a weight file as [Model.Format] writes it.
func Parse(data []byte) (*Model, error) {
	m := &Model{Weights: map[string]float64{}}
	bias, err := ParseEach(data, func(feature string, weight float64) { m.Weights[feature] = weight })
	if err != nil {
		return nil, err
	}
	m.Bias = bias
	return m, nil
}

// ParseEach reads a weight file as [Parse] does, without making a model:
// it calls add with each feature and its weight, in the file's order, and
// returns the bias. A caller that merges models into a table of its own
// so makes one map, not two. The features are parts of one string of the
// file's text.
func ParseEach(data []byte, add func(feature string, weight float64)) (bias float64, err error) {
	first := true
	for line := range strings.Lines(string(data)) {
		w, feature, ok := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
		v, err := strconv.ParseFloat(w, 64)
		if !ok || err != nil || first != (feature == "") {
			return 0, errors.New("logistic: malformed line: " + strings.TrimSpace(line))
		}
		if first {
			bias, first = v, false
			continue
		}
		add(feature, v)
	}
	if first {
		return 0, errors.New("logistic: no bias")
	}
	return bias, nil
}
