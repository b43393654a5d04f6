package scaffold_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/faqcast/faqcast/generator/scaffold"
)

// Start a new site, then add an entry for a new question.
func ExampleInit() {
	dir, err := os.MkdirTemp("", "faqcast-scaffold")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	site := filepath.Join(dir, "clinic")
	files, err := scaffold.Init(site, "")
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range files {
		fmt.Println(f)
	}
	path, err := scaffold.NewEntry(context.Background(), site, "Do you see walk-in patients?")
	if err != nil {
		log.Fatal(err)
	}
	rel, _ := filepath.Rel(site, path)
	fmt.Println(filepath.ToSlash(rel))
	// Output:
	// content/after-hours-care.md
	// content/first-visit.md
	// content/insurance.md
	// content/patient-portal.md
	// content/prescription-refills.md
	// faqcast.yaml
	// content/do-you-see-walk-in-patients.md
}
