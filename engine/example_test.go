package engine_test

import (
	"context"
	"fmt"
	"log"
	"slices"
	"strings"

	"github.com/redis/go-redis/v9"

	"github.com/gogears/gogears/dsl"
	"github.com/gogears/gogears/engine"
	"github.com/gogears/gogears/internal/redistest"
	"github.com/gogears/gogears/runtime/cmd"
)

// CountByStatus counts order hashes by status.
var CountByStatus = dsl.HashKeys("order:*").
	CountBy(func(r dsl.KeyRecord[map[string]string]) string { return r.Value["status"] }).
	Run()

// Run a job in process against a real Redis.
func ExampleRun() {
	srv, err := redistest.StartServer()
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Stop()
	c := redis.NewClient(&redis.Options{Addr: srv.Addr, Protocol: 2})
	defer c.Close()
	ctx := context.Background()
	c.HSet(ctx, "order:1", "status", "new")
	c.HSet(ctx, "order:2", "status", "paid")
	c.HSet(ctx, "order:3", "status", "new")
	c.Set(ctx, "order:count", "3", 0) // not a hash: HashKeys skips it

	res, err := engine.Run(ctx, engine.NewRedisExecutor(c), CountByStatus)
	if err != nil {
		log.Fatal(err)
	}
	slices.SortFunc(res.Records, func(a, b dsl.Group[string, int]) int { return strings.Compare(a.Key, b.Key) })
	fmt.Println(res.Records, res.Errors)
	// Output: [{new 2} {paid 1}] []
}

// Drive a registration by feeding it events, as a unit test does.
func ExampleEngine_Notify() {
	srv, err := redistest.StartServer()
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Stop()
	c := redis.NewClient(&redis.Options{Addr: srv.Addr, Protocol: 2})
	defer c.Close()
	ctx := context.Background()

	audit := dsl.Keys("user:*").
		ForEach(func(r dsl.KeyRecord[any]) { cmd.RPush("audit", r.Event+" "+r.Key) }).
		Register(dsl.OnEvents("set", "del"))
	e := engine.New(engine.NewRedisExecutor(c))
	if _, err := engine.Register(ctx, e, audit); err != nil {
		log.Fatal(err)
	}
	c.Set(ctx, "user:1", "ann", 0)
	e.Notify(ctx, "set", "user:1")
	e.Notify(ctx, "expire", "user:1") // not in OnEvents
	fmt.Println(c.LRange(ctx, "audit", 0, -1).Val())
	// Output: [set user:1]
}

// Run a trigger registration like RG.TRIGGER.
func ExampleTrigger() {
	srv, err := redistest.StartServer()
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Stop()
	c := redis.NewClient(&redis.Options{Addr: srv.Addr, Protocol: 2})
	defer c.Close()
	ctx := context.Background()

	hello := dsl.Command().
		Map(func(args []string) string { return "hello " + strings.Join(args[1:], " ") }).
		Register(dsl.Trigger("hello"))
	e := engine.New(engine.NewRedisExecutor(c))
	if _, err := engine.Register(ctx, e, hello); err != nil {
		log.Fatal(err)
	}
	out, err := engine.Trigger(ctx, e, hello, "gears")
	fmt.Println(out, err)
	// Output: [hello gears] <nil>
}

// markPending is a step function, tested here without building a gear.
func markPending(r dsl.KeyRecord[map[string]string]) {
	if r.Value["status"] == "new" {
		cmd.HSet(r.Key, "status", "pending")
	}
}

// Unit-test one step: Exec runs it as a step, so its cmd calls reach Redis.
func ExampleEngine_Exec() {
	srv, err := redistest.StartServer()
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Stop()
	c := redis.NewClient(&redis.Options{Addr: srv.Addr, Protocol: 2})
	defer c.Close()
	ctx := context.Background()

	e := engine.New(engine.NewRedisExecutor(c))
	rec := dsl.KeyRecord[map[string]string]{Key: "order:9", Value: map[string]string{"status": "new"}, Type: "hash"}
	if err := e.Exec(ctx, func() { markPending(rec) }); err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.HGet(ctx, "order:9", "status").Val())
	// Output: pending
}
