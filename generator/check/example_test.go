package check_test

import (
	"fmt"

	"github.com/faqcast/faqcast/generator/check"
)

// Scan a draft post for patient information: the practice's own phone
// number and staff are allowed, a patient's name and number are not.
func ExamplePHI() {
	allow := &check.Allow{Phones: []string{"(555) 010-0100"}, Names: []string{"Ana Lopez"}}
	text := "Happy 7th birthday, Sofia! Dr. Ana Lopez says hi. Questions? Call (555) 010-0100, not her mom's cell, (312) 555-0199."
	for _, m := range check.PHI(check.Text{Text: text}, allow) {
		fmt.Printf("%s %q\n", m.Rule, text[m.Start:m.End])
	}
	// Output:
	// PHI-NAME "Sofia"
	// PHI-PHONE "(312) 555-0199"
}

// Scan a sentence for individual advice: general education passes,
// telling the reader to change a dose does not.
func ExampleAdvice() {
	for _, text := range []string{
		"Most ear infections clear up in two or three days.",
		"If your child still has a fever, double the ibuprofen dose tonight.",
	} {
		ms := check.Advice(check.Text{Text: text})
		fmt.Println(len(ms) > 0, text)
	}
	// Output:
	// false Most ear infections clear up in two or three days.
	// true If your child still has a fever, double the ibuprofen dose tonight.
}
