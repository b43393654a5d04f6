package site

import (
	"reflect"
	"testing"

	"github.com/faqcast/faqcast/generator/post"
)

// TestPreviewPostHasVariantFields checks that a PreviewPost carries every
// field of its post.Variant, of the same type and value: a field added to
// Variant must be copied too, or preview templates that show it break.
func TestPreviewPostHasVariantFields(t *testing.T) {
	v := post.Variant{
		Entry: "flu", Platform: "x", Account: "@clinic", Text: "Flu shots? #FluShot",
		Length: 19, Limit: 280, Link: "https://clinic.example/faq/flu/", LinkText: "flu",
		Hashtags: []string{"FluShot"}, Media: []post.Media{{Src: "https://clinic.example/c.png", Alt: "card"}},
		CTA: post.CTA{Type: "LINK", URL: "https://clinic.example/"}, Override: true,
		Notes: []string{"kept"}, Warnings: []string{"long"},
	}
	vt := reflect.TypeFor[post.Variant]()
	for i := range vt.NumField() {
		if f := vt.Field(i); f.IsExported() && reflect.ValueOf(v).Field(i).IsZero() {
			t.Fatalf("the test's Variant leaves %s zero: set it", f.Name)
		}
	}
	pv := &Preview{variants: []post.Variant{v}}
	pv.fill()
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
