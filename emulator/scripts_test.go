package emulator

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gogears/gogears/internal/redistest"
	"github.com/google/go-cmp/cmp"
)

const (
	// writesScript sets KEYS[1], deletes KEYS[2] and sets a hash field of KEYS[3].
	writesScript = "redis.call('SET', KEYS[1], ARGV[1]); redis.call('DEL', KEYS[2]); return redis.call('HSET', KEYS[3], 'f', ARGV[1])"
	// failingScript sets KEYS[1], then fails on a wrong type: the SET stays.
	failingScript = "redis.call('SET', KEYS[1], '1'); return redis.call('LPUSH', KEYS[1], 'x')"
	// ggFunction is a library whose gg_pop pops KEYS[1] and sets KEYS[2].
	ggFunction = "#!lua name=gg\nredis.register_function('gg_pop', function(keys, args) redis.call('SET', keys[2], 'x'); return redis.call('LPOP', keys[1]) end)"
)

func sha1Hex(s string) string {
	h := sha1.Sum([]byte(s))
	return hex.EncodeToString(h[:])
}

// scriptCases are Lua scripts and functions run after setup.
var scriptCases = []eventCase{
	{[][]string{{"SET", "kb", "1"}}, []string{"EVAL", writesScript, "3", "ka", "kb", "kc", "v"}},
	{nil, []string{"EVAL", writesScript, "3", "ka", "kb", "kc", "v"}},
	{[][]string{{"SET", "ka", "1"}}, []string{"EVAL", "return redis.call('GET', KEYS[1])", "1", "ka"}},
	{nil, []string{"EVAL", "return redis.call('HDEL', KEYS[1], 'f')", "1", "kh"}},
	{nil, []string{"EVAL", failingScript, "1", "ka"}},
	{nil, []string{"EVAL", "this is not lua", "0"}},
	{nil, []string{"EVAL", "return redis.call('SET', KEYS[1], '1')", "1"}},
	{[][]string{{"SCRIPT", "LOAD", writesScript}, {"SET", "kb", "1"}}, []string{"EVALSHA", sha1Hex(writesScript), "3", "ka", "kb", "kc", "w"}},
	{nil, []string{"EVALSHA", sha1Hex("never loaded"), "0"}},
	{[][]string{{"RPUSH", "kl", "a"}, {"SET", "kx", "1"}}, []string{"EVAL", "redis.call('EXPIRE', KEYS[2], 100); redis.call('RPUSH', KEYS[3], 'b'); return redis.call('LPOP', KEYS[1])", "3", "kl", "kx", "km"}},
	{[][]string{{"FUNCTION", "LOAD", "REPLACE", ggFunction}, {"RPUSH", "kl", "a"}}, []string{"FCALL", "gg_pop", "2", "kl", "ks"}},
	{[][]string{{"SET", "ka", "1"}}, []string{"EVAL_RO", "return redis.call('GET', KEYS[1])", "1", "ka"}},
	{[][]string{{"XADD", "kx", "1-0", "f", "v"}, {"XGROUP", "CREATE", "kx", "g", "0"}}, []string{"EVAL", "redis.call('XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', KEYS[1], '>'); return redis.call('XGROUP', 'DELCONSUMER', KEYS[1], 'g', 'c')", "1", "kx"}},
}

// scriptSeqs are scriptCases as command sequences, for their replies.
func scriptSeqs() [][][]string {
	out := make([][][]string, len(scriptCases))
	for i, c := range scriptCases {
		out[i] = append(append([][]string{}, c.setup...), c.cmd)
	}
	return out
}

