package dsl

import "iter"

// Keys reads keys of every type whose name matches pattern (RedisGears
// KeysReader). The record's Value is a string, map[string]string or
// []string depending on the key type, and nil for other types and missing
// keys; use a typed reader (HashKeys, StringKeys, ListKeys, SetKeys,
// ZSetKeys) to avoid type switches.
//
// pattern is the reader's default arg: a glob matched while scanning for
// Run, and the registration prefix for Register, where RedisGears allows
// only an exact key name or a prefix ending in a single "*". An empty
// pattern means "*".
func Keys(pattern string) Gear[KeyRecord[any]] {
	return newGear[KeyRecord[any]](Source{Reader: KeysReader, Arg: orAll(pattern), NewKeyRecord: keyRecordMaker[any]("")})
}

// orAll returns "*" for an empty pattern, as RedisGears falls back to its
// default arg "*".
func orAll(pattern string) string {
	if pattern == "" {
		return "*"
	}
	return pattern
}

// HashKeys reads the hash keys whose name matches pattern, with the hash as
// a map[string]string (RedisGears KeysReader filtered on type 'hash').
//
// Type mismatches: keys of other types are skipped, the way RedGrease's
// KeysReader().values(type="hash") filters; the generated script filters on
// the record's 'type' as its first step, and a registration also passes
// keyTypes=['hash']. So a registration does not fire for events on keys
// that no longer exist (del, expired: type 'empty'); use Keys for those.
// See Keys for pattern.
func HashKeys(pattern string) Gear[KeyRecord[map[string]string]] {
	return typedKeys[map[string]string](pattern, TypeHash)
}

// StringKeys reads the string keys whose name matches pattern (KeysReader
// filtered on type 'string'); see HashKeys for how other types are skipped.
func StringKeys(pattern string) Gear[KeyRecord[string]] {
	return typedKeys[string](pattern, TypeString)
}

// ListKeys reads the list keys whose name matches pattern, with the whole
// list (KeysReader filtered on type 'list'); see HashKeys for how other
// types are skipped.
func ListKeys(pattern string) Gear[KeyRecord[[]string]] {
	return typedKeys[[]string](pattern, TypeList)
}

// SetKeys reads the set keys whose name matches pattern (KeysReader
// filtered on type 'set'). RedisGears does not read set members: fetch
// them with cmd.SMembers(r.Key). See HashKeys for how other types are
// skipped.
func SetKeys(pattern string) Gear[KeyRecord[NoValue]] {
	return typedKeys[NoValue](pattern, TypeSet)
}

// ZSetKeys reads the sorted-set keys whose name matches pattern (KeysReader
// filtered on type 'zset'). RedisGears does not read members: fetch them
// with cmd.ZRangeWithScores(r.Key, 0, -1). See HashKeys for how other types
// are skipped.
func ZSetKeys(pattern string) Gear[KeyRecord[NoValue]] {
	return typedKeys[NoValue](pattern, TypeZSet)
}

func typedKeys[V any](pattern string, t KeyType) Gear[KeyRecord[V]] {
	return newGear[KeyRecord[V]](Source{Reader: KeysReader, Arg: orAll(pattern), KeyType: t, NewKeyRecord: keyRecordMaker[V](t)})
}

// keyRecordMaker builds KeyRecord[V] values; the engine has already checked
// the type, so the assertion holds for the typed readers.
func keyRecordMaker[V any](t KeyType) func(key, typ, event string, value any) any {
	return func(key, typ, event string, value any) any {
		r := KeyRecord[V]{Key: key, Type: typ, Event: event}
		if v, ok := value.(V); ok {
			r.Value = v
		}
		return r
	}
}

// KeysOnly reads the names of the keys matching the glob pattern, without
// reading values (RedisGears KeysOnlyReader, a Python reader built on
// SCAN). It supports Run only; NoScan and ScanCount apply. An empty pattern
// means "*".
func KeysOnly(pattern string) Gear[string] {
	return newGear[string](Source{Reader: KeysOnlyReader, Arg: orAll(pattern)})
}

// Stream reads the entries of streams (RedisGears StreamReader). For Run,
// key is the exact stream key read from FromID (exclusive; default "0-0").
// For Register, key is the prefix: an exact stream key, or a prefix ending
// in "*"; entries already in matching streams are processed too.
func Stream(key string) Gear[StreamRecord] {
	return newGear[StreamRecord](Source{Reader: StreamReader, Arg: key})
}

// FromSeq reads the values seq yields (RedisGears PythonReader). seq becomes
// a Python generator function: each yield(v) becomes "yield v", and seq is
// called with no arguments on each shard. It must be a func literal or a
// top-level function that captures only constants and parameters. Run only.
func FromSeq[T any](seq iter.Seq[T]) Gear[T] {
	src := Source{Reader: PythonReader}
	if seq != nil {
		src.Generate = func(yield func(any) bool) {
			seq(func(v T) bool { return yield(v) })
		}
	}
	g := newGear[T](src)
	if seq == nil {
		g.p.err = errNilSeq
	}
	return g
}

// ShardIDs emits one record per shard: its shard ID, or "1" when Redis is
// not a cluster (RedisGears ShardsIDReader). Run only.
func ShardIDs() Gear[string] {
	return newGear[string](Source{Reader: ShardsIDReader})
}

// Command reads the arguments of a trigger or of a hooked command
// (RedisGears CommandReader): the record is [trigger name or command, args...].
// Register only, with Trigger, or Hook (and optionally KeyPrefix).
func Command() Gear[[]string] {
	return newGear[[]string](Source{Reader: CommandReader})
}
