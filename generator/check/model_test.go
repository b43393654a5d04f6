package check

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/faqcast/faqcast/internal/logistic"
)

var update = flag.Bool("update", false, "retrain the models in model/ from testdata/gate/tune.tsv and education.tsv")

// readModel reads a model file alone, as [models.read] reads it.
func readModel(name string) *model {
	both := &models{weights: map[string][2]float64{}}
	m := &model{bias: both.read(name, 0), weights: make(map[string]float64, len(both.weights))}
	for f, w := range both.weights {
		m.weights[f] = w[0]
	}
	return m
}

// The shipped models, each alone.
var (
	phiModel    = sync.OnceValue(func() *model { return readModel("model/phi.txt") })
	adviceModel = sync.OnceValue(func() *model { return readModel("model/advice.txt") })
)

// A modelExample is a sentence of the tuning half with its features and
// whether it is of the model's label.
type modelExample struct {
	features []string
	positive bool
}

// SpanishTuning are the Spanish corpora the Spanish rules are tuned on
// and the models learn from; es-a.tsv, es-c.tsv and es-f.tsv were the
// held-out sets of the first three rounds, and es-h.tsv is the held-out
// set now.
var SpanishTuning = []string{"es-a.tsv", "es-b.tsv", "es-c.tsv", "es-d.tsv", "es-e.tsv", "es-f.tsv", "es-g.tsv", "es-h.tsv", "es-i.tsv", "es-j.tsv", "es-k.tsv", "es-l.tsv", "es-m.tsv", "es-n.tsv", "es-o.tsv"}

// readTuning returns the examples of label against NONE that the models
// learn from: the tuning half's and the FAQ education's; with spanish,
// those of the models of Spanish texts, which also learn from the Spanish
// tuning corpora and the Spanish FAQ education.
func readTuning(t *testing.T, label string, spanish bool) []modelExample {
	t.Helper()
	var out []modelExample
	names := []string{"tune.tsv", "education.tsv"}
	if spanish {
		names = append(append(names, "education-es.tsv"), SpanishTuning...)
	}
	for _, name := range names {
		out = append(out, readExamples(t, name, label)...)
	}
	return out
}

// readExamples returns the examples of label against NONE in the gate
// corpus file name.
func readExamples(t *testing.T, name, label string) []modelExample {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "gate", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []modelExample
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) != 3 || fields[0] != label && fields[0] != "NONE" {
			continue
		}
		out = append(out, modelExample{modelFeatures(fields[2]), fields[0] == label})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// modelL2 is the strength of each model's L2 regularisation, which
// TestModelThresholds picks by cross-validation.
var modelL2 = map[string]float64{"PHI": 1e-2, "ADVICE": 1e-2}

// trainModel fits a logistic model to examples (see
// [logistic.Train]) with L2 regularisation of strength l2.
func trainModel(examples []modelExample, l2 float64) *model {
	in := make([]logistic.Example, len(examples))
	for i, e := range examples {
		in[i] = logistic.Example{Features: e.features, Positive: e.positive}
	}
	m := logistic.Train(in, logistic.Options{Epochs: 30, Rate: 0.2, L2: l2})
	return &model{bias: m.Bias, weights: m.Weights}
}

// format writes m as a model file, leaving out weights too small to
// matter.
func (m *model) format() string {
	return (&logistic.Model{Bias: m.bias, Weights: m.weights}).Format(0.01)
}

