package generator

import (
	"context"
	"fmt"

	"github.com/faqcast/faqcast/generator/post"
	"github.com/faqcast/faqcast/generator/reply"
)

// Kit returns the reply kit of the site as of c.Now: the practice's reply
// by situation in each language of the site, and its published entries,
// whose replies it composes when asked. It loads the config, the theme
// and the entries, and reports their problems as a build does, but
// renders and writes nothing.
func (g *Generator) Kit(ctx context.Context, c Change) (*reply.Kit, error) {
	if g.state == nil {
		st, err := newState()
		if err != nil {
			return nil, err
		}
		g.state = st
	}
	in, err := g.load(ctx, c)
	if err != nil {
		return nil, err
	}
	if in.err != nil {
		return nil, in.err
	}
	var qs []reply.Question
	for _, e := range in.index.Entries {
		q := reply.Question{Slug: e.Slug, Lang: e.Language(in.langs[0]), Title: e.Title, Summary: e.Summary, Tags: e.Tags, Others: e.Questions}
		for _, t := range in.index.Translations(e) {
			q.Translations = append(q.Translations, t.Slug)
		}
		qs = append(qs, q)
	}
	composer := &post.Composer{
		Config:  in.cfg,
		Catalog: in.catalog,
		Execute: func(name string, data *post.Data) (string, error) { return in.theme.ExecutePost(name, data) },
	}
	replyOf := func(slug, platform string) (string, error) {
		e := in.index.BySlug(slug)
		if e == nil {
			return "", fmt.Errorf("no published entry %q", slug)
		}
		vs, err := composer.Replies(e, in.cfg.BaseURL+in.cfg.EntryURLIn(e.Slug, e.Lang))
		if err != nil {
			return "", err
		}
		if platform == "" && len(vs) > 0 {
			// Facebook's, where links are clickable and the reply is
			// whole; else the first platform's.
			platform = vs[0].Platform
			for _, v := range vs {
				if v.Platform == "facebook" {
					platform = v.Platform
				}
			}
		}
		for _, v := range vs {
			if v.Platform == platform {
				return v.Text, nil
			}
		}
		return "", fmt.Errorf("%s is turned off under platforms: in the config", platform)
	}
	return reply.NewKit(situationReplies(in.cfg, in.catalog, in.langs), qs, replyOf), nil
}
