package post_test

import (
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/locale"
	"github.com/faqcast/faqcast/generator/platform"
	"github.com/faqcast/faqcast/generator/post"
	"github.com/faqcast/faqcast/generator/site"
	"github.com/faqcast/faqcast/internal/diag"
	"github.com/faqcast/faqcast/templates"
)

const page = "https://clinic.support/faq/flu-shots/"

// composer returns a Composer with the default theme and a config made of
// extra YAML after a minimal practice.
func composer(t testing.TB, extra string) *post.Composer {
	t.Helper()
	cfg, err := config.Parse("faqcast.yaml", []byte("base_url: https://clinic.support/\n"+
		"practice: {name: Test Clinic, phone: \"(555) 010-0199\", booking_url: \"https://clinic.support/book\"}\n"+extra))
	if err != nil {
		t.Fatal(err)
	}
	theme, err := site.LoadTheme(templates.FS, "templates")
	if err != nil {
		t.Fatal(err)
	}
	cat, err := locale.Load(locale.Sources{Default: templates.FS}, []locale.Use{{Lang: "en"}, {Lang: "es"}})
	if err != nil {
		t.Fatal(err)
	}
	return &post.Composer{Config: cfg, Catalog: cat, Execute: func(name string, d *post.Data) (string, error) { return theme.ExecutePost(name, d) }}
}

// parse parses an entry from front matter lines.
func parse(t testing.TB, fm string) *entry.Entry {
	t.Helper()
	e, err := entry.Parse("content/flu-shots.md", "flu-shots.md", []byte("---\n"+fm+"---\n\nBody.\n"))
	if err != nil {
		t.Fatal(err)
	}
	return e
}

const fluShots = "title: Do you offer flu shots?\n" +
	"summary: Yes. We give flu shots to patients 6 months and older from September to March.\n" +
	"hashtags: [FluShot, StayWell, Vaccines, Prevention, HealthyHabits, Winter]\n"

func byPlatform(vs []post.Variant) map[string]post.Variant {
	m := map[string]post.Variant{}
	for _, v := range vs {
		m[v.Platform] = v
	}
	return m
}

func TestComposeDefaults(t *testing.T) {
	c := composer(t, "platforms: {mastodon: {account: \"@clinic@med.example\"}}\n")
	e := parse(t, fluShots)
	media := []post.Media{{Src: page + "shot.jpg", Alt: "A nurse giving a flu shot"}}
	vs, err := c.Compose(e, page, media)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, v := range vs {
		names = append(names, v.Platform)
	}
	if got := strings.Join(names, " "); got != strings.Join(platform.Names(), " ") {
		t.Fatalf("platforms %q, want every platform in table order", got)
	}
	utm := func(p string) string {
		return page + "?utm_campaign=flu-shots&utm_medium=social&utm_source=" + p
	}
	for _, tc := range []struct {
		platform string
		link     string // what the text shows for the link; "" for none
		hashtags int
		cta      post.CTA
	}{
		{"bluesky", "clinic.support/faq/flu-shots/", 3, post.CTA{Type: "LINK", URL: utm("bluesky")}},
		{"facebook", utm("facebook"), 3, post.CTA{Type: "LINK", URL: utm("facebook")}},
		{"gbp", "", 0, post.CTA{Type: "LEARN_MORE", URL: utm("gbp")}},
		{"instagram", "", 5, post.CTA{Type: "LINK_IN_BIO", URL: utm("instagram")}},
		{"linkedin", utm("linkedin"), 3, post.CTA{Type: "LINK", URL: utm("linkedin")}},
		{"mastodon", utm("mastodon"), 4, post.CTA{Type: "LINK", URL: utm("mastodon")}},
		{"threads", utm("threads"), 1, post.CTA{Type: "LINK", URL: utm("threads")}},
		{"x", utm("x"), 2, post.CTA{Type: "LINK", URL: utm("x")}},
	} {
		t.Run(tc.platform, func(t *testing.T) {
			v := byPlatform(vs)[tc.platform]
			p, _ := platform.Lookup(tc.platform)
			if v.Link != utm(tc.platform) {
				t.Errorf("Link = %q", v.Link)
			}
			if tc.link != "" && !strings.Contains(v.Text, tc.link) {
				t.Errorf("text lacks %q:\n%s", tc.link, v.Text)
			}
			if tc.link == "" && strings.Contains(v.Text, "https://") {
				t.Errorf("text holds a link:\n%s", v.Text)
			}
			if !strings.HasPrefix(v.Text, "Do you offer flu shots?") || !strings.Contains(v.Text, "from September to March.") {
				t.Errorf("text lacks the question or the answer:\n%s", v.Text)
			}
			if len(v.Hashtags) != tc.hashtags {
				t.Errorf("hashtags %v, want %d", v.Hashtags, tc.hashtags)
			}
			if v.CTA != tc.cta {
				t.Errorf("CTA = %+v, want %+v", v.CTA, tc.cta)
			}
			if m := p.Measure(v.Text, 0); v.Length != m.Length || v.Limit != p.Limit || !m.Fits {
				t.Errorf("Length %d Limit %d, measured %+v", v.Length, v.Limit, m)
			}
			if len(v.Media) != 1 || v.Media[0] != media[0] {
				t.Errorf("Media = %+v", v.Media)
			}
			if v.Override || len(v.Warnings) != 0 {
				t.Errorf("Override %v, Warnings %q", v.Override, v.Warnings)
			}
		})
	}
	if v := byPlatform(vs)["mastodon"]; v.Account != "@clinic@med.example" {
		t.Errorf("mastodon Account = %q", v.Account)
	}
	if v := byPlatform(vs)["bluesky"]; v.LinkText != "clinic.support/faq/flu-shots/" {
		t.Errorf("bluesky LinkText = %q", v.LinkText)
	}
	if v := byPlatform(vs)["instagram"]; !strings.Contains(v.Text, "link in our bio") {
		t.Errorf("instagram text lacks the link-in-bio call:\n%s", v.Text)
	}
}

