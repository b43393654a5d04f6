package config_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/internal/diag"
)

// TestSituationReplies checks the replies by situation: faqcast's defaults,
// which name the portal and the booking page only when the practice has
// them, the config's own with their placeholders filled in, and the
// replies the config may not hold, each at its place.
func TestSituationReplies(t *testing.T) {
	const head = "base_url: https://www.example.com/\npractice: {name: Lakeside Clinic, phone: \"(555) 010-0100\"}\n"
	c, err := config.Parse("faqcast.yaml", []byte(head))
	if err != nil {
		t.Fatal(err)
	}
	for situation, want := range map[string]string{
		"emergency": "reply.emergency", "medical": "reply.medical", "disclosure": "reply.disclosure",
		"complaint": "reply.complaint", "request": "reply.request", "other": "reply.other", "entry": "", "compliment": "",
	} {
		if got := c.DefaultReplyKey(situation); got != want {
			t.Errorf("%s: the default reply is the message %q, want %q", situation, got, want)
		}
	}
	if got := c.SituationReply("other", "Thank you for following {practice}! Call {phone}."); got != "Thank you for following Lakeside Clinic! Call (555) 010-0100." {
		t.Errorf("the default reply, filled in: %q", got)
	}

	c, err = config.Parse("faqcast.yaml", []byte("base_url: https://www.example.com/\n"+
		"practice: {name: Lakeside Clinic, phone: \"(555) 010-0100\", booking_url: \"https://www.example.com/book\", portal_url: \"https://portal.example.com/\"}\n"+
		"replies:\n  other: \"Thanks from all of us at {practice}! Call {phone}.\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	for situation, want := range map[string]string{"medical": "reply.medical_portal", "disclosure": "reply.disclosure_portal", "request": "reply.request_booking_portal"} {
		if got := c.DefaultReplyKey(situation); got != want {
			t.Errorf("%s, with a booking page and a portal: the message %q, want %q", situation, got, want)
		}
	}
	if got := c.SituationReply("request", "Go to {booking_url} or {portal_url}."); got != "Go to https://www.example.com/book or https://portal.example.com/." {
		t.Errorf("request: %q, want the booking page and the portal", got)
	}
	if got := c.SituationReply("other", "the default"); got != "Thanks from all of us at Lakeside Clinic! Call (555) 010-0100." {
		t.Errorf("other: %q, want the config's own reply", got)
	}

	for _, tc := range []struct{ replies, want string }{
		{"replies: {medical: \"Call {fone}.\"}", `faqcast.yaml:3:20: replies.medical names {fone}, which faqcast does not fill in`},
		{"replies: {request: \"Book at {booking_url}.\"}", `faqcast.yaml:3:20: replies.request names {booking_url}, but practice.booking_url is not set`},
		{"replies: {emergency: \"We are sorry to hear that. Call 911.\"}", `faqcast.yaml:3:22: replies.emergency does not begin by telling the reader to call an emergency number`},
		{"replies: {complaint: [a]}", `faqcast.yaml:3:22`},
		{"replies: {compliment: \"Thanks!\"}", `unknown key "compliment"`},
	} {
		_, err := config.Parse("faqcast.yaml", []byte(head+tc.replies+"\n"))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.replies, err, tc.want)
		}
	}
}

// TestCheckDefaultReplies checks that a default reply that does not fit a
// platform once the practice's details are in it is an error at
// practice:, with a hint to shorten the config's own reply in the site's
// language, or the message in another, and that a reply of the config's
// own is not the default's to check.
func TestCheckDefaultReplies(t *testing.T) {
	c, err := config.Parse("faqcast.yaml", []byte("base_url: https://www.example.com/\nlanguage: en\n"+
		"practice: {name: Lakeside Clinic, phone: \"(555) 010-0100\"}\n"+
		"replies:\n  other: Thanks!\n"))
	if err != nil {
		t.Fatal(err)
	}
	long := func(string) string { return strings.Repeat("Call {phone}. ", 25) }
	for _, tc := range []struct{ lang, want, hint string }{
		{"en", "faqcast.yaml:3:11: the medical reply is 525 weighted characters long; a X reply holds 280", "shorten replies.medical, or turn x off under platforms:"},
		{"es", "faqcast.yaml:3:11: the medical (es) reply is 525 weighted characters long; a X reply holds 280", "give messages: es: a shorter reply.medical, or turn x off under platforms:"},
	} {
		err := c.CheckDefaultReplies(tc.lang, long)
		if err == nil {
			t.Fatalf("%s: no error for a default reply longer than X's", tc.lang)
		}
		var hints []string
		for _, e := range diag.Flatten(err) {
			if de, ok := e.(*diag.Error); ok {
				hints = append(hints, de.Hint)
			}
		}
		if !strings.Contains(err.Error(), tc.want) || !slices.Contains(hints, tc.hint) {
			t.Errorf("%s: %v (hints %q), want %q with the hint %q", tc.lang, err, hints, tc.want, tc.hint)
		}
		// In the site's language the config's own reply to other is
		// used, not the default; in another, the default is.
		if other := strings.Contains(err.Error(), "the other"); other != (tc.lang != "en") {
			t.Errorf("%s: the other reply checked: %v", tc.lang, other)
		}
	}
}
