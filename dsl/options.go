package dsl

import (
	"fmt"
	"strings"
	"time"
)

// ExecMode is a RedisGears execution mode.
type ExecMode string

// The execution modes.
const (
	// Async distributes the execution to all shards and runs it in the
	// background (the default).
	Async ExecMode = "async"
	// AsyncLocal runs in the background on the local shard only; collect
	// and repartition stay local.
	AsyncLocal ExecMode = "async_local"
	// Sync runs inside the triggering command, in Redis' main thread,
	// atomically with it. Register only.
	Sync ExecMode = "sync"
)

// FailurePolicy is what a stream registration does when an execution has
// errors.
type FailurePolicy string

// The failure policies of RedisGears onFailedPolicy.
const (
	// Continue acknowledges the batch anyway (the default).
	Continue FailurePolicy = "continue"
	// Abort stops the registration (status ABORTED).
	Abort FailurePolicy = "abort"
	// Retry re-reads the batch after RetryInterval.
	Retry FailurePolicy = "retry"
)

// RunConfig is the resolved set of run() arguments of a Job, for engines
// and the transpiler's tests. Fields not used by the job's reader keep their
// RedisGears defaults.
type RunConfig struct {
	Arg       string   // run(arg): pattern (keys readers) or stream key
	NoScan    bool     // noScan: Arg is one exact key (keys readers)
	ReadValue bool     // readValue (KeysReader); default true
	FromID    string   // fromId (StreamReader); default "0-0"
	ScanCount int      // count (KeysOnlyReader SCAN COUNT); default 1000
	Mode      ExecMode // mode; default Async
	Collect   bool     // collect; default true
}

// RegisterConfig is the resolved set of register() arguments of a
// Registration. Fields not used by its reader keep their RedisGears
// defaults.
type RegisterConfig struct {
	Prefix        string        // prefix (KeysReader, StreamReader): exact key or "prefix*"
	EventTypes    []string      // eventTypes (KeysReader); nil = all
	KeyTypes      []KeyType     // keyTypes (KeysReader); nil = all
	ReadValue     bool          // readValue (KeysReader); default true
	Commands      []string      // commands (KeysReader, 1.2); nil = none
	Mode          ExecMode      // mode; default Async
	OnRegistered  func()        // onRegistered; or nil
	Batch         int           // batch (StreamReader); default 1
	Duration      time.Duration // duration (StreamReader, sent in ms); 0 = off
	OnFailed      FailurePolicy // onFailedPolicy (StreamReader); default Continue
	RetryInterval time.Duration // onFailedRetryInterval (StreamReader, sent in s); default 1s
	TrimStream    bool          // trimStream (StreamReader); default true
	Trigger       string        // trigger (CommandReader)
	InOrder       bool          // inorder (CommandReader)
	Hook          string        // hook (CommandReader, 1.2): command to override
	KeyPrefix     string        // keyprefix (CommandReader with Hook, 1.2)
	Collect       bool          // collect; default true
}

// A RunOption is an argument of Gear.Run. Options that only make sense for
// Register have a different type, so passing one to Run does not compile.
type RunOption interface {
	applyRun(c *RunConfig, r Reader) error
}

// A RegisterOption is an argument of Gear.Register.
type RegisterOption interface {
	applyRegister(c *RegisterConfig, r Reader) error
}

// An Option is an argument of both Run and Register.
type Option interface {
	RunOption
	RegisterOption
}

// opt is every option: a name for messages, the readers it applies to (nil
// = all), and setters for the actions it belongs to.
type opt struct {
	name    string
	readers []Reader
	run     func(*RunConfig) error
	reg     func(*RegisterConfig) error
}

func (o opt) check(r Reader, action string) error {
	if o.readers == nil {
		return nil
	}
	for _, ok := range o.readers {
		if ok == r {
			return nil
		}
	}
	names := make([]string, len(o.readers))
	for i, ok := range o.readers {
		names[i] = ok.String()
	}
	return fmt.Errorf("option dsl.%s does not apply to a %s gear: it is a %s option of %s", o.name, r, action, strings.Join(names, " and "))
}

