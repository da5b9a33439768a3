package engine

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gogears/gogears/dsl"
	"github.com/gogears/gogears/runtime"
)

// Stream registration names, as RedisGears uses them.
const (
	consumerGroup = "__gears_consumer_group__"
	consumerName  = "__gears_client__"
)

// Handle is a registration held by an Engine.
type Handle struct {
	e *Engine
	r *registration
}

// Stats are a registration's counters, like RG.DUMPREGISTRATIONS reports
// them.
type Stats struct {
	NumTriggered int    // executions started
	NumSuccess   int    // executions with no record errors
	NumFailures  int    // executions with record errors
	LastError    string // the first error of the last failed execution
	Status       string // "running"; "aborted" after OnFailed(Abort); "paused" after FlatError("PAUSE...")
	// Errors are every record error so far, oldest first.
	Errors []error
}

// registration is the engine's state for one dsl.Registration.
type registration struct {
	id     string
	plan   dsl.Plan
	cfg    dsl.RegisterConfig
	params map[string][]byte

	mu      sync.Mutex // guards the fields below
	stats   Stats
	streams map[string]*streamState
	removed bool
}

// streamState tracks one stream of a stream registration.
type streamState struct {
	// busy is held while an execution reads, runs and acknowledges the
	// stream, so events and timers cannot overlap executions (the server
	// runs them one after another) and re-read the same pending entries.
	busy sync.Mutex

	pending int         // entries added since the last execution
	timer   *time.Timer // Duration or retry timer; or nil
	retry   bool        // re-read unacknowledged entries first
}

// ID returns the registration's ID, "<n>" in registration order.
func (h *Handle) ID() string { return h.r.id }

// Stats returns a copy of the registration's counters.
func (h *Handle) Stats() Stats {
	h.r.mu.Lock()
	defer h.r.mu.Unlock()
	s := h.r.stats
	s.Errors = slices.Clone(s.Errors)
	return s
}

// Unregister removes the registration and stops its timers.
func (h *Handle) Unregister() {
	h.e.mu.Lock()
	h.e.regs = slices.DeleteFunc(h.e.regs, func(r *registration) bool { return r == h.r })
	h.e.mu.Unlock()
	h.r.mu.Lock()
	defer h.r.mu.Unlock()
	h.r.removed = true
	for _, s := range h.r.streams {
		if s.timer != nil {
			s.timer.Stop()
		}
	}
}

// Register adds reg to e. Keys registrations then run on Notify (or
// Listen) events, stream registrations on "xadd" events (and at once for
// entries already in matching streams), trigger registrations on Trigger,
// and hooks and dsl.Commands registrations on Call. OnRegistered runs
// before Register returns; its panics are only logged, as on a server.
// On an error (an invalid gear, a duplicate trigger, Redis failing while
// reading a stream's existing entries) nothing stays registered.
func Register[T any](ctx context.Context, e *Engine, reg dsl.Registration[T], params ...dsl.ParamValue) (*Handle, error) {
	if err := reg.Err(); err != nil {
		return nil, err
	}
	if e == nil || e.ex == nil {
		return nil, ErrNoExecutor
	}
	ps, err := encodeParams(params)
	if err != nil {
		return nil, err
	}
	r := &registration{plan: reg.Plan(), cfg: reg.Config(), params: ps, streams: map[string]*streamState{}}
	r.stats.Status = "running"
	e.mu.Lock()
	if t := r.cfg.Trigger; t != "" {
		for _, o := range e.regs {
			if o.cfg.Trigger == t {
				e.mu.Unlock()
				return nil, fmt.Errorf("engine: trigger already registered: %q: unregister the first (Handle.Unregister) or pick another dsl.Trigger name", t)
			}
		}
	}
	e.nextID++
	r.id = strconv.Itoa(e.nextID)
	e.regs = append(e.regs, r)
	e.mu.Unlock()
	h := &Handle{e: e, r: r}
	if f := r.cfg.OnRegistered; f != nil {
		x := &execution{e: e, ctx: ctx, params: ps}
		var err error
		x.run(func() { err = protect(f) })
		if err != nil {
			e.logf(runtime.Warning, fmt.Sprintf("onRegistered of registration %s failed: %v", r.id, err))
		}
	}
	if r.plan.Source.Reader == dsl.StreamReader {
		if err := e.scanStreams(ctx, r); err != nil {
			h.Unregister() // a failed Register leaves nothing behind
			return nil, err
		}
	}
	return h, nil
}

// registrations returns a snapshot of e's registrations.
func (e *Engine) registrations() []*registration {
	e.mu.Lock()
	defer e.mu.Unlock()
	return slices.Clone(e.regs)
}

// matchPrefix applies RedisGears' registration prefix rule.
func matchPrefix(prefix, key string) bool {
	if p, ok := strings.CutSuffix(prefix, "*"); ok {
		return strings.HasPrefix(key, p)
	}
	return key == prefix
}

