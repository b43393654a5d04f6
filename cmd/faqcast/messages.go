package main

import (
	"context"
	"io"

	"github.com/faqcast/faqcast/generator/locale"
	"github.com/faqcast/faqcast/templates"
)

const messagesUsage = `Usage: faqcast messages [LANG]

Print the catalogue of messages that faqcast writes pages, posts and replies
with in the language LANG (a BCP 47 tag such as es or pt-BR; default en):
every heading, label, link line and disclaimer, one message per key.

faqcast ships English (en) and Spanish (es). For another language it prints
the English messages with a note to translate them: save the output as
templates/i18n/LANG.yaml in the site, translate every message, and write
entries with lang: LANG. To change a few messages of a language faqcast
ships, override them under messages: in faqcast.yaml instead.

Exit status: 0 printed, 2 usage error.

Examples:
  faqcast messages es
  faqcast messages fr > templates/i18n/fr.yaml
`

func runMessages(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("messages")
	if err := parseFlags(fs, args, messagesUsage, stdout); err != nil {
		return err
	}
	lang := "en"
	switch fs.NArg() {
	case 0:
	case 1:
		lang = fs.Arg(0)
	default:
		return usageError(`name one language, such as: faqcast messages es`, "unexpected argument %q", fs.Arg(1))
	}
	data, err := locale.Starter(templates.FS, lang)
	if err != nil {
		return usageError("name a language by a BCP 47 tag, such as es, fr or pt-BR", "%v", err)
	}
	_, err = stdout.Write(data)
	return err
}
