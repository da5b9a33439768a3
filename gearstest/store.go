package gearstest

import (
	"context"
	"fmt"

	"github.com/redis/go-redis/v9"
)

// entry is one key of a store as CompareStore sees it.
type entry struct {
	Type   string
	Value  any
	HasTTL bool
}

// dumpStore reads every key of the store behind rdb.
func dumpStore(ctx context.Context, rdb redis.Cmdable) (map[string]entry, error) {
	keys, err := rdb.Keys(ctx, "*").Result()
	if err != nil {
		return nil, err
	}
	out := make(map[string]entry, len(keys))
	for _, k := range keys {
		typ, err := rdb.Type(ctx, k).Result()
		if err != nil {
			return nil, fmt.Errorf("TYPE %q: %w", k, err)
		}
		v, err := readValue(ctx, rdb, typ, k)
		if err != nil {
			return nil, fmt.Errorf("reading %s %q: %w", typ, k, err)
		}
		ttl, err := rdb.PTTL(ctx, k).Result()
		if err != nil {
			return nil, fmt.Errorf("PTTL %q: %w", k, err)
		}
		out[k] = entry{Type: typ, Value: v, HasTTL: ttl > 0}
	}
	return out, nil
}

func readValue(ctx context.Context, rdb redis.Cmdable, typ, k string) (any, error) {
	switch typ {
	case "string":
		return rdb.Get(ctx, k).Result()
	case "hash":
		return rdb.HGetAll(ctx, k).Result()
	case "list":
		return rdb.LRange(ctx, k, 0, -1).Result()
	case "set":
		// SORT ALPHA gives the members in a stable order.
		return rdb.Sort(ctx, k, &redis.Sort{Alpha: true}).Result()
	case "zset":
		return rdb.ZRangeWithScores(ctx, k, 0, -1).Result()
	case "stream":
		msgs, err := rdb.XRange(ctx, k, "-", "+").Result()
		if err != nil {
			return nil, err
		}
		vals := make([]map[string]any, len(msgs))
		for i, m := range msgs {
			vals[i] = m.Values
		}
		return vals, nil
	}
	return nil, fmt.Errorf("type %q is not compared", typ)
}
