package site_test

import (
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"
)

// This file holds a small, strict HTML5 checker for the pages the default
// theme makes. It is stricter than browsers: every element but the void
// ones must be closed explicitly, in order, and the common content-model
// rules that make a browser silently restructure a page are errors.

// An element is one parsed HTML element.
type element struct {
	tag    string
	attrs  map[string]string // values with character references decoded
	parent *element
	line   int
	text   strings.Builder // all text inside, decoded
}

func (e *element) attr(name string) (string, bool) {
	v, ok := e.attrs[name]
	return v, ok
}

// A document is a parsed page.
type document struct {
	elems []*element // in document order
	ids   map[string]bool
}

// find returns the elements with the given tag whose attributes include
// all of attrs.
func (d *document) find(tag string, attrs ...string) []*element {
	var out []*element
next:
	for _, e := range d.elems {
		if e.tag != tag {
			continue
		}
		for i := 0; i+1 < len(attrs); i += 2 {
			if v, ok := e.attrs[attrs[i]]; !ok || v != attrs[i+1] {
				continue next
			}
		}
		out = append(out, e)
	}
	return out
}

var (
	voidElements    = set("area base br col embed hr img input link meta source track wbr")
	rawTextElements = set("script style title textarea")
	phrasing        = set("a abbr b bdi bdo br button cite code data del dfn em i img input ins kbd label mark q s samp small span strong sub sup time u var wbr script")
	phrasingOnly    = set("p h1 h2 h3 h4 h5 h6 pre span em strong code time del sup sub b i small label button a abbr cite q s u title")
	headContent     = set("meta link title script style base noscript")
	parentOf        = map[string]map[string]bool{
		"li":    set("ul ol menu"),
		"tr":    set("thead tbody tfoot table"),
		"td":    set("tr"),
		"th":    set("tr"),
		"thead": set("table"),
		"tbody": set("table"),
		"tfoot": set("table"),
		"head":  set("html"),
		"body":  set("html"),
	}

	nameRE      = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9]*`)
	attrNameRE  = regexp.MustCompile(`^[^\s"'>/=]+`)
	unquotedRE  = regexp.MustCompile("^[^\\s\"'=<>`]+")
	charRefRE   = regexp.MustCompile(`^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});`)
	doctypeHTML = "<!DOCTYPE html>"
)

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// parseHTML checks that src is a well-formed HTML5 document and parses it.
func parseHTML(src string) (*document, error) {
	d := &document{ids: map[string]bool{}}
	line := func(i int) int { return strings.Count(src[:i], "\n") + 1 }
	fail := func(i int, format string, args ...any) (*document, error) {
		return nil, fmt.Errorf("line %d: %s", line(i), fmt.Sprintf(format, args...))
	}
	if !strings.HasPrefix(src, doctypeHTML) {
		return fail(0, "does not start with %s", doctypeHTML)
	}
	var stack []*element
	addText := func(s string) {
		for _, e := range stack {
			e.text.WriteString(s)
		}
	}
	checkRefs := func(at int, s string) error {
		for j := strings.IndexByte(s, '&'); j >= 0; j = strings.IndexByte(s, '&') {
			m := charRefRE.FindString(s[j:])
			if m == "" || html.UnescapeString(m) == m {
				return fmt.Errorf("line %d: bad character reference in %q", line(at), s[j:min(len(s), j+12)])
			}
			s = s[j+len(m):]
		}
		return nil
	}
	i := len(doctypeHTML)
	for i < len(src) {
		lt := strings.IndexByte(src[i:], '<')
		if lt < 0 {
			lt = len(src) - i
		}
		if text := src[i : i+lt]; text != "" {
			if err := checkRefs(i, text); err != nil {
				return nil, err
			}
			if len(stack) == 0 && strings.TrimSpace(text) != "" {
				return fail(i, "text outside <html>: %q", text)
			}
			addText(html.UnescapeString(text))
		}
		i += lt
		if i >= len(src) {
			break
		}
		rest := src[i:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			end := strings.Index(rest[4:], "-->")
			if end < 0 {
				return fail(i, "comment never closed")
			}
			i += 4 + end + 3

		case strings.HasPrefix(rest, "</"):
			name := strings.ToLower(nameRE.FindString(rest[2:]))
			j := 2 + len(name)
			for j < len(rest) && (rest[j] == ' ' || rest[j] == '\n' || rest[j] == '\t') {
				j++
			}
			if name == "" || j >= len(rest) || rest[j] != '>' {
				return fail(i, "malformed end tag %q", rest[:min(len(rest), 20)])
			}
			if len(stack) == 0 {
				return fail(i, "</%s> with no open element", name)
			}
			if top := stack[len(stack)-1]; top.tag != name {
				return fail(i, "</%s> closes <%s> (line %d)", name, top.tag, top.line)
			}
			stack = stack[:len(stack)-1]
			i += j + 1

		default:
			name := strings.ToLower(nameRE.FindString(rest[1:]))
			if name == "" {
				return fail(i, "stray < in text: %q", rest[:min(len(rest), 20)])
			}
			e := &element{tag: name, attrs: map[string]string{}, line: line(i)}
			j := 1 + len(name)
			selfClosing := false
		attrs:
			for {
				ws := j
				for j < len(rest) && strings.ContainsRune(" \t\n\r\f", rune(rest[j])) {
					j++
				}
				if j >= len(rest) {
					return fail(i, "<%s> never ends", name)
				}
				switch {
				case rest[j] == '>':
					j++
					break attrs
				case strings.HasPrefix(rest[j:], "/>"):
					selfClosing = true
					j += 2
					break attrs
				case ws == j:
					return fail(i, "<%s>: no space before attribute at %q", name, rest[j:min(len(rest), j+20)])
				}
				an := attrNameRE.FindString(rest[j:])
				if an == "" {
					return fail(i, "<%s>: bad attribute at %q", name, rest[j:min(len(rest), j+20)])
				}
				j += len(an)
				an = strings.ToLower(an)
				if _, dup := e.attrs[an]; dup {
					return fail(i, "<%s>: attribute %s given twice", name, an)
				}
				val := ""
				if j < len(rest) && rest[j] == '=' {
					j++
					switch {
					case j < len(rest) && (rest[j] == '"' || rest[j] == '\''):
						end := strings.IndexByte(rest[j+1:], rest[j])
						if end < 0 {
							return fail(i, "<%s>: attribute %s never closed", name, an)
						}
						val = rest[j+1 : j+1+end]
						j += end + 2
					default:
						val = unquotedRE.FindString(rest[j:])
						if val == "" {
							return fail(i, "<%s>: attribute %s has no value", name, an)
						}
						j += len(val)
					}
					if err := checkRefs(i, val); err != nil {
						return nil, err
					}
				}
				e.attrs[an] = html.UnescapeString(val)
			}
			if selfClosing && !voidElements[name] {
				return fail(i, "<%s/>: only void elements may be self-closing", name)
			}

			// Where the element may stand.
			if len(stack) == 0 {
				if name != "html" || len(d.elems) > 0 {
					return fail(i, "<%s> outside <html>", name)
				}
			} else {
				parent := stack[len(stack)-1]
				e.parent = parent
				if want, ok := parentOf[name]; ok && !want[parent.tag] {
					return fail(i, "<%s> inside <%s>", name, parent.tag)
				}
				if parent.tag == "html" && name != "head" && name != "body" {
					return fail(i, "<%s> directly inside <html>", name)
				}
				if parent.tag == "head" && !headContent[name] {
					return fail(i, "<%s> inside <head>", name)
				}
				for _, a := range stack {
					if phrasingOnly[a.tag] && !phrasing[name] {
						return fail(i, "<%s> inside <%s> (line %d), which takes only phrasing content", name, a.tag, a.line)
					}
					if a.tag == "a" && name == "a" {
						return fail(i, "<a> inside <a> (line %d)", a.line)
					}
				}
			}
			if id, ok := e.attrs["id"]; ok {
				if id == "" || strings.ContainsAny(id, " \t\n") {
					return fail(i, "<%s>: bad id %q", name, id)
				}
				if d.ids[id] {
					return fail(i, "id %q used twice", id)
				}
				d.ids[id] = true
			}
			d.elems = append(d.elems, e)
			i += j

			switch {
			case voidElements[name]:
				// No content, no end tag.
			case rawTextElements[name]:
				end := strings.Index(strings.ToLower(src[i:]), "</"+name)
				if end < 0 {
					return fail(i, "<%s> never closed", name)
				}
				body := src[i : i+end]
				if name == "title" || name == "textarea" {
					if err := checkRefs(i, body); err != nil {
						return nil, err
					}
					body = html.UnescapeString(body)
				}
				e.text.WriteString(body)
				addText(body)
				i += end + len("</"+name)
				if i >= len(src) || src[i] != '>' {
					return fail(i, "malformed </%s>", name)
				}
				i++
			default:
				stack = append(stack, e)
			}
		}
	}
	if len(stack) > 0 {
		top := stack[len(stack)-1]
		return fail(len(src), "<%s> (line %d) never closed", top.tag, top.line)
	}
	for _, tag := range []string{"html", "head", "body", "title"} {
		if n := len(d.find(tag)); n != 1 {
			return fail(len(src), "%d <%s> elements, want 1", n, tag)
		}
	}
	return d, nil
}

