package client

// This file runs, deploys and triggers gears written with the GoGears DSL.
// It relies on the cross-team contracts: results are JSON texts (1),
// tracebacks map to Go through "# go:" comments (2), scripts carry a
// "# gogears:" header (3), and parameters replace the GG_PARAMS line (4).

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/gogears/gogears/dsl"
	"github.com/gogears/gogears/pyast"
)

// Run runs a DSL job on the server (RG.PYEXECUTE, blocking) and returns its
// results decoded from JSON into T. params bind the gear's dsl.Param
// values. When records failed, the records that succeeded are returned
// with a *RecordErrors whose GearErrors name the Go step they came from.
// A job without a generated script gives dsl.ErrNoScript (run `go
// generate`); an invalid one its dsl.ErrInvalidGear error. A run longer
// than the go-redis ReadTimeout gives ErrTimeout: use Start and Wait.
//
//	counts, err := client.Run(ctx, c, gears.CountByStatus, gears.MinTotal.Bind(10))
func Run[T any](ctx context.Context, c *Client, job dsl.Job[T], params ...dsl.ParamValue) ([]T, error) {
	s, err := jobScript(job, params)
	if err != nil {
		return nil, err
	}
	res, err := c.RunScript(ctx, s)
	if res == nil {
		if errors.Is(err, ErrTimeout) {
			err = fmt.Errorf("%w (the gear may still be running: raise the go-redis ReadTimeout, or use client.Start and Wait)", err)
		}
		return nil, err
	}
	vals, derr := decodeRecords[T]("RG.PYEXECUTE", res.Values)
	return vals, errors.Join(err, derr)
}

// JobExecution is a DSL job started with Start: Wait or Poll it for the
// decoded results, then Drop it.
type JobExecution[T any] struct {
	*Execution
}

// Start starts a DSL job (RG.PYEXECUTE UNBLOCKING) and returns at once.
// Errors are as for Run.
//
//	ex, err := client.Start(ctx, c, gears.CountByStatus)
//	counts, err := ex.Wait(ctx)
//	_ = ex.Drop(ctx)
func Start[T any](ctx context.Context, c *Client, job dsl.Job[T], params ...dsl.ParamValue) (*JobExecution[T], error) {
	s, err := jobScript(job, params)
	if err != nil {
		return nil, err
	}
	ex, err := c.StartScript(ctx, s)
	if err != nil {
		return nil, err
	}
	return &JobExecution[T]{ex}, nil
}

// Wait polls until the job finishes or ctx ends and returns the decoded
// results; failed records give a *RecordErrors next to them.
func (e *JobExecution[T]) Wait(ctx context.Context) ([]T, error) {
	return decodeResults[T](e.Execution.Wait(ctx))
}

// Poll returns the decoded results if the job has finished, and
// ErrExecutionRunning if not.
func (e *JobExecution[T]) Poll(ctx context.Context) ([]T, error) {
	return decodeResults[T](e.Execution.Poll(ctx))
}

func decodeResults[T any](res *Results, err error) ([]T, error) {
	if res == nil {
		return nil, err
	}
	vals, derr := decodeRecords[T]("RG.GETRESULTS", res.Values)
	return vals, errors.Join(err, derr)
}

// Deploy installs a DSL registration idempotently, as DeployScript does
// for plain scripts: session SessionID(gear id), UPGRADE, the gear's
// requirements, and a content hash (script, parameter values and
// requirements) in the session description, so deploying an unchanged gear
// sends nothing and reports Changed false. RedisGears 1.2+.
//
//	dep, err := client.Deploy(ctx, c, gears.AuditOrders)
func Deploy[T any](ctx context.Context, c *Client, reg dsl.Registration[T], params ...dsl.ParamValue) (*Deployment, error) {
	if err := reg.Err(); err != nil {
		return nil, err
	}
	gs, err := reg.Script()
	if err != nil {
		return nil, err
	}
	s, err := gearScript(gs, reg.Requirements(), params)
	if err != nil {
		return nil, err
	}
	return c.DeployScript(ctx, s)
}

