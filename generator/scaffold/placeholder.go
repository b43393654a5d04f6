package scaffold

import (
	"crypto/sha256"
	"io/fs"
	"strings"
	"sync"
)

// A Placeholder is a value of the faqcast.yaml that [Init] writes, which a
// site must replace with its own before it publishes.
type Placeholder struct {
	// Key is the value's place in the config, such as "practice.name".
	Key string
	// Value is the placeholder itself.
	Value string
	// Hint says what to write instead.
	Hint string
}

// starterBooking is the booking page of the config Init writes: its
// replies are worded for a practice that has one.
const starterBooking = "https://www.example.com/book"

// Placeholders lists the values of the faqcast.yaml that Init writes that
// a site must replace: its address, the practice's name, phone, street,
// city, region and postal code, the booking page, its opening hours (in
// the language of the site's config: one key may have a value in each
// language), and the reviewer's name.
var Placeholders = []Placeholder{
	{"base_url", "https://www.example.com/", "write the address the site is published at, such as https://www.yourpractice.com/"},
	{"practice.name", "Your Practice Name", "write the practice's name as patients know it"},
	{"practice.phone", "(555) 555-0100", "write the number patients call"},
	{"practice.address.street", "1 Main St", "write the practice's street address"},
	{"practice.address.city", "Your City", "write the practice's city"},
	{"practice.address.region", "ST", "write the practice's state or region"},
	{"practice.address.postal_code", "00000", "write the practice's postal code"},
	{"practice.booking_url", starterBooking, "write the address of the page where patients book, or remove the line"},
	{"practice.hours", hours["en"], "write the practice's opening hours, or remove the line"},
	{"practice.hours", hours["es"], "write the practice's opening hours, or remove the line"},
	{"staff.name", "Your Clinician", "write the name of the staff member who reviews entries, and make the credentials: and role: on the same line theirs: the pages show them beside the name"},
}

// StarterMarkers are the sentences that begin the answers Init and
// [NewEntry] write for the practice to replace: an answer that holds one
// has not been written yet.
var StarterMarkers = []string{"Replace this text with", "Write the answer here", "Reemplace este texto con", "Escriba aquí la respuesta"}

// StarterSummaries begin the short answers that [NewEntry] writes for the
// practice to replace, in English and in Spanish.
var StarterSummaries = []string{"Write the short plain answer here", "Escriba aquí la respuesta breve"}

// IsStarter reports whether body is, byte for byte, the answer of one of
// the starter entries Init writes (line endings aside): its text, and so
// its review, are the starter's, not the practice's.
func IsStarter(body []byte) bool {
	starters := starterSums()
	_, ok := starters[sha256.Sum256([]byte(normalize(string(body))))]
	return ok
}

// starterSums returns the SHA-256 of each starter entry's answer, worked
// out once.
var starterSums = sync.OnceValue(func() map[[sha256.Size]byte]bool {
	sums := map[[sha256.Size]byte]bool{}
	var all []string
	for _, pattern := range []string{"skeleton/content/*.md", "skeleton/content/*/*.md", "skeleton-*/*.md", "skeleton-*/*/*.md"} {
		found, _ := fs.Glob(files, pattern)
		all = append(all, found...)
	}
	for _, p := range all {
		data, err := fs.ReadFile(files, p)
		if err != nil {
			continue
		}
		// The answer follows the front matter's closing line.
		text := normalize(string(data))
		if _, rest, ok := strings.Cut(strings.TrimPrefix(text, "---\n"), "\n---\n"); ok {
			sums[sha256.Sum256([]byte(normalize(rest)))] = true
		}
	}
	return sums
})

// normalize returns text with Unix line endings and without the blank
// lines and spaces around it.
func normalize(text string) string {
	return strings.TrimSpace(strings.ReplaceAll(text, "\r\n", "\n"))
}
