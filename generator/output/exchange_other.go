//go:build !linux && !darwin

package output

import (
	"errors"
	"os"
)

// exchange exchanges the folders a and b in r at once where the system
// can; here it cannot, and returns [errors.ErrUnsupported].
func exchange(r *os.Root, a, b string) error { return errors.ErrUnsupported }
