package site

import (
	"github.com/faqcast/faqcast/generator/card"
	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/locale"
)

// Share card file names, beside each entry's page.
const (
	CardName   = "card.png"   // 1200×630: Open Graph, X, Facebook, LinkedIn
	SquareName = "square.png" // 1080×1080: Instagram, and posts without an image
)

// CardAlt is the alt text of an entry's share cards, in the language of
// loc, the entry's: the message card.alt.
func CardAlt(loc *locale.Locale, question string) string {
	return loc.Fixed("card.alt", "question", question)
}

// ShareImage returns the image that stands for the entry when its page is
// shared: its own image, or else its share card.
func (e *Entry) ShareImage() *Figure {
	if e.Figure != nil {
		return e.Figure
	}
	wide := card.Wide()
	return &Figure{URL: CardName, Permalink: e.Permalink + CardName, Alt: CardAlt(e.words(), e.Title), Width: wide.Width, Height: wide.Height}
}

// words returns the messages of the entry's language, or nil for an entry
// made outside a site's model.
func (e *Entry) words() *locale.Locale {
	if e.Home == nil {
		return nil
	}
	return e.Home.loc
}

// HomeCard returns where the share card of the home page of the language
// lang goes, and the title it shows: the home page's heading (see
// [Language.Title]), the config's title in the site's own language, else
// the message site.title of loc, lang's messages. The home, topic and
// link pages of the language show it when shared.
func HomeCard(cfg *config.Config, loc *locale.Locale, lang string) (path, title string) {
	dir := cfg.LanguageDir(lang)
	if dir != "" {
		dir += "/"
	}
	return dir + CardName, homeTitle(cfg, loc, dir == "")
}

// homeTitle returns the heading of a language's home page: the config's
// title in the site's own language, if it has one, else the message
// site.title.
func homeTitle(cfg *config.Config, loc *locale.Locale, own bool) string {
	if own && cfg.Title != "" {
		return cfg.Title
	}
	if loc == nil {
		return ""
	}
	return loc.Fixed("site.title")
}

// ShareImage returns the share card of the language's home page, which
// its home, topic and link pages show when shared (see [HomeCard]).
func (l *Language) ShareImage(practice string) *Figure {
	wide := card.Wide()
	return &Figure{URL: l.URL + CardName, Permalink: l.Permalink + CardName, Alt: l.Title + " · " + practice, Width: wide.Width, Height: wide.Height}
}
