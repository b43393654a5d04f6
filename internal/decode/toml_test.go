package decode

import (
	"fmt"
	"strings"
	"testing"
)

const goodTOML = `title = "Flu shots"
description = 'Who should get one'
publishDate = 2026-12-07
reviewed_on = 2026-12-07T09:30:00-06:00
rank = 3
count = 0x10
weight = 1.5
draft = false
featured = true
tags = ["vaccines", "flu"]
Notes = "42"
author.name = "Dr. Ruiz"

[image]
src = "flu.png"
alt = "A nurse"
consent = true

[[sources]]
title = "CDC"
url = "https://cdc.gov"

[[sources]]
title = "WHO"
url = "https://who.int"

[params]
audience = "adults"
year = "2026"
`

var goodTOMLPositions = wantPositions{
	page: "author=13:1 count=7:9 draft=9:9 featured=10:12 image=15:1 notes=12:9 params=28:1 publish_on=4:15 " +
		"rank=6:8 reviewed_on=5:15 sources=20:1 sources[0]=20:1 sources[1]=24:1 summary=3:15 tags=11:8 tags[0]=11:9 tags[1]=11:21 title=2:9 weight=8:10",
	image:   "alt=17:7 consent=18:11 src=16:7",
	sources: [2]string{"title=21:9 url=22:7", "title=25:9 url=26:7"},
}

func tomlSeeds() []string {
	return []string{
		goodTOML,
		strings.ReplaceAll(goodTOML, "\n", "\r\n"),
		"titel = 'x'\n",
		"title = \n",
		"[image]\n[image]\n",
		"tags = [[1, {a = 1}], \"]\", '''\n]'''] # ]\n",
		"a = {b.c = 1, b.d = [2]}\n[x.y]\n[[z]]\n[[z]]\n",
		"title = \"\xff\"\n",
		"t = 1979-05-27 07:32:00Z\nu = 07:32:00\nv = inf\nw = -nan\nx = 1_000\n",
		"",
		"# only a comment\n",
	}
}

func TestTOMLGood(t *testing.T) {
	for name, src := range map[string]string{
		"LF":   strings.Replace(goodTOML, "Notes", "notes", 1),
		"CRLF": strings.ReplaceAll(strings.Replace(goodTOML, "Notes", "notes", 1), "\n", "\r\n"),
	} {
		t.Run(name, func(t *testing.T) {
			var p testPage
			if err := TOML("f.md", []byte(src), 2, &p); err != nil {
				t.Fatalf("TOML: %v", err)
			}
			checkGood(t, p, goodTOMLPositions)
		})
	}
}

