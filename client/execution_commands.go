package client

import (
	"context"
	"errors"
	"regexp"
	"strconv"

	"github.com/redis/go-redis/v9"
)

// ExecutionCmdable is the commands that run gear scripts and inspect or
// end their executions.
type ExecutionCmdable interface {
	// AbortExecution aborts a running execution: `RG.ABORTEXECUTION id`.
	AbortExecution(ctx context.Context, id string) error
	// DropExecution removes a finished execution: `RG.DROPEXECUTION id`.
	DropExecution(ctx context.Context, id string) error
	// DumpExecutions lists the executions: `RG.DUMPEXECUTIONS`.
	DumpExecutions(ctx context.Context) ([]ExecutionInfo, error)
	// GetExecution returns an execution's plan: `RG.GETEXECUTION id [SHARD|CLUSTER]`.
	GetExecution(ctx context.Context, id string, scope ExecutionScope) ([]ExecutionPlan, error)
	// GetResults returns a finished execution's results: `RG.GETRESULTS id`.
	GetResults(ctx context.Context, id string) (*Results, error)
	// GetResultsBlocking waits for an execution's results: `RG.GETRESULTSBLOCKING id`.
	GetResultsBlocking(ctx context.Context, id string) (*Results, error)
	// PyExecute runs a Python gear script: `RG.PYEXECUTE script [options]`.
	PyExecute(ctx context.Context, script string, opts *PyExecuteOptions) (*ExecuteReply, error)
}

// AbortExecution aborts an execution with `RG.ABORTEXECUTION id`, on the
// shard that owns the id in a cluster. Aborting a finished execution
// succeeds; an unknown id gives ErrExecutionNotFound.
//
//	err := c.AbortExecution(ctx, "0000000000000000000000000000000000000000-12")
//
// See https://oss.redis.com/redisgears/1.2/commands.html#rgabortexecution
func (c *Client) AbortExecution(ctx context.Context, id string) error {
	return c.idOK(ctx, "RG.ABORTEXECUTION", id)
}

// DropExecution removes a finished execution and its results with
// `RG.DROPEXECUTION id`, on the shard that owns the id. An unknown id gives
// ErrExecutionNotFound, an unfinished one ErrExecutionRunning (abort it
// first).
//
//	err := c.DropExecution(ctx, id)
//
// See https://oss.redis.com/redisgears/1.2/commands.html#rgdropexecution
func (c *Client) DropExecution(ctx context.Context, id string) error {
	return c.idOK(ctx, "RG.DROPEXECUTION", id)
}

func (c *Client) idOK(ctx context.Context, command, id string) error {
	p, err := c.nodeForID(ctx, command, id)
	if err != nil {
		return err
	}
	return c.callOK(ctx, p, command, id)
}

// DumpExecutions lists the executions kept by the server (blocking runs are
// dropped when they finish, so they do not appear) with `RG.DUMPEXECUTIONS`.
// In a cluster every master is asked and the lists are merged, each id
// once. An empty slice means there are none.
//
//	execs, err := c.DumpExecutions(ctx)
//	for _, e := range execs { fmt.Println(e.ID, e.Status) }
//
// See https://oss.redis.com/redisgears/1.2/commands.html#rgdumpexecutions
func (c *Client) DumpExecutions(ctx context.Context) ([]ExecutionInfo, error) {
	replies, err := c.eachMaster(ctx, "RG.DUMPEXECUTIONS")
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	out := []ExecutionInfo{}
	for _, r := range replies {
		list, err := parseExecutions(r.reply)
		if err != nil {
			return nil, err
		}
		for _, e := range list {
			if !seen[e.ID] {
				seen[e.ID] = true
				out = append(out, e)
			}
		}
	}
	return out, nil
}

