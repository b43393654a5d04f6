package config

import (
	"fmt"
	"net/url"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"github.com/faqcast/faqcast/generator/platform"
	"github.com/faqcast/faqcast/internal/decode"
	"github.com/faqcast/faqcast/internal/diag"
)

// Platforms holds the settings of each social platform, under the key
// platforms: in faqcast.yaml. A platform left out keeps its defaults.
type Platforms struct {
	Bluesky   *PlatformConfig `yaml:"bluesky"`
	Facebook  *PlatformConfig `yaml:"facebook"`
	GBP       *PlatformConfig `yaml:"gbp"`
	Instagram *PlatformConfig `yaml:"instagram"`
	LinkedIn  *PlatformConfig `yaml:"linkedin"`
	Mastodon  *PlatformConfig `yaml:"mastodon"`
	Threads   *PlatformConfig `yaml:"threads"`
	X         *PlatformConfig `yaml:"x"`

	Pos decode.Positions `yaml:"-"`
}

// A PlatformConfig is one platform's settings.
type PlatformConfig struct {
	// Enabled turns the platform's posts on or off (on by default).
	Enabled *bool `yaml:"enabled"`
	// Hashtags is the most hashtags a post carries (the platform's default
	// if nil).
	Hashtags *int `yaml:"hashtags"`
	// Limit replaces the platform's length limit: lower it for any
	// platform, or set a Mastodon instance's own limit.
	Limit int `yaml:"limit"`
	// Account names the account the posts go to, for publishers, such as
	// "@riverbend@med.example" on Mastodon.
	Account string `yaml:"account"`
	// CTA is the Google Business Profile button: LEARN_MORE (the default,
	// to the entry's page), BOOK (to practice.booking_url) or CALL.
	CTA string `yaml:"cta"`

	Pos decode.Positions `yaml:"-"`
}

// UTM sets the campaign parameters added to every post's link.
// utm_source is always the platform's name.
type UTM struct {
	// Enabled adds the parameters (on by default).
	Enabled *bool `yaml:"enabled"`
	// Medium is utm_medium ("social" if empty).
	Medium string `yaml:"medium"`
	// Campaign is utm_campaign ("{slug}" if empty); {slug} and {platform}
	// stand for the entry's slug and the platform's name.
	Campaign string `yaml:"campaign"`

	Pos decode.Positions `yaml:"-"`
}

// A Channel is one platform's settings with every default filled in.
type Channel struct {
	platform.Platform
	Enabled  bool
	Hashtags int // the most hashtags a post carries
	Account  string
	CTA      string // gbp only
}

// GBPCTAs lists the Google Business Profile buttons faqcast can set.
var GBPCTAs = []string{"LEARN_MORE", "BOOK", "CALL"}

// Channel returns the settings of the platform called name.
func (c *Config) Channel(name string) Channel {
	p, _ := platform.Lookup(name)
	ch := Channel{Platform: p, Enabled: true, Hashtags: p.Hashtags, CTA: "LEARN_MORE"}
	pc := c.Platforms.byName(name)
	if pc == nil {
		return ch
	}
	if pc.Enabled != nil {
		ch.Enabled = *pc.Enabled
	}
	if pc.Hashtags != nil {
		ch.Hashtags = *pc.Hashtags
	}
	if pc.Limit > 0 {
		if p.Name == "mastodon" {
			// The instance's limit holds for replies too, which are
			// posts there; elsewhere a lower limit is a writer's choice
			// for posts.
			ch.ReplyLimit = pc.Limit
		}
		ch.Limit = pc.Limit
	}
	ch.Account = pc.Account
	if pc.CTA != "" {
		ch.CTA = pc.CTA
	}
	return ch
}

// Channels returns the enabled platforms' settings, in the platform
// table's order.
func (c *Config) Channels() []Channel {
	var out []Channel
	for _, p := range platform.All {
		if ch := c.Channel(p.Name); ch.Enabled {
			out = append(out, ch)
		}
	}
	return out
}

// byName returns the settings under platforms.<name>, or nil.
func (ps *Platforms) byName(name string) *PlatformConfig {
	return fieldByYAMLName[*PlatformConfig](ps, name)
}

// fieldByYAMLName returns the field of the struct ptr points to whose yaml
// tag is name, or the zero T if there is none. Platforms and Slots have one
// field per platform; this finds a platform's without a second list of names.
func fieldByYAMLName[T any](ptr any, name string) T {
	v := reflect.ValueOf(ptr).Elem()
	t := v.Type()
	for i := range t.NumField() {
		if t.Field(i).Tag.Get("yaml") == name {
			f, _ := v.Field(i).Interface().(T)
			return f
		}
	}
	var zero T
	return zero
}

