package post

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/locale"
	"github.com/faqcast/faqcast/generator/platform"
	"github.com/faqcast/faqcast/internal/diag"
)

// A Composer writes the variants of entries.
type Composer struct {
	Config *config.Config
	// Catalog holds the messages of the entries' languages, which the
	// templates write posts with.
	Catalog *locale.Catalog
	// Execute renders the named platform's template, or the template of
	// replies ([ReplyTemplate]), with data.
	Execute func(template string, data *Data) (string, error)
}

// LinkPlaceholder in a writer's own text stands for the post's link.
const LinkPlaceholder = "{link}"

// Compose returns e's variants, one per enabled platform in the platform
// table's order. page is the absolute URL of e's page and media the images
// to attach. A writer's own text that breaks a platform's rules is an error
// at its position in e's file; so is an entry whose question and link alone
// do not fit.
func (c *Composer) Compose(e *entry.Entry, page string, media []Media) ([]Variant, error) {
	var out []Variant
	var errs []error
	for _, ch := range c.Config.Channels() {
		v := Variant{
			Entry:    e.Slug,
			Platform: ch.Name,
			Account:  ch.Account,
			Limit:    ch.Limit,
			Link:     c.Link(page, ch.Name, e.Slug),
			Media:    media,
		}
		if v.Media == nil {
			v.Media = []Media{}
		}
		v.CTA = c.cta(ch, v.Link)
		var err error
		if text, ok := e.Posts[ch.Name]; ok {
			err = c.override(&v, ch, e, page, text)
		} else {
			err = c.fit(&v, ch, e, ch.Name)
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		v.Hashtags = hashtags(v.Text)
		v.Warnings = append(v.Warnings, warnings(ch, &v)...)
		out = append(out, v)
	}
	return out, diag.Join(errs...)
}

// Link returns the link of a post on platform p to page, the page of the
// entry of slug: page with the UTM parameters the config sets for p.
func (c *Composer) Link(page, p, slug string) string {
	params := c.Config.UTMParams(p, slug)
	if params == nil {
		return page
	}
	return page + "?" + params.Encode()
}

// cta returns the call to action of a post on ch linking to link.
func (c *Composer) cta(ch config.Channel, link string) CTA {
	switch {
	case ch.Name == "gbp" && ch.CTA == "CALL":
		return CTA{Type: "CALL"}
	case ch.Name == "gbp" && ch.CTA == "BOOK":
		return CTA{Type: "BOOK", URL: c.Config.Practice.BookingURL}
	case ch.Name == "gbp":
		return CTA{Type: "LEARN_MORE", URL: link}
	case !ch.LinkInText:
		return CTA{Type: "LINK_IN_BIO", URL: link}
	}
	return CTA{Type: "LINK", URL: link}
}

// ExpandLink returns a writer's own text for platform p as the post says
// it: {link}, and page, the entry's page, become link, the page's link for
// p (see [Composer.Link]); on Bluesky, whose posts show a link's short form
// and link it by a facet, they become the page's host and path.
func ExpandLink(text, p, page, link string) string {
	shown := link
	if p == "bluesky" {
		shown = displayLink(page)
	}
	text = strings.ReplaceAll(text, LinkPlaceholder, page)
	return strings.ReplaceAll(text, page, shown)
}

// displayLink is the short form of a link that Bluesky posts show: host
// and path, without the scheme or the query.
func displayLink(page string) string {
	u, err := url.Parse(page)
	if err != nil {
		return page
	}
	return u.Host + u.EscapedPath()
}

// override checks and measures a writer's own text.
func (c *Composer) override(v *Variant, ch config.Channel, e *entry.Entry, page, text string) error {
	pos := e.PostsPos[ch.Name]
	fail := func(hint, format string, args ...any) error {
		return diag.Errorf(e.Path, pos, "posts.%s: "+format, append([]any{ch.Name}, args...)...).WithHint("%s", hint)
	}
	v.Override = true
	text = strings.TrimSpace(text)
	hasLink := strings.Contains(text, LinkPlaceholder) || strings.Contains(text, page)
	text = ExpandLink(text, ch.Name, page, v.Link)
	if ch.Name == "bluesky" {
		v.LinkText = displayLink(page)
	}
	if ch.LinkInText && !ch.LinkOnButton && !hasLink {
		return fail(fmt.Sprintf("put %s where the link to the entry's page goes", LinkPlaceholder),
			"the text does not link to the entry's page")
	}
	if !ch.LinkInText && hasLink {
		return fail(fmt.Sprintf("%s links are not clickable; say \"link in bio\" instead, and the link goes in its own field", ch.Title),
			"the text holds a link")
	}
	if ch.NoPhone {
		if m := phoneRE.FindString(text); m != "" {
			return fail("Google rejects posts with phone numbers; the CALL button (platforms.gbp.cta: CALL) dials the practice",
				"the text holds the phone number %q", m)
		}
	}
	if ch.MaxLinks > 0 {
		unique := map[string]bool{}
		for _, sp := range platform.URLs(text) {
			unique[text[sp.Start:sp.End]] = true
		}
		if n := len(unique); n > ch.MaxLinks {
			return fail(fmt.Sprintf("keep to %d links", ch.MaxLinks), "the text holds %d links; %s allows %d", n, ch.Title, ch.MaxLinks)
		}
	}
	if n := len(hashtags(text)); n > ch.Hashtags && ch.Hashtags > 0 && ch.Name != "x" {
		v.Warnings = append(v.Warnings, fmt.Sprintf("%d hashtags; %s posts work best with at most %d", n, ch.Title, ch.Hashtags))
	}
	m := ch.Measure(text, ch.Limit)
	v.Text, v.Length = text, m.Length
	if !m.Fits {
		return fail("shorten it; 'faqcast measure --platform "+ch.Name+"' measures text as you draft it",
			"the text is %s", describe(ch, m))
	}
	return nil
}

// describe says how long a measured text is against its limits.
func describe(ch config.Channel, m platform.Measure) string {
	if m.Length > m.Limit {
		return fmt.Sprintf("%d %s long; the limit is %d", m.Length, ch.Units, m.Limit)
	}
	return fmt.Sprintf("%d bytes long; the limit is %d", m.Bytes, m.MaxBytes)
}

// hashtags returns the hashtags in text, without their '#', in order: a
// hashtag is '#' at the start or after white space (\s: tab, newline,
// form feed, return, space), then letters, digits (\p{L}, \p{N}) or '_'.
// It finds what the expression (?:^|\s)#([\p{L}\p{N}_]+) finds, looking
// only at each '#': a regular expression without a literal prefix
// walks every byte of every post.
func hashtags(text string) []string {
	tags := []string{}
	for i := 0; ; {
		k := strings.IndexByte(text[i:], '#')
		if k < 0 {
			return tags
		}
		at := i + k
		i = at + 1
		if at > 0 && !strings.ContainsRune("\t\n\f\r ", rune(text[at-1])) {
			continue
		}
		end := i
		for end < len(text) {
			r, n := utf8.DecodeRuneInString(text[end:])
			if r != '_' && !unicode.IsLetter(r) && !unicode.IsNumber(r) {
				break
			}
			end += n
		}
		if end > i {
			tags = append(tags, text[i:end])
			i = end
		}
	}
}

// phoneRE finds phone numbers: North American ones with or without a
// country code, and international ones starting with '+'.
var phoneRE = regexp.MustCompile(`(?:\+?1[\s.-]?)?\(?\b[2-9]\d{2}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b|\+\d[\d\s.-]{7,}\d`)

// warnings returns what may keep v from working well on ch.
func warnings(ch config.Channel, v *Variant) []string {
	var w []string
	if ch.SoftLimit > 0 && v.Length > ch.SoftLimit {
		w = append(w, fmt.Sprintf("%d %s; %s posts work best under %d (the feed folds at about %d)", v.Length, ch.Units, ch.Title, ch.SoftLimit, ch.Fold))
	}
	if ch.Name == "instagram" && len(v.Media) == 0 {
		w = append(w, "Instagram posts need an image: add image: to the entry")
	}
	return w
}
