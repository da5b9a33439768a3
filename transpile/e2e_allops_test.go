package transpile_test

import (
	"context"
	"encoding/json"
	"errors"
	"sort"
	"strings"
	"testing"

	"github.com/gogears/gogears/dsl"
	"github.com/gogears/gogears/emulator"
	"github.com/gogears/gogears/engine"
	"github.com/gogears/gogears/internal/redistest"
	"github.com/gogears/gogears/transpile"
	"github.com/gogears/gogears/transpile/testdata/gears/allops"
	"github.com/google/go-cmp/cmp"
	"github.com/redis/go-redis/v9"
)

// TestEngineAndScriptsAgree runs every Run gear of testdata/gears/allops
// twice over one real redis-server: natively in the in-process engine (the
// oracle) and as its generated script on the emulator, and compares the
// decoded results (as multisets, except where the gear sorts).
func TestEngineAndScriptsAgree(t *testing.T) {
	scripts := genScripts(t, "./testdata/gears/allops")
	ctx := context.Background()
	c, ex, ec := startAgreeRig(t)
	seed := []func() error{
		func() error { return c.Set(ctx, "text:1", "the quick brown fox", 0).Err() },
		func() error { return c.Set(ctx, "text:2", "The lazy dog é ß", 0).Err() },
		func() error { return c.HSet(ctx, "item:1", "name", "apple", "price", "12").Err() },
		func() error { return c.HSet(ctx, "item:2", "name", "avocado", "price", "7").Err() },
		func() error { return c.HSet(ctx, "item:3", "name", "banana", "price", "3").Err() },
		func() error { return c.HSet(ctx, "item:4", "name", "blueberry", "price", "30").Err() },
		func() error { return c.RPush(ctx, "list:a", "x", "y", "z").Err() },
		func() error { return c.SAdd(ctx, "set:a", "m").Err() },
		func() error {
			return c.XAdd(ctx, &redis.XAddArgs{Stream: "events", Values: []string{"kind", "click"}}).Err()
		},
		func() error {
			return c.XAdd(ctx, &redis.XAddArgs{Stream: "events", Values: []string{"kind", "view"}}).Err()
		},
	}
	for _, f := range seed {
		if err := f(); err != nil {
			t.Fatal(err)
		}
	}

	check(t, ctx, ex, ec, scripts, "Words", allops.Words, true)
	check(t, ctx, ex, ec, scripts, "WordsDesc", allops.WordsDesc, true)
	check(t, ctx, ex, ec, scripts, "Sum", allops.Sum, false)
	check(t, ctx, ex, ec, scripts, "ByFirst", allops.ByFirst, false)
	check(t, ctx, ex, ec, scripts, "MaxByFirst", allops.MaxByFirst, false)
	check(t, ctx, ex, ec, scripts, "Stats", allops.Stats, false)
	check(t, ctx, ex, ec, scripts, "TotalByFirst", allops.TotalByFirst, false)
	check(t, ctx, ex, ec, scripts, "Expensive", allops.Expensive, false)
	check(t, ctx, ex, ec, scripts, "AvgPrice", allops.AvgPrice, false)
	check(t, ctx, ex, ec, scripts, "FirstTwo", allops.FirstTwo, true)
	check(t, ctx, ex, ec, scripts, "ListLens", allops.ListLens, false)
	check(t, ctx, ex, ec, scripts, "AnyTypes", allops.AnyTypes, false)
	check(t, ctx, ex, ec, scripts, "OneKey", allops.OneKey, false)
	check(t, ctx, ex, ec, scripts, "Names", allops.Names, false)
	check(t, ctx, ex, ec, scripts, "Events", allops.Events, false)
	check(t, ctx, ex, ec, scripts, "Squares", allops.Squares, false)
	check(t, ctx, ex, ec, scripts, "Shards", allops.Shards, false)
}

// startAgreeRig starts a redis-server and the emulator over it, and
// returns a client of the server, the engine's executor on it, and a
// client of the emulator; all are closed at test end.
func startAgreeRig(t *testing.T) (c *redis.Client, ex engine.Executor, ec *redis.Client) {
	t.Helper()
	srv := redistest.Start(t)
	c = redis.NewClient(&redis.Options{Addr: srv.Addr, Protocol: 2})
	t.Cleanup(func() { c.Close() })
	e := emulator.RunT(t, emulator.Options{RedisURL: "redis://" + srv.Addr})
	ec = redis.NewClient(&redis.Options{Addr: e.Addr(), Protocol: 2})
	t.Cleanup(func() { ec.Close() })
	return c, engine.NewRedisExecutor(c), ec
}

