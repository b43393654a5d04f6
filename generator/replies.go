package generator

import (
	"strconv"

	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/output"
	"github.com/faqcast/faqcast/generator/reply"
)

// Paths of the reply kit's files.
const (
	repliesJSON   = socialDir + "replies.json"
	repliesSchema = socialDir + "replies.schema.json"
)

// replyFiles returns replies.json, the practice's replies by situation and
// every published entry's replies, and its JSON Schema: again only when
// the posts, the config or the templates changed.
func (g *Generator) replyFiles(in *loaded, posts *postSet) ([]output.File, error) {
	st := g.state
	key := st.keys.Of(in.shell, strconv.FormatUint(st.posts.Gen(), 10))
	return st.replies.Get(key, func() ([]output.File, error) {
		js, err := repliesFile(in.cfg, posts).JSON()
		if err != nil {
			return nil, err
		}
		return []output.File{
			{Path: repliesJSON, Data: js},
			{Path: repliesSchema, Data: reply.Schema()},
		}, nil
	})
}

// repliesFile returns the reply kit of cfg and posts as replies.json holds
// it.
func repliesFile(cfg *config.Config, posts *postSet) *reply.File {
	f := &reply.File{Version: reply.FileVersion, Situations: []reply.SituationText{}, Entries: []reply.EntryReplies{}}
	for _, s := range config.Situations {
		f.Situations = append(f.Situations, reply.SituationText{Situation: s.Name, Title: s.Title, When: s.When, Reply: cfg.SituationReply(s.Name)})
	}
	for _, p := range posts.posts {
		er := reply.EntryReplies{Entry: p.entry.Slug, Question: p.entry.Title, Questions: p.entry.Questions, Replies: []reply.PlatformReply{}}
		if er.Questions == nil {
			er.Questions = []string{}
		}
		for _, v := range p.replies {
			notes := v.Notes
			if notes == nil {
				notes = []string{}
			}
			er.Replies = append(er.Replies, reply.PlatformReply{Platform: v.Platform, Text: v.Text, Length: v.Length, Limit: v.Limit,
				Link: v.Link, LinkText: v.LinkText, Override: v.Override, Notes: notes})
		}
		f.Entries = append(f.Entries, er)
	}
	return f
}
