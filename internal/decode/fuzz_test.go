package decode

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// nestedList is a list of lists, as deep as wanted.
type nestedList []nestedList

// fuzzTarget is decoded into by the fuzz tests. Its recursive field lets
// deeply nested and aliased input be followed all the way down.
type fuzzTarget struct {
	Page testPage               `yaml:"page"`
	Kids []fuzzTarget           `yaml:"kids"`
	Deep map[string][][]string  `yaml:"deep"`
	More map[string]*fuzzTarget `yaml:"more"`
	Nest nestedList             `yaml:"nest"`
	Pos  Positions              `yaml:"-"`
}

// checkPositions fails t unless err is nil or joins only *diag.Errors whose
// lines lie in src, which starts on line firstLine.
func checkPositions(t *testing.T, src []byte, firstLine int, err error) {
	t.Helper()
	last := firstLine + bytes.Count(src, []byte("\n"))
	for _, e := range flatten(err) {
		de, ok := diagError(e)
		if !ok {
			t.Fatalf("error %v (%T) is not a *diag.Error", e, e)
		}
		if de.Line == 0 {
			continue
		}
		if de.Line < firstLine || de.Line > last {
			t.Errorf("error %q: line %d is outside lines %d to %d", de, de.Line, firstLine, last)
		}
		if de.Col <= 0 {
			t.Errorf("error %q: no column", de)
		}
		if strings.IndexFunc(de.Error()+de.Hint, IsControl) >= 0 {
			t.Errorf("error %q, hint %q: holds a control character", de, de.Hint)
		}
	}
}

func fuzzSeeds(f *testing.F, seeds []string) {
	for _, s := range seeds {
		f.Add([]byte(s), 2)
	}
}

func FuzzYAML(f *testing.F) {
	fuzzSeeds(f, append(yamlSeeds(),
		"page:\n  title: x\nkids:\n  - page: {rank: 1}\n    kids: [{deep: {a: [[b]]}}]\n",
		"kids: &k [{kids: *k}]\n",
		"a: &a [x, x]\nb: &b [*a, *a]\ndeep: {x: [*b, *b]}\n",
		"more: {a: {<<: {kids: []}, page: {title: t}}}\n",
		"page: {title: \"a\\e\\u202eb\", tags: [\"x\\ny\"]}\ndeep: {\"k\\x07\": [[v]]}\n",
		"page:\n  title: 'x' y\n  summary: \"C:\\docs\n  tags: [a, {b: c]\n",
	))
	f.Fuzz(func(t *testing.T, src []byte, firstLine int) {
		firstLine = max(1, firstLine%1000)
		var v fuzzTarget
		err := YAML("f.md", src, firstLine, &v)
		checkPositions(t, src, firstLine, err)
	})
}

func FuzzTOML(f *testing.F) {
	fuzzSeeds(f, append(tomlSeeds(),
		"[page]\ntitle = 'x'\n[[kids]]\npage.rank = 1\n[[kids.kids]]\ndeep = {a = [['b']]}\n",
		"more.a.kids = [{page = {title = \"t\"}}, {}]\n",
	))
	f.Fuzz(func(t *testing.T, src []byte, firstLine int) {
		firstLine = max(1, firstLine%1000)
		var v fuzzTarget
		err := TOML("f.md", src, firstLine, &v)
		checkPositions(t, src, firstLine, err)
	})
}

func FuzzJSON(f *testing.F) {
	fuzzSeeds(f, append(jsonSeeds(),
		`{"page": {"title": "x"}, "kids": [{"kids": [{"deep": {"a": [["b"]]}}]}]}`,
		`{"more": {"a": null, "b": {"page": {"rank": 1e3}}}}`,
	))
	f.Fuzz(func(t *testing.T, src []byte, firstLine int) {
		firstLine = max(1, firstLine%1000)
		var v fuzzTarget
		err := JSON("f.md", src, firstLine, &v)
		checkPositions(t, src, firstLine, err)
	})
}

// FuzzYAMLPlainLines checks that the quick conversion of yaml.v3's lines
// and columns, for a document with plain lines, gives every node the
// position that the conversion by walking the document does.
func FuzzYAMLPlainLines(f *testing.F) {
	for _, src := range yamlSeeds() {
		f.Add(src, 2)
	}
	for _, src := range []string{
		"title:\nsummary: \ntags: [a,\n  b]\n",
		"a: {b: c, d: [é, ü]}\n# ñ\nc: |\n  x\n   y\n",
		"x: \"“quoted”\"\ny: 'it''s'\nz: ~\n",
		"k: v",
		"- 1\n-\n- [a, {b: }]\n",
		"? complex\n: value\n",
	} {
		f.Add(src, 1)
	}
	f.Fuzz(func(t *testing.T, src string, first int) {
		first = 1 + min(max(first, 0), 1000)
		y := newYAMLLines([]byte(src), first)
		if !y.plain {
			return
		}
		quick, walked := yamlTree(t, src), yamlTree(t, src)
		if quick == nil {
			return
		}
		y.adjust(quick)
		slow := newYAMLLines([]byte(src), first)
		slow.plain, slow.starts = false, []int{0}
		for i, c := range []byte(src) {
			if c == '\n' {
				slow.starts = append(slow.starts, i+1)
			}
		}
		slow.adjust(walked)
		var a, b []string
		for _, tree := range []struct {
			n   *yaml.Node
			out *[]string
		}{{quick, &a}, {walked, &b}} {
			stack := []*yaml.Node{tree.n}
			for len(stack) > 0 {
				n := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if n != nil {
					*tree.out = append(*tree.out, fmt.Sprintf("%d:%d %q", n.Line, n.Column, n.Value))
					stack = append(stack, n.Content...)
				}
			}
		}
		if !slices.Equal(a, b) {
			t.Errorf("quick positions %v, walked %v", a, b)
		}
	})
}

// yamlTree returns src parsed by yaml.v3, positions as it counts them, or
// nil.
func yamlTree(t *testing.T, src string) *yaml.Node {
	t.Helper()
	var doc yaml.Node
	if err := yaml.NewDecoder(strings.NewReader(src)).Decode(&doc); err != nil {
		return nil
	}
	return &doc
}
