package decode

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// v3Document parses src with yaml.v3 alone, as YAMLNode does when
// plainYAML does not parse it; ok is false for an error or a second
// document.
func v3Document(src []byte) (*yaml.Node, bool) {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		return nil, false
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return nil, false
	}
	return &doc, true
}

// samePlain checks that, where plainYAML parses src, yaml.v3 makes the
// same tree of it, and reports whether plainYAML parsed it.
func samePlain(t *testing.T, src []byte) bool {
	t.Helper()
	got, ok := plainYAML(src)
	if !ok {
		return false
	}
	want, ok := v3Document(src)
	if !ok {
		t.Fatalf("plainYAML parsed %q, which yaml.v3 refuses", src)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("plainYAML(%q) differs from yaml.v3's tree:\n got: %s\nwant: %s", src, dumpNode(got), dumpNode(want))
	}
	return true
}

// dumpNode prints a tree, a node a line.
func dumpNode(n *yaml.Node) string {
	var b strings.Builder
	var walk func(n *yaml.Node, indent string)
	walk = func(n *yaml.Node, indent string) {
		fmt.Fprintf(&b, "\n%skind %d tag %q style %d value %q at %d:%d", indent, n.Kind, n.Tag, n.Style, n.Value, n.Line, n.Column)
		for _, c := range n.Content {
			walk(c, indent+"  ")
		}
	}
	walk(n, "")
	return b.String()
}

// plainSeeds are front matter plainYAML parses: the example practice's
// shape, the synthetic sites', and more.
var plainSeeds = []string{
	// The synthetic sites' (cmd/faqcast-corpus).
	`title: "Can I ask about an eye test for my child?"
summary: "Our team can help with an eye test. Call us or send a note in the portal, and we will walk you through each step."
tags: [travel, vaccines]
hashtags: [Travel, Vaccines, PatientTips]
reviewed_by: alopez
reviewed_on: 2026-09-20
sources:
  - {title: "Laboratory Tests (MedlinePlus)", url: "https://medlineplus.gov/laboratorytests.html"}
  - {title: "Healthy Habits (CDC)", url: "https://www.cdc.gov/healthy-weight-growth/index.html"}
`,
	// The example practice's.
	`title: What should I bring to my first visit?
summary: Bring a photo ID, your insurance card, a list of your medicines and any past records. Plan to arrive 15 minutes early to check in.
rank: 1
questions:
  - "What do I need to bring to my first appointment?"
  - "¿Qué debo traer a mi primera cita?"
tags: [first visit, appointments]
hashtags: [NewPatient, PatientTips, FirstVisit]
reviewed_by: dreyes
reviewed_on: 2026-10-02
sources:
  - title: Talking With Your Doctor (MedlinePlus)
    url: https://medlineplus.gov/talkingwithyourdoctor.html
  - title: Questions to Ask Your Doctor (AHRQ)
    url: https://www.ahrq.gov/questions/index.html
posts:
  x: "New patient? Here is what to bring: https://riverbend.example/faq/first-visit/"
`,
	"title: ¿Cuándo abren?\nimage:\n  src: images/door.jpg\n  alt: The front door, open.\n",
	"a: b\n",
	"a: [ ]\nb: []\n",
	"draft: yes\nlanguage: es\n",
	"list:\n    - one\n    - two words\n    - 3\n",
	"x: \"\"\n",
	"k: It's the 1st, [really] {so} & *not* !bad @all %x |y >z\n",
	"nested:\n  list:\n  - a\n  deeper:\n    - b: c\n      d: e\n",
	"items:\n- name: A\n  tags: [x, y z]\n  more:\n    - 12\n    - \"q\"\n- {a: b, c: \"d\"}\n- plain text, with commas\nafter: 2026-01-31\n",
	"sources:\n  - title: Ask (CDC)\n    url: https://www.cdc.gov/a/b.html?x=1&y=2\n    note:\n      by: Staff\n",
}

// TestPlainYAML checks plainYAML against yaml.v3 on the seeds, which it
// must parse, and on text it must leave to yaml.v3.
func TestPlainYAML(t *testing.T) {
	for _, src := range plainSeeds {
		if !samePlain(t, []byte(src)) {
			t.Errorf("plainYAML does not parse %q", src)
		}
	}
	for _, src := range []string{
		"",
		"a: b # comment\n",
		"a:\tb\n",
		"a: b\na: c\n",
		"a: true\n",
		"a: null\n",
		"a:\n",
		"a:\nb: c\n",
		"a: 2026-13-01\n",
		"a: 0123\n",
		"a: 1.5\n",
		"a: -1\n",
		"a: b\n\nc: d\n",
		"a: one\n  two\n",
		`a: "\n"` + "\n",
		"a: \"x\" y\n",
		"---\na: b\n",
		"a: b\n---\nc: d\n",
		"a: b: c\n",
		"a: [b: c]\n",
		"a: &x b\n",
		"a:b\n",
		" a: b\n",
		"a: b\r\n",
		"- a\n",
		"a: 'b'\n",
		"a: |\n  b\n",
		"a: {b: c}\n",
	} {
		if samePlain(t, []byte(src)) {
			t.Errorf("plainYAML parsed %q, which it should leave to yaml.v3", src)
		}
	}
}

// TestPlainYAMLExample checks that the example practice's entries take the
// quick way, and agree with yaml.v3.
func TestPlainYAMLExample(t *testing.T) {
	files, err := filepath.Glob("../../content/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no example entries: %v", err)
	}
	parsed := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		_, rest, ok := bytes.Cut(data, []byte("---\n"))
		front, _, ok2 := bytes.Cut(rest, []byte("\n---\n"))
		if !ok || !ok2 {
			continue
		}
		if samePlain(t, append(front, '\n')) {
			parsed++
		}
	}
	if parsed*2 < len(files) {
		t.Errorf("plainYAML parsed %d of the example's %d entries, want most", parsed, len(files))
	}
}

func FuzzPlainYAML(f *testing.F) {
	for _, s := range plainSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		samePlain(t, []byte(src))
	})
}

// BenchmarkYAMLNode parses the seeds, as plainYAML does, and with yaml.v3
// alone, as YAMLNode does for text of another shape.
func BenchmarkYAMLNode(b *testing.B) {
	for _, name := range []string{"synthetic", "example"} {
		src := []byte(plainSeeds[map[string]int{"synthetic": 0, "example": 1}[name]])
		b.Run(name+"/plain", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := YAMLNode("a.md", src, 2); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(name+"/yaml.v3", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, ok := v3Document(src); !ok {
					b.Fatal("yaml.v3 refused it")
				}
			}
		})
	}
}
