package main

import (
	"context"
	"fmt"
	"io"

	"github.com/faqcast/faqcast/generator/scaffold"
)

const newUsage = `Usage: faqcast new "Question?" [--source DIR]

Add a new FAQ entry for a patient's question: a draft Markdown file in the
site's content/ folder with every front matter key in place. Its file name
comes from the question and never overwrites an existing entry.

Flags:
  -s, --source DIR   the site's folder (default ".")

Examples:
  faqcast new "Do you offer flu shots?"
  faqcast new --source riverbend "How do I get my lab results?"
`

func runNew(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("new")
	source := fs.StringP("source", "s", ".", "")
	if err := parseFlags(fs, args, newUsage, stdout); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError(`quote the question: faqcast new "Do you offer flu shots?"`, "new takes one question, got %d arguments", fs.NArg())
	}
	path, err := scaffold.NewEntry(ctx, *source, fs.Arg(0))
	if err != nil {
		return usageError(`write the question as patients ask it, such as "Do you offer flu shots?"`, "cannot add the entry: %v", err)
	}
	fmt.Fprintf(stdout, "created %s\nIt is a draft: write the answer, then remove the draft: true line.\n", path)
	return nil
}
