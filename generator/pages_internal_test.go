package generator

import (
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/faqcast/faqcast/templates"
)

// TestOwnPages checks which templates folders make a site's pages its
// own, never kept in the cache nor between builds: any page template or
// partial that differs from faqcast's own, not a copy of them nor other
// files.
func TestOwnPages(t *testing.T) {
	copyOf := func(names ...string) fstest.MapFS {
		fsys := fstest.MapFS{}
		for _, name := range names {
			b, err := templates.FS.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			fsys[name] = &fstest.MapFile{Data: b}
		}
		return fsys
	}
	edited := copyOf("entry.html", "home.html")
	edited["home.html"] = &fstest.MapFile{Data: append(edited["home.html"].Data, "<!-- ours -->"...)}
	added := copyOf("entry.html")
	added["partials/banner.html"] = &fstest.MapFile{Data: []byte(`{{define "banner"}}Hi{{end}}`)}
	for _, c := range []struct {
		name string
		fsys fs.FS
		want bool
	}{
		{"none", nil, false},
		{"a copy of faqcast's", copyOf("entry.html", "home.html", "baseof.html"), false},
		{"posts and messages only", fstest.MapFS{"posts/x.txt": {Data: []byte("{{.Question}}")}, "i18n/en.yaml": {Data: []byte("a: b")}}, false},
		{"an edited page", edited, true},
		{"a partial of its own", added, true},
	} {
		if got := ownPages(c.fsys, templates.FS); got != c.want {
			t.Errorf("%s: ownPages = %v, want %v", c.name, got, c.want)
		}
	}
}
