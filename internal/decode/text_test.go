package decode

import (
	"strings"
	"testing"
	"unicode"
)

// textPage has texts of one line and of several.
type textPage struct {
	Title  string              `yaml:"title"`
	Body   string              `yaml:"body" text:"multiline"`
	Tags   []string            `yaml:"tags"`
	Notes  []string            `yaml:"notes" text:"multiline"`
	Params map[string]string   `yaml:"params"`
	Deep   map[string][]string `yaml:"deep"`
	Inner  struct {
		Name string `yaml:"name"`
	} `yaml:"inner" text:"multiline"` // does not reach the struct's fields
}

func TestText(t *testing.T) {
	const (
		removeHint = `remove it, and any escape that writes it, such as \e, \x07 or \0`
		bidiHint   = "remove it: it can make the text show in another order than it is read in"
	)
	for _, tc := range []struct {
		name   string
		decode func(string, []byte, int, any) error
		src    string
		want   []string
	}{{
		name: "yaml escapes", decode: YAML,
		src: "title: \"\\e[31mred\"\ntags: [ok, \"a\\x07\", \"\\0\"]\nbody: \"a\\tb\"\nnotes: [\"\\u202Ex\", 'fine']\n",
		want: []string{
			"f.md:2:8: title: found the control character U+001B (character 1 of the text) [" + removeHint + "]",
			"f.md:3:12: tags[1]: found the control character U+0007 (character 2 of the text) [" + removeHint + "]",
			"f.md:3:21: tags[2]: found the control character U+0000 (character 1 of the text) [" + removeHint + "]",
			"f.md:4:7: body: found the tab character U+0009 (character 2 of the text) [use a space instead of the tab]",
			"f.md:5:9: notes[0]: found the bidirectional control character U+202E (character 1 of the text) [" + bidiHint + "]",
		},
	}, {
		name: "characters written as themselves", decode: YAML,
		src: "title: a\u2067b\u2069\nbody: \"x\u202ay\"\nparams: {k: \"\u200fok\u061c\"}\n",
		want: []string{
			"f.md:2:8: title: found the bidirectional control character U+2067 (character 2 of the text) [" + bidiHint + "]",
			"f.md:3:7: body: found the bidirectional control character U+202A (character 2 of the text) [" + bidiHint + "]",
		},
	}, {
		name: "line breaks", decode: YAML,
		src: "title: |\n  a\n  b\ntags: [\"x\\ny\", \"x\\ry\", \"x\\Ly\", \"x\\Py\", \"x\\Ny\"]\ninner: {name: \"a\\nb\"}\n" +
			"body: \"a\\nb\\rc\"\nnotes: [\"a\\n\\nb\", \"a\\Lb\"]\ndeep: {k: [\"a\\nb\"]}\n",
		want: []string{
			"f.md:2:8: title: expected one line of text, found a line break [write it on one line, after the key, without | or >]",
			"f.md:5:8: tags[0]: expected one line of text, found a line break [write it on one line]",
			"f.md:5:16: tags[1]: expected one line of text, found a line break [write it on one line]",
			"f.md:5:24: tags[2]: expected one line of text, found a line break [write it on one line]",
			"f.md:5:32: tags[3]: expected one line of text, found a line break [write it on one line]",
			"f.md:5:40: tags[4]: expected one line of text, found a line break [write it on one line]",
			"f.md:6:15: inner.name: expected one line of text, found a line break [write it on one line]",
			"f.md:7:7: body: found the control character U+000D (character 4 of the text) [" + removeHint + "]",
			"f.md:8:19: notes[1]: found the line separator U+2028 (character 2 of the text) [use an ordinary line break instead]",
			"f.md:9:12: deep.k[0]: expected one line of text, found a line break [write it on one line]",
		},
	}, {
		name: "keys", decode: YAML,
		src: "params: {\"\\e[2J\": x, \"a\\nb\": y}\ndeep: {\"\\x07\": [1, [2]]}\n",
		want: []string{
			"f.md:2:10: params: found the control character U+001B (character 1 of the key) [" + removeHint + "]",
			"f.md:2:22: params: expected one line of key, found a line break [write the key on one line]",
			"f.md:3:8: deep: found the control character U+0007 (character 1 of the key) [" + removeHint + "]",
			`f.md:3:20: deep."\a"[1]: expected text, found a list [write the text after the key, in quotes if it holds ": " or " #"]`,
		},
	}, {
		name: "toml", decode: TOML,
		src: "title = \"a\\u001bb\"\ntags = [\"\"\"a\nx\"\"\"]\nbody = '''\nmany\nlines'''\n[params]\n\"\\u202d\" = \"v\"\n",
		want: []string{
			"f.md:2:9: title: found the control character U+001B (character 2 of the text) [" + removeHint + "]",
			"f.md:3:9: tags[0]: expected one line of text, found a line break [write it on one line]",
			"f.md:9:1: params: found the bidirectional control character U+202D (character 1 of the key) [" + bidiHint + "]",
		},
	}, {
		name: "json", decode: JSON,
		src: "{\"title\": \"a\\u2028b\", \"body\": \"x\\ny\\u0007\", \"notes\": [\"\\r\\n\"]}",
		want: []string{
			"f.md:2:11: title: expected one line of text, found a line break [write it on one line]",
			"f.md:2:31: body: found the control character U+0007 (character 4 of the text) [" + removeHint + "]",
			"f.md:2:55: notes[0]: found the control character U+000D (character 1 of the text) [" + removeHint + "]",
		},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			var p textPage
			err := tc.decode("f.md", []byte(tc.src), 2, &p)
			if got := messages(err); strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestTextGood(t *testing.T) {
	src := "title: \"Caf\u00e9 \u05e9\u05dc\u05d5\u05dd \u200f\U0001F600\"\nbody: |\n  one\n\n  two\nnotes: [\"a\\nb\"]\nparams: {\"k\u00e9y\": v}\n"
	var p textPage
	if err := YAML("f.md", []byte(src), 2, &p); err != nil {
		t.Fatal(err)
	}
	if p.Body != "one\n\ntwo\n" || p.Notes[0] != "a\nb" || p.Params["k\u00e9y"] != "v" {
		t.Errorf("decoded %+v", p)
	}
}

func TestIsControl(t *testing.T) {
	for _, r := range []rune{0, '\t', '\n', '\r', 0x1b, 0x7f, 0x85, 0x9f, 0x2028, 0x2029, 0x202a, 0x202e, 0x2066, 0x2069} {
		if !IsControl(r) {
			t.Errorf("IsControl(%U) = false", r)
		}
	}
	for _, r := range []rune{' ', 'a', 0xa0, 0xad, 0x200b, 0x200e, 0x200f, 0x2027, 0x2065, 0x206a, 0x061c, 0xfeff, 0x1f600} {
		if IsControl(r) {
			t.Errorf("IsControl(%U) = true", r)
		}
	}
	// Every rune: what the Unicode tables of this Go say, so that a Unicode
	// version that changed category Cc would be caught.
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := unicode.Is(unicode.Cc, r) || r == 0x2028 || r == 0x2029 || 0x202a <= r && r <= 0x202e || 0x2066 <= r && r <= 0x2069
		if IsControl(r) != want {
			t.Errorf("IsControl(%U) = %v, want %v", r, !want, want)
		}
	}
}

func TestKeyPathPrintable(t *testing.T) {
	var root *keyPath
	p := root.child("rules").child("\x1b[2J").item(0).child("a\u202eb")
	if got, want := p.String(), `rules."\x1b[2J"[0]."a\u202eb"`; got != want {
		t.Errorf("path = %s, want %s", got, want)
	}
	if got, want := root.child("caf\u00e9 menu").String(), "caf\u00e9 menu"; got != want {
		t.Errorf("path = %q, want %q", got, want)
	}
}
