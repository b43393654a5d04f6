package check

import (
	"slices"
	"sync"

	"github.com/faqcast/faqcast/internal/logistic"
)

// models is the two shipped models merged into one table, so that a
// sentence's words and pairs of words are each looked up once for both:
// a feature's weights are the phi model's and the advice model's, zero
// for a model without it.
type models struct {
	phiBias, adviceBias float64
	weights             map[string][2]float64
}

// readModels starts reading the shipped models, once per process, beside
// whatever else the first check reads first (the name lexicon): it needs
// them both, and each read keeps a core busy on its own.
var readModels = sync.OnceFunc(func() { go bothModels() })

// bothModels returns the shipped models merged, read once per process.
var bothModels = sync.OnceValue(func() *models {
	m := &models{weights: make(map[string][2]float64, 1<<17)}
	m.phiBias = m.read("model/phi.txt", 0)
	m.adviceBias = m.read("model/advice.txt", 1)
	return m
})

// spanishModels returns the shipped models of Spanish texts merged, read
// once per process when a Spanish text is first checked: they learnt from
// the English corpora and the Spanish ones, so that Spanish does not move
// the English models' figures.
var spanishModels = sync.OnceValue(func() *models {
	m := &models{weights: make(map[string][2]float64, 1<<17)}
	m.phiBias = m.read("model/phi_es.txt", 0)
	m.adviceBias = m.read("model/advice_es.txt", 1)
	return m
})

// read adds the weights of the model file name (lines of a weight, a tab
// and a feature; the bias's feature is empty) as the
// k-th of each feature's, and returns the model's bias. The features are
// kept as parts of the file's text, made a string once.
func (m *models) read(name string, k int) (bias float64) {
	data, err := modelFiles.ReadFile(name)
	if err != nil {
		panic(err)
	}
	bias, err = logistic.ParseEach(data, func(feature string, v float64) {
		ws := m.weights[feature]
		ws[k] = v
		m.weights[feature] = ws
	})
	if err != nil {
		panic("check: " + name + ": " + err.Error())
	}
	return bias
}

// scoreWords returns the scores of a sentence by the PHI model and by the
// advice model, given its [modelWords] and its [modelShapes]: what
// [model.score] returns of the sentence's [modelFeatures], without making
// them (a word or a pair counts once however often it comes). buf is
// scratch space; scoreWords returns it for reuse.
func (m *models) scoreWords(words, shapes []string, buf []byte) (phi, advice float64, _ []byte) {
	first := ""
	if len(words) > 0 {
		first = words[0]
	}
	buf = append(append(buf[:0], '^'), first...)
	w := m.weights[string(buf)]
	phi, advice = m.phiBias+w[0], m.adviceBias+w[1]
	for k, word := range words {
		if !slices.Contains(words[:k], word) {
			w := m.weights[word]
			phi, advice = phi+w[0], advice+w[1]
		}
		if k == 0 {
			continue
		}
		seen := false
		for p := 1; p < k && !seen; p++ {
			seen = words[p-1] == words[k-1] && words[p] == word
		}
		if !seen {
			buf = append(append(append(buf[:0], words[k-1]...), ' '), word...)
			w := m.weights[string(buf)]
			phi, advice = phi+w[0], advice+w[1]
		}
	}
	for _, shape := range shapes {
		w := m.weights[shape]
		phi, advice = phi+w[0], advice+w[1]
	}
	return phi, advice, buf
}
