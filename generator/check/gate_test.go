package check_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/faqcast/faqcast/generator/check"
	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/entry"
)

// The gate corpus (testdata/gate) measures the compliance gate on
// sentences written apart from the rules: labelled PHI (a sentence that
// identifies a patient), ADVICE (individual advice or a claim a practice
// must not make) or NONE (hard negatives that must pass). It was split in
// two before any rule was tuned on it: frozen.tsv is never tuned on and
// holds the goals; tune.tsv is the half rules may be tuned on. No rule may
// name a corpus sentence.

// The goals, on text the rules were not tuned on, and the floor the frozen
// half must not fall below: just under what the checks reach today. The
// frozen half meets both goals. TestGateFrozen logs both.
const (
	gatePHIRecall, gatePHIPrecision       = 0.98, 0.90
	gateAdviceRecall, gateAdvicePrecision = 0.95, 0.90

	floorPHIRecall, floorPHIPrecision       = 0.98, 0.92
	floorAdviceRecall, floorAdvicePrecision = 0.97, 0.915
)

type gateCase struct {
	line        int
	label, kind string
	text        string
	flagged     bool
	rules       []string
}

func readGate(t *testing.T, name string) []gateCase {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "gate", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []gateCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, "\t")
		if len(parts) != 3 || !slices.Contains([]string{"PHI", "ADVICE", "NONE"}, parts[0]) || parts[2] == "" {
			t.Fatalf("%s:%d: want PHI|ADVICE|NONE<TAB>kind<TAB>sentence", name, n)
		}
		cases = append(cases, gateCase{line: n, label: parts[0], kind: parts[1], text: parts[2]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

// gateEntry is the entry each sentence is checked in: reviewed, sourced,
// with the sentence as its body, on the line it returns.
func gateEntry(sentence string) ([]byte, int) {
	head := "---\ntitle: A note from our office\nsummary: News from our practice.\nreviewed_by: alopez\nreviewed_on: 2026-11-01\n" +
		"sources:\n  - title: MedlinePlus\n    url: https://medlineplus.gov/\n---\n\n"
	return []byte(head + sentence + "\n"), strings.Count(head, "\n") + 1
}

// gateFlag runs faqcast's checks on each case as the body of an entry and
// marks it flagged when an error or a warning lands on its line.
func gateFlag(t *testing.T, s *check.Settings, cases []gateCase) {
	t.Helper()
	for i := range cases {
		c := &cases[i]
		data, line := gateEntry(c.text)
		e, err := entry.Parse("content/gate.md", "gate.md", data)
		if err != nil {
			t.Fatalf("line %d: %v", c.line, err)
		}
		for _, f := range s.Entry(e, nil) {
			if f.Severity >= check.Warning && f.Pos.Line == line {
				c.flagged = true
				c.rules = append(c.rules, f.Rule)
			}
		}
	}
}

type gateScore struct {
	positives, found, falseAlarms int
	recall, precision             float64
}

func (g gateScore) String() string {
	return fmt.Sprintf("recall %.4f (%d/%d), precision %.4f (%d false alarms)", g.recall, g.found, g.positives, g.precision, g.falseAlarms)
}

// gateMeasure scores label: recall over its sentences, and precision of
// flags over its sentences and the NONE ones.
func gateMeasure(cases []gateCase, label string) gateScore {
	var g gateScore
	for _, c := range cases {
		switch {
		case c.label == label:
			g.positives++
			if c.flagged {
				g.found++
			}
		case c.label == "NONE" && c.flagged:
			g.falseAlarms++
		}
	}
	g.recall = float64(g.found) / float64(max(g.positives, 1))
	g.precision = float64(g.found) / float64(max(g.found+g.falseAlarms, 1))
	return g
}

func gateSettings(t *testing.T) *check.Settings {
	t.Helper()
	cfg, err := config.Load(filepath.Join("testdata", "gate"))
	if err != nil {
		t.Fatal(err)
	}
	return cfg.CheckSettings(time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
}

// TestGateFrozen holds the floor on the frozen half and reports how far the
// goals are. It reports only the figures: what it misses is for no one to
// tune on.
func TestGateFrozen(t *testing.T) {
	cases := readGate(t, "frozen.tsv")
	if len(cases) < 300 {
		t.Fatalf("frozen half has %d sentences, want at least 300", len(cases))
	}
	gateFlag(t, gateSettings(t), cases)
	phi, adv := gateMeasure(cases, "PHI"), gateMeasure(cases, "ADVICE")
	t.Logf("frozen half, %d sentences: PHI %v; advice and claims %v", len(cases), phi, adv)
	t.Logf("goals: PHI recall ≥ %.2f, precision ≥ %.2f; advice and claims recall ≥ %.2f, precision ≥ %.2f; met: PHI %v, advice %v",
		gatePHIRecall, gatePHIPrecision, gateAdviceRecall, gateAdvicePrecision,
		phi.recall >= gatePHIRecall && phi.precision >= gatePHIPrecision,
		adv.recall >= gateAdviceRecall && adv.precision >= gateAdvicePrecision)
	if phi.recall < floorPHIRecall || phi.precision < floorPHIPrecision {
		t.Errorf("PHI: %v; it was recall ≥ %.3f, precision ≥ %.2f", phi, floorPHIRecall, floorPHIPrecision)
	}
	if adv.recall < floorAdviceRecall || adv.precision < floorAdvicePrecision {
		t.Errorf("advice and claims: %v; it was recall ≥ %.3f, precision ≥ %.2f", adv, floorAdviceRecall, floorAdvicePrecision)
	}
}

// TestGateTune reports the tuning half's figures and, with -v, each
// sentence it gets wrong.
func TestGateTune(t *testing.T) {
	cases := readGate(t, "tune.tsv")
	gateFlag(t, gateSettings(t), cases)
	for _, c := range cases {
		if c.flagged != (c.label != "NONE") {
			t.Logf("tune.tsv:%d: %s %s flagged=%v %v: %s", c.line, c.label, c.kind, c.flagged, c.rules, c.text)
		}
	}
	t.Logf("tuning half, %d sentences: PHI %v; advice and claims %v", len(cases), gateMeasure(cases, "PHI"), gateMeasure(cases, "ADVICE"))
}

// TestGateSpanish measures the checks on the Spanish corpus, each
// sentence in an entry of a Spanish site: es-a.tsv, written natively in
// Spanish without sight of the rules and frozen before any was tuned, and
// es-b.tsv, written the same way, the half the Spanish rules were tuned
// on. The floors hold what the checks reach on the frozen half, below the
// goals, which are English's.
func TestGateSpanish(t *testing.T) {
	s := gateSettings(t)
	s.Language = "es" // a Spanish site: its entries are in Spanish
	sets := []struct {
		file                  string
		phiFloor, adviceFloor float64
	}{{"es-p.tsv", 0.98, 0.99}, {"es-q.tsv", 0.98, 0.99}} // see heldOutSpanish
	if os.Getenv("FAQCAST_TUNE_ONLY") != "" {
		sets = nil // the held-out set is measured once a round
	}
	for _, f := range check.SpanishTuning {
		sets = append(sets, struct {
			file                  string
			phiFloor, adviceFloor float64
		}{f, 0, 0})
	}
	for _, c := range sets {
		cases := readGate(t, c.file)
		if len(cases) < 150 {
			t.Fatalf("%s has %d sentences, want at least 150", c.file, len(cases))
		}
		gateFlag(t, s, cases)
		phi, adv := gateMeasure(cases, "PHI"), gateMeasure(cases, "ADVICE")
		t.Logf("%s, %d sentences: PHI %v; advice and claims %v", c.file, len(cases), phi, adv)
		if c.phiFloor == 0 && os.Getenv("FAQCAST_SHOW_TUNE") != "" {
			for _, g := range cases {
				if g.flagged != (g.label != "NONE") {
					t.Logf("%s:%d: %s %s flagged=%v %v: %s", c.file, g.line, g.label, g.kind, g.flagged, g.rules, g.text)
				}
			}
		}
		if phi.recall < c.phiFloor || adv.recall < c.adviceFloor {
			t.Errorf("%s: PHI recall %.3f, advice recall %.3f; they were at least %.2f and %.2f", c.file, phi.recall, adv.recall, c.phiFloor, c.adviceFloor)
		}
	}
}

// heldOutSpanish: the floors of the held-out Spanish corpora, es-p.tsv and
// es-q.tsv, are the recall the checks reached on each, measured once after
// the Spanish rules and the models were tuned on the fifteen others:
// patient information 0.982 on each (216 of 220), precision 0.947 and
// 0.956; advice and claims 0.991 on each (218 of 220), precision 0.948 and
// 0.956. The goals are English's: recall 0.98 and 0.95, precision 0.90.
// Both sets were written for the example practice, as the English corpus
// is. The earlier rounds' held-out sets gave, for patient information and
// advice: 0.973 and 0.609 (es-a.tsv); 0.964 and 0.927 (es-c.tsv, es-f.tsv);
// 0.991 and 0.964 (es-h.tsv); 0.982 and 0.964 (es-l.tsv), 0.964 and 0.982
// (es-n.tsv), whose writers invented practices of their own and whose
// precision was 0.83 and 0.86; 0.982 and 0.955 (es-o.tsv, precision 0.97).