// TestScriptEventsMatchRedis runs scripts through an emulator over a real
// redis-server, alone, in a client's MULTI, while watching a key and from
// a gear's execute(), and
// checks that their replies are redis-server's and that KeysReader
// registrations see the events redis-server notifies for them.
func TestScriptEventsMatchRedis(t *testing.T) {
	want := redisEvents(t, scriptCases)
	wantReplies := replies(t, redistest.Start(t).Addr, scriptSeqs())
	s := redistest.Start(t)
	e := RunT(t, Options{RedisURL: "redis://" + s.Addr})
	r := dialRaw(t, e.Addr())
	r.do("RG.PYEXECUTE", evLogGear)
	if got := replies(t, e.Addr(), scriptSeqs()); !cmp.Equal(wantReplies, got) {
		t.Errorf("replies to scripts (-redis +emulator):\n%s", cmp.Diff(wantReplies, got))
	}
	r.do("RG.PYEXECUTE", "GB('CommandReader').foreach(lambda a: execute(*a[1:])).register(trigger='do')")
	for _, path := range []string{"client", "multi", "watch", "gear"} {
		for i, c := range scriptCases {
			prepareCase(r, c)
			cmds := [][]string{c.cmd}
			if path == "multi" {
				cmds = [][]string{{"SET", "kfirst", "1"}, c.cmd, {"SET", "klast", "1"}}
			}
			runVia(t, r, path, cmds...)
			got := loggedEvents(r)
			w := want[i]
			if path == "multi" {
				w = append(append([]string{"set kfirst"}, w...), "set klast")
			}
			if diff := cmp.Diff(w, got); diff != "" {
				t.Errorf("%s %q: events (-redis +emulator):\n%s", path, c.cmd, diff)
			}
		}
	}
}

// TestScriptNotificationsConfig checks that without KeysReader
// registrations a script changes nothing in the store's configuration,
// and that with one the user's notify-keyspace-events flags are kept.
func TestScriptNotificationsConfig(t *testing.T) {
	s := redistest.Start(t, redistest.WithArgs("--notify-keyspace-events", "Eg"))
	e := RunT(t, Options{RedisURL: "redis://" + s.Addr})
	r := dialRaw(t, e.Addr())
	flags := func() string {
		v, _, _ := parseReply([]byte(r.do("CONFIG", "GET", "notify-keyspace-events")))
		return string(asBytes(v.([]any)[1]))
	}
	r.do("EVAL", "return redis.call('SET', KEYS[1], '1')", "1", "ka")
	if got := flags(); got != "gE" {
		t.Errorf("notify-keyspace-events without registrations = %q, want %q", got, "gE")
	}
	if e.scripts.sc != nil {
		t.Errorf("a script without registrations subscribed to notifications")
	}
	r.do("RG.PYEXECUTE", "GB().register(prefix='k*')")
	r.do("EVAL", "return redis.call('SET', KEYS[1], '1')", "1", "ka")
	if got := flags(); got != "AKE" {
		t.Errorf("notify-keyspace-events with a registration = %q, want %q (all classes, keyspace, and the user's E)", got, "AKE")
	}
}

