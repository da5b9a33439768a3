package emulator

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os/exec"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gogears/gogears/internal/redistest"
	"github.com/google/go-cmp/cmp"
	"github.com/redis/go-redis/v9"
)

func TestRedisCLI(t *testing.T) {
	if _, err := exec.LookPath("redis-cli"); err != nil {
		t.Fatalf("redis-cli not found on PATH: %s", redistest.InstallHint)
	}
	forEachStore(t, func(t *testing.T, e *Emulator) {
		_, port, _ := net.SplitHostPort(e.Addr())
		cli := func(args ...string) string {
			out, err := exec.Command("redis-cli", append([]string{"-p", port}, args...)...).CombinedOutput()
			if err != nil {
				t.Fatalf("redis-cli %q: %v\n%s", args, err, out)
			}
			return strings.TrimSpace(string(out))
		}
		tests := []struct {
			args []string
			want string
		}{
			{[]string{"SET", "a", "1"}, "OK"},
			{[]string{"INCR", "a"}, "2"},
			{[]string{"GET", "a"}, "2"},
			{[]string{"GET", "missing"}, ""},
			{[]string{"RG.PYEXECUTE", "GB().map(lambda r: r['value']).run()"}, "2"},
			{[]string{"RG.INFOCLUSTER"}, "no cluster mode"},
			{[]string{"MODULE", "LIST"}, "name\nrg\nver\n10213"},
			{[]string{"RG.GETRESULTS"}, "ERR wrong number of arguments for 'RG.GETRESULTS' command"},
		}
		for _, tt := range tests {
			if got := cli(tt.args...); got != tt.want {
				t.Errorf("redis-cli %q = %q, want %q", tt.args, got, tt.want)
			}
		}
		// Commands piped in, the way an interactive session reads them:
		// redis-cli first asks for COMMAND DOCS to build its help.
		piped := exec.Command("redis-cli", "-p", port)
		piped.Stdin = strings.NewReader("SET p 1\nGET p\n")
		if out, err := piped.CombinedOutput(); err != nil || strings.TrimSpace(string(out)) != "OK\n1" {
			t.Errorf("redis-cli with commands on stdin = %q, %v; want OK and 1", out, err)
		}
		// Unknown commands get the store's own error.
		if got := cli("NOSUCHCMD"); !strings.HasPrefix(got, "ERR unknown command") {
			t.Errorf("redis-cli NOSUCHCMD = %q, want the store's unknown command error", got)
		}
		// The data lives in the store behind the emulator.
		direct := redis.NewClient(&redis.Options{Addr: e.StoreAddr()})
		defer direct.Close()
		if v, _ := direct.Get(t.Context(), "a").Result(); v != "2" {
			t.Errorf("GET a on the store = %q, want 2", v)
		}
	})
}

