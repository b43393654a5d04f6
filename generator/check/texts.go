package check

import (
	"cmp"
	"slices"
)

// Texts runs the text rules (patient information, advice and claims) over
// texts that faqcast publishes besides the entries, such as the site's
// title and the practice's opening hours from faqcast.yaml, each at its
// place in its file. It returns the findings sorted by file and position.
func (s *Settings) Texts(texts []Text) []Finding {
	readModels()
	ours := ourWords(&s.Allow)
	var out []Finding
	for _, t := range texts {
		out = append(out, s.scan(t, nil, ours)...)
	}
	slices.SortStableFunc(out, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col), cmp.Compare(a.Rule, b.Rule))
	})
	return out
}
