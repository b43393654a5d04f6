// Package check finds what must not be published in a patient-education
// entry: patient information (HIPAA's Safe Harbor identifiers), individual
// medical advice and unsupported claims, missing medical review, and text
// too hard to read.
//
// Each rule has an ID such as PHI-PHONE and a default severity; a site may
// change severities in faqcast.yaml, and a writer may allow one reviewed line
// with a comment on the line before it:
//
//	<!-- faqcast:allow PHI-DATE the clinic's own founding date -->
package check

import (
	"unicode/utf8"

	"github.com/faqcast/faqcast/internal/diag"
)

// A Severity says how much a finding matters.
type Severity int

// The severities. An error keeps the entry from being built.
const (
	Note Severity = iota
	Warning
	Error
)

// String returns "note", "warning" or "error".
func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "note"
}

// A Finding is one problem a rule found.
type Finding struct {
	Path     string
	Pos      diag.Pos
	Severity Severity
	// Rule is the rule's ID, such as PHI-PHONE.
	Rule    string
	Message string
	Hint    string
}

// A Text is a piece of an entry to scan: a front matter value or the body.
type Text struct {
	// Field names the piece for messages: "title", "summary", "body",
	// "posts.x" …
	Field string
	Text  string
	// Path is the entry's file; Line and Col are where Text[0] stands in
	// it (1-based; Col counts characters).
	Path      string
	Line, Col int
	// Lang is the text's language, a BCP 47 tag; "" for the site's (see
	// [Settings.Language]). Spanish texts are also checked by the
	// Spanish advice and claim rules.
	Lang string
}

// Pos returns the position in the file of byte offset off in t.Text.
func (t Text) Pos(off int) diag.Pos {
	off = min(max(off, 0), len(t.Text))
	line, start := t.Line, 0
	for i := 0; i < off; i++ {
		if t.Text[i] == '\n' {
			line++
			start = i + 1
		}
	}
	col := utf8.RuneCountInString(t.Text[start:off]) + 1
	if line == t.Line {
		col += t.Col - 1
	}
	return diag.Pos{Line: line, Col: col}
}

// A Match is a span of a Text a rule flags.
type Match struct {
	Start, End int // byte offsets in Text.Text
	Rule       string
	Message    string
	Hint       string
}

// Allow lists the practice's own details, which are not patient
// information, and the sites it may link to.
type Allow struct {
	Phones  []string // as written in the config; compared by their digits
	Emails  []string
	Domains []string // the practice's own, from base_url and booking_url
	// Names are names that are no patient's: the staff's, the
	// practice's, and those the site allows (checks.allow_names).
	Names     []string
	Addresses []string // the practice's street address lines
	// Trusted are domains sources may link to without a warning; a
	// domain matches itself and its subdomains ("gov" matches every .gov).
	Trusted []string
}
