package platform

import "testing"

// TestXQuery checks the query of a URL on X: ASCII only, ending with a
// letter, digit or -_&=#/ (the string: a host in another script
// and a query with ñ, where twitter-text ends the URL before the ñ).
func TestXQuery(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Mira https://www.clínica.com/citas?nombre=muñoz&x=1 hoy", "https://www.clínica.com/citas?nombre=mu"},
		{"See https://example.com/a?b=c. Then", "https://example.com/a?b=c"},
		{"See https://example.com/a?b=c!\nNext", "https://example.com/a?b=c"},
		{"See https://example.com/a? now", "https://example.com/a"},
		{"See https://example.com/ñandú?q=1 now", "https://example.com/ñandú?q=1"},
	} {
		var got string
		if spans := XURLs(tc.text); len(spans) > 0 {
			got = tc.text[spans[0].Start:spans[0].End]
		}
		if got != tc.want {
			t.Errorf("XURLs(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}
