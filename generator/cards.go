package generator

import (
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/faqcast/faqcast/generator/card"
	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/output"
	"github.com/faqcast/faqcast/generator/site"
)

// cardPainter holds the painter, made once: it caches glyphs for every card
// it draws; and the last build's card files.
type cardPainter struct {
	mu      sync.Mutex
	painter *card.Painter
	files   map[string]*cardFiles // by entry Rel
	// The last build's cards, and what they were made of.
	front *entry.Front
	look  [2]string
	done  [][2]output.File
	drawn atomic.Int64 // cards drawn, ever
}

// cardFiles are an entry's card files, the same while the entry and the
// look of the cards are.
type cardFiles struct {
	entry *entry.Entry
	look  [2]string
	files [2]output.File
}

// cards returns every published entry's two share cards, {wide, square},
// in the entries' order, as files that draw themselves when the output
// needs their bytes. A card's Key is its [card.Recipe], a digest of what it
// shows, so a rebuild draws only the cards whose question, practice or
// colours changed (or whose files changed on disk); and a card file that
// records the same recipe, as one an earlier process drew does, is taken as
// it is.
func (g *Generator) cards(cfg *config.Config, ix *entry.Index) ([][2]output.File, error) {
	entries := ix.Entries
	c := &g.cardPainter
	c.mu.Lock()
	if c.painter == nil {
		p, err := card.New()
		if err != nil {
			c.mu.Unlock()
			return nil, err
		}
		c.painter = p
	}
	painter, old := c.painter, c.files
	front, lastLook, last := c.front, c.look, c.done
	c.mu.Unlock()

	theme := cfg.CardTheme()
	sizes := [2]card.Size{card.Wide(), card.Square()}
	names := [2]string{site.CardName, site.SquareName}
	var look [2]string // what every card of a size shares
	for k, size := range sizes {
		look[k] = fmt.Sprintf("%q %v %v", cfg.Practice.Name, theme, size)
	}
	if front == ix.Front() && lastLook == look {
		return last, nil // the same entries and titles, and the same look
	}
	done := make([][2]output.File, len(entries))
	next := make(map[string]*cardFiles, len(entries))
	for i, e := range entries {
		if c := old[e.Rel]; c != nil && c.entry == e && c.look == look {
			done[i], next[e.Rel] = c.files, c
			continue
		}
		var files [2]output.File
		for k, size := range sizes {
			title, path := e.Title, e.Path
			recipe := card.Recipe(title, cfg.Practice.Name, theme, size)
			files[k] = output.File{
				Path: site.EntryURL(e.Slug) + names[k],
				Key:  recipe,
				Make: func() ([]byte, error) {
					c.drawn.Add(1)
					data, err := painter.Draw(title, cfg.Practice.Name, theme, size)
					if err != nil {
						return nil, fmt.Errorf("%s: share card: %w", path, err)
					}
					return data, nil
				},
				Same: func(found []byte) bool { return card.Drawn(found, recipe) },
			}
		}
		done[i], next[e.Rel] = files, &cardFiles{entry: e, look: look, files: files}
	}
	c.mu.Lock()
	c.files, c.front, c.look, c.done = next, ix.Front(), look, done
	c.mu.Unlock()
	return done, nil
}
