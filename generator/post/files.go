package post

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/platform"
)

// FileVersion is the version of the posts.json format.
const FileVersion = 1

// file is posts.json.
type file struct {
	Version int       `json:"version"`
	Posts   []Variant `json:"posts"`
}

// JSON returns posts.json: every variant, in the order given, for tools and
// publishers.
func JSON(variants []Variant) ([]byte, error) {
	if variants == nil {
		variants = []Variant{}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(file{Version: FileVersion, Posts: variants}); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Markdown returns the review file of one entry's variants: each platform's
// text with its length against its limit, for a writer to read in a pull
// request's diff.
func Markdown(e *entry.Entry, variants []Variant) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", e.Title)
	fmt.Fprintf(&b, "The posts faqcast builds from `%s`. Edit the entry, not this file.\n", e.Rel)
	for _, v := range variants {
		p, _ := platform.Lookup(v.Platform)
		fmt.Fprintf(&b, "\n## %s: %d / %d %s", p.Title, v.Length, v.Limit, p.Units)
		if v.Override {
			b.WriteString(" (the writer's own text)")
		}
		b.WriteString("\n\n")
		fence := "```"
		for strings.Contains(v.Text, fence) {
			fence += "`"
		}
		fmt.Fprintf(&b, "%stext\n%s\n%s\n\n", fence, v.Text, fence)
		fmt.Fprintf(&b, "- Link: <%s>\n", v.Link)
		if v.LinkText != "" {
			fmt.Fprintf(&b, "- Link text: `%s`\n", v.LinkText)
		}
		if v.CTA.Type != "LINK" {
			fmt.Fprintf(&b, "- Call to action: %s\n", v.CTA.Type)
		}
		for _, m := range v.Media {
			fmt.Fprintf(&b, "- Image: <%s> (%s)\n", m.Src, m.Alt)
		}
		for _, n := range v.Notes {
			fmt.Fprintf(&b, "- Note: %s\n", n)
		}
		for _, w := range v.Warnings {
			fmt.Fprintf(&b, "- Warning: %s\n", w)
		}
	}
	return []byte(b.String())
}
