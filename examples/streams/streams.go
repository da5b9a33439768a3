// Package streams processes sensor readings added to streams
// "reading:<sensor>": a registration keeps per-sensor aggregates up to date
// (the RedisGears stream processing pattern) and a job summarises a stream.
//
// Reliable processing: a keys registration turns every new order hash into
// a stream entry, and a stream registration with OnFailed(Continue) and
// TrimStream(false) processes each entry once, keeping the stream as a log.
package streams

//go:generate go tool gogears gen

import (
	"strconv"

	"github.com/gogears/gogears/dsl"
	"github.com/gogears/gogears/runtime/cmd"
)

// value parses a reading; a malformed one counts as 0.
func value(r dsl.StreamRecord) float64 {
	v, err := strconv.ParseFloat(r.Value["value"], 64)
	if err != nil {
		return 0
	}
	return v
}

// Aggregate adds each reading to the hash "agg:<stream>": count, sum,
// and the last value, in batches of two entries.
var Aggregate = dsl.Stream("reading:*").
	ForEach(func(r dsl.StreamRecord) {
		agg := "agg:" + r.Key
		cmd.HIncrBy(agg, "count", 1)
		cmd.HIncrByFloat(agg, "sum", value(r))
		cmd.HSet(agg, "last", r.Value["value"])
	}).
	Register(dsl.Batch(2), dsl.TrimStream(false))

// Mean is the average reading of one stream.
var Mean = dsl.Stream("reading:t1").Avg(value).Run()

// Enqueue writes every new order into the "orders" stream.
var Enqueue = dsl.HashKeys("order:*").
	ForEach(func(r dsl.KeyRecord[map[string]string]) {
		cmd.XAdd("orders", "*", "key", r.Key, "total", r.Value["total"])
	}).
	Register(dsl.OnEvents("hset"))

// Process books each queued order into "booked", once per entry.
var Process = dsl.Stream("orders").
	ForEach(func(r dsl.StreamRecord) {
		cmd.RPush("booked", r.Value["key"]+"="+r.Value["total"])
	}).
	Register(dsl.OnFailed(dsl.Continue), dsl.TrimStream(false))

// Drain counts job entries per kind in the hash "jobs:done" and trims the
// processed entries from the stream (the default), three at a time.
var Drain = dsl.Stream("jobs:*").
	ForEach(func(r dsl.StreamRecord) { cmd.HIncrBy("jobs:done", r.Value["kind"], 1) }).
	Register(dsl.Batch(3))
