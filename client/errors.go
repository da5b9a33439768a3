package client

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"syscall"

	"github.com/redis/go-redis/v9"
)

// Sentinel errors. A failed command returns an *Error (or a *GearError for
// Python failures) that matches one of these through errors.Is.
var (
	// ErrExecutionNotFound is returned when an execution id is unknown to the
	// shard that owns it: `execution plan does not exist`.
	ErrExecutionNotFound = errors.New("execution not found")
	// ErrExecutionRunning is returned by GetResults and DropExecution while
	// the execution has not finished yet.
	ErrExecutionRunning = errors.New("execution is still running")
	// ErrSessionExists is returned by PyExecute when an ID is reused without
	// Upgrade: `Session <id> already exists`.
	ErrSessionExists = errors.New("session already exists")
	// ErrSessionNotFound is returned when a session id is unknown
	// (PyProfileStats, PyProfileReset, ReplaceWith).
	ErrSessionNotFound = errors.New("session not found")
	// ErrTriggerNotFound is returned by Trigger and TriggerOnKey when no
	// CommandReader registration has that trigger name.
	ErrTriggerNotFound = errors.New("trigger not found")
	// ErrNotRegistered is returned by Unregister, PauseRegistrations and
	// UnpauseRegistrations for an unknown registration id.
	ErrNotRegistered = errors.New("registration not found")
	// ErrRequirementNotFound is returned by PyExportReq for a requirement
	// the server does not have: `requirement does not exists`.
	ErrRequirementNotFound = errors.New("requirement not found")
	// ErrRequirements is returned when the server could not install the
	// REQUIREMENTS of a script; the server log has the pip output.
	ErrRequirements = errors.New("requirements could not be installed")
	// ErrVersion is returned, before anything is sent, when an option or
	// command needs a newer RedisGears than the server runs.
	ErrVersion = errors.New("needs a newer RedisGears")
	// ErrNoGears is returned when the server has no RedisGears module (`rg`
	// missing from MODULE LIST, or RG.* commands unknown).
	ErrNoGears = errors.New("RedisGears is not loaded")
	// ErrTimeout is returned when a command or the context deadline timed
	// out; the error also matches context.DeadlineExceeded when the context
	// expired.
	ErrTimeout = errors.New("timed out")
	// ErrConnection is returned when the connection failed or the server
	// went away during a call. The command may or may not have run.
	ErrConnection = errors.New("connection lost")
	// ErrCanceled is returned when the caller's context was canceled; the
	// error also matches context.Canceled.
	ErrCanceled = errors.New("canceled")
	// ErrBadReply is returned when a reply does not have the shape the
	// RedisGears reference documents.
	ErrBadReply = errors.New("unexpected reply")
	// ErrGear is matched by every *GearError: a Python exception raised by
	// a gear script or one of its steps.
	ErrGear = errors.New("gear failed")
	// ErrRecords is matched by *RecordErrors: an execution finished but
	// some records failed in a step.
	ErrRecords = errors.New("records failed")
	// ErrInvalidArgument is returned, before anything is sent, for an
	// argument the server would reject (for example a session ID with
	// characters other than letters, digits, '-' and '_').
	ErrInvalidArgument = errors.New("invalid argument")
)

// Error is a failed RedisGears command. Kind is the sentinel it matches
// (nil when no sentinel fits); Err is the underlying go-redis, network or
// context error.
type Error struct {
	Command string // the command name, e.g. "RG.GETRESULTS"
	Msg     string // the server's error text, or a description of the failure
	Kind    error  // one of the ErrXxx sentinels; or nil
	Err     error  // the cause; or nil
}

// Error returns "client: <command>: <message>", naming the sentinel when
// the message does not.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("client: ")
	if e.Command != "" {
		b.WriteString(e.Command)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	if e.Kind != nil && !strings.Contains(strings.ToLower(e.Msg), e.Kind.Error()) {
		fmt.Fprintf(&b, " (%v)", e.Kind)
	}
	return b.String()
}

