package check

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/faqcast/faqcast/internal/diag"
)

var phiTestAllow = &Allow{
	Phones:    []string{"(555) 010-0100", "(555) 010-0101"},
	Emails:    []string{"hello@riverbend.example"},
	Domains:   []string{"riverbend.example"},
	Names:     []string{"Ana Lopez", "Ben Okafor", "Chris Nguyen", "Dana Reyes", "Elle Wright"},
	Addresses: []string{"100 River Rd"},
	Trusted:   []string{"gov", "edu", "medlineplus.gov", "who.int"},
}

// phiScan runs PHI and Links, as a caller would.
func phiScan(s string) []Match {
	t := Text{Field: "body", Text: s, Line: 1, Col: 1}
	return append(PHI(t, phiTestAllow), Links(t, phiTestAllow)...)
}

func TestPHICorpus(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "phi", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	type counts struct{ tp, fn, fp int }
	per := map[string]*counts{}
	get := func(r string) *counts {
		if per[r] == nil {
			per[r] = &counts{}
		}
		return per[r]
	}
	total, positives := 0, 0
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		n := 0
		for sc.Scan() {
			n++
			line := sc.Text()
			if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
				continue
			}
			rule, sentence, ok := strings.Cut(line, "\t")
			if !ok {
				t.Fatalf("%s:%d: no tab", f, n)
			}
			total++
			ms := phiScan(sentence)
			found := false
			for _, m := range ms {
				if m.Rule == rule {
					found = true
					continue
				}
				get(m.Rule).fp++
				t.Logf("%s:%d: FP %s %s in %q", filepath.Base(f), n, m.Rule, m.Message, sentence)
			}
			if rule == "-" {
				continue
			}
			positives++
			if found {
				get(rule).tp++
			} else {
				get(rule).fn++
				t.Logf("%s:%d: FN %s in %q", filepath.Base(f), n, rule, sentence)
			}
		}
		fh.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	if total < 150 || positives < total/3 {
		t.Errorf("corpus has %d sentences, %d with identifiers; want at least 150, a third or more positive", total, positives)
	}
	var rules []string
	var all counts
	for r, c := range per {
		rules = append(rules, r)
		all.tp += c.tp
		all.fn += c.fn
		all.fp += c.fp
	}
	sort.Strings(rules)
	ratio := func(a, b int) float64 {
		if a+b == 0 {
			return 1
		}
		return float64(a) / float64(a+b)
	}
	for _, r := range rules {
		c := per[r]
		t.Logf("%-12s TP %3d FN %3d FP %3d recall %.3f precision %.3f", r, c.tp, c.fn, c.fp, ratio(c.tp, c.fn), ratio(c.tp, c.fp))
	}
	recall, precision := ratio(all.tp, all.fn), ratio(all.tp, all.fp)
	t.Logf("overall: %d sentences, TP %d FN %d FP %d recall %.3f precision %.3f", total, all.tp, all.fn, all.fp, recall, precision)
	if recall < 0.98 {
		t.Errorf("recall %.3f < 0.98", recall)
	}
	if precision < 0.9 {
		t.Errorf("precision %.3f < 0.9", precision)
	}
}

