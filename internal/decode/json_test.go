package decode

import (
	"strings"
	"testing"
)

const goodJSON = `{
  "title": "Flu shots",
  "description": "Who should get one",
  "publishDate": "2026-12-07",
  "reviewed_on": "2026-12-07T09:30:00-06:00",
  "rank": 3,
  "count": 16,
  "weight": 1.5,
  "draft": false,
  "featured": true,
  "tags": ["vaccines", "flu"],
  "image": {"src": "flu.png", "alt": "A nurse", "consent": true},
  "sources": [
    {"title": "CDC", "url": "https://cdc.gov"},
    {"title": "WHO", "url": "https://who.int"}
  ],
  "params": {"audience": "adults", "year": "2026"},
  "author": {"name": "Dr. Ruiz"},
  "notes": "42"
}
`

var goodJSONPositions = wantPositions{
	page: "author=19:13 count=8:12 draft=10:12 featured=11:15 image=13:12 notes=20:12 params=18:13 publish_on=5:18 " +
		"rank=7:11 reviewed_on=6:18 sources=14:14 sources[0]=15:5 sources[1]=16:5 summary=4:18 tags=12:11 tags[0]=12:12 tags[1]=12:24 title=3:12 weight=9:13",
	image:   "alt=13:38 consent=13:60 src=13:20",
	sources: [2]string{"title=15:15 url=15:29", "title=16:15 url=16:29"},
}

func jsonSeeds() []string {
	return []string{
		goodJSON,
		strings.ReplaceAll(goodJSON, "\n", "\r\n"),
		`{"titel": "x"}`,
		`{"title": "a", "title": "b"}`,
		`{"a": 1,}`,
		`{"a": [1, 2.5, -3e2, null, true, {"b": {}}]}`,
		`[1, 2]`,
		"{\"title\": \"\xff\"}",
		"",
		"null",
	}
}

func TestJSONGood(t *testing.T) {
	for name, src := range map[string]string{
		"LF":   goodJSON,
		"CRLF": strings.ReplaceAll(goodJSON, "\n", "\r\n"),
	} {
		t.Run(name, func(t *testing.T) {
			var p testPage
			if err := JSON("f.md", []byte(src), 2, &p); err != nil {
				t.Fatalf("JSON: %v", err)
			}
			checkGood(t, p, goodJSONPositions)
		})
	}
}

func TestJSONEmpty(t *testing.T) {
	for _, src := range []string{"", "\n\n", "  \r\n\t", "null", " null\n"} {
		p := testPage{Title: "unchanged"}
		if err := JSON("f.md", []byte(src), 2, &p); err != nil {
			t.Errorf("JSON(%q) = %v, want nil", src, err)
		}
		if p.Title != "unchanged" || p.Pos != nil {
			t.Errorf("JSON(%q) changed the struct: %+v", src, p)
		}
	}
}

