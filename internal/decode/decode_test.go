package decode

import (
	"errors"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/faqcast/faqcast/internal/diag"
	"go.yaml.in/yaml/v3"
)

type testImage struct {
	Src     string    `yaml:"src"`
	Alt     string    `yaml:"alt"`
	Consent bool      `yaml:"consent"`
	Pos     Positions `yaml:"-"`
}

type testSource struct {
	Title string    `yaml:"title"`
	URL   string    `yaml:"url"`
	Pos   Positions `yaml:"-"`
}

type testAuthor struct {
	Name string // no tag: the key is "name"
}

type testPage struct {
	Title      string            `yaml:"title"`
	Summary    string            `yaml:"summary" alias:"description"`
	PublishOn  time.Time         `yaml:"publish_on" alias:"publishDate,publishdate"`
	ReviewedOn *time.Time        `yaml:"reviewed_on"`
	Rank       int               `yaml:"rank"`
	Small      int8              `yaml:"small"`
	Count      uint              `yaml:"count"`
	Weight     float64           `yaml:"weight"`
	Draft      bool              `yaml:"draft"`
	Featured   *bool             `yaml:"featured"`
	Tags       []string          `yaml:"tags"`
	Image      *testImage        `yaml:"image"`
	Sources    []testSource      `yaml:"sources"`
	Params     map[string]string `yaml:"params"`
	Author     testAuthor        `yaml:"author,omitempty"`
	Notes      string
	Ignored    string `yaml:"-"`
	unexported string
	Pos        Positions `yaml:"-"`
}

// flatten returns the errors joined in err.
func flatten(err error) []error { return diag.Flatten(err) }

// diagError returns e as a *diag.Error.
func diagError(e error) (*diag.Error, bool) {
	var de *diag.Error
	ok := errors.As(e, &de)
	return de, ok
}

// messages returns every error in err as "path:line:col: message", followed
// by " [hint]" when it has a hint.
func messages(err error) []string {
	var out []string
	for _, e := range flatten(err) {
		s := e.Error()
		if de, ok := diagError(e); ok && de.Hint != "" {
			s += " [" + de.Hint + "]"
		}
		out = append(out, s)
	}
	return out
}

// wantPage is what the good documents of every format decode to.
func wantPage() testPage {
	reviewed := time.Date(2026, 12, 7, 9, 30, 0, 0, time.FixedZone("", -6*3600))
	featured := true
	return testPage{
		Title:      "Flu shots",
		Summary:    "Who should get one",
		PublishOn:  time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC),
		ReviewedOn: &reviewed,
		Rank:       3,
		Count:      16,
		Weight:     1.5,
		Featured:   &featured,
		Tags:       []string{"vaccines", "flu"},
		Image:      &testImage{Src: "flu.png", Alt: "A nurse", Consent: true},
		Sources: []testSource{
			{Title: "CDC", URL: "https://cdc.gov"},
			{Title: "WHO", URL: "https://who.int"},
		},
		Params: map[string]string{"audience": "adults", "year": "2026"},
		Author: testAuthor{Name: "Dr. Ruiz"},
		Notes:  "42",
	}
}

// wantPositions lists the positions expected in a good document.
type wantPositions struct {
	page    string
	image   string
	sources [2]string
}

// checkGood checks that got is wantPage and that its positions are want.
func checkGood(t *testing.T, got testPage, want wantPositions) {
	t.Helper()
	w := wantPage()
	if !got.PublishOn.Equal(w.PublishOn) || got.PublishOn.Location() != time.UTC {
		t.Errorf("PublishOn = %v, want %v", got.PublishOn, w.PublishOn)
	}
	if got.ReviewedOn == nil || !got.ReviewedOn.Equal(*w.ReviewedOn) {
		t.Errorf("ReviewedOn = %v, want %v", got.ReviewedOn, w.ReviewedOn)
	} else if _, off := got.ReviewedOn.Zone(); off != -6*3600 {
		t.Errorf("ReviewedOn has zone offset %d, want -6h", off)
	}
	gotPos := [...]string{fmtPos(got.Pos), "", "", ""}
	if got.Image != nil {
		gotPos[1] = fmtPos(got.Image.Pos)
	}
	for i := range min(2, len(got.Sources)) {
		gotPos[2+i] = fmtPos(got.Sources[i].Pos)
	}
	wantPos := [...]string{want.page, want.image, want.sources[0], want.sources[1]}
	for i, name := range [...]string{"page", "image", "sources[0]", "sources[1]"} {
		if gotPos[i] != wantPos[i] {
			t.Errorf("positions of %s:\n got %s\nwant %s", name, gotPos[i], wantPos[i])
		}
	}
	// Compare the rest without times and positions.
	got.PublishOn, got.ReviewedOn, w.PublishOn, w.ReviewedOn = time.Time{}, nil, time.Time{}, nil
	got.Pos = nil
	if got.Image != nil {
		got.Image.Pos = nil
	}
	for i := range got.Sources {
		got.Sources[i].Pos = nil
	}
	if !reflect.DeepEqual(got, w) {
		t.Errorf("decoded\n%+v\nwant\n%+v", got, w)
	}
}

// fmtPos formats p as "key=line:col ..." in key order.
func fmtPos(p Positions) string {
	var b strings.Builder
	for i, k := range slices.Sorted(maps.Keys(p)) {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(k + "=" + p[k].String())
	}
	return b.String()
}

// errorCase is a document and the errors it must give, in order.
type errorCase struct {
	name string
	src  string
	want []string
}

