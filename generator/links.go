package generator

import (
	"fmt"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/markdown"
	"github.com/faqcast/faqcast/internal/slug"
)

// A linkError is a broken link, with a hint for the writer.
type linkError struct {
	msg, hint string
}

func (e *linkError) Error() string { return e.msg }
func (e *linkError) Hint() string  { return e.hint }

// links resolves the relative links of a build's bodies.
type links struct {
	ix     *entry.Index
	topics map[string]bool // slugs of the build's topic pages
	cfg    *config.Config  // where entries' pages are
	// asPublished refuses a link from an entry that is no draft to a
	// draft, or to a topic page only drafts have, as a build without
	// drafts does, and allows a draft's link to an entry not published
	// yet, which such a build does not see (see Generator.AsPublished).
	asPublished bool
	// published are the slugs of the topic pages of the entries that are
	// no drafts, when asPublished.
	published map[string]bool
}

// draftError returns the error of a link from from to e, an entry the
// build publishes, when a build without drafts would refuse it; rel names
// e's file.
func (l *links) draftError(from, e *entry.Entry, rel string) error {
	if !l.asPublished || from.Draft || !e.Draft {
		return nil
	}
	return &linkError{fmt.Sprintf("link to %s, a draft, which a build without --drafts does not publish", rel),
		"publish that entry (remove its draft: true line), or remove the link until it is published"}
}

// topicSlugs returns the slugs of the topic pages of ix's entries, or,
// unless drafts, of those that are no drafts.
func topicSlugs(ix *entry.Index, drafts bool) map[string]bool {
	out := map[string]bool{}
	seen := map[string]bool{} // tags
	for _, e := range ix.Entries {
		if e.Draft && !drafts {
			continue
		}
		for _, t := range e.Tags {
			if !seen[t] {
				seen[t] = true
				out[slug.Make(t)] = true
			}
		}
	}
	return out
}

// resolver returns the link resolver for the body of entry from.
//
// A relative link may name another entry's file ("other.md",
// "../guides/other.md#part"), resolved from the linking file's folder, or
// another page by URL ("../other-slug/", "../../topics/insurance/"),
// resolved from the linking page. Links to entries become the path from
// the linking page to theirs ("../slug/", or "../../es/faq/slug/" to an
// entry in another language); a link to a file or page that is not in the
// build is an error.
func (l *links) resolver(from *entry.Entry) markdown.Resolver {
	ix := l.ix
	fromURL := l.cfg.EntryURLIn(from.Slug, from.Lang)
	return func(dest string) (string, error) {
		u, err := url.Parse(dest)
		if err != nil {
			return "", &linkError{fmt.Sprintf("link %q is not a valid URL", dest), "check the link for stray spaces or characters"}
		}
		suffix := ""
		if u.RawQuery != "" {
			suffix += "?" + u.RawQuery
		}
		if u.Fragment != "" {
			suffix += "#" + u.EscapedFragment()
		}
		p := u.Path
		if ext := strings.ToLower(path.Ext(p)); ext == ".md" || ext == ".markdown" {
			rel := path.Join(path.Dir(from.Rel), p)
			if rel == ".." || strings.HasPrefix(rel, "../") {
				return "", &linkError{fmt.Sprintf("link %q leaves the content folder", dest), "link to entries by their file name inside the content folder"}
			}
			e, status := ix.ByRel(rel)
			switch status {
			case entry.Live:
				if err := l.draftError(from, e, rel); err != nil {
					return "", err
				}
				return relPage(fromURL, l.cfg.EntryURLIn(e.Slug, e.Lang)) + suffix, nil
			case entry.Hidden:
				if l.asPublished && from.Draft {
					// Neither is published yet: a check of what a
					// build publishes has nothing to refuse.
					return relPage(fromURL, l.cfg.EntryURLIn(e.Slug, e.Lang)) + suffix, nil
				}
				return "", &linkError{fmt.Sprintf("link to %s, which this build does not publish (a draft, or outside its publish_on/expire_on dates)", rel),
					"remove the link until that entry is published, or build with --drafts to preview"}
			case entry.Failed:
				return "", &linkError{fmt.Sprintf("link to %s, which has errors", rel), "fix that entry first"}
			}
			return "", &linkError{fmt.Sprintf("link to a missing entry %s", rel), "check the file name; links to entries are relative to this file"}
		}

		// A page URL, relative to this entry's page.
		target := path.Join(fromURL, p)
		if target == ".." || strings.HasPrefix(target, "../") {
			return "", &linkError{fmt.Sprintf("link %q leaves the site", dest), "link to pages inside the site, or use a full https:// address"}
		}
		if target == "." {
			return p + suffix, nil
		}
		parts := strings.Split(target, "/")
		if e := ix.BySlug(parts[len(parts)-1]); e != nil && l.cfg.EntryURLIn(e.Slug, e.Lang) == target+"/" {
			if err := l.draftError(from, e, e.Rel); err != nil {
				return "", err
			}
			return relPage(fromURL, target+"/") + suffix, nil
		}
		if s, ok := l.entrySlug(parts); ok {
			if rel, failed := ix.FailedAt(s); failed {
				return "", &linkError{fmt.Sprintf("link to the page of %s, which has errors", rel), "fix that entry first"}
			}
			hint := "check the slug; links to pages are relative to this page, such as ../other-slug/"
			return "", &linkError{fmt.Sprintf("link to a missing page %s", l.cfg.EntryURL(s)), hint}
		}
		switch {
		case len(parts) == 2 && parts[0] == "topics":
			if l.asPublished && !from.Draft && l.topics[parts[1]] && !l.published[parts[1]] {
				return "", &linkError{fmt.Sprintf("link to the topic page topics/%s/, which only drafts have, so a build without --drafts does not make it", parts[1]),
					"publish an entry with that tag, or remove the link until one is published"}
			}
			if l.topics[parts[1]] {
				return ensureSlash(p) + suffix, nil
			}
			return "", &linkError{fmt.Sprintf("link to a missing topic page topics/%s/", parts[1]), "topic pages exist for the tags of published entries"}
		}
		return "", &linkError{fmt.Sprintf("link to %q, which is not a page of this site", dest), "link to another entry's file (other.md) or page (../other-slug/), or use a full https:// address"}
	}
}

// entrySlug returns the slug of the entry page at the path parts, below
// the site's root, if it is the path of one.
func (l *links) entrySlug(parts []string) (string, bool) {
	dir := l.cfg.EntriesDir()
	if dir == "" {
		return parts[0], len(parts) == 1 && !slices.Contains(l.cfg.Reserved(), parts[0])
	}
	return parts[len(parts)-1], len(parts) == 2 && parts[0] == dir
}

// relPage returns the path from the page at from to the page at to, both
// paths of pages relative to the site root, ending in "/": "../b/" from
// "faq/a/" to "faq/b/", "../../es/faq/b/" from "faq/a/" to "es/faq/b/".
func relPage(from, to string) string {
	f := strings.Split(strings.TrimSuffix(from, "/"), "/")
	t := strings.Split(strings.TrimSuffix(to, "/"), "/")
	i := 0
	for i < len(f) && i < len(t) && f[i] == t[i] {
		i++
	}
	if i == len(f) && i > 0 { // to is from, or below it: go up and back
		i--
	}
	return strings.Repeat("../", len(f)-i) + strings.Join(t[i:], "/") + "/"
}

func ensureSlash(p string) string {
	if strings.HasSuffix(p, "/") {
		return p
	}
	return p + "/"
}
