package diag_test

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"testing"

	"github.com/faqcast/faqcast/internal/diag"
)

func TestPosString(t *testing.T) {
	for _, tc := range []struct {
		pos  diag.Pos
		want string
	}{
		{diag.Pos{}, ""},
		{diag.Pos{Line: 3}, "3"},
		{diag.Pos{Line: 3, Col: 7}, "3:7"},
		{diag.Pos{Col: 7}, ""}, // a column without a line means nothing
	} {
		if got := tc.pos.String(); got != tc.want {
			t.Errorf("%#v.String() = %q, want %q", tc.pos, got, tc.want)
		}
	}
}

func TestErrorString(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  *diag.Error
		want string
	}{
		{"path, line and column", diag.Errorf("content/a.md", diag.Pos{Line: 3, Col: 7}, "unknown key %q", "sumary"),
			`content/a.md:3:7: unknown key "sumary"`},
		{"path and line", diag.Errorf("templates/entry.html", diag.Pos{Line: 2}, "template: bad"),
			"templates/entry.html:2: template: bad"},
		{"path only", diag.Errorf("content", diag.Pos{}, "no content folder"),
			"content: no content folder"},
		{"position only", diag.Errorf("", diag.Pos{Line: 4, Col: 1}, "bad value"),
			"4:1: bad value"},
		{"neither", diag.Errorf("", diag.Pos{}, "something failed"),
			"something failed"},
		{"hint is not part of the text", diag.Errorf("a.md", diag.Pos{Line: 1, Col: 1}, "bad").WithHint("do %s", "better"),
			"a.md:1:1: bad"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.err.Error(); got != tc.want {
				t.Errorf("Error() = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestErrorfWraps(t *testing.T) {
	err := diag.Errorf("content/a.md", diag.Pos{Line: 1, Col: 1}, "cannot read: %w", fs.ErrPermission).WithHint("check %s", "permissions")
	if !errors.Is(err, fs.ErrPermission) {
		t.Errorf("errors.Is(%v, fs.ErrPermission) = false", err)
	}
	if err.Hint != "check permissions" {
		t.Errorf("Hint = %q, want %q", err.Hint, "check permissions")
	}
	wrapped := fmt.Errorf("building: %w", err)
	var de *diag.Error
	if !errors.As(wrapped, &de) || de != err {
		t.Errorf("errors.As did not find the *diag.Error in %v", wrapped)
	}
}

func TestPosAt(t *testing.T) {
	src := []byte("ab\nçé x\n\n🙂z")
	for _, tc := range []struct {
		name      string
		src       []byte
		off       int
		firstLine int
		want      diag.Pos
	}{
		{"start", src, 0, 1, diag.Pos{Line: 1, Col: 1}},
		{"second byte", src, 1, 1, diag.Pos{Line: 1, Col: 2}},
		{"the newline itself", src, 2, 1, diag.Pos{Line: 1, Col: 3}},
		{"after a newline", src, 3, 1, diag.Pos{Line: 2, Col: 1}},
		{"after two-byte letters", src, 7, 1, diag.Pos{Line: 2, Col: 3}},             // "çé" is 4 bytes, 2 columns
		{"after two-byte letters and a space", src, 8, 1, diag.Pos{Line: 2, Col: 4}}, // the x
		{"empty line", src, 10, 1, diag.Pos{Line: 3, Col: 1}},
		{"after a four-byte emoji", src, 15, 1, diag.Pos{Line: 4, Col: 2}},
		{"first line offset", src, 3, 10, diag.Pos{Line: 11, Col: 1}},
		{"the end", src, len(src), 1, diag.Pos{Line: 4, Col: 3}},
		{"past the end", src, len(src) + 100, 1, diag.Pos{Line: 4, Col: 3}},
		{"negative offset", src, -5, 7, diag.Pos{Line: 7, Col: 1}},
		{"empty source", nil, 3, 2, diag.Pos{Line: 2, Col: 1}},
		{"source ending in a newline", []byte("a\n"), 2, 1, diag.Pos{Line: 2, Col: 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := diag.PosAt(tc.src, tc.off, tc.firstLine); got != tc.want {
				t.Errorf("PosAt(%q, %d, %d) = %v, want %v", tc.src, tc.off, tc.firstLine, got, tc.want)
			}
		})
	}
}

func TestFlatten(t *testing.T) {
	a, b, c := errors.New("a"), errors.New("b"), errors.New("c")
	for _, tc := range []struct {
		name string
		err  error
		want []error
	}{
		{"nil", nil, nil},
		{"one", a, []error{a}},
		{"joined", errors.Join(a, b), []error{a, b}},
		{"nested", errors.Join(a, errors.Join(b, errors.Join(c))), []error{a, b, c}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := diag.Flatten(tc.err); !slices.Equal(got, tc.want) {
				t.Errorf("Flatten = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestJoin(t *testing.T) {
	at := func(path string, line, col int, msg string) error {
		return diag.Errorf(path, diag.Pos{Line: line, Col: col}, "%s", msg)
	}
	plain1, plain2 := errors.New("plain one"), errors.New("plain two")
	for _, tc := range []struct {
		name string
		errs []error
		want []string // the joined errors' texts, in order; nil for a nil error
	}{
		{"no errors", nil, nil},
		{"only nils", []error{nil, nil}, nil},
		{"empty joins", []error{errors.Join(), errors.Join(nil)}, nil},
		{"one", []error{at("a.md", 1, 1, "x")}, []string{"a.md:1:1: x"}},
		{"sorted by path, line, column", []error{
			at("b.md", 1, 1, "b1"),
			at("a.md", 10, 2, "a10"),
			at("a.md", 2, 30, "a2c30"),
			at("a.md", 2, 4, "a2c4"),
		}, []string{"a.md:2:4: a2c4", "a.md:2:30: a2c30", "a.md:10:2: a10", "b.md:1:1: b1"}},
		{"same place sorted by message", []error{at("a.md", 1, 1, "zeta"), at("a.md", 1, 1, "alpha")},
			[]string{"a.md:1:1: alpha", "a.md:1:1: zeta"}},
		{"no position before a position in the same file", []error{at("a.md", 1, 1, "line one"), at("a.md", 0, 0, "whole file")},
			[]string{"a.md: whole file", "a.md:1:1: line one"}},
		{"errors that are not *diag.Error first, in their order", []error{
			at("a.md", 1, 1, "x"), plain2, at("0.md", 1, 1, "y"), plain1,
		}, []string{"plain two", "plain one", "0.md:1:1: y", "a.md:1:1: x"}},
		{"wrapped *diag.Error sorts by its position", []error{
			at("b.md", 1, 1, "b"), fmt.Errorf("wrapped: %w", at("a.md", 1, 1, "a")),
		}, []string{"wrapped: a.md:1:1: a", "b.md:1:1: b"}},
		{"duplicates dropped", []error{
			at("a.md", 1, 1, "x"), at("b.md", 1, 1, "y"), at("a.md", 1, 1, "x"), at("b.md", 1, 1, "y"),
		}, []string{"a.md:1:1: x", "b.md:1:1: y"}},
		{"plain duplicates dropped even when apart", []error{
			plain1, plain2, errors.New("plain one"),
		}, []string{"plain one", "plain two"}},
		{"nested joins flattened", []error{
			errors.Join(at("c.md", 1, 1, "c"), errors.Join(at("a.md", 1, 1, "a"), nil)),
			diag.Join(at("b.md", 1, 1, "b"), at("a.md", 1, 1, "a")),
		}, []string{"a.md:1:1: a", "b.md:1:1: b", "c.md:1:1: c"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := diag.Join(tc.errs...)
			if tc.want == nil {
				if err != nil {
					t.Fatalf("Join = %q, want nil", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("Join = nil, want %q", tc.want)
			}
			var got []string
			for _, e := range diag.Flatten(err) {
				got = append(got, e.Error())
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("Join gives\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

// TestJoinKeepsValues checks that Join returns the very errors it was given,
// so callers can still get at each *diag.Error and its hint.
func TestJoinKeepsValues(t *testing.T) {
	e := diag.Errorf("a.md", diag.Pos{Line: 2, Col: 3}, "bad").WithHint("fix it")
	all := diag.Flatten(diag.Join(errors.New("other"), e))
	if len(all) != 2 || all[1] != error(e) {
		t.Fatalf("Join(other, e) flattens to %v", all)
	}
	var de *diag.Error
	if !errors.As(all[1], &de) || de.Hint != "fix it" {
		t.Errorf("hint lost: %#v", all[1])
	}
}

func TestSuggest(t *testing.T) {
	keys := []string{"title", "summary", "slug", "rank", "tags", "hashtags", "reviewed_by", "reviewed_on", "sources", "image", "posts", "draft", "publish_on", "expire_on"}
	for _, tc := range []struct {
		s          string
		candidates []string
		want       string
	}{
		{"sumary", keys, "summary"},          // a letter left out
		{"summmary", keys, "summary"},        // a letter doubled
		{"tittle", keys, "title"},            // one too many
		{"slgu", keys, "slug"},               // two swapped
		{"Summary", keys, "summary"},         // case
		{"TITLE", keys, "title"},             // all capitals
		{"reviewed-by", keys, "reviewed_by"}, // '-' for '_'
		{"revewed_on", keys, "reviewed_on"},
		{"publishon", keys, "publish_on"},
		{"phon", []string{"name", "phone", "fax", "email"}, "phone"},
		{"tag", keys, "tags"},
		{"colour", keys, ""},               // nothing close
		{"completely-unrelated", keys, ""}, // far from everything
		{"xy", []string{"ab", "cd"}, ""},   // short, but nothing in common
		{"q", []string{"x"}, ""},           // one letter, different
		{"X", []string{"x"}, "x"},          // one letter, same but for case
		{"rnk", []string{"rank", "tags"}, "rank"},
		{"", keys, ""},                        // nothing to go on
		{"title", nil, ""},                    // no candidates
		{"ab", []string{"abc", "abd"}, "abc"}, // ties go to the earlier candidate
		{"ab", []string{"abd", "abc"}, "abd"},
		{"bluesky", []string{"x", "bluesky"}, "bluesky"}, // exact match
		{"mastadon", []string{"x", "bluesky", "mastodon", "threads"}, "mastodon"},
	} {
		t.Run(tc.s, func(t *testing.T) {
			if got := diag.Suggest(tc.s, tc.candidates); got != tc.want {
				t.Errorf("Suggest(%q, %q) = %q, want %q", tc.s, tc.candidates, got, tc.want)
			}
		})
	}
}

func ExampleErrorf() {
	err := diag.Errorf("content/insurance.md", diag.Pos{Line: 3, Col: 7}, "unknown key %q", "sumary").
		WithHint("did you mean %q?", diag.Suggest("sumary", []string{"title", "summary"}))
	fmt.Println(err)
	fmt.Println("hint:", err.Hint)
	// Output:
	// content/insurance.md:3:7: unknown key "sumary"
	// hint: did you mean "summary"?
}
