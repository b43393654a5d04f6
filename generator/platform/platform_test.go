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
		if p.Title == "" || p.Limit <= 0 {
			t.Errorf("%s: incomplete row %+v", p.Name, p)
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
