package client

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gogears/gogears/internal/redistest"
	"github.com/google/go-cmp/cmp"
	"github.com/redis/go-redis/v9"
	"github.com/tidwall/redcon"
)

// capture is a go-redis hook that records each command's arguments and
// answers it from reply, so argument tests need no server: the command
// never reaches a connection.
type capture struct {
	mu    sync.Mutex
	got   [][]any
	reply func(args []any) (any, error)
}

func (h *capture) DialHook(next redis.DialHook) redis.DialHook { return next }

func (h *capture) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return next
}

func (h *capture) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		h.mu.Lock()
		h.got = append(h.got, cmd.Args())
		h.mu.Unlock()
		var v any
		var err error
		if h.reply != nil {
			v, err = h.reply(cmd.Args())
		}
		if err != nil {
			cmd.SetErr(err)
			return err
		}
		cmd.(interface{ SetVal(any) }).SetVal(v)
		return nil
	}
}

func (h *capture) commands() [][]any {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([][]any(nil), h.got...)
}

// replyErr is an error reply as go-redis reports it.
type replyErr string

func (e replyErr) Error() string { return string(e) }
func (replyErr) RedisError()     {}

// moduleList is the MODULE LIST reply of a server running RedisGears v.
func moduleList(ver int64) []any {
	return []any{[]any{"name", "rg", "ver", ver, "path", "/opt/redisgears.so", "args", []any{}}}
}

// newCaptured returns a Client over a go-redis client that never connects:
// every command goes to h. MODULE LIST answers version ver.
func newCaptured(t *testing.T, ver int64, reply func(args []any) (any, error)) (*Client, *capture) {
	t.Helper()
	h := &capture{reply: func(args []any) (any, error) {
		if args[0] == "MODULE" {
			return moduleList(ver), nil
		}
		if reply == nil {
			return "OK", nil
		}
		return reply(args)
	}}
	rdb := redis.NewClient(&redis.Options{Addr: "127.0.0.1:1", MaxRetries: -1})
	rdb.AddHook(h)
	t.Cleanup(func() { rdb.Close() })
	return New(rdb), h
}

