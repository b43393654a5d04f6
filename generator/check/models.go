package check

import (
	"slices"
	"sync"
)

// models is the two shipped models merged into one table, so that a
// sentence's words and pairs of words are each looked up once for both:
// a feature's weights are the phi model's and the advice model's, zero
// for a model without it.
type models struct {
	phiBias, adviceBias float64
	weights             map[string][2]float64
}

// bothModels returns the shipped models merged, made once per process; the
// models read to make it are not kept.
var bothModels = sync.OnceValue(func() *models {
	return mergeModels(readModel("model/phi.txt"), readModel("model/advice.txt"))
})

// mergeModels returns the models phi and advice merged.
func mergeModels(phi, advice *model) *models {
	m := &models{phiBias: phi.bias, adviceBias: advice.bias, weights: make(map[string][2]float64, len(phi.weights)+len(advice.weights))}
	for f, w := range phi.weights {
		m.weights[f] = [2]float64{w, advice.weights[f]}
	}
	for f, w := range advice.weights {
		if _, ok := phi.weights[f]; !ok {
			m.weights[f] = [2]float64{0, w}
		}
	}
	return m
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
