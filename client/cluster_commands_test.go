package client

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gogears/gogears/internal/redistest"
	"github.com/google/go-cmp/cmp"
	"github.com/redis/go-redis/v9"
	"github.com/tidwall/redcon"
)

// testCluster is a real 3-master Redis Cluster (redis-server
// --cluster-enabled yes, joined by redis-cli --cluster create) with a
// gearStub in front of each node. Each node announces its stub's port, so
// CLUSTER SLOTS and MOVED lead go-redis to the stubs; the stubs forward all
// Redis commands to their node and answer RG.* like one RedisGears shard.
type testCluster struct {
	stubs []*gearStub
	ids   []string // RedisGears shard id (= cluster node id) per stub
	execs []map[string][]string
	mu    sync.Mutex
}

func freeLoopbackPort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func startCluster(t *testing.T) *testCluster {
	t.Helper()
	if _, err := exec.LookPath("redis-cli"); err != nil {
		t.Fatalf("redis-cli not found on PATH: install it with `apt-get install -y redis-tools` (or run .ci/run)")
	}
	tc := &testCluster{}
	var real []string
	for i := 0; i < 3; i++ {
		stub := startStub(t, "")
		_, sp, _ := net.SplitHostPort(stub.Addr)
		bus := strconv.Itoa(freeLoopbackPort(t))
		srv := redistest.Start(t, redistest.WithArgs("--cluster-enabled", "yes",
			"--cluster-config-file", "nodes.conf", "--cluster-port", bus,
			"--cluster-announce-ip", "127.0.0.1", "--cluster-announce-port", sp, "--cluster-announce-bus-port", bus))
		stub.setUpstream(srv.Addr)
		real = append(real, srv.Addr)
		tc.stubs = append(tc.stubs, stub)
	}
	args := append([]string{"--cluster", "create"}, real...)
	args = append(args, "--cluster-replicas", "0", "--cluster-yes")
	out, err := exec.Command("redis-cli", args...).CombinedOutput()
	if err != nil {
		t.Fatalf("redis-cli --cluster create: %v\n%s", err, out)
	}
	ctx := context.Background()
	for i, addr := range real {
		rdb := redis.NewClient(&redis.Options{Addr: addr})
		id, err := rdb.ClusterMyID(ctx).Result()
		if err != nil {
			t.Fatalf("CLUSTER MYID on %s: %v", addr, err)
		}
		// Wait until this node sees the whole cluster as ok. The deadline
		// only bounds a hang: gossip is slow on a loaded 2-core machine.
		deadline := time.Now().Add(time.Minute)
		for {
			info, _ := rdb.ClusterInfo(ctx).Result()
			if strings.Contains(info, "cluster_state:ok") && strings.Contains(info, "cluster_known_nodes:3") {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("node %s not ok after a minute:\n%s", addr, info)
			}
			time.Sleep(50 * time.Millisecond)
		}
		rdb.Close()
		tc.ids = append(tc.ids, id)
		tc.execs = append(tc.execs, map[string][]string{})
		_ = i
	}
	for i := range tc.stubs {
		tc.installRG(i)
	}
	return tc
}

