package site

import (
	"strconv"
	"strings"

	"github.com/faqcast/faqcast/generator/platform"
	"github.com/faqcast/faqcast/generator/post"
)

// ReplyURL is the path of the reply kit's first page, relative to the site
// root.
const ReplyURL = WorkspaceURL + "replies/"

// An EntryReplies is an entry's replies on the reply kit: its distinct
// texts, each with the platforms it is for.
type EntryReplies struct {
	Entry *Entry
	Texts []ReplyText
}

// A ReplyText is a reply's text and the platforms it is for.
type ReplyText struct {
	// ID tells the text apart on its page.
	ID string
	// Platforms names the platforms, such as "Facebook, LinkedIn and X".
	Platforms string
	Text      string
	// Rows is how many lines its box shows.
	Rows int
}

// entryReplies returns e's replies, one per distinct text, in the order of
// the platforms that first have them.
func entryReplies(e *Entry, replies []post.Variant) *EntryReplies {
	er := &EntryReplies{Entry: e}
	var names [][]string
	for _, v := range replies {
		p, _ := platform.Lookup(v.Platform)
		title := p.Title
		if title == "" {
			title = v.Platform
		}
		found := false
		for i := range er.Texts {
			if er.Texts[i].Text == v.Text {
				names[i] = append(names[i], title)
				found = true
				break
			}
		}
		if !found {
			er.Texts = append(er.Texts, ReplyText{ID: e.Slug + "-" + strconv.Itoa(len(er.Texts)+1), Text: v.Text,
				Rows: PreviewPost{Text: v.Text}.Rows()})
			names = append(names, []string{title})
		}
	}
	for i := range er.Texts {
		er.Texts[i].Platforms = andList(names[i])
	}
	return er
}

// andList joins words as a sentence lists them: "a", "a and b", "a, b and c".
func andList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// replyURL returns the path of reply kit page n (1-based).
func replyURL(n int) string {
	if n == 1 {
		return ReplyURL
	}
	return ReplyURL + "page/" + strconv.Itoa(n) + "/"
}

// replyPages returns the reply kit's pages: the situations' replies on the
// first, and the entries' replies, PreviewPageSize entries a page, in site
// order. A page lists its entries without their replies, which it takes
// from pub's posts when executed.
func replyPages(s *Site, pub *Publishing) []*Page {
	var all []*EntryReplies
	for _, e := range s.Entries {
		if _, n := pub.Posts.Count(e.Slug); n > 0 {
			all = append(all, &EntryReplies{Entry: e})
		}
	}
	total := previewTotal(len(all))
	var pages []*Page
	for n := 1; n <= total; n++ {
		loc := s.Languages[0].loc
		title := pagedTitle(loc, loc.Fixed("replies.name"), n, total)
		p := staffPage(s, "replies", replyURL(n), title, loc.Fixed("replies.description"), title)
		p.Replies = all[min((n-1)*PreviewPageSize, len(all)):min(n*PreviewPageSize, len(all))]
		p.Pager = pager(loc.Fixed("replies.pages"), n, total, replyURL)
		if n == 1 {
			p.Situations = pub.Situations
		}
		p.view = func(p *Page, _ *Answers) *Page {
			v := *p
			v.view = nil
			v.Replies = make([]*EntryReplies, len(p.Replies))
			for i, er := range p.Replies {
				v.Replies[i] = entryReplies(er.Entry, pub.Posts.Replies(er.Entry.Slug))
			}
			return &v
		}
		pages = append(pages, p)
	}
	return pages
}
