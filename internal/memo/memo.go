// Package memo is faqcast's incremental engine: it remembers what the
// stages of a build computed, by the keys of their inputs, so that the next
// build of the same site computes again only what depends on inputs that
// changed.
//
// A stage is a pure function of its inputs and knows nothing of this
// package. The build declares each stage's inputs as keys and asks a
// [Cell] (one value) or a [Table] (a value for each item of a list, such
// as the published entries) for its value: the remembered one while the
// keys are the same, or else the stage's, which is then remembered in
// place of the last. Keys are compared, never pointers: an item's
// [Item.Version] is made of content hashes (an entry's file's SHA-256), and
// a stage's scope and keys are digests of what they are made of.
//
// Only one build uses a Cell or a Table at a time; they are not safe for
// concurrent use, but a Table calls its stage concurrently.
package memo

import (
	"context"
	"errors"

	"github.com/faqcast/faqcast/internal/parallel"
)

// A Cell remembers one value and the key of the inputs it was computed
// from. The zero Cell remembers nothing.
type Cell[V any] struct {
	key string
	val V
	set bool
}

// Get returns the value for key: the remembered one if it was computed for
// key, or else compute's, which is remembered if compute returns no error.
func (c *Cell[V]) Get(key string, compute func() (V, error)) (V, error) {
	if c.set && c.key == key {
		return c.val, nil
	}
	v, err := compute()
	if err != nil {
		return v, err
	}
	c.key, c.val, c.set = key, v, true
	return v, nil
}

// Forget makes c remember nothing.
func (c *Cell[V]) Forget() { *c = Cell[V]{} }

// An Item is one thing of a [Table]'s list.
type Item[K comparable] struct {
	// Name is what the item is, the same from build to build: an entry's
	// file.
	Name string
	// Version is the same only while what the item's value is made of
	// is: hashes of its content. It is never the zero K.
	Version K
}

// A Delta says which of a Table's values differ from those of its last
// [Table.Map].
type Delta struct {
	// All is set when the items are not the last Map's, in the same order:
	// any value may differ.
	All bool
	// Changed lists, when All is not set, the places whose values were
	// computed again, in order.
	Changed []int
}

// None reports whether d says that no value changed.
func (d Delta) None() bool { return !d.All && len(d.Changed) == 0 }

// A Table remembers one stage's value for each item of a list, from one
// build to the next. The zero Table remembers nothing.
type Table[K comparable, V any] struct {
	items []Item[K] // a failed item's Version is the zero K: it has no value
	vals  []V
	scope string
	gen   uint64
}

// Map returns the value of each of n items, item(i) naming the i-th,
// computing again only what may have changed. Item i's value is the last
// Map's value for the same item (the same Name and Version) if scope, a
// digest of what every value depends on besides its item, is the same;
// else the last value v of the item's Name if still(i, v) reports that v
// still stands for item i (an entry saved again unchanged, or one whose
// links resolve as before); else compute(i). still and compute are called
// concurrently, and only for items whose values are not taken as they
// were. The values returned must not be changed.
//
// If compute fails for some items, Map returns the others' values with the
// errors joined, in the items' order; the failed items' values are zero and
// forgotten. If ctx is done, Map returns ctx's error and remembers nothing
// new.
func (t *Table[K, V]) Map(ctx context.Context, scope string, n int, item func(i int) Item[K], still func(i int, last V) bool, compute func(i int) (V, error)) ([]V, Delta, error) {
	sameList := n == len(t.items)
	var todo []int
	for i := 0; sameList && i < n; i++ {
		it := item(i)
		if it.Name != t.items[i].Name {
			sameList = false
		} else if scope != t.scope || it.Version != t.items[i].Version {
			todo = append(todo, i)
		}
	}
	if sameList && len(todo) == 0 {
		t.scope = scope
		return t.vals, Delta{}, nil
	}
	var items []Item[K]
	vals := make([]V, n)
	last := func(i int) int { return i } // where item i was in the last list
	if sameList {
		items = t.items
		copy(vals, t.vals)
	} else {
		items = make([]Item[K], n)
		todo = make([]int, n)
		for i := range n {
			items[i], todo[i] = item(i), i
		}
		at := make(map[string]int, len(t.items))
		for j, it := range t.items {
			at[it.Name] = j
		}
		last = func(i int) int {
			if j, ok := at[items[i].Name]; ok {
				return j
			}
			return -1
		}
	}

	var none K
	computed := make([]bool, len(todo))
	errs := make([]error, len(todo))
	err := parallel.For(ctx, len(todo), func(k int) {
		i := todo[k]
		if j := last(i); j >= 0 && t.items[j].Version != none && still(i, t.vals[j]) {
			vals[i] = t.vals[j]
			return
		}
		v, err := compute(i)
		if err != nil {
			var zero V
			v = zero
		}
		vals[i], errs[k], computed[k] = v, err, true
	})
	if err != nil {
		return nil, Delta{}, err
	}

	d := Delta{All: !sameList}
	for k, i := range todo {
		if sameList {
			items[i].Version = item(i).Version // in place: the Table's own
			if computed[k] {
				d.Changed = append(d.Changed, i)
			}
		}
		if errs[k] != nil {
			items[i].Version = none // no value: computed again
		}
	}
	if !d.None() {
		t.gen++
	}
	t.items, t.vals, t.scope = items, vals, scope
	return vals, d, errors.Join(errs...)
}

// Gen returns a number that changes whenever a Map changes a value: a
// value derived from all of t's values is the same while Gen is, and may
// be remembered by it.
func (t *Table[K, V]) Gen() uint64 { return t.gen }

// A Gathered remembers a value gathered from all of a Table's values, and
// the Table's Gen it was gathered at. The zero Gathered remembers nothing.
type Gathered[V any] struct {
	val V
	gen uint64
	set bool
}

// Get returns the value gathered from a Table's values at its Gen gen, d
// being the Delta of the Map that made them: the remembered value if it
// was gathered at gen; else gather(last, d), where last is the value
// gathered at the Gen before, which d tells apart from now; or else
// gather(zero, Delta{All: true}).
func (g *Gathered[V]) Get(gen uint64, d Delta, gather func(last V, d Delta) V) V {
	if g.set && g.gen == gen {
		return g.val
	}
	last := g.val
	if !g.set || g.gen+1 != gen {
		var zero V
		last, d = zero, Delta{All: true}
	}
	g.val, g.gen, g.set = gather(last, d), gen, true
	return g.val
}
