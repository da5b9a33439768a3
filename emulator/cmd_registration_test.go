package emulator

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestDumpRegistrationsShape(t *testing.T) {
	e, _ := runWithClient(t)
	r := dialRaw(t, e.Addr())
	if got := r.do("RG.DUMPREGISTRATIONS"); got != "*0\r\n" {
		t.Fatalf("RG.DUMPREGISTRATIONS empty = %q", got)
	}
	r.do("RG.PYEXECUTE", "GB(desc='counts').register(prefix='user:*', eventTypes=['set'], keyTypes=['string'], mode='async_local')", "ID", "sess")
	r.do("RG.PYEXECUTE", "GB('StreamReader').register(prefix='s1', batch=3, duration=50, onFailedPolicy='Retry', onFailedRetryInterval=2, trimStream=False)", "ID", "sess2")
	r.do("RG.PYEXECUTE", "GB('CommandReader').register(trigger='tr')", "ID", "sess3")
	id := func(n int) string { return fmt.Sprintf("%s-%d", strings.Repeat("0", 40), n) }
	bulk := func(s string) string { return fmt.Sprintf("$%d\r\n%s\r\n", len(s), s) }
	stats := bulk("numTriggered") + ":0\r\n" + bulk("numSuccess") + ":0\r\n" + bulk("numFailures") + ":0\r\n" +
		bulk("numAborted") + ":0\r\n" + bulk("lastRunDurationMS") + ":0\r\n" + bulk("totalRunDurationMS") + ":0\r\n" +
		bulk("avgRunDurationMS") + bulk("-nan")
	pd := func(s, rid string) string {
		return bulk("PD") + bulk("{'sessionName':'"+s+"', 'sessionDescription':'null', 'refCount': 2, 'linkedTo': primary, 'dead': false, 'isInstallationNeeded':0, 'registrationsList':['"+rid+"'], 'depsList':[]}") +
			bulk("ExecutionThreadPool") + bulk("DefaultPool")
	}
	want := "*3\r\n" +
		"*12\r\n" + bulk("id") + bulk(id(1)) + bulk("reader") + bulk("KeysReader") + bulk("desc") + bulk("counts") +
		bulk("RegistrationData") + "*20\r\n" + bulk("mode") + bulk("async_local") + stats + bulk("lastError") + "$-1\r\n" +
		bulk("args") + "*8\r\n" + bulk("regex") + bulk("user:*") + bulk("eventTypes") + "*1\r\n" + bulk("set") +
		bulk("keyTypes") + "*1\r\n" + bulk("string") + bulk("hookCommands") + "$-1\r\n" + pd("sess", id(1)) +
		"*12\r\n" + bulk("id") + bulk(id(2)) + bulk("reader") + bulk("StreamReader") + bulk("desc") + "$-1\r\n" +
		bulk("RegistrationData") + "*26\r\n" + bulk("mode") + bulk("async") + stats +
		bulk("lastEstimatedLagMS") + ":0\r\n" + bulk("avgEstimatedLagMS") + bulk("0") + bulk("lastError") + "$-1\r\n" +
		bulk("args") + "*12\r\n" + bulk("batchSize") + ":3\r\n" + bulk("durationMS") + ":50\r\n" + bulk("stream") + bulk("s1") +
		bulk("trimStream") + ":0\r\n" + bulk("onFailedPolicy") + bulk("retry") + bulk("retryInterval") + ":2\r\n" +
		bulk("status") + bulk("OK") + pd("sess2", id(2)) +
		"*12\r\n" + bulk("id") + bulk(id(3)) + bulk("reader") + bulk("CommandReader") + bulk("desc") + "$-1\r\n" +
		bulk("RegistrationData") + "*20\r\n" + bulk("mode") + bulk("async") + stats + bulk("lastError") + "$-1\r\n" +
		bulk("args") + "*4\r\n" + bulk("trigger") + bulk("tr") + bulk("inorder") + ":0\r\n" + pd("sess3", id(3))
	if diff := cmp.Diff(want, r.do("RG.DUMPREGISTRATIONS")); diff != "" {
		t.Errorf("RG.DUMPREGISTRATIONS mismatch (-want +got):\n%s", diff)
	}
}

