package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/faqcast/faqcast/generator"
	"github.com/faqcast/faqcast/generator/config"
)

const replyUsage = `Usage: faqcast reply [--source DIR] [--platform NAME] [--lang LANG] [--json] [TEXT]

Read a comment left under one of the practice's posts (TEXT, or standard
input) and print the reply to paste, the situation found and why: an
emergency, a personal medical question, someone sharing their health
details, a complaint or a review, a request (appointment, refill, bill,
records), a question an entry answers, or anything else. Emergencies win
over everything, and a personal medical question over an entry's
question. Every reply comes from the site's own entries and its replies:
in faqcast.yaml; none gives advice. On a site in several languages, the
reply is in the comment's language (English or Spanish, told by its
words, or by those the site's entries hold in one language only), or when
nothing tells, in the language of the entry it names, else the site's.

Flags:
  -s, --source DIR      the site's folder (default ".")
  -p, --platform NAME   fit an entry's reply to this platform (default
                        Facebook's)
  -l, --lang LANG       reply in LANG, one of the site's languages,
                        whatever the comment's (an entry's reply: its
                        translation's in LANG, when it has one)
      --json            print {"situation","entry","score","reply",
                        "lang","why"}

Exit status: 0 a reply was found, 1 problems in the site, 2 usage error.

Examples:
  faqcast reply "Do you take Aetna?"
  echo "my son has had a fever for 3 days, should I give him more Tylenol?" | faqcast reply
  faqcast reply --platform x --json "can i do a video visit?"
  faqcast reply --lang es "🙏🙏"
`

func runReply(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return reply(ctx, args, os.Stdin, stdout)
}

// reply is runReply reading the comment from stdin when args hold none.
func reply(ctx context.Context, args []string, stdin io.Reader, stdout io.Writer) error {
	fs := newFlags("reply")
	source := fs.StringP("source", "s", ".", "")
	name := fs.StringP("platform", "p", "", "")
	lang := fs.StringP("lang", "l", "", "")
	asJSON := fs.Bool("json", false, "")
	if err := parseFlags(fs, args, replyUsage, stdout); err != nil {
		return err
	}
	if *name != "" {
		if err := checkPlatform(*name); err != nil {
			return err
		}
	}
	comment := strings.Join(fs.Args(), " ")
	if comment == "" {
		data, err := io.ReadAll(io.LimitReader(stdin, 1<<20))
		if err != nil {
			return err
		}
		comment = string(data)
	}
	comment = strings.TrimSpace(comment)
	if comment == "" {
		return usageError(`give the comment as an argument, such as: faqcast reply "Do you take Aetna?", or on standard input`, "no comment to answer")
	}

	g := &generator.Generator{Source: *source, NoWrite: true}
	now, err := buildTime(g)
	if err != nil {
		return err
	}
	kit, err := g.Kit(ctx, generator.Change{Now: now})
	if err != nil {
		return err
	}
	langs := kit.Languages()
	if *lang != "" && !slices.Contains(langs, *lang) {
		return usageError("give one of the site's languages: "+strings.Join(langs, ", "), "--lang %q is not a language of the site", *lang)
	}
	a, err := kit.Answer(comment, *name, *lang)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(a)
	}
	sit, _ := config.SituationNamed(a.Situation)
	fmt.Fprintf(stdout, "Situation: %s (%s)\n", sit.Title, a.Situation)
	if a.Entry != nil {
		fmt.Fprintf(stdout, "Entry:     %s (%s), score %.2f\n", a.Question, *a.Entry, a.Score)
	}
	if len(a.Why) > 0 {
		fmt.Fprintf(stdout, "Why:       %s\n", strings.Join(quoteAll(a.Why), ", "))
	}
	if len(langs) > 1 {
		fmt.Fprintf(stdout, "Language:  %s\n", a.Lang)
	}
	fmt.Fprintf(stdout, "\nReply to paste:\n\n%s\n", a.Reply)
	if a.Situation == "emergency" {
		fmt.Fprintln(stdout, "\nReply at once, and tell your manager.")
	}
	return nil
}

// quoteAll returns each of words in double quotes.
func quoteAll(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = fmt.Sprintf("%q", w)
	}
	return out
}
