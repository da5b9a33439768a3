package emulator

import (
	"bufio"
	"context"
	"net"
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

// eventually polls cond. The deadline only bounds a hang: on a loaded
// 2-core CI machine a python worker restart alone can take seconds.
func eventually(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// rawConn is a bare RESP connection, for byte-exact reply checks.
type rawConn struct {
	t  testing.TB
	sc *storeConn
}

func dialRaw(t testing.TB, addr string) *rawConn {
	t.Helper()
	nc, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { nc.Close() })
	return &rawConn{t: t, sc: &storeConn{c: nc, r: bufio.NewReader(nc), w: bufio.NewWriter(nc)}}
}

// do sends args and returns the raw reply text.
func (r *rawConn) do(args ...string) string {
	r.t.Helper()
	r.sc.c.SetDeadline(time.Now().Add(20 * time.Second))
	raw, err := r.sc.do(byteArgs(args...))
	if err != nil {
		r.t.Fatalf("%q: %v", args, err)
	}
	return string(raw)
}

// forEachStore runs f against an emulator over the embedded store and one
// over a real redis-server.
func forEachStore(t *testing.T, f func(t *testing.T, e *Emulator)) {
	t.Run("embedded", func(t *testing.T) {
		e := RunT(t)
		f(t, e)
	})
	t.Run("redis", func(t *testing.T) {
		s := redistest.Start(t)
		e := RunT(t, Options{RedisURL: "redis://" + s.Addr})
		f(t, e)
	})
}

// sleepingGear is a gear whose step sets "started" and then sleeps in C
// for an hour, so it ignores the exception an abort throws.
const sleepingGear = "import time\nGB('ShardsIDReader').foreach(lambda x: (execute('SET', 'started', '1'), time.sleep(3600))).run()"

// waitStarted waits until sleepingGear's step runs in the worker, rather
// than sleeping for a guess that a loaded machine can outlast.
func waitStarted(t testing.TB, r *rawConn) {
	t.Helper()
	eventually(t, "the gear step to start", func() bool { return r.do("GET", "started") == "$1\r\n1\r\n" })
}
