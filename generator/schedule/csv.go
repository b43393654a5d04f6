package schedule

import (
	"bytes"
	"encoding/csv"
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
// "MM/DD/YYYY HH:MM" (24-hour, the item's local time), the message, the link.
//
// Hootsuite picks the target profile in its upload dialog, not from the
// file, hence one file set per platform. Items keep their queue order. In
// a file name, characters of the platform's name other than ASCII letters,
// digits, '-' and '_' become '_', so a name can never leave the folder the
// files are written to. Every cell is neutralised against formula
// injection, line breaks are normalised and lines end in LF, as [Sprout]
// describes. The result is empty, never nil, for a nil or empty queue.
func Hootsuite(q *Queue) map[string][]byte {
	files := map[string][]byte{}
	if q == nil {
		return files
	}
	// Group by file stem, keeping the order of first appearance so the
	// output does not depend on map order.
	var stems []string
	groups := map[string][]*Item{}
	for i := range q.Items {
		it := &q.Items[i]
		stem := fileToken(it.Platform)
		if _, ok := groups[stem]; !ok {
			stems = append(stems, stem)
		}
		groups[stem] = append(groups[stem], it)
	}
	for _, stem := range stems {
		items := groups[stem]
		for part := 0; len(items) > 0; part++ {
			n := min(len(items), MaxHootsuiteRows)
			rows := make([][]string, n)
			for i, it := range items[:n] {
				rows[i] = []string{
					csvCell(it.PublishAt.Format(hootsuiteLayout)),
					csvCell(it.Text),
					csvCell(it.Link),
				}
			}
			name := "hootsuite-" + stem + ".csv"
			if part > 0 {
				name = "hootsuite-" + stem + "-" + strconv.Itoa(part+1) + ".csv"
			}
			files[name] = writeCSV(rows)
			items = items[n:]
		}
	}
	return files
}

// Sprout returns one Sprout Social bulk-scheduling CSV with the header
// date,time_24hr,message_text,link,network — date "MM/DD/YYYY", time "HH:MM" (local), network the platform's title.
//
// Items keep their queue order; a platform faqcast does not know keeps its
// name as the network. Sprout takes at most 350 messages per import; the
// file is not split, so a longer queue is imported in parts by the user.
//
// Spreadsheet formula injection is neutralised as OWASP advises ("CSV
// Injection"): a cell that starts with '=', '+', '-', '@', a tab or a
// carriage return gets a leading apostrophe, so a message such as
// "=SUM(1,2)" or "+1 555 0100" is shown as text and never run as a
// formula. Messages keep their line breaks inside quoted cells, with CRLF
// and lone CR written as LF; invalid UTF-8 is replaced with U+FFFD.
//
// Both formats are written by encoding/csv with its defaults: a field is
// quoted only when it needs to be (a comma, a quote, a line break, a
// leading space) and records end in LF, not CRLF. Neither Hootsuite's nor
// Sprout Social's help asks for CRLF, both importers take files saved by
// spreadsheet tools on any system, and LF keeps line breaks inside
// messages and between records alike. The files are UTF-8 without a byte
// order mark, which would become part of Sprout's case-sensitive "date"
// header.
func Sprout(q *Queue) []byte {
	// Sprout matches the required names (date, time_24hr, message_text)
	// case-sensitively.
	rows := [][]string{{"date", "time_24hr", "message_text", "link", "network"}}
	if q != nil {
		for i := range q.Items {
			it := &q.Items[i]
			network := it.Platform
			if p, ok := platform.Lookup(it.Platform); ok {
				network = p.Title
			}
			rows = append(rows, []string{
				csvCell(it.PublishAt.Format(sproutDate)),
				csvCell(it.PublishAt.Format(sproutTime)),
				csvCell(it.Text),
				csvCell(it.Link),
				csvCell(network),
			})
		}
	}
	return writeCSV(rows)
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
