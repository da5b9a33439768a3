package emulator

import (
	"strings"
	"syscall"
	"testing"
)

// TestWorkerRestart kills the python worker during an execution: the
// execution reports an error instead of hanging, the worker comes back, and
// registrations keep firing.
func TestWorkerRestart(t *testing.T) {
	e, c := runWithClient(t)
	r := dialRaw(t, e.Addr())
	r.do("RG.PYEXECUTE", "GB('CommandReader').map(lambda a: 'alive').register(trigger='t')", "ID", "keep")
	r.do("RG.PYEXECUTE", "GB().foreach(lambda x: execute('INCR', 'n')).register(prefix='k', mode='sync')", "ID", "keep2")
	id := mustDo(t, c, "RG.PYEXECUTE", sleepingGear, "UNBLOCKING").(string)
	pid := e.WorkerPID()
	waitStarted(t, r)
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	got := r.do("RG.GETRESULTSBLOCKING", id)
	if !strings.Contains(got, "the python worker exited") {
		t.Errorf("RG.GETRESULTSBLOCKING after the worker died = %q, want the worker error", got)
	}
	eventually(t, "a new worker", func() bool { p := e.WorkerPID(); return p != 0 && p != pid })
	if got := r.do("RG.TRIGGER", "t"); got != "*1\r\n$5\r\nalive\r\n" {
		t.Errorf("RG.TRIGGER after restart = %q", got)
	}
	r.do("SET", "k", "1")
	if got := r.do("GET", "n"); got != "$1\r\n1\r\n" {
		t.Errorf("sync registration after restart: GET n = %q, want 1", got)
	}
	if got := r.do("SET", "x", "y"); got != "+OK\r\n" {
		t.Errorf("SET after restart = %q", got)
	}
}

// TestCloseLeavesNoProcesses checks that Close ends the worker.
func TestCloseLeavesNoProcesses(t *testing.T) {
	e, err := Run(Options{})
	if err != nil {
		t.Fatal(err)
	}
	pid := e.WorkerPID()
	e.Close()
	if err := syscall.Kill(pid, 0); err == nil {
		t.Errorf("python worker %d still running after Close", pid)
	}
}