func (o opt) applyRun(c *RunConfig, r Reader) error {
	if err := o.check(r, "Run"); err != nil {
		return err
	}
	return o.run(c)
}

func (o opt) applyRegister(c *RegisterConfig, r Reader) error {
	if err := o.check(r, "Register"); err != nil {
		return err
	}
	return o.reg(c)
}

// runOpt hides applyRegister so a run-only option is only a RunOption.
type runOpt struct{ o opt }

func (o runOpt) applyRun(c *RunConfig, r Reader) error { return o.o.applyRun(c, r) }

// regOpt hides applyRun so a register-only option is only a RegisterOption.
type regOpt struct{ o opt }

func (o regOpt) applyRegister(c *RegisterConfig, r Reader) error { return o.o.applyRegister(c, r) }

var (
	keysReaders = []Reader{KeysReader}
	scanReaders = []Reader{KeysReader, KeysOnlyReader}
	streamOnly  = []Reader{StreamReader}
	cmdOnly     = []Reader{CommandReader}
	prefixed    = []Reader{KeysReader, StreamReader}
)

// Pattern overrides the reader's pattern (keys readers) or stream key
// (Stream) for this run: RedisGears run(arg).
func Pattern(arg string) RunOption {
	return runOpt{opt{name: "Pattern", readers: []Reader{KeysReader, KeysOnlyReader, StreamReader},
		run: func(c *RunConfig) error { c.Arg = arg; return nil }}}
}

// NoScan makes the reader's pattern one exact key name instead of a glob:
// RedisGears run(noScan=True). KeysReader emits one record even when the
// key is missing (type "empty"); KeysOnly emits the key only if it exists.
func NoScan() RunOption {
	return runOpt{opt{name: "NoScan", readers: scanReaders,
		run: func(c *RunConfig) error { c.NoScan = true; return nil }}}
}

// ScanCount sets the SCAN COUNT hint of KeysOnly (RedisGears count=;
// default 1000).
func ScanCount(n int) RunOption {
	return runOpt{opt{name: "ScanCount", readers: []Reader{KeysOnlyReader},
		run: func(c *RunConfig) error {
			if n <= 0 {
				return fmt.Errorf("dsl.ScanCount(%d): the count must be positive", n)
			}
			c.ScanCount = n
			return nil
		}}}
}

// FromID starts a stream run after the given entry ID (exclusive):
// RedisGears run(fromId=...); default "0-0", the whole stream.
func FromID(id string) RunOption {
	return runOpt{opt{name: "FromID", readers: streamOnly,
		run: func(c *RunConfig) error { c.FromID = id; return nil }}}
}

// ReadValue(false) makes the Keys reader skip reading values: records carry
// only Key and Event (RedisGears readValue=False; Value and Type are then
// zero). Only the untyped Keys reader accepts it: typed readers need the
// type to filter on.
func ReadValue(read bool) Option {
	return opt{name: "ReadValue", readers: keysReaders,
		run: func(c *RunConfig) error { c.ReadValue = read; return nil },
		reg: func(c *RegisterConfig) error { c.ReadValue = read; return nil }}
}

// Mode sets the execution mode (RedisGears mode=). Run accepts Async and
// AsyncLocal; Register also accepts Sync.
func Mode(m ExecMode) Option {
	check := func(allowed ...ExecMode) error {
		for _, a := range allowed {
			if m == a {
				return nil
			}
		}
		return fmt.Errorf("dsl.Mode(%q): use one of dsl.%s", string(m), modeNames(allowed))
	}
	return opt{name: "Mode",
		run: func(c *RunConfig) error {
			if m == Sync {
				return fmt.Errorf("dsl.Mode(dsl.Sync) is not accepted by Run (RedisGears: unknown execution mode): use dsl.Async or dsl.AsyncLocal")
			}
			if err := check(Async, AsyncLocal); err != nil {
				return err
			}
			c.Mode = m
			return nil
		},
		reg: func(c *RegisterConfig) error {
			if err := check(Async, AsyncLocal, Sync); err != nil {
				return err
			}
			c.Mode = m
			return nil
		}}
}

