package engine

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/redis/go-redis/v9"

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

// replyErr is a Redis error reply as go-redis reports it.
type replyErr string

func (e replyErr) Error() string { return string(e) }
func (replyErr) RedisError()     {}

// convertReply maps every go-redis reply shape, RESP3 ones included, to
// what RedisGears' execute() returns.
func TestConvertReply(t *testing.T) {
	tests := []struct {
		name string
		v    any
		err  error
		want any
	}{
		{"nil reply", nil, redis.Nil, nil},
		{"bulk", "v", nil, "v"},
		{"integer", int64(3), nil, int64(3)},
		{"array", []any{"a", int64(1), []any{"b"}}, nil, []any{"a", int64(1), []any{"b"}}},
		{"RESP3 map", map[any]any{"f": "v"}, nil, []any{"f", "v"}},
		{"RESP3 double", 1.5, nil, "1.5"},
		{"RESP3 true", true, nil, int64(1)},
		{"RESP3 false", false, nil, int64(0)},
		{"error inside an array", []any{replyErr("ERR inner")}, nil, []any{&runtime.Error{Msg: "ERR inner"}}},
	}
	for _, tt := range tests {
		got, err := convertReply(tt.v, tt.err)
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: convertReply(%#v, %v) = %#v, %v; want %#v", tt.name, tt.v, tt.err, got, err, tt.want)
		}
	}
	_, err := convertReply(nil, replyErr("WRONGTYPE bad"))
	var re *runtime.Error
	if !errors.As(err, &re) || re.Msg != "WRONGTYPE bad" {
		t.Errorf("convertReply(error reply) = %v, want *runtime.Error WRONGTYPE bad", err)
	}
	lost := errors.New("connection lost")
	if _, err := convertReply(nil, lost); err != lost {
		t.Errorf("convertReply(transport error) = %v, want it unchanged", err)
	}
}
