package emulator

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/gogears/gogears/internal/python"
	"github.com/google/go-cmp/cmp"
	"github.com/redis/go-redis/v9"
)

// TestOperations runs every operation through RG.PYEXECUTE and checks the
// documented semantics and quirks. Results come back as go-redis values.
func TestOperations(t *testing.T) {
	const nums = "GB('PythonReader')"
	gen := func(xs string) string { return ".run(lambda: (yield from " + xs + "))" }
	tests := []struct {
		name   string
		script string
		want   any
	}{
		{"map", nums + ".map(lambda x: x * 2)" + gen("[1, 2]"), []any{"2", "4"}},
		{"flatmap reverses lists", nums + ".flatmap(lambda x: [x, x + 10])" + gen("[1]"), []any{"11", "1"}},
		{"flatmap keeps tuples", nums + ".flatmap(lambda x: (x, x))" + gen("[1]"), []any{"(1, 1)"}},
		{"filter", nums + ".filter(lambda x: x > 1)" + gen("[1, 2, 3]"), []any{"2", "3"}},
		{"foreach", nums + ".foreach(lambda x: x + 1)" + gen("[1]"), []any{"1"}},
		{"accumulate", nums + ".accumulate(lambda a, x: (a or 0) + x)" + gen("[1, 2, 3]"), []any{"6"}},
		{"accumulate empty", nums + ".accumulate(lambda a, x: x)" + gen("[]"), []any{}},
		{"localgroupby", nums + ".localgroupby(lambda x: x % 2, lambda k, a, x: (a or 0) + x)" + gen("[1, 2, 3]"),
			[]any{"{'key': '1', 'value': 4}", "{'key': '0', 'value': 2}"}},
		{"groupby", nums + ".groupby(lambda x: 'k', lambda k, a, x: (a or []) + [x])" + gen("[1, 2]"),
			[]any{"{'key': 'k', 'value': [1, 2]}"}},
		{"batchgroupby", nums + ".batchgroupby(lambda x: x % 2, lambda k, xs: len(xs))" + gen("[1, 2, 3]"),
			[]any{"{'key': '1', 'value': 2}", "{'key': '0', 'value': 1}"}},
		{"limit", nums + ".limit(2, 1)" + gen("[1, 2, 3, 4]"), []any{"2", "3"}},
		{"limit stops the reader", "def g():\n    i = 0\n    while True:\n        i += 1\n        yield i\nGB('PythonReader').limit(3).run(g)", []any{"1", "2", "3"}},
		{"collect", nums + ".collect()" + gen("[1]"), []any{"1"}},
		{"repartition", nums + ".repartition(lambda x: str(x))" + gen("[1]"), []any{"1"}},
		{"aggregate", nums + ".aggregate(0, lambda a, x: a + x, lambda a, x: a + x)" + gen("[1, 2, 3]"), []any{"6"}},
		{"aggregateby", nums + ".aggregateby(lambda x: 'k', 0, lambda k, a, x: a + x, lambda k, a, x: a + x)" + gen("[1, 2]"),
			[]any{"{'key': 'k', 'value': 3}"}},
		{"count", nums + ".count()" + gen("['a', 'b']"), []any{"2"}},
		{"count empty", nums + ".count()" + gen("[]"), []any{}},
		{"countby", nums + ".countby()" + gen("['a', 'b', 'a']"), []any{"{'key': 'a', 'value': 2}", "{'key': 'b', 'value': 1}"}},
		{"countby keys are strings", nums + ".countby(lambda x: x)" + gen("[1]"), []any{"{'key': '1', 'value': 1}"}},
		{"sort default is ascending", nums + ".sort()" + gen("['y', 'z', 'x']"), []any{"x", "y", "z"}},
		{"sort reverse False is descending", nums + ".sort(reverse=False)" + gen("[2, 3, 1]"), []any{"3", "2", "1"}},
		{"distinct", nums + ".distinct().count()" + gen("[1, 1, 2]"), []any{"2"}},
		{"avg", nums + ".avg()" + gen("['1', '2']"), []any{"1.5"}},
		{"avg empty", nums + ".avg()" + gen("[]"), []any{}},
		{"avg float", nums + ".avg(lambda x: x).run(lambda: (yield from [1, 2]), convertToStr=False)", []any{"1.500000"}},
		{"async step", "async def f(x):\n    return x + 1\nGB('PythonReader').map(f)" + gen("[1]"), []any{"2"}},
		{"gearsFuture", "import threading\ndef f(x):\n    fu = gearsFuture()\n    threading.Timer(0.01, lambda: fu.continueRun(x * 3)).start()\n    return fu\nGB('PythonReader').map(f)" + gen("[2]"), []any{"6"}},
		{"flat_error", nums + ".map(lambda x: (_ for _ in ()).throw(flat_error('plain')))" + gen("[1]"), []any{}},
		{"flat_error raises", nums + ".map(lambda x: [flat_error('plain'), x][1])" + gen("[1]"), []any{}},
		{"execute", "GB('ShardsIDReader').map(lambda x: execute('SET', 'k', 'v') + execute('GET', 'k')).run()", []any{"OKv"}},
		{"execute error raises", "def f(x):\n    try:\n        execute('INCR', 'k')\n    except Exception as e:\n        return type(e).__name__ + ' ' + str(e)\nGB('ShardsIDReader').map(f).run()",
			[]any{"error ERR value is not an integer or out of range"}},
		{"atomic", "def f(x):\n    with atomic():\n        execute('SET', 'a', '1')\n        return execute('GET', 'a')\nGB('ShardsIDReader').map(f).run()", []any{"1"}},
		{"nested atomic", "def f(x):\n    with atomic():\n        with atomic():\n            pass\nGB('ShardsIDReader').map(f).run()", nil},
		{"RG commands from a gear", "GB('ShardsIDReader').map(lambda x: [execute('RG.INFOCLUSTER'), execute('MODULE', 'LIST')[0][1]]).run()", []any{"['no cluster mode', 'rg']"}},
		{"hashtag", "GB('ShardsIDReader').map(lambda x: hashtag()).run()", []any{"06S"}},
		{"print and input do not break the worker", "print('to stderr')\ndef f(x):\n    print('x' * 100000)\n    try:\n        return input()\n    except EOFError:\n        return 'eof'\nGB('ShardsIDReader').map(f).run()", []any{"eof"}},
		{"log", "GB('ShardsIDReader').map(lambda x: log('hi') or 'logged').run()", []any{"logged"}},
		{"configGet", "GB('ShardsIDReader').map(lambda x: str(configGet('nope')) + gearsConfigGet('nope', 'd')).run()", []any{"Noned"}},
		{"await run", "async def f(x):\n    res = await GB('PythonReader').run(lambda: (yield 5))\n    return res\nGB('ShardsIDReader').map(f).run()", []any{"[['5'], []]"}},
	}
	_, c := runWithClient(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustDo(t, c, "RG.PYEXECUTE", tt.script).([]any)
			if tt.want == nil {
				if len(got[1].([]any)) != 1 {
					t.Errorf("RG.PYEXECUTE %q = %v, want one error", tt.script, got)
				}
				return
			}
			if diff := cmp.Diff(tt.want, got[0]); diff != "" {
				t.Errorf("RG.PYEXECUTE %q results mismatch (-want +got):\n%s\nerrors: %v", tt.script, diff, got[1])
			}
		})
	}
}

