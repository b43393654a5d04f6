// Package platform describes the social platforms faqcast writes posts for,
// as data: one row per platform with its name, its limits and the function
// that measures a post the way the platform does.
//
// Each platform counts length its own way (see [CountX], [CountGraphemes],
// [CountMastodon], [CountThreads] and [CountChars]); [Platform.Measure]
// applies a row's counter and limits to a text.
package platform

import "slices"

// A Platform is one social network and its posting rules.
//
// Rows in [All] are read-only: copy a row (as [Lookup] does) before changing
// a field such as Limit.
type Platform struct {
	// Name is the platform's name in config, front matter and output.
	Name string
	// Title is the platform's name as people write it.
	Title string
	// Limit is the longest post the platform accepts, in its own units
	// (see Units and Count).
	Limit int
	// MaxBytes is a second hard limit in UTF-8 bytes, or 0 if there is none
	// (Bluesky: 3000).
	MaxBytes int
	// ReplyLimit is the longest reply to a comment (or, on Google Business
	// Profile, to a review) the platform accepts, in the same units. Where
	// a reply is a post (X, Bluesky, Mastodon, Threads) it is Limit.
	ReplyLimit int
	// SoftLimit is a length above which a post works worse and faqcast
	// warns, or 0 if there is none (Facebook: 400).
	SoftLimit int
	// Fold is how many characters the feed shows before "See more", or 0
	// if the platform shows the whole post.
	Fold int
	// Hashtags is the default most hashtags in a post (0: none at all).
	Hashtags int
	// MaxLinks is the most links a post may hold, or 0 if there is no rule.
	MaxLinks int
	// LinkInText reports whether a link in the post's text is clickable.
	// When it is false (Instagram) the link goes in a separate field and
	// the text says "link in bio".
	LinkInText bool
	// LinkOnButton reports whether a post has a button beside its text
	// (Google Business Profile's call to action: learn more, which opens
	// the entry's page, book or call), which stands for a link in the
	// text, so that the text need not hold one.
	LinkOnButton bool
	// NoPhone reports whether the platform rejects posts that hold a phone
	// number (Google Business Profile).
	NoPhone bool
	// Count measures a text in the platform's units.
	Count func(text string) int
	// Units says what Count counts, for people: "weighted characters",
	// "graphemes" or "characters".
	Units string
}

// All lists every platform faqcast knows, sorted by Name.
//
// Sources for each number are in the counters' doc comments and in the
// project's research note on platforms and publishers (§1).
var All = []Platform{
	{
		// app.bsky.feed.post lexicon: text maxGraphemes 300, maxLength 3000.
		Name: "bluesky", Title: "Bluesky", Limit: 300, MaxBytes: 3000, ReplyLimit: 300,
		Hashtags: 3, LinkInText: true,
		Count: CountGraphemes, Units: "graphemes",
	},
	{
		// 63,206 is a folk number with no first-party source; the feed
		// folds at about 477 characters on desktop and 125 on mobile.
		// Comments: 8,000 characters (third-party guides agree).
		Name: "facebook", Title: "Facebook", Limit: 63206, SoftLimit: 400, Fold: 477, ReplyLimit: 8000,
		Hashtags: 3, LinkInText: true,
		Count: CountChars, Units: "characters",
	},
	{
		// localPosts summary: 1,500 characters; posts holding a phone
		// number are rejected; hashtags are not used. A reply to a review
		// holds 4,096 bytes at most (the reviews API's updateReply).
		Name: "gbp", Title: "Google Business Profile", Limit: 1500, Fold: 250, ReplyLimit: 4096,
		Hashtags: 0, LinkInText: true, LinkOnButton: true, NoPhone: true,
		Count: CountChars, Units: "characters",
	},
	{
		// Caption 2,200 characters, 5 hashtags, links not clickable,
		// about 125 characters shown in the feed. Comments: 2,200
		// characters, as captions, by most third-party guides (one says
		// 150; faqcast's replies stay far below both).
		Name: "instagram", Title: "Instagram", Limit: 2200, Fold: 125, ReplyLimit: 2200,
		Hashtags: 5, LinkInText: false,
		Count: CountChars, Units: "characters",
	},
	{
		// Posts API commentary: 3,000 characters. Comments: 1,250
		// characters (third-party guides).
		Name: "linkedin", Title: "LinkedIn", Limit: 3000, Fold: 210, ReplyLimit: 1250,
		Hashtags: 3, LinkInText: true,
		Count: CountChars, Units: "characters",
	},
	{
		// 500 is only the default: each instance sets its own
		// configuration.statuses.max_characters, so callers may override it.
		Name: "mastodon", Title: "Mastodon", Limit: 500, ReplyLimit: 500,
		Hashtags: 4, LinkInText: true,
		Count: CountMastodon, Units: "graphemes",
	},
	{
		// 500 characters with emoji counted in UTF-8 bytes; at most 5
		// links; one topic tag.
		Name: "threads", Title: "Threads", Limit: 500, ReplyLimit: 500,
		Hashtags: 1, MaxLinks: 5, LinkInText: true,
		Count: CountThreads, Units: "characters",
	},
	{
		// twitter-text v3: 280 weighted characters.
		Name: "x", Title: "X", Limit: 280, ReplyLimit: 280,
		Hashtags: 2, LinkInText: true,
		Count: CountX, Units: "weighted characters",
	},
}

// Names returns the names of all platforms, sorted.
func Names() []string {
	names := make([]string, len(All))
	for i, p := range All {
		names[i] = p.Name
	}
	return names
}

// Lookup returns the platform called name.
func Lookup(name string) (Platform, bool) {
	i := slices.IndexFunc(All, func(p Platform) bool { return p.Name == name })
	if i < 0 {
		return Platform{}, false
	}
	return All[i], true
}