// UTMParams returns the query parameters for a post's link on platform p
// for the entry with the given slug, or nil when UTM tagging is off.
func (c *Config) UTMParams(p, slug string) url.Values {
	if c.UTM.Enabled != nil && !*c.UTM.Enabled {
		return nil
	}
	medium := c.UTM.Medium
	if medium == "" {
		medium = "social"
	}
	campaign := c.UTM.Campaign
	if campaign == "" {
		campaign = "{slug}"
	}
	return url.Values{
		"utm_source":   {p},
		"utm_medium":   {expandUTM(medium, slug, p)},
		"utm_campaign": {expandUTM(campaign, slug, p)},
	}
}

// expandUTM returns s with {slug} and {platform} filled in, in one pass
// from the left, as a [strings.Replacer] of the two would, without making
// one for every link.
func expandUTM(s, slug, platform string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		s = s[i:]
		switch {
		case strings.HasPrefix(s, "{slug}"):
			b.WriteString(slug)
			s = s[len("{slug}"):]
		case strings.HasPrefix(s, "{platform}"):
			b.WriteString(platform)
			s = s[len("{platform}"):]
		default:
			b.WriteByte('{')
			s = s[1:]
		}
	}
}

var (
	mastodonAccountRE = regexp.MustCompile(`^@[A-Za-z0-9_]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$`)
	utmValueRE        = regexp.MustCompile(`^[A-Za-z0-9_.{}-]+$`)
)

// checkSocial validates platforms: and utm:.
func (c *Config) checkSocial(bad func(pos diag.Pos, hint, format string, args ...any), at func(p decode.Positions, key string, def ...diag.Pos) diag.Pos) {
	for _, p := range platform.All {
		pc := c.Platforms.byName(p.Name)
		if pc == nil {
			continue
		}
		key := "platforms." + p.Name
		top := at(c.Platforms.Pos, p.Name, at(c.Pos, "platforms"))
		if pc.Limit < 0 || (pc.Limit > p.Limit && p.Name != "mastodon") {
			bad(at(pc.Pos, "limit", top), fmt.Sprintf("use a number from 1 to %d, or leave limit out", p.Limit),
				"%s.limit %d is outside %s's limit of %d", key, pc.Limit, p.Title, p.Limit)
		}
		if pc.Hashtags != nil && (*pc.Hashtags < 0 || *pc.Hashtags > maxHashtags(p)) {
			bad(at(pc.Pos, "hashtags", top), fmt.Sprintf("use a number from 0 to %d", maxHashtags(p)),
				"%s.hashtags %d is more than %s allows", key, *pc.Hashtags, p.Title)
		}
		if p.Name == "mastodon" && pc.Account != "" && !mastodonAccountRE.MatchString(pc.Account) {
			bad(at(pc.Pos, "account", top), "write the full handle, such as @riverbend@med.example",
				"%s.account %q is not a Mastodon handle", key, pc.Account)
		}
		switch {
		case pc.CTA != "" && p.Name != "gbp":
			bad(at(pc.Pos, "cta", top), "only gbp (Google Business Profile) posts have a button", "%s.cta is only for gbp", key)
		case pc.CTA != "" && !slices.Contains(GBPCTAs, pc.CTA):
			bad(at(pc.Pos, "cta", top), "use LEARN_MORE, BOOK or CALL", "%s.cta %q is not a button faqcast can set", key, pc.CTA)
		case pc.CTA == "BOOK" && c.Practice.BookingURL == "":
			bad(at(pc.Pos, "cta", top), "set practice.booking_url, or use LEARN_MORE", "%s.cta BOOK needs practice.booking_url", key)
		}
	}
	for _, key := range []string{"medium", "campaign"} {
		v := c.UTM.Medium
		if key == "campaign" {
			v = c.UTM.Campaign
		}
		if v != "" && !utmValueRE.MatchString(v) {
			bad(at(c.UTM.Pos, key, at(c.Pos, "utm")), "use letters, digits, -, _, . and the placeholders {slug} and {platform}",
				"utm.%s %q is not a campaign value", key, v)
		}
	}
}

// maxHashtags is the most hashtags the config may ask for on p.
func maxHashtags(p platform.Platform) int {
	switch p.Name {
	case "instagram":
		return 5 // Instagram's own limit
	case "threads":
		return 1 // one topic tag
	case "gbp":
		return 0 // GBP posts do not use hashtags
	}
	return 10
}
