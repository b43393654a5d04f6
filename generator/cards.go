package generator

import (
	"context"
	"fmt"

	"golang.org/x/text/unicode/norm"

	"github.com/faqcast/faqcast/generator/card"
	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/locale"
	"github.com/faqcast/faqcast/generator/output"
	"github.com/faqcast/faqcast/generator/site"
	"github.com/faqcast/faqcast/internal/memo"
)

// cardLook returns what every share card shares: the practice's name, the
// colours and the sizes.
func cardLook(cfg *config.Config) string {
	return fmt.Sprintf("%q %v %v %v", cfg.Practice.Name, cfg.CardTheme(), card.Wide(), card.Square())
}

// A cardFile is a share card's file, and what it shows, for the maker to
// draw it if the writer needs its bytes. Its Key is its [card.Recipe], a
// digest of what it shows.
type cardFile struct {
	file               output.File
	question, practice string
	theme              card.Theme
	size               card.Size
	source             string // the entry's file, for errors
}

// cardFiles returns e's two share cards, {wide, square}, undrawn.
func cardFiles(cfg *config.Config, e *entry.Entry) [2]cardFile {
	theme := cfg.CardTheme()
	sizes := [2]card.Size{card.Wide(), card.Square()}
	names := [2]string{site.CardName, site.SquareName}
	// In NFC, so that a letter and its accent written apart are drawn
	// as the one letter the fonts have.
	question, practice := norm.NFC.String(e.Title), norm.NFC.String(cfg.Practice.Name)
	var files [2]cardFile
	for k, size := range sizes {
		files[k] = cardFile{
			file:     output.File{Path: cfg.EntryURLIn(e.Slug, e.Lang) + names[k], Key: card.Recipe(question, practice, theme, size)},
			question: question, practice: practice, theme: theme, size: size, source: e.Path,
		}
	}
	return files
}

// homeCards returns the share card of the home page of each of langs,
// the languages of the site (see [site.HomeCard]), undrawn: its title and
// the practice's name, wide, in the cards' colours.
func homeCards(cfg *config.Config, cat *locale.Catalog, langs []string) []cardFile {
	theme, wide := cfg.CardTheme(), card.Wide()
	practice := norm.NFC.String(cfg.Practice.Name)
	files := make([]cardFile, len(langs))
	for i, lang := range langs {
		path, title := site.HomeCard(cfg, cat.Locale(lang), lang)
		title = norm.NFC.String(title)
		files[i] = cardFile{
			file:     output.File{Path: path, Key: card.Recipe(title, practice, theme, wide)},
			question: title, practice: practice, theme: theme, size: wide, source: cfg.Path,
		}
	}
	return files
}

// drawCards returns every published entry's two share cards, {wide,
// square}, in the entries' order, to be drawn by the maker when written,
// making them again only for entries whose question, practice name or
// colours changed.
func (g *Generator) drawCards(ctx context.Context, in *loaded) ([][2]cardFile, error) {
	st := g.state
	cfg, ix := in.cfg, in.index
	// An entry's cards are made of its front matter (its question, and
	// its slug, where they go) besides their look.
	item := func(i int) memo.Item[string] {
		v := ix.Versions[i]
		return memo.Item[string]{Name: v.Rel, Version: v.MetaHash}
	}
	// Besides their look, where entries' pages, which the cards go
	// beside, are.
	scope := cardLook(cfg) + "\x00" + cfg.EntriesDir()
	cards, _, err := st.cards.Map(ctx, scope, len(ix.Entries), item,
		func(int, [2]cardFile) bool { return false },
		func(i int) ([2]cardFile, error) { return cardFiles(cfg, ix.Entries[i]), nil })
	return cards, err
}
