package entry_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/internal/decode"
	"github.com/faqcast/faqcast/internal/diag"
	"github.com/faqcast/faqcast/internal/slug"
)

// FuzzParse checks that Parse never panics, that what it accepts is a
// complete entry, and that every problem it reports is a *diag.Error on a
// line of the file.
func FuzzParse(f *testing.F) {
	for _, src := range []string{goodYAML, goodTOML, goodJSON} {
		f.Add([]byte(src))
	}
	for _, tc := range badEntries {
		if len(tc.src) <= 64<<10 { // the fuzzer skips huge seeds anyway
			f.Add([]byte(tc.src))
		}
	}
	for _, src := range []string{
		"---\ntitle: &a A?\nsummary: *a\nslug: *a\n---\n",
		"---\ntitle: A?\nsummary: B.\nsources: [{title: T, url: 'http://[::1'}]\n---\n",
		"+++\ntitle = \"A?\"\nsummary = \"B.\"\n[posts]\nx = 1\n+++\n",
		"{\n\"title\": \"A?\", \"summary\": \"B.\", \"tags\": [1, null, {}]\n}\n\n",
		"---\ntitle: A?\nsummary: B.\n---\n---\nmore: x\n---\n",
		"---\ntitle: \"A?\u2028\"\nsummary: B\u0085\n---\n",
		"---\ntitle: A?\nsummary: B.\nimage: {src: a.jpg, alt: A, consent: consented, people: 2}\n---\n",
		"+++\ntitle = \"A?\"\nsummary = \"B.\"\n[image]\nsrc = \"a.jpg\"\nalt = \"A\"\nconsent = \"stock\"\npeople = 9223372036854775807\n+++\n",
		"---\ntitle: >-\n  A\n  B?\nsummary: \"B\\u0085\"\nposts: {x: \"a\\nb\\e\"}\n---\nx\ty\u2067z\r\n",
		"---\ntitle: \"A?\nsummary: 'B.\ntags: [a, {b: c]\n---\n",
	} {
		f.Add([]byte(src))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := entry.Parse(testPath, testRel, data)
		if err == nil {
			switch {
			case e == nil:
				t.Fatal("Parse returned neither an entry nor an error")
			case e.Title == "", e.Summary == "":
				t.Errorf("accepted an entry with title %q and summary %q", e.Title, e.Summary)
			case !slug.Valid(e.Slug):
				t.Errorf("accepted an entry with slug %q", e.Slug)
			case e.Format != "yaml" && e.Format != "toml" && e.Format != "json":
				t.Errorf("Format = %q", e.Format)
			}
			if img := e.Image; img != nil && img.People != nil {
				if n := *img.People; n < 0 || n > 0 && img.Consent == "illustration" {
					t.Errorf("accepted image.people %d with consent %q", n, img.Consent)
				}
			}
			if n := lines(data); e.BodyLine < 1 || e.BodyLine > n+1 {
				t.Errorf("BodyLine = %d, outside lines 1 to %d", e.BodyLine, n+1)
			}
			checkText(t, e)
			return
		}
		if e != nil {
			t.Error("Parse returned an entry with its error")
		}
		n := lines(data)
		for _, x := range diag.Flatten(err) {
			var de *diag.Error
			if !errors.As(x, &de) {
				t.Errorf("%v (%T) is not a *diag.Error", x, x)
				continue
			}
			if de.Path != testPath {
				t.Errorf("%v: path %q, want %q", de, de.Path, testPath)
			}
			if de.Line < 0 || de.Line > n+1 {
				t.Errorf("%v: line %d is outside lines 0 to %d", de, de.Line, n+1)
			}
			if de.Col < 0 || de.Line > 0 && de.Col == 0 {
				t.Errorf("%v: column %d", de, de.Col)
			}
			if strings.IndexFunc(de.Error()+de.Hint, decode.IsControl) >= 0 {
				t.Errorf("%q: the message or hint holds a control character", de.Error()+de.Hint)
			}
			if de.Hint == "" {
				t.Errorf("%v: no hint", de)
			}
		}
	})
}

// checkText fails t unless e's one-line texts hold no control character
// (line breaks among them), its posts none but line feeds, and its answer
// none but tabs and line feeds.
func checkText(t *testing.T, e *entry.Entry) {
	t.Helper()
	texts := []string{e.Title, e.Summary, e.Slug, e.ReviewedBy}
	texts = append(texts, e.Tags...)
	texts = append(texts, e.Hashtags...)
	for _, s := range e.Sources {
		texts = append(texts, s.Title, s.URL)
	}
	if e.Image != nil {
		texts = append(texts, e.Image.Src, e.Image.Alt, e.Image.Consent)
	}
	for _, s := range texts {
		if strings.IndexFunc(s, decode.IsControl) >= 0 {
			t.Errorf("accepted %q, which holds a control character", s)
		}
	}
	for name, s := range e.Posts {
		if strings.IndexFunc(s, func(r rune) bool { return r != '\n' && decode.IsControl(r) }) >= 0 {
			t.Errorf("accepted posts.%s %q, which holds a control character", name, s)
		}
	}
	if bytes.IndexFunc(e.Body, func(r rune) bool { return r != '\t' && r != '\n' && decode.IsControl(r) }) >= 0 {
		t.Errorf("accepted an answer that holds a control character: %q", e.Body)
	}
}

// lines returns the number of lines in data, ended by LF, CRLF or a lone CR.
func lines(data []byte) int {
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	return bytes.Count(data, []byte("\n")) + bytes.Count(data, []byte("\r")) + 1
}
