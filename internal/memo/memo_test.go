package memo

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
)

// stage is a stage for the tests: the value of an item is its content in
// upper case, with the scope; it records what it computed.
type stage struct {
	mu       sync.Mutex
	computed []string
	fail     map[string]bool
}

func (s *stage) run(t *testing.T, tb *Table[string, string], scope string, items ...string) ([]string, Delta) {
	t.Helper()
	vals, d, err := s.try(tb, scope, items...)
	if err != nil {
		t.Fatal(err)
	}
	return vals, d
}

// try maps items, each "name=content", to their values in tb.
func (s *stage) try(tb *Table[string, string], scope string, items ...string) ([]string, Delta, error) {
	s.computed = nil
	its := make([]Item[string], len(items))
	contents := make([]string, len(items))
	for i, x := range items {
		name, content, _ := strings.Cut(x, "=")
		its[i], contents[i] = Item[string]{Name: name, Version: "v:" + content}, content
	}
	vals, d, err := tb.Map(context.Background(), scope, len(its), func(i int) Item[string] { return its[i] },
		func(i int, last string) bool { return last == scope+":"+strings.ToUpper(contents[i]) },
		func(i int) (string, error) {
			s.mu.Lock()
			s.computed = append(s.computed, its[i].Name)
			s.mu.Unlock()
			if s.fail[contents[i]] {
				return "", fmt.Errorf("%s fails", its[i].Name)
			}
			return scope + ":" + strings.ToUpper(contents[i]), nil
		})
	slices.Sort(s.computed)
	return vals, d, err
}

func TestTable(t *testing.T) {
	var tb Table[string, string]
	s := &stage{fail: map[string]bool{"bad": true}}
	for _, step := range []struct {
		what     string
		scope    string
		items    []string
		want     []string
		computed []string
		delta    Delta
	}{
		{"first", "s1", []string{"a=x", "b=y", "c=z"}, []string{"s1:X", "s1:Y", "s1:Z"}, []string{"a", "b", "c"}, Delta{All: true}},
		{"nothing changed", "s1", []string{"a=x", "b=y", "c=z"}, []string{"s1:X", "s1:Y", "s1:Z"}, nil, Delta{}},
		{"one changed", "s1", []string{"a=x", "b=w", "c=z"}, []string{"s1:X", "s1:W", "s1:Z"}, []string{"b"}, Delta{Changed: []int{1}}},
		{"scope changed", "s2", []string{"a=x", "b=w", "c=z"}, []string{"s2:X", "s2:W", "s2:Z"}, []string{"a", "b", "c"}, Delta{Changed: []int{0, 1, 2}}},
		{"one added", "s2", []string{"a=x", "b=w", "bb=q", "c=z"}, []string{"s2:X", "s2:W", "s2:Q", "s2:Z"}, []string{"bb"}, Delta{All: true}},
		{"reordered", "s2", []string{"c=z", "a=x", "bb=q", "b=w"}, []string{"s2:Z", "s2:X", "s2:Q", "s2:W"}, nil, Delta{All: true}},
		{"one fails", "s2", []string{"c=z", "a=bad", "bb=q", "b=w"}, []string{"s2:Z", "", "s2:Q", "s2:W"}, []string{"a"}, Delta{Changed: []int{1}}},
		{"the failed one is computed again", "s2", []string{"c=z", "a=x", "bb=q", "b=w"}, []string{"s2:Z", "s2:X", "s2:Q", "s2:W"}, []string{"a"}, Delta{Changed: []int{1}}},
		{"removed", "s2", []string{"c=z", "b=w"}, []string{"s2:Z", "s2:W"}, nil, Delta{All: true}},
		{"back to the start", "s1", []string{"a=x", "b=y", "c=z"}, []string{"s1:X", "s1:Y", "s1:Z"}, []string{"a", "b", "c"}, Delta{All: true}},
	} {
		gen := tb.Gen()
		got, d, err := s.try(&tb, step.scope, step.items...)
		if (err != nil) != slices.Contains(step.want, "") {
			t.Errorf("%s: error %v", step.what, err)
		}
		if !slices.Equal(got, step.want) {
			t.Errorf("%s: values %q, want %q", step.what, got, step.want)
		}
		if !slices.Equal(s.computed, step.computed) {
			t.Errorf("%s: computed %q, want %q", step.what, s.computed, step.computed)
		}
		if d.All != step.delta.All || !slices.Equal(d.Changed, step.delta.Changed) {
			t.Errorf("%s: delta %+v, want %+v", step.what, d, step.delta)
		}
		if changed := tb.Gen() != gen; changed == d.None() {
			t.Errorf("%s: Gen changed %v with delta %+v", step.what, changed, d)
		}
	}
}