// TestReadersRun runs every reader in run form.
func TestReadersRun(t *testing.T) {
	forEachStore(t, func(t *testing.T, e *Emulator) {
		r := dialRaw(t, e.Addr())
		r.do("FLUSHALL")
		r.do("SET", "s", "1")
		r.do("HSET", "h", "f", "v")
		r.do("RPUSH", "l", "a", "b")
		r.do("SADD", "set", "m")
		r.do("XADD", "st", "1-1", "f", "v")
		r.do("XADD", "st", "1-2", "f", "w")
		tests := []struct {
			script string
			want   []string
		}{
			{"GB().map(lambda r: (r['key'], r['type'], r['value'])).sort().run()",
				[]string{"('h', 'hash', {'f': 'v'})", "('l', 'list', ['a', 'b'])", "('s', 'string', '1')", "('set', 'set', None)", "('st', 'unknown', None)"}},
			{"GB().map(lambda r: str(r)).sort().run('se*', readValue=False)", []string{"{'key': 'set', 'event': None}"}},
			{"GB().run('nokey', noScan=True)", []string{"{'key': 'nokey', 'value': None, 'type': 'empty', 'event': None}"}},
			{"GB('KeysOnlyReader').sort().run('s*')", []string{"s", "set", "st"}},
			{"GB('KeysOnlyReader').run('h', noScan=True)", []string{"h"}},
			{"GB('StreamReader').map(lambda r: r['id'] + r['value']['f']).run('st')", []string{"1-1v", "1-2w"}},
			{"GB('StreamReader').map(lambda r: r['id']).run('st', fromId='1-1')", []string{"1-2"}},
			{"GB('PythonReader').run(lambda: (yield 'p'))", []string{"p"}},
			{"GB('ShardsIDReader').run()", []string{"1"}},
		}
		for _, tt := range tests {
			got := r.do("RG.PYEXECUTE", tt.script)
			want := "*2\r\n" + respBulks(tt.want...) + "*0\r\n"
			if got != want {
				t.Errorf("RG.PYEXECUTE %q = %q, want %q", tt.script, got, want)
			}
		}
	})
}

