package decode

import (
	"strings"
	"sync"
	"testing"
)

const goodYAML = `title: Flu shots
description: Who should get one
publishDate: 2026-12-07
reviewed_on: 2026-12-07T09:30:00-06:00
rank: 3
count: 0x10
weight: 1.5
draft: false
featured: true
tags: [vaccines, "flu"]
image:
  src: flu.png
  alt: A nurse
  consent: true
sources:
  - title: CDC
    url: https://cdc.gov
  - title: WHO
    url: https://who.int
params:
  audience: adults
  year: 2026
author:
  name: Dr. Ruiz
notes: 42
`

var goodYAMLPositions = wantPositions{
	page: "author=25:3 count=7:8 draft=9:8 featured=10:11 image=13:3 notes=26:8 params=22:3 publish_on=4:14 " +
		"rank=6:7 reviewed_on=5:14 sources=17:3 sources[0]=17:5 sources[1]=19:5 summary=3:14 tags=11:7 tags[0]=11:8 tags[1]=11:18 title=2:8 weight=8:9",
	image:   "alt=14:8 consent=15:12 src=13:8",
	sources: [2]string{"title=17:12 url=18:10", "title=19:12 url=20:10"},
}

func yamlSeeds() []string {
	return []string{
		goodYAML,
		strings.ReplaceAll(goodYAML, "\n", "\r\n"),
		"titel: x\n",
		"title: a\nb\n",
		"a: 1\n\tb: 2\n",
		"a: *nope\n",
		"a: 1\n---\nb: 2\n",
		"- a\n- b\n",
		"title: \xff\n",
		"sources:\n  - &s {title: A, url: u}\n  - <<: *s\n    title: B\n",
		"",
		"# only a comment\n",
	}
}

func TestYAMLGood(t *testing.T) {
	for name, src := range map[string]string{
		"LF":   goodYAML,
		"CRLF": strings.ReplaceAll(goodYAML, "\n", "\r\n"),
	} {
		t.Run(name, func(t *testing.T) {
			var p testPage
			p.Ignored, p.unexported = "kept", "kept"
			if err := YAML("f.md", []byte(src+"unexported: x\n"), 2, &p); len(messages(err)) != 1 {
				t.Fatalf("YAML: %v, want only an unknown key", err)
			}
			if p.Ignored != "kept" || p.unexported != "kept" {
				t.Errorf("Ignored, unexported = %q, %q; want them untouched", p.Ignored, p.unexported)
			}
			p.Ignored, p.unexported = "", ""
			checkGood(t, p, goodYAMLPositions)
		})
	}
}

// TestYAMLConcurrent decodes into one type from many goroutines at once,
// as the loader does: they share the type's fields, worked out once, and
// each gets its own values and problems.
func TestYAMLConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			src := goodYAML
			if i%2 == 1 {
				src += "titel: x\n"
			}
			var p testPage
			err := YAML("f.md", []byte(src), 2, &p)
			if got := len(messages(err)); got != i%2 {
				t.Errorf("goroutine %d: %d problems, want %d: %v", i, got, i%2, err)
			}
			checkGood(t, p, goodYAMLPositions)
		})
	}
	wg.Wait()
}

func TestYAMLEmpty(t *testing.T) {
	for _, src := range []string{"", "\n\n", "  \n", "# just a comment\n# and another\n", "---\n", "~\n", "null\n", "---\n...\n"} {
		p := testPage{Title: "unchanged"}
		if err := YAML("f.md", []byte(src), 2, &p); err != nil {
			t.Errorf("YAML(%q) = %v, want nil", src, err)
		}
		if p.Title != "unchanged" || p.Pos != nil {
			t.Errorf("YAML(%q) changed the struct: %+v", src, p)
		}
	}
}

