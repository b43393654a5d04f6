package generator

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/faqcast/faqcast/generator/card"
	"github.com/faqcast/faqcast/generator/check"
	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/internal/diag"
)

// cardFindings warns, at e's title, of the characters of its question that
// its share cards cannot draw (see [card.Painter.Missing]).
func cardFindings(s *check.Settings, e *entry.Entry, painter *card.Painter) []check.Finding {
	missing, _ := painter.Missing(norm.NFC.String(e.Title), "")
	if len(missing) == 0 {
		return nil
	}
	f, ok := s.NewFinding(e.Path, e.Pos["title"], "CARD-GLYPH", "the share cards cannot draw "+quoteRunes(missing)+" of the title: they show "+cardReplacement,
		"the page and the posts show the title as written; word it without them for whole cards")
	if !ok {
		return nil
	}
	return []check.Finding{f}
}

// cardNameFindings warns, at practice.name and at title, of the
// characters of the practice's name and of the site's title (which its
// home page's card shows) that the share cards cannot draw; and, at the
// message, of those of another language's home page title that the site
// wrote itself as the message site.title, among texts.
func cardNameFindings(s *check.Settings, cfg *config.Config, texts []check.Text, painter *card.Painter) []check.Finding {
	var out []check.Finding
	for _, t := range texts {
		if t.Field != "message site.title" {
			continue
		}
		if missing, _ := painter.Missing(norm.NFC.String(t.Text), ""); len(missing) > 0 {
			if f, ok := s.NewFinding(t.Path, diag.Pos{Line: t.Line, Col: t.Col}, "CARD-GLYPH", "the share card cannot draw "+quoteRunes(missing)+" of message site.title ("+t.Lang+"): it shows "+cardReplacement,
				"the pages show the title as written; write it without them for a whole card"); ok {
				out = append(out, f)
			}
		}
	}
	title, name := painter.Missing(norm.NFC.String(cfg.Title), norm.NFC.String(cfg.Practice.Name))
	if len(title) > 0 {
		if f, ok := s.NewFinding(cfg.Path, cfg.Pos["title"], "CARD-GLYPH", "the share cards cannot draw "+quoteRunes(title)+" of title: they show "+cardReplacement,
			"the pages show the title as written; write it without them for a whole card"); ok {
			out = append(out, f)
		}
	}
	if len(name) > 0 {
		if f, ok := s.NewFinding(cfg.Path, cfg.Practice.Pos["name"], "CARD-GLYPH", "the share cards cannot draw "+quoteRunes(name)+" of practice.name: they show "+cardReplacement,
			"the pages and the posts show the name as written; write it without them for whole cards"); ok {
			out = append(out, f)
		}
	}
	return out
}

// cardReplacement is how a card shows a character it cannot draw.
const cardReplacement = "\"\uFFFD\" in their place"

// quoteRunes returns runes quoted and joined by commas: "ệ", "ở"; a mark
// that would join the quote before it, or a character without a shape,
// as its code point, such as U+0301.
func quoteRunes(runes []rune) string {
	q := make([]string, len(runes))
	for i, r := range runes {
		if unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc) || !unicode.IsGraphic(r) {
			q[i] = fmt.Sprintf("U+%04X", r)
		} else {
			q[i] = strconv.Quote(string(r))
		}
	}
	return strings.Join(q, ", ")
}
