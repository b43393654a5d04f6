package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"golang.org/x/text/language"

	"github.com/faqcast/faqcast/generator"
	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/scaffold"
)

const newUsage = `Usage: faqcast new "Question?" [--source DIR] [--lang LANG]

Add a new FAQ entry for a patient's question: a draft Markdown file in the
site's content/ folder with the front matter keys most entries use, and
notes in the site's language (Spanish or English). Its file name comes
from the question and never overwrites an existing entry; a question an
entry already asks is refused, and so is a folder without faqcast.yaml.

Flags:
  -s, --source DIR   the site's folder (default ".")
  -l, --lang LANG    the language the question is in, when it is not the
                     site's: the entry says lang: LANG, its notes are in
                     that language (Spanish or English), and it goes in
                     content/LANG/ (lower case); a language without a
                     region, such as es, takes the region of the site's
                     language or of its entries in it, such as es-MX

Examples:
  faqcast new "Do you offer flu shots?"
  faqcast new --source riverbend "How do I get my lab results?"
  faqcast new --lang es "¿Cómo pago mi factura?"
`

func runNew(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("new")
	source := fs.StringP("source", "s", ".", "")
	lang := fs.StringP("lang", "l", "", "")
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
	if *lang != "" {
		if _, err := language.Parse(*lang); err != nil {
			return usageError("give a language tag, such as es or es-MX", "--lang %q is not a language tag", *lang)
		}
	}
	path, err := scaffold.NewEntryIn(ctx, *source, fs.Arg(0), *lang)
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
