package watch

import "testing"

func TestIgnoredName(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"x.md", false},
		{"faqcast.yaml", false},
		{"page.tmpl", false},
		{"4913.md", false},
		{"49130", false},
		{"#", false},
		{"a#b#", false},
		{"x.md.tmp123", false},
		{"", true},
		{".DS_Store", true},
		{".git", true},
		{".faqcast-tmp-123", true},
		{".x.md.swp", true},
		{"x.md.swx", true},
		{"x.md.swo", true},
		{"x.md~", true},
		{"x.tmp", true},
		{"x.md.bak", true},
		{".#x.md", true},
		{"#x.md#", true},
		{"##", true},
		{"4913", true},
		{".goutputstream-Q1W2E3", true},
		{"x.md___jb_tmp___", true},
		{"x.md___jb_old___", true},
		{"sedCrJlFz", true},
		{"sed.md", false},
		{"sedation.md", false},
		{"sedatives", false},
		{"sed12345", false},
		{"sed1-3456", false},
	}
	for _, tt := range tests {
		if got := ignoredName(tt.name); got != tt.want {
			t.Errorf("ignoredName(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}
