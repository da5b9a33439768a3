package cmd_test

import (
	"context"
	"fmt"
	"log"

	"github.com/redis/go-redis/v9"

	"github.com/gogears/gogears/engine"
	"github.com/gogears/gogears/internal/redistest"
	"github.com/gogears/gogears/runtime/cmd"
)

// Typed commands run inside gear steps; engine.Exec runs a function as a
// step, which is how a unit test calls one directly.
func Example() {
	srv, err := redistest.StartServer()
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Stop()
	c := redis.NewClient(&redis.Options{Addr: srv.Addr, Protocol: 2})
	defer c.Close()
	e := engine.New(engine.NewRedisExecutor(c))

	err = e.Exec(context.Background(), func() {
		cmd.HSet("order:1", "status", "new", "total", "10")
		status, ok := cmd.HGet("order:1", "status")
		_, found := cmd.HGet("order:1", "missing")
		fmt.Println(status, ok, found, cmd.HIncrBy("order:1", "total", 5))
	})
	fmt.Println(err)
	// Output:
	// new true false 15
	// <nil>
}