func TestPHISpans(t *testing.T) {
	tests := []struct {
		text, rule, want string
	}{
		{"Call (312) 555-0199 today", "PHI-PHONE", "(312) 555-0199"},
		{"call +1 312 555 0199.", "PHI-PHONE", "+1 312 555 0199"},
		{"fax 1-917-555-0166, please", "PHI-PHONE", "1-917-555-0166"},
		{"cell 3125550199.", "PHI-PHONE", "3125550199"},
		{"London: +44 20 7946 0958.", "PHI-PHONE", "+44 20 7946 0958"},
		{"mail (jo.doe@gmail.com).", "PHI-EMAIL", "jo.doe@gmail.com"},
		{"SSN: 219-09-9998.", "PHI-SSN", "219-09-9998"},
		{"MRN #00482913, seen", "PHI-ID", "00482913"},
		{"Medicare 1EG4-TE5-MK73.", "PHI-MBI", "1EG4-TE5-MK73"},
		{"DOB: 3/4/1950", "PHI-DATE", "3/4/1950"},
		{"born January 2nd, 1948.", "PHI-DATE", "January 2nd, 1948"},
		{"a 94-year-old man", "PHI-AGE", "94"},
		{"lives at 42 Maple Street, by the park", "PHI-ADDRESS", "42 Maple Street"},
		{"Her apartment is 4C.", "PHI-ADDRESS", "apartment is 4C"},
		{"He lives on Pine Street by the store.", "PHI-ADDRESS", "He lives on Pine Street"},
		{"left a voicemail at 555-0162", "PHI-PHONE", "555-0162"},
		{"Happy 100th birthday!", "PHI-AGE", "100th birthday"},
		{"Got her vaccine on Oct 3rd.", "PHI-DATE", "Oct 3rd"},
		{"Happy birthday, Sofia!", "PHI-NAME", "Sofia"},
		{"Marcus Whitfield came in with a broken wrist.", "PHI-NAME", "Marcus Whitfield"},
		{"A 7-year-old came in this morning.", "PHI-STORY", "A 7-year-old came in"},
		{"Chicago, IL 60614-2231.", "PHI-ADDRESS", "60614-2231"},
		{"from 203.0.113.45.", "PHI-IP", "203.0.113.45"},
		{"via [2001:db8::1]", "PHI-IP", "2001:db8::1"},
		{"Thanks, Mrs. Henderson!", "PHI-NAME", "Henderson"},
		{"Maria's test results", "PHI-NAME", "Maria"},
		{"Owen's prior authorization came through today.", "PHI-NAME", "Owen"},
		{"Happy 3 months to Wren from all of us!", "PHI-NAME", "Wren"},
		{"We appreciate you, Delphine! See you next spring.", "PHI-NAME", "Delphine"},
		{"Look who came by: Zadie, 5 days old.", "PHI-NAME", "Zadie"},
		{"Parking placard #HP-448213 is on file.", "PHI-LICENSE", "HP-448213"},
		{"VIN 1HGCM82633A004352 seen", "PHI-SERIAL", "1HGCM82633A004352"},
		{"His driver's license A123-4567-8901 was seen.", "PHI-LICENSE", "A123-4567-8901"},
		{"DL# 123 456 789.", "PHI-LICENSE", "123 456 789"},
		{"DEA #AB1234563,", "PHI-LICENSE", "AB1234563"},
		{"Member ID: ZGP 4471 0932.", "PHI-ID", "ZGP 4471 0932"},
		{"Rx #1234567 is ready", "PHI-ID", "1234567"},
		{"Medicaid ID 123456789-01, on file", "PHI-ID", "123456789-01"},
		{"paid with 4111 1111 1111 1111.", "PHI-CARD", "4111 1111 1111 1111"},
		{"Amex 3782-822463-10005 on file", "PHI-CARD", "3782-822463-10005"},
		{"In 2024 4111111111111111 was used", "PHI-CARD", "4111111111111111"},
		{"IMEI: 35 209900 176148 1.", "PHI-SERIAL", "35 209900 176148 1"},
		{"phone 490154203237518", "PHI-SERIAL", "490154203237518"},
		{"mac 01:23:45:67:89:AB.", "PHI-SERIAL", "01:23:45:67:89:AB"},
		{"Pacemaker ID PJN712345 seen", "PHI-SERIAL", "PJN712345"},
	}
	for _, tt := range tests {
		ms := PHI(Text{Text: tt.text}, phiTestAllow)
		if len(ms) != 1 {
			t.Errorf("PHI(%q) = %+v, want one %s", tt.text, ms, tt.rule)
			continue
		}
		m := ms[0]
		if m.Rule != tt.rule || tt.text[m.Start:m.End] != tt.want {
			t.Errorf("PHI(%q) = %s %q, want %s %q", tt.text, m.Rule, tt.text[m.Start:m.End], tt.rule, tt.want)
		}
		if !strings.Contains(m.Message, `"`+tt.want+`"`) || m.Message != strings.ToLower(m.Message[:1])+m.Message[1:] || m.Hint == "" {
			t.Errorf("PHI(%q): message %q, hint %q", tt.text, m.Message, m.Hint)
		}
	}
}