// TestArguments checks the exact arguments each method sends.
func TestArguments(t *testing.T) {
	ctx := context.Background()
	okReply := func(v any) func([]any) (any, error) {
		return func([]any) (any, error) { return v, nil }
	}
	results := []any{[]any{}, []any{}}
	tests := []struct {
		name  string
		reply func([]any) (any, error)
		call  func(c *Client) error
		want  []any
	}{
		{"PyExecute plain", okReply(results), func(c *Client) error { _, err := c.PyExecute(ctx, "GB().run()", nil); return err },
			[]any{"RG.PYEXECUTE", "GB().run()"}},
		{"PyExecute all options", okReply("OK"), func(c *Client) error {
			_, err := c.PyExecute(ctx, "s", &PyExecuteOptions{Unblocking: true, ID: "orders-v1", Description: "d", Upgrade: true,
				ReplaceWith: "old_1", ForceReinstallRequirements: true, Requirements: []string{"numpy==1.0", "rq"}})
			return err
		}, []any{"RG.PYEXECUTE", "s", "UNBLOCKING", "ID", "orders-v1", "DESCRIPTION", "d", "UPGRADE", "REPLACE_WITH", "old_1",
			"FORCE_REINSTALL_REQUIREMENTS", "REQUIREMENTS", "numpy==1.0", "rq"}},
		{"PyExecute unblocking requirements", okReply("0000000000000000000000000000000000000000-1"), func(c *Client) error {
			_, err := c.PyExecute(ctx, "s", &PyExecuteOptions{Unblocking: true, Requirements: []string{"a"}})
			return err
		}, []any{"RG.PYEXECUTE", "s", "UNBLOCKING", "REQUIREMENTS", "a"}},
		{"GetResults", okReply(results), func(c *Client) error { _, err := c.GetResults(ctx, "x-1"); return err },
			[]any{"RG.GETRESULTS", "x-1"}},
		{"GetResultsBlocking", okReply(results), func(c *Client) error { _, err := c.GetResultsBlocking(ctx, "x-1"); return err },
			[]any{"RG.GETRESULTSBLOCKING", "x-1"}},
		{"GetExecution default", okReply([]any{}), func(c *Client) error { _, err := c.GetExecution(ctx, "x-1", ScopeDefault); return err },
			[]any{"RG.GETEXECUTION", "x-1"}},
		{"GetExecution shard", okReply([]any{}), func(c *Client) error { _, err := c.GetExecution(ctx, "x-1", ScopeShard); return err },
			[]any{"RG.GETEXECUTION", "x-1", "SHARD"}},
		{"GetExecution cluster", okReply([]any{}), func(c *Client) error { _, err := c.GetExecution(ctx, "x-1", ScopeCluster); return err },
			[]any{"RG.GETEXECUTION", "x-1", "CLUSTER"}},
		{"DumpExecutions", okReply([]any{}), func(c *Client) error { _, err := c.DumpExecutions(ctx); return err },
			[]any{"RG.DUMPEXECUTIONS"}},
		{"DumpRegistrations", okReply([]any{}), func(c *Client) error { _, err := c.DumpRegistrations(ctx); return err },
			[]any{"RG.DUMPREGISTRATIONS"}},
		{"Unregister", nil, func(c *Client) error { return c.Unregister(ctx, "r-1", nil) }, []any{"RG.UNREGISTER", "r-1"}},
		{"Unregister abort pending", nil, func(c *Client) error { return c.Unregister(ctx, "r-1", &UnregisterOptions{AbortPending: true}) },
			[]any{"RG.UNREGISTER", "r-1", "ABORTPENDING"}},
		{"Trigger", okReply([]any{"1"}), func(c *Client) error { _, err := c.Trigger(ctx, "T", "a", 2); return err },
			[]any{"RG.TRIGGER", "T", "a", 2}},
		{"TriggerOnKey", okReply([]any{"1"}), func(c *Client) error { _, err := c.TriggerOnKey(ctx, "T", "k", "a"); return err },
			[]any{"RG.TRIGGERONKEY", "T", "k", "a"}},
		{"AbortExecution", nil, func(c *Client) error { return c.AbortExecution(ctx, "x-1") }, []any{"RG.ABORTEXECUTION", "x-1"}},
		{"DropExecution", nil, func(c *Client) error { return c.DropExecution(ctx, "x-1") }, []any{"RG.DROPEXECUTION", "x-1"}},
		{"InfoCluster", okReply("no cluster mode"), func(c *Client) error { _, err := c.InfoCluster(ctx); return err }, []any{"RG.INFOCLUSTER"}},
		{"RefreshCluster", nil, func(c *Client) error { return c.RefreshCluster(ctx) }, []any{"RG.REFRESHCLUSTER"}},
		{"PyStats", okReply([]any{"TotalAllocated", int64(1), "PeakAllocated", int64(2), "CurrAllocated", int64(3)}),
			func(c *Client) error { _, err := c.PyStats(ctx); return err }, []any{"RG.PYSTATS"}},
		{"PyDumpReqs", okReply([]any{}), func(c *Client) error { _, err := c.PyDumpReqs(ctx); return err }, []any{"RG.PYDUMPREQS"}},
		{"PyExportReq", okReply([]any{"meta", []any{"c1"}}), func(c *Client) error { _, err := c.PyExportReq(ctx, "numpy"); return err },
			[]any{"RG.PYEXPORTREQ", "numpy"}},
		{"PyImportReq", okReply("OK"), func(c *Client) error { return c.PyImportReq(ctx, "c1", "c2") }, []any{"RG.PYIMPORTREQ", "c1", "c2"}},
		{"PyDumpSessions", okReply([]any{}), func(c *Client) error { _, err := c.PyDumpSessions(ctx, nil); return err }, []any{"RG.PYDUMPSESSIONS"}},
		{"PyDumpSessions options", okReply([]any{}), func(c *Client) error {
			_, err := c.PyDumpSessions(ctx, &DumpSessionsOptions{Verbose: true, Dead: true, Sessions: []string{"a", "b"}})
			return err
		}, []any{"RG.PYDUMPSESSIONS", "VERBOSE", "DEAD", "SESSIONS", "a", "b"}},
		{"PyProfileStats", okReply("report"), func(c *Client) error { _, err := c.PyProfileStats(ctx, "s"); return err },
			[]any{"RG.PYPROFILE", "STATS", "s"}},
		{"PyProfileReset", nil, func(c *Client) error { return c.PyProfileReset(ctx, "s") }, []any{"RG.PYPROFILE", "RESET", "s"}},
		{"ConfigGet", okReply([]any{int64(1000), "1"}), func(c *Client) error { _, err := c.ConfigGet(ctx, "MaxExecutions", "X"); return err },
			[]any{"RG.CONFIGGET", "MaxExecutions", "X"}},
		{"ConfigSet sorted", okReply([]any{"OK", "OK"}), func(c *Client) error {
			_, err := c.ConfigSet(ctx, map[string]string{"b": "2", "a": "1"})
			return err
		}, []any{"RG.CONFIGSET", "a", "1", "b", "2"}},
		{"ClearRegistrationsStats", nil, func(c *Client) error { return c.ClearRegistrationsStats(ctx) }, []any{"RG.CLEARREGISTRATIONSSTATS"}},
		{"PauseRegistrations", nil, func(c *Client) error { return c.PauseRegistrations(ctx, "r-1") }, []any{"RG.PAUSEREGISTRATIONS", "r-1"}},
		{"UnpauseRegistrations", nil, func(c *Client) error { return c.UnpauseRegistrations(ctx, "r-1") }, []any{"RG.UNPAUSEREGISTRATIONS", "r-1"}},
		{"DumpPlugins", okReply([]any{[]any{"GearsPythonPlugin", int64(10213)}}), func(c *Client) error { _, err := c.DumpPlugins(ctx); return err },
			[]any{"RG.DUMPPLUGINS"}},
		{"Version", nil, func(c *Client) error { _, err := c.Version(ctx); return err }, []any{"MODULE", "LIST"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, h := newCaptured(t, 10213, tt.reply)
			if err := tt.call(c); err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			cmds := h.commands()
			got := cmds[len(cmds)-1]
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s sent %v, want %v (-want +got):\n%s", tt.name, got, tt.want, diff)
			}
		})
	}
}

