package check

import (
	"math/rand/v2"
	"reflect"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
)

// plain returns a copy of p that scans its windows whole: without further
// sets of literals, or stops.
func plain(p *pattern) *pattern {
	// Every field but need, stops, own and shared, which are the copy's
	// own: patternFields fails when a field is added and not copied here.
	q := &pattern{re: p.re, lits: p.lits, reach: p.reach, before: p.before, after: p.after, tree: p.tree,
		wordStart: p.wordStart, possible: p.possible, partial: p.partial, required: p.required,
		needSides: p.needSides, span: p.span, anchored: p.anchored, phrases: p.phrases}
	own := newLexicon(q)
	q.own = func() *lexicon { return own }
	return q
}

// TestPatternFields checks that plain copies every field of a pattern it
// should: that pattern has the fields it had when plain was written.
func TestPatternFields(t *testing.T) {
	if n := reflect.TypeFor[pattern]().NumField(); n != 18 {
		t.Errorf("pattern has %d fields, plain was written for 18: copy the new ones", n)
	}
}

// texts returns n texts of words from words, with punctuation, white space
// of every kind and now and then a character that folds to ASCII, made
// the same way on every run.
func texts(n int, words []string) []string {
	r := rand.New(rand.NewPCG(1, 2))
	seps := []string{" ", " ", " ", " ", "  ", "\n", "\t", ". ", ", ", "? ", "; ", ": ", ".\n\n", " — ", " (", ") ", " \"", "\" ", "-", "/"}
	var out []string
	for range n {
		var b strings.Builder
		for range 5 + r.IntN(400) {
			w := words[r.IntN(len(words))]
			switch r.IntN(60) {
			case 0:
				w = strings.ToUpper(w)
			case 1:
				w = strings.ReplaceAll(w, "k", "\u212a")
			case 2:
				w = "x" + w
			}
			b.WriteString(w)
			b.WriteString(seps[r.IntN(len(seps))])
		}
		out = append(out, b.String())
	}
	return out
}

func TestRefineSameAsWhole(t *testing.T) {
	words := strings.Fields(`you your child should must can may take stop skip the this that is are
		sounds like strep flu fever ibuprofen tylenol 500 mg 12 twice a day best doctor in town ever
		worked with "great" care team it's not it is our patient one of my patients came in room 4
		plain words here and there a an of to for me we us`)
	// Whole phrases too, so that the expressions match now and then.
	words = append(words, "you should take", "your child can skip", "you must\nstop", "this sounds like strep throat",
		"that is like", "the best doctor in town", "the kindest care team ever", "take 500 mg", "stop the 12 mg",
		"take it twice a day", "one of our patients", "patient in room 4", "it's not strep", "it is not flu",
		"Maria came in", "Joe came in", "we, you", "us: me", "you will, of course, should")
	for _, tc := range []struct {
		expr  string
		lits  []string // for near, or nil
		n     int      // for around, or 0
		words bool     // nearWords
	}{
		{expr: `(?i)\b(?:you|your\s+child)\s+(?:should|must|can)\s+(?:take|stop|skip)\b`},
		{expr: `(?i)\b(?:you|your\s+child)\s+(?:should|must|can)\s+(?:take|stop|skip)\b`, lits: []string{"take", "stop", "skip"}},
		{expr: `(?i)\b(?:you|your\s+child)\s+(?:should|must|can)\s+(?:take|stop|skip)\b`, lits: []string{"ibuprofen", "tylenol"}, n: 5},
		{expr: `(?i)\b(?:this|that)\s+(?:sounds|is)\s+like\s+((?:[\pL'’-]+\s*){1,3})`},
		{expr: `(?i)\b(?:your|you|that|this|the)\b[^.!?;:\n]{0,50}?\s(?:is|are|sounds\s+like)\s+((?:[\pL\d'’-]+,?\s*){1,5})`, lits: []string{"strep", "flu", "fever"}, n: 8},
		{expr: `(?i)\b(?:the\s+)?(?:best|[\pL]+est)\s+(?:[\pL-]+\s+){0,3}?(?:doctors?|care\s+team)\s+(?:in\s+town|ever)\b`},
		{expr: `(?i)\b(?:take|stop)\s+(?:\w+\s+){0,3}?\d+\s*mg\b(?:\s+twice\s+a\s+day)?`},
		{expr: `(?i)\b(?:take|stop)\s+(?:\w+\s+){0,3}?\d+\s*mg\b`, lits: advNumberWords, words: true},
		{expr: `["“]([^"“”\n]{4,240})["”]`},
		{expr: `(?i)\b(?:one\s+of\s+(?:our|my)\s+patients|(?:patient|child)\s+in\s+room\s+\d+)\b`},
		{expr: `(?i)(?:it['’]s|it\s+is)\s+not\s+(?:strep|flu)|^\s*you\s+should`, lits: []string{"strep", "flu"}, n: 4},
		{expr: `(?i)\byou\s+(?:\w+\s+)*?should\b`, lits: []string{"should"}, n: 6},
		{expr: `\b[A-Z][a-z]+\s+(?i:came\s+in)\b`},
		{expr: `(?i)\b(?:we|us)\b[,;:]\s*(?:you|me)\b`},
	} {
		p := compile(tc.expr)
		switch {
		case tc.n > 0:
			p.around(tc.n, tc.lits...)
		case tc.words:
			p.nearWords(tc.lits...)
		case tc.lits != nil:
			p.near(tc.lits...)
		}
		whole := plain(p)
		lx := newLexicon(p)
		found := 0
		for i, s := range texts(200, words) {
			want := p.re().FindAllStringSubmatchIndex(s, -1)
			if p.partial {
				want = whole.FindAllStringSubmatchIndex(s)
			}
			found += len(want)
			if got := p.FindAllStringSubmatchIndex(s); !reflect.DeepEqual(got, want) {
				t.Errorf("%s on text %d: %v, want %v", p.re(), i, got, want)
			}
			if got := p.FindAllSubmatchIn(newScan(lx, s)); !reflect.DeepEqual(got, want) {
				t.Errorf("%s on text %d, around the hits of a lexicon: %v, want %v", p.re(), i, got, want)
			}
			if got := p.MatchString(s); got != (len(want) > 0) {
				t.Errorf("%s on text %d: MatchString = %v", p.re(), i, got)
			}
		}
		if found == 0 {
			t.Errorf("%s: no match in any text", p.re())
		}
	}
}

