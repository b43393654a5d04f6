//go:build !unix

package unprivileged

import "os/exec"

// setUser does nothing: only Unix has root, whose tests Run runs again.
func setUser(cmd *exec.Cmd, id uint32) {}
