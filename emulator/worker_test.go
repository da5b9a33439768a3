package emulator

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gogears/gogears/internal/python"
	"github.com/google/go-cmp/cmp"
	"github.com/redis/go-redis/v9"
)

// TestWorkerRestart kills the python worker during an execution: the
// execution reports an error instead of hanging, the worker comes back, and
// registrations keep firing.
func TestWorkerRestart(t *testing.T) {
	e, c := runWithClient(t)
	r := dialRaw(t, e.Addr())
	r.do("RG.PYEXECUTE", "GB('CommandReader').map(lambda a: 'alive').register(trigger='t')", "ID", "keep")
	r.do("RG.PYEXECUTE", "GB().foreach(lambda x: execute('INCR', 'n')).register(prefix='k', mode='sync')", "ID", "keep2")
	id := mustDo(t, c, "RG.PYEXECUTE", sleepingGear, "UNBLOCKING").(string)
	pid := e.WorkerPID()
	waitStarted(t, r)
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	got := r.do("RG.GETRESULTSBLOCKING", id)
	if !strings.Contains(got, "the python worker exited") {
		t.Errorf("RG.GETRESULTSBLOCKING after the worker died = %q, want the worker error", got)
	}
	eventually(t, "a new worker", func() bool { p := e.WorkerPID(); return p != 0 && p != pid })
	if got := r.do("RG.TRIGGER", "t"); got != "*1\r\n$5\r\nalive\r\n" {
		t.Errorf("RG.TRIGGER after restart = %q", got)
	}
	r.do("SET", "k", "1")
	if got := r.do("GET", "n"); got != "$1\r\n1\r\n" {
		t.Errorf("sync registration after restart: GET n = %q, want 1", got)
	}
	if got := r.do("SET", "x", "y"); got != "+OK\r\n" {
		t.Errorf("SET after restart = %q", got)
	}
}

// TestWorkerRestartAfterUnregister unregisters the first of a session's
// two registrations, then kills the worker: the one left keeps its id and
// its own code, rather than taking the id of the first one the script
// makes again.
func TestWorkerRestartAfterUnregister(t *testing.T) {
	e, _ := runWithClient(t)
	r := dialRaw(t, e.Addr())
	r.do("RG.PYEXECUTE", "GB('CommandReader').map(lambda a: 'A').register(trigger='a')\nGB('CommandReader').map(lambda a: 'B').register(trigger='b')", "ID", "two")
	e.mu.Lock()
	first := e.sessions["two"].regs[0]
	e.mu.Unlock()
	if got := r.do("RG.UNREGISTER", first); got != "+OK\r\n" {
		t.Fatalf("RG.UNREGISTER %s = %q", first, got)
	}
	pid := e.WorkerPID()
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	eventually(t, "a new worker", func() bool { p := e.WorkerPID(); return p != 0 && p != pid })
	var got string
	eventually(t, "the registration to be back", func() bool { got = r.do("RG.TRIGGER", "b"); return got[0] != '-' })
	if got != "*1\r\n$1\r\nB\r\n" {
		t.Errorf("RG.TRIGGER b after the restart = %q, want B", got)
	}
	if got := r.do("RG.TRIGGER", "a"); got != "-ERR subcommand not found\r\n" {
		t.Errorf("RG.TRIGGER a (unregistered) after the restart = %q, want not found", got)
	}
}

// TestCloseLeavesNoProcesses checks that Close ends the worker.
func TestCloseLeavesNoProcesses(t *testing.T) {
	e, err := Run(Options{})
	if err != nil {
		t.Fatal(err)
	}
	pid := e.WorkerPID()
	e.Close()
	if err := syscall.Kill(pid, 0); err == nil {
		t.Errorf("python worker %d still running after Close", pid)
	}
}

