// Package engine runs GoGears gears natively, in process, against a real
// Redis: every dsl.Job and dsl.Registration, with RedisGears 1.2's
// single-shard semantics. Users `go test` their gear logic with it, and the
// transpiler's differential tests use it as the oracle for generated
// Python.
//
//	ex := engine.NewRedisExecutor(redis.NewClient(&redis.Options{Addr: addr}))
//	res, err := engine.Run(ctx, ex, gears.CountByStatus)
//	// res.Records is a []dsl.Group[string, int]
//
// Registrations run when events are fed to them (Engine.Notify for key and
// stream events, Trigger for triggers, Engine.Call for hooked commands and
// dsl.Commands registrations) or from real keyspace notifications
// (Engine.Listen).
//
// # Semantics and differences from a server
//
// Readers, operations and options behave as on one RedisGears shard (see
// package dsl). A step that panics (a Redis error reply from a cmd call, a
// runtime.FlatError, any Go panic) turns its record into an error; the other
// records go on, and the errors come back in Result.Errors or a
// registration's Stats, as RedisGears reports them.
//
// The engine runs one execution at a time in the whole process (the runtime
// functions reach it through one package-level hook; see runtime.Host), and
// every execution finishes before the call that started it returns, whatever
// its mode: Async, AsyncLocal and Sync differ only on a server. So
// runtime.Atomic serialises with other gear executions but not with other
// Redis clients, and HashTag returns "06S", slot 0's tag on a single shard.
package engine

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"maps"
	"sync"
	"sync/atomic"

	"github.com/gogears/gogears/dsl"
	"github.com/gogears/gogears/runtime"
)

// ErrNoExecutor is returned when an engine has no Executor.
var ErrNoExecutor = errors.New("engine: nil Executor: pass engine.NewRedisExecutor(client)")

// Engine runs gears natively over an Executor and holds registrations.
type Engine struct {
	ex     Executor
	logf   func(level runtime.Level, msg string)
	config map[string]string

	mu     sync.Mutex // guards regs and nextID
	regs   []*registration
	nextID int
}

// Option configures an Engine.
type Option func(*Engine)

// WithLog sends runtime.Log and LogAt output to f instead of the standard
// logger.
func WithLog(f func(level runtime.Level, msg string)) Option {
	return func(e *Engine) { e.logf = f }
}

// WithConfig sets the user configuration read by runtime.ConfigGet and
// GearsConfigGet (RG.CONFIGSET values on a server).
func WithConfig(cfg map[string]string) Option {
	return func(e *Engine) { e.config = maps.Clone(cfg) }
}

// New returns an engine over ex.
func New(ex Executor, opts ...Option) *Engine {
	e := &Engine{ex: ex, config: map[string]string{}}
	e.logf = func(level runtime.Level, msg string) { log.Printf("GEARS: %s", msg) }
	for _, o := range opts {
		o(e)
	}
	return e
}

// execMu serialises executions process-wide: the runtime hook is global.
var execMu sync.Mutex

// installOnce installs the dispatcher as the runtime host.
var installOnce sync.Once

// active is the execution whose steps are running; written under execMu.
// It is atomic because Parameter.Get reads it from any goroutine, also
// outside executions.
var active atomic.Pointer[execution]

// execution is the per-execution state the runtime functions reach.
type execution struct {
	e       *Engine
	ctx     context.Context
	params  map[string][]byte
	command []string // the triggering command (dsl.Commands, Hook); or nil
	// override holds runtime.OverrideReply's value; only with command.
	override    any
	overridden  bool
	canOverride bool
	// next calls the next hook or the original command; Hook only.
	next func(args []string) (any, error)
	// inAtomic reports whether runtime.Atomic is running.
	inAtomic bool
}

// dispatcher is the runtime.Host that forwards to the active execution.
type dispatcher struct{}

func (dispatcher) x() *execution {
	x := active.Load()
	if x == nil {
		panic(runtime.ErrNoEngine)
	}
	return x
}

func (d dispatcher) Execute(args []string) (any, error) {
	x := d.x()
	if x.e.ex == nil {
		return nil, ErrNoExecutor // Exec on engine.New(nil)
	}
	return x.e.ex.Do(x.ctx, args...)
}

func (d dispatcher) Log(level runtime.Level, msg string) { d.x().e.logf(level, msg) }

func (d dispatcher) ConfigGet(key string) (string, bool) {
	v, ok := d.x().e.config[key]
	return v, ok
}

func (d dispatcher) Atomic(f func()) {
	x := d.x()
	if x.inAtomic {
		panic(&runtime.Error{Msg: "Already inside an atomic block"})
	}
	x.inAtomic = true
	defer func() { x.inAtomic = false }()
	f()
}

func (d dispatcher) HashTag() string { d.x(); return "06S" }

func (d dispatcher) OverrideReply(reply any) error {
	x := d.x()
	if !x.canOverride {
		return &runtime.Error{Msg: "Can not get command ctx"}
	}
	x.override, x.overridden = reply, true
	return nil
}

func (d dispatcher) CallNext(args []string) (any, error) {
	x := d.x()
	if x.next == nil {
		return nil, &runtime.Error{Msg: "Can not get CommandHook ctx"}
	}
	return x.next(args)
}

func (d dispatcher) Command() ([]string, error) {
	x := d.x()
	if x.command == nil {
		return nil, &runtime.Error{Msg: "Can not get command ctx"}
	}
	return append([]string(nil), x.command...), nil
}

func (d dispatcher) Param(name string) ([]byte, bool) {
	x := active.Load()
	if x == nil {
		return nil, false
	}
	v, ok := x.params[name]
	return v, ok
}

// run calls f with x as the active execution, holding the process-wide
// execution lock until f returns or panics, so a panic cannot leave the
// lock held and block every later execution.
func (x *execution) run(f func()) {
	installOnce.Do(func() { runtime.SetHost(dispatcher{}) })
	execMu.Lock()
	active.Store(x)
	defer func() {
		active.Store(nil)
		execMu.Unlock()
	}()
	f()
}

// runNested calls f with x as the active execution inside another one that
// already holds the lock (a hook's CallNext), then restores the outer one.
func (x *execution) runNested(f func()) {
	prev := active.Swap(x)
	defer active.Store(prev)
	f()
}

// Exec runs f as a step of an execution on e, so runtime and cmd calls in
// it work: use it to unit-test a step function directly. A panic in f is
// returned as an error. Like every step, f must not start another
// execution (Run, Exec, Notify, Trigger, Call): executions do not nest.
func (e *Engine) Exec(ctx context.Context, f func(), params ...dsl.ParamValue) error {
	ps, err := encodeParams(params)
	if err != nil {
		return err
	}
	x := &execution{e: e, ctx: ctx, params: ps}
	x.run(func() { err = protect(f) })
	return err
}

// protect calls f and returns its panic as an error.
func protect(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = panicError(r)
		}
	}()
	f()
	return nil
}

// panicError converts a step's panic value to the error RedisGears would
// record.
func panicError(r any) error {
	switch v := r.(type) {
	case *runtime.Error:
		return v
	case error:
		return v
	default:
		return fmt.Errorf("%v", v)
	}
}

// encodeParams returns each parameter's JSON value by name, as the
// script's GG_PARAMS holds them.
func encodeParams(params []dsl.ParamValue) (map[string][]byte, error) {
	b, err := dsl.EncodeParams(params...)
	if err != nil {
		return nil, fmt.Errorf("engine: %w", err)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("engine: %w", err)
	}
	m := make(map[string][]byte, len(raw))
	for k, v := range raw {
		m[k] = v
	}
	return m, nil
}
