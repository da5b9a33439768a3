package engine

import (
	"reflect"
	"slices"

	"github.com/gogears/gogears/dsl"
)

// Records flow through a chain of stages one at a time, as RedisGears pulls
// them through its plan: per-record operations pass each record on at
// once, and aggregating operations hold their state until the reader is
// done (flush). Holding no more than each operation needs keeps memory and
// GC work close to a hand-written loop.

// stage is one step of a running chain.
type stage struct {
	push  func(r any)
	flush func()
}

// chain builds the stages for steps ending in sink; fail records a record
// error for step i.
func chain(steps []dsl.Step, sink stage, fail func(i int, s dsl.Step, err error)) stage {
	next := sink
	for i := len(steps) - 1; i >= 0; i-- {
		s := steps[i]
		f := func(err error) { fail(i, s, err) }
		next = newStage(s, next, f)
	}
	return next
}

// runSteps runs the steps over recs and returns the result records and the
// record errors. A record whose step panics becomes an error and skips the
// later steps.
func runSteps(steps []dsl.Step, recs []any) ([]any, []error) {
	var out []any
	var errs []error
	c := chain(steps, collector(&out), func(i int, s dsl.Step, err error) {
		errs = append(errs, &StepError{Step: i + 1, Op: s.Op, Err: err})
	})
	for _, r := range recs {
		c.push(r)
	}
	c.flush()
	return out, errs
}

// collector is the sink appending result records to out.
func collector(out *[]any) stage {
	return stage{push: func(r any) { *out = append(*out, r) }, flush: func() {}}
}

// call runs f, reporting a panic through fail; it reports whether f
// completed.
func call(fail func(error), f func()) bool {
	if err := protect(f); err != nil {
		fail(err)
		return false
	}
	return true
}

// pass is a per-record stage: each record goes through f, and flush
// passes on.
func pass(next stage, f func(r any)) stage {
	return stage{push: f, flush: next.flush}
}

// barrier is an aggregating stage: it emits what done returns at flush.
func barrier(next stage, push func(r any), done func() []any) stage {
	return stage{push: push, flush: func() {
		for _, r := range done() {
			next.push(r)
		}
		next.flush()
	}}
}

func newStage(s dsl.Step, next stage, fail func(error)) stage {
	switch s.Op {
	case dsl.OpMap:
		return pass(next, func(r any) {
			var v any
			if call(fail, func() { v = s.Map(r) }) {
				next.push(v)
			}
		})
	case dsl.OpFlatMap:
		return pass(next, func(r any) {
			var vs []any
			if call(fail, func() { vs = s.Expand(r) }) {
				// RedisGears pops the list from its end.
				for j := len(vs) - 1; j >= 0; j-- {
					next.push(vs[j])
				}
			}
		})
	case dsl.OpForEach:
		return pass(next, func(r any) {
			if call(fail, func() { s.Visit(r) }) {
				next.push(r)
			}
		})
	case dsl.OpFilter:
		return pass(next, func(r any) {
			var keep bool
			if call(fail, func() { keep = s.Keep(r) }) && keep {
				next.push(r)
			}
		})
	case dsl.OpLimit:
		n := 0
		return pass(next, func(r any) {
			// n-Start, not Start+Length: Limit(math.MaxInt, k) must not overflow.
			if n >= s.Start && n-s.Start < s.Length {
				next.push(r)
			}
			n++
		})
	case dsl.OpCollect:
		return next
	case dsl.OpRepartition:
		return pass(next, func(r any) {
			if call(fail, func() { s.Key(r) }) {
				next.push(r)
			}
		})
	case dsl.OpAccumulate:
		a := newAccumulator(s.Zero, s.Accumulate, false, fail)
		return barrier(next, a.push, a.result)
	case dsl.OpAggregate:
		// accumulate(seqOp) on each shard, collect, accumulate(combOp).
		a := newAccumulator(s.Zero, s.Accumulate, true, fail)
		return barrier(next, a.push, func() []any {
			b := newAccumulator(s.Zero, s.Combine, true, fail)
			for _, p := range a.result() {
				b.push(p)
			}
			return b.result()
		})
	case dsl.OpLocalGroupBy, dsl.OpGroupBy:
		g := newGrouper(s, false, fail)
		return barrier(next, g.push, func() []any {
			return g.emit(func(k string, acc any) (any, bool) { return s.Group(k, acc), true })
		})
	case dsl.OpAggregateBy:
		// localgroupby(seqOp), then groupby(combOp) over the partials.
		g := newGrouper(s, true, fail)
		return barrier(next, g.push, func() []any {
			return g.emit(func(k string, partial any) (any, bool) {
				var v any
				ok := call(fail, func() { v = s.ReduceCombine(k, s.Zero(), partial) })
				return s.Group(k, v), ok
			})
		})
	case dsl.OpBatchGroupBy:
		var keys []string
		groups := map[string][]any{}
		return barrier(next, func(r any) {
			var k string
			if call(fail, func() { k = s.Key(r) }) {
				if _, ok := groups[k]; !ok {
					keys = append(keys, k)
				}
				groups[k] = append(groups[k], r)
			}
		}, func() []any {
			out := make([]any, 0, len(keys))
			for _, k := range keys {
				var v any
				if call(fail, func() { v = s.Batch(k, groups[k]) }) {
					out = append(out, s.Group(k, v))
				}
			}
			return out
		})
	case dsl.OpCount:
		n := 0
		return barrier(next, func(any) { n++ }, func() []any {
			if n == 0 {
				return nil
			}
			return []any{n}
		})
	case dsl.OpCountBy:
		var keys []string
		counts := map[string]int{}
		return barrier(next, func(r any) {
			var k string
			if call(fail, func() { k = s.Key(r) }) {
				if _, ok := counts[k]; !ok {
					keys = append(keys, k)
				}
				counts[k]++
			}
		}, func() []any {
			out := make([]any, 0, len(keys))
			for _, k := range keys {
				out = append(out, s.Group(k, counts[k]))
			}
			return out
		})
	case dsl.OpAvg:
		var sum float64
		n := 0
		return barrier(next, func(r any) {
			var v float64
			if call(fail, func() { v = s.Number(r) }) {
				sum += v
				n++
			}
		}, func() []any {
			if n == 0 {
				return nil
			}
			return []any{sum / float64(n)}
		})
	case dsl.OpSort:
		var all []any
		return barrier(next, func(r any) { all = append(all, r) }, func() []any {
			slices.SortStableFunc(all, s.Compare)
			if s.Descending {
				slices.Reverse(all)
			}
			return all
		})
	case dsl.OpDistinct:
		var out []any
		seen := map[any]bool{}
		return barrier(next, func(r any) {
			if !seen[r] {
				seen[r] = true
				out = append(out, r)
			}
		}, func() []any { return out })
	}
	panic("engine: unknown op " + s.Op.String()) // dsl and engine out of step
}

