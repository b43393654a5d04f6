// Package templates holds faqcast's default theme: the HTML page templates,
// their partials, the robots.txt template, the style sheet, and the social
// post templates in posts/ (one text/template per platform); and the
// catalogues of messages in i18n/ (one per language; see package locale).
//
// A site overrides any of them by putting a file of the same name in its own
// templates/ folder (for example templates/partials/footer.html).
package templates

import "embed"

// FS holds the default theme's files.
//
//go:embed *.html *.txt *.css partials/*.html posts/*.txt i18n/*.yaml
var FS embed.FS