// TestVersionGate checks that 1.2-only options and commands fail with
// ErrVersion on a 1.0 server before anything else is sent, and that the
// version is detected once.
func TestVersionGate(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name string
		ver  int64
		call func(c *Client) error
	}{
		{"ID", 10009, func(c *Client) error { _, err := c.PyExecute(ctx, "s", &PyExecuteOptions{ID: "a"}); return err }},
		{"Description", 10009, func(c *Client) error {
			_, err := c.PyExecute(ctx, "s", &PyExecuteOptions{Description: "a"})
			return err
		}},
		{"ReplaceWith", 10009, func(c *Client) error {
			_, err := c.PyExecute(ctx, "s", &PyExecuteOptions{ReplaceWith: "a"})
			return err
		}},
		{"ForceReinstall on 1.2.3", 10203, func(c *Client) error {
			_, err := c.PyExecute(ctx, "s", &PyExecuteOptions{ForceReinstallRequirements: true})
			return err
		}},
		{"TriggerOnKey", 10009, func(c *Client) error { _, err := c.TriggerOnKey(ctx, "t", "k"); return err }},
		{"PyDumpSessions", 10009, func(c *Client) error { _, err := c.PyDumpSessions(ctx, nil); return err }},
		{"PyProfileStats", 10009, func(c *Client) error { _, err := c.PyProfileStats(ctx, "s"); return err }},
		{"PyProfileReset", 10009, func(c *Client) error { return c.PyProfileReset(ctx, "s") }},
		{"ClearRegistrationsStats", 10009, func(c *Client) error { return c.ClearRegistrationsStats(ctx) }},
		{"PauseRegistrations", 10009, func(c *Client) error { return c.PauseRegistrations(ctx, "r") }},
		{"UnpauseRegistrations", 10009, func(c *Client) error { return c.UnpauseRegistrations(ctx, "r") }},
		{"DumpPlugins", 10009, func(c *Client) error { _, err := c.DumpPlugins(ctx); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, h := newCaptured(t, tt.ver, nil)
			err := tt.call(c)
			if !errors.Is(err, ErrVersion) {
				t.Fatalf("%s on %d = %v, want ErrVersion", tt.name, tt.ver, err)
			}
			if !strings.Contains(err.Error(), "upgrade RedisGears") {
				t.Errorf("error %q does not name the fix", err)
			}
			for _, cmd := range h.commands() {
				if cmd[0] != "MODULE" {
					t.Errorf("%s sent %v despite the version gate", tt.name, cmd)
				}
			}
			// A second call must not ask MODULE LIST again.
			_ = tt.call(c)
			if n := len(h.commands()); n != 1 {
				t.Errorf("%s sent %d commands over two calls, want 1 (cached MODULE LIST)", tt.name, n)
			}
		})
	}
}

