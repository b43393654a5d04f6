package entry_test

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/internal/decode"
	"github.com/faqcast/faqcast/internal/diag"
)

// The path and content-folder path that the Parse tests use.
const (
	testPath = "content/a.md"
	testRel  = "a.md"
)

// goodYAML sets every key of the front matter.
const goodYAML = `---
title: What should I bring to my first visit?
summary: Bring a photo ID, your insurance card and a list of your medicines.
slug: first-visit
rank: 1
tags: [first visit, appointments]
hashtags: ["#NewPatient", PatientTips]
reviewed_by: dreyes
reviewed_on: 2026-10-02
sources:
  - {title: "Talking With Your Doctor", url: "https://medlineplus.gov/talkingwithyourdoctor.html"}
image: {src: waiting-room.jpg, alt: "A bright, empty waiting room", consent: stock}
posts:
  x: "New patient? Here is what to bring."
draft: true
publish_on: 2026-09-01
expire_on: 2027-09-01T09:00:00-06:00
---

## What to bring

A photo ID.
`

// goodTOML uses Hugo's spellings: description, weight, publishDate and
// expiryDate.
const goodTOML = `+++
title = "Can I get a refill?"
description = "Ask your pharmacy to send us a request."
weight = 3
tags = ["prescriptions"]
publishDate = 2026-09-01
expiryDate = 2027-09-01T00:00:00Z

[image]
src = "img/pharmacy.png"
alt = "A pharmacist at the counter"
consent = "illustration"

[[sources]]
title = "Refills"
url = "http://example.org/refills"
+++
Body.
`

