package check

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// patterns returns every pattern the checks scan whole texts with (the
// others see a few words at a time).
func patterns() map[string]*pattern {
	out := map[string]*pattern{
		"phi.nanp":      phiRE().nanp,
		"phi.bare10":    phiRE().bare10,
		"phi.intl":      phiRE().intl,
		"phi.phoneCue":  phiRE().phoneCue,
		"phi.email":     phiRE().email,
		"phi.ssn":       phiRE().ssn,
		"phi.bare9":     phiRE().bare9,
		"phi.ssnCue":    phiRE().ssnCue,
		"phi.idCue":     phiRE().idCue,
		"phi.mbi":       phiRE().mbi,
		"phi.dateCue":   phiRE().dateCue,
		"phi.dateOnCue": phiRE().dateOnCue,
		"phi.ageAfter":  phiRE().ageAfter,
		"phi.ageBefore": phiRE().ageBefore,
		"phi.street":    phiRE().street,
		"phi.zip":       phiRE().zip,
		"phi.pobox":     phiRE().pobox,
		"phi.ipv4":      phiRE().ipv4,
		"phi.ipv6":      phiRE().ipv6,
		"phi.honor":     phiRE().honor,
		"phi.myPatient": phiRE().myPatient,
		"phi.named":     phiRE().named,
		"phi.patient":   phiRE().patient,
		"phi.poss":      phiRE().poss,
		"phi.serialCue": phiRE().serialCue,
		"phi.vin":       phiRE().vin,
		"phi.url":       phiRE().url,
		"ident.cue":     identRE().cue,
		"ident.imeiCue": identRE().imeiCue,
		"date.monthDay": dateRE().monthDay,
		"date.dotted":   dateRE().dotted,
		"date.holiday":  dateRE().holiday,
		"age.ordinal":   ageRE().ordinal,
		"age.spelled":   ageRE().spelled,
		"age.turning":   ageRE().turning,
		"age.at":        ageRE().at,
		"age.is":        ageRE().is,
		"address.lives": addressRE().lives,
		"address.unit":  addressRE().unit,
		"address.home":  addressRE().home,
		"phone.local":   phoneRE().local,
		"address.road":  addressRE().road,
		"age.paren":     ageRE().paren,
		"age.young":     ageRE().young,
		"age.story":     ageRE().story,
		"story.we":      storyRE().we,
		"story.one":     storyRE().one,
		"story.cameIn":  storyRE().cameIn,
		"story.had":     storyRE().had,
		"story.photo":   storyRE().photo,
	}
	for k, p := range phiRE().dates {
		out["phi.date"+string(rune('0'+k))] = p
	}
	for k, r := range advRules() {
		out[r.id+string(rune('a'+k))] = r.re
	}
	for k, p := range storyRE().reply {
		out["story.reply"+string(rune('a'+k))] = p
	}
	for k, p := range storyRE().slot {
		out["story.slot"+string(rune('a'+k))] = p
	}
	return out
}

