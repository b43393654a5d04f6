package generator

import (
	"cmp"
	"context"
	"crypto/sha256"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/faqcast/faqcast/generator/card"
	"github.com/faqcast/faqcast/generator/check"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/internal/memo"
)

// entryCheck is what the compliance checks found in one entry and its
// posts.
type entryCheck struct {
	key         string // of what it was made of
	findings    []check.Finding
	score       check.Score
	readability string // score as the preview shows it, or ""
}

// checkVersion is what an entry's findings are made of besides the
// settings: its file, its posts, and what they owe to the day (see
// [check.Settings.Dated]).
type checkVersion struct {
	hash, posts, dated string
}

// checkScope returns the digest of the settings of s that findings depend
// on: all of them but Now. What an entry's findings owe to the day, the
// age of its review, keys them besides (see [check.Settings.Dated]); no
// other finding depends on it.
func checkScope(s *check.Settings) string {
	key := *s
	key.Now = time.Time{}
	sum := sha256.Sum256(fmt.Appendf(nil, "%+v", key))
	return string(sum[:])
}

// checkedTexts returns the texts of posts that the checks read, by
// platform: the posts and replies faqcast wrote, not a writer's own.
func checkedTexts(posts *entryPosts) (map[string]string, error) {
	vs, err := posts.variants()
	if err != nil {
		return nil, err
	}
	rs, err := posts.replies()
	if err != nil {
		return nil, err
	}
	texts := map[string]string{}
	for _, v := range vs {
		if !v.Override {
			texts[v.Platform] = v.Text
		}
	}
	for _, v := range rs {
		if !v.Override {
			texts[v.Platform+" reply"] = v.Text
		}
	}
	return texts, nil
}

// checkEntry runs the compliance checks over e and variants, the texts of
// its posts and its replies (see checkedTexts), and looks for what it holds
// of a starter entry and for what of its title painter cannot draw.
func checkEntry(s *check.Settings, e *entry.Entry, variants map[string]string, painter *card.Painter) *entryCheck {
	findings, score := s.Check(e, variants)
	if more := slices.Concat(starterFindings(s, e), cardFindings(s, e, painter)); len(more) > 0 {
		findings = append(findings, more...)
		slices.SortStableFunc(findings, func(a, b check.Finding) int {
			return cmp.Or(cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col), cmp.Compare(a.Rule, b.Rule))
		})
	}
	c := &entryCheck{findings: findings, score: score}
	if score.Words >= check.MinScoredWords {
		c.readability = score.String()
	}
	return c
}

// checkSummary is what the checks found in every published entry: the
// findings sorted by file, the readability scores by file, and, in the
// entries' order, the readability that the preview pages show of answers
// long enough to score.
type checkSummary struct {
	found       []*entryCheck // what it was gathered from, by entry
	findings    []check.Finding
	scores      map[string]check.Score
	readability []string
}

// summarizeChecks gathers what the checks found in entries: anew, or, when
// d says which of found changed since last was gathered, from last.
func summarizeChecks(entries []*entry.Entry, found []*entryCheck, last *checkSummary, d memo.Delta) *checkSummary {
	sum := &checkSummary{found: found, readability: make([]string, len(entries))}
	for i, c := range found {
		sum.readability[i] = c.readability
	}
	if !d.All {
		// The same entries, some checked again: their scores change, and
		// the findings only if theirs did.
		sum.scores, sum.findings = maps.Clone(last.scores), last.findings
		same := true
		for _, i := range d.Changed {
			sum.scores[entries[i].Path] = found[i].score
			same = same && slices.Equal(found[i].findings, last.found[i].findings)
		}
		if same {
			return sum
		}
	} else {
		sum.scores = make(map[string]check.Score, len(entries))
		for i, c := range found {
			sum.scores[entries[i].Path] = c.score
		}
	}
	sum.findings = nil
	for _, c := range found {
		sum.findings = append(sum.findings, c.findings...)
	}
	slices.SortStableFunc(sum.findings, func(a, b check.Finding) int { return strings.Compare(a.Path, b.Path) })
	return sum
}