// TestAPIErrors checks the runtime's argument errors.
func TestAPIErrors(t *testing.T) {
	tests := []struct {
		script, want string
	}{
		{"GB(1)", "reader argument must be a string"},
		{"GB('Nope')", "reader does not exists"},
		{"GB().map(str)", "map argument must be a function"},
		{"GB().filter(1)", "filter argument must be a function"},
		{"GB().groupby(1, lambda k, a, r: a)", "groupby extractor argument must be a function"},
		{"GB().batchgroupby(lambda r: r, 1)", "batchgroupby reducer argument must be a function"},
		{"GB().limit('1')", "limit argument must be a number"},
		{"GB().run(mode='sync')", "unknown execution mode"},
		{"GB().register(mode=1)", "execution mode must be a string"},
		{"GB().register(prefix=1)", "regex argument must be a string"},
		{"GB().register(keyTypes=['bogus'])", "unknown key type"},
		{"GB().run(readValue=1)", "readValue value is not boolean"},
		{"GB('CommandReader').register()", "no trigger or hook argument was given"},
		{"GB('CommandReader').register(trigger='a', hook='b')", "trigger argument can not be given with keyprefix or hook"},
		{"GB('PythonReader').register()", "does not support register"},
		{"GB('PythonReader').run(1)", "pyreader argument must be a function"},
		{"GB('PythonReader').run()", "pyreader argument must be a function"},
		{"GB('KeysOnlyReader').run('*', mode='async')", "TypeError"},
		{"GB().register(onRegistered=1)", "OnRegistered argument must be a function"},
		{"log(1)", "Log message must be a string"},
		{"call_next('x')", "Can not get CommandHook ctx"},
		{"b = GB()\nb.run()\nb.map(lambda x: x)", "invalid execution was used, execution was already run/registered"},
	}
	e, _ := runWithClient(t)
	r := dialRaw(t, e.Addr())
	for _, tt := range tests {
		got := r.do("RG.PYEXECUTE", tt.script)
		if !strings.HasPrefix(got, "-") || !strings.Contains(got, tt.want) {
			t.Errorf("RG.PYEXECUTE %q = %q, want an error containing %q", tt.script, got, tt.want)
		}
	}
}

// respBulks encodes xs as a RESP array of bulk strings.
func respBulks(xs ...string) string {
	s := fmt.Sprintf("*%d\r\n", len(xs))
	for _, x := range xs {
		s += fmt.Sprintf("$%d\r\n%s\r\n", len(x), x)
	}
	return s
}