func TestTOMLValues(t *testing.T) {
	type values struct {
		Ints   []int64   `yaml:"ints"`
		Floats []float64 `yaml:"floats"`
		Times  []string  `yaml:"times"`
		Dates  []string  `yaml:"dates"`
		Nested [][]int   `yaml:"nested"`
		Pos    Positions `yaml:"-"`
	}
	src := "ints = [+99, 1_000, 0xff, 0o17, 0b101, -3]\n" +
		"floats = [1.5, 1e3, 2_000.5, inf, -inf, 7]\n" +
		"times = [07:32:00, 07:32]\n" +
		"dates = [1979-05-27, 1979-05-27T07:32:00, 1979-05-27 07:32:00Z, 1979-05-27t07:32:00.5+01:00]\n" +
		"nested = [ # comment ]\n  [1, 2], [], [\n3]\n]\n"
	var v values
	if err := TOML("f.md", []byte(src), 1, &v); err != nil {
		t.Fatalf("TOML: %v", err)
	}
	got := strings.Join([]string{
		strings.Trim(strings.Join(strings.Fields(strings.Trim(sprint(v.Ints), "[]")), ","), ""),
		sprint(v.Floats), sprint(v.Times), sprint(v.Dates), sprint(v.Nested), fmtPos(v.Pos),
	}, "\n")
	want := strings.Join([]string{
		"99,1000,255,15,5,-3",
		"[1.5 1000 2000.5 +Inf -Inf 7]",
		"[07:32:00 07:32]",
		"[1979-05-27 1979-05-27T07:32:00 1979-05-27 07:32:00Z 1979-05-27t07:32:00.5+01:00]",
		"[[1 2] [] [3]]",
		"dates=4:9 dates[0]=4:10 dates[1]=4:22 dates[2]=4:43 dates[3]=4:65 floats=2:10 floats[0]=2:11 floats[1]=2:16 floats[2]=2:21 floats[3]=2:30 floats[4]=2:35 floats[5]=2:41 " +
			"ints=1:8 ints[0]=1:9 ints[1]=1:14 ints[2]=1:21 ints[3]=1:27 ints[4]=1:33 ints[5]=1:40 nested=5:10 nested[0]=6:3 nested[1]=6:11 nested[2]=6:15 times=3:9 times[0]=3:10 times[1]=3:20",
	}, "\n")
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestTOMLEmpty(t *testing.T) {
	for _, src := range []string{"", "\n\n", "  \n", "# just a comment\n# and another\n", "\r\n"} {
		p := testPage{Title: "unchanged"}
		if err := TOML("f.md", []byte(src), 2, &p); err != nil {
			t.Errorf("TOML(%q) = %v, want nil", src, err)
		}
		if p.Title != "unchanged" || p.Pos != nil {
			t.Errorf("TOML(%q) changed the struct: %+v", src, p)
		}
	}
}

func TestTOMLErrors(t *testing.T) {
	runErrorCases(t, TOML, []errorCase{{
		name: "unknown key with a suggestion",
		src:  "title = 'Flu'\ntitel = 'Flu'\n",
		want: []string{`f.md:3:1: unknown key "titel" [did you mean "title"?]`},
	}, {
		name: "unknown key in a table",
		src:  "[image]\nsrc = 'a'\nscr = 'b'\n[[sources]]\nulr = 'x'\n",
		want: []string{
			`f.md:4:1: image: unknown key "scr" [did you mean "src"?]`,
			`f.md:6:1: sources[0]: unknown key "ulr" [did you mean "url"?]`,
		},
	}, {
		name: "key set twice",
		src:  "title = 'a'\nrank = 1\ntitle = 'b'\n",
		want: []string{`f.md:4:1: "title" is set twice (first on line 2) [check the TOML here: one key = value per line, text in double quotes, lists as [a, b]]`},
	}, {
		name: "key set twice in a table",
		src:  "[image]\nsrc = 'a'\n  src = 'b'\n",
		want: []string{`f.md:4:3: image: "src" is set twice (first on line 3) [check the TOML here: one key = value per line, text in double quotes, lists as [a, b]]`},
	}, {
		name: "key set twice in an inline table",
		src:  "image = {src = 'a', src = 'b'}\n",
		want: []string{`f.md:2:21: image: "src" is set twice (first on line 2) [check the TOML here: one key = value per line, text in double quotes, lists as [a, b]]`},
	}, {
		name: "key and alias",
		src:  "description = 'a'\nsummary = 'b'\n",
		want: []string{`f.md:3:1: "summary" is set twice (also as "description" on line 2) [keep one of them]`},
	}, {
		name: "table defined twice",
		src:  "[image]\nsrc = 'a'\n[image]\nalt = 'b'\nalt = 'c'\n",
		want: []string{
			`f.md:4:2: table [image] is defined twice (first on line 2) [check the TOML here: one key = value per line, text in double quotes, lists as [a, b]]`,
			`f.md:6:1: image: "alt" is set twice (first on line 5) [check the TOML here: one key = value per line, text in double quotes, lists as [a, b]]`,
		},
	}, {
		name: "table over a value",
		src:  "image = 'a.png'\n[image]\nsrc = 'a'\n[image.x]\n",
		want: []string{
			`f.md:2:9: image: expected a mapping of keys to values, found a string [check the TOML here: one key = value per line, text in double quotes, lists as [a, b]]`,
			`f.md:3:2: "image" is already set to a value (line 2) [check the TOML here: one key = value per line, text in double quotes, lists as [a, b]]`,
			`f.md:5:2: "image" is already set to a value (line 2) [check the TOML here: one key = value per line, text in double quotes, lists as [a, b]]`,
		},
	}, {
		name: "table over a dotted key",
		src:  "image.src = 'a'\n[image]\n",
		want: []string{`f.md:3:2: table [image] is defined twice (first on line 2) [check the TOML here: one key = value per line, text in double quotes, lists as [a, b]]`},
	}, {
		name: "dotted key into a table",
		src:  "[image.x]\n[params]\n[sources]\n[image]\nx.y = 1\n",
		want: []string{
			`f.md:2:8: image: unknown key "x" [known keys: alt, consent, src]`,
			`f.md:4:1: sources: expected a list, found a mapping [write it as [a, b] or one "- item" per line]`,
			`f.md:6:1: table "image.x" is defined on line 2; a dotted key cannot add to it [add the key under the [image.x] header]`,
		},
	}, {
		name: "implicit table defined later",
		src:  "[image.x]\n[image]\nsrc = 'a'\n",
		want: []string{`f.md:2:8: image: unknown key "x" [known keys: alt, consent, src]`},
	}, {
		name: "array of tables over a table",
		src:  "[sources]\n[[sources]]\n[[image]]\n[image]\n",
		want: []string{
			`f.md:2:1: sources: expected a list, found a mapping [write it as [a, b] or one "- item" per line]`,
			`f.md:3:3: "sources" is already defined on line 2, so [[sources]] cannot add to it [check the TOML here: one key = value per line, text in double quotes, lists as [a, b]]`,
			`f.md:4:1: image: expected a mapping of keys to values, found a list [check the TOML here: one key = value per line, text in double quotes, lists as [a, b]]`,
			`f.md:5:2: "image" is a list of tables (line 4), not a table [write [[image]] to add a table to the list]`,
		},
	}, {
		name: "type mismatches",
		src: "rank = 'abc'\ndraft = 'yes please'\ntags = 'one'\npublish_on = '12/07/2026'\nsmall = 300\n" +
			"count = -1\nweight = 'heavy'\ntitle = [1]\nreviewed_on = 07:30:00\nrank = 1\n",
		want: []string{
			`f.md:2:8: rank: expected a whole number, found "abc" [write a whole number without quotes, such as 3]`,
			`f.md:3:9: draft: expected true or false, found "yes please" [write true or false, without quotes]`,
			`f.md:4:8: tags: expected a list, found a string [write it as [a, b] or one "- item" per line]`,
			`f.md:5:14: publish_on: "12/07/2026" is not a date [write dates as 2026-12-07 or 2026-12-07T09:30:00-06:00]`,
			`f.md:6:9: small: 300 is out of range (-128 to 127) [use a smaller number]`,
			`f.md:7:9: count: -1 is out of range (0 to 18446744073709551615) [use a smaller number]`,
			`f.md:8:10: weight: expected a number, found "heavy" [write a number without quotes, such as 2.5]`,
			`f.md:9:9: title: expected text, found a list [write the text after the key, in quotes if it holds ": " or " #"]`,
			`f.md:10:15: reviewed_on: "07:30:00" is not a date [write dates as 2026-12-07 or 2026-12-07T09:30:00-06:00]`,
			`f.md:11:1: "rank" is set twice (first on line 2) [check the TOML here: one key = value per line, text in double quotes, lists as [a, b]]`,
		},
	}, {
		name: "errors in arrays",
		src:  "tags = [\n  'a',\n  1,\n  [2],\n]\nsources = [{title = 'a'}, {ulr = 'b'}]\n",
		want: []string{
			`f.md:5:3: tags[2]: expected text, found a list [write the text after the key, in quotes if it holds ": " or " #"]`,
			`f.md:7:28: sources[1]: unknown key "ulr" [did you mean "url"?]`,
		},
	}, {
		name: "invalid date",
		src:  "publish_on = 2026-13-45\nreviewed_on = 2026-12-07T25:00:00Z\nrank = 1\n",
		want: []string{
			`f.md:2:14: "2026-13-45" is not a valid date [write dates as 2026-12-07 or 2026-12-07T09:30:00-06:00]`,
			`f.md:3:15: "2026-12-07T25:00:00Z" is not a valid date [write dates as 2026-12-07 or 2026-12-07T09:30:00-06:00]`,
		},
	}, {
		name: "integer out of range",
		src:  "rank = 99999999999999999999\n",
		want: []string{`f.md:2:8: rank: 99999999999999999999 is out of range (-9223372036854775808 to 9223372036854775807) [use a smaller number]`},
	}, {
		name: "syntax error keeps earlier problems",
		src:  "titel = 'a'\ntitle = \n",
		want: []string{
			`f.md:2:1: unknown key "titel" [did you mean "title"?]`,
			`f.md:3:9: unexpected character U+000A at start of value [write "text" in quotes, a number, true or false, a date, a [list] or an {inline = "table"}]`,
		},
	}, {
		name: "unquoted string",
		src:  "title = Flu shots\n",
		want: []string{`f.md:2:9: unexpected character U+0046 'F' at start of value [write "text" in quotes, a number, true or false, a date, a [list] or an {inline = "table"}]`},
	}, {
		name: "letters after a number",
		src:  "rank = 3rd\n",
		want: []string{`f.md:2:9: strings must be quoted [put text in quotes: key = "text"]`},
	}, {
		name: "syntax error at the end",
		src:  "tags = [1,\n",
		want: []string{`f.md:2:11: array is incomplete [check the TOML here: one key = value per line, text in double quotes, lists as [a, b]]`},
	}, {
		name: "invalid UTF-8",
		src:  "title = 'a'\nsummary = \"caf\xe9\"\n",
		want: []string{`f.md:3:15: invalid UTF-8 character in basic string [check the TOML here: one key = value per line, text in double quotes, lists as [a, b]]`},
	}, {
		name: "CRLF",
		src:  "title = 'a'\r\ntitel = 'b'\r\nrank = 'x'\r\n",
		want: []string{
			`f.md:3:1: unknown key "titel" [did you mean "title"?]`,
			`f.md:4:8: rank: expected a whole number, found "x" [write a whole number without quotes, such as 3]`,
		},
	}, {
		name: "columns count characters",
		src:  "title = \"Grippe – Impfung\"\nsummary = 'été'\nparams = {'é' = 'x', a = [1]}\n",
		want: []string{`f.md:4:26: params.a: expected text, found a list [write the text after the key, in quotes if it holds ": " or " #"]`},
	}})
}

func TestTOMLDeep(t *testing.T) {
	for _, src := range []string{
		"kids = " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n",
		"kids = " + strings.Repeat("[{kids = ", 3000) + strings.Repeat("}]", 3000) + "\n",
		strings.Repeat("[[kids]]\n", 3000),
		"[" + strings.Repeat("kids.", 3000) + "page]\n",
	} {
		var v fuzzTarget
		err := TOML("f.md", []byte(src), 2, &v)
		checkPositions(t, []byte(src), 2, err)
	}
}

func sprint(v any) string { return fmt.Sprint(v) }
