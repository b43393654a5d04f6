package check

import (
	"cmp"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/internal/diag"
)

// Settings configure a site's checks.
type Settings struct {
	Allow Allow
	// Severities changes rules' severities; Off turns a rule off.
	Severities map[string]Severity
	// Off lists rules turned off.
	Off map[string]bool
	// ReviewMaxAge is how old a medical review may be before a warning.
	ReviewMaxAge time.Duration
	// TargetGrade and MaxGrade bound the reading grade: a warning above
	// the first, an error above the second.
	TargetGrade, MaxGrade float64
	// Reviewers maps staff ids to the staff who may review.
	Reviewers map[string]Reviewer
	// ReviewRoles names the staff roles that may review, for hints.
	ReviewRoles []string
	// Now is the reference time for the age of reviews.
	Now time.Time
	// Language is the site's language, a BCP 47 tag: the language of
	// entries without lang: (see [ReadabilityIn]).
	Language string
	// Review is how the practice's kind names the review of its entries:
	// "medical" ("" too), "clinical" or "plain", as config.Kind's Review;
	// the review rules' messages follow it.
	Review string
	// Reviewer is what the review rules' hints call one who may review an
	// entry, such as "pharmacist"; "" is "clinician" (see
	// [Settings.ReviewerNoun]).
	Reviewer string
	// SourceExample names a trusted reference that fits the practice's
	// kind, for the hint of an entry with no sources, such as "a
	// MedlinePlus page"; "" gives none.
	SourceExample string
	// Disclaimers are the disclaimer's words in each language of the
	// site's pages, as HTML writes them, which every page must show one
	// of (see [Settings.Page]); none asks for the English words "not
	// medical advice".
	Disclaimers []string
}

// A Reviewer is a staff member as the review rules see them.
type Reviewer struct {
	Name         string
	HIPAATrained bool
	Clinical     bool
	// KindFor, when the reviewer may not review, names a kind of practice
	// whose entries their role may review (practice.kind), for the hint.
	KindFor string
}

// MinScoredWords is the shortest answer the readability rules score:
// the formulas mean little on a few words.
const MinScoredWords = 30

// allowComment matches a reviewed line's allowance in a body.
var allowComment = regexp.MustCompile(`<!--\s*faqcast:allow\s+([A-Z][A-Z-]*[A-Z])\s*(.*?)\s*-->`)

// Entry checks one entry: its title, summary, body, its writer's own post
// and reply texts, its other phrasings of the question, its image's alt
// text and its sources, its medical review and its
// readability. variants are the texts faqcast generated for it, by
// platform ("x"), and its replies, by platform ("x reply"); only what they add to the entry's own text (a template's
// words) is reported, at the entry's first line. It returns the findings
// sorted by position, with allowed ones turned into notes.
func (s *Settings) Entry(e *entry.Entry, variants map[string]string) []Finding {
	out, _ := s.Check(e, variants)
	return out
}