// TriggerFunc calls a deployed CommandReader gear: the arguments go to
// RG.TRIGGER after the trigger name, and the gear's results come back
// decoded into T. Callers in other languages send the same RG.TRIGGER and
// get the same JSON texts.
type TriggerFunc[T any] func(ctx context.Context, args ...any) ([]T, error)

// Trigger returns the typed function of a CommandReader registration made
// with dsl.Trigger(name). A failing step gives a *GearError naming its Go
// origin; a gear that is not deployed gives ErrTriggerNotFound. A
// registration without a trigger name (a hook or another reader) is an
// ErrInvalidArgument error.
//
//	audit, err := client.Trigger(c, gears.Audit)
//	rows, err := audit(ctx, "order:1")
func Trigger[T any](c *Client, reg dsl.Registration[T]) (TriggerFunc[T], error) {
	name, source, err := triggerOf(reg)
	if err != nil {
		return nil, err
	}
	return func(ctx context.Context, args ...any) ([]T, error) {
		vals, err := c.Trigger(ctx, name, args...)
		if err != nil {
			return nil, withOrigins(err, source)
		}
		return decodeRecords[T]("RG.TRIGGER", vals)
	}, nil
}

// TriggerOnKey is Trigger with RG.TRIGGERONKEY: the returned function
// takes a key first, and in a cluster the gear runs on the shard owning it.
// RedisGears 1.2+.
//
//	bump, err := client.TriggerOnKey(c, gears.Bump)
//	rows, err := bump(ctx, "counter:{u1}", 5)
func TriggerOnKey[T any](c *Client, reg dsl.Registration[T]) (func(ctx context.Context, key string, args ...any) ([]T, error), error) {
	name, source, err := triggerOf(reg)
	if err != nil {
		return nil, err
	}
	return func(ctx context.Context, key string, args ...any) ([]T, error) {
		vals, err := c.TriggerOnKey(ctx, name, key, args...)
		if err != nil {
			return nil, withOrigins(err, source)
		}
		return decodeRecords[T]("RG.TRIGGERONKEY", vals)
	}, nil
}

func triggerOf[T any](reg dsl.Registration[T]) (name, source string, err error) {
	if err := reg.Err(); err != nil {
		return "", "", err
	}
	name = reg.Trigger()
	if name == "" {
		return "", "", &Error{Kind: ErrInvalidArgument,
			Msg: "the registration has no trigger name: register it with dsl.Trigger(name) to call it with RG.TRIGGER"}
	}
	if s, err := reg.Script(); err == nil {
		source = s.Source
	}
	return name, source, nil
}

// jobScript returns the script to submit for job with params bound.
func jobScript[T any](job dsl.Job[T], params []dsl.ParamValue) (Script, error) {
	if err := job.Err(); err != nil {
		return Script{}, err
	}
	gs, err := job.Script()
	if err != nil {
		return Script{}, err
	}
	return gearScript(gs, job.Requirements(), params)
}

// gearScript turns a generated dsl.Script into a Script with the
// parameter values substituted (contract 4).
func gearScript(gs dsl.Script, reqs []string, params []dsl.ParamValue) (Script, error) {
	id := gs.ID
	if id == "" {
		id = ParseHeader(gs.Source).Gear
	}
	s := Script{Source: gs.Source, Requirements: reqs}
	if id != "" {
		s.ID, s.Description = SessionID(id), "gogears gear "+id
	}
	return s.WithParams(params...)
}

// WithParams returns a copy of s whose `GG_PARAMS = {}` line is replaced by
// the parameter values (contract 4), as Run and Deploy do for DSL gears. It
// lets a generated script read from a file take parameters too. With no
// params s is returned unchanged; a script without that line gives
// ErrInvalidArgument, as does a parameter bound twice or whose value does
// not encode as JSON.
//
//	s, err := client.ScriptFile("zz_gears/top_users.py")
//	s, err = s.WithParams(dsl.ParamValue{Name: "limit", Value: 5})
func (s Script) WithParams(params ...dsl.ParamValue) (Script, error) {
	if len(params) == 0 {
		return s, nil
	}
	js, err := dsl.EncodeParams(params...)
	if err != nil {
		return Script{}, &Error{Kind: ErrInvalidArgument, Msg: err.Error(), Err: err}
	}
	if s.Source, err = withParams(s.Source, js); err != nil {
		return Script{}, err
	}
	return s, nil
}