// checkEntries runs the compliance checks over every published entry and
// its posts, computing again only for the entries whose file or posts, or
// the settings, changed; the face check over their images; the text
// rules over the words of the config and of the site's own templates that
// every page shows; and what the site still holds of faqcast init's
// placeholders. It also returns how many entries' findings came from the
// cache kept between processes.
func (g *Generator) checkEntries(ctx context.Context, in *loaded, posts *postSet, bodies *bodySet) (*checkSummary, int, error) {
	st := g.state
	s, entries := in.checks, in.index.Entries
	dated := make([]string, len(entries))
	for i, e := range entries {
		dated[i] = s.Dated(e)
	}
	item := func(i int) memo.Item[checkVersion] {
		v := in.index.Versions[i]
		return memo.Item[checkVersion]{Name: v.Rel, Version: checkVersion{v.Hash, posts.keys[i], dated[i]}}
	}
	scope := in.scope
	kept := g.keeper(in)
	key := func(i int) string {
		e := entries[i]
		return st.keys.Of(scope, e.Hash, e.Path, posts.keys[i], dated[i])
	}
	found, d, err := st.checks.Map(ctx, scope, len(entries), item,
		func(i int, last *entryCheck) bool { return last.key == key(i) },
		func(i int) (*entryCheck, error) {
			p := posts.posts[i]
			c, err := keptCheck(kept, scope, entries[i], p.digest, dated[i], func() (*entryCheck, error) {
				texts, err := checkedTexts(p)
				if err != nil {
					return nil, fmt.Errorf("%s: posts: %w", p.entry.Path, err)
				}
				return checkEntry(s, entries[i], texts, st.painter), nil
			})
			if err != nil {
				return nil, err
			}
			c.key = key(i)
			return c, nil
		})
	if err != nil {
		return nil, 0, err
	}
	sum := st.checkSum.Get(st.checks.Gen(), d, func(last *checkSummary, d memo.Delta) *checkSummary {
		return summarizeChecks(entries, found, last, d)
	})
	// The config's own published texts, and the faces in the entries'
	// images, among the entries' findings, by file and place.
	texts := keptTexts(kept, scope, in.texts, func() []check.Finding { return s.Texts(in.texts) })
	more := slices.Concat(texts, faceFindings(s, bodies), setupFindings(s, in.cfg), hoursFindings(s, in.cfg), xLinkFindings(s, in.cfg), cardNameFindings(s, in.cfg, in.texts, st.painter), slotLanguageFindings(s, in.cfg, in.langs), offPostFindings(s, in.cfg, entries))
	if len(more) > 0 {
		with := *sum
		with.findings = slices.Concat(sum.findings, more)
		slices.SortStableFunc(with.findings, func(a, b check.Finding) int {
			return cmp.Or(strings.Compare(a.Path, b.Path), cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col))
		})
		return &with, kept.found(), nil
	}
	return sum, kept.found(), nil
}

// checkPage runs the page checks over the file at path below dest, whose
// bytes are b, if it is one of the pages they look at (see isPage).
func checkPage(s *check.Settings, dest, path string, b []byte) []check.Finding {
	if !isPage(path) {
		return nil
	}
	return s.Page(filepath.ToSlash(filepath.Join(dest, path)), b)
}

// checkPages runs the page checks over the site's pages, computing again
// only for the pages whose key changed.
func (g *Generator) checkPages(ctx context.Context, in *loaded, pages *pageSet) ([]check.Finding, error) {
	st := g.state
	s, dest := in.checks, in.dest
	var checked []int // by place in pages
	for i, f := range pages.files {
		if isPage(f.Path) {
			checked = append(checked, i)
		}
	}
	unkeyed := "build " + strconv.FormatUint(st.builds, 10) // a page without a key is checked again
	item := func(k int) memo.Item[string] {
		f := pages.files[checked[k]]
		return memo.Item[string]{Name: f.Path, Version: cmp.Or(f.Key, unkeyed)}
	}
	found, _, err := st.pageChecks.Map(ctx, dest+"\x00"+in.scope, len(checked), item,
		func(int, []check.Finding) bool { return false },
		func(k int) ([]check.Finding, error) {
			i := checked[k]
			if pages.onDisk[i] != "" {
				return pages.found[i], nil // checked as read from the cache
			}
			find := func() ([]check.Finding, error) {
				_, data, err := pages.bytes(i)
				if err != nil {
					return nil, err
				}
				return checkPage(s, dest, pages.files[i].Path, data), nil
			}
			if pages.kept.disk == nil {
				return find()
			}
			// A build that writes nothing makes no page whose findings
			// the cache holds.
			return keptPageFindings(pages.kept, in.scope, dest, pages.keptKey(i), find)
		})
	if err != nil {
		return nil, err
	}
	return st.pageSum.Get(strconv.FormatUint(st.pageChecks.Gen(), 10), func() ([]check.Finding, error) {
		return slices.Concat(found...), nil
	})
}