func TestComposeFitting(t *testing.T) {
	summary := "Yes. We give flu shots to patients 6 months and older. Shots are free with most plans. Walk in any weekday morning."
	for _, tc := range []struct {
		name  string
		limit int
		want  string // the answer part of the X text
		notes []string
	}{
		{"fits whole", 280, summary + "\n\nRead more: {link}\n\n#FluShot #StayWell", nil},
		{"drops hashtags", 160, summary + "\n\nRead more: {link}", []string{"dropped every hashtag to fit"}},
		{"drops one hashtag", 170, summary + "\n\nRead more: {link}\n\n#FluShot", []string{"dropped 1 of 2 hashtags to fit"}},
		{"drops sentences", 130, "Yes. We give flu shots to patients 6 months and older. Shots are free with most plans.\n\nRead more: {link}",
			[]string{"dropped every hashtag to fit", "kept 3 of 4 sentences of the answer to fit"}},
		{"keeps one sentence", 45, "Yes.\n\nRead more: {link}", []string{"dropped every hashtag to fit", "kept 1 of 4 sentences of the answer to fit"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := composer(t, "platforms: {x: {limit: "+itoa(tc.limit)+"}}\n")
			e := parse(t, "title: Flu?\nsummary: "+summary+"\nhashtags: [FluShot, StayWell]\n")
			vs, err := c.Compose(e, page, nil)
			if err != nil {
				t.Fatal(err)
			}
			v := byPlatform(vs)["x"]
			want := "Flu? " + strings.ReplaceAll(tc.want, "{link}", v.Link)
			if v.Text != want {
				t.Errorf("text:\n%s\nwant:\n%s", v.Text, want)
			}
			if v.Length > tc.limit {
				t.Errorf("length %d over the limit %d", v.Length, tc.limit)
			}
			if strings.Join(v.Notes, "|") != strings.Join(tc.notes, "|") {
				t.Errorf("notes %q, want %q", v.Notes, tc.notes)
			}
		})
	}

	// Cut between words, never inside one, ending in an ellipsis.
	// Replies must fit an instance that small too.
	c := composer(t, "platforms: {mastodon: {limit: 60}}\n"+
		"replies: {emergency: \"Call 911 now.\", medical: \"Call us: {phone}.\", disclosure: \"Call us: {phone}.\", complaint: \"Call us: {phone}.\", request: \"Call us: {phone}.\", other: \"Thank you!\"}\n")
	e := parse(t, "title: Flu?\nsummary: Flu shots protect you and the people around you from serious illness.\n")
	vs, err := c.Compose(e, page, nil)
	if err != nil {
		t.Fatal(err)
	}
	v := byPlatform(vs)["mastodon"]
	// "Flu? " (5) + "Flu shots protect…" (18) + "\n\nRead more: " (13) + 23 for
	// the link is 59; one more word would make 63.
	if want := "Flu? Flu shots protect…\n\nRead more: " + v.Link; v.Text != want {
		t.Errorf("text:\n%q\nwant:\n%q", v.Text, want)
	}
	if v.Length != 59 || v.Notes[len(v.Notes)-1] != "shortened the answer to fit" {
		t.Errorf("length %d, notes %q; want 59, shortened", v.Length, v.Notes)
	}
}

