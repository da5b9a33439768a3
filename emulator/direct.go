package emulator

// This file gives tests and tools direct access to emulator state.

// WorkerPID returns the process id of the current python3 worker, or 0
// while it is being restarted.
func (e *Emulator) WorkerPID() int {
	e.worker.mu.Lock()
	defer e.worker.mu.Unlock()
	if e.worker.proc == nil || e.worker.proc.cmd.Process == nil {
		return 0
	}
	return e.worker.proc.cmd.Process.Pid
}

// NumRegistrations returns how many registrations are installed.
func (e *Emulator) NumRegistrations() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return len(e.regs)
}
