package engine

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/redis/go-redis/v9"

	"github.com/gogears/gogears/runtime"
)

// RedisExecutor is the Executor (and Subscriber) over a go-redis client.
type RedisExecutor struct {
	c     redis.UniversalClient
	owned bool // c was cloned for RESP2 and must be closed by Close
}

// NewRedisExecutor returns an Executor sending commands through c.
//
// RedisGears hands steps RESP2-shaped replies (flat arrays for HGETALL and
// ZRANGE WITHSCORES, [stream, entries] pairs for XREAD). go-redis speaks
// RESP3 by default, so for a *redis.Client or *redis.ClusterClient not set
// to Protocol 2 the executor opens its own RESP2 connection pool with the
// same options; call Close to release it. Other clients are used as they
// are, with RESP3 maps flattened and doubles turned into strings.
//
// The engine runs as one shard: over a *redis.ClusterClient, commands with
// keys reach their node but the keys readers' SCAN reaches only one node,
// so pass a client of the node (shard) the gear should see.
func NewRedisExecutor(c redis.UniversalClient) *RedisExecutor {
	switch v := c.(type) {
	case *redis.Client:
		if o := v.Options(); o.Protocol != 2 {
			o2 := *o
			o2.Protocol = 2
			return &RedisExecutor{c: redis.NewClient(&o2), owned: true}
		}
	case *redis.ClusterClient:
		if o := v.Options(); o.Protocol != 2 {
			o2 := *o
			o2.Protocol = 2
			return &RedisExecutor{c: redis.NewClusterClient(&o2), owned: true}
		}
	}
	return &RedisExecutor{c: c}
}

// Close releases the connection pool NewRedisExecutor opened, if any; the
// client passed to it stays open.
func (x *RedisExecutor) Close() error {
	if x.owned {
		return x.c.Close()
	}
	return nil
}

var _ Subscriber = (*RedisExecutor)(nil)

func anyArgs(args []string) []any {
	a := make([]any, len(args))
	for i, s := range args {
		a[i] = s
	}
	return a
}

// Do runs one command.
func (x *RedisExecutor) Do(ctx context.Context, args ...string) (any, error) {
	if len(args) == 0 {
		return []any{}, nil
	}
	v, err := x.c.Do(ctx, anyArgs(args)...).Result()
	return convertReply(v, err)
}

// DoMulti runs the commands in one pipeline.
func (x *RedisExecutor) DoMulti(ctx context.Context, cmds [][]string) []Reply {
	out := make([]Reply, len(cmds))
	if len(cmds) == 0 {
		return out
	}
	p := x.c.Pipeline()
	rs := make([]*redis.Cmd, len(cmds))
	for i, c := range cmds {
		rs[i] = p.Do(ctx, anyArgs(c)...)
	}
	_, _ = p.Exec(ctx) // per-command errors are read below
	for i, r := range rs {
		out[i].Value, out[i].Err = convertReply(r.Result())
	}
	return out
}

var _ HashReader = (*RedisExecutor)(nil)

// HGetAllMulti runs HGETALL for each key in one pipeline.
func (x *RedisExecutor) HGetAllMulti(ctx context.Context, keys []string) ([]map[string]string, []error) {
	p := x.c.Pipeline()
	cmds := make([]*redis.MapStringStringCmd, len(keys))
	for i, k := range keys {
		cmds[i] = p.HGetAll(ctx, k)
	}
	_, _ = p.Exec(ctx) // per-command errors are read below
	ms := make([]map[string]string, len(keys))
	errs := make([]error, len(keys))
	for i, c := range cmds {
		m, err := c.Result()
		_, errs[i] = convertReply(nil, err)
		ms[i] = m
	}
	return ms, errs
}

// convertReply maps a go-redis reply to RedisGears execute() shapes.
func convertReply(v any, err error) (any, error) {
	if errors.Is(err, redis.Nil) {
		return nil, nil
	}
	if err != nil {
		var rerr redis.Error
		if errors.As(err, &rerr) {
			return nil, &runtime.Error{Msg: rerr.Error()}
		}
		return nil, err
	}
	return convertValue(v), nil
}

func convertValue(v any) any {
	switch t := v.(type) {
	case nil, string, int64:
		return t
	case []any:
		// go-redis returns a fresh slice per reply: convert in place.
		for i, e := range t {
			t[i] = convertValue(e)
		}
		return t
	case map[any]any:
		out := make([]any, 0, 2*len(t))
		for k, e := range t {
			out = append(out, convertValue(k), convertValue(e))
		}
		return out
	case float64:
		return strconv.FormatFloat(t, 'f', -1, 64)
	case bool:
		if t {
			return int64(1)
		}
		return int64(0)
	case error:
		return &runtime.Error{Msg: t.Error()}
	default:
		return fmt.Sprint(t)
	}
}

// SubscribeKeyEvents turns on keyspace notifications (all classes,
// including key misses) and subscribes to database 0's key events.
func (x *RedisExecutor) SubscribeKeyEvents(ctx context.Context) (<-chan KeyEvent, error) {
	if err := x.c.ConfigSet(ctx, "notify-keyspace-events", "KEA"+"m").Err(); err != nil {
		return nil, fmt.Errorf("engine: enabling keyspace notifications: %w", err)
	}
	sub := x.c.PSubscribe(ctx, "__keyevent@0__:*")
	if _, err := sub.Receive(ctx); err != nil {
		sub.Close()
		return nil, fmt.Errorf("engine: subscribing to keyspace events: %w", err)
	}
	out := make(chan KeyEvent, 1024)
	go func() {
		defer close(out)
		defer sub.Close()
		ch := sub.Channel()
		for {
			select {
			case <-ctx.Done():
				return
			case m, ok := <-ch:
				if !ok {
					return
				}
				_, ev, _ := strings.Cut(m.Channel, ":")
				select {
				case out <- KeyEvent{Event: ev, Key: m.Payload}:
				case <-ctx.Done():
					return
				}
			}
		}
	}()
	return out, nil
}