// TestScriptNotificationsRestored checks that Close puts back the store's
// notify-keyspace-events the emulator changed, and leaves alone flags
// someone else set after it, or that needed no change.
func TestScriptNotificationsRestored(t *testing.T) {
	tests := []struct {
		name   string
		start  string // the store's flags at start
		change string // what another client sets while the emulator runs; or ""
		want   string // the store's flags after Close
	}{
		{name: "restored", start: "Eg", want: "gE"},
		{name: "was off", start: "", want: ""},
		{name: "already on", start: "KEA", want: "AKE"},
		{name: "changed meanwhile", start: "Eg", change: "Kl", want: "lK"},
		{name: "changed to the same", start: "Eg", change: "EA", want: "AE"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := redistest.Start(t, redistest.WithArgs("--notify-keyspace-events", tc.start))
			direct := dialRaw(t, s.Addr)
			flags := func() string {
				v, _, _ := parseReply([]byte(direct.do("CONFIG", "GET", "notify-keyspace-events")))
				return string(asBytes(v.([]any)[1]))
			}
			e := RunT(t, Options{RedisURL: "redis://" + s.Addr})
			r := dialRaw(t, e.Addr())
			r.do("RG.PYEXECUTE", "GB().register(prefix='k*')")
			r.do("EVAL", "return redis.call('SET', KEYS[1], '1')", "1", "ka")
			if tc.change != "" {
				direct.do("CONFIG", "SET", "notify-keyspace-events", tc.change)
			}
			e.Close()
			if got := flags(); got != tc.want {
				t.Errorf("notify-keyspace-events after Close = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestScriptEmbeddedStore runs a writing script through an emulator over
// the embedded store, which has no keyspace notifications: the script
// runs and its reply is the store's, but it fires nothing (a documented
// difference).
func TestScriptEmbeddedStore(t *testing.T) {
	e := RunT(t)
	r := dialRaw(t, e.Addr())
	r.do("RG.PYEXECUTE", "GB().foreach(lambda r: execute('RPUSH', '_ev', r['key'])).register(prefix='k*', mode='sync', readValue=False)")
	if got := r.do("EVAL", "return redis.call('SET', KEYS[1], '1')", "1", "ka"); got != "+OK\r\n" {
		t.Errorf("EVAL SET = %q, want +OK", got)
	}
	r.do("MULTI")
	r.do("EVAL", "return redis.call('SET', KEYS[1], '2')", "1", "ka")
	if got := r.do("EXEC"); got != "*1\r\n+OK\r\n" {
		t.Errorf("EXEC of EVAL SET = %q, want *1 +OK", got)
	}
	if got := r.do("GET", "ka"); got != "$1\r\n2\r\n" {
		t.Errorf("GET ka = %q, want 2", got)
	}
	if got := r.do("LLEN", "_ev"); got != ":0\r\n" {
		t.Errorf("LLEN _ev = %q, want 0: the embedded store notifies nothing", got)
	}
}

// TestScriptOtherDatabase runs scripts through an emulator whose gears
// use database 2: a script there fires, one in a database a client
// SELECTed does not, as for other commands.
func TestScriptOtherDatabase(t *testing.T) {
	s := redistest.Start(t)
	e := RunT(t, Options{RedisURL: "redis://" + s.Addr + "/2"})
	r := dialRaw(t, e.Addr())
	r.do("RG.PYEXECUTE", evLogGear)
	r.do("EVAL", "return redis.call('SET', KEYS[1], '1')", "1", "ka")
	other := dialRaw(t, e.Addr())
	other.do("SELECT", "0")
	other.do("EVAL", "return redis.call('SET', KEYS[1], '1')", "1", "kb")
	other.do("MULTI")
	other.do("EVAL", "return redis.call('SET', KEYS[1], '1')", "1", "kc")
	other.do("EXEC")
	if got, want := loggedEvents(r), []string{"set ka"}; !cmp.Equal(got, want) {
		t.Errorf("events = %q, want %q", got, want)
	}
}

// TestScriptKill kills a looping script that holds the store lock: SCRIPT
// KILL, sent by another client through the emulator, must not wait for
// the lock, and the killed script's client gets Redis's error.
func TestScriptKill(t *testing.T) {
	// Redis kills a script only after lua-time-limit ms.
	s := redistest.Start(t, redistest.WithArgs("--lua-time-limit", "50"))
	e := RunT(t, Options{RedisURL: "redis://" + s.Addr})
	r := dialRaw(t, e.Addr())
	r.do("RG.PYEXECUTE", evLogGear)
	looping := dialRaw(t, e.Addr())
	done := make(chan string, 1)
	go func() {
		raw, err := looping.sc.do(byteArgs("EVAL", "while true do end", "0"))
		if err != nil {
			done <- err.Error()
			return
		}
		done <- string(raw)
	}()
	eventually(t, "SCRIPT KILL to kill the script", func() bool { return r.do("SCRIPT", "KILL") == "+OK\r\n" })
	if got := <-done; !strings.HasPrefix(got, "-ERR Script killed by user") {
		t.Errorf("EVAL of a killed script = %q, want Redis's killed-by-user error", got)
	}
	if got := r.do("SET", "ka", "1"); got != "+OK\r\n" {
		t.Errorf("SET after the kill = %q, want +OK", got)
	}
	if got, want := loggedEvents(r), []string{"set ka"}; !cmp.Equal(got, want) {
		t.Errorf("events = %q, want %q", got, want)
	}
}

// TestScriptExpired runs a script that reads a key whose TTL, given by a
// client of the store that bypasses the emulator, has passed: Redis
// deletes it inside the script and notifies "expired", which fires.
func TestScriptExpired(t *testing.T) {
	s := redistest.Start(t, redistest.WithArgs("--enable-debug-command", "yes"))
	direct := dialRaw(t, s.Addr)
	direct.do("DEBUG", "SET-ACTIVE-EXPIRE", "0")
	e := RunT(t, Options{RedisURL: "redis://" + s.Addr})
	r := dialRaw(t, e.Addr())
	r.do("RG.PYEXECUTE", evLogGear)
	direct.do("SET", "kx", "1", "PX", "1")
	time.Sleep(5 * time.Millisecond) // the TTL must pass; nothing expires it actively
	if got := r.do("EVAL", "return redis.call('GET', KEYS[1])", "1", "kx"); got != "$-1\r\n" {
		t.Errorf("EVAL GET of an expired key = %q, want nil", got)
	}
	if got, want := loggedEvents(r), []string{"expired kx"}; !cmp.Equal(got, want) {
		t.Errorf("events = %q, want %q", got, want)
	}
}

// TestScriptWatchRecovers checks that the notifications connection
// subscribes to keyspace channels only while a script runs, and that
// scripts fire again after the store killed that connection.
func TestScriptWatchRecovers(t *testing.T) {
	s := redistest.Start(t)
	direct := dialRaw(t, s.Addr)
	e := RunT(t, Options{RedisURL: "redis://" + s.Addr})
	r := dialRaw(t, e.Addr())
	r.do("RG.PYEXECUTE", evLogGear)
	set := func(key string) { r.do("EVAL", "return redis.call('SET', KEYS[1], '1')", "1", key) }
	set("ka")
	// The watch unsubscribes without waiting for Redis to confirm.
	eventually(t, "the keyspace pattern to be unsubscribed", func() bool { return direct.do("PUBSUB", "NUMPAT") == ":0\r\n" })
	direct.do("CLIENT", "KILL", "TYPE", "pubsub")
	set("kb") // finds the connection dead: fires nothing, drops it
	set("kc")
	got := loggedEvents(r)
	if len(got) < 2 || got[0] != "set ka" || got[len(got)-1] != "set kc" {
		t.Errorf("events = %q, want set ka first and set kc last", got)
	}
}

// TestScriptWithoutConfig runs a script over a redis-server whose CONFIG
// command is renamed away, so notifications cannot be turned on: the
// script runs unwatched, with Redis's reply.
func TestScriptWithoutConfig(t *testing.T) {
	s := redistest.Start(t, redistest.WithArgs("--rename-command", "CONFIG", ""))
	e := RunT(t, Options{RedisURL: "redis://" + s.Addr})
	r := dialRaw(t, e.Addr())
	r.do("RG.PYEXECUTE", evLogGear)
	if got := r.do("EVAL", "return redis.call('SET', KEYS[1], '1')", "1", "ka"); got != "+OK\r\n" {
		t.Errorf("EVAL SET = %q, want +OK", got)
	}
	if got := loggedEvents(r); len(got) != 0 {
		t.Errorf("events = %q, want none", got)
	}
}

// TestScriptGearAtomic runs a script from a gear inside atomic(), whose
// block already holds the store lock exclusively: it must not wait for
// the lock, and its events fire.
func TestScriptGearAtomic(t *testing.T) {
	s := redistest.Start(t)
	e := RunT(t, Options{RedisURL: "redis://" + s.Addr})
	r := dialRaw(t, e.Addr())
	r.do("RG.PYEXECUTE", evLogGear)
	gear := "def f(x):\n    with atomic():\n        execute('EVAL', \"return redis.call('SET', KEYS[1], '1')\", '1', 'ka')\nGB('ShardsIDReader').foreach(f).run()"
	if got := r.do("RG.PYEXECUTE", gear); strings.HasPrefix(got, "-") {
		t.Fatalf("RG.PYEXECUTE of an atomic EVAL = %q, want results", got)
	}
	if got, want := loggedEvents(r), []string{"set ka"}; !cmp.Equal(got, want) {
		t.Errorf("events = %q, want %q", got, want)
	}
}

// TestScriptConcurrentClients runs scripts and plain writes from several
// clients at once: each event fires once, credited to nothing else.
func TestScriptConcurrentClients(t *testing.T) {
	s := redistest.Start(t)
	e := RunT(t, Options{RedisURL: "redis://" + s.Addr})
	r := dialRaw(t, e.Addr())
	r.do("RG.PYEXECUTE", evLogGear)
	const clients, rounds = 4, 25
	conns := make([]*rawConn, clients)
	for i := range conns {
		conns[i] = dialRaw(t, e.Addr())
	}
	var wg sync.WaitGroup
	for i, c := range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < rounds; j++ {
				c.sc.do(byteArgs("EVAL", "return redis.call('SET', KEYS[1], '1')", "1", fmt.Sprintf("ke%d:%d", i, j)))
				c.sc.do(byteArgs("SET", fmt.Sprintf("ks%d:%d", i, j), "1"))
				if j%5 == 0 {
					c.sc.pipeline([][][]byte{byteArgs("MULTI"), byteArgs("EVAL", "return redis.call('SET', KEYS[1], '1')", "1", fmt.Sprintf("km%d:%d", i, j)), byteArgs("EXEC")})
				}
			}
		}()
	}
	wg.Wait()
	var want []string
	for i := 0; i < clients; i++ {
		for j := 0; j < rounds; j++ {
			want = append(want, fmt.Sprintf("set ke%d:%d", i, j), fmt.Sprintf("set ks%d:%d", i, j))
			if j%5 == 0 {
				want = append(want, fmt.Sprintf("set km%d:%d", i, j))
			}
		}
	}
	got := loggedEvents(r)
	sort.Strings(want)
	sort.Strings(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
}

// TestScriptNotificationsShared runs two emulators over one Redis: the
// first to close must leave the notification flags the other still needs
// to see its scripts' writes.
func TestScriptNotificationsShared(t *testing.T) {
	s := redistest.Start(t)
	a := RunT(t, Options{RedisURL: "redis://" + s.Addr})
	b := RunT(t, Options{RedisURL: "redis://" + s.Addr})
	ra, rb := dialRaw(t, a.Addr()), dialRaw(t, b.Addr())
	rb.do("RG.PYEXECUTE", "GB().foreach(lambda r: execute('INCR', 'fired')).register(prefix='k*', mode='sync', readValue=False)")
	ra.do("RG.PYEXECUTE", "GB().register(prefix='zz*')")
	ra.do("EVAL", "return redis.call('SET', KEYS[1], '1')", "1", "xa")
	rb.do("EVAL", "return redis.call('SET', KEYS[1], '1')", "1", "k1")
	if got := rb.do("GET", "fired"); got != "$1\r\n1\r\n" {
		t.Fatalf("fired before the other emulator closes = %q, want 1", got)
	}
	a.Close()
	rb.do("EVAL", "return redis.call('SET', KEYS[1], '2')", "1", "k2")
	if got := rb.do("GET", "fired"); got != "$1\r\n2\r\n" {
		t.Errorf("after the other emulator closed, an EVAL write fired nothing: fired = %q, want 2", got)
	}
}
