package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/faqcast/faqcast/generator"
	"github.com/faqcast/faqcast/generator/check"
	"github.com/faqcast/faqcast/generator/platform"
	"github.com/faqcast/faqcast/internal/diag"
	"github.com/spf13/pflag"
)

// Exit codes.
const (
	exitOK      = 0
	exitContent = 1 // the site's input has problems
	exitUsage   = 2 // the command line is wrong
)

const usage = `faqcast turns a practice's patient questions into an education website.

Usage:
  faqcast <command> [flags] [arguments]

Commands:
  build     build the site into public/
  cache     show or clean the cache of cards, posts, findings and pages
  check     check entries for patient information, advice and readability
  init      start a new practice site
  measure   measure a post's text by a platform's rules
  messages  print the messages pages and posts are written with, by language
  new       add a new FAQ entry
  queue     list the scheduled posts
  reply     find the reply to paste under a comment
  serve     serve the site locally, rebuilding and reloading on every save
  version   print the version

Run "faqcast <command> --help" for a command's flags and examples.

Examples:
  faqcast init riverbend && cd riverbend
  faqcast new "What should I bring to my first visit?"
  faqcast build
  faqcast serve
  faqcast reply "Do you take Aetna?"
  echo "Flu shots are in: https://riverbend.example/" | faqcast measure --platform x
`

// A command is one subcommand of faqcast.
type command struct {
	name string
	run  func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

var commands = []command{
	{"build", runBuild},
	{"cache", runCache},
	{"check", runCheck},
	{"init", runInit},
	{"measure", runMeasure},
	{"messages", runMessages},
	{"new", runNew},
	{"queue", runQueue},
	{"reply", runReply},
	{"serve", runServe},
	{"version", runVersion},
}

// run runs faqcast with args (without the program name) and returns the
// exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return exitOK
	case "-v", "--version":
		args = []string{"version"}
	}
	for _, c := range commands {
		if c.name == args[0] {
			return report(stderr, c.run(ctx, args[1:], stdout, stderr))
		}
	}
	names := make([]string, len(commands))
	for i, c := range commands {
		names[i] = c.name
	}
	hint := `run "faqcast --help" for the list of commands`
	if s := diag.Suggest(args[0], names); s != "" {
		hint = fmt.Sprintf("did you mean %q?", s)
	}
	return report(stderr, usageError(hint, "unknown command %q", args[0]))
}

// A usageErr is a mistake on the command line.
type usageErr struct {
	err  error
	hint string
}

func (e *usageErr) Error() string { return e.err.Error() }
func (e *usageErr) Unwrap() error { return e.err }

// checkPlatform returns a usage error unless name names a platform.
func checkPlatform(name string) error {
	if _, ok := platform.Lookup(name); ok {
		return nil
	}
	hint := "name one of: " + strings.Join(platform.Names(), ", ")
	if s := diag.Suggest(name, platform.Names()); s != "" {
		hint = fmt.Sprintf("did you mean %q?", s)
	}
	return usageError(hint, "unknown platform %q", name)
}

func usageError(hint, format string, args ...any) error {
	return &usageErr{err: fmt.Errorf(format, args...), hint: hint}
}

// errFailed reports that a command failed and has already said why:
// exit 1 with nothing more to print.
var errFailed = errors.New("failed")

// errHelp reports that help was printed: exit 0 with nothing more to say.
var errHelp = errors.New("help requested")

// report prints err as "faqcast: error:" and "faqcast: hint:" lines and
// returns the exit code it calls for.
func report(stderr io.Writer, err error) int {
	switch {
	case err == nil || errors.Is(err, errHelp):
		return exitOK
	case errors.Is(err, errFailed):
		return exitContent
	}
	if ue, ok := err.(*usageErr); ok {
		fmt.Fprintf(stderr, "faqcast: error: %v\n", ue.err)
		if ue.hint != "" {
			fmt.Fprintf(stderr, "faqcast: hint: %s\n", ue.hint)
		}
		return exitUsage
	}
	printErrors(stderr, err)
	return exitContent
}

