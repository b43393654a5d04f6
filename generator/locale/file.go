package locale

import (
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/faqcast/faqcast/internal/decode"
	"github.com/faqcast/faqcast/internal/diag"
)

// fileHint is the hint for a catalogue file that is not made as it should
// be.
const fileHint = `write one message per line, such as: answer.heading: "The short answer"; or a text per plural form under the key, as in faqcast's templates/i18n/en.yaml`

// messages reads the messages of the mapping n, a catalogue file's root or
// a language's mapping under the config's messages:, whose nodes hold the
// positions of the file path. Every problem is an error at its place.
func messages(path string, n *yaml.Node) ([]*msg, []error) {
	var errs []error
	bad := func(at *yaml.Node, hint, format string, args ...any) {
		errs = append(errs, diag.Errorf(path, decode.PosOf(at), format, args...).WithHint("%s", hint))
	}
	if n == nil {
		return nil, nil
	}
	if n.Kind == yaml.DocumentNode {
		if len(n.Content) == 0 {
			return nil, nil
		}
		n = n.Content[0]
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil, nil
	}
	if n.Kind != yaml.MappingNode {
		bad(n, fileHint, "expected messages, one per key, found %s", decode.KindOf(n))
		return nil, errs
	}
	var out []*msg
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode || k.Value == "<<" {
			bad(k, fileHint, "a message's key must be a name such as answer.heading")
			continue
		}
		if seen[k.Value] {
			bad(k, "keep one of them", "message %s is given twice", k.Value)
			continue
		}
		seen[k.Value] = true
		m := &msg{key: k.Value, path: path, pos: decode.PosOf(v)}
		switch {
		case v.Kind == yaml.ScalarNode && v.Tag != "!!null":
			m.text = v.Value
		case v.Kind == yaml.MappingNode:
			m.forms = map[string]string{}
			for j := 0; j+1 < len(v.Content); j += 2 {
				fk, fv := v.Content[j], v.Content[j+1]
				switch {
				case !slices.Contains(Forms, fk.Value):
					bad(fk, "use the plural forms "+strings.Join(Forms, ", ")+"; every message needs other",
						"message %s: %q is not a plural form", k.Value, fk.Value)
				case fv.Kind != yaml.ScalarNode || fv.Tag == "!!null":
					bad(fv, fileHint, "message %s: expected the %s form's text, found %s", k.Value, fk.Value, decode.KindOf(fv))
				case m.forms[fk.Value] != "":
					bad(fk, "keep one of them", "message %s: the %s form is given twice", k.Value, fk.Value)
				default:
					m.forms[fk.Value] = fv.Value
				}
			}
			other, ok := m.forms["other"]
			if !ok {
				bad(v, `add other: the text for any number the other forms leave, such as other: "{count} questions"`,
					"message %s has no other form", k.Value)
				continue
			}
			m.text = other
		default:
			bad(v, fileHint, "message %s: expected a text, found %s", k.Value, decode.KindOf(v))
			continue
		}
		if bad := firstControl(m.texts()); bad >= 0 {
			errs = append(errs, diag.Errorf(path, m.pos, "message %s holds the control character %U", k.Value, bad).
				WithHint("retype the message; it may have been pasted with hidden characters"))
			continue
		}
		out = append(out, m)
	}
	return out, errs
}

// firstControl returns the first control character in texts that a
// message may not hold (line feeds and tabs are allowed), or -1.
func firstControl(texts []string) rune {
	for _, t := range texts {
		for _, r := range t {
			if r != '\n' && r != '\t' && decode.IsControl(r) {
				return r
			}
		}
	}
	return -1
}
