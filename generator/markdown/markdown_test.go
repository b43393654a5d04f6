package markdown_test

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/faqcast/faqcast/generator/markdown"
	"github.com/faqcast/faqcast/internal/diag"
)

var update = flag.Bool("update", false, "rewrite the expected HTML in testdata/render.txt")

const caseFile = "testdata/render.txt"

// A renderCase is one case of testdata/render.txt.
//
// The file is a list of cases. Each starts with a line "@@ case NAME",
// followed by the Markdown, a line "@@ html", the HTML Render must make, and
// optionally a line "@@ links" and the Result's Links, one "dest => to" a
// line, sorted. Blank lines at the end of each part are not part of it.
// Lines before the first case are a comment.
type renderCase struct {
	name     string
	line     int // of the "@@ case" line
	markdown string
	html     string
	links    string
}

const (
	caseMark  = "@@ case "
	htmlMark  = "@@ html"
	linksMark = "@@ links"
)

// parseCases reads a case file, returning its leading comment and its cases.
func parseCases(data []byte) (string, []*renderCase, error) {
	var (
		comment strings.Builder
		cases   []*renderCase
		cur     *renderCase
		part    *string
		buf     []string
	)
	flush := func() {
		for len(buf) > 0 && strings.TrimSpace(buf[len(buf)-1]) == "" {
			buf = buf[:len(buf)-1]
		}
		if part != nil && len(buf) > 0 {
			*part = strings.Join(buf, "\n") + "\n"
		}
		buf = nil
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, caseMark):
			flush()
			cur = &renderCase{name: strings.TrimSpace(strings.TrimPrefix(line, caseMark)), line: n}
			cases = append(cases, cur)
			part = &cur.markdown
		case line == htmlMark || line == linksMark:
			if cur == nil {
				return "", nil, fmt.Errorf("%s:%d: %q before the first case", caseFile, n, line)
			}
			flush()
			part = &cur.html
			if line == linksMark {
				part = &cur.links
			}
		case cur == nil:
			comment.WriteString(line + "\n")
		default:
			buf = append(buf, line)
		}
	}
	flush()
	return comment.String(), cases, sc.Err()
}

// formatCases writes cases back in the case file's format.
func formatCases(comment string, cases []*renderCase) []byte {
	var b bytes.Buffer
	b.WriteString(comment)
	for i, c := range cases {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(caseMark + c.name + "\n")
		b.WriteString(c.markdown)
		b.WriteString(htmlMark + "\n")
		b.WriteString(c.html)
		if c.links != "" {
			b.WriteString(linksMark + "\n")
			b.WriteString(c.links)
		}
	}
	return b.Bytes()
}

// resolveTest resolves links as a build does, for a site with the entries
// a.md and b.md: "a.md#x" becomes "../a/#x", and page URLs such as "../b/"
// are kept. Anything with "missing" in it is broken.
// imageTest resolves image sources: files named "missing…" are broken, and
// the rest keep their names.
func imageTest(src string) (string, error) {
	if strings.Contains(src, "missing") {
		return "", hinted{fmt.Sprintf("image file %s not found", src), "check the file name"}
	}
	return src, nil
}

// refsTest are the test's resolvers.
var refsTest = markdown.Refs{Link: resolveTest, Image: imageTest}

func resolveTest(dest string) (string, error) {
	if strings.Contains(dest, "missing") {
		return "", hinted{fmt.Sprintf("link to a missing entry %s", dest), "check the file name"}
	}
	u, err := url.Parse(dest)
	if err != nil {
		return "", err
	}
	frag := ""
	if u.Fragment != "" {
		frag = "#" + u.EscapedFragment()
	}
	if path.Ext(u.Path) == ".md" {
		return "../" + strings.TrimSuffix(path.Base(u.Path), ".md") + "/" + frag, nil
	}
	return dest, nil
}

// hinted is a resolver error with a hint.
type hinted struct{ msg, hint string }

