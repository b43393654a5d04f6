package locale

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/message/catalog"

	"github.com/faqcast/faqcast/internal/diag"
)

// A msg is one message as a catalogue file or the config writes it:
// a text, or a text per plural form of its {count}.
type msg struct {
	key string
	// text is the message; forms, when not nil, its text per CLDR plural
	// form ("zero", "one", "two", "few", "many", "other"), and text is
	// then the "other" form.
	text  string
	forms map[string]string
	path  string
	pos   diag.Pos
}

// Forms are the CLDR plural forms a message may give, in CLDR's order.
var Forms = []string{"zero", "one", "two", "few", "many", "other"}

// placeholderRE matches a placeholder: a name in braces, such as {phone}.
var placeholderRE = regexp.MustCompile(`\{([a-z][a-z0-9_]*)\}`)

// placeholders returns the names of m's placeholders, sorted, once each.
func (m *msg) placeholders() []string {
	var names []string
	for _, text := range m.texts() {
		for _, sm := range placeholderRE.FindAllStringSubmatch(text, -1) {
			names = append(names, sm[1])
		}
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// texts returns m's text, or its text of every form in [Forms]' order.
func (m *msg) texts() []string {
	if m.forms == nil {
		return []string{m.text}
	}
	var out []string
	for _, f := range Forms {
		if t, ok := m.forms[f]; ok {
			out = append(out, t)
		}
	}
	return out
}

// compile returns m as a message of golang.org/x/text/message/catalog,
// whose arguments are the values of args in order: each placeholder
// becomes the argument of its name, and a plural message selects its form
// by the argument named count.
func (m *msg) compile(args []string) catalog.Message {
	if m.forms == nil {
		return catalog.String(format(m.text, args))
	}
	count := slices.Index(args, "count") + 1
	var cases []any
	for _, f := range Forms {
		if t, ok := m.forms[f]; ok {
			cases = append(cases, f, format(t, args))
		}
	}
	return plural.Selectf(count, "", cases...)
}

// format turns text into a format of package fmt whose arguments are
// args: {name} becomes %[i]v, i being name's place in args counting from
// 1, and a literal % becomes %%.
func format(text string, args []string) string {
	var b strings.Builder
	last := 0
	for _, loc := range placeholderRE.FindAllStringSubmatchIndex(text, -1) {
		b.WriteString(strings.ReplaceAll(text[last:loc[0]], "%", "%%"))
		if i := slices.Index(args, text[loc[2]:loc[3]]); i >= 0 {
			b.WriteString("%[" + strconv.Itoa(i+1) + "]v")
		} else { // checked before: cannot happen
			b.WriteString(strings.ReplaceAll(text[loc[0]:loc[1]], "%", "%%"))
		}
		last = loc[1]
	}
	b.WriteString(strings.ReplaceAll(text[last:], "%", "%%"))
	return b.String()
}
