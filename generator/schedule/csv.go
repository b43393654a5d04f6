package schedule

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strconv"
	"strings"

	"github.com/faqcast/faqcast/generator/platform"
)

// MaxHootsuiteRows is the most posts Hootsuite's bulk composer takes from one file.
const MaxHootsuiteRows = 350

// Layouts of the dates and times in the CSV files, in the item's local time.
const (
	hootsuiteLayout = "01/02/2006 15:04" // MM/DD/YYYY HH:MM, 24-hour
	sproutDate      = "01/02/2006"       // MM/DD/YYYY
	sproutTime      = "15:04"            // HH:MM, 24-hour
)

// Hootsuite returns Hootsuite bulk-composer CSV files, one or more per platform, by file name:
// "hootsuite-<platform>.csv", then "hootsuite-<platform>-2.csv" … when a platform has more than
// MaxHootsuiteRows items. Each row is three positional columns with no header: the date and time
// "MM/DD/YYYY HH:MM" (24-hour, the item's local time), the message, and the link (see [hootsuiteLink]).
//
// Hootsuite picks the target profile in its upload dialog, not from the
// file, hence one file set per platform. No source documents an image
// column, so images are not carried: they are added to the posts in
// Hootsuite's review step, before the posts are scheduled. Items keep
// their queue order. In a file name, characters of the platform's name
// other than ASCII letters, digits, '-' and '_' become '_', so a name can
// never leave the folder the files are written to; two platforms whose
// names would give the same file name are told apart by a "_2", "_3" …
// after the name, given in the order the platforms first appear. Every
// cell is neutralised against formula injection, line breaks are
// normalised and lines end in LF, as [Sprout] describes. The result is
// empty, never nil, for a nil or empty queue.
func Hootsuite(q *Queue) map[string][]byte {
	return platformCSV(hootsuiteFiles(q), nil, func(it *Item) []string {
		return []string{
			csvCell(it.PublishAt.Format(hootsuiteLayout)),
			csvCell(it.Text),
			csvCell(hootsuiteLink(it)),
		}
	})
}

// hootsuiteLink returns the link column of it's row. Hootsuite adds a link
// given there to the end of the message, shortened, so it is left empty
// where the post would then show a link twice or a bare one: when the
// message holds the link, or the short form it shows (LinkText, on
// Bluesky), as fitted to the platform's limit; and on a platform whose
// text cannot link and that has no button (Instagram, whose posts point to
// the link in the profile). A Google Business Profile post's link is its
// button's, not in its text: the column carries it.
func hootsuiteLink(it *Item) string {
	p, known := platform.Lookup(it.Platform)
	switch {
	case it.Link == "" || strings.Contains(it.Text, it.Link) || it.LinkText != "" && strings.Contains(it.Text, it.LinkText):
		return "" // the link, or on Bluesky its short form, is in the text
	case known && !p.LinkInText && !p.LinkOnButton:
		return ""
	}
	return it.Link
}

// hootsuiteFiles returns the layout of q's Hootsuite files.
func hootsuiteFiles(q *Queue) []bulkFile { return platformFiles(q, "hootsuite", MaxHootsuiteRows) }

// A bulkFile is the items of one per-platform bulk file.
type bulkFile struct {
	name     string // the file name
	platform string // the items' platform, as the queue names it
	items    []*Item
}

// platformFiles splits q's items by platform into files named
// prefix-<platform>.csv, then prefix-<platform>-2.csv … of at most limit
// items each, or of all of a platform's items when limit is 0. Platforms
// come in the order they first appear in q and items in queue order, so
// the result does not depend on map order. <platform> is the platform's
// fileToken, followed by "_2", "_3" … when one of the names it gives is
// already a file of a platform that came before.
func platformFiles(q *Queue, prefix string, limit int) []bulkFile {
	if q == nil {
		return nil
	}
	var platforms []string
	groups := map[string][]*Item{}
	for i := range q.Items {
		it := &q.Items[i]
		if _, ok := groups[it.Platform]; !ok {
			platforms = append(platforms, it.Platform)
		}
		groups[it.Platform] = append(groups[it.Platform], it)
	}
	var files []bulkFile
	used := map[string]bool{}
	for _, p := range platforms {
		items := groups[p]
		parts := 1
		if limit > 0 {
			parts = (len(items) + limit - 1) / limit
		}
		var names []string
		for n := 1; ; n++ {
			stem := prefix + "-" + fileToken(p)
			if n > 1 {
				stem += "_" + strconv.Itoa(n)
			}
			names = partNames(stem, parts)
			if !slices.ContainsFunc(names, func(name string) bool { return used[name] }) {
				break
			}
		}
		for _, name := range names {
			used[name] = true
			n := len(items)
			if limit > 0 {
				n = min(n, limit)
			}
			files = append(files, bulkFile{name: name, platform: p, items: items[:n]})
			items = items[n:]
		}
	}
	return files
}

// partNames returns the names of a file set of parts files: stem.csv,
// stem-2.csv, stem-3.csv ….
func partNames(stem string, parts int) []string {
	names := make([]string, parts)
	for i := range names {
		names[i] = stem + ".csv"
		if i > 0 {
			names[i] = stem + "-" + strconv.Itoa(i+1) + ".csv"
		}
	}
	return names
}