// TestPythonRuntime runs the runtime's own unit tests
// (python/test_gears_runtime.py) in python3, with a fake host.
func TestPythonRuntime(t *testing.T) {
	py, err := python.Path()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(py, "-m", "unittest", "-q", "test_gears_runtime")
	cmd.Dir = "python"
	cmd.Env = append(os.Environ(), "PYTHONDONTWRITEBYTECODE=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("python3 -m unittest test_gears_runtime: %v\n%s", err, out)
	}
}

// TestPythonFilesParseAs37 checks the runtime itself against the 3.7 grammar.
func TestPythonFilesParseAs37(t *testing.T) {
	var srcs []string
	for _, name := range []string{"python/gears_runtime.py", "python/worker.py"} {
		data, err := pythonFiles.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, string(data))
	}
	errs, err := python.Check37(srcs)
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range errs {
		if e != nil {
			t.Errorf("file %d does not parse as Python 3.7: %v", i, e)
		}
	}
}

// flat_error raises, as in RedisGears: the step stops there and the record
// error is exactly the message.
func TestFlatErrorRaises(t *testing.T) {
	_, c := runWithClient(t)
	got := mustDo(t, c, "RG.PYEXECUTE", "def f(x):\n    flat_error('usage: f <n>')\n    return 'ran on'\nGB('ShardsIDReader').map(f).run()").([]any)
	if diff := cmp.Diff([]any{[]any{}, []any{"usage: f <n>"}}, got); diff != "" {
		t.Errorf("flat_error then return: reply mismatch (-want +got):\n%s", diff)
	}
}

// TestAtomicExcludesClients runs a slow read-modify-write in atomic()
// while a client increments the same key: no update is lost.
func TestAtomicExcludesClients(t *testing.T) {
	forEachStore(t, func(t *testing.T, e *Emulator) {
		r := dialRaw(t, e.Addr())
		r.do("SET", "k", "10")
		id := r.do("RG.PYEXECUTE", "import time\ndef f(x):\n    with atomic():\n        v = int(execute('GET', 'k'))\n        execute('SET', 'started', '1')\n        time.sleep(0.3)\n        execute('SET', 'k', str(v + 1))\nGB('ShardsIDReader').foreach(f).run()", "UNBLOCKING")
		eventually(t, "atomic block started", func() bool { return r.do("EXISTS", "started") == ":1\r\n" })
		if got := r.do("INCR", "k"); got != ":12\r\n" {
			t.Errorf("INCR k during an atomic block = %q, want :12 (after the block)", got)
		}
		v, _, _ := parseReply([]byte(id))
		r.do("RG.GETRESULTSBLOCKING", string(v.([]byte)))
		// A sync registration fired from inside the block runs inside it.
		r.do("RG.PYEXECUTE", "GB().foreach(lambda x: execute('INCR', 'inner')).register(prefix='w', mode='sync')")
		got := r.do("RG.PYEXECUTE", "def f(x):\n    with atomic():\n        execute('SET', 'w', '1')\n        return execute('GET', 'inner')\nGB('ShardsIDReader').map(f).run()")
		if got != "*2\r\n*1\r\n$1\r\n1\r\n*0\r\n" {
			t.Errorf("sync registration inside atomic = %q", got)
		}
	})
}

// TestMarkerShapedDicts runs gears whose data are dicts shaped like the
// worker protocol's markers for bytes and errors: they stay plain data.
func TestMarkerShapedDicts(t *testing.T) {
	_, c := runWithClient(t)
	script := `
def f(x):
    execute('HSET', 'h:1', 'b', 'aGk=')
    execute('HSET', 'h:2', 'e', 'boom')
    execute('SET', 's', {'e': 'x'})
    return [{'b': 'aGk='}, execute('GET', 's'), execute('HGETALL', 'h:2')]
GB('ShardsIDReader').map(f).run()`
	got := mustDo(t, c, "RG.PYEXECUTE", script)
	want := []any{[]any{`[{'b': 'aGk='}, "{'e': 'x'}", ['e', 'boom']]`}, []any{}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("gear returning and executing marker-shaped dicts (-want +got):\n%s", diff)
	}
	got = mustDo(t, c, "RG.PYEXECUTE", "GB().map(lambda r: str(r['value'])).sort().run('h:*')")
	want = []any{[]any{"{'b': 'aGk='}", "{'e': 'boom'}"}, []any{}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("KeysReader over hashes with fields b and e (-want +got):\n%s", diff)
	}
}

