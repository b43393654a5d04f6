package generator

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/faqcast/faqcast/generator/check"
	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/locale"
	"github.com/faqcast/faqcast/generator/platform"
	"github.com/faqcast/faqcast/generator/scaffold"
	"github.com/faqcast/faqcast/internal/diag"
)

// setupFindings returns the placeholder values that faqcast init writes
// and that the site's config still holds.
func setupFindings(s *check.Settings, cfg *config.Config) []check.Finding {
	var out []check.Finding
	for _, p := range scaffold.Placeholders {
		for _, v := range configValues(cfg, p.Key) {
			if v.value != p.Value {
				continue
			}
			if f, ok := s.NewFinding(cfg.Path, v.pos, "SETUP-PLACEHOLDER", p.Key+" is still the placeholder "+strconv.Quote(p.Value), p.Hint); ok {
				out = append(out, f)
			}
		}
	}
	return out
}

// hoursFindings returns each callbook.hours message that still gives the
// opening hours faqcast init wrote in its language, as practice.hours's
// placeholder does in the config's (see setupFindings), while the pages
// show opening hours at all.
func hoursFindings(s *check.Settings, cfg *config.Config) []check.Finding {
	if cfg.Messages == nil || cfg.Practice.Hours == "" {
		return nil // with no practice.hours, no page shows the message
	}
	var out []check.Finding
	m := cfg.Messages
	for i := 0; i+1 < len(m.Content); i += 2 {
		lang, msgs := m.Content[i], m.Content[i+1]
		tag, err := language.Parse(lang.Value)
		if err != nil {
			continue // reported by the catalogue
		}
		starter := scaffold.StarterHours(tag.String())
		if starter == "" {
			continue
		}
		for j := 0; j+1 < len(msgs.Content); j += 2 {
			k, v := msgs.Content[j], msgs.Content[j+1]
			if k.Value != "callbook.hours" || !strings.Contains(v.Value, starter) {
				continue
			}
			f, ok := s.NewFinding(cfg.Path, diag.Pos{Line: v.Line, Col: v.Column}, "SETUP-PLACEHOLDER",
				"messages."+tag.String()+".callbook.hours still gives the opening hours faqcast init wrote",
				"write the practice's opening hours here in "+locale.Name(tag.String())+", as practice.hours gives them")
			if ok {
				out = append(out, f)
			}
		}
	}
	return out
}

// starterFindings returns what e still holds of a starter entry that
// faqcast init or faqcast new writes: the starter's short answer, its
// text in the answer, and, when the answer is init's own and has a
// review, that review, which is then no review of the practice's answer.
// In a draft they are warnings.
func starterFindings(s *check.Settings, e *entry.Entry) []check.Finding {
	var out []check.Finding
	add := func(pos diag.Pos, rule, msg, hint string) {
		f, ok := s.NewFinding(e.Path, pos, rule, msg, hint)
		if !ok {
			return
		}
		if e.Draft && f.Severity == check.Error {
			f.Severity = check.Warning // not published yet
		}
		out = append(out, f)
	}
	for _, m := range scaffold.StarterSummaries {
		if strings.HasPrefix(strings.TrimSpace(e.Summary), m) {
			add(e.Pos["summary"], "SETUP-PLACEHOLDER", "the short answer is still the starter's",
				"write the practice's own short answer in summary:, in one or two plain sentences")
		}
	}
	i := -1
	for _, m := range scaffold.StarterMarkers {
		if i = bytes.Index(e.Body, []byte(m)); i >= 0 {
			break
		}
	}
	if i < 0 {
		return out
	}
	line := e.BodyLine + bytes.Count(e.Body[:i], []byte("\n"))
	col := i - bytes.LastIndexByte(e.Body[:i], '\n')
	hint := "write the practice's own answer in place of this text, then have " + s.AReviewer() + " review it"
	if !e.Draft {
		hint += "; or, to leave the question out for now, add draft: true or delete the file"
	}
	add(diag.Pos{Line: line, Col: col}, "SETUP-PLACEHOLDER", "the answer is still the starter's", hint)
	if e.ReviewedBy != "" && scaffold.IsStarter(e.Body) {
		pos := e.Pos["reviewed_by"]
		if pos.Line == 0 {
			pos = e.Pos["title"]
		}
		add(pos, "REVIEW-MISSING", "the review is the starter's, not of the practice's own answer",
			"write the answer, have "+s.AReviewer()+" review it, then set reviewed_by and reviewed_on")
	}
	return out
}

// A configValue is a value of the config and its place.
type configValue struct {
	value string
	pos   diag.Pos
}

// configValues returns the values of cfg at key, a Placeholder's Key.
func configValues(cfg *config.Config, key string) []configValue {
	p, a := &cfg.Practice, &cfg.Practice.Address
	switch key {
	case "base_url":
		return []configValue{{cfg.BaseURL, cfg.Pos["base_url"]}}
	case "practice.name":
		return []configValue{{p.Name, p.Pos["name"]}}
	case "practice.phone":
		return []configValue{{p.Phone, p.Pos["phone"]}}
	case "practice.booking_url":
		return []configValue{{p.BookingURL, p.Pos["booking_url"]}}
	case "practice.hours":
		return []configValue{{p.Hours, p.Pos["hours"]}}
	case "practice.address.street":
		return []configValue{{a.Street, a.Pos["street"]}}
	case "practice.address.city":
		return []configValue{{a.City, a.Pos["city"]}}
	case "practice.address.region":
		return []configValue{{a.Region, a.Pos["region"]}}
	case "practice.address.postal_code":
		return []configValue{{a.PostalCode, a.Pos["postal_code"]}}
	case "staff.name":
		var out []configValue
		for _, st := range cfg.Staff {
			out = append(out, configValue{st.Name, st.Pos["name"]})
		}
		return out
	}
	return nil
}

// xLinkFindings warns, at base_url, when X would not link the site's
// pages: their host is not under a top-level domain X knows (such as
// clinic.example or localhost), so X posts count each link to them in
// full rather than as 23.
func xLinkFindings(s *check.Settings, cfg *config.Config) []check.Finding {
	if !cfg.Channel("x").Enabled {
		return nil
	}
	page := cfg.BaseURL + cfg.EntryURL("your-question")
	if spans := platform.XURLs(page); len(spans) == 1 && spans[0] == (platform.Span{Start: 0, End: len(page)}) {
		return nil
	}
	f, ok := s.NewFinding(cfg.Path, cfg.Pos["base_url"], "X-LINK",
		fmt.Sprintf("X does not link %s: its host is not under a top-level domain X knows, so X posts count each link to the site in full (%d characters and more, not 23)", cfg.BaseURL, len(page)),
		"publish the site under a domain with a top-level domain such as .com, .org or .health, or turn X off with platforms: {x: {enabled: false}}")
	if !ok {
		return nil
	}
	return []check.Finding{f}
}