func TestPHIPos(t *testing.T) {
	body := "First line.\nCall é (312) 555-0199 now\nthird"
	tx := Text{Field: "body", Text: body, Line: 7, Col: 1}
	ms := PHI(tx, phiTestAllow)
	if len(ms) != 1 {
		t.Fatalf("got %+v", ms)
	}
	if got, want := tx.Pos(ms[0].Start), (diag.Pos{Line: 8, Col: 8}); got != want {
		t.Errorf("start pos %v, want %v", got, want)
	}
	if got, want := tx.Pos(ms[0].End), (diag.Pos{Line: 8, Col: 22}); got != want {
		t.Errorf("end pos %v, want %v", got, want)
	}
	// On the first line the field's column is added.
	tx = Text{Text: "ssn 219-09-9998", Line: 3, Col: 10}
	ms = PHI(tx, phiTestAllow)
	if len(ms) != 1 {
		t.Fatalf("got %+v", ms)
	}
	if got, want := tx.Pos(ms[0].Start), (diag.Pos{Line: 3, Col: 14}); got != want {
		t.Errorf("pos %v, want %v", got, want)
	}
}

func TestPHIAllow(t *testing.T) {
	for _, s := range []string{
		"Call +1 555 010 0100 or 5550100101 or (555) 010-0101.",
		"Mail HeLLo@RiverBend.example today.",
		"We are at 100  river rd.",
		"Ask Ms. Dana Reyes or Ms. Reyes.",
	} {
		if ms := PHI(Text{Text: s}, phiTestAllow); len(ms) != 0 {
			t.Errorf("PHI(%q) = %+v, want none", s, ms)
		}
	}
	// Without an allow list the practice's email is flagged.
	if ms := PHI(Text{Text: "hello@riverbend.example"}, nil); len(ms) != 1 {
		t.Errorf("PHI with nil allow = %+v", ms)
	}
}

func TestPHIOverlap(t *testing.T) {
	// The phone number inside the MRN cue window is found once.
	s := "MRN 3125550199, phone 3125550199"
	ms := PHI(Text{Text: s}, phiTestAllow)
	phiCheckMatches(t, s, ms)
	if len(ms) != 2 {
		t.Errorf("got %+v", ms)
	}
}