// goodJSON is an entry with JSON front matter, ended by "}" and an empty
// line.
const goodJSON = `{
  "title": "Do you offer video visits?",
  "summary": "Yes, for many follow-up visits.",
  "hashtags": ["#Telehealth"],
  "reviewed_by": "alopez",
  "reviewed_on": "2026-10-02T09:30:00Z",
  "posts": {"bluesky": "Video visits are here.", "gbp": "Book one today."},
  "draft": false
}

Video visits work on phones.
`

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestParseGood(t *testing.T) {
	for _, tc := range []struct {
		name  string
		rel   string
		src   string
		want  entry.Entry // Path, Hash and the Pos fields are not compared
		pos   map[string]string
		image map[string]string // positions in Image.Pos
		src0  map[string]string // positions in Sources[0].Pos
	}{
		{
			name: "yaml", rel: "first.md", src: goodYAML,
			want: entry.Entry{
				Rel: "first.md", Format: "yaml",
				Title:      "What should I bring to my first visit?",
				Summary:    "Bring a photo ID, your insurance card and a list of your medicines.",
				Slug:       "first-visit",
				Rank:       1,
				Tags:       []string{"first visit", "appointments"},
				Hashtags:   []string{"NewPatient", "PatientTips"},
				ReviewedBy: "dreyes",
				ReviewedOn: day(2026, 10, 2),
				Sources:    []entry.Source{{Title: "Talking With Your Doctor", URL: "https://medlineplus.gov/talkingwithyourdoctor.html"}},
				Image:      &entry.Image{Src: "waiting-room.jpg", Alt: "A bright, empty waiting room", Consent: "stock"},
				Posts:      map[string]string{"x": "New patient? Here is what to bring."},
				Draft:      true,
				PublishOn:  day(2026, 9, 1),
				ExpireOn:   time.Date(2027, 9, 1, 15, 0, 0, 0, time.UTC),
				Body:       []byte("\n## What to bring\n\nA photo ID.\n"),
				BodyLine:   19,
			},
			pos: map[string]string{
				"title": "2:8", "summary": "3:10", "slug": "4:7", "rank": "5:7", "tags": "6:7",
				"hashtags": "7:11", "reviewed_by": "8:14", "reviewed_on": "9:14", "sources": "11:3",
				"image": "12:8", "posts": "14:3", "draft": "15:8", "publish_on": "16:13", "expire_on": "17:12",
			},
			image: map[string]string{"src": "12:14", "alt": "12:37", "consent": "12:78"},
			src0:  map[string]string{"title": "11:13", "url": "11:46"},
		},
		{
			name: "toml with hugo keys", rel: "refills.md", src: goodTOML,
			want: entry.Entry{
				Rel: "refills.md", Format: "toml",
				Title:     "Can I get a refill?",
				Summary:   "Ask your pharmacy to send us a request.",
				Slug:      "refills",
				Rank:      3,
				Tags:      []string{"prescriptions"},
				Sources:   []entry.Source{{Title: "Refills", URL: "http://example.org/refills"}},
				Image:     &entry.Image{Src: "img/pharmacy.png", Alt: "A pharmacist at the counter", Consent: "illustration"},
				PublishOn: day(2026, 9, 1),
				ExpireOn:  day(2027, 9, 1),
				Body:      []byte("Body.\n"),
				BodyLine:  18,
			},
			pos: map[string]string{
				"title": "2:9", "summary": "3:15", "rank": "4:10", "tags": "5:8",
				"publish_on": "6:15", "expire_on": "7:14", "image": "9:1", "sources": "14:1",
			},
			image: map[string]string{"src": "10:7", "alt": "11:7", "consent": "12:11"},
			src0:  map[string]string{"title": "15:9", "url": "16:7"},
		},
		{
			name: "json", rel: "video-visits/index.md", src: goodJSON,
			want: entry.Entry{
				Rel: "video-visits/index.md", Format: "json",
				Title:      "Do you offer video visits?",
				Summary:    "Yes, for many follow-up visits.",
				Slug:       "video-visits",
				Hashtags:   []string{"Telehealth"},
				ReviewedBy: "alopez",
				ReviewedOn: time.Date(2026, 10, 2, 9, 30, 0, 0, time.UTC),
				Posts:      map[string]string{"bluesky": "Video visits are here.", "gbp": "Book one today."},
				Body:       []byte("Video visits work on phones.\n"),
				BodyLine:   11,
			},
			pos: map[string]string{
				"title": "2:12", "summary": "3:14", "hashtags": "4:15", "reviewed_by": "5:18",
				"reviewed_on": "6:18", "posts": "7:12", "draft": "8:12",
			},
		},
		{
			name: "leading blank lines and no body", rel: "sub/dir/Paying Your Bill.markdown",
			src: "\n\n---\ntitle: '  How do I pay?  '\nsummary: Online.\n---",
			want: entry.Entry{
				Rel: "sub/dir/Paying Your Bill.markdown", Format: "yaml",
				Title: "How do I pay?", Summary: "Online.", Slug: "paying-your-bill",
				Body: []byte{}, BodyLine: 6,
			},
			pos: map[string]string{"title": "4:8", "summary": "5:10"},
		},
		{
			name: "byte order mark", rel: "bom.md",
			src: "\ufeff---\ntitle: A?\nsummary: B.\n---\nBody.\n",
			want: entry.Entry{
				Rel: "bom.md", Format: "yaml", Title: "A?", Summary: "B.", Slug: "bom",
				Body: []byte("Body.\n"), BodyLine: 5,
			},
			pos: map[string]string{"title": "2:8", "summary": "3:10"},
		},
		{
			name: "an image in the answer", rel: "pic.md",
			src: "---\ntitle: A?\nsummary: B.\n---\n![The front desk](desk.jpg)\n",
			want: entry.Entry{
				Rel: "pic.md", Format: "yaml", Title: "A?", Summary: "B.", Slug: "pic",
				Body: []byte("![The front desk](desk.jpg)\n"), BodyLine: 5, MayShowImages: true,
			},
			pos: map[string]string{"title": "2:8", "summary": "3:10"},
		},
		{
			name: "crlf", rel: "crlf.md",
			src: "---\r\ntitle: A?\r\nsummary: B.\r\nrank: 2\r\n---\r\n\r\nBody.\r\nMore.\r\n",
			want: entry.Entry{
				Rel: "crlf.md", Format: "yaml", Title: "A?", Summary: "B.", Slug: "crlf", Rank: 2,
				Body: []byte("\nBody.\nMore.\n"), BodyLine: 6,
			},
			pos: map[string]string{"title": "2:8", "summary": "3:10", "rank": "4:7"},
		},
		{
			name: "lone cr", rel: "cr.md",
			src: "+++\rtitle = \"A?\"\rsummary = \"B.\"\rrank = 2\r+++\rBody.\r",
			want: entry.Entry{
				Rel: "cr.md", Format: "toml", Title: "A?", Summary: "B.", Slug: "cr", Rank: 2,
				Body: []byte("Body.\n"), BodyLine: 6,
			},
			pos: map[string]string{"title": "2:9", "summary": "3:11", "rank": "4:8"},
		},
		{
			name: "post of several lines and tabs in the answer", rel: "lines.md",
			src: "---\r\ntitle: A?\r\nsummary: B.\r\nposts:\r\n  x: |\r\n    One.\r\n    Two.\r\n  gbp: \"a\\nb\"\r\n---\r\n\tcode\r\n",
			want: entry.Entry{
				Rel: "lines.md", Format: "yaml", Title: "A?", Summary: "B.", Slug: "lines",
				Posts: map[string]string{"x": "One.\nTwo.\n", "gbp": "a\nb"},
				Body:  []byte("\tcode\n"), BodyLine: 10,
			},
			pos: map[string]string{"title": "2:8", "summary": "3:10", "posts": "5:3"},
		},
		{
			name: "summary of 200 characters", rel: "long.md",
			src: "---\ntitle: A?\nsummary: " + strings.Repeat("é", 200) + "\n---\n",
			want: entry.Entry{
				Rel: "long.md", Format: "yaml", Title: "A?", Summary: strings.Repeat("é", 200), Slug: "long",
				Body: []byte{}, BodyLine: 5,
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := entry.Parse(testPath, tc.rel, []byte(tc.src))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			sum := sha256.Sum256([]byte(tc.src))
			if want := hex.EncodeToString(sum[:]); got.Hash != want {
				t.Errorf("Hash = %s, want %s", got.Hash, want)
			}
			if got.Path != testPath {
				t.Errorf("Path = %q, want %q", got.Path, testPath)
			}
			checkPos(t, "Pos", got.Pos, tc.pos)
			if got.Image != nil {
				checkPos(t, "Image.Pos", got.Image.Pos, tc.image)
			}
			if len(got.Sources) > 0 {
				checkPos(t, "Sources[0].Pos", got.Sources[0].Pos, tc.src0)
			}
			checkEntry(t, got, &tc.want)
		})
	}
}

// checkPos fails t unless got holds, for each key in want, the position
// written as "line:col".
func checkPos(t *testing.T, what string, got decode.Positions, want map[string]string) {
	t.Helper()
	for key, w := range want {
		if p, ok := got[key]; !ok {
			t.Errorf("%s[%q] is missing, want %s", what, key, w)
		} else if p.String() != w {
			t.Errorf("%s[%q] = %s, want %s", what, key, p, w)
		}
	}
}

