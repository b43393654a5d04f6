package config

import (
	"github.com/faqcast/faqcast/generator/check"
	"github.com/faqcast/faqcast/internal/diag"
)

// Texts returns the texts of c that faqcast publishes on every page or in
// posts, each at its place in the config file, for the compliance checks:
// the site's title and the practice's name and opening hours.
func (c *Config) Texts() []check.Text {
	var out []check.Text
	add := func(field, text string, pos diag.Pos) {
		if text != "" && pos.Line > 0 {
			out = append(out, check.Text{Field: field, Text: text, Path: c.Path, Line: pos.Line, Col: pos.Col})
		}
	}
	add("title", c.Title, c.Pos["title"])
	add("practice.name", c.Practice.Name, c.Practice.Pos["name"])
	add("practice.hours", c.Practice.Hours, c.Practice.Pos["hours"])
	c.replyTexts(add)
	return out
}
