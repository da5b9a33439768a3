// Package emulator is a RESP server that behaves like RedisGears 1.2 on a
// single shard and runs gear scripts in a real CPython over a real Redis.
//
// Start one with [Run] (or [RunT] in tests) and talk to [Emulator.Addr]
// with any Redis client:
//
//	e, err := emulator.Run(emulator.Options{Addr: "127.0.0.1:6390"})
//	...
//	defer e.Close()
//
// # How it works
//
// Every command that is not a RedisGears command is sent to the store on
// the client's own store connection and the store's reply is passed back
// byte for byte, so redis-cli, go-redis and other clients see Redis's own
// reply types (MULTI, blocking commands and pub/sub work too).
//
// Gear scripts run in one long-lived python3 worker (python/worker.py and
// python/gears_runtime.py, embedded in the binary) that speaks a framed
// JSON protocol over pipes. Each execution runs in its own Python thread,
// so a runaway gear never delays plain Redis commands, and
// RG.ABORTEXECUTION throws an exception into that thread (or, if it sits
// in a C call, restarts the worker). The redis commands a gear sends with
// execute() come back through the emulator, so gear writes fire
// registrations exactly like client writes. If the worker dies it is
// restarted: executions in flight end with an error, and registrations
// are reinstalled by running their session's script again with the same
// registration ids (its run() and registerTE calls are skipped, and so
// are the writes its top-level execute() calls make, which return None:
// RedisGears keeps registrations without running the script again;
// onRegistered runs again, as RedisGears runs it on load); clients'
// writes and triggers wait for that, so none finds a registration missing.
//
// With Options.StateFile the emulator also keeps those sessions (script,
// options, registration ids) in a JSON file, rewritten on every change,
// and reinstalls them the same way when it starts, as RedisGears reloads
// its sessions from the RDB. A file it cannot restore (not its format, or
// a script that now fails) makes Run fail and is left as it is.
//
// Blocking commands a gear sends (BLPOP, XREAD BLOCK...) do not block, as
// with RedisGears' RM_Call: they answer what a timeout would.
//
// Every script is first parsed with the Python 3.7 grammar, so 3.8+
// syntax fails as on RedisGears, whose interpreter is CPython 3.7.
//
// # Keyspace events
//
// The emulator derives keyspace events (set, hset, del, expire, xadd, ...,
// named as in Redis keyspace notifications) from the write commands that
// pass through it, whether a client or a gear sent them, and reports
// "expired" by watching the keys that were given a TTL. That works with
// every store, and it lets mode='sync' registrations run before the
// client's reply, as on RedisGears. As in Redis, a command that changes
// nothing fires nothing, and one that removes the last element of a key
// also fires "del". When a KeysReader registration's prefix matches
// their keys, the commands whose events the reply does not tell (DEL of
// several keys, pops and removals, LTRIM, the *STORE commands, ZADD,
// SETBIT, GETEX PERSIST, and XREADGROUP, XCLAIM, XAUTOCLAIM and XGROUP
// DELCONSUMER, which may create or delete a stream consumer) run in a
// MULTI between checks of their keys (in a client's MULTI, the checks are
// queued around them; for a client that WATCHes keys, they are only
// pipelined with them, since EXEC would end the watch). No check is ever
// one Redis could refuse when queued, so a client's transaction runs as on
// Redis; on a store without ZMSCORE (Redis before 6.2) ZADD and GEOADD go
// unchecked and fire "zadd" even when they change nothing.
//
// Lua scripts (EVAL, EVALSHA, FCALL) a client or a gear sends are
// different: their writes cannot be told from the command. While a
// KeysReader registration exists and the store is a redis-server (not
// the embedded store), the emulator adds K and A to the store's
// notify-keyspace-events (keeping the flags already set; Close puts the
// old flags back, unless someone has changed them since or another
// emulator still watches scripts on the same store), subscribes one
// connection to the gears' database's keyspace channels while the script
// runs, and runs it between two PUBLISHes of markers on a private
// channel: the notifications between them are the script's events, which
// fire registrations as a command's would, after the script ends.
// Outside MULTI the script holds the store lock exclusively (SCRIPT KILL
// and FUNCTION KILL skip the lock); in a client's MULTI the markers are
// queued around it and it fires at EXEC. Without KeysReader registrations
// scripts are passed through untouched.
//
// # Stores
//
// With Options.RedisURL the data lives in that Redis. Otherwise the
// emulator uses an embedded miniredis (the default; nothing to install but
// python3) or, with Options.Store = StoreRedisServer, a redis-server child
// process. The embedded store is miniredis v2.40: it lacks some commands
// (CONFIG, OBJECT ENCODING, DEBUG, most of CLIENT, modules), its Lua is
// gopher-lua, its TTLs advance in 50 ms steps, its XCLAIM creates the
// consumer even when it claims nothing (firing xgroup-createconsumer, which
// Redis 7.0 does not), and its error texts are close to but not always
// exactly Redis's.
//
// # Known differences from RedisGears 1.2
//
//   - Writes made by other clients of the store do not fire
//     registrations: only commands sent through the emulator do. keymiss
//     events come from GET only.
//   - Writes made by Lua scripts (EVAL, EVALSHA, FCALL) fire registrations
//     only over a redis-server store: the embedded store (miniredis) has
//     no keyspace notifications, so there they fire nothing, nor on a
//     Redis that refuses CONFIG (notifications cannot be turned on). A
//     script is also credited with the writes other clients of the store
//     (not through the emulator) make between its markers and it (Redis
//     runs nothing during the script itself), except in a client's MULTI.
//     A client that sets notify-keyspace-events without K or A while
//     registrations exist stops script events, and so does another
//     emulator over the same store when it closes, if it was the one that
//     added K and A (it puts back the flags it found). A script's keymiss
//     events are not fired, and a script that finds the notifications
//     connection broken (it is dialed again for the next one) fires
//     nothing.
//   - Write commands missing from the emulator's event table (module
//     commands, for one) fire no events.
//   - A blocking pop (BLPOP...) or XREADGROUP that had to wait learns
//     whether it emptied its key (and fires "del") or created its consumer
//     (xgroup-createconsumer) from a check run right after it, which other
//     clients' commands may precede.
//   - RG.* commands inside MULTI are queued and run at EXEC, after the
//     store ran the transaction, not interleaved with its commands.
//   - atomic() holds a store lock that every command through the emulator
//     takes shared, so no other client or gear command runs inside the
//     block (blocking commands such as BLPOP are exempt); a gear looping
//     forever inside atomic() stalls other clients until it is aborted,
//     as on RedisGears.
//   - A gear's execute() of MULTI, EXEC, DISCARD, WATCH or UNWATCH raises
//     an error, as RM_Call refuses them; its text, which names atomic(),
//     is the emulator's own.
//   - A gear's execute() of a command that changes its connection's state
//     raises an error too: SELECT, SUBSCRIBE, PSUBSCRIBE, SSUBSCRIBE,
//     MONITOR, RESET, QUIT, HELLO, AUTH, SYNC, PSYNC and CLIENT REPLY,
//     TRACKING, CACHING, NO-EVICT, NO-TOUCH and SETNAME. RedisGears runs
//     each on a client RM_Call sets up for that one call, where it cannot
//     harm later calls; gears here share pooled store connections, which
//     these would leave broken for the next gear. The texts, which name
//     what to do instead, are the emulator's own.
//   - Hooks (a CommandReader's hook, a KeysReader's commands) are checked
//     against the store's COMMAND INFO in RedisGears' order: a command
//     the store does not know, one Redis does not allow in scripts
//     (SUBSCRIBE, MULTI, EVAL...), and by key prefix one with movable
//     keys or without keys (PING) are refused with RedisGears' texts. The
//     embedded store does not answer COMMAND INFO: there every hook is
//     registered. A hook's call_next of a command refused above raises
//     that refusal.
//   - Without Options.StateFile registrations live in memory: they do not
//     survive a restart of the emulator (they do survive a restart of the
//     python worker). With it, the registrations back after a restart of
//     the emulator count from zero (numTriggered...). A registration made
//     by a step of an execution, outside a script's top level, belongs to
//     no session: neither kind of restart reinstalls it.
//   - registerTE timers run in the python worker: they do not survive a
//     restart of the worker or of the emulator, even with a state file: a
//     timer's callback is a Python function, often a lambda or closure,
//     which the standard library cannot save, and the code that made it
//     need not be a script's top level, to be run again. A timer's key
//     holds a string token (TYPE string), not a module value.
//   - With ProfileExecutions 1 on Python 3.12+, whose cProfile allows one
//     profiler per process and sees every thread, a callback that runs
//     while another execution is profiled goes unprofiled, and the
//     profiled one may count its calls.
//   - RG.PYSTATS reports the python worker's memory, not RedisGears'
//     allocator counts. While tracemalloc traces (PYTHONTRACEMALLOC=1 in
//     the emulator's environment, or a gear's tracemalloc.start()),
//     CurrAllocated and PeakAllocated are the bytes Python holds now and
//     held at most since tracing began; otherwise they are the worker's
//     resident set size now and at its peak, which counts the
//     interpreter's code and C libraries too. TotalAllocated, the bytes
//     ever allocated, is 0: counting them needs allocator hooks that
//     CPython offers only in C.
//   - REQUIREMENTS are installed with pip into a private directory of the
//     worker; without network access they fail with RedisGears' error text.
package emulator
