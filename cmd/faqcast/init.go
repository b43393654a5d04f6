package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/scaffold"
)

const initUsage = `Usage: faqcast init [--kind KIND] [--languages LANGS] DIR

Start a new practice site in DIR: a faqcast.yaml with placeholders to
replace, and five starter entries, the top five questions new patients ask,
whose answers are yours to write. The site builds once every placeholder is
replaced and every answer written: faqcast check lists what is left. DIR
must not exist, or hold only hidden files such as a fresh git repository's
.git.

Flags:
  -k, --kind KIND   the kind of practice: medical (the default), dental,
                    behavioral_health, physical_therapy, optometry,
                    pharmacy, chiropractic or other; a dental practice gets
                    the top five questions of new dental patients, a
                    behavioral health practice those of new therapy clients,
                    with pages that speak of clients and give 988, a
                    physical therapy, optometry or chiropractic practice
                    those of its new patients, a pharmacy those of its new
                    customers, and a practice of another kind those any
                    practice that works by appointment is asked
  -l, --languages LANGS
                    the languages the site is written in, the site's own
                    first, separated by commas: en (the default), es, or
                    both; each other language gets the starter entries
                    written in it, as translations, in content/<lang>/;
                    a region, as in es-MX, is kept for the pages

Examples:
  faqcast init riverbend
  faqcast init --kind dental maple-grove-dental
  faqcast init --kind behavioral_health harbor-light-counseling
  faqcast init --languages en,es riverbend
  cd riverbend && faqcast check
  git init clinic && faqcast init clinic
`

func runInit(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("init")
	kind := fs.StringP("kind", "k", "", "")
	langs := fs.StringSliceP("languages", "l", nil, "")
	if err := parseFlags(fs, args, initUsage, stdout); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError(`run "faqcast init DIR", such as "faqcast init riverbend"`, "init takes one folder, got %d arguments", fs.NArg())
	}
	dir := fs.Arg(0)
	if _, ok := config.LookupKind(*kind); *kind != "" && !ok {
		return usageError(config.KindHint(*kind), "--kind %q is not a kind of practice", *kind)
	}
	wrote, err := scaffold.Init(dir, *kind, *langs...)
	if err != nil {
		hint := "choose a new folder, or one with only hidden files such as .git"
		if errors.Is(err, scaffold.ErrLanguage) {
			hint = "name languages faqcast starts sites in, such as --languages en,es"
		}
		return usageError(hint, "cannot start a site: %v", err)
	}
	for _, f := range wrote {
		fmt.Fprintf(stdout, "created %s\n", filepath.Join(dir, filepath.FromSlash(f)))
	}
	fmt.Fprintf(stdout, "\nNext: replace the placeholders in %s and write your own answers in\n"+
		"%s (faqcast check lists what is left), then run:\n  cd %s && faqcast build\n",
		filepath.Join(dir, "faqcast.yaml"), filepath.Join(dir, "content"), dir)
	return nil
}