// TestModelTrained retrains the models from the tuning half and checks
// that they are the ones shipped; with -update it ships them.
func TestModelTrained(t *testing.T) {
	for _, c := range []struct {
		label, file string
		spanish     bool
	}{{"PHI", "phi.txt", false}, {"ADVICE", "advice.txt", false}, {"PHI", "phi_es.txt", true}, {"ADVICE", "advice_es.txt", true}} {
		examples := readTuning(t, c.label, c.spanish)
		if len(examples) < 500 {
			t.Fatalf("%s: %d examples in the tuning half, want at least 500", c.label, len(examples))
		}
		got := trainModel(examples, modelL2[c.label]).format()
		path := filepath.Join("model", c.file)
		if *update {
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if got != string(want) {
			t.Errorf("%s differs from a model trained on testdata/gate/tune.tsv and education.tsv; run go test ./generator/check -run TestModelTrained -update", path)
		}
	}
}

func TestModelFeatures(t *testing.T) {
	for _, c := range []struct {
		sentence string
		want     []string
	}{
		{"Skip it.", []string{"^skip", "it", "skip", "skip it"}},
		{"You’re FINE", []string{"^you're", "fine", "you're", "you're fine"}},
		{"Día 2: ok", []string{"#num", "2", "2 ok", "^d", "a", "a 2", "d", "d a", "ok"}},
		{"", []string{"^"}},
	} {
		if got := modelFeatures(c.sentence); !slices.Equal(got, c.want) {
			t.Errorf("modelFeatures(%q) = %q, want %q", c.sentence, got, c.want)
		}
	}
}

func TestModelShapes(t *testing.T) {
	for _, c := range []struct {
		sentence string
		want     []string
	}{
		// The opening word is capitalised in every sentence.
		{"Thanks to the team.", nil},
		{"So proud of Mateo Ruiz, 4, and Ana’s mom!", []string{"#cap", "#cap #cap", "#num", "#cap's"}},
		{"@jkwon your results are in", []string{"#handle"}},
		// A word in capitals is no name's shape.
		{"Call us NOW about Flu shots", []string{"#cap"}},
	} {
		if got := modelShapes(c.sentence); !slices.Equal(got, c.want) {
			t.Errorf("modelShapes(%q) = %q, want %q", c.sentence, got, c.want)
		}
	}
}

func TestLikelySentences(t *testing.T) {
	for _, c := range []struct {
		text string
		have []Match
		want string // the rule of the one match, or ""
	}{
		// Advice no phrase rule knows, and the patient of a thank-you.
		{"Grab Plan B at the pharmacy tonight, you're still in the window.", nil, "ADVICE-LIKELY"},
		{"So proud of our sweet patient who finished chemo this week!", nil, "PHI-LIKELY"},
		// What FAQ pages say to every patient.
		{"Bring your insurance card and a list of your medicines to your first visit.", nil, ""},
		{"You can see your lab results in the patient portal.", nil, ""},
		// A sentence another rule flagged is not scored again, nor a fragment.
		{"Grab Plan B at the pharmacy tonight, you're still in the window.", []Match{{Start: 5, End: 11, Rule: "ADVICE-MEDICINE"}}, ""},
		{"Your pharmacy.", nil, ""},
	} {
		got := likelySentences(newScan(textLexicon(), c.text), c.have, false)
		switch {
		case c.want == "" && len(got) > 0:
			t.Errorf("likelySentences(%q) = %v, want none", c.text, got)
		case c.want != "" && (len(got) != 1 || got[0].Rule != c.want):
			t.Errorf("likelySentences(%q) = %v, want one %s", c.text, got, c.want)
		}
	}
}

// TestModelThresholds checks that each model's regularisation and
// threshold are the ones the criterion picks by five-fold cross-validation
// on the sentences the model learns from: the threshold is the lowest
// multiple of 0.5 at which at most 1% of the corpus's negatives and at most
// 0.5% of the FAQ sentences are flagged, and the regularisation, among a
// few strengths, the one whose models then find the most positives.
func TestModelThresholds(t *testing.T) {
	if testing.Short() {
		t.Skip("trains fifty models")
	}
	for _, c := range []struct {
		label     string
		threshold float64
	}{{"PHI", phiThreshold}, {"ADVICE", adviceThreshold}} {
		var best, bestThreshold float64
		bestFound := -1
		for _, l2 := range []float64{1e-3, 3e-3, 1e-2, 3e-2, 1e-1} {
			threshold, found, report := modelCriterion(t, c.label, l2)
			t.Logf("%s, regularisation %g: %d positives found at %s", c.label, l2, found, report)
			if found > bestFound {
				best, bestThreshold, bestFound = l2, threshold, found
			}
		}
		if best != modelL2[c.label] || bestThreshold != c.threshold {
			t.Errorf("%s: regularisation %g and threshold %.1f, want %g and %.1f", c.label, modelL2[c.label], c.threshold, best, bestThreshold)
		}
	}
}

// modelCriterion returns the threshold the criterion of TestModelThresholds
// picks for the model of label trained with regularisation l2, how many
// positives the models of the folds find at it, and the false alarms at
// it and half a point below, as text.
func modelCriterion(t *testing.T, label string, l2 float64) (threshold float64, found int, report string) {
	corpus := readExamples(t, "tune.tsv", label)
	faq := readExamples(t, "education.tsv", label)
	all := append(slices.Clip(corpus), faq...)
	// scores[i] is example i's score by the model of the folds without it.
	scores := make([]float64, len(all))
	const folds = 5
	for k := range folds {
		var train []modelExample
		for i, e := range all {
			if i%folds != k {
				train = append(train, e)
			}
		}
		m := trainModel(train, l2)
		for i := k; i < len(all); i += folds {
			scores[i] = m.score(all[i].features)
		}
	}
	negatives := 0
	for _, e := range corpus {
		if !e.positive {
			negatives++
		}
	}
	alarms := func(threshold float64) (corpusRate, faqRate float64, found int) {
		var n, f int
		for i, e := range all {
			switch {
			case scores[i] <= threshold:
			case e.positive:
				found++
			case i < len(corpus):
				n++
			default:
				f++
			}
		}
		return float64(n) / float64(negatives), float64(f) / float64(len(faq)), found
	}
	for threshold = -5; threshold < 20; threshold += 0.5 {
		if corpusRate, faqRate, n := alarms(threshold); corpusRate <= 0.01 && faqRate <= 0.005 {
			found = n
			break
		}
	}
	lo, lf, _ := alarms(threshold - 0.5)
	co, cf, _ := alarms(threshold)
	report = fmt.Sprintf("%.1f flags %.4f of the corpus's negatives and %.4f of the FAQ's, %.1f flags %.4f and %.4f",
		threshold, co, cf, threshold-0.5, lo, lf)
	return threshold, found, report
}