// checkEntry compares every field of got and want except Path, Hash and
// the positions. Times are compared as instants; a nil and an empty slice
// or map are taken as equal.
func checkEntry(t *testing.T, got, want *entry.Entry) {
	t.Helper()
	g := *got
	for _, tm := range []struct {
		name      string
		got, want time.Time
	}{
		{"ReviewedOn", g.ReviewedOn, want.ReviewedOn},
		{"PublishOn", g.PublishOn, want.PublishOn},
		{"ExpireOn", g.ExpireOn, want.ExpireOn},
	} {
		if !tm.got.Equal(tm.want) {
			t.Errorf("%s = %v, want %v", tm.name, tm.got, tm.want)
		}
	}
	g.ReviewedOn, g.PublishOn, g.ExpireOn = want.ReviewedOn, want.PublishOn, want.ExpireOn
	if len(g.MetaHash) != 64 {
		t.Errorf("MetaHash = %q", g.MetaHash)
	}
	g.Path, g.Hash, g.MetaHash, g.Pos, g.PostsPos = want.Path, want.Hash, want.MetaHash, want.Pos, want.PostsPos
	g.Sources = nil
	for _, s := range got.Sources {
		s.Pos = nil
		g.Sources = append(g.Sources, s)
	}
	if got.Image != nil {
		img := *got.Image
		img.Pos = nil
		g.Image = &img
	}
	gv, wv := reflect.ValueOf(g), reflect.ValueOf(*want)
	for i := range gv.NumField() {
		name := gv.Type().Field(i).Name
		if !gv.Type().Field(i).IsExported() {
			continue
		}
		a, b := gv.Field(i).Interface(), wv.Field(i).Interface()
		if isEmpty(gv.Field(i)) && isEmpty(wv.Field(i)) {
			continue
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s = %#v, want %#v", name, a, b)
		}
	}
}

// isEmpty reports whether v is a nil or empty slice or map.
func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Slice, reflect.Map:
		return v.Len() == 0
	}
	return false
}

func TestParseDefaultSlug(t *testing.T) {
	for _, tc := range []struct{ rel, want string }{
		{"first-visit.md", "first-visit"},
		{"first-visit/index.md", "first-visit"},
		{"billing/paying/_index.md", "paying"},
		{"Paying Your Bill.MD", "paying-your-bill"},
		{"faq/Café Niño.markdown", "cafe-nino"},
		{"don't-wait.md", "dont-wait"},
		{"2026 flu shots.md", "2026-flu-shots"},
	} {
		t.Run(tc.rel, func(t *testing.T) {
			e, err := entry.Parse(testPath, tc.rel, []byte("---\ntitle: A?\nsummary: B.\n---\n"))
			if err != nil {
				t.Fatal(err)
			}
			if e.Slug != tc.want {
				t.Errorf("Slug = %q, want %q", e.Slug, tc.want)
			}
		})
	}
}

// A badEntry is an entry file with problems, and the problems Parse must
// report, as their Error() text in order.
type badEntry struct {
	name string
	src  string
	want []string
	hint string // when set, the hint of the first problem
}

// yamlEntry returns a YAML entry with title and summary, then extra lines.
func yamlEntry(extra string) string {
	return "---\ntitle: A question?\nsummary: A short answer.\n" + extra + "---\nBody.\n"
}

