package engine

import "context"

// Executor sends Redis commands for the engine: the reader's scans and
// value reads, and every runtime.Execute and cmd call of the steps. Replies
// are converted as RedisGears' execute() converts them: string for bulk and
// status replies, int64 for integers, []any (recursive) for arrays, nil for
// a nil reply. A Redis error reply is returned as a *runtime.Error; any
// other error is a transport failure.
//
// NewRedisExecutor adapts a go-redis client. A test double is easy to
// write, but GoGears' own tests always use a real redis-server.
type Executor interface {
	// Do runs one command.
	//
	//	v, err := ex.Do(ctx, "HGET", "order:1", "status")
	Do(ctx context.Context, args ...string) (any, error)
	// DoMulti runs commands in one round trip and returns one Reply per
	// command, in order. Readers use it to fetch values in batches.
	DoMulti(ctx context.Context, cmds [][]string) []Reply
}

// Reply is the result of one command of DoMulti.
type Reply struct {
	// Value is the converted reply, as Executor.Do returns it.
	Value any
	// Err is a *runtime.Error for a Redis error reply, another error for a
	// transport failure; or nil.
	Err error
}

// HashReader is an optional fast path of an Executor: reading many hashes
// in one round trip, decoded straight into maps instead of through the
// generic reply shapes. The keys readers use it when the executor has it;
// NewRedisExecutor's does.
type HashReader interface {
	// HGetAllMulti returns HGETALL of each key (an empty map for a missing
	// key) and, per key, a *runtime.Error for a Redis error reply or
	// another error for a transport failure.
	HGetAllMulti(ctx context.Context, keys []string) ([]map[string]string, []error)
}

// KeyEvent is a keyspace event: the event name, such as "hset" or
// "expired", and the key it touched.
type KeyEvent struct {
	Event string
	Key   string
}

// Subscriber is implemented by executors that can deliver real keyspace
// notifications; Engine.Listen needs one.
type Subscriber interface {
	// SubscribeKeyEvents enables keyspace notifications on the server and
	// delivers every key event of database 0 until ctx ends. The channel is
	// closed when the subscription ends.
	SubscribeKeyEvents(ctx context.Context) (<-chan KeyEvent, error)
}
