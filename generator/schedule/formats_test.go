package schedule

import (
	"bufio"
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// A bulkFormat is one CSV format of the package, for the tests that hold
// every format to its documentation in testdata/formats.
type bulkFormat struct {
	tool string // the tool, as Exports names it
	doc  string // the file in testdata/formats
	// header tells whether the format has a header row; without one, the
	// doc file's first line is a sample row.
	header bool
	// prefix is true when the documented header is the first columns of
	// the format's header, not all of it.
	prefix bool
	fields int // fields of every record
	// files returns the format's files of q by name.
	files func(q *Queue) map[string][]byte
	// perPlatform tells whether a file holds one platform's posts.
	perPlatform bool
	prefixName  string // the file names' prefix, for per-platform formats
	// date returns a row's date and time, to be parsed with layout.
	date   func(row []string) string
	layout string
	text   int // the message column
	image  int // the image column, or -1
	images bool
	rowCap int // the most rows of a file, or 0
}

// bulkFormats returns the package's CSV formats.
func bulkFormats() []bulkFormat {
	return []bulkFormat{
		{
			tool: "Buffer", doc: "buffer.txt", header: true, fields: 4,
			files: Buffer, perPlatform: true, prefixName: "buffer",
			date: func(row []string) string { return row[3] }, layout: "2006-01-02 15:04",
			text: 0, image: 1, images: true, rowCap: 100,
		},
		{
			tool: "Hootsuite", doc: "hootsuite.txt", header: false, fields: 3,
			files: Hootsuite, perPlatform: true, prefixName: "hootsuite",
			date: func(row []string) string { return row[0] }, layout: "01/02/2006 15:04",
			text: 1, image: -1, images: false, rowCap: 350,
		},
		{
			tool: "Publer", doc: "publer.txt", header: true, fields: 12,
			files: Publer, perPlatform: true, prefixName: "publer",
			date: func(row []string) string { return row[0] }, layout: "2006-01-02 15:04",
			text: 1, image: 3, images: true,
		},
		{
			tool: "Sprout Social", doc: "sprout.txt", header: true, prefix: true, fields: 6,
			files: Sprout,
			date:  func(row []string) string { return row[0] + " " + row[1] }, layout: "01/02/2006 15:04",
			text: 2, image: 4, images: true,
		},
	}
}

// readFormatDoc returns the first line of testdata/formats/name that is
// not a comment (a line starting with '#') and the lines after it.
func readFormatDoc(t *testing.T, name string) (first string, rest []string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "formats", name))
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if line := sc.Text(); !strings.HasPrefix(line, "#") {
			lines = append(lines, line)
		}
	}
	if len(lines) == 0 {
		t.Fatalf("%s: no line that is not a comment", name)
	}
	return lines[0], lines[1:]
}

// mediaQueue returns testQueue with more images: two on the Instagram
// item and one without an alt text on the last Facebook item.
func mediaQueue() *Queue {
	q := testQueue()
	q.Items[3].Media = []Media{
		{Src: "https://clinic.example/img/minus-1.jpg", Alt: "A red X on a map"},
		{Src: "https://clinic.example/img/minus-2.png", Alt: "The clinic's door"},
	}
	q.Items[5].Media = []Media{{Src: "https://clinic.example/img/soap.jpg"}}
	return q
}

// fileRows returns the rows of a format's file, without its header.
func fileRows(t *testing.T, f bulkFormat, data []byte) [][]string {
	t.Helper()
	rows := readCSVBack(t, data, f.fields)
	if f.header {
		if len(rows) == 0 {
			t.Fatalf("%s: no header", f.tool)
		}
		rows = rows[1:]
	}
	return rows
}