func modeNames(ms []ExecMode) string {
	names := map[ExecMode]string{Async: "Async", AsyncLocal: "AsyncLocal", Sync: "Sync"}
	var s []string
	for _, m := range ms {
		s = append(s, names[m])
	}
	return strings.Join(s, ", dsl.")
}

// NoCollect keeps results on the shards that produced them (RedisGears
// collect=False): Run returns only the initiating shard's records.
func NoCollect() Option {
	return opt{name: "NoCollect",
		run: func(c *RunConfig) error { c.Collect = false; return nil },
		reg: func(c *RegisterConfig) error { c.Collect = false; return nil }}
}

// Prefix overrides the registration prefix, which defaults to the reader's
// pattern: an exact key name, or a prefix ending in a single "*"
// (RedisGears register(prefix=...), which is not a glob).
func Prefix(prefix string) RegisterOption {
	return regOpt{opt{name: "Prefix", readers: prefixed,
		reg: func(c *RegisterConfig) error { c.Prefix = prefix; return nil }}}
}

// OnEvents fires the registration only for these keyspace events, such as
// "hset", "del", "expired", "keymiss" (RedisGears eventTypes; compared
// case-insensitively). Default: all events.
func OnEvents(events ...string) RegisterOption {
	return regOpt{opt{name: "OnEvents", readers: keysReaders,
		reg: func(c *RegisterConfig) error {
			for _, e := range events {
				if strings.TrimSpace(e) == "" {
					return fmt.Errorf("dsl.OnEvents: empty event name")
				}
			}
			c.EventTypes = append(c.EventTypes, events...)
			return nil
		}}}
}

// OnKeyTypes fires the registration only for keys of these types
// (RedisGears keyTypes). Typed readers set their own type; adding another
// type to them is an error.
func OnKeyTypes(types ...KeyType) RegisterOption {
	return regOpt{opt{name: "OnKeyTypes", readers: keysReaders,
		reg: func(c *RegisterConfig) error {
			for _, t := range types {
				switch t {
				case TypeString, TypeHash, TypeList, TypeSet, TypeZSet, TypeModule:
				default:
					return fmt.Errorf("dsl.OnKeyTypes: unknown key type %q: use dsl.TypeString, TypeHash, TypeList, TypeSet, TypeZSet or TypeModule", string(t))
				}
			}
			c.KeyTypes = append(c.KeyTypes, types...)
			return nil
		}}}
}

// Commands fires the registration only for events caused by these commands,
// and blocks the calling client until the executions finish, so a step can
// call runtime.OverrideReply (RedisGears 1.2 commands=).
func Commands(commands ...string) RegisterOption {
	return regOpt{opt{name: "Commands", readers: keysReaders,
		reg: func(c *RegisterConfig) error {
			// With no commands the registration would silently fire on
			// every event, without blocking the client.
			if len(commands) == 0 {
				return fmt.Errorf(`dsl.Commands: name at least one command, such as dsl.Commands("hset")`)
			}
			for _, name := range commands {
				if strings.TrimSpace(name) == "" {
					return fmt.Errorf(`dsl.Commands: empty command name; name commands such as "hset"`)
				}
			}
			c.Commands = append(c.Commands, commands...)
			return nil
		}}}
}

// OnRegistered calls f on every shard when the registration is created or
// loaded (RedisGears onRegistered). Its errors are only logged.
func OnRegistered(f func()) RegisterOption {
	return regOpt{opt{name: "OnRegistered",
		reg: func(c *RegisterConfig) error {
			if f == nil {
				return fmt.Errorf("dsl.OnRegistered: nil function")
			}
			c.OnRegistered = f
			return nil
		}}}
}

// Batch runs the stream registration once n new entries are pending
// (RedisGears batch; default 1).
func Batch(n int) RegisterOption {
	return regOpt{opt{name: "Batch", readers: streamOnly,
		reg: func(c *RegisterConfig) error {
			if n < 1 {
				return fmt.Errorf("dsl.Batch(%d): the batch size must be at least 1", n)
			}
			c.Batch = n
			return nil
		}}}
}

