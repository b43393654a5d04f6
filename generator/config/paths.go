package config

import (
	"regexp"
	"strings"

	"github.com/faqcast/faqcast/internal/decode"
	"github.com/faqcast/faqcast/internal/diag"
)

// Paths sets where the site's pages go below its base URL.
type Paths struct {
	// Entries is the folder of the entries' pages: "faq" (the default)
	// puts an entry at faq/<slug>/; "" puts it right below the base URL,
	// for a site published in a folder of its own, such as
	// https://www.example.com/faq/, whose entries are then at
	// https://www.example.com/faq/<slug>/.
	Entries *string `yaml:"entries"`

	Pos decode.Positions `yaml:"-"`
}

// DefaultEntriesPath is the folder of the entries' pages unless
// paths.entries says otherwise.
const DefaultEntriesPath = "faq"

// ReservedSlugs are the names below the base URL that faqcast's own pages
// take: with paths.entries set to "", no entry's slug may be one.
var ReservedSlugs = []string{"topics", "social"}

// pathSegmentRE matches a folder name that paths.entries may be.
var pathSegmentRE = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)

// EntryURL returns the path of the page of the entry of slug, relative to
// the site's base URL, such as "faq/flu-shots/". Unless paths.entries says
// otherwise, entries are in "faq/", or right below a base URL whose path
// ends in "/faq/" already: https://www.example.com/faq/flu-shots/, never
// https://www.example.com/faq/faq/flu-shots/.
func (c *Config) EntryURL(slug string) string {
	dir := DefaultEntriesPath
	switch {
	case c == nil:
	case c.Paths.Entries != nil:
		dir = *c.Paths.Entries
	case c.Base != nil && strings.HasSuffix(c.Base.Path, "/"+DefaultEntriesPath+"/"):
		dir = ""
	}
	if dir == "" {
		return slug + "/"
	}
	return dir + "/" + slug + "/"
}

// checkPaths validates c.Paths, reporting with bad.
func (c *Config) checkPaths(bad func(pos diag.Pos, hint, format string, args ...any)) {
	e := c.Paths.Entries
	if e == nil || *e == "" || pathSegmentRE.MatchString(*e) {
		if e != nil && (*e == "topics" || *e == "social") {
			bad(c.Paths.Pos["entries"], `choose another folder, such as "faq", or "" for none`, "paths.entries %q is the folder of faqcast's %s pages", *e, *e)
		}
		return
	}
	bad(c.Paths.Pos["entries"], `write one folder name in lower case, such as "faq" or "questions", or "" to put entries right below base_url`,
		"paths.entries %q is not a folder name", *e)
}
