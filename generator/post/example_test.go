package post_test

import (
	"fmt"
	"log"

	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/locale"
	"github.com/faqcast/faqcast/generator/post"
	"github.com/faqcast/faqcast/generator/site"
	"github.com/faqcast/faqcast/templates"
)

// Compose an entry's posts for two platforms, each fitted to its limit and
// counted the platform's way.
func ExampleComposer_Compose() {
	cfg, err := config.Parse("faqcast.yaml", []byte(`base_url: https://clinic.support/
practice: {name: Example Clinic, phone: "(555) 010-0123"}
platforms:
  x: {hashtags: 1}
  facebook: {}
  instagram: {enabled: false}
  linkedin: {enabled: false}
  threads: {enabled: false}
  bluesky: {enabled: false}
  mastodon: {enabled: false}
  gbp: {enabled: false}
`))
	if err != nil {
		log.Fatal(err)
	}
	theme, err := site.LoadTheme(templates.FS, "templates")
	if err != nil {
		log.Fatal(err)
	}
	e, err := entry.Parse("content/flu-shots.md", "flu-shots.md", []byte(`---
title: When can I get a flu shot?
summary: Flu shots are available at every visit from September to March, no appointment needed.
hashtags: [FluSeason]
---
`))
	if err != nil {
		log.Fatal(err)
	}
	cat, err := locale.Load(locale.Sources{Default: templates.FS}, site.Uses(cfg, []*entry.Entry{e}))
	if err != nil {
		log.Fatal(err)
	}
	c := &post.Composer{Config: cfg, Catalog: cat, Execute: func(name string, d *post.Data) (string, error) { return theme.ExecutePost(name, d) }}
	page := cfg.BaseURL + cfg.EntryURL(e.Slug)
	variants, err := c.Compose(e, page, []post.Media{{Src: page + site.SquareName, Alt: site.CardAlt(cat.Locale("en"), e.Title)}})
	if err != nil {
		log.Fatal(err)
	}
	for _, v := range variants {
		fmt.Printf("%s, %d of %d:\n%s\n\n", v.Platform, v.Length, v.Limit, v.Text)
	}
	// Output:
	// facebook, 298 of 63206:
	// When can I get a flu shot?
	//
	// Flu shots are available at every visit from September to March, no appointment needed.
	//
	// Read more from our care team: https://clinic.support/faq/flu-shots/?utm_campaign=flu-shots&utm_medium=social&utm_source=facebook
	//
	// General information, not medical advice.
	//
	// #FluSeason
	//
	// x, 161 of 280:
	// When can I get a flu shot? Flu shots are available at every visit from September to March, no appointment needed.
	//
	// Read more: https://clinic.support/faq/flu-shots/?utm_campaign=flu-shots&utm_medium=social&utm_source=x
	//
	// #FluSeason
}
