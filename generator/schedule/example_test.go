package schedule_test

import (
	"fmt"
	"log"
	"time"

	"github.com/faqcast/faqcast/generator/schedule"
)

// Plan two weeks of posts for two questions on X, Mondays and Thursdays at
// nine, with New Year's Eve blacked out.
func ExamplePlan_Queue() {
	chicago, err := time.LoadLocation("America/Chicago")
	if err != nil {
		log.Fatal(err)
	}
	var slots []schedule.Slot
	for _, s := range []string{"mon 09:00", "thu 09:00"} {
		slot, err := schedule.ParseSlot(s)
		if err != nil {
			log.Fatal(err)
		}
		slots = append(slots, slot)
	}
	post := func(text string) map[string]schedule.Post {
		return map[string]schedule.Post{"x": {Text: text, Link: "https://clinic.example/"}}
	}
	p := &schedule.Plan{
		Location:  chicago,
		Start:     time.Date(2026, 12, 28, 0, 0, 0, 0, time.UTC),
		Days:      14,
		Slots:     map[string][]schedule.Slot{"x": slots},
		Platforms: []string{"x"},
		Blackout:  []time.Time{time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)},
		Entries: []schedule.Candidate{
			{Slug: "first-visit", Question: "What should I bring?", Posts: post("Bring your ID.")},
			{Slug: "flu-shots", Question: "When are flu shots?", Posts: post("Flu shots all week.")},
		},
	}
	for _, it := range p.Queue().Items {
		fmt.Println(it.PublishAt.Format("Mon Jan 2 15:04 MST"), it.Platform, it.Entry)
	}
	// Output:
	// Mon Dec 28 09:00 CST x first-visit
	// Mon Jan 4 09:00 CST x flu-shots
	// Thu Jan 7 09:00 CST x first-visit
}

// List the bulk-import files of a queue of two posts, one with an image,
// with what each tool's file holds and how staff import it.
func ExampleExports() {
	chicago, err := time.LoadLocation("America/Chicago")
	if err != nil {
		log.Fatal(err)
	}
	q := &schedule.Queue{
		Version:  schedule.QueueVersion,
		Timezone: "America/Chicago",
		Items: []schedule.Item{
			{
				Platform:  "instagram",
				PublishAt: time.Date(2027, 1, 4, 9, 0, 0, 0, chicago),
				Text:      "Flu shots all week. Link in bio.",
				Link:      "https://clinic.example/faq/flu-shots/",
				Media:     []schedule.Media{{Src: "https://clinic.example/img/flu.jpg", Alt: "A nurse with a syringe"}},
			},
			{
				Platform:  "facebook",
				PublishAt: time.Date(2027, 1, 5, 12, 30, 0, 0, chicago),
				Text:      "Bring your ID to your first visit: https://clinic.example/faq/first-visit/",
				Link:      "https://clinic.example/faq/first-visit/",
			},
		},
	}
	for _, e := range schedule.Exports(q) {
		fmt.Printf("%s (%s, %q): %d rows, images %v\n", e.Name, e.Tool, e.Platform, e.Rows, e.Images)
	}
	buffer := schedule.Exports(q)[1]
	fmt.Printf("%s\n%s", buffer.Note, buffer.Data)
	// Output:
	// buffer-facebook.csv (Buffer, "facebook"): 1 rows, images true
	// buffer-instagram.csv (Buffer, "instagram"): 1 rows, images true
	// hootsuite-facebook.csv (Hootsuite, "facebook"): 1 rows, images false
	// hootsuite-instagram.csv (Hootsuite, "instagram"): 1 rows, images false
	// publer-facebook.csv (Publer, "facebook"): 1 rows, images true
	// publer-instagram.csv (Publer, "instagram"): 1 rows, images true
	// sprout.csv (Sprout Social, ""): 2 rows, images true
	// In Buffer, open the Instagram channel, choose Bulk upload, and upload this file; Buffer posts it in the channel's time zone, which must be America/Chicago.
	// Text,Image URL,Tags,Posting Time
	// Flu shots all week. Link in bio.,https://clinic.example/img/flu.jpg,,2027-01-04 09:00
}
