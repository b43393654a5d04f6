package platform

import (
	"os"
	"slices"
	"testing"

	"go.yaml.in/yaml/v3"
)

// conformance returns the cases of a section of a file of twitter-text's
// conformance suite.
func conformance[T any](t *testing.T, name, section string) []T {
	t.Helper()
	data, err := os.ReadFile("testdata/twitter-text/" + name)
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Tests map[string]yaml.Node `yaml:"tests"`
	}
	if err := yaml.Unmarshal(data, &f); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	node, ok := f.Tests[section]
	if !ok {
		t.Fatalf("%s has no section %s", name, section)
	}
	var cases []T
	if err := node.Decode(&cases); err != nil {
		t.Fatalf("%s: %s: %v", name, section, err)
	}
	if len(cases) == 0 {
		t.Fatalf("no cases in %s: %s", name, section)
	}
	return cases
}

// xGaps are the cases of twitter-text's conformance suite that CountX and
// XURLs do not follow yet, by section and description (issue 19's work):
// a domain next to CJK text, where twitter-text takes the ASCII-only
// domains out of a longer match, and a link between directional marks
// under an IDN top-level domain that faqcast's list lacks. The tests fail when one of them passes, so that the
// list only shrinks.
var xGaps = map[string]bool{
	"UnicodeDirectionalMarkerCounterTest: Tweet text containing directional characters should be considered valid": true,
	"urls: Extract domain followed by Japanese characters":                                                         true,
}

// TestXConformanceWeighted runs the v3 sections of twitter-text's
// validate.yml: the weighted length X gives each text, with emoji counted
// as two and URLs as 23.
func TestXConformanceWeighted(t *testing.T) {
	type weighted struct {
		Description string `yaml:"description"`
		Text        string `yaml:"text"`
		Expected    struct {
			WeightedLength int `yaml:"weightedLength"`
		} `yaml:"expected"`
	}
	pass, fail := 0, 0
	for _, section := range []string{"WeightedTweetsWithDiscountedEmojiCounterTest", "UnicodeDirectionalMarkerCounterTest"} {
		for _, tc := range conformance[weighted](t, "validate.yml", section) {
			got := CountX(tc.Text)
			ok := got == tc.Expected.WeightedLength
			key := section + ": " + tc.Description
			switch {
			case ok && xGaps[key]:
				t.Errorf("%s: passes now: take it off xGaps", key)
			case !ok && !xGaps[key]:
				t.Errorf("%s: CountX(%q) = %d, want %d", key, tc.Text, got, tc.Expected.WeightedLength)
			}
			if ok {
				pass++
			} else {
				fail++
			}
		}
	}
	t.Logf("%d of %d cases agree", pass, pass+fail)
}

// TestXConformanceURLs runs the urls section of twitter-text's
// extract.yml against XURLs: the URLs X finds in each text, which count 23
// each.
func TestXConformanceURLs(t *testing.T) {
	type extract struct {
		Description string   `yaml:"description"`
		Text        string   `yaml:"text"`
		Expected    []string `yaml:"expected"`
	}
	pass, fail := 0, 0
	for _, tc := range conformance[extract](t, "extract.yml", "urls") {
		var got []string
		for _, sp := range XURLs(tc.Text) {
			got = append(got, tc.Text[sp.Start:sp.End])
		}
		ok := slices.Equal(got, tc.Expected) || len(got) == 0 && len(tc.Expected) == 0
		key := "urls: " + tc.Description
		switch {
		case ok && xGaps[key]:
			t.Errorf("%s: passes now: take it off xGaps", key)
		case !ok && !xGaps[key]:
			t.Errorf("%s: XURLs(%q) = %q, want %q", key, tc.Text, got, tc.Expected)
		}
		if ok {
			pass++
		} else {
			fail++
		}
	}
	t.Logf("%d of %d cases agree", pass, pass+fail)
}
