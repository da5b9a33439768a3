package dsl

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
)

// Gear is an open gear pipeline whose records have type T. Gears are
// immutable: every method returns a new Gear, so a prefix may be shared by
// several pipelines. A Gear is closed by Run (a Job) or Register (a
// Registration).
//
// The zero Gear has no reader; closing it gives an error.
type Gear[T any] struct {
	p *pipeline
}

// pipeline is the shared, never mutated state behind a Gear.
type pipeline struct {
	src   Source
	steps []Step
	reqs  []string
	err   error // first build error, reported by Job.Err / Registration.Err
}

func newGear[T any](src Source) Gear[T] {
	return Gear[T]{p: &pipeline{src: src}}
}

// with returns a new pipeline with s appended; the receiver is unchanged.
func (p *pipeline) with(s Step) *pipeline {
	if p == nil {
		return &pipeline{err: ErrNoReader}
	}
	q := *p
	q.steps = append(slices.Clip(p.steps), s)
	return &q
}

// fail returns a new pipeline carrying err unless it already has one.
func (p *pipeline) fail(err error) *pipeline {
	if p == nil {
		return &pipeline{err: ErrNoReader}
	}
	q := *p
	if q.err == nil {
		q.err = err
	}
	return &q
}

// plan returns the type-erased plan.
func (p *pipeline) plan() Plan {
	if p == nil {
		return Plan{}
	}
	return Plan{Source: p.src, Steps: slices.Clone(p.steps), Requirements: slices.Clone(p.reqs)}
}

// stepErr formats a build error for the step about to be added.
func (p *pipeline) stepErr(op Op, format string, args ...any) error {
	n := 0
	if p != nil {
		n = len(p.steps)
	}
	return fmt.Errorf("step %d (%s): %s", n+1, op, fmt.Sprintf(format, args...))
}

// Requires attaches Python package requirements (pip specs such as
// "numpy==1.21.0") to the gear. Requirements are merged along the chain: a
// gear needs the union of the requirements of all its steps. Gears built
// from a shared prefix keep independent requirement sets.
func (g Gear[T]) Requires(specs ...string) Gear[T] {
	if g.p == nil {
		return Gear[T]{p: (*pipeline)(nil).fail(ErrNoReader)}
	}
	q := *g.p
	q.reqs = mergeRequirements(g.p.reqs, specs)
	return Gear[T]{p: &q}
}

// Map transforms each record with f (RedisGears map: one record in, one
// out; local to each shard).
func (g Gear[T]) Map[U any](f func(T) U) Gear[U] {
	if f == nil {
		return Gear[U]{p: g.p.fail(g.p.stepErr(OpMap, "nil function"))}
	}
	return Gear[U]{p: g.p.with(Step{Op: OpMap, Func: f, Map: func(r any) any { return f(r.(T)) }})}
}

// FlatMap expands each record into the elements of the slice f returns
// (RedisGears flatmap; local). RedisGears emits the elements in reverse
// order (its engine pops them from the end of the list), and so does the
// in-process engine; an empty or nil slice drops the record.
func (g Gear[T]) FlatMap[U any](f func(T) []U) Gear[U] {
	if f == nil {
		return Gear[U]{p: g.p.fail(g.p.stepErr(OpFlatMap, "nil function"))}
	}
	return Gear[U]{p: g.p.with(Step{Op: OpFlatMap, Func: f, Expand: func(r any) []any {
		us := f(r.(T))
		out := make([]any, len(us))
		for i, u := range us {
			out[i] = u
		}
		return out
	}})}
}

// ForEach calls f for its side effects on each record, which passes on
// unchanged (RedisGears foreach; local).
func (g Gear[T]) ForEach(f func(T)) Gear[T] {
	if f == nil {
		return Gear[T]{p: g.p.fail(g.p.stepErr(OpForEach, "nil function"))}
	}
	return Gear[T]{p: g.p.with(Step{Op: OpForEach, Func: f, Visit: func(r any) { f(r.(T)) }})}
}

// Filter keeps the records for which f returns true (RedisGears filter;
// local).
func (g Gear[T]) Filter(f func(T) bool) Gear[T] {
	if f == nil {
		return Gear[T]{p: g.p.fail(g.p.stepErr(OpFilter, "nil function"))}
	}
	return Gear[T]{p: g.p.with(Step{Op: OpFilter, Func: f, Keep: func(r any) bool { return f(r.(T)) }})}
}

