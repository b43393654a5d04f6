package config_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/faqcast/faqcast/generator/config"
)

// TestPaths checks paths.entries: where it puts an entry's page, and the
// values it refuses, each at its place.
func TestPaths(t *testing.T) {
	const head = "base_url: https://www.example.com/faq/\npractice: {name: X, phone: \"555 010 0100\"}\n"
	for _, tc := range []struct {
		paths, want, err string
	}{
		{"", "flu/", ""}, // base_url ends in /faq/ already
		{"paths: {entries: faq}\n", "faq/flu/", ""},
		{"paths: {entries: \"\"}\n", "flu/", ""},
		{"paths: {entries: questions}\n", "questions/flu/", ""},
		{"paths: {entries: topics}\n", "", `faqcast.yaml:3:18: paths.entries "topics" is the folder of faqcast's topics pages`},
		{"paths: {entries: a/b}\n", "", `faqcast.yaml:3:18: paths.entries "a/b" is not a folder name`},
		{"paths: {entries: FAQ}\n", "", `faqcast.yaml:3:18: paths.entries "FAQ" is not a folder name`},
	} {
		c, err := config.Parse("faqcast.yaml", []byte(head+tc.paths))
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: %v, want %q", tc.paths, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%q: %v", tc.paths, err)
		}
		if got := c.EntryURL("flu"); got != tc.want {
			t.Errorf("%q: EntryURL = %q, want %q", tc.paths, got, tc.want)
		}
	}
	// Below any other base URL, entries are in faq/.
	c, err := config.Parse("faqcast.yaml", []byte("base_url: https://www.example.com/care/\npractice: {name: X, phone: \"555 010 0100\"}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := c.EntryURL("flu"); got != "faq/flu/" {
		t.Errorf("EntryURL = %q, want faq/flu/", got)
	}
}

// TestLinksPath checks paths.links: the link page's folder, the address a
// bio shows, the names it takes from entries, and the values it refuses.
func TestLinksPath(t *testing.T) {
	const head = "base_url: https://www.example.com/care/\npractice: {name: X, phone: \"555 010 0100\"}\n"
	for _, tc := range []struct {
		paths, dir, bio, err string
		reserved             []string
	}{
		{"", "links", "www.example.com/care/links", "", []string{"topics", "social", "links"}},
		{"paths: {links: bio}\n", "bio", "www.example.com/care/bio", "", []string{"topics", "social", "bio"}},
		{"paths: {links: \"\"}\n", "", "", "", []string{"topics", "social"}},
		{"paths: {links: social}\n", "", "", `faqcast.yaml:3:16: paths.links "social" is the folder of faqcast's social pages`, nil},
		{"paths: {links: Links/}\n", "", "", `faqcast.yaml:3:16: paths.links "Links/" is not a folder name`, nil},
		{"paths: {links: bio, entries: bio}\n", "", "", `paths.entries "bio" is the folder of faqcast's bio pages`, nil},
	} {
		c, err := config.Parse("faqcast.yaml", []byte(head+tc.paths))
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: %v, want %q", tc.paths, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%q: %v", tc.paths, err)
		}
		if got := c.LinksDir(); got != tc.dir {
			t.Errorf("%q: LinksDir = %q, want %q", tc.paths, got, tc.dir)
		}
		if got := c.BioURL(); got != tc.bio {
			t.Errorf("%q: BioURL = %q, want %q", tc.paths, got, tc.bio)
		}
		if got := c.Reserved(); !slices.Equal(got, tc.reserved) {
			t.Errorf("%q: Reserved = %q, want %q", tc.paths, got, tc.reserved)
		}
	}
}

func TestEntryURLIn(t *testing.T) {
	faq, none := "faq", ""
	for _, c := range []struct {
		site, entries, lang, want string
		own                       bool
	}{
		{site: "en", lang: "", want: "faq/flu/"},
		{site: "en", lang: "en", want: "faq/flu/"},
		{site: "en", lang: "es", want: "es/faq/flu/"},
		{site: "en", lang: "pt-BR", want: "pt-br/faq/flu/"},
		{site: "", lang: "en", want: "faq/flu/"}, // the site's language is English by default
		{site: "es", lang: "es", want: "faq/flu/"},
		{site: "es", lang: "en", want: "en/faq/flu/"},
		{site: "en", lang: "es", want: "es/flu/", own: true},
	} {
		cfg := &config.Config{Language: c.site}
		cfg.Paths.Entries = &faq
		if c.own {
			cfg.Paths.Entries = &none
		}
		if got := cfg.EntryURLIn("flu", c.lang); got != c.want {
			t.Errorf("site %q, lang %q, own folder %v: EntryURLIn = %q, want %q", c.site, c.lang, c.own, got, c.want)
		}
	}
}
