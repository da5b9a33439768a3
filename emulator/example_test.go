package emulator_test

import (
	"context"
	"fmt"

	"github.com/gogears/gogears/emulator"
	"github.com/redis/go-redis/v9"
)

// Example starts an emulator on a free port with the embedded store, runs a
// gear and triggers a registration.
func Example() {
	e, err := emulator.Run(emulator.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer e.Close()
	ctx := context.Background()
	c := redis.NewClient(&redis.Options{Addr: e.Addr()})
	defer c.Close()

	c.Set(ctx, "fruit:1", "apple", 0)
	c.Set(ctx, "fruit:2", "pear", 0)
	res, _ := c.Do(ctx, "RG.PYEXECUTE", "GB().map(lambda r: r['value']).sort().run('fruit:*')").Result()
	fmt.Println(res)

	c.Do(ctx, "RG.PYEXECUTE", "GB('CommandReader').map(lambda a: a[1].upper()).register(trigger='shout')")
	res, _ = c.Do(ctx, "RG.TRIGGER", "shout", "hello").Result()
	fmt.Println(res)
	// Output:
	// [[apple pear] []]
	// [HELLO]
}