// TestLogger checks the ready line and gear log() lines.
func TestLogger(t *testing.T) {
	var buf syncBuffer
	ready := make(chan struct{})
	e := RunT(t, Options{Logger: slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug})), Ready: ready})
	<-ready
	r := dialRaw(t, e.Addr())
	r.do("RG.PYEXECUTE", "log('hello from a gear', level='warning')")
	eventually(t, "gear log line", func() bool { return strings.Contains(buf.String(), "GEARS: hello from a gear") })
	if !strings.Contains(buf.String(), "msg=ready addr="+e.Addr()) {
		t.Errorf("log = %q, want a ready line with the address", buf.String())
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestProtocolErrors(t *testing.T) {
	e, _ := runWithClient(t)
	nc, err := net.Dial("tcp", e.Addr())
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	nc.SetDeadline(time.Now().Add(5 * time.Second))
	fmt.Fprint(nc, "*1\r\n$abc\r\n")
	buf := make([]byte, 256)
	n, _ := nc.Read(buf)
	if got := string(buf[:n]); got != "-ERR Protocol error: invalid bulk length\r\n" {
		t.Errorf("malformed bulk length reply = %q", got)
	}
	// Inline commands work, as in Redis.
	r := dialRaw(t, e.Addr())
	r.sc.c.Write([]byte("PING\r\n"))
	if raw, _ := r.sc.read(); string(raw) != "+PONG\r\n" {
		t.Errorf("inline PING = %q", raw)
	}
}

func TestAuth(t *testing.T) {
	e := RunT(t, Options{RequirePass: "secret"})
	r := dialRaw(t, e.Addr())
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"GET", "a"}, "-NOAUTH Authentication required.\r\n"},
		{[]string{"RG.DUMPREGISTRATIONS"}, "-NOAUTH Authentication required.\r\n"},
		{[]string{"AUTH", "wrong"}, "-WRONGPASS invalid username-password pair or user is disabled.\r\n"},
		{[]string{"AUTH", "secret"}, "+OK\r\n"},
		{[]string{"GET", "a"}, "$-1\r\n"},
	}
	for _, tt := range tests {
		if got := r.do(tt.args...); got != tt.want {
			t.Errorf("%q = %q, want %q", tt.args, got, tt.want)
		}
	}
	c := redis.NewClient(&redis.Options{Addr: e.Addr(), Password: "secret"})
	defer c.Close()
	if err := c.Set(t.Context(), "k", "v", 0).Err(); err != nil {
		t.Errorf("go-redis (RESP3, HELLO AUTH) SET: %v", err)
	}
	if v, err := c.Do(t.Context(), "RG.PYEXECUTE", "GB().map(lambda r: r['key']).run('k')").Result(); err != nil || fmt.Sprint(v) != "[[k] []]" {
		t.Errorf("go-redis RG.PYEXECUTE = %v, %v", v, err)
	}
	noauth := RunT(t)
	if got := dialRaw(t, noauth.Addr()).do("AUTH", "x"); !strings.HasPrefix(got, "-ERR AUTH <password> called without any password configured") {
		t.Errorf("AUTH without requirepass = %q", got)
	}
}

// TestConcurrentClients runs 50 clients mixing plain commands and gears.
func TestConcurrentClients(t *testing.T) {
	e, c := runOverRedis(t)
	mustDo(t, c, "RG.PYEXECUTE", "GB().foreach(lambda r: execute('INCR', 'writes')).register(prefix='c:*', mode='async_local')")
	var wg sync.WaitGroup
	errs := make(chan error, 50)
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			// One connection each: 50 clients, not a pool of a few.
			c := redis.NewClient(&redis.Options{Addr: e.Addr(), Protocol: 2, PoolSize: 1})
			defer c.Close()
			ctx := context.Background()
			for j := 0; j < 20; j++ {
				key := fmt.Sprintf("c:%d:%d", i, j)
				if err := c.Set(ctx, key, j, 0).Err(); err != nil {
					errs <- err
					return
				}
				if v, err := c.Get(ctx, key).Int(); err != nil || v != j {
					errs <- fmt.Errorf("GET %s = %d, %v", key, v, err)
					return
				}
				if j%10 == 0 {
					v, err := c.Do(ctx, "RG.PYEXECUTE", fmt.Sprintf("GB('KeysOnlyReader').count().run('c:%d:*')", i)).Result()
					if err != nil {
						errs <- fmt.Errorf("RG.PYEXECUTE: %v", err)
						return
					}
					if got := v.([]any)[0].([]any)[0]; got != fmt.Sprint(j+1) {
						errs <- fmt.Errorf("client %d count = %v, want %d", i, got, j+1)
						return
					}
				}
			}
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	eventually(t, "1000 registration runs", func() bool {
		n, _ := c.Get(context.Background(), "writes").Int()
		return n == 1000
	})
}

func TestHugeValues(t *testing.T) {
	_, c := runOverRedis(t)
	big := bytes.Repeat([]byte("x"), 8<<20)
	if err := c.Set(t.Context(), "big", big, 0).Err(); err != nil {
		t.Fatal(err)
	}
	if v, err := c.Get(t.Context(), "big").Bytes(); err != nil || !bytes.Equal(v, big) {
		t.Fatalf("GET big: %d bytes, %v", len(v), err)
	}
	v := mustDo(t, c, "RG.PYEXECUTE", "GB().map(lambda r: len(r['value'])).run('big')").([]any)
	if got := v[0].([]any)[0]; got != "8388608" {
		t.Errorf("len of big value in a gear = %v", got)
	}
	v = mustDo(t, c, "RG.PYEXECUTE", "GB('ShardsIDReader').map(lambda x: 'y' * (4 << 20)).run()").([]any)
	if got := len(v[0].([]any)[0].(string)); got != 4<<20 {
		t.Errorf("big gear result = %d bytes", got)
	}
	// Binary keys and values survive the proxy and the gear path.
	bin := "\x00\xff\r\n"
	mustDo(t, c, "SET", bin, bin)
	v = mustDo(t, c, "RG.PYEXECUTE", "GB().map(lambda r: type(r['value']).__name__).run('\\x00*')").([]any)
	if got := fmt.Sprint(v[0]); got != "[bytearray]" {
		t.Errorf("non-UTF-8 value type in a gear = %s, want [bytearray]", got)
	}
}