// Notify feeds one keyspace event to e's registrations, as the server's
// notification would: keys registrations (except dsl.Commands ones, which
// fire only through Call) whose prefix, event types and key types match
// run on the key; stream registrations count an "xadd" and run once their
// batch is full. Every triggered execution finishes before Notify returns.
// Step failures are recorded in the registrations' Stats; the error is
// for failures to reach Redis.
func (e *Engine) Notify(ctx context.Context, event, key string) error {
	var errs []error
	for _, r := range e.registrations() {
		var err error
		switch r.plan.Source.Reader {
		case dsl.KeysReader:
			if len(r.cfg.Commands) == 0 {
				err = e.fireKey(ctx, r, event, key, nil, false)
			}
		case dsl.StreamReader:
			if strings.EqualFold(event, "xadd") && matchPrefix(r.cfg.Prefix, key) {
				err = e.streamAdded(ctx, r, key)
			}
		}
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// fireKey runs a keys registration for one event if it matches. x is the
// execution to use (with command context), or nil for a fresh one; nested
// is as for execute.
func (e *Engine) fireKey(ctx context.Context, r *registration, event, key string, x *execution, nested bool) error {
	c := r.cfg
	if !matchPrefix(c.Prefix, key) {
		return nil
	}
	if len(c.EventTypes) > 0 && !slices.ContainsFunc(c.EventTypes, func(t string) bool { return strings.EqualFold(t, event) }) {
		return nil
	}
	if len(c.KeyTypes) > 0 {
		v, err := e.ex.Do(ctx, "TYPE", key)
		if err != nil {
			return fmt.Errorf("engine: reading type of %q: %w", key, err)
		}
		t, _ := v.(string)
		if !slices.Contains(c.KeyTypes, dsl.KeyType(gearsType(t))) {
			return nil
		}
	}
	recs, errs, err := e.readKeyRecords(ctx, r.plan.Source, []string{key}, event, c.ReadValue, false)
	if err != nil {
		return err
	}
	if len(recs) == 0 && len(errs) == 0 {
		return nil // a typed reader's key changed type since the check
	}
	if x == nil {
		x = &execution{e: e, ctx: ctx, params: r.params}
	}
	e.execute(x, r, recs, errs, nested)
	return nil
}

// execute runs r's steps over recs in x and updates r's stats. nested is
// true when called from inside another execution (a hook's CallNext),
// which already holds the execution lock.
func (e *Engine) execute(x *execution, r *registration, recs []any, errs []error, nested bool) []any {
	var out []any
	var serrs []error
	steps := func() { out, serrs = runSteps(r.plan.Steps, recs) }
	if nested {
		x.runNested(steps)
	} else {
		x.run(steps)
	}
	errs = append(errs, serrs...)
	r.record(errs)
	return out
}

// record updates the stats after an execution and returns its first error.
func (r *registration) record(errs []error) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.stats.NumTriggered++
	if len(errs) == 0 {
		r.stats.NumSuccess++
		return nil
	}
	r.stats.NumFailures++
	r.stats.LastError = errs[0].Error()
	r.stats.Errors = append(r.stats.Errors, errs...)
	return errs[0]
}

// Trigger runs the trigger registration reg with args, like
// `RG.TRIGGER name args...`: the record is [name, args...]. It returns the
// results, or the first record error as RG.TRIGGER does.
func Trigger[T any](ctx context.Context, e *Engine, reg dsl.Registration[T], args ...string) ([]T, error) {
	if err := reg.Err(); err != nil {
		return nil, err
	}
	recs, err := e.Trigger(ctx, reg.Trigger(), args...)
	if err != nil {
		return nil, err
	}
	res, err := typed[T](recs, nil)
	return res.Records, err
}

// Trigger runs the registration whose trigger is name, like `RG.TRIGGER
// name args...`, and returns its results (untyped), or its first record
// error.
func (e *Engine) Trigger(ctx context.Context, name string, args ...string) ([]any, error) {
	var r *registration
	for _, o := range e.registrations() {
		if o.cfg.Trigger == name {
			r = o
		}
	}
	if r == nil {
		return nil, fmt.Errorf("engine: no registration has trigger %q: register it first", name)
	}
	rec := append([]string{name}, args...)
	x := &execution{e: e, ctx: ctx, params: r.params}
	var out []any
	var errs []error
	x.run(func() { out, errs = runSteps(r.plan.Steps, []any{rec}) })
	if err := r.record(errs); err != nil {
		return nil, err
	}
	return out, nil
}

// Call runs a command as a client would on a RedisGears server with e's
// registrations: hooks (dsl.Hook) on the command run instead of it, newest
// first, each reaching the next through runtime.CallNext; otherwise the
// command runs and then the dsl.Commands keys registrations listing it run
// on its keys with the event named after the command (lower case), and may
// replace the reply with runtime.OverrideReply. It returns the reply as
// Executor.Do does.
func (e *Engine) Call(ctx context.Context, args ...string) (any, error) {
	if len(args) == 0 {
		return nil, errors.New("engine: Call needs a command")
	}
	var hooks []*registration
	for _, r := range e.registrations() {
		if r.cfg.Hook != "" && strings.EqualFold(r.cfg.Hook, args[0]) {
			hooks = append(hooks, r)
		}
	}
	slices.Reverse(hooks)
	return e.callHook(ctx, hooks, args, false)
}

// callHook runs the first matching hook of hooks, or the command.
func (e *Engine) callHook(ctx context.Context, hooks []*registration, args []string, nested bool) (any, error) {
	for i, r := range hooks {
		if r.cfg.KeyPrefix != "" {
			keys, err := e.commandKeys(ctx, args)
			if err != nil {
				return nil, err
			}
			if !slices.ContainsFunc(keys, func(k string) bool { return strings.HasPrefix(k, r.cfg.KeyPrefix) }) {
				continue
			}
		}
		rest := hooks[i+1:]
		x := &execution{e: e, ctx: ctx, params: r.params, command: args}
		x.next = func(a []string) (any, error) {
			return e.callHook(ctx, rest, append([]string{args[0]}, a...), true)
		}
		before := r.errCount()
		out := e.execute(x, r, []any{slices.Clone(args)}, nil, nested)
		if err := r.errSince(before); err != nil {
			return nil, err
		}
		if len(out) != 1 {
			return nil, &runtime.Error{Msg: "Command hook must return exactly one result"}
		}
		return replyValue(out[0])
	}
	return e.callCommand(ctx, args, nested)
}

func (r *registration) errCount() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.stats.Errors)
}

