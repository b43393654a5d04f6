package generator

import (
	"strconv"

	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/locale"
	"github.com/faqcast/faqcast/generator/output"
	"github.com/faqcast/faqcast/generator/post"
	"github.com/faqcast/faqcast/generator/reply"
)

// Paths of the reply kit's files.
const (
	repliesJSON   = socialDir + "replies.json"
	repliesSchema = socialDir + "replies.schema.json"
)

// replyFiles returns replies.json, the practice's replies by situation and
// every published entry's replies, which the maker streams (see
// [maker.Stream]), and its JSON Schema. Its key changes with the posts,
// the config and the templates.
func (g *Generator) replyFiles(in *loaded) []output.File {
	st := g.state
	key := st.keys.Of(in.shell, strconv.FormatUint(st.posts.Gen(), 10))
	return []output.File{
		{Path: repliesJSON, Large: true, Key: "replies " + key},
		{Path: repliesSchema, Data: reply.Schema()},
	}
}

// situationTexts returns the practice's reply for each situation, as
// replies.json holds them, in the site's language.
func situationTexts(cfg *config.Config, cat *locale.Catalog) []reply.SituationText {
	words := cat.Locale(cfg.Language)
	out := make([]reply.SituationText, 0, len(config.Situations))
	for _, s := range config.Situations {
		out = append(out, reply.SituationText{Situation: s.Name, Title: words.Fixed("situation." + s.Name), When: words.Fixed("situation." + s.Name + "_when"),
			Reply: situationReply(cfg, words, s.Name)})
	}
	return out
}

// situationReply returns the practice's reply for situation: the config's
// own, or else the default in the language of words; "" for "entry".
func situationReply(cfg *config.Config, words *locale.Locale, situation string) string {
	if situation == reply.Entry {
		return ""
	}
	return cfg.SituationReply(situation, words.Written(cfg.DefaultReplyKey(situation)))
}

// entryReplies returns e's replies as replies.json holds them.
func entryReplies(e *entry.Entry, replies []post.Variant) reply.EntryReplies {
	er := reply.EntryReplies{Entry: e.Slug, Question: e.Title, Questions: e.Questions, Replies: make([]reply.PlatformReply, 0, len(replies))}
	if er.Questions == nil {
		er.Questions = []string{}
	}
	for _, v := range replies {
		notes := v.Notes
		if notes == nil {
			notes = []string{}
		}
		er.Replies = append(er.Replies, reply.PlatformReply{Platform: v.Platform, Text: v.Text, Length: v.Length, Limit: v.Limit,
			Link: v.Link, LinkText: v.LinkText, Override: v.Override, Notes: notes})
	}
	return er
}
