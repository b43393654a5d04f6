package schedule

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the tests' zones, whatever the system has
)

// testZone returns America/Chicago, the zone of [testQueue]. The zone
// database is embedded in the test binary (time/tzdata), so loading it
// cannot fail.
func testZone() *time.Location {
	loc, err := time.LoadLocation("America/Chicago")
	if err != nil {
		panic("schedule tests: " + err.Error())
	}
	return loc
}

// testItem returns an item of entry on platform at the local time at,
// with every field that queue.json requires filled in.
func testItem(entry, platform string, at time.Time, text string) Item {
	id := sha256.Sum256([]byte(entry + "|" + platform + "|" + at.UTC().Format(time.RFC3339)))
	link := testLink(entry, platform)
	it := Item{
		ID:           hex.EncodeToString(id[:10]),
		Entry:        entry,
		Platform:     platform,
		Question:     "About " + entry + "?",
		PublishAt:    at,
		PublishAtUTC: at.UTC(),
		Text:         text,
		Link:         link,
		Hashtags:     []string{},
		Media:        []Media{},
		CTA:          CTA{Type: "LINK", URL: link},
	}
	sum := sha256.Sum256([]byte(text + "\x00" + link))
	it.Hash = "sha256:" + hex.EncodeToString(sum[:])
	return it
}

// testQueue returns a queue in America/Chicago whose items span the
// change to daylight saving time on 2027-03-14 (02:00 CST becomes 03:00
// CDT) and whose texts hold what CSV and iCalendar must escape or
// neutralise: commas, quotes, semicolons, backslashes, line breaks, emoji,
// and leading "=", "+", "-" and "@". Items are in time order.
func testQueue() *Queue {
	loc := testZone()
	at := func(day, hour, minute int) time.Time { return time.Date(2027, 3, day, hour, minute, 0, 0, loc) }
	q := &Queue{
		Version:  QueueVersion,
		Timezone: "America/Chicago",
		Items: []Item{
			testItem("flu-shots", "x", at(13, 9, 0), "Flu shots, now \"free\" for kids!\nBook today 💉 #flu"),
			testItem("formula", "facebook", at(14, 1, 30), "=SUM(1,2)"),
			testItem("call-us", "gbp", at(14, 3, 30), "+1 reason to call: we answer; always."),
			testItem("minus", "instagram", at(15, 9, 0), "-x marks the spot\n\nLink in bio 👆"),
			testItem("at-home", "x", at(16, 12, 0), `@home care; tips \ tricks, for you`),
			testItem("long", "facebook", at(16, 18, 45), testLongText()),
		},
		LeftOut: []LeftOut{{Entry: "old-news", Platform: "x", Reason: "expired before its first slot"}},
	}
	q.Items[0].Hashtags = []string{"flu"}
	q.Items[0].Media = []Media{{Src: "https://clinic.example/img/flu.jpg", Alt: "A nurse gives a child a flu shot, with a smile"}}
	q.Items[2].CTA = CTA{Type: "CALL"}
	q.Items[3].CTA = CTA{Type: "LINK_IN_BIO", URL: q.Items[3].Link}
	q.Items[4].Account = "@riverbend@med.example"
	q.Items[5].Pinned = true
	return q
}

// readCSV parses data with encoding/csv, with fields records of n fields.
func readCSVBack(t *testing.T, data []byte, n int) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = n
	var rows [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return rows
		}
		if err != nil {
			t.Fatalf("reading CSV back: %v\n%s", err, data)
		}
		rows = append(rows, rec)
	}
}

// testLink is the link testItem gives entry on platform.
func testLink(entry, platform string) string {
	return "https://clinic.example/faq/" + entry + "/?utm_source=" + platform + "&utm_medium=social"
}

// testLongText returns the text of the "long" item of testQueue, longer
// than an iCalendar line.
func testLongText() string {
	return strings.Repeat("Wash your hands, often; 🧼 soap works. ", 6) + "\nDone."
}

