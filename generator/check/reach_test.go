package check

import (
	"regexp/syntax"
	"testing"
)

func TestSides(t *testing.T) {
	for _, tc := range []struct {
		expr          string
		lits          []string
		before, after int
		ok            bool
	}{
		{`(?i)\b(?:you|your\s+child)\s+should\s+(?:stop|skip)\s+it`, []string{"should"}, 2, 2, true},
		{`(?i)\byou\s+should\s+(?:\w+\s+){0,3}?stop\b`, []string{"should"}, 1, 4, true},
		{`(?i)\byou\s+should\s+(?:\w+\s+){0,3}?stop\b`, []string{"you"}, 0, 5, true},
		{`(?i)\byou\s+should\s+(?:\w+\s+){0,3}?stop\b`, []string{"stop"}, 5, 0, true},
		// Each alternative holds a hit, as far from its ends as the
		// farthest.
		{`(?i)(?:a\s+b\s+cat|cat\s+c)`, []string{"cat"}, 2, 1, true},
		// One alternative without a hit: no telling.
		{`(?i)(?:a\s+b\s+cat|dog)`, []string{"cat"}, 0, 0, false},
		// A literal that holds the hit.
		{`(?i)\bcats\s+and\s+dogs`, []string{"at"}, 0, 2, true},
		// No limit on the runs of white space after the hit.
		{`(?i)cat\s+(?:\w+\s+)*dog`, []string{"cat"}, 0, 0, false},
	} {
		re, err := syntax.Parse(tc.expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		b, a, ok := sides(re, tc.lits)
		if ok != tc.ok || ok && (b != tc.before || a != tc.after) {
			t.Errorf("sides(%s, %q) = %d, %d, %v, want %d, %d, %v", tc.expr, tc.lits, b, a, ok, tc.before, tc.after, tc.ok)
		}
	}
}