// Check is [Settings.Entry] that also returns the readability of the
// entry's answer, which the checks compute.
func (s *Settings) Check(e *entry.Entry, variants map[string]string) ([]Finding, Score) {
	readModels()
	var out []Finding
	at := func(key string) diag.Pos {
		if p, ok := e.Pos[key]; ok {
			return p
		}
		return diag.Pos{Line: 1, Col: 1}
	}
	lang := e.Language(s.Language)
	field := func(name, text string, pos diag.Pos) Text {
		return Text{Field: name, Text: text, Path: e.Path, Line: pos.Line, Col: pos.Col, Lang: lang}
	}
	texts := []Text{
		field("title", e.Title, at("title")),
		field("summary", e.Summary, at("summary")),
		{Field: "body", Text: string(e.Body), Path: e.Path, Line: e.BodyLine, Col: 1, Lang: lang},
	}
	for _, name := range slices.Sorted(maps.Keys(e.Posts)) {
		texts = append(texts, field("posts."+name, e.Posts[name], e.PostsPos[name]))
	}
	if e.Reply != "" {
		texts = append(texts, field("reply", e.Reply, at("reply")))
	}
	for i, q := range e.Questions {
		// Positions are kept by key, not by list item: each is reported
		// at the list.
		texts = append(texts, field(fmt.Sprintf("questions[%d]", i), q, at("questions")))
	}
	if e.Image != nil {
		texts = append(texts, field("image.alt", e.Image.Alt, e.Image.Pos["alt"]))
	}
	for i, src := range e.Sources {
		texts = append(texts, field(fmt.Sprintf("sources[%d].title", i), src.Title, src.Pos["title"]))
		texts = append(texts, field(fmt.Sprintf("sources[%d].url", i), src.URL, src.Pos["url"]))
	}
	ours := ourWords(&s.Allow)
	for _, t := range texts {
		var keep func(Match) bool
		if strings.HasPrefix(t.Field, "sources[") {
			// A source's title names its authors and its subjects, who
			// are no patients: "Dr. Seuss's Guide to …".
			keep = func(m Match) bool { return m.Rule != "PHI-NAME" && m.Rule != "PHI-STORY" }
		}
		out = append(out, s.scan(t, keep, ours)...)
	}
	// A generated post holds the entry's own words, scanned above, and its
	// template's, with the link to the entry's page: scan only the words
	// the entry does not have, and each page of the practice's own site
	// once, whatever tracking parameters each platform's link adds. The
	// platforms' distinct rests are scanned as one text, a paragraph each;
	// a match is the platform's whose paragraph holds it whole.
	have := map[string]struct{}{} // the entry's words
	for _, t := range texts {
		for w := range strings.FieldsSeq(t.Text) {
			have[w] = struct{}{}
		}
	}
	var rests, platforms []string
	pages := map[string]bool{}
	for _, name := range slices.Sorted(maps.Keys(variants)) {
		var words []string
		for w := range strings.FieldsSeq(variants[name]) {
			if _, ok := have[w]; ok || strings.HasPrefix(w, "#") {
				continue
			}
			if page, ok := ownLink(w, &s.Allow); ok {
				if pages[page] {
					continue
				}
				pages[page] = true
			}
			words = append(words, w)
		}
		rest := strings.Join(words, " ")
		if rest == "" || slices.Contains(rests, rest) {
			continue
		}
		rests, platforms = append(rests, rest), append(platforms, name)
	}
	joined := strings.Join(rests, variantBreak)
	for _, m := range s.matches(joined, e.Language(s.Language), false, ours) {
		// The paragraph the match starts in, and its end.
		k, end := 0, len(rests[0])
		for end+len(variantBreak) <= m.Start {
			k++
			end += len(variantBreak) + len(rests[k])
		}
		if m.End > end {
			continue // across two platforms' words: neither's
		}
		// The words come from a template, not from the entry's file.
		label := platforms[k] // "x", or "x reply" for a reply
		if !strings.HasSuffix(label, " reply") {
			label += " post"
		}
		if f, ok := s.finding(e.Path, diag.Pos{Line: 1, Col: 1}, m.Rule, label+": "+m.Message, m.Hint); ok {
			out = append(out, f)
		}
	}
	out = append(out, s.review(e, at)...)
	score := ReadabilityIn(string(e.Body), e.Language(s.Language))
	out = append(out, s.readability(e, score)...)
	out = s.applyAllows(e, out)
	slices.SortStableFunc(out, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col), cmp.Compare(a.Rule, b.Rule))
	})
	return slices.CompactFunc(out, func(a, b Finding) bool {
		return a.Pos == b.Pos && a.Rule == b.Rule && a.Message == b.Message
	}), score
}

// scan runs the text rules over t, keeping the matches keep accepts; ours
// are the words of the practice's own names (see [ourWords]).
func (s *Settings) scan(t Text, keep func(Match) bool, ours map[string]bool) []Finding {
	if t.Text == "" || t.Line == 0 {
		return nil
	}
	// A source's title and its address are no sentences of the entry's.
	sentences := !strings.HasPrefix(t.Field, "sources[")
	var out []Finding
	for _, m := range s.matches(t.Text, cmp.Or(t.Lang, s.Language), sentences, ours) {
		if keep != nil && !keep(m) {
			continue
		}
		msg := m.Message
		if t.Field != "body" {
			msg = t.Field + ": " + msg
		}
		if f, ok := s.finding(t.Path, t.Pos(m.Start), m.Rule, msg, m.Hint); ok {
			out = append(out, f)
		}
	}
	return out
}