// installRG makes stub i answer like RedisGears shard tc.ids[i].
func (tc *testCluster) installRG(i int) {
	s := tc.stubs[i]
	s.handle("MODULE", moduleListReply)
	s.handle("RG.INFOCLUSTER", func(redcon.Conn, []string) any {
		var shards []any
		for j, st := range tc.stubs {
			host, port, _ := net.SplitHostPort(st.Addr)
			p, _ := strconv.Atoi(port)
			shards = append(shards, []any{"id", tc.ids[j], "ip", host, "port", redcon.SimpleInt(p), "unixSocket", "None",
				"runid", "run" + strconv.Itoa(j), "minHslot", redcon.SimpleInt(0), "maxHslot", redcon.SimpleInt(0),
				"pendingMessages", redcon.SimpleInt(0)})
		}
		return []any{"MyId", tc.ids[i], "MyRunId", "run" + strconv.Itoa(i), shards}
	})
	s.handle("RG.REFRESHCLUSTER", func(redcon.Conn, []string) any { return redcon.SimpleString("OK") })
	s.handle("RG.PYSTATS", func(redcon.Conn, []string) any {
		return []any{"TotalAllocated", redcon.SimpleInt(100 + i), "PeakAllocated", redcon.SimpleInt(10), "CurrAllocated", redcon.SimpleInt(i)}
	})
	lookup := func(id string) ([]string, bool) {
		tc.mu.Lock()
		defer tc.mu.Unlock()
		r, ok := tc.execs[i][id]
		return r, ok
	}
	notFound := redcon.SimpleError(errors.New("execution plan does not exist"))
	s.handle("RG.GETRESULTS", func(_ redcon.Conn, args []string) any {
		if r, ok := lookup(args[1]); ok {
			return resultsReply(r...)
		}
		return notFound
	})
	s.handle("RG.GETRESULTSBLOCKING", s.handler("RG.GETRESULTS"))
	s.handle("RG.GETEXECUTION", func(_ redcon.Conn, args []string) any {
		if _, ok := lookup(args[1]); ok {
			return []any{[]any{"shard_id", tc.ids[i], "execution_plan", []any{"status", "done", "results", redcon.SimpleInt(1), "errors", []any{}, "steps", []any{}}}}
		}
		return notFound
	})
	for _, name := range []string{"RG.DROPEXECUTION", "RG.ABORTEXECUTION"} {
		s.handle(name, func(_ redcon.Conn, args []string) any {
			if _, ok := lookup(args[1]); ok {
				return redcon.SimpleString("OK")
			}
			return notFound
		})
	}
	s.handle("RG.DUMPEXECUTIONS", func(redcon.Conn, []string) any {
		tc.mu.Lock()
		defer tc.mu.Unlock()
		var out []any
		for id := range tc.execs[i] {
			out = append(out, []any{"executionId", id, "status", "done", "registered", redcon.SimpleInt(0)})
		}
		return out
	})
	s.handle("RG.TRIGGERONKEY", func(redcon.Conn, []string) any { return []any{tc.ids[i]} })
}

func (tc *testCluster) addrs() []string {
	var out []string
	for _, s := range tc.stubs {
		out = append(out, s.Addr)
	}
	return out
}

