// Package triggers holds gears that clients call like functions
// (CommandReader triggers) and gears that change Redis commands (hooks).
package triggers

//go:generate go tool gogears gen

import (
	"strconv"
	"strings"

	"github.com/gogears/gogears/dsl"
	"github.com/gogears/gogears/runtime"
	"github.com/gogears/gogears/runtime/cmd"
)

// Transfer moves an amount between two balance keys atomically:
// RG.TRIGGER transfer <from> <to> <amount>. It returns the new balances.
var Transfer = dsl.Command().
	Map(func(args []string) []int64 {
		if len(args) != 4 {
			runtime.FlatError("usage: transfer <from> <to> <amount>")
		}
		amount, err := strconv.ParseInt(args[3], 10, 64)
		if err != nil {
			runtime.FlatError("amount must be an integer")
		}
		var from, to int64
		runtime.Atomic(func() {
			from = cmd.DecrBy(args[1], amount)
			to = cmd.IncrBy(args[2], amount)
		})
		return []int64{from, to}
	}).
	Register(dsl.Trigger("transfer"))

// Tags splits its arguments into lower-case tags, one record each:
// RG.TRIGGER tags <text>...
var Tags = dsl.Command().
	FlatMap(func(args []string) []string {
		var tags []string
		for _, a := range args[1:] {
			tags = append(tags, strings.Fields(strings.ToLower(a))...)
		}
		return tags
	}).
	Register(dsl.Trigger("tags"))

// Shout hooks SET on keys under "loud:" to store the value upper-cased,
// then calls the real SET.
var Shout = dsl.Command().
	Map(func(args []string) any {
		rest := append([]string{}, args[1:]...)
		if len(rest) >= 2 {
			rest[1] = strings.ToUpper(rest[1])
		}
		return runtime.CallNext(rest...)
	}).
	Register(dsl.Hook("set"), dsl.KeyPrefix("loud:"), dsl.Mode(dsl.Sync))

// Counted replies to INCR on "hits:*" keys with a sentence instead of the
// number (commands= with override_reply).
var Counted = dsl.Keys("hits:*").
	ForEach(func(r dsl.KeyRecord[any]) {
		n, _ := cmd.Get(r.Key)
		runtime.OverrideReply("hits so far: " + n)
	}).
	Register(dsl.Commands("incr"))

// Protect refuses DEL and UNLINK of keys under "protected:" with an error
// reply; other deletions go through.
var Protect = dsl.Command().
	Map(func(args []string) any {
		for _, k := range args[1:] {
			if strings.HasPrefix(k, "protected:") {
				return "-ERR " + k + " is protected"
			}
		}
		return runtime.CallNext(args[1:]...)
	}).
	Register(dsl.Hook("del"), dsl.Mode(dsl.Sync))

// Length replies to APPEND on "log:*" keys with the new length doubled, an
// integer reply instead of the usual one.
var Length = dsl.StringKeys("log:*").
	ForEach(func(r dsl.KeyRecord[string]) { runtime.OverrideReply(int64(2 * len(r.Value))) }).
	Register(dsl.Commands("append"))

// Stamp records, for every key an MSET or SET writes under "cfg:", which
// command wrote it, in the hash "cfg:meta" (commands= on a multi-key
// command). It leaves r.Event out: see gearstest's known gaps.
var Stamp = dsl.Keys("cfg:*").
	Filter(func(r dsl.KeyRecord[any]) bool { return r.Key != "cfg:meta" }).
	ForEach(func(r dsl.KeyRecord[any]) {
		command := runtime.GetCommand()
		cmd.HSet("cfg:meta", r.Key, strings.ToLower(command[0]))
	}).
	Register(dsl.Commands("mset", "set"))

// Reads counts HGET calls on "prof:*" keys in "prof:reads" and returns the
// real reply (a hook that only observes).
var Reads = dsl.Command().
	Map(func(args []string) any {
		cmd.Incr("prof:reads")
		return runtime.CallNext(args[1:]...)
	}).
	Register(dsl.Hook("hget"), dsl.KeyPrefix("prof:"))

// Next hands out increasing ticket numbers per queue, one call at a time:
// RG.TRIGGER next <queue>.
var Next = dsl.Command().
	Map(func(args []string) int64 { return cmd.Incr("ticket:" + args[1]) }).
	Register(dsl.Trigger("next"), dsl.InOrder(), dsl.Mode(dsl.Async))

// Exclaim hooks SET on "loud:" keys too and adds "!" to the value; with
// Shout also registered, the newest hook runs first and call_next goes on
// to the other one, then to the real SET.
var Exclaim = dsl.Command().
	Map(func(args []string) any {
		rest := append([]string{}, args[1:]...)
		if len(rest) >= 2 {
			rest[1] += "!"
		}
		return runtime.CallNext(rest...)
	}).
	Register(dsl.Hook("set"), dsl.KeyPrefix("loud:"), dsl.Mode(dsl.Sync))