func TestFormatHeaders(t *testing.T) {
	q := mediaQueue()
	for _, f := range bulkFormats() {
		t.Run(f.tool, func(t *testing.T) {
			doc, samples := readFormatDoc(t, f.doc)
			files := f.files(q)
			if len(files) == 0 {
				t.Fatal("no files")
			}
			if !f.header {
				// The documented line is a post: the files start with a
				// post too, of as many fields.
				samples = append([]string{doc}, samples...)
				for name, data := range files {
					first := readCSVBack(t, data, f.fields)[0]
					if _, err := time.Parse(f.layout, f.date(first)); err != nil {
						t.Errorf("%s: the first record is not a post: %q", name, first)
					}
				}
			} else {
				for name, data := range files {
					line, _, _ := bytes.Cut(data, []byte("\n"))
					switch {
					case f.prefix && !strings.HasPrefix(string(line), doc+","):
						t.Errorf("%s: header %q does not start with the documented %q", name, line, doc)
					case !f.prefix && string(line) != doc:
						t.Errorf("%s: header %q, documented %q", name, line, doc)
					}
				}
				if !f.prefix && len(readCSVBack(t, []byte(doc), f.fields)) != 1 {
					t.Errorf("the documented header is not one record of %d fields", f.fields)
				}
			}
			// The documented sample rows have the format's fields and a
			// date of its layout.
			for _, s := range samples {
				row := readCSVBack(t, []byte(s), f.fields)[0]
				if f.tool == "Hootsuite" {
					continue // its date format is chosen at upload
				}
				if _, err := time.Parse(f.layout, f.date(row)); err != nil {
					t.Errorf("documented sample %q: %v", s, err)
				}
			}
		})
	}
}

func TestFormatRows(t *testing.T) {
	q := mediaQueue()
	for _, f := range bulkFormats() {
		t.Run(f.tool, func(t *testing.T) {
			files := f.files(q)
			// want holds the items of each file, in queue order.
			want := map[string][]*Item{}
			for i := range q.Items {
				it := &q.Items[i]
				name := "sprout.csv"
				if f.perPlatform {
					name = f.prefixName + "-" + it.Platform + ".csv"
				}
				want[name] = append(want[name], it)
			}
			if got, w := slices.Sorted(maps.Keys(files)), slices.Sorted(maps.Keys(want)); !slices.Equal(got, w) {
				t.Fatalf("files %q, want %q", got, w)
			}
			for name, items := range want {
				rows := fileRows(t, f, files[name])
				if len(rows) != len(items) {
					t.Fatalf("%s: %d rows, want %d", name, len(rows), len(items))
				}
				for i, row := range rows {
					it := items[i]
					if row[f.text] != csvCell(it.Text) {
						t.Errorf("%s row %d: text %q, want %q", name, i+1, row[f.text], csvCell(it.Text))
					}
					at, err := time.Parse(f.layout, f.date(row))
					if err != nil {
						t.Errorf("%s row %d: %v", name, i+1, err)
					} else if want := slotWall(it.PublishAt); !at.Equal(want) {
						t.Errorf("%s row %d: date %s, want the local %s", name, i+1, at.Format(f.layout), want.Format(f.layout))
					}
					if f.image < 0 {
						continue
					}
					wantImage := ""
					if len(it.Media) > 0 {
						wantImage = it.Media[0].Src
					}
					if f.tool == "Publer" {
						var srcs []string
						for _, m := range it.Media {
							srcs = append(srcs, m.Src)
						}
						wantImage = strings.Join(srcs, ",")
					}
					if row[f.image] != wantImage {
						t.Errorf("%s row %d: image %q, want %q", name, i+1, row[f.image], wantImage)
					}
				}
			}
		})
	}
}

