//go:build linux

package emulator

import (
	"os/exec"
	"syscall"
)

// setProcessGroup puts a child (the worker, a redis-server store) in its
// own process group so a kill reaches any children it started (pip,
// subprocesses of gears), and has the kernel kill it when the thread that
// started it dies.
func setProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}

func killProcess(cmd *exec.Cmd) {
	if cmd.Process != nil {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		cmd.Process.Kill()
	}
}