// Accumulate folds all records of a shard into one value (RedisGears
// accumulate; local, N:1). The first call gets the zero value of A
// (RedisGears passes None). It emits one record, and nothing at all when
// there is no input.
func (g Gear[T]) Accumulate[A any](f func(acc A, r T) A) Gear[A] {
	if f == nil {
		return Gear[A]{p: g.p.fail(g.p.stepErr(OpAccumulate, "nil function"))}
	}
	return Gear[A]{p: g.p.with(Step{Op: OpAccumulate, Func: f,
		Zero:       func() any { var a A; return a },
		Accumulate: func(acc, r any) any { return f(acc.(A), r.(T)) },
	})}
}

// LocalGroupBy groups the records of each shard by the key extract returns
// and folds each group with reduce (RedisGears localgroupby; local, no
// data moves between shards). reduce's first call for a key gets the zero
// value of A. Output records are Group{Key, Value}; their order is
// unspecified.
func (g Gear[T]) LocalGroupBy[K ~string, A any](extract func(T) K, reduce func(key K, acc A, r T) A) Gear[Group[K, A]] {
	return groupStep[T, K, A](g.p, OpLocalGroupBy, extract, reduce)
}

// GroupBy groups all records by the key extract returns and folds each group
// with reduce (RedisGears groupby: repartition by key, then reduce; on one
// shard the same as LocalGroupBy). reduce's first call for a key gets the
// zero value of A. Output records are Group{Key, Value}; their order is
// unspecified.
func (g Gear[T]) GroupBy[K ~string, A any](extract func(T) K, reduce func(key K, acc A, r T) A) Gear[Group[K, A]] {
	return groupStep[T, K, A](g.p, OpGroupBy, extract, reduce)
}

func groupStep[T any, K ~string, A any](p *pipeline, op Op, extract func(T) K, reduce func(K, A, T) A) Gear[Group[K, A]] {
	if extract == nil || reduce == nil {
		return Gear[Group[K, A]]{p: p.fail(p.stepErr(op, "nil extractor or reducer"))}
	}
	return Gear[Group[K, A]]{p: p.with(Step{Op: op, Func: extract,
		Key:    func(r any) string { return string(extract(r.(T))) },
		Zero:   func() any { var a A; return a },
		Reduce: func(k string, acc, r any) any { return reduce(K(k), acc.(A), r.(T)) },
		Group:  groupMaker[K, A](),
	})}
}

func groupMaker[K ~string, V any]() func(string, any) any {
	return func(k string, v any) any { return Group[K, V]{Key: K(k), Value: v.(V)} }
}

// BatchGroupBy groups all records by the key extract returns and calls
// reduce once per group with all of its records (RedisGears batchgroupby:
// repartition, then a local batch reduce; memory heavy, prefer GroupBy).
// Output records are Group{Key, Value}; their order is unspecified.
func (g Gear[T]) BatchGroupBy[K ~string, V any](extract func(T) K, reduce func(key K, rs []T) V) Gear[Group[K, V]] {
	if extract == nil || reduce == nil {
		return Gear[Group[K, V]]{p: g.p.fail(g.p.stepErr(OpBatchGroupBy, "nil extractor or reducer"))}
	}
	return Gear[Group[K, V]]{p: g.p.with(Step{Op: OpBatchGroupBy, Func: extract,
		Key: func(r any) string { return string(extract(r.(T))) },
		Batch: func(k string, rs []any) any {
			ts := make([]T, len(rs))
			for i, r := range rs {
				ts[i] = r.(T)
			}
			return reduce(K(k), ts)
		},
		Group: groupMaker[K, V](),
	})}
}

// Limit skips the first start records and passes at most length of the rest
// (RedisGears limit(length, start); per shard, so on a cluster follow it
// with Collect and another Limit for a global limit). Both must be >= 0.
func (g Gear[T]) Limit(length, start int) Gear[T] {
	if length < 0 || start < 0 {
		return Gear[T]{p: g.p.fail(g.p.stepErr(OpLimit, "length %d and start %d must not be negative", length, start))}
	}
	return Gear[T]{p: g.p.with(Step{Op: OpLimit, Length: length, Start: start})}
}