// variantBreak joins the words of generated posts scanned as one text:
// a paragraph break, which ends a sentence.
const variantBreak = "\n\n"

// matches runs the text rules over text, in language lang; sentences is
// set when it is made of the entry's sentences, which the learned rules
// read (see [likelySentences]).
func (s *Settings) matches(text, lang string, sentences bool, ours map[string]bool) []Match {
	if text == "" {
		return nil
	}
	sc := newScan(textLexicon(), text)
	defer sc.free()
	var matches []Match
	matches = append(matches, phi(sc, &s.Allow)...)
	matches = append(matches, links(sc, &s.Allow)...)
	matches = append(matches, advice(sc, ours, isSpanish(lang))...)
	if sentences {
		matches = append(matches, likelySentences(sc, matches, isSpanish(lang))...)
	}
	return matches
}

// NewFinding returns a finding of rule at pos in the file path, with the
// site's severity for the rule; ok is false when the site turned it off.
// It is for findings that other packages make, such as the build's of a
// site's placeholders.
func (s *Settings) NewFinding(path string, pos diag.Pos, rule, message, hint string) (f Finding, ok bool) {
	return s.finding(path, pos, rule, message, hint)
}

// finding makes a finding of rule, with the site's severity for it; ok is
// false when the site turned the rule off.
func (s *Settings) finding(path string, pos diag.Pos, rule, msg, hint string) (Finding, bool) {
	if s.Off[rule] {
		return Finding{}, false
	}
	r, _ := Lookup(rule)
	sev := r.Severity
	if v, ok := s.Severities[rule]; ok {
		sev = v
	}
	return Finding{Path: path, Pos: pos, Severity: sev, Rule: rule, Message: msg, Hint: hint}, true
}

// review checks the entry's medical review and sources.
func (s *Settings) review(e *entry.Entry, at func(string) diag.Pos) []Finding {
	var out []Finding
	add := func(pos diag.Pos, rule, hint, format string, args ...any) {
		f, ok := s.finding(e.Path, pos, rule, fmt.Sprintf(format, args...), hint)
		if !ok {
			return
		}
		if _, set := s.Severities[rule]; e.Draft && !set && f.Severity == Error {
			// A draft is not published yet: its review may come later.
			f.Severity = Warning
		}
		out = append(out, f)
	}
	switch r, ok := s.Reviewers[e.ReviewedBy]; {
	case e.ReviewedBy == "":
		pos := at("title")
		if p, ok := e.Pos["reviewed_by"]; ok {
			pos = p // reviewed_by: is there, empty
		}
		add(pos, "REVIEW-MISSING", "add reviewed_by: with the id of the "+s.ReviewerNoun()+" who reviewed it, and reviewed_on: with the day of the review, written as YYYY-MM-DD",
			"no %s: reviewed_by is not set", s.reviewName())
	case !ok:
		add(at("reviewed_by"), "REVIEW-MISSING", "name a staff member from faqcast.yaml", "reviewed_by %q is not on the staff", e.ReviewedBy)
	case !r.Clinical:
		hint := reviewRolesHint(s.ReviewRoles)
		if r.KindFor != "" {
			hint += "; or, if the practice is one, set practice.kind: " + r.KindFor
		}
		add(at("reviewed_by"), "REVIEW-MISSING", hint, "%s is not clinical staff and cannot review", r.Name)
	case !r.HIPAATrained:
		add(at("reviewed_by"), "REVIEW-MISSING", "set hipaa_trained: true in faqcast.yaml once they are trained, or ask another reviewer",
			"%s is not HIPAA-trained", r.Name)
	}
	switch age := s.reviewAge(e); {
	case age.future:
		add(at("reviewed_on"), "REVIEW-FUTURE", "write the date the "+s.ReviewerNoun()+" reviewed it, which is today or earlier",
			"reviewed_on %s is after today, %s", e.ReviewedOn.Format(time.DateOnly), s.Now.Format(time.DateOnly))
	case age.stale:
		add(at("reviewed_on"), "REVIEW-STALE", "have "+s.AReviewer()+" review it again, then update reviewed_on",
			"the %s of %s is %d days old", s.reviewName(), e.ReviewedOn.Format(time.DateOnly), age.days)
	}
	if len(e.Sources) == 0 {
		hint := "add sources: with at least one trusted reference"
		if s.SourceExample != "" {
			hint += ", such as " + s.SourceExample
		}
		add(at("title"), "REVIEW-SOURCES", hint, "no sources")
	}
	return out
}

