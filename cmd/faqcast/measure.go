package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/platform"
	"github.com/faqcast/faqcast/internal/diag"
)

const measureUsage = `Usage: faqcast measure --platform NAME [--json] [--limit N | --source DIR]

Read a post's text on standard input and say how long it is by the
platform's own counting rules, against the platform's limit. Use it while
drafting your own post text (posts: in an entry's front matter).

Trailing line breaks are not counted.

Platforms and what they count:
  x          280 weighted characters: links count 23, emoji 2, CJK 2
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

Exit status: 0 the text fits, 1 it does not, 2 usage error.

Examples:
  echo "Flu shots are in! Book yours: https://riverbend.example/book" | faqcast measure -p x
  faqcast measure --platform mastodon --source . --json < draft.txt
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
	if *source != "" {
		cfg, err := config.Load(*source)
		if err != nil {
			return err
		}
		*limit = cfg.Channel(p.Name).Limit
	}

	data, err := io.ReadAll(stdin)
	if err != nil {
		return fmt.Errorf("cannot read standard input: %w", err)
	}
	if !utf8.Valid(data) {
		return usageError("save the text as UTF-8", "standard input is not valid UTF-8")
	}
	text := strings.TrimRight(string(data), "\r\n")
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
