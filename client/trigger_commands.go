package client

import (
	"context"
	"errors"

	"github.com/redis/go-redis/v9"
)

// TriggerCmdable is the commands that fire CommandReader registrations.
type TriggerCmdable interface {
	// Trigger fires a CommandReader registration: `RG.TRIGGER name arg ...`.
	Trigger(ctx context.Context, trigger string, args ...any) ([]any, error)
	// TriggerOnKey fires it on the shard owning key: `RG.TRIGGERONKEY name key arg ...`.
	TriggerOnKey(ctx context.Context, trigger, key string, args ...any) ([]any, error)
}

// Trigger fires the CommandReader registration named trigger with
// `RG.TRIGGER trigger arg ...` and returns the execution's results (strings
// unless the gear set convertToStr=False). An empty slice means the
// execution produced no records. When a record failed, the server sends
// only the first error: it is returned as a *GearError. An unknown trigger
// gives ErrTriggerNotFound. The wait for the gear is bounded by go-redis's
// ReadTimeout (or ctx's deadline with ContextTimeoutEnabled), so a trigger
// costs no more than a raw Do (see BenchmarkTrigger).
//
//	vals, err := c.Trigger(ctx, "CountOrders", "paid")
//
// See https://oss.redis.com/redisgears/1.2/commands.html#rgtrigger
func (c *Client) Trigger(ctx context.Context, trigger string, args ...any) ([]any, error) {
	all := make([]any, 0, len(args)+2)
	all = append(all, "RG.TRIGGER", trigger)
	all = append(all, args...)
	return c.trigger(ctx, redis.NewCmd(ctx, all...))
}

// TriggerOnKey fires the CommandReader registration named trigger with
// `RG.TRIGGERONKEY trigger key arg ...`; key is a real key, so a cluster
// client sends the command to the shard owning it and the gear runs there.
// Replies and errors are as for Trigger. RedisGears 1.2+.
//
//	vals, err := c.TriggerOnKey(ctx, "Bump", "counter:{user1}", 5)
//
// See https://oss.redis.com/redisgears/1.2/commands.html#rgtriggeronkey
func (c *Client) TriggerOnKey(ctx context.Context, trigger, key string, args ...any) ([]any, error) {
	const command = "RG.TRIGGERONKEY"
	if err := c.require(ctx, command, command, 1, 2, 0); err != nil {
		return nil, err
	}
	all := make([]any, 0, len(args)+3)
	all = append(all, command, trigger, key)
	all = append(all, args...)
	cmd := redis.NewCmd(ctx, all...)
	cmd.SetFirstKeyPos(2)
	return c.trigger(ctx, cmd)
}

func (c *Client) trigger(ctx context.Context, cmd *redis.Cmd) ([]any, error) {
	command := cmd.Args()[0].(string)
	v, err := c.do(ctx, c.rdb, cmd)
	if err != nil {
		return nil, triggerError(command, err)
	}
	return parseValues(command, v)
}

// triggerError turns an error reply of RG.TRIGGER that matches no sentinel
// into the record error it is: the server replies with the first error of
// the execution.
func triggerError(command string, err error) error {
	var e *Error
	if errors.As(err, &e) && e.Kind == nil {
		var re redis.Error
		if errors.As(e.Err, &re) {
			return recordError(command, e.Msg)
		}
	}
	return err
}
