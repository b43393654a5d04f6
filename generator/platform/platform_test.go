package platform_test

import (
	"slices"
	"testing"

	"github.com/faqcast/faqcast/generator/platform"
)

func TestTable(t *testing.T) {
	names := platform.Names()
	if !slices.IsSorted(names) {
		t.Errorf("Names() = %v, not sorted", names)
	}
	want := []string{"bluesky", "facebook", "gbp", "instagram", "linkedin", "mastodon", "threads", "x"}
	if !slices.Equal(names, want) {
		t.Errorf("Names() = %v, want %v", names, want)
	}
	for _, p := range platform.All {
		if p.Title == "" || p.Limit <= 0 || p.Count == nil || p.Units == "" {
			t.Errorf("%s: incomplete row %+v", p.Name, p)
		}
	}
}

func TestRows(t *testing.T) {
	// row is a Platform without its Count function, which cannot be compared.
	type row struct {
		Limit, MaxBytes, SoftLimit, Fold, Hashtags, MaxLinks int
		LinkInText, NoPhone                                  bool
		Units                                                string
	}
	for _, tc := range []struct {
		name string
		want row
	}{
		{"bluesky", row{Limit: 300, MaxBytes: 3000, Hashtags: 3, LinkInText: true, Units: "graphemes"}},
		{"facebook", row{Limit: 63206, SoftLimit: 400, Fold: 477, Hashtags: 3, LinkInText: true, Units: "characters"}},
		{"gbp", row{Limit: 1500, Fold: 250, Hashtags: 0, LinkInText: true, NoPhone: true, Units: "characters"}},
		{"instagram", row{Limit: 2200, Fold: 125, Hashtags: 5, LinkInText: false, Units: "characters"}},
		{"linkedin", row{Limit: 3000, Fold: 210, Hashtags: 3, LinkInText: true, Units: "characters"}},
		{"mastodon", row{Limit: 500, Hashtags: 4, LinkInText: true, Units: "graphemes"}},
		{"threads", row{Limit: 500, Hashtags: 1, MaxLinks: 5, LinkInText: true, Units: "characters"}},
		{"x", row{Limit: 280, Hashtags: 2, LinkInText: true, Units: "weighted characters"}},
	} {
		p, ok := platform.Lookup(tc.name)
		if !ok {
			t.Errorf("Lookup(%q) failed", tc.name)
			continue
		}
		got := row{p.Limit, p.MaxBytes, p.SoftLimit, p.Fold, p.Hashtags, p.MaxLinks, p.LinkInText, p.NoPhone, p.Units}
		if got != tc.want {
			t.Errorf("%s: row %+v, want %+v", tc.name, got, tc.want)
		}
	}
}

// TestRowCounters checks that each row counts with its own function, using
// a text on which the five counters all differ: a URL (23 on X and
// Mastodon), a ZWJ family emoji (X 2, 1 grapheme, 25 bytes on Threads, 7
// code points) and a decomposed é (1 grapheme, 1 code point after NFC).
func TestRowCounters(t *testing.T) {
	const text = "https://riverbend.support/faq/first-visit 👨‍👩‍👧‍👦 e\u0301"
	// The URL is 41 characters; then a space, the family, a space, é.
	want := map[string]int{
		"x":         23 + 1 + 2 + 1 + 1,  // 28
		"bluesky":   41 + 1 + 1 + 1 + 1,  // 45 graphemes
		"mastodon":  23 + 1 + 1 + 1 + 1,  // 27
		"threads":   41 + 1 + 25 + 1 + 1, // 69
		"facebook":  41 + 1 + 7 + 1 + 1,  // 51 code points after NFC
		"gbp":       51,
		"instagram": 51,
		"linkedin":  51,
	}
	for _, p := range platform.All {
		if got := p.Count(text); got != want[p.Name] {
			t.Errorf("%s: Count = %d, want %d", p.Name, got, want[p.Name])
		}
	}
}

func TestLookup(t *testing.T) {
	for _, tc := range []struct {
		name  string
		ok    bool
		limit int
	}{
		{"x", true, 280},
		{"bluesky", true, 300},
		{"gbp", true, 1500},
		{"X", false, 0},
		{"twitter", false, 0},
		{"", false, 0},
	} {
		p, ok := platform.Lookup(tc.name)
		if ok != tc.ok || p.Limit != tc.limit {
			t.Errorf("Lookup(%q) = %+v, %v; want limit %d, %v", tc.name, p, ok, tc.limit, tc.ok)
		}
	}
}