// TestRefinePartial checks that the patterns the checks scan only around
// literals of their own find what they would without further sets.
func TestRefinePartial(t *testing.T) {
	texts := corpus(t)
	for name, p := range patterns() {
		if !p.partial {
			continue
		}
		whole := plain(p)
		for i, s := range texts {
			if got, want := p.FindAllSubmatchIn(newScan(textLexicon(), s)), whole.FindAllStringSubmatchIndex(s); !reflect.DeepEqual(got, want) {
				t.Errorf("%s on text %d: %v, want %v", name, i, got, want)
			}
		}
	}
}

func TestRefineCuts(t *testing.T) {
	filler := strings.Repeat("plain words here. ", 40)
	p := compile(`(?i)\byou\s+(?:should|must)\s+(?:\w+\s+){0,3}?stop\b`)
	if len(p.need) == 0 {
		t.Fatalf("%s: no further sets of literals", p.re())
	}
	for _, tc := range []struct {
		text string
		want [][2]int
	}{
		// No modal verb, or none near: nothing to scan.
		{filler + "you stop " + filler, nil},
		{filler + "you should. " + filler + "stop now " + filler, nil},
		// The windows stop at the ends of sentences, and start no
		// earlier than a match can: at "you", which "should" follows.
		{filler + "so you should not stop. " + filler, [][2]int{{len(filler) + 3, len(filler) + 22}}},
	} {
		ws, ok := p.windows(tc.text)
		if !ok || !slices.Equal(ws, tc.want) {
			t.Errorf("windows of %q = %v, %v, want %v", tc.text, ws, ok, tc.want)
		}
	}
}

func TestRequired(t *testing.T) {
	for _, tc := range []struct {
		expr string
		want [][]string // among the sets required
	}{
		{`(?i)\byou\s+(?:should|must)\s+stop\b`, [][]string{{"you"}, {"must", "should"}, {"stop"}}},
		{`(?i)\b(?:a\s+cure|cures)\s+for\s+(?:flu|strep)`, [][]string{{"cure", "cures"}, {"flu", "strep"}, {"for"}}},
		{`(?i)(?:stop\s+now)+`, [][]string{{"now"}, {"stop"}}},
		{`(?i)(?:stop\s+now){0,2}`, nil},
	} {
		got := required(mustParse(tc.expr))
		for _, set := range tc.want {
			if !slices.ContainsFunc(got, func(g []string) bool { return slices.Equal(g, set) }) {
				t.Errorf("required(%q) = %q, want %q among them", tc.expr, got, set)
			}
		}
		if tc.want == nil && len(got) > 0 {
			t.Errorf("required(%q) = %q, want none", tc.expr, got)
		}
	}
}

func TestStops(t *testing.T) {
	for _, tc := range []struct {
		expr        string
		stop, plain string // bytes that are stops, and that are not
	}{
		{`(?i)\byou\s+should\b`, ".,;:!?\"()", " \n\t_aA9"},
		{`(?i)\b[^.!?\n]+\.`, "!?\n", ".; ,"},
		{`(?i)a.b`, "\n", ".;"}, // . matches all but \n
		{`(?i)a(?s:.)b`, "", ".;\n"},
		{`\w+`, ".!? \n-", "_"},
	} {
		stops := stopsOf(mustParse(tc.expr))
		for _, c := range []byte(tc.stop) {
			if stops == nil || !stops[c] {
				t.Errorf("stopsOf(%q) lacks %q", tc.expr, c)
			}
		}
		for _, c := range []byte(tc.plain) {
			if stops != nil && stops[c] {
				t.Errorf("stopsOf(%q) has %q", tc.expr, c)
			}
		}
	}
}

func mustParse(expr string) *syntax.Regexp {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		panic(err)
	}
	return re
}