// TestRegisterTE runs registerTE timers: the callback runs every period,
// a timer stored in a key returns False when the key exists and stops
// when the key is deleted, and bad arguments fail as on RedisGears.
func TestRegisterTE(t *testing.T) {
	forEachStore(t, func(t *testing.T, e *Emulator) {
		r := dialRaw(t, e.Addr())
		r.do("RG.PYEXECUTE", "GB().foreach(lambda r: execute('RPUSH', 'events', r['event'])).register(prefix='te:*', mode='sync', readValue=False)")
		// atomic() in a callback, which already holds the store, works.
		script := "def tick():\n    with atomic():\n        execute('INCR', 'ticks')\nregisterTE(1, tick, 'te:key')"
		if got := r.do("RG.PYEXECUTE", script); got != "+OK\r\n" {
			t.Fatalf("RG.PYEXECUTE registerTE = %q, want OK", got)
		}
		clockScript := "def tick():\n    execute('INCR', 'clock')\nGB('ShardsIDReader').map(lambda x: str(registerTE(1, tick))).run()"
		if got := r.do("RG.PYEXECUTE", clockScript); got != "*2\r\n*1\r\n$4\r\nTrue\r\n*0\r\n" {
			t.Errorf("registerTE without a key = %q, want True", got)
		}
		again := "GB('ShardsIDReader').map(lambda x: str(registerTE(1, lambda: None, 'te:key'))).run()"
		if got := r.do("RG.PYEXECUTE", again); got != "*2\r\n*1\r\n$5\r\nFalse\r\n*0\r\n" {
			t.Errorf("registerTE on an existing key = %q, want False", got)
		}
		if got := r.do("EXISTS", "te:key"); got != ":1\r\n" {
			t.Errorf("EXISTS te:key = %q, want the timer key stored", got)
		}
		over := "def tick():\n    execute('INCR', 'over')\nregisterTE(1, tick, 'te:over')"
		if got := r.do("RG.PYEXECUTE", over); got != "+OK\r\n" {
			t.Fatalf("RG.PYEXECUTE registerTE = %q, want OK", got)
		}
		bad := "def tick():\n    execute('INCR', 'bad')\n    raise Exception('stop')\nregisterTE(1, tick)"
		if got := r.do("RG.PYEXECUTE", bad); got != "+OK\r\n" {
			t.Fatalf("RG.PYEXECUTE registerTE = %q, want OK", got)
		}
		count := func(key string) int {
			n, _ := strconv.Atoi(strings.Split(r.do("GET", key), "\r\n")[1])
			return n
		}
		eventually(t, "two ticks", func() bool { return count("ticks") >= 2 && count("over") >= 1 })
		r.do("DEL", "te:key")
		r.do("SET", "te:over", "mine") // overwriting the key stops its timer too
		ticks, overs := count("ticks"), count("over")
		clock := count("clock")
		eventually(t, "the clock timer to tick twice", func() bool { return count("clock") >= clock+2 })
		if got := count("ticks"); got != ticks {
			t.Errorf("ticks after DEL of the timer key = %d, want %d (stopped)", got, ticks)
		}
		if got := count("over"); got != overs {
			t.Errorf("ticks after SET over the timer key = %d, want %d (stopped)", got, overs)
		}
		if got := count("bad"); got != 1 {
			t.Errorf("ticks of a callback that raised = %d, want 1 (stopped)", got)
		}
		// Storing a timer fires nothing; deleting or setting its key does.
		if got := r.do("LRANGE", "events", "0", "-1"); got != "*2\r\n$3\r\ndel\r\n$3\r\nset\r\n" {
			t.Errorf("events on te:* = %q, want del and set only", got)
		}
		for _, tc := range []struct{ call, want string }{
			{"registerTE(1)", "not enough arguments for time event"},
			{"registerTE(1, len)", "callback must be a function"},
			{"registerTE('1', lambda: None)", "time argument must be a long"},
			{"registerTE(1, lambda: None, keyName='k')", "takes no keyword arguments"},
			{"import threading\nerr = []\ndef f():\n    try:\n        registerTE(1, lambda: None)\n    except Exception as e:\n        err.append(str(e))\nth = threading.Thread(target=f)\nth.start()\nth.join()\nraise Exception(err[0])", "can not create time event on a python created thread"},
		} {
			if got := r.do("RG.PYEXECUTE", tc.call); !strings.Contains(got, tc.want) {
				t.Errorf("RG.PYEXECUTE %q = %q, want an error containing %q", tc.call, got, tc.want)
			}
		}
	})
}

