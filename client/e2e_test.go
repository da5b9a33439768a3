package client

// End-to-end tests: every method against the emulator (RedisGears 1.2
// behaviour, scripts run in CPython) with a real redis-server behind it.

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/gogears/gogears/emulator"
	"github.com/gogears/gogears/internal/redistest"
	"github.com/google/go-cmp/cmp"
	"github.com/redis/go-redis/v9"
)

// startE2E returns a Client on an emulator over a fresh redis-server.
func startE2E(t testing.TB) (*Client, *redis.Client) {
	t.Helper()
	srv := redistest.Start(t)
	e := emulator.RunT(t, emulator.Options{RedisURL: "redis://" + srv.Addr})
	rdb := redis.NewClient(&redis.Options{Addr: e.Addr(), ReadTimeout: 30 * time.Second})
	t.Cleanup(func() { rdb.Close() })
	return New(rdb), rdb
}

func sortedStrings(t *testing.T, vals []any) []string {
	t.Helper()
	s, ok := stringsOf(vals)
	if !ok {
		t.Fatalf("records %v are not all strings", vals)
	}
	sort.Strings(s)
	return s
}

func TestE2EExecutions(t *testing.T) {
	c, rdb := startE2E(t)
	ctx := context.Background()
	for _, k := range []string{"user:1", "user:2", "user:3"} {
		if err := rdb.Set(ctx, k, "v", 0).Err(); err != nil {
			t.Fatal(err)
		}
	}

	v, err := c.Version(ctx)
	if err != nil || !v.AtLeast(1, 2, 0) {
		t.Fatalf("Version = %v, %v; want 1.2+", v, err)
	}

	// Blocking run.
	res, err := c.RunScript(ctx, Script{Source: "GB().map(lambda r: r['key']).run('user:*')"})
	if err != nil {
		t.Fatalf("RunScript: %v", err)
	}
	if got, want := sortedStrings(t, res.Values), []string{"user:1", "user:2", "user:3"}; !cmp.Equal(want, got) {
		t.Errorf("RunScript = %v, want %v", got, want)
	}

	// Record errors come back next to the good records.
	res, err = c.RunScript(ctx, Script{Source: "GB().map(lambda r: 1/0 if r['key'] == 'user:2' else r['key']).run('user:*')"})
	var rerr *RecordErrors
	if !errors.As(err, &rerr) || len(rerr.Errors) != 1 || rerr.Errors[0].Type != "ZeroDivisionError" || rerr.Errors[0].Script {
		t.Errorf("RunScript with a failing record = %v, want one ZeroDivisionError record error", err)
	}
	if res == nil || len(res.Values) != 2 {
		t.Errorf("RunScript with a failing record returned %v, want the 2 good records", res)
	}

	// A script error is not a record error.
	_, err = c.RunScript(ctx, Script{Source: "x = 1/0"})
	var ge *GearError
	if !errors.As(err, &ge) || !ge.Script || ge.Type != "ZeroDivisionError" || errors.Is(err, ErrRecords) {
		t.Errorf("RunScript(1/0) = %#v, want a script GearError", err)
	}

	// Unblocking run, then every execution command.
	ex, err := c.StartScript(ctx, Script{Source: "GB().map(lambda r: r['key']).run('user:*')"})
	if err != nil {
		t.Fatalf("StartScript: %v", err)
	}
	if _, err := c.GetResultsBlocking(ctx, ex.ID); err != nil {
		t.Errorf("GetResultsBlocking: %v", err)
	}
	res, err = ex.Wait(ctx)
	if err != nil || len(res.Values) != 3 {
		t.Errorf("Wait = %v, %v", res, err)
	}
	plans, err := c.GetExecution(ctx, ex.ID, ScopeShard)
	if err != nil || len(plans) != 1 || plans[0].Status != StatusDone {
		t.Errorf("GetExecution = %+v, %v", plans, err)
	}
	if _, err := c.GetExecution(ctx, ex.ID, ScopeCluster); err == nil {
		t.Errorf("GetExecution CLUSTER on a standalone server succeeded")
	}
	execs, err := c.DumpExecutions(ctx)
	if err != nil || !containsExecution(execs, ex.ID) {
		t.Errorf("DumpExecutions = %v, %v; want %s", execs, err, ex.ID)
	}
	if err := ex.Abort(ctx); err != nil {
		t.Errorf("AbortExecution of a finished execution: %v", err)
	}
	if err := ex.Drop(ctx); err != nil {
		t.Errorf("DropExecution: %v", err)
	}
	for name, err := range map[string]error{
		"GetResults":         second(c.GetResults(ctx, ex.ID)),
		"GetResultsBlocking": second(c.GetResultsBlocking(ctx, ex.ID)),
		"GetExecution":       second(c.GetExecution(ctx, ex.ID, ScopeShard)),
		"DropExecution":      c.DropExecution(ctx, ex.ID),
		"AbortExecution":     c.AbortExecution(ctx, ex.ID),
	} {
		if !errors.Is(err, ErrExecutionNotFound) {
			t.Errorf("%s after drop = %v, want ErrExecutionNotFound", name, err)
		}
	}

	// A running execution.
	slow := "import time\ndef gen():\n    yield 1\nGB('PythonReader').map(lambda x: (time.sleep(3), x)[1]).run(gen)"
	ex, err = c.StartScript(ctx, Script{Source: slow})
	if err != nil {
		t.Fatalf("StartScript(slow): %v", err)
	}
	if _, err := ex.Poll(ctx); !errors.Is(err, ErrExecutionRunning) {
		t.Errorf("Poll while running = %v, want ErrExecutionRunning", err)
	}
	if err := ex.Drop(ctx); !errors.Is(err, ErrExecutionRunning) {
		t.Errorf("Drop while running = %v, want ErrExecutionRunning", err)
	}
	if err := ex.Abort(ctx); err != nil {
		t.Errorf("Abort while running: %v", err)
	}
}

