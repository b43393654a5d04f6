package config_test

import (
	"net/url"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/faqcast/faqcast/generator/config"
)

const socialBase = "base_url: https://x.example/\npractice: {name: X, phone: \"555 010 0100\"}\n"

func TestChannels(t *testing.T) {
	data, err := os.ReadFile("../../faqcast.yaml")
	if err != nil {
		t.Fatal(err)
	}
	c, err := config.Parse("faqcast.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	type ch struct {
		Name     string
		Enabled  bool
		Hashtags int
		Limit    int
		Account  string
		CTA      string
	}
	var got []ch
	for _, c := range c.Channels() {
		got = append(got, ch{c.Name, c.Enabled, c.Hashtags, c.Limit, c.Account, c.CTA})
	}
	want := []ch{
		{"bluesky", true, 3, 300, "", "LEARN_MORE"},
		{"facebook", true, 3, 63206, "", "LEARN_MORE"},
		{"gbp", true, 0, 1500, "", "LEARN_MORE"},
		{"instagram", true, 5, 2200, "", "LEARN_MORE"},
		{"linkedin", true, 3, 3000, "", "LEARN_MORE"},
		{"mastodon", true, 4, 500, "@riverbend@med.example", "LEARN_MORE"},
		{"threads", true, 1, 500, "", "LEARN_MORE"},
		{"x", true, 2, 280, "", "LEARN_MORE"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Channels:\n%+v\nwant\n%+v", got, want)
	}
}

func TestChannelSettings(t *testing.T) {
	c, err := config.Parse("faqcast.yaml", []byte(socialBase+`platforms:
  x: {enabled: false}
  mastodon: {limit: 1000}
  bluesky: {hashtags: 0, limit: 250}
  gbp: {cta: CALL}
`))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, ch := range c.Channels() {
		names = append(names, ch.Name)
	}
	if strings.Join(names, " ") != "bluesky facebook gbp instagram linkedin mastodon threads" {
		t.Errorf("enabled: %v", names)
	}
	if ch := c.Channel("x"); ch.Enabled {
		t.Error("x is enabled")
	}
	if ch := c.Channel("mastodon"); ch.Limit != 1000 {
		t.Errorf("mastodon limit %d, want 1000", ch.Limit)
	}
	if ch := c.Channel("bluesky"); ch.Limit != 250 || ch.Hashtags != 0 {
		t.Errorf("bluesky limit %d hashtags %d, want 250 0", ch.Limit, ch.Hashtags)
	}
	if ch := c.Channel("gbp"); ch.CTA != "CALL" {
		t.Errorf("gbp cta %q, want CALL", ch.CTA)
	}
}

func TestUTMParams(t *testing.T) {
	for _, tc := range []struct {
		utm  string
		want url.Values
	}{
		{"", url.Values{"utm_source": {"x"}, "utm_medium": {"social"}, "utm_campaign": {"flu-shots"}}},
		{"utm: {medium: organic, campaign: \"faq-{platform}-{slug}\"}\n",
			url.Values{"utm_source": {"x"}, "utm_medium": {"organic"}, "utm_campaign": {"faq-x-flu-shots"}}},
		{"utm: {enabled: false}\n", nil},
		{"utm: {campaign: \"{x}{slug}-{{platform}}\"}\n",
			url.Values{"utm_source": {"x"}, "utm_medium": {"social"}, "utm_campaign": {"{x}flu-shots-{x}"}}},
	} {
		c, err := config.Parse("faqcast.yaml", []byte(socialBase+tc.utm))
		if err != nil {
			t.Fatal(err)
		}
		if got := c.UTMParams("x", "flu-shots"); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: UTMParams = %v, want %v", tc.utm, got, tc.want)
		}
	}
}

func TestSocialErrors(t *testing.T) {
	for _, tc := range []struct {
		name, yaml string
		want       []string
	}{
		{"unknown platform", "platforms: {twitter: {enabled: true}}\n",
			[]string{`faqcast.yaml:3:13: platforms: unknown key "twitter"`}},
		{"unknown setting", "platforms:\n  x: {hashtag: 2}\n",
			[]string{`faqcast.yaml:4:7: platforms.x: unknown key "hashtag"`}},
		{"limit above the platform's", "platforms:\n  x: {limit: 500}\n  mastodon: {limit: 5000}\n",
			[]string{"faqcast.yaml:4:14: platforms.x.limit 500 is outside X's limit of 280"}},
		{"too many hashtags", "platforms:\n  instagram: {hashtags: 30}\n  threads: {hashtags: 2}\n  gbp: {hashtags: 1}\n", []string{
			"faqcast.yaml:4:25: platforms.instagram.hashtags 30 is more than Instagram allows",
			"faqcast.yaml:5:23: platforms.threads.hashtags 2 is more than Threads allows",
			"faqcast.yaml:6:19: platforms.gbp.hashtags 1 is more than Google Business Profile allows",
		}},
		{"mastodon handle", "platforms:\n  mastodon: {account: riverbend}\n",
			[]string{`faqcast.yaml:4:23: platforms.mastodon.account "riverbend" is not a Mastodon handle`}},
		{"cta", "platforms:\n  x: {cta: CALL}\n  gbp: {cta: SHOP}\n", []string{
			"faqcast.yaml:4:12: platforms.x.cta is only for gbp",
			`faqcast.yaml:5:14: platforms.gbp.cta "SHOP" is not a button faqcast can set`,
		}},
		{"book without a booking url", "platforms:\n  gbp: {cta: BOOK}\n",
			[]string{"faqcast.yaml:4:14: platforms.gbp.cta BOOK needs practice.booking_url"}},
		{"utm", "utm: {medium: \"so cial\", campaign: \"a&b\"}\n", []string{
			`faqcast.yaml:3:15: utm.medium "so cial" is not a campaign value`,
			`faqcast.yaml:3:36: utm.campaign "a&b" is not a campaign value`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := config.Parse("faqcast.yaml", []byte(socialBase+tc.yaml))
			msgs, _ := diags(t, err)
			if !reflect.DeepEqual(msgs, tc.want) {
				t.Errorf("errors:\n%q\nwant\n%q", msgs, tc.want)
			}
		})
	}
}
