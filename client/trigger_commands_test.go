package client

import (
	"context"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/tidwall/redcon"
)

// triggerReply is what the benchmark's RG.TRIGGER answers: three JSON
// records, like a small DSL trigger.
var triggerReply = []any{`{"n":1}`, `{"n":2}`, `{"n":3}`}

// BenchmarkTrigger compares an RG.TRIGGER round trip through the typed
// client with raw go-redis Do and the same arguments, over one connection
// to a gearStub (no Python, so the client's own cost is not hidden behind
// gear execution). The goal is typed/raw <= 1.05.
//
//	go test -run '^$' -bench BenchmarkTrigger -count 6 ./client/
func BenchmarkTrigger(b *testing.B) {
	stub := startStub(b, "")
	stub.handle("RG.TRIGGER", func(redcon.Conn, []string) any { return triggerReply })
	rdb := redis.NewClient(&redis.Options{Addr: stub.Addr, PoolSize: 1})
	defer rdb.Close()
	c := New(rdb)
	ctx := context.Background()
	args := []any{"RG.TRIGGER", "CountOrders", "paid", "2024"}
	if err := rdb.Do(ctx, args...).Err(); err != nil {
		b.Fatal(err)
	}
	b.Run("raw", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := rdb.Do(ctx, args...).Slice(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("typed", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := c.Trigger(ctx, "CountOrders", "paid", "2024"); err != nil {
				b.Fatal(err)
			}
		}
	})
	// Interleaved pairs: drift of a shared machine hits both sides alike.
	b.Run("ratio", func(b *testing.B) {
		var raw, typed time.Duration
		for b.Loop() {
			t0 := time.Now()
			if _, err := rdb.Do(ctx, args...).Slice(); err != nil {
				b.Fatal(err)
			}
			t1 := time.Now()
			if _, err := c.Trigger(ctx, "CountOrders", "paid", "2024"); err != nil {
				b.Fatal(err)
			}
			raw += t1.Sub(t0)
			typed += time.Since(t1)
		}
		b.ReportMetric(float64(typed)/float64(raw), "typed/raw")
	})
	// A cancelable context (as in an HTTP handler) takes the same path.
	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	b.Run("typed-cancelable", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := c.Trigger(cctx, "CountOrders", "paid", "2024"); err != nil {
				b.Fatal(err)
			}
		}
	})
}