func TestCluster(t *testing.T) {
	tc := startCluster(t)
	ctx := context.Background()
	rdb := redis.NewClusterClient(&redis.ClusterOptions{Addrs: tc.addrs()[:1], Protocol: 2})
	defer rdb.Close()
	c := New(rdb)

	// Redis itself works through the stubs: keys land on their masters.
	for i := 0; i < 20; i++ {
		if err := rdb.Set(ctx, fmt.Sprintf("k%d", i), i, 0).Err(); err != nil {
			t.Fatalf("SET through the cluster: %v", err)
		}
	}

	// One execution per shard; its id carries the shard id.
	for i, id := range tc.ids {
		tc.execs[i][id+"-1"] = []string{"from node " + strconv.Itoa(i)}
	}

	t.Run("id commands go to the owning shard", func(t *testing.T) {
		for i, id := range tc.ids {
			res, err := c.GetResults(ctx, id+"-1")
			if err != nil {
				t.Fatalf("GetResults(shard %d): %v", i, err)
			}
			if want := []any{"from node " + strconv.Itoa(i)}; !cmp.Equal(want, res.Values) {
				t.Errorf("GetResults(shard %d) = %v, want %v", i, res.Values, want)
			}
			if _, err := c.GetResultsBlocking(ctx, id+"-1"); err != nil {
				t.Errorf("GetResultsBlocking(shard %d): %v", i, err)
			}
			plans, err := c.GetExecution(ctx, id+"-1", ScopeShard)
			if err != nil || len(plans) != 1 || plans[0].ShardID != id {
				t.Errorf("GetExecution(shard %d) = %+v, %v", i, plans, err)
			}
			if err := c.AbortExecution(ctx, id+"-1"); err != nil {
				t.Errorf("AbortExecution(shard %d): %v", i, err)
			}
			if err := c.DropExecution(ctx, id+"-1"); err != nil {
				t.Errorf("DropExecution(shard %d): %v", i, err)
			}
		}
		for i, s := range tc.stubs {
			if n := s.count("RG.GETRESULTS"); n != 1 {
				t.Errorf("stub %d got RG.GETRESULTS %d times, want 1", i, n)
			}
		}
	})

	t.Run("raw go-redis would miss the owner", func(t *testing.T) {
		// An id whose hash slot lives on another master: go-redis routes a
		// raw RG.GETRESULTS by hashing the id, the typed client by its shard.
		for i, shard := range tc.ids {
			var id string
			for n := 2; id == "" && n < 200; n++ {
				cand := shard + "-" + strconv.Itoa(n)
				m, err := rdb.MasterForKey(ctx, cand)
				if err != nil {
					t.Fatal(err)
				}
				if m.Options().Addr != tc.stubs[i].Addr {
					id = cand
				}
			}
			tc.mu.Lock()
			tc.execs[i][id] = []string{"owned by " + strconv.Itoa(i)}
			tc.mu.Unlock()
			if err := rdb.Do(ctx, "RG.GETRESULTS", id).Err(); err == nil {
				t.Errorf("raw Do(RG.GETRESULTS %s) found it on a node that does not own it", id)
			}
			res, err := c.GetResults(ctx, id)
			if err != nil || !cmp.Equal(res.Values, []any{"owned by " + strconv.Itoa(i)}) {
				t.Errorf("GetResults(%s) = %v, %v; want the owner's results", id, res, err)
			}
			tc.mu.Lock()
			delete(tc.execs[i], id)
			tc.mu.Unlock()
		}
	})

	t.Run("unknown ids", func(t *testing.T) {
		_, err := c.GetResults(ctx, tc.ids[1]+"-99")
		if !errors.Is(err, ErrExecutionNotFound) {
			t.Errorf("GetResults(unknown seq) = %v, want ErrExecutionNotFound", err)
		}
		_, err = c.GetResults(ctx, strings.Repeat("f", 40)+"-1")
		if !errors.Is(err, ErrExecutionNotFound) {
			t.Errorf("GetResults(unknown shard) = %v, want ErrExecutionNotFound", err)
		}
	})

	t.Run("fan-out", func(t *testing.T) {
		if err := c.RefreshCluster(ctx); err != nil {
			t.Fatalf("RefreshCluster: %v", err)
		}
		for i, s := range tc.stubs {
			if n := s.count("RG.REFRESHCLUSTER"); n != 1 {
				t.Errorf("stub %d got RG.REFRESHCLUSTER %d times, want 1", i, n)
			}
		}
		stats, err := c.PyStats(ctx)
		if err != nil {
			t.Fatalf("PyStats: %v", err)
		}
		if len(stats) != 3 {
			t.Fatalf("PyStats returned %d nodes, want 3: %v", len(stats), stats)
		}
		for i, s := range tc.stubs {
			if st := stats[s.Addr]; st == nil || st.CurrAllocated != int64(i) {
				t.Errorf("PyStats[%s] = %+v, want CurrAllocated %d", s.Addr, st, i)
			}
		}
		execs, err := c.DumpExecutions(ctx)
		if err != nil || len(execs) != 3 {
			t.Errorf("DumpExecutions = %v, %v; want one execution per shard", execs, err)
		}
		info, err := c.InfoCluster(ctx)
		if err != nil || info == nil || len(info.Shards) != 3 {
			t.Errorf("InfoCluster = %+v, %v", info, err)
		}
		// Each shard keeps its own settings.
		for _, s := range tc.stubs {
			s.handle("RG.CONFIGSET", func(redcon.Conn, []string) any { return []any{redcon.SimpleString("OK")} })
		}
		res, err := c.ConfigSet(ctx, map[string]string{"MaxExecutions": "2000"})
		if err != nil || len(res) != 1 || res[0].Err != nil {
			t.Errorf("ConfigSet = %+v, %v; want one OK", res, err)
		}
		for i, s := range tc.stubs {
			if n := s.count("RG.CONFIGSET"); n != 1 {
				t.Errorf("stub %d got RG.CONFIGSET %d times, want 1", i, n)
			}
		}
	})

	t.Run("a failing node is named", func(t *testing.T) {
		tc.stubs[2].handle("RG.PYSTATS", func(redcon.Conn, []string) any { return redcon.SimpleError(errors.New("ERR out of memory")) })
		_, err := c.PyStats(ctx)
		if err == nil || !strings.Contains(err.Error(), "node "+tc.stubs[2].Addr) {
			t.Errorf("PyStats with a failing node = %v, want an error naming %s", err, tc.stubs[2].Addr)
		}
	})

	t.Run("TriggerOnKey runs on the key's shard", func(t *testing.T) {
		for _, key := range []string{"a", "b", "c", "user:{42}"} {
			got, err := c.TriggerOnKey(ctx, "T", key)
			if err != nil {
				t.Fatalf("TriggerOnKey(%s): %v", key, err)
			}
			master, err := rdb.MasterForKey(ctx, key)
			if err != nil {
				t.Fatal(err)
			}
			want := ""
			for i, s := range tc.stubs {
				if s.Addr == master.Options().Addr {
					want = tc.ids[i]
				}
			}
			if len(got) != 1 || got[0] != want {
				t.Errorf("TriggerOnKey(%s) ran on %v, want %s", key, got, want)
			}
		}
	})
}
