package card_test

import (
	"bytes"
	"fmt"
	"image/png"
	"log"

	"github.com/faqcast/faqcast/generator/card"
)

// Draw an entry's square share card, and tell a card file drawn from the
// same recipe without drawing it again.
func ExamplePainter_Draw() {
	p, err := card.New()
	if err != nil {
		log.Fatal(err)
	}
	question, practice, theme := "When can I get a flu shot?", "Example Clinic", card.DefaultTheme()
	data, err := p.Draw(question, practice, theme, card.Square())
	if err != nil {
		log.Fatal(err)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(cfg.Width, cfg.Height)
	fmt.Println(card.Drawn(data, card.Recipe(question, practice, theme, card.Square())))
	fmt.Println(card.Drawn(data, card.Recipe("Another question?", practice, theme, card.Square())))
	// Output:
	// 1080 1080
	// true
	// false
}
