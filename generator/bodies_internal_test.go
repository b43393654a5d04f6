package generator

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/markdown"
	"github.com/faqcast/faqcast/internal/cachekey"
	"github.com/faqcast/faqcast/internal/diskcache"
	"github.com/faqcast/faqcast/internal/pack"
)

// TestBodyRecord checks that a rendered body read from its record is the
// body recorded, as the entry it is read for places it: with its HTML, or
// lazy, without.
func TestBodyRecord(t *testing.T) {
	keys := cachekey.New()
	e := &entry.Entry{Path: "content/flu.md", Hash: "abc", BodyLine: 7}
	for _, b := range []*body{
		{html: "<p>See <a href=\"../cold/\">colds</a>.</p>\n<img src=\"flu.png\" alt=\"\">\n", sum: "5e1f",
			links: map[string]string{"cold.md": "../cold/", "../visits/#hours": "../visits/#hours"}, images: map[string]string{"flu.png": "flu.png"}},
		{html: "", sum: "e3b0", links: map[string]string{}, images: map[string]string{}},
	} {
		got, err := readBody(appendBody(nil, b), e, keys, true)
		if err != nil {
			t.Fatal(err)
		}
		b.hash, b.path, b.line, b.key = e.Hash, e.Path, e.BodyLine, keys.Of(b.sum)
		if !reflect.DeepEqual(got, b) {
			t.Errorf("readBody(appendBody(b)) = %+v, want %+v", got, b)
		}
		lazy, err := readBody(appendBody(nil, b), e, keys, false)
		if err != nil {
			t.Fatal(err)
		}
		want := *b
		want.html, want.lazy = "", true
		if !reflect.DeepEqual(lazy, &want) {
			t.Errorf("readBody(appendBody(b), lazy) = %+v, want %+v", lazy, &want)
		}
	}
}

// TestAnswerLazy checks that a body rendered and stored in the cache, or
// taken from it, is not held, and that its answer is read from the cache
// again, or rendered again with its references as recorded when the cache
// lost it, the same HTML each time.
func TestAnswerLazy(t *testing.T) {
	disk, err := diskcache.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	kept := keeper{disk: disk, program: "test", hits: new(atomic.Int64)}
	keys, md := cachekey.New(), markdown.New()
	e := &entry.Entry{Path: "content/flu.md", Hash: "abc", BodyLine: 5, Body: []byte("See [colds](cold.md) and ![a chart](chart.png).\n")}
	refs := markdown.Refs{
		Link:  func(dest string) (string, error) { return "../" + strings.TrimSuffix(dest, ".md") + "/", nil },
		Image: func(dest string) (string, error) { return dest, nil },
	}
	render := func() (*body, error) { return renderBody(md, keys, e, refs) }
	whole, err := render()
	if err != nil || !strings.Contains(whole.html, `href="../cold/"`) {
		t.Fatalf("rendered: %+v, %v", whole, err)
	}
	first, err := keptBody(kept, e, refs, keys, render)
	if err != nil || !first.lazy || first.html != "" || first.sum != whole.sum {
		t.Fatalf("rendered and stored: %+v, %v; want it lazy, with the HTML's sum", first, err)
	}
	again, err := keptBody(kept, e, refs, keys, func() (*body, error) {
		t.Error("rendered again, not taken from the cache")
		return render()
	})
	if err != nil || !again.lazy || again.html != "" || again.sum != first.sum || again.key != first.key {
		t.Fatalf("from the cache: %+v, %v; want it lazy, with the first's sum and key", again, err)
	}
	set := &bodySet{entries: []*entry.Entry{e}, bodies: []*body{again}, kept: kept, md: md, ck: keys}
	if got := set.answer(0); got != whole.html {
		t.Errorf("answer read again = %q, want %q", got, whole.html)
	}
	// The cache lost it: rendered again as recorded.
	entries, _ := filepath.Glob(filepath.Join(disk.Dir(), "*", "*-"+AnswersKind+"*"))
	for _, p := range entries {
		os.Remove(p)
	}
	if len(entries) == 0 {
		t.Fatal("no answer in the cache")
	}
	if got := set.answer(0); got != whole.html || set.Err() != nil {
		t.Errorf("answer rendered again = %q, %v; want %q", got, set.Err(), whole.html)
	}
	// Rendered otherwise than its sum says: an error, not a page.
	again.sum = "0000"
	if got := set.answer(0); got != "" || set.Err() == nil {
		t.Errorf("answer with another sum = %q, %v; want an error", got, set.Err())
	}
}

