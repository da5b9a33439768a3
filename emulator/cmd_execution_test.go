package emulator

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestPyExecuteReplies checks the RG.PYEXECUTE reply for each kind of
// script, byte for byte, on both stores.
func TestPyExecuteReplies(t *testing.T) {
	tests := []struct {
		name   string
		setup  [][]string
		args   []string
		want   string
		prefix bool // want is a prefix of the reply
	}{
		{"no run", nil, []string{"x = 1"}, "+OK\r\n", false},
		{"empty script", nil, []string{""}, "+OK\r\n", false},
		{"execute no args", nil, []string{"GB('ShardsIDReader').map(lambda x: str(execute())).run()"}, "*2\r\n*1\r\n$2\r\n[]\r\n*0\r\n", false},
		{"run keys", [][]string{{"SET", "a", "1"}}, []string{"GB().map(lambda r: r['key']).run()"},
			"*2\r\n*1\r\n$1\r\na\r\n*0\r\n", false},
		{"record repr", [][]string{{"SET", "a", "1"}}, []string{"GB().run()"},
			"*2\r\n*1\r\n$59\r\n{'key': 'a', 'value': '1', 'type': 'string', 'event': None}\r\n*0\r\n", false},
		{"convertToStr False", nil, []string{"GB('PythonReader').run(lambda: (yield from [1, 2.5, 'x', '+OK', '-bad', [1, 'a'], {'a': 1}, None, True, b'\\x00']), convertToStr=False)"},
			"*2\r\n*10\r\n:1\r\n$8\r\n2.500000\r\n$1\r\nx\r\n+OK\r\n-bad\r\n*2\r\n:1\r\n$1\r\na\r\n$9\r\nPY RECORD\r\n$9\r\nPY RECORD\r\n:1\r\n$1\r\n\x00\r\n*0\r\n", false},
		{"minus string is an error", nil, []string{"GB('PythonReader').run(lambda: (yield -5))"},
			"*2\r\n*1\r\n-5\r\n*0\r\n", false},
		{"step error", nil, []string{"GB('PythonReader').map(lambda x: 1/x).run(lambda: (yield from [1, 0]))"},
			"*2\r\n*1\r\n$3\r\n1.0\r\n*1\r\n$", true},
		{"script error", nil, []string{"1/0"},
			"-['Traceback (most recent call last):\\n', '  File \"<string>\", line 1, in <module>\\n', 'ZeroDivisionError: division by zero\\n']\r\n", false},
		{"3.8 syntax", nil, []string{"if (x := 1): pass"},
			"-Error type: <class 'SyntaxError'>, Value: ", true},
		{"two runs", nil, []string{"GB('ShardsIDReader').run()\nGB('ShardsIDReader').run()"},
			"-['Traceback (most recent call last):\\n', '  File \"<string>\", line 2, in <module>\\n', 'gears.error: Can not run more then 1 executions in a single script\\n']\r\n", false},
		{"shards id", nil, []string{"GB('ShardsIDReader').run()"}, "*2\r\n*1\r\n$1\r\n1\r\n*0\r\n", false},
		{"unknown arg", nil, []string{"x = 1", "BOGUS"}, "-Unknown arguments were given: BOGUS\r\n", false},
		{"ID missing", nil, []string{"x = 1", "ID"}, "-ID is missing\r\n", false},
		{"bad ID", nil, []string{"x = 1", "ID", "a b"}, "-ID must be compose of: ['A'-'Z' | 'a'-'z' | '0' - '9' | '-' | '_']\r\n", false},
		{"DESCRIPTION missing", nil, []string{"x = 1", "DESCRIPTION"}, "-DESCRIPTION is missing\r\n", false},
		{"REPLACE_WITH missing", nil, []string{"x = 1", "REPLACE_WITH"}, "-REPLACE_WITH is missing\r\n", false},
		{"replace unknown", nil, []string{"x = 1", "ID", "n", "REPLACE_WITH", "old"}, "-Can not replace with old, session does not exists.\r\n", false},
		{"arity", nil, nil, "-ERR wrong number of arguments for 'RG.PYEXECUTE' command\r\n", false},
		{"command reader run", nil, []string{"GB('CommandReader').run()"}, "-['Traceback", true},
	}
	forEachStore(t, func(t *testing.T, e *Emulator) {
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				r := dialRaw(t, e.Addr())
				r.do("FLUSHALL")
				for _, s := range tt.setup {
					r.do(s...)
				}
				got := r.do(append([]string{"RG.PYEXECUTE"}, tt.args...)...)
				if tt.prefix {
					if !strings.HasPrefix(got, tt.want) {
						t.Errorf("RG.PYEXECUTE %q = %q, want prefix %q", tt.args, got, tt.want)
					}
					return
				}
				if diff := cmp.Diff(tt.want, got); diff != "" {
					t.Errorf("RG.PYEXECUTE %q: reply mismatch (-want +got):\n%s", tt.args, diff)
				}
			})
		}
	})
}

