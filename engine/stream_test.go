package engine_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/redis/go-redis/v9"

	"github.com/gogears/gogears/dsl"
	"github.com/gogears/gogears/engine"
	"github.com/gogears/gogears/runtime"
	"github.com/gogears/gogears/runtime/cmd"
)

func TestRegisterStream(t *testing.T) {
	ctx := context.Background()
	ex, c := startRedis(t)
	mustDo(t, c, []any{"XADD", "s:1", "1-1", "n", "1"}) // already there: processed at registration
	e := engine.New(ex)
	reg := dsl.Stream("s:*").ForEach(func(r dsl.StreamRecord) { cmd.RPush("seen", r.Key+" "+r.ID+" "+r.Value["n"]) }).
		Register(dsl.Batch(2))
	h, err := engine.Register(ctx, e, reg)
	if err != nil {
		t.Fatal(err)
	}
	add := func(key, id string) {
		mustDo(t, c, []any{"XADD", key, id, "n", id[:1]})
		if err := e.Notify(ctx, "xadd", key); err != nil {
			t.Fatal(err)
		}
	}
	add("s:1", "2-1") // batch not full
	if got := c.LLen(ctx, "seen").Val(); got != 1 {
		t.Errorf("after one xadd with Batch(2): %d records seen, want 1 (the pre-existing one)", got)
	}
	add("s:1", "3-1")
	got, _ := c.LRange(ctx, "seen", 0, -1).Result()
	want := []string{"s:1 1-1 1", "s:1 2-1 2", "s:1 3-1 3"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("seen (-want +got):\n%s", diff)
	}
	if n := c.XLen(ctx, "s:1").Val(); n != 0 {
		t.Errorf("XLEN after TrimStream = %d, want 0", n)
	}
	if s := h.Stats(); s.NumTriggered != 2 || s.NumFailures != 0 {
		t.Errorf("Stats = %+v, want 2 triggered, no failures", s)
	}
}

// streamCase registers reg on a fresh server and adds one entry with
// fields to stream "s".
func streamCase(t *testing.T, reg dsl.Registration[dsl.StreamRecord], fields ...any) (*engine.Engine, *engine.Handle, *redis.Client) {
	t.Helper()
	ctx := context.Background()
	ex, c := startRedis(t)
	e := engine.New(ex)
	h, err := engine.Register(ctx, e, reg)
	if err != nil {
		t.Fatal(err)
	}
	mustDo(t, c, append([]any{"XADD", "s", "1-1"}, fields...))
	if err := e.Notify(ctx, "xadd", "s"); err != nil {
		t.Fatal(err)
	}
	return e, h, c
}

func TestRegisterStreamOptions(t *testing.T) {
	ctx := context.Background()
	failing := func(r dsl.StreamRecord) {
		if r.Value["fail"] == "yes" {
			runtime.FlatError("bad entry " + r.ID)
		}
		cmd.RPush("ok", r.ID)
	}
	t.Run("TrimStream false keeps entries", func(t *testing.T) {
		_, _, c := streamCase(t, dsl.Stream("s").ForEach(failing).Register(dsl.TrimStream(false)), "n", "1")
		if n := c.XLen(ctx, "s").Val(); n != 1 {
			t.Errorf("XLEN = %d, want 1", n)
		}
	})
	t.Run("Abort", func(t *testing.T) {
		e, h, c := streamCase(t, dsl.Stream("s").ForEach(failing).Register(dsl.OnFailed(dsl.Abort)), "fail", "yes")
		mustDo(t, c, []any{"XADD", "s", "2-1", "fail", "no"})
		e.Notify(ctx, "xadd", "s")
		s := h.Stats()
		if s.Status != "aborted" || s.LastError != "bad entry 1-1" || s.NumTriggered != 1 {
			t.Errorf("Stats = %+v, want aborted after one execution with error bad entry 1-1", s)
		}
		if n := c.XLen(ctx, "s").Val(); n != 2 {
			t.Errorf("XLEN = %d, want 2 (nothing acknowledged or trimmed)", n)
		}
	})
	t.Run("Continue", func(t *testing.T) {
		_, h, c := streamCase(t, dsl.Stream("s").ForEach(failing).Register(), "fail", "yes")
		if s := h.Stats(); s.Status != "running" || s.NumFailures != 1 {
			t.Errorf("Stats = %+v, want running with one failure", s)
		}
		if n := c.XLen(ctx, "s").Val(); n != 0 {
			t.Errorf("XLEN = %d, want 0 (acknowledged and trimmed)", n)
		}
	})
	t.Run("Retry", func(t *testing.T) {
		_, h, _ := streamCase(t, dsl.Stream("s").ForEach(failing).Register(dsl.OnFailed(dsl.Retry), dsl.RetryInterval(time.Second)), "fail", "yes")
		waitFor(t, "the retry", func() bool { return h.Stats().NumTriggered >= 2 })
		if s := h.Stats(); s.NumTriggered < 2 || s.NumFailures < 2 {
			t.Errorf("Stats = %+v, want the failed entry retried", s)
		}
		h.Unregister()
	})
	t.Run("Duration", func(t *testing.T) {
		_, h, c := streamCase(t, dsl.Stream("s").ForEach(failing).Register(dsl.Batch(10), dsl.Duration(50*time.Millisecond)), "n", "1")
		waitFor(t, "the duration to run the batch", func() bool { return c.LLen(ctx, "ok").Val() >= 1 })
		if got := c.LRange(ctx, "ok", 0, -1).Val(); !cmp.Equal(got, []string{"1-1"}) {
			t.Errorf("ok = %v, want [1-1] after the duration", got)
		}
		h.Unregister()
	})
	t.Run("FlatError PAUSE pauses until Unpause", func(t *testing.T) {
		pausing := func(r dsl.StreamRecord) {
			if v, _ := cmd.Get("paused"); v == "" {
				cmd.Set("paused", "1")
				runtime.FlatError("PAUSE for maintenance")
			}
			cmd.RPush("ok", r.ID)
		}
		e, h, c := streamCase(t, dsl.Stream("s").ForEach(pausing).Register(), "n", "1")
		if s := h.Stats(); s.Status != "paused" {
			t.Fatalf("Status = %q, want paused", s.Status)
		}
		mustDo(t, c, []any{"XADD", "s", "2-1", "n", "2"})
		e.Notify(ctx, "xadd", "s")
		if n := c.LLen(ctx, "ok").Val(); n != 0 {
			t.Errorf("%d entries processed while paused, want 0", n)
		}
		if err := h.Unpause(ctx); err != nil {
			t.Fatal(err)
		}
		if got := c.LRange(ctx, "ok", 0, -1).Val(); !cmp.Equal(got, []string{"1-1", "2-1"}) {
			t.Errorf("ok after Unpause = %v, want [1-1 2-1]", got)
		}
	})
	t.Run("NoCollect", func(t *testing.T) {
		_, h, c := streamCase(t, dsl.Stream("s").ForEach(failing).Register(dsl.NoCollect(), dsl.Mode(dsl.AsyncLocal)), "n", "1")
		if s := h.Stats(); s.NumSuccess != 1 || c.LLen(ctx, "ok").Val() != 1 {
			t.Errorf("Stats = %+v, want one successful execution", s)
		}
	})
}

