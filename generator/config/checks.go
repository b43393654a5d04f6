package config

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/faqcast/faqcast/generator/check"
	"github.com/faqcast/faqcast/internal/decode"
	"github.com/faqcast/faqcast/internal/diag"
)

// Checks configure the compliance checks, under checks: in faqcast.yaml.
type Checks struct {
	// Rules changes rules' severities: error, warning, note or off.
	Rules map[string]string `yaml:"rules"`
	// TrustedDomains are sites sources may link to without a warning, on
	// top of DefaultTrustedDomains.
	TrustedDomains []string `yaml:"trusted_domains"`
	// AllowNames are names the checks never flag as a patient's: people
	// the practice has reviewed, such as a guest speaker or a donor who
	// agreed to be named. The staff and the practice's name are allowed
	// already.
	AllowNames []string `yaml:"allow_names"`
	// ClinicalRoles are staff roles that may review entries, besides the
	// practice kind's (see [Kind]).
	ClinicalRoles []string `yaml:"clinical_roles"`
	// ReviewMaxAgeDays is how old a review may be (365 if nil).
	ReviewMaxAgeDays *int        `yaml:"review_max_age_days"`
	Readability      Readability `yaml:"readability"`

	Pos decode.Positions `yaml:"-"`
}

// Readability bounds the reading grade of answers.
type Readability struct {
	// TargetGrade warns above it (6 if nil); MaxGrade is an error above it
	// (10 if nil).
	TargetGrade *float64 `yaml:"target_grade"`
	MaxGrade    *float64 `yaml:"max_grade"`

	Pos decode.Positions `yaml:"-"`
}

// DefaultTrustedDomains are sources' sites that need no warning: US
// government and education sites, the WHO, and the professional societies
// of medicine, dentistry, behavioral health, physical therapy, optometry,
// pharmacy and chiropractic, and their sites for patients.
var DefaultTrustedDomains = []string{
	"gov", "edu", "who.int", "aafp.org", "familydoctor.org", "aap.org", "healthychildren.org",
	"acog.org", "heart.org", "cancer.org", "diabetes.org", "ama-assn.org", "acponline.org",
	"mayoclinic.org", "clevelandclinic.org", "kidshealth.org",
	// Dentistry: the ADA and its patient site, pediatric dentists,
	// endodontists, periodontists, oral surgeons, orthodontists.
	"ada.org", "mouthhealthy.org", "aapd.org", "aae.org", "perio.org", "aaoms.org", "aaoinfo.org",
	// Behavioral health: psychologists, psychiatrists, social workers,
	// counselors, the national alliance on mental illness, and the 988
	// Suicide & Crisis Lifeline.
	"apa.org", "psychiatry.org", "socialworkers.org", "counseling.org", "nami.org", "988lifeline.org",
	// Physical therapy, optometry and eye care, pharmacy, chiropractic.
	"apta.org", "choosept.com", "aoa.org", "aao.org", "pharmacist.com", "ashp.org", "acatoday.org",
}

