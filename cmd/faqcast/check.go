package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/faqcast/faqcast/generator"
	"github.com/faqcast/faqcast/generator/check"
)

const checkUsage = `Usage: faqcast check [--source DIR] [--format text|json|github]
                     [--cache-dir DIR | --no-cache]

Check every entry, drafts included, before anything is published: patient
information (HIPAA Safe Harbor identifiers), individual medical advice and
claims, medical review, readability, and every generated post and page.
'faqcast build' and 'faqcast serve' run the same checks: an error stops the
build. A link from a published entry to a draft is an error here, as it is
in a build without --drafts.

Each problem is one line, path:line:col: error|warning|note RULE-ID: message,
with a hint. A line a clinician has reviewed can be allowed with a comment on
the line before it, which needs a reason:
  <!-- faqcast:allow PHI-DATE the clinic opened on 2001-05-01 -->

Flags:
  -s, --source DIR   the site's folder (default ".")
  -f, --format FORMAT
                     text (default), json, or github (annotations for a
                     pull request's files in GitHub Actions)
` + cacheFlagsUsage + `
Environment:
  FAQCAST_CACHE      the cache's folder (see --cache-dir), which check and
                     build share: what the checks found in an entry and its
                     posts is looked at again only when they change

Exit status: 0 no errors (warnings may remain), 1 errors, 2 usage error.

Examples:
  faqcast check
  faqcast check --format json > findings.json
  faqcast check --format github
`

// finding is a finding as check --format json prints it.
type finding struct {
	Path     string `json:"path"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"`
	Rule     string `json:"rule"`
	Message  string `json:"message"`
	Hint     string `json:"hint,omitempty"`
}

type score struct {
	Path string `json:"path"`
	// Grade and Ease score English answers; Inflesz, Spanish ones; an
	// answer in another language has only its language.
	Grade   *float64 `json:"grade,omitempty"`
	Ease    *float64 `json:"ease,omitempty"`
	Lang    string   `json:"lang,omitempty"`
	Inflesz *float64 `json:"inflesz,omitempty"`
	text    string
}

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("check")
	source := fs.StringP("source", "s", ".", "")
	format := fs.StringP("format", "f", "text", "")
	cacheDir := cacheFlags(fs)
	if err := parseFlags(fs, args, checkUsage, stdout); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError(`name the site's folder with --source`, "unexpected argument %q", fs.Arg(0))
	}
	if !slices.Contains([]string{"text", "json", "github"}, *format) {
		return usageError("use text, json or github", "--format %q is not a format", *format)
	}
	g := &generator.Generator{Source: *source, Drafts: true, AsPublished: true, NoWrite: true, CacheDir: cacheDir()}
	oneShot(g)
	now, err := buildTime(g)
	if err != nil {
		return err
	}
	res, err := g.Build(ctx, generator.Change{Now: now})
	printCacheErr(stderr, res)
	var all []finding
	errorsFound := false
	if res != nil {
		for _, f := range res.Findings {
			all = append(all, finding{f.Path, f.Pos.Line, f.Pos.Col, f.Severity.String(), f.Rule, f.Message, f.Hint})
			errorsFound = errorsFound || f.Severity == check.Error
		}
	}
	if err != nil && (res == nil || len(res.Findings) == 0) {
		// The site does not build: its input errors are the findings.
		for _, e := range generator.Errors(err) {
			f := finding{Severity: "error", Rule: "INPUT", Message: e.Error()}
			var de *generator.Error
			if errors.As(e, &de) {
				f.Path, f.Line, f.Col, f.Message, f.Hint = de.Path, de.Line, de.Col, de.Err.Error(), de.Hint
			}
			all = append(all, f)
		}
		errorsFound = true
	}
	var scores []score
	if res != nil {
		for _, p := range slices.Sorted(maps.Keys(res.Scores)) {
			s := res.Scores[p]
			sc := score{Path: p, Lang: s.Lang, text: s.String()}
			switch s.Lang {
			case "":
				g, e := round1(s.Grade), round1(s.Ease)
				sc.Grade, sc.Ease = &g, &e
			case "es":
				i := round1(s.Inflesz)
				sc.Inflesz = &i
			}
			scores = append(scores, sc)
		}
	}

	switch *format {
	case "json":
		out := struct {
			Diagnostics []finding `json:"diagnostics"`
			Readability []score   `json:"readability"`
		}{all, scores}
		if out.Diagnostics == nil {
			out.Diagnostics = []finding{}
		}
		if out.Readability == nil {
			out.Readability = []score{}
		}
		b, _ := json.MarshalIndent(out, "", "  ")
		fmt.Fprintf(stdout, "%s\n", b)
	case "github":
		for _, f := range all {
			kind := f.Severity
			if kind == "note" {
				kind = "notice"
			}
			msg := f.Rule + ": " + f.Message
			if f.Hint != "" {
				msg += "\nhint: " + f.Hint
			}
			fmt.Fprintf(stdout, "::%s file=%s,line=%d,col=%d,title=%s::%s\n", kind, ghProp(f.Path), f.Line, f.Col, ghProp(f.Rule), ghData(msg))
		}
	default:
		for _, f := range all {
			where := f.Path
			if f.Line > 0 {
				where += fmt.Sprintf(":%d:%d", f.Line, f.Col)
			}
			fmt.Fprintf(stdout, "%s: %s %s: %s\n", where, f.Severity, f.Rule, f.Message)
			if f.Hint != "" {
				fmt.Fprintf(stdout, "    hint: %s\n", f.Hint)
			}
		}
		for _, s := range scores {
			fmt.Fprintf(stdout, "%s: readability: %s\n", s.Path, s.text)
		}
		counts := map[string]int{}
		for _, f := range all {
			counts[f.Severity]++
		}
		fmt.Fprintf(stdout, "faqcast: %s, %s, %s\n", plural(counts["error"], "error", "errors"),
			plural(counts["warning"], "warning", "warnings"), plural(counts["note"], "note", "notes"))
	}
	if errorsFound {
		return errFailed
	}
	return nil
}

func round1(f float64) float64 { return float64(int(f*10+0.5*sign(f))) / 10 }

func sign(f float64) float64 {
	if f < 0 {
		return -1
	}
	return 1
}

// ghData escapes a GitHub Actions workflow command's message.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProp escapes a GitHub Actions workflow command's property value.
func ghProp(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