// TestParseHTML checks the checker: it must accept good pages and catch
// the mistakes it is there to catch.
func TestParseHTML(t *testing.T) {
	page := func(head, body string) string {
		return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<title>T</title>\n" + head + "</head>\n<body>\n" + body + "\n</body>\n</html>\n"
	}
	for _, tc := range []struct {
		name, src string
		ok        bool
	}{
		{"good", page(`<meta charset="utf-8">`, `<p>a &amp; b &#43; &#x21a9;<br><a href="x?a=1&amp;b=2">x</a></p><!-- c --><ul><li>1</li></ul>`), true},
		{"script holds markup", page(`<script type="application/ld+json">{"a":"<b>"}</script>`, ""), true},
		{"no doctype", "<html><head><title>T</title></head><body></body></html>", false},
		{"unclosed element", page("", "<div><p>x</div>"), false},
		{"unclosed at the end", page("", "<div>"), false},
		{"stray end tag", page("", "</p>"), false},
		{"block in a paragraph", page("", "<p><ul><li>x</li></ul></p>"), false},
		{"block in a heading", page("", "<h2><div>x</div></h2>"), false},
		{"link in a link", page("", `<a href="a"><a href="b">x</a></a>`), false},
		{"li outside a list", page("", "<li>x</li>"), false},
		{"duplicate id", page("", `<p id="a">x</p><p id="a">y</p>`), false},
		{"empty id", page("", `<p id="">x</p>`), false},
		{"duplicate attribute", page("", `<p class="a" class="b">x</p>`), false},
		{"no space between attributes", page("", `<p class="a"id="b">x</p>`), false},
		{"self-closing div", page("", `<div/>`), false},
		{"bad character reference", page("", `<p>a &bogus; b</p>`), false},
		{"bare ampersand", page("", `<p>a & b</p>`), false},
		{"stray less-than", page("", `<p>a < b</p>`), false},
		{"body element in head", page("<p>x</p>", ""), false},
		{"two titles", page("<title>U</title>", ""), false},
		{"unclosed comment", page("", "<!-- x"), false},
		{"unclosed attribute", page("", `<p class="a>x</p>`), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseHTML(tc.src)
			if (err == nil) != tc.ok {
				t.Errorf("parseHTML(%q) error = %v, want ok = %v", tc.src, err, tc.ok)
			}
		})
	}
}
