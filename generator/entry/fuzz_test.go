package entry_test

import (
	"bytes"
	"errors"
	"github.com/faqcast/faqcast/internal/slug"
	"testing"

	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/internal/diag"
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
			if de.Col < 0 {
				t.Errorf("%v: negative column %d", de, de.Col)
			}
			if de.Hint == "" {
				t.Errorf("%v: no hint", de)
			}
		}
	})
}

// lines returns the number of lines in data, ended by LF, CRLF or a lone CR.
func lines(data []byte) int {
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	return bytes.Count(data, []byte("\n")) + bytes.Count(data, []byte("\r")) + 1
}
