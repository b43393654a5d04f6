package check

import (
	"bytes"

	"github.com/faqcast/faqcast/internal/diag"
)

// Page checks a generated HTML page, whatever templates made it: it must
// carry the disclaimer (general education, not medical advice) and a call
// link to the practice.
func (s *Settings) Page(path string, html []byte) []Finding {
	var out []Finding
	for _, need := range []struct{ marker, what string }{
		{"not medical advice", "the disclaimer"},
		{`href="tel:`, "the call link"},
	} {
		if bytes.Contains(html, []byte(need.marker)) {
			continue
		}
		if f, ok := s.finding(path, diag.Pos{}, "PAGE-DISCLAIMER", "the page lacks "+need.what,
			`a site's own templates must keep {{template "disclaimer.html" .}} and {{template "callbook.html" .}} (or the footer's phone link) on every page`); ok {
			out = append(out, f)
		}
	}
	return out
}
