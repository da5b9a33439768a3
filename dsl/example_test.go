package dsl_test

import (
	"fmt"

	"github.com/gogears/gogears/dsl"
	"github.com/gogears/gogears/runtime"
	"github.com/gogears/gogears/runtime/cmd"
)

// CountByStatus counts order hashes by status.
var CountByStatus = dsl.HashKeys("order:*").
	CountBy(func(r dsl.KeyRecord[map[string]string]) string { return r.Value["status"] }).
	Run()

// Schedule marks new orders pending and queues them for processing.
var Schedule = dsl.HashKeys("order:*").
	ForEach(func(r dsl.KeyRecord[map[string]string]) {
		if r.Value["status"] == "new" {
			cmd.HSet(r.Key, "status", "pending")
			cmd.XAdd("to_be_processed", "*", "record", r.Key)
			runtime.Log("scheduled " + r.Key)
		}
	}).
	Register(dsl.OnEvents("hset"), dsl.Mode(dsl.AsyncLocal))

// The order example: a batch job counting orders by status and a
// registration reacting to order changes. Both are valid; the engine
// package runs them in process, the client on a server.
func Example() {
	fmt.Println(CountByStatus.Err(), Schedule.Err())
	fmt.Printf("%T\n", CountByStatus)
	fmt.Println(Schedule.Config().KeyTypes, Schedule.Config().Prefix, Schedule.Config().Mode)
	// Output:
	// <nil> <nil>
	// dsl.Job[github.com/gogears/gogears/dsl.Group[string,int]]
	// [hash] order:* async_local
}

// An invalid combination is reported by Err with the fix.
func Example_invalid() {
	job := dsl.KeysOnly("user:*").Register()
	fmt.Println(job.Err())
	// Output:
	// dsl: invalid gear: Register on a KeysOnlyReader gear: RedisGears can only run it; use Run, or to react to key events use dsl.Keys(pattern) with dsl.ReadValue(false)
}

// Limit is a gear parameter bound when the gear is submitted.
var Limit = dsl.Param("limit", 3)

// ShortKeys lists the key names of at most Limit bytes.
var ShortKeys = dsl.KeysOnly("*").
	Filter(func(k string) bool { return len(k) <= Limit.Get() }).
	Run()

// Parameters are typed and named; Bind gives the value to submit.
func ExampleParam() {
	fmt.Println(Limit.Name(), Limit.Get())
	b, _ := dsl.EncodeParams(Limit.Bind(10))
	fmt.Println(string(b))
	// Output:
	// limit 3
	// {"limit":10}
}