// CheckSettings returns the settings of the compliance checks at time now.
func (c *Config) CheckSettings(now time.Time) *check.Settings {
	s := &check.Settings{
		Severities:   map[string]check.Severity{},
		Off:          map[string]bool{},
		ReviewMaxAge: 365 * 24 * time.Hour,
		TargetGrade:  6,
		MaxGrade:     10,
		Reviewers:    map[string]check.Reviewer{},
		Now:          now,
		Language:     c.Language,
	}
	for id, sev := range c.Checks.Rules {
		switch sev {
		case "off":
			s.Off[id] = true
		case "error":
			s.Severities[id] = check.Error
		case "warning":
			s.Severities[id] = check.Warning
		case "note":
			s.Severities[id] = check.Note
		}
	}
	if d := c.Checks.ReviewMaxAgeDays; d != nil {
		s.ReviewMaxAge = time.Duration(*d) * 24 * time.Hour
	}
	if g := c.Checks.Readability.TargetGrade; g != nil {
		s.TargetGrade = *g
	}
	if g := c.Checks.Readability.MaxGrade; g != nil {
		s.MaxGrade = *g
	}
	p := c.Practice
	a := &s.Allow
	for _, phone := range []string{p.Phone, p.Fax} {
		if phone != "" {
			a.Phones = append(a.Phones, phone)
		}
	}
	if p.Email != "" {
		a.Emails = append(a.Emails, p.Email)
	}
	if c.Base != nil {
		a.Domains = append(a.Domains, c.Base.Hostname())
	}
	if host := hostOf(p.BookingURL); host != "" && !slices.Contains(a.Domains, host) {
		a.Domains = append(a.Domains, host)
	}
	if p.Address.Street != "" {
		a.Addresses = append(a.Addresses, p.Address.Street)
	}
	if p.Name != "" {
		a.Names = append(a.Names, p.Name)
	}
	a.Names = append(a.Names, c.Checks.AllowNames...)
	k := c.Kind()
	s.Review, s.SourceExample, s.Reviewer = k.Review, k.Source, k.Reviewer
	roles := c.ClinicalRoles()
	s.ReviewRoles = roles
	for _, st := range c.Staff {
		a.Names = append(a.Names, st.Name)
		r := check.Reviewer{Name: st.Name, HIPAATrained: st.HIPAATrained, Clinical: slices.Contains(roles, st.Role)}
		if !r.Clinical {
			r.KindFor = kindFor(st.Role)
		}
		s.Reviewers[st.ID] = r
	}
	a.Trusted = append(slices.Clone(DefaultTrustedDomains), c.Checks.TrustedDomains...)
	return s
}

// checkChecks validates checks:.
func (c *Config) checkChecks(bad func(pos diag.Pos, hint, format string, args ...any), at func(p decode.Positions, key string, def ...diag.Pos) diag.Pos) {
	ch := &c.Checks
	top := at(c.Pos, "checks")
	for _, id := range slices.Sorted(maps.Keys(ch.Rules)) {
		pos := at(ch.Pos, "rules", top)
		if _, ok := check.Lookup(id); !ok {
			hint := "rules: " + strings.Join(check.IDs(), ", ")
			if s := diag.Suggest(id, check.IDs()); s != "" {
				hint = fmt.Sprintf("did you mean %q?", s)
			}
			bad(pos, hint, "checks.rules: unknown rule %q", id)
		}
		if sev := ch.Rules[id]; !slices.Contains([]string{"error", "warning", "note", "off"}, sev) {
			bad(pos, "use error, warning, note or off", "checks.rules.%s: %q is not a severity", id, sev)
		}
	}
	if d := ch.ReviewMaxAgeDays; d != nil && *d < 1 {
		bad(at(ch.Pos, "review_max_age_days", top), "use a number of days, such as 365", "checks.review_max_age_days %d is not positive", *d)
	}
	r := ch.Readability
	for _, g := range []struct {
		key string
		v   *float64
	}{{"target_grade", r.TargetGrade}, {"max_grade", r.MaxGrade}} {
		if g.v != nil && (*g.v < 1 || *g.v > 20) {
			bad(at(r.Pos, g.key, top), "use a school grade from 1 to 20", "checks.readability.%s %g is out of range", g.key, *g.v)
		}
	}
	if r.TargetGrade != nil && r.MaxGrade != nil && *r.TargetGrade > *r.MaxGrade {
		bad(at(r.Pos, "target_grade", top), "the target must not be above the limit", "checks.readability.target_grade is above max_grade")
	}
	for i, d := range ch.TrustedDomains {
		if strings.ContainsAny(d, "/: ") || d == "" {
			bad(at(ch.Pos, decode.ItemKey("trusted_domains", i), at(ch.Pos, "trusted_domains", top)), "write bare domains, such as cdc.gov or aafp.org", "checks.trusted_domains: %q is not a domain", d)
		}
	}
}

func hostOf(raw string) string {
	if i := strings.Index(raw, "://"); i >= 0 {
		raw = raw[i+3:]
	}
	if i := strings.IndexAny(raw, "/?#"); i >= 0 {
		raw = raw[:i]
	}
	return raw
}
