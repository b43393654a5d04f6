package site_test

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/site"
	"github.com/faqcast/faqcast/templates"
)

// TestTemplateTexts checks that the words of a site's own templates are
// checked at their place, without the template's actions and markup, and
// that faqcast's own templates hold no words the rules flag: a site that
// copies one to change it starts clean.
func TestTemplateTexts(t *testing.T) {
	cfg, err := config.Parse("faqcast.yaml", []byte("base_url: https://clinic.example/\npractice: {name: Test Clinic, phone: \"(555) 010-0199\"}\n"))
	if err != nil {
		t.Fatal(err)
	}
	s := cfg.CheckSettings(time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC))
	if found := s.Texts(site.TemplateTexts(templates.FS, "templates")); len(found) > 0 {
		for _, f := range found {
			t.Errorf("faqcast's own template: %v", f.Diag())
		}
	}

	own := fstest.MapFS{
		"partials/footer.html": {Data: []byte("<footer>\n<p class=\"{{.Class}}\">Questions? Call {{.Site.Practice.Phone}}.</p>\n<p>For a toothache, take 600 mg ibuprofen every 6 hours.</p>\n</footer>\n")},
		"posts/x.txt":          {Data: []byte("{{.Question}} Happy 7th birthday, Sofia! {{.Link}}\n")},
		"notes.md":             {Data: []byte("take 600 mg ibuprofen every 6 hours")},
	}
	var got []string
	for _, f := range s.Texts(site.TemplateTexts(own, "templates")) {
		got = append(got, f.Diag().Error())
	}
	joined := strings.Join(got, "\n")
	for _, want := range []string{
		"templates/partials/footer.html:3:21: ADVICE-DOSE",
		"templates/posts/x.txt:1:35: PHI-NAME",
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("findings lack %q:\n%s", want, joined)
		}
	}
	if strings.Contains(joined, "notes.md") || strings.Contains(joined, "Phone") {
		t.Errorf("findings in what is not a template's words:\n%s", joined)
	}
}
