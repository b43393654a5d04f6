package generator

import "sync/atomic"

// A firstError keeps the first error set on it, from any goroutine: for
// a stage's source that the site's pages ask from (posts, answers), which
// cannot return one, so that the build reports it before it writes. The
// zero firstError holds none.
type firstError struct {
	err atomic.Pointer[error]
}

// set keeps err if it is the first.
func (f *firstError) set(err error) { f.err.CompareAndSwap(nil, &err) }

// Err returns the first error set, or nil.
func (f *firstError) Err() error {
	if err := f.err.Load(); err != nil {
		return *err
	}
	return nil
}
