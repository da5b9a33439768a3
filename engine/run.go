package engine

import (
	"context"
	"fmt"
	"strconv"

	"github.com/gogears/gogears/dsl"
	"github.com/gogears/gogears/runtime"
)

// Result is the outcome of an execution: RedisGears' [results, errors].
type Result[T any] struct {
	// Records are the result records, in the order the last step emitted
	// them.
	Records []T
	// Errors are the records that failed, each a *StepError.
	Errors []error
}

// StepError is a record that failed in a step.
type StepError struct {
	// Step is the 1-based index of the failing step; 0 for the reader.
	Step int
	// Op is the failing operation; 0 for the reader.
	Op dsl.Op
	// Err is the panic: a *runtime.Error for Redis error replies and
	// runtime.FlatError, or the Go panic value.
	Err error
}

// Error returns the failure message: for a FlatError exactly its message,
// as RedisGears records it.
func (e *StepError) Error() string {
	if re, ok := e.Err.(*runtime.Error); ok && re.Flat {
		return re.Msg
	}
	if e.Step == 0 {
		return "reader: " + e.Err.Error()
	}
	return fmt.Sprintf("step %d (%s): %v", e.Step, e.Op, e.Err)
}

// Unwrap returns the underlying error.
func (e *StepError) Unwrap() error { return e.Err }

// Run runs job once over ex and returns its records and record errors.
// params bind the gear's parameters. The error is non-nil when the job is
// invalid (wrapping dsl.ErrInvalidGear), a parameter cannot be encoded, or
// Redis cannot be reached while reading; failures inside steps are record
// errors in the Result instead.
func Run[T any](ctx context.Context, ex Executor, job dsl.Job[T], params ...dsl.ParamValue) (Result[T], error) {
	return RunOn(ctx, New(ex), job, params...)
}

// RunOn runs job on e: like Run, with e's options (logger, config).
func RunOn[T any](ctx context.Context, e *Engine, job dsl.Job[T], params ...dsl.ParamValue) (Result[T], error) {
	if err := job.Err(); err != nil {
		return Result[T]{}, err
	}
	if e == nil || e.ex == nil {
		return Result[T]{}, ErrNoExecutor
	}
	ps, err := encodeParams(params)
	if err != nil {
		return Result[T]{}, err
	}
	x := &execution{e: e, ctx: ctx, params: ps}
	recs, errs, err := e.runJob(x, job.Plan(), job.Config())
	if err != nil {
		return Result[T]{}, err
	}
	return typed[T](recs, errs)
}

// typed converts erased records to T.
func typed[T any](recs []any, errs []error) (Result[T], error) {
	res := Result[T]{Errors: errs, Records: make([]T, 0, len(recs))}
	for _, r := range recs {
		t, ok := r.(T)
		if !ok {
			return res, fmt.Errorf("engine: internal error: record %#v is not a %T", r, t)
		}
		res.Records = append(res.Records, t)
	}
	return res, nil
}

// runJob runs the job as execution x.
func (e *Engine) runJob(x *execution, p dsl.Plan, cfg dsl.RunConfig) (out []any, errs []error, err error) {
	x.run(func() { out, errs, err = e.streamJob(x, p, cfg) })
	return out, errs, err
}

// streamJob streams the job's records from its reader through its steps.
func (e *Engine) streamJob(x *execution, p dsl.Plan, cfg dsl.RunConfig) ([]any, []error, error) {
	var out []any
	var errs []error
	c := chain(p.Steps, collector(&out), func(i int, s dsl.Step, err error) {
		errs = append(errs, &StepError{Step: i + 1, Op: s.Op, Err: err})
	})
	readerErr := func(err error) { errs = append(errs, err) }
	var err error
	src := p.Source
	switch src.Reader {
	case dsl.KeysReader:
		err = e.readKeys(x.ctx, src, cfg, c.push, readerErr)
	case dsl.KeysOnlyReader:
		err = e.readKeyNames(x.ctx, cfg, c.push)
	case dsl.StreamReader:
		err = e.readStream(x.ctx, cfg.Arg, cfg.FromID, c.push)
	case dsl.PythonReader:
		// A panic in the generator ends it with an error, as an exception
		// ends a Python generator.
		if err := protect(func() { src.Generate(func(v any) bool { c.push(v); return true }) }); err != nil {
			readerErr(&StepError{Err: err})
		}
	case dsl.ShardsIDReader:
		c.push("1")
	default:
		return nil, nil, fmt.Errorf("engine: reader %s cannot run", src.Reader)
	}
	if err != nil {
		return nil, nil, err
	}
	c.flush()
	return out, errs, nil
}

