package generator

import (
	"crypto/sha256"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/faqcast/faqcast/generator/check"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/output"
	"github.com/faqcast/faqcast/generator/post"
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
// settings: its file and its posts.
type checkVersion struct {
	hash, posts string
}

// checkScope returns the digest of the settings of s that findings depend
// on: all of them, with the day of s.Now but not its clock reading, for
// the age of reviews.
func checkScope(s *check.Settings) string {
	key := *s
	key.Now = time.Time{}
	sum := sha256.Sum256(fmt.Appendf(nil, "%+v %s", key, s.Now.Format(time.DateOnly)))
	return string(sum[:])
}

// checkEntry runs the compliance checks over e and its posts.
func checkEntry(s *check.Settings, e *entry.Entry, posts []post.Variant) *entryCheck {
	variants := map[string]string{}
	for _, v := range posts {
		if !v.Override {
			variants[v.Platform] = v.Text
		}
	}
	findings, score := s.Check(e, variants)
	c := &entryCheck{findings: findings, score: score}
	if score.Words >= check.MinScoredWords {
		c.readability = score.String()
	}
	return c
}

// checkSummary is what the checks found in every published entry: the
// findings sorted by file, the readability scores by file, and, by slug,
// the readability that the preview pages show of answers long enough to
// score.
type checkSummary struct {
	findings    []check.Finding
	scores      map[string]check.Score
	readability map[string]string
}

// summarizeChecks gathers what the checks found in entries.
func summarizeChecks(entries []*entry.Entry, found []*entryCheck) *checkSummary {
	sum := &checkSummary{
		scores:      make(map[string]check.Score, len(entries)),
		readability: make(map[string]string, len(entries)),
	}
	for i, c := range found {
		e := entries[i]
		sum.findings = append(sum.findings, c.findings...)
		sum.scores[e.Path] = c.score
		if c.readability != "" {
			sum.readability[e.Slug] = c.readability
		}
	}
	slices.SortStableFunc(sum.findings, func(a, b check.Finding) int { return strings.Compare(a.Path, b.Path) })
	return sum
}

// checkPage runs the page checks over one page, named by its path below
// dest.
func checkPage(s *check.Settings, dest string, f output.File) ([]check.Finding, error) {
	data := f.Data
	if data == nil {
		var err error
		if data, err = f.Make(); err != nil {
			return nil, err
		}
	}
	return s.Page(filepath.ToSlash(filepath.Join(dest, f.Path)), data), nil
}

// checkedPages returns the pages of files the page checks look at: the
// site's HTML pages, not the post previews.
func checkedPages(files []output.File) []output.File {
	var pages []output.File
	for _, f := range files {
		if strings.HasSuffix(f.Path, ".html") && !strings.HasPrefix(f.Path, socialDir) {
			pages = append(pages, f)
		}
	}
	return pages
}
