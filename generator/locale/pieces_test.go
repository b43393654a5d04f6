package locale

import (
	"testing"

	"github.com/faqcast/faqcast/templates"
)

// TestPiecesAsPrinter checks that a message filled in by its pieces is what
// the catalogue's printer writes, for every message of English and Spanish,
// also with a % in a value.
func TestPiecesAsPrinter(t *testing.T) {
	c, err := Load(Sources{Default: templates.FS}, []Use{{Lang: "en"}, {Lang: "es"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "es"} {
		l := c.Locale(lang)
		for _, k := range c.Keys() {
			ps, ok := l.pieces[k.Name]
			if !ok || len(k.Args) == 0 {
				continue
			}
			vals := make([]any, len(k.Args))
			for i, a := range k.Args {
				vals[i] = a + " 100% <b>"
			}
			got, ok := ps.fill(vals)
			if want := l.printer.Sprintf(k.Name, vals...); !ok || got != want {
				t.Errorf("%s %s: pieces %q, printer %q", lang, k.Name, got, want)
			}
		}
	}
}
