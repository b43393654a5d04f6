package config_test

import (
	"fmt"
	"log"

	"github.com/faqcast/faqcast/generator/config"
)

// Read a practice's faqcast.yaml; a misspelled key is reported with its
// place in the file.
func ExampleParse() {
	cfg, err := config.Parse("faqcast.yaml", []byte(`base_url: https://clinic.example/
practice: {name: Example Clinic, phone: "(555) 010-0123"}
staff:
  - {id: ana, name: Ana Lopez, credentials: MD, role: physician, hipaa_trained: true}
`))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(cfg.Practice.Name, cfg.StaffIDs(), config.TelURL(cfg.Practice.Phone))

	_, err = config.Parse("faqcast.yaml", []byte("base_url: https://clinic.example/\npractise: {name: Example Clinic}\n"))
	fmt.Println(err)
	// Output:
	// Example Clinic [ana] tel:+15550100123
	// faqcast.yaml:2:1: unknown key "practise"
}