// Collect moves all records to the shard that started the execution
// (RedisGears collect; global, a no-op on one shard).
func (g Gear[T]) Collect() Gear[T] {
	return Gear[T]{p: g.p.with(Step{Op: OpCollect})}
}

// Repartition moves each record to the shard that owns the hash slot of the
// key extract returns (RedisGears repartition; global, a no-op on one
// shard). Use it before steps that write keys derived from the record.
func (g Gear[T]) Repartition[K ~string](extract func(T) K) Gear[T] {
	if extract == nil {
		return Gear[T]{p: g.p.fail(g.p.stepErr(OpRepartition, "nil extractor"))}
	}
	return Gear[T]{p: g.p.with(Step{Op: OpRepartition, Func: extract, Key: func(r any) string { return string(extract(r.(T))) }})}
}

// Aggregate folds all records into one value (RedisGears aggregate: a local
// accumulate with seq on each shard, collect, then a global accumulate with
// comb over the partial results). Every fold starts from a deep copy of
// zero. RedisGears quirk, kept: an accumulator that is falsy in Python (0,
// "", empty slice or map, false) is reset to a fresh copy of zero before
// the next call. It emits one record, and nothing at all when there is no
// input. zero must be JSON-encodable (the transpiler writes it as a Python
// literal); an error here is reported by Err.
func (g Gear[T]) Aggregate[A any](zero A, seq func(acc A, r T) A, comb func(acc, partial A) A) Gear[A] {
	if seq == nil || comb == nil {
		return Gear[A]{p: g.p.fail(g.p.stepErr(OpAggregate, "nil seqOp or combOp"))}
	}
	mk, err := zeroMaker(zero)
	if err != nil {
		return Gear[A]{p: g.p.fail(g.p.stepErr(OpAggregate, "%v", err))}
	}
	return Gear[A]{p: g.p.with(Step{Op: OpAggregate, Func: seq, Zero: mk,
		Accumulate: func(acc, r any) any { return seq(acc.(A), r.(T)) },
		Combine:    func(acc, part any) any { return comb(acc.(A), part.(A)) },
	})}
}

// AggregateBy groups records by the key extract returns and folds each group
// (RedisGears aggregateby: localgroupby with seq, then groupby with comb over
// the per-shard partials). Each group starts from a deep copy of zero, and
// like Aggregate a falsy accumulator is reset to zero. Output records are
// Group{Key, Value}; their order is unspecified.
func (g Gear[T]) AggregateBy[K ~string, A any](extract func(T) K, zero A, seq func(key K, acc A, r T) A, comb func(key K, acc, partial A) A) Gear[Group[K, A]] {
	if extract == nil || seq == nil || comb == nil {
		return Gear[Group[K, A]]{p: g.p.fail(g.p.stepErr(OpAggregateBy, "nil extractor, seqOp or combOp"))}
	}
	mk, err := zeroMaker(zero)
	if err != nil {
		return Gear[Group[K, A]]{p: g.p.fail(g.p.stepErr(OpAggregateBy, "%v", err))}
	}
	return Gear[Group[K, A]]{p: g.p.with(Step{Op: OpAggregateBy, Func: extract, Zero: mk,
		Key:           func(r any) string { return string(extract(r.(T))) },
		Reduce:        func(k string, acc, r any) any { return seq(K(k), acc.(A), r.(T)) },
		ReduceCombine: func(k string, acc, part any) any { return comb(K(k), acc.(A), part.(A)) },
		Group:         groupMaker[K, A](),
	})}
}

// Sort orders all records (RedisGears sort: aggregate into one list,
// sorted(), flatmap; global). The records must be strings, integers or
// floats; map to such a key first otherwise (a build error says so). Sort()
// is ascending and Sort(dsl.Descending) descending. RedisGears quirk: its
// sort(reverse=True) default returns ascending order because flatmap
// reverses; the transpiler writes whatever gives the order asked for here.
func (g Gear[T]) Sort(order ...SortOrder) Gear[T] {
	cmpf, err := orderedCompare[T]()
	if err != nil {
		return Gear[T]{p: g.p.fail(g.p.stepErr(OpSort, "%v", err))}
	}
	desc := len(order) > 0 && order[len(order)-1] == Descending
	return Gear[T]{p: g.p.with(Step{Op: OpSort, Compare: cmpf, Descending: desc})}
}