// GetExecution returns the plan of an execution, one ExecutionPlan per
// shard, with `RG.GETEXECUTION id [SHARD|CLUSTER]`, sent to the shard that
// owns the id. ScopeCluster on a standalone server fails (`no cluster
// detected`); an unknown id gives ErrExecutionNotFound.
//
//	plans, err := c.GetExecution(ctx, id, client.ScopeShard)
//	fmt.Println(plans[0].Status, len(plans[0].Steps))
//
// See https://oss.redis.com/redisgears/1.2/commands.html#rggetexecution
func (c *Client) GetExecution(ctx context.Context, id string, scope ExecutionScope) ([]ExecutionPlan, error) {
	const command = "RG.GETEXECUTION"
	p, err := c.nodeForID(ctx, command, id)
	if err != nil {
		return nil, err
	}
	args := []any{command, id}
	switch scope {
	case ScopeShard:
		args = append(args, "SHARD")
	case ScopeCluster:
		args = append(args, "CLUSTER")
	}
	v, err := c.do(ctx, p, redis.NewCmd(ctx, args...))
	if err != nil {
		return nil, err
	}
	return parseExecutionPlans(v)
}

// GetResults returns the results of a finished execution with
// `RG.GETRESULTS id`, sent to the shard that owns the id. Failed records
// are in Results.Errors (the call itself succeeds). An unknown id gives
// ErrExecutionNotFound, an unfinished one ErrExecutionRunning.
//
//	res, err := c.GetResults(ctx, id)
//	if errors.Is(err, client.ErrExecutionRunning) { /* try again later */ }
//
// See https://oss.redis.com/redisgears/1.2/commands.html#rggetresults
func (c *Client) GetResults(ctx context.Context, id string) (*Results, error) {
	return c.results(ctx, "RG.GETRESULTS", id)
}

// GetResultsBlocking waits until an execution finishes and returns its
// results with `RG.GETRESULTSBLOCKING id`, on the shard that owns the id.
// The wait is bounded by go-redis's ReadTimeout (or by ctx's deadline when
// the go-redis client has ContextTimeoutEnabled) and also ends as soon as
// ctx is canceled; for long executions use Execution.Wait, which polls. An
// unknown id gives ErrExecutionNotFound.
//
//	res, err := c.GetResultsBlocking(ctx, id)
//
// See https://oss.redis.com/redisgears/1.2/commands.html#rggetresultsblocking
func (c *Client) GetResultsBlocking(ctx context.Context, id string) (*Results, error) {
	return c.results(ctx, "RG.GETRESULTSBLOCKING", id)
}

func (c *Client) results(ctx context.Context, command, id string) (*Results, error) {
	p, err := c.nodeForID(ctx, command, id)
	if err != nil {
		return nil, err
	}
	cmd := redis.NewCmd(ctx, command, id)
	var v any
	if command == "RG.GETRESULTSBLOCKING" {
		v, err = c.doWatched(ctx, p, cmd)
	} else {
		v, err = c.do(ctx, p, cmd)
	}
	if err != nil {
		return nil, err
	}
	return parseResults(command, v)
}

var sessionIDRE = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

// PyExecute sends a Python gear script with `RG.PYEXECUTE script [UNBLOCKING]
// [ID id] [DESCRIPTION d] [UPGRADE] [REPLACE_WITH old]
// [FORCE_REINSTALL_REQUIREMENTS] [REQUIREMENTS req ...]`; opts may be nil.
//
// The reply depends on the script: a blocking run() gives Results (failed
// records in Results.Errors); an Unblocking run() gives the execution ID;
// a script that only registers gears, or does neither, gives an empty
// ExecuteReply. A Python exception in the script itself is a *GearError
// with Script set; a registration failing on some shards (RedisGears 1.2)
// joins one error per shard.
//
// ID, Description, Upgrade and ReplaceWith need RedisGears 1.2+ and
// ForceReinstallRequirements 1.2.4+: on an older server they fail with
// ErrVersion before anything is sent.
//
//	reply, err := c.PyExecute(ctx, "GB().map(lambda r: r['key']).run()", nil)
//	fmt.Println(reply.Results.Values)
//
// See https://oss.redis.com/redisgears/1.2/commands.html#rgpyexecute
func (c *Client) PyExecute(ctx context.Context, script string, opts *PyExecuteOptions) (*ExecuteReply, error) {
	args, err := c.pyExecuteArgs(ctx, script, opts)
	if err != nil {
		return nil, err
	}
	v, err := c.doWatched(ctx, c.rdb, redis.NewCmd(ctx, args...))
	if err != nil {
		var ge *GearError
		if errors.As(err, &ge) {
			ge.Script = true
		}
		return nil, err
	}
	return parseExecuteReply(v)
}

