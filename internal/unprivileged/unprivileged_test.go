package unprivileged

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// TestRun checks that a test runs where a file with no permissions cannot
// be read: here, or, as root, again as user nobody.
func TestRun(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("needs Unix permissions")
	}
	if !Run(t) {
		return
	}
	if os.Getenv(childEnv) != "" && os.Geteuid() != Nobody {
		t.Errorf("run again as user %d, not %d", os.Geteuid(), Nobody)
	}
	p := filepath.Join(t.TempDir(), "locked")
	if err := os.WriteFile(p, []byte("x"), 0); err != nil {
		t.Fatal(err)
	}
	if _, err := os.ReadFile(p); !errors.Is(err, fs.ErrPermission) {
		t.Errorf("reading a file with no permissions: %v, want a permission error", err)
	}
}