// Header is the metadata header of a script generated by gogears gen.
type Header struct {
	Gear         string   // "<import path>.<GearVar>"; or "" when the script has no header
	Requirements []string // pip specifications; or nil
	Params       []string // parameter names; or nil
}

const generatedLine = "# Code generated by gogears; DO NOT EDIT."

// ParseHeader reads the "# gogears:" comment lines that follow the
// "# Code generated by gogears" line of a generated script. A script
// without that first line gives the zero Header.
func ParseHeader(source string) Header {
	var h Header
	lines := strings.Split(source, "\n")
	if len(lines) == 0 || strings.TrimRight(lines[0], "\r") != generatedLine {
		return h
	}
	for _, l := range lines[1:] {
		l = strings.TrimRight(l, "\r")
		rest, ok := strings.CutPrefix(l, "# gogears:")
		if !ok {
			break
		}
		key, val, _ := strings.Cut(rest, " ")
		val = strings.TrimSpace(val)
		switch key {
		case "gear":
			h.Gear = val
		case "requirements":
			h.Requirements = strings.Fields(val)
		case "params":
			for _, p := range strings.Split(val, ",") {
				if p = strings.TrimSpace(p); p != "" {
					h.Params = append(h.Params, p)
				}
			}
		}
	}
	return h
}

// SessionID returns the RedisGears session id of a gear id
// "<import path>.<GearVar>": the id with every character other than
// letters, digits, '-' and '_' replaced by '_', plus '-' and 8 hex digits
// of its SHA-256 so that ids differing only in those characters stay apart.
func SessionID(gearID string) string {
	sum := sha256.Sum256([]byte(gearID))
	return invalidIDChars.ReplaceAllString(gearID, "_") + "-" + hex.EncodeToString(sum[:4])
}

var invalidIDChars = regexp.MustCompile(`[^A-Za-z0-9_-]`)

// paramsLine is the line of a generated script that the client replaces
// with the parameter values (contract 4).
const paramsLine = "GG_PARAMS = {}"

// withParams returns source with its GG_PARAMS line set to the JSON object
// params. Without params the source is returned unchanged. A script that
// has no GG_PARAMS line cannot take parameters: that is an error naming the
// fix.
func withParams(source string, params []byte) (string, error) {
	if len(params) == 0 || string(params) == "{}" {
		return source, nil
	}
	lines := strings.SplitAfter(source, "\n")
	for i, l := range lines {
		if strings.TrimRight(l, "\r\n") != paramsLine {
			continue
		}
		lit, err := pyast.Quote(string(params))
		if err != nil {
			return "", &Error{Kind: ErrInvalidArgument, Msg: "parameter values: " + err.Error(), Err: err}
		}
		lines[i] = "GG_PARAMS = json.loads(" + lit + ")" + l[len(paramsLine):]
		return strings.Join(lines, ""), nil
	}
	return "", &Error{Kind: ErrInvalidArgument,
		Msg: "parameters given, but the script has no `GG_PARAMS = {}` line: declare them with dsl.Param in the gear and run `go generate` again"}
}

// decodeRecords decodes each result record, a JSON text (contract 1), into
// a T. A record that is not JSON text is an ErrBadReply error naming it.
func decodeRecords[T any](command string, vals []any) ([]T, error) {
	out := make([]T, 0, len(vals))
	for i, v := range vals {
		var text string
		switch v := v.(type) {
		case string:
			text = v
		case ResultError: // 1.2 turned a text starting with "-" into an error reply
			text = "-" + string(v)
		default:
			return out, badReply(command, "record %d is %T %v, not the JSON text a GoGears gear returns; was the script generated by gogears gen?", i, v, v)
		}
		var t T
		if err := json.Unmarshal([]byte(text), &t); err != nil {
			return out, &Error{Command: command, Kind: ErrBadReply,
				Msg: fmt.Sprintf("record %d %.80q does not decode into %T: %v", i, text, t, err), Err: err}
		}
		out = append(out, t)
	}
	return out, nil
}