// TestComposeSoftLimit checks the soft limit: hashtags are dropped to get
// under it if that can be done, and kept, all of them, if it cannot.
func TestComposeSoftLimit(t *testing.T) {
	summary := "Yes. We give flu shots to patients 6 months and older from September to March, free with most plans."
	for _, tc := range []struct {
		name  string
		title int    // the question's length
		tags  string // the hashtags the Facebook text ends with
		notes []string
	}{
		{"under it with every hashtag", 50, "#FluShot #StayWell #Vaccines", nil},
		{"under it with fewer hashtags", 100, "#FluShot #StayWell", []string{"dropped 1 of 3 hashtags to fit"}},
		{"over it however many", 200, "#FluShot #StayWell #Vaccines", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := composer(t, "")
			title := strings.Repeat("Flu? ", tc.title/5)
			e := parse(t, "title: "+strings.TrimSpace(title)+"\nsummary: "+summary+"\nhashtags: [FluShot, StayWell, Vaccines]\n")
			vs, err := c.Compose(e, page, nil)
			if err != nil {
				t.Fatal(err)
			}
			v := byPlatform(vs)["facebook"]
			if !strings.HasSuffix(v.Text, "\n\n"+tc.tags) {
				t.Errorf("text ends %q, want the hashtags %q", v.Text[max(0, len(v.Text)-40):], tc.tags)
			}
			if utf8.RuneCountInString(v.Text) != v.Length {
				t.Errorf("length %d, want the text's %d", v.Length, utf8.RuneCountInString(v.Text))
			}
			if strings.Join(v.Notes, "|") != strings.Join(tc.notes, "|") {
				t.Errorf("notes %q, want %q (length %d)", v.Notes, tc.notes, v.Length)
			}
		})
	}
}

func TestComposeQuestionTooLong(t *testing.T) {
	c := composer(t, "platforms: {x: {limit: 40}}\n")
	e := parse(t, "title: What should I do if I need care after hours on a weekend?\nsummary: Call us.\n")
	_, err := c.Compose(e, page, nil)
	want := "content/flu-shots.md:2:8: the X post does not fit even without its answer: 93 weighted characters long; the limit is 40"
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v\nwant %s", err, want)
	}
	checkHints(t, err)
}

