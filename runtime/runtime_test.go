package runtime_test

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/redis/go-redis/v9"

	"github.com/gogears/gogears/engine"
	"github.com/gogears/gogears/internal/redistest"
	"github.com/gogears/gogears/runtime"
)

func TestOutsideEngine(t *testing.T) {
	calls := map[string]func(){
		"Execute":        func() { runtime.Execute("PING") },
		"Log":            func() { runtime.Log("x") },
		"LogAt":          func() { runtime.LogAt(runtime.Debug, "x") },
		"Atomic":         func() { runtime.Atomic(func() {}) },
		"HashTag":        func() { runtime.HashTag() },
		"ConfigGet":      func() { runtime.ConfigGet("x") },
		"GearsConfigGet": func() { runtime.GearsConfigGet("x", "y") },
		"OverrideReply":  func() { runtime.OverrideReply("x") },
		"CallNext":       func() { runtime.CallNext("x") },
		"GetCommand":     func() { runtime.GetCommand() },
	}
	for name, f := range calls {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if r := recover(); r != runtime.ErrNoEngine {
					t.Errorf("%s outside an engine panicked with %v, want ErrNoEngine", name, r)
				}
			}()
			f()
		})
	}
	if _, ok := runtime.LookupParam("x"); ok {
		t.Errorf("LookupParam outside an engine reported a value")
	}
}

func TestInEngine(t *testing.T) {
	s := redistest.Start(t)
	c := redis.NewClient(&redis.Options{Addr: s.Addr, Protocol: 2})
	defer c.Close()
	var logs []string
	e := engine.New(engine.NewRedisExecutor(c), engine.WithLog(func(l runtime.Level, m string) { logs = append(logs, string(l)+":"+m) }))
	exec := func(f func()) error { return e.Exec(context.Background(), f) }

	var got []any
	err := exec(func() {
		runtime.Execute("RPUSH", "l", "a", "b")
		got = append(got, runtime.Execute("LRANGE", "l", "0", "-1"), runtime.Execute("GET", "nope"), runtime.Execute("LLEN", "l"), runtime.Execute("SET", "k", "v"))
		runtime.Atomic(func() { runtime.Execute("INCR", "n") })
		runtime.Log("hello")
		for _, l := range []runtime.Level{runtime.Debug, runtime.Verbose, runtime.Notice, runtime.Warning} {
			runtime.LogAt(l, "at")
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]any{[]any{"a", "b"}, nil, int64(2), "OK"}, got); diff != "" {
		t.Errorf("Execute replies (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"notice:hello", "debug:at", "verbose:at", "notice:at", "warning:at"}, logs); diff != "" {
		t.Errorf("logs (-want +got):\n%s", diff)
	}
	tests := []struct {
		name string
		f    func()
		want string
	}{
		{"Execute error reply", func() { runtime.Execute("NOSUCHCMD") }, "ERR unknown command 'NOSUCHCMD', with args beginning with: "},
		{"LogAt bad level", func() { runtime.LogAt("loud", "x") }, `runtime.LogAt: unknown level "loud": use runtime.Debug, Verbose, Notice or Warning`},
		{"OverrideReply without command", func() { runtime.OverrideReply("x") }, "Can not get command ctx"},
		{"GetCommand without command", func() { runtime.GetCommand() }, "Can not get command ctx"},
		{"CallNext without hook", func() { runtime.CallNext("x") }, "Can not get CommandHook ctx"},
		{"FlatError", func() { runtime.FlatError("flat") }, "flat"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := exec(tt.f)
			var re *runtime.Error
			if !errors.As(err, &re) || re.Error() != tt.want {
				t.Errorf("%s = %v, want *runtime.Error %q", tt.name, err, tt.want)
			}
			if tt.name == "FlatError" && !re.Flat {
				t.Errorf("FlatError error is not Flat")
			}
		})
	}
}
