package generator

import "github.com/faqcast/faqcast/internal/diag"

// An Error is a problem in a site's input at a position in a file: what is
// wrong and, in its Hint, how to fix it. It prints as
// "path:line:col: message", like the Go compiler. [Generator.Build] returns
// every problem it finds, sorted by file and position and joined by
// [errors.Join]; [Errors] lists them.
type Error = diag.Error

// A Pos is a position in a file: Line and Col are 1-based, Col counting
// characters, not bytes; zero means unknown.
type Pos = diag.Pos

// Errors returns the errors joined in err, in order: each an [*Error], or
// another error (a folder that cannot be read, a canceled build). It
// returns nil for a nil err.
func Errors(err error) []error { return diag.Flatten(err) }
