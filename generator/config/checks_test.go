package config_test

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/faqcast/faqcast/generator/check"
	"github.com/faqcast/faqcast/generator/config"
)

func TestCheckSettings(t *testing.T) {
	c, err := config.Parse("faqcast.yaml", []byte(`base_url: https://x.example/
practice:
  name: X
  phone: "555 010 0100"
  fax: "555 010 0101"
  email: hi@x.example
  address: {street: 1 Main St}
  booking_url: https://book.example.net/x
staff:
  - {id: ana, name: Ana Lopez, role: physician, hipaa_trained: true}
  - {id: ed, name: Ed Wu, role: office_manager, hipaa_trained: true}
checks:
  rules: {PHI-URL: error, READ-GRADE: off, REVIEW-SOURCES: note}
  trusted_domains: [aafp.org, myhealth.example.org]
  allow_names: [Rosa Parks Elementary, Coach Delgado]
  review_max_age_days: 180
  readability: {target_grade: 7, max_grade: 9.5}
`))
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	s := c.CheckSettings(now)
	if s.Severities["PHI-URL"] != check.Error || s.Severities["REVIEW-SOURCES"] != check.Note || !s.Off["READ-GRADE"] {
		t.Errorf("severities %v off %v", s.Severities, s.Off)
	}
	if s.ReviewMaxAge != 180*24*time.Hour || s.TargetGrade != 7 || s.MaxGrade != 9.5 || !s.Now.Equal(now) {
		t.Errorf("settings %+v", s)
	}
	a := s.Allow
	if !reflect.DeepEqual(a.Phones, []string{"555 010 0100", "555 010 0101"}) || !reflect.DeepEqual(a.Emails, []string{"hi@x.example"}) ||
		!reflect.DeepEqual(a.Domains, []string{"x.example", "book.example.net"}) || !reflect.DeepEqual(a.Addresses, []string{"1 Main St"}) ||
		!reflect.DeepEqual(a.Names, []string{"X", "Rosa Parks Elementary", "Coach Delgado", "Ana Lopez", "Ed Wu"}) {
		t.Errorf("allow %+v", a)
	}
	if !slices.Contains(a.Trusted, "gov") || !slices.Contains(a.Trusted, "myhealth.example.org") {
		t.Errorf("trusted %v", a.Trusted)
	}
	if r := s.Reviewers["ana"]; !r.Clinical || !r.HIPAATrained {
		t.Errorf("ana %+v", r)
	}
	if r := s.Reviewers["ed"]; r.Clinical {
		t.Errorf("ed %+v", r)
	}
}

func TestChecksErrors(t *testing.T) {
	for _, tc := range []struct {
		name, yaml string
		want       []string
	}{
		{"unknown rule", "checks: {rules: {PHI-PHONES: off}}\n",
			[]string{`faqcast.yaml:3:17: checks.rules: unknown rule "PHI-PHONES"`}},
		{"bad severity", "checks: {rules: {PHI-URL: loud}}\n",
			[]string{`faqcast.yaml:3:17: checks.rules.PHI-URL: "loud" is not a severity`}},
		{"grades", "checks: {readability: {target_grade: 12, max_grade: 0}}\n", []string{
			"faqcast.yaml:3:38: checks.readability.target_grade is above max_grade",
			"faqcast.yaml:3:53: checks.readability.max_grade 0 is out of range",
		}},
		{"age", "checks: {review_max_age_days: 0}\n",
			[]string{"faqcast.yaml:3:31: checks.review_max_age_days 0 is not positive"}},
		{"domain", "checks: {trusted_domains: [\"https://x.org/\"]}\n",
			[]string{`faqcast.yaml:3:28: checks.trusted_domains: "https://x.org/" is not a domain`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := config.Parse("faqcast.yaml", []byte(socialBase+tc.yaml))
			msgs, _ := diags(t, err)
			if !reflect.DeepEqual(msgs, tc.want) {
				t.Errorf("errors:\n%q\nwant\n%q", msgs, tc.want)
			}
		})
	}
}

func TestTheme(t *testing.T) {
	c, err := config.Parse("faqcast.yaml", []byte(socialBase+"theme: {primary: \"#0B5CAD\", background: \"#fff\"}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if th := c.CardTheme(); th.Primary.R != 0x0b || th.Background.G != 0xff {
		t.Errorf("theme %+v", th)
	}
	for _, tc := range []struct{ yaml, want string }{
		{"theme: {primary: blue}\n", `faqcast.yaml:3:18: theme.primary "blue" is not a colour`},
		{"theme: {primary: \"#ffff00\", background: \"#ffffff\"}\n", "faqcast.yaml:3:18: theme: primary on background has a contrast of 1.07:1"},
	} {
		_, err := config.Parse("faqcast.yaml", []byte(socialBase+tc.yaml))
		msgs, _ := diags(t, err)
		if len(msgs) != 1 || msgs[0] != tc.want {
			t.Errorf("%q: errors %q, want %q", tc.yaml, msgs, tc.want)
		}
	}
}