func TestYAMLErrors(t *testing.T) {
	runErrorCases(t, YAML, []errorCase{{
		name: "unknown key with a suggestion",
		src:  "title: Flu\ntitel: Flu\n",
		want: []string{`f.md:3:1: unknown key "titel" [did you mean "title"?]`},
	}, {
		name: "unknown key suggests an alias only when closest",
		src:  "descripton: x\npublishdat: 2026-12-07\n",
		want: []string{
			`f.md:2:1: unknown key "descripton" [did you mean "description"?]`,
			`f.md:3:1: unknown key "publishdat" [did you mean "publishDate"?]`,
		},
	}, {
		name: "unknown key without a suggestion",
		src:  "colour: red\n",
		want: []string{`f.md:2:1: unknown key "colour" [known keys: author, count, draft, featured, image, notes, ` +
			`params, publish_on, rank, reviewed_on, small, sources, summary, tags, title, weight]`},
	}, {
		name: "key set twice",
		src:  "title: a\nrank: 1\ntitle: b\n",
		want: []string{`f.md:4:1: "title" is set twice (first on line 2) [keep one of them]`},
	}, {
		name: "key and alias",
		src:  "description: a\nsummary: b\npublishDate: 2026-01-01\npublishdate: 2026-01-02\n",
		want: []string{
			`f.md:3:1: "summary" is set twice (also as "description" on line 2) [keep one of them]`,
			`f.md:5:1: "publishdate" is set twice (also as "publishDate" on line 4) [keep one of them]`,
		},
	}, {
		name: "type mismatches",
		src: "rank: abc\ndraft: yes please\ntags: one\npublish_on: 12/07/2026\nimage: x\nsmall: 300\n" +
			"count: -1\nweight: heavy\ntitle: [a]\nparams: [a]\nreviewed_on: {a: b}\nsources: {a: b}\nrank: 1.5\n",
		want: []string{
			`f.md:2:7: rank: expected a whole number, found "abc" [write a whole number without quotes, such as 3]`,
			`f.md:3:8: draft: expected true or false, found "yes please" [write true or false, without quotes]`,
			`f.md:4:7: tags: expected a list, found a string [write it as [a, b] or one "- item" per line]`,
			`f.md:5:13: publish_on: "12/07/2026" is not a date [write dates as 2026-12-07 or 2026-12-07T09:30:00-06:00]`,
			`f.md:6:8: image: expected a mapping of keys to values, found a string [check the YAML here: one "key: value" per line, lists as [a, b], text with ": " or " #" in quotes]`,
			`f.md:7:8: small: 300 is out of range (-128 to 127) [use a smaller number]`,
			`f.md:8:8: count: -1 is out of range (0 to 18446744073709551615) [use a smaller number]`,
			`f.md:9:9: weight: expected a number, found "heavy" [write a number without quotes, such as 2.5]`,
			`f.md:10:8: title: expected text, found a list [write the text after the key, in quotes if it holds ": " or " #"]`,
			`f.md:11:9: params: expected a mapping of keys to values, found a list [check the YAML here: one "key: value" per line, lists as [a, b], text with ": " or " #" in quotes]`,
			`f.md:12:14: reviewed_on: expected a date, found a mapping [write dates as 2026-12-07 or 2026-12-07T09:30:00-06:00]`,
			`f.md:13:10: sources: expected a list, found a mapping [write it as [a, b] or one "- item" per line]`,
			`f.md:14:1: "rank" is set twice (first on line 2) [keep one of them]`,
		},
	}, {
		name: "quoted numbers are text",
		src:  "rank: \"3\"\ndraft: 'true'\n",
		want: []string{
			`f.md:2:7: rank: expected a whole number, found "3" [write a whole number without quotes, such as 3]`,
			`f.md:3:8: draft: expected true or false, found "true" [write true or false, without quotes]`,
		},
	}, {
		name: "nested keys",
		src:  "image:\n  consent: maybe\n  titel: x\nsources:\n  - title: a\n  - ulr: b\n    url: [c]\nparams:\n  a: {b: c}\n",
		want: []string{
			`f.md:3:12: image.consent: expected true or false, found "maybe" [write true or false, without quotes]`,
			`f.md:4:3: image: unknown key "titel" [known keys: alt, consent, src]`,
			`f.md:7:5: sources[1]: unknown key "ulr" [did you mean "url"?]`,
			`f.md:8:10: sources[1].url: expected text, found a list [write the text after the key, in quotes if it holds ": " or " #"]`,
			`f.md:10:6: params.a: expected text, found a mapping [write the text after the key, in quotes if it holds ": " or " #"]`,
		},
	}, {
		name: "syntax error",
		src:  "title: a\nb\n",
		want: []string{`f.md:3:1: could not find expected ':' [write each entry as "key: value"]`},
	}, {
		name: "syntax error from the parser",
		src:  "title: a\ntags: [a, b\nrank: 1\n",
		want: []string{`f.md:3:7: did not find expected ',' or ']' [close the list with ] and put a comma between its items]`},
	}, {
		name: "syntax error on the first line",
		src:  "title: 'x' y\n",
		want: []string{`f.md:2:12: did not find expected key [check the indentation of this line and the lines after it]`},
	}, {
		name: "colon in a value",
		src:  "title: a\nsummary: Flu: what to know\n",
		want: []string{`f.md:3:13: mapping values are not allowed in this context [put the value in quotes if it contains ": ", or check the indentation]`},
	}, {
		name: "tab indentation",
		src:  "image:\n\tsrc: a.png\n",
		want: []string{`f.md:3:1: found character that cannot start any token [indent with spaces: YAML does not allow tabs for indentation]`},
	}, {
		name: "tab after a value",
		src:  "image:\n  src: a\n \talt: b\n",
		want: []string{`f.md:4:2: found a tab character that violates indentation [indent with spaces: YAML does not allow tabs for indentation]`},
	}, {
		name: "two documents",
		src:  "title: a\n---\ntitle: b\n",
		want: []string{`f.md:3:1: found a second document; expected only one [remove this "---" line, or indent what follows it]`},
	}, {
		name: "error in a second document",
		src:  "title: a\n---\ntitle: b\nc\n",
		want: []string{`f.md:5:1: could not find expected ':' [write each entry as "key: value"]`},
	}, {
		name: "root is a list",
		src:  "- a\n- b\n",
		want: []string{`f.md:2:1: expected a mapping of keys to values, found a list [check the YAML here: one "key: value" per line, lists as [a, b], text with ": " or " #" in quotes]`},
	}, {
		name: "root is text",
		src:  "# Flu shots\nJust some text\n",
		want: []string{`f.md:3:1: expected a mapping of keys to values, found a string [check the YAML here: one "key: value" per line, lists as [a, b], text with ": " or " #" in quotes]`},
	}, {
		name: "invalid UTF-8",
		src:  "title: a\nsummary: caf\xe9\n",
		want: []string{`f.md:3:13: incomplete UTF-8 octet sequence [check the YAML here: one "key: value" per line, lists as [a, b], text with ": " or " #" in quotes]`},
	}, {
		name: "control character",
		src:  "title: a\x07b\n",
		want: []string{`f.md:2:9: control characters are not allowed [check the YAML here: one "key: value" per line, lists as [a, b], text with ": " or " #" in quotes]`},
	}, {
		name: "unknown anchor",
		src:  "title: a\nsummary: *sum\n",
		want: []string{`f.md:3:10: unknown anchor 'sum' referenced [check the YAML here: one "key: value" per line, lists as [a, b], text with ": " or " #" in quotes]`},
	}, {
		name: "alias to itself",
		src:  "sources: &s\n  - title: a\n    url: *s\n",
		want: []string{`f.md:4:10: sources[0].url: expected text, found a list [write the text after the key, in quotes if it holds ": " or " #"]`},
	}, {
		name: "CRLF",
		src:  "title: a\r\ntitel: b\r\nrank: x\r\n",
		want: []string{
			`f.md:3:1: unknown key "titel" [did you mean "title"?]`,
			`f.md:4:7: rank: expected a whole number, found "x" [write a whole number without quotes, such as 3]`,
		},
	}, {
		name: "lone CR and unicode line breaks",
		src:  "title: a\rtitel: b\n# \u2028\nrank: x\n",
		want: []string{
			`f.md:2:10: unknown key "titel" [did you mean "title"?]`,
			`f.md:4:7: rank: expected a whole number, found "x" [write a whole number without quotes, such as 3]`,
		},
	}, {
		name: "columns count characters",
		src:  "title: \"Grippe – Impfung\"\nsummary: été\nrank: été\n",
		want: []string{`f.md:4:7: rank: expected a whole number, found "été" [write a whole number without quotes, such as 3]`},
	}})
}

