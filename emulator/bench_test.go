package emulator

import (
	"context"
	"fmt"
	"testing"

	"github.com/gogears/gogears/internal/redistest"
	"github.com/redis/go-redis/v9"
)

// BenchmarkKeysReaderCountBy measures gear throughput: a KeysReader
// count-by over 100k string keys (10 distinct values), reported in
// records per second. Run with:
//
//	go test ./emulator -run '^$' -bench KeysReaderCountBy -benchtime 3x
func BenchmarkKeysReaderCountBy(b *testing.B) {
	const n = 100_000
	for _, store := range []string{"redis", "embedded"} {
		b.Run(store, func(b *testing.B) {
			var opts Options
			if store == "redis" {
				opts.RedisURL = "redis://" + redistest.Start(b).Addr
			}
			e := RunT(b, opts)
			c := redis.NewClient(&redis.Options{Addr: e.Addr(), Protocol: 2, ReadTimeout: -1})
			defer c.Close()
			ctx := context.Background()
			for i := 0; i < n; i += 1000 {
				args := make([]any, 0, 2000)
				for j := i; j < i+1000; j++ {
					args = append(args, fmt.Sprintf("key:%d", j), fmt.Sprint(j%10))
				}
				if err := c.MSet(ctx, args...).Err(); err != nil {
					b.Fatal(err)
				}
			}
			script := "GB().countby(lambda r: r['value']).run('key:*')"
			b.ResetTimer()
			for b.Loop() {
				v, err := c.Do(ctx, "RG.PYEXECUTE", script).Result()
				if err != nil {
					b.Fatal(err)
				}
				if got := len(v.([]any)[0].([]any)); got != 10 {
					b.Fatalf("count-by groups = %d, want 10", got)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
		})
	}
}

// BenchmarkProbedWrites measures what exact keyspace events cost a client:
// a DEL of three keys and an LPOP that empties its list, without
// registrations (the plain proxy), with a KeysReader registration whose
// prefix the keys do not match (no probes either) and with one they match
// (the commands then run in a MULTI between checks of their keys). Run
// with:
//
//	go test ./emulator -run '^$' -bench ProbedWrites
func BenchmarkProbedWrites(b *testing.B) {
	s := redistest.Start(b)
	for _, mode := range []struct{ name, prefix string }{{"plain", ""}, {"unmatched", "none:*"}, {"probed", "*"}} {
		b.Run(mode.name, func(b *testing.B) {
			r := benchEmulator(b, s, mode.prefix)
			for b.Loop() {
				r.do("RPUSH", "l", "x")
				r.do("LPOP", "l")
				r.do("DEL", "a", "b", "c")
			}
		})
	}
}

// BenchmarkScriptWrites measures what watching scripts costs a client: an
// EVAL that sets a key, without registrations (passed through untouched)
// and with a KeysReader registration (run between markers, its keyspace
// notifications read back). Run with:
//
//	go test ./emulator -run '^$' -bench ScriptWrites
func BenchmarkScriptWrites(b *testing.B) {
	s := redistest.Start(b)
	for _, mode := range []string{"plain", "watched"} {
		b.Run(mode, func(b *testing.B) {
			r := benchEmulator(b, s, map[string]string{"watched": "*"}[mode])
			for b.Loop() {
				r.do("EVAL", "return redis.call('SET', KEYS[1], '1')", "1", "a")
			}
		})
	}
}

// BenchmarkConsumerReads measures what the consumer probes cost a client:
// an XADD and an XREADGROUP that reads it, without registrations (the
// plain proxy) and with a KeysReader registration matching the stream
// (the XREADGROUP then runs in a MULTI between XINFO CONSUMERS checks).
// Run with:
//
//	go test ./emulator -run '^$' -bench ConsumerReads
func BenchmarkConsumerReads(b *testing.B) {
	s := redistest.Start(b)
	for _, mode := range []string{"plain", "probed"} {
		b.Run(mode, func(b *testing.B) {
			r := benchEmulator(b, s, map[string]string{"probed": "s"}[mode])
			r.do("DEL", "s")
			r.do("XGROUP", "CREATE", "s", "g", "$", "MKSTREAM")
			for b.Loop() {
				r.do("XADD", "s", "MAXLEN", "~", "1000", "*", "f", "v")
				r.do("XREADGROUP", "GROUP", "g", "c", "COUNT", "1", "STREAMS", "s", ">")
			}
		})
	}
}

// benchEmulator starts an emulator over s and returns a connection to it.
// With a prefix, it registers a KeysReader there for events the
// benchmarks' commands do not fire: it never runs, and only what the
// emulator does to watch the commands costs.
func benchEmulator(b *testing.B, s *redistest.Server, prefix string) *rawConn {
	b.Helper()
	e := RunT(b, Options{RedisURL: "redis://" + s.Addr})
	r := dialRaw(b, e.Addr())
	if prefix != "" {
		r.do("RG.PYEXECUTE", "GB().register(prefix='"+prefix+"', eventTypes=['hset'])")
	}
	return r
}
