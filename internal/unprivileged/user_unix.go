//go:build unix

package unprivileged

import (
	"os/exec"
	"syscall"
)

// setUser makes cmd run as user and group id.
func setUser(cmd *exec.Cmd, id uint32) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: id, Gid: id}}
}
