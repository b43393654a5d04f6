package config_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/faqcast/faqcast/generator/config"
)

// TestParseText checks the problems of faqcast.yaml's syntax and of its
// texts: YAML syntax errors at their column, control characters in any
// text, and line breaks in texts that take one line.
func TestParseText(t *testing.T) {
	const base = "base_url: https://x.example/\n"
	const practice = "practice: {name: X, phone: '5550100'}\n"
	for _, tc := range []struct {
		name  string
		src   string
		want  []string // Error() of every problem, in order
		hints []string // the hint of each problem
	}{
		// YAML syntax errors.
		{name: "colon in the practice's name", src: base + "practice:\n  name: Riverbend: Family Medicine\n  phone: '5550100'\n",
			want:  []string{"faqcast.yaml:3:18: mapping values are not allowed in this context"},
			hints: []string{`put the value in quotes if it contains ": ", or check the indentation`}},
		{name: "mapping never closed", src: base + "practice: {name: X, phone: '5550100'\nstaff: []\n",
			want:  []string{"faqcast.yaml:2:11: did not find expected ',' or '}'"},
			hints: []string{"close the mapping with } and put a comma between its entries"}},
		{name: "quote never closed", src: base + "practice: {name: \"X, phone: '5550100'}\n",
			want:  []string{"faqcast.yaml:2:18: found unexpected end of stream"},
			hints: []string{"close the quoted text that starts here with the same quote mark"}},
		{name: "unknown escape", src: base + "practice: {name: \"A\\&B\", phone: '5550100'}\n",
			want:  []string{"faqcast.yaml:2:20: found unknown escape character"},
			hints: []string{`in double quotes, write a backslash as \\, or put the text in single quotes`}},
		{name: "tab indentation", src: base + "practice:\n\tname: X\n",
			want:  []string{"faqcast.yaml:3:1: found character that cannot start any token"},
			hints: []string{"indent with spaces: YAML does not allow tabs for indentation"}},
		{name: "key without a colon", src: base + practice + "staff:\n  - id: ana\n    name Ana\n",
			want:  []string{"faqcast.yaml:5:5: could not find expected ':'"},
			hints: []string{`write each entry as "key: value"`}},

		// Control characters.
		{name: "escape code in the practice's name", src: base + "practice: {name: \"\\e[31mX\", phone: '5550100'}\n",
			want:  []string{"faqcast.yaml:2:18: practice.name: found the control character U+001B (character 1 of the text)"},
			hints: []string{`remove it, and any escape that writes it, such as \e, \x07 or \0`}},
		{name: "control characters in every kind of text", src: base +
			"title: \"Q\\0\"\npractice:\n  name: X\n  phone: '5550100'\n  address: {street: \"1 Main\\x07\"}\nutm: {medium: \"a\\tb\"}\n" +
			"staff: [{id: ana, name: \"Ana\u202eLopez\", role: rn}]\nchecks: {rules: {\"\\e[2J\": off}, trusted_domains: [\"x\\u2028y\"]}\n",
			want: []string{
				`faqcast.yaml:2:8: title: found the control character U+0000 (character 2 of the text)`,
				`faqcast.yaml:6:21: practice.address.street: found the control character U+0007 (character 7 of the text)`,
				`faqcast.yaml:7:15: utm.medium: found the tab character U+0009 (character 2 of the text)`,
				`faqcast.yaml:8:25: staff[0].name: found the bidirectional control character U+202E (character 4 of the text)`,
				`faqcast.yaml:9:18: checks.rules: found the control character U+001B (character 1 of the key)`,
				`faqcast.yaml:9:51: checks.trusted_domains[0]: expected one line of text, found a line break`,
			},
			hints: []string{
				`remove it, and any escape that writes it, such as \e, \x07 or \0`,
				`remove it, and any escape that writes it, such as \e, \x07 or \0`,
				"use a space instead of the tab",
				"remove it: it can make the text show in another order than it is read in",
				`remove it, and any escape that writes it, such as \e, \x07 or \0`,
				"write it on one line",
			}},

		// Texts that take one line.
		{name: "practice's name as a block", src: base + "practice:\n  name: |\n    Riverbend\n    Family Medicine\n  phone: '5550100'\n",
			want:  []string{"faqcast.yaml:3:9: practice.name: expected one line of text, found a line break"},
			hints: []string{"write it on one line, after the key, without | or >"}},
		{name: "line breaks in one-line texts", src: base +
			"practice:\n  name: X\n  phone: \"555\\n0100\"\n  address: {street: \"1 Main St\\nSuite 2\", city: \"Spring\\rfield\", region: \"I\\NL\"}\n" +
			"staff:\n  - {id: ana, name: \"Ana\\nLopez\", credentials: \"MD,\\nPhD\", role: rn}\n",
			want: []string{
				"faqcast.yaml:4:10: practice.phone: expected one line of text, found a line break",
				"faqcast.yaml:5:21: practice.address.street: expected one line of text, found a line break",
				"faqcast.yaml:5:49: practice.address.city: expected one line of text, found a line break",
				"faqcast.yaml:5:74: practice.address.region: expected one line of text, found a line break",
				"faqcast.yaml:7:21: staff[0].name: expected one line of text, found a line break",
				"faqcast.yaml:7:48: staff[0].credentials: expected one line of text, found a line break",
			},
			hints: []string{
				"write it on one line", "write it on one line", "write it on one line",
				"write it on one line", "write it on one line", "write it on one line",
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := config.Parse("faqcast.yaml", []byte(tc.src))
			if err == nil {
				t.Fatalf("Parse succeeded: %+v", c)
			}
			msgs, hints := diags(t, err)
			if !reflect.DeepEqual(msgs, tc.want) {
				t.Errorf("errors:\n\t%s\nwant:\n\t%s", strings.Join(msgs, "\n\t"), strings.Join(tc.want, "\n\t"))
			}
			if !reflect.DeepEqual(hints, tc.hints) {
				t.Errorf("hints:\n\t%s\nwant:\n\t%s", strings.Join(hints, "\n\t"), strings.Join(tc.hints, "\n\t"))
			}
		})
	}
}
