package post

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/locale"
	"github.com/faqcast/faqcast/generator/platform"
	"github.com/faqcast/faqcast/internal/jsonindent"
)

// FileVersion is the version of the posts.json format.
const FileVersion = 1

// JSON returns posts.json: every variant, in the order given, for tools and
// publishers.
func JSON(variants []Variant) ([]byte, error) {
	part, err := JSONPart(variants)
	if err != nil {
		return nil, err
	}
	return JoinJSON([][]byte{part}), nil
}

// JSONPart returns variants as they appear in posts.json's list of posts,
// for [JoinJSON]: a build encodes each entry's posts once and joins them
// when they change.
func JSONPart(variants []Variant) ([]byte, error) {
	if len(variants) == 0 {
		return nil, nil
	}
	// The list as posts.json indents it, without its brackets.
	b, err := jsonindent.Marshal(nil, variants, jsonIndent, jsonIndent)
	if err != nil {
		return nil, err
	}
	open, end := len("[\n"+jsonIndent+jsonIndent), len("\n"+jsonIndent+"]")
	return bytes.Clone(b[open : len(b)-end]), nil // a build keeps every entry's: no spare capacity
}

// JoinJSON returns posts.json made of parts from [JSONPart], in order:
// the same bytes as [JSON] of all their variants.
func JoinJSON(parts [][]byte) []byte {
	n := 64
	for _, p := range parts {
		n += len(p) + 8
	}
	var b bytes.Buffer
	b.Grow(n)
	// A bytes.Buffer takes every write.
	WriteJSON(&b, "", len(parts), func(i int) ([]byte, error) { return parts[i], nil })
	return b.Bytes()
}

// WriteJSON writes to w posts.json made of n parts from [JSONPart], in
// order, as [JoinJSON] does, naming the build that wrote it if build is
// not "" (as queue.json does: see the schedule package's Queue.Build);
// part(i) returns the i'th, which WriteJSON does not keep once it calls
// part again. It returns the
// first error of part or of w.
func WriteJSON(w io.Writer, build string, n int, part func(i int) ([]byte, error)) error {
	if _, err := fmt.Fprintf(w, "{\n%s\"version\": %d,\n", jsonIndent, FileVersion); err != nil {
		return err
	}
	if build != "" {
		b, err := json.Marshal(build)
		if err != nil {
			return err
		}
		if _, err := fmt.Fprintf(w, "%s\"build\": %s,\n", jsonIndent, b); err != nil {
			return err
		}
	}
	if _, err := fmt.Fprintf(w, "%s\"posts\": [", jsonIndent); err != nil {
		return err
	}
	sep := "\n" + jsonIndent + jsonIndent
	wrote := false
	for i := range n {
		p, err := part(i)
		if err != nil {
			return err
		}
		if len(p) == 0 {
			continue
		}
		if _, err := io.WriteString(w, sep); err != nil {
			return err
		}
		if _, err := w.Write(p); err != nil {
			return err
		}
		sep, wrote = ",\n"+jsonIndent+jsonIndent, true
	}
	end := "]\n}\n"
	if wrote {
		end = "\n" + jsonIndent + end
	}
	_, err := io.WriteString(w, end)
	return err
}

// jsonIndent is posts.json's indent.
const jsonIndent = "  "

// Markdown returns the review file of one entry's variants: each platform's
// text with its length against its limit, for a writer to read in a pull
// request's diff, its labels in the language of words (the site's).
func Markdown(e *entry.Entry, variants []Variant, words *locale.Locale) []byte {
	t := words.Fixed
	// Room for the file, made once: its texts, links and images, and
	// about 300 bytes of headings and labels a post.
	n := 256 + len(e.Title) + len(e.Rel)
	for _, v := range variants {
		n += 300 + len(v.Text) + len(v.Link) + len(v.LinkText)
		for _, m := range v.Media {
			n += 32 + len(m.Src) + len(m.Alt)
		}
	}
	var b bytes.Buffer
	b.Grow(n)
	fmt.Fprintf(&b, "# %s\n\n", e.Title)
	fmt.Fprintf(&b, "%s\n", t("review.intro", "file", e.Rel))
	for _, v := range variants {
		p, _ := platform.Lookup(v.Platform)
		fmt.Fprintf(&b, "\n## %s: %d / %d %s", p.Title, v.Length, v.Limit, t("units."+strings.ReplaceAll(p.Units, " ", "_")))
		if v.Override {
			fmt.Fprintf(&b, " (%s)", t("slot.own_text"))
		}
		b.WriteString("\n\n")
		fence := "```"
		for strings.Contains(v.Text, fence) {
			fence += "`"
		}
		fmt.Fprintf(&b, "%stext\n%s\n%s\n\n", fence, v.Text, fence)
		fmt.Fprintf(&b, "- %s: <%s>\n", t("slot.link"), v.Link)
		if v.LinkText != "" {
			fmt.Fprintf(&b, "- %s: `%s`\n", t("review.link_text"), v.LinkText)
		}
		if v.CTA.Type != "LINK" {
			fmt.Fprintf(&b, "- %s: %s\n", t("slot.cta"), v.CTA.Type)
		}
		for _, m := range v.Media {
			fmt.Fprintf(&b, "- %s: <%s> (%s)\n", t("slot.image"), m.Src, m.Alt)
		}
		for _, n := range v.Notes {
			fmt.Fprintf(&b, "- %s\n", t("review.note", "note", n))
		}
		for _, w := range v.Warnings {
			fmt.Fprintf(&b, "- %s\n", t("slot.warning", "warning", w))
		}
	}
	return b.Bytes()
}