// TestTableStill checks that a value whose item has a new version is taken
// as it was while it still stands for the item: an entry saved again
// unchanged.
func TestTableStill(t *testing.T) {
	type value struct {
		key string
		n   int
	}
	var tb Table[string, value]
	calls := 0
	m := func(version, key string) int {
		vals, _, err := tb.Map(context.Background(), "", 1, func(int) Item[string] { return Item[string]{"a", version} },
			func(_ int, last value) bool { return last.key == key },
			func(int) (value, error) { calls++; return value{key, calls}, nil })
		if err != nil {
			t.Fatal(err)
		}
		return vals[0].n
	}
	if m("1", "k") != 1 || m("2", "k") != 1 || m("3", "other") != 2 {
		t.Errorf("calls %d: a new version of the same key was computed again, or a new key was not", calls)
	}
}

// TestTableCanceled checks that a canceled Map remembers nothing.
func TestTableCanceled(t *testing.T) {
	var tb Table[string, string]
	s := &stage{}
	s.run(t, &tb, "s", "a=x")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _, err := tb.Map(ctx, "s", 1, func(int) Item[string] { return Item[string]{"a", "v:y"} }, func(int, string) bool { return false }, func(int) (string, error) { return "Y", nil })
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
	if got, d := s.run(t, &tb, "s", "a=x"); got[0] != "s:X" || !d.None() {
		t.Errorf("after a canceled Map: %q, %+v", got, d)
	}
}

func TestCell(t *testing.T) {
	var c Cell[int]
	calls := 0
	get := func(key string, fail bool) (int, error) {
		return c.Get(key, func() (int, error) {
			calls++
			if fail {
				return 0, errors.New("fails")
			}
			return calls, nil
		})
	}
	for _, step := range []struct {
		key   string
		fail  bool
		want  int
		calls int
	}{
		{"a", false, 1, 1},
		{"a", false, 1, 1},
		{"b", true, 0, 2},
		{"a", false, 1, 2},
		{"b", false, 3, 3},
	} {
		got, err := get(step.key, step.fail)
		if got != step.want || calls != step.calls || (err != nil) != step.fail {
			t.Errorf("Get(%q) = %d, %v after %d calls, want %d after %d", step.key, got, err, calls, step.want, step.calls)
		}
	}
	c.Forget()
	if got, _ := get("b", false); got != 4 {
		t.Errorf("after Forget: %d", got)
	}
}

// A stage that counts the words of each entry, built three times: only
// what changed is counted again.
func ExampleTable() {
	var counts Table[string, int]
	build := func(files map[string]string) {
		names := []string{"a.md", "b.md"}
		items := make([]Item[string], len(names))
		for i, n := range names {
			items[i] = Item[string]{Name: n, Version: files[n]} // a content hash, in a real build
		}
		vals, d, err := counts.Map(context.Background(), "", len(items), func(i int) Item[string] { return items[i] },
			func(int, int) bool { return false },
			func(i int) (int, error) {
				return len(strings.Fields(files[names[i]])), nil
			})
		if err != nil {
			panic(err)
		}
		fmt.Println(vals, d.All, d.Changed)
	}
	build(map[string]string{"a.md": "one two", "b.md": "three"})
	build(map[string]string{"a.md": "one two", "b.md": "three four five"})
	build(map[string]string{"a.md": "one two", "b.md": "three four five"})
	// Output:
	// [2 1] true []
	// [2 3] false [1]
	// [2 3] false []
}

// TestGathered checks that a gathered value is gathered again only when
// the Table's Gen changes, from the last value when that was gathered at
// the Gen before, and anew otherwise.
func TestGathered(t *testing.T) {
	var tb Table[string, string]
	var g Gathered[[]string]
	s := &stage{}
	var gathered string // how the last Get gathered: "", "anew" or "patched"
	get := func(scope string, items ...string) []string {
		vals, d := s.run(t, &tb, scope, items...)
		gathered = ""
		return g.Get(tb.Gen(), d, func(last []string, d Delta) []string {
			if d.All {
				gathered = "anew"
				return slices.Clone(vals)
			}
			gathered = "patched"
			out := slices.Clone(last)
			for _, i := range d.Changed {
				out[i] = vals[i]
			}
			return out
		})
	}
	for _, step := range []struct {
		items    []string
		want     []string
		gathered string
	}{
		{[]string{"a=x", "b=y"}, []string{"s:X", "s:Y"}, "anew"},
		{[]string{"a=x", "b=y"}, []string{"s:X", "s:Y"}, ""},
		{[]string{"a=x", "b=z"}, []string{"s:X", "s:Z"}, "patched"},
		{[]string{"b=z", "a=x"}, []string{"s:Z", "s:X"}, "anew"},
	} {
		if got := get("s", step.items...); !slices.Equal(got, step.want) || gathered != step.gathered {
			t.Errorf("%v: %q gathered %q, want %q gathered %q", step.items, got, gathered, step.want, step.gathered)
		}
	}
	// A Map whose value is not gathered: the next is gathered anew.
	s.run(t, &tb, "s", "b=w", "a=x")
	if got := get("s", "b=v", "a=x"); !slices.Equal(got, []string{"s:V", "s:X"}) || gathered != "anew" {
		t.Errorf("after a Map not gathered: %q gathered %q", got, gathered)
	}
}
