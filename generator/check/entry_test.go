package check_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/faqcast/faqcast/generator/check"
	"github.com/faqcast/faqcast/generator/entry"
)

func settings() *check.Settings {
	return &check.Settings{
		Allow: check.Allow{
			Phones: []string{"(555) 010-0100"}, Emails: []string{"hello@riverbend.example"},
			Domains: []string{"riverbend.example"}, Names: []string{"Ana Lopez"}, Trusted: []string{"gov"},
		},
		Severities:   map[string]check.Severity{},
		Off:          map[string]bool{},
		ReviewMaxAge: 365 * 24 * time.Hour,
		TargetGrade:  6,
		MaxGrade:     10,
		Reviewers: map[string]check.Reviewer{
			"ana": {Name: "Ana Lopez", HIPAATrained: true, Clinical: true},
			"ed":  {Name: "Ed Wu", HIPAATrained: true},
			"bo":  {Name: "Bo Li", Clinical: true},
		},
		Now: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC),
	}
}

func parse(t *testing.T, src string) *entry.Entry {
	t.Helper()
	e, err := entry.Parse("content/a.md", "a.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// lines formats findings as "line:col severity RULE: message".
func lines(fs []check.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%s %s %s: %s", f.Pos, f.Severity, f.Rule, f.Message))
	}
	return out
}

const reviewed = "reviewed_by: ana\nreviewed_on: 2026-10-01\nsources: [{title: MedlinePlus, url: \"https://medlineplus.gov/\"}]\n"

func TestEntryFields(t *testing.T) {
	e := parse(t, "---\ntitle: Can Mr. John Smith come?\nsummary: Call (312) 555-0199.\n"+reviewed+
		"posts:\n  x: \"Email jo@example.com {link}\"\nimage: {src: a.png, alt: Photo of Mrs. Jane Roe, consent: consented}\n---\n\nBody.\n")
	got := strings.Join(lines(settings().Entry(e, nil)), "\n")
	for _, want := range []string{
		`2:16 error PHI-NAME: title: a person's name "John Smith"`,
		`3:15 error PHI-PHONE: summary: a phone number "(312) 555-0199"`,
		// A quoted value's position is its opening quote's.
		`8:12 error PHI-EMAIL: posts.x: an email address "jo@example.com"`,
		`9:40 error PHI-NAME: image.alt: a person's name "Jane Roe"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("findings lack %q:\n%s", want, got)
		}
	}
}

func TestEntryVariants(t *testing.T) {
	e := parse(t, "---\ntitle: Flu?\nsummary: Yes.\n"+reviewed+"---\n\nBody.\n")
	got := lines(settings().Entry(e, map[string]string{
		"x":        "Flu? Yes. Questions? Text our nurse line at (312) 555-0199. https://riverbend.example/faq/flu/",
		"facebook": "Flu? Yes. Call (555) 010-0100.",
		"threads":  "Flu? Yes. Write to jo@example.com",
		"bluesky":  "Flu? Yes. Call (555) 010-0100.", // facebook's words: scanned once
		// The same page of the practice's site is scanned once, whatever
		// its tracking parameters.
		"linkedin": "Flu? Yes. https://riverbend.example/faq/jo@example.org/?utm_source=linkedin",
		"mastodon": "Flu? Yes. https://riverbend.example/faq/jo@example.org/?utm_source=mastodon",
	}))
	// The platforms' words are scanned as one text; each finding names
	// the platform whose words hold it.
	want := []string{
		`1:1 error PHI-EMAIL: linkedin post: an email address "jo@example.org"`,
		`1:1 error PHI-EMAIL: threads post: an email address "jo@example.com"`,
		`1:1 error PHI-PHONE: x post: a phone number "(312) 555-0199"`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings %q, want %q", got, want)
	}
}

func TestEntryReview(t *testing.T) {
	for _, tc := range []struct {
		name, fm string
		want     []string
	}{
		{"reviewed", reviewed, nil},
		{"no reviewer", "sources: [{title: M, url: \"https://medlineplus.gov/\"}]\n",
			[]string{"2:8 error REVIEW-MISSING: no medical review: reviewed_by is not set"}},
		{"an empty reviewer", "reviewed_by:   # once reviewed\nsources: [{title: M, url: \"https://medlineplus.gov/\"}]\n",
			[]string{"4:13 error REVIEW-MISSING: no medical review: reviewed_by is not set"}},
		{"not clinical", "reviewed_by: ed\nreviewed_on: 2026-10-01\nsources: [{title: M, url: \"https://medlineplus.gov/\"}]\n",
			[]string{"4:14 error REVIEW-MISSING: Ed Wu is not clinical staff and cannot review"}},
		{"not trained", "reviewed_by: bo\nreviewed_on: 2026-10-01\nsources: [{title: M, url: \"https://medlineplus.gov/\"}]\n",
			[]string{"4:14 error REVIEW-MISSING: Bo Li is not HIPAA-trained"}},
		{"stale, no sources", "reviewed_by: ana\nreviewed_on: 2025-01-01\n", []string{
			"2:8 warning REVIEW-SOURCES: no sources",
			"5:14 warning REVIEW-STALE: the medical review of 2025-01-01 is 669 days old",
		}},
		{"a thousand years ago", "reviewed_by: ana\nreviewed_on: 1026-11-01\nsources: [{title: M, url: \"https://medlineplus.gov/\"}]\n",
			[]string{"5:14 warning REVIEW-STALE: the medical review of 1026-11-01 is 365243 days old"}},
		{"in the future", "reviewed_by: ana\nreviewed_on: 2062-11-20\nsources: [{title: M, url: \"https://medlineplus.gov/\"}]\n",
			[]string{"5:14 error REVIEW-FUTURE: reviewed_on 2062-11-20 is after today, 2026-11-01"}},
		{"today", "reviewed_by: ana\nreviewed_on: 2026-11-01\nsources: [{title: M, url: \"https://medlineplus.gov/\"}]\n", nil},
		{"draft", "draft: true\n", []string{
			"2:8 warning REVIEW-MISSING: no medical review: reviewed_by is not set",
			"2:8 warning REVIEW-SOURCES: no sources",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := lines(settings().Entry(parse(t, "---\ntitle: Flu?\nsummary: Yes.\n"+tc.fm+"---\n\nBody.\n"), nil))
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestEntryReviewKind checks that the review rules speak of the review,
// and of who may review, as the practice's kind does, and that an entry
// with no sources is given a reference that fits the kind.
func TestEntryReviewKind(t *testing.T) {
	for _, tc := range []struct {
		review, reviewer, example string
		want                      []string // each finding's message, then its hint
	}{
		{"", "", "", []string{
			"no medical review: reviewed_by is not set", "add reviewed_by: with the id of the clinician who reviewed it, and reviewed_on: with the day of the review, written as YYYY-MM-DD",
			"no sources", "add sources: with at least one trusted reference",
			"the medical review of 2025-01-01 is 669 days old", "have a clinician review it again, then update reviewed_on",
		}},
		{"clinical", "optometrist", "a page of the National Eye Institute", []string{
			"no clinical review: reviewed_by is not set", "add reviewed_by: with the id of the optometrist who reviewed it, and reviewed_on: with the day of the review, written as YYYY-MM-DD",
			"no sources", "add sources: with at least one trusted reference, such as a page of the National Eye Institute",
			"the clinical review of 2025-01-01 is 669 days old", "have an optometrist review it again, then update reviewed_on",
		}},
		{"plain", "practitioner", "a page of a government agency", []string{
			"no review: reviewed_by is not set", "add reviewed_by: with the id of the practitioner who reviewed it, and reviewed_on: with the day of the review, written as YYYY-MM-DD",
			"no sources", "add sources: with at least one trusted reference, such as a page of a government agency",
			"the review of 2025-01-01 is 669 days old", "have a practitioner review it again, then update reviewed_on",
		}},
	} {
		s := settings()
		s.Review, s.Reviewer, s.SourceExample = tc.review, tc.reviewer, tc.example
		var got []string
		for _, fm := range []string{"draft: true\n", "reviewed_by: ana\nreviewed_on: 2025-01-01\nsources: [{title: M, url: \"https://medlineplus.gov/\"}]\n"} {
			for _, f := range s.Entry(parse(t, "---\ntitle: Flu?\nsummary: Yes.\n"+fm+"---\n\nBody.\n"), nil) {
				got = append(got, f.Message, f.Hint)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("Review %q: findings\n%q\nwant\n%q", tc.review, got, tc.want)
		}
	}
}

func TestEntryReadability(t *testing.T) {
	hard := strings.Repeat("Administration of immunizations necessitates comprehensive consideration of contraindications, "+
		"particularly immunodeficiency conditions, concomitant pharmacological interventions, and hypersensitivity manifestations. ", 3)
	got := lines(settings().Entry(parse(t, "---\ntitle: Flu?\nsummary: Yes.\n"+reviewed+"---\n\n"+hard+"\n"), nil))
	if len(got) == 0 || !strings.HasPrefix(got[0], "8:1 error READ-GRADE: the answer reads at grade ") || !strings.HasSuffix(got[0], "; the limit is 10") {
		t.Errorf("findings %q", got)
	}
	s := settings()
	s.Off["READ-GRADE"] = true
	if got := lines(s.Entry(parse(t, "---\ntitle: Flu?\nsummary: Yes.\n"+reviewed+"---\n\n"+hard+"\n"), nil)); len(got) != 0 {
		t.Errorf("with READ-GRADE off: %q", got)
	}
}

func TestEntryAllow(t *testing.T) {
	src := "---\ntitle: Flu?\nsummary: Yes.\n" + reviewed + "---\n\n" +
		"<!-- faqcast:allow PHI-DATE our opening day -->\nThe clinic was born on 05/01/2001.\n\n" +
		"Another clinic was born on 05/01/2002.\n\n<!-- faqcast:allow PHI-DATE -->\nIt was born on 05/01/2003.\n"
	got := lines(settings().Entry(parse(t, src), nil))
	want := []string{
		`10:24 note PHI-DATE: allowed: a date tied to a person "05/01/2001" (our opening day)`,
		`12:28 error PHI-DATE: a date tied to a person "05/01/2002"`,
		`14:1 error ALLOW-REASON: faqcast:allow PHI-DATE has no reason`,
		`15:16 error PHI-DATE: a date tied to a person "05/01/2003"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestPage(t *testing.T) {
	s := settings()
	if got := s.Page("public/a.html", []byte(`<p>not medical advice</p><a href="tel:+15550100100">Call</a>`)); len(got) != 0 {
		t.Errorf("a good page: %v", lines(got))
	}
	got := lines(s.Page("public/a.html", []byte(`<p>Hello</p>`)))
	if len(got) != 2 || !strings.Contains(got[0], "the disclaimer") || !strings.Contains(got[1], "the call link") {
		t.Errorf("a bare page: %q", got)
	}
}

// TestDated checks that Dated keys what an entry's findings owe to the
// day: on any two days on which it is the same, the findings are the
// same. Days run across reviews growing stale, and dated after the day.
func TestDated(t *testing.T) {
	fms := []string{
		reviewed,
		"reviewed_by: ana\nreviewed_on: 2025-01-01\n",
		"reviewed_by: ana\nreviewed_on: 2026-11-20\nsources: [{title: M, url: \"https://medlineplus.gov/\"}]\n",
		"reviewed_by: ed\nreviewed_on: 2026-10-01\n",
		"draft: true\nreviewed_on: 2026-10-01\n",
		"sources: [{title: M, url: \"https://medlineplus.gov/\"}]\n",
	}
	var days []time.Time
	for d := time.Date(2024, 12, 20, 0, 0, 0, 0, time.UTC); d.Year() < 2028; d = d.AddDate(0, 0, 9) {
		days = append(days, d, d.Add(13*time.Hour))
	}
	for _, fm := range fms {
		e := parse(t, "---\ntitle: Flu?\nsummary: Yes.\n"+fm+"---\n\nBody.\n")
		seen := map[string]string{}
		keys := map[string]bool{}
		for _, day := range days {
			s := settings()
			s.Now = day
			key := s.Dated(e)
			got := strings.Join(lines(s.Entry(e, nil)), "\n")
			if want, ok := seen[key]; ok && got != want {
				t.Errorf("%q on %s: Dated %q, as on an earlier day, but findings\n%s\nthen\n%s", fm, day, key, want, got)
			}
			seen[key] = got
			keys[key] = true
		}
		if fm == reviewed && !keys[""] {
			t.Errorf("a fresh review is never Dated \"\": %v", keys)
		}
	}
}
