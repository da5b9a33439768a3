package client

import (
	"context"
)

// RegistrationCmdable is the commands that inspect and manage
// registrations and the sessions that own them.
type RegistrationCmdable interface {
	// ClearRegistrationsStats zeroes the registration counters: `RG.CLEARREGISTRATIONSSTATS`.
	ClearRegistrationsStats(ctx context.Context) error
	// DumpRegistrations lists the registrations: `RG.DUMPREGISTRATIONS`.
	DumpRegistrations(ctx context.Context) ([]Registration, error)
	// PauseRegistrations pauses a stream registration: `RG.PAUSEREGISTRATIONS id`.
	PauseRegistrations(ctx context.Context, id string) error
	// PyDumpSessions lists the sessions: `RG.PYDUMPSESSIONS`.
	PyDumpSessions(ctx context.Context, opts *DumpSessionsOptions) ([]Session, error)
	// UnpauseRegistrations resumes a stream registration: `RG.UNPAUSEREGISTRATIONS id`.
	UnpauseRegistrations(ctx context.Context, id string) error
	// Unregister removes a registration: `RG.UNREGISTER id [ABORTPENDING]`.
	Unregister(ctx context.Context, id string, opts *UnregisterOptions) error
}

// ClearRegistrationsStats zeroes the counters and durations of every
// registration on all shards with `RG.CLEARREGISTRATIONSSTATS`.
// RedisGears 1.2+.
//
//	err := c.ClearRegistrationsStats(ctx)
//
// See https://oss.redis.com/redisgears/1.2/commands.html#rgclearregistrationsstats
func (c *Client) ClearRegistrationsStats(ctx context.Context) error {
	const command = "RG.CLEARREGISTRATIONSSTATS"
	if err := c.require(ctx, command, command, 1, 2, 0); err != nil {
		return err
	}
	return c.callOK(ctx, c.rdb, command)
}

// DumpRegistrations lists the registrations with `RG.DUMPREGISTRATIONS`.
// Fields this client does not know, from newer servers, are kept in the
// Extra maps rather than rejected. An empty slice means there are none.
//
//	regs, err := c.DumpRegistrations(ctx)
//	for _, r := range regs { fmt.Println(r.ID, r.Reader, r.Data.NumFailures, r.Data.LastError) }
//
// See https://oss.redis.com/redisgears/1.2/commands.html#rgdumpregistrations
func (c *Client) DumpRegistrations(ctx context.Context) ([]Registration, error) {
	v, err := c.call(ctx, "RG.DUMPREGISTRATIONS")
	if err != nil {
		return nil, err
	}
	return parseRegistrations(v)
}

// PauseRegistrations pauses a StreamReader registration with
// `RG.PAUSEREGISTRATIONS id` (other readers do not support it). An
// unknown id gives ErrNotRegistered. RedisGears 1.2+.
//
//	err := c.PauseRegistrations(ctx, reg.ID)
//
// See https://oss.redis.com/redisgears/1.2/commands.html#rgpauseregistrations
func (c *Client) PauseRegistrations(ctx context.Context, id string) error {
	return c.registrationOK(ctx, "RG.PAUSEREGISTRATIONS", id)
}

// UnpauseRegistrations resumes a paused StreamReader registration with
// `RG.UNPAUSEREGISTRATIONS id`; entries not yet trimmed may be processed
// again. An unknown id gives ErrNotRegistered. RedisGears 1.2+.
//
//	err := c.UnpauseRegistrations(ctx, reg.ID)
//
// See https://oss.redis.com/redisgears/1.2/commands.html#rgunpauseregistrations
func (c *Client) UnpauseRegistrations(ctx context.Context, id string) error {
	return c.registrationOK(ctx, "RG.UNPAUSEREGISTRATIONS", id)
}

func (c *Client) registrationOK(ctx context.Context, command, id string) error {
	if err := c.require(ctx, command, command, 1, 2, 0); err != nil {
		return err
	}
	return c.callOK(ctx, c.rdb, command, id)
}

// PyDumpSessions lists the Python sessions (one per RG.PYEXECUTE that left
// registrations) with `RG.PYDUMPSESSIONS [VERBOSE] [DEAD] [SESSIONS s ...]`;
// opts may be nil. A requested session that does not exist comes back as
// an entry with Missing set. RedisGears 1.2+.
//
//	s, err := c.PyDumpSessions(ctx, &client.DumpSessionsOptions{Sessions: []string{"orders"}})
//	fmt.Println(s[0].Description, s[0].Registrations)
//
// See https://oss.redis.com/redisgears/1.2/commands.html#rgpydumpsessions
func (c *Client) PyDumpSessions(ctx context.Context, opts *DumpSessionsOptions) ([]Session, error) {
	const command = "RG.PYDUMPSESSIONS"
	if err := c.require(ctx, command, command, 1, 2, 0); err != nil {
		return nil, err
	}
	args := []any{command}
	if opts != nil {
		if opts.Verbose {
			args = append(args, "VERBOSE")
		}
		if opts.Dead {
			args = append(args, "DEAD")
		}
		if len(opts.Sessions) > 0 {
			args = appendStrings(append(args, "SESSIONS"), opts.Sessions)
		}
	}
	v, err := c.call(ctx, args...)
	if err != nil {
		return nil, err
	}
	return parseSessions(v)
}

// Unregister removes a registration with `RG.UNREGISTER id
// [ABORTPENDING]`; opts may be nil. AbortPending also aborts its executions
// that have not finished. An unknown id gives ErrNotRegistered. To replace
// the gears of a session, prefer PyExecute with ID and Upgrade (or
// DeployScript): it swaps them atomically.
//
//	err := c.Unregister(ctx, reg.ID, &client.UnregisterOptions{AbortPending: true})
//
// See https://oss.redis.com/redisgears/1.2/commands.html#rgunregister
func (c *Client) Unregister(ctx context.Context, id string, opts *UnregisterOptions) error {
	args := []any{"RG.UNREGISTER", id}
	if opts != nil && opts.AbortPending {
		args = append(args, "ABORTPENDING")
	}
	return c.callOK(ctx, c.rdb, args...)
}
