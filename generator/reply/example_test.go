package reply_test

import (
	"fmt"

	"github.com/faqcast/faqcast/generator/reply"
)

// Find the entry that answers a comment, in English or in Spanish.
func ExampleIndex_Search() {
	ix := reply.NewIndex([]reply.Doc{
		{Slug: "flu-shot", Fields: []reply.Field{
			{Text: "When can I get a flu shot?", Weight: 3},
			{Text: "Flu vaccines are available every fall; no appointment needed.", Weight: 1},
			{Text: "¿Dónde me pongo la vacuna contra la gripe?", Weight: 3},
		}},
		{Slug: "insurance", Fields: []reply.Field{
			{Text: "Which insurance plans do you accept?", Weight: 3},
			{Text: "We accept most major plans, Medicare and Medicaid.", Weight: 1},
		}},
	})
	for _, comment := range []string{
		"Do u take Medicare?? @clinic",
		"Hola! ¿ya tienen la vacuna de la gripe? 💉",
		"Thanks so much!!",
	} {
		ms := ix.Search(comment)
		if len(ms) == 0 {
			fmt.Printf("%q: no match\n", comment)
			continue
		}
		fmt.Printf("%q: %s, coverage %.2f, matched %q\n", comment, ms[0].Slug, ms[0].Coverage, ms[0].Terms)
	}
	// Output:
	// "Do u take Medicare?? @clinic": insurance, coverage 0.44, matched ["Medicare"]
	// "Hola! ¿ya tienen la vacuna de la gripe? 💉": flu-shot, coverage 1.00, matched ["vacuna" "gripe"]
	// "Thanks so much!!": no match
}
