package post

import (
	"strings"

	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/internal/diag"
)

// ReplyTemplate is the name [Composer.Execute] is given for the template
// of replies to comments, posts/reply.txt in a theme.
const ReplyTemplate = "reply"

// ReplyMedium is the utm_medium of a reply's link.
const ReplyMedium = "reply"

// Replies returns e's replies to a comment that asks its question, one per
// enabled platform in the platform table's order: its short answer and the
// link to page, e's page, tagged utm_medium=reply, fitted to the longest
// reply the platform takes, as posts are fitted (but with no hashtags).
// Where links in comments are not clickable (Instagram), the reply shows
// the link's short form. The writer's own reply (reply: in front matter,
// with {link}) is used as it is, and is an error where it does not fit.
func (c *Composer) Replies(e *entry.Entry, page string) ([]Variant, error) {
	var out []Variant
	var errs []error
	for _, ch := range c.Config.Channels() {
		rch := ch
		rch.Limit, rch.SoftLimit, rch.Hashtags, rch.NoPhone = ch.ReplyLimit, 0, 0, false
		v := Variant{
			Entry:    e.Slug,
			Platform: ch.Name,
			Account:  ch.Account,
			Limit:    rch.Limit,
			Link:     c.ReplyLink(page, ch.Name, e.Slug),
			Media:    []Media{},
		}
		v.CTA = CTA{Type: "LINK", URL: v.Link}
		var err error
		if e.Reply != "" {
			err = c.ownReply(&v, rch, e, page)
		} else {
			err = c.fit(&v, rch, e, ReplyTemplate)
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, v)
	}
	return out, diag.Join(errs...)
}

// ReplyLink returns the link of a reply on platform p to page, the page of
// the entry of slug: its post link (see [Composer.Link]) with utm_medium
// set to ReplyMedium.
func (c *Composer) ReplyLink(page, p, slug string) string {
	params := c.Config.UTMParams(p, slug)
	if params == nil {
		return page
	}
	params.Set("utm_medium", ReplyMedium)
	return page + "?" + params.Encode()
}

// ownReply measures the writer's own reply, e.Reply, on ch.
func (c *Composer) ownReply(v *Variant, ch config.Channel, e *entry.Entry, page string) error {
	v.Override = true
	link := v.Link
	if ch.Name == "bluesky" || !ch.LinkInText {
		link = displayLink(page)
		v.LinkText = link
	}
	text := strings.ReplaceAll(e.Reply, LinkPlaceholder, link)
	m := ch.Measure(text, ch.Limit)
	v.Text, v.Length = text, m.Length
	if !m.Fits {
		return diag.Errorf(e.Path, at(e, "reply"), "reply: the %s reply is %s", ch.Title, describe(ch, m)).
			WithHint("shorten it; 'faqcast measure --platform %s' measures text as you draft it", ch.Name)
	}
	return nil
}