// reviewName returns what the review rules' messages call the review of an
// entry: a "medical review", a "clinical review" or a "review".
func (s *Settings) reviewName() string {
	switch s.Review {
	case "clinical":
		return "clinical review"
	case "plain":
		return "review"
	}
	return "medical review"
}

// ReviewerNoun returns what hints call one who may review an entry:
// Reviewer, or "clinician".
func (s *Settings) ReviewerNoun() string {
	return cmp.Or(s.Reviewer, "clinician")
}

// AReviewer returns [Settings.ReviewerNoun] after its article: "a
// clinician", "an optometrist".
func (s *Settings) AReviewer() string {
	noun := s.ReviewerNoun()
	if strings.ContainsRune("aeiou", rune(noun[0])) {
		return "an " + noun
	}
	return "a " + noun
}

// A reviewAge is what the review rules make of the age of an entry's
// review on the day of Settings.Now: all that an entry's findings owe to
// the day.
type reviewAge struct {
	future bool // dated after the day
	stale  bool // older than ReviewMaxAge
	days   int  // how old, when stale
}

// reviewAge returns the age of e's review on the day of s.Now.
func (s *Settings) reviewAge(e *entry.Entry) reviewAge {
	var a reviewAge
	if e.ReviewedOn.IsZero() || s.Now.IsZero() {
		return a
	}
	a.future = e.ReviewedOn.Format(time.DateOnly) > s.Now.Format(time.DateOnly)
	if age := s.Now.Sub(e.ReviewedOn); s.ReviewMaxAge > 0 && age > s.ReviewMaxAge {
		// In seconds, not by age, which stops at 292 years (a reviewed_on
		// such as 1026-10-20 for 2026).
		a.stale, a.days = true, int((s.Now.Unix()-e.ReviewedOn.Unix())/(24*60*60))
	}
	return a
}

// Dated returns all that the findings of [Settings.Check] in e owe to the
// day of s.Now, as a string: the same on two days on which they are the
// same. It is "" for an entry whose review is neither dated after the day
// nor older than s.ReviewMaxAge, which is most of them. Findings kept
// between days are keyed by it, with e's text and the settings less Now,
// rather than by the day, so that a build on a later day need not check
// every entry again.
func (s *Settings) Dated(e *entry.Entry) string {
	switch a := s.reviewAge(e); {
	case a.future:
		return "future " + s.Now.Format(time.DateOnly)
	case a.stale:
		return "stale " + strconv.Itoa(a.days)
	}
	return ""
}

