package reply

import (
	"bufio"
	"encoding/json"
	"flag"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/faqcast/faqcast/internal/logistic"
)

var update = flag.Bool("update", false, "retrain the models in model/ from the tuning sets of testdata/comments")

// The sets of testdata/comments by use (see its README.md): the models
// learn from the tuning sets, their thresholds are chosen on the
// validation set, and the held-out set only measures.
var (
	tuningSets = []string{"tune.jsonl", "test.jsonl", "fresh.jsonl", "fresh2.jsonl", "fresh3.jsonl", "fresh4.jsonl",
		"fresh5.jsonl", "fresh6.jsonl", "fresh7.jsonl", "fresh8.jsonl", "fresh9.jsonl", "fresh10.jsonl",
		"fresh11.jsonl", "fresh12.jsonl", "fresh13.jsonl", "fresh14.jsonl", "fresh15.jsonl", "fresh16.jsonl", "fresh17.jsonl", "fresh18.jsonl", "fresh19.jsonl", "fresh20.jsonl", "fresh21.jsonl", "fresh22.jsonl",
		"fresh23.jsonl", "fresh24.jsonl", "fresh28.jsonl", "fresh29.jsonl"}
)

// A comment is a labelled comment of testdata/comments.
type comment struct {
	Text      string `json:"text"`
	Situation string `json:"situation"`
	Entry     string `json:"entry"`
	Lang      string `json:"lang"`
}