func (h hinted) Error() string { return h.msg }
func (h hinted) Hint() string  { return h.hint }

// linksText formats a Result's Links as the case file does.
func linksText(links map[string]string) string {
	var lines []string
	for dest, to := range links {
		lines = append(lines, dest+" => "+to+"\n")
	}
	slices.Sort(lines)
	return strings.Join(lines, "")
}

func TestRender(t *testing.T) {
	data, err := os.ReadFile(caseFile)
	if err != nil {
		t.Fatal(err)
	}
	comment, cases, err := parseCases(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatalf("%s has no cases", caseFile)
	}
	r := markdown.New()
	names := map[string]bool{}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if names[c.name] {
				t.Fatalf("%s:%d: case name %q used twice", caseFile, c.line, c.name)
			}
			names[c.name] = true
			res, err := r.Render("content/page.md", []byte(c.markdown), 1, refsTest)
			if err != nil {
				t.Fatalf("%s:%d: Render: %v", caseFile, c.line, err)
			}
			checkTags(t, res.HTML)
			html, links := string(res.HTML), linksText(res.Links)
			if *update {
				c.html, c.links = html, links
				return
			}
			if html != c.html {
				t.Errorf("%s:%d: Render(%q) =\n%s\nwant\n%s", caseFile, c.line, c.markdown, html, c.html)
			}
			if links != c.links {
				t.Errorf("%s:%d: Links =\n%s\nwant\n%s", caseFile, c.line, links, c.links)
			}
		})
	}
	if *update {
		if err := os.WriteFile(caseFile, formatCases(comment, cases), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestCaseFileRoundTrip checks that -update would not change the file's
// layout, only the expected output.
func TestCaseFileRoundTrip(t *testing.T) {
	data, err := os.ReadFile(caseFile)
	if err != nil {
		t.Fatal(err)
	}
	comment, cases, err := parseCases(data)
	if err != nil {
		t.Fatal(err)
	}
	if got := formatCases(comment, cases); !bytes.Equal(got, data) {
		t.Errorf("%s is not in canonical form; run go test -run TestRender -update", caseFile)
	}
}

// TestRenderRawHTMLNeverPassed renders every case and checks that none of
// the raw HTML in the inputs reaches the output.
func TestRenderRawHTMLNeverPassed(t *testing.T) {
	r := markdown.New()
	for _, src := range []string{
		"<script>alert(1)</script>\n",
		"Text <b onclick=x>bold</b> text.\n",
		"<div>\n\n*md*\n\n</div>\n",
		"<!-- a comment -->\n",
		"<iframe src=\"https://evil.example/\"></iframe>\n",
		"- item <img src=x onerror=alert(1)>\n",
		"| a |\n|---|\n| <svg onload=x> |\n",
	} {
		t.Run(src, func(t *testing.T) {
			res, err := r.Render("a.md", []byte(src), 1, refsTest)
			if err != nil {
				t.Fatal(err)
			}
			html := strings.ToLower(string(res.HTML))
			for _, bad := range []string{"<script", "<b ", "onclick", "<div", "<iframe", "<img", "onerror", "<svg", "onload", "javascript:", "vbscript:", "data:", "<!-- a comment"} {
				if strings.Contains(html, bad) {
					t.Errorf("Render(%q) = %q, which holds %q", src, res.HTML, bad)
				}
			}
		})
	}
}

// TestRenderReservedIDs checks that no body heading gets an id the page
// templates use, whatever the heading says.
func TestRenderReservedIDs(t *testing.T) {
	var src strings.Builder
	for _, id := range markdown.ReservedIDs {
		fmt.Fprintf(&src, "## %s\n\n## %s\n\n", id, strings.ToUpper(strings.ReplaceAll(id, "-", " ")))
	}
	res, err := markdown.New().Render("a.md", []byte(src.String()), 1, refsTest)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int{}
	for _, m := range strings.Split(string(res.HTML), ` id="`)[1:] {
		ids[m[:strings.IndexByte(m, '"')]]++
	}
	if len(ids) != 2*len(markdown.ReservedIDs) {
		t.Errorf("%d distinct ids for %d headings: %v", len(ids), 2*len(markdown.ReservedIDs), ids)
	}
	for id, n := range ids {
		if n > 1 {
			t.Errorf("id %q used %d times", id, n)
		}
		if slices.Contains(markdown.ReservedIDs, id) {
			t.Errorf("a body heading got the reserved id %q", id)
		}
	}
}

func TestIsRelative(t *testing.T) {
	for _, tc := range []struct {
		dest string
		want bool
	}{
		{"a.md", true},
		{"a.md#x", true},
		{"../b/", true},
		{"../../topics/insurance/", true},
		{"sub/a.md", true},
		{"a b.md", true}, // not a URL, but the resolver must see it
		{"%zz.md", true}, // not a URL either
		{"", false},      // an empty link is the page itself
		{"#part", false},
		{"?q=1", false},
		{"/about/", false},
		{"//cdn.example/x", false},
		{"https://example.com/", false},
		{"http://example.com/a.md", false},
		{"mailto:hello@example.com", false},
		{"tel:+15550100100", false},
		{"javascript:alert(1)", false},
		{"HTTPS://EXAMPLE.COM/", false},
	} {
		if got := markdown.IsRelative(tc.dest); got != tc.want {
			t.Errorf("IsRelative(%q) = %v, want %v", tc.dest, got, tc.want)
		}
	}
}

// failing is a resolver that fails for every destination, with a hint
// when the destination says so.
func failing(dest string) (string, error) {
	if strings.Contains(dest, "hint") {
		return "", hinted{"broken " + dest, "a hint for " + dest}
	}
	return "", errors.New("broken " + dest)
}

func TestRenderLinkErrors(t *testing.T) {
	for _, tc := range []struct {
		name      string
		src       string
		firstLine int
		resolve   markdown.Resolver
		want      []string // "line:col: message | hint"
	}{
		{"first column", "[a](x.md)\n", 1, failing,
			[]string{"1:1: broken x.md | "}},
		{"first line offset", "Text.\n\nSee [a](x.md).\n", 6, failing,
			[]string{"8:5: broken x.md | "}},
		{"several links on several lines", "See [a](x.md) and [b](../y/).\n\n- item [c](z.md#p)\n", 10, failing, []string{
			"10:5: broken x.md | ",
			"10:19: broken ../y/ | ",
			"12:8: broken z.md#p | ",
		}},
		{"hint carried", "See [the portal](hint.md).\n", 3, failing,
			[]string{"3:5: broken hint.md | a hint for hint.md"}},
		{"wrapped hint carried", "See [the portal](hint.md).\n", 1, func(dest string) (string, error) {
			_, err := failing(dest)
			return "", fmt.Errorf("wrapped: %w", err)
		}, []string{"1:5: wrapped: broken hint.md | a hint for hint.md"}},
		{"link inside emphasis", "*See [a](x.md).*\n", 1, failing,
			[]string{"1:6: broken x.md | "}},
		{"emphasis inside the link", "See [*a*](x.md) and [**b** c](y.md).\n", 1, failing, []string{
			"1:5: broken x.md | ",
			"1:21: broken y.md | ",
		}},
		{"code inside the link", "See [`a`](x.md).\n", 1, failing,
			[]string{"1:5: broken x.md | "}},
		{"empty link text", "See [](x.md).\n", 1, failing,
			[]string{"1:5: broken x.md | "}},
		{"multi-byte characters before the link", "Café – naïve 🙂 [a](x.md)\n", 2, failing,
			[]string{"2:16: broken x.md | "}},
		{"in a table", "| a | b |\n|---|---|\n| x | [c](x.md) |\n", 1, failing,
			[]string{"3:7: broken x.md | "}},
		{"in a heading", "## See [a](x.md)\n", 1, failing,
			[]string{"1:8: broken x.md | "}},
		{"in a block quote", "> quote\n> [a](x.md)\n", 1, failing,
			[]string{"2:3: broken x.md | "}},
		{"reference link, reported where it is used", "Text.\n\nSee [a][ref].\n\n[ref]: x.md\n", 1, failing,
			[]string{"3:5: broken x.md | "}},
		{"only the broken ones", "[a](a.md) [missing](missing.md) [b](b.md)\n[m2](missing-too.md)\n", 1, resolveTest, []string{
			"1:11: link to a missing entry missing.md | check the file name",
			"2:1: link to a missing entry missing-too.md | check the file name",
		}},
		{"the same link twice", "[a](x.md)\n[a](x.md)\n", 1, failing, []string{
			"1:1: broken x.md | ",
			"2:1: broken x.md | ",
		}},
		{"unsafe schemes", "[click](javascript:alert(1)) and [again](JavaScript:alert(document.cookie))\n[a](data:text/html;base64,PHNjcmlwdD4=) [b](vbscript:msgbox) [c](file:///etc/passwd) [d](java\tscript:x)\n", 1, resolveTest, []string{
			"1:1: link uses the javascript: scheme | link to a page with an https:// address, or to another entry",
			"1:34: link uses the javascript: scheme | link to a page with an https:// address, or to another entry",
			"2:1: link uses the data: scheme | link to a page with an https:// address, or to another entry",
			"2:41: link uses the vbscript: scheme | link to a page with an https:// address, or to another entry",
			"2:62: link uses the file: scheme | link to a page with an https:// address, or to another entry",
		}},
		{"images", "![](a.jpg)\n![Remote](https://cdn.example/x.png) ![Root](/img/x.png)\n![Gone](missing.png)\n", 1, resolveTest, []string{
			`1:1: image "a.jpg" has no alt text | describe what the image shows inside the brackets: ![A nurse checking blood pressure](bp.jpg)`,
			`2:1: image "https://cdn.example/x.png" is not a file in the content folder | put the image file beside the entry and name it relative to the entry; pages load nothing from other sites`,
			`2:38: image "/img/x.png" is not a file in the content folder | put the image file beside the entry and name it relative to the entry; pages load nothing from other sites`,
			"3:1: image file missing.png not found | check the file name",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := markdown.New().Render("content/page.md", []byte(tc.src), tc.firstLine, markdown.Refs{Link: tc.resolve, Image: imageTest})
			if err == nil {
				t.Fatalf("Render succeeded: %s", res.HTML)
			}
			if res != nil {
				t.Errorf("Render returned a result with an error: %+v", res)
			}
			var got []string
			for _, e := range diag.Flatten(err) {
				var de *diag.Error
				if !errors.As(e, &de) {
					t.Fatalf("%v (%T) is not a *diag.Error", e, e)
				}
				if de.Path != "content/page.md" {
					t.Errorf("Path = %q, want content/page.md", de.Path)
				}
				got = append(got, fmt.Sprintf("%s: %v | %s", de.Pos, de.Err, de.Hint))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("errors\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

// TestRenderResolverCalls checks which destinations reach the resolver.
func TestRenderResolverCalls(t *testing.T) {
	var calls []string
	resolve := func(dest string) (string, error) {
		calls = append(calls, dest)
		return resolveTest(dest)
	}
	src := "[a](a.md) [b](../b/) [c](https://example.com/) [d](mailto:x@example.com) [e](#part) [f](/root/) [g](tel:+15550100100) <https://auto.example/> www.example.com ![img](pic.png)\n"
	if _, err := markdown.New().Render("a.md", []byte(src), 1, markdown.Refs{Link: resolve, Image: imageTest}); err != nil {
		t.Fatal(err)
	}
	if want := []string{"a.md", "../b/"}; !slices.Equal(calls, want) {
		t.Errorf("resolver called with %q, want %q", calls, want)
	}
}

// TestRenderConcurrent renders with one Renderer from many goroutines; run
// with -race.
func TestRenderConcurrent(t *testing.T) {
	r := markdown.New()
	src := []byte("# Title\n\n## Part\n\nSee [a](a.md).\n")
	want, err := r.Render("a.md", src, 1, refsTest)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan []byte)
	for range 8 {
		go func() {
			res, err := r.Render("a.md", src, 1, refsTest)
			if err != nil {
				done <- nil
				return
			}
			done <- res.HTML
		}()
	}
	for range 8 {
		if got := <-done; !bytes.Equal(got, want.HTML) {
			t.Errorf("concurrent Render = %q, want %q", got, want.HTML)
		}
	}
}

func FuzzRender(f *testing.F) {
	data, err := os.ReadFile(caseFile)
	if err != nil {
		f.Fatal(err)
	}
	_, cases, err := parseCases(data)
	if err != nil {
		f.Fatal(err)
	}
	for _, c := range cases {
		f.Add([]byte(c.markdown), 1)
	}
	f.Add([]byte("[a](x.md) [b](y.md) [c](z.md) [d](w.md)\n\n*[e](v.md)*\n"), 7)
	f.Add([]byte("[a]\n\n[a]: x.md\n[b]: y.md\n\n[b][] [c](<a b.md>)"), 3)
	f.Add([]byte("# \n## \n###### x\n[](\x00.md)"), 1)
	f.Fuzz(func(t *testing.T, src []byte, firstLine int) {
		firstLine = 1 + abs(firstLine%1000)
		calls := 0
		resolve := func(dest string) (string, error) {
			calls++
			if calls%3 == 0 {
				return "", hinted{"broken", "hint"}
			}
			return resolveTest(dest)
		}
		res, err := markdown.New().Render("f.md", src, firstLine, markdown.Refs{Link: resolve})
		if err == nil {
			if res == nil {
				t.Fatal("Render returned neither a result nor an error")
			}
			checkTags(t, res.HTML)
			return
		}
		lines := strings.Split(string(src), "\n")
		for _, e := range diag.Flatten(err) {
			var de *diag.Error
			if !errors.As(e, &de) {
				t.Fatalf("%v (%T) is not a *diag.Error", e, e)
			}
			i := de.Line - firstLine
			if i < 0 || i >= len(lines) {
				t.Fatalf("error %v: line %d is outside lines %d to %d", e, de.Line, firstLine, firstLine+len(lines)-1)
			}
			if n := len([]rune(lines[i])); de.Col < 1 || de.Col > n+1 {
				t.Fatalf("error %v: column %d is outside line %d, which has %d characters", e, de.Col, de.Line, n)
			}
		}
	})
}

// goldmarkTags are the elements Render makes. Any other tag in its output
// came from raw HTML in the input.
var goldmarkTags = map[string]bool{
	"p": true, "em": true, "strong": true, "a": true, "code": true, "pre": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "ul": true, "ol": true, "li": true, "blockquote": true,
	"hr": true, "br": true, "img": true, "table": true, "thead": true, "tbody": true, "tr": true,
	"th": true, "td": true, "del": true, "input": true, "sup": true, "div": true,
}

var tagRE = regexp.MustCompile(`(?i)<(/?)([a-z][a-z0-9]*)`)

// checkTags fails t if html has a tag Render does not make itself. An h1
// is one of them: the page's only h1 is the question.
func checkTags(t *testing.T, html []byte) {
	t.Helper()
	for _, m := range tagRE.FindAllSubmatch(html, -1) {
		if !goldmarkTags[string(m[2])] {
			t.Fatalf("output has a <%s%s> tag:\n%s", m[1], m[2], html)
		}
	}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
