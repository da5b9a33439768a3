// Package client runs and deploys RedisGears 1.x gears from Go, on top of
// go-redis: any redis.UniversalClient (standalone, Sentinel, Cluster).
//
//	rdb := redis.NewClient(&redis.Options{Addr: "localhost:6379"})
//	c := client.New(rdb)
//	res, err := c.RunScript(ctx, client.Script{Source: "GB().map(lambda r: r['key']).run('user:*')"})
//
// # Commands
//
// [Client] has one method per RG.* command, grouped as in the RedisGears
// reference ([ExecutionCmdable], [RegistrationCmdable], [TriggerCmdable],
// [ClusterCmdable], [ConfigCmdable], [RequirementsCmdable],
// [StatsCmdable]), each returning a typed reply. Parsing is lenient: fields
// a newer server adds are kept in Extra maps, never an error. Options and
// commands that need RedisGears 1.2 fail with [ErrVersion] on 1.0 before
// anything is sent; the version comes from MODULE LIST once per Client.
//
// # Errors
//
// Server errors match sentinels with errors.Is: [ErrExecutionNotFound],
// [ErrExecutionRunning], [ErrSessionExists], [ErrTriggerNotFound],
// [ErrNotRegistered], [ErrRequirements] and more; transport failures match
// [ErrTimeout], [ErrCanceled] or [ErrConnection]. A Python exception is a
// [*GearError] with the traceback, its frames and, for generated gears,
// the Go function and file each frame came from. A script that raised
// (GearError.Script) is kept apart from records that failed in a step,
// which come back as [*RecordErrors] next to the records that succeeded.
//
// # Cluster
//
// With a *redis.ClusterClient, commands on an execution id go to the
// master whose RedisGears shard id prefixes the id (learned through
// RG.INFOCLUSTER on every master, cached); RefreshCluster, PyStats and
// DumpExecutions fan out to every master; TriggerOnKey routes by its key.
//
// # Scripts and DSL gears
//
// Plain Python scripts run with [Client.RunScript] or [Client.StartScript]
// and deploy with [Client.DeployScript]: idempotent, under a stable session
// ID with UPGRADE, comparing a content hash kept in the session
// description. Gears written with package dsl use the same paths through
// [Run], [Start], [Deploy], [Trigger] and [TriggerOnKey], which bind
// parameters and decode the JSON results into Go values.
//
// # Timeouts
//
// A call waits for its reply as long as go-redis lets it: ReadTimeout, or
// the context deadline when ContextTimeoutEnabled is set. Waits on an
// execution (GetResultsBlocking, a blocking PyExecute) also end as soon as
// the context is canceled; [Execution.Wait] polls, so it needs no long
// read timeout. Commands that must not run twice (RG.PYEXECUTE,
// RG.TRIGGER, RG.TRIGGERONKEY, RG.DROPEXECUTION, RG.UNREGISTER,
// RG.PYIMPORTREQ) are never retried by go-redis after a network error:
// the error says the call may or may not have run ([ErrConnection]).
package client