// Unwrap returns the sentinel and the cause, for errors.Is and errors.As.
func (e *Error) Unwrap() []error {
	var errs []error
	if e.Kind != nil {
		errs = append(errs, e.Kind)
	}
	if e.Err != nil {
		errs = append(errs, e.Err)
	}
	return errs
}

// serverMessages maps error texts of RedisGears 1.0 and 1.2 (matched
// case-insensitively as substrings) to sentinels. Some texts mean different
// things for different commands, so the table is consulted per command.
var serverMessages = []struct {
	cmds string // space separated command names; "" = any RG command
	text string
	kind error
}{
	{"RG.UNREGISTER RG.PAUSEREGISTRATIONS RG.UNPAUSEREGISTRATIONS", "does not exist", ErrNotRegistered},
	{"RG.UNREGISTER RG.PAUSEREGISTRATIONS RG.UNPAUSEREGISTRATIONS", "not found", ErrNotRegistered},
	{"RG.PYEXPORTREQ", "does not exist", ErrRequirementNotFound},
	{"", "execution plan does not exist", ErrExecutionNotFound},
	{"", "execution does not exist", ErrExecutionNotFound},
	{"", "execution is still running", ErrExecutionRunning},
	{"", "not yet finished execution", ErrExecutionRunning},
	{"", "already exists", ErrSessionExists},
	{"", "session does not exist", ErrSessionNotFound},
	{"RG.PYEXECUTE", "does not exists", ErrSessionNotFound},
	{"", "could not satisfy requirements", ErrRequirements},
	{"", "execution is not registered", ErrNotRegistered},
	{"RG.TRIGGER RG.TRIGGERONKEY", "subcommand not found", ErrTriggerNotFound},
	{"RG.TRIGGER RG.TRIGGERONKEY", "trigger not found", ErrTriggerNotFound},
	{"", "unknown command", ErrNoGears},
}

// classify turns the error of one command into an *Error or *GearError.
// A nil err gives nil.
func classify(command string, err error) error {
	if err == nil {
		return nil
	}
	var ge *GearError
	var ce *Error
	if errors.As(err, &ge) || errors.As(err, &ce) {
		return err
	}
	var rerr redis.Error
	if errors.As(err, &rerr) && !errors.Is(err, redis.ErrClosed) && err != redis.Nil {
		return serverError(command, err.Error(), err)
	}
	e := &Error{Command: command, Msg: err.Error(), Err: err}
	switch {
	case errors.Is(err, context.Canceled):
		e.Kind = ErrCanceled
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, redis.ErrPoolTimeout), isTimeout(err):
		e.Kind = ErrTimeout
	case isConnection(err):
		e.Kind = ErrConnection
	}
	return e
}

// serverError builds the error for an error reply from the server: a
// *GearError when the text is a Python exception, else an *Error with the
// matching sentinel.
func serverError(command, msg string, cause error) error {
	if ge := parseGearError(msg); ge != nil {
		ge.Command = command
		if strings.Contains(strings.ToLower(msg), "could not satisfy requirements") {
			return &Error{Command: command, Msg: msg, Kind: ErrRequirements, Err: ge}
		}
		return ge
	}
	e := &Error{Command: command, Msg: msg, Err: cause}
	low := strings.ToLower(msg)
	for _, m := range serverMessages {
		if m.cmds != "" && !containsWord(m.cmds, command) {
			continue
		}
		if strings.Contains(low, m.text) {
			e.Kind = m.kind
			break
		}
	}
	return e
}

func containsWord(list, word string) bool {
	for _, w := range strings.Fields(list) {
		if w == word {
			return true
		}
	}
	return false
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

func isConnection(err error) bool {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, net.ErrClosed) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.EPIPE) ||
		errors.Is(err, redis.ErrClosed) {
		return true
	}
	var op *net.OpError
	return errors.As(err, &op)
}

func badReply(command string, format string, args ...any) error {
	return &Error{Command: command, Msg: fmt.Sprintf(format, args...), Kind: ErrBadReply}
}
