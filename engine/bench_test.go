package engine_test

import (
	"context"
	"strconv"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/gogears/gogears/dsl"
	"github.com/gogears/gogears/engine"
)

// benchKeys is the number of order hashes the count-by benchmarks read.
const benchKeys = 100_000

var benchStatuses = []string{"new", "pending", "paid", "shipped", "cancelled"}

// countByStatus is the benchmarked gear.
var countByStatus = dsl.HashKeys("order:*").CountBy(status).Run()

// seedOrders writes benchKeys order hashes.
func seedOrders(b *testing.B, c *redis.Client) {
	ctx := context.Background()
	p := c.Pipeline()
	for i := range benchKeys {
		p.HSet(ctx, "order:"+strconv.Itoa(i), "status", benchStatuses[i%len(benchStatuses)], "total", strconv.Itoa(i))
		if i%5000 == 4999 {
			if _, err := p.Exec(ctx); err != nil {
				b.Fatal(err)
			}
		}
	}
	if _, err := p.Exec(ctx); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkCountBy compares the engine running countByStatus with a
// hand-written go-redis loop doing the same work: SCAN MATCH order:*
// COUNT 1000, a pipelined HGETALL per page, and a count per status.
//
//	go test ./engine -run '^$' -bench CountBy -benchtime 10x
func BenchmarkCountBy(b *testing.B) {
	ex, c := startRedis(b)
	seedOrders(b, c)
	ctx := context.Background()
	b.Run("engine", func(b *testing.B) {
		for b.Loop() {
			res, err := engine.Run(ctx, ex, countByStatus)
			if err != nil || len(res.Records) != len(benchStatuses) {
				b.Fatalf("Run = %v, %v", res, err)
			}
		}
	})
	b.Run("go-redis", func(b *testing.B) {
		for b.Loop() {
			counts, err := handCountBy(ctx, c, "")
			if err != nil || len(counts) != len(benchStatuses) {
				b.Fatalf("handCountBy = %v, %v", counts, err)
			}
		}
	})
	// The same loop with SCAN TYPE hash, the server-side type filter the
	// engine uses for HashKeys.
	b.Run("go-redis-scantype", func(b *testing.B) {
		for b.Loop() {
			counts, err := handCountBy(ctx, c, "hash")
			if err != nil || len(counts) != len(benchStatuses) {
				b.Fatalf("handCountBy = %v, %v", counts, err)
			}
		}
	})
}

func handCountBy(ctx context.Context, c *redis.Client, typ string) (map[string]int, error) {
	counts := map[string]int{}
	var cursor uint64
	for {
		var keys []string
		var next uint64
		var err error
		if typ == "" {
			keys, next, err = c.Scan(ctx, cursor, "order:*", 1000).Result()
		} else {
			keys, next, err = c.ScanType(ctx, cursor, "order:*", 1000, typ).Result()
		}
		if err != nil {
			return nil, err
		}
		p := c.Pipeline()
		cmds := make([]*redis.MapStringStringCmd, len(keys))
		for i, k := range keys {
			cmds[i] = p.HGetAll(ctx, k)
		}
		if _, err := p.Exec(ctx); err != nil {
			return nil, err
		}
		for _, cmd := range cmds {
			counts[cmd.Val()["status"]]++
		}
		if next == 0 {
			return counts, nil
		}
		cursor = next
	}
}