// corpus returns the check corpora's texts: each file, and all of them as
// one text.
func corpus(t testing.TB) []string {
	files, err := filepath.Glob(filepath.Join("testdata", "*", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	var texts []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	return append(texts, strings.Join(texts, "\n"))
}

// sameAsWhole reports how p's windowed scan of sc's text differs from the
// expression's scan of all of it, or "". sc may have served other
// patterns before, as a check's scan does.
func sameAsWhole(p *pattern, sc *scan) string {
	s := sc.s
	subs := p.re().FindAllStringSubmatchIndex(s, -1)
	var spans [][]int // each match's first two indices, nil without one
	for _, m := range subs {
		spans = append(spans, m[:2:2])
	}
	if got := p.FindAllStringSubmatchIndex(s); !reflect.DeepEqual(got, subs) {
		return "matches differ"
	}
	if got := p.FindAllStringIndex(s); !reflect.DeepEqual(got, spans) {
		return "match spans differ"
	}
	if p.MatchString(s) != (len(spans) > 0) {
		return "MatchString differs"
	}
	// The same around the hits of the shared lexicon's literals, which
	// holds most patterns: the same windows, and the same matches.
	gotW, gotOK := sc.windows(p)
	wantW, wantOK := p.windows(s)
	if len(gotW)+len(wantW) > 0 && !reflect.DeepEqual(gotW, wantW) || gotOK != wantOK {
		return "windows around the lexicon's hits differ"
	}
	if got := p.FindAllSubmatchIn(sc); !reflect.DeepEqual(got, subs) {
		return "matches around the lexicon's hits differ"
	}
	if got := p.FindAllIn(sc); !reflect.DeepEqual(got, spans) {
		return "match spans around the lexicon's hits differ"
	}
	return ""
}

// wholeNames returns the names of the patterns that find all their
// matches (not partial), sorted.
func wholeNames(ps map[string]*pattern) []string {
	var names []string
	for name, p := range ps {
		if !p.partial {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}

func TestPatternWindows(t *testing.T) {
	texts := corpus(t)
	// Under (?i), k also matches the Kelvin sign and s the long s: texts
	// that hold them are scanned whole.
	for _, s := range texts[:len(texts)-1] {
		texts = append(texts, strings.NewReplacer("k", "\u212a", "s", "\u017f").Replace(s))
	}
	ps := patterns()
	windowed := 0
	for _, p := range ps {
		if p.lits != nil {
			windowed++
		}
	}
	// One scan of each text serves every pattern, as in a check; the
	// partial ones find only what their rule keeps (see around).
	names := wholeNames(ps)
	for i, s := range texts {
		sc := newScan(textLexicon(), s)
		for _, name := range names {
			p := ps[name]
			if d := sameAsWhole(p, sc); d != "" {
				t.Errorf("%s on text %d: %s", name, i, d)
			}
			// Every match holds one of the literals (or a character that
			// folds to one of their letters).
			if p.lits == nil || foldsToASCII(s) {
				continue
			}
			for _, m := range p.re().FindAllStringIndex(s, -1) {
				if !slices.ContainsFunc(p.lits, func(l string) bool { return holdsLiteral(s[m[0]:m[1]], l) }) {
					t.Errorf("%s: match %q holds none of %q", name, s[m[0]:m[1]], p.lits)
				}
			}
		}
		sc.free()
	}
	// Most patterns are scanned in windows: a change that loses the
	// literals of many would make the checks slow again.
	if n := len(ps); windowed < n*3/4 {
		t.Errorf("%d of %d patterns have literals to scan near", windowed, n)
	}
}

func TestPatternLiterals(t *testing.T) {
	for _, tc := range []struct {
		expr string
		want []string
	}{
		{`(?i)\b(?:cures|guaranteed)\b`, []string{"cures", "guaranteed"}},
		{`(?i)\bnumber\s+one\b`, []string{"number"}},
		{`\b\d{3}-\d{4}\b`, []string{"-"}}, // rarer than digits
		{`\b\d{3}\s\d{4}\b`, []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}},
		{`\bMrs?\.?\s+[A-Z][a-z]+`, []string{"Mr", "Mr.", "Mrs", "Mrs."}}, // capitals stand for themselves
		{`(?i)\bMrs?\.?\s+[A-Z][a-z]+`, []string{"mr", "mr.", "mrs", "mrs."}},
		{`\bMay\s+\d+`, []string{"May"}},
		{`(?i)\bMay\s+\d+`, []string{"may"}},
		{`\bMr\s+\d`, []string{"Mr"}}, // a capital is rarer than a digit
		{`(?i)\bmr\s+\d`, []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}},
		{`\bQ[A-C]`, []string{"QA", "QB", "QC"}},
		{`\bQ[A-Ca-c]`, []string{"Qa", "Qb", "Qc"}}, // a letter in either case: in lower case
		{`(?i)v(?:in|ehicle\s+id)`, []string{"vehicle", "vin"}},
		{`(?i)\b(?:you\s+should|in\s+your\s+case)`, []string{"should", "your"}},
		{`[a-z]+@[a-z]+`, []string{"@"}},
		{`(?i)µg`, []string{"µg", "Μg", "μg"}}, // only ASCII is lowered
		{`(?i)\b95\s+yo(?:\b|$)`, nil},         // $ would change at a window's end
		{`^\s*and`, nil},
		{`\w+`, nil},
		{`(?:a|\w+)x?`, nil},
	} {
		p := compile(tc.expr)
		if !slices.Equal(p.lits, tc.want) {
			t.Errorf("compile(%q) scans near %q, want %q", tc.expr, p.lits, tc.want)
		}
	}
}

func TestPatternWindowEdges(t *testing.T) {
	filler := strings.Repeat("plain words here ", 40)
	for _, tc := range []struct {
		expr, text string
	}{
		// \b at a window's edge: "xcures" is no match, nor "curesx".
		{`(?i)\bcures\b`, filler + "xcures curesx cures " + filler},
		{`(?i)\bcures\b`, "cures " + filler + "cures"},
		// A match far from its literal, within the words a window reaches.
		{`(?i)\bcall\s+(?:\w+\s+){0,10}now\b`, filler + "call a b c d e f g h i j now " + filler},
		// Literals close together make one window.
		{`(?i)\bcure\b`, filler + strings.Repeat("cure ", 100) + filler},
		// Under (?i), k also matches the Kelvin sign: such texts are
		// scanned whole.
		{`(?i)kg\b`, filler + "5 \u212ag " + filler},
		// And s the long s, also among curly quotes, dashes and ¿.
		{`(?i)safe\b`, filler + "it’s — ¿ \u017fafe " + filler},
		// Literals that start a word: "x5 mg" and "phone" hold none.
		{`(?i)\b(?:\d+|one)\s*mg\b`, filler + "phone x5 mg someone 10 mg one mg " + filler},
	} {
		p := compile(tc.expr)
		if strings.Contains(tc.expr, "one") {
			p.nearWords(p.lits...)
		}
		if d := sameAsWhole(p, newScan(textLexicon(), tc.text)); d != "" {
			t.Errorf("%q: %s", tc.expr, d)
		}
		if len(p.FindAllStringIndex(tc.text)) == 0 && !strings.Contains(tc.text, "xcures") {
			t.Errorf("%q: no match in %q", tc.expr, tc.text)
		}
	}
}

func TestDigits(t *testing.T) {
	for _, tc := range []struct {
		s    string
		n    int
		want bool
	}{
		{"", 5, false},
		{"1234", 5, false},
		{"12345", 5, true},
		{"zip 02139.", 5, true},
		{"1234 5678 9", 5, false},
		{"12-345 6789a0", 5, false},
		{"x123456", 5, true},
		{"١٢٣٤٥", 5, false}, // not ASCII
	} {
		if got := digits(tc.n)(tc.s); got != tc.want {
			t.Errorf("digits(%d)(%q) = %v, want %v", tc.n, tc.s, got, tc.want)
		}
	}
}

func TestFoldsToASCII(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"", false},
		{"plain text", false},
		{"it’s “quoted” — ¿qué? ª Ī Ł ő", false},
		{"5 \u212ag", true},
		{"\u017fafe", true},
		{"’\u212a", true},
		{"Ł \u017f", true},
		{"\xe2\x84", false},
	} {
		if got := foldsToASCII(tc.s); got != tc.want {
			t.Errorf("foldsToASCII(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

// FuzzPatternWindows compares every pattern's scan in windows with its
// expression's scan of the whole text, on the input alone, among plain
// words and twice over. An input takes tens of milliseconds, and the
// fuzzer spends up to a minute minimizing each new one it keeps: fuzz it
// with -fuzzminimizetime 0 to try a thousand inputs a minute.
func FuzzPatternWindows(f *testing.F) {
	texts := corpus(f)
	i := 0
	for line := range strings.Lines(texts[len(texts)-1]) {
		if i++; i%8 == 0 { // a sample: TestPatternWindows has them all
			f.Add(line)
		}
	}
	ps := patterns()
	names := wholeNames(ps)
	filler := strings.Repeat("plain words here ", 20)
	f.Fuzz(func(t *testing.T, s string) {
		for _, text := range []string{s, filler + s + filler, s + " " + s + filler} {
			sc := newScan(textLexicon(), text)
			for _, name := range names {
				if d := sameAsWhole(ps[name], sc); d != "" {
					t.Errorf("%s on %q: %s", name, text, d)
				}
			}
			sc.free()
		}
	})
}

func BenchmarkScan(b *testing.B) {
	text := strings.Join(corpus(b), "\n")
	s := &Settings{}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		s.scan(Text{Field: "body", Text: text, Path: "x.md", Line: 1, Col: 1}, nil, nil)
	}
}

// TestCaseless checks that caseless marks case-sensitive the classes
// without letters but \pL, and that they match under (?i) what they match
// without it, for every rune but U+0345.
func TestCaseless(t *testing.T) {
	if got, want := caseless(`(?i)\b([\pL'’-]+)\s+\pL`), `(?i)\b((?-i:[\pL'’-])+)\s+(?-i:\pL)`; got != want {
		t.Errorf("caseless = %#q, want %#q", got, want)
	}
	for _, c := range []struct {
		class  string
		marked bool
	}{
		{`[^.!?;:\n]`, true},
		{`[^\]\pL]`, true},
		{`[\pL\d'’-]`, true},
		{`[^"“”\n]`, true},
		{`[^\s.!?]`, true},
		{`[a-z0-9-]`, false},
		{`[\w.]`, false},
		{`[ñ]`, false},
		{`[\x41]`, false},
	} {
		got := caseless(c.class)
		if marked := got != c.class; marked != c.marked {
			t.Errorf("caseless(%#q) = %#q: marked %v, want %v", c.class, got, marked, c.marked)
			continue
		}
		folded, plain := regexp.MustCompile(`^(?i:`+c.class+`)$`), regexp.MustCompile(`^(?i:`+got+`)$`)
		for r := rune(0); r <= unicode.MaxRune; r++ {
			if s := string(r); r != 0x345 && folded.MatchString(s) != plain.MatchString(s) {
				t.Errorf("%#q and %#q differ on %U", c.class, got, r)
				break
			}
		}
	}
}

func TestAlternatives(t *testing.T) {
	for _, c := range []struct {
		expr string
		want []string
	}{
		{`(?i)\b(?:a|b\s+(?:c|d))\b`, []string{`(?i)\b(?:a)\b`, `(?i)\b(?:b\s+(?:c|d))\b`}},
		{`(?i)(?:\bx|y)|\bz`, []string{`(?i)(?:\bx|y)`, `(?i)\bz`}},
		// A repeated group is no alternation of the whole.
		{`(?i)\b(?:one)\s+(?:two|three)?\s+(?:four|five)\b`, []string{`(?i)\b(?:one)\s+(?:two|three)?\s+(?:four)\b`, `(?i)\b(?:one)\s+(?:two|three)?\s+(?:five)\b`}},
		// Bars in classes and escaped parentheses.
		{`[|(]a|b`, []string{`[|(]a`, `b`}},
		{`\(a|b\)`, []string{`\(a`, `b\)`}},
		{`\p{Lu}(?:x)`, []string{`\p{Lu}(?:x)`}},
	} {
		if got := alternatives(c.expr); !slices.Equal(got, c.want) {
			t.Errorf("alternatives(%#q) = %q, want %q", c.expr, got, c.want)
		}
	}
}
