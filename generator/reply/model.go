package reply

import (
	"embed"
	"math"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/faqcast/faqcast/internal/logistic"
)

// The models weigh what the signs see with the words no sign foresaw:
// three logistic models, one of emergencies against every other comment,
// one of emergencies against personal medical questions (the line that
// matters most, and the hardest to draw), and one of personal health
// matters (emergencies and medical questions) against every other
// comment, asked only once a comment is found no emergency. They score a
// comment by its stemmed words, its pairs of neighbouring words, the
// pieces of its words (which survive misspelling and inflection), the
// words a negation denies, the signs it has and the situation the signs
// chose (see [commentFeatures]), so they learn how far to trust each sign.
//
// They were trained on the labelled comments of the tuning sets only (see
// testdata/comments/README.md); TestModelTrained retrains them and fails
// unless the result equals the weights shipped in model/.

// The thresholds of the models, chosen by leave-one-set-out
// cross-validation on the tuning sets written to the general brief and
// checked by TestModelThresholds with -crossvalidate:
//
//   - An emergency the signs find stands unless the emergency model gives
//     it less than EmergencyFloor; a comment is an emergency, too, when
//     its emergency score (see [emergencyScore]) is EmergencyThreshold or
//     more. Both are the pair, from a ladder of floors and steps of half a
//     unit of log-odds, that does best, an emergency found counting ten
//     times a medical question found: missing an emergency is the worse
//     mistake.
//   - A comment found no emergency is a personal medical question when
//     the signs find one or the medical model gives it MedicalThreshold
//     or more: the one of a ladder that does best, a medical question
//     found counting twice another comment wrongly called one.
const (
	EmergencyFloor     = 0.03
	EmergencyThreshold = -3.5
	MedicalThreshold   = 0.3
)

// A model is a logistic model of a comment's features: the probability
// it gives is the logistic of bias plus the weights of the features the
// comment has.
type model struct {
	bias    float64
	weights map[string]float64
}

// A feature is a property of a comment a model weighs (see
// [commentFeatures]) and the words of the comment that show it.
type feature struct {
	key, word string
}

//go:embed model/*.txt
var modelFiles embed.FS

// models are the shipped models (see the files of model/).
type models struct {
	emergency, urgency, medical *model
}

// modelsOnce reads the shipped models on first use; the result is
// read-only.
var modelsOnce = sync.OnceValue(func() models {
	return models{readModel("model/emergency.txt"), readModel("model/urgency.txt"), readModel("model/medical.txt")}
})

// logit returns the log-odds of probability p.
func logit(p float64) float64 {
	p = min(max(p, 1e-12), 1-1e-12)
	return math.Log(p / (1 - p))
}

// readModel reads a model file of modelFiles (see [logistic.Parse]).
func readModel(name string) *model {
	data, err := modelFiles.ReadFile(name)
	if err == nil {
		var m *logistic.Model
		if m, err = logistic.Parse(data); err == nil {
			return &model{bias: m.Bias, weights: m.Weights}
		}
	}
	panic("reply: " + name + ": " + err.Error()) // the files are built in
}

// A signal is a sign a model weighs, present in a comment when its
// expression matches the prepared text.
type signal struct {
	name string
	re   *regexp.Regexp
}

// signals returns the signs a model weighs, their expressions compiled at
// the first call: a process that classifies no comment, such as a build,
// compiles none.
var signals = sync.OnceValue(func() []signal {
	return []signal{
		{"emergency", emergencyRE()}, {"infant", infantRE()}, {"infant-fever", infantFeverRE()}, {"ask", askRE()}, {"strong-ask", strongAskRE()},
		{"acute", acuteRE()}, {"severe", severeRE()}, {"health", healthRE()}, {"medicine", medicineRE()}, {"take", takeRE()},
		{"personal", personalRE()}, {"access", accessRE()}, {"condition", conditionRE()}, {"disclosure", disclosureRE()},
		{"patient", patientRE()}, {"not-now", notNowRE()}, {"past", pastRE()}, {"complaint", complaintRE()}, {"feeling", feelingRE()},
		{"review", reviewRE()}, {"practice", practiceRE()}, {"about-post", aboutPostRE()}, {"spam", spamRE()}, {"request", requestRE()},
		{"schedule", scheduleRE()}, {"question", questionRE()},
	}
})