func TestVersionNoGears(t *testing.T) {
	h := &capture{reply: func([]any) (any, error) {
		return []any{[]any{"name", "search", "ver", int64(20000)}}, nil
	}}
	rdb := redis.NewClient(&redis.Options{Addr: "127.0.0.1:1"})
	rdb.AddHook(h)
	defer rdb.Close()
	_, err := New(rdb).Version(context.Background())
	if !errors.Is(err, ErrNoGears) {
		t.Fatalf("Version without rg = %v, want ErrNoGears", err)
	}
}

func TestWithVersionSkipsDetection(t *testing.T) {
	h := &capture{reply: func([]any) (any, error) { return "OK", nil }}
	rdb := redis.NewClient(&redis.Options{Addr: "127.0.0.1:1"})
	rdb.AddHook(h)
	defer rdb.Close()
	c := New(rdb, WithVersion(ModuleVersion{1, 2, 13}))
	if _, err := c.PyExecute(context.Background(), "s", &PyExecuteOptions{ID: "x"}); err != nil {
		t.Fatal(err)
	}
	if got := h.commands(); len(got) != 1 || got[0][0] != "RG.PYEXECUTE" {
		t.Errorf("commands = %v, want only RG.PYEXECUTE", got)
	}
}

func TestPyExecuteInvalidArguments(t *testing.T) {
	c, h := newCaptured(t, 10213, nil)
	for _, o := range []*PyExecuteOptions{{ID: "has space"}, {ID: "a.b"}, {Upgrade: true}} {
		_, err := c.PyExecute(context.Background(), "s", o)
		if !errors.Is(err, ErrInvalidArgument) {
			t.Errorf("PyExecute(%+v) = %v, want ErrInvalidArgument", o, err)
		}
	}
	if n := len(h.commands()); n != 0 {
		t.Errorf("sent %d commands for invalid options, want 0", n)
	}
	// The bad ID is shown escaped, so a newline or quote in it is visible.
	_, err := c.PyExecute(context.Background(), "s", &PyExecuteOptions{ID: "a\"b\n"})
	if want := `session ID "a\"b\n" may only`; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("PyExecute(ID with quote and newline) = %v, want it to contain %s", err, want)
	}
}