func TestUnblockingLifecycle(t *testing.T) {
	e, c := runWithClient(t)
	r := dialRaw(t, e.Addr())
	r.do("SET", "x", "1")
	id := mustDo(t, c, "RG.PYEXECUTE", "GB().map(lambda r: r['value']).run()", "UNBLOCKING").(string)
	if !strings.HasPrefix(id, strings.Repeat("0", 40)+"-") {
		t.Fatalf("execution id = %q, want <40 zeros>-<n>", id)
	}
	if got, want := r.do("RG.GETRESULTSBLOCKING", id), "*2\r\n*1\r\n$1\r\n1\r\n*0\r\n"; got != want {
		t.Errorf("RG.GETRESULTSBLOCKING = %q, want %q", got, want)
	}
	if got, want := r.do("RG.GETRESULTS", id), "*2\r\n*1\r\n$1\r\n1\r\n*0\r\n"; got != want {
		t.Errorf("RG.GETRESULTS = %q, want %q", got, want)
	}
	dump := r.do("RG.DUMPEXECUTIONS")
	if want := "*1\r\n*6\r\n$11\r\nexecutionId\r\n$42\r\n" + id + "\r\n$6\r\nstatus\r\n$4\r\ndone\r\n$10\r\nregistered\r\n:0\r\n"; dump != want {
		t.Errorf("RG.DUMPEXECUTIONS = %q, want %q", dump, want)
	}
	exec := mustDo(t, c, "RG.GETEXECUTION", id).([]any)
	plan := exec[0].([]any)
	if plan[0] != "shard_id" || plan[2] != "execution_plan" {
		t.Errorf("RG.GETEXECUTION = %v, want [shard_id ... execution_plan ...]", exec)
	}
	inner := plan[3].([]any)
	if inner[0] != "status" || inner[1] != "done" || inner[6] != "results" || inner[7] != int64(1) {
		t.Errorf("RG.GETEXECUTION plan = %v", inner)
	}
	if got := r.do("RG.GETEXECUTION", id, "CLUSTER"); got != "-no cluster detected - use RG.GETEXECUTION <id> [SHARD] instead\r\n" {
		t.Errorf("RG.GETEXECUTION CLUSTER = %q", got)
	}
	if got := r.do("RG.GETEXECUTION", id, "BAD"); got != "-unknown subcommand\r\n" {
		t.Errorf("RG.GETEXECUTION BAD = %q", got)
	}
	if got := r.do("RG.ABORTEXECUTION", id); got != "+OK\r\n" {
		t.Errorf("RG.ABORTEXECUTION on a done execution = %q, want +OK", got)
	}
	if got := r.do("RG.DROPEXECUTION", id); got != "+OK\r\n" {
		t.Errorf("RG.DROPEXECUTION = %q", got)
	}
	for _, cmd := range []string{"RG.GETRESULTS", "RG.GETRESULTSBLOCKING", "RG.DROPEXECUTION", "RG.GETEXECUTION"} {
		if got := r.do(cmd, id); got != "-execution plan does not exist\r\n" {
			t.Errorf("%s after drop = %q", cmd, got)
		}
	}
	if got := r.do("RG.ABORTEXECUTION", id); got != "-execution does not exist\r\n" {
		t.Errorf("RG.ABORTEXECUTION after drop = %q", got)
	}
	if got := r.do("RG.DUMPEXECUTIONS"); got != "*0\r\n" {
		t.Errorf("RG.DUMPEXECUTIONS after drop = %q", got)
	}
}

// TestAbortInfiniteLoop runs a gear that never ends, checks that plain
// commands from another client still work, and aborts it.
func TestAbortInfiniteLoop(t *testing.T) {
	e, c := runWithClient(t)
	r := dialRaw(t, e.Addr())
	id := mustDo(t, c, "RG.PYEXECUTE", "def spin(x):\n    while True:\n        pass\nGB('ShardsIDReader').map(spin).run()", "UNBLOCKING").(string)
	if got := r.do("RG.GETRESULTS", id); got != "-execution is still running\r\n" {
		t.Errorf("RG.GETRESULTS while running = %q", got)
	}
	if got := r.do("RG.DROPEXECUTION", id); got != "-can not drop a not yet finished execution, abort it first.\r\n" {
		t.Errorf("RG.DROPEXECUTION while running = %q", got)
	}
	// mustDo's deadline fails the test if the spinning gear wedges them;
	// how fast they are is for benchmarks.
	for i := 0; i < 100; i++ {
		mustDo(t, c, "SET", "k", i)
	}
	if got := r.do("RG.GETEXECUTION", id); !strings.Contains(got, "running") {
		t.Errorf("RG.GETEXECUTION = %q, want status running", got)
	}
	if got := r.do("RG.ABORTEXECUTION", id); got != "+OK\r\n" {
		t.Fatalf("RG.ABORTEXECUTION = %q", got)
	}
	if got := r.do("RG.DUMPEXECUTIONS"); !strings.Contains(got, "aborted") {
		t.Errorf("RG.DUMPEXECUTIONS after abort = %q, want status aborted", got)
	}
	// A sleep in C ignores the thrown exception: the worker is restarted.
	id = mustDo(t, c, "RG.PYEXECUTE", sleepingGear, "UNBLOCKING").(string)
	waitStarted(t, r)
	if got := r.do("RG.ABORTEXECUTION", id); got != "+OK\r\n" {
		t.Fatalf("RG.ABORTEXECUTION = %q", got)
	}
	eventually(t, "worker restart", func() bool {
		v, err := c.Do(t.Context(), "RG.PYEXECUTE", "GB('ShardsIDReader').run()").Result()
		return err == nil && v != nil
	})
}

