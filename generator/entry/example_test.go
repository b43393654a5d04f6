package entry_test

import (
	"fmt"
	"log"

	"github.com/faqcast/faqcast/generator/entry"
)

// Read one FAQ entry: a question and its answer, with front matter.
func ExampleParse() {
	e, err := entry.Parse("content/first-visit.md", "first-visit.md", []byte(`---
title: What should I bring to my first visit?
summary: Bring a photo ID, your insurance card and a list of your medicines.
tags: [first visit]
---

Bring a photo ID and your insurance card.
`))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s (%s) %v, answer from line %d\n", e.Title, e.Slug, e.Tags, e.BodyLine)

	_, err = entry.Parse("content/typo.md", "typo.md", []byte("---\ntitle: What should I bring?\nsumary: typo\n---\n"))
	fmt.Println(err)
	// Output:
	// What should I bring to my first visit? (first-visit) [first visit], answer from line 6
	// content/typo.md:3:1: unknown key "sumary"
}
