package schedule

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func chicago(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("America/Chicago")
	if err != nil {
		t.Skipf("no zone database: %v", err)
	}
	return loc
}

// candidates returns n entries q1…qn with a post on every given platform.
func candidates(n int, platforms ...string) []Candidate {
	var out []Candidate
	for i := 1; i <= n; i++ {
		c := Candidate{Slug: fmt.Sprintf("q%d", i), Question: fmt.Sprintf("Question %d?", i), Posts: map[string]Post{}}
		for _, p := range platforms {
			link := "https://clinic.example/faq/q" + fmt.Sprint(i) + "/?utm_source=" + p
			c.Posts[p] = Post{Text: "Text of q" + fmt.Sprint(i) + " on " + p, Link: link, CTA: CTA{Type: "LINK", URL: link}}
		}
		out = append(out, c)
	}
	return out
}

// summary lists a queue's items as "Mon 01-02 15:04 platform entry".
func summary(q *Queue) []string {
	var out []string
	for _, it := range q.Items {
		pin := ""
		if it.Pinned {
			pin = " pinned"
		}
		out = append(out, it.PublishAt.Format("Mon 01-02 15:04 ")+it.Platform+" "+it.Entry+pin)
	}
	return out
}

func slots(t testing.TB, specs ...string) []Slot {
	t.Helper()
	var out []Slot
	for _, s := range specs {
		slot, err := ParseSlot(s)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, slot)
	}
	return out
}

