package config_test

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/internal/decode"
	"github.com/faqcast/faqcast/internal/diag"
)

// FuzzParse checks that no config makes Parse panic, that a config it
// accepts is usable, and that every problem has a position inside the file
// and a hint.
func FuzzParse(f *testing.F) {
	example, err := os.ReadFile("../../faqcast.yaml")
	if err != nil {
		f.Fatal(err)
	}
	for _, seed := range []string{
		string(example),
		"base_url: https://x.example/\npractice: {name: X, phone: \"555 010 0100\"}\n",
		"base_url: nope\npractice: {name: X, phon: 1}\n",
		"staff: [{id: A}, {id: A}]\n",
		"\ufeffbase_url: https://x.example/\r\n",
		"practice:\n\tname: tab\n",
		"a: &a [*a]\n",
		"",
		"- just\n- a list\n",
		"base_url: https://x.example/\npractice: {name: \"X\\e[31m\", phone: |\n  555\n  0100\n}\nstaff: [{id: a, name: \"A\u202eB\"}]\n",
		"base_url: https://x.example/\npractice:\n  name: Riverbend: Family\n  address: {street: \"1\\q\"\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := config.Parse("faqcast.yaml", data)
		if err == nil {
			if c.Base == nil || !strings.HasSuffix(c.BaseURL, "/") || c.Practice.Name == "" || c.Language == "" {
				t.Fatalf("accepted an unusable config: %+v", c)
			}
			p := c.Practice
			texts := []string{c.Title, p.Name, p.Phone, p.Fax, p.Email, p.Hours, p.Address.Street, p.Address.City,
				p.Address.Region, p.Address.PostalCode, p.Address.Country}
			for _, s := range c.Staff {
				texts = append(texts, s.ID, s.Name, s.Credentials, s.Role)
			}
			for _, s := range texts {
				if strings.IndexFunc(s, decode.IsControl) >= 0 {
					t.Errorf("accepted %q, which holds a control character", s)
				}
			}
			return
		}
		// Lines end at LF, CRLF or a lone CR, as editors count them.
		norm := bytes.ReplaceAll(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n"))
		lines := bytes.Count(norm, []byte("\n")) + 2
		for _, e := range diag.Flatten(err) {
			var de *diag.Error
			if !errors.As(e, &de) {
				t.Fatalf("%v is not a *diag.Error", e)
			}
			if de.Line < 0 || de.Line > lines {
				t.Errorf("%v: line outside the file of %d lines", de, lines-1)
			}
			if de.Line > 0 && de.Col <= 0 {
				t.Errorf("%v: no column", de)
			}
			if de.Hint == "" {
				t.Errorf("%v: no hint", de)
			}
		}
	})
}
