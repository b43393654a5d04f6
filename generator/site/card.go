package site

import (
	"github.com/faqcast/faqcast/generator/card"
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