// TestYAMLSyntaxErrors checks that each syntax error is reported at the
// character it is about, which yaml.v3 does not tell: the offending
// character, or the start of what is not closed.
func TestYAMLSyntaxErrors(t *testing.T) {
	const (
		checkIndent  = " [check the indentation of this line and the lines after it]"
		closeQuote   = " [close the quoted text that starts here with the same quote mark]"
		runOn        = " [close the quote where the text ends on this line, or remove it]"
		colonHint    = ` [put the value in quotes if it contains ": ", or check the indentation]`
		escapeHint   = ` [in double quotes, write a backslash as \\, or put the text in single quotes]`
		headerHint   = " [end the line with | or > and write the text on the lines below it, indented]"
		keyValueHint = ` [write each entry as "key: value"]`
		listHint     = " [close the list with ] and put a comma between its items]"
	)
	runErrorCases(t, YAML, []errorCase{{
		name: "colon in a line that continues a value",
		src:  "title: a\n  b: c\n",
		want: []string{"f.md:3:4: mapping values are not allowed in this context" + colonHint},
	}, {
		name: "key indented too far",
		src:  "title: a\nimage:\n  src: a\n    alt: b\n",
		want: []string{"f.md:5:8: mapping values are not allowed in this context" + colonHint},
	}, {
		name: "key not indented enough",
		src:  "image:\n  src: 1\n alt: 2\n",
		want: []string{"f.md:4:2: did not find expected key" + checkIndent},
	}, {
		name: "key where a list item is expected",
		src:  "tags:\n  - a\n  b: c\n",
		want: []string{"f.md:4:3: did not find expected '-' indicator" + checkIndent},
	}, {
		name: "list item where a key is expected",
		src:  "title: a\nsummary: b - c\n- d\n",
		want: []string{"f.md:4:1: did not find expected key" + checkIndent},
	}, {
		name: "text after a quoted value",
		src:  "image:\n  src: 'a' b\n",
		want: []string{"f.md:3:12: did not find expected key" + checkIndent},
	}, {
		name: "quoted key without a colon",
		src:  "title: a\n\"b\" c\n",
		want: []string{"f.md:3:1: could not find expected ':'" + keyValueHint},
	}, {
		name: "quote never closed",
		src:  "title: a\nsummary: \"abc\nrank: 1\n",
		want: []string{"f.md:3:10: found unexpected end of stream" + closeQuote},
	}, {
		name: "quote on the first line never closed",
		src:  "title: \"abc\nrank: 1\n",
		want: []string{"f.md:2:8: found unexpected end of stream" + closeQuote},
	}, {
		name: "quote never closed after one that is",
		src:  "title: a\nsummary: 'x' 'it''s\nrank: 1\n",
		want: []string{"f.md:3:14: found unexpected end of stream" + closeQuote},
	}, {
		// A quote left open, closed by the first quote of a later line:
		// the parser trips after it, at the quoted item.
		name: "quote closed on a later line",
		src:  "title: \"abc\nsummary: b\nquestions:\n  - \"x\"\n",
		want: []string{"f.md:2:8: the quoted text that starts here is not closed on its line: the quote at 5:5 closes it, and the parser trips after that" + runOn},
	}, {
		name: "quote closed on a later line, tripped over further on",
		src:  "title: \"Do you?\nsummary: b\nsources:\n  - {title: \"T\", url: https://x.example/}\n",
		want: []string{"f.md:2:8: the quoted text that starts here is not closed on its line: the quote at 5:13 closes it, and the parser trips after that" + runOn},
	}, {
		// A quoted text over two lines that holds no key is the parser's
		// to report.
		name: "text after a quoted value over lines",
		src:  "summary: \"abc\n  def\" x\n",
		want: []string{"f.md:3:8: did not find expected key" + checkIndent},
	}, {
		// Nor is one whose list items are more indented than its key.
		name: "text after a quoted value with a list in it",
		src:  "summary: \"We are open. Bring:\n  - a photo ID\n  - your card\" (see below)\n",
		want: []string{"f.md:4:16: did not find expected key" + checkIndent},
	}, {
		// The parser trips on the line after the quote that closes it.
		name: "quote closed by a later list item, tripped over on the next line",
		src:  "title: \"Which plans?\nsummary: b\nsources:\n  - title: \"T\"\n    url: https://x.example/\n",
		want: []string{"f.md:2:8: the quoted text that starts here is not closed on its line: the quote at 5:12 closes it, and the parser trips after that" + runOn},
	}, {
		// An apostrophe after a comma in plain text opens no quoted text.
		name: "apostrophe after a comma in plain text",
		src:  "title: Hours, 'til 8pm\nsummary: Yes.\nrank: 'one' two\n",
		want: []string{"f.md:4:13: did not find expected key" + checkIndent},
	}, {
		// An apostrophe in a block scalar opens no quoted text.
		name: "apostrophe in a block scalar",
		src:  "summary: >\n  We are open 'til 6 on:\n  - weekdays\nrank: 'twenty' 0\n",
		want: []string{"f.md:5:16: did not find expected key" + checkIndent},
	}, {
		name: "document marker inside quotes",
		src:  "title: a\nsummary: \"x\n...\n\"\n",
		want: []string{`f.md:3:10: found unexpected document indicator [close the quoted text that starts here before the line that starts with "---" or "..."]`},
	}, {
		name: "unknown escape on a later line of the text",
		src:  "title: a\nsummary: \"x\ny \\q\"\n",
		want: []string{"f.md:4:3: found unknown escape character" + escapeHint},
	}, {
		name: "bad hexadecimal escape",
		src:  "title: a\nsummary: \"\\xZZ\"\n",
		want: []string{"f.md:3:11: did not find expected hexdecimal number" + escapeHint},
	}, {
		name: "escape of a surrogate, after good escapes",
		src:  "title: a\nsummary: \"ok \\\\ \\t \\uD800\"\n",
		want: []string{"f.md:3:20: found invalid Unicode character escape code" + escapeHint},
	}, {
		name: "value starting with @",
		src:  "title: @foo\n",
		want: []string{"f.md:2:8: found character that cannot start any token [put the value in quotes: YAML does not let a value start with '@']"},
	}, {
		name: "value starting with a backquote",
		src:  "title: a\nsummary: `foo`\n",
		want: []string{"f.md:3:10: found character that cannot start any token [put the value in quotes: YAML does not let a value start with '`']"},
	}, {
		name: "tab after a list item's dash",
		src:  "tags:\n  - b\n  -\tc\n",
		want: []string{"f.md:4:4: found character that cannot start any token [use a space instead of the tab: YAML does not allow a tab here]"},
	}, {
		name: "anchor without a name",
		src:  "title: a\nsummary: &\n",
		want: []string{"f.md:3:10: did not find expected alphabetic or numeric character [put the value in quotes: YAML does not let a value start with '&']"},
	}, {
		name: "text after a block indicator",
		src:  "title: a\nsummary: | x\n  y\n",
		want: []string{"f.md:3:12: did not find expected comment or line break" + headerHint},
	}, {
		name: "block indentation of 0",
		src:  "title: a\nsummary: |0\n  x\n",
		want: []string{"f.md:3:11: found an indentation indicator equal to 0" + headerHint},
	}, {
		name: "list never closed, over lines",
		src:  "title: a\ntags: [a,\n  b\nrank: 1\n",
		want: []string{"f.md:3:7: did not find expected ',' or ']'" + listHint},
	}, {
		name: "list closed by a brace",
		src:  "title: a\nimage: {src: a, alt: [b}\n",
		want: []string{"f.md:3:22: did not find expected ',' or ']'" + listHint},
	}, {
		name: "mapping never closed",
		src:  "title: a\nimage: {src: a\n",
		want: []string{"f.md:3:8: did not find expected ',' or '}' [close the mapping with } and put a comma between its entries]"},
	}, {
		name: "list closed twice",
		src:  "title: a\ntags: [a, b]]\n",
		want: []string{"f.md:3:13: did not find expected key" + checkIndent},
	}, {
		name: "directive given twice",
		src:  "%YAML 1.1\n%YAML 1.1\n---\na: b\n",
		want: []string{`f.md:3:1: found duplicate %YAML directive [check the YAML here: one "key: value" per line, lists as [a, b], text with ": " or " #" in quotes]`},
	}, {
		name: "byte order mark and CRLF",
		src:  "\ufefftitle: a\r\nsummary: Flu: x\r\n",
		want: []string{"f.md:3:13: mapping values are not allowed in this context" + colonHint},
	}, {
		name: "line separator, a line end to YAML but not to the file",
		src:  "title: 'x'\u2028summary: y: z\n",
		want: []string{"f.md:2:22: mapping values are not allowed in this context" + colonHint},
	}})
}

