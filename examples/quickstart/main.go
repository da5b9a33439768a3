// Quickstart runs gears written in Go on an in-process emulator with an
// embedded store: no Redis or RedisGears needed, only python3.
//
//	export GOTOOLCHAIN=go1.27.3 && go run ./examples/quickstart
package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"

	"github.com/redis/go-redis/v9"

	"github.com/gogears/gogears/client"
	"github.com/gogears/gogears/emulator"
	"github.com/gogears/gogears/examples/quickstart/orders"
)

func main() {
	if err := run(context.Background(), os.Stdout); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, w io.Writer) error {
	em, err := emulator.Run(emulator.Options{})
	if err != nil {
		return err
	}
	defer em.Close()
	rdb := redis.NewClient(&redis.Options{Addr: em.Addr()})
	defer rdb.Close()
	c := client.New(rdb)
	fmt.Fprintln(w, "emulator ready")

	for i, status := range []string{"paid", "new", "paid", "shipped"} {
		if err := rdb.HSet(ctx, fmt.Sprintf("order:%d", i+1), "status", status).Err(); err != nil {
			return err
		}
	}

	// A batch job: the Go closure ran as Python on the server.
	counts, err := client.Run(ctx, c, orders.CountByStatus)
	if err != nil {
		return err
	}
	for _, g := range counts {
		fmt.Fprintf(w, "status %-8s %d\n", g.Key, g.Value)
	}

	// A sync registration, deployed idempotently: it runs before the
	// write that fires it returns.
	dep, err := client.Deploy(ctx, c, orders.Schedule)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "deployed Schedule, changed:", dep.Changed)
	if err := rdb.HSet(ctx, "order:5", "status", "new").Err(); err != nil {
		return err
	}
	status, err := rdb.HGet(ctx, "order:5", "status").Result()
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "order:5 is now", status)

	// A command trigger, called like a Go function.
	if _, err := client.Deploy(ctx, c, orders.Total); err != nil {
		return err
	}
	total, err := client.Trigger(c, orders.Total)
	if err != nil {
		return err
	}
	cents, err := total(ctx, "2", "150", "1", "499")
	if err != nil {
		return err
	}
	if len(cents) != 1 {
		return fmt.Errorf("total returned %d records, want 1", len(cents))
	}
	fmt.Fprintln(w, "total in cents:", cents[0])
	return nil
}
