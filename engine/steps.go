package engine

import (
	"reflect"
	"slices"

	"github.com/gogears/gogears/dsl"
)

// runSteps runs the steps over the reader's records, with one shard's
// RedisGears semantics, and returns the result records and the record
// errors. A record whose step panics becomes an error and skips the later
// steps.
func runSteps(steps []dsl.Step, recs []any) ([]any, []error) {
	var errs []error
	for i, s := range steps {
		fail := func(err error) { errs = append(errs, &StepError{Step: i + 1, Op: s.Op, Err: err}) }
		recs = runStep(s, recs, fail)
	}
	return recs, errs
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

func runStep(s dsl.Step, in []any, fail func(error)) []any {
	switch s.Op {
	case dsl.OpMap:
		out := in[:0:0]
		for _, r := range in {
			var v any
			if call(fail, func() { v = s.Map(r) }) {
				out = append(out, v)
			}
		}
		return out
	case dsl.OpFlatMap:
		var out []any
		for _, r := range in {
			var vs []any
			if call(fail, func() { vs = s.Expand(r) }) {
				// RedisGears pops the list from its end.
				for j := len(vs) - 1; j >= 0; j-- {
					out = append(out, vs[j])
				}
			}
		}
		return out
	case dsl.OpForEach:
		out := in[:0:0]
		for _, r := range in {
			if call(fail, func() { s.Visit(r) }) {
				out = append(out, r)
			}
		}
		return out
	case dsl.OpFilter:
		out := in[:0:0]
		for _, r := range in {
			var keep bool
			if call(fail, func() { keep = s.Keep(r) }) && keep {
				out = append(out, r)
			}
		}
		return out
	case dsl.OpAccumulate:
		return accumulate(in, s.Zero, s.Accumulate, false, fail)
	case dsl.OpLocalGroupBy, dsl.OpGroupBy:
		return groupReduce(in, s, fail)
	case dsl.OpBatchGroupBy:
		keys, groups := group(in, s.Key, fail)
		out := make([]any, 0, len(keys))
		for _, k := range keys {
			var v any
			if call(fail, func() { v = s.Batch(k, groups[k]) }) {
				out = append(out, s.Group(k, v))
			}
		}
		return out
	case dsl.OpLimit:
		if s.Start >= len(in) {
			return nil
		}
		in = in[s.Start:]
		return in[:min(s.Length, len(in))]
	case dsl.OpCollect:
		return in
	case dsl.OpRepartition:
		out := in[:0:0]
		for _, r := range in {
			if call(fail, func() { s.Key(r) }) {
				out = append(out, r)
			}
		}
		return out
	case dsl.OpAggregate:
		// accumulate(seqOp) on each shard, collect, accumulate(combOp).
		partials := accumulate(in, s.Zero, s.Accumulate, true, fail)
		return accumulate(partials, s.Zero, s.Combine, true, fail)
	case dsl.OpAggregateBy:
		return aggregateBy(in, s, fail)
	case dsl.OpCount:
		if len(in) == 0 {
			return nil
		}
		return []any{len(in)}
	case dsl.OpCountBy:
		keys, groups := group(in, s.Key, fail)
		out := make([]any, 0, len(keys))
		for _, k := range keys {
			out = append(out, s.Group(k, len(groups[k])))
		}
		return out
	case dsl.OpAvg:
		var sum float64
		n := 0
		for _, r := range in {
			var v float64
			if call(fail, func() { v = s.Number(r) }) {
				sum += v
				n++
			}
		}
		if n == 0 {
			return nil
		}
		return []any{sum / float64(n)}
	case dsl.OpSort:
		out := slices.Clone(in)
		slices.SortStableFunc(out, s.Compare)
		if s.Descending {
			slices.Reverse(out)
		}
		return out
	case dsl.OpDistinct:
		seen := make(map[any]bool, len(in))
		out := in[:0:0]
		for _, r := range in {
			if !seen[r] {
				seen[r] = true
				out = append(out, r)
			}
		}
		return out
	}
	panic("engine: unknown op " + s.Op.String()) // dsl and engine out of step
}

// accumulate folds in with f starting from zero; reset applies RedisGears
// aggregate's "a if a else deepcopy(zero)". It emits nothing for no input.
func accumulate(in []any, zero func() any, f func(acc, r any) any, reset bool, fail func(error)) []any {
	acc := zero()
	n := 0
	for _, r := range in {
		if reset && !truthy(acc) {
			acc = zero()
		}
		var next any
		if call(fail, func() { next = f(acc, r) }) {
			acc = next
			n++
		}
	}
	if n == 0 {
		return nil
	}
	return []any{acc}
}

// group splits records by key in first-seen order.
func group(in []any, key func(any) string, fail func(error)) ([]string, map[string][]any) {
	var keys []string
	groups := map[string][]any{}
	for _, r := range in {
		var k string
		if !call(fail, func() { k = key(r) }) {
			continue
		}
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], r)
	}
	return keys, groups
}

// groupReduce is localgroupby/groupby: reduce starts from the zero of A.
func groupReduce(in []any, s dsl.Step, fail func(error)) []any {
	var keys []string
	accs := map[string]any{}
	for _, r := range in {
		var k string
		if !call(fail, func() { k = s.Key(r) }) {
			continue
		}
		acc, ok := accs[k]
		if !ok {
			acc = s.Zero()
		}
		var next any
		if call(fail, func() { next = s.Reduce(k, acc, r) }) {
			if !ok {
				keys = append(keys, k)
			}
			accs[k] = next
		}
	}
	out := make([]any, 0, len(keys))
	for _, k := range keys {
		out = append(out, s.Group(k, accs[k]))
	}
	return out
}

// aggregateBy is localgroupby(seqOp) then groupby(combOp), each resetting
// falsy accumulators to a fresh zero.
func aggregateBy(in []any, s dsl.Step, fail func(error)) []any {
	var keys []string
	partial := map[string]any{}
	for _, r := range in {
		var k string
		if !call(fail, func() { k = s.Key(r) }) {
			continue
		}
		acc, ok := partial[k]
		if !ok || !truthy(acc) {
			acc = s.Zero()
		}
		var next any
		if call(fail, func() { next = s.Reduce(k, acc, r) }) {
			if _, seen := partial[k]; !seen {
				keys = append(keys, k)
			}
			partial[k] = next
		}
	}
	out := make([]any, 0, len(keys))
	for _, k := range keys {
		var v any
		if call(fail, func() { v = s.ReduceCombine(k, s.Zero(), partial[k]) }) {
			out = append(out, s.Group(k, v))
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
