package logistic

import (
	"strings"
	"testing"
)

func TestTrain(t *testing.T) {
	var examples []Example
	for range 20 {
		examples = append(examples,
			Example{[]string{"help", "now"}, true},
			Example{[]string{"thanks", "now"}, false},
			Example{[]string{"thanks"}, false})
	}
	o := Options{Epochs: 30, Rate: 0.1, L2: 1e-3}
	m := Train(examples, o)
	if m.Weights["help"] <= 0 || m.Weights["thanks"] >= 0 {
		t.Errorf("weights %v: want help positive and thanks negative", m.Weights)
	}
	// The same examples give the same model, to the bit.
	if a, b := m.Format(0), Train(examples, o).Format(0); a != b {
		t.Errorf("two trainings differ:\n%s\n%s", a, b)
	}
}

func TestFormat(t *testing.T) {
	m := &Model{Bias: -1.23456, Weights: map[string]float64{"b": 0.5, "a": -2, "tiny": 0.001}}
	want := "-1.235\t\n-2\ta\n0.5\tb\n"
	if got := m.Format(0.01); got != want {
		t.Errorf("Format = %q, want %q", got, want)
	}
	if got := m.Format(0); !strings.Contains(got, "0.001\ttiny\n") {
		t.Errorf("Format(0) = %q, want the tiny weight too", got)
	}
}

func TestParse(t *testing.T) {
	m := &Model{Bias: -1.5, Weights: map[string]float64{"w:fever": 2.25, "b:chest pain": -0.5}}
	got, err := Parse([]byte(m.Format(0)))
	if err != nil {
		t.Fatal(err)
	}
	if got.Format(0) != m.Format(0) {
		t.Errorf("Parse(Format) = %s, want %s", got.Format(0), m.Format(0))
	}
	for _, bad := range []string{"", "x\t\n", "1.5\t\n2\n", "1.5\tw:a\n"} {
		if _, err := Parse([]byte(bad)); err == nil {
			t.Errorf("Parse(%q) succeeded", bad)
		}
	}
}
