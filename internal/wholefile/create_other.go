//go:build !linux

package wholefile

import (
	"errors"
	"io/fs"
)

func create(name string, data []byte, perm fs.FileMode) error {
	return errors.ErrUnsupported
}