func TestComposeOverrides(t *testing.T) {
	c := composer(t, "")
	for _, tc := range []struct {
		name  string
		posts string
		check func(t *testing.T, vs map[string]post.Variant)
		err   string
	}{
		{"link placeholder", "posts:\n  x: \"Flu shots are here: {link} #FluShot\"\n", func(t *testing.T, vs map[string]post.Variant) {
			v := vs["x"]
			if want := "Flu shots are here: " + v.Link + " #FluShot"; v.Text != want || !v.Override {
				t.Errorf("text %q, want %q", v.Text, want)
			}
			if strings.Join(v.Hashtags, ",") != "FluShot" {
				t.Errorf("hashtags %v", v.Hashtags)
			}
			// 20 + 23 for the link + 9.
			if v.Length != 52 {
				t.Errorf("length %d, want 52", v.Length)
			}
		}, ""},
		{"page URL gets its UTM", "posts:\n  mastodon: \"See " + page + "\"\n", func(t *testing.T, vs map[string]post.Variant) {
			if v := vs["mastodon"]; v.Text != "See "+v.Link {
				t.Errorf("text %q", v.Text)
			}
		}, ""},
		{"bluesky shows the short link", "posts:\n  bluesky: \"Flu shots: {link}\"\n", func(t *testing.T, vs map[string]post.Variant) {
			if v := vs["bluesky"]; v.Text != "Flu shots: clinic.support/faq/flu-shots/" || v.LinkText != "clinic.support/faq/flu-shots/" {
				t.Errorf("text %q link text %q", v.Text, v.LinkText)
			}
		}, ""},
		{"instagram without a link", "posts:\n  instagram: \"Flu shots are here. Link in bio.\"\n", func(t *testing.T, vs map[string]post.Variant) {
			if v := vs["instagram"]; v.Text != "Flu shots are here. Link in bio." {
				t.Errorf("text %q", v.Text)
			}
		}, ""},
		{"too long", "posts:\n  x: \"" + strings.Repeat("word ", 60) + "{link}\"\n", nil,
			"content/flu-shots.md:6:6: posts.x: the text is 323 weighted characters long; the limit is 280"},
		{"bluesky bytes", "posts:\n  bluesky: \"{link} " + strings.Repeat("👨‍👩‍👧‍👦", 200) + "\"\n", nil,
			"content/flu-shots.md:6:12: posts.bluesky: the text is 5030 bytes long; the limit is 3000"},
		{"gbp without a link: the button has it", "posts:\n  gbp: \"Flu shots are here, every weekday.\"\n", func(t *testing.T, vs map[string]post.Variant) {
			if v := vs["gbp"]; v.Text != "Flu shots are here, every weekday." || v.CTA.Type != "LEARN_MORE" || v.CTA.URL != v.Link {
				t.Errorf("text %q, button %+v", v.Text, v.CTA)
			}
		}, ""},
		{"no link", "posts:\n  facebook: \"Flu shots are here.\"\n", nil,
			"content/flu-shots.md:6:13: posts.facebook: the text does not link to the entry's page"},
		{"link on instagram", "posts:\n  instagram: \"See {link}\"\n", nil,
			"content/flu-shots.md:6:14: posts.instagram: the text holds a link"},
		{"phone on gbp", "posts:\n  gbp: \"Call (555) 010-0199 to book. {link}\"\n", nil,
			`content/flu-shots.md:6:8: posts.gbp: the text holds the phone number "(555) 010-0199"`},
		{"six links on threads", "posts:\n  threads: \"{link} a.org b.org c.org d.org e.org\"\n", nil,
			"content/flu-shots.md:6:12: posts.threads: the text holds 6 links; Threads allows 5"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := parse(t, fluShots+tc.posts)
			vs, err := c.Compose(e, page, nil)
			if tc.err != "" {
				if err == nil || err.Error() != tc.err {
					t.Fatalf("err = %v\nwant %s", err, tc.err)
				}
				checkHints(t, err)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tc.check(t, byPlatform(vs))
		})
	}
}

func TestComposeGBPLeavesOutPhones(t *testing.T) {
	c := composer(t, "platforms: {gbp: {cta: CALL}}\n")
	e := parse(t, "title: Flu?\nsummary: We give flu shots. Call (555) 010-0199 to book one.\n")
	vs, err := c.Compose(e, page, nil)
	if err != nil {
		t.Fatal(err)
	}
	v := byPlatform(vs)["gbp"]
	if strings.Contains(v.Text, "010-0199") || !strings.Contains(v.Text, "We give flu shots.") || !strings.Contains(v.Text, "Tap Call") {
		t.Errorf("text:\n%s", v.Text)
	}
	if v.CTA != (post.CTA{Type: "CALL"}) || strings.Join(v.Notes, "") != "left out the sentences with a phone number" {
		t.Errorf("CTA %+v notes %q", v.CTA, v.Notes)
	}
	if x := byPlatform(vs)["x"]; !strings.Contains(x.Text, "(555) 010-0199") {
		t.Errorf("other platforms keep the phone number:\n%s", x.Text)
	}
}

func TestComposeWarnings(t *testing.T) {
	c := composer(t, "")
	long := strings.Repeat("Flu shots help. ", 30)
	e := parse(t, "title: Flu?\nsummary: Short.\nposts:\n  facebook: \""+long+"{link}\"\n")
	vs, err := c.Compose(e, page, nil)
	if err != nil {
		t.Fatal(err)
	}
	m := byPlatform(vs)
	if w := strings.Join(m["facebook"].Warnings, ""); !strings.Contains(w, "Facebook posts work best under 400") {
		t.Errorf("facebook warnings %q", w)
	}
	if w := strings.Join(m["instagram"].Warnings, ""); w != "Instagram posts need an image: add image: to the entry" {
		t.Errorf("instagram warnings %q", w)
	}
}

func TestDisabledPlatforms(t *testing.T) {
	c := composer(t, "platforms: {x: {enabled: false}, gbp: {enabled: false}}\n")
	vs, err := c.Compose(parse(t, fluShots), page, nil)
	if err != nil {
		t.Fatal(err)
	}
	if m := byPlatform(vs); len(vs) != 6 || m["x"].Platform != "" || m["gbp"].Platform != "" {
		t.Errorf("got %d variants", len(vs))
	}
}