// TestChildrenDieWithEmulator SIGKILLs a process running an emulator with
// a redis-server store: neither the python worker nor redis-server may
// outlive it. (A killed `gogears emulator` or a crashed test binary must
// not leave servers behind.)
func TestChildrenDieWithEmulator(t *testing.T) {
	if os.Getenv("GOGEARS_CHILDREN_HELPER") == "1" {
		e, err := Run(Options{Store: StoreRedisServer})
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
		fmt.Printf("pids %d %d\n", e.WorkerPID(), e.store.proc.Process.Pid)
		select {}
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestChildrenDieWithEmulator$")
	cmd.Env = append(os.Environ(), "GOGEARS_CHILDREN_HELPER=1")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	var worker, redis int
	line, err := bufio.NewReader(out).ReadString('\n')
	if _, serr := fmt.Sscanf(line, "pids %d %d", &worker, &redis); err != nil || serr != nil {
		t.Fatalf("helper printed %q, %v", line, err)
	}
	cmd.Process.Kill()
	cmd.Wait()
	for _, p := range []struct {
		name string
		pid  int
	}{{"python worker", worker}, {"redis-server", redis}} {
		eventually(t, p.name+" to exit with the emulator's process", func() bool {
			// The orphan is reaped by init; a zombie still counts as gone.
			b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", p.pid))
			return err != nil || strings.Contains(string(b), ") Z ")
		})
	}
}

// TestCloseEndsBlockingRuns closes the emulator while a client waits on a
// blocking run that never ends: Close returns and the client gets an
// answer or a closed connection, not a hang.
func TestCloseEndsBlockingRuns(t *testing.T) {
	e, err := Run(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	r := dialRaw(t, e.Addr())
	done := make(chan struct{})
	go func() {
		defer close(done)
		c := redis.NewClient(&redis.Options{Addr: e.Addr(), ReadTimeout: -1, MaxRetries: -1})
		defer c.Close()
		c.Do(context.Background(), "RG.PYEXECUTE", "def spin(x):\n    execute('SET', 'started', '1')\n    while True:\n        pass\nGB('ShardsIDReader').map(spin).run()")
	}()
	waitStarted(t, r)
	closed := make(chan struct{})
	go func() { e.Close(); close(closed) }()
	for _, ch := range []chan struct{}{closed, done} {
		select {
		case <-ch:
		case <-time.After(time.Minute):
			t.Fatal("Close with a blocking run in flight hung")
		}
	}
}

// TestBadTriggerFrameFinishes sends the worker a trigger it cannot start:
// the execution ends with an error instead of leaving RG.TRIGGER and
// RG.GETRESULTSBLOCKING waiting forever.
func TestBadTriggerFrameFinishes(t *testing.T) {
	e, _ := runWithClient(t)
	r := dialRaw(t, e.Addr())
	r.do("RG.PYEXECUTE", "GB('CommandReader').register(trigger='bad')")
	e.mu.Lock()
	reg := e.regs[e.regOrder[0]]
	e.mu.Unlock()
	ex := e.trigger(reg, map[string]any{}) // no "args": the worker fails to start it
	select {
	case <-ex.done:
		if len(ex.errors) == 0 {
			t.Errorf("execution of a bad trigger frame finished without an error")
		}
	case <-time.After(time.Minute):
		t.Fatal("execution of a bad trigger frame never finished")
	}
}

// TestWireValues encodes frames the way the emulator sends them and
// decodes them with the worker's decoder: reply values keep their types
// (non-UTF-8 bytes, error replies), and dicts that are plain data, even
// ones shaped like the markers for those, stay dicts.
func TestWireValues(t *testing.T) {
	value := func(v any) *frame {
		w, tagged := toWire(v)
		return &frame{Op: "reply", ID: 1, Value: w, Tagged: tagged}
	}
	frames := []*frame{
		value([]byte("text")),
		value([]any{[]byte("a"), []byte{0xff, 0}, replyError("ERR no"), nil, int64(7)}),
		{Op: "trigger", Exec: "x", Input: map[string]any{"b": "aGk="}},
		{Op: "trigger", Exec: "x", Input: map[string]any{"e": "boom"}},
		{Op: "reply", ID: 1, Value: map[string]any{"b": "aGk="}},
	}
	var in []string
	for _, f := range frames {
		data, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		in = append(in, string(data))
	}
	const program = `
import json, sys
sys.path.insert(0, 'python')
import worker
out = []
for data in json.load(sys.stdin):
    m = worker.decode(data.encode())
    v = m.get('value', m.get('input'))
    def show(v):
        if isinstance(v, list):
            return [show(x) for x in v]
        return '%s %r' % (type(v).__name__, v)
    out.append(show(v))
print(json.dumps(out))
`
	var got []any
	if err := python.RunJSON(program, in, &got); err != nil {
		t.Fatal(err)
	}
	want := []any{
		"str 'text'",
		[]any{"str 'a'", "bytearray bytearray(b'\\xff\\x00')", "ReplyError 'ERR no'", "NoneType None", "int 7"},
		"dict {'b': 'aGk='}",
		"dict {'e': 'boom'}",
		"dict {'b': 'aGk='}",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("decoded frames (-want +got):\n%s", diff)
	}
}