// commentFeatures returns the features of a comment, text as written and
// s as prepared (see [prepare]), whose signs chose the situation rule:
// its stemmed words ("w:"), each pair of neighbouring ones ("b:"), the
// pieces of three to five letters of its folded words ("c:"), the stemmed
// words a negation denies or calls fine ("n:", see [deniedScopes]), the
// signs it has ("s:", see [signals]; the lexicon's are "s:lexicon-" and
// its section), whether it asks something ("s:asks"), and the signs'
// choice ("r:"). Each key comes once, with the first words that show it.
func commentFeatures(text, s, rule string) []feature {
	var fs []feature
	toks := tokenize(text)
	for i, t := range toks {
		fs = append(fs, feature{"w:" + t.term, t.word})
		if i > 0 {
			fs = append(fs, feature{"b:" + toks[i-1].term + " " + t.term, toks[i-1].word + " " + t.word})
		}
	}
	// The character n-grams of each run of word runes; each explained by
	// the word it is part of, as written with its apostrophes ("i'm",
	// not "m").
	for _, written := range strings.FieldsFunc(s, func(r rune) bool { return !isWordRune(r) && !isApostrophe(r) }) {
		for _, w := range strings.FieldsFunc(written, func(r rune) bool { return !isWordRune(r) }) {
			rs := []rune("<" + w + ">")
			for n := 3; n <= 5; n++ {
				for i := 0; i+n <= len(rs); i++ {
					fs = append(fs, feature{"c:" + string(rs[i:i+n]), written})
				}
			}
		}
	}
	for _, scope := range deniedScopes(s) {
		for _, t := range tokenize(scope) {
			fs = append(fs, feature{"n:" + t.term, ""})
		}
	}
	for _, sg := range signals() {
		if m := sg.re.FindString(s); m != "" {
			fs = append(fs, feature{"s:" + sg.name, m})
		}
	}
	lex := lexiconOnce()
	for _, sg := range []struct {
		name string
		re   *regexp.Regexp
	}{{"emergency", lex.emergency}, {"symptom", lex.symptom}, {"ask", lex.ask}} {
		if m := sg.re.FindString(s); m != "" {
			fs = append(fs, feature{"s:lexicon-" + sg.name, m})
		}
	}
	if asks(text) {
		fs = append(fs, feature{"s:asks", ""})
	}
	if rule == "" {
		rule = "none"
	}
	fs = append(fs, feature{"r:" + rule, ""})
	seen := make(map[string]bool, len(fs))
	return slices.DeleteFunc(fs, func(f feature) bool {
		if seen[f.key] {
			return true
		}
		seen[f.key] = true
		return false
	})
}

// score returns m's log-odds of a comment with features fs.
func (m *model) score(fs []feature) float64 {
	z := m.bias
	for _, f := range fs {
		z += m.weights[f.key]
	}
	return z
}

// prob returns the probability m gives a comment with features fs of
// being of its situation, and the words of the features that weigh most
// towards it, at most three.
func (m *model) prob(fs []feature) (float64, []string) {
	z := m.score(fs)
	type weight struct {
		word string
		w    float64
	}
	var ws []weight
	for _, f := range fs {
		if w := m.weights[f.key]; w > 0 && f.word != "" {
			ws = append(ws, weight{f.word, w})
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
	for _, w := range ws {
		if len(why) == 3 {
			break
		}
		if !slices.Contains(why, w.word) {
			why = append(why, w.word)
		}
	}
	return 1 / (1 + math.Exp(-max(-30, min(30, z)))), why
}
