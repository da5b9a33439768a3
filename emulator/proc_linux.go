//go:build linux

package emulator

import (
	"os/exec"
	"syscall"
)

// setProcessGroup puts the worker in its own process group so a kill
// reaches any children it started (pip, subprocesses of gears).
func setProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}

func killProcess(cmd *exec.Cmd) {
	if cmd.Process != nil {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		cmd.Process.Kill()
	}
}
