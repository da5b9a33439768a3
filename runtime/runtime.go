// Package runtime holds what a gear step can call on the server: the
// RedisGears builtins (log, execute, atomic, hashtag, configGet,
// gearsConfigGet, and the 1.2 override_reply, call_next, get_command,
// flat_error). Its subpackage cmd has typed Redis commands.
//
// In a generated gear script each function becomes the builtin it names.
// Run natively (engine.Run, engine.New), each call goes to the engine,
// which sends commands to a real Redis. Called anywhere else the functions
// panic with ErrNoEngine's message, which names the fix.
//
// The package shares its name with Go's runtime package; a file that needs
// both imports one under another name.
//
// Errors follow RedisGears: a Redis error reply makes Execute and the typed
// commands panic with an *Error, as the Python builtins raise. The engine
// (and RedisGears) turns the panic into an error record for that record
// only; other records go on.
package runtime

import (
	"errors"
	"fmt"
	"sync/atomic"
)

// Error is a failure raised inside a step: a Redis error reply from Execute
// or a typed command, or a FlatError. Steps see it as a panic value; the
// engine records its message as the record's error.
type Error struct {
	// Msg is the error text: the Redis error reply without its "-", or the
	// FlatError message.
	Msg string
	// Flat reports whether it came from FlatError (recorded without a
	// traceback on the server).
	Flat bool

	err error // the failure behind Msg when it was not a Redis reply; or nil
}

// Error returns the message.
func (e *Error) Error() string { return e.Msg }

// Unwrap returns the failure behind the error when it was not a Redis
// error reply (a lost connection, a cancelled context), so errors.Is finds
// it; nil otherwise.
func (e *Error) Unwrap() error { return e.err }

// ErrNoEngine is the panic value of every runtime function called outside a
// gear engine.
var ErrNoEngine = errors.New("runtime: no gear engine is running: runtime and cmd functions work only inside gear steps; run the gear with engine.Run (in process) or on a server with the client, or call the step from a test through engine.Exec")

// Level is a Redis log level for LogAt.
type Level string

// The log levels RedisGears log() accepts.
const (
	Debug   Level = "debug"
	Verbose Level = "verbose"
	Notice  Level = "notice"
	Warning Level = "warning"
)

// Host is what an engine provides to the runtime functions. Engines install
// one with SetHost; gear code never calls it.
//
// Why a package-level hook: steps are plain Go functions with no context
// argument, because they must translate to plain Python functions that call
// the gear builtins. The engine therefore reaches them through package
// state, and runs one execution at a time so per-execution state (the
// triggering command, parameter values) is unambiguous.
type Host interface {
	// Execute runs one Redis command. A Redis error reply is returned as an
	// *Error; replies are string, int64, []any (recursive) or nil.
	Execute(args []string) (any, error)
	// Log writes msg to the log at level.
	Log(level Level, msg string)
	// ConfigGet returns a user config value (RG.CONFIGSET key).
	ConfigGet(key string) (string, bool)
	// Atomic runs f with no other client's command in between.
	Atomic(f func())
	// HashTag returns a string that hashes to a slot of this shard.
	HashTag() string
	// OverrideReply replaces the reply of the command that triggered the
	// execution.
	OverrideReply(reply any) error
	// CallNext calls the hooked command's original implementation.
	CallNext(args []string) (any, error)
	// Command returns the command that triggered the execution.
	Command() ([]string, error)
	// Param returns the JSON value bound to a gear parameter.
	Param(name string) ([]byte, bool)
}

var host atomic.Pointer[Host]

// SetHost installs h as the engine behind every runtime function and
// returns the previous one (nil for none). Engines call it; a nil h
// uninstalls.
func SetHost(h Host) Host {
	var old *Host
	if h == nil {
		old = host.Swap(nil)
	} else {
		old = host.Swap(&h)
	}
	if old == nil {
		return nil
	}
	return *old
}

func current() Host {
	h := host.Load()
	if h == nil {
		panic(ErrNoEngine)
	}
	return *h
}

// raise panics with err as RedisGears' builtins raise.
func raise(err error) {
	var e *Error
	if errors.As(err, &e) {
		panic(e)
	}
	panic(&Error{Msg: err.Error(), err: err})
}

// Execute runs a Redis command on the local shard and returns its reply:
// string for bulk and status replies, int64 for integers, []any for arrays
// (recursive), nil for a nil reply (RedisGears execute). A Redis error
// reply panics with an *Error, failing the current record. Prefer the typed
// commands in package cmd.
func Execute(command string, args ...string) any {
	r, err := current().Execute(append([]string{command}, args...))
	if err != nil {
		raise(err)
	}
	return r
}

// Log writes msg to the Redis log at notice level, prefixed "GEARS: "
// (RedisGears log).
func Log(msg string) { current().Log(Notice, msg) }

// LogAt writes msg to the Redis log at level (RedisGears log(msg, level)).
func LogAt(level Level, msg string) {
	switch level {
	case Debug, Verbose, Notice, Warning:
	default:
		panic(&Error{Msg: fmt.Sprintf("runtime.LogAt: unknown level %q: use runtime.Debug, Verbose, Notice or Warning", string(level))})
	}
	current().Log(level, msg)
}

// Atomic runs f while holding the Redis lock, so no other client's command
// runs in between (RedisGears `with atomic():`). Do not nest it.
func Atomic(f func()) { current().Atomic(f) }

// HashTag returns a string that hashes to a slot of the local shard; use it
// as "{" + runtime.HashTag() + "}" in key names to keep keys local
// (RedisGears hashtag; "06S" on a single shard).
func HashTag() string { return current().HashTag() }

// ConfigGet returns the value of a user configuration key set by module
// arguments or RG.CONFIGSET, and whether it is set (RedisGears configGet).
// Built-in options such as MaxExecutions read as unset.
func ConfigGet(key string) (string, bool) { return current().ConfigGet(key) }

// GearsConfigGet returns the value of a user configuration key, or def when
// it is unset (RedisGears gearsConfigGet).
func GearsConfigGet(key, def string) string {
	if v, ok := current().ConfigGet(key); ok {
		return v
	}
	return def
}

// OverrideReply replaces the reply of the command linked to the execution
// by dsl.Commands (RedisGears 1.2 override_reply). A string starting with
// "-" becomes an error reply and one starting with "+" a status reply.
// Outside such an execution it panics with "Can not get command ctx".
func OverrideReply(reply any) {
	if err := current().OverrideReply(reply); err != nil {
		raise(err)
	}
}

// CallNext calls the next hook of the hooked command, or the command itself
// (RedisGears 1.2 call_next), and returns its reply like Execute. Only in a
// dsl.Hook registration.
func CallNext(args ...string) any {
	r, err := current().CallNext(args)
	if err != nil {
		raise(err)
	}
	return r
}

// GetCommand returns the command that triggered the execution, for
// dsl.Commands and dsl.Hook registrations (RedisGears 1.2 get_command).
func GetCommand() []string {
	c, err := current().Command()
	if err != nil {
		raise(err)
	}
	return c
}

// FlatError fails the current record with msg recorded as is, with no
// traceback (RedisGears 1.2 flat_error). A message starting with "PAUSE"
// pauses a stream registration. It does not return.
func FlatError(msg string) {
	panic(&Error{Msg: msg, Flat: true})
}

// LookupParam returns the JSON value bound to the gear parameter name in
// the running execution. dsl.Parameter.Get uses it; outside an engine it
// reports false, so Get returns the default.
func LookupParam(name string) ([]byte, bool) {
	h := host.Load()
	if h == nil {
		return nil, false
	}
	return (*h).Param(name)
}
