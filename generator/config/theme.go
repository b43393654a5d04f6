package config

import (
	"fmt"
	"image/color"

	"github.com/faqcast/faqcast/generator/card"
	"github.com/faqcast/faqcast/internal/decode"
	"github.com/faqcast/faqcast/internal/diag"
)

// Theme sets the practice's colours on its share cards, under theme: in
// faqcast.yaml, as "#rrggbb".
type Theme struct {
	Primary    string `yaml:"primary"`
	Background string `yaml:"background"`

	Pos decode.Positions `yaml:"-"`
}

// CardTheme returns the share cards' colours: the theme's, or faqcast's
// own where it sets none.
func (c *Config) CardTheme() card.Theme {
	t := card.DefaultTheme()
	if p, err := card.ParseHex(c.Theme.Primary); err == nil {
		t.Primary = p
	}
	if b, err := card.ParseHex(c.Theme.Background); err == nil {
		t.Background = b
	}
	return t
}

// checkTheme validates theme:: colours must parse, and the primary colour
// must stand out from the background as text does (4.5:1), since the cards
// draw the question in it.
func (c *Config) checkTheme(bad func(pos diag.Pos, hint, format string, args ...any), at func(p decode.Positions, key string, def ...diag.Pos) diag.Pos) {
	th := &c.Theme
	top := at(c.Pos, "theme")
	ok := true
	for _, f := range []struct{ key, v string }{{"primary", th.Primary}, {"background", th.Background}} {
		if f.v == "" {
			continue
		}
		if _, err := card.ParseHex(f.v); err != nil {
			bad(at(th.Pos, f.key, top), `write a colour as "#0b5cad"`, "theme.%s %q is not a colour", f.key, f.v)
			ok = false
		}
	}
	if !ok {
		return
	}
	t := c.CardTheme()
	if r := card.Contrast(opaque(t.Primary), opaque(t.Background)); r < card.MinContrast {
		bad(at(th.Pos, "primary", top), fmt.Sprintf("pick colours with a contrast of at least %.1f:1 (WCAG 2.1 AA), such as a darker primary", card.MinContrast),
			"theme: primary on background has a contrast of %.2f:1", r)
	}
}

func opaque(c color.RGBA) color.RGBA { c.A = 255; return c }
