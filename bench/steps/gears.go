// Package steps holds the gears of the step-speed benchmark: typical
// pipelines whose generated Python is timed against hand-written
// RedisGears Python doing the same work (testdata/*.py).
package steps

//go:generate go tool gogears gen

import (
	"strconv"
	"strings"

	"github.com/gogears/gogears/dsl"
)

// CountByStatus counts order hashes by status.
var CountByStatus = dsl.HashKeys("order:*").
	CountBy(func(r dsl.KeyRecord[map[string]string]) string { return r.Value["status"] }).
	Run()

// WordCount counts the words of string keys.
var WordCount = dsl.StringKeys("doc:*").
	FlatMap(func(r dsl.KeyRecord[string]) []string { return strings.Fields(r.Value) }).
	CountBy(func(w string) string { return w }).
	Run()

// Revenue sums quantity times price over order hashes.
var Revenue = dsl.HashKeys("order:*").
	Map(func(r dsl.KeyRecord[map[string]string]) int {
		q, _ := strconv.Atoi(r.Value["qty"])
		p, _ := strconv.Atoi(r.Value["price"])
		return q * p
	}).
	Aggregate(0, func(acc, x int) int { return acc + x }, func(a, b int) int { return a + b }).
	Run()

// ShoutUsers upper-cases the user keys that start with "user:1".
var ShoutUsers = dsl.KeysOnly("user:*").
	Filter(func(k string) bool { return strings.HasPrefix(k, "user:1") }).
	Map(func(k string) string { return strings.ToUpper(k) }).
	Run()
