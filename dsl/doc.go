// Package dsl builds RedisGears 1.x gears as typed Go pipelines.
//
// A gear is a package-level variable: a reader, a chain of steps, and an
// action (Run or Register). Its Go name is its identity and its doc comment
// becomes its RedisGears description. The Go compiler type-checks every
// step; `gogears gen` (run by go generate) translates each gear into a
// Python 3.7 gear script and attaches it in a generated zz_gears.go, and the
// client runs or deploys it. The in-process engine (package engine) runs
// the same gear natively against a real Redis, for unit tests.
//
// # Writing a gear
//
//	//go:generate go tool gogears gen
//
//	// CountByStatus counts order hashes by status.
//	var CountByStatus = dsl.HashKeys("order:*").
//		CountBy(func(r dsl.KeyRecord[map[string]string]) string { return r.Value["status"] }).
//		Run() // dsl.Job[dsl.Group[string, int]]
//
//	// Schedule marks new orders pending and queues them.
//	var Schedule = dsl.HashKeys("order:*").
//		ForEach(func(r dsl.KeyRecord[map[string]string]) {
//			if r.Value["status"] == "new" {
//				cmd.HSet(r.Key, "status", "pending")
//				cmd.XAdd("to_be_processed", "*", "record", r.Key)
//				runtime.Log("scheduled " + r.Key)
//			}
//		}).
//		Register(dsl.OnEvents("hset"), dsl.Mode(dsl.AsyncLocal))
//
// Rules the transpiler enforces: step arguments are func literals or
// top-level functions; closures capture only constants and Parameters;
// steps call only the runtime and runtime/cmd packages, a supported subset
// of the standard library, and other top-level functions of the package.
//
// # Readers
//
// A reader constructor starts a gear (RedisGears reader in parentheses):
//
//	Keys(pattern)       Gear[KeyRecord[any]]                every key type (KeysReader)
//	HashKeys(pattern)   Gear[KeyRecord[map[string]string]]  hashes only
//	StringKeys(pattern) Gear[KeyRecord[string]]             strings only
//	ListKeys(pattern)   Gear[KeyRecord[[]string]]           lists only
//	SetKeys(pattern)    Gear[KeyRecord[NoValue]]            sets only (members not read)
//	ZSetKeys(pattern)   Gear[KeyRecord[NoValue]]            sorted sets only
//	KeysOnly(pattern)   Gear[string]                        key names (KeysOnlyReader), Run only
//	Stream(key)         Gear[StreamRecord]                  stream entries (StreamReader)
//	FromSeq(seq)        Gear[T]                             a generator (PythonReader), Run only
//	ShardIDs()          Gear[string]                        one record per shard (ShardsIDReader), Run only
//	Command()           Gear[[]string]                      trigger or hook args (CommandReader), Register only
//
// Typed key readers skip keys of other types, the way RedGrease's
// KeysReader().values(type=...) does: the script filters on the record's
// type first, and registrations also pass keyTypes. A registration on a
// typed reader therefore does not see events on deleted or expired keys
// (their type is "empty"); use Keys for those.
//
// # Operations
//
// One Gear method per RedisGears operation; see each method for its exact
// semantics. Local operations run on each shard, global ones move data
// between shards (no difference on one shard).
//
//	Map, FlatMap, ForEach, Filter      local, per record (FlatMap emits in reverse order)
//	Accumulate                         local fold; no record for empty input
//	LocalGroupBy                       local group and reduce
//	Limit(length, start)               local (per shard)
//	Collect, Repartition               global data movement
//	Aggregate, AggregateBy             fold with deep-copied zero; a falsy accumulator resets to zero
//	GroupBy, BatchGroupBy              global group and reduce
//	Sort, Distinct                     global; ordered scalar records only
//	Count, CountBy, Avg                global; Count and Avg emit nothing for empty input
//
// Grouping operations emit Group[K, V] records whose key type K is a string
// kind: RedisGears turns every group key into a string. The order of groups,
// of Distinct's output, and of records read by a scan is unspecified.
//
// # Actions and options
//
// Run(opts ...RunOption) gives a Job[T]; Register(opts ...RegisterOption)
// gives a Registration[T]. Run-only and register-only options have
// different types, so mixing them up does not compile. Combinations the
// types cannot express (an option for another reader, Register on
// KeysOnly, Run on Command, Sync with a retry policy, a registration prefix
// that looks like a glob) make Err return an error wrapping ErrInvalidGear
// that names the fix; the engine and the client refuse such gears.
//
//	Run:      Pattern, NoScan, ScanCount, ReadValue, FromID, Mode(Async|AsyncLocal), NoCollect
//	Register: Prefix, OnEvents, OnKeyTypes, ReadValue, Commands, Mode(Async|AsyncLocal|Sync),
//	          OnRegistered, Batch, Duration, OnFailed, RetryInterval, TrimStream,
//	          Trigger, InOrder, Hook, KeyPrefix, NoCollect
//
// Keys and stream readers register on their pattern as the prefix, which
// RedisGears matches as an exact key or a prefix ending in "*", not a glob.
//
// # Requirements and parameters
//
// Gear.Requires attaches pip requirements at any point of the chain; a gear
// needs the union of its steps' requirements. Param declares a typed,
// named parameter bound at submit time (Parameter.Bind); steps read it
// with Get. The generated script reads GG_PARAMS.
//
// # Results
//
// Each result record travels as JSON and decodes into T, so a gear's
// result type should be plain data: numbers, strings, slices, maps, and
// structs of those. KeyRecord, StreamRecord and Group carry JSON tags that
// match the RedisGears record dicts. Keep values valid UTF-8: RedisGears
// hands other values to Python steps as bytearray, which Go strings do not
// model.
//
// # For engines and the client
//
// Job and Registration expose Err, Plan (the type-erased pipeline),
// Config (the resolved options), Requirements, Script and AttachScript.
// A gear's generated zz_gears.go calls V.AttachScript(dsl.Script{...}) in
// init for each gear variable V; client.Run and client.Deploy read it back
// with Script.
//
// # Python mapping (for the transpiler and the engine)
//
// The in-process engine implements exactly this mapping, so it is the
// oracle for generated scripts.
//
//   - Keys(p), KeysOnly(p), Stream(k), FromSeq(f), ShardIDs(), Command():
//     GB('KeysReader'|'KeysOnlyReader'|'StreamReader'|'PythonReader'|
//     'ShardsIDReader'|'CommandReader', defaultArg=p). A typed keys reader
//     adds .filter(lambda r: r['type'] == '<type>') as its first step, and
//     for Register also keyTypes=['<type>'].
//   - Records are the reader dicts: r.Key, r.Value, r.Type, r.Event are
//     r['key'], r['value'], r['type'], r['event'] (use r.get(...) with
//     ReadValue(false), where 'value' and 'type' are absent; Event is "" for
//     Run: None in Python). StreamRecord: 'key', 'id', 'value'. Group:
//     'key', 'value'. Command records are lists of str.
//   - Accumulate, LocalGroupBy and GroupBy callbacks receive None as the
//     first accumulator; Go passes the zero value of A, so the script must
//     substitute it. Aggregate and AggregateBy zeros are JSON literals.
//   - Sort() is .sort(reverse=True) (ascending, see Sort);
//     Sort(Descending) is .sort(reverse=False). FlatMap, Count, Avg, CountBy,
//     Distinct, Limit(length, start) map to the native operations as is.
//   - Run options: Pattern is run's arg; NoScan noScan=True; ReadValue
//     readValue; FromID fromId; ScanCount count; Mode mode (never for
//     KeysOnlyReader); NoCollect collect=False. Scripts pass
//     convertToStr=False and JSON-encode each result record themselves
//     (sorted keys, compact; a leading "-" gets one space before it so
//     RedisGears does not read the record as an error reply).
//   - Register options: the reader pattern or Prefix is prefix; OnEvents
//     eventTypes; OnKeyTypes keyTypes; ReadValue readValue; Commands
//     commands; Mode mode; OnRegistered onRegistered; Batch batch; Duration
//     duration in ms; OnFailed onFailedPolicy; RetryInterval
//     onFailedRetryInterval in s; TrimStream trimStream; Trigger trigger;
//     InOrder inorder=True; Hook hook; KeyPrefix keyprefix; NoCollect
//     collect=False.
//   - Parameter.Get() is GG_PARAMS.get('<name>', <default as JSON literal>).
//   - runtime.X calls map to the builtins (Log: log(msg), LogAt: log(msg,
//     level=...), Atomic(f): with atomic(): f(), ConfigGet: configGet with
//     a None check, CallNext(args...): call_next(*args), FlatError:
//     flat_error). cmd.X calls are execute('CMD', ...) wrapped in the reply
//     kind's helper; package runtime/cmd/spec lists both.
package dsl
