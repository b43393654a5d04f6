package config

import (
	"strings"
	"testing"
)

// FuzzExpandUTM checks that expandUTM fills in a UTM value's placeholders
// as a strings.Replacer of the two does.
func FuzzExpandUTM(f *testing.F) {
	for _, s := range []string{"", "social", "faq-{platform}-{slug}", "{x}{slug}", "{{slug}}", "{slug", "{platform}{platform}", "{"} {
		f.Add(s, "flu-shots", "x")
	}
	f.Add("{slug}", "{platform}", "x") // what is filled in is not filled in again
	f.Fuzz(func(t *testing.T, s, slug, platform string) {
		want := strings.NewReplacer("{slug}", slug, "{platform}", platform).Replace(s)
		if got := expandUTM(s, slug, platform); got != want {
			t.Errorf("expandUTM(%q, %q, %q) = %q, want %q", s, slug, platform, got, want)
		}
	})
}
