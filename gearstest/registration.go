package gearstest

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/redis/go-redis/v9"

	"github.com/gogears/gogears/client"
	"github.com/gogears/gogears/dsl"
	"github.com/gogears/gogears/engine"
	"github.com/gogears/gogears/runtime"
)

// This file drives registrations on both sides: the engine gets the
// keyspace events its redis-server publishes, the emulator derives its own
// from the commands it serves; after each command both sides run until
// quiet and their registration errors are checked.

const (
	keyEventPattern = "__keyevent@0__:*"
	keyEventPrefix  = "__keyevent@0__:"
	// fenceChannel carries a marker published after the commands of a step:
	// Redis delivers pub/sub messages in order, so once the marker arrives
	// every keyspace event the commands caused has arrived too.
	fenceChannel = "gearstest:fence"
)

// Register installs reg on both sides: engine.Register natively and
// client.Deploy on the emulator, then waits for the work registering starts
// (stream registrations process the entries already there).
func Register[R any](p *Pair, reg dsl.Registration[R], params ...dsl.ParamValue) {
	p.t.Helper()
	p.listen()
	h, err := engine.Register(p.ctx, p.eng, reg, params...)
	if err != nil {
		p.t.Fatalf("gearstest: native register: %v", err)
	}
	p.handles = append(p.handles, h)
	p.t.Cleanup(h.Unregister)
	if _, err := client.Deploy(p.ctx, p.cl, reg, params...); err != nil {
		p.t.Fatalf("gearstest: deploy on the emulator: %v", err)
	}
	p.settle()
}

// Do sends the same command to both sides, fails the test when the replies
// differ, and waits until the registrations it fired (and those their
// writes fired) have finished on both sides. It returns the native reply,
// converted as engine.Executor documents.
//
//	p.Do("HSET", "user:1", "name", "Zoë")
func (p *Pair) Do(args ...any) any {
	p.t.Helper()
	return p.do(args, false)
}

// DoFailing is Do for a command whose registrations must fail: it fails
// the test unless both sides record new registration failures (which are
// then expected, not reported). Compare the store afterwards to check what
// the failure policy left behind.
func (p *Pair) DoFailing(args ...any) any {
	p.t.Helper()
	return p.do(args, true)
}

// Wait lets d pass, then waits for both sides like Do: for stream
// registrations with a Duration, whose timers run without a command.
func (p *Pair) Wait(d time.Duration) {
	p.t.Helper()
	p.listen()
	time.Sleep(d)
	p.settle()
}

func (p *Pair) do(args []any, failing bool) any {
	p.t.Helper()
	p.listen()
	// Both sides get the same strings: go-redis would format some
	// argument types (floats) differently from fmt.
	strs := make([]string, len(args))
	sent := make([]any, len(args))
	for i, a := range args {
		strs[i] = fmt.Sprint(a)
		sent[i] = strs[i]
	}
	nv, nerr := p.eng.Call(p.ctx, strs...)
	native := replyOf(nv, nerr)
	ev, eerr := p.Emulated.Do(p.ctx, sent...).Result()
	emulated := replyOf(ev, eerr)
	if failing {
		p.drainNative()
		p.waitEmulator()
		if n, e := p.newFailures(); n == 0 || e == 0 {
			p.t.Errorf("gearstest: DoFailing(%s): %d native and %d python registration failures, want some on both sides", strings.Join(strs, " "), n, e)
		}
		p.errorsSeen()
	} else {
		p.settle()
	}
	if strings.EqualFold(strs[0], "XADD") && native.Err == "" && emulated.Err == "" {
		// Auto IDs come from each server's clock.
		native.Value, emulated.Value = "<id>", "<id>"
	}
	if d := cmp.Diff(native, emulated); d != "" {
		p.t.Errorf("gearstest: Do(%s): replies differ (-native +python):\n%s", strings.Join(strs, " "), d)
	}
	return nv
}

// Trigger calls the CommandReader registration reg on both sides with args
// (RG.TRIGGER), fails the test on an error or a difference, and returns the
// native records.
func Trigger[R any](p *Pair, reg dsl.Registration[R], args ...string) []R {
	p.t.Helper()
	native, nerr, emulated, perr := triggerBoth(p, reg, args)
	if nerr != nil {
		p.t.Errorf("gearstest: native trigger: %v", nerr)
	}
	if perr != nil {
		p.t.Errorf("gearstest: trigger on the emulator: %v", perr)
	}
	p.settle()
	diffRecords(p.t, "Trigger", native, emulated, p.cfg.ordered)
	return native
}

