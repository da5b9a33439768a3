package client_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/gogears/gogears/client"
	"github.com/gogears/gogears/client/internal/testgears"
	"github.com/gogears/gogears/emulator"
	"github.com/redis/go-redis/v9"
)

// Most examples need a RedisGears 1.2 server (or the GoGears emulator) on
// localhost:6379, so they are compiled but not run by go test; ExampleRun
// starts its own emulator and runs.

func Example() {
	ctx := context.Background()
	rdb := redis.NewClient(&redis.Options{Addr: "localhost:6379"})
	defer rdb.Close()
	c := client.New(rdb)

	res, err := c.RunScript(ctx, client.Script{Source: "GB().map(lambda r: r['key']).run('user:*')"})
	if errors.Is(err, client.ErrRecords) {
		log.Printf("some records failed: %v", err) // res still holds the others
	} else if err != nil {
		log.Fatal(err)
	}
	keys, _ := res.Strings()
	fmt.Println(keys)
}

func ExampleClient_PyExecute() {
	ctx := context.Background()
	c := client.New(redis.NewClient(&redis.Options{Addr: "localhost:6379"}))

	reply, err := c.PyExecute(ctx, "GB('ShardsIDReader').run()", &client.PyExecuteOptions{Unblocking: true})
	if err != nil {
		log.Fatal(err)
	}
	res, err := c.Execution(reply.ID).Wait(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.Values)
}

func ExampleClient_GetResults() {
	ctx := context.Background()
	c := client.New(redis.NewClient(&redis.Options{Addr: "localhost:6379"}))

	_, err := c.GetResults(ctx, "0000000000000000000000000000000000000000-42")
	switch {
	case errors.Is(err, client.ErrExecutionNotFound):
		fmt.Println("no such execution")
	case errors.Is(err, client.ErrExecutionRunning):
		fmt.Println("still running")
	case err != nil:
		log.Fatal(err)
	}
}

func ExampleClient_DeployScript() {
	ctx := context.Background()
	c := client.New(redis.NewClient(&redis.Options{Addr: "localhost:6379"}))

	s := client.Script{
		ID:     "audit",
		Source: "GB('CommandReader').map(lambda a: len(a)).register(trigger='Audit')",
	}
	dep, err := c.DeployScript(ctx, s) // ID audit UPGRADE, content hash in DESCRIPTION
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(dep.Changed) // false when the same script is already deployed
}

func ExampleClient_Trigger() {
	ctx := context.Background()
	c := client.New(redis.NewClient(&redis.Options{Addr: "localhost:6379"}))

	vals, err := c.Trigger(ctx, "Audit", "a", "b")
	var ge *client.GearError
	if errors.As(err, &ge) {
		fmt.Println(ge.Type, ge.Message, ge.Origin()) // the Python exception and its Go origin
		return
	}
	if errors.Is(err, client.ErrTriggerNotFound) {
		fmt.Println("deploy the Audit gear first")
		return
	}
	fmt.Println(vals)
}

func ExampleClient_PyStats() {
	ctx := context.Background()
	c := client.New(redis.NewClusterClient(&redis.ClusterOptions{Addrs: []string{"localhost:30001"}}))

	stats, err := c.PyStats(ctx) // one entry per master
	if err != nil {
		log.Fatal(err)
	}
	for addr, s := range stats {
		fmt.Println(addr, s.CurrAllocated)
	}
}

// Run a DSL job and call a DSL trigger. Here the server is the GoGears
// emulator (embedded store); against RedisGears 1.2 only the address
// changes. The gears live in internal/testgears; `go generate` wrote their
// scripts.
func ExampleRun() {
	emu, err := emulator.Run(emulator.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer emu.Close()
	ctx := context.Background()
	rdb := redis.NewClient(&redis.Options{Addr: emu.Addr()})
	defer rdb.Close()
	c := client.New(rdb)
	rdb.Set(ctx, "user:1", "a", 0)
	rdb.Set(ctx, "user:22", "b", 0)

	rows, err := client.Run(ctx, c, testgears.Lengths, testgears.MinLen.Bind(7))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(rows)

	if _, err := client.Deploy(ctx, c, testgears.Negate); err != nil {
		log.Fatal(err)
	}
	negate, err := client.Trigger(c, testgears.Negate)
	if err != nil {
		log.Fatal(err)
	}
	n, err := negate(ctx, "x", "y", "z")
	fmt.Println(n, err)

	_, err = negate(ctx, "boom")
	var ge *client.GearError
	if errors.As(err, &ge) {
		fmt.Println(ge.Origin())
	}
	// Output:
	// [{user:22 7}]
	// [-3] <nil>
	// github.com/gogears/gogears/client/internal/testgears.Negate step 1 (gears.go)
}