// platformCSV returns files as CSV by name: header, if not nil, then a
// row of each item.
func platformCSV(files []bulkFile, header []string, row func(*Item) []string) map[string][]byte {
	out := make(map[string][]byte, len(files))
	for _, f := range files {
		var rows [][]string
		if header != nil {
			rows = append(rows, header)
		}
		for _, it := range f.items {
			rows = append(rows, row(it))
		}
		out[f.name] = writeCSV(rows)
	}
	return out
}

// platformTitle returns the title of the platform named name, or name
// itself for a platform faqcast does not know.
func platformTitle(name string) string {
	if p, ok := platform.Lookup(name); ok {
		return p.Title
	}
	return name
}

// firstMedia returns the Src of it's first media item, or "".
func firstMedia(it *Item) string {
	if len(it.Media) == 0 {
		return ""
	}
	return it.Media[0].Src
}

// Sprout returns Sprout Social bulk-scheduling CSVs by file name:
// sprout.csv, then sprout-2.csv … of at most MaxSproutRows posts each, the
// most Sprout takes from one import; a nil or empty queue gives
// sprout.csv with its header alone. Each has the header
// date,time_24hr,message_text,link,image_url,network — date "MM/DD/YYYY",
// time "HH:MM" (24-hour, the item's local time), the message, the link,
// the URL of the item's first image (empty if it has none) and network,
// the platform's title.
//
// Sprout's help names the required columns, date, time_24hr and
// message_text, which it matches case-sensitively; they come first. Its
// import lets the user map the other columns to its own fields if it does
// not recognise their names. The date is month first, so "mm/dd/yyyy" is
// the date format to choose in Sprout's import preferences.
//
// Items keep their queue order, and the files follow one another; a
// platform faqcast does not know keeps its name as the network.
//
// Spreadsheet formula injection is neutralised as OWASP advises ("CSV
// Injection"): a cell that starts with '=', '+', '-', '@', a tab or a
// carriage return gets a leading apostrophe, so a message such as
// "=SUM(1,2)" or "+1 555 0100" is shown as text and never run as a
// formula. Messages keep their line breaks inside quoted cells, with CRLF
// and lone CR written as LF; invalid UTF-8 is replaced with U+FFFD.
//
// Every CSV format of this package ([Buffer], [Hootsuite], [Publer] and
// Sprout) is written by encoding/csv with its defaults: a field is quoted
// only when it needs to be (a comma, a quote, a line break, a leading
// space) and records end in LF, not CRLF. No source on these formats asks
// for CRLF, the importers take files saved by spreadsheet tools on any
// system, and LF keeps line breaks inside messages and between records
// alike. The files are UTF-8 without a byte order mark, which would
// become part of a case-sensitive first header such as Sprout's "date".
func Sprout(q *Queue) map[string][]byte {
	// Sprout matches the required names (date, time_24hr, message_text)
	// case-sensitively.
	header := []string{"date", "time_24hr", "message_text", "link", "image_url", "network"}
	return platformCSV(sproutFiles(q), header, func(it *Item) []string {
		return []string{
			csvCell(it.PublishAt.Format(sproutDate)),
			csvCell(it.PublishAt.Format(sproutTime)),
			csvCell(it.Text),
			csvCell(it.Link),
			csvCell(firstMedia(it)),
			csvCell(platformTitle(it.Platform)),
		}
	})
}

// sproutFiles returns the layout of q's Sprout Social files: every
// platform's items together, in queue order, MaxSproutRows to a file.
func sproutFiles(q *Queue) []bulkFile {
	var items []*Item
	if q != nil {
		for i := range q.Items {
			items = append(items, &q.Items[i])
		}
	}
	parts := max(1, (len(items)+MaxSproutRows-1)/MaxSproutRows)
	var files []bulkFile
	for _, name := range partNames("sprout", parts) {
		n := min(len(items), MaxSproutRows)
		files = append(files, bulkFile{name: name, items: items[:n]})
		items = items[n:]
	}
	return files
}

// writeCSV returns rows as CSV with encoding/csv's defaults.
func writeCSV(rows [][]string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	// Writing to a bytes.Buffer cannot fail and every field is valid
	// UTF-8, so WriteAll has no error to report.
	_ = w.WriteAll(rows)
	return b.Bytes()
}

// lineBreaks turns CRLF and lone CR into LF.
var lineBreaks = strings.NewReplacer("\r\n", "\n", "\r", "\n")

// csvCell returns s made safe for a spreadsheet: a leading apostrophe when
// s starts with a character that makes a spreadsheet read the cell as a
// formula ('=', '+', '-', '@', tab, carriage return), line breaks as LF
// and valid UTF-8.
func csvCell(s string) string {
	if s != "" && strings.IndexByte("=+-@\t\r", s[0]) >= 0 {
		s = "'" + s
	}
	return lineBreaks.Replace(strings.ToValidUTF8(s, "\uFFFD"))
}

// fileToken returns name with every character other than an ASCII letter,
// digit, '-' or '_' replaced by '_', or "unknown" for an empty name.
func fileToken(name string) string {
	if name == "" {
		return "unknown"
	}
	b := []byte(name)
	for i, c := range b {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '_':
		default:
			b[i] = '_'
		}
	}
	return string(b)
}
