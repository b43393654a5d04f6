package generator

import (
	"slices"
	"testing"
	"time"

	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/schedule"
)

// TestQueueFilesOrder checks that the queue's files come in the same order
// every time, as a Writer's quick path for a rebuild needs, though the
// Hootsuite files come from a map.
func TestQueueFilesOrder(t *testing.T) {
	cfg := &config.Config{}
	cfg.Schedule.Location = time.UTC
	at := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	q := &schedule.Queue{Version: 1, Timezone: "UTC"}
	for _, p := range []string{"x", "facebook", "linkedin", "instagram", "gbp", "threads"} {
		q.Items = append(q.Items, schedule.Item{ID: p + "-1", Entry: "q1", Platform: p, Question: "Q?",
			PublishAt: at, PublishAtUTC: at, Text: "Text.", Link: "https://example.org/faq/q1/"})
	}
	paths := func() []string {
		files, err := publishFiles(q, cfg, schedule.Exports(q))
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, f := range files {
			out = append(out, f.Path)
		}
		return out
	}
	first := paths()
	if len(first) < 11 {
		t.Fatalf("%d files, want the queue's five and six Hootsuite files: %v", len(first), first)
	}
	if csv := first[5:]; !slices.IsSorted(csv) {
		t.Errorf("the Hootsuite files are not sorted: %v", csv)
	}
	for range 20 {
		if got := paths(); !slices.Equal(got, first) {
			t.Fatalf("the files came in another order:\n%v\n%v", got, first)
		}
	}
}
