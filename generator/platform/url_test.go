package platform_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/faqcast/faqcast/generator/platform"
)

func TestURLs(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"", nil},
		{"no links here", nil},

		// With a scheme, any host is a URL, even under a reserved TLD.
		{"https://x.org", []string{"https://x.org"}},
		{"HTTP://X.ORG/A", []string{"HTTP://X.ORG/A"}},
		{"http://localhost:8080/x", []string{"http://localhost:8080/x"}},
		{utm, []string{utm}},
		{"Read " + utm + " today.", []string{utm}},
		{"https://例え.jp/x", []string{"https://例え.jp/x"}},
		{"https://x.org?x=1", []string{"https://x.org?x=1"}},

		// Without a scheme, only under a real TLD.
		{"example.health", []string{"example.health"}},
		{"Visit example.health.", []string{"example.health"}},
		{"riverbend.org/faq/x/?utm_source=x", []string{"riverbend.org/faq/x/?utm_source=x"}},
		{"www.riverbend.org", []string{"www.riverbend.org"}},
		{"bücher.de/x", []string{"bücher.de/x"}},
		{"x.org:8080/a", []string{"x.org:8080/a"}},
		{"x.org:8080", []string{"x.org"}},                  // a port counts only with a path
		{"example.health?x=1", []string{"example.health"}}, // a query only with a path
		{"example.com.xq", []string{"example.com"}},        // the longest run ending in a TLD
		{"riverbend.example", nil},
		{"riverbend.test riverbend.invalid localhost", nil},
		{"a.b", nil},
		{"file.txt", nil},
		{"3.14", nil},
		{"e.g. i.e.", nil},
		{"Dr.Smith", nil},
		// A two-label domain under a country code needs a path, except .co
		// and .tv (twitter-text's invalidShortDomain).
		{"readme.md", nil},
		{"log.in", nil},
		{"x.de/faq", []string{"x.de/faq"}},
		{"www.x.de", []string{"www.x.de"}},
		{"x.co x.tv", []string{"x.co", "x.tv"}},

		// Boundaries: not inside a word, not after @ $ #, bare domains not
		// after - _ . /.
		{"user@example.com", nil},
		{"@riverbend.org", nil},
		{"#example.com $example.com", nil},
		{"-example.com _example.com /example.com", nil},
		{"xhttps://x.org", nil},
		{"https://user@x.org", nil},
		{"example.com@x", nil},
		{"https://", nil},
		{"https:// x.org", []string{"x.org"}},
		{"詳細はexample.comへ", []string{"example.com"}},

		// Trailing punctuation and parentheses.
		{"(see https://x.org/a).", []string{"https://x.org/a"}},
		{"https://en.wikipedia.org/wiki/Ear_(disambiguation)", []string{"https://en.wikipedia.org/wiki/Ear_(disambiguation)"}},
		{"(https://en.wikipedia.org/wiki/Ear_(disambiguation))", []string{"https://en.wikipedia.org/wiki/Ear_(disambiguation)"}},
		{"https://x.org/a(b", []string{"https://x.org/a"}},
		{`"https://x.org/a"`, []string{"https://x.org/a"}},
		{"“https://x.org/a”", []string{"https://x.org/a"}},
		{"'https://x.org/a'", []string{"https://x.org/a"}},
		{"[https://x.org/a]", []string{"https://x.org/a"}},
		{"https://x.org/a?b=1&c=2#top,", []string{"https://x.org/a?b=1&c=2#top"}},
		{"Really? https://x.org/a?!", []string{"https://x.org/a"}},
		{"https://x.org/.", []string{"https://x.org/"}},
		{"<https://x.org/a>", []string{"https://x.org/a"}},
		{"https://x.org/日本", []string{"https://x.org/"}},

		// Several in one text.
		{"several: https://a.org, https://b.org/x; example.health!", []string{"https://a.org", "https://b.org/x", "example.health"}},
	} {
		var got []string
		for _, sp := range platform.URLs(tc.text) {
			got = append(got, tc.text[sp.Start:sp.End])
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("URLs(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestURLOffsets(t *testing.T) {
	// ¿ and é are 2 bytes each: "¿Qué? " is 8 bytes.
	got := platform.URLs("¿Qué? https://x.org y example.health")
	want := []platform.Span{{8, 21}, {24, 38}}
	if !slices.Equal(got, want) {
		t.Errorf("URLs = %v, want %v", got, want)
	}
}

// adversarial are inputs that once took time quadratic in their length
// (the fuzz test found the first): each URL cut short at an unclosed (
// read the rest of the text again. Each is about 1 MB; in linear time
// they take milliseconds, in quadratic time hours.
var adversarial = []string{
	strings.Repeat("https://x.org/(", 70000),
	strings.Repeat("https://x.org/(((", 60000),
	strings.Repeat("https://x.org/a)", 60000),
	strings.Repeat("x.com/(", 150000),
	"https://x.org/" + strings.Repeat("(a", 500000),
	strings.Repeat("a.", 500000),
	strings.Repeat("@a@b.", 200000),
}

// TestURLsLinear counts the adversarial inputs. It asserts no time: in
// quadratic time it would not finish within the test binary's timeout,
// and BenchmarkURLsAdversarial prints how long they take.
func TestURLsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	for _, s := range adversarial {
		if n := platform.CountX(s); n <= 0 {
			t.Errorf("CountX of %.20q… = %d", s, n)
		}
		if n := platform.CountMastodon(s); n <= 0 {
			t.Errorf("CountMastodon of %.20q… = %d", s, n)
		}
	}
}

// BenchmarkURLsAdversarial measures X's and Mastodon's counts of the
// adversarial inputs.
func BenchmarkURLsAdversarial(b *testing.B) {
	for b.Loop() {
		for _, s := range adversarial {
			platform.CountX(s)
			platform.CountMastodon(s)
		}
	}
}

// TestTcoURLs checks twitter-text's rules for t.co links: only the slug
// is the link's, and a slug over 40 characters is no link.
func TestTcoURLs(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"see http://t.co/abc123's site", "http://t.co/abc123"},
		{"see https://t.co/abc123?x=1 now", "https://t.co/abc123"},
		{"see http://t.co/ now", "http://t.co/"},
		{"see http://t.co/" + strings.Repeat("a", 41), ""},
		{"see http://t.co/" + strings.Repeat("a", 40) + ".", "http://t.co/" + strings.Repeat("a", 40)},
	} {
		var got string
		if spans := platform.URLs(tc.text); len(spans) > 0 {
			got = tc.text[spans[0].Start:spans[0].End]
		}
		if got != tc.want {
			t.Errorf("URLs(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}
