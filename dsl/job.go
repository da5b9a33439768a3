package dsl

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// ErrInvalidGear is wrapped by every error Job.Err and Registration.Err
// return: the pipeline or its options are invalid; the message names the
// step or option and the fix.
var ErrInvalidGear = errors.New("dsl: invalid gear")

// ErrNoReader is returned (wrapped) for a gear built from the zero Gear
// value instead of a reader constructor such as dsl.HashKeys.
var ErrNoReader = errors.New("gear has no reader: start it with a reader such as dsl.Keys, dsl.HashKeys or dsl.Stream")

// ErrNoScript is returned by Job.Script and Registration.Script when no
// generated script is attached: run `go generate` (gogears gen) in the
// gear's package so zz_gears.go attaches it.
var ErrNoScript = errors.New("dsl: gear has no generated script: run `go generate` in its package (gogears gen writes zz_gears.go)")

var errNilSeq = errors.New("dsl.FromSeq: nil sequence")

// Script is a gear's generated Python script with its metadata. gogears gen
// writes a zz_gears.go file whose init calls AttachScript with it.
type Script struct {
	// Source is the Python 3.7 gear script text.
	Source string
	// Requirements are the pip specs the script needs; or nil.
	Requirements []string
	// ID is the gear's identity, "<import path>.<GearVar>"; the client
	// derives the RedisGears session ID from it.
	ID string
}

// Job is a gear closed by Run: executed once over the reader's data, with
// results of type T. Declare it as a package-level variable:
//
//	var CountByStatus = dsl.HashKeys("order:*").CountBy(status).Run()
//
// Run it in process with engine.Run, or on a server with client.Run after
// `go generate` attached its script.
type Job[T any] struct {
	p      *pipeline
	cfg    RunConfig
	err    error
	script *Script
}

// Run closes the gear as a batch job (RedisGears run()). Options are
// checked against the reader here; Err reports any problem.
func (g Gear[T]) Run(opts ...RunOption) Job[T] {
	j := Job[T]{p: g.p, cfg: RunConfig{ReadValue: true, FromID: "0-0", ScanCount: 1000, Mode: Async, Collect: true}}
	if g.p == nil {
		j.err = ErrNoReader
		return j
	}
	j.cfg.Arg = g.p.src.Arg
	r := g.p.src.Reader
	if !r.canRun() {
		j.err = fmt.Errorf("Run on a %s gear: RedisGears can only register it (reader do not support run); use Register(dsl.Trigger(name)) or Register(dsl.Hook(command))", r)
		return j
	}
	for _, o := range opts {
		if o == nil {
			continue
		}
		if err := o.applyRun(&j.cfg, r); err != nil {
			j.err = err
			return j
		}
	}
	if r == KeysOnlyReader && j.cfg.Mode != Async {
		j.err = fmt.Errorf("dsl.Mode(dsl.AsyncLocal) on a KeysOnlyReader gear: its run() forwards keywords to the reader, which rejects mode (TypeError); drop the option")
		return j
	}
	if r == StreamReader && j.cfg.Arg == "" {
		j.err = errors.New("a Stream run needs a stream key: dsl.Stream(key) or dsl.Pattern(key)")
		return j
	}
	if g.p.src.KeyType != "" && !j.cfg.ReadValue {
		j.err = fmt.Errorf("dsl.ReadValue(false) on a typed keys reader: it filters on the key type, which needs the value read; use dsl.Keys(pattern) instead")
	}
	return j
}

// Err returns why the job is invalid (a bad step, option or reader
// combination), wrapping ErrInvalidGear; nil for a valid job. Engines and
// the client refuse to run an invalid job and return this error.
func (j Job[T]) Err() error {
	return gearErr(j.p, j.err)
}

func gearErr(p *pipeline, err error) error {
	if p == nil {
		return fmt.Errorf("%w: %w", ErrInvalidGear, ErrNoReader)
	}
	if p.err != nil {
		err = p.err
	}
	if err != nil {
		return fmt.Errorf("%w: %w", ErrInvalidGear, err)
	}
	return nil
}

// Plan returns the type-erased pipeline, for engines.
func (j Job[T]) Plan() Plan { return j.p.plan() }

// Config returns the resolved run() arguments.
func (j Job[T]) Config() RunConfig { return j.cfg }

// Requirements returns the merged requirements of the gear's steps and of
// its attached script.
func (j Job[T]) Requirements() []string { return requirements(j.p, j.script) }

// AttachScript attaches the gear's generated script. Generated zz_gears.go
// files call it from init; users do not.
func (j *Job[T]) AttachScript(s Script) { j.script = &s }

// Script returns the attached generated script, or ErrNoScript.
func (j Job[T]) Script() (Script, error) { return script(j.script) }

// Registration is a gear closed by Register: it runs on each event of its
// reader (key changes, stream entries, triggers, hooked commands). T is the
// result type, which RG.TRIGGER returns for trigger registrations.
type Registration[T any] struct {
	p      *pipeline
	cfg    RegisterConfig
	err    error
	script *Script
}