// accumulator folds records from zero; reset applies RedisGears
// aggregate's "a if a else deepcopy(zero)". It emits nothing for no input.
type accumulator struct {
	acc   any
	n     int
	zero  func() any
	f     func(acc, r any) any
	reset bool
	fail  func(error)
}

func newAccumulator(zero func() any, f func(acc, r any) any, reset bool, fail func(error)) *accumulator {
	return &accumulator{acc: zero(), zero: zero, f: f, reset: reset, fail: fail}
}

func (a *accumulator) push(r any) {
	if a.reset && !truthy(a.acc) {
		a.acc = a.zero()
	}
	var next any
	if call(a.fail, func() { next = a.f(a.acc, r) }) {
		a.acc = next
		a.n++
	}
}

func (a *accumulator) result() []any {
	if a.n == 0 {
		return nil
	}
	return []any{a.acc}
}

// grouper reduces records per key in first-seen order: localgroupby and
// groupby (the accumulator starts at the zero of A), or aggregateby's
// first phase (reset: falsy accumulators restart from a copy of zero).
type grouper struct {
	s     dsl.Step
	reset bool
	fail  func(error)
	keys  []string
	accs  map[string]any
}

func newGrouper(s dsl.Step, reset bool, fail func(error)) *grouper {
	return &grouper{s: s, reset: reset, fail: fail, accs: map[string]any{}}
}

func (g *grouper) push(r any) {
	var k string
	if !call(g.fail, func() { k = g.s.Key(r) }) {
		return
	}
	acc, seen := g.accs[k]
	if !seen || g.reset && !truthy(acc) {
		acc = g.s.Zero()
	}
	var next any
	if call(g.fail, func() { next = g.s.Reduce(k, acc, r) }) {
		if !seen {
			g.keys = append(g.keys, k)
		}
		g.accs[k] = next
	}
}

// emit builds the output record of each group; f reports false to drop one.
func (g *grouper) emit(f func(k string, acc any) (any, bool)) []any {
	out := make([]any, 0, len(g.keys))
	for _, k := range g.keys {
		if v, ok := f(k, g.accs[k]); ok {
			out = append(out, v)
		}
	}
	return out
}

// truthy reports whether v is true in Python after the JSON mapping of Go
// values: zero numbers, "", empty or nil slices and maps, false, nil and
// empty structs are false.
func truthy(v any) bool {
	rv := reflect.ValueOf(v)
	if !rv.IsValid() {
		return false
	}
	switch rv.Kind() {
	case reflect.Bool:
		return rv.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return rv.Int() != 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return rv.Uint() != 0
	case reflect.Float32, reflect.Float64:
		return rv.Float() != 0
	case reflect.String, reflect.Slice, reflect.Map, reflect.Array:
		return rv.Len() > 0
	case reflect.Struct:
		return rv.NumField() > 0
	case reflect.Pointer, reflect.Interface:
		return !rv.IsNil() && truthy(rv.Elem().Interface())
	}
	return true
}
