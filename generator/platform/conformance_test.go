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
			if got := CountX(tc.Text); got != tc.Expected.WeightedLength {
				t.Errorf("%s: %s: CountX(%q) = %d, want %d", section, tc.Description, tc.Text, got, tc.Expected.WeightedLength)
				fail++
			} else {
				pass++
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
		if slices.Equal(got, tc.Expected) || len(got) == 0 && len(tc.Expected) == 0 {
			pass++
		} else {
			t.Errorf("urls: %s: XURLs(%q) = %q, want %q", tc.Description, tc.Text, got, tc.Expected)
			fail++
		}
	}
	t.Logf("%d of %d cases agree", pass, pass+fail)
}

// TestXTLDs checks that twitter-text's list of top-level domains reads:
// the ASCII ones and those in other scripts.
func TestXTLDs(t *testing.T) {
	tlds := xTLD()
	if len(tlds.ascii) < 1000 || len(tlds.scripts) < 50 {
		t.Fatalf("%d ASCII and %d other top-level domains, want over 1000 and 50", len(tlds.ascii), len(tlds.scripts))
	}
	for _, tld := range []string{"com", "jp", "health", "みんな", "پاکستان", "xn--p1ai"} {
		if !isXTLD(tld) {
			t.Errorf("%s is not one of X's", tld)
		}
	}
	for _, tld := range []string{"example", "test", "localhost", "invalid", "local"} {
		if isXTLD(tld) {
			t.Errorf("%s is one of X's", tld)
		}
	}
}
