package markdown_test

import (
	"fmt"
	"log"

	"github.com/faqcast/faqcast/generator/markdown"
)

// Render an answer, resolving its link to another entry's file to that
// entry's page. Raw HTML is never passed through.
func ExampleRenderer_Render() {
	r := markdown.New()
	src := []byte("See [what to bring](bring.md).\n\n<script>alert(1)</script>\n")
	res, err := r.Render("content/hours.md", src, 5, markdown.Refs{
		Link: func(dest string) (string, error) {
			if dest == "bring.md" {
				return "../first-visit/", nil
			}
			return "", fmt.Errorf("no entry %s", dest)
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(string(res.HTML))
	fmt.Println(res.Links)
	// Output:
	// <p>See <a href="../first-visit/">what to bring</a>.</p>
	// <!-- raw HTML omitted -->
	// map[bring.md:../first-visit/]
}