func TestJSONErrors(t *testing.T) {
	runErrorCases(t, JSON, []errorCase{{
		name: "unknown key with a suggestion",
		src:  "{\n  \"title\": \"Flu\",\n  \"titel\": \"Flu\"\n}\n",
		want: []string{`f.md:4:3: unknown key "titel" [did you mean "title"?]`},
	}, {
		name: "key set twice",
		src:  "{\"title\": \"a\",\n \"image\": {\"src\": \"a\", \"src\": {\"x\": 1}},\n \"title\": \"b\"}\n",
		want: []string{
			`f.md:3:24: image: "src" is set twice (first on line 3) [check the JSON here: keys and text in double quotes, a comma between items and none after the last]`,
			`f.md:4:2: "title" is set twice (first on line 2) [check the JSON here: keys and text in double quotes, a comma between items and none after the last]`,
		},
	}, {
		name: "key and alias",
		src:  "{\"description\": \"a\",\n\"summary\": \"b\"}",
		want: []string{`f.md:3:1: "summary" is set twice (also as "description" on line 2) [keep one of them]`},
	}, {
		name: "type mismatches",
		src: "{\"rank\": \"abc\",\n\"draft\": \"yes please\",\n\"tags\": \"one\",\n\"publish_on\": \"12/07/2026\",\n" +
			"\"small\": 300,\n\"count\": -1,\n\"weight\": \"heavy\",\n\"title\": [1],\n\"rank\": 1.5,\n\"image\": null,\n" +
			"\"sources\": [null, {\"url\": true}, 3]}\n",
		want: []string{
			`f.md:2:10: rank: expected a whole number, found "abc" [write a whole number without quotes, such as 3]`,
			`f.md:3:10: draft: expected true or false, found "yes please" [write true or false, without quotes]`,
			`f.md:4:9: tags: expected a list, found a string [write it as [a, b] or one "- item" per line]`,
			`f.md:5:15: publish_on: "12/07/2026" is not a date [write dates as 2026-12-07 or 2026-12-07T09:30:00-06:00]`,
			`f.md:6:10: small: 300 is out of range (-128 to 127) [use a smaller number]`,
			`f.md:7:10: count: -1 is out of range (0 to 18446744073709551615) [use a smaller number]`,
			`f.md:8:11: weight: expected a number, found "heavy" [write a number without quotes, such as 2.5]`,
			`f.md:9:10: title: expected text, found a list [write the text after the key, in quotes if it holds ": " or " #"]`,
			`f.md:10:1: "rank" is set twice (first on line 2) [check the JSON here: keys and text in double quotes, a comma between items and none after the last]`,
			`f.md:12:34: sources[2]: expected a mapping of keys to values, found a number [check the JSON here: keys and text in double quotes, a comma between items and none after the last]`,
		},
	}, {
		name: "whole floats are whole numbers",
		src:  `{"rank": 3.0, "small": 1e2, "count": 2.5}`,
		want: []string{`f.md:2:38: count: expected a whole number, found "2.5" [write a whole number without quotes, such as 3]`},
	}, {
		name: "trailing comma",
		src:  "{\n  \"title\": \"a\",\n}\n",
		want: []string{`f.md:4:1: invalid character '}' looking for beginning of object key string [remove the comma after the last item]`},
	}, {
		name: "single quotes",
		src:  "{'title': 'a'}",
		want: []string{`f.md:2:2: invalid character '\'' looking for beginning of object key string [JSON strings are written in double quotes: "text"]`},
	}, {
		name: "unexpected end",
		src:  "{\n  \"title\": \"a\"\n\n",
		want: []string{`f.md:3:15: unexpected end of JSON input [close every { with } and every [ with ]]`},
	}, {
		name: "missing colon",
		src:  "{\"title\" \"a\"}",
		want: []string{`f.md:2:10: invalid character '"' after object key [check the JSON here: keys and text in double quotes, a comma between items and none after the last]`},
	}, {
		name: "after the value",
		src:  "{\"title\": \"a\"}\n}",
		want: []string{`f.md:3:1: invalid character '}' after top-level value [check the JSON here: keys and text in double quotes, a comma between items and none after the last]`},
	}, {
		name: "root is a list",
		src:  "[1, 2]",
		want: []string{`f.md:2:1: expected a mapping of keys to values, found a list [check the JSON here: keys and text in double quotes, a comma between items and none after the last]`},
	}, {
		name: "root is a string",
		src:  "\n \"title\"",
		want: []string{`f.md:3:2: expected a mapping of keys to values, found a string [check the JSON here: keys and text in double quotes, a comma between items and none after the last]`},
	}, {
		name: "invalid UTF-8 in a string",
		src:  "{\"title\": \"caf\xe9\", \"rank\": \"\xe9\"}",
		want: []string{`f.md:2:27: rank: expected a whole number, found "�" [write a whole number without quotes, such as 3]`},
	}, {
		name: "invalid UTF-8 outside strings",
		src:  "{\"title\": \xe9}",
		want: []string{`f.md:2:11: invalid character 'é' looking for beginning of value [check the JSON here: keys and text in double quotes, a comma between items and none after the last]`},
	}, {
		name: "CRLF",
		src:  "{\"title\": \"a\",\r\n\"titel\": \"b\",\r\n\"rank\": \"x\"}\r\n",
		want: []string{
			`f.md:3:1: unknown key "titel" [did you mean "title"?]`,
			`f.md:4:9: rank: expected a whole number, found "x" [write a whole number without quotes, such as 3]`,
		},
	}, {
		name: "columns count characters",
		src:  "{\"title\": \"Grippe – Impfung\", \"rank\": \"été\"}",
		want: []string{`f.md:2:39: rank: expected a whole number, found "été" [write a whole number without quotes, such as 3]`},
	}})
}

func TestJSONDeep(t *testing.T) {
	for _, src := range []string{
		`{"kids": ` + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "}",
		`{"kids": ` + strings.Repeat(`[{"kids": `, 3000) + strings.Repeat("}]", 3000) + "}",
	} {
		var v fuzzTarget
		err := JSON("f.md", []byte(src), 2, &v)
		checkPositions(t, []byte(src), 2, err)
	}
}
