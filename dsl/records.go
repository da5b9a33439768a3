package dsl

// KeyRecord is the record a keys reader emits for one key: the RedisGears
// KeysReader dict {'key', 'value', 'type', 'event'} with a typed value.
//
// The JSON names match the RedisGears dict keys, so a KeyRecord returned as
// a result decodes unchanged.
type KeyRecord[V any] struct {
	// Key is the key name.
	Key string `json:"key"`
	// Value is the key's value as RedisGears reads it: a string for strings,
	// map[string]string for hashes, []string for lists. Sets, sorted sets
	// and streams are not read (see NoValue). It is the zero value when the
	// key is missing or ReadValue(false) is set.
	Value V `json:"value"`
	// Type is the key's type: "string", "hash", "list", "set", "zset",
	// "module", "empty" for a missing key, or "unknown" for a stream key
	// (a RedisGears 1.2 quirk). It is "" when ReadValue(false) is set.
	Type string `json:"type"`
	// Event is the keyspace event that triggered a registration, such as
	// "hset" or "del"; "" for Run.
	Event string `json:"event"`
}

// NoValue is the value type of readers whose keys RedisGears does not read:
// sets, sorted sets (and streams). Fetch the content in a step with the typed
// commands, for example cmd.SMembers(r.Key).
type NoValue struct{}

// StreamRecord is the record a stream reader emits for one stream entry: the
// RedisGears dict {'key', 'id', 'value'}.
type StreamRecord struct {
	// Key is the stream's key name.
	Key string `json:"key"`
	// ID is the entry ID, "ms-seq".
	ID string `json:"id"`
	// Value holds the entry's field/value pairs.
	Value map[string]string `json:"value"`
}

// Group is one output record of the grouping operations (GroupBy,
// LocalGroupBy, BatchGroupBy, AggregateBy, CountBy): the RedisGears dict
// {'key', 'value'}.
//
// K is constrained to string kinds because RedisGears turns every group key
// into a string on the server (non-strings go through repr()); requiring a
// string-kinded extractor makes that conversion explicit in Go.
type Group[K ~string, V any] struct {
	// Key is the group key the extractor returned.
	Key K `json:"key"`
	// Value is the group's reduced value.
	Value V `json:"value"`
}

// KeyType names a Redis key type as RedisGears reports it in a KeyRecord's
// Type and accepts in OnKeyTypes.
type KeyType string

// The key types RedisGears 1.2 accepts in register(keyTypes=...).
const (
	TypeString KeyType = "string"
	TypeHash   KeyType = "hash"
	TypeList   KeyType = "list"
	TypeSet    KeyType = "set"
	TypeZSet   KeyType = "zset"
	TypeModule KeyType = "module"
)
