package client

import "time"

// Option configures a Client made by New.
type Option func(*Client)

// WithVersion fixes the RedisGears version instead of detecting it with
// `MODULE LIST` on first need. Useful against servers that hide MODULE
// LIST, and in tests.
func WithVersion(v ModuleVersion) Option {
	return func(c *Client) { c.version = &v }
}

// WithPollInterval sets how often Execution.Wait polls RG.GETRESULTS when
// it cannot block on the server (the default is 50ms).
func WithPollInterval(d time.Duration) Option {
	return func(c *Client) {
		if d > 0 {
			c.pollInterval = d
		}
	}
}

// PyExecuteOptions are the options of RG.PYEXECUTE. The zero value runs the
// script blocking, with no session id and no requirements.
type PyExecuteOptions struct {
	// Unblocking makes the call return the execution id at once instead of
	// waiting for the run() results (UNBLOCKING).
	Unblocking bool
	// ID names the session the script creates (ID, RedisGears 1.2+). Only
	// letters, digits, '-' and '_' are allowed.
	ID string
	// Description is stored with the session (DESCRIPTION, RedisGears 1.2+).
	Description string
	// Upgrade replaces the registrations of an existing session with the
	// same ID atomically (UPGRADE, RedisGears 1.2+).
	Upgrade bool
	// ReplaceWith retires the named session once the new one is created
	// (REPLACE_WITH, RedisGears 1.2+).
	ReplaceWith string
	// ForceReinstallRequirements reinstalls the requirements even when
	// already installed (FORCE_REINSTALL_REQUIREMENTS, RedisGears 1.2.4+).
	ForceReinstallRequirements bool
	// Requirements are pip specifications installed before the script runs
	// (REQUIREMENTS).
	Requirements []string
}

// ExecutionScope selects which shards' plans RG.GETEXECUTION returns.
type ExecutionScope int

const (
	// ScopeDefault lets the server choose: SHARD standalone, CLUSTER in a cluster.
	ScopeDefault ExecutionScope = iota
	// ScopeShard asks for the plan of the shard that answers (SHARD).
	ScopeShard
	// ScopeCluster asks for the plans of every shard (CLUSTER).
	ScopeCluster
)

// UnregisterOptions are the options of RG.UNREGISTER.
type UnregisterOptions struct {
	// AbortPending also aborts the registration's executions that have not
	// finished (ABORTPENDING).
	AbortPending bool
}

// DumpSessionsOptions are the options of RG.PYDUMPSESSIONS.
type DumpSessionsOptions struct {
	// Verbose returns full registration dumps instead of ids (VERBOSE).
	Verbose bool
	// Dead lists sessions that were replaced but still have executions (DEAD).
	Dead bool
	// Sessions restricts the dump to these session ids (SESSIONS ...).
	Sessions []string
}