var badEntries = []badEntry{
	// The file as a whole.
	{name: "invalid utf-8", src: "---\ntitle: Caf\xe9?\nsummary: x\n---\n",
		want: []string{"content/a.md:2:11: file is not valid UTF-8"}, hint: "save the file as UTF-8 in your editor"},
	{name: "invalid utf-8 after wide characters", src: "---\ntitle: Niño \xff\n---\n",
		want: []string{"content/a.md:2:13: file is not valid UTF-8"}},
	{name: "invalid utf-8 with lone cr", src: "---\rtitle: a\rsummary: b\xff\r---\r",
		want: []string{"content/a.md:3:11: file is not valid UTF-8"}},
	{name: "truncated utf-8 at the end", src: "---\ntitle: a\xe2\x82",
		want: []string{"content/a.md:2:9: file is not valid UTF-8"}},
	{name: "nul byte", src: "---\ntitle: a\x00\n---\n",
		want: []string{"content/a.md:2:9: file is binary (it holds a NUL byte)"},
		hint: "entries are Markdown text; move binary files out of the content folder"},
	{name: "nul byte with crlf", src: "---\r\ntitle: a\r\nsummary: b\r\n---\r\nbody\x00",
		want: []string{"content/a.md:5:5: file is binary (it holds a NUL byte)"}},
	{name: "nul byte after bom", src: "\ufeff\x00",
		want: []string{"content/a.md:1:1: file is binary (it holds a NUL byte)"}},
	{name: "empty", src: "",
		want: []string{"content/a.md:1:1: file is empty"},
		hint: "start the file with front matter: a line ---, title: and summary: lines, then ---"},
	{name: "white space only", src: "\n  \t\r\n\r",
		want: []string{"content/a.md:1:1: file is empty"}},
	{name: "byte order mark only", src: "\ufeff",
		want: []string{"content/a.md:1:1: file is empty"}},
	{name: "no front matter", src: "# Hello\n\n---\ntitle: a\n---\n",
		want: []string{"content/a.md:1:1: no front matter"},
		hint: "start the file with a line ---, then title: and summary: lines, then ---"},
	{name: "no front matter after blank lines", src: "\n \n# Hello\n",
		want: []string{"content/a.md:3:1: no front matter"}},
	{name: "one-line json", src: "{\"title\": \"A?\", \"summary\": \"B.\"}\n\nBody.\n",
		want: []string{"content/a.md:1:1: no front matter"}},
	{name: "unclosed yaml", src: "---\ntitle: A?\nsummary: B\n",
		want: []string{"content/a.md:1:1: front matter opened with --- is never closed"},
		hint: "end the front matter with a line that is exactly ---"},
	{name: "unclosed yaml, only the opener", src: "---",
		want: []string{"content/a.md:1:1: front matter opened with --- is never closed"}},
	{name: "unclosed toml", src: "\n+++\ntitle = 'A?'\n",
		want: []string{"content/a.md:2:1: front matter opened with +++ is never closed"},
		hint: "end the front matter with a line that is exactly +++"},
	{name: "toml closed by ---", src: "+++\ntitle = 'A?'\n---\n",
		want: []string{"content/a.md:1:1: front matter opened with +++ is never closed"}},
	{name: "unclosed json", src: "{\n\"title\": \"A?\"\n",
		want: []string{"content/a.md:1:1: front matter opened with { is never closed"},
		hint: "end the front matter with a line that is exactly }, followed by an empty line"},
	{name: "json without the empty line", src: "{\n\"title\": \"A?\"\n}\nBody.\n",
		want: []string{"content/a.md:1:1: front matter opened with { is never closed"}},
	{name: "too large", src: yamlEntry("") + strings.Repeat("x", entry.MaxSize),
		want: []string{"content/a.md:1:1: file is too large (1048634 bytes; the limit is 1048576)"},
		hint: "split the answer into several entries"},

	// Required keys.
	{name: "missing title", src: "---\nsummary: B.\n---\n",
		want: []string{"content/a.md:1:1: title is required"}, hint: "add title: with the question as patients ask it"},
	{name: "missing summary", src: "\n---\ntitle: A?\n---\n",
		want: []string{"content/a.md:2:1: summary is required"},
		hint: "add summary: with the short plain answer in one or two sentences"},
	{name: "blank title and summary", src: "---\ntitle: \"  \"\nsummary: ''\n---\n",
		want: []string{"content/a.md:2:8: title is required", "content/a.md:3:10: summary is required"}},
	{name: "empty front matter", src: "---\n---\n",
		want: []string{"content/a.md:1:1: summary is required", "content/a.md:1:1: title is required"}},
	{name: "empty json front matter", src: "{\n}\n\n",
		want: []string{"content/a.md:1:1: summary is required", "content/a.md:1:1: title is required"}},
	{name: "summary too long", src: "---\ntitle: A?\nsummary: " + strings.Repeat("é", 201) + "\n---\n",
		want: []string{"content/a.md:3:10: summary is 201 characters; the limit is 200"},
		hint: "keep the short answer to one or two sentences; the details belong in the body"},

	// Replies and other phrasings.
	{name: "reply without its link", src: yamlEntry("reply: Yes, we do.\n"),
		want: []string{"content/a.md:4:8: reply has no {link}"},
		hint: `add {link} where the link to this entry's page goes, such as: "Yes: see {link}"`},
	{name: "an empty other phrasing", src: yamlEntry("questions: [\"Do you take Aetna?\", \" \"]\n"),
		want: []string{"content/a.md:4:35: questions[1] is empty"}},
	{name: "an other phrasing on two lines", src: yamlEntry("questions: [\"Do you take\\nAetna?\"]\n"),
		want: []string{"content/a.md:4:13: questions[0]: expected one line of text, found a line break"}},

	// Slugs.
	{name: "slug with a slash", src: yamlEntry("slug: a/b\n"),
		want: []string{`content/a.md:4:7: slug "a/b" is not valid`},
		hint: "use lowercase letters, digits and single hyphens: slug: a-b"},
	{name: "slug ..", src: yamlEntry("slug: ..\n"),
		want: []string{`content/a.md:4:7: slug ".." is not valid`},
		hint: "use lowercase letters, digits and single hyphens, such as first-visit"},
	{name: "slug with a space and capitals", src: yamlEntry("slug: A B\n"),
		want: []string{`content/a.md:4:7: slug "A B" is not valid`},
		hint: "use lowercase letters, digits and single hyphens: slug: a-b"},
	{name: "slug with a leading hyphen", src: yamlEntry("slug: -x\n"),
		want: []string{`content/a.md:4:7: slug "-x" is not valid`},
		hint: "use lowercase letters, digits and single hyphens: slug: x"},
	{name: "slug with a double hyphen", src: yamlEntry("slug: a--b\n"),
		want: []string{`content/a.md:4:7: slug "a--b" is not valid`},
		hint: "use lowercase letters, digits and single hyphens: slug: a-b"},

	// Other keys.
	{name: "negative rank", src: yamlEntry("rank: -1\n"),
		want: []string{"content/a.md:4:7: rank -1 is negative"},
		hint: "rank 1 is the most asked question; leave rank out for unranked entries"},
	{name: "lang not a tag", src: yamlEntry("lang: spanish\n"),
		want: []string{`content/a.md:4:7: lang "spanish" is not a language tag`},
		hint: "use a language tag such as en, es or es-MX"},
	{name: "lang with an underscore", src: yamlEntry("lang: es_MX\n"),
		want: []string{`content/a.md:4:7: lang "es_MX" is not a language tag`}},
	{name: "translation_of not a slug", src: yamlEntry("translationKey: Flu Shots\n"),
		want: []string{`content/a.md:4:17: translation_of "Flu Shots" is not a slug`},
		hint: "write the slug of the entry this one translates: translation_of: flu-shots"},
	{name: "negative weight", src: yamlEntry("weight: -2\n"),
		want: []string{"content/a.md:4:9: rank -2 is negative"}},
	{name: "tag without latin letters", src: yamlEntry("tags: [ok, 予約, ' ']\n"),
		want: []string{`content/a.md:4:12: tag "予約" cannot name a topic page`, `content/a.md:4:16: tag " " cannot name a topic page`},
		hint: "a tag needs letters a to z or digits (accents are dropped), such as insurance"},
	{name: "bad hashtags", src: yamlEntry("hashtags: [\"#ok\", \"two words\", \"#\", \"##x\", a-b, 2026, \"#1_000\", Flu2026, _x, Niño]\n"),
		want: []string{
			`content/a.md:4:19: hashtag "#two words" is not valid`,
			`content/a.md:4:32: hashtag "#" is not valid`,
			`content/a.md:4:37: hashtag "##x" is not valid`,
			`content/a.md:4:44: hashtag "#a-b" is not valid`,
			`content/a.md:4:49: hashtag "#2026" is not valid`,
			`content/a.md:4:55: hashtag "#1_000" is not valid`,
		},
		hint: "a hashtag is one word of letters, digits or _, with a letter, such as NewPatient or Flu2026"},
	{name: "source without title", src: yamlEntry("sources:\n  - {url: \"https://x.example/\"}\n  - url: https://y.example/\n    title: ' '\n"),
		want: []string{"content/a.md:5:11: sources[0] has no title", "content/a.md:7:12: sources[1] has no title"},
		hint: "give each source a title: the page or article name"},
	{name: "source with a relative url", src: yamlEntry("sources:\n  - {title: T, url: /relative}\n  - {title: T, url: \"mailto:a@b.example\"}\n"),
		want: []string{
			`content/a.md:5:21: sources[0].url "/relative" is not an absolute http(s) URL`,
			`content/a.md:6:21: sources[1].url "mailto:a@b.example" is not an absolute http(s) URL`,
		},
		hint: "write the full address, starting with https://"},
	{name: "source without url", src: yamlEntry("sources:\n  - {title: A}\n  - {title: B}\n"),
		want: []string{"content/a.md:5:13: sources[0] has no url", "content/a.md:6:13: sources[1] has no url"},
		hint: "add url: with the full address, starting with https://"},
	{name: "source in a language that is no tag", src: yamlEntry("sources:\n  - {title: T, url: \"https://x.example/\", lang: english}\n"),
		want: []string{`content/a.md:5:49: sources[0].lang "english" is not a language tag`},
		hint: "use a language tag such as en, es or es-MX"},
	{name: "empty source", src: yamlEntry("sources: [{}]\n"),
		want: []string{"content/a.md:4:10: sources[0] has no title", "content/a.md:4:10: sources[0] has no url"}},
	{name: "image without alt", src: yamlEntry("image: {src: a.jpg, consent: stock}\n"),
		want: []string{"content/a.md:4:8: image.alt is required"},
		hint: "describe what the image shows for people who cannot see it"},
	{name: "image with blank alt", src: yamlEntry("image:\n  src: a.jpg\n  alt: \"  \"\n  consent: stock\n"),
		want: []string{"content/a.md:6:8: image.alt is required"}},
	{name: "image with a bad consent", src: yamlEntry("image: {src: a.jpg, alt: A, consent: maybe}\n"),
		want: []string{`content/a.md:4:38: image.consent "maybe" is not one of stock, illustration, consented`},
		hint: "say why the image may be shown: consent: stock, illustration or consented"},
	{name: "image with an absolute src", src: yamlEntry("image: {src: /img/a.jpg, alt: A, consent: stock}\n"),
		want: []string{`content/a.md:4:14: image.src "/img/a.jpg" must be a relative path inside the content folder`},
		hint: "put the image beside the entry, or below the content folder, and name it relative to the entry"},
	{name: "image with .. in src", src: yamlEntry("image: {src: img/../../a.jpg, alt: A, consent: stock}\n"),
		want: []string{`content/a.md:4:14: image.src "img/../../a.jpg" must be a relative path inside the content folder`}},
	{name: "image with a backslash", src: yamlEntry("image: {src: 'img\\a.jpg', alt: A, consent: stock}\n"),
		want: []string{`content/a.md:4:14: image.src "img\\a.jpg" must be a relative path inside the content folder`}},
	{name: "empty image", src: yamlEntry("image: {}\n"),
		want: []string{
			"content/a.md:4:8: image.alt is required",
			`content/a.md:4:8: image.consent "" is not one of stock, illustration, consented`,
			"content/a.md:4:8: image.src is required",
		},
		hint: "describe what the image shows for people who cannot see it"},
	{name: "unknown posts platform", src: yamlEntry("posts:\n  x: Hi\n  blusky: Hi\n"),
		want: []string{`content/a.md:6:3: posts: unknown key "blusky"`}, hint: `did you mean "bluesky"?`},
	{name: "unknown posts platform, no suggestion", src: yamlEntry("posts: {myspace: Hi}\n"),
		want: []string{`content/a.md:4:9: posts: unknown key "myspace"`},
		hint: "known keys: bluesky, facebook, gbp, instagram, linkedin, mastodon, threads, x"},
	{name: "expire_on the day of publish_on", src: yamlEntry("publish_on: 2026-09-01\nexpire_on: 2026-09-01\n"),
		want: []string{"content/a.md:5:12: expire_on 2026-09-01 is not after publish_on 2026-09-01"},
		hint: "expire_on must come after publish_on"},
	{name: "expiryDate before publishDate", src: yamlEntry("publishDate: 2026-09-01\nexpiryDate: 2026-01-01\n"),
		want: []string{"content/a.md:5:13: expire_on 2026-01-01 is not after publish_on 2026-09-01"}},

	// Decoding.
	{name: "unknown key", src: yamlEntry("sumary: B\n"),
		want: []string{`content/a.md:4:1: unknown key "sumary"`}, hint: `did you mean "summary"?`},
	{name: "unknown key in toml", src: "+++\ntitle = \"A?\"\nsummary = \"B.\"\ntittle = \"C\"\n+++\n",
		want: []string{`content/a.md:4:1: unknown key "tittle"`}, hint: `did you mean "title"?`},
	{name: "unknown key in json", src: "{\n  \"title\": \"A?\",\n  \"summary\": \"B.\",\n  \"ranks\": 1\n}\n\n",
		want: []string{`content/a.md:4:3: unknown key "ranks"`}, hint: `did you mean "rank"?`},
	{name: "unknown key in image", src: yamlEntry("image: {src: a.jpg, alt: A, consent: stock, caption: C}\n"),
		want: []string{`content/a.md:4:45: image: unknown key "caption"`}, hint: "known keys: alt, consent, people, src"},
	{name: "image with negative people", src: yamlEntry("image: {src: a.jpg, alt: A, consent: consented, people: -1}\n"),
		want: []string{"content/a.md:4:57: image.people -1 is negative"},
		hint: "give the number of people the photo shows, such as people: 2, or 0 for none"},
	{name: "illustration with people", src: yamlEntry("image:\n  src: a.png\n  alt: A drawing\n  consent: illustration\n  people: 2\n"),
		want: []string{"content/a.md:8:11: image.people is 2, but consent: illustration says the image shows no one"},
		hint: "an illustration shows no real people: for a photo of people, use consent: consented (or stock) and give people: N"},
	{name: "people as words", src: yamlEntry("image: {src: a.jpg, alt: A, consent: consented, people: two}\n"),
		want: []string{`content/a.md:4:57: image.people: expected a whole number, found "two"`}},
	{name: "people as a fraction in toml", src: "+++\ntitle = \"A?\"\nsummary = \"B.\"\n[image]\nsrc = \"a.jpg\"\nalt = \"A\"\nconsent = \"stock\"\npeople = 1.5\n+++\n",
		want: []string{`content/a.md:8:10: image.people: expected a whole number, found "1.5"`}},
	{name: "wrong types", src: yamlEntry("rank: first\ntags: visits\ndraft: maybe\nreviewed_on: someday\nimage: a.jpg\nposts: [x]\n"),
		want: []string{
			`content/a.md:4:7: rank: expected a whole number, found "first"`,
			"content/a.md:5:7: tags: expected a list, found a string",
			`content/a.md:6:8: draft: expected true or false, found "maybe"`,
			`content/a.md:7:14: reviewed_on: "someday" is not a date`,
			"content/a.md:8:8: image: expected a mapping of keys to values, found a string",
			"content/a.md:9:8: posts: expected a mapping of keys to values, found a list",
		}},
	{name: "wrong type in toml", src: "+++\ntitle = \"A?\"\nsummary = \"B.\"\nrank = \"x\"\n+++\n",
		want: []string{`content/a.md:4:8: rank: expected a whole number, found "x"`}},
	{name: "wrong type in json", src: "{\n  \"title\": \"A?\",\n  \"summary\": \"B.\",\n  \"draft\": \"yes please\"\n}\n\n",
		want: []string{`content/a.md:4:12: draft: expected true or false, found "yes please"`}},
	{name: "title as a list", src: "---\ntitle: [a, b]\nsummary: B.\n---\n",
		want: []string{"content/a.md:2:8: title: expected text, found a list"}},
	{name: "bom and crlf keep positions", src: "\ufeff---\r\ntitle: A?\r\nsummary: B.\r\nrank: x\r\n---\r\n",
		want: []string{`content/a.md:4:7: rank: expected a whole number, found "x"`}},
	{name: "lone cr keeps positions", src: "---\rtitle: A?\rsummary: B.\rrank: -3\r---\r",
		want: []string{"content/a.md:4:7: rank -3 is negative"}},

	// YAML syntax errors have a column: that of the offending character,
	// or of what is not closed.
	{name: "colon in a value", src: "---\ntitle: A?\nsummary: Flu: what to know\n---\n",
		want: []string{"content/a.md:3:13: mapping values are not allowed in this context"},
		hint: `put the value in quotes if it contains ": ", or check the indentation`},
	{name: "key without a colon", src: "---\ntitle: A?\nsummary B.\n---\n",
		want: []string{"content/a.md:3:1: could not find expected ':'"}, hint: `write each entry as "key: value"`},
	{name: "quote never closed", src: "---\ntitle: A?\nsummary: \"B.\nrank: 1\n---\n",
		want: []string{"content/a.md:3:10: found unexpected end of stream"},
		hint: "close the quoted text that starts here with the same quote mark"},
	{name: "quote never closed on the first line", src: "---\ntitle: 'It''s A?\nsummary: B.\n---\n",
		want: []string{"content/a.md:2:8: found unexpected end of stream"}},
	{name: "unknown escape", src: "---\ntitle: A?\nsummary: \"C:\\docs\"\n---\n",
		want: []string{"content/a.md:3:13: found unknown escape character"},
		hint: `in double quotes, write a backslash as \\, or put the text in single quotes`},
	{name: "list never closed", src: "---\ntitle: A?\nsummary: B.\ntags: [a, b\nrank: 1\n---\n",
		want: []string{"content/a.md:4:7: did not find expected ',' or ']'"},
		hint: "close the list with ] and put a comma between its items"},
	{name: "value starting with @", src: "---\ntitle: A?\nsummary: B.\nreviewed_by: @dreyes\n---\n",
		want: []string{"content/a.md:4:14: found character that cannot start any token"},
		hint: `put the value in quotes: YAML does not let a value start with '@'`},
	{name: "bad indentation", src: "---\ntitle: A?\nsummary: B.\nimage:\n  src: a.jpg\n alt: A\n---\n",
		want: []string{"content/a.md:6:2: did not find expected key"},
		hint: "check the indentation of this line and the lines after it"},
	{name: "text after a quoted value", src: "---\ntitle: 'A' B?\nsummary: B.\n---\n",
		want: []string{"content/a.md:2:12: did not find expected key"}},

	// Control characters, whether written as escapes or as themselves.
	{name: "escape code in the title", src: "---\ntitle: \"\\e[31mA?\"\nsummary: B.\n---\n",
		want: []string{"content/a.md:2:8: title: found the control character U+001B (character 1 of the text)"},
		hint: `remove it, and any escape that writes it, such as \e, \x07 or \0`},
	{name: "nul escape in the summary", src: yamlEntry("slug: \"a\\0b\"\n"),
		want: []string{"content/a.md:4:7: slug: found the control character U+0000 (character 2 of the text)"}},
	{name: "bell in a tag", src: yamlEntry("tags: [ok, \"bell\\x07\"]\n"),
		want: []string{"content/a.md:4:12: tags[1]: found the control character U+0007 (character 5 of the text)"}},
	{name: "tab in a hashtag", src: yamlEntry("hashtags: [\"a\\tb\"]\n"),
		want: []string{"content/a.md:4:12: hashtags[0]: found the tab character U+0009 (character 2 of the text)"},
		hint: "use a space instead of the tab"},
	{name: "bidi override in the title", src: "---\ntitle: Is it safe\u202e?\nsummary: B.\n---\n",
		want: []string{"content/a.md:2:8: title: found the bidirectional control character U+202E (character 11 of the text)"},
		hint: "remove it: it can make the text show in another order than it is read in"},
	{name: "bidi isolate in an alt text", src: yamlEntry("image: {src: a.jpg, alt: \"x\\u2066y\", consent: stock}\n"),
		want: []string{"content/a.md:4:26: image.alt: found the bidirectional control character U+2066 (character 2 of the text)"}},
	{name: "control character in a post", src: yamlEntry("posts:\n  x: \"Hi\\x1b\"\n"),
		want: []string{"content/a.md:5:6: posts.x: found the control character U+001B (character 3 of the text)"}},
	{name: "line separator in a post", src: yamlEntry("posts:\n  x: \"a\\Lb\"\n"),
		want: []string{"content/a.md:5:6: posts.x: found the line separator U+2028 (character 2 of the text)"},
		hint: "use an ordinary line break instead"},
	{name: "control character in toml", src: "+++\ntitle = \"A?\\u001b\"\nsummary = \"B.\"\n+++\n",
		want: []string{"content/a.md:2:9: title: found the control character U+001B (character 3 of the text)"}},
	{name: "control character in json", src: "{\n  \"title\": \"A?\",\n  \"summary\": \"B\\u0007\"\n}\n\n",
		want: []string{"content/a.md:3:14: summary: found the control character U+0007 (character 2 of the text)"}},
	{name: "control characters in the answer", src: yamlEntry("") + "Tabs\tare fine.\r\nRed: \x1b[31mred\x1b[0m\n\u202egnp.exe\n",
		want: []string{
			"content/a.md:7:6: the answer holds the control character U+001B",
			"content/a.md:7:14: the answer holds the control character U+001B",
			"content/a.md:8:1: the answer holds the bidirectional control character U+202E",
		},
		hint: "remove it: an answer may hold tabs and line breaks, but no other control characters"},
	{name: "line separator in the answer", src: yamlEntry("") + "One\u2028two\n",
		want: []string{"content/a.md:6:4: the answer holds the line separator U+2028"},
		hint: "use an ordinary line break instead"},
	{name: "many control characters in the answer", src: yamlEntry("") + "\n" + strings.Repeat("\a", 15),
		want: []string{
			"content/a.md:7:1: the answer holds the control character U+0007",
			"content/a.md:7:2: the answer holds the control character U+0007",
			"content/a.md:7:3: the answer holds the control character U+0007",
			"content/a.md:7:4: the answer holds the control character U+0007",
			"content/a.md:7:5: the answer holds the control character U+0007",
			"content/a.md:7:6: the answer holds the control character U+0007",
			"content/a.md:7:7: the answer holds the control character U+0007",
			"content/a.md:7:8: the answer holds the control character U+0007",
			"content/a.md:7:9: the answer holds the control character U+0007",
			"content/a.md:7:10: the answer holds the control character U+0007",
			"content/a.md:7:11: 5 more control characters in the answer from here",
		}},

	// One-line fields.
	{name: "title as a block", src: "---\ntitle: |\n  Where do\n  I park?\nsummary: B.\n---\n",
		want: []string{"content/a.md:2:8: title: expected one line of text, found a line break"},
		hint: "write it on one line, after the key, without | or >"},
	{name: "title with a folded line end", src: "---\ntitle: >\n  Where do I park?\nsummary: B.\n---\n",
		want: []string{"content/a.md:2:8: title: expected one line of text, found a line break"}},
	{name: "line breaks in one-line fields", src: "---\ntitle: \"a\\nb?\"\nsummary: \"B.\\r\"\nslug: \"a\\u2029b\"\n" +
		"tags: [\"x\\ny\"]\nhashtags: [\"x\\Ny\"]\nreviewed_by: \"a\\nb\"\nsources: [{title: \"T\\nU\", url: \"https://x.example/\"}]\n" +
		"image: {src: a.jpg, alt: \"A\\nB\", consent: stock}\n---\n",
		want: []string{
			"content/a.md:2:8: title: expected one line of text, found a line break",
			"content/a.md:3:10: summary: expected one line of text, found a line break",
			"content/a.md:4:7: slug: expected one line of text, found a line break",
			"content/a.md:5:8: tags[0]: expected one line of text, found a line break",
			"content/a.md:6:12: hashtags[0]: expected one line of text, found a line break",
			"content/a.md:7:14: reviewed_by: expected one line of text, found a line break",
			"content/a.md:8:19: sources[0].title: expected one line of text, found a line break",
			"content/a.md:9:26: image.alt: expected one line of text, found a line break",
		},
		hint: "write it on one line"},
	{name: "line break in toml", src: "+++\ntitle = \"\"\"\nA?\nB?\"\"\"\nsummary = \"B.\"\n+++\n",
		want: []string{"content/a.md:2:9: title: expected one line of text, found a line break"}},
	{name: "line break in json", src: "{\n  \"title\": \"A?\\nB?\",\n  \"summary\": \"B.\"\n}\n\n",
		want: []string{"content/a.md:2:12: title: expected one line of text, found a line break"}},

	// All problems in one run.
	{name: "front matter and answer", src: "---\ntitle: \"\\e]0;x\\aA?\"\nsummary: B.\nrank: -1\n---\nBody\x07\n",
		want: []string{
			"content/a.md:2:8: title: found the control character U+001B (character 1 of the text)",
			"content/a.md:6:5: the answer holds the control character U+0007",
		}},
	{name: "many problems", src: "---\nsummary: " + strings.Repeat("x", 201) + "\nslug: Bad Slug\nrank: -1\nhashtags: ['a b']\nimage: {src: ../a.png}\npublish_on: 2027-01-01\nexpire_on: 2026-01-01\n---\n",
		want: []string{
			"content/a.md:1:1: title is required",
			"content/a.md:2:10: summary is 201 characters; the limit is 200",
			`content/a.md:3:7: slug "Bad Slug" is not valid`,
			"content/a.md:4:7: rank -1 is negative",
			`content/a.md:5:12: hashtag "#a b" is not valid`,
			"content/a.md:6:8: image.alt is required",
			`content/a.md:6:8: image.consent "" is not one of stock, illustration, consented`,
			`content/a.md:6:14: image.src "../a.png" must be a relative path inside the content folder`,
			"content/a.md:8:12: expire_on 2026-01-01 is not after publish_on 2027-01-01",
		}},
}