// Duration runs the stream registration after d even if the batch is not
// full (RedisGears duration, in milliseconds; default 0 = off).
func Duration(d time.Duration) RegisterOption {
	return regOpt{opt{name: "Duration", readers: streamOnly,
		reg: func(c *RegisterConfig) error {
			if d < 0 || (d > 0 && d < time.Millisecond) {
				return fmt.Errorf("dsl.Duration(%v): use 0 or at least 1ms", d)
			}
			c.Duration = d
			return nil
		}}}
}

// OnFailed sets what a stream registration does after an execution with
// errors (RedisGears onFailedPolicy; default Continue). Sync registrations
// accept only Continue.
func OnFailed(p FailurePolicy) RegisterOption {
	return regOpt{opt{name: "OnFailed", readers: streamOnly,
		reg: func(c *RegisterConfig) error {
			switch p {
			case Continue, Abort, Retry:
				c.OnFailed = p
				return nil
			}
			return fmt.Errorf("dsl.OnFailed(%q): use dsl.Continue, dsl.Abort or dsl.Retry", string(p))
		}}}
}

// RetryInterval is how long a stream registration with OnFailed(Retry)
// waits before re-reading (RedisGears onFailedRetryInterval, in whole
// seconds; default 1s).
func RetryInterval(d time.Duration) RegisterOption {
	return regOpt{opt{name: "RetryInterval", readers: streamOnly,
		reg: func(c *RegisterConfig) error {
			if d < time.Second || d%time.Second != 0 {
				return fmt.Errorf("dsl.RetryInterval(%v): RedisGears takes whole seconds, at least 1s", d)
			}
			c.RetryInterval = d
			return nil
		}}}
}

// TrimStream controls whether processed entries are trimmed from the stream
// after acknowledgement (RedisGears trimStream; default true).
func TrimStream(trim bool) RegisterOption {
	return regOpt{opt{name: "TrimStream", readers: streamOnly,
		reg: func(c *RegisterConfig) error { c.TrimStream = trim; return nil }}}
}

// Trigger names the registration's trigger: `RG.TRIGGER name args...` runs
// it with the record [name, args...] (RedisGears trigger).
func Trigger(name string) RegisterOption {
	return regOpt{opt{name: "Trigger", readers: cmdOnly,
		reg: func(c *RegisterConfig) error {
			if strings.TrimSpace(name) == "" || strings.ContainsAny(name, " \t\r\n") {
				return fmt.Errorf("dsl.Trigger(%q): a trigger name must be non-empty with no spaces", name)
			}
			c.Trigger = name
			return nil
		}}}
}

// InOrder serialises the trigger's async_local executions in arrival order
// (RedisGears inorder).
func InOrder() RegisterOption {
	return regOpt{opt{name: "InOrder", readers: cmdOnly,
		reg: func(c *RegisterConfig) error { c.InOrder = true; return nil }}}
}

// Hook overrides a Redis command: each call to it becomes a record
// [command, args...], the gear's single result becomes the command's reply,
// and runtime.CallNext invokes the original (RedisGears 1.2 hook,
// experimental). The gear must produce exactly one result per call.
func Hook(command string) RegisterOption {
	return regOpt{opt{name: "Hook", readers: cmdOnly,
		reg: func(c *RegisterConfig) error {
			if strings.TrimSpace(command) == "" {
				return fmt.Errorf("dsl.Hook: empty command name")
			}
			c.Hook = command
			return nil
		}}}
}

// KeyPrefix restricts a Hook to calls where one of the command's keys starts
// with prefix (RedisGears 1.2 keyprefix).
func KeyPrefix(prefix string) RegisterOption {
	return regOpt{opt{name: "KeyPrefix", readers: cmdOnly,
		reg: func(c *RegisterConfig) error { c.KeyPrefix = prefix; return nil }}}
}
