package post

import (
	"regexp"
	"slices"
	"testing"
)

// hashtagRE is what hashtags finds, as a regular expression.
var hashtagRE = regexp.MustCompile(`(?:^|\s)#([\p{L}\p{N}_]+)`)

func hashtagsRE(text string) []string {
	tags := []string{}
	for _, m := range hashtagRE.FindAllStringSubmatch(text, -1) {
		tags = append(tags, m[1])
	}
	return tags
}

var hashtagCases = []struct {
	text string
	want []string
}{
	{"", []string{}},
	{"no tags here", []string{}},
	{"#FluShot", []string{"FluShot"}},
	{"Get your shot. #FluShot #StayWell", []string{"FluShot", "StayWell"}},
	{"#a#b #c", []string{"a", "c"}},
	{"mid#word and # alone and #", []string{}},
	{"line\n#Tag\t#Two\r#Three\f#Four", []string{"Tag", "Two", "Three", "Four"}},
	{"#Año_2026 #日本 #٣", []string{"Año_2026", "日本", "٣"}},
	{"#tag-with-dash #tag.dot #tag!", []string{"tag", "tag", "tag"}},
	{"\u00a0#nbsp #bad\xffbyte", []string{"bad"}},
	{"##double #__", []string{"__"}},
}

func TestHashtags(t *testing.T) {
	for _, tc := range hashtagCases {
		if got := hashtags(tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("hashtags(%q) = %q, want %q", tc.text, got, tc.want)
		}
		if got := hashtagsRE(tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("the expression finds %q in %q, want %q", got, tc.text, tc.want)
		}
	}
}

func FuzzHashtags(f *testing.F) {
	for _, tc := range hashtagCases {
		f.Add(tc.text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := hashtags(text), hashtagsRE(text); !slices.Equal(got, want) {
			t.Fatalf("hashtags(%q) = %q, the expression finds %q", text, got, want)
		}
	})
}
