package client

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// Cmdable is every RedisGears command of the client, grouped like the
// RedisGears command reference.
type Cmdable interface {
	ClusterCmdable
	ConfigCmdable
	ExecutionCmdable
	RegistrationCmdable
	RequirementsCmdable
	StatsCmdable
	TriggerCmdable
}

var (
	_ Cmdable = (*Client)(nil)

	_ ClusterCmdable      = (*Client)(nil)
	_ ConfigCmdable       = (*Client)(nil)
	_ ExecutionCmdable    = (*Client)(nil)
	_ RegistrationCmdable = (*Client)(nil)
	_ RequirementsCmdable = (*Client)(nil)
	_ StatsCmdable        = (*Client)(nil)
	_ TriggerCmdable      = (*Client)(nil)
)

// Client sends RedisGears commands through a go-redis client. It is safe
// for concurrent use. The RedisGears version (for gating 1.2-only options)
// and, in a cluster, the shard map are detected on first need and cached.
type Client struct {
	rdb          redis.UniversalClient
	pollInterval time.Duration

	mu      sync.Mutex
	version *ModuleVersion           // nil until detected
	shards  map[string]*redis.Client // cluster: shard id → master
}

// New returns a Client that sends commands through rdb. The caller keeps
// ownership of rdb and closes it.
//
//	c := client.New(redis.NewClusterClient(&redis.ClusterOptions{Addrs: addrs}))
func New(rdb redis.UniversalClient, opts ...Option) *Client {
	c := &Client{rdb: rdb, pollInterval: 50 * time.Millisecond}
	for _, o := range opts {
		o(c)
	}
	return c
}

// Redis returns the go-redis client c sends commands through.
func (c *Client) Redis() redis.UniversalClient { return c.rdb }

// processor is what commands are sent through: the UniversalClient, or one
// cluster node's client.
type processor interface {
	Process(ctx context.Context, cmd redis.Cmder) error
}

// do sends cmd through p and returns the raw reply. A nil reply gives
// (nil, nil). Errors are classified (see classify). Nothing is sent when
// ctx is already done. The wait for the reply is bounded by go-redis: its
// ReadTimeout, or ctx's deadline when the go-redis client has
// ContextTimeoutEnabled.
func (c *Client) do(ctx context.Context, p processor, cmd *redis.Cmd) (any, error) {
	name := cmd.Args()[0].(string)
	if err := ctx.Err(); err != nil {
		return nil, classify(name, err)
	}
	_ = p.Process(ctx, once(name, cmd))
	return result(name, cmd)
}

// nonIdempotent lists the commands go-redis must not send again after a
// network error: the first attempt may have run (a script twice, a
// trigger's side effects twice, a reused session ID failing with "already
// exists", a dropped execution reported missing).
var nonIdempotent = map[string]bool{
	"RG.PYEXECUTE": true, "RG.TRIGGER": true, "RG.TRIGGERONKEY": true, "RG.DROPEXECUTION": true,
	"RG.UNREGISTER": true, "RG.PYIMPORTREQ": true,
}

// onceCmd is a command go-redis does not retry once it may have been
// written (redis.Cmder.NoRetry).
type onceCmd struct{ *redis.Cmd }

// NoRetry reports true: see nonIdempotent.
func (onceCmd) NoRetry() bool { return true }

func once(name string, cmd *redis.Cmd) redis.Cmder {
	if nonIdempotent[name] {
		return onceCmd{cmd}
	}
	return cmd
}

// doWatched is do for commands that wait for an execution
// (RG.GETRESULTSBLOCKING, a blocking RG.PYEXECUTE): it also returns as
// soon as ctx is canceled, even with no deadline, which go-redis does not
// watch. The command finishes in the background and its reply is dropped.
// It costs a goroutine hand-off per call (about 10µs on a busy machine,
// see BenchmarkTrigger), so short commands use do.
func (c *Client) doWatched(ctx context.Context, p processor, cmd *redis.Cmd) (any, error) {
	if ctx.Done() == nil {
		return c.do(ctx, p, cmd)
	}
	name := cmd.Args()[0].(string)
	if err := ctx.Err(); err != nil {
		return nil, classify(name, err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = p.Process(ctx, once(name, cmd))
	}()
	select {
	case <-done:
		return result(name, cmd)
	case <-ctx.Done():
		return nil, classify(name, ctx.Err())
	}
}

func result(name string, cmd *redis.Cmd) (any, error) {
	v, err := cmd.Result()
	if err == redis.Nil {
		return nil, nil
	}
	if err != nil {
		return nil, classify(name, err)
	}
	return v, nil
}

// call sends a command through the UniversalClient.
func (c *Client) call(ctx context.Context, args ...any) (any, error) {
	return c.do(ctx, c.rdb, redis.NewCmd(ctx, args...))
}

// callOK sends a command whose reply is OK.
func (c *Client) callOK(ctx context.Context, p processor, args ...any) error {
	v, err := c.do(ctx, p, redis.NewCmd(ctx, args...))
	if err != nil {
		return err
	}
	if !isOK(v) {
		return badReply(args[0].(string), "reply is %v, want OK", v)
	}
	return nil
}

// appendStrings appends each of ss to args.
func appendStrings(args []any, ss []string) []any {
	for _, s := range ss {
		args = append(args, s)
	}
	return args
}

// require returns an ErrVersion error when the server is older than
// major.minor.patch; what names the option or command needing it.
func (c *Client) require(ctx context.Context, command, what string, major, minor, patch int) error {
	v, err := c.Version(ctx)
	if err != nil {
		return err
	}
	if !v.AtLeast(major, minor, patch) {
		return &Error{Command: command, Kind: ErrVersion,
			Msg: fmt.Sprintf("%s needs RedisGears %d.%d.%d or newer, the server runs %s; upgrade RedisGears or leave it out", what, major, minor, patch, v)}
	}
	return nil
}