// printWarnings prints the checks' warnings and notes after a build.
func printWarnings(stderr io.Writer, res *generator.Result) {
	printNewWarnings(stderr, res, nil)
}

// printNewWarnings prints the checks' warnings and notes after a build,
// but those in told, and returns the set of all of them, each as its two
// lines, for the next build to leave out; told when res is nil.
func printNewWarnings(stderr io.Writer, res *generator.Result, told map[string]bool) map[string]bool {
	if res == nil {
		return told
	}
	all := map[string]bool{}
	for _, f := range res.Findings {
		if f.Severity == check.Error {
			continue
		}
		text := fmt.Sprintf("faqcast: %s: %v\n", f.Severity, f.Diag())
		if f.Hint != "" {
			text += fmt.Sprintf("faqcast: hint: %s\n", f.Hint)
		}
		all[text] = true
		if !told[text] {
			io.WriteString(stderr, text)
		}
	}
	return all
}

// printCacheErr prints, as a warning, why a build could not use its
// cache, or keep everything in it: the build went on without it.
func printCacheErr(stderr io.Writer, res *generator.Result) {
	if res == nil || res.CacheErr == nil {
		return
	}
	fmt.Fprintf(stderr, "faqcast: warning: %v\n", res.CacheErr)
	fmt.Fprintln(stderr, "faqcast: hint: give FAQCAST_CACHE or --cache-dir a folder faqcast may write, outside the output folder, on a disk with room, or use --no-cache")
}

// printErrors prints every problem in err as "faqcast: error:" and
// "faqcast: hint:" lines, and how many there were.
func printErrors(stderr io.Writer, err error) {
	errs := generator.Errors(err)
	for _, e := range errs {
		fmt.Fprintf(stderr, "faqcast: error: %v\n", e)
		var de *generator.Error
		if errors.As(e, &de) && de.Hint != "" {
			fmt.Fprintf(stderr, "faqcast: hint: %s\n", de.Hint)
		}
	}
	if len(errs) > 1 {
		fmt.Fprintf(stderr, "faqcast: %d problems\n", len(errs))
	}
}

// newFlags returns a flag set for a subcommand. It prints nothing itself:
// [parseFlags] prints the command's hand-written help and reports mistakes.
// cacheFlagsUsage is the usage of the flags cacheFlags adds, for the
// commands that build.
const cacheFlagsUsage = `      --cache-dir DIR
                     keep cards, answers, posts, findings and pages
                     between builds in DIR (default $FAQCAST_CACHE, else
                     faqcast in the user's cache folder; see "faqcast
                     cache")
      --no-cache     make every card, answer, post, finding and page,
                     keeping none
`

// cacheFlags adds --cache-dir and --no-cache to fs, and returns the
// function that gives the cache's folder they name: --cache-dir, else
// $FAQCAST_CACHE, else faqcast in the user's cache folder; "" with
// --no-cache.
func cacheFlags(fs *pflag.FlagSet) func() string {
	dir := fs.String("cache-dir", "", "")
	off := fs.Bool("no-cache", false, "")
	return func() string {
		switch {
		case *off:
			return ""
		case *dir != "":
			return *dir
		}
		return generator.DefaultCacheDir()
	}
}

func newFlags(name string) *pflag.FlagSet {
	fs := pflag.NewFlagSet("faqcast "+name, pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parseFlags parses args, printing help for -h/--help.
func parseFlags(fs *pflag.FlagSet, args []string, help string, stdout io.Writer) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			fmt.Fprint(stdout, help)
			return errHelp
		}
		return usageError(fmt.Sprintf("run %q for usage", fs.Name()+" --help"), "%s", strings.TrimPrefix(err.Error(), "pflag: "))
	}
	return nil
}

// checkDest refuses, as a usage error, an output folder that no save could
// make right, for the commands that build on every save.
func checkDest(g *generator.Generator) error {
	var de *generator.Error
	if err := g.CheckDest(); errors.As(err, &de) {
		return usageError(de.Hint, "%v", de)
	} else if err != nil {
		return err
	}
	return nil
}