func TestBufferCSV(t *testing.T) {
	files := Buffer(mediaQueue())
	data := files["buffer-instagram.csv"]
	want := "Text,Image URL,Tags,Posting Time\n" +
		"\"'-x marks the spot\n\nLink in bio 👆\",https://clinic.example/img/minus-1.jpg,,2027-03-15 09:00\n"
	if string(data) != want {
		t.Errorf("buffer-instagram.csv =\n%s\nwant\n%s", data, want)
	}
	// Across the change to daylight saving time, the local times.
	rows := readCSVBack(t, files["buffer-gbp.csv"], 4)
	if rows[1][3] != "2027-03-14 03:30" || rows[1][2] != "" {
		t.Errorf("buffer-gbp.csv row %q", rows[1])
	}
}

func TestPublerCSV(t *testing.T) {
	files := Publer(mediaQueue())
	tests := []struct {
		file string
		row  int
		want []string // the first seven columns; the rest are empty
	}{
		{"publer-x.csv", 1, []string{"2027-03-13 09:00", "Flu shots, now \"free\" for kids!\nBook today 💉 #flu", "",
			"https://clinic.example/img/flu.jpg", "", "", "A nurse gives a child a flu shot, with a smile"}},
		{"publer-x.csv", 2, []string{"2027-03-16 12:00", `'@home care; tips \ tricks, for you`, testLink("at-home", "x"), "", "", "", ""}},
		{"publer-instagram.csv", 1, []string{"2027-03-15 09:00", "'-x marks the spot\n\nLink in bio 👆", "",
			"https://clinic.example/img/minus-1.jpg,https://clinic.example/img/minus-2.png", "", "", "A red X on a map||The clinic's door"}},
		// An image without alt text: no alt texts at all.
		{"publer-facebook.csv", 2, []string{"2027-03-16 18:45", testLongText(), "", "https://clinic.example/img/soap.jpg", "", "", ""}},
		{"publer-gbp.csv", 1, []string{"2027-03-14 03:30", "'+1 reason to call: we answer; always.", testLink("call-us", "gbp"), "", "", "", ""}},
	}
	for _, tt := range tests {
		rows := readCSVBack(t, files[tt.file], 12)
		if tt.row >= len(rows) {
			t.Errorf("%s: no row %d", tt.file, tt.row)
			continue
		}
		want := append(slices.Clone(tt.want), make([]string, 12-len(tt.want))...)
		if got := rows[tt.row]; !slices.Equal(got, want) {
			t.Errorf("%s row %d =\n%q\nwant\n%q", tt.file, tt.row, got, want)
		}
	}
}

func TestPublerLists(t *testing.T) {
	at := time.Date(2027, 1, 4, 9, 0, 0, 0, testZone())
	tests := []struct {
		name       string
		media      []Media
		urls, alts string
	}{
		{"one", []Media{{"https://c.example/a.jpg", "a"}}, "https://c.example/a.jpg", "a"},
		{"one without alt", []Media{{"https://c.example/a.jpg", ""}}, "https://c.example/a.jpg", ""},
		{"some alts", []Media{{"https://c.example/a.jpg", ""}, {"https://c.example/b.jpg", "b"}}, "https://c.example/a.jpg,https://c.example/b.jpg", "||b"},
		{"comma in url", []Media{{"https://c.example/a,b.jpg", "x"}, {"https://c.example/c.jpg", "y"}}, "https://c.example/a%2Cb.jpg,https://c.example/c.jpg", "x||y"},
		{"pipes in alt", []Media{{"https://c.example/a.jpg", "a || b ||| c | d"}, {"https://c.example/b.jpg", "||"}}, "https://c.example/a.jpg,https://c.example/b.jpg", "a | b | c | d|||"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it := testItem("e", "x", at, "text")
			it.Media = tt.media
			rows := readCSVBack(t, Publer(&Queue{Items: []Item{it}})["publer-x.csv"], 12)
			if got := rows[1]; got[2] != "" || got[3] != tt.urls || got[6] != tt.alts {
				t.Errorf("Link(s) %q, Media URL(s) %q, Alt text(s) %q; want \"\", %q, %q", got[2], got[3], got[6], tt.urls, tt.alts)
			}
			// As many alt texts as URLs, when there are any.
			if tt.alts != "" && len(strings.Split(tt.alts, "||")) != len(tt.media) {
				t.Errorf("%d alt texts for %d images", len(strings.Split(tt.alts, "||")), len(tt.media))
			}
		})
	}
}

