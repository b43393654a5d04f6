package decode

import (
	"go.yaml.in/yaml/v3"
)

// IsControl reports whether r is a control character that text may not
// hold: a character of Unicode category Cc (the C0 and C1 controls, among
// them tab, line feed and carriage return), the line and paragraph
// separators U+2028 and U+2029, or a bidirectional embedding, override or
// isolate control (U+202A to U+202E and U+2066 to U+2069), which can make
// text show in another order than it is read in. Callers allow what their
// text may hold, such as tabs and line feeds in Markdown.
func IsControl(r rune) bool {
	// Category Cc is U+0000 to U+001F and U+007F to U+009F, and by
	// Unicode's stability policy always will be (TestIsControl).
	return r < 0x20 || 0x7F <= r && r <= 0x9F || r == '\u2028' || r == '\u2029' || isBidiControl(r)
}

// isBidiControl reports whether r is a bidirectional embedding, override
// or isolate control.
func isBidiControl(r rune) bool {
	return '\u202A' <= r && r <= '\u202E' || '\u2066' <= r && r <= '\u2069'
}

// isLineBreak reports whether r ends a line: a line feed, a carriage
// return, U+0085 (next line), U+2028 or U+2029.
func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\u0085', '\u2028', '\u2029':
		return true
	}
	return false
}

// text checks s, the text of a string value or, if key is set, of a key,
// which node n holds: it may hold no control character (see [IsControl])
// and, unless multiline is set, no line break. A multi-line text breaks its
// lines with "\n" alone. text reports the first character that breaks these
// rules, at the position of n.
func (d *decoder) text(n *yaml.Node, s string, multiline, key bool, where *keyPath) {
	what := "text"
	if key {
		what = "key"
	}
	i := 0
	for _, r := range s {
		i++
		if !IsControl(r) || r == '\n' && multiline {
			continue
		}
		if isLineBreak(r) && !multiline {
			e := d.errorf(n, where, "expected one line of %s, found a line break", what)
			switch {
			case key:
				e.WithHint("write the key on one line")
			case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
				e.WithHint("write it on one line, after the key, without | or >")
			default:
				e.WithHint("write it on one line")
			}
			return
		}
		e := d.errorf(n, where, "found %s U+%04X (character %d of the %s)", controlName(r), r, i, what)
		switch {
		case r == '\t':
			e.WithHint("use a space instead of the tab")
		case r == '\u2028' || r == '\u2029':
			e.WithHint("use an ordinary line break instead")
		case isBidiControl(r):
			e.WithHint("remove it: it can make the text show in another order than it is read in")
		default:
			e.WithHint(`remove it, and any escape that writes it, such as \e, \x07 or \0`)
		}
		return
	}
}

// controlName names the control character r for a message.
func controlName(r rune) string {
	switch {
	case r == '\t':
		return "the tab character"
	case r == '\u2028':
		return "the line separator"
	case r == '\u2029':
		return "the paragraph separator"
	case isBidiControl(r):
		return "the bidirectional control character"
	}
	return "the control character"
}