// TriggerError calls reg on both sides like Trigger, for calls that must
// fail: it fails the test unless both sides return an error, and when the
// step failed with runtime.FlatError (an exact message on both sides) it
// compares the messages. The registration errors the call causes are
// expected, not reported. It returns the native error.
func TriggerError[R any](p *Pair, reg dsl.Registration[R], args ...string) error {
	p.t.Helper()
	_, nerr, _, perr := triggerBoth(p, reg, args)
	p.drainNative()
	p.waitEmulator()
	p.errorsSeen()
	switch {
	case nerr == nil || perr == nil:
		p.t.Errorf("gearstest: TriggerError(%s): native error %v, python error %v; want both to fail", strings.Join(args, " "), nerr, perr)
	default:
		var re *runtime.Error
		var ge *client.GearError
		if errors.As(nerr, &re) && re.Flat && errors.As(perr, &ge) && re.Msg != ge.Message {
			p.t.Errorf("gearstest: TriggerError(%s): native error %q, python error %q", strings.Join(args, " "), re.Msg, ge.Message)
		}
	}
	return nerr
}

// triggerBoth runs RG.TRIGGER of reg with args natively and on the
// emulator.
func triggerBoth[R any](p *Pair, reg dsl.Registration[R], args []string) (native []R, nerr error, emulated []R, perr error) {
	p.t.Helper()
	p.listen()
	native, nerr = engine.Trigger(p.ctx, p.eng, reg, args...)
	fn, err := client.Trigger(p.cl, reg)
	if err != nil {
		p.t.Fatalf("gearstest: trigger on the emulator: %v", err)
	}
	anyArgs := make([]any, len(args))
	for i, a := range args {
		anyArgs[i] = a
	}
	emulated, perr = fn(p.ctx, anyArgs...)
	return native, nerr, emulated, perr
}

// CompareStore fails the test when the two stores differ: keys, types,
// values and whether a TTL is set (see the package doc).
func (p *Pair) CompareStore() {
	p.t.Helper()
	native, err := dumpStore(p.ctx, p.Native)
	if err != nil {
		p.t.Fatalf("gearstest: reading the native store: %v", err)
	}
	emulated, err := dumpStore(p.ctx, p.Emulated)
	if err != nil {
		p.t.Fatalf("gearstest: reading the emulator's store: %v", err)
	}
	if d := cmp.Diff(native, emulated); d != "" {
		p.t.Errorf("gearstest: stores differ (-native +python):\n%s", d)
	}
}

// listen subscribes to the native server's key events, once.
func (p *Pair) listen() {
	p.t.Helper()
	if p.events != nil {
		return
	}
	if err := p.Native.ConfigSet(p.ctx, "notify-keyspace-events", "KEA").Err(); err != nil {
		p.t.Fatalf("gearstest: enabling keyspace events: %v", err)
	}
	ps := p.Native.PSubscribe(p.ctx, keyEventPattern)
	if err := ps.Subscribe(p.ctx, fenceChannel); err != nil {
		p.t.Fatalf("gearstest: subscribing to keyspace events: %v", err)
	}
	for n := 0; n < 2; n++ {
		if _, err := ps.ReceiveTimeout(p.ctx, p.cfg.timeout); err != nil {
			p.t.Fatalf("gearstest: subscribing to keyspace events: %v", err)
		}
	}
	p.events = ps
	p.t.Cleanup(func() { ps.Close() })
}

// settle runs both sides until quiet and checks registration errors.
func (p *Pair) settle() {
	p.t.Helper()
	if p.events == nil {
		return
	}
	p.drainNative()
	p.waitEmulator()
	p.checkErrors()
}

// drainNative feeds the engine the events its redis-server reported, round
// after round, since registrations' own writes cause more events.
func (p *Pair) drainNative() {
	p.t.Helper()
	for round := 0; round < 100; round++ {
		p.fence++
		tag := strconv.Itoa(p.fence)
		if err := p.Native.Publish(p.ctx, fenceChannel, tag).Err(); err != nil {
			p.t.Fatalf("gearstest: publishing the fence: %v", err)
		}
		var evs []engine.KeyEvent
	recv:
		for {
			msg, err := p.events.ReceiveTimeout(p.ctx, p.cfg.timeout)
			if err != nil {
				p.t.Fatalf("gearstest: waiting for keyspace events: %v", err)
			}
			m, ok := msg.(*redis.Message)
			switch {
			case !ok:
			case m.Channel == fenceChannel:
				if m.Payload == tag {
					break recv
				}
			default:
				evs = append(evs, engine.KeyEvent{Event: strings.TrimPrefix(m.Channel, keyEventPrefix), Key: m.Payload})
			}
		}
		if len(evs) == 0 {
			return
		}
		for _, ev := range evs {
			if err := p.eng.Notify(p.ctx, ev.Event, ev.Key); err != nil {
				p.t.Fatalf("gearstest: native notify %s %s: %v", ev.Event, ev.Key, err)
			}
		}
	}
	p.t.Fatalf("gearstest: registrations still writing after 100 rounds: a registration triggers itself?")
}

