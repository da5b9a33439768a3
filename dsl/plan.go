package dsl

import (
	"slices"
	"strings"
)

// Reader identifies a RedisGears reader.
type Reader int

// The RedisGears 1.2 readers. The String form is the name GearsBuilder takes.
const (
	KeysReader Reader = iota + 1
	KeysOnlyReader
	StreamReader
	PythonReader
	ShardsIDReader
	CommandReader
)

var readerNames = [...]string{
	KeysReader:     "KeysReader",
	KeysOnlyReader: "KeysOnlyReader",
	StreamReader:   "StreamReader",
	PythonReader:   "PythonReader",
	ShardsIDReader: "ShardsIDReader",
	CommandReader:  "CommandReader",
}

// String returns the RedisGears reader name, such as "KeysReader".
func (r Reader) String() string {
	if r > 0 && int(r) < len(readerNames) {
		return readerNames[r]
	}
	return "Reader(?)"
}

// canRun reports whether RedisGears accepts run() on the reader.
func (r Reader) canRun() bool { return r != CommandReader }

// canRegister reports whether RedisGears accepts register() on the reader.
func (r Reader) canRegister() bool {
	return r == KeysReader || r == StreamReader || r == CommandReader
}

// Op identifies a RedisGears operation (a step of a gear).
type Op int

// The RedisGears 1.2 operations, one per Gear method. The String form is the
// GearsBuilder method name.
const (
	OpMap Op = iota + 1
	OpFlatMap
	OpForEach
	OpFilter
	OpAccumulate
	OpLocalGroupBy
	OpLimit
	OpCollect
	OpRepartition
	OpAggregate
	OpAggregateBy
	OpGroupBy
	OpBatchGroupBy
	OpSort
	OpDistinct
	OpCount
	OpCountBy
	OpAvg
)

var opNames = [...]string{
	OpMap: "map", OpFlatMap: "flatmap", OpForEach: "foreach", OpFilter: "filter",
	OpAccumulate: "accumulate", OpLocalGroupBy: "localgroupby", OpLimit: "limit",
	OpCollect: "collect", OpRepartition: "repartition", OpAggregate: "aggregate",
	OpAggregateBy: "aggregateby", OpGroupBy: "groupby", OpBatchGroupBy: "batchgroupby",
	OpSort: "sort", OpDistinct: "distinct", OpCount: "count", OpCountBy: "countby", OpAvg: "avg",
}

// String returns the GearsBuilder method name, such as "flatmap".
func (o Op) String() string {
	if o > 0 && int(o) < len(opNames) {
		return opNames[o]
	}
	return "Op(?)"
}

// Plan is the type-erased form of a gear, read by engines (the in-process
// engine, tests). Users never need it: they build gears with the typed API.
// Records flow through a Plan as the Go values the typed API names
// (KeyRecord[V], StreamRecord, Group[K, V], ...), boxed in any.
type Plan struct {
	// Source describes where records come from.
	Source Source
	// Steps are the operations in order.
	Steps []Step
	// Requirements are the merged Python requirements of the gear and all
	// its steps, sorted and de-duplicated.
	Requirements []string
}

// Source is the reader of a Plan.
type Source struct {
	// Reader is the RedisGears reader.
	Reader Reader
	// Arg is the reader's pattern (keys readers), stream key (StreamReader),
	// or "" for the others. Run uses it as its arg, Register as its prefix.
	Arg string
	// KeyType restricts a keys reader to keys of one type (HashKeys and
	// friends); "" for Keys, which reads every type.
	KeyType KeyType
	// NewKeyRecord builds the reader's KeyRecord[V] from a key read as
	// RedisGears reads it: value is a string, map[string]string, []string or
	// nil. KeysReader only; or nil.
	NewKeyRecord func(key, typ, event string, value any) any
	// Generate yields the records of a PythonReader; or nil.
	Generate func(yield func(any) bool)
}

// Step is one type-erased operation. Only the fields its Op uses are set;
// the comment of each field names those ops.
type Step struct {
	// Op is the operation.
	Op Op
	// Func is the user's first callback exactly as passed (for identity
	// checks and error messages); nil for ops without a callback.
	Func any

	// Map is the mapper of OpMap.
	Map func(r any) any
	// Expand is the expander of OpFlatMap; the result is a []U boxed per
	// element.
	Expand func(r any) []any
	// Keep is the predicate of OpFilter.
	Keep func(r any) bool
	// Visit is the callback of OpForEach.
	Visit func(r any)
	// Key is the extractor of OpLocalGroupBy, OpGroupBy, OpBatchGroupBy,
	// OpAggregateBy, OpCountBy and OpRepartition.
	Key func(r any) string
	// Zero returns a fresh copy of the zero accumulator: the zero value of A
	// for OpAccumulate, OpLocalGroupBy and OpGroupBy (where RedisGears passes
	// None), and a deep copy of the given zero for OpAggregate and
	// OpAggregateBy (RedisGears deep-copies it).
	Zero func() any
	// Accumulate folds one record into the accumulator: OpAccumulate, and
	// the seqOp of OpAggregate.
	Accumulate func(acc, r any) any
	// Combine merges a partial accumulator: the combOp of OpAggregate.
	Combine func(acc, partial any) any
	// Reduce folds one record into a group's accumulator: OpLocalGroupBy,
	// OpGroupBy, and the seqOp of OpAggregateBy.
	Reduce func(key string, acc, r any) any
	// ReduceCombine merges a group's partial: the combOp of OpAggregateBy.
	ReduceCombine func(key string, acc, partial any) any
	// Batch reduces all records of a group at once: OpBatchGroupBy.
	Batch func(key string, rs []any) any
	// Group builds the typed Group[K, V] record for a key and a reduced
	// value: every grouping op and OpCountBy.
	Group func(key string, value any) any
	// Number extracts the value to average: OpAvg.
	Number func(r any) float64
	// Compare orders two records: OpSort. OpDistinct carries it too (nil
	// for bool records), but engines compare its records with ==, as the
	// records are comparable scalars there.
	Compare func(a, b any) int
	// Length and Start are OpLimit's arguments: skip Start records, then
	// pass at most Length.
	Length, Start int
	// Descending reports whether OpSort sorts from largest to smallest.
	Descending bool
}

// mergeRequirements returns the sorted union of two requirement lists.
func mergeRequirements(a, b []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, list := range [][]string{a, b} {
		for _, r := range list {
			r = strings.TrimSpace(r)
			if r != "" && !seen[r] {
				seen[r] = true
				out = append(out, r)
			}
		}
	}
	slices.Sort(out)
	return out
}