// TestGearBlockingCommands sends blocking commands from a gear: like
// RM_Call on RedisGears they do not block, and answer as a timeout does.
func TestGearBlockingCommands(t *testing.T) {
	forEachStore(t, func(t *testing.T, e *Emulator) {
		r := dialRaw(t, e.Addr())
		r.do("RPUSH", "full", "x")
		script := "GB('ShardsIDReader').map(lambda x: str([execute('BLPOP', 'empty', '0'), execute('BRPOPLPUSH', 'empty', 'dst', '0'), execute('BLPOP', 'full', '0')])).run()"
		want := "*2\r\n*1\r\n$27\r\n[None, None, ['full', 'x']]\r\n*0\r\n"
		if got := r.do("RG.PYEXECUTE", script); got != want {
			t.Errorf("blocking commands from a gear = %q, want %q", got, want)
		}
	})
}

// TestGearTransactionCommands sends MULTI, EXEC, DISCARD, WATCH and
// UNWATCH from a gear: RM_Call refuses them, and the gear's next command
// runs at once rather than being queued on a store connection left in
// MULTI.
func TestGearTransactionCommands(t *testing.T) {
	forEachStore(t, func(t *testing.T, e *Emulator) {
		c := redis.NewClient(&redis.Options{Addr: e.Addr()})
		defer c.Close()
		script := `def f(x):
    out = []
    for c in [['MULTI'], ['exec'], ['DISCARD'], ['WATCH', 'k'], ['UnWatch'], ['SET', 'a', '1']]:
        try:
            out.append(execute(*c))
        except Exception as e:
            out.append(str(e))
    return '|'.join(out)
GB('ShardsIDReader').map(f).run()`
		var want []string
		for _, name := range []string{"MULTI", "EXEC", "DISCARD", "WATCH", "UNWATCH"} {
			want = append(want, fmt.Sprintf(msgGearTransaction, name))
		}
		want = append(want, "OK")
		for range 2 {
			got := mustDo(t, c, "RG.PYEXECUTE", script)
			if diff := cmp.Diff([]any{[]any{strings.Join(want, "|")}, []any{}}, got); diff != "" {
				t.Errorf("transaction commands from a gear (-want +got):\n%s", diff)
			}
		}
		if got := mustDo(t, c, "GET", "a"); got != "1" {
			t.Errorf("GET a after the gear's SET = %v, want 1", got)
		}
	})
}

