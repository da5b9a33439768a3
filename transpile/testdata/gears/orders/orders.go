// Package orders is a golden test case: typical gears over order hashes.
package orders

import (
	"strconv"
	"strings"

	"github.com/gogears/gogears/dsl"
	"github.com/gogears/gogears/runtime"
	"github.com/gogears/gogears/runtime/cmd"
)

// MinTotal is the smallest order total the report counts.
var MinTotal = dsl.Param("min_total", 10)

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

// Totals sums order totals above a threshold per customer.
var Totals = dsl.HashKeys("order:*").
	Filter(bigEnough).
	Map(func(r dsl.KeyRecord[map[string]string]) line {
		n, _ := strconv.Atoi(r.Value["total"])
		return line{Customer: strings.ToLower(r.Value["customer"]), Total: n}
	}).
	GroupBy(func(l line) string { return l.Customer }, func(k string, acc int, l line) int { return acc + l.Total }).
	Requires("six==1.16.0").
	Run(dsl.Mode(dsl.AsyncLocal))

type line struct {
	Customer string `json:"customer"`
	Total    int    `json:"total"`
}

func bigEnough(r dsl.KeyRecord[map[string]string]) bool {
	n, err := strconv.Atoi(r.Value["total"])
	return err == nil && n >= MinTotal.Get()
}