// scanBatch is the SCAN COUNT hint of the keys readers.
const scanBatch = 1000

// scan calls page for each page of keys matching pattern (of type typ,
// unless "").
func (e *Engine) scan(ctx context.Context, pattern string, count int, typ string, page func([]string) error) error {
	cursor := "0"
	for {
		args := []string{"SCAN", cursor, "MATCH", pattern, "COUNT", strconv.Itoa(count)}
		if typ != "" {
			args = append(args, "TYPE", typ)
		}
		v, err := e.ex.Do(ctx, args...)
		if err != nil {
			return fmt.Errorf("engine: scanning %q: %w", pattern, err)
		}
		l, ok := v.([]any)
		if !ok || len(l) != 2 {
			return fmt.Errorf("engine: unexpected SCAN reply %#v", v)
		}
		cursor, _ = l[0].(string)
		keys, _ := l[1].([]any)
		if len(keys) > 0 {
			names := make([]string, len(keys))
			for i, k := range keys {
				names[i], _ = k.(string)
			}
			if err := page(names); err != nil {
				return err
			}
		}
		if cursor == "0" || cursor == "" {
			return nil
		}
	}
}

// readKeyNames is KeysOnlyReader.
func (e *Engine) readKeyNames(ctx context.Context, cfg dsl.RunConfig, push func(any)) error {
	if cfg.NoScan {
		v, err := e.ex.Do(ctx, "EXISTS", cfg.Arg)
		if err != nil {
			return fmt.Errorf("engine: %w", err)
		}
		if n, _ := v.(int64); n > 0 {
			push(cfg.Arg)
		}
		return nil
	}
	return e.scan(ctx, cfg.Arg, cfg.ScanCount, "", func(keys []string) error {
		for _, k := range keys {
			push(k)
		}
		return nil
	})
}

// readKeys is KeysReader for Run.
func (e *Engine) readKeys(ctx context.Context, src dsl.Source, cfg dsl.RunConfig, push func(any), fail func(error)) error {
	add := func(keys []string) error {
		rs, es, err := e.readKeyRecords(ctx, src, keys, "", cfg.ReadValue, !cfg.NoScan)
		for _, r := range rs {
			push(r)
		}
		for _, err := range es {
			fail(err)
		}
		return err
	}
	if cfg.NoScan {
		return add([]string{cfg.Arg})
	}
	// Typed readers let the server filter by type (SCAN TYPE), which
	// matches the script's type filter and saves a TYPE call per key.
	return e.scan(ctx, cfg.Arg, scanBatch, string(src.KeyType), add)
}

