package config

import (
	"fmt"
	"slices"
	"strings"

	"github.com/faqcast/faqcast/internal/diag"
)

// A Kind is a kind of practice, which practice.kind names: it sets who
// may review entries, how the pages say so, and what the structured data
// calls the practice.
type Kind struct {
	// Name is practice.kind's value.
	Name string
	// Roles are the staff roles that may review an entry, unless
	// checks.clinical_roles adds more.
	Roles []string
	// Review says how the line under an entry names its review, as the
	// message entry.reviewed_<Review>, and how the review rules speak of
	// it: "medical" ("Medically reviewed by"), "clinical" or "plain"
	// ("Reviewed by").
	Review string
	// Type is the practice's schema.org type in the pages' structured
	// data, such as "MedicalClinic" or "Dentist".
	Type string
	// Source names a trusted reference that fits the kind, for the hint
	// of an entry with no sources.
	Source string
	// Reviewer is what hints call one who may review an entry, such as
	// "clinician" or "pharmacist".
	Reviewer string
}

// Kinds are the kinds of practice; the first, "medical", is the default.
var Kinds = []Kind{
	{"medical", []string{"physician", "np", "pa", "rn", "pharmacist"}, "medical", "MedicalClinic", "a MedlinePlus page", "clinician"},
	{"dental", []string{"dentist", "hygienist", "physician"}, "clinical", "Dentist", "a page of the ADA's MouthHealthy site", "dentist"},
	{"behavioral_health", []string{"psychiatrist", "psychologist", "lcsw", "lpc", "lmft", "np", "physician"}, "clinical", "MedicalClinic", "a page of the National Institute of Mental Health", "clinician"},
	{"physical_therapy", []string{"pt", "physician"}, "clinical", "Physiotherapy", "a ChoosePT page", "physical therapist"},
	{"optometry", []string{"optometrist", "ophthalmologist"}, "clinical", "Optician", "a page of the National Eye Institute", "optometrist"},
	{"pharmacy", []string{"pharmacist"}, "plain", "Pharmacy", "an FDA page on medicines", "pharmacist"},
	{"chiropractic", []string{"chiropractor"}, "clinical", "MedicalBusiness", "a page of the American Chiropractic Association", "chiropractor"},
	{"other", nil, "plain", "MedicalBusiness", "a page of a government agency or of your profession's association", "practitioner"},
}

// JobTitles names staff roles for people and for the pages' structured
// data.
var JobTitles = map[string]string{
	"physician":       "Physician",
	"np":              "Nurse Practitioner",
	"pa":              "Physician Assistant",
	"rn":              "Registered Nurse",
	"pharmacist":      "Pharmacist",
	"dentist":         "Dentist",
	"hygienist":       "Dental Hygienist",
	"psychiatrist":    "Psychiatrist",
	"psychologist":    "Psychologist",
	"lcsw":            "Licensed Clinical Social Worker",
	"lpc":             "Licensed Professional Counselor",
	"lmft":            "Licensed Marriage and Family Therapist",
	"pt":              "Physical Therapist",
	"optometrist":     "Optometrist",
	"ophthalmologist": "Ophthalmologist",
	"chiropractor":    "Chiropractor",
}

// LookupKind returns the kind of practice named name.
func LookupKind(name string) (Kind, bool) {
	i := slices.IndexFunc(Kinds, func(k Kind) bool { return k.Name == name })
	if i < 0 {
		return Kind{}, false
	}
	return Kinds[i], true
}

// KindHint says how to name a kind of practice, for an error about name,
// which names none.
func KindHint(name string) string {
	if s := diag.Suggest(name, KindNames()); s != "" {
		return fmt.Sprintf("did you mean %q?", s)
	}
	return "use one of: " + strings.Join(KindNames(), ", ")
}

// KindNames returns the names of the kinds of practice.
func KindNames() []string {
	var out []string
	for _, k := range Kinds {
		out = append(out, k.Name)
	}
	return out
}

// Kind returns the practice's kind: practice.kind's, or "medical".
func (c *Config) Kind() Kind {
	if k, ok := LookupKind(c.Practice.Kind); ok {
		return k
	}
	return Kinds[0]
}

// ClinicalRoles returns the staff roles that may review the site's
// entries: its kind's, and checks.clinical_roles.
func (c *Config) ClinicalRoles() []string {
	roles := slices.Clone(c.Kind().Roles)
	for _, r := range c.Checks.ClinicalRoles {
		if !slices.Contains(roles, r) {
			roles = append(roles, r)
		}
	}
	return roles
}

// kindFor returns the first kind of practice whose roles include role, or
// "".
func kindFor(role string) string {
	for _, k := range Kinds {
		if slices.Contains(k.Roles, role) {
			return k.Name
		}
	}
	return ""
}
