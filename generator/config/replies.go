package config

import (
	"cmp"
	"regexp"
	"slices"
	"strings"

	"github.com/faqcast/faqcast/internal/decode"
	"github.com/faqcast/faqcast/internal/diag"
)

// Replies holds the practice's replies to comments under its posts, by
// situation; an empty one is the default (see [Config.SituationReply]).
// A reply may name {practice}, {phone}, {booking_url} and {portal_url},
// which are filled in from practice:.
type Replies struct {
	// Emergency answers a comment that may describe an emergency: its
	// first sentence says to call 911 or the local emergency number.
	Emergency string `yaml:"emergency" text:"multiline"`
	// Medical answers a personal medical question: no advice, but the
	// phone and the portal.
	Medical string `yaml:"medical" text:"multiline"`
	// Disclosure answers a comment that tells of the writer's own health:
	// it repeats nothing, confirms no care, and invites them to a private
	// channel.
	Disclosure string `yaml:"disclosure" text:"multiline"`
	// Complaint answers a complaint or a review: thanks, and the phone,
	// never confirming care.
	Complaint string `yaml:"complaint" text:"multiline"`
	// Request answers a request for an appointment, a refill, a bill or
	// records: the booking page, the portal, the phone.
	Request string `yaml:"request" text:"multiline"`
	// Other answers anything else: a neutral thank-you.
	Other string `yaml:"other" text:"multiline"`

	Pos decode.Positions `yaml:"-"`
}

// A Situation is a kind of comment that gets its own reply.
type Situation struct {
	// Name is the situation's name in replies: and in faqcast reply's
	// output.
	Name string
	// Title names it for people in faqcast's own output; pages name it
	// by the message situation.<Name>, and say which comments are in it
	// by the message situation.<Name>_when.
	Title string
}

// Situations lists the situations a comment may be in, emergencies first:
// the order in which they win when a comment is in several. "entry" is a
// question that an entry answers, whose reply is the entry's.
var Situations = []Situation{
	{"emergency", "An emergency"},
	{"medical", "A personal medical question"},
	{"disclosure", "Someone shares their health details"},
	{"complaint", "A complaint or a review"},
	{"request", "An appointment, refill, bill or records request"},
	{"entry", "A question an entry answers"},
	{"other", "Anything else"},
}

// SituationNamed returns the situation called name.
func SituationNamed(name string) (Situation, bool) {
	for _, s := range Situations {
		if s.Name == name {
			return s, true
		}
	}
	return Situation{}, false
}

// text returns the reply of situation as written, and its position.
func (r *Replies) text(situation string) (string, diag.Pos) {
	var s string
	switch situation {
	case "emergency":
		s = r.Emergency
	case "medical":
		s = r.Medical
	case "disclosure":
		s = r.Disclosure
	case "complaint":
		s = r.Complaint
	case "request":
		s = r.Request
	case "other":
		s = r.Other
	}
	return strings.TrimSpace(s), r.Pos[situation]
}

// DefaultReplyKey returns the key of the message that is faqcast's reply
// for situation, for a practice with or without a booking page and a
// patient portal, such as "reply.medical_portal"; "" for "entry" and
// unknown situations.
func (c *Config) DefaultReplyKey(situation string) string {
	switch situation {
	case "medical", "disclosure":
		if c.Practice.PortalURL != "" {
			return "reply." + situation + "_portal"
		}
	case "request":
		key := "reply.request"
		if c.Practice.BookingURL != "" {
			key += "_booking"
		}
		if c.Practice.PortalURL != "" {
			key += "_portal"
		}
		return key
	case "emergency", "complaint", "other":
	default:
		return ""
	}
	return "reply." + situation
}

// SituationReply returns the practice's reply for situation, with its
// placeholders filled in: the config's own, or else def, faqcast's
// default in the site's language (the message [Config.DefaultReplyKey]
// names).
func (c *Config) SituationReply(situation, def string) string {
	text, _ := c.Replies.text(situation)
	if text == "" {
		text = def
	}
	return c.FillReply(text)
}

// FillReply returns the reply text with its placeholders filled in from
// practice:.
func (c *Config) FillReply(text string) string {
	return strings.NewReplacer(
		"{practice}", c.Practice.Name,
		"{phone}", c.Practice.Phone,
		"{booking_url}", c.Practice.BookingURL,
		"{portal_url}", c.Practice.PortalURL,
	).Replace(text)
}

