// Package platform describes the social platforms faqcast writes posts for,
// as data: one row per platform with its name and limits.
package platform

import "slices"

// A Platform is one social network and its posting rules.
type Platform struct {
	// Name is the platform's name in config, front matter and output.
	Name string
	// Title is the platform's name as people write it.
	Title string
	// Limit is the longest post the platform accepts, in its own units.
	Limit int
}

// All lists every platform faqcast knows, sorted by Name.
var All = []Platform{
	{Name: "bluesky", Title: "Bluesky", Limit: 300},
	{Name: "facebook", Title: "Facebook", Limit: 63206},
	{Name: "gbp", Title: "Google Business Profile", Limit: 1500},
	{Name: "instagram", Title: "Instagram", Limit: 2200},
	{Name: "linkedin", Title: "LinkedIn", Limit: 3000},
	{Name: "mastodon", Title: "Mastodon", Limit: 500},
	{Name: "threads", Title: "Threads", Limit: 500},
	{Name: "x", Title: "X", Limit: 280},
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
