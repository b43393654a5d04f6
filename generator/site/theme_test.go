package site_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/site"
	"github.com/faqcast/faqcast/internal/diag"
	"github.com/faqcast/faqcast/templates"
)

// siteTheme returns a site's templates folder holding files.
func siteTheme(files map[string]string) fs.FS {
	m := fstest.MapFS{}
	for name, text := range files {
		m[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return m
}

// renderTheme loads the overlay of files on the default theme and renders
// a one-entry site with it.
func renderTheme(files map[string]string) (map[string]string, error) {
	theme, err := site.LoadTheme(site.Overlay(siteTheme(files), templates.FS), "templates")
	if err != nil {
		return nil, err
	}
	cfg, err := config.Parse("faqcast.yaml", []byte(siteConfig))
	if err != nil {
		return nil, err
	}
	e, err := entry.Parse("content/a.md", "a.md", []byte("---\ntitle: A?\nsummary: B.\ntags: [t]\n---\n"))
	if err != nil {
		return nil, err
	}
	out, err := site.Render(context.Background(), site.Options{
		Config:  cfg,
		Entries: []*entry.Entry{e},
		Bodies:  []string{"<p>Body.</p>\n"},
		Theme:   theme,
		Epoch:   time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
	})
	if err != nil {
		return nil, err
	}
	pages := map[string]string{}
	for _, f := range out {
		pages[f.Path] = string(f.Data)
	}
	return pages, nil
}

func TestThemeOverlay(t *testing.T) {
	pages, err := renderTheme(map[string]string{
		// Overrides a partial and uses a new one.
		"partials/footer.html": `<footer class="mine">{{template "disclaimer.html" .}}{{template "extra.html" .}}</footer>`,
		"partials/extra.html":  `<p class="extra">Extra for {{.Site.Practice.Name}}</p>`,
		"robots.txt":           "User-agent: *\nDisallow: /private/\n",
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"index.html", "404.html", "faq/a/index.html", "topics/t/index.html"} {
		page := pages[name]
		if !strings.Contains(page, `<footer class="mine"><p class="disclaimer" id="disclaimer">`) {
			t.Errorf("%s: the site's footer.html is not used", name)
		}
		if !strings.Contains(page, `<p class="extra">Extra for Test Clinic</p>`) {
			t.Errorf("%s: the site's new partial extra.html is not used", name)
		}
		if !strings.Contains(page, `<p class="tagline">Patient questions</p>`) {
			t.Errorf("%s: the default header.html is not used", name)
		}
		if _, err := parseHTML(page); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	if got := pages["robots.txt"]; got != "User-agent: *\nDisallow: /private/\n" {
		t.Errorf("robots.txt = %q", got)
	}
}

// TestLoadThemeOverlayError loads an overlay that overrides a partial, adds
// a good one and a broken one: the one error names the broken file and line.
func TestLoadThemeOverlayError(t *testing.T) {
	fsys := site.Overlay(siteTheme(map[string]string{
		"partials/footer.html": `<footer>{{template "extra.html" .}}</footer>`,
		"partials/extra.html":  `<p>{{.Site.Title}}</p>`,
		"partials/x.html":      "<p>one</p>\n<p>two</p>\n<p>{{if .Site.Title}}three</p>\n{{else}}\n",
	}), templates.FS)
	theme, err := site.LoadTheme(fsys, "templates")
	if theme != nil {
		t.Error("LoadTheme returned a theme with an error")
	}
	errs := diag.Flatten(err)
	if len(errs) != 1 {
		t.Fatalf("errors: %v, want one", err)
	}
	var de *diag.Error
	if !errors.As(errs[0], &de) {
		t.Fatalf("%v (%T) is not a *diag.Error", errs[0], errs[0])
	}
	if de.Path != "templates/partials/x.html" || de.Line != 5 || !strings.Contains(de.Err.Error(), "unexpected EOF") || de.Hint == "" {
		t.Errorf("error = %q (path %q, line %d, hint %q); want templates/partials/x.html:5: ... unexpected EOF, with a hint", de, de.Path, de.Line, de.Hint)
	}
}

// TestThemeErrors checks that every mistake in a site's templates is
// reported at its file and line, whether parsing or rendering finds it.
func TestThemeErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  []string // "path:line:col: message", each error's start
	}{
		{"syntax error in a new partial", map[string]string{
			"partials/x.html": "<p>\nfine\n{{.Site.Title}\n</p>\n",
		}, []string{`templates/partials/x.html:3: template: bad character U+007D '}'`}},
		{"syntax error in an overridden partial, with an overlay partial", map[string]string{
			"partials/footer.html": `<footer>{{template "extra.html" .}}</footer>`,
			"partials/extra.html":  "\n\n\n\n{{if .Site}}\n",
		}, []string{`templates/partials/extra.html:6: template: unexpected EOF`}},
		{"errors in two partials", map[string]string{
			"partials/a.html": "{{end}}",
			"partials/b.html": "\n{{range}}{{end}}",
		}, []string{
			`templates/partials/a.html:1: template: unexpected {{end}}`,
			`templates/partials/b.html:2: template: missing value for range`,
		}},
		{"syntax error in a page template", map[string]string{
			"entry.html": "{{define \"main\"}}\n<h1>{{.Heading}</h1>{{end}}",
		}, []string{`templates/entry.html:2: template: bad character U+007D '}'`}},
		{"a page template that defines no main", map[string]string{
			"404.html": "<h1>{{.Heading}}</h1>\n",
		}, []string{`templates/404.html:1:1: template: defines no "main", the page's content, which baseof.html shows`}},
		{"syntax error in baseof.html", map[string]string{
			"baseof.html": "<!DOCTYPE html>\n<html>\n{{template \"main\" .}\n</html>",
		}, []string{`templates/baseof.html:3: template: bad character U+007D '}'`}},
		{"syntax error in robots.txt", map[string]string{
			"robots.txt": "User-agent: *\n{{range .Disallow}\n",
		}, []string{`templates/robots.txt:2: template: bad character U+007D '}'`}},
		{"a file name with a space", map[string]string{
			"partials/my part.html": "\n{{end}}",
		}, []string{`templates/partials/my part.html:2: template: unexpected {{end}}`}},
		{"unknown function", map[string]string{
			"partials/footer.html": "<footer>\n{{shout .Site.Title}}</footer>",
		}, []string{`templates/partials/footer.html:2: template: function "shout" not defined`}},
		{"unknown field, found when rendering", map[string]string{
			"partials/footer.html": "<footer>\n  {{.Site.Nope}}</footer>",
		}, []string{`templates/partials/footer.html:2:9: template: executing "footer.html" at <.Site.Nope>: can't evaluate field Nope in type *site.Site`}},
		{"missing partial, found when rendering", map[string]string{
			"partials/footer.html": "<footer>\n{{template \"nope.html\" .}}</footer>",
		}, []string{`templates/partials/footer.html:2:11: template: no such template "nope.html"`}},
		// html/template finds this where the page ends, so it can only
		// name baseof.html.
		{"unfinished attribute, found when rendering", map[string]string{
			"partials/footer.html": "<footer>\n<a href=\"{{.Site.BaseURL}}>x</a></footer>",
		}, []string{`templates/baseof.html: template: ends in a non-text context`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := renderTheme(tc.files)
			if err == nil {
				t.Fatal("no error")
			}
			if theme, err := site.LoadTheme(site.Overlay(siteTheme(tc.files), templates.FS), "templates"); (theme == nil) == (err == nil) {
				t.Errorf("LoadTheme = %v, %v: want a theme or an error", theme, err)
			}
			errs := diag.Flatten(err)
			var got []string
			for _, e := range errs {
				var de *diag.Error
				if !errors.As(e, &de) {
					t.Fatalf("%v (%T) is not a *diag.Error", e, e)
				}
				if de.Hint == "" {
					t.Errorf("%v: no hint", e)
				}
				got = append(got, de.Error())
			}
			ok := len(got) == len(tc.want)
			for i := 0; ok && i < len(got); i++ {
				ok = strings.HasPrefix(got[i], tc.want[i])
			}
			if !ok {
				t.Errorf("errors:\n%s\nwant (prefixes)\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestThemeOwnFrame checks that a site's baseof.html that shows no "main"
// lets its pages define none.
func TestThemeOwnFrame(t *testing.T) {
	fsys := site.Overlay(siteTheme(map[string]string{
		"baseof.html": "<!DOCTYPE html>\n<html>{{if .Site}}{{block \"body\" .}}{{end}}{{end}}</html>\n",
		"404.html":    `{{define "body"}}<h1>{{.Heading}}</h1>{{end}}`,
	}), templates.FS)
	if _, err := site.LoadTheme(fsys, "templates"); err != nil {
		t.Fatalf("LoadTheme: %v", err)
	}
	// One that shows it inside an if still needs it.
	fsys = site.Overlay(siteTheme(map[string]string{
		"baseof.html": "<!DOCTYPE html>\n<html>{{with .Site}}{{else}}{{template \"main\" .}}{{end}}</html>\n",
		"404.html":    `<h1>{{.Heading}}</h1>`,
	}), templates.FS)
	if _, err := site.LoadTheme(fsys, "templates"); err == nil || !strings.Contains(err.Error(), `templates/404.html:1:1: template: defines no "main"`) {
		t.Errorf("LoadTheme: %v, want 404.html to define main", err)
	}
}

func TestThemeMissingFiles(t *testing.T) {
	_, err := site.LoadTheme(fstest.MapFS{}, "mytheme")
	if err == nil {
		t.Fatal("an empty theme loaded")
	}
	var names []string
	for _, e := range diag.Flatten(err) {
		var de *diag.Error
		if errors.As(e, &de) {
			names = append(names, de.Path)
		}
	}
	if !slices.Contains(names, "mytheme/baseof.html") {
		t.Errorf("errors %q do not name mytheme/baseof.html", names)
	}

	// A theme with every file but the page templates names each of them.
	m := fstest.MapFS{"baseof.html": {Data: []byte(`{{template "main" .}}`)}}
	_, err = site.LoadTheme(m, "mytheme")
	var got []string
	for _, e := range diag.Flatten(err) {
		got = append(got, e.Error())
	}
	want := []string{}
	for _, kind := range site.Kinds {
		want = append(want, fmt.Sprintf("mytheme/%s.html: cannot read template", kind))
	}
	want = append(want, "mytheme/robots.txt: cannot read template", "mytheme/style.css: cannot read template")
	slices.Sort(want)
	for _, w := range want {
		if !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, w) }) {
			t.Errorf("no error %q in\n%s", w, strings.Join(got, "\n"))
		}
	}
}

// TestOverlayReadDir checks that a listing merges both file systems.
func TestOverlayReadDir(t *testing.T) {
	o := site.Overlay(siteTheme(map[string]string{"partials/new.html": "x", "partials/footer.html": "y"}), templates.FS)
	entries, err := fs.ReadDir(o, "partials")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := []string{"breadcrumbs.html", "calendar.html", "callbook.html", "contact.html", "disclaimer.html", "footer.html", "head.html", "header.html", "languages.html", "new.html", "pager.html", "postnotes.html", "questions.html", "slots.html", "weeks.html"}
	if !slices.Equal(names, want) {
		t.Errorf("ReadDir = %q, want %q", names, want)
	}
	b, err := fs.ReadFile(o, "partials/footer.html")
	if err != nil || string(b) != "y" {
		t.Errorf("footer.html = %q, %v; want the site's", b, err)
	}
	if _, err := fs.ReadFile(site.Overlay(nil, templates.FS), "baseof.html"); err != nil {
		t.Errorf("Overlay(nil, def): %v", err)
	}
}
