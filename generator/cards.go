package generator

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sync"

	"github.com/faqcast/faqcast/generator/card"
	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/parallel"
)

// cardCache holds drawn cards by a digest of what they show, so a rebuild
// draws only the cards whose question, practice or colours changed.
type cardCache struct {
	mu      sync.Mutex
	painter *card.Painter
	byKey   map[string][]byte
}

// cards draws every published entry's two share cards, in parallel,
// returning them by entry as {wide, square}.
func (g *Generator) cards(ctx context.Context, cfg *config.Config, entries []*entry.Entry) (map[*entry.Entry][2][]byte, error) {
	c := &g.cardCache
	c.mu.Lock()
	if c.painter == nil {
		p, err := card.New()
		if err != nil {
			c.mu.Unlock()
			return nil, err
		}
		c.painter = p
	}
	old := c.byKey
	c.mu.Unlock()

	theme := cfg.CardTheme()
	sizes := [2]card.Size{card.Wide(), card.Square()}
	out := make([][2][]byte, len(entries))
	keys := make([][2]string, len(entries))
	errs := make([]error, len(entries))
	err := parallel.For(ctx, len(entries), func(i int) {
		e := entries[i]
		for k, size := range sizes {
			sum := sha256.Sum256(fmt.Appendf(nil, "%q %q %v %v", e.Title, cfg.Practice.Name, theme, size))
			key := hex.EncodeToString(sum[:])
			keys[i][k] = key
			if data, ok := old[key]; ok {
				out[i][k] = data
				continue
			}
			data, err := c.painter.Draw(e.Title, cfg.Practice.Name, theme, size)
			if err != nil {
				errs[i] = fmt.Errorf("%s: share card: %w", e.Path, err)
				return
			}
			out[i][k] = data
		}
	})
	if err != nil {
		return nil, err
	}
	next := map[string][]byte{}
	done := map[*entry.Entry][2][]byte{}
	for i, e := range entries {
		if errs[i] != nil {
			return nil, errs[i]
		}
		done[e] = out[i]
		next[keys[i][0]], next[keys[i][1]] = out[i][0], out[i][1]
	}
	c.mu.Lock()
	c.byKey = next
	c.mu.Unlock()
	return done, nil
}
