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
	return glyphFinding(nil, s, e.Path, e.Pos["title"], missing, "the share cards cannot draw %s of the title: they show %s",
		"the page and the posts show the title as written; word it without them for whole cards")
}

// cardNameFindings warns, at practice.name and at title, of the
// characters of the practice's name and of the site's title (which its
// home page's card shows) that the share cards cannot draw; and, at the
// message, of those of another language's home page title that the site
// wrote itself as the message site.title, among texts.
func cardNameFindings(s *check.Settings, cfg *config.Config, texts []check.Text, painter *card.Painter) []check.Finding {
	var out []check.Finding
	for _, t := range texts {
		if t.Field == "message site.title" {
			missing, _ := painter.Missing(norm.NFC.String(t.Text), "")
			out = glyphFinding(out, s, t.Path, diag.Pos{Line: t.Line, Col: t.Col}, missing, "the share card cannot draw %s of message site.title ("+t.Lang+"): it shows %s",
				"the pages show the title as written; write it without them for a whole card")
		}
	}
	title, name := painter.Missing(norm.NFC.String(cfg.Title), norm.NFC.String(cfg.Practice.Name))
	out = glyphFinding(out, s, cfg.Path, cfg.Pos["title"], title, "the share cards cannot draw %s of title: they show %s",
		"the pages show the title as written; write it without them for a whole card")
	return glyphFinding(out, s, cfg.Path, cfg.Practice.Pos["name"], name, "the share cards cannot draw %s of practice.name: they show %s",
		"the pages and the posts show the name as written; write it without them for whole cards")
}

// glyphFinding appends to out a CARD-GLYPH finding at path and pos naming
// missing, the characters a card cannot draw, unless there are none:
// format takes them, quoted, and how the card shows them.
func glyphFinding(out []check.Finding, s *check.Settings, path string, pos diag.Pos, missing []rune, format, hint string) []check.Finding {
	if len(missing) == 0 {
		return out
	}
	if f, ok := s.NewFinding(path, pos, "CARD-GLYPH", fmt.Sprintf(format, quoteRunes(missing), cardReplacement), hint); ok {
		out = append(out, f)
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
