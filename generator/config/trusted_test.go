package config_test

import (
	"testing"
	"time"

	"github.com/faqcast/faqcast/generator/check"
	"github.com/faqcast/faqcast/generator/config"
)

// TestTrustedSources checks that the sources every kind of practice cites
// (dental, behavioral health, physical therapy, optometry, pharmacy,
// chiropractic societies and their patient sites) raise no PHI-URL
// warning by default, while another site still does.
func TestTrustedSources(t *testing.T) {
	c, err := config.Parse("faqcast.yaml", []byte("base_url: https://www.example-dental.com/\npractice: {name: Maple Grove Dental, phone: \"(555) 010-0100\"}\n"))
	if err != nil {
		t.Fatal(err)
	}
	s := c.CheckSettings(time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC))
	for _, tc := range []struct {
		url   string
		trust bool
	}{
		{"https://www.ada.org/resources/ada-library/oral-health-topics", true},
		{"https://www.mouthhealthy.org/all-topics-a-z/fluoride", true},
		{"https://www.aapd.org/resources/parent/faq/", true},
		{"https://www.aae.org/patients/root-canal-treatment/", true},
		{"https://www.perio.org/for-patients/", true},
		{"https://www.apa.org/topics/anxiety", true},
		{"https://www.psychiatry.org/patients-families/depression", true},
		{"https://www.nimh.nih.gov/health/topics/depression", true},
		{"https://www.choosept.com/guide/physical-therapy-guide-low-back-pain", true},
		{"https://www.aoa.org/healthy-eyes", true},
		{"https://www.aao.org/eye-health", true},
		{"https://www.pharmacist.com/", true},
		{"https://www.acatoday.org/patients/", true},
		{"https://www.dental-forum.example.com/thread/123", false},
	} {
		ms := check.Links(check.Text{Text: "See " + tc.url}, &s.Allow)
		if got := len(ms) == 0; got != tc.trust {
			t.Errorf("%s: trusted %v, want %v (%+v)", tc.url, got, tc.trust, ms)
		}
	}
}
