package client

import (
	"context"
	"slices"
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
		ratio(b, func() error { return rdb.Do(ctx, args...).Err() },
			func() error { _, err := c.Trigger(ctx, "CountOrders", "paid", "2024"); return err })
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

// BenchmarkTriggerEmulator is BenchmarkTrigger against the emulator over a
// real redis-server, where each trigger runs a Python step.
//
//	go test -run '^$' -bench BenchmarkTriggerEmulator -count 6 ./client/
func BenchmarkTriggerEmulator(b *testing.B) {
	c, rdb := startE2E(b)
	ctx := context.Background()
	_, err := c.PyExecute(ctx, "GB('CommandReader').map(lambda a: len(a)).register(trigger='CountOrders')", nil)
	if err != nil {
		b.Fatal(err)
	}
	args := []any{"RG.TRIGGER", "CountOrders", "paid", "2024"}
	b.Run("ratio", func(b *testing.B) {
		ratio(b, func() error { return rdb.Do(ctx, args...).Err() },
			func() error { _, err := c.Trigger(ctx, "CountOrders", "paid", "2024"); return err })
	})
}

// ratio times raw and typed calls in interleaved pairs, alternating which
// goes first, and reports the ratio of their median durations: load
// spikes and drift of a shared machine hit both sides alike and medians
// ignore the outliers.
func ratio(b *testing.B, raw, typed func() error) {
	var tRaw, tTyped []time.Duration
	timed := func(f func() error, ds *[]time.Duration) {
		t0 := time.Now()
		if err := f(); err != nil {
			b.Fatal(err)
		}
		*ds = append(*ds, time.Since(t0))
	}
	i := 0
	for b.Loop() {
		if i++; i%2 == 0 {
			timed(raw, &tRaw)
			timed(typed, &tTyped)
		} else {
			timed(typed, &tTyped)
			timed(raw, &tRaw)
		}
	}
	mRaw, mTyped := median(tRaw), median(tTyped)
	b.ReportMetric(float64(mTyped)/float64(mRaw), "typed/raw")
	b.ReportMetric(float64(mRaw.Nanoseconds()), "raw-median-ns")
	b.ReportMetric(float64(mTyped.Nanoseconds()), "typed-median-ns")
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}
