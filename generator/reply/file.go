package reply

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"slices"

	"github.com/faqcast/faqcast/internal/jsonindent"
)

// FileVersion is the version of the replies.json format. Version 2 gave
// each situation its language and its reply in the site's other
// languages.
const FileVersion = 2

// A File is the reply kit as replies.json holds it, for staff's tools: the
// practice's reply by situation and each published entry's replies.
type File struct {
	Version    int             `json:"version"`
	Situations []SituationText `json:"situations"`
	Entries    []EntryReplies  `json:"entries"`
}

// A SituationText is the practice's reply for one situation.
type SituationText struct {
	Situation string `json:"situation"`
	Title     string `json:"title"`
	// When says which comments are in the situation.
	When string `json:"when"`
	// Lang is the language of Title, When and Reply: the site's.
	Lang string `json:"lang"`
	// Reply is empty for "entry", whose reply is the entry's.
	Reply string `json:"reply"`
	// Translations are the reply in the site's other languages, in the
	// order of [Kit.Languages]; none for "entry".
	Translations []Translation `json:"translations"`
}

// A Translation is a situation's reply in another language than the
// site's.
type Translation struct {
	// Lang is its language, a BCP 47 tag.
	Lang  string `json:"lang"`
	Reply string `json:"reply"`
}

// EntryReplies is one entry's replies.
type EntryReplies struct {
	Entry     string   `json:"entry"`
	Question  string   `json:"question"`
	Questions []string `json:"questions"`
	// Replies are the entry's replies, one per platform, in the platform
	// table's order.
	Replies []PlatformReply `json:"replies"`
}

// A PlatformReply is an entry's reply on one platform.
type PlatformReply struct {
	Platform string `json:"platform"`
	Text     string `json:"text"`
	Length   int    `json:"length"`
	Limit    int    `json:"limit"`
	Link     string `json:"link"`
	LinkText string `json:"link_text,omitempty"`
	// Override is set when the text is the writer's own (reply: in front
	// matter).
	Override bool     `json:"override"`
	Notes    []string `json:"notes"`
}

// JSON returns f as replies.json: indented, in a fixed order, HTML left
// unescaped, ending in a newline.
func (f *File) JSON() ([]byte, error) {
	b, err := jsonindent.Marshal(nil, f, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// EntryPart returns er as it appears in replies.json's list of entries,
// for [WriteJSON]: a build encodes each entry's replies once.
func EntryPart(er EntryReplies) ([]byte, error) {
	b, err := jsonindent.Marshal(nil, er, "    ", "  ")
	if err != nil {
		return nil, err
	}
	return bytes.Clone(b), nil // a build keeps every entry's: no spare capacity
}

// WriteJSON writes replies.json of situations and n entries, whose parts
// (see [EntryPart]) part gives one at a time, to w: the same bytes as
// [File.JSON] of them, never held whole (46 MB at 10,000 entries).
// WriteJSON does not keep a part once part is called again. It stops at
// part's first error, and returns it.
func WriteJSON(w io.Writer, situations []SituationText, n int, part func(i int) ([]byte, error)) error {
	b, err := jsonindent.Marshal(nil, situations, "  ", "  ")
	if err != nil {
		return err
	}
	if _, err := fmt.Fprintf(w, "{\n  \"version\": %d,\n  \"situations\": %s,\n  \"entries\": [", FileVersion, b); err != nil {
		return err
	}
	for i := range n {
		p, err := part(i)
		if err != nil {
			return err
		}
		sep := ",\n    "
		if i == 0 {
			sep = "\n    "
		}
		if _, err := io.WriteString(w, sep); err != nil {
			return err
		}
		if _, err := w.Write(p); err != nil {
			return err
		}
	}
	closing := "]\n}\n"
	if n > 0 {
		closing = "\n  ]\n}\n"
	}
	_, err = io.WriteString(w, closing)
	return err
}

// schema is the JSON Schema of replies.json, embedded read-only.
//
//go:embed replies.schema.json
var schema []byte

// Schema returns the JSON Schema (draft 2020-12) of replies.json: every
// field of every object, closed to others. The result is a fresh copy the
// caller may change.
func Schema() []byte { return slices.Clone(schema) }
