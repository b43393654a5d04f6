package post

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/internal/diag"
)

// Ellipsis ends an answer shortened between words.
const Ellipsis = "…"

const dropAll = "dropped every hashtag to fit"

// fit renders the template tmpl (the platform's name, or ReplyTemplate)
// for e and fits the text to ch's limits (see the package documentation).
func (c *Composer) fit(v *Variant, ch config.Channel, e *entry.Entry, tmpl string) error {
	data := &Data{
		Question: e.Title,
		Answer:   e.Summary,
		Link:     v.Link,
		CTA:      v.CTA.Type,
		Practice: c.Config.Practice,
		Platform: ch.Name,
		Bio:      c.Config.BioURL(),
		Lang:     e.Language(c.Config.Language),
	}
	if c.Catalog != nil {
		data.words = c.Catalog.Locale(data.Lang)
	}
	switch {
	case ch.Name == "bluesky":
		data.Link = displayLink(strings.SplitN(v.Link, "?", 2)[0])
		v.LinkText = data.Link
	case !ch.LinkInText && tmpl == ReplyTemplate:
		// A comment's link is not clickable either, but people can type
		// its short form.
		data.Link = displayLink(strings.SplitN(v.Link, "?", 2)[0])
		v.LinkText = data.Link
	case !ch.LinkInText:
		data.Link = ""
	}
	if ch.NoPhone {
		// Google rejects posts with phone numbers: leave out the sentences
		// of the answer that hold one.
		kept := []string{}
		for _, s := range sentences(data.Answer) {
			if !phoneRE.MatchString(s) {
				kept = append(kept, s)
			}
		}
		if answer := strings.Join(kept, " "); answer != data.Answer {
			data.Answer = answer
			v.Notes = append(v.Notes, "left out the sentences with a phone number")
		}
	}
	var tags []string
	if ch.Hashtags > 0 {
		for _, h := range e.Hashtags[:min(len(e.Hashtags), ch.Hashtags)] {
			tags = append(tags, "#"+h)
		}
	}

	try := func(answer string, tags []string) (bool, error) {
		data.Answer, data.Hashtags = answer, tags
		text, err := c.Execute(tmpl, data)
		if err != nil {
			return false, err
		}
		m := ch.Measure(text, ch.Limit)
		v.Text, v.Length = text, m.Length
		return m.Fits, nil
	}

	// 1. The whole answer, dropping hashtags from the last: to fit the
	// platform's soft limit if that can be done by dropping hashtags, else
	// its hard limit.
	answer := data.Answer
	fitsWith := -1 // the most hashtags that fit the hard limit
	tried := -1    // the hashtags of v's text as it is
	for n := len(tags); n >= 0; n-- {
		ok, err := try(answer, tags[:n])
		if err != nil {
			return err
		}
		tried = n
		if !ok {
			continue
		}
		if fitsWith < 0 {
			fitsWith = n
		}
		if ch.SoftLimit == 0 || v.Length <= ch.SoftLimit {
			fitsWith = n
			break
		}
	}
	if fitsWith >= 0 {
		var err error
		if tried != fitsWith { // the text of fewer hashtags is v's: make it again
			_, err = try(answer, tags[:fitsWith])
		}
		switch {
		case fitsWith == 0 && len(tags) > 0:
			v.Notes = append(v.Notes, dropAll)
		case fitsWith < len(tags):
			v.Notes = append(v.Notes, fmt.Sprintf("dropped %d of %d hashtags to fit", len(tags)-fitsWith, len(tags)))
		}
		return err
	}
	if len(tags) > 0 {
		v.Notes = append(v.Notes, dropAll)
	}

	// 2. Fewer sentences.
	ss := sentences(answer)
	for n := len(ss) - 1; n >= 1; n-- {
		ok, err := try(strings.Join(ss[:n], " "), nil)
		if err != nil || ok {
			v.Notes = append(v.Notes, fmt.Sprintf("kept %d of %d sentences of the answer to fit", n, len(ss)))
			return err
		}
	}

	// 3. Fewer words of the first sentence: the most that fit, found by
	// bisection (more words never measure shorter).
	words := strings.Fields(ss[0])
	lo, hi := 0, len(words)-1 // words[:lo] + "…" fits, or lo is 0; words[:hi+1] does not
	for lo < hi {
		mid := (lo + hi + 1) / 2
		ok, err := try(strings.Join(words[:mid], " ")+Ellipsis, nil)
		if err != nil {
			return err
		}
		if ok {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo > 0 {
		_, err := try(strings.Join(words[:lo], " ")+Ellipsis, nil)
		v.Notes = append(v.Notes, "shortened the answer to fit")
		return err
	}

	// 4. The question and the link alone.
	ok, err := try("", nil)
	if err != nil || ok {
		v.Notes = append(v.Notes, "left out the answer to fit")
		return err
	}
	return diag.Errorf(e.Path, at(e, "title"), "the %s %s does not fit even without its answer: %s", ch.Title, kindOf(tmpl),
		describe(ch, ch.Measure(v.Text, ch.Limit))).
		WithHint("shorten the question, or write the post yourself under posts: %s:", ch.Name)
}

// at returns the position of key in e's front matter, or line 1.
func at(e *entry.Entry, key string) diag.Pos {
	if p, ok := e.Pos[key]; ok {
		return p
	}
	return diag.Pos{Line: 1, Col: 1}
}

// sentenceEnd matches the end of a sentence: '.', '!' or '?', perhaps with
// closing quotes or brackets, before white space.
var sentenceEnd = regexp.MustCompile(`[.!?]['"’”)\]]*\s+`)

// sentences splits text into sentences, each keeping its end.
func sentences(text string) []string {
	var out []string
	for {
		loc := sentenceEnd.FindStringIndex(text)
		if loc == nil {
			break
		}
		out = append(out, strings.TrimSpace(text[:loc[1]]))
		text = text[loc[1]:]
	}
	if t := strings.TrimSpace(text); t != "" {
		out = append(out, t)
	}
	if len(out) == 0 {
		out = []string{""}
	}
	return out
}

// kindOf names what the template tmpl writes: a reply or a post.
func kindOf(tmpl string) string {
	if tmpl == ReplyTemplate {
		return "reply"
	}
	return "post"
}
