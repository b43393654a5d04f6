package schedule

// MaxBufferRows is the most posts Buffer's bulk upload takes from one file
// on a paid plan; a free plan takes 10.
const MaxBufferRows = 100

// bufferLayout is Buffer's Posting Time, "YYYY-MM-DD HH:mm", 24-hour, in
// the item's local time.
const bufferLayout = "2006-01-02 15:04"

// Buffer returns Buffer bulk-upload CSV files, one or more per platform, by file name:
// "buffer-<platform>.csv", then "buffer-<platform>-2.csv" … when a platform has more than
// MaxBufferRows items. Each file has the header Text,Image URL,Tags,Posting Time and a row
// per item: the message, the URL of the item's first image (empty if it has none), no tags,
// and the date and time "YYYY-MM-DD HH:MM" (24-hour, the item's local time).
//
// A Buffer bulk upload targets one channel, hence one file set per
// platform. Buffer takes one image per row, so an item's other images are
// left out; Buffer fetches the image itself and wants a public, direct
// link to a JPEG or PNG file of at most 5 MB. Tags are left empty because
// Buffer ignores tags that do not already exist in the account. A free
// plan takes 10 posts per file, not MaxBufferRows, so there a file of more
// posts must be split before it is uploaded.
//
// The Posting Time has no time zone: Buffer reads it in the channel's
// time zone, which must be the schedule's (the queue's Timezone) for the
// posts to go out when planned. A time in the hour repeated when clocks
// go back names two moments, and Buffer picks one of them.
//
// Items keep their queue order. File names are made as [Hootsuite] makes
// them, and cells are neutralised and written as [Sprout] describes. The
// result is empty, never nil, for a nil or empty queue.
func Buffer(q *Queue) map[string][]byte {
	// Buffer matches the names case-sensitively.
	header := []string{"Text", "Image URL", "Tags", "Posting Time"}
	return platformCSV(bufferFiles(q), header, func(it *Item) []string {
		return []string{
			csvCell(it.Text),
			csvCell(firstMedia(it)),
			"",
			csvCell(it.PublishAt.Format(bufferLayout)),
		}
	})
}

// bufferFiles returns the layout of q's Buffer files.
func bufferFiles(q *Queue) []bulkFile { return platformFiles(q, "buffer", MaxBufferRows) }
