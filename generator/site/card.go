package site

import "github.com/faqcast/faqcast/generator/card"

// Share card file names, beside each entry's page.
const (
	CardName   = "card.png"   // 1200×630: Open Graph, X, Facebook, LinkedIn
	SquareName = "square.png" // 1080×1080: Instagram, and posts without an image
)

// CardAlt is the alt text of an entry's share cards.
func CardAlt(question string) string { return "The question “" + question + "” in large type" }

// ShareImage returns the image that stands for the entry when its page is
// shared: its own image, or else its share card.
func (e *Entry) ShareImage() *Figure {
	if e.Figure != nil {
		return e.Figure
	}
	wide := card.Wide()
	return &Figure{URL: CardName, Permalink: e.Permalink + CardName, Alt: CardAlt(e.Title), Width: wide.Width, Height: wide.Height}
}
