// Package orders holds the quickstart's gears: a batch job that counts
// orders by status, a registration that reacts to new orders, and a
// command trigger that totals an order's lines.
package orders

//go:generate go tool gogears gen

import (
	"strconv"

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
	Register(dsl.OnEvents("hset"), dsl.Mode(dsl.Sync))

// Total sums the quantity times price of the order lines given as
// arguments: RG.TRIGGER total <qty> <price> [<qty> <price>...].
var Total = dsl.Command().
	Map(func(args []string) int {
		cents := 0
		for i := 1; i+1 < len(args); i += 2 {
			cents += lineCents(args[i], args[i+1])
		}
		return cents
	}).
	Register(dsl.Trigger("total"))

// lineCents is quantity times price in cents; a malformed number counts as 0.
func lineCents(qty, price string) int {
	q, err := strconv.Atoi(qty)
	if err != nil {
		return 0
	}
	p, err := strconv.Atoi(price)
	if err != nil {
		return 0
	}
	return q * p
}
