package platform_test

import (
	"strings"
	"testing"

	"github.com/faqcast/faqcast/generator/platform"
)

func TestMeasureLimits(t *testing.T) {
	// Every counter counts an ASCII letter as 1, so Limit letters fit and
	// one more does not.
	for _, p := range platform.All {
		at := p.Measure(strings.Repeat("a", p.Limit), 0)
		over := p.Measure(strings.Repeat("a", p.Limit+1), 0)
		if !at.Fits || at.Length != p.Limit || at.Limit != p.Limit || at.Bytes != p.Limit {
			t.Errorf("%s at the limit: %+v, want it to fit", p.Name, at)
		}
		if over.Fits || over.Length != p.Limit+1 {
			t.Errorf("%s one over the limit: %+v, want it not to fit", p.Name, over)
		}
		if at.Platform != p.Name || at.MaxBytes != p.MaxBytes {
			t.Errorf("%s: %+v names the wrong platform or byte limit", p.Name, at)
		}
	}
}

func TestMeasure(t *testing.T) {
	for _, tc := range []struct {
		name     string
		platform string
		text     string
		limit    int
		want     platform.Measure
	}{
		// 300 families are 300 graphemes but 300×25 = 7,500 bytes.
		{"bluesky bytes", "bluesky", strings.Repeat(family, 300), 0,
			platform.Measure{Platform: "bluesky", Length: 300, Limit: 300, Bytes: 7500, MaxBytes: 3000, Fits: false}},
		// 120 families are exactly 3,000 bytes; 121 are 3,025.
		{"bluesky bytes at limit", "bluesky", strings.Repeat(family, 120), 0,
			platform.Measure{Platform: "bluesky", Length: 120, Limit: 300, Bytes: 3000, MaxBytes: 3000, Fits: true}},
		{"bluesky bytes over", "bluesky", strings.Repeat(family, 121), 0,
			platform.Measure{Platform: "bluesky", Length: 121, Limit: 300, Bytes: 3025, MaxBytes: 3000, Fits: false}},
		// A 98-character URL counts 23 on X.
		{"x url", "x", utm, 0,
			platform.Measure{Platform: "x", Length: 23, Limit: 280, Bytes: 98, Fits: true}},
		// 140 CJK characters weigh 280 (3 bytes each); 141 weigh 282.
		{"x cjk at limit", "x", strings.Repeat("日", 140), 0,
			platform.Measure{Platform: "x", Length: 280, Limit: 280, Bytes: 420, Fits: true}},
		{"x cjk over", "x", strings.Repeat("日", 141), 0,
			platform.Measure{Platform: "x", Length: 282, Limit: 280, Bytes: 423, Fits: false}},
		// An instance with a 1,000-character limit.
		{"mastodon override", "mastodon", strings.Repeat("a", 501), 1000,
			platform.Measure{Platform: "mastodon", Length: 501, Limit: 1000, Bytes: 501, Fits: true}},
		{"negative limit is the default", "mastodon", strings.Repeat("a", 501), -1,
			platform.Measure{Platform: "mastodon", Length: 501, Limit: 500, Bytes: 501, Fits: false}},
		// 480 letters and 10 emoji: 480 + 40 = 520 on Threads.
		{"threads emoji", "threads", strings.Repeat("a", 480) + strings.Repeat(grin, 10), 0,
			platform.Measure{Platform: "threads", Length: 520, Limit: 500, Bytes: 520, Fits: false}},
		{"empty", "gbp", "", 0,
			platform.Measure{Platform: "gbp", Length: 0, Limit: 1500, Bytes: 0, Fits: true}},
	} {
		p, _ := platform.Lookup(tc.platform)
		if got := p.Measure(tc.text, tc.limit); got != tc.want {
			t.Errorf("%s: got %+v, want %+v", tc.name, got, tc.want)
		}
	}
}

func TestMeasureZeroPlatform(t *testing.T) {
	// A zero Platform has no counter and a limit of 0: it counts
	// characters and nothing but the empty text fits.
	var p platform.Platform
	if m := p.Measure("ab", 0); m.Length != 2 || m.Fits {
		t.Errorf("zero Platform: %+v", m)
	}
	if m := p.Measure("", 0); !m.Fits {
		t.Errorf("zero Platform, empty text: %+v", m)
	}
}
