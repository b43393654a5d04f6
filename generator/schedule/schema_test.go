package schedule

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/faqcast/faqcast/generator/platform"
)

// schemaURL is the $id of queue.schema.json.
const schemaURL = "https://faqcast.example/schema/queue-v1.json"

// compileSchema compiles [Schema] as draft 2020-12 with formats asserted.
func compileSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema()))
	if err != nil {
		t.Fatalf("queue.schema.json is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	if err := c.AddResource(schemaURL, doc); err != nil {
		t.Fatalf("adding queue.schema.json: %v", err)
	}
	sch, err := c.Compile(schemaURL)
	if err != nil {
		t.Fatalf("queue.schema.json does not compile: %v", err)
	}
	return sch
}

// validateQueue checks data, a queue.json, against [Schema] (draft
// 2020-12, formats asserted). It stops the test if the schema itself is
// broken and returns the validation error, if any.
func validateQueue(t testing.TB, data []byte) error {
	t.Helper()
	sch := compileSchema(t)
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return sch.Validate(v)
}

func TestSchemaCompiles(t *testing.T) {
	sch := compileSchema(t)
	if sch.DraftVersion != 2020 {
		t.Errorf("schema draft %d, want 2020", sch.DraftVersion)
	}
	var meta struct {
		Schema      string `json:"$schema"`
		ID          string `json:"$id"`
		Title       string `json:"title"`
		Description string `json:"description"`
		Defs        struct {
			Platform struct {
				Enum []string `json:"enum"`
			} `json:"platform"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(Schema(), &meta); err != nil {
		t.Fatal(err)
	}
	if meta.Schema != "https://json-schema.org/draft/2020-12/schema" || meta.ID != schemaURL || meta.Title == "" || meta.Description == "" {
		t.Errorf("schema header: %+v", meta)
	}
	if !slices.Equal(meta.Defs.Platform.Enum, platform.Names()) {
		t.Errorf("platform enum %q, want platform.Names() %q", meta.Defs.Platform.Enum, platform.Names())
	}
}

func TestSchemaReturnsCopy(t *testing.T) {
	a := Schema()
	a[0] = 'X'
	if b := Schema(); b[0] != '{' {
		t.Error("changing Schema's result changed the schema")
	}
}

// schemaTestQueue returns a realistic queue: three items on two platforms,
// media, a Google Business Profile CALL button and an entry left out.
func schemaTestQueue() *Queue {
	loc := testZone()
	q := &Queue{
		Version:  QueueVersion,
		Build:    "0123456789abcdef",
		Timezone: "America/Chicago",
		Items: []Item{
			testItem("flu-shots", "facebook", time.Date(2027, 3, 13, 9, 0, 0, 0, loc), "Flu shots are free for kids this week. https://clinic.example/faq/flu-shots/"),
			testItem("flu-shots", "gbp", time.Date(2027, 3, 14, 12, 30, 0, 0, loc), "Flu shots are free for kids this week."),
			testItem("sunscreen", "facebook", time.Date(2027, 3, 16, 9, 0, 0, 0, loc), "Which sunscreen? SPF 30+, every day."),
		},
		LeftOut: []LeftOut{{Entry: "old-news", Platform: "gbp", Reason: "expired before its first slot"}},
	}
	q.Items[0].Hashtags = []string{"flu", "kids"}
	q.Items[0].Media = []Media{{Src: "https://clinic.example/img/flu.jpg", Alt: "A nurse gives a child a flu shot"}}
	q.Items[1].CTA = CTA{Type: "CALL"}
	q.Items[1].Media = []Media{{Src: "https://clinic.example/img/flu-gbp.jpg", Alt: ""}}
	q.Items[2].Pinned = true
	q.Items[2].LinkText = "clinic.example/faq/sunscreen"
	return q
}

func TestSchemaAcceptsQueue(t *testing.T) {
	for name, q := range map[string]*Queue{
		"realistic": schemaTestQueue(),
		"testQueue": testQueue(),
		"empty":     {Version: 1, Timezone: "UTC", Items: []Item{}, LeftOut: []LeftOut{}},
	} {
		data, err := json.MarshalIndent(q, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := validateQueue(t, data); err != nil {
			t.Errorf("%s: valid queue rejected: %v\n%s", name, err, data)
		}
	}
}

func TestSchemaRejects(t *testing.T) {
	good, err := json.Marshal(schemaTestQueue())
	if err != nil {
		t.Fatal(err)
	}
	// Each edit changes the document as JSON values, so each case breaks
	// exactly one rule.
	tests := []struct {
		name string
		edit func(doc map[string]any)
	}{
		{"missing hash", func(d map[string]any) { delete(docItem(d, 0), "hash") }},
		{"missing media", func(d map[string]any) { delete(docItem(d, 0), "media") }},
		{"missing left_out", func(d map[string]any) { delete(d, "left_out") }},
		{"null items", func(d map[string]any) { d["items"] = nil }},
		{"null hashtags", func(d map[string]any) { docItem(d, 2)["hashtags"] = nil }},
		{"bad platform", func(d map[string]any) { docItem(d, 0)["platform"] = "myspace" }},
		{"bad left_out platform", func(d map[string]any) { docLeftOut(d)["platform"] = "Facebook" }},
		{"publish_at without offset", func(d map[string]any) { docItem(d, 0)["publish_at"] = "2027-03-13T09:00:00" }},
		{"publish_at not a time", func(d map[string]any) { docItem(d, 0)["publish_at"] = "2027-03-13T25:00:00-06:00" }},
		{"publish_at_utc with offset", func(d map[string]any) { docItem(d, 0)["publish_at_utc"] = "2027-03-13T09:00:00-06:00" }},
		{"extra top-level property", func(d map[string]any) { d["generated_at"] = "now" }},
		{"extra item property", func(d map[string]any) { docItem(d, 1)["status"] = "queued" }},
		{"extra media property", func(d map[string]any) { docItem(d, 0)["media"].([]any)[0].(map[string]any)["width"] = 1200 }},
		{"extra cta property", func(d map[string]any) { docItem(d, 1)["cta"].(map[string]any)["phone"] = "555-0100" }},
		{"version 2", func(d map[string]any) { d["version"] = 2 }},
		{"version as string", func(d map[string]any) { d["version"] = "1" }},
		{"hash without algorithm", func(d map[string]any) { docItem(d, 0)["hash"] = strings.Repeat("a", 64) }},
		{"hash too short", func(d map[string]any) { docItem(d, 0)["hash"] = "sha256:" + strings.Repeat("a", 63) }},
		{"hash upper case", func(d map[string]any) { docItem(d, 0)["hash"] = "sha256:" + strings.Repeat("A", 64) }},
		{"short id", func(d map[string]any) { docItem(d, 0)["id"] = "abc123" }},
		{"bad cta type", func(d map[string]any) { docItem(d, 1)["cta"] = map[string]any{"type": "SHOP"} }},
		{"media src not a URI", func(d map[string]any) { docItem(d, 0)["media"].([]any)[0].(map[string]any)["src"] = "flu.jpg" }},
		{"pinned as string", func(d map[string]any) { docItem(d, 2)["pinned"] = "yes" }},
		{"build not hex", func(d map[string]any) { d["build"] = "build-1" }},
		{"build too long", func(d map[string]any) { d["build"] = strings.Repeat("a", 17) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var doc map[string]any
			if err := json.Unmarshal(good, &doc); err != nil {
				t.Fatal(err)
			}
			tt.edit(doc)
			data, err := json.Marshal(doc)
			if err != nil {
				t.Fatal(err)
			}
			if err := validateQueue(t, data); err == nil {
				t.Errorf("broken queue accepted:\n%s", data)
			}
		})
	}
}

// docItem returns the i-th item of a queue document.
func docItem(doc map[string]any, i int) map[string]any {
	return doc["items"].([]any)[i].(map[string]any)
}

// docLeftOut returns the first left_out entry of a queue document.
func docLeftOut(doc map[string]any) map[string]any {
	return doc["left_out"].([]any)[0].(map[string]any)
}