// Executions of one stream registration do not overlap, as on the
// server's single thread: concurrent events must not re-read and process
// a pending entry twice.
func TestStreamExecutionsDoNotOverlap(t *testing.T) {
	ctx := context.Background()
	ex, c := startRedis(t)
	e := engine.New(ex)
	// Entry 1-1 fails once, leaving it pending for a retry; every other
	// try succeeds, so with no overlap each entry is done exactly once.
	reg := dsl.Stream("s").ForEach(func(r dsl.StreamRecord) {
		if cmd.Incr("tries:"+r.ID) == 1 && r.ID == "1-1" {
			runtime.FlatError("first try of " + r.ID)
		}
		cmd.RPush("done", r.ID)
	}).Register(dsl.OnFailed(dsl.Retry), dsl.Mode(dsl.AsyncLocal))
	h, err := engine.Register(ctx, e, reg)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Unregister()
	mustDo(t, c, []any{"XADD", "s", "1-1", "n", "1"})
	if err := e.Notify(ctx, "xadd", "s"); err != nil {
		t.Fatal(err)
	}
	const n = 20
	var wg sync.WaitGroup
	for i := 2; i <= n; i++ {
		mustDo(t, c, []any{"XADD", "s", fmt.Sprintf("%d-1", i), "n", "1"})
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := e.Notify(ctx, "xadd", "s"); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	waitFor(t, "every entry to be processed", func() bool { return c.LLen(ctx, "done").Val() >= n })
	seen := map[string]int{}
	for _, id := range c.LRange(ctx, "done", 0, -1).Val() {
		seen[id]++
	}
	for id, k := range seen {
		if k != 1 {
			t.Errorf("entry %s processed %d times, want once", id, k)
		}
	}
}

// failingExecutor fails every command named fail with a transport error.
type failingExecutor struct {
	engine.Executor
	fail string
}

func (f failingExecutor) Do(ctx context.Context, args ...string) (any, error) {
	if len(args) > 0 && args[0] == f.fail {
		return nil, errors.New("connection lost")
	}
	return f.Executor.Do(ctx, args...)
}

// A stream registration whose existing entries cannot be read is not
// registered: later events do not run it.
func TestRegisterStreamFailureLeavesNothing(t *testing.T) {
	ctx := context.Background()
	ex, c := startRedis(t)
	mustDo(t, c, []any{"XADD", "s", "1-1", "n", "1"})
	e := engine.New(failingExecutor{ex, "XGROUP"})
	reg := dsl.Stream("s").ForEach(func(r dsl.StreamRecord) { cmd.RPush("seen", r.ID) }).Register()
	h, err := engine.Register(ctx, e, reg)
	if err == nil || !strings.Contains(err.Error(), "connection lost") || h != nil {
		t.Fatalf("Register = %v, %v; want nil and the connection error", h, err)
	}
	if err := e.Notify(ctx, "xadd", "s"); err != nil {
		t.Errorf("Notify after a failed Register = %v, want nil (no registration to run)", err)
	}
	if n := c.LLen(ctx, "seen").Val(); n != 0 {
		t.Errorf("seen has %d entries, want 0", n)
	}
}
