// Package unprivileged runs a test as an unprivileged user when the tests
// run as root, as they do in most CI containers.
//
// A test of how a program handles a file or folder it may not read makes
// one with chmod; but root reads and writes whatever the permissions say,
// so as root such a test finds nothing to check. Rather than skip, it can
// call [Run] first, which runs it again in a process of its own as user
// nobody.
package unprivileged

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Nobody is the user and group ID that Run runs a test as: nobody's and
// nogroup's on most Unix systems.
const Nobody = 65534

// childEnv marks the process Run starts, so that a test that is still
// root there fails rather than start another.
const childEnv = "FAQCAST_UNPRIVILEGED_CHILD"

// Run reports whether t, a top-level test, should run its checks in this
// process: whether the process is not root. As root, it runs t again in a
// copy of the test binary, as user [Nobody], in a new temporary folder
// (so t must not read files by relative paths, such as testdata's), and
// fails t if that run fails or skips; it skips t where a process cannot
// change its user.
func Run(t *testing.T) bool {
	t.Helper()
	if os.Geteuid() != 0 {
		return true
	}
	if os.Getenv(childEnv) != "" {
		t.Fatalf("still root as user %d", Nobody)
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatalf("finding the test binary: %v", err)
	}
	// A folder nobody can reach, holding the binary and, for the test's
	// own temporary folders, a folder nobody can write.
	dir := t.TempDir()
	for _, d := range []string{filepath.Dir(dir), dir} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	tmp := filepath.Join(dir, "tmp")
	if err := os.Mkdir(tmp, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(tmp, Nobody, Nobody); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, filepath.Base(exe))
	if err := copyFile(bin, exe); err != nil {
		t.Fatalf("copying the test binary: %v", err)
	}

	cmd := exec.Command(bin, "-test.run=^"+t.Name()+"$", "-test.count=1", "-test.v")
	cmd.Dir = tmp
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp, "HOME="+tmp, childEnv+"=1")
	setUser(cmd, Nobody)
	out, err := cmd.CombinedOutput()
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Skipf("cannot run the test as user %d: %v", Nobody, err)
	}
	if err != nil {
		t.Fatalf("as user %d: %v\n%s", Nobody, err, out)
	}
	if !strings.Contains(string(out), "--- PASS: "+t.Name()+" ") {
		t.Fatalf("as user %d, the test did not pass:\n%s", Nobody, out)
	}
	t.Logf("ran as user %d:\n%s", Nobody, out)
	return false
}

// copyFile copies the file src to dst, which it creates readable and
// executable by all.
func copyFile(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	return os.Chmod(dst, 0o755)
}
