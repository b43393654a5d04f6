package generator_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/faqcast/faqcast/generator"
)

// Build a one-entry site, then show how problems are reported.
func ExampleGenerator_Build() {
	dir, err := os.MkdirTemp("", "faqcast-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	write := func(name, text string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			log.Fatal(err)
		}
	}
	write("faqcast.yaml", `base_url: https://clinic.example/
practice: {name: Example Clinic, phone: "(555) 010-0123"}
staff:
  - {id: ana, name: Ana Lopez, credentials: MD, role: physician, hipaa_trained: true}
`)
	write("content/first-visit.md", `---
title: What should I bring to my first visit?
summary: Bring a photo ID, your insurance card and a list of your medicines.
rank: 1
tags: [first visit]
reviewed_by: ana
reviewed_on: 2026-11-02
sources:
  - {title: Talking With Your Doctor, url: "https://medlineplus.gov/talkingwithyourdoctor.html"}
---

## What to bring

- A photo ID
- Your insurance card
`)

	g := &generator.Generator{
		Source: dir,
		Dest:   filepath.Join(dir, "public"),
	}
	// Build as of 1 December 2026: entries publish from their publish_on
	// date as of then.
	change := generator.Change{Now: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}
	res, err := g.Build(context.Background(), change)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d entry, %d pages, %d files written\n", res.Entries, res.Pages, res.Written)

	// A typo in the front matter: the build reports it and writes nothing.
	write("content/first-visit.md", "---\ntitle: What should I bring?\nsumary: typo\n---\n")
	_, err = g.Build(context.Background(), change)
	for _, e := range generator.Errors(err) {
		var d *generator.Error
		if !errors.As(e, &d) {
			log.Fatal(e)
		}
		rel, _ := filepath.Rel(dir, d.Path)
		fmt.Printf("%s:%s: %v (hint: %s)\n", filepath.ToSlash(rel), d.Pos, d.Err, d.Hint)
	}
	// Output:
	// 1 entry, 9 pages, 24 files written
	// content/first-visit.md:3:1: unknown key "sumary" (hint: did you mean "summary"?)
}
