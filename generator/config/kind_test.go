package config_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/internal/diag"
)

// TestKinds checks practice.kind and checks.clinical_roles: the roles
// that may review, and the kinds refused, at their place with a hint.
func TestKinds(t *testing.T) {
	const head = "base_url: https://www.example-dental.com/\n"
	for _, tc := range []struct {
		name, yaml string
		roles      []string // that may review
		refused    []string
		review     string // how the checks speak of the review
		err, hint  string
	}{
		{"default", "practice: {name: X, phone: \"555 010 0100\"}\n", []string{"physician", "rn"}, []string{"dentist"}, "medical", "", ""},
		{"dental", "practice: {name: X, phone: \"555 010 0100\", kind: dental}\n", []string{"dentist", "hygienist"}, []string{"rn", "office_manager"}, "clinical", "", ""},
		{"behavioral", "practice: {name: X, phone: \"555 010 0100\", kind: behavioral_health}\n", []string{"psychologist", "lcsw", "lmft"}, []string{"dentist"}, "clinical", "", ""},
		{"extended", "practice: {name: X, phone: \"555 010 0100\", kind: other}\nchecks: {clinical_roles: [naturopath]}\n", []string{"naturopath"}, []string{"physician"}, "plain", "", ""},
		{"unknown", "practice: {name: X, phone: \"555 010 0100\", kind: dentl}\n", nil, nil, "",
			`faqcast.yaml:2:50: practice.kind "dentl" is not a kind of practice`, `did you mean "dental"?`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := config.Parse("faqcast.yaml", []byte(head+tc.yaml))
			if tc.err != "" {
				var de *diag.Error
				if !errors.As(err, &de) || !strings.Contains(err.Error(), tc.err) || !strings.Contains(de.Hint, tc.hint) {
					t.Errorf("%v, want %q with the hint %q", err, tc.err, tc.hint)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			roles := c.ClinicalRoles()
			for _, r := range tc.roles {
				if !slices.Contains(roles, r) {
					t.Errorf("%s may not review: %v", r, roles)
				}
			}
			for _, r := range tc.refused {
				if slices.Contains(roles, r) {
					t.Errorf("%s may review: %v", r, roles)
				}
			}
			s := c.CheckSettings(time.Time{})
			if !slices.Equal(s.ReviewRoles, roles) {
				t.Errorf("the checks' roles %v, want %v", s.ReviewRoles, roles)
			}
			if k := c.Kind(); s.Review != tc.review || s.SourceExample != k.Source || k.Source == "" || s.Reviewer != k.Reviewer || k.Reviewer == "" {
				t.Errorf("the checks' review %q, source example %q and reviewer %q, want %q and the kind's %q and %q",
					s.Review, s.SourceExample, s.Reviewer, tc.review, k.Source, k.Reviewer)
			}
		})
	}
}

// TestKindHint checks that a reviewer whose role reviews for another kind
// of practice is refused with a hint naming that kind: a dentist on a site
// whose practice.kind is not set.
func TestKindHint(t *testing.T) {
	c, err := config.Parse("faqcast.yaml", []byte("base_url: https://www.example-dental.com/\npractice: {name: X, phone: \"555 010 0100\"}\n"+
		"staff:\n  - {id: ana, name: Ana Lopez, role: dentist, hipaa_trained: true}\n  - {id: ed, name: Ed Wu, role: office_manager, hipaa_trained: true}\n"))
	if err != nil {
		t.Fatal(err)
	}
	s := c.CheckSettings(time.Time{})
	if got := s.Reviewers["ana"].KindFor; got != "dental" {
		t.Errorf("a dentist's kind = %q, want dental", got)
	}
	if got := s.Reviewers["ed"].KindFor; got != "" {
		t.Errorf("an office manager's kind = %q, want none", got)
	}
}