// TestGearConnectionStateCommands sends from a gear the commands that
// would change the state of the pooled store connection it borrows: each
// is refused with a text naming what to do instead, and the pooled
// connections stay usable (on the default database, unsubscribed, not
// monitoring or tracking, replying) for the gears that come next.
func TestGearConnectionStateCommands(t *testing.T) {
	cmds := []struct {
		args []string
		msg  string
	}{
		{[]string{"SELECT", "1"}, msgGearSelect},
		{[]string{"subscribe", "ch"}, msgGearSubscribe},
		{[]string{"PSUBSCRIBE", "ch*"}, msgGearSubscribe},
		{[]string{"SSUBSCRIBE", "ch"}, msgGearSubscribe},
		{[]string{"MONITOR"}, msgGearSubscribe},
		{[]string{"RESET"}, msgGearConnState},
		{[]string{"QUIT"}, msgGearConnState},
		{[]string{"HELLO", "3"}, msgGearConnState},
		{[]string{"AUTH", "pw"}, msgGearConnState},
		{[]string{"CLIENT", "reply", "OFF"}, msgGearConnState},
		{[]string{"client", "TRACKING", "on"}, msgGearConnState},
		{[]string{"CLIENT", "SETNAME", "x"}, msgGearConnState},
	}
	forEachStore(t, func(t *testing.T, e *Emulator) {
		c := redis.NewClient(&redis.Options{Addr: e.Addr()})
		defer c.Close()
		var calls, want []string
		for _, cmd := range cmds {
			calls = append(calls, "['"+strings.Join(cmd.args, "', '")+"']")
			shown := strings.ToUpper(cmd.args[0])
			if shown == "CLIENT" {
				shown += " " + strings.ToUpper(cmd.args[1])
			}
			want = append(want, fmt.Sprintf(cmd.msg, shown))
		}
		script := `def f(x):
    out = []
    for c in [` + strings.Join(calls, ", ") + `]:
        try:
            out.append(str(execute(*c)))
        except Exception as e:
            out.append(str(e))
    return '|'.join(out)
GB('ShardsIDReader').map(f).run()`
		got := mustDo(t, c, "RG.PYEXECUTE", script)
		if diff := cmp.Diff([]any{[]any{strings.Join(want, "|")}, []any{}}, got); diff != "" {
			t.Errorf("connection state commands from a gear (-want +got):\n%s", diff)
		}
		// The next gears' commands run on the default database and get
		// their replies: several at once, to use every pooled connection.
		mustDo(t, c, "SET", "a", "1")
		next := "GB('ShardsIDReader').map(lambda x: execute('GET', 'a') + execute('PING')).run()"
		for range 3 {
			got := mustDo(t, c, "RG.PYEXECUTE", next)
			if diff := cmp.Diff([]any{[]any{"1PONG"}, []any{}}, got); diff != "" {
				t.Errorf("a gear's GET and PING after the refused commands (-want +got):\n%s", diff)
			}
		}
		if e.store.mini != nil {
			return
		}
		// No store connection was left in another state.
		list := mustDo(t, c, "CLIENT", "LIST").(string)
		for _, line := range strings.Split(strings.TrimSpace(list), "\n") {
			for _, f := range strings.Fields(line) {
				k, v, _ := strings.Cut(f, "=")
				bad := (k == "db" && v != "0") || ((k == "sub" || k == "psub" || k == "ssub") && v != "0") ||
					(k == "flags" && strings.ContainsAny(v, "OtP")) || (k == "name" && v != "")
				if bad {
					t.Errorf("store client %q: %s, want db=0, no subscriptions, no monitor or tracking, no name", line, f)
				}
			}
		}
	})
}

// TestBinaryKeyNames fires a registration and a trigger with names that are
// not UTF-8: the gear gets them as bytearrays holding the exact bytes.
func TestBinaryKeyNames(t *testing.T) {
	e, _ := runWithClient(t)
	r := dialRaw(t, e.Addr())
	r.do("RG.PYEXECUTE", "GB().foreach(lambda r: execute('RPUSH', 'seen', r['key'])).register(prefix='b:*', mode='sync', readValue=False)")
	r.do("RG.PYEXECUTE", "GB('CommandReader').map(lambda a: type(a[1]).__name__).foreach(lambda x: execute('RPUSH', 'seen', x)).register(trigger='t')")
	r.do("SET", "b:\xff\xfe", "1")
	r.do("RG.TRIGGER", "t", "\xff")
	if got := r.do("LRANGE", "seen", "0", "-1"); got != "*2\r\n$4\r\nb:\xff\xfe\r\n$9\r\nbytearray\r\n" {
		t.Errorf("names the gears saw = %q, want the key's exact bytes and a bytearray argument", got)
	}
}