func TestSessions(t *testing.T) {
	e, c := runWithClient(t)
	r := dialRaw(t, e.Addr())
	reg := "GB('CommandReader').map(lambda x: 'v1').register(trigger='t')"
	if got := r.do("RG.PYEXECUTE", reg, "ID", "s1", "DESCRIPTION", "first"); got != "+OK\r\n" {
		t.Fatalf("RG.PYEXECUTE ID s1 = %q", got)
	}
	if got := r.do("RG.PYEXECUTE", reg, "ID", "s1"); got != "-Session s1 already exists\r\n" {
		t.Errorf("reusing ID = %q", got)
	}
	v2 := "GB('CommandReader').map(lambda x: 'v2').register(trigger='t')"
	if got := r.do("RG.PYEXECUTE", v2, "ID", "s1", "UPGRADE"); got != "+OK\r\n" {
		t.Fatalf("UPGRADE = %q", got)
	}
	if got := r.do("RG.TRIGGER", "t"); got != "*1\r\n$2\r\nv2\r\n" {
		t.Errorf("RG.TRIGGER after UPGRADE = %q, want v2", got)
	}
	if n := len(mustDo(t, c, "RG.DUMPREGISTRATIONS").([]any)); n != 1 {
		t.Errorf("registrations after UPGRADE = %d, want 1", n)
	}
	// A failing upgrade keeps the old registrations.
	if got := r.do("RG.PYEXECUTE", "1/0", "ID", "s1", "UPGRADE"); !strings.HasPrefix(got, "-['Traceback") {
		t.Errorf("failing UPGRADE = %q", got)
	}
	if got := r.do("RG.TRIGGER", "t"); got != "*1\r\n$2\r\nv2\r\n" {
		t.Errorf("RG.TRIGGER after failed UPGRADE = %q, want v2", got)
	}
	if got := r.do("RG.PYEXECUTE", v2, "ID", "s1", "REPLACE_WITH", "s0"); got != "-Can not replace an existing session s1 with s0\r\n" {
		t.Errorf("REPLACE_WITH on existing = %q", got)
	}
	v3 := "GB('CommandReader').map(lambda x: 'v3').register(trigger='t')"
	if got := r.do("RG.PYEXECUTE", v3, "ID", "s2", "REPLACE_WITH", "s1"); got != "+OK\r\n" {
		t.Fatalf("REPLACE_WITH = %q", got)
	}
	if got := r.do("RG.TRIGGER", "t"); got != "*1\r\n$2\r\nv3\r\n" {
		t.Errorf("RG.TRIGGER after REPLACE_WITH = %q, want v3", got)
	}
	sessions := mustDo(t, c, "RG.PYDUMPSESSIONS").([]any)
	if len(sessions) != 1 || sessions[0].([]any)[1] != "s2" {
		t.Errorf("RG.PYDUMPSESSIONS = %v, want only s2", sessions)
	}
	if got := r.do("RG.PYDUMPSESSIONS", "SESSIONS", "nope"); got != "*1\r\n$28\r\nSession nope does not exists\r\n" {
		t.Errorf("RG.PYDUMPSESSIONS SESSIONS nope = %q", got)
	}
	// Run-only scripts keep no session: the same ID can be used again.
	for i := 0; i < 2; i++ {
		if got := r.do("RG.PYEXECUTE", "GB('ShardsIDReader').run()", "ID", "runonly"); got != "*2\r\n*1\r\n$1\r\n1\r\n*0\r\n" {
			t.Errorf("run-only with ID (%d) = %q", i, got)
		}
	}
}

func TestPyExecuteInMulti(t *testing.T) {
	e, _ := runWithClient(t)
	r := dialRaw(t, e.Addr())
	// Redis queues module commands; RedisGears refuses at EXEC.
	r.do("MULTI")
	if got := r.do("RG.PYEXECUTE", "x = 1"); got != "+QUEUED\r\n" {
		t.Errorf("RG.PYEXECUTE in MULTI = %q", got)
	}
	r.do("SET", "a", "1")
	if got := r.do("EXEC"); got != "*2\r\n-Can not run gears inside a multi exec, lua, or when blocking is not allowed\r\n+OK\r\n" {
		t.Errorf("EXEC = %q", got)
	}
}
