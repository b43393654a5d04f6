package names_test

import (
	"fmt"
	"strings"

	"github.com/faqcast/faqcast/internal/names"
)

func Example() {
	l := names.Load()

	// Marcus is a common given name and Whitfield a surname; neither is
	// an English word.
	fmt.Println(l.Given("Marcus") > 100, l.Surname("Whitfield") > 10, l.Word("Whitfield"))

	// Will is a given name, but far more often a common word.
	fmt.Println(l.Given("Will") > 10, l.Word("Will"))

	// Places and well-known names take several words.
	fmt.Println(l.Place(strings.Fields("Sangamon County said")))
	fmt.Println(l.Known(strings.Fields("the Nakamura family")))
	fmt.Println(l.Known(strings.Fields("Dr. Seuss books")))
	fmt.Println(l.Known([]string{"Tylenol"}))
	// Output:
	// true true 0
	// true 90
	// 2 county
	// 0 none
	// 2 person
	// 1 brand
}
