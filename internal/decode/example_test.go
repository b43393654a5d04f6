package decode_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/faqcast/faqcast/internal/decode"
	"github.com/faqcast/faqcast/internal/diag"
)

func ExampleYAML() {
	type Page struct {
		Title     string           `yaml:"title"`
		Summary   string           `yaml:"summary" alias:"description"`
		PublishOn time.Time        `yaml:"publish_on" alias:"publishDate"`
		Tags      []string         `yaml:"tags"`
		Draft     bool             `yaml:"draft"`
		Pos       decode.Positions `yaml:"-"`
	}
	// The front matter of a Markdown file, which starts on line 2, after
	// the opening "---".
	src := []byte(`title: Flu shots
description: Who should get one this year
publishDate: 2026-12-07
tags: vaccines
draft: maybe
titel: Flu shots
`)
	var p Page
	err := decode.YAML("content/faq/flu.md", src, 2, &p)
	fmt.Printf("%s, published %s, title on line %d\n", p.Summary, p.PublishOn.Format(time.DateOnly), p.Pos["title"].Line)
	for _, e := range diag.Flatten(err) {
		fmt.Println(e)
		var de *diag.Error
		if errors.As(e, &de) && de.Hint != "" {
			fmt.Println("\t" + de.Hint)
		}
	}
	// Output:
	// Who should get one this year, published 2026-12-07, title on line 2
	// content/faq/flu.md:5:7: tags: expected a list, found a string
	// 	write it as [a, b] or one "- item" per line
	// content/faq/flu.md:6:8: draft: expected true or false, found "maybe"
	// 	write true or false, without quotes
	// content/faq/flu.md:7:1: unknown key "titel"
	// 	did you mean "title"?
}
