package generator

import (
	"context"
	"fmt"

	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/post"
	"github.com/faqcast/faqcast/generator/reply"
)

// Kit returns the reply kit of the site as of c.Now: the practice's reply
// by situation and its published entries, whose replies it composes when
// asked. It loads the config, the theme and the entries, and reports their
// problems as a build does, but renders and writes nothing.
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
	situations := map[string]string{}
	for _, s := range config.Situations {
		if s.Name != reply.Entry {
			situations[s.Name] = situationReply(in.cfg, in.catalog.Locale(in.cfg.Language), s.Name)
		}
	}
	var qs []reply.Question
	for _, e := range in.index.Entries {
		qs = append(qs, reply.Question{Slug: e.Slug, Title: e.Title, Summary: e.Summary, Tags: e.Tags, Others: e.Questions})
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
	return reply.NewKit(situations, qs, replyOf), nil
}
