// Package keyspace processes keyspace notifications: an audit trail of what
// happens to watched keys, and a per-event counter.
package keyspace

//go:generate go tool gogears gen

import (
	"fmt"

	"github.com/gogears/gogears/dsl"
	"github.com/gogears/gogears/runtime/cmd"
)

// Audit appends "<event> <key>" to the audit list for every change to a
// watched key, deletions included (the untyped reader sees them). It is
// Sync so that the trail keeps the event order: async executions of one
// registration may finish in any order.
var Audit = dsl.Keys("watched:*").
	ForEach(func(r dsl.KeyRecord[any]) { cmd.RPush("audit", r.Event+" "+r.Key) }).
	Register(dsl.ReadValue(false), dsl.Mode(dsl.Sync))

// EventCounts counts events per name in the hash "events", for hash
// writes only.
var EventCounts = dsl.HashKeys("watched:*").
	ForEach(func(r dsl.KeyRecord[map[string]string]) { cmd.HIncrBy("events", r.Event, 1) }).
	Register(dsl.OnEvents("hset", "hdel", "hincrby"))

// Sizes mirrors the field count of each watched hash into "sizes" after
// every write, in the writer's call (Sync).
var Sizes = dsl.HashKeys("watched:*").
	ForEach(func(r dsl.KeyRecord[map[string]string]) {
		cmd.HSet("sizes", r.Key, itoa(len(r.Value)))
	}).
	Register(dsl.Mode(dsl.Sync))

// itoa formats a small non-negative int.
func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for n > 0 {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	return s
}

// Kinds records "<event> <type> <value>" in the list "kinds" for every
// event on a watched key, with the value as RedisGears reads it, in event
// order (Sync).
var Kinds = dsl.Keys("watched:*").
	ForEach(func(r dsl.KeyRecord[any]) {
		cmd.RPush("kinds", r.Event+" "+r.Type+" "+describe(r.Value))
	}).
	Register(dsl.Mode(dsl.Sync), dsl.OnRegistered(func() { cmd.Set("kinds:ready", "yes") }))

// describe prints a key value of any type the reader produces: Sprint
// sorts hash fields, and RedisGears gives nothing for sets, sorted sets
// and streams.
func describe(v any) string {
	switch v := v.(type) {
	case nil:
		return "nil"
	case string:
		return "string:" + v
	default:
		return fmt.Sprint(v)
	}
}

// Forward copies every string written under "in:" to "out:" (Sync), and
// Count counts the writes under "out:", so one client write runs two
// registrations in a chain.
var Forward = dsl.StringKeys("in:*").
	ForEach(func(r dsl.KeyRecord[string]) { cmd.Set("out:"+r.Key[len("in:"):], r.Value) }).
	Register(dsl.OnEvents("set"), dsl.Mode(dsl.Sync))

// Count counts the writes under "out:" in "out:count".
var Count = dsl.Keys("out:*").
	Filter(func(r dsl.KeyRecord[any]) bool { return r.Key != "out:count" }).
	ForEach(func(r dsl.KeyRecord[any]) { cmd.Incr("out:count") }).
	Register()
