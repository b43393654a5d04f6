package reply_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/faqcast/faqcast/generator/reply"
)

// TestFileSchema checks that replies.json, as [reply.File] writes it and
// as the example practice's build wrote it, passes its JSON Schema, and that the schema is closed: a field it does
// not list fails.
func TestFileSchema(t *testing.T) {
	const id = "https://faqcast.example/schema/replies-v2.json"
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(reply.Schema()))
	if err != nil {
		t.Fatalf("replies.schema.json is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	if err := c.AddResource(id, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(id)
	if err != nil {
		t.Fatalf("replies.schema.json does not compile: %v", err)
	}
	f := &reply.File{Version: reply.FileVersion,
		Situations: []reply.SituationText{{Situation: "emergency", Title: "An emergency", When: "Someone may be in danger now.", Lang: "en", Reply: "If this is an emergency, call 911.",
			Translations: []reply.Translation{{Lang: "es", Reply: "Si es una emergencia, llame al 911."}}},
			{Situation: "entry", Title: "A question an entry answers", When: "A general question.", Lang: "en", Reply: "", Translations: []reply.Translation{}}},
		Entries: []reply.EntryReplies{{Entry: "flu-shots", Question: "Do you offer flu shots?", Questions: []string{"¿Ponen la vacuna?"},
			Replies: []reply.PlatformReply{{Platform: "x", Text: "Yes, every fall: https://clinic.example/faq/flu-shots/?utm_medium=reply", Length: 40, Limit: 280,
				Link: "https://clinic.example/faq/flu-shots/?utm_medium=reply", Notes: []string{}}}}},
	}
	js, err := f.JSON()
	if err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile(filepath.Join("..", "..", "public", "social", "replies.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		data []byte
		ok   bool
	}{
		{"as written", js, true},
		{"the example practice's", committed, true},
		{"an unknown field", bytes.Replace(js, []byte(`"version": 2,`), []byte(`"version": 2, "extra": true,`), 1), false},
		{"an unknown situation", bytes.Replace(js, []byte(`"situation": "emergency"`), []byte(`"situation": "panic"`), 1), false},
		{"a translation without its language", bytes.Replace(js, []byte(`"lang": "es",`), nil, 1), false},
		{"an unknown platform", bytes.Replace(js, []byte(`"platform": "x"`), []byte(`"platform": "myspace"`), 1), false},
	} {
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(tc.data))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if err := sch.Validate(v); (err == nil) != tc.ok {
			t.Errorf("%s: validation %v, want ok %v", tc.name, err, tc.ok)
		}
	}
}

// TestWriteJSON checks that replies.json streamed entry by entry holds the
// same bytes as the whole file encoded at once, with no entry, one and
// several.
func TestWriteJSON(t *testing.T) {
	sits := []reply.SituationText{{Situation: "other", Title: "Anything else", When: "Thanks.", Reply: "Thank you & <welcome>!"}}
	entry := func(i int) reply.EntryReplies {
		return reply.EntryReplies{Entry: fmt.Sprintf("q%d", i), Question: "Q?", Questions: []string{}, Replies: []reply.PlatformReply{
			{Platform: "x", Text: "A <b> & c", Length: 9, Limit: 280, Link: "https://clinic.example/q/?a=1&b=2", Notes: []string{"n"}},
			{Platform: "bluesky", Text: "B", Length: 1, Limit: 300, Link: "https://clinic.example/q/", LinkText: "clinic.example/q/", Override: true, Notes: []string{}},
		}}
	}
	for _, n := range []int{0, 1, 3} {
		f := &reply.File{Version: reply.FileVersion, Situations: sits, Entries: []reply.EntryReplies{}}
		for i := range n {
			f.Entries = append(f.Entries, entry(i))
		}
		want, err := f.JSON()
		if err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := reply.WriteJSON(&got, sits, n, func(i int) ([]byte, error) { return reply.EntryPart(entry(i)) }); err != nil {
			t.Fatal(err)
		}
		if got.String() != string(want) {
			t.Errorf("%d entries: streamed\n%s\nwant\n%s", n, got.String(), want)
		}
	}
	stop := errors.New("no entry")
	err := reply.WriteJSON(io.Discard, sits, 3, func(i int) ([]byte, error) {
		if i == 1 {
			return nil, stop
		}
		return reply.EntryPart(entry(i))
	})
	if !errors.Is(err, stop) {
		t.Errorf("an entry's error: WriteJSON returned %v", err)
	}
}