// allCalls calls every command method once; used to feed each one odd replies.
func allCalls(ctx context.Context) map[string]func(c *Client) error {
	two := func(_ any, err error) error { return err }
	return map[string]func(c *Client) error{
		"PyExecute":               func(c *Client) error { return two(c.PyExecute(ctx, "s", nil)) },
		"GetResults":              func(c *Client) error { return two(c.GetResults(ctx, "a-1")) },
		"GetResultsBlocking":      func(c *Client) error { return two(c.GetResultsBlocking(ctx, "a-1")) },
		"GetExecution":            func(c *Client) error { return two(c.GetExecution(ctx, "a-1", ScopeDefault)) },
		"DumpExecutions":          func(c *Client) error { return two(c.DumpExecutions(ctx)) },
		"DumpRegistrations":       func(c *Client) error { return two(c.DumpRegistrations(ctx)) },
		"Unregister":              func(c *Client) error { return c.Unregister(ctx, "r", nil) },
		"Trigger":                 func(c *Client) error { return two(c.Trigger(ctx, "t")) },
		"TriggerOnKey":            func(c *Client) error { return two(c.TriggerOnKey(ctx, "t", "k")) },
		"AbortExecution":          func(c *Client) error { return c.AbortExecution(ctx, "a-1") },
		"DropExecution":           func(c *Client) error { return c.DropExecution(ctx, "a-1") },
		"InfoCluster":             func(c *Client) error { return two(c.InfoCluster(ctx)) },
		"RefreshCluster":          func(c *Client) error { return c.RefreshCluster(ctx) },
		"PyStats":                 func(c *Client) error { return two(c.PyStats(ctx)) },
		"PyDumpReqs":              func(c *Client) error { return two(c.PyDumpReqs(ctx)) },
		"PyExportReq":             func(c *Client) error { return two(c.PyExportReq(ctx, "n")) },
		"PyImportReq":             func(c *Client) error { return c.PyImportReq(ctx, "c") },
		"PyDumpSessions":          func(c *Client) error { return two(c.PyDumpSessions(ctx, nil)) },
		"PyProfileStats":          func(c *Client) error { return two(c.PyProfileStats(ctx, "s")) },
		"PyProfileReset":          func(c *Client) error { return c.PyProfileReset(ctx, "s") },
		"ConfigGet":               func(c *Client) error { return two(c.ConfigGet(ctx, "a")) },
		"ConfigSet":               func(c *Client) error { return two(c.ConfigSet(ctx, map[string]string{"a": "1"})) },
		"ClearRegistrationsStats": func(c *Client) error { return c.ClearRegistrationsStats(ctx) },
		"PauseRegistrations":      func(c *Client) error { return c.PauseRegistrations(ctx, "r") },
		"UnpauseRegistrations":    func(c *Client) error { return c.UnpauseRegistrations(ctx, "r") },
		"DumpPlugins":             func(c *Client) error { return two(c.DumpPlugins(ctx)) },
	}
}

// TestOddReplies feeds every method replies of the wrong shape: each must
// return nil or a typed error, never panic.
func TestOddReplies(t *testing.T) {
	odd := []any{nil, "x", int64(7), []any{}, []any{nil}, []any{int64(1), "a"}, []any{[]any{"k"}}, []any{"a", []any{int64(1)}},
		[]any{[]any{"id", []any{}, "RegistrationData", "x", "execution_plan", int64(1)}}, map[any]any{"a": int64(1)}}
	for name, call := range allCalls(context.Background()) {
		for _, reply := range odd {
			c, _ := newCaptured(t, 10213, func([]any) (any, error) { return reply, nil })
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Errorf("%s with reply %#v panicked: %v", name, reply, r)
					}
				}()
				err := call(c)
				var e *Error
				var ge *GearError
				if err != nil && !errors.As(err, &e) && !errors.As(err, &ge) {
					t.Errorf("%s with reply %#v = %T %v, want *Error", name, reply, err, err)
				}
			}()
		}
	}
}

