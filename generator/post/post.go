// Package post writes each entry's social posts: one variant per enabled
// platform, fitted to that platform's own length rules and linking to the
// entry's education page.
//
// A variant's text comes from the platform's template (templates/posts/
// <platform>.txt) fed with the entry's question, its short answer, the
// link and its hashtags, or from the writer's own text in front matter
// (posts: {x: "…"}). Variants are built only from the entry's own fields and
// the practice's config, so a post says nothing the entry does not.
//
// # Fitting
//
// When the template's text is too long, [Composer.Compose] drops hashtags,
// last first; then shortens the answer to whole sentences; then to whole
// words, ending in "…". It never cuts inside a word, a link, a hashtag, the
// call to action or a grapheme cluster, because it only ever removes whole
// words from the answer and renders the template again. A writer's own text
// is never cut: one that does not fit is an error at its line.
package post

import (
	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/locale"
)

// A Variant is one entry's post for one platform.
type Variant struct {
	// Entry is the entry's slug.
	Entry    string `json:"entry"`
	Platform string `json:"platform"`
	// Account is the account the post goes to, from the config, if set.
	Account string `json:"account,omitempty"`
	Text    string `json:"text"`
	// Length is Text's length in the platform's units; Limit is the most
	// the platform (or the config) allows.
	Length int `json:"length"`
	Limit  int `json:"limit"`
	// Link is the entry page's URL with its UTM parameters.
	Link string `json:"link"`
	// LinkText is the text in Text that stands for Link and should carry it
	// (Bluesky's link facet), when Text does not hold Link itself.
	LinkText string `json:"link_text,omitempty"`
	// Hashtags are the hashtags in Text, without their '#'.
	Hashtags []string `json:"hashtags"`
	Media    []Media  `json:"media"`
	CTA      CTA      `json:"cta"`
	// Override tells that Text is the writer's own, from front matter.
	Override bool `json:"override,omitempty"`
	// Notes say how the text was fitted.
	Notes []string `json:"notes,omitempty"`
	// Warnings say what may keep the post from working well.
	Warnings []string `json:"warnings,omitempty"`
}

// A Media item is an image to attach to a post.
type Media struct {
	Src string `json:"src"` // absolute URL
	Alt string `json:"alt"`
}

// A CTA is a post's call to action.
type CTA struct {
	// Type is LINK (the link is in the text), LINK_IN_BIO (Instagram: the
	// link goes in the profile), or for Google Business Profile the button:
	// LEARN_MORE, BOOK or CALL.
	Type string `json:"type"`
	// URL is where the call to action leads; empty for CALL.
	URL string `json:"url,omitempty"`
}

// Data is what a post template executes with.
type Data struct {
	// Question is the entry's title; Answer its short answer, perhaps
	// shortened to fit.
	Question string
	Answer   string
	// Link is what the text shows for the link: the UTM-tagged URL, or on
	// Bluesky a short display link. Instagram templates get none.
	Link string
	// Hashtags are the hashtags to show, each with its '#'.
	Hashtags []string
	// CTA is the call to action's type (see [CTA]).
	CTA      string
	Practice config.Practice
	Platform string
	// Bio is the address of the site's link page, the one link of an
	// Instagram bio, as the bio shows it ("riverbend.example/links"), or
	// "" when the site has none.
	Bio string
	// Lang is the entry's language, a BCP 47 tag.
	Lang string

	words *locale.Locale
}

// T returns the message key in the entry's language, with its
// placeholders filled in from args, pairs of a placeholder's name and its
// value (see [locale.Locale.Text]): {{.T "post.more" "link" .Link}}.
func (d *Data) T(key string, args ...any) (string, error) {
	return d.words.Text(key, args...)
}