// readability checks the body's reading level and shape, scored sc.
func (s *Settings) readability(e *entry.Entry, sc Score) []Finding {
	if sc.Words < MinScoredWords {
		return nil
	}
	var out []Finding
	pos := diag.Pos{Line: e.BodyLine, Col: 1}
	add := func(rule string, sev Severity, hint, format string, args ...any) {
		f, ok := s.finding(e.Path, pos, rule, fmt.Sprintf(format, args...), hint)
		if !ok {
			return
		}
		if _, set := s.Severities[rule]; !set {
			f.Severity = sev
		}
		out = append(out, f)
	}
	switch {
	case sc.Lang == "es" && sc.Inflesz < 40:
		add("READ-INFLESZ", Error, "use shorter sentences and shorter words; define medical terms in plain words",
			"the answer reads as very difficult (INFLESZ %.1f); the limit is 40", sc.Inflesz)
	case sc.Lang == "es" && sc.Inflesz < 55:
		add("READ-INFLESZ", Warning, "use shorter sentences and shorter words; patient education aims for INFLESZ 55 (normal) or more",
			"the answer reads as somewhat difficult (INFLESZ %.1f); the target is 55", sc.Inflesz)
	case sc.Lang != "" && sc.Lang != "es":
		add("READ-LANGUAGE", Warning, "have a reader who knows the language check that it is plain; faqcast scores English and Spanish",
			"the answer's readability is not checked: faqcast has no readability formula for %q", sc.Lang)
	case s.MaxGrade > 0 && sc.Grade > s.MaxGrade:
		add("READ-GRADE", Error, "use shorter sentences and shorter words; define medical terms in plain words",
			"the answer reads at grade %.1f; the limit is %.0f", sc.Grade, s.MaxGrade)
	case s.TargetGrade > 0 && sc.Grade > s.TargetGrade:
		add("READ-GRADE", Warning, "use shorter sentences and shorter words; patient education aims for grade 6",
			"the answer reads at grade %.1f; the target is %.0f", sc.Grade, s.TargetGrade)
	}
	if sc.Sentences > 0 && float64(sc.LongSentences) > 0.25*float64(sc.Sentences) {
		add("READ-SENTENCES", Warning, "split sentences over 20 words in two",
			"%d of %d sentences are over 20 words", sc.LongSentences, sc.Sentences)
	}
	if sc.LongParagraph > 150 {
		add("READ-PARAGRAPH", Warning, "break paragraphs of over 150 words", "a paragraph has %d words", sc.LongParagraph)
	}
	if sc.LongestSection > 300 {
		add("READ-SECTION", Warning, "add a ## subheading at least every 300 words", "a section has %d words without a subheading", sc.LongestSection)
	}
	return out
}

// applyAllows turns findings on the line after a faqcast:allow comment for
// their rule into notes, and reports allowances without a reason.
func (s *Settings) applyAllows(e *entry.Entry, findings []Finding) []Finding {
	allowed := map[int]map[string]string{} // line → rule → reason
	for i, line := range strings.Split(string(e.Body), "\n") {
		for _, m := range allowComment.FindAllStringSubmatch(line, -1) {
			n := e.BodyLine + i
			if m[2] == "" {
				if f, ok := s.finding(e.Path, diag.Pos{Line: n, Col: 1}, "ALLOW-REASON", fmt.Sprintf("faqcast:allow %s has no reason", m[1]),
					"say why the line is fine: <!-- faqcast:allow "+m[1]+" the clinic's own founding date -->"); ok {
					findings = append(findings, f)
				}
				continue
			}
			if allowed[n+1] == nil {
				allowed[n+1] = map[string]string{}
			}
			allowed[n+1][m[1]] = m[2]
		}
	}
	for i, f := range findings {
		if reason, ok := allowed[f.Pos.Line][f.Rule]; ok && f.Rule != "ALLOW-REASON" {
			findings[i].Severity = Note
			findings[i].Message = "allowed: " + f.Message + " (" + reason + ")"
			findings[i].Hint = ""
		}
	}
	return findings
}

// Errors returns the findings of Error severity as [*diag.Error] values
// joined by [diag.Join], or nil.
func Errors(findings []Finding) error {
	var errs []error
	for _, f := range findings {
		if f.Severity == Error {
			errs = append(errs, f.Diag())
		}
	}
	return diag.Join(errs...)
}

// Diag returns the finding as a *diag.Error whose message starts with its
// rule.
func (f Finding) Diag() *diag.Error {
	return &diag.Error{Path: f.Path, Pos: f.Pos, Err: fmt.Errorf("%s: %s", f.Rule, f.Message), Hint: f.Hint}
}

// reviewRolesHint says which staff roles may review an entry.
func reviewRolesHint(roles []string) string {
	switch len(roles) {
	case 0:
		return "list the staff roles that may review in checks.clinical_roles in faqcast.yaml"
	case 1:
		return "a staff member whose role is " + roles[0] + " must review it, or add the role to checks.clinical_roles"
	}
	return "a staff member whose role is " + strings.Join(roles[:len(roles)-1], ", ") + " or " + roles[len(roles)-1] +
		" must review it, or add the role to checks.clinical_roles"
}
