package transpile_test

import (
	"context"
	"encoding/json"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/gogears/gogears/emulator"
	"github.com/google/go-cmp/cmp"
	"github.com/redis/go-redis/v9"
)

// TestScriptsRunOnEmulator runs generated scripts end to end: RG.PYEXECUTE
// on the RedisGears emulator (CPython over a store), then decodes the JSON
// results as the client does (contract 1).
func TestScriptsRunOnEmulator(t *testing.T) {
	scripts := genScripts(t, "./testdata/gears/orders")
	e := emulator.RunT(t)
	ctx := context.Background()
	c := redis.NewClient(&redis.Options{Addr: e.Addr()})
	defer c.Close()
	for k, v := range map[string][]string{
		"order:1": {"status", "new", "customer", "Alice", "total", "30"},
		"order:2": {"status", "new", "customer", "bob", "total", "5"},
		"order:3": {"status", "paid", "customer", "alice", "total", "12"},
		"order:4": {"status", "paid", "customer", "Zoë", "total", "x"},
	} {
		if err := c.HSet(ctx, k, v).Err(); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.Set(ctx, "order:str", "not a hash", 0).Err(); err != nil {
		t.Fatal(err)
	}
	run := func(script string) []string {
		t.Helper()
		reply, err := c.Do(ctx, "RG.PYEXECUTE", script).Slice()
		if err != nil {
			t.Fatalf("RG.PYEXECUTE: %v", err)
		}
		if errs, _ := reply[1].([]any); len(errs) > 0 {
			t.Fatalf("execution errors: %v", errs)
		}
		var out []string
		for _, r := range reply[0].([]any) {
			out = append(out, strings.TrimSpace(r.(string)))
		}
		sort.Strings(out)
		return out
	}
	type group struct {
		Key   string `json:"key"`
		Value int    `json:"value"`
	}
	decode := func(rs []string) map[string]int {
		m := map[string]int{}
		for _, r := range rs {
			var g group
			if err := json.Unmarshal([]byte(r), &g); err != nil {
				t.Fatalf("result %q is not the JSON of a Group: %v", r, err)
			}
			m[g.Key] = g.Value
		}
		return m
	}
	if d := cmp.Diff(map[string]int{"new": 2, "paid": 2}, decode(run(scripts["CountByStatus"]))); d != "" {
		t.Errorf("CountByStatus (-want +got):\n%s", d)
	}
	if d := cmp.Diff(map[string]int{"alice": 42}, decode(run(scripts["Totals"]))); d != "" {
		t.Errorf("Totals (-want +got):\n%s", d)
	}
	// A registration: Schedule marks new orders pending and queues them.
	if err := c.Do(ctx, "RG.PYEXECUTE", scripts["Schedule"]).Err(); err != nil {
		t.Fatalf("register Schedule: %v", err)
	}
	if err := c.HSet(ctx, "order:9", "status", "new").Err(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		st, _ := c.HGet(ctx, "order:9", "status").Result()
		n, _ := c.XLen(ctx, "to_be_processed").Result()
		if st == "pending" && n == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("Schedule did not run: status %q, stream length %d", st, n)
		}
		time.Sleep(20 * time.Millisecond)
	}
	bound := strings.Replace(scripts["Totals"], "GG_PARAMS = {}", `GG_PARAMS = json.loads('{"min_total": 20}')`, 1)
	if d := cmp.Diff(map[string]int{"alice": 30}, decode(run(bound))); d != "" {
		t.Errorf("Totals with min_total=20 (-want +got):\n%s", d)
	}
}
