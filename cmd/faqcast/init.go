package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"

	"github.com/faqcast/faqcast/generator/scaffold"
)

const initUsage = `Usage: faqcast init DIR

Start a new practice site in DIR: a faqcast.yaml with placeholders to
replace, and five starter entries, the top five questions new patients ask.
The new site builds at once. DIR must not exist, or hold only hidden files
such as a fresh git repository's .git.

Examples:
  faqcast init riverbend
  cd riverbend && faqcast build
  git init clinic && faqcast init clinic
`

func runInit(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("init")
	if err := parseFlags(fs, args, initUsage, stdout); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError(`run "faqcast init DIR", such as "faqcast init riverbend"`, "init takes one folder, got %d arguments", fs.NArg())
	}
	dir := fs.Arg(0)
	wrote, err := scaffold.Init(dir)
	if err != nil {
		return usageError("choose a new folder, or one with only hidden files such as .git", "cannot start a site: %v", err)
	}
	for _, f := range wrote {
		fmt.Fprintf(stdout, "created %s\n", filepath.Join(dir, filepath.FromSlash(f)))
	}
	fmt.Fprintf(stdout, "\nNext: replace the placeholders in %s and write your own answers in\n"+
		"%s (faqcast check lists what is left), then run:\n  cd %s && faqcast build\n",
		filepath.Join(dir, "faqcast.yaml"), filepath.Join(dir, "content"), dir)
	return nil
}
