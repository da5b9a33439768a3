// Package allops is a golden and end-to-end test case: every reader,
// operation and option of the dsl. Run gears are also executed by the
// in-process engine and, transpiled, by the emulator on the same data.
package allops

import (
	"iter"
	"strconv"
	"strings"
	"time"

	"github.com/gogears/gogears/dsl"
	"github.com/gogears/gogears/runtime"
	"github.com/gogears/gogears/runtime/cmd"
)

type item struct {
	Name  string `json:"name"`
	Price int    `json:"price"`
}

func toItem(r dsl.KeyRecord[map[string]string]) item {
	p, _ := strconv.Atoi(r.Value["price"])
	return item{Name: r.Value["name"], Price: p}
}

// Words splits string values into words (FlatMap) and sorts them.
var Words = dsl.StringKeys("text:*").
	FlatMap(func(r dsl.KeyRecord[string]) []string { return strings.Fields(r.Value) }).
	Sort().
	Run()

// WordsDesc sorts distinct words in descending order.
var WordsDesc = dsl.StringKeys("text:*").
	FlatMap(func(r dsl.KeyRecord[string]) []string { return strings.Fields(strings.ToLower(r.Value)) }).
	Distinct().
	Sort(dsl.Descending).
	Run()

// Sum adds all prices (Accumulate).
var Sum = dsl.HashKeys("item:*").
	Map(toItem).
	Accumulate(func(acc int, it item) int { return acc + it.Price }).
	Run()

// ByFirst groups item names by first letter (LocalGroupBy).
var ByFirst = dsl.HashKeys("item:*").
	Map(toItem).
	LocalGroupBy(func(it item) string { return it.Name[:1] }, func(k string, acc []string, it item) []string {
		return append(acc, it.Name)
	}).
	Map(func(g dsl.Group[string, []string]) string {
		names := append([]string(nil), g.Value...)
		sortStrings(names)
		return g.Key + "=" + strings.Join(names, ",")
	}).
	Run()

func sortStrings(xs []string) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && xs[j] < xs[j-1]; j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}

// MaxByFirst keeps the most expensive item per first letter (BatchGroupBy).
var MaxByFirst = dsl.HashKeys("item:*").
	Map(toItem).
	BatchGroupBy(func(it item) string { return strings.ToUpper(it.Name[:1]) }, func(k string, its []item) int {
		m := 0
		for _, it := range its {
			m = max(m, it.Price)
		}
		return m
	}).
	Run()

// Stats aggregates count and total (Aggregate with a struct zero).
var Stats = dsl.HashKeys("item:*").
	Map(toItem).
	Aggregate(stats{}, func(a stats, it item) stats { a.N++; a.Total += it.Price; return a },
		func(a, b stats) stats { return stats{a.N + b.N, a.Total + b.Total} }).
	Run()

type stats struct {
	N     int `json:"n"`
	Total int `json:"total"`
}

// TotalByFirst sums prices per first letter (AggregateBy).
var TotalByFirst = dsl.HashKeys("item:*").
	Map(toItem).
	AggregateBy(func(it item) string { return it.Name[:1] }, 0,
		func(k string, a int, it item) int { return a + it.Price },
		func(k string, a, b int) int { return a + b }).
	Run()

// Expensive counts items over 10 (Filter, Count).
var Expensive = dsl.HashKeys("item:*").
	Map(toItem).
	Filter(func(it item) bool { return it.Price > 10 }).
	Count().
	Run()

// AvgPrice averages prices (Avg).
var AvgPrice = dsl.HashKeys("item:*").
	Avg(func(r dsl.KeyRecord[map[string]string]) float64 {
		f, _ := strconv.ParseFloat(r.Value["price"], 64)
		return f
	}).
	Run()