func TestHootsuiteCSV(t *testing.T) {
	files := Hootsuite(testQueue())
	want := map[string][][]string{
		"hootsuite-x.csv": {
			{"03/13/2027 09:00", "Flu shots, now \"free\" for kids!\nBook today 💉 #flu", testLink("flu-shots", "x")},
			{"03/16/2027 12:00", `'@home care; tips \ tricks, for you`, testLink("at-home", "x")},
		},
		"hootsuite-facebook.csv": {
			{"03/14/2027 01:30", "'=SUM(1,2)", testLink("formula", "facebook")},
			{"03/16/2027 18:45", testLongText(), testLink("long", "facebook")},
		},
		"hootsuite-gbp.csv": {
			{"03/14/2027 03:30", "'+1 reason to call: we answer; always.", testLink("call-us", "gbp")},
		},
		"hootsuite-instagram.csv": {
			{"03/15/2027 09:00", "'-x marks the spot\n\nLink in bio 👆", ""},
		},
	}
	if got, w := slices.Sorted(maps.Keys(files)), slices.Sorted(maps.Keys(want)); !slices.Equal(got, w) {
		t.Fatalf("files = %q, want %q", got, w)
	}
	for name, rows := range want {
		t.Run(name, func(t *testing.T) {
			got := readCSVBack(t, files[name], 3)
			if len(got) != len(rows) {
				t.Fatalf("%d rows, want %d:\n%s", len(got), len(rows), files[name])
			}
			for i := range rows {
				for j, col := range []string{"date", "message", "link"} {
					if got[i][j] != rows[i][j] {
						t.Errorf("row %d %s = %q, want %q", i+1, col, got[i][j], rows[i][j])
					}
				}
			}
		})
	}
	// No header: the first record is a post.
	if first := readCSVBack(t, files["hootsuite-x.csv"], 3)[0][0]; first != "03/13/2027 09:00" {
		t.Errorf("first cell %q, want the first post's date", first)
	}
}

func TestSproutCSV(t *testing.T) {
	data := Sprout(testQueue())["sprout.csv"]
	want := [][]string{
		{"date", "time_24hr", "message_text", "link", "image_url", "network"},
		{"03/13/2027", "09:00", "Flu shots, now \"free\" for kids!\nBook today 💉 #flu", testLink("flu-shots", "x"), "https://clinic.example/img/flu.jpg", "X"},
		{"03/14/2027", "01:30", "'=SUM(1,2)", testLink("formula", "facebook"), "", "Facebook"},
		{"03/14/2027", "03:30", "'+1 reason to call: we answer; always.", testLink("call-us", "gbp"), "", "Google Business Profile"},
		{"03/15/2027", "09:00", "'-x marks the spot\n\nLink in bio 👆", testLink("minus", "instagram"), "", "Instagram"},
		{"03/16/2027", "12:00", `'@home care; tips \ tricks, for you`, testLink("at-home", "x"), "", "X"},
		{"03/16/2027", "18:45", testLongText(), testLink("long", "facebook"), "", "Facebook"},
	}
	got := readCSVBack(t, data, 6)
	if len(got) != len(want) {
		t.Fatalf("%d records, want %d:\n%s", len(got), len(want), data)
	}
	for i := range want {
		for j := range want[i] {
			if got[i][j] != want[i][j] {
				t.Errorf("record %d column %s = %q, want %q", i, want[0][j], got[i][j], want[i][j])
			}
		}
	}
	if !bytes.HasPrefix(data, []byte("date,time_24hr,message_text,link,image_url,network\n")) {
		t.Errorf("header line: %q", data[:min(len(data), 50)])
	}
	if bytes.Contains(data, []byte("\r")) {
		t.Error("Sprout CSV holds a CR; lines should end in LF")
	}
}

func TestCSVCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain text", "plain text"},
		{"=SUM(1,2)", "'=SUM(1,2)"},
		{"+1", "'+1"},
		{"-x", "'-x"},
		{"@home", "'@home"},
		{"\tindented", "'\tindented"},
		{"\rcarriage", "'\ncarriage"},
		{"a=b, c+d", "a=b, c+d"},
		{"'quoted already", "'quoted already"},
		{"line\r\nbreak\rhere\n", "line\nbreak\nhere\n"},
		{"bad \xff byte", "bad \uFFFD byte"},
		{"emoji 💉 first", "emoji 💉 first"},
	}
	for _, tt := range tests {
		if got := csvCell(tt.in); got != tt.want {
			t.Errorf("csvCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCSVInjectionInEveryColumn(t *testing.T) {
	loc := testZone()
	it := testItem("evil", "x", time.Date(2027, 1, 4, 9, 0, 0, 0, loc), "@everyone")
	it.Link = "=HYPERLINK(\"http://evil.example\")"
	q := &Queue{Version: 1, Timezone: "America/Chicago", Items: []Item{it}}
	for _, row := range readCSVBack(t, Hootsuite(q)["hootsuite-x.csv"], 3) {
		if row[1] != "'@everyone" || row[2] != "'=HYPERLINK(\"http://evil.example\")" {
			t.Errorf("Hootsuite row %q", row)
		}
	}
	rows := readCSVBack(t, Sprout(q)["sprout.csv"], 6)
	if rows[1][2] != "'@everyone" || rows[1][3] != "'=HYPERLINK(\"http://evil.example\")" {
		t.Errorf("Sprout row %q", rows[1])
	}
	for _, row := range readCSVBack(t, Buffer(q)["buffer-x.csv"], 4)[1:] {
		if row[0] != "'@everyone" {
			t.Errorf("Buffer row %q", row)
		}
	}
	for _, row := range readCSVBack(t, Publer(q)["publer-x.csv"], 12)[1:] {
		if row[1] != "'@everyone" || row[2] != "'=HYPERLINK(\"http://evil.example\")" {
			t.Errorf("Publer row %q", row)
		}
	}

	// The image columns, and Publer's alt texts.
	it.Media = []Media{{Src: "+http://evil.example/a.jpg", Alt: "-alt"}, {Src: "https://clinic.example/b.jpg", Alt: "b"}}
	q.Items[0] = it
	if row := readCSVBack(t, Sprout(q)["sprout.csv"], 6)[1]; row[4] != "'+http://evil.example/a.jpg" {
		t.Errorf("Sprout image_url %q", row[4])
	}
	if row := readCSVBack(t, Buffer(q)["buffer-x.csv"], 4)[1]; row[1] != "'+http://evil.example/a.jpg" {
		t.Errorf("Buffer Image URL %q", row[1])
	}
	row := readCSVBack(t, Publer(q)["publer-x.csv"], 12)[1]
	if row[3] != "'+http://evil.example/a.jpg,https://clinic.example/b.jpg" || row[6] != "'-alt||b" {
		t.Errorf("Publer Media URL(s) %q, Alt text(s) %q", row[3], row[6])
	}
}

// TestHootsuiteLink checks the link column: empty when the message holds
// the link (Hootsuite would add it again) and on Instagram, whose
// captions cannot link; the link otherwise, as for a Google Business
// Profile post, whose link is its button's.
func TestHootsuiteLink(t *testing.T) {
	at := time.Date(2027, 1, 4, 9, 0, 0, 0, testZone())
	for _, tc := range []struct {
		platform, text string
		want           bool // the link in the column
	}{
		{"facebook", "Read more: " + testLink("a", "facebook"), false},
		{"facebook", "Our own words, without the link.", true},
		{"gbp", "Tap Learn more for the full answer.", true},
		{"instagram", "Link in bio.", false},
		{"mastodon", "Read more: " + testLink("a", "mastodon"), false},
		{"bluesky", "Read more: clinic.example/faq/a/", false},
	} {
		it := testItem("a", tc.platform, at, tc.text)
		if tc.platform == "bluesky" {
			it.LinkText = "clinic.example/faq/a/"
		}
		rows := readCSVBack(t, Hootsuite(&Queue{Version: 1, Items: []Item{it}})["hootsuite-"+tc.platform+".csv"], 3)
		if got := rows[0][2]; (got == it.Link) != tc.want || got != "" && got != it.Link {
			t.Errorf("%s %q: link column %q, want the link: %v", tc.platform, tc.text, got, tc.want)
		}
	}
}

func TestHootsuiteSplit(t *testing.T) {
	loc := testZone()
	start := time.Date(2027, 1, 4, 9, 0, 0, 0, loc)
	tests := []struct {
		n     int
		files map[string]int // rows per file
	}{
		{1, map[string]int{"hootsuite-x.csv": 1}},
		{350, map[string]int{"hootsuite-x.csv": 350}},
		{351, map[string]int{"hootsuite-x.csv": 350, "hootsuite-x-2.csv": 1}},
		{703, map[string]int{"hootsuite-x.csv": 350, "hootsuite-x-2.csv": 350, "hootsuite-x-3.csv": 3}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.n), func(t *testing.T) {
			q := &Queue{Version: 1, Timezone: "America/Chicago"}
			for i := range tt.n {
				q.Items = append(q.Items, testItem(fmt.Sprintf("e%d", i+1), "x", start.Add(time.Duration(i)*time.Hour), fmt.Sprintf("post %d", i+1)))
			}
			// One post on another platform stays in its own file.
			q.Items = append(q.Items, testItem("other", "bluesky", start, "bluesky post"))
			files := Hootsuite(q)
			if len(files) != len(tt.files)+1 {
				t.Errorf("files %q, want %d x files and one bluesky file", slices.Sorted(maps.Keys(files)), len(tt.files))
			}
			if rows := readCSVBack(t, files["hootsuite-bluesky.csv"], 3); len(rows) != 1 || rows[0][1] != "bluesky post" {
				t.Errorf("bluesky file: %q", rows)
			}
			next := 1 // the post number expected next, across files in order
			for _, name := range []string{"hootsuite-x.csv", "hootsuite-x-2.csv", "hootsuite-x-3.csv"} {
				want, ok := tt.files[name]
				if !ok {
					continue
				}
				rows := readCSVBack(t, files[name], 3)
				if len(rows) != want {
					t.Fatalf("%s: %d rows, want %d", name, len(rows), want)
				}
				for _, row := range rows {
					if row[1] != fmt.Sprintf("post %d", next) {
						t.Fatalf("%s: row %q, want post %d (queue order)", name, row, next)
					}
					next++
				}
			}
			if next != tt.n+1 {
				t.Errorf("%d posts written, want %d", next-1, tt.n)
			}
		})
	}
}

func TestHootsuiteFileNames(t *testing.T) {
	loc := testZone()
	at := time.Date(2027, 1, 4, 9, 0, 0, 0, loc)
	q := &Queue{Items: []Item{
		testItem("a", "../../etc/passwd", at, "a"),
		testItem("b", "", at, "b"),
		testItem("c", "mastodon", at, "c"),
	}}
	got := slices.Sorted(maps.Keys(Hootsuite(q)))
	want := []string{"hootsuite-______etc_passwd.csv", "hootsuite-mastodon.csv", "hootsuite-unknown.csv"}
	if !slices.Equal(got, want) {
		t.Errorf("files = %q, want %q", got, want)
	}
	// A platform faqcast does not know keeps its name as Sprout's network.
	if rows := readCSVBack(t, Sprout(q)["sprout.csv"], 6); rows[1][5] != "../../etc/passwd" || rows[3][5] != "Mastodon" {
		t.Errorf("networks %q, %q", rows[1][5], rows[3][5])
	}
}

func TestCSVEmpty(t *testing.T) {
	for name, q := range map[string]*Queue{"nil": nil, "empty": {Version: 1, Timezone: "UTC"}} {
		if files := Hootsuite(q); files == nil || len(files) != 0 {
			t.Errorf("%s: Hootsuite = %v, want an empty map", name, files)
		}
		if got := string(Sprout(q)["sprout.csv"]); got != "date,time_24hr,message_text,link,image_url,network\n" {
			t.Errorf("%s: Sprout = %q, want the header alone", name, got)
		}
		// The per-platform formats have a header in each file, and there
		// are no files without a platform.
		if files := Buffer(q); files == nil || len(files) != 0 {
			t.Errorf("%s: Buffer = %v, want an empty map", name, files)
		}
		if files := Publer(q); files == nil || len(files) != 0 {
			t.Errorf("%s: Publer = %v, want an empty map", name, files)
		}
	}
}

func TestCSVDeterministic(t *testing.T) {
	q := testQueue()
	a, b := Hootsuite(q), Hootsuite(q)
	if !maps.EqualFunc(a, b, bytes.Equal) {
		t.Error("two Hootsuite calls differ")
	}
	if !bytes.Equal(Sprout(q)["sprout.csv"], Sprout(q)["sprout.csv"]) {
		t.Error("two Sprout calls differ")
	}
	if !maps.EqualFunc(Buffer(q), Buffer(q), bytes.Equal) {
		t.Error("two Buffer calls differ")
	}
	if !maps.EqualFunc(Publer(q), Publer(q), bytes.Equal) {
		t.Error("two Publer calls differ")
	}
	a2, b2 := Exports(q), Exports(q)
	if !slices.EqualFunc(a2, b2, func(x, y Export) bool {
		return x.Name == y.Name && x.Tool == y.Tool && x.Platform == y.Platform && x.Rows == y.Rows &&
			x.Images == y.Images && x.Note == y.Note && bytes.Equal(x.Data, y.Data)
	}) {
		t.Error("two Exports calls differ")
	}
}

// TestQueueSince checks that Since counts the items before a moment and
// keeps those from it on, an item at that very moment among them, and
// that the bulk files of what it keeps hold those items alone.
func TestQueueSince(t *testing.T) {
	q := testQueue()
	at := q.Items[2].PublishAt
	passed, since := q.Since(at)
	if passed != 2 || len(since.Items) != len(q.Items)-2 || since.Items[0].ID != q.Items[2].ID {
		t.Fatalf("Since(the third item's time) = %d passed, %d kept; want 2, %d from the third", passed, len(since.Items), len(q.Items)-2)
	}
	if since.Timezone != q.Timezone || len(q.Items) != 6 {
		t.Errorf("Since changed the queue or lost its time zone")
	}
	rows := 0
	for _, data := range Buffer(since) {
		rows += len(readCSVBack(t, data, 4)) - 1
	}
	if rows != len(since.Items) {
		t.Errorf("Buffer's files of the items kept hold %d posts, want %d", rows, len(since.Items))
	}
	if n, all := q.Since(time.Time{}); n != 0 || len(all.Items) != len(q.Items) {
		t.Errorf("Since(zero time) = %d passed, %d kept; want 0, all", n, len(all.Items))
	}
	if n, none := q.Since(q.Items[len(q.Items)-1].PublishAt.Add(time.Minute)); n != len(q.Items) || len(none.Items) != 0 {
		t.Errorf("Since(after the last) = %d passed, %d kept; want all, 0", n, len(none.Items))
	}
	if n, nothing := (*Queue)(nil).Since(at); n != 0 || nothing != nil {
		t.Errorf("nil.Since = %d, %v; want 0, nil", n, nothing)
	}
}
