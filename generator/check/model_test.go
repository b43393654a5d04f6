package check

import (
	"bufio"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
)

var update = flag.Bool("update", false, "retrain the models in model/ from testdata/gate/tune.tsv and education.tsv")

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

// readTuning returns the examples of label against NONE that the models
// learn from: the tuning half's, and the FAQ education's.
func readTuning(t *testing.T, label string) []modelExample {
	t.Helper()
	var out []modelExample
	for _, name := range []string{"tune.tsv", "education.tsv"} {
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

// trainModel fits a logistic model to examples by stochastic gradient
// descent with L2 regularisation, in a fixed order of a seeded shuffle, so
// that the same examples always give the same weights.
func trainModel(examples []modelExample) *model {
	const (
		epochs = 30
		rate   = 0.2
		l2     = 1e-3
	)
	m := &model{weights: map[string]float64{}}
	order := make([]int, len(examples))
	for i := range order {
		order[i] = i
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	for range epochs {
		rnd.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			e := examples[i]
			p := 1 / (1 + math.Exp(-max(-30, min(30, m.score(e.features)))))
			g := p
			if e.positive {
				g = p - 1
			}
			m.bias -= rate * g
			for _, f := range e.features {
				m.weights[f] -= rate * (g + l2*m.weights[f])
			}
		}
	}
	return m
}

// format writes m as a model file, leaving out weights too small to
// matter.
func (m *model) format() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\t\n", strconv.FormatFloat(m.bias, 'g', 4, 64))
	features := make([]string, 0, len(m.weights))
	for f, w := range m.weights {
		if math.Abs(w) >= 0.01 {
			features = append(features, f)
		}
	}
	slices.Sort(features)
	for _, f := range features {
		fmt.Fprintf(&b, "%s\t%s\n", strconv.FormatFloat(m.weights[f], 'g', 4, 64), f)
	}
	return b.String()
}

// TestModelTrained retrains the models from the tuning half and checks
// that they are the ones shipped; with -update it ships them.
func TestModelTrained(t *testing.T) {
	for _, c := range []struct{ label, file string }{{"PHI", "phi.txt"}, {"ADVICE", "advice.txt"}} {
		examples := readTuning(t, c.label)
		if len(examples) < 500 {
			t.Fatalf("%s: %d examples in the tuning half, want at least 500", c.label, len(examples))
		}
		got := trainModel(examples).format()
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
		{"Día 2: ok", []string{"2", "2 ok", "^d", "a", "a 2", "d", "d a", "ok"}},
		{"", []string{"^"}},
	} {
		if got := modelFeatures(c.sentence); !slices.Equal(got, c.want) {
			t.Errorf("modelFeatures(%q) = %q, want %q", c.sentence, got, c.want)
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
		got := likelySentences(newScan(textLexicon, c.text), c.have)
		switch {
		case c.want == "" && len(got) > 0:
			t.Errorf("likelySentences(%q) = %v, want none", c.text, got)
		case c.want != "" && (len(got) != 1 || got[0].Rule != c.want):
			t.Errorf("likelySentences(%q) = %v, want one %s", c.text, got, c.want)
		}
	}
}

// TestModelThresholds checks that each model's threshold is the one the
// criterion picks by five-fold cross-validation on the sentences the
// model learns from: the lowest multiple of 0.5 at which at most 1% of the
// corpus's negatives and at most 0.5% of the FAQ sentences are flagged.
func TestModelThresholds(t *testing.T) {
	if testing.Short() {
		t.Skip("trains ten models")
	}
	for _, c := range []struct {
		label     string
		threshold float64
	}{{"PHI", phiThreshold}, {"ADVICE", adviceThreshold}} {
		corpus := readExamples(t, "tune.tsv", c.label)
		faq := readExamples(t, "education.tsv", c.label)
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
			m := trainModel(train)
			for i := k; i < len(all); i += folds {
				scores[i] = m.score(all[i].features)
			}
		}
		alarms := func(threshold float64) (corpusRate, faqRate float64) {
			var n, f int
			for i, e := range all {
				if e.positive || scores[i] <= threshold {
					continue
				}
				if i < len(corpus) {
					n++
				} else {
					f++
				}
			}
			negatives := 0
			for _, e := range corpus {
				if !e.positive {
					negatives++
				}
			}
			return float64(n) / float64(negatives), float64(f) / float64(len(faq))
		}
		ok := func(threshold float64) bool {
			corpusRate, faqRate := alarms(threshold)
			return corpusRate <= 0.01 && faqRate <= 0.005
		}
		if !ok(c.threshold) || ok(c.threshold-0.5) {
			lo, lf := alarms(c.threshold - 0.5)
			co, cf := alarms(c.threshold)
			t.Errorf("%s: threshold %.1f flags %.3f of the corpus's negatives and %.4f of the FAQ's; %.1f flags %.3f and %.4f",
				c.label, c.threshold, co, cf, c.threshold-0.5, lo, lf)
		}
	}
}
