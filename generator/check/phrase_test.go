package check

import (
	"reflect"
	"regexp"
	"regexp/syntax"
	"testing"
)

// phraseExprs are expressions of lists of phrases, and some that are not.
var phraseExprs = []struct {
	expr   string
	phrase bool
}{
	{`(?i)\b(?:stop|stopping|put\s+off|put|put\s+away|hold\s+off)\b`, true},
	{`(?i)\b(?:the\s+)?best\s+(?:doctors?|dentists?)\b`, true},
	{`(?i)\b(?:say\s+(?:hi|hello)\s+to|d\.o\.b|x-ray)\b`, true},
	{`(?i)\b(?:a|an)??\s*\b`, false},       // a phrase may not start with white space
	{`\b(?:GOAT|Top\s+Dog)\b`, true},       // case counts
	{`(?i)\b(?:best|(?-i:GOAT))\b`, false}, // case counts for some letters only
	{`(?i)\b(?:one|two)\s+(\w+)\b`, false}, // a class and a capture
	{`(?i)\b(?:cures?|cured)\b|\bmiracle\b`, false},
	{`(?i)\b(?:\d+\s+years?)\b`, false},
	{`(?i)\b(?:years??\s+old)\b`, true}, // a lazy option
}

func TestPhraseList(t *testing.T) {
	texts := []string{
		"Stop it. PUT  OFF the shot, put away the pills; put it off. Hold\toff!",
		"the best doctors, best dentist and THE BEST DOCTORS in town; bestdoctors",
		"Say hi to Jo, say HELLO to Al, d.o.b. 1/2/03, an X-ray or x-rays",
		"GOAT goat Top Dog top dog Top  Dog",
		"2 year old, 3 years old, years  old, yearsold",
		"stopping stops stop_ _stop stop-gap",
	}
	for _, c := range phraseExprs {
		tree, err := syntax.Parse(c.expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		l := phrasesOf(tree)
		if (l != nil) != c.phrase {
			t.Errorf("%s: a list of phrases = %v, want %v", c.expr, l != nil, c.phrase)
			continue
		}
		if l == nil {
			continue
		}
		re := regexp.MustCompile(c.expr)
		for _, s := range texts {
			if got, want := l.findAll(s), re.FindAllStringIndex(s, -1); !reflect.DeepEqual(got, want) {
				t.Errorf("%s in %q: %v, want %v", c.expr, s, got, want)
			}
		}
	}
}

func FuzzPhraseList(f *testing.F) {
	f.Add(0, "Stop it. PUT  OFF the shot, put away the pills")
	f.Add(2, "say hi to d.o.b x-ray")
	f.Fuzz(func(t *testing.T, k int, s string) {
		var exprs []string
		for _, c := range phraseExprs {
			if c.phrase {
				exprs = append(exprs, c.expr)
			}
		}
		expr := exprs[(k%len(exprs)+len(exprs))%len(exprs)]
		tree, err := syntax.Parse(expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		if foldsToASCII(s) {
			return // the Kelvin sign and the long s: left to the expression
		}
		if got, want := phrasesOf(tree).findAll(s), regexp.MustCompile(expr).FindAllStringIndex(s, -1); !reflect.DeepEqual(got, want) {
			t.Errorf("%s in %q: %v, want %v", expr, s, got, want)
		}
	})
}
