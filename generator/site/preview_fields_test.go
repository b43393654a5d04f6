package site

import (
	"reflect"
	"slices"
	"testing"

	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/post"
)

// fullVariant returns a post.Variant with every field set.
func fullVariant() post.Variant {
	return post.Variant{
		Entry: "flu", Platform: "x", Account: "@clinic", Text: "Flu shots? #FluShot",
		Length: 19, Limit: 280, Link: "https://clinic.example/faq/flu/", LinkText: "flu",
		Hashtags: []string{"FluShot"}, Media: []post.Media{{Src: "https://clinic.example/c.png", Alt: "card"}},
		CTA: post.CTA{Type: "LINK", URL: "https://clinic.example/"}, Override: true,
		Notes: []string{"kept"}, Warnings: []string{"long"},
	}
}

// TestPreviewPostHasVariantFields checks that a PreviewPost carries every
// field of its post.Variant, of the same type and value: a field added to
// Variant must be copied too, or preview templates that show it break.
func TestPreviewPostHasVariantFields(t *testing.T) {
	v := fullVariant()
	vt := reflect.TypeFor[post.Variant]()
	for i := range vt.NumField() {
		if f := vt.Field(i); f.IsExported() && reflect.ValueOf(v).Field(i).IsZero() {
			t.Fatalf("the test's Variant leaves %s zero: set it", f.Name)
		}
	}
	pv := &Preview{Entry: &Entry{Entry: &entry.Entry{Slug: "flu"}}}
	pv.fill(PostMaps{ByEntry: map[string][]post.Variant{"flu": {v}}})
	got := reflect.ValueOf(pv.Posts[0])
	for i := range vt.NumField() {
		f := vt.Field(i)
		if !f.IsExported() {
			continue
		}
		pf, ok := got.Type().FieldByName(f.Name)
		if !ok || pf.Type != f.Type || len(pf.Index) != 1 {
			t.Errorf("PreviewPost has no field %s %v of its own", f.Name, f.Type)
			continue
		}
		if !reflect.DeepEqual(got.FieldByIndex(pf.Index).Interface(), reflect.ValueOf(v).Field(i).Interface()) {
			t.Errorf("PreviewPost.%s = %v, want the variant's %v", f.Name, got.FieldByIndex(pf.Index), reflect.ValueOf(v).Field(i))
		}
	}
}

// TestVariantDigest checks that what a preview page's Shows digests of a
// post changes with every field of its post.Variant: a field added to
// Variant must be digested too, or preview pages that show it are not
// made again when it changes.
func TestVariantDigest(t *testing.T) {
	base := fullVariant()
	sum := func(v post.Variant) string {
		d := newDigest()
		addVariant(d, &v)
		return d.sum()
	}
	want := sum(base)
	// change gives v, a field of a Variant named name, another value.
	change := func(v reflect.Value, name string) {
		switch v.Kind() {
		case reflect.String:
			v.SetString(v.String() + "+")
		case reflect.Int:
			v.SetInt(v.Int() + 1)
		case reflect.Bool:
			v.SetBool(!v.Bool())
		default:
			t.Fatalf("field %s: the test does not change a %s", name, v.Kind())
		}
	}
	vt := reflect.TypeFor[post.Variant]()
	for i := range vt.NumField() {
		f := vt.Field(i)
		v := base
		v.Hashtags, v.Notes, v.Warnings = slices.Clone(v.Hashtags), slices.Clone(v.Notes), slices.Clone(v.Warnings)
		v.Media = slices.Clone(v.Media)
		fv := reflect.ValueOf(&v).Elem().Field(i)
		switch fv.Kind() {
		case reflect.Slice:
			// Each element's fields, and one element more.
			el := fv.Index(0)
			if el.Kind() == reflect.Struct {
				for k := range el.NumField() {
					w := v
					w.Media = slices.Clone(v.Media)
					change(reflect.ValueOf(&w).Elem().Field(i).Index(0).Field(k), f.Name)
					if sum(w) == want {
						t.Errorf("a change of %s.%s leaves the digest", f.Name, el.Type().Field(k).Name)
					}
				}
			} else {
				change(el, f.Name)
				if sum(v) == want {
					t.Errorf("a change of %s leaves the digest", f.Name)
				}
			}
			w := base
			wv := reflect.ValueOf(&w).Elem().Field(i)
			wv.Set(reflect.Append(wv, wv.Index(0)))
			if sum(w) == want {
				t.Errorf("an element more in %s leaves the digest", f.Name)
			}
		case reflect.Struct:
			for k := range fv.NumField() {
				w := base
				change(reflect.ValueOf(&w).Elem().Field(i).Field(k), f.Name)
				if sum(w) == want {
					t.Errorf("a change of %s.%s leaves the digest", f.Name, fv.Type().Field(k).Name)
				}
			}
		default:
			change(fv, f.Name)
			if sum(v) == want {
				t.Errorf("a change of %s leaves the digest", f.Name)
			}
		}
	}
}
