package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/faqcast/faqcast/generator"
	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/scaffold"
)

const newUsage = `Usage: faqcast new "Question?" [--source DIR]

Add a new FAQ entry for a patient's question: a draft Markdown file in the
site's content/ folder with the front matter keys most entries use, and
notes in the site's language (Spanish or English). Its file name comes
from the question and never overwrites an existing entry; a question an
entry already asks is refused, and so is a folder without faqcast.yaml.

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
	// Not a site's folder, such as a new terminal's home: no content/ is
	// made there.
	cfg := filepath.Join(*source, config.FileName)
	if _, err := os.Stat(cfg); errors.Is(err, os.ErrNotExist) {
		dir := filepath.ToSlash(filepath.Clean(*source))
		if dir == "." {
			dir = "this folder"
		}
		return usageError("run it in the site's folder, or pass --source with it; 'faqcast init DIR' starts a site",
			"%s: no config file, so %s is not a site's folder", filepath.ToSlash(cfg), dir)
	}
	path, err := scaffold.NewEntry(ctx, *source, fs.Arg(0))
	var asked *generator.Error
	if errors.As(err, &asked) {
		return usageError(asked.Hint, "%v", asked)
	}
	if err != nil {
		return usageError(`write the question as patients ask it, such as "Do you offer flu shots?"`, "cannot add the entry: %v", err)
	}
	fmt.Fprintf(stdout, "created %s\nIt is a draft: write the answer, then remove the draft: true line.\n", path)
	return nil
}
