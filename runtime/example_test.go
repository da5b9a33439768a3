package runtime_test

import (
	"context"
	"fmt"
	"log"

	"github.com/redis/go-redis/v9"

	"github.com/gogears/gogears/engine"
	"github.com/gogears/gogears/internal/redistest"
	"github.com/gogears/gogears/runtime"
)

// Inside a step, Execute sends any Redis command and Log writes to the
// Redis log; a Redis error reply fails the record with a *runtime.Error.
// engine.Exec runs a function as a step, with its own logger here.
func Example() {
	srv, err := redistest.StartServer()
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Stop()
	c := redis.NewClient(&redis.Options{Addr: srv.Addr, Protocol: 2})
	defer c.Close()
	e := engine.New(engine.NewRedisExecutor(c), engine.WithLog(func(level runtime.Level, msg string) {
		fmt.Println(level, msg)
	}))

	err = e.Exec(context.Background(), func() {
		runtime.Execute("RPUSH", "queue", "a", "b")
		n := runtime.Execute("LLEN", "queue").(int64)
		runtime.Log(fmt.Sprintf("queue has %d entries", n))
		runtime.Execute("HGET", "queue", "x") // WRONGTYPE: the step fails here
		runtime.Log("not reached")
	})
	fmt.Println(err)
	// Output:
	// notice queue has 2 entries
	// WRONGTYPE Operation against a key holding the wrong kind of value
}
