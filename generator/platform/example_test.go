package platform_test

import (
	"fmt"

	"github.com/faqcast/faqcast/generator/platform"
)

func ExamplePlatform_Measure() {
	text := "Flu shots are in! Book yours at https://riverbend.support/flu?utm_source=x 💉"
	for _, name := range []string{"x", "bluesky", "mastodon", "threads"} {
		p, _ := platform.Lookup(name)
		m := p.Measure(text, 0)
		fmt.Printf("%s: %d / %d %s, fits: %v\n", p.Name, m.Length, m.Limit, p.Units, m.Fits)
	}
	// Output:
	// x: 58 / 280 weighted characters, fits: true
	// bluesky: 76 / 300 graphemes, fits: true
	// mastodon: 57 / 500 graphemes, fits: true
	// threads: 79 / 500 characters, fits: true
}
