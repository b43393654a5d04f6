package site

import (
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/faqcast/faqcast/generator/check"
)

// TemplateTexts returns the words of the templates in fsys, a site's own
// templates folder named display in messages, for the compliance checks:
// each template file as one text at its first line, with its template
// actions, HTML tags, comments, scripts and styles blanked out, so that
// what is left is what every page shows in words, at its place in the
// file. Files that cannot be read are left out: loading the theme reports
// them.
func TemplateTexts(fsys fs.FS, display string) []check.Text {
	var names []string
	for _, pattern := range []string{"*.html", "partials/*.html", "posts/*.txt"} {
		found, _ := fs.Glob(fsys, pattern)
		names = append(names, found...)
	}
	slices.Sort(names)
	var out []check.Text
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			continue
		}
		text := blank(string(data), actionRE)
		if strings.HasSuffix(name, ".html") {
			text = blank(text, markupRE)
		}
		out = append(out, check.Text{Field: "template", Text: text, Path: path.Join(display, name), Line: 1, Col: 1})
	}
	return out
}

// actionRE matches a template's actions and comments; markupRE an HTML
// document's comments, scripts, styles and tags.
var (
	actionRE = regexp.MustCompile(`(?s)\{\{.*?\}\}`)
	markupRE = regexp.MustCompile(`(?is)<!--.*?-->|<script\b.*?</script\s*>|<style\b.*?</style\s*>|<[^>]*>`)
)

// blank returns text with what re matches replaced by spaces, line breaks
// kept, so that the rest keeps its place; an HTML tag or a template action
// becomes a word break.
func blank(text string, re *regexp.Regexp) string {
	return re.ReplaceAllStringFunc(text, func(m string) string {
		return strings.Map(func(r rune) rune {
			if r == '\n' {
				return r
			}
			return ' '
		}, m)
	})
}
