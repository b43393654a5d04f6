package generator

import (
	"github.com/faqcast/faqcast/generator/check"
	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/platform"
)

// offPostFindings warns, at an entry's own post text for a platform (its
// posts: in front matter), that the platform is turned off, so the text
// is never posted: a writer may have written it for a platform the
// practice turned off, or turned it off without knowing of the text.
func offPostFindings(s *check.Settings, cfg *config.Config, entries []*entry.Entry) []check.Finding {
	var off []platform.Platform
	for _, p := range platform.All {
		if !cfg.Channel(p.Name).Enabled {
			off = append(off, p)
		}
	}
	if len(off) == 0 {
		return nil
	}
	var out []check.Finding
	for _, e := range entries {
		for _, p := range off {
			if e.Posts[p.Name] == "" {
				continue
			}
			if f, ok := s.NewFinding(e.Path, e.PostsPos[p.Name], "POST-OFF", "posts."+p.Name+": "+p.Title+" is turned off, so this text is not posted",
				"turn "+p.Title+" on in faqcast.yaml (platforms: {"+p.Name+": {enabled: true}}), or remove the text"); ok {
				out = append(out, f)
			}
		}
	}
	return out
}