// CheckDefaultReplies reports the situations whose reply in the language
// lang is faqcast's default, as def returns it for a situation, and does
// not fit every platform's replies once the practice's details are in it.
// In the site's language, a reply of the config's own replaces the
// default; in another, the message the hint names does.
func (c *Config) CheckDefaultReplies(lang string, def func(situation string) string) error {
	var errs []error
	site := lang == cmp.Or(c.Language, "en")
	for _, sit := range Situations {
		if sit.Name == "entry" {
			continue
		}
		if site {
			if text, _ := c.Replies.text(sit.Name); text == "" {
				c.checkReplyFits(sit.Name, "shorten replies."+sit.Name, c.SituationReply(sit.Name, def(sit.Name)), c.Pos["practice"], func(pos diag.Pos, hint, format string, args ...any) {
					errs = append(errs, diag.Errorf(c.Path, pos, format, args...).WithHint("%s", hint))
				})
			}
			continue
		}
		c.checkReplyFits(sit.Name+" ("+lang+")", "give messages: "+lang+": a shorter "+c.DefaultReplyKey(sit.Name), c.FillReply(def(sit.Name)), c.Pos["practice"], func(pos diag.Pos, hint, format string, args ...any) {
			errs = append(errs, diag.Errorf(c.Path, pos, format, args...).WithHint("%s", hint))
		})
	}
	return diag.Join(errs...)
}

// placeholderRE matches a placeholder such as {phone}.
var placeholderRE = regexp.MustCompile(`\{[a-z_]*\}`)

// emergencyRE matches what the first sentence of an emergency reply must
// say: to call an emergency number.
var emergencyRE = regexp.MustCompile(`(?i)\b(911|112|999|000|emergency number|emergency services|n[uú]mero (local )?de emergencias?|servicios? de emergencias?)\b`)

// emergencyNumberRE matches an emergency number.
var emergencyNumberRE = regexp.MustCompile(`\b(911|112|999|000)\b`)

// CheckEmergencyNumbers reports, at replies.emergency, an emergency reply
// in the language lang, text, that names none of the emergency numbers
// the config's own replies.emergency names (such as 911 where the practice
// wrote 112): a reply in another language than the site's is faqcast's
// default, or a message, not the practice's replies:.
func (c *Config) CheckEmergencyNumbers(lang, text string) error {
	own, pos := c.Replies.text("emergency")
	want := emergencyNumberRE.FindAllString(own, -1)
	if len(want) == 0 {
		return nil
	}
	got := emergencyNumberRE.FindAllString(text, -1)
	for _, n := range want {
		if slices.Contains(got, n) {
			return nil
		}
	}
	return diag.Errorf(c.Path, pos, "replies.emergency names %s, but the emergency reply in %s does not", strings.Join(want, " and "), lang).
		WithHint("give messages: %s: reply.emergency, in that language, with the number to call", lang)
}

// CallsEmergency reports whether the first sentence of text, an emergency
// reply, tells the reader to call an emergency number, as every emergency
// reply must.
func CallsEmergency(text string) bool {
	first, _, _ := strings.Cut(strings.TrimSpace(text), ". ")
	return emergencyRE.MatchString(first)
}

// EmergencyHint is the hint for an emergency reply that does not begin by
// telling the reader to call an emergency number.
const EmergencyHint = `begin with the number to call, such as "If this is an emergency, call 911 or your local emergency number now."`

// checkReplies validates replies:, reporting with bad.
func (c *Config) checkReplies(bad func(pos diag.Pos, hint, format string, args ...any)) {
	have := map[string]bool{"{practice}": true, "{phone}": true,
		"{booking_url}": c.Practice.BookingURL != "", "{portal_url}": c.Practice.PortalURL != ""}
	for _, sit := range Situations {
		situation := sit.Name
		text, pos := c.Replies.text(situation)
		if text == "" {
			continue // see CheckDefaultReplies
		}
		for _, ph := range placeholderRE.FindAllString(text, -1) {
			ok, known := have[ph]
			switch {
			case !known:
				bad(pos, "use {practice}, {phone}, {booking_url} or {portal_url}", "replies.%s names %s, which faqcast does not fill in", situation, ph)
			case !ok:
				key := strings.Trim(ph, "{}")
				bad(pos, "add practice."+key+", or leave "+ph+" out", "replies.%s names %s, but practice.%s is not set", situation, ph, key)
			}
		}
		c.checkReplyFits(situation, "shorten replies."+situation, c.SituationReply(situation, ""), pos, bad)
		if situation == "emergency" && !CallsEmergency(text) {
			bad(pos, EmergencyHint, "replies.emergency does not begin by telling the reader to call an emergency number")
		}
	}
}

// checkReplyFits reports, at pos, the platforms whose longest reply text,
// the reply of situation, does not fit; the hint says to fix, then to
// turn the platform off.
func (c *Config) checkReplyFits(situation, fix, text string, pos diag.Pos, bad func(pos diag.Pos, hint, format string, args ...any)) {
	for _, ch := range c.Channels() {
		if m := ch.Measure(text, ch.ReplyLimit); !m.Fits {
			bad(pos, fix+", or turn "+ch.Name+" off under platforms:",
				"the %s reply is %d %s long; a %s reply holds %d", situation, m.Length, ch.Units, ch.Title, ch.ReplyLimit)
		}
	}
}

// replyTexts returns the replies the config writes itself, for the checks.
func (c *Config) replyTexts(add func(field, text string, pos diag.Pos)) {
	for _, s := range Situations {
		if text, pos := c.Replies.text(s.Name); text != "" {
			add("replies."+s.Name, text, pos)
		}
	}
}
