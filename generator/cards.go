package generator

import (
	"context"
	"fmt"
	"sync/atomic"

	"github.com/faqcast/faqcast/generator/card"
	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/output"
	"github.com/faqcast/faqcast/generator/site"
	"github.com/faqcast/faqcast/internal/memo"
)

// cardVersion is what an entry's share cards are made of besides their
// look: its question, and where they go.
type cardVersion struct {
	title, slug, path string
}

// cardLook returns what every share card shares: the practice's name, the
// colours and the sizes.
func cardLook(cfg *config.Config) string {
	return fmt.Sprintf("%q %v %v %v", cfg.Practice.Name, cfg.CardTheme(), card.Wide(), card.Square())
}

// cardFiles returns e's two share cards, {wide, square}, as files that draw
// themselves with painter when the output needs their bytes, counting each
// drawing in drawn. A card's Key is its [card.Recipe], a digest of what it
// shows, and a card file found that records the same recipe, as one an
// earlier process drew does, is taken as it is.
func cardFiles(painter *card.Painter, cfg *config.Config, e *entry.Entry, drawn *atomic.Int64) [2]output.File {
	theme := cfg.CardTheme()
	sizes := [2]card.Size{card.Wide(), card.Square()}
	names := [2]string{site.CardName, site.SquareName}
	var files [2]output.File
	for k, size := range sizes {
		title, path := e.Title, e.Path
		recipe := card.Recipe(title, cfg.Practice.Name, theme, size)
		files[k] = output.File{
			Path: site.EntryURL(e.Slug) + names[k],
			Key:  recipe,
			Make: func() ([]byte, error) {
				drawn.Add(1)
				data, err := painter.Draw(title, cfg.Practice.Name, theme, size)
				if err != nil {
					return nil, fmt.Errorf("%s: share card: %w", path, err)
				}
				return data, nil
			},
			Same: func(found []byte) bool { return card.Drawn(found, recipe) },
		}
	}
	return files
}

// drawCards returns every published entry's two share cards, {wide,
// square}, in the entries' order, making files again only for entries
// whose question, practice name or colours changed.
func (g *Generator) drawCards(ctx context.Context, in *loaded) ([][2]output.File, error) {
	st := g.state
	cfg, ix := in.cfg, in.index
	item := func(i int) memo.Item[cardVersion] {
		e := ix.Entries[i]
		return memo.Item[cardVersion]{Name: e.Rel, Version: cardVersion{e.Title, e.Slug, e.Path}}
	}
	cards, _, err := st.cards.Map(ctx, cardLook(cfg), len(ix.Entries), item,
		func(int, [2]output.File) bool { return false },
		func(i int) ([2]output.File, error) { return cardFiles(st.painter, cfg, ix.Entries[i], &st.drawn), nil })
	return cards, err
}
