package engine_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/gogears/gogears/engine"
	"github.com/gogears/gogears/internal/redistest"
)

// startRedis starts a redis-server and returns an executor and a client on
// it.
func startRedis(t testing.TB, args ...string) (*engine.RedisExecutor, *redis.Client) {
	t.Helper()
	s := redistest.Start(t, redistest.WithArgs(args...))
	c := redis.NewClient(&redis.Options{Addr: s.Addr, Protocol: 2})
	t.Cleanup(func() { c.Close() })
	return engine.NewRedisExecutor(c), c
}

// mustDo runs commands on c and fails the test on an error.
func mustDo(t testing.TB, c *redis.Client, cmds ...[]any) {
	t.Helper()
	for _, cmd := range cmds {
		if err := c.Do(context.Background(), cmd...).Err(); err != nil {
			t.Fatalf("%v: %v", cmd, err)
		}
	}
}

// waitFor polls until cond holds. The deadline only bounds a hang: it is
// long enough that a loaded 2-core CI machine cannot make it flake.
func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up after a minute waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// seed writes the fixture data the run tests read.
func seed(t testing.TB, c *redis.Client) {
	t.Helper()
	mustDo(t, c,
		[]any{"HSET", "order:1", "status", "new", "total", "10"},
		[]any{"HSET", "order:2", "status", "paid", "total", "20"},
		[]any{"HSET", "order:3", "status", "new", "total", "30"},
		[]any{"SET", "order:note", "not a hash"},
		[]any{"SET", "str:a", "alpha"},
		[]any{"SET", "str:b", "beta"},
		[]any{"RPUSH", "list:a", "x", "y", "z"},
		[]any{"SADD", "set:a", "m1", "m2"},
		[]any{"ZADD", "zset:a", "1", "m1"},
		[]any{"XADD", "events", "1-1", "kind", "a"},
		[]any{"XADD", "events", "1-2", "kind", "b"},
		[]any{"XADD", "events", "2-1", "kind", "a"},
	)
}

// sortedBy sorts records by their printed form, for readers and
// operations whose order RedisGears leaves unspecified.
func sortedBy[T any](rs []T) []T {
	rs = slices.Clone(rs)
	slices.SortFunc(rs, func(a, b T) int {
		x, y := fmt.Sprint(a), fmt.Sprint(b)
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	})
	return rs
}
