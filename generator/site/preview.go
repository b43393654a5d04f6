package site

import (
	"strings"
	"unicode/utf8"

	"github.com/faqcast/faqcast/generator/platform"
	"github.com/faqcast/faqcast/generator/post"
)

// PreviewURL is the path of the post preview page relative to the site root.
const PreviewURL = "social/"

// A Preview is one entry's posts on the preview page.
type Preview struct {
	Entry *Entry
	Posts []PreviewPost
}

// A PreviewPost is a post as the preview page shows it.
type PreviewPost struct {
	post.Variant
	// Title and Units name the platform and what its counter counts.
	Title, Units string
	// Visible is the text a feed shows before "See more"; Rest is the
	// remainder, empty when the platform does not fold or the text is
	// short.
	Visible, Rest string
	// Over is set when the text is longer than the platform's soft limit.
	Over bool
}

// previews pairs the site's entries with their posts, in site order.
func previews(s *Site, posts map[string][]post.Variant) []*Preview {
	var out []*Preview
	for _, e := range s.Entries {
		vs := posts[e.Slug]
		if len(vs) == 0 {
			continue
		}
		pv := &Preview{Entry: e}
		for _, v := range vs {
			p, _ := platform.Lookup(v.Platform)
			pp := PreviewPost{Variant: v, Title: p.Title, Units: p.Units, Visible: v.Text}
			pp.Visible, pp.Rest = fold(v.Text, p.Fold)
			pp.Over = p.SoftLimit > 0 && v.Length > p.SoftLimit
			pv.Posts = append(pv.Posts, pp)
		}
		out = append(out, pv)
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

func previewPage(s *Site, posts map[string][]post.Variant) *Page {
	return &Page{
		Site:        s,
		Kind:        "preview",
		Title:       "Post preview | " + s.Practice.Name,
		Heading:     "Post preview",
		Description: "Every social post this build made, for review by the practice's team.",
		Path:        PreviewURL,
		Permalink:   s.BaseURL + PreviewURL,
		Root:        rootFrom(PreviewURL),
		NoIndex:     true,
		OGType:      "website",
		Crumbs:      []Crumb{{Name: "Home", URL: ""}, {Name: "Post preview", Here: true}},
		Previews:    previews(s, posts),
	}
}