func (c *Client) pyExecuteArgs(ctx context.Context, script string, opts *PyExecuteOptions) ([]any, error) {
	const command = "RG.PYEXECUTE"
	args := []any{command, script}
	if opts == nil {
		return args, nil
	}
	if opts.ID != "" && !sessionIDRE.MatchString(opts.ID) {
		return nil, &Error{Command: command, Kind: ErrInvalidArgument,
			Msg: "session ID " + strconv.Quote(opts.ID) + " may only contain letters, digits, '-' and '_'"}
	}
	if opts.ID == "" && opts.Upgrade {
		return nil, &Error{Command: command, Kind: ErrInvalidArgument, Msg: "Upgrade needs an ID naming the session to upgrade"}
	}
	gated := []struct {
		on   bool
		name string
	}{{opts.ID != "", "ID"}, {opts.Description != "", "DESCRIPTION"}, {opts.Upgrade, "UPGRADE"}, {opts.ReplaceWith != "", "REPLACE_WITH"}}
	for _, g := range gated {
		if g.on {
			if err := c.require(ctx, command, "option "+g.name, 1, 2, 0); err != nil {
				return nil, err
			}
			break
		}
	}
	if opts.ForceReinstallRequirements {
		if err := c.require(ctx, command, "option FORCE_REINSTALL_REQUIREMENTS", 1, 2, 4); err != nil {
			return nil, err
		}
	}
	// UNBLOCKING first: RedisGears 1.0 only accepts it as the third token.
	if opts.Unblocking {
		args = append(args, "UNBLOCKING")
	}
	if opts.ID != "" {
		args = append(args, "ID", opts.ID)
	}
	if opts.Description != "" {
		args = append(args, "DESCRIPTION", opts.Description)
	}
	if opts.Upgrade {
		args = append(args, "UPGRADE")
	}
	if opts.ReplaceWith != "" {
		args = append(args, "REPLACE_WITH", opts.ReplaceWith)
	}
	if opts.ForceReinstallRequirements {
		args = append(args, "FORCE_REINSTALL_REQUIREMENTS")
	}
	// REQUIREMENTS last: everything after it is a pip specification.
	if len(opts.Requirements) > 0 {
		args = appendStrings(append(args, "REQUIREMENTS"), opts.Requirements)
	}
	return args, nil
}

// parseExecuteReply reads the three reply shapes of RG.PYEXECUTE.
func parseExecuteReply(v any) (*ExecuteReply, error) {
	const command = "RG.PYEXECUTE"
	switch v := v.(type) {
	case nil:
		return &ExecuteReply{}, nil
	case string:
		if isOK(v) {
			return &ExecuteReply{}, nil
		}
		return &ExecuteReply{ID: v}, nil
	case []any:
		if errs := shardErrors(command, v); errs != nil {
			return nil, errs
		}
		r, err := parseResults(command, v)
		if err != nil {
			return nil, err
		}
		return &ExecuteReply{Results: r}, nil
	}
	return nil, badReply(command, "reply is %T", v)
}

// shardErrors returns the joined errors of a reply made only of error
// replies (a registration that failed on some shards), else nil.
func shardErrors(command string, v []any) error {
	if len(v) == 0 {
		return nil
	}
	var errs []error
	for _, e := range v {
		re, ok := e.(redis.Error)
		if !ok {
			return nil
		}
		err := serverError(command, re.Error(), re)
		var ge *GearError
		if errors.As(err, &ge) {
			ge.Script = true
		}
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}
