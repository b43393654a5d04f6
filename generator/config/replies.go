package config

import (
	"regexp"
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
	// Title names it for people; When says which comments are in it.
	Title, When string
}

// Situations lists the situations a comment may be in, emergencies first:
// the order in which they win when a comment is in several. "entry" is a
// question that an entry answers, whose reply is the entry's.
var Situations = []Situation{
	{"emergency", "An emergency", "Someone may be in danger now: chest pain, trouble breathing, signs of a stroke, heavy bleeding, a severe allergic reaction, an overdose or poisoning, a seizure, thoughts of suicide or self-harm. Reply at once, and tell your manager."},
	{"medical", "A personal medical question", "Someone asks about their own or a relative's symptoms, medicines, doses, results or treatment. Give no advice, not even general advice about their case."},
	{"disclosure", "Someone shares their health details", "Someone tells of a diagnosis, a treatment or a visit without asking a question. Do not repeat what they wrote, and do not say whether they are a patient."},
	{"complaint", "A complaint or a review", "Someone complains or praises the practice's care, staff, waits or bills. Thank them and take it offline; never confirm that they had care here."},
	{"request", "An appointment, refill, bill or records request", "Someone asks the practice to do something for them: book, change or cancel a visit, refill a prescription, explain their bill, send their records."},
	{"entry", "A question an entry answers", "A general question, such as \"Do you take Aetna?\": reply with that entry's reply, below."},
	{"other", "Anything else", "Thanks, praise of a post, a friend tagged, jokes, questions no entry answers, and spam (hide or delete spam instead of replying)."},
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

// DefaultReply returns faqcast's reply for situation, before its
// placeholders are filled in, for a practice with or without a booking
// page and a patient portal; "" for "entry" and unknown situations.
func DefaultReply(situation string, booking, portal bool) string {
	or := func(ok bool, yes, no string) string {
		if ok {
			return yes
		}
		return no
	}
	switch situation {
	case "emergency":
		return "If this is an emergency, call 911 or your local emergency number now. In a mental health crisis, call or text 988."
	case "medical":
		return "Thank you for asking. We can't give medical advice on social media, and we want to keep your health information private. " +
			"Please call us at {phone}" + or(portal, " or send a message through the patient portal at {portal_url}", "") + " so our care team can help."
	case "disclosure":
		return "Thank you for reaching out. To keep your health information private, please don't share it here; you can delete this comment. " +
			"Call us at {phone}" + or(portal, " or use the patient portal at {portal_url}", "") + " and our team will help in private."
	case "complaint":
		return "Thank you for telling us. We want to hear more and set things right. Please call us at {phone} and ask for our office manager."
	case "request":
		return or(booking, "To book or change an appointment, go to {booking_url} or call {phone}.", "To book or change an appointment, call us at {phone}.") +
			or(portal, " For refills, bills and records, use the patient portal at {portal_url} or call us.", " For refills, bills and records, please call us.")
	case "other":
		return "Thank you for following {practice}!"
	}
	return ""
}

// SituationReply returns the practice's reply for situation, with its
// placeholders filled in: the config's own, or else faqcast's default.
func (c *Config) SituationReply(situation string) string {
	text, _ := c.Replies.text(situation)
	if text == "" {
		text = DefaultReply(situation, c.Practice.BookingURL != "", c.Practice.PortalURL != "")
	}
	return strings.NewReplacer(
		"{practice}", c.Practice.Name,
		"{phone}", c.Practice.Phone,
		"{booking_url}", c.Practice.BookingURL,
		"{portal_url}", c.Practice.PortalURL,
	).Replace(text)
}

// placeholderRE matches a placeholder such as {phone}.
var placeholderRE = regexp.MustCompile(`\{[a-z_]*\}`)

// emergencyRE matches what the first sentence of an emergency reply must
// say: to call an emergency number.
var emergencyRE = regexp.MustCompile(`(?i)\b(911|112|999|000|emergency number|emergency services)\b`)

// checkReplies validates replies:, reporting with bad.
func (c *Config) checkReplies(bad func(pos diag.Pos, hint, format string, args ...any)) {
	have := map[string]bool{"{practice}": true, "{phone}": true,
		"{booking_url}": c.Practice.BookingURL != "", "{portal_url}": c.Practice.PortalURL != ""}
	for _, sit := range Situations {
		situation := sit.Name
		text, pos := c.Replies.text(situation)
		if text == "" {
			if situation != "entry" {
				c.checkReplyFits(situation, c.Pos["practice"], bad)
			}
			continue
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
		c.checkReplyFits(situation, pos, bad)
		if situation == "emergency" {
			first, _, _ := strings.Cut(text, ". ")
			if !emergencyRE.MatchString(first) {
				bad(pos, `begin with the number to call, such as "If this is an emergency, call 911 or your local emergency number now."`,
					"replies.emergency does not begin by telling the reader to call an emergency number")
			}
		}
	}
}

// checkReplyFits reports, at pos, the platforms whose longest reply the
// reply of situation does not fit.
func (c *Config) checkReplyFits(situation string, pos diag.Pos, bad func(pos diag.Pos, hint, format string, args ...any)) {
	text := c.SituationReply(situation)
	for _, ch := range c.Channels() {
		if m := ch.Measure(text, ch.ReplyLimit); !m.Fits {
			bad(pos, "shorten replies."+situation+", or turn "+ch.Name+" off under platforms:",
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
