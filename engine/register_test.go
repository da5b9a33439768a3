package engine_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/gogears/gogears/dsl"
	"github.com/gogears/gogears/engine"
	"github.com/gogears/gogears/runtime"
	"github.com/gogears/gogears/runtime/cmd"
)

// logKey records each execution of a keys registration in a list, so the
// tests read what fired from Redis.
func logKey[V any](list string) func(dsl.KeyRecord[V]) {
	return func(r dsl.KeyRecord[V]) { cmd.RPush(list, r.Event+" "+r.Key+" "+r.Type) }
}

func TestRegisterKeys(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name   string
		reg    func(list string) dsl.Registration[dsl.KeyRecord[any]]
		events [][2]string // event, key (after the key is written)
		want   []string
	}{
		{"prefix match", func(l string) dsl.Registration[dsl.KeyRecord[any]] {
			return dsl.Keys("order:*").ForEach(logKey[any](l)).Register()
		}, [][2]string{{"hset", "order:1"}, {"set", "other"}}, []string{"hset order:1 hash"}},
		{"exact prefix", func(l string) dsl.Registration[dsl.KeyRecord[any]] {
			return dsl.Keys("order:1").ForEach(logKey[any](l)).Register()
		}, [][2]string{{"hset", "order:1"}, {"hset", "order:10"}}, []string{"hset order:1 hash"}},
		{"Prefix overrides the pattern", func(l string) dsl.Registration[dsl.KeyRecord[any]] {
			return dsl.Keys("x").ForEach(logKey[any](l)).Register(dsl.Prefix("str:*"))
		}, [][2]string{{"set", "str:a"}, {"hset", "order:1"}}, []string{"set str:a string"}},
		{"OnEvents is case-insensitive", func(l string) dsl.Registration[dsl.KeyRecord[any]] {
			return dsl.Keys("*").ForEach(logKey[any](l)).Register(dsl.OnEvents("DEL"))
		}, [][2]string{{"hset", "order:1"}, {"del", "gone"}}, []string{"del gone empty"}},
		{"OnKeyTypes", func(l string) dsl.Registration[dsl.KeyRecord[any]] {
			return dsl.Keys("*").ForEach(logKey[any](l)).Register(dsl.OnKeyTypes(dsl.TypeString))
		}, [][2]string{{"hset", "order:1"}, {"set", "str:a"}}, []string{"set str:a string"}},
		{"ReadValue false", func(l string) dsl.Registration[dsl.KeyRecord[any]] {
			return dsl.Keys("str:*").ForEach(logKey[any](l)).Register(dsl.ReadValue(false), dsl.Mode(dsl.Sync))
		}, [][2]string{{"set", "str:a"}}, []string{"set str:a "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex, c := startRedis(t)
			seed(t, c)
			e := engine.New(ex)
			if _, err := engine.Register(ctx, e, tt.reg("fired")); err != nil {
				t.Fatal(err)
			}
			for _, ev := range tt.events {
				if err := e.Notify(ctx, ev[0], ev[1]); err != nil {
					t.Fatalf("Notify(%v) = %v", ev, err)
				}
			}
			got, _ := c.LRange(ctx, "fired", 0, -1).Result()
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("fired (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRegisterTypedReaderSkipsOtherTypes(t *testing.T) {
	ctx := context.Background()
	ex, c := startRedis(t)
	seed(t, c)
	e := engine.New(ex)
	h, err := engine.Register(ctx, e, dsl.HashKeys("order:*").ForEach(logKey[map[string]string]("fired")).Register(dsl.OnEvents("hset", "set", "del")))
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range [][2]string{{"hset", "order:1"}, {"set", "order:note"}, {"del", "order:gone"}} {
		if err := e.Notify(ctx, ev[0], ev[1]); err != nil {
			t.Fatal(err)
		}
	}
	got, _ := c.LRange(ctx, "fired", 0, -1).Result()
	if diff := cmp.Diff([]string{"hset order:1 hash"}, got); diff != "" {
		t.Errorf("fired (-want +got):\n%s", diff)
	}
	if s := h.Stats(); s.NumTriggered != 1 || s.NumSuccess != 1 {
		t.Errorf("Stats = %+v, want 1 triggered, 1 success", s)
	}
}

// The Schedule example, driven by real keyspace notifications.
func TestListenSchedule(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ex, c := startRedis(t)
	var logs []string
	e := engine.New(ex, engine.WithLog(func(l runtime.Level, msg string) { logs = append(logs, string(l)+" "+msg) }))
	schedule := dsl.HashKeys("order:*").
		ForEach(func(r dsl.KeyRecord[map[string]string]) {
			if r.Value["status"] == "new" {
				cmd.HSet(r.Key, "status", "pending")
				cmd.XAdd("to_be_processed", "*", "record", r.Key)
				runtime.Log("scheduled " + r.Key)
			}
		}).
		Register(dsl.OnEvents("hset"), dsl.Mode(dsl.AsyncLocal))
	if _, err := engine.Register(ctx, e, schedule); err != nil {
		t.Fatal(err)
	}
	done, err := e.Listen(ctx)
	if err != nil {
		t.Fatal(err)
	}
	mustDo(t, c, []any{"HSET", "order:7", "status", "new"})
	waitFor(t, "the hset event to schedule order:7", func() bool { return c.XLen(ctx, "to_be_processed").Val() >= 1 })
	if got := c.HGet(ctx, "order:7", "status").Val(); got != "pending" {
		t.Errorf("status after Listen = %q, want pending", got)
	}
	msgs := c.XRange(ctx, "to_be_processed", "-", "+").Val()
	if len(msgs) != 1 || msgs[0].Values["record"] != "order:7" {
		t.Errorf("to_be_processed = %v, want one entry for order:7", msgs)
	}
	cancel()
	<-done
	if diff := cmp.Diff([]string{"notice scheduled order:7"}, logs); diff != "" {
		t.Errorf("logs (-want +got):\n%s", diff)
	}
}

func TestTrigger(t *testing.T) {
	ctx := context.Background()
	ex, c := startRedis(t)
	seed(t, c)
	e := engine.New(ex)
	hget := dsl.Command().Map(func(args []string) string {
		v, ok := cmd.HGet(args[1], args[2])
		if !ok {
			runtime.FlatError("no field " + args[2])
		}
		return v
	}).Register(dsl.Trigger("hget"), dsl.InOrder())
	if _, err := engine.Register(ctx, e, hget); err != nil {
		t.Fatal(err)
	}
	got, err := engine.Trigger(ctx, e, hget, "order:1", "status")
	if err != nil || !cmp.Equal(got, []string{"new"}) {
		t.Errorf("Trigger(hget order:1 status) = %v, %v, want [new]", got, err)
	}
	_, err = engine.Trigger(ctx, e, hget, "order:1", "nofield")
	if err == nil || err.Error() != "no field nofield" {
		t.Errorf("Trigger(missing field) = %v, want error no field nofield", err)
	}
	if _, err := engine.Register(ctx, e, hget); err == nil || !strings.Contains(err.Error(), "trigger already registered") {
		t.Errorf("Register twice = %v, want trigger already registered", err)
	}
	if _, err := e.Trigger(ctx, "nope"); err == nil {
		t.Errorf("Trigger(nope) succeeded, want an error")
	}
}

func TestHook(t *testing.T) {
	ctx := context.Background()
	ex, c := startRedis(t)
	e := engine.New(ex)
	// Upper-case every value SET under "up:"; others pass unchanged.
	up := dsl.Command().Map(func(args []string) string {
		runtime.CallNext(args[1], strings.ToUpper(args[2]))
		return "+HOOKED"
	}).Register(dsl.Hook("set"), dsl.KeyPrefix("up:"))
	if _, err := engine.Register(ctx, e, up); err != nil {
		t.Fatal(err)
	}
	r, err := e.Call(ctx, "SET", "up:a", "hello")
	if err != nil || r != "HOOKED" {
		t.Errorf("Call(SET up:a) = %v, %v, want HOOKED", r, err)
	}
	r, err = e.Call(ctx, "SET", "down:a", "hello")
	if err != nil || r != "OK" {
		t.Errorf("Call(SET down:a) = %v, %v, want OK", r, err)
	}
	if got := c.MGet(ctx, "up:a", "down:a").Val(); !cmp.Equal(got, []any{"HELLO", "hello"}) {
		t.Errorf("values = %v, want [HELLO hello]", got)
	}
	bad := dsl.Command().FlatMap(func(args []string) []string { return nil }).Register(dsl.Hook("get"))
	if _, err := engine.Register(ctx, e, bad); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Call(ctx, "GET", "x"); err == nil || err.Error() != "Command hook must return exactly one result" {
		t.Errorf("Call(GET) with a hook giving no result = %v, want Command hook must return exactly one result", err)
	}
}

func TestCommandsOverrideReply(t *testing.T) {
	ctx := context.Background()
	ex, c := startRedis(t)
	e := engine.New(ex)
	guard := dsl.Keys("acct:*").ForEach(func(r dsl.KeyRecord[any]) {
		if got := runtime.GetCommand(); len(got) > 0 && got[0] == "HSET" && r.Type == "hash" {
			runtime.OverrideReply("-denied " + r.Key)
		}
	}).Register(dsl.Commands("hset"), dsl.Mode(dsl.Sync))
	h, err := engine.Register(ctx, e, guard)
	if err != nil {
		t.Fatal(err)
	}
	_, err = e.Call(ctx, "HSET", "acct:1", "f", "v")
	var re *runtime.Error
	if !errors.As(err, &re) || re.Msg != "denied acct:1" {
		t.Errorf("Call(HSET acct:1) = %v, want error reply denied acct:1", err)
	}
	if r, err := e.Call(ctx, "HSET", "other", "f", "v"); err != nil || r != int64(1) {
		t.Errorf("Call(HSET other) = %v, %v, want 1", r, err)
	}
	// A dsl.Commands registration does not fire on plain notifications.
	before := h.Stats().NumTriggered
	if err := e.Notify(ctx, "hset", "acct:1"); err != nil {
		t.Fatal(err)
	}
	if n := h.Stats().NumTriggered; n != before {
		t.Errorf("NumTriggered after Notify = %d, want %d (no execution)", n, before)
	}
	_ = c
}

// A dsl.Commands registration filters on key type whether its command
// comes from a client or from a hook's CallNext.
func TestCommandsFiltersUnderHook(t *testing.T) {
	ctx := context.Background()
	ex, c := startRedis(t)
	e := engine.New(ex)
	onStrings := dsl.Keys("*").ForEach(func(dsl.KeyRecord[any]) { cmd.Incr("fired") }).
		Register(dsl.Commands("hset"), dsl.OnKeyTypes(dsl.TypeString), dsl.Mode(dsl.Sync))
	hook := dsl.Command().Map(func(args []string) any { return runtime.CallNext(args[1:]...) }).Register(dsl.Hook("hset"))
	if _, err := engine.Register(ctx, e, onStrings); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Call(ctx, "HSET", "h1", "f", "v"); err != nil {
		t.Fatal(err)
	}
	if _, err := engine.Register(ctx, e, hook); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Call(ctx, "HSET", "h2", "f", "v"); err != nil {
		t.Fatal(err)
	}
	if got := c.Get(ctx, "fired").Val(); got != "" {
		t.Errorf("fired = %q, want no execution: the keys are hashes, the registration reads strings", got)
	}
}

func TestOnRegisteredAndConfig(t *testing.T) {
	ctx := context.Background()
	ex, c := startRedis(t)
	e := engine.New(ex, engine.WithConfig(map[string]string{"greeting": "hi"}))
	reg := dsl.Keys("*").ForEach(func(dsl.KeyRecord[any]) {}).Register(dsl.OnRegistered(func() {
		v, _ := runtime.ConfigGet("greeting")
		cmd.Set("greeting", v+" "+runtime.GearsConfigGet("missing", "there")+" "+runtime.HashTag())
	}))
	if _, err := engine.Register(ctx, e, reg); err != nil {
		t.Fatal(err)
	}
	if got := c.Get(ctx, "greeting").Val(); got != "hi there 06S" {
		t.Errorf("greeting = %q, want %q", got, "hi there 06S")
	}
}

func TestRuntimeOutsideEngine(t *testing.T) {
	defer func() {
		r := recover()
		if r != runtime.ErrNoEngine {
			t.Errorf("runtime.Log outside an engine panicked with %v, want ErrNoEngine", r)
		}
	}()
	runtime.Log("x")
}

func TestExec(t *testing.T) {
	ex, c := startRedis(t)
	e := engine.New(ex)
	err := e.Exec(context.Background(), func() {
		cmd.Set("k", strconv.FormatFloat(threshold.Get(), 'f', -1, 64))
	}, threshold.Bind(2.5))
	if err != nil {
		t.Fatalf("Exec = %v", err)
	}
	if got := c.Get(context.Background(), "k").Val(); got != "2.5" {
		t.Errorf("k = %q, want 2.5", got)
	}
	err = e.Exec(context.Background(), func() { cmd.HGetAll("k") })
	if err == nil || !strings.HasPrefix(err.Error(), "WRONGTYPE") {
		t.Errorf("Exec(HGETALL on a string) = %v, want WRONGTYPE", err)
	}
}

func TestHookChain(t *testing.T) {
	ctx := context.Background()
	ex, c := startRedis(t)
	e := engine.New(ex)
	// Two hooks on SET: the newest runs first and reaches the older one
	// through CallNext, which reaches SET itself.
	suffix := func(s string) dsl.Registration[any] {
		return dsl.Command().Map(func(args []string) any {
			return runtime.CallNext(append([]string{args[1], args[2] + s}, args[3:]...)...)
		}).Register(dsl.Hook("SET"))
	}
	for _, s := range []string{"-old", "-new"} {
		if _, err := engine.Register(ctx, e, suffix(s)); err != nil {
			t.Fatal(err)
		}
	}
	if r, err := e.Call(ctx, "set", "k", "v"); err != nil || r != "OK" {
		t.Errorf("Call(set k v) = %v, %v, want OK", r, err)
	}
	if got := c.Get(ctx, "k").Val(); got != "v-new-old" {
		t.Errorf("k = %q, want v-new-old", got)
	}
	// A Redis error inside the hook is the command's error.
	if _, err := e.Call(ctx, "set", "k", "v", "NX", "XX"); err == nil || !strings.Contains(err.Error(), "syntax error") {
		t.Errorf("Call(set k v NX XX) = %v, want a syntax error", err)
	}
}

func TestUnregisterAndStats(t *testing.T) {
	ctx := context.Background()
	ex, c := startRedis(t)
	var logs []string
	e := engine.New(ex, engine.WithLog(func(l runtime.Level, m string) { logs = append(logs, m) }))
	reg := dsl.Keys("k*").ForEach(func(r dsl.KeyRecord[any]) {
		if r.Key == "kbad" {
			cmd.HGetAll("kbad") // WRONGTYPE: kbad is a string
		}
		cmd.Incr("fired")
	}).Register(dsl.OnRegistered(func() { panic("setup failed") }))
	h, err := engine.Register(ctx, e, reg)
	if err != nil {
		t.Fatal(err)
	}
	if len(logs) != 1 || !strings.Contains(logs[0], "setup failed") {
		t.Errorf("logs = %q, want the OnRegistered panic logged", logs)
	}
	mustDo(t, c, []any{"SET", "kbad", "x"})
	e.Notify(ctx, "set", "k1")
	e.Notify(ctx, "set", "kbad")
	s := h.Stats()
	if s.NumTriggered != 2 || s.NumSuccess != 1 || s.NumFailures != 1 || !strings.HasPrefix(s.LastError, "step 1 (foreach): WRONGTYPE") || len(s.Errors) != 1 {
		t.Errorf("Stats = %+v, want 2 triggered, 1 success, 1 WRONGTYPE failure", s)
	}
	h.Unregister()
	e.Notify(ctx, "set", "k1")
	if got := c.Get(ctx, "fired").Val(); got != "1" {
		t.Errorf("fired = %q, want 1 (no execution after Unregister)", got)
	}
}

func TestAtomic(t *testing.T) {
	ex, _ := startRedis(t)
	e := engine.New(ex)
	err := e.Exec(context.Background(), func() {
		runtime.Atomic(func() { runtime.Atomic(func() {}) })
	})
	if err == nil || err.Error() != "Already inside an atomic block" {
		t.Errorf("nested Atomic = %v, want Already inside an atomic block", err)
	}
	if err := e.Exec(context.Background(), func() { runtime.Atomic(func() {}); runtime.Atomic(func() {}) }); err != nil {
		t.Errorf("sequential Atomic = %v", err)
	}
}

func TestListenNeedsSubscriber(t *testing.T) {
	ex, _ := startRedis(t)
	e := engine.New(plainExecutor{ex})
	if _, err := e.Listen(context.Background()); err == nil || !strings.Contains(err.Error(), "engine.Subscriber") {
		t.Errorf("Listen without a Subscriber = %v, want an error naming engine.Subscriber", err)
	}
	// Without the HashReader fast path the readers use DoMulti.
	res, err := engine.RunOn(context.Background(), e, dsl.HashKeys("nothing:*").Count().Run())
	if err != nil || len(res.Records) != 0 {
		t.Errorf("RunOn(plain executor) = %v, %v", res, err)
	}
}

// plainExecutor hides the optional interfaces of a real executor.
type plainExecutor struct{ engine.Executor }