// SortOrder is the order Sort produces.
type SortOrder int

// The sort orders.
const (
	Ascending SortOrder = iota
	Descending
)

// Distinct drops duplicate records (RedisGears distinct: aggregate into a
// Python set, flatmap; global). Records must be strings, integers, floats
// or bools (Python set members must be hashable; dicts and lists are not).
// The output order is unspecified.
func (g Gear[T]) Distinct() Gear[T] {
	cmpf, err := orderedCompare[T]()
	if err != nil && !isBool[T]() {
		return Gear[T]{p: g.p.fail(g.p.stepErr(OpDistinct, "%v", err))}
	}
	return Gear[T]{p: g.p.with(Step{Op: OpDistinct, Compare: cmpf})}
}

// Count counts the records (RedisGears count: aggregate(0, +1, +); global).
// It emits one int record, and nothing at all when there is no input (not
// 0): check for an empty result.
func (g Gear[T]) Count() Gear[int] {
	return Gear[int]{p: g.p.with(Step{Op: OpCount})}
}

// CountBy counts the records per key extract returns (RedisGears countby:
// aggregateby with 0, +1, +; global). Output records are Group{Key, Value};
// their order is unspecified. Keys with no records do not appear.
func (g Gear[T]) CountBy[K ~string](extract func(T) K) Gear[Group[K, int]] {
	if extract == nil {
		return Gear[Group[K, int]]{p: g.p.fail(g.p.stepErr(OpCountBy, "nil extractor"))}
	}
	return Gear[Group[K, int]]{p: g.p.with(Step{Op: OpCountBy, Func: extract,
		Key:   func(r any) string { return string(extract(r.(T))) },
		Group: groupMaker[K, int](),
	})}
}

// Avg averages the numbers extract returns (RedisGears avg: map, aggregate
// (sum, count), divide; global). It emits one float64 record, and nothing at
// all when there is no input.
func (g Gear[T]) Avg(extract func(T) float64) Gear[float64] {
	if extract == nil {
		return Gear[float64]{p: g.p.fail(g.p.stepErr(OpAvg, "nil extractor"))}
	}
	return Gear[float64]{p: g.p.with(Step{Op: OpAvg, Func: extract, Number: func(r any) float64 { return extract(r.(T)) }})}
}

// zeroMaker returns a function producing deep copies of zero, as RedisGears
// deep-copies aggregate zeros. The copy goes through JSON, which is also how
// the zero reaches the Python script, so both sides start from the same
// value.
func zeroMaker[A any](zero A) (func() any, error) {
	b, err := json.Marshal(zero)
	if err != nil {
		return nil, fmt.Errorf("zero value %v is not JSON-encodable: %w; use plain data (numbers, strings, slices, maps, structs of those)", zero, err)
	}
	return func() any {
		var a A
		if err := json.Unmarshal(b, &a); err != nil {
			return zero // unreachable: b came from an A
		}
		return a
	}, nil
}

// errUnordered tells the user how to make Sort or Distinct apply.
var errUnordered = errors.New("records must be strings, integers or floats; Map each record to such a key first")

// orderedCompare returns a comparison for T if its kind is ordered in both
// Go and Python.
func orderedCompare[T any]() (func(a, b any) int, error) {
	var t T
	switch reflect.TypeOf(&t).Elem().Kind() {
	case reflect.String:
		return func(a, b any) int { return cmp.Compare(reflect.ValueOf(a).String(), reflect.ValueOf(b).String()) }, nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return func(a, b any) int { return cmp.Compare(reflect.ValueOf(a).Int(), reflect.ValueOf(b).Int()) }, nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return func(a, b any) int { return cmp.Compare(reflect.ValueOf(a).Uint(), reflect.ValueOf(b).Uint()) }, nil
	case reflect.Float32, reflect.Float64:
		return func(a, b any) int { return cmp.Compare(reflect.ValueOf(a).Float(), reflect.ValueOf(b).Float()) }, nil
	}
	return nil, fmt.Errorf("%T: %w", t, errUnordered)
}

func isBool[T any]() bool {
	var t T
	return reflect.TypeOf(&t).Elem().Kind() == reflect.Bool
}
