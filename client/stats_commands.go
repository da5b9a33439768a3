package client

import (
	"context"
	"fmt"
)

// StatsCmdable is the Python runtime statistics and profiler commands.
type StatsCmdable interface {
	// PyProfileReset clears a session's profile: `RG.PYPROFILE RESET session`.
	PyProfileReset(ctx context.Context, session string) error
	// PyProfileStats returns a session's profile: `RG.PYPROFILE STATS session`.
	PyProfileStats(ctx context.Context, session string) (string, error)
	// PyStats returns the Python allocator figures per node: `RG.PYSTATS`.
	PyStats(ctx context.Context) (map[string]*PyStats, error)
}

// PyProfileReset clears the cProfile data of a session with `RG.PYPROFILE
// RESET session`. An unknown session gives ErrSessionNotFound.
// RedisGears 1.2+.
//
//	err := c.PyProfileReset(ctx, "orders")
//
// See https://oss.redis.com/redisgears/1.2/commands.html#rgpyprofile
func (c *Client) PyProfileReset(ctx context.Context, session string) error {
	const command = "RG.PYPROFILE"
	if err := c.require(ctx, command, command, 1, 2, 0); err != nil {
		return err
	}
	return c.callOK(ctx, c.rdb, command, "RESET", session)
}

// PyProfileStats returns the cProfile report of a session (sorted by
// tottime) with `RG.PYPROFILE STATS session`. The report is empty unless
// the server runs with ProfileExecutions 1. An unknown session gives
// ErrSessionNotFound. RedisGears 1.2+.
//
//	report, err := c.PyProfileStats(ctx, "orders")
//
// See https://oss.redis.com/redisgears/1.2/commands.html#rgpyprofile
func (c *Client) PyProfileStats(ctx context.Context, session string) (string, error) {
	const command = "RG.PYPROFILE"
	if err := c.require(ctx, command, command, 1, 2, 0); err != nil {
		return "", err
	}
	v, err := c.call(ctx, command, "STATS", session)
	if err != nil {
		return "", err
	}
	switch v := v.(type) {
	case string:
		return v, nil
	case nil:
		return "", nil
	}
	return "", badReply(command, "reply is %T, want a string", v)
}

// PyStats returns the Python allocator figures with `RG.PYSTATS`, keyed by
// node address: one entry per master on a cluster client, one entry for a
// standalone client (keyed by its address, or "" when go-redis does not
// expose one). The figures are meaningless when the server runs with
// OverridePythonAllocators 0.
//
//	stats, err := c.PyStats(ctx)
//	for addr, s := range stats { fmt.Println(addr, s.CurrAllocated) }
//
// See https://oss.redis.com/redisgears/1.2/commands.html#rgpystats
func (c *Client) PyStats(ctx context.Context) (map[string]*PyStats, error) {
	replies, err := c.eachMaster(ctx, "RG.PYSTATS")
	if err != nil {
		return nil, err
	}
	out := make(map[string]*PyStats, len(replies))
	for _, r := range replies {
		s, err := parsePyStats(r.reply)
		if err != nil {
			return nil, fmt.Errorf("node %s: %w", r.addr, err)
		}
		out[r.addr] = s
	}
	return out, nil
}
