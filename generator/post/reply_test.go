package post_test

import (
	"strings"
	"testing"

	"github.com/faqcast/faqcast/generator/platform"
)

// TestReplies checks an entry's replies to comments: the short answer and
// the link tagged utm_medium=reply on every platform, its short form where
// comments do not make links clickable, no hashtags, and each within the
// platform's reply limit, shortened as posts are where it is tight.
func TestReplies(t *testing.T) {
	long := strings.Repeat("Flu shots protect you and the people around you. ", 4)
	for _, tc := range []struct {
		name, fm string
	}{
		{"short answer", fluShots},
		{"long answer", "title: Do you offer flu shots?\nsummary: " + strings.TrimSpace(long)[:190] + "\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := composer(t, "")
			vs, err := c.Replies(parse(t, tc.fm), page)
			if err != nil {
				t.Fatal(err)
			}
			got := byPlatform(vs)
			if len(got) != len(platform.All) {
				t.Fatalf("%d replies, want one per platform", len(vs))
			}
			for name, v := range got {
				p, _ := platform.Lookup(name)
				if v.Limit != p.ReplyLimit || v.Length > v.Limit || p.Count(v.Text) != v.Length {
					t.Errorf("%s: length %d (counted %d) against limit %d, want within %d", name, v.Length, p.Count(v.Text), v.Limit, p.ReplyLimit)
				}
				if !strings.Contains(v.Link, "utm_medium=reply") || !strings.Contains(v.Link, "utm_source="+name) {
					t.Errorf("%s: link %q is not tagged as a reply on %s", name, v.Link, name)
				}
				switch name {
				case "instagram", "bluesky":
					if v.LinkText != "clinic.support/faq/flu-shots/" || !strings.Contains(v.Text, v.LinkText) || strings.Contains(v.Text, "utm_") {
						t.Errorf("%s: text %q, link text %q: want the link's short form", name, v.Text, v.LinkText)
					}
				default:
					if !strings.Contains(v.Text, v.Link) {
						t.Errorf("%s: text %q lacks the link %q", name, v.Text, v.Link)
					}
				}
				if strings.Contains(v.Text, "#") {
					t.Errorf("%s: a reply with hashtags: %q", name, v.Text)
				}
				if !strings.HasSuffix(v.Text, "General information, not medical advice.") {
					t.Errorf("%s: %q does not end with the disclaimer", name, v.Text)
				}
			}
			if tc.name == "long answer" && len(got["x"].Notes) == 0 {
				t.Errorf("x: a long answer was not shortened: %q", got["x"].Text)
			}
		})
	}
}

// TestOwnReply checks a writer's own reply: {link} becomes the tagged
// link, or its short form where links are not clickable; one too long for
// a platform is an error at reply:.
func TestOwnReply(t *testing.T) {
	c := composer(t, "")
	vs, err := c.Replies(parse(t, fluShots+"reply: \"Yes, every fall: {link}\"\n"), page)
	if err != nil {
		t.Fatal(err)
	}
	got := byPlatform(vs)
	if x := got["x"]; !x.Override || !strings.HasPrefix(x.Text, "Yes, every fall: https://clinic.support/faq/flu-shots/?utm_") {
		t.Errorf("x: %+v", x)
	}
	if ig := got["instagram"]; ig.Text != "Yes, every fall: clinic.support/faq/flu-shots/" {
		t.Errorf("instagram: %q", ig.Text)
	}
	_, err = c.Replies(parse(t, fluShots+"reply: \""+strings.Repeat("word ", 70)+"{link}\"\n"), page)
	if err == nil || !strings.Contains(err.Error(), "content/flu-shots.md:5:8: reply: the X reply is") {
		t.Errorf("a reply too long for X: %v", err)
	}
}
