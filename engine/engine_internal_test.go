package engine

import (
	"context"
	"errors"
	"testing"

	"github.com/gogears/gogears/runtime"
)

// A panic that escapes an execution (a bug, or a panicking Executor) must
// release the execution lock, or every later execution in the process
// blocks forever.
func TestRunReleasesLockOnPanic(t *testing.T) {
	x := &execution{e: New(nil), ctx: context.Background()}
	func() {
		defer func() { recover() }()
		x.run(func() { panic("boom") })
	}()
	if a := active.Load(); a != nil {
		t.Errorf("active execution after a panic = %p, want nil", a)
	}
	if !execMu.TryLock() {
		t.Fatal("execution lock still held after a panic in run")
	}
	execMu.Unlock()
}

func TestExecWithoutExecutor(t *testing.T) {
	e := New(nil)
	var logged string
	e.logf = func(_ runtime.Level, msg string) { logged = msg }
	if err := e.Exec(context.Background(), func() { runtime.Log("no Redis needed") }); err != nil || logged != "no Redis needed" {
		t.Errorf("Exec(Log) on New(nil) = %v, logged %q; want nil, the message", err, logged)
	}
	err := e.Exec(context.Background(), func() { runtime.Execute("PING") })
	if !errors.Is(err, ErrNoExecutor) {
		t.Errorf("Exec(Execute) on New(nil) = %v, want ErrNoExecutor", err)
	}
}
