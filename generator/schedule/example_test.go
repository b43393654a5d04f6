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