// TestYAMLSyntaxErrorLimits checks that a problem that is not found within
// the limits of the search is reported at the first character of its line.
func TestYAMLSyntaxErrorLimits(t *testing.T) {
	// Each ": " inside the quotes is a place the problem may be, and the
	// search gives up before it reaches the last.
	src := "title: a\nsummary: '" + strings.Repeat("x: ", maxFindTries+10) + "' b: c\n"
	var p testPage
	got := messages(YAML("f.md", []byte(src), 2, &p))
	want := []string{`f.md:3:1: mapping values are not allowed in this context [put the value in quotes if it contains ": ", or check the indentation]`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors: %q, want %q", got, want)
	}
}

func TestYAMLAliases(t *testing.T) {
	src := "sources:\n  - &s {title: A, url: u}\n  - *s\n  - <<: *s\n    title: B\n  - <<: [{title: C}, *s]\ntags: &t [a, b]\nparams: {<<: {x: y}, a: *t}\n"
	var p testPage
	err := YAML("f.md", []byte(src), 2, &p)
	want := []string{`f.md:9:25: params.a: expected text, found a list [write the text after the key, in quotes if it holds ": " or " #"]`}
	if got := messages(err); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors: %q, want %q", got, want)
	}
	var got []string
	for _, s := range p.Sources {
		got = append(got, s.Title+" "+s.URL+" "+fmtPos(s.Pos))
	}
	wantSources := []string{
		"A u title=3:16 url=3:24",
		"A u title=3:16 url=3:24",
		"B u title=6:12 url=3:24",
		"C u title=7:18 url=3:24",
	}
	if strings.Join(got, "\n") != strings.Join(wantSources, "\n") {
		t.Errorf("sources:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantSources, "\n"))
	}
	if p.Params["x"] != "y" || p.Pos["params"].Line != 9 {
		t.Errorf("params = %v at %v", p.Params, p.Pos["params"])
	}
}