// readSets reads the labelled comments of the named sets, in order.
func readSets(t testing.TB, names ...string) []comment {
	t.Helper()
	var out []comment
	for _, name := range names {
		f, err := os.Open(filepath.Join("testdata", "comments", name))
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			var c comment
			if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			out = append(out, c)
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// An example is a comment as the models read it: its features and its
// label.
type example struct {
	keys      []string
	situation string
}

// examples returns the comments as the models read them in classify.
func examples(comments []comment) []example {
	out := make([]example, len(comments))
	for i, c := range comments {
		fs := features(c.Text)
		keys := make([]string, len(fs))
		for k, f := range fs {
			keys[k] = f.key
		}
		out[i] = example{keys, c.Situation}
	}
	return out
}

// features returns the features classify gives the models of text.
func features(text string) []feature {
	s := prepare(text)
	rule, _ := signs(s)
	if emergencyIn(s) != nil {
		rule = Emergency
	}
	return commentFeatures(text, s, rule)
}

// The models, each as the examples it learns from and the ones it finds.
var modelSpecs = []struct {
	file string
	// in reports whether the model learns from a comment of situation.
	in func(situation string) bool
	// positive reports whether the model finds a comment of situation.
	positive func(situation string) bool
}{
	{"emergency.txt", func(string) bool { return true }, func(s string) bool { return s == Emergency }},
	{"urgency.txt", func(s string) bool { return s == Emergency || s == Medical }, func(s string) bool { return s == Emergency }},
	// The medical model finds a personal health matter, an emergency or
	// a medical question: emergencies are decided before it is asked,
	// and they teach it what a health question reads like.
	{"medical.txt", func(string) bool { return true }, func(s string) bool { return s == Emergency || s == Medical }},
}

// modelOptions are the settings the models are trained with.
var modelOptions = logistic.Options{Epochs: 30, Rate: 0.1, L2: 3e-3}

// trainModel fits a logistic model (see [logistic.Train]) that finds the
// examples positive accepts among those in accepts.
func trainModel(all []example, in, positive func(string) bool) *model {
	var examples []logistic.Example
	for _, e := range all {
		if in(e.situation) {
			examples = append(examples, logistic.Example{Features: e.keys, Positive: positive(e.situation)})
		}
	}
	m := logistic.Train(examples, modelOptions)
	return &model{bias: m.Bias, weights: m.Weights}
}

// format writes m as a model file, leaving out weights too small to
// matter.
func (m *model) format() string {
	return (&logistic.Model{Bias: m.bias, Weights: m.weights}).Format(0.005)
}

// TestModelTrained retrains the models from the tuning sets and checks
// that they are the ones shipped; with -update it ships them.
func TestModelTrained(t *testing.T) {
	all := examples(readSets(t, tuningSets...))
	for _, spec := range modelSpecs {
		got := trainModel(all, spec.in, spec.positive).format()
		path := filepath.Join("model", spec.file)
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
			t.Errorf("%s is not the model the tuning sets train; run go test -run TestModelTrained -update", path)
		}
	}
}

// A scored comment is a comment with what classify weighs: the signs'
// verdicts and the models' probabilities.
type scored struct {
	comment
	emergency  bool   // the signs see an emergency
	rule       string // the signs' other situation
	pe, pu, pm float64
}

// scoreWith scores comments with the models m.
func scoreWith(m models, comments []comment) []scored {
	out := make([]scored, len(comments))
	for i, c := range comments {
		s := prepare(c.Text)
		fs := features(c.Text)
		rule, _ := signs(s)
		pe, _ := m.emergency.prob(fs)
		pu, _ := m.urgency.prob(fs)
		pm, _ := m.medical.prob(fs)
		out[i] = scored{c, emergencyIn(s) != nil, rule, pe, pu, pm}
	}
	return out
}

// decide returns the situation classify gives c at the thresholds.
func (c scored) decide(floor, emergency, medical float64) string {
	switch {
	case c.emergency && c.pe >= floor, emergencyScore(c.pe, c.pu) >= emergency:
		return Emergency
	case c.rule == Medical, c.pm >= medical:
		return Medical
	}
	return c.rule
}

var crossValidate = flag.Bool("crossvalidate", false, "choose the emergency thresholds again by cross-validation on the tuning sets")

// generalSets are the tuning sets written to the same general brief as
// the validation and held-out sets (see testdata/comments/README.md).
var generalSets = []string{"fresh6.jsonl", "fresh7.jsonl", "fresh8.jsonl", "fresh9.jsonl", "fresh10.jsonl", "fresh11.jsonl", "fresh12.jsonl", "fresh16.jsonl", "fresh17.jsonl",
	"fresh20.jsonl", "fresh21.jsonl", "fresh22.jsonl"}

// crossValidated returns the comments of generalSets scored by models
// trained without the set each is in (and with every other tuning set).
func crossValidated(t *testing.T) []scored {
	var out []scored
	for _, held := range generalSets {
		var rest []example
		for _, name := range tuningSets {
			if name != held {
				rest = append(rest, examples(readSets(t, name))...)
			}
		}
		m := models{}
		for _, spec := range modelSpecs {
			w := trainModel(rest, spec.in, spec.positive)
			switch spec.file {
			case "emergency.txt":
				m.emergency = w
			case "urgency.txt":
				m.urgency = w
			case "medical.txt":
				m.medical = w
			}
		}
		out = append(out, scoreWith(m, readSets(t, held))...)
	}
	return out
}

// TestModelThresholds chooses the thresholds again by their criteria
// (see EmergencyThreshold), by cross-validation on the general tuning
// sets, and checks them: with -crossvalidate only, for it trains 36
// models (about six minutes).
func TestModelThresholds(t *testing.T) {
	if !*crossValidate {
		t.Skip("trains 36 models; run with -crossvalidate")
	}
	cv := crossValidated(t)
	// The value of the kit at the emergency thresholds: every emergency
	// found counts ten, every medical question found one.
	value := func(floor, threshold float64) int {
		v := 0
		for _, c := range cv {
			switch got := c.decide(floor, threshold, MedicalThreshold); {
			case c.Situation == Emergency && got == Emergency:
				v += 10
			case c.Situation == Medical && got == Medical:
				v++
			}
		}
		return v
	}
	best, floor, threshold := -1, 0.0, 0.0
	for _, f := range []float64{0.001, 0.003, 0.01, 0.03, 0.1} {
		for c := -6.0; c <= 0; c += 0.5 {
			if v := value(f, c); v > best || v == best && (f > floor || c > threshold) {
				best, floor, threshold = v, f, c
			}
		}
	}
	if floor != EmergencyFloor || threshold != EmergencyThreshold {
		t.Errorf("EmergencyFloor and EmergencyThreshold are %g and %g, want %g and %g", float64(EmergencyFloor), float64(EmergencyThreshold), floor, threshold)
	}
	// The value at the medical threshold: every medical question found
	// counts one, every other comment (not an emergency) called one
	// costs a half.
	bestMedical, medical := math.Inf(-1), 0.0
	for _, tm := range []float64{0.05, 0.1, 0.2, 0.3, 0.5} {
		v := 0.0
		for _, c := range cv {
			switch got := c.decide(EmergencyFloor, EmergencyThreshold, tm); {
			case got != Medical:
			case c.Situation == Medical:
				v++
			case c.Situation != Emergency:
				v -= 0.5
			}
		}
		if v >= bestMedical {
			bestMedical, medical = v, tm
		}
	}
	if medical != MedicalThreshold {
		t.Errorf("MedicalThreshold is %g, want %g", float64(MedicalThreshold), medical)
	}
}
