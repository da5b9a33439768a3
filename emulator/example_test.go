package emulator_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

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

// Example_stateFile keeps a registration across a restart of the emulator
// with Options.StateFile.
func Example_stateFile() {
	dir, err := os.MkdirTemp("", "gogears-example-")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	opts := emulator.Options{StateFile: filepath.Join(dir, "state.json")}
	ctx := context.Background()

	e, err := emulator.Run(opts)
	if err != nil {
		fmt.Println(err)
		return
	}
	c := redis.NewClient(&redis.Options{Addr: e.Addr()})
	c.Do(ctx, "RG.PYEXECUTE", "GB('CommandReader').map(lambda a: a[1].upper()).register(trigger='shout')", "ID", "shouter")
	c.Close()
	e.Close()

	e, err = emulator.Run(opts) // runs the shouter session again
	if err != nil {
		fmt.Println(err)
		return
	}
	defer e.Close()
	c = redis.NewClient(&redis.Options{Addr: e.Addr()})
	defer c.Close()
	res, _ := c.Do(ctx, "RG.TRIGGER", "shout", "again").Result()
	fmt.Println(res)
	// Output:
	// [AGAIN]
}