func second[T any](_ T, err error) error { return err }

func containsExecution(execs []ExecutionInfo, id string) bool {
	for _, e := range execs {
		if e.ID == id {
			return true
		}
	}
	return false
}

func TestE2ERegistrations(t *testing.T) {
	c, _ := startE2E(t)
	ctx := context.Background()
	s := Script{ID: "audit", Description: "audit gear",
		Source: "GB('CommandReader').map(lambda a: '|'.join(a[1:])).register(trigger='Audit')"}
	// Profiled, so that PyProfileStats has statistics to print.
	if _, err := c.ConfigSet(ctx, map[string]string{"ProfileExecutions": "1"}); err != nil {
		t.Fatal(err)
	}

	dep, err := c.DeployScript(ctx, s)
	if err != nil || !dep.Changed {
		t.Fatalf("DeployScript = %+v, %v; want changed", dep, err)
	}
	vals, err := c.Trigger(ctx, "Audit", "a", "b")
	if err != nil || !cmp.Equal(vals, []any{"a|b"}) {
		t.Errorf("Trigger = %v, %v; want [a|b]", vals, err)
	}
	vals, err = c.TriggerOnKey(ctx, "Audit", "k", "x")
	if err != nil || !cmp.Equal(vals, []any{"k|x"}) {
		t.Errorf("TriggerOnKey = %v, %v; want [k|x]", vals, err)
	}
	if _, err := c.Trigger(ctx, "Nope"); !errors.Is(err, ErrTriggerNotFound) {
		t.Errorf("Trigger(Nope) = %v, want ErrTriggerNotFound", err)
	}

	dep, err = c.DeployScript(ctx, s)
	if err != nil || dep.Changed {
		t.Errorf("DeployScript again = %+v, %v; want unchanged", dep, err)
	}
	s.Source = strings.Replace(s.Source, "'|'", "','", 1)
	dep, err = c.DeployScript(ctx, s)
	if err != nil || !dep.Changed || dep.Previous == "" {
		t.Errorf("DeployScript changed = %+v, %v; want changed", dep, err)
	}
	vals, err = c.Trigger(ctx, "Audit", "a", "b")
	if err != nil || !cmp.Equal(vals, []any{"a,b"}) {
		t.Errorf("Trigger after upgrade = %v, %v; want [a,b]", vals, err)
	}
	if _, err := c.PyExecute(ctx, s.Source, &PyExecuteOptions{ID: "audit"}); !errors.Is(err, ErrSessionExists) {
		t.Errorf("PyExecute reusing ID = %v, want ErrSessionExists", err)
	}

	sessions, err := c.PyDumpSessions(ctx, &DumpSessionsOptions{Sessions: []string{"audit", "nope"}})
	if err != nil || len(sessions) != 2 || !strings.Contains(sessions[0].Description, "gogears:sha256=") || !sessions[1].Missing {
		t.Errorf("PyDumpSessions = %+v, %v", sessions, err)
	}
	if stats, err := c.PyProfileStats(ctx, "audit"); err != nil || !strings.Contains(stats, "function calls") {
		t.Errorf("PyProfileStats = %q, %v; want cProfile statistics", stats, err)
	}
	if err := c.PyProfileReset(ctx, "audit"); err != nil {
		t.Errorf("PyProfileReset: %v", err)
	}
	if _, err := c.PyProfileStats(ctx, "nope"); !errors.Is(err, ErrSessionNotFound) {
		t.Errorf("PyProfileStats(nope) = %v, want ErrSessionNotFound", err)
	}

	regs, err := c.DumpRegistrations(ctx)
	if err != nil || len(regs) != 1 || regs[0].Trigger() != "Audit" || regs[0].Data.NumTriggered < 1 {
		t.Fatalf("DumpRegistrations = %+v, %v", regs, err)
	}
	if err := c.ClearRegistrationsStats(ctx); err != nil {
		t.Errorf("ClearRegistrationsStats: %v", err)
	}
	if err := c.PauseRegistrations(ctx, regs[0].ID); err == nil {
		t.Errorf("PauseRegistrations on a CommandReader succeeded")
	}

	// A stream registration can be paused.
	if _, err := c.PyExecute(ctx, "GB('StreamReader').foreach(lambda r: None).register('s1')", &PyExecuteOptions{ID: "streams"}); err != nil {
		t.Fatalf("register stream: %v", err)
	}
	regs, _ = c.DumpRegistrations(ctx)
	for _, r := range regs {
		if r.Reader == "StreamReader" {
			if err := c.PauseRegistrations(ctx, r.ID); err != nil {
				t.Errorf("PauseRegistrations: %v", err)
			}
			if err := c.UnpauseRegistrations(ctx, r.ID); err != nil {
				t.Errorf("UnpauseRegistrations: %v", err)
			}
		}
	}

	// Undeploy removes a session's registrations, once.
	for _, tt := range []struct {
		id   string
		want int
	}{{"audit", 1}, {"audit", 0}, {"nope", 0}} {
		if n, err := c.Undeploy(ctx, tt.id); err != nil || n != tt.want {
			t.Errorf("Undeploy(%s) = %d, %v; want %d", tt.id, n, err, tt.want)
		}
	}
	if _, err := c.Trigger(ctx, "Audit"); !errors.Is(err, ErrTriggerNotFound) {
		t.Errorf("Trigger after Undeploy = %v, want ErrTriggerNotFound", err)
	}

	for _, r := range regs {
		if r.Reader == "CommandReader" {
			continue // undeployed above
		}
		if err := c.Unregister(ctx, r.ID, &UnregisterOptions{AbortPending: true}); err != nil {
			t.Errorf("Unregister(%s): %v", r.ID, err)
		}
	}
	if err := c.Unregister(ctx, regs[0].ID, nil); !errors.Is(err, ErrNotRegistered) {
		t.Errorf("Unregister twice = %v, want ErrNotRegistered", err)
	}
}

