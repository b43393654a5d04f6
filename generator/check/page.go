package check

import (
	"bytes"
	"slices"

	"github.com/faqcast/faqcast/internal/diag"
)

// Page checks a generated HTML page, whatever templates made it: it must
// carry the disclaimer (general education, not medical advice) in one of
// the site's languages (see [Settings.Disclaimers]) and a call link to the
// practice.
func (s *Settings) Page(path string, html []byte) []Finding {
	var out []Finding
	disclaimers := s.Disclaimers
	if len(disclaimers) == 0 {
		disclaimers = []string{"not medical advice"}
	}
	for _, need := range []struct {
		markers []string
		what    string
	}{
		{disclaimers, "the disclaimer"},
		{[]string{`href="tel:`}, "the call link"},
	} {
		if slices.ContainsFunc(need.markers, func(m string) bool { return bytes.Contains(html, []byte(m)) }) {
			continue
		}
		if f, ok := s.finding(path, diag.Pos{}, "PAGE-DISCLAIMER", "the page lacks "+need.what,
			`a site's own templates must keep {{template "disclaimer.html" .}} and {{template "callbook.html" .}} (or the footer's phone link) on every page`); ok {
			out = append(out, f)
		}
	}
	return out
}
