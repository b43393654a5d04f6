package site_test

import (
	"context"
	"fmt"
	"log"

	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/site"
	"github.com/faqcast/faqcast/templates"
)

// Render the website of a practice with one entry: its home page, the
// entry's page, a page for its topic, a 404 page, the sitemap, the feed,
// robots.txt and the style sheet.
func ExampleRender() {
	cfg, err := config.Parse("faqcast.yaml", []byte(`base_url: https://clinic.example/
practice: {name: Example Clinic, phone: "(555) 010-0123"}
`))
	if err != nil {
		log.Fatal(err)
	}
	e, err := entry.Parse("content/first-visit.md", "first-visit.md", []byte(`---
title: What should I bring to my first visit?
summary: Bring a photo ID, your insurance card and a list of your medicines.
tags: [first visit]
---
`))
	if err != nil {
		log.Fatal(err)
	}
	theme, err := site.LoadTheme(templates.FS, "templates")
	if err != nil {
		log.Fatal(err)
	}
	files, err := site.Render(context.Background(), site.Options{
		Config:  cfg,
		Entries: []*entry.Entry{e},
		Bodies:  []string{"<p>A photo ID and your insurance card.</p>"},
		Theme:   theme,
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range files {
		fmt.Println(f.Path)
	}
	// Output:
	// 404.html
	// faq/first-visit/index.html
	// feed.xml
	// index.html
	// robots.txt
	// sitemap.xml
	// style.css
	// topics/first-visit/index.html
}