func TestPublerDateLayout(t *testing.T) {
	// Publer's example date parses; the "HH-MM" its help also writes, which
	// makes a draft, does not (testdata/formats/SOURCES.md).
	if _, err := time.Parse(publerLayout, "2029-11-19 20:35"); err != nil {
		t.Errorf("Publer's example: %v", err)
	}
	if _, err := time.Parse(publerLayout, "2026-08-29 10-00"); err == nil {
		t.Error("a time with a hyphen parses")
	}
}

func TestFormatSplit(t *testing.T) {
	start := time.Date(2027, 1, 4, 9, 0, 0, 0, testZone())
	tests := []struct {
		tool  string
		files func(*Queue) map[string][]byte
		n     int
		want  map[string]int // rows per file
	}{
		{"Buffer", Buffer, 1, map[string]int{"buffer-x.csv": 1}},
		{"Buffer", Buffer, 100, map[string]int{"buffer-x.csv": 100}},
		{"Buffer", Buffer, 101, map[string]int{"buffer-x.csv": 100, "buffer-x-2.csv": 1}},
		{"Buffer", Buffer, 250, map[string]int{"buffer-x.csv": 100, "buffer-x-2.csv": 100, "buffer-x-3.csv": 50}},
		{"Hootsuite", Hootsuite, 351, map[string]int{"hootsuite-x.csv": 350, "hootsuite-x-2.csv": 1}},
		{"Publer", Publer, 400, map[string]int{"publer-x.csv": 400}},
	}
	formats := map[string]bulkFormat{}
	for _, f := range bulkFormats() {
		formats[f.tool] = f
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.tool, tt.n), func(t *testing.T) {
			f := formats[tt.tool]
			q := &Queue{Version: 1, Timezone: "America/Chicago"}
			for i := range tt.n {
				q.Items = append(q.Items, testItem(fmt.Sprintf("e%d", i+1), "x", start.Add(time.Duration(i)*time.Hour), fmt.Sprintf("post %d", i+1)))
			}
			files := tt.files(q)
			if got, want := slices.Sorted(maps.Keys(files)), slices.Sorted(maps.Keys(tt.want)); !slices.Equal(got, want) {
				t.Fatalf("files %q, want %q", got, want)
			}
			next := 1
			for _, name := range partNames(f.prefixName+"-x", len(tt.want)) {
				rows := fileRows(t, f, files[name])
				if len(rows) != tt.want[name] {
					t.Errorf("%s: %d rows, want %d", name, len(rows), tt.want[name])
				}
				if f.rowCap > 0 && len(rows) > f.rowCap {
					t.Errorf("%s: %d rows, over the cap of %d", name, len(rows), f.rowCap)
				}
				for _, row := range rows {
					if row[f.text] != fmt.Sprintf("post %d", next) {
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

func TestBulkFileNames(t *testing.T) {
	at := time.Date(2027, 1, 4, 9, 0, 0, 0, testZone())
	tests := []struct {
		name      string
		platforms []string // one item each, in this order
		max       int
		want      []string // the files, in order, with their platforms
	}{
		{"distinct", []string{"x", "facebook", "x"}, 0, []string{"p-x.csv x", "p-facebook.csv facebook"}},
		{"same token", []string{"a.b", "a_b", "a b"}, 0, []string{"p-a_b.csv a.b", "p-a_b_2.csv a_b", "p-a_b_3.csv a b"}},
		{"part of another", []string{"x", "x", "x-2"}, 1, []string{"p-x.csv x", "p-x-2.csv x", "p-x-2_2.csv x-2"}},
		{"another's part", []string{"x-2", "x", "x"}, 1, []string{"p-x-2.csv x-2", "p-x_2.csv x", "p-x_2-2.csv x"}},
		{"empty", []string{""}, 0, []string{"p-unknown.csv "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := &Queue{}
			for i, p := range tt.platforms {
				q.Items = append(q.Items, testItem(fmt.Sprint(i), p, at, "t"))
			}
			var got []string
			for _, f := range platformFiles(q, "p", tt.max) {
				got = append(got, f.name+" "+f.platform)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("files %q, want %q", got, tt.want)
			}
		})
	}
	// No post is lost when names would collide.
	q := &Queue{Items: []Item{testItem("a", "a.b", at, "a"), testItem("b", "a_b", at, "b")}}
	for _, files := range []map[string][]byte{Buffer(q), Hootsuite(q), Publer(q)} {
		if len(files) != 2 {
			t.Errorf("files %q, want two", slices.Sorted(maps.Keys(files)))
		}
	}
}

func TestExports(t *testing.T) {
	q := mediaQueue()
	// Enough posts on X to split its Buffer file.
	start := time.Date(2027, 4, 1, 9, 0, 0, 0, testZone())
	for i := range MaxBufferRows {
		q.Items = append(q.Items, testItem(fmt.Sprintf("more-%d", i), "x", start.Add(time.Duration(i)*time.Hour), "more"))
	}
	type row struct {
		name, tool, platform string
		rows                 int
		images               bool
	}
	want := []row{
		{"buffer-facebook.csv", "Buffer", "facebook", 2, true},
		{"buffer-gbp.csv", "Buffer", "gbp", 1, true},
		{"buffer-instagram.csv", "Buffer", "instagram", 1, true},
		{"buffer-x-2.csv", "Buffer", "x", 2, true},
		{"buffer-x.csv", "Buffer", "x", 100, true},
		{"hootsuite-facebook.csv", "Hootsuite", "facebook", 2, false},
		{"hootsuite-gbp.csv", "Hootsuite", "gbp", 1, false},
		{"hootsuite-instagram.csv", "Hootsuite", "instagram", 1, false},
		{"hootsuite-x.csv", "Hootsuite", "x", 102, false},
		{"publer-facebook.csv", "Publer", "facebook", 2, true},
		{"publer-gbp.csv", "Publer", "gbp", 1, true},
		{"publer-instagram.csv", "Publer", "instagram", 1, true},
		{"publer-x.csv", "Publer", "x", 102, true},
		{"sprout.csv", "Sprout Social", "", 106, true},
	}
	exports := Exports(q)
	var got []row
	for _, e := range exports {
		got = append(got, row{e.Name, e.Tool, e.Platform, e.Rows, e.Images})
	}
	if !slices.Equal(got, want) {
		t.Fatalf("Exports =\n%v\nwant\n%v", got, want)
	}
	// Every file the functions make, with their bytes; Rows are the
	// records after any header; Images is the format's.
	all := Sprout(q)
	formats := map[string]bulkFormat{}
	for _, f := range bulkFormats() {
		formats[f.tool] = f
		if f.perPlatform {
			maps.Copy(all, f.files(q))
		}
	}
	if len(all) != len(exports) {
		t.Errorf("%d files made, %d exports", len(all), len(exports))
	}
	for _, e := range exports {
		f := formats[e.Tool]
		if !bytes.Equal(e.Data, all[e.Name]) {
			t.Errorf("%s: Data differs from %s's file", e.Name, e.Tool)
		}
		if n := len(fileRows(t, f, e.Data)); n != e.Rows {
			t.Errorf("%s: Rows %d, file has %d", e.Name, e.Rows, n)
		}
		if e.Images != f.images {
			t.Errorf("%s: Images %v, want %v", e.Name, e.Images, f.images)
		}
		if !strings.HasPrefix(e.Note, "In "+strings.Fields(e.Tool)[0]) || !strings.HasSuffix(e.Note, "America/Chicago.") ||
			strings.Count(e.Note, ".") != 1 || strings.Contains(e.Note, "\n") {
			t.Errorf("%s: Note %q, want one sentence on %s ending in the time zone", e.Name, e.Note, e.Tool)
		}
	}
	if n := exports[0].Note; n != "In Buffer, open the Facebook channel, choose Bulk upload, and upload this file; "+
		"Buffer posts it in the channel's time zone, which must be America/Chicago." {
		t.Errorf("Buffer note %q", n)
	}
	if n := exports[len(exports)-1].Note; strings.Contains(n, "350") {
		t.Errorf("Sprout note %q speaks of parts for %d posts", n, exports[len(exports)-1].Rows)
	}
}

// TestExportsSproutParts checks that a queue of more posts than Sprout
// Social takes from one import is split into files of at most
// MaxSproutRows posts, every platform's together, in queue order: 701
// posts make sprout-2.csv, sprout-3.csv and sprout.csv, of 350, 1 and
// 350 posts.
func TestExportsSproutParts(t *testing.T) {
	start := time.Date(2027, 1, 4, 9, 0, 0, 0, testZone())
	q := &Queue{Timezone: "Europe/London"}
	for i := range 2*MaxSproutRows + 1 {
		q.Items = append(q.Items, testItem(fmt.Sprint(i), []string{"x", "facebook"}[i%2], start.Add(time.Duration(i)*time.Hour), "t"))
	}
	var got []string
	var texts []string
	first := map[string]string{} // each file's first post's date and time
	for _, e := range Exports(q) {
		if e.Tool != "Sprout Social" {
			continue
		}
		got = append(got, fmt.Sprintf("%s %d", e.Name, e.Rows))
		if strings.Contains(e.Note, "350") || !strings.HasSuffix(e.Note, "Europe/London.") {
			t.Errorf("%s: note %q", e.Name, e.Note)
		}
		rows := readCSVBack(t, e.Data, 6)
		if len(rows)-1 != e.Rows || rows[0][0] != "date" {
			t.Errorf("%s: %d rows after the header %q, want %d", e.Name, len(rows)-1, rows[0], e.Rows)
		}
		for _, r := range rows[1:] {
			texts = append(texts, r[2])
		}
		first[e.Name] = rows[1][0] + " " + rows[1][1]
	}
	for name, i := range map[string]int{"sprout.csv": 0, "sprout-2.csv": MaxSproutRows, "sprout-3.csv": 2 * MaxSproutRows} {
		if want := q.Items[i].PublishAt.Format(sproutDate + " " + sproutTime); first[name] != want {
			t.Errorf("%s begins at %s, want post %d's %s", name, first[name], i, want)
		}
	}
	if want := []string{"sprout-2.csv 350", "sprout-3.csv 1", "sprout.csv 350"}; !slices.Equal(got, want) {
		t.Errorf("Sprout files %q, want %q", got, want)
	}
	if len(texts) != len(q.Items) {
		t.Errorf("%d posts in the files, want %d", len(texts), len(q.Items))
	}
}

func TestExportsEmpty(t *testing.T) {
	for name, q := range map[string]*Queue{"nil": nil, "empty": {Version: 1}} {
		exports := Exports(q)
		if len(exports) != 1 {
			t.Fatalf("%s: %d exports, want sprout.csv alone", name, len(exports))
		}
		e := exports[0]
		if e.Name != "sprout.csv" || e.Rows != 0 || string(e.Data) != "date,time_24hr,message_text,link,image_url,network\n" {
			t.Errorf("%s: %q, %d rows, %q", name, e.Name, e.Rows, e.Data)
		}
		if !strings.HasSuffix(e.Note, "which must be the schedule's time zone.") {
			t.Errorf("%s: note %q", name, e.Note)
		}
	}
}