// genScripts translates a testdata package and returns its scripts by
// gear variable.
func genScripts(t *testing.T, pattern string) map[string]string {
	t.Helper()
	res, err := transpile.Generate(transpile.Config{Dir: ".", Patterns: []string{pattern}, Check: true})
	if err != nil && !errors.Is(err, transpile.ErrStale) {
		t.Fatal(err)
	}
	scripts := map[string]string{}
	for _, g := range res.Gears {
		scripts[g.Var] = g.Script
	}
	return scripts
}

// check runs one job both ways and compares the JSON of each record.
func check[T any](t *testing.T, ctx context.Context, ex engine.Executor, ec *redis.Client, scripts map[string]string, name string, job dsl.Job[T], ordered bool) {
	t.Helper()
	want, err := engine.Run(ctx, ex, job)
	if err != nil {
		t.Errorf("%s: engine: %v", name, err)
		return
	}
	var wantJSON []string
	for _, r := range want.Records {
		b, _ := json.Marshal(r)
		wantJSON = append(wantJSON, canon(t, string(b)))
	}
	reply, err := ec.Do(ctx, "RG.PYEXECUTE", scripts[name]).Slice()
	if err != nil {
		t.Errorf("%s: RG.PYEXECUTE: %v", name, err)
		return
	}
	if errs, _ := reply[1].([]any); len(errs) > 0 || len(want.Errors) > 0 {
		t.Errorf("%s: script errors %v, engine errors %v", name, errs, want.Errors)
	}
	var got []string
	for _, r := range reply[0].([]any) {
		s, _ := r.(string)
		var v T
		if err := json.Unmarshal([]byte(s), &v); err != nil {
			t.Errorf("%s: result %q does not decode into %T: %v", name, s, v, err)
			continue
		}
		got = append(got, canon(t, strings.TrimSpace(s)))
	}
	if !ordered {
		sort.Strings(wantJSON)
		sort.Strings(got)
	}
	if d := cmp.Diff(wantJSON, got); d != "" {
		t.Errorf("%s: engine vs script (-engine +script):\n%s", name, d)
	}
}

// canon re-encodes JSON so equal values compare equal as text.
func canon(t *testing.T, s string) string {
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Errorf("not JSON: %q", s)
		return s
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// TestRegistrationsAgree registers the trigger and hook gears of allops in
// the engine and, as scripts, on the emulator, and compares RG.TRIGGER and
// hooked-command replies.
func TestRegistrationsAgree(t *testing.T) {
	scripts := genScripts(t, "./testdata/gears/allops")
	srv := redistest.Start(t)
	ctx := context.Background()
	c := redis.NewClient(&redis.Options{Addr: srv.Addr, Protocol: 2})
	defer c.Close()
	eng := engine.New(engine.NewRedisExecutor(c))
	if _, err := engine.Register(ctx, eng, allops.Echo); err != nil {
		t.Fatal(err)
	}
	if _, err := engine.Register(ctx, eng, allops.Guard); err != nil {
		t.Fatal(err)
	}
	e := emulator.RunT(t, emulator.Options{RedisURL: "redis://" + srv.Addr})
	ec := redis.NewClient(&redis.Options{Addr: e.Addr(), Protocol: 2})
	defer ec.Close()
	for _, g := range []string{"Echo", "Guard"} {
		if err := ec.Do(ctx, "RG.PYEXECUTE", scripts[g]).Err(); err != nil {
			t.Fatalf("register %s: %v", g, err)
		}
	}

	want, err := engine.Trigger(ctx, eng, allops.Echo, "a", "bé", "c")
	if err != nil {
		t.Fatal(err)
	}
	got, err := ec.Do(ctx, "RG.TRIGGER", "echo", "a", "bé", "c").Slice()
	if err != nil {
		t.Fatal(err)
	}
	var gotS []string
	for _, r := range got {
		var s string
		if err := json.Unmarshal([]byte(r.(string)), &s); err != nil {
			t.Fatalf("trigger result %q is not JSON: %v", r, err)
		}
		gotS = append(gotS, s)
	}
	if d := cmp.Diff(want, gotS); d != "" {
		t.Errorf("RG.TRIGGER echo (-engine +script):\n%s", d)
	}

	for _, args := range [][]string{{"SET", "guarded:a", "ok"}, {"SET", "guarded:b", "forbidden"}, {"SET", "free", "forbidden"}} {
		wantV, wantErr := eng.Call(ctx, args...)
		anyArgs := make([]any, len(args))
		for i, a := range args {
			anyArgs[i] = a
		}
		gotV, gotErr := ec.Do(ctx, anyArgs...).Result()
		if (wantErr == nil) != (gotErr == nil) || wantErr != nil && !strings.Contains(gotErr.Error(), "forbidden") {
			t.Errorf("%v: engine error %v, script error %v", args, wantErr, gotErr)
			continue
		}
		if wantErr == nil && !cmp.Equal(wantV, gotV) {
			t.Errorf("%v: engine reply %#v, script reply %#v", args, wantV, gotV)
		}
	}
}
