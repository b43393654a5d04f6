package generator

import (
	"reflect"
	"testing"

	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/internal/cachekey"
)

// TestBodyRecord checks that a rendered body read from its record is the
// body recorded, as the entry it is read for places it.
func TestBodyRecord(t *testing.T) {
	keys := cachekey.New()
	e := &entry.Entry{Path: "content/flu.md", Hash: "abc", BodyLine: 7}
	for _, b := range []*body{
		{html: "<p>See <a href=\"../cold/\">colds</a>.</p>\n<img src=\"flu.png\" alt=\"\">\n",
			links: map[string]string{"cold.md": "../cold/", "../visits/#hours": "../visits/#hours"}, images: map[string]string{"flu.png": "flu.png"}},
		{html: "", links: map[string]string{}, images: map[string]string{}},
	} {
		got, err := readBody(appendBody(nil, b), e, keys)
		if err != nil {
			t.Fatal(err)
		}
		b.hash, b.path, b.line, b.key = e.Hash, e.Path, e.BodyLine, keys.Of(b.html)
		if !reflect.DeepEqual(got, b) {
			t.Errorf("readBody(appendBody(b)) = %+v, want %+v", got, b)
		}
	}
}

// FuzzReadBody checks that readBody takes any bytes without panicking,
// and that what it accepts it records again the same.
func FuzzReadBody(f *testing.F) {
	b := &body{html: "<p>x</p>", links: map[string]string{"a.md": "../a/"}, images: map[string]string{"i.png": "i.png"}}
	rec := appendBody(nil, b)
	f.Add(rec)
	f.Add(rec[:len(rec)-1])
	f.Add([]byte{})
	f.Add([]byte{0, 0xff, 0xff, 0xff, 0xff, 0x0f})
	keys := cachekey.New()
	e := &entry.Entry{}
	f.Fuzz(func(t *testing.T, rec []byte) {
		b, err := readBody(rec, e, keys)
		if err != nil {
			return
		}
		if again, err := readBody(appendBody(nil, b), e, keys); err != nil || !reflect.DeepEqual(again, b) {
			t.Errorf("read again: %+v, %v; want %+v", again, err, b)
		}
	})
}