func TestFiles(t *testing.T) {
	c := composer(t, "platforms: {facebook: {enabled: false}, gbp: {enabled: false}, instagram: {enabled: false}, linkedin: {enabled: false}, mastodon: {enabled: false}, threads: {enabled: false}, bluesky: {enabled: false}}\n")
	e := parse(t, fluShots)
	vs, err := c.Compose(e, page, nil)
	if err != nil {
		t.Fatal(err)
	}
	js, err := post.JSON(vs)
	if err != nil {
		t.Fatal(err)
	}
	wantJSON := `{
  "version": 1,
  "posts": [
    {
      "entry": "flu-shots",
      "platform": "x",
      "text": "Do you offer flu shots? Yes. We give flu shots to patients 6 months and older from September to March.\n\nRead more: https://clinic.support/faq/flu-shots/?utm_campaign=flu-shots&utm_medium=social&utm_source=x\n\n#FluShot #StayWell",
      "length": 158,
      "limit": 280,
      "link": "https://clinic.support/faq/flu-shots/?utm_campaign=flu-shots&utm_medium=social&utm_source=x",
      "hashtags": [
        "FluShot",
        "StayWell"
      ],
      "media": [],
      "cta": {
        "type": "LINK",
        "url": "https://clinic.support/faq/flu-shots/?utm_campaign=flu-shots&utm_medium=social&utm_source=x"
      }
    }
  ]
}
`
	if string(js) != wantJSON {
		t.Errorf("posts.json:\n%s\nwant:\n%s", js, wantJSON)
	}
	// Parts joined give the bytes of the whole, also with empty parts.
	var parts [][]byte
	var all []post.Variant
	for _, group := range [][]post.Variant{vs, nil, vs[:0], vs, vs} {
		part, err := post.JSONPart(group)
		if err != nil {
			t.Fatal(err)
		}
		parts = append(parts, part)
		all = append(all, group...)
	}
	var decoded struct{ Posts []post.Variant }
	if err := json.Unmarshal(post.JoinJSON(parts), &decoded); err != nil || len(decoded.Posts) != 3*len(vs) {
		t.Errorf("JoinJSON of parts: %d posts, %v; want %d", len(decoded.Posts), err, 3*len(vs))
	}
	if whole, _ := post.JSON(all); string(post.JoinJSON(parts)) != string(whole) {
		t.Errorf("JoinJSON of parts:\n%s\nwant JSON of all:\n%s", post.JoinJSON(parts), whole)
	}
	// WriteJSON writes the same bytes, taking each part when it needs it,
	// and stops at a part's error or the writer's.
	var buf strings.Builder
	buf.WriteString("before:")
	if err := post.WriteJSON(&buf, "", len(parts), func(i int) ([]byte, error) { return parts[i], nil }); err != nil || buf.String() != "before:"+string(post.JoinJSON(parts)) {
		t.Errorf("WriteJSON = %.40q..., %v; want JoinJSON's bytes after the prefix", buf.String(), err)
	}
	// With a build, named after the version.
	buf.Reset()
	if err := post.WriteJSON(&buf, "0123456789abcdef", len(parts), func(i int) ([]byte, error) { return parts[i], nil }); err != nil ||
		buf.String() != strings.Replace(string(post.JoinJSON(parts)), "\"version\": 1,\n", "\"version\": 1,\n  \"build\": \"0123456789abcdef\",\n", 1) {
		t.Errorf("WriteJSON with a build = %.80q..., %v", buf.String(), err)
	}
	asked := 0
	broken := errors.New("part lost")
	err = post.WriteJSON(io.Discard, "", len(parts), func(i int) ([]byte, error) {
		asked++
		if i == 1 {
			return nil, broken
		}
		return parts[i], nil
	})
	if !errors.Is(err, broken) || asked != 2 {
		t.Errorf("WriteJSON with a failing part: %v after %d parts; want the part's error after 2", err, asked)
	}
	full := errors.New("disk full")
	if err := post.WriteJSON(failingWriter{full}, "", len(parts), func(i int) ([]byte, error) { return parts[i], nil }); !errors.Is(err, full) {
		t.Errorf("WriteJSON to a failing writer: %v, want %v", err, full)
	}
	if empty, _ := post.JSON(nil); string(empty) != "{\n  \"version\": 1,\n  \"posts\": []\n}\n" {
		t.Errorf("empty posts.json: %s", empty)
	}
	cat, err := locale.Load(locale.Sources{Default: templates.FS}, []locale.Use{{Lang: "en"}, {Lang: "es"}})
	if err != nil {
		t.Fatal(err)
	}
	if es := string(post.Markdown(e, vs, cat.Locale("es"))); !strings.Contains(es, "## X: 158 / 280 caracteres ponderados\n") || !strings.Contains(es, "- Enlace: <https://") {
		t.Errorf("review file in Spanish:\n%s", es)
	}
	md := string(post.Markdown(e, vs, cat.Locale("en")))
	for _, want := range []string{"# Do you offer flu shots?\n", "## X: 158 / 280 weighted characters\n", "```text\nDo you offer flu shots?", "- Link: <https://clinic.support/faq/flu-shots/?utm_campaign"} {
		if !strings.Contains(md, want) {
			t.Errorf("review file lacks %q:\n%s", want, md)
		}
	}
}