func TestParseBad(t *testing.T) {
	for _, tc := range badEntries {
		t.Run(tc.name, func(t *testing.T) {
			e, err := entry.Parse(testPath, testRel, []byte(tc.src))
			if err == nil {
				t.Fatalf("Parse succeeded: %+v", e)
			}
			if e != nil {
				t.Errorf("Parse returned an entry with its error")
			}
			errs := checkDiags(t, err)
			var got []string
			for _, de := range errs {
				got = append(got, de.Error())
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("errors:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(tc.want, "\n\t"))
			}
			if tc.hint != "" && len(errs) > 0 && errs[0].Hint != tc.hint {
				t.Errorf("hint = %q, want %q", errs[0].Hint, tc.hint)
			}
		})
	}
}

// checkDiags fails t unless err joins only *diag.Errors that each have a
// hint, and returns them.
func checkDiags(t *testing.T, err error) []*diag.Error {
	t.Helper()
	var out []*diag.Error
	for _, e := range diag.Flatten(err) {
		var de *diag.Error
		if !errors.As(e, &de) {
			t.Errorf("%v (%T) is not a *diag.Error", e, e)
			continue
		}
		if de.Hint == "" {
			t.Errorf("%v: no hint", de)
		}
		out = append(out, de)
	}
	return out
}

func TestParseIndexWithoutFolder(t *testing.T) {
	_, err := entry.Parse("content/index.md", "index.md", []byte("---\ntitle: A?\nsummary: B.\n---\n"))
	errs := checkDiags(t, err)
	if len(errs) != 1 || errs[0].Error() != `content/index.md:1:1: cannot make a slug from the file name "index.md"` {
		t.Errorf("err = %v", err)
	}
	if errs[0].Hint != "add slug: with a URL name such as first-visit" {
		t.Errorf("hint = %q", errs[0].Hint)
	}
}

func TestMetaHash(t *testing.T) {
	parse := func(src string) *entry.Entry {
		e, err := entry.Parse("content/a.md", "a.md", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	a := parse("---\ntitle: A?\nsummary: Yes.\n---\n\nOne answer.\n")
	b := parse("---\ntitle: A?\nsummary: Yes.\n---\n\nAnother answer.\n")
	c := parse("---\ntitle: A?\nsummary: No.\n---\n\nOne answer.\n")
	if a.MetaHash != b.MetaHash || a.Hash == b.Hash {
		t.Errorf("a body edit changed MetaHash (%s, %s) or left Hash", a.MetaHash, b.MetaHash)
	}
	if a.MetaHash == c.MetaHash {
		t.Error("a front matter edit left MetaHash")
	}
}

func TestParseLanguage(t *testing.T) {
	for _, tc := range []struct {
		extra, lang, of string
	}{
		{"", "", ""},
		{"lang: es\ntranslation_of: first-visit\n", "es", "first-visit"},
		// Tags are kept in their canonical form; Hugo's key is taken too.
		{"lang: ES-mx\ntranslationKey: first-visit\n", "es-MX", "first-visit"},
		{"lang: es-419\n", "es-419", ""},
	} {
		e, err := entry.Parse(testPath, testRel, []byte(yamlEntry(tc.extra)))
		if err != nil {
			t.Fatalf("%q: %v", tc.extra, err)
		}
		if e.Lang != tc.lang || e.TranslationOf != tc.of {
			t.Errorf("%q: Lang, TranslationOf = %q, %q; want %q, %q", tc.extra, e.Lang, e.TranslationOf, tc.lang, tc.of)
		}
	}
}
