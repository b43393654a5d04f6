package check

import (
	"math"
	"strings"
	"testing"
)

// TestModelsScoreWords checks that the merged models score a sentence as
// each model scores its features, repeats and all.
func TestModelsScoreWords(t *testing.T) {
	for _, s := range []string{
		"Grab Plan B at the pharmacy tonight, you're still in the window.",
		"the the the a the a",
		"Your son should skip the booster; your son should rest.",
		"",
		"Día 2: ok ok",
		"zzqx unknownword another",
		"Shoutout to Mateo Ruiz, 4, and @jkwon's Mom for Ana's 2nd visit",
	} {
		words := modelWords(strings.ToLower(strings.ReplaceAll(s, "’", "'")))
		wantPHI, wantAdvice := phiModel().score(modelFeatures(s)), adviceModel().score(modelFeatures(s))
		phi, advice, _ := bothModels().scoreWords(words, modelShapes(s), nil)
		if math.Abs(phi-wantPHI) > 1e-9 || math.Abs(advice-wantAdvice) > 1e-9 {
			t.Errorf("scoreWords(%q) = %v, %v, want %v, %v", s, phi, advice, wantPHI, wantAdvice)
		}
	}
}

// BenchmarkReadModels reads the shipped English models, as the first
// check in a process does.
//
//	go test ./generator/check -run XXX -bench ReadModels
func BenchmarkReadModels(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		m := &models{weights: make(map[string][2]float64, 1<<17)}
		m.phiBias = m.read("model/phi.txt", 0)
		m.adviceBias = m.read("model/advice.txt", 1)
	}
}