// TestLetGo checks that a build that let go of the entries' Markdown (see
// bodySet.letGo) still gives each answer: read from the cache by its
// Markdown's key, or rendered again from the Markdown unpacked from the
// spill; and that a spill closed too soon is an error, not an empty page.
func TestLetGo(t *testing.T) {
	disk, err := diskcache.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	spill, err := pack.NewSpill(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer spill.Close()
	pk := &pack.Packer{Spill: spill}
	kept := keeper{disk: disk, program: "test", hits: new(atomic.Int64)}
	keys, md := cachekey.New(), markdown.New()
	e := &entry.Entry{Path: "content/flu.md", Hash: "abc", BodyLine: 5, Body: []byte("Rest, fluids, and [call us](../visits/) if it lasts.\n")}
	refs := markdown.Refs{
		Link:  func(dest string) (string, error) { return dest, nil },
		Image: func(dest string) (string, error) { return dest, nil },
	}
	whole, err := renderBody(md, keys, e, refs)
	if err != nil {
		t.Fatal(err)
	}
	b, err := keptBody(kept, e, refs, keys, func() (*body, error) { return renderBody(md, keys, e, refs) })
	if err != nil || !b.lazy {
		t.Fatalf("stored: %+v, %v; want it lazy", b, err)
	}
	set := &bodySet{entries: []*entry.Entry{e}, bodies: []*body{b}, packer: pk, kept: kept, md: md, ck: keys}
	set.letGo(pk)
	if e.Body != nil {
		t.Fatalf("the entry still holds its Markdown: %q", e.Body)
	}
	if got := set.answer(0); got != whole.html || set.Err() != nil {
		t.Errorf("answer from the cache = %q, %v; want %q", got, set.Err(), whole.html)
	}
	disk.Clean()
	if got := set.answer(0); got != whole.html || set.Err() != nil {
		t.Errorf("answer rendered again = %q, %v; want %q", got, set.Err(), whole.html)
	}
	spill.Close()
	if got := set.answer(0); got != "" || set.Err() == nil {
		t.Errorf("answer with the spill closed = %q, %v; want an error", got, set.Err())
	}
}

// FuzzReadBody checks that readBody takes any bytes without panicking,
// and that what it accepts it records again the same.
func FuzzReadBody(f *testing.F) {
	b := &body{html: "<p>x</p>", sum: "ab", links: map[string]string{"a.md": "../a/"}, images: map[string]string{"i.png": "i.png"}}
	rec := appendBody(nil, b)
	f.Add(rec)
	f.Add(rec[:len(rec)-1])
	f.Add([]byte{})
	f.Add([]byte{0, 0xff, 0xff, 0xff, 0xff, 0x0f})
	keys := cachekey.New()
	e := &entry.Entry{}
	f.Fuzz(func(t *testing.T, rec []byte) {
		b, err := readBody(rec, e, keys, true)
		if err != nil {
			return
		}
		if again, err := readBody(appendBody(nil, b), e, keys, true); err != nil || !reflect.DeepEqual(again, b) {
			t.Errorf("read again: %+v, %v; want %+v", again, err, b)
		}
		if _, err := readBody(rec, e, keys, false); err != nil {
			t.Errorf("read lazy: %v, read whole: nil", err)
		}
	})
}