// runErrorCases decodes each case with decode into a testPage, from line
// 2 of file "f.md", and checks the errors.
func runErrorCases(t *testing.T, decode func(string, []byte, int, any) error, cases []errorCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var p testPage
			err := decode("f.md", []byte(c.src), 2, &p)
			got := messages(err)
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
			checkPositions(t, []byte(c.src), 2, err)
		})
	}
}

func TestNodeProgrammingErrors(t *testing.T) {
	type badChan struct {
		C chan int `yaml:"c"`
	}
	type badNested struct {
		Inner struct {
			F func() `yaml:"f"`
		} `yaml:"inner"`
	}
	type badPtr struct {
		P **int `yaml:"p"`
	}
	type badKey struct {
		M map[int]string `yaml:"m"`
	}
	type badIface struct {
		X any `yaml:"x"`
	}
	type clash struct {
		A string `yaml:"a"`
		B string `yaml:"b" alias:"a"`
	}
	type twoPos struct {
		P1, P2 Positions
	}
	type Inline struct{ Name string }
	type inline struct {
		Inline `yaml:",inline"`
	}
	n := &yaml.Node{Kind: yaml.MappingNode}
	var p testPage
	for _, c := range []struct {
		v    any
		want string
	}{
		{nil, "f.md: decode: want a non-nil pointer to a struct, got <nil>"},
		{p, "f.md: decode: want a non-nil pointer to a struct, got decode.testPage"},
		{(*testPage)(nil), "f.md: decode: want a non-nil pointer to a struct, got *decode.testPage"},
		{new(int), "f.md: decode: want a non-nil pointer to a struct, got *int"},
		{&badChan{}, "f.md: decode: decode.badChan.C has unsupported type chan int"},
		{&badNested{}, "f.md: decode: struct { F func() \"yaml:\\\"f\\\"\" }.F has unsupported type func()"},
		{&badPtr{}, "f.md: decode: decode.badPtr.P has unsupported type **int"},
		{&badKey{}, "f.md: decode: decode.badKey.M has unsupported type map[int]string"},
		{&badIface{}, "f.md: decode: decode.badIface.X has unsupported type interface {}"},
		{&clash{}, `f.md: decode: key "a" of decode.clash is used by both decode.clash.A and decode.clash.B`},
		{&twoPos{}, "f.md: decode: decode.twoPos has more than one Positions field"},
		{&inline{}, "f.md: decode: decode.inline.Inline: inline fields are not supported"},
	} {
		for name, decode := range map[string]func() error{
			"Node": func() error { return Node("f.md", n, c.v) },
			"YAML": func() error { return YAML("f.md", nil, 1, c.v) },
			"TOML": func() error { return TOML("f.md", nil, 1, c.v) },
			"JSON": func() error { return JSON("f.md", nil, 1, c.v) },
		} {
			if got := strings.Join(messages(decode()), "\n"); got != c.want {
				t.Errorf("%s into %T:\n got %s\nwant %s", name, c.v, got, c.want)
			}
		}
	}
}

func TestNodeNil(t *testing.T) {
	var p testPage
	for _, n := range []*yaml.Node{
		nil,
		{Kind: yaml.DocumentNode},
		{Kind: yaml.DocumentNode, Content: []*yaml.Node{nil}},
		{Kind: yaml.ScalarNode, Tag: "!!null"},
		{}, // the zero Node is null, as in yaml.v3
	} {
		if err := Node("f.md", n, &p); err != nil {
			t.Errorf("Node(%+v) = %v, want nil", n, err)
		}
	}
}

func TestNodeBadTrees(t *testing.T) {
	// Trees no parser makes: an alias to nothing, a key that is a list,
	// an odd number of nodes in a mapping, a cycle through Content.
	key := func(s string, line int) *yaml.Node {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s, Line: line, Column: 1}
	}
	cyclic := &yaml.Node{Kind: yaml.MappingNode, Line: 9, Column: 1}
	cyclic.Content = []*yaml.Node{key("kids", 9), {Kind: yaml.SequenceNode, Content: []*yaml.Node{cyclic}, Line: 9, Column: 7}}
	root := &yaml.Node{Kind: yaml.MappingNode, Line: 1, Column: 1, Content: []*yaml.Node{
		key("title", 2), {Kind: yaml.AliasNode, Value: "x", Line: 2, Column: 8},
		{Kind: yaml.SequenceNode, Line: 3, Column: 1}, key("x", 3),
		key("image", 4), cyclic,
		key("tags", 5),
	}}
	var p testPage
	got := messages(Node("f.md", root, &p))
	want := []string{
		"f.md:2:8: title: alias *x refers to no anchored value",
		"f.md:3:1: expected a key name, found a list",
		`f.md:9:1: image: unknown key "kids" [known keys: alt, consent, src]`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Through a recursive type the cycle is followed until the depth limit.
	root = &yaml.Node{Kind: yaml.MappingNode, Line: 1, Column: 1, Content: []*yaml.Node{key("kids", 2), cyclic.Content[1]}}
	var v fuzzTarget
	got = messages(Node("f.md", root, &v))
	if len(got) != 1 || !strings.Contains(got[0], "nested too deeply") {
		t.Errorf("errors for a cycle: %q", got)
	}
}

func TestKeyPath(t *testing.T) {
	var root *keyPath
	p := root.child("sources").item(1).child("url")
	if got := p.String(); got != "sources[1].url" {
		t.Errorf("path = %q", got)
	}
	if got := root.prefix(); got != "" {
		t.Errorf("root prefix = %q", got)
	}
	deep := root.child("kids")
	for range 20 {
		deep = deep.item(0).child("kids")
	}
	if got := deep.String(); got != "...[0].kids[0].kids[0].kids[0].kids[0].kids[0].kids" {
		t.Errorf("deep path = %q", got)
	}
}