func TestE2EAdmin(t *testing.T) {
	c, _ := startE2E(t)
	ctx := context.Background()
	vals, err := c.ConfigGet(ctx, "MaxExecutions", "NoSuchSetting")
	if err != nil || vals[0].Err != nil || vals[1].Err == nil {
		t.Errorf("ConfigGet = %+v, %v", vals, err)
	}
	set, err := c.ConfigSet(ctx, map[string]string{"MaxExecutions": "500", "myCustomKey": "x"})
	if err != nil || len(set) != 2 {
		t.Errorf("ConfigSet = %+v, %v", set, err)
	}
	if vals, _ := c.ConfigGet(ctx, "MaxExecutions"); len(vals) != 1 || fmt.Sprint(vals[0].Value) != "500" {
		t.Errorf("MaxExecutions after set = %+v", vals)
	}
	info, err := c.InfoCluster(ctx)
	if err != nil || info != nil {
		t.Errorf("InfoCluster standalone = %+v, %v; want nil, nil", info, err)
	}
	if err := c.RefreshCluster(ctx); err != nil {
		t.Errorf("RefreshCluster: %v", err)
	}
	stats, err := c.PyStats(ctx)
	if err != nil || len(stats) != 1 {
		t.Errorf("PyStats = %v, %v", stats, err)
	}
	plugins, err := c.DumpPlugins(ctx)
	if err != nil || len(plugins) == 0 {
		t.Errorf("DumpPlugins = %v, %v", plugins, err)
	}
	if _, err := c.PyDumpReqs(ctx); err != nil {
		t.Errorf("PyDumpReqs: %v", err)
	}
	if _, err := c.PyExportReq(ctx, "nope"); !errors.Is(err, ErrRequirementNotFound) {
		t.Errorf("PyExportReq(nope) = %v, want ErrRequirementNotFound", err)
	}
	var serr *Error
	if err := c.PyImportReq(ctx, "not a requirement"); !errors.As(err, &serr) || !strings.Contains(err.Error(), "Failed deserialize requirement") {
		t.Errorf("PyImportReq(junk) = %v, want the server's deserialize error as *Error", err)
	}
	_, err = c.PyExecute(ctx, "GB().run()", &PyExecuteOptions{Requirements: []string{"==invalid"}})
	if !errors.Is(err, ErrRequirements) {
		t.Errorf("PyExecute with an unknown requirement = %v, want ErrRequirements", err)
	}
}

// TestE2ENoGears runs against a plain redis-server: no rg module.
func TestE2ENoGears(t *testing.T) {
	srv := redistest.Start(t)
	rdb := redis.NewClient(&redis.Options{Addr: srv.Addr})
	defer rdb.Close()
	c := New(rdb)
	ctx := context.Background()
	if _, err := c.Version(ctx); !errors.Is(err, ErrNoGears) || !strings.Contains(err.Error(), "--loadmodule") {
		t.Errorf("Version on plain Redis = %v, want ErrNoGears naming --loadmodule", err)
	}
	if _, err := c.PyExecute(ctx, "GB().run()", nil); !errors.Is(err, ErrNoGears) {
		t.Errorf("PyExecute on plain Redis = %v, want ErrNoGears", err)
	}
	if _, err := c.PyExecute(ctx, "GB().run()", &PyExecuteOptions{ID: "x"}); !errors.Is(err, ErrNoGears) {
		t.Errorf("PyExecute with ID on plain Redis = %v, want ErrNoGears", err)
	}
}