func TestRegistrationLifecycle(t *testing.T) {
	e, c := runWithClient(t)
	r := dialRaw(t, e.Addr())
	r.do("RG.PYEXECUTE", "GB().foreach(lambda x: execute('INCR', 'n')).register(prefix='a*', mode='sync')")
	regs := mustDo(t, c, "RG.DUMPREGISTRATIONS").([]any)
	rid := regs[0].([]any)[1].(string)
	r.do("SET", "a1", "x")
	r.do("SET", "b1", "x")
	if got := r.do("GET", "n"); got != "$1\r\n1\r\n" {
		t.Errorf("GET n = %q, want 1 (sync registration ran before the reply)", got)
	}
	data := mustDo(t, c, "RG.DUMPREGISTRATIONS").([]any)[0].([]any)[7].([]any)
	if data[3] != int64(1) || data[5] != int64(1) {
		t.Errorf("RegistrationData = %v, want numTriggered 1, numSuccess 1", data)
	}
	if got := r.do("RG.CLEARREGISTRATIONSSTATS"); got != "+OK\r\n" {
		t.Errorf("RG.CLEARREGISTRATIONSSTATS = %q", got)
	}
	data = mustDo(t, c, "RG.DUMPREGISTRATIONS").([]any)[0].([]any)[7].([]any)
	if data[3] != int64(0) {
		t.Errorf("numTriggered after clear = %v, want 0", data[3])
	}
	if got := r.do("RG.PAUSEREGISTRATIONS", rid); got != "-Reader KeysReader does not support pause\r\n" {
		t.Errorf("RG.PAUSEREGISTRATIONS on KeysReader = %q", got)
	}
	if got := r.do("RG.UNREGISTER", rid); got != "+OK\r\n" {
		t.Errorf("RG.UNREGISTER = %q", got)
	}
	if got := r.do("RG.UNREGISTER", rid); got != "-execution is not registered\r\n" {
		t.Errorf("RG.UNREGISTER twice = %q", got)
	}
	r.do("SET", "a2", "x")
	if got := r.do("GET", "n"); got != "$1\r\n1\r\n" {
		t.Errorf("GET n after unregister = %q, want 1", got)
	}
	if got := r.do("RG.DUMPREGISTRATIONS"); got != "*0\r\n" {
		t.Errorf("RG.DUMPREGISTRATIONS after unregister = %q", got)
	}
}

// TestKeysReaderEvents checks what fires a KeysReader registration: client
// writes, gear writes, expirations, event and key type filters, prefix
// rules and readValue, on both stores.
func TestKeysReaderEvents(t *testing.T) {
	forEachStore(t, func(t *testing.T, e *Emulator) {
		r := dialRaw(t, e.Addr())
		log := func(prefix, extra string) {
			r.do("RG.PYEXECUTE", "GB().foreach(lambda x: execute('RPUSH', 'log:"+prefix+"', '%s %s %s' % (x['event'], x['key'], x.get('value')))).register(prefix='"+prefix+"', mode='sync'"+extra+")")
		}
		log("p:*", "")
		log("exact", "")
		log("t:*", ", eventTypes=['hset'], keyTypes=['hash']")
		log("nv:*", ", readValue=False")
		log("g:*", "")
		log("miss:*", ", eventTypes=['keymiss']")
		r.do("RG.PYEXECUTE", "GB().foreach(lambda x: execute('SET', 'g:' + x['key'], '1')).register(prefix='src:*', mode='sync')")
		r.do("SET", "p:1", "v")
		r.do("HSET", "p:h", "f", "v")
		r.do("DEL", "p:1")
		r.do("SET", "exact", "1")
		r.do("SET", "exactly", "1")
		r.do("SET", "t:s", "1")
		r.do("HSET", "t:h", "a", "1")
		r.do("HINCRBY", "t:h", "a", "1")
		r.do("SET", "nv:1", "1")
		r.do("SET", "src:k", "1")
		r.do("GET", "miss:1")
		tests := []struct {
			list string
			want []string
		}{
			{"log:p:*", []string{"set p:1 v", "hset p:h {'f': 'v'}", "del p:1 None"}},
			{"log:exact", []string{"set exact 1"}},
			{"log:t:*", []string{"hset t:h {'a': '1'}"}},
			{"log:nv:*", []string{"set nv:1 None"}},
			{"log:g:*", []string{"set g:src:k 1"}},
			{"log:miss:*", []string{"keymiss miss:1 None"}},
		}
		for _, tt := range tests {
			got := lrange(t, r, tt.list)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("LRANGE %s mismatch (-want +got):\n%s", tt.list, diff)
			}
		}
		r.do("SET", "p:ttl", "1", "PX", "100")
		eventually(t, "expired event", func() bool {
			l := lrange(t, r, "log:p:*")
			return len(l) == 6 && l[4] == "expire p:ttl 1" && l[5] == "expired p:ttl None"
		})
	})
}

