package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/platform"
	"github.com/faqcast/faqcast/generator/post"
	"github.com/faqcast/faqcast/internal/diag"
)

const measureUsage = `Usage: faqcast measure --platform NAME [--json] [--limit N | --source DIR] [--entry FILE]

Read a post's text on standard input and say how long it is by the
platform's own counting rules, against the platform's limit. Use it while
drafting your own post text (posts: in an entry's front matter).

Trailing line breaks are not counted. {link} stands for the link to the
entry's page, as in front matter, and is measured as the build posts it:
with --entry, as that entry's link; without, as the link of a page
"faq/your-question/" of the site (of --source's base_url, or
https://example.com/), which X and Mastodon count as 23 whatever it is
(X, when it ends in a top-level domain X knows).
With --entry and nothing on standard input, the entry's own text for the
platform (its posts: in front matter) is measured.

Platforms and what they count:
  x          280 weighted characters, as twitter-text 3.1.0 counts: links
             count 23 (only under a top-level domain X knows, so
             https://clinic.example/ counts in full), emoji of
             twemoji-parser 14 2, CJK 2
  bluesky    300 graphemes and 3,000 bytes; links count in full
  mastodon   500 graphemes (instances differ); links count 23
  threads    500 characters; emoji count their UTF-8 bytes
  instagram  2,200 characters
  facebook   63,206 characters (aim for 400: the feed folds at about 477)
  linkedin   3,000 characters
  gbp        1,500 characters (Google Business Profile)

Flags:
  -p, --platform NAME   the platform (required)
      --json            print {"platform","length","limit","fits"} as JSON
      --limit N         use limit N instead of the platform's
  -s, --source DIR      use the limit set for the platform in DIR's faqcast.yaml
  -e, --entry FILE      measure {link} as this entry's link (and its own
                        text, with nothing on standard input); the site
                        is --source, or "."

Exit status: 0 the text fits, 1 it does not, 2 usage error.

Examples:
  echo "Flu shots are in! Book yours: https://riverbend.example/book" | faqcast measure -p x
  faqcast measure --platform mastodon --source . --json < draft.txt
  faqcast measure -p x --entry content/first-visit.md
`

// measureResult is what measure --json prints.
type measureResult struct {
	Platform string `json:"platform"`
	Length   int    `json:"length"`
	Limit    int    `json:"limit"`
	Bytes    int    `json:"bytes,omitempty"`
	MaxBytes int    `json:"max_bytes,omitempty"`
	Fits     bool   `json:"fits"`
}

func runMeasure(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return measure(args, os.Stdin, stdout)
}

// measure is runMeasure reading the text from stdin.
func measure(args []string, stdin io.Reader, stdout io.Writer) error {
	fs := newFlags("measure")
	name := fs.StringP("platform", "p", "", "")
	asJSON := fs.Bool("json", false, "")
	limit := fs.Int("limit", 0, "")
	source := fs.StringP("source", "s", "", "")
	entryFile := fs.StringP("entry", "e", "", "")
	if err := parseFlags(fs, args, measureUsage, stdout); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError(`pipe the text in: echo "text" | faqcast measure -p x`, "unexpected argument %q", fs.Arg(0))
	}
	p, ok := platform.Lookup(*name)
	switch {
	case *name == "":
		return usageError("name one of: "+strings.Join(platform.Names(), ", "), "--platform is required")
	case !ok:
		hint := "name one of: " + strings.Join(platform.Names(), ", ")
		if s := diag.Suggest(*name, platform.Names()); s != "" {
			hint = fmt.Sprintf("did you mean %q?", s)
		}
		return usageError(hint, "unknown platform %q", *name)
	case *limit < 0:
		return usageError("give a positive number", "--limit %d is negative", *limit)
	case *limit > 0 && *source != "":
		return usageError("use one of them", "--limit and --source both set the limit")
	}
	if *entryFile != "" && *source == "" {
		*source = "."
	}
	var cfg *config.Config
	if *source != "" {
		var err error
		if cfg, err = config.Load(*source); err != nil {
			return err
		}
		if *limit == 0 {
			*limit = cfg.Channel(p.Name).Limit
		}
	}

	var data []byte
	if !(*entryFile != "" && isTerminal(stdin)) {
		var err error
		if data, err = io.ReadAll(stdin); err != nil {
			return fmt.Errorf("cannot read standard input: %w", err)
		}
	}
	if !utf8.Valid(data) {
		return usageError("save the text as UTF-8", "standard input is not valid UTF-8")
	}
	text := strings.TrimRight(string(data), "\r\n")
	if *entryFile != "" || strings.Contains(text, post.LinkPlaceholder) {
		var err error
		if text, err = expandLink(text, p.Name, cfg, *entryFile); err != nil {
			return err
		}
	}
	m := p.Measure(text, *limit)
	res := measureResult{Platform: p.Name, Length: m.Length, Limit: m.Limit, Fits: m.Fits}
	if m.MaxBytes > 0 {
		res.Bytes, res.MaxBytes = m.Bytes, m.MaxBytes
	}
	if *asJSON {
		b, _ := json.Marshal(res)
		fmt.Fprintf(stdout, "%s\n", b)
	} else {
		verdict := "fits"
		if m.Length > m.Limit {
			verdict = fmt.Sprintf("%d over", m.Length-m.Limit)
		} else if !m.Fits {
			verdict = fmt.Sprintf("%d bytes over", m.Bytes-m.MaxBytes)
		}
		bytes := ""
		if m.MaxBytes > 0 {
			bytes = fmt.Sprintf(", %d / %d bytes", m.Bytes, m.MaxBytes)
		}
		fmt.Fprintf(stdout, "%s: %d / %d %s%s: %s\n", p.Name, m.Length, m.Limit, p.Units, bytes, verdict)
	}
	if !m.Fits {
		return errFailed
	}
	return nil
}

// expandLink returns text with {link} as the build posts it on platform
// name: the link of the entry in file, if set, else of a page
// "faq/your-question/" of the site of cfg, if set, else of example.com.
// With an entry and no text, the text is the entry's own for the platform.
func expandLink(text, name string, cfg *config.Config, file string) (string, error) {
	if file == "" {
		base := "https://example.com/"
		if cfg != nil {
			base = cfg.BaseURL
		}
		page := base + cfg.EntryURL("your-question")
		return post.ExpandLink(text, name, page, page), nil
	}
	data, err := os.ReadFile(file)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return "", usageError("name an entry's Markdown file, such as content/first-visit.md", "cannot read %s: %v", file, err)
	}
	e, err := entry.Parse(file, filepath.Base(file), data)
	if err != nil {
		return "", err
	}
	if text == "" {
		own, ok := e.Posts[name]
		if !ok {
			return "", usageError(fmt.Sprintf("faqcast writes its %s post itself; build the site and see social/posts/%s.md, or pipe your own text in", name, e.Slug),
				"%s has no posts.%s of its own to measure", file, name)
		}
		text = strings.TrimSpace(own)
	}
	page := cfg.BaseURL + cfg.EntryURLIn(e.Slug, e.Lang)
	c := &post.Composer{Config: cfg}
	return post.ExpandLink(text, name, page, c.Link(page, name, e.Slug)), nil
}

// isTerminal reports whether r is a terminal, where nothing is piped in.
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
