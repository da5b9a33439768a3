package emulator

import (
	"context"
	"testing"
	"time"

	"github.com/gogears/gogears/internal/redistest"
	"github.com/redis/go-redis/v9"
)

// runWithClient starts an emulator over the embedded store and a go-redis
// client for it.
func runWithClient(t testing.TB, opts ...Options) (*Emulator, *redis.Client) {
	t.Helper()
	e := RunT(t, opts...)
	c := redis.NewClient(&redis.Options{Addr: e.Addr(), Protocol: 2})
	t.Cleanup(func() { c.Close() })
	return e, c
}

// runOverRedis starts an emulator in front of a real redis-server.
func runOverRedis(t testing.TB) (*Emulator, *redis.Client) {
	t.Helper()
	s := redistest.Start(t)
	return runWithClient(t, Options{RedisURL: "redis://" + s.Addr})
}

// mustDo runs a command and fails the test on error.
func mustDo(t testing.TB, c *redis.Client, args ...any) any {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	v, err := c.Do(ctx, args...).Result()
	if err != nil {
		t.Fatalf("%v: %v", args, err)
	}
	return v
}

// doErr runs a command that must fail and returns its error text.
func doErr(t testing.TB, c *redis.Client, args ...any) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	v, err := c.Do(ctx, args...).Result()
	if err == nil {
		t.Fatalf("%v = %v, want an error", args, v)
	}
	return err.Error()
}

// eventually polls cond for up to 5 seconds.
func eventually(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