// readKeyRecords reads keys as RedisGears' KeysReader does and builds the
// reader's records, skipping keys whose type a typed reader does not read.
// typeKnown reports that the keys came from SCAN TYPE <the reader's type>.
func (e *Engine) readKeyRecords(ctx context.Context, src dsl.Source, keys []string, event string, readValue, typeKnown bool) ([]any, []error, error) {
	recs := make([]any, 0, len(keys))
	if !readValue {
		for _, k := range keys {
			recs = append(recs, src.NewKeyRecord(k, "", event, nil))
		}
		return recs, nil, nil
	}
	types := make([]string, len(keys))
	if src.KeyType != "" && typeKnown {
		for i := range types {
			types[i] = string(src.KeyType)
		}
	} else {
		cmds := make([][]string, len(keys))
		for i, k := range keys {
			cmds[i] = []string{"TYPE", k}
		}
		for i, r := range e.ex.DoMulti(ctx, cmds) {
			if r.Err != nil {
				return nil, nil, fmt.Errorf("engine: reading type of %q: %w", keys[i], r.Err)
			}
			s, _ := r.Value.(string)
			types[i] = gearsType(s)
		}
	}
	hr, fast := e.ex.(HashReader)
	var cmds [][]string
	var idx []int // keys[idx[j]] is read by cmds[j]
	var hashes []string
	var hashIdx []int // keys[hashIdx[j]] is hashes[j]
	for i, k := range keys {
		switch {
		case src.KeyType != "" && types[i] != string(src.KeyType):
		case fast && types[i] == "hash":
			hashes = append(hashes, k)
			hashIdx = append(hashIdx, i)
		default:
			if c := valueCommand(types[i], k); c != nil {
				cmds = append(cmds, c)
				idx = append(idx, i)
			}
		}
	}
	values := make([]any, len(keys))
	var errs []error
	// A read fails when the key changed type since TYPE: that key's record
	// becomes an error.
	readErr := func(i int, err error) {
		errs = append(errs, &StepError{Err: fmt.Errorf("reading %q: %w", keys[i], err)})
		types[i] = "skip"
	}
	for j, r := range e.ex.DoMulti(ctx, cmds) {
		if r.Err != nil {
			readErr(idx[j], r.Err)
			continue
		}
		values[idx[j]] = gearsValue(types[idx[j]], r.Value)
	}
	if len(hashes) > 0 {
		ms, herrs := hr.HGetAllMulti(ctx, hashes)
		for j, i := range hashIdx {
			if herrs[j] != nil {
				readErr(i, herrs[j])
				continue
			}
			values[i] = ms[j]
		}
	}
	for i, k := range keys {
		if types[i] == "skip" || src.KeyType != "" && types[i] != string(src.KeyType) {
			continue
		}
		recs = append(recs, src.NewKeyRecord(k, types[i], event, values[i]))
	}
	return recs, errs, nil
}

// gearsType maps a TYPE reply to the type RedisGears puts in a record.
func gearsType(t string) string {
	switch t {
	case "string", "hash", "list", "set", "zset":
		return t
	case "none":
		return "empty"
	case "stream":
		return "unknown" // RedisGears 1.2 quirk
	default:
		return "module"
	}
}

// valueCommand returns the command reading a key's value, or nil for the
// types RedisGears does not read.
func valueCommand(typ, key string) []string {
	switch typ {
	case "string":
		return []string{"GET", key}
	case "hash":
		return []string{"HGETALL", key}
	case "list":
		return []string{"LRANGE", key, "0", "-1"}
	}
	return nil
}

// gearsValue converts a raw value to the record's value type.
func gearsValue(typ string, v any) any {
	switch typ {
	case "string":
		if v == nil {
			return nil
		}
		s, _ := v.(string)
		return s
	case "hash":
		l, _ := v.([]any)
		m := make(map[string]string, len(l)/2)
		for i := 0; i+1 < len(l); i += 2 {
			k, _ := l[i].(string)
			s, _ := l[i+1].(string)
			m[k] = s
		}
		return m
	case "list":
		l, _ := v.([]any)
		out := make([]string, len(l))
		for i, e := range l {
			out[i], _ = e.(string)
		}
		return out
	}
	return nil
}

// readStream is StreamReader for Run: XREAD STREAMS key fromID, no COUNT.
func (e *Engine) readStream(ctx context.Context, key, fromID string, push func(any)) error {
	v, err := e.ex.Do(ctx, "XREAD", "STREAMS", key, fromID)
	if err != nil {
		return fmt.Errorf("engine: reading stream %q: %w", key, err)
	}
	for _, r := range streamRecords(v) {
		push(r)
	}
	return nil
}

// streamRecords converts an XREAD/XREADGROUP reply to StreamRecords.
func streamRecords(v any) []any {
	var recs []any
	streams, _ := v.([]any)
	for _, s := range streams {
		sl, _ := s.([]any)
		if len(sl) != 2 {
			continue
		}
		key, _ := sl[0].(string)
		entries, _ := sl[1].([]any)
		for _, en := range entries {
			el, _ := en.([]any)
			if len(el) != 2 {
				continue
			}
			id, _ := el[0].(string)
			recs = append(recs, dsl.StreamRecord{Key: key, ID: id, Value: gearsValue("hash", el[1]).(map[string]string)})
		}
	}
	return recs
}
