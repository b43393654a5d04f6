package config

import (
	"slices"
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
	// Links is the folder of the link page, the one page a practice puts
	// in its Instagram, TikTok or Threads bio: "links" (the default) puts
	// it at links/; "" makes none.
	Links *string `yaml:"links"`

	Pos decode.Positions `yaml:"-"`
}

// DefaultEntriesPath is the folder of the entries' pages unless
// paths.entries says otherwise.
const DefaultEntriesPath = "faq"

// DefaultLinksPath is the folder of the link page unless paths.links
// says otherwise.
const DefaultLinksPath = "links"

// ownFolders are the folders below the base URL that faqcast's own pages
// always take.
var ownFolders = []string{"topics", "social"}

// Reserved returns the names below the base URL that faqcast's own pages
// take: the topics, the staff workspace (social) and the link page. With
// paths.entries set to "", no entry's slug may be one.
func (c *Config) Reserved() []string {
	if l := c.LinksDir(); l != "" {
		return append(slices.Clip(ownFolders), l)
	}
	return ownFolders
}

// LinksDir returns the folder of the link page below the site's base URL,
// or "" for no link page (see [Paths.Links]).
func (c *Config) LinksDir() string {
	if c != nil && c.Paths.Links != nil {
		return *c.Paths.Links
	}
	return DefaultLinksPath
}

// EntriesDir returns the folder of the entries' pages below the site's
// base URL, "" for none. Unless paths.entries says otherwise, it is "faq",
// or "" below a base URL whose path ends in "/faq/" already:
// https://www.example.com/faq/flu-shots/, never
// https://www.example.com/faq/faq/flu-shots/.
func (c *Config) EntriesDir() string {
	switch {
	case c == nil:
	case c.Paths.Entries != nil:
		return *c.Paths.Entries
	case c.Base != nil && strings.HasSuffix(c.Base.Path, "/"+DefaultEntriesPath+"/"):
		return ""
	}
	return DefaultEntriesPath
}

// EntryURL returns the path of the page of the entry of slug, relative to
// the site's base URL, such as "faq/flu-shots/" (see [Config.EntriesDir]).
func (c *Config) EntryURL(slug string) string {
	if dir := c.EntriesDir(); dir != "" {
		return dir + "/" + slug + "/"
	}
	return slug + "/"
}

// EntryURLIn returns the path of the page of the entry of slug written in
// language lang, relative to the site's base URL: [Config.EntryURL], below
// the language's folder when lang is another language than the site's,
// such as "es/faq/gripe/" for lang "es" on an English site ("" is the
// site's language).
func (c *Config) EntryURLIn(slug, lang string) string {
	if dir := c.LanguageDir(lang); dir != "" {
		return dir + "/" + c.EntryURL(slug)
	}
	return c.EntryURL(slug)
}

// LanguageDir returns the folder of the pages in language lang, a BCP 47
// tag, below the site's base URL: the tag in lower case, such as "es" or
// "pt-br", or "" for the site's own language (and for "").
func (c *Config) LanguageDir(lang string) string {
	if lang == "" || c == nil || strings.EqualFold(lang, c.Language) || c.Language == "" && strings.EqualFold(lang, "en") {
		return ""
	}
	return strings.ToLower(lang)
}

// BioURL returns the link page's address as a bio shows it, without its
// scheme or a final slash, such as "riverbend.example/links", or "" when
// the site has no link page.
func (c *Config) BioURL() string {
	dir := c.LinksDir()
	if dir == "" || c.Base == nil {
		return ""
	}
	return c.Base.Host + c.Base.Path + dir
}

// checkPaths validates c.Paths, reporting with bad.
func (c *Config) checkPaths(bad func(pos diag.Pos, hint, format string, args ...any)) {
	e := c.Paths.Entries
	switch {
	case e == nil || *e == "":
	case !folderRE.MatchString(*e):
		bad(c.Paths.Pos["entries"], `write one folder name in lower case, such as "faq" or "questions", or "" to put entries right below base_url`,
			"paths.entries %q is not a folder name", *e)
	case slices.Contains(c.Reserved(), *e):
		bad(c.Paths.Pos["entries"], `choose another folder, such as "faq", or "" for none`, "paths.entries %q is the folder of faqcast's %s pages", *e, *e)
	}
	switch l := c.Paths.Links; {
	case l == nil || *l == "":
	case !folderRE.MatchString(*l):
		bad(c.Paths.Pos["links"], `write one folder name in lower case, such as "links" or "bio", or "" for no link page`,
			"paths.links %q is not a folder name", *l)
	case slices.Contains(ownFolders, *l):
		bad(c.Paths.Pos["links"], `choose another folder, such as "links"`, "paths.links %q is the folder of faqcast's %s pages", *l, *l)
	}
}