// FirstTwo takes two sorted names (Limit after Sort, Collect, Repartition).
var FirstTwo = dsl.HashKeys("item:*").
	Map(func(r dsl.KeyRecord[map[string]string]) string { return r.Value["name"] }).
	Repartition(func(s string) string { return s }).
	Collect().
	Sort().
	Limit(2, 1).
	Run(dsl.Mode(dsl.AsyncLocal))

// ListLens reads lists (ListKeys) and KeyRecord fields.
var ListLens = dsl.ListKeys("list:*").
	Map(func(r dsl.KeyRecord[[]string]) string { return r.Key + ":" + r.Type + ":" + strconv.Itoa(len(r.Value)) }).
	Run()

// AnyTypes reads every key type (Keys) with ScanCount-free options.
var AnyTypes = dsl.Keys("*").
	Map(func(r dsl.KeyRecord[any]) string {
		switch v := r.Value.(type) {
		case string:
			return "string " + r.Key + " " + strconv.Itoa(len(v))
		case nil:
			return "none " + r.Key + " " + r.Type
		}
		return "other " + r.Key + " " + r.Type
	}).
	Run(dsl.Pattern("*"))

// OneKey reads a single key without scanning (NoScan).
var OneKey = dsl.KeysOnly("item:1").
	Map(func(k string) string { return strings.ToUpper(k) }).
	Run(dsl.NoScan())

// Names lists keys (KeysOnly with ScanCount).
var Names = dsl.KeysOnly("item:*").
	Map(func(k string) int { n, _ := strconv.Atoi(strings.TrimPrefix(k, "item:")); return -n }).
	Run(dsl.ScanCount(50))

// Events reads a stream from an ID (Stream, FromID).
var Events = dsl.Stream("events").
	Map(func(r dsl.StreamRecord) string { return r.Value["kind"] + "@" + r.Key }).
	Run(dsl.FromID("0-0"))

// Squares generates records (FromSeq).
var Squares = dsl.FromSeq(iter.Seq[int](func(yield func(int) bool) {
	for i := range 5 {
		if !yield(i * i) {
			return
		}
	}
})).
	Map(func(n int) int { return n + 1 }).
	Run()

// Shards lists shard ids (ShardIDs).
var Shards = dsl.ShardIDs().
	Map(func(id string) int { return len(id) }).
	Run()

// Audit logs deletions; registration options of the keys reader.
var Audit = dsl.Keys("item:*").
	ForEach(func(r dsl.KeyRecord[any]) { runtime.LogAt(runtime.Warning, "deleted "+r.Key) }).
	Register(dsl.OnEvents("del", "expired"), dsl.OnKeyTypes(dsl.TypeHash), dsl.ReadValue(false),
		dsl.Mode(dsl.Sync), dsl.NoCollect(), dsl.Commands("DEL"),
		dsl.OnRegistered(func() { runtime.Log("audit registered") }))

// Consume processes stream batches; every stream registration option.
var Consume = dsl.Stream("jobs").
	ForEach(func(r dsl.StreamRecord) { cmd.Incr("jobs:done") }).
	Register(dsl.Prefix("jobs*"), dsl.Batch(10), dsl.Duration(1500*time.Millisecond),
		dsl.OnFailed(dsl.Retry), dsl.RetryInterval(5*time.Second), dsl.TrimStream(false), dsl.Mode(dsl.AsyncLocal))

// Echo answers RG.TRIGGER echo (Command, Trigger, InOrder).
var Echo = dsl.Command().
	Map(func(args []string) string { return strings.Join(args[1:], " ") }).
	Register(dsl.Trigger("echo"), dsl.InOrder())

// Guard hooks SET on guarded keys (Hook, KeyPrefix, CallNext, OverrideReply).
var Guard = dsl.Command().
	Map(func(args []string) any {
		if len(args) > 2 && args[2] == "forbidden" {
			return "-ERR forbidden value"
		}
		return runtime.CallNext(args[1:]...)
	}).
	Register(dsl.Hook("SET"), dsl.KeyPrefix("guarded:"))