// TestTransportFailures checks timeouts, cancellation and a server going
// away mid-call: each gives a typed error and none hangs. The go-redis
// client has no read timeout, so only the client's own context handling
// can end the calls that the stub never answers.
func TestTransportFailures(t *testing.T) {
	stub := startStub(t, "")
	release := make(chan struct{})
	defer close(release)
	stub.handle("MODULE", moduleListReply)
	stub.handle("RG.GETRESULTSBLOCKING", func(redcon.Conn, []string) any {
		<-release // never answers while the test runs
		return resultsReply()
	})
	stub.handle("RG.GETRESULTS", func(conn redcon.Conn, _ []string) any {
		conn.NetConn().Close() // the server goes away mid-call
		return nil
	})
	newClient := func(o *redis.Options) *Client {
		o.Addr = stub.Addr
		rdb := redis.NewClient(o)
		t.Cleanup(func() { rdb.Close() })
		return New(rdb)
	}

	t.Run("context deadline", func(t *testing.T) {
		c := newClient(&redis.Options{ReadTimeout: -1})
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		defer cancel()
		_, err := c.GetResultsBlocking(ctx, "a-1")
		if !errors.Is(err, ErrTimeout) || !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("GetResultsBlocking past the deadline = %v, want ErrTimeout and context.DeadlineExceeded", err)
		}
	})
	t.Run("context canceled", func(t *testing.T) {
		c := newClient(&redis.Options{ReadTimeout: -1})
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(50*time.Millisecond, cancel)
		_, err := c.GetResultsBlocking(ctx, "a-1")
		if !errors.Is(err, ErrCanceled) || !errors.Is(err, context.Canceled) {
			t.Errorf("GetResultsBlocking canceled = %v, want ErrCanceled and context.Canceled", err)
		}
		// Already canceled: nothing is sent.
		n := stub.count("RG.TRIGGER")
		if _, err := c.Trigger(ctx, "t"); !errors.Is(err, ErrCanceled) || stub.count("RG.TRIGGER") != n {
			t.Errorf("Trigger with a canceled context = %v, want ErrCanceled and nothing sent", err)
		}
	})
	t.Run("read timeout", func(t *testing.T) {
		c := newClient(&redis.Options{ReadTimeout: 100 * time.Millisecond, MaxRetries: -1})
		_, err := c.GetResultsBlocking(context.Background(), "a-1")
		if !errors.Is(err, ErrTimeout) {
			t.Errorf("GetResultsBlocking past ReadTimeout = %v, want ErrTimeout", err)
		}
	})
	t.Run("server goes away", func(t *testing.T) {
		c := newClient(&redis.Options{})
		_, err := c.GetResults(context.Background(), "a-1")
		if !errors.Is(err, ErrConnection) {
			t.Errorf("GetResults on a dropped connection = %v, want ErrConnection", err)
		}
	})
	t.Run("non-idempotent commands are sent once", func(t *testing.T) {
		stub.handle("RG.TRIGGER", func(conn redcon.Conn, _ []string) any {
			conn.NetConn().Close() // the trigger ran, then the connection died
			return nil
		})
		c := newClient(&redis.Options{MaxRetries: 3})
		if _, err := c.Trigger(context.Background(), "T"); !errors.Is(err, ErrConnection) {
			t.Errorf("Trigger on a dropped connection = %v, want ErrConnection", err)
		}
		if n := stub.count("RG.TRIGGER"); n != 1 {
			t.Errorf("typed Trigger reached the server %d times, want 1", n)
		}
		_ = c.Redis().Do(context.Background(), "RG.TRIGGER", "T").Err()
		if n := stub.count("RG.TRIGGER"); n <= 2 {
			t.Errorf("raw Do reached the server %d times in all; the test expects go-redis to retry it", n)
		}
	})
	t.Run("server down", func(t *testing.T) {
		srv := redistest.Start(t)
		rdb := redis.NewClient(&redis.Options{Addr: srv.Addr, MaxRetries: -1})
		defer rdb.Close()
		srv.Stop()
		_, err := New(rdb).Version(context.Background())
		if !errors.Is(err, ErrConnection) {
			t.Errorf("Version on a stopped redis-server = %v, want ErrConnection", err)
		}
	})
}
