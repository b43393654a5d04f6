package site

import (
	"cmp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/faqcast/faqcast/generator/platform"
	"github.com/faqcast/faqcast/generator/post"
)

// PreviewURL is the path of the first page of the posts by question,
// relative to the site root.
const PreviewURL = WorkspaceURL + "questions/"

// A Preview is one entry's posts on the preview page.
type Preview struct {
	Entry *Entry
	Posts []PreviewPost
	// Readability is the answer's readability, such as "grade 4.2,
	// reading ease 80.1", or "" when it was not scored.
	Readability string
}

// fill makes pv's Posts of the entry's posts in src.
func (pv *Preview) fill(src PostSource) {
	variants := src.Posts(pv.Entry.Slug)
	pv.Posts = make([]PreviewPost, len(variants))
	for i := range variants {
		pv.Posts[i] = previewPost(&variants[i])
	}
}

// previewPost returns v as the preview shows it.
func previewPost(v *post.Variant) PreviewPost {
	p, _ := platform.Lookup(v.Platform)
	pp := PreviewPost{
		Entry: v.Entry, Platform: v.Platform, Account: v.Account, Text: v.Text,
		Length: v.Length, Limit: v.Limit, Link: v.Link, LinkText: v.LinkText,
		Hashtags: v.Hashtags, Media: v.Media, CTA: v.CTA, Override: v.Override,
		Notes: v.Notes, Warnings: v.Warnings,
		Title: cmp.Or(p.Title, v.Platform), Units: p.Units,
	}
	pp.Visible, pp.Rest = fold(v.Text, p.Fold)
	pp.Over = p.SoftLimit > 0 && v.Length > p.SoftLimit
	return pp
}

// A PreviewPost is a post as the preview page shows it: the fields of its
// [post.Variant], and how the page shows them.
//
// The variant's fields are copied, not embedded: text/template finds a
// struct's own fields directly, but looks for promoted ones with reflect's
// search of the embedded structs, which allocates, and a site's preview
// pages look up a dozen fields of every post.
type PreviewPost struct {
	// The variant's fields; see [post.Variant].
	Entry, Platform, Account, Text string
	Length, Limit                  int
	Link, LinkText                 string
	Hashtags                       []string
	Media                          []post.Media
	CTA                            post.CTA
	Override                       bool
	Notes, Warnings                []string

	// Title and Units name the platform and what its counter counts.
	Title, Units string
	// Visible is the text a feed shows before "See more"; Rest is the
	// remainder, empty when the platform does not fold or the text is
	// short.
	Visible, Rest string
	// Over is set when the text is longer than the platform's soft limit.
	Over bool
}

// previews returns a preview of each of the site's entries that has
// posts in src, in site order, without its posts.
func previews(s *Site, src PostSource) []*Preview {
	out := make([]*Preview, 0, len(s.Entries))
	all := make([]Preview, 0, len(s.Entries)) // one allocation for all
	for _, e := range s.Entries {
		if n, _ := src.Count(e.Slug); n == 0 {
			continue
		}
		all = append(all, Preview{Entry: e})
		out = append(out, &all[len(all)-1])
	}
	return out
}

// fold splits text after at most n characters, at the last space before
// them; n == 0 means no fold.
func fold(text string, n int) (visible, rest string) {
	if n == 0 || utf8.RuneCountInString(text) <= n {
		return text, ""
	}
	cut := 0
	for i := range text {
		if n == 0 {
			break
		}
		n--
		cut = i
	}
	if sp := strings.LastIndexAny(text[:cut], " \n"); sp > 0 {
		cut = sp
	}
	return strings.TrimRight(text[:cut], " \n"), strings.TrimLeft(text[cut:], " \n")
}

// PreviewPageSize is how many entries' posts one preview page shows.
const PreviewPageSize = 25

// A Pager links a page of a paginated list to the others.
type Pager struct {
	// Label names the list for people who navigate by landmarks, such as
	// "Preview pages".
	Label         string
	Number, Total int
	// First, Prev, Next and Last are paths relative to the site root; Prev
	// and Next are empty at the ends.
	First, Prev, Next, Last string
}

// pager returns the Pager of page n of total of the list label names,
// whose paths url gives.
func pager(label string, n, total int, url func(int) string) *Pager {
	pg := &Pager{Label: label, Number: n, Total: total, First: url(1), Last: url(total)}
	if n > 1 {
		pg.Prev = url(n - 1)
	}
	if n < total {
		pg.Next = url(n + 1)
	}
	return pg
}

// previewURL returns the path of preview page n (1-based).
func previewURL(n int) string {
	if n == 1 {
		return PreviewURL
	}
	return PreviewURL + "page/" + strconv.Itoa(n) + "/"
}

// previewPages returns the post preview pages: PreviewPageSize entries a
// page, in site order. There is always a first page, even with no posts.
func previewPages(s *Site, src PostSource) []*Page {
	all := previews(s, src)
	total := previewTotal(len(all))
	var pages []*Page
	for n := 1; n <= total; n++ {
		pages = append(pages, previewPage(s, n, total, all[min((n-1)*PreviewPageSize, len(all)):min(n*PreviewPageSize, len(all))], src))
	}
	return pages
}

// previewTotal returns how many preview pages show n entries' posts.
func previewTotal(n int) int { return max(1, (n+PreviewPageSize-1)/PreviewPageSize) }

// previewPage returns preview page n of total, showing previews, whose
// posts it takes from src when executed.
func previewPage(s *Site, n, total int, previews []*Preview, src PostSource) *Page {
	loc := s.Languages[0].loc
	title := pagedTitle(loc, loc.Fixed("preview.name"), n, total)
	p := staffPage(s, "preview", previewURL(n), title, loc.Fixed("preview.description"), title)
	p.Previews = previews
	p.Pager = pager(loc.Fixed("preview.pages"), n, total, previewURL)
	p.view = func(p *Page, a *Answers) *Page {
		v := *p
		v.view = nil
		v.Previews = make([]*Preview, len(p.Previews))
		for i, pv := range p.Previews {
			filled := *pv
			if a != nil {
				filled.Readability = at(a.Readability, pv.Entry.order)
			}
			filled.fill(src)
			v.Previews[i] = &filled
		}
		return &v
	}
	return p
}