// waitEmulator polls RG.DUMPREGISTRATIONS until every triggered execution
// has finished, twice in a row: a finished stream batch starts the next one
// just after it reports done.
func (p *Pair) waitEmulator() {
	p.t.Helper()
	deadline := time.Now().Add(p.cfg.timeout)
	quiet := 0
	for {
		regs, err := p.cl.DumpRegistrations(p.ctx)
		if err != nil {
			p.t.Fatalf("gearstest: RG.DUMPREGISTRATIONS: %v", err)
		}
		busy := false
		for _, r := range regs {
			d := r.Data
			if d.NumTriggered > d.NumSuccess+d.NumFailures+d.NumAborted {
				busy = true
			}
		}
		if quiet++; busy {
			quiet = 0
		}
		if quiet == 2 {
			return
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("gearstest: emulator registrations still running after %v", p.cfg.timeout)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// checkErrors fails the test for every new registration error on either
// side: RedisGears only records them in lastError, where they go unseen.
func (p *Pair) checkErrors() {
	p.t.Helper()
	for _, h := range p.handles {
		st := h.Stats()
		seen := p.failed["native/"+h.ID()]
		for _, e := range st.Errors[seen:] {
			p.t.Errorf("gearstest: native registration %s failed: %v", h.ID(), e)
		}
		p.failed["native/"+h.ID()] = int64(len(st.Errors))
	}
	regs, err := p.cl.DumpRegistrations(p.ctx)
	if err != nil {
		p.t.Fatalf("gearstest: RG.DUMPREGISTRATIONS: %v", err)
	}
	for _, r := range regs {
		n := r.Data.NumFailures + r.Data.NumAborted
		if n > p.failed[r.ID] {
			p.t.Errorf("gearstest: emulator registration %s (%s) failed %d time(s), last error: %s", r.ID, r.Desc, n-p.failed[r.ID], r.Data.LastError)
		}
		p.failed[r.ID] = n
	}
}

// newFailures counts the registration failures on each side since the
// last check.
func (p *Pair) newFailures() (native, python int64) {
	p.t.Helper()
	for _, h := range p.handles {
		native += int64(len(h.Stats().Errors)) - p.failed["native/"+h.ID()]
	}
	regs, err := p.cl.DumpRegistrations(p.ctx)
	if err != nil {
		p.t.Fatalf("gearstest: RG.DUMPREGISTRATIONS: %v", err)
	}
	for _, r := range regs {
		python += r.Data.NumFailures + r.Data.NumAborted - p.failed[r.ID]
	}
	return native, python
}

// errorsSeen marks the registration errors so far as expected.
func (p *Pair) errorsSeen() {
	p.t.Helper()
	for _, h := range p.handles {
		p.failed["native/"+h.ID()] = int64(len(h.Stats().Errors))
	}
	regs, err := p.cl.DumpRegistrations(p.ctx)
	if err != nil {
		p.t.Fatalf("gearstest: RG.DUMPREGISTRATIONS: %v", err)
	}
	for _, r := range regs {
		p.failed[r.ID] = r.Data.NumFailures + r.Data.NumAborted
	}
}

// reply is a command reply in a form both sides share.
type reply struct {
	Value any
	Err   string
}

// replyOf normalises a reply of the engine (engine.Executor shapes) or of
// go-redis (RESP2) into a reply.
func replyOf(v any, err error) reply {
	var re *runtime.Error
	var rerr redis.Error
	switch {
	case errors.Is(err, redis.Nil):
		return reply{}
	case errors.As(err, &re):
		return reply{Err: re.Msg}
	case errors.As(err, &rerr):
		return reply{Err: rerr.Error()}
	case err != nil:
		return reply{Err: "transport: " + err.Error()}
	}
	return reply{Value: normValue(v)}
}

func normValue(v any) any {
	switch v := v.(type) {
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = normValue(x)
		}
		return out
	case []byte:
		return string(v)
	}
	return v
}