func TestLinks(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"See https://medlineplus.gov/flu.html.", nil},
		{"See https://www.cdc.gov/flu/ and https://med.stanford.edu/x.", nil},
		{"Book at https://riverbend.example/book or https://portal.riverbend.example.", nil},
		{"https://www.who.int/news", nil},
		{"Fundraiser: https://www.gofundme.com/f/x.", []string{"https://www.gofundme.com/f/x"}},
		{"(see www.example.com/a_(b))", []string{"www.example.com/a_(b)"}},
		{"fake https://riverbend.example.evil.com/x", []string{"https://riverbend.example.evil.com/x"}},
		{"fake https://notgov.com and https://evilwho.int", []string{"https://notgov.com", "https://evilwho.int"}},
		{"[review](https://www.yelp.com/biz/rb)", []string{"https://www.yelp.com/biz/rb"}},
	}
	for _, tt := range tests {
		ms := Links(Text{Text: tt.text}, phiTestAllow)
		var got []string
		for _, m := range ms {
			if m.Rule != "PHI-URL" || m.Hint == "" {
				t.Errorf("bad match %+v", m)
			}
			got = append(got, tt.text[m.Start:m.End])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Links(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
	// The hint names the setting and the domain to add to it.
	ms := Links(Text{Text: "Fundraiser: https://www.gofundme.com/f/x."}, phiTestAllow)
	if want := `add "gofundme.com" to checks.trusted_domains in faqcast.yaml`; len(ms) != 1 || !strings.Contains(ms[0].Hint, want) {
		t.Errorf("hint %+v, want it to say %q", ms, want)
	}
}

func phiCheckMatches(t *testing.T, s string, ms []Match) {
	t.Helper()
	end := 0
	for _, m := range ms {
		if m.Start < 0 || m.Start >= m.End || m.End > len(s) {
			t.Fatalf("bad span %+v in %q", m, s)
		}
		if m.Start < end {
			t.Fatalf("overlapping or unsorted %+v in %q", ms, s)
		}
		end = m.End
		if !strings.HasPrefix(m.Rule, "PHI-") {
			t.Fatalf("bad rule %+v", m)
		}
	}
}

func FuzzPHI(f *testing.F) {
	for _, s := range []string{
		"Call (312) 555-0199 today", "DOB: 3/4/1950", "Mrs. Henderson's test results",
		"MRN 12345678 SSN 219-09-9998 1EG4-TE5-MK73", "2001:db8::1 203.0.113.45",
		"42 Maple Street, Springfield, IL 62704", "VIN 1HGCM82633A004352", "a 94-year-old",
		"https://x.example/\xff\xfe", "\xff(312) 555-0199\xff", "jo@x.com",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tx := Text{Text: s, Line: 1, Col: 1}
		phiCheckMatches(t, s, PHI(tx, phiTestAllow))
		phiCheckMatches(t, s, PHI(tx, nil))
		ls := Links(tx, phiTestAllow)
		for _, m := range ls {
			if m.Start < 0 || m.Start >= m.End || m.End > len(s) {
				t.Fatalf("bad link span %+v", m)
			}
		}
	})
}

// TestPHINameFrames checks that a first name is flagged in the frames that
// make it a patient's, a reply about the reader's own care and a milestone
// of recovery, and not without them.
func TestPHINameFrames(t *testing.T) {
	for _, c := range []struct {
		text string
		want string // the words of the one finding, or ""
	}{
		{"Sorry to hear about the parking trouble, Yuki — see you at your allergy shot appointment next week!", "Yuki"},
		{"Tagging @carla.mendes87 — your allergy panel results are in!", "@carla.mendes87"},
		{"Tagging @carla.mendes87 — see you at the 5K on Saturday!", ""},
		{"Good question, Yuki — flu shots are in stock for everyone this week.", ""},
		{"Raymond, we value your feedback, but your colonoscopy was moved because the prep was not complete.", "Raymond"},
		{"Angela, per our records you were seen for a wound check last week.", "Angela"},
		{"Tuesday's sports physical night is postponed due to the storm.", ""},
		{"Our hours are 8 to 5. Dr. Lopez sees patients on Mondays.", ""},
		{"Two years sober today, Marcus!", "Marcus"},
		{"Priya, six months without a cigarette. We see you.", "Priya"},
		{"Reed just made it to a year without a drink!", "Reed"},
		{"Nine months clean for Tobin!", "Tobin"},
		{"Congrats to everyone who picked up a 30-day chip, Tobin included!", "Tobin"},
		{"Will you celebrate 30 days sober with us at the potluck?", ""},
		{"In May, our group marked 90 days sober together.", ""},
		{"Every day without a drink counts, Springfield!", ""},
		{"Reed just made it to the front of the line!", ""},
		{"Ben Okafor leads our group for people with a year or more sober.", ""},
	} {
		allow := &Allow{Names: []string{"Ana Lopez", "Ben Okafor"}}
		ms := append(PHI(Text{Text: c.text}, allow), Links(Text{Text: c.text}, allow)...)
		got := ""
		if len(ms) > 0 {
			got = c.text[ms[0].Start:ms[0].End]
			if ms[0].Rule != "PHI-NAME" {
				t.Errorf("PHI(%q): rule %s, want PHI-NAME", c.text, ms[0].Rule)
			}
		}
		if got != c.want || len(ms) > 1 {
			t.Errorf("PHI(%q) = %v, want %q", c.text, ms, c.want)
		}
	}
}