// Register closes the gear as an event registration (RedisGears
// register()). The keys and stream readers register on their pattern as
// prefix unless Prefix overrides it. Options are checked against the
// reader here; Err reports any problem.
func (g Gear[T]) Register(opts ...RegisterOption) Registration[T] {
	reg := Registration[T]{p: g.p, cfg: RegisterConfig{ReadValue: true, Mode: Async, Batch: 1,
		OnFailed: Continue, RetryInterval: time.Second, TrimStream: true, Collect: true}}
	if g.p == nil {
		reg.err = ErrNoReader
		return reg
	}
	src := g.p.src
	if !src.Reader.canRegister() {
		reg.err = fmt.Errorf("Register on a %s gear: RedisGears can only run it; use Run, or to react to key events use dsl.Keys(pattern) with dsl.ReadValue(false)", src.Reader)
		return reg
	}
	reg.cfg.Prefix = src.Arg
	if src.Reader == KeysReader && src.Arg == "" {
		reg.cfg.Prefix = "*"
	}
	for _, o := range opts {
		if o == nil {
			continue
		}
		if err := o.applyRegister(&reg.cfg, src.Reader); err != nil {
			reg.err = err
			return reg
		}
	}
	reg.err = validateRegister(src, &reg.cfg)
	return reg
}

// validateRegister checks option combinations RedisGears rejects or
// silently mishandles.
func validateRegister(src Source, c *RegisterConfig) error {
	switch src.Reader {
	case KeysReader, StreamReader:
		if err := checkPrefix(c.Prefix); err != nil {
			return err
		}
	case CommandReader:
		// KeyPrefix without Hook first: after the other two cases it could
		// never be reached.
		switch {
		case c.KeyPrefix != "" && c.Hook == "":
			return errors.New("dsl.KeyPrefix needs dsl.Hook(command): it restricts a hook to calls on keys with the prefix")
		case c.Trigger == "" && c.Hook == "":
			return errors.New("a Command gear needs dsl.Trigger(name) or dsl.Hook(command) (RedisGears: no trigger or hook argument was given)")
		case c.Trigger != "" && c.Hook != "":
			return errors.New("dsl.Trigger cannot be combined with dsl.Hook or dsl.KeyPrefix (RedisGears: trigger argument can not be given with keyprefix or hook); register two gears")
		}
	}
	if src.KeyType != "" && len(c.EventTypes) > 0 && !slices.ContainsFunc(c.EventTypes, func(e string) bool { return !removalEvents[strings.ToLower(e)] }) {
		return fmt.Errorf("dsl.OnEvents(%s) on a gear that reads only %q keys never fires: after these events the key is gone (type \"empty\"); use dsl.Keys", strings.Join(c.EventTypes, ", "), string(src.KeyType))
	}
	if src.KeyType != "" {
		for _, t := range c.KeyTypes {
			if t != src.KeyType {
				return fmt.Errorf("dsl.OnKeyTypes(%q) on a gear that reads only %q keys: drop the option or use dsl.Keys", string(t), string(src.KeyType))
			}
		}
		c.KeyTypes = []KeyType{src.KeyType}
		if !c.ReadValue {
			return errors.New("dsl.ReadValue(false) on a typed keys reader: it filters on the key type, which needs the value read; use dsl.Keys(pattern) instead")
		}
	}
	if c.Mode == Sync && c.OnFailed != Continue {
		return fmt.Errorf("dsl.OnFailed(dsl.%s) with dsl.Mode(dsl.Sync): sync registrations accept only dsl.Continue; use dsl.AsyncLocal to retry or abort", policyName(c.OnFailed))
	}
	return nil
}

// removalEvents are the keyspace events after which the key no longer
// exists, so a typed reader (which filters on the type) never sees them.
var removalEvents = map[string]bool{"del": true, "expired": true, "evicted": true, "keymiss": true}

func policyName(p FailurePolicy) string {
	if p == "" {
		return ""
	}
	return strings.ToUpper(string(p[:1])) + string(p[1:])
}

// checkPrefix enforces RedisGears' registration prefix rule: an exact key,
// or a prefix with one trailing "*". Anything else looks like a glob but is
// not one on the server.
func checkPrefix(p string) error {
	body := strings.TrimSuffix(p, "*")
	if p == "" {
		return errors.New("empty registration prefix: use \"*\" for every key")
	}
	if strings.ContainsAny(body, "*?[") {
		return fmt.Errorf("registration prefix %q is not a glob on the server: RedisGears matches an exact key or a prefix ending in one \"*\"; use dsl.Prefix with such a value and filter the rest in a step", p)
	}
	return nil
}

// Err returns why the registration is invalid (a bad step, option or
// reader combination), wrapping ErrInvalidGear; nil for a valid one.
func (r Registration[T]) Err() error { return gearErr(r.p, r.err) }

// Plan returns the type-erased pipeline, for engines.
func (r Registration[T]) Plan() Plan { return r.p.plan() }

// Config returns the resolved register() arguments.
func (r Registration[T]) Config() RegisterConfig { return r.cfg }

// Trigger returns the trigger name of a CommandReader registration, or "".
func (r Registration[T]) Trigger() string { return r.cfg.Trigger }

// Requirements returns the merged requirements of the gear's steps and of
// its attached script.
func (r Registration[T]) Requirements() []string { return requirements(r.p, r.script) }

// AttachScript attaches the gear's generated script. Generated zz_gears.go
// files call it from init; users do not.
func (r *Registration[T]) AttachScript(s Script) { r.script = &s }

// Script returns the attached generated script, or ErrNoScript.
func (r Registration[T]) Script() (Script, error) { return script(r.script) }

func script(s *Script) (Script, error) {
	if s == nil {
		return Script{}, ErrNoScript
	}
	c := *s
	c.Requirements = slices.Clone(s.Requirements)
	return c, nil
}

func requirements(p *pipeline, s *Script) []string {
	var a, b []string
	if p != nil {
		a = p.reqs
	}
	if s != nil {
		b = s.Requirements
	}
	return mergeRequirements(a, b)
}
