// Package readers reads a small catalogue through every RedisGears reader:
// keys of each type, key names only, a stream, a generator and the shard
// IDs. (CommandReader gears are in package triggers.)
package readers

//go:generate go tool gogears gen

import (
	"iter"
	"strings"

	"github.com/gogears/gogears/dsl"
	"github.com/gogears/gogears/runtime/cmd"
)

// Entry is a key as the untyped reader reports it.
type Entry struct {
	Key  string `json:"key"`
	Type string `json:"type"`
}

// AllKeys reports every catalogue key with its type (KeysReader).
var AllKeys = dsl.Keys("cat:*").
	Map(func(r dsl.KeyRecord[any]) Entry { return Entry{Key: r.Key, Type: r.Type} }).
	Run()

// Names is the key names without values (KeysReader, readValue=False).
var Names = dsl.Keys("cat:*").
	Map(func(r dsl.KeyRecord[any]) string { return r.Key }).
	Run(dsl.ReadValue(false))

// Products is the product hashes (hashes only).
var Products = dsl.HashKeys("cat:product:*").Run()

// Titles upper-cases string values (strings only).
var Titles = dsl.StringKeys("cat:*").
	Map(func(r dsl.KeyRecord[string]) string { return strings.ToUpper(r.Value) }).
	Run()

// Queues reports each list's length and head (lists only).
var Queues = dsl.ListKeys("cat:*").
	Map(func(r dsl.KeyRecord[[]string]) []string {
		if len(r.Value) == 0 {
			return []string{r.Key}
		}
		return []string{r.Key, r.Value[0]}
	}).
	Run()

// TagCounts is the member count of each set (sets only, members fetched).
var TagCounts = dsl.SetKeys("cat:*").
	Map(func(r dsl.KeyRecord[dsl.NoValue]) dsl.Group[string, int] {
		return dsl.Group[string, int]{Key: r.Key, Value: len(cmd.SMembers(r.Key))}
	}).
	Run()

// Rankings is the member count of each sorted set (sorted sets only).
var Rankings = dsl.ZSetKeys("cat:*").
	Map(func(r dsl.KeyRecord[dsl.NoValue]) dsl.Group[string, int64] {
		return dsl.Group[string, int64]{Key: r.Key, Value: cmd.ZCard(r.Key)}
	}).
	Run()

// KeyNames is every key name under cat:, through the KeysOnlyReader.
var KeyNames = dsl.KeysOnly("cat:*").Run()

// Events is the stream entries of cat:log after the first one (StreamReader).
var Events = dsl.Stream("cat:log").
	Map(func(r dsl.StreamRecord) string { return r.Value["what"] }).
	Run(dsl.FromID("1-1"))

// Squares yields the squares of -3..3 (PythonReader).
var Squares = dsl.FromSeq(squares).Run()

func squares(yield func(int) bool) {
	for i := -3; i <= 3; i++ {
		if !yield(i * i) {
			return
		}
	}
}

var _ iter.Seq[int] = squares

// Shards is one record per shard (ShardsIDReader).
var Shards = dsl.ShardIDs().Count().Run()
