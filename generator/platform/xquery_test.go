package platform

import (
	"strings"
	"testing"
)

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

// TestXURLLength checks twitter-text's longest URL: 4,096 characters with
// its scheme and its host in punycode.
func TestXURLLength(t *testing.T) {
	base := "https://example.com/"
	for _, tc := range []struct {
		n    int // the URL's length
		link bool
	}{{4096, true}, {4097, false}} {
		u := base + strings.Repeat("a", tc.n-len(base))
		if got := len(XURLs(u)) == 1; got != tc.link {
			t.Errorf("a URL of %d characters: a link %v, want %v", tc.n, got, tc.link)
		}
	}
	// Without a scheme, https:// is counted.
	bare := "example.com/" + strings.Repeat("a", 4096-len("https://example.com/"))
	if len(XURLs(bare)) != 1 || len(XURLs(bare+"a")) != 0 {
		t.Error("a bare URL's length counts https://")
	}
}