func TestQueueOrderAndCycling(t *testing.T) {
	loc := chicago(t)
	p := &Plan{
		Location:  loc,
		Start:     day("2026-12-07"), // a Monday
		Days:      14,
		Slots:     map[string][]Slot{"x": slots(t, "mon 09:00", "wed 09:00", "fri 09:00"), "facebook": slots(t, "mon 09:00")},
		Platforms: []string{"facebook", "x"},
		MinGap:    0,
		Entries:   candidates(4, "x", "facebook"),
	}
	q := p.Queue()
	want := []string{
		"Mon 12-07 09:00 facebook q1",
		"Mon 12-07 09:00 x q1",
		"Wed 12-09 09:00 x q2",
		"Fri 12-11 09:00 x q3",
		"Mon 12-14 09:00 facebook q2",
		"Mon 12-14 09:00 x q4",
		"Wed 12-16 09:00 x q1",
		"Fri 12-18 09:00 x q2",
	}
	if got := summary(q); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("queue:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// q3 and q4 got no Facebook slot.
	if got := fmt.Sprint(q.LeftOut); !strings.Contains(got, "{q3 facebook no free slot") || !strings.Contains(got, "{q4 facebook no free slot") {
		t.Errorf("left out: %v", q.LeftOut)
	}
	it := q.Items[0]
	if it.PublishAt.Format(time.RFC3339) != "2026-12-07T09:00:00-06:00" || it.PublishAtUTC.Format(time.RFC3339) != "2026-12-07T15:00:00Z" {
		t.Errorf("times %s %s", it.PublishAt.Format(time.RFC3339), it.PublishAtUTC.Format(time.RFC3339))
	}
}

func TestQueueRules(t *testing.T) {
	loc := chicago(t)
	base := func() *Plan {
		return &Plan{
			Location:  loc,
			Start:     day("2026-12-21"), // a Monday
			Days:      14,
			Slots:     map[string][]Slot{"x": slots(t, "mon 09:00", "fri 09:00")},
			Platforms: []string{"x"},
			MinGap:    0,
			Entries:   candidates(3, "x"),
		}
	}
	for _, tc := range []struct {
		name   string
		change func(p *Plan)
		want   []string
		reason map[string]string // slug → reason on x
	}{
		{"plain", func(p *Plan) {}, []string{
			"Mon 12-21 09:00 x q1", "Fri 12-25 09:00 x q2", "Mon 12-28 09:00 x q3", "Fri 01-01 09:00 x q1"}, nil},
		{"blackout days", func(p *Plan) { p.Blackout = []time.Time{day("2026-12-25"), day("2027-01-01")} }, []string{
			"Mon 12-21 09:00 x q1", "Mon 12-28 09:00 x q2"}, map[string]string{"q3": "no free slot"}},
		{"min gap", func(p *Plan) { p.MinGap = 28 * 24 * time.Hour }, []string{
			"Mon 12-21 09:00 x q1", "Fri 12-25 09:00 x q2", "Mon 12-28 09:00 x q3"}, nil},
		{"draft", func(p *Plan) { p.Entries[1].Draft = true }, []string{
			"Mon 12-21 09:00 x q1", "Fri 12-25 09:00 x q3", "Mon 12-28 09:00 x q1", "Fri 01-01 09:00 x q3"}, map[string]string{"q2": "a draft"}},
		{"no post for the platform", func(p *Plan) { delete(p.Entries[0].Posts, "x") }, []string{
			"Mon 12-21 09:00 x q2", "Fri 12-25 09:00 x q3", "Mon 12-28 09:00 x q2", "Fri 01-01 09:00 x q3"}, map[string]string{"q1": "no post for this platform"}},
		{"publish window", func(p *Plan) {
			p.Entries[0].PublishOn = day("2026-12-26")
			p.Entries[2].ExpireOn = day("2026-12-26")
		}, []string{"Mon 12-21 09:00 x q2", "Fri 12-25 09:00 x q3", "Mon 12-28 09:00 x q1", "Fri 01-01 09:00 x q2"}, nil},
		{"expired before the horizon", func(p *Plan) { p.Entries[2].ExpireOn = day("2026-12-01") }, []string{
			"Mon 12-21 09:00 x q1", "Fri 12-25 09:00 x q2", "Mon 12-28 09:00 x q1", "Fri 01-01 09:00 x q2"},
			map[string]string{"q3": "expired on 2026-12-01, before the schedule starts"}},
		{"published after the horizon", func(p *Plan) { p.Entries[2].PublishOn = day("2027-02-01") }, []string{
			"Mon 12-21 09:00 x q1", "Fri 12-25 09:00 x q2", "Mon 12-28 09:00 x q1", "Fri 01-01 09:00 x q2"},
			map[string]string{"q3": "published on 2027-02-01, after the schedule ends"}},
		{"pin takes its slot", func(p *Plan) { p.Entries[2].Pins = []time.Time{time.Date(2026, 12, 25, 9, 0, 0, 0, time.UTC)} }, []string{
			"Mon 12-21 09:00 x q1", "Fri 12-25 09:00 x q3 pinned", "Mon 12-28 09:00 x q2", "Fri 01-01 09:00 x q3"}, nil},
		{"pin between slots", func(p *Plan) { p.Entries[1].Pins = []time.Time{time.Date(2026, 12, 23, 7, 30, 0, 0, time.UTC)} }, []string{
			// With no gap, a pin does not take the entry's turn in the cycle.
			"Mon 12-21 09:00 x q1", "Wed 12-23 07:30 x q2 pinned", "Fri 12-25 09:00 x q2", "Mon 12-28 09:00 x q3", "Fri 01-01 09:00 x q1"}, nil},
		{"pin outside the horizon", func(p *Plan) { p.Entries[1].Pins = []time.Time{time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)} }, []string{
			"Mon 12-21 09:00 x q1", "Fri 12-25 09:00 x q2", "Mon 12-28 09:00 x q3", "Fri 01-01 09:00 x q1"}, nil},
		{"pin keeps the gap", func(p *Plan) {
			p.MinGap = 5 * 24 * time.Hour
			p.Entries[1].Pins = []time.Time{time.Date(2026, 12, 28, 9, 0, 0, 0, time.UTC)}
		}, []string{"Mon 12-21 09:00 x q1", "Fri 12-25 09:00 x q3", "Mon 12-28 09:00 x q2 pinned", "Fri 01-01 09:00 x q1"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := base()
			tc.change(p)
			q := p.Queue()
			if got := summary(q); strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("queue:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			reasons := map[string]string{}
			for _, l := range q.LeftOut {
				reasons[l.Entry] = l.Reason
			}
			for slug, want := range tc.reason {
				if !strings.HasPrefix(reasons[slug], want) {
					t.Errorf("%s left out: %q, want %q", slug, reasons[slug], want)
				}
			}
			if len(reasons) != len(tc.reason) {
				t.Errorf("left out %v, want %v", reasons, tc.reason)
			}
		})
	}
}

func TestQueueAcrossDST(t *testing.T) {
	loc := chicago(t)
	p := &Plan{
		Location:  loc,
		Start:     day("2027-03-08"),
		Days:      14,
		Slots:     map[string][]Slot{"x": slots(t, "sun 02:30", "mon 09:00")},
		Platforms: []string{"x"},
		Entries:   candidates(4, "x"),
	}
	var got []string
	for _, it := range p.Queue().Items {
		got = append(got, it.PublishAt.Format(time.RFC3339))
	}
	want := []string{
		"2027-03-08T09:00:00-06:00",
		"2027-03-14T03:00:00-05:00", // 02:30 does not exist that night
		"2027-03-15T09:00:00-05:00",
		"2027-03-21T02:30:00-05:00",
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("times %v, want %v", got, want)
	}
}

func TestQueueIDsAndHashes(t *testing.T) {
	loc := chicago(t)
	p := &Plan{
		Location: loc, Start: day("2026-12-07"), Days: 7, Platforms: []string{"x"},
		Slots: map[string][]Slot{"x": slots(t, "mon 09:00")}, Entries: candidates(1, "x"),
	}
	a := p.Queue().Items[0]
	post := p.Entries[0].Posts["x"]
	post.Text = "Edited text"
	p.Entries[0].Posts["x"] = post
	b := p.Queue().Items[0]
	if a.ID != b.ID {
		t.Errorf("editing the text changed the id: %s, %s", a.ID, b.ID)
	}
	if a.Hash == b.Hash {
		t.Error("editing the text kept the hash")
	}
	if len(a.ID) != 20 || !strings.HasPrefix(a.Hash, "sha256:") || len(a.Hash) != 71 {
		t.Errorf("id %q hash %q", a.ID, a.Hash)
	}
	p.Slots["x"] = slots(t, "mon 10:00")
	if c := p.Queue().Items[0]; c.ID == a.ID {
		t.Error("another slot kept the id")
	}
}

func TestQueueJSONDeterministic(t *testing.T) {
	loc := chicago(t)
	mk := func() []byte {
		p := &Plan{
			Location: loc, Start: day("2026-12-07"), Days: 56, Platforms: []string{"facebook", "x", "instagram"},
			Slots: map[string][]Slot{
				"x":         slots(t, "mon 09:00", "wed 09:00", "fri 09:00"),
				"facebook":  slots(t, "mon 09:00", "thu 12:30"),
				"instagram": slots(t, "tue 18:00"),
			},
			Blackout: []time.Time{day("2026-12-25")}, MinGap: 28 * 24 * time.Hour,
			Entries: candidates(13, "x", "facebook", "instagram"),
		}
		b, err := p.Queue().JSON()
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	a, b := mk(), mk()
	if !bytes.Equal(a, b) {
		t.Error("two queues of the same plan differ")
	}
	if err := validateQueue(t, a); err != nil {
		t.Errorf("queue.json does not match its schema: %v", err)
	}
}

func TestQueueEmpty(t *testing.T) {
	p := &Plan{Location: time.UTC, Start: day("2026-12-07"), Days: 28, Platforms: []string{"x"}, Entries: candidates(2, "x")}
	q := p.Queue()
	b, err := q.JSON()
	if err != nil {
		t.Fatal(err)
	}
	if want := "{\n  \"version\": 1,\n  \"timezone\": \"UTC\",\n  \"items\": [],\n  \"left_out\": []\n}\n"; string(b) != want {
		t.Errorf("empty queue:\n%s", b)
	}
}

// TestExampleQueue checks the example practice's committed queue against
// the schema.
func TestExampleQueue(t *testing.T) {
	data, err := os.ReadFile("../../public/social/publish/queue.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := validateQueue(t, data); err != nil {
		t.Errorf("public/social/publish/queue.json: %v", err)
	}
}

// TestQueueLanguages checks slots of one language, and that an entry and
// its translation go out on different days unless the plan allows it.
func TestQueueLanguages(t *testing.T) {
	loc := chicago(t)
	entries := candidates(4, "x", "facebook")
	// q1 and q2 are in English; q3 is q1 in Spanish, q4 another Spanish entry,
	// in Mexican Spanish.
	entries[0].Lang, entries[1].Lang, entries[2].Lang, entries[3].Lang = "en", "en", "es", "es-MX"
	entries[0].Group, entries[2].Group = "q1", "q1"
	p := &Plan{
		Location: loc,
		Start:    day("2026-12-07"),
		Days:     7,
		Slots: map[string][]Slot{
			"facebook": slots(t, "mon 09:00", "mon 12:00", "tue 09:00", "sat 10:00 es"),
			"x":        slots(t, "mon 09:00", "mon 10:00", "tue 09:00", "wed 09:00"),
		},
		Platforms: []string{"facebook", "x"},
		MinGap:    28 * 24 * time.Hour,
		Entries:   entries,
	}
	want := []string{
		// Facebook: the English entries in the slots without a language, the
		// Spanish ones only on Saturday, which takes es-MX too.
		"Mon 12-07 09:00 facebook q1",
		// X has no Spanish slots: every language shares them, but q3 waits
		// for a day without q1.
		"Mon 12-07 09:00 x q1",
		"Mon 12-07 10:00 x q2",
		"Mon 12-07 12:00 facebook q2",
		"Tue 12-08 09:00 x q3",
		"Wed 12-09 09:00 x q4",
		"Sat 12-12 10:00 facebook q3",
	}
	if got := summary(p.Queue()); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("queue:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// With same-day translations allowed, q3 follows q1 at once on X.
	p.SameDayTranslations = true
	got := summary(p.Queue())
	if !slices.Contains(got, "Mon 12-07 10:00 x q2") || !slices.Contains(got, "Mon 12-07 09:00 x q1") {
		t.Errorf("same day allowed:\n%s", strings.Join(got, "\n"))
	}
	p.Slots["x"] = slots(t, "mon 09:00", "mon 10:00")
	p.SameDayTranslations = false
	if got := summary(p.Queue()); slices.Contains(got, "Mon 12-07 10:00 x q3") {
		t.Errorf("the translation on its original's day:\n%s", strings.Join(got, "\n"))
	}
	p.SameDayTranslations = true
	entries[1].Draft = true
	if got := summary(p.Queue()); !slices.Contains(got, "Mon 12-07 10:00 x q3") {
		t.Errorf("same day allowed, the translation did not follow its original:\n%s", strings.Join(got, "\n"))
	}
}

// TestQueueLanguageTurns checks that the slots of a language and those
// without one take turns through their own entries: a Spanish slot's turn
// does not move the English slots' place in theirs. With English and
// Spanish entries alternating in rank, every entry goes out once before
// any goes out again.
func TestQueueLanguageTurns(t *testing.T) {
	loc := chicago(t)
	entries := candidates(8, "facebook")
	for i := range entries {
		entries[i].Lang = []string{"en", "es"}[i%2]
	}
	p := &Plan{
		Location:  loc,
		Start:     day("2026-12-07"),
		Days:      14,
		Slots:     map[string][]Slot{"facebook": slots(t, "mon 09:00", "thu 12:30", "sat 10:00 es")},
		Platforms: []string{"facebook"},
		MinGap:    7 * 24 * time.Hour,
		Entries:   entries,
	}
	want := []string{
		"Mon 12-07 09:00 facebook q1",
		"Thu 12-10 12:30 facebook q3",
		"Sat 12-12 10:00 facebook q2",
		"Mon 12-14 09:00 facebook q5",
		"Thu 12-17 12:30 facebook q7",
		"Sat 12-19 10:00 facebook q4",
	}
	if got := summary(p.Queue()); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("queue:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestQueueLoad checks that a plan whose candidates load their posts
// makes the same queue as one that holds them, and loads the posts of
// only the entries it schedules.
func TestQueueLoad(t *testing.T) {
	loc := chicago(t)
	mk := func(entries []Candidate) *Plan {
		return &Plan{
			Location: loc, Start: day("2026-12-07"), Days: 14, Platforms: []string{"facebook", "x"},
			Slots:  map[string][]Slot{"x": slots(t, "mon 09:00", "thu 09:00"), "facebook": slots(t, "tue 12:30")},
			MinGap: 7 * 24 * time.Hour, Entries: entries,
		}
	}
	held := candidates(10, "x", "facebook")
	want, err := mk(held).Queue().JSON()
	if err != nil {
		t.Fatal(err)
	}
	loaded := map[string]int{}
	lazy := candidates(10, "x", "facebook")
	for i := range lazy {
		posts := lazy[i].Posts
		lazy[i].Posts = map[string]Post{"x": {}, "facebook": {}}
		lazy[i].Load = func() map[string]Post {
			loaded[lazy[i].Slug]++
			return posts
		}
	}
	q := mk(lazy).Queue()
	got, err := q.JSON()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the queue of loaded posts differs from that of held ones:\n%s\nwant:\n%s", got, want)
	}
	scheduled := map[string]int{}
	for _, it := range q.Items {
		scheduled[it.Entry]++
	}
	if len(scheduled) == 0 || len(scheduled) == len(lazy) {
		t.Fatalf("the plan scheduled %d of %d entries: the test needs some left out", len(scheduled), len(lazy))
	}
	for slug, n := range loaded {
		if scheduled[slug] != n {
			t.Errorf("%s: loaded %d times for %d posts scheduled", slug, n, scheduled[slug])
		}
	}
	if len(loaded) != len(scheduled) {
		t.Errorf("loaded the posts of %d entries, scheduled %d", len(loaded), len(scheduled))
	}
}
