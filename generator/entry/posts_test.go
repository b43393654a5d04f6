package entry_test

import (
	"reflect"
	"slices"
	"testing"

	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/platform"
)

// TestPostsCoverPlatforms checks that front matter takes a post text for
// every platform and for nothing else.
func TestPostsCoverPlatforms(t *testing.T) {
	var keys []string
	typ := reflect.TypeFor[entry.Posts]()
	for i := range typ.NumField() {
		if tag := typ.Field(i).Tag.Get("yaml"); tag != "-" {
			keys = append(keys, tag)
		}
	}
	slices.Sort(keys)
	if !slices.Equal(keys, platform.Names()) {
		t.Errorf("posts keys %v, platforms %v", keys, platform.Names())
	}
}

func TestPostsParse(t *testing.T) {
	src := "---\ntitle: A?\nsummary: B.\nposts:\n  x: \"Short {link}\"\n  instagram: Caption\n---\n"
	e, err := entry.Parse("content/a.md", "a.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"x": "Short {link}", "instagram": "Caption"}
	if !reflect.DeepEqual(e.Posts, want) {
		t.Errorf("Posts = %v, want %v", e.Posts, want)
	}
	if p := e.PostsPos["x"]; p.Line != 5 || p.Col != 6 {
		t.Errorf("PostsPos[x] = %v, want 5:6", p)
	}

	_, err = entry.Parse("content/a.md", "a.md", []byte("---\ntitle: A?\nsummary: B.\nposts: {twitter: x, X: y}\n---\n"))
	if err == nil {
		t.Fatal("unknown platforms accepted")
	}
	if got := err.Error(); got != "content/a.md:4:9: posts: unknown key \"twitter\"\ncontent/a.md:4:21: posts: unknown key \"X\"" {
		t.Errorf("err = %q", got)
	}
}