func TestYAMLAliasBomb(t *testing.T) {
	// A billion laughs: each level doubles nine times the one below.
	var b strings.Builder
	b.WriteString("a: &a [x, x, x, x, x, x, x, x, x]\n")
	for c := 'b'; c <= 'i'; c++ {
		prev := string(c - 1)
		b.WriteString(string(c) + ": &" + string(c) + " [")
		for i := range 9 {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*" + prev)
		}
		b.WriteString("]\n")
	}
	b.WriteString("kids: [{deep: {a: *i}}, {kids: *i}]\nnest: [*i, *i]\n")
	var v fuzzTarget
	err := YAML("f.md", []byte(b.String()), 2, &v)
	if msgs := messages(err); len(msgs) > 20000 {
		t.Errorf("YAML of an alias bomb gave %d errors", len(msgs))
	}
	if err == nil || !strings.Contains(err.Error(), "too many values") {
		t.Errorf("YAML of an alias bomb = %v, want an error about too many values", err)
	}
	checkPositions(t, []byte(b.String()), 2, err)
}

func TestYAMLCycle(t *testing.T) {
	src := "kids: &k\n  - kids: *k\n"
	var v fuzzTarget
	got := messages(YAML("f.md", []byte(src), 2, &v))
	want := []string{"f.md:3:11: kids[0].kids[0].kids: alias *k refers to a value that contains it [check the YAML here: one \"key: value\" per line, lists as [a, b], text with \": \" or \" #\" in quotes]"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors: %q, want %q", got, want)
	}
	src = "more: {x: &m {<<: *m}}\n"
	got = messages(YAML("f.md", []byte(src), 2, &v))
	want = []string{"f.md:2:19: more.x: alias *m refers to a value that contains it [check the YAML here: one \"key: value\" per line, lists as [a, b], text with \": \" or \" #\" in quotes]"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors: %q, want %q", got, want)
	}
	// A cycle through a merge further down ends at the decoder's limits.
	src = "more: {x: &m {more: {y: {<<: *m}}}}\n"
	err := YAML("f.md", []byte(src), 2, &v)
	if err == nil || !strings.Contains(err.Error(), "too many values") && !strings.Contains(err.Error(), "too deeply") {
		t.Errorf("errors: %v, want one about too many values", err)
	}
}

func TestYAMLDeep(t *testing.T) {
	for _, src := range []string{
		"kids: " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n",
		"kids: " + strings.Repeat("[{kids: ", 3000) + strings.Repeat("}]", 3000) + "\n",
		strings.Repeat("kids:\n- ", 3000) + "\n",
	} {
		var v fuzzTarget
		err := YAML("f.md", []byte(src), 2, &v)
		checkPositions(t, []byte(src), 2, err)
	}
}