func (r *registration) errSince(n int) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.stats.Errors) > n {
		return r.stats.Errors[n]
	}
	return nil
}

// callCommand runs the command and the dsl.Commands registrations on it.
func (e *Engine) callCommand(ctx context.Context, args []string, nested bool) (any, error) {
	reply, err := e.ex.Do(ctx, args...)
	if err != nil {
		return nil, err
	}
	var regs []*registration
	for _, r := range e.registrations() {
		if slices.ContainsFunc(r.cfg.Commands, func(c string) bool { return strings.EqualFold(c, args[0]) }) {
			regs = append(regs, r)
		}
	}
	if len(regs) == 0 {
		return reply, nil
	}
	keys, err := e.commandKeys(ctx, args)
	if err != nil {
		return nil, err
	}
	event := strings.ToLower(args[0])
	for _, r := range regs {
		for _, k := range keys {
			x := &execution{e: e, ctx: ctx, params: r.params, command: args, canOverride: true}
			if err := e.fireKey(ctx, r, event, k, x, nested); err != nil {
				return nil, err
			}
			if x.overridden {
				reply, err = replyValue(x.override)
				if err != nil {
					return nil, err
				}
			}
		}
	}
	return reply, nil
}

// replyValue applies RedisGears' reply rule for a result sent to a client:
// a string starting with "-" is an error reply, "+" a status reply.
func replyValue(v any) (any, error) {
	if s, ok := v.(string); ok && len(s) > 1 {
		switch s[0] {
		case '-':
			return nil, &runtime.Error{Msg: s[1:]}
		case '+':
			return s[1:], nil
		}
	}
	return v, nil
}

// commandKeys returns the key arguments of a command (COMMAND GETKEYS).
func (e *Engine) commandKeys(ctx context.Context, args []string) ([]string, error) {
	v, err := e.ex.Do(ctx, append([]string{"COMMAND", "GETKEYS"}, args...)...)
	if err != nil {
		var re *runtime.Error
		if errors.As(err, &re) {
			return nil, nil // a command without keys
		}
		return nil, fmt.Errorf("engine: %w", err)
	}
	l, _ := v.([]any)
	keys := make([]string, 0, len(l))
	for _, k := range l {
		s, _ := k.(string)
		keys = append(keys, s)
	}
	return keys, nil
}

// Listen subscribes to the server's keyspace notifications (the executor
// must be a Subscriber, as NewRedisExecutor's is) and feeds every event to
// Notify until ctx ends. It returns once subscribed; done is closed when
// listening stops. Notify errors are logged at warning level.
func (e *Engine) Listen(ctx context.Context) (done <-chan struct{}, err error) {
	sub, ok := e.ex.(Subscriber)
	if !ok {
		return nil, fmt.Errorf("engine: Listen needs an executor that implements engine.Subscriber (%T does not); use engine.NewRedisExecutor or feed events with Notify", e.ex)
	}
	events, err := sub.SubscribeKeyEvents(ctx)
	if err != nil {
		return nil, err
	}
	d := make(chan struct{})
	go func() {
		defer close(d)
		for ev := range events {
			if err := e.Notify(ctx, ev.Event, ev.Key); err != nil && ctx.Err() == nil {
				e.logf(runtime.Warning, fmt.Sprintf("engine: %s %s: %v", ev.Event, ev.Key, err))
			}
		}
	}()
	return d, nil
}
