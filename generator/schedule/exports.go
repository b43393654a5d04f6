package schedule

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// MaxSproutRows is the most messages Sprout Social takes from one import,
// and so the most posts a file of [Sprout] holds.
const MaxSproutRows = 350

// An Export is one bulk-import file of a queue for a scheduling tool,
// with what a practice's staff need to import it.
type Export struct {
	// Name is the file's name, such as "buffer-instagram.csv".
	Name string
	// Tool is the scheduling tool the file is for: "Buffer",
	// "Hootsuite", "Publer" or "Sprout Social".
	Tool string
	// Platform is the platform of the file's posts, as the queue names
	// it, or "" when the file holds the posts of every platform, as
	// Sprout Social's does.
	Platform string
	// Rows is the number of posts in the file, not counting a header.
	Rows int
	// Images tells whether the file's format carries the posts' images;
	// where it does not, they are added in the tool.
	Images bool
	// Data is the file's content.
	Data []byte
	// Note is one sentence for a practice's staff on how to import the
	// file.
	Note string
}

// Exports returns every bulk-import file this package makes of q: the
// files of [Buffer], [Hootsuite] and [Publer], one set per platform, and
// those of [Sprout], whose Data are what those functions return.
// They are sorted by Tool, then by Name in byte order, so a platform's
// "buffer-x-2.csv" comes before its "buffer-x.csv".
//
// Each Note names the tool's import and the time zone the tool must be set
// to, q's Timezone, because none of the files states a time zone. A nil
// or empty queue has no per-platform files, so its only export is
// "sprout.csv", a header with no rows.
func Exports(q *Queue) []Export {
	zone := "the schedule's time zone"
	if q != nil && q.Timezone != "" {
		zone = q.Timezone
	}
	var out []Export
	add := func(tool string, images bool, files []bulkFile, data map[string][]byte, note func(title string) string) {
		for _, f := range files {
			out = append(out, Export{
				Name:     f.name,
				Tool:     tool,
				Platform: f.platform,
				Rows:     len(f.items),
				Images:   images,
				Data:     data[f.name],
				Note:     note(platformTitle(f.platform)),
			})
		}
	}
	add("Buffer", true, bufferFiles(q), Buffer(q), func(title string) string {
		return fmt.Sprintf("In Buffer, open the %s channel, choose Bulk upload, and upload this file; "+
			"Buffer posts it in the channel's time zone, which must be %s.", title, zone)
	})
	add("Hootsuite", false, hootsuiteFiles(q), Hootsuite(q), func(title string) string {
		return fmt.Sprintf("In Hootsuite's bulk composer, choose the date format MM/DD/YYYY HH:MM and the %s account, "+
			"upload this file, and add the images in the review step; "+
			"Hootsuite posts it in the time zone set in Hootsuite, which must be %s.", title, zone)
	})
	add("Publer", true, publerFiles(q), Publer(q), func(title string) string {
		return fmt.Sprintf("In Publer, open the bulk import, upload this file, and pick the %s accounts to post to; "+
			"Publer posts it in the time zone set in Publer, which must be %s.", title, zone)
	})
	add("Sprout Social", true, sproutFiles(q), Sprout(q), func(string) string {
		return fmt.Sprintf("In Sprout Social, open Bulk Scheduling, choose the mm/dd/yyyy date format, upload this file, "+
			"and map any column Sprout does not recognise; "+
			"Sprout posts it in the time zone set in Sprout, which must be %s.", zone)
	})
	slices.SortFunc(out, func(a, b Export) int {
		return cmp.Or(strings.Compare(a.Tool, b.Tool), strings.Compare(a.Name, b.Name))
	})
	return out
}
