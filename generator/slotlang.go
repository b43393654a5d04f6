package generator

import (
	"slices"
	"strings"

	"github.com/faqcast/faqcast/generator/check"
	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/platform"
	"github.com/faqcast/faqcast/generator/schedule"
)

// slotLanguageFindings warns, at a platform's slots, of a slot for a
// language that no published entry is written in, of langs, the site's
// languages (see [site.Uses]): a mistyped tag, or a language not yet
// written, whose slot would stay empty all through the schedule.
func slotLanguageFindings(s *check.Settings, cfg *config.Config, langs []string) []check.Finding {
	var out []check.Finding
	for _, p := range platform.All {
		var told []string
		for _, slot := range cfg.Schedule.Parsed[p.Name] {
			if slot.Lang == "" || slices.Contains(told, slot.Lang) || slices.ContainsFunc(langs, func(l string) bool { return schedule.InLanguage(l, slot.Lang) }) {
				continue
			}
			told = append(told, slot.Lang)
			pos := cfg.Schedule.Slots.Pos[p.Name]
			if f, ok := s.NewFinding(cfg.Path, pos, "SCHEDULE-LANGUAGE", "schedule.slots."+p.Name+" has slots for "+slot.Lang+", a language no published entry is in: they stay empty",
				"name the language of entries the site has ("+strings.Join(langs, ", ")+"), or leave the language out to share the slot"); ok {
				out = append(out, f)
			}
		}
	}
	return out
}
