package jsonindent_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/faqcast/faqcast/internal/jsonindent"
)

// indented returns src indented by encoding/json.
func indented(t testing.TB, src, prefix, indent string) string {
	var b bytes.Buffer
	if err := json.Indent(&b, []byte(src), prefix, indent); err != nil {
		t.Fatalf("json.Indent(%q): %v", src, err)
	}
	return b.String()
}

var cases = []string{
	`{}`,
	`[]`,
	`""`,
	`12.5e-3`,
	`null`,
	`{"a":1}`,
	`{"a":[],"b":{},"c":[{}],"d":[[]]}`,
	`[1,true,false,null,"x",{"y":[2,3]}]`,
	`{"text":"a \"quoted\" word, {braces} and [brackets]: here","n":-1}`,
	`{"back":"ends in a backslash\\","next":"\\\"","more":"\\\\"}`,
	`{"esc":"\u003c\u2028\n\t","ünï":"çödé ✓ 🙂"}`,
	`[[[[["deep"]]]],{"":""}]`,
}

func TestAppend(t *testing.T) {
	for _, src := range cases {
		for _, pi := range [][2]string{{"", "  "}, {"    ", "  "}, {"", "\t"}, {">", ""}} {
			got := string(jsonindent.Append([]byte("keep:"), []byte(src), pi[0], pi[1]))
			if want := "keep:" + indented(t, src, pi[0], pi[1]); got != want {
				t.Errorf("Append(%q, %q, %q) =\n%s\nwant\n%s", src, pi[0], pi[1], got, want)
			}
		}
	}
}

// TestMarshal checks that Marshal appends what an encoding/json Encoder
// writes with the same indents and no HTML escaped, but its newline.
func TestMarshal(t *testing.T) {
	values := []any{
		map[string]any{"b": []int{}, "a": "<b>&</b>", "c": map[string]any{}},
		struct {
			Text  string   `json:"text"`
			Notes []string `json:"notes"`
			Empty []string `json:"empty"`
		}{"say \"hi\" \\ there", []string{"one", "two"}, nil},
		[]any{1.5, nil, true, "x"},
		"\u2028 and <script>",
	}
	for _, v := range values {
		var want bytes.Buffer
		std := json.NewEncoder(&want)
		std.SetIndent("    ", "  ")
		std.SetEscapeHTML(false)
		if err := std.Encode(v); err != nil {
			t.Fatal(err)
		}
		got, err := jsonindent.Marshal([]byte("keep:"), v, "    ", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if w := "keep:" + strings.TrimSuffix(want.String(), "\n"); string(got) != w {
			t.Errorf("Marshal(%#v) =\n%s\nwant\n%s", v, got, w)
		}
	}
	got, err := jsonindent.Marshal([]byte("keep"), func() {}, "", "  ")
	if err == nil || string(got) != "keep" {
		t.Errorf("Marshal of a func = %q, %v; want \"keep\" and an error", got, err)
	}
}

func FuzzAppend(f *testing.F) {
	for _, c := range cases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var compact bytes.Buffer
		if json.Compact(&compact, []byte(s)) != nil {
			return
		}
		src := compact.String()
		for _, pi := range [][2]string{{"", "  "}, {"  ", "\t"}} {
			got := string(jsonindent.Append(nil, []byte(src), pi[0], pi[1]))
			if want := indented(t, src, pi[0], pi[1]); got != want {
				t.Fatalf("Append(%q, %q, %q) =\n%s\nwant\n%s", src, pi[0], pi[1], got, want)
			}
		}
	})
}

func BenchmarkAppend(b *testing.B) {
	post := `{"entry":"q00001","platform":"facebook","text":"` + strings.Repeat(`Words of an answer, \"quoted\" too. `, 20) +
		`","length":512,"limit":63206,"hashtags":["#health","#family"],"notes":[],"media":[{"src":"/faq/q00001/card.png","alt":"A card"}]}`
	src := []byte("[" + strings.Repeat(post+",", 49) + post + "]")
	b.Run("jsonindent", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		var dst []byte
		for b.Loop() {
			dst = jsonindent.Append(dst[:0], src, "    ", "  ")
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		var dst bytes.Buffer
		for b.Loop() {
			dst.Reset()
			json.Indent(&dst, src, "    ", "  ")
		}
	})
}