func lrange(t *testing.T, r *rawConn, key string) []string {
	t.Helper()
	raw := r.do("LRANGE", key, "0", "-1")
	v, _, err := parseReply([]byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, x := range v.([]any) {
		out = append(out, string(x.([]byte)))
	}
	return out
}

// TestCommandsOverride checks KeysReader commands= and override_reply.
func TestCommandsOverride(t *testing.T) {
	e, _ := runWithClient(t)
	r := dialRaw(t, e.Addr())
	r.do("RG.PYEXECUTE", "GB().foreach(lambda x: override_reply('+seen ' + ' '.join(get_command()))).register(prefix='o:*', commands=['hset'])")
	if got := r.do("HSET", "o:1", "f", "v"); got != "+seen HSET o:1 f v\r\n" {
		t.Errorf("HSET with commands= hook = %q", got)
	}
	if got := r.do("SET", "o:2", "v"); got != "+OK\r\n" {
		t.Errorf("SET (not in commands) = %q", got)
	}
	if got := r.do("RG.PYEXECUTE", "GB('ShardsIDReader').foreach(lambda x: override_reply('x')).run()"); !strings.Contains(got, "Can not get command ctx") {
		t.Errorf("override_reply outside a command = %q", got)
	}
}

// Entries already in a stream run at registration even when fewer than
// batch (RedisGears reads them before waiting for new ones); later entries
// wait for a full batch.
func TestStreamReaderRegister(t *testing.T) {
	forEachStore(t, func(t *testing.T, e *Emulator) {
		r := dialRaw(t, e.Addr())
		r.do("XADD", "s:old", "1-1", "a", "1")
		r.do("RG.PYEXECUTE", "GB('StreamReader').foreach(lambda x: execute('RPUSH', 'got', x['key'] + ' ' + x['id'] + ' ' + x['value']['a'])).register(prefix='s:*', batch=2)")
		eventually(t, "backlog", func() bool { return len(lrange(t, r, "got")) == 1 })
		r.do("XADD", "s:old", "1-2", "a", "2")
		r.do("XADD", "s:new", "2-1", "a", "3")
		r.do("XADD", "s:new", "2-2", "a", "4")
		eventually(t, "stream batch", func() bool {
			ok := len(lrange(t, r, "got")) == 3
			if !ok {
				t.Logf("got %q regs %q execs %q", lrange(t, r, "got"), r.do("RG.DUMPREGISTRATIONS"), r.do("RG.DUMPEXECUTIONS"))
			}
			return ok
		})
		if got, want := lrange(t, r, "got"), []string{"s:old 1-1 1", "s:new 2-1 3", "s:new 2-2 4"}; !cmp.Equal(got, want) {
			t.Errorf("records = %q, want %q", got, want)
		}
		if got := r.do("XLEN", "s:new"); got != ":0\r\n" {
			t.Errorf("XLEN after trim = %q, want 0", got)
		}
		r.do("XADD", "s:old", "1-3", "a", "5")
		eventually(t, "second batch", func() bool { return len(lrange(t, r, "got")) == 5 })
	})
}

func TestStreamReaderPolicies(t *testing.T) {
	e, c := runWithClient(t)
	r := dialRaw(t, e.Addr())
	// duration fires a partial batch.
	r.do("RG.PYEXECUTE", "GB('StreamReader').foreach(lambda x: execute('INCR', 'dur')).register(prefix='d', batch=100, duration=50)")
	r.do("XADD", "d", "*", "a", "1")
	eventually(t, "duration batch", func() bool { return r.do("GET", "dur") == "$1\r\n1\r\n" })
	// trimStream=False keeps processed entries.
	r.do("RG.PYEXECUTE", "GB('StreamReader').foreach(lambda x: execute('INCR', 'kept')).register(prefix='keep', trimStream=False)")
	r.do("XADD", "keep", "*", "a", "1")
	eventually(t, "untrimmed batch", func() bool { return r.do("GET", "kept") == "$1\r\n1\r\n" })
	if got := r.do("XLEN", "keep"); got != ":1\r\n" {
		t.Errorf("XLEN with trimStream=False = %q, want 1", got)
	}
	// abort stops the registration on the first failure.
	r.do("RG.PYEXECUTE", "GB('StreamReader').map(lambda x: 1/0).register(prefix='ab', onFailedPolicy='abort')", "ID", "ab")
	r.do("XADD", "ab", "*", "a", "1")
	status := func(session string) string {
		for _, reg := range mustDo(t, c, "RG.DUMPREGISTRATIONS").([]any) {
			fields := reg.([]any)
			if strings.Contains(fields[9].(string), "'"+session+"'") {
				data := fields[7].([]any)
				return data[len(data)-1].(string)
			}
		}
		return ""
	}
	eventually(t, "ABORTED", func() bool { return status("ab") == "ABORTED" })
	// pause and unpause.
	r.do("RG.PYEXECUTE", "GB('StreamReader').foreach(lambda x: execute('INCR', 'pzn')).register(prefix='pz')", "ID", "pz")
	var rid string
	for _, reg := range mustDo(t, c, "RG.DUMPREGISTRATIONS").([]any) {
		if f := reg.([]any); strings.Contains(f[9].(string), "'pz'") {
			rid = f[1].(string)
		}
	}
	if got := r.do("RG.PAUSEREGISTRATIONS", rid); got != "+OK\r\n" {
		t.Fatalf("RG.PAUSEREGISTRATIONS = %q", got)
	}
	if s := status("pz"); s != "PAUSED" {
		t.Errorf("status = %q, want PAUSED", s)
	}
	r.do("XADD", "pz", "*", "a", "1")
	time.Sleep(100 * time.Millisecond)
	if got := r.do("GET", "pzn"); got != "$-1\r\n" {
		t.Errorf("GET pz while paused = %q, want nil", got)
	}
	r.do("RG.UNPAUSEREGISTRATIONS", rid)
	eventually(t, "unpaused batch", func() bool { return r.do("GET", "pzn") == "$1\r\n1\r\n" })
}

func TestStreamReaderRetry(t *testing.T) {
	e, _ := runWithClient(t)
	r := dialRaw(t, e.Addr())
	// The first attempt fails; the retry a second later succeeds.
	r.do("RG.PYEXECUTE", "def f(x):\n    if execute('INCR', 'attempts') == 1:\n        raise Exception('first try')\n    execute('SET', 'done', x['id'])\nGB('StreamReader').foreach(f).register(prefix='rs', onFailedPolicy='retry', onFailedRetryInterval=1)")
	r.do("XADD", "rs", "5-1", "a", "1")
	eventually(t, "retried batch", func() bool { return r.do("GET", "done") == "$3\r\n5-1\r\n" })
	if got := r.do("GET", "attempts"); got != "$1\r\n2\r\n" {
		t.Errorf("attempts = %q, want 2", got)
	}
}

func TestUnregisterAbortPending(t *testing.T) {
	e, c := runWithClient(t)
	r := dialRaw(t, e.Addr())
	r.do("RG.PYEXECUTE", "def spin(x):\n    while True:\n        pass\nGB().foreach(spin).register(prefix='spin')")
	rid := mustDo(t, c, "RG.DUMPREGISTRATIONS").([]any)[0].([]any)[1].(string)
	r.do("SET", "spin", "1")
	if got := r.do("RG.UNREGISTER", rid, "ABORTPENDING"); got != "+OK\r\n" {
		t.Fatalf("RG.UNREGISTER ABORTPENDING = %q", got)
	}
	if got := r.do("RG.DUMPEXECUTIONS"); !strings.Contains(got, "aborted") {
		t.Errorf("RG.DUMPEXECUTIONS = %q, want the pending execution aborted", got)
	}
}
