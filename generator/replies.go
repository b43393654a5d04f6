package generator

import (
	"strconv"
	"strings"

	"github.com/faqcast/faqcast/generator/check"
	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/locale"
	"github.com/faqcast/faqcast/generator/output"
	"github.com/faqcast/faqcast/generator/post"
	"github.com/faqcast/faqcast/generator/reply"
	"github.com/faqcast/faqcast/internal/diag"
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
// replies.json holds them: in the site's language, with the reply in each
// of the other languages of langs (see [site.Uses]).
func situationTexts(cfg *config.Config, cat *locale.Catalog, langs []string) []reply.SituationText {
	replies := situationReplies(cfg, cat, langs)
	words := cat.Locale(langs[0])
	out := make([]reply.SituationText, 0, len(config.Situations))
	for _, s := range config.Situations {
		st := reply.SituationText{Situation: s.Name, Title: words.Fixed("situation." + s.Name), When: words.Fixed("situation." + s.Name + "_when"),
			Lang: langs[0], Reply: replies[0].Situations[s.Name], Translations: []reply.Translation{}}
		if s.Name != reply.Entry {
			for _, r := range replies[1:] {
				st.Translations = append(st.Translations, reply.Translation{Lang: r.Lang, Reply: r.Situations[s.Name]})
			}
		}
		out = append(out, st)
	}
	return out
}

// situationReplies returns the practice's replies by situation in each of
// langs, the site's language first, for [reply.NewKit].
func situationReplies(cfg *config.Config, cat *locale.Catalog, langs []string) []reply.Replies {
	out := make([]reply.Replies, len(langs))
	for i, lang := range langs {
		out[i] = reply.Replies{Lang: lang, Situations: map[string]string{}}
		for _, s := range config.Situations {
			if s.Name != reply.Entry {
				out[i].Situations[s.Name] = situationReply(cfg, cat.Locale(lang), s.Name, i == 0)
			}
		}
	}
	return out
}

// situationReply returns the practice's reply for situation in the
// language of words: the config's own, when own says the language is the
// site's, or else the default; "" for "entry".
func situationReply(cfg *config.Config, words *locale.Locale, situation string, own bool) string {
	if situation == reply.Entry {
		return ""
	}
	def := words.Written(cfg.DefaultReplyKey(situation))
	if !own {
		return cfg.FillReply(def)
	}
	return cfg.SituationReply(situation, def)
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

// checkEmergencyMessages reports the site's own emergency replies among
// its messages, texts (see [locale.Catalog.Texts]), that do not begin by
// telling the reader to call an emergency number: in another language, or
// in the site's when replies: has none, they are held to the same rule as
// replies.emergency. It reports, too, an emergency reply in another of
// langs, the site's languages, that names none of the numbers
// replies.emergency names (see [config.Config.CheckEmergencyNumbers]).
func checkEmergencyMessages(cfg *config.Config, cat *locale.Catalog, langs []string, texts []check.Text) error {
	var errs []error
	ownEmergency := cfg.SituationReply("emergency", "") != ""
	for _, t := range texts {
		if t.Field != "message reply.emergency" || ownEmergency && strings.EqualFold(t.Lang, langs[0]) {
			continue // replies.emergency is the site's own, checked with the config
		}
		if !config.CallsEmergency(t.Text) {
			errs = append(errs, diag.Errorf(t.Path, diag.Pos{Line: t.Line, Col: t.Col},
				"message reply.emergency (%s) does not begin by telling the reader to call an emergency number", t.Lang).WithHint("%s", config.EmergencyHint))
		}
	}
	for _, lang := range langs[1:] {
		errs = append(errs, cfg.CheckEmergencyNumbers(lang, situationReply(cfg, cat.Locale(lang), "emergency", false)))
	}
	return diag.Join(errs...)
}
