package slug_test

import (
	"testing"

	"github.com/faqcast/faqcast/internal/slug"
)

func TestSlugify(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"first-visit", "first-visit"},
		{"What should I bring?", "what-should-i-bring"},
		{"Café Niño", "cafe-nino"},
		{"ÉCOLE Ångström", "ecole-angstrom"},
		{"don't", "dont"},
		{"Don’t wait", "dont-wait"},
		{"a -- b__c...d", "a-b-c-d"},
		{"  ¿¡Hello, world!?  ", "hello-world"},
		{"--x--", "x"},
		{"COVID-19 vaccines 2026", "covid-19-vaccines-2026"},
		{"123", "123"},
		{"ﬁle Ｆｕｌｌ", "file-full"}, // compatibility forms are decomposed
		{"予約", ""},
		{"予約 visits", "visits"},
		{"flu 💉 shots", "flu-shots"},
		{"💉", ""},
		{"", ""},
		{"---", ""},
		{"'", ""},
		{"Straße", "strasse"},
		{"Ærø Łódź", "aero-lodz"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got := slug.Make(tc.in)
			if got != tc.want {
				t.Errorf("Make(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if got != "" && !slug.Valid(got) {
				t.Errorf("Make(%q) = %q, which is not a valid slug", tc.in, got)
			}
		})
	}
}

func TestValidSlug(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"first-visit", true},
		{"a", true},
		{"2026", true},
		{"covid-19", true},
		{"", false},
		{"-x", false},
		{"x-", false},
		{"a--b", false},
		{"A", false},
		{"a b", false},
		{"a/b", false},
		{"..", false},
		{"a.b", false},
		{"a_b", false},
		{"café", false},
		{"first-visit\n", false},
	} {
		t.Run(tc.s, func(t *testing.T) {
			if got := slug.Valid(tc.s); got != tc.want {
				t.Errorf("Valid(%q) = %v, want %v", tc.s, got, tc.want)
			}
		})
	}
}
