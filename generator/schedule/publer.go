package schedule

import "strings"

// publerLayout is Publer's Date, "YYYY-MM-DD HH:MM", 24-hour, in the
// item's local time. Publer's help writes the time "HH-MM" but its example
// has a colon, and a time with a hyphen makes the post an unscheduled
// draft.
const publerLayout = "2006-01-02 15:04"

// Separators of the cells of Publer's file that hold a list.
const (
	publerMediaSep = ","  // between media URLs
	publerAltSep   = "||" // between alt texts, one per media URL
)

// Publer returns Publer bulk-import CSV files, one per platform, by file
// name: "publer-<platform>.csv". Each file has Publer's twelve-column
// header
//
//	Date,Text,Link(s),Media URL(s),Title,Label(s),Alt text(s),Comment(s),Board/Album,Post subtype,CTA,Reminder
//
// and a row per item: the date and time "YYYY-MM-DD HH:MM" (24-hour, the
// item's local time), the message, the link, the URLs of the item's
// images, their alt texts, and every other column empty. Publer expects
// all twelve columns, in this order, even those left empty.
//
// The accounts to post to are picked in Publer's import dialog, not from
// the file, hence one file per platform. On a platform that shows links,
// Publer posts a row's link as a link card in place of its images, so the
// link is left out of rows with images; on such a platform the link is
// already in the message. Media URL(s) holds the image URLs separated by
// commas, a comma inside a URL written as "%2C"; Alt text(s) holds their
// alt texts in the same order separated by "||", a run of '|' inside an
// alt text written as one '|'; that cell is left empty when no image has
// an alt text.
//
// The Date has no time zone, so the time zone set in Publer must be the
// schedule's (the queue's Timezone) for the posts to go out when planned.
// A time in the hour repeated when clocks go back names two moments, and
// Publer picks one. No source gives a limit to the rows of one import, so
// files are not split; should Publer refuse a long file, it is imported
// in parts.
//
// Items keep their queue order. File names are made as [Hootsuite] makes
// them, and cells are neutralised and written as [Sprout] describes. The
// result is empty, never nil, for a nil or empty queue.
func Publer(q *Queue) map[string][]byte {
	header := []string{
		"Date", "Text", "Link(s)", "Media URL(s)", "Title", "Label(s)",
		"Alt text(s)", "Comment(s)", "Board/Album", "Post subtype", "CTA", "Reminder",
	}
	return platformCSV(publerFiles(q), header, func(it *Item) []string {
		row := make([]string, len(header))
		row[0] = csvCell(it.PublishAt.Format(publerLayout))
		row[1] = csvCell(it.Text)
		if len(it.Media) == 0 {
			row[2] = csvCell(it.Link)
		} else {
			srcs := make([]string, len(it.Media))
			alts := make([]string, len(it.Media))
			anyAlt := false
			for i, m := range it.Media {
				srcs[i] = strings.ReplaceAll(m.Src, publerMediaSep, "%2C")
				alts[i] = publerAlt(m.Alt)
				anyAlt = anyAlt || alts[i] != ""
			}
			row[3] = csvCell(strings.Join(srcs, publerMediaSep))
			if anyAlt {
				row[6] = csvCell(strings.Join(alts, publerAltSep))
			}
		}
		return row
	})
}

// publerFiles returns the layout of q's Publer files.
func publerFiles(q *Queue) []bulkFile { return platformFiles(q, "publer", 0) }

// publerAlt returns alt with every run of '|' written as one '|', so that
// it holds no "||", Publer's separator of alt texts.
func publerAlt(alt string) string {
	for strings.Contains(alt, "||") {
		alt = strings.ReplaceAll(alt, "||", "|")
	}
	return alt
}
