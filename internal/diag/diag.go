// Package diag defines the position-carrying error that faqcast reports for
// bad input, and helpers to collect, sort and join many of them.
//
// Every problem in a site's input is reported as an [*Error] that names the
// file, the line and the column, says what is wrong and, where it helps, how
// to fix it. A build gathers all of them and returns them as one error made
// with [Join], so a writer sees every problem in one run.
package diag

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"unicode/utf8"
)

// A Pos is a position in a file. Line and Col are 1-based; Col counts
// characters (Unicode code points), not bytes. Zero means unknown.
type Pos struct {
	Line, Col int
}

// String returns "line:col", or "" for an unknown position.
func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return ""
	case p.Col == 0:
		return strconv.Itoa(p.Line)
	}
	return strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Col)
}

// An Error records a problem at a position in a file.
// It prints as "path:line:col: message", like the Go compiler.
type Error struct {
	Path string // slash-separated, relative to the site when possible
	Pos         // where; zero when the whole file is at fault
	Err  error  // what is wrong, in lowercase without a final period
	Hint string // how to fix it; may be empty
}

// Errorf returns an *Error at path and pos whose message is formatted
// as by [fmt.Errorf], so %w wraps.
func Errorf(path string, pos Pos, format string, args ...any) *Error {
	return &Error{Path: path, Pos: pos, Err: fmt.Errorf(format, args...)}
}

// WithHint sets e's hint, formatted as by [fmt.Sprintf], and returns e.
func (e *Error) WithHint(format string, args ...any) *Error {
	e.Hint = fmt.Sprintf(format, args...)
	return e
}

// Error returns "path:line:col: message", leaving out what is unknown:
// "path: message" without a position, "line:col: message" without a path.
func (e *Error) Error() string {
	where := e.Path
	if p := e.Pos.String(); p != "" && where != "" {
		where += ":" + p
	} else if p != "" {
		where = p
	}
	if where == "" {
		return e.Err.Error()
	}
	return where + ": " + e.Err.Error()
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// PosAt returns the position of byte offset off in src, counting lines from
// firstLine (the line that src[0] stands on). An offset past the end of src
// is taken as the end of src.
func PosAt(src []byte, off, firstLine int) Pos {
	off = min(max(off, 0), len(src))
	p := Pos{Line: firstLine, Col: 1}
	lineStart := 0
	for i := 0; i < off; i++ {
		if src[i] == '\n' {
			p.Line++
			lineStart = i + 1
		}
	}
	p.Col = utf8.RuneCount(src[lineStart:off]) + 1
	return p
}

// Flatten returns the errors inside err: the members of every error made by
// [errors.Join] (recursively), or err itself. A nil err gives nil.
func Flatten(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, Flatten(e)...)
		}
		return out
	}
	return []error{err}
}

// Join flattens errs, sorts them by path, line and column (errors that are
// not an [*Error] first, in their given order), drops exact repeats (errors
// with the same text) and returns them joined by [errors.Join]. It returns
// nil if there are none.
func Join(errs ...error) error {
	var all []error
	for _, e := range errs {
		all = append(all, Flatten(e)...)
	}
	if len(all) == 0 {
		return nil
	}
	slices.SortStableFunc(all, compare)
	seen := make(map[string]bool, len(all))
	all = slices.DeleteFunc(all, func(e error) bool {
		dup := seen[e.Error()]
		seen[e.Error()] = true
		return dup
	})
	return errors.Join(all...)
}

func compare(a, b error) int {
	var ea, eb *Error
	okA, okB := errors.As(a, &ea), errors.As(b, &eb)
	switch {
	case !okA && !okB:
		return 0
	case !okA:
		return -1
	case !okB:
		return 1
	}
	return cmp.Or(
		cmp.Compare(ea.Path, eb.Path),
		cmp.Compare(ea.Line, eb.Line),
		cmp.Compare(ea.Col, eb.Col),
		cmp.Compare(ea.Err.Error(), eb.Err.Error()),
	)
}

// Suggest returns the candidate closest to s by edit distance, if it is
// close enough to be a likely misspelling, and "" otherwise: at most a third
// of s's characters (at least two) may differ, and never all of them.
// ASCII letters compare case-insensitively and '_' matches '-'. Ties go to
// the earlier candidate.
func Suggest(s string, candidates []string) string {
	best, bestD := "", -1
	for _, c := range candidates {
		d := distance(s, c)
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	n := utf8.RuneCountInString(s)
	limit := min(max(2, n/3), n-1)
	if bestD < 0 || bestD > limit {
		return ""
	}
	return best
}

// distance returns the Levenshtein distance between a and b, comparing
// runes case-insensitively for ASCII letters.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if fold(ra[i-1]) == fold(rb[j-1]) {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func fold(r rune) rune {
	if 'A' <= r && r <= 'Z' {
		return r + 'a' - 'A'
	}
	if r == '_' {
		return '-'
	}
	return r
}