func TestPubSubAndMulti(t *testing.T) {
	forEachStore(t, func(t *testing.T, e *Emulator) {
		c := redis.NewClient(&redis.Options{Addr: e.Addr()})
		defer c.Close()
		ctx := t.Context()
		sub := c.Subscribe(ctx, "ch")
		defer sub.Close()
		if _, err := sub.Receive(ctx); err != nil {
			t.Fatal(err)
		}
		if err := c.Publish(ctx, "ch", "hello").Err(); err != nil {
			t.Fatal(err)
		}
		msg, err := sub.ReceiveMessage(ctx)
		if err != nil || msg.Payload != "hello" {
			t.Errorf("pubsub message = %v, %v", msg, err)
		}
		// Writes inside MULTI/EXEC fire registrations after EXEC.
		mustDo(t, c, "RG.PYEXECUTE", "GB().foreach(lambda r: execute('INCR', 'seen')).register(prefix='m:*', mode='sync')")
		_, err = c.TxPipelined(ctx, func(p redis.Pipeliner) error {
			p.Set(ctx, "m:1", "a", 0)
			p.Set(ctx, "m:2", "b", 0)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if n, _ := c.Get(ctx, "seen").Int(); n != 2 {
			t.Errorf("registration runs after MULTI/EXEC = %d, want 2", n)
		}
	})
}

func TestBlockingAndSelect(t *testing.T) {
	forEachStore(t, func(t *testing.T, e *Emulator) {
		r := dialRaw(t, e.Addr())
		r.do("RG.PYEXECUTE", "GB().foreach(lambda x: execute('INCR', 'n')).register(prefix='k', mode='sync')")
		done := make(chan string, 1)
		go func() {
			b := dialRaw(t, e.Addr())
			done <- b.do("BLPOP", "q", "5")
		}()
		time.Sleep(50 * time.Millisecond)
		r.do("RPUSH", "q", "x")
		if got := <-done; got != "*2\r\n$1\r\nq\r\n$1\r\nx\r\n" {
			t.Errorf("BLPOP = %q", got)
		}
		r.do("SELECT", "1")
		r.do("SET", "k", "other db")
		r.do("SELECT", "0")
		if got := r.do("GET", "n"); got != "$-1\r\n" {
			t.Errorf("a write in db 1 fired a registration: GET n = %q", got)
		}
		r.do("SET", "k", "db 0")
		if got := r.do("GET", "n"); got != "$1\r\n1\r\n" {
			t.Errorf("GET n = %q, want 1", got)
		}
	})
}

// TestRESP3 uses go-redis's default protocol (HELLO 3) through the
// emulator in front of a real redis-server: map replies pass through.
func TestRESP3(t *testing.T) {
	s := redistest.Start(t)
	e := RunT(t, Options{RedisURL: "redis://" + s.Addr})
	c := redis.NewClient(&redis.Options{Addr: e.Addr(), Protocol: 3})
	defer c.Close()
	ctx := t.Context()
	c.HSet(ctx, "h", "a", "1", "b", "2")
	m, err := c.HGetAll(ctx, "h").Result()
	if err != nil || len(m) != 2 || m["a"] != "1" {
		t.Errorf("HGETALL over RESP3 = %v, %v", m, err)
	}
	v, err := c.Do(ctx, "RG.PYEXECUTE", "GB().map(lambda r: r['value']['b']).run('h')").Result()
	if err != nil || fmt.Sprint(v) != "[[2] []]" {
		t.Errorf("RG.PYEXECUTE over RESP3 = %v, %v", v, err)
	}
}

// TestCloseEndsBlockedClients blocks a client in BLPOP 0 on a user's
// redis-server and closes the emulator: the store connection the proxy
// holds for it must close too, or the handler goroutine and the blocked
// client on the user's server outlive Close.
func TestCloseEndsBlockedClients(t *testing.T) {
	s := redistest.Start(t)
	e, err := Run(Options{RedisURL: "redis://" + s.Addr})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	direct := redis.NewClient(&redis.Options{Addr: s.Addr})
	defer direct.Close()
	blocked := func() string {
		info, err := direct.Info(t.Context(), "clients").Result()
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(info, "\r\n") {
			if v, ok := strings.CutPrefix(l, "blocked_clients:"); ok {
				return v
			}
		}
		return ""
	}
	done := make(chan error, 1)
	go func() {
		c := redis.NewClient(&redis.Options{Addr: e.Addr(), ReadTimeout: -1, MaxRetries: -1})
		defer c.Close()
		done <- c.BLPop(context.Background(), 0, "never").Err()
	}()
	eventually(t, "BLPOP to block on the store", func() bool { return blocked() == "1" })
	e.Close()
	eventually(t, "the store's blocked client to go", func() bool { return blocked() == "0" })
	select {
	case <-done:
	case <-time.After(time.Minute):
		t.Fatal("BLPOP through a closed emulator never returned")
	}
}

// TestOddArgs sends every RG command with no, odd and bad arguments: each
// gets a reply (an error is fine), and the emulator keeps serving.
func TestOddArgs(t *testing.T) {
	e, _ := runWithClient(t)
	r := dialRaw(t, e.Addr())
	variants := [][]string{
		{}, {""}, {"x"}, {"x", "y"}, {"-1", "-1", "-1"}, {"UNBLOCKING"},
		{"GB().run()", "ID"}, {"GB().run()", "DESCRIPTION"}, {"GB().run()", "REPLACE_WITH"},
		{"STATS"}, {"RESET"}, {"SHARD"}, {"CLUSTER"}, {"0000000000000000000000000000000000000000-1", "BOGUS"},
		{"SESSIONS"}, {"VERBOSE", "DEAD", "SESSIONS"}, {"x", "ABORTPENDING", "y"},
	}
	for name := range e.rgCmds {
		for _, v := range variants {
			r.do(append([]string{name}, v...)...)
		}
	}
	if got := r.do("PING"); got != "+PONG\r\n" {
		t.Errorf("PING after odd arguments = %q", got)
	}
}

// TestMultiMixed runs MULTI blocks that mix writes with commands that
// cause no event, and RG commands, which RedisGears queues like any other
// command: a write's registration still fires after EXEC, and each
// command's reply sits at its own place in EXEC's array.
func TestMultiMixed(t *testing.T) {
	forEachStore(t, func(t *testing.T, e *Emulator) {
		r := dialRaw(t, e.Addr())
		r.do("RG.PYEXECUTE", "GB().foreach(lambda r: execute('INCR', 'seen')).register(prefix='m:*', mode='sync')")
		r.do("MULTI")
		for _, args := range [][]string{{"PING"}, {"HGET", "h", "f"}, {"SET", "m:1", "a"}} {
			if got := r.do(args...); got != "+QUEUED\r\n" {
				t.Errorf("%v in MULTI = %q, want +QUEUED", args, got)
			}
		}
		if got := r.do("EXEC"); got != "*3\r\n+PONG\r\n$-1\r\n+OK\r\n" {
			t.Errorf("EXEC = %q", got)
		}
		if got := r.do("GET", "seen"); got != "$1\r\n1\r\n" {
			t.Errorf("registration runs after MULTI with PING and HGET: GET seen = %q, want 1", got)
		}
		// RG commands are queued and answer inside EXEC; RG.PYEXECUTE
		// refuses to run there.
		r.do("MULTI")
		for _, args := range [][]string{{"SET", "m:2", "b"}, {"RG.PYEXECUTE", "x = 1"}, {"RG.INFOCLUSTER"}} {
			if got := r.do(args...); got != "+QUEUED\r\n" {
				t.Errorf("%v in MULTI = %q, want +QUEUED", args, got)
			}
		}
		want := "*3\r\n+OK\r\n-" + msgMultiExec + "\r\n$15\r\nno cluster mode\r\n"
		if got := r.do("EXEC"); got != want {
			t.Errorf("EXEC with RG commands = %q, want %q", got, want)
		}
		if got := r.do("GET", "seen"); got != "$1\r\n2\r\n" {
			t.Errorf("registration runs after MULTI with RG commands: GET seen = %q, want 2", got)
		}
		// DISCARD forgets queued RG commands.
		r.do("MULTI")
		r.do("RG.INFOCLUSTER")
		r.do("DISCARD")
		r.do("MULTI")
		r.do("PING")
		if got := r.do("EXEC"); got != "*1\r\n+PONG\r\n" {
			t.Errorf("EXEC after DISCARD = %q", got)
		}
		// SELECT in MULTI moves the client when EXEC runs it, not when it
		// is queued: only the write in the gears' database fires, and a
		// discarded SELECT leaves the client where it was.
		for _, args := range [][]string{{"MULTI"}, {"SELECT", "1"}, {"SET", "m:x", "1"}, {"SELECT", "0"}, {"SET", "m:y", "1"}, {"EXEC"}} {
			r.do(args...)
		}
		if got := r.do("GET", "seen"); got != "$1\r\n3\r\n" {
			t.Errorf("registration runs after MULTI with SELECT: GET seen = %q, want 3", got)
		}
		for _, args := range [][]string{{"MULTI"}, {"SELECT", "1"}, {"DISCARD"}, {"SET", "m:z", "1"}} {
			r.do(args...)
		}
		if got := r.do("GET", "seen"); got != "$1\r\n4\r\n" {
			t.Errorf("registration runs after a discarded SELECT: GET seen = %q, want 4", got)
		}
	})
}

// TestDelFiresForDeletedKeysOnly deletes an existing and a missing key in
// one DEL: Redis notifies "del" for the existing one only.
func TestDelFiresForDeletedKeysOnly(t *testing.T) {
	forEachStore(t, func(t *testing.T, e *Emulator) {
		r := dialRaw(t, e.Addr())
		r.do("RG.PYEXECUTE", "GB().foreach(lambda r: execute('RPUSH', 'deleted', r['key'])).register(prefix='d:*', eventTypes=['del'], mode='sync')")
		r.do("SET", "d:a", "1")
		r.do("SET", "d:c", "1")
		if got := r.do("DEL", "d:a", "d:b", "d:c"); got != ":2\r\n" {
			t.Errorf("DEL d:a d:b d:c = %q, want 2", got)
		}
		if got := r.do("UNLINK", "d:a", "d:b"); got != ":0\r\n" {
			t.Errorf("UNLINK of deleted keys = %q, want 0", got)
		}
		if got := r.do("LRANGE", "deleted", "0", "-1"); got != "*2\r\n$3\r\nd:a\r\n$3\r\nd:c\r\n" {
			t.Errorf("keys the del registration saw = %q, want d:a and d:c", got)
		}
	})
}

// TestReset checks that RESET puts a client back in the gears' database,
// out of MULTI, and (with a password) logged out, as on Redis.
func TestReset(t *testing.T) {
	forEachStore(t, func(t *testing.T, e *Emulator) {
		r := dialRaw(t, e.Addr())
		r.do("RG.PYEXECUTE", "GB().foreach(lambda r: execute('INCR', 'seen')).register(prefix='r:*', mode='sync')")
		r.do("SELECT", "1")
		r.do("MULTI")
		if got := r.do("RESET"); got != "+RESET\r\n" {
			t.Errorf("RESET = %q", got)
		}
		if got := r.do("SET", "r:1", "v"); got != "+OK\r\n" {
			t.Errorf("SET after RESET = %q, want +OK (not QUEUED)", got)
		}
		if got := r.do("GET", "seen"); got != "$1\r\n1\r\n" {
			t.Errorf("registration runs after RESET from db 1: GET seen = %q, want 1", got)
		}
	})
	e := RunT(t, Options{RequirePass: "pw"})
	r := dialRaw(t, e.Addr())
	r.do("AUTH", "pw")
	r.do("RESET")
	if got := r.do("GET", "k"); !strings.HasPrefix(got, "-NOAUTH") {
		t.Errorf("GET after RESET with a password = %q, want NOAUTH", got)
	}
}

// TestWatchKeptByProbedCommands checks that a command the emulator runs
// in a MULTI of its own, to see which keys it changed, does not end the
// client's WATCH.
func TestWatchKeptByProbedCommands(t *testing.T) {
	forEachStore(t, func(t *testing.T, e *Emulator) {
		r, other := dialRaw(t, e.Addr()), dialRaw(t, e.Addr())
		r.do("RG.PYEXECUTE", "GB().register(prefix='d:*', mode='sync')")
		r.do("WATCH", "w")
		r.do("DEL", "d:a", "d:b")
		other.do("SET", "w", "changed")
		r.do("MULTI")
		r.do("SET", "w", "mine")
		if got := r.do("EXEC"); got != "*-1\r\n" {
			t.Errorf("EXEC after a watched key changed = %q, want nil", got)
		}
	})
}

// TestWatchKeptByFailedDiscard sends DISCARD or EXEC outside MULTI, which
// fail and, in Redis, keep the client's WATCH: a probed command after
// them must still not run in a MULTI of the emulator's (its EXEC would be
// aborted by the watch), and the client's own EXEC is aborted.
func TestWatchKeptByFailedDiscard(t *testing.T) {
	forEachStore(t, func(t *testing.T, e *Emulator) {
		for _, end := range []string{"DISCARD", "EXEC"} {
			r, other := dialRaw(t, e.Addr()), dialRaw(t, e.Addr())
			r.do("RG.PYEXECUTE", "GB().register(prefix='l', mode='sync')")
			r.do("FLUSHALL")
			r.do("RPUSH", "l", "a", "b")
			r.do("WATCH", "w")
			if got := r.do(end); !strings.HasPrefix(got, "-ERR") {
				t.Errorf("%s without MULTI = %q, want an error", end, got)
			}
			other.do("SET", "w", "changed")
			if got := r.do("LPOP", "l"); got != "$1\r\na\r\n" {
				t.Errorf("after WATCH; %s: LPOP l = %q, want a", end, got)
			}
			r.do("MULTI")
			r.do("SET", "x", "1")
			if got := r.do("EXEC"); got != "*-1\r\n" {
				t.Errorf("after WATCH; %s: EXEC once the watched key changed = %q, want nil", end, got)
			}
		}
	})
}

// TestProbeAbortedByWatch runs a probed command in a MULTI on a
// connection whose watched key changed, as would happen had the emulator
// missed a client's WATCH: the command does not run, and doProbed says so
// rather than taking EXEC's nil for its reply.
func TestProbeAbortedByWatch(t *testing.T) {
	s := redistest.Start(t)
	r, other := dialRaw(t, s.Addr), dialRaw(t, s.Addr)
	r.do("RPUSH", "l", "a")
	r.do("WATCH", "w")
	other.do("SET", "w", "changed")
	raw, evs, err := r.sc.doProbed([][]byte{[]byte("LPOP"), []byte("l")}, probeEmptied, true)
	if !errors.Is(err, errProbeAborted) {
		t.Errorf("doProbed(LPOP l) after the watched key changed = %q, %v, %v; want errProbeAborted", raw, evs, err)
	}
	if got := other.do("LLEN", "l"); got != ":1\r\n" {
		t.Errorf("LLEN l after the aborted LPOP = %q, want 1", got)
	}
}

// TestBlockingPopThatWaits pops the only element of a list a client waited
// for: as in Redis, the pop also fires "del" for the emptied list.
func TestBlockingPopThatWaits(t *testing.T) {
	forEachStore(t, func(t *testing.T, e *Emulator) {
		r, waiter := dialRaw(t, e.Addr()), dialRaw(t, e.Addr())
		r.do("RG.PYEXECUTE", "GB().foreach(lambda r: execute('RPUSH', 'events', r['event'])).register(prefix='w', mode='sync', readValue=False)")
		got := make(chan string, 1)
		go func() { got <- waiter.do("BLPOP", "w", "0") }()
		r.do("RPUSH", "w", "x")
		if v := <-got; v != "*2\r\n$1\r\nw\r\n$1\r\nx\r\n" {
			t.Errorf("BLPOP w 0 = %q, want w x", v)
		}
		v, _, _ := parseReply([]byte(r.do("LRANGE", "events", "0", "-1")))
		var evs []string
		for _, x := range v.([]any) {
			evs = append(evs, string(asBytes(x)))
		}
		sort.Strings(evs) // the push and the pop fire from two clients
		if diff := cmp.Diff([]string{"del", "lpop", "rpush"}, evs); diff != "" {
			t.Errorf("events of a push served to a waiting BLPOP (-want +got):\n%s", diff)
		}
	})
}