// checkHints fails t unless every error in err is a *diag.Error with a hint.
func checkHints(t *testing.T, err error) {
	t.Helper()
	for _, e := range diag.Flatten(err) {
		var de *diag.Error
		if !errors.As(e, &de) || de.Hint == "" {
			t.Errorf("%v: no hint", e)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// FuzzCompose checks that every variant of any entry fits its platform by
// the platform's own counter, is valid UTF-8 and keeps its link.
func FuzzCompose(f *testing.F) {
	f.Add("Do you offer flu shots?", "Yes. We give flu shots to patients 6 months and older.", "FluShot", 280)
	f.Add("¿Qué vacunas necesito?", "Depende de tu edad. 👨‍👩‍👧‍👦 Pregúntanos.", "Vacunas", 100)
	f.Add("日本語の質問？", "はい。日本語でお答えします。", "健康", 60)
	f.Add("Q?", strings.Repeat("word ", 50), "", 30)
	composers := map[int]*post.Composer{}
	f.Fuzz(func(t *testing.T, title, summary, tag string, limit int) {
		if limit < 1 || limit > 280 {
			limit = 280
		}
		if len(summary) > 2*entry.MaxSummary {
			summary = summary[:2*entry.MaxSummary] // as entry.Parse would refuse
		}
		e := &entry.Entry{Path: "content/q.md", Rel: "q.md", Slug: "q", Title: title, Summary: summary}
		if tag != "" {
			e.Hashtags = []string{tag}
		}
		c := composers[limit]
		if c == nil {
			c = composer(t, "platforms: {x: {limit: "+itoa(limit)+"}, bluesky: {limit: "+itoa(min(limit, 300))+"}}\n")
			composers[limit] = c
		}
		vs, err := c.Compose(e, page, nil)
		if err != nil {
			return // the question alone does not fit: reported, not cut
		}
		for _, v := range vs {
			p, _ := platform.Lookup(v.Platform)
			if !utf8.ValidString(v.Text) && utf8.ValidString(title+summary+tag) {
				t.Errorf("%s: invalid UTF-8 from valid input", v.Platform)
			}
			if m := p.Measure(v.Text, v.Limit); !m.Fits {
				t.Errorf("%s: %d / %d does not fit:\n%s", v.Platform, m.Length, v.Limit, v.Text)
			}
			switch {
			case v.Platform == "instagram":
				if !strings.Contains(v.Text, "link in our bio") {
					t.Errorf("instagram lost its call to action:\n%s", v.Text)
				}
			case v.Platform == "bluesky":
				if !strings.Contains(v.Text, v.LinkText) {
					t.Errorf("bluesky lost its link text:\n%s", v.Text)
				}
			case v.Platform != "gbp":
				if !strings.Contains(v.Text, v.Link) {
					t.Errorf("%s lost its link:\n%s", v.Platform, v.Text)
				}
			}
		}
	})
}

// failingWriter fails every write with err.
type failingWriter struct{ err error }

func (w failingWriter) Write([]byte) (int, error) { return 0, w.err }

// BenchmarkCompose measures composing one entry's posts and replies with
// the default theme.
func BenchmarkCompose(b *testing.B) {
	c := composer(b, "")
	e := parse(b, fluShots)
	for b.Loop() {
		if _, err := c.Compose(e, page, nil); err != nil {
			b.Fatal(err)
		}
		if _, err := c.Replies(e, page); err != nil {
			b.Fatal(err)
		}
	}
}
