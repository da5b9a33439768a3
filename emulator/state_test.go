package emulator

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/gogears/gogears/internal/redistest"
	"github.com/google/go-cmp/cmp"
)

// dumpIDs returns the registration ids RG.DUMPREGISTRATIONS lists, in
// order, with their reader.
func dumpIDs(t *testing.T, r *rawConn) []string {
	t.Helper()
	v, _, err := parseReply([]byte(r.do("RG.DUMPREGISTRATIONS")))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, reg := range v.([]any) {
		fields := reg.([]any)
		ids = append(ids, string(asBytes(fields[1]))+" "+string(asBytes(fields[3])))
	}
	return ids
}

// TestStateFileRestart restarts an emulator over the same redis-server
// with a state file: the registrations come back with their ids, fire
// and trigger, an unregistered one stays gone, and new ids do not repeat
// saved ones.
func TestStateFileRestart(t *testing.T) {
	s := redistest.Start(t)
	state := filepath.Join(t.TempDir(), "state.json")
	opts := Options{RedisURL: "redis://" + s.Addr, StateFile: state}
	e1 := RunT(t, opts)
	r := dialRaw(t, e1.Addr())
	r.do("RG.PYEXECUTE", "GB().foreach(lambda x: execute('INCR', 'fired')).register(prefix='k*', mode='sync')", "ID", "keys", "DESCRIPTION", "counts k*")
	r.do("RG.PYEXECUTE", "GB('CommandReader').map(lambda a: 'A').register(trigger='a')\nGB('CommandReader').map(lambda a: 'B').register(trigger='b')", "ID", "two")
	e1.mu.Lock()
	first := e1.sessions["two"].regs[0]
	e1.mu.Unlock()
	r.do("RG.UNREGISTER", first)
	before := dumpIDs(t, r)
	sessions := r.do("RG.PYDUMPSESSIONS")
	e1.Close()

	e2 := RunT(t, opts)
	r = dialRaw(t, e2.Addr())
	if diff := cmp.Diff(before, dumpIDs(t, r)); diff != "" {
		t.Errorf("registrations after the restart (-before +after):\n%s", diff)
	}
	if got := r.do("RG.PYDUMPSESSIONS"); got != sessions {
		t.Errorf("RG.PYDUMPSESSIONS after the restart = %q, want %q", got, sessions)
	}
	r.do("SET", "k1", "v")
	if got := r.do("GET", "fired"); got != "$1\r\n1\r\n" {
		t.Errorf("GET fired after SET k1 = %q, want 1 (the KeysReader fired once)", got)
	}
	if got := r.do("RG.TRIGGER", "b"); got != "*1\r\n$1\r\nB\r\n" {
		t.Errorf("RG.TRIGGER b = %q, want B", got)
	}
	if got := r.do("RG.TRIGGER", "a"); got != "-ERR subcommand not found\r\n" {
		t.Errorf("RG.TRIGGER a (unregistered before the restart) = %q, want not found", got)
	}
	r.do("RG.PYEXECUTE", "GB('CommandReader').register(trigger='c')", "ID", "new")
	ids := dumpIDs(t, r)
	if last := ids[len(ids)-1]; slices.Contains(before, last) || idSeq([]string{strings.Fields(last)[0]}) <= idSeq([]string{strings.Fields(before[len(before)-1])[0]}) {
		t.Errorf("new registration %s, want an id after the restored %q", last, before)
	}
	// Unregistering the last of a session drops the session from the file.
	for _, id := range ids {
		r.do("RG.UNREGISTER", strings.Fields(id)[0])
	}
	data, err := os.ReadFile(state)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"sessions": []`) {
		t.Errorf("state file with every registration gone = %s, want no sessions", data)
	}
}

// TestStateFileUpgrade upgrades a session, then restarts: the upgraded
// script is the one that comes back, alone.
func TestStateFileUpgrade(t *testing.T) {
	s := redistest.Start(t)
	opts := Options{RedisURL: "redis://" + s.Addr, StateFile: filepath.Join(t.TempDir(), "state.json")}
	e1 := RunT(t, opts)
	r := dialRaw(t, e1.Addr())
	r.do("RG.PYEXECUTE", "GB().foreach(lambda x: execute('INCRBY', 'fired', 1)).register(prefix='k*', mode='sync')", "ID", "keys")
	if got := r.do("RG.PYEXECUTE", "GB().foreach(lambda x: execute('INCRBY', 'fired', 10)).register(prefix='k*', mode='sync')", "ID", "keys", "UPGRADE"); got != "+OK\r\n" {
		t.Fatalf("RG.PYEXECUTE ... UPGRADE = %q", got)
	}
	before := dumpIDs(t, r)
	e1.Close()

	e2 := RunT(t, opts)
	r = dialRaw(t, e2.Addr())
	if diff := cmp.Diff(before, dumpIDs(t, r)); diff != "" {
		t.Errorf("registrations after the restart (-before +after):\n%s", diff)
	}
	r.do("SET", "k1", "v")
	if got := r.do("GET", "fired"); got != "$2\r\n10\r\n" {
		t.Errorf("GET fired after SET k1 = %q, want 10 (the upgraded script fired once)", got)
	}
}

// TestStateFileErrors checks that a state file Run cannot restore makes it
// fail with ErrBadState, naming the file and the fix, and leaves the file
// alone.
func TestStateFileErrors(t *testing.T) {
	tests := []struct {
		name, content, want string
	}{
		{"not json", "{", "fix the file or remove it"},
		{"other version", `{"version": 99}`, "version 99, want 1"},
		{"script fails", `{"version": 1, "seq": 5, "sessions": [{"id": "s", "script": "GB(", "made": ["x-1"], "live": ["x-1"]}]}`, "session s: "},
		{"fewer registrations", `{"version": 1, "seq": 5, "sessions": [{"id": "s", "script": "x = 1", "made": ["x-1"], "live": ["x-1"]}]}`, "want [x-1]"},
		{"live without made", `{"version": 1, "seq": 5, "sessions": [{"id": "s", "script": "x = 1", "live": ["x-1"]}]}`, "no \"made\" ids"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			state := filepath.Join(t.TempDir(), "state.json")
			if err := os.WriteFile(state, []byte(tc.content), 0o644); err != nil {
				t.Fatal(err)
			}
			e, err := Run(Options{StateFile: state})
			if err == nil {
				e.Close()
				t.Fatalf("Run with state %s = nil error, want one containing %q", tc.content, tc.want)
			}
			if !errors.Is(err, ErrBadState) || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), state) {
				t.Errorf("Run with state %s = %v, want ErrBadState naming %s and containing %q", tc.content, err, state, tc.want)
			}
			if data, _ := os.ReadFile(state); string(data) != tc.content {
				t.Errorf("state file after the failed Run = %q, want it unchanged", data)
			}
		})
	}
}

// TestStateFileNew checks that a missing state file is a fresh start and
// is written at once, and that an unwritable one fails Run.
func TestStateFileNew(t *testing.T) {
	state := filepath.Join(t.TempDir(), "state.json")
	RunT(t, Options{StateFile: state})
	if data, err := os.ReadFile(state); err != nil || !strings.Contains(string(data), `"version": 1`) {
		t.Errorf("state file after Run = %q, %v; want a version 1 file", data, err)
	}
	if e, err := Run(Options{StateFile: filepath.Join(t.TempDir(), "missing", "state.json")}); err == nil || !strings.Contains(err.Error(), "writable directory") {
		if e != nil {
			e.Close()
		}
		t.Errorf("Run with a state file in a missing directory = %v, want an error naming the fix", err)
	}
}

// TestStateFileRestoreSkipsWrites restarts an emulator with a state file
// over the same Redis: RedisGears restores registrations without running
// the script again, so its top-level writes must not happen twice, while
// onRegistered runs again, as RedisGears runs it on load. New ids follow
// the saved ones even when the file's seq is behind them.
func TestStateFileRestoreSkipsWrites(t *testing.T) {
	s := redistest.Start(t)
	state := filepath.Join(t.TempDir(), "state.json")
	opts := Options{RedisURL: "redis://" + s.Addr, StateFile: state}
	e1 := RunT(t, opts)
	r := dialRaw(t, e1.Addr())
	script := "execute('INCR', 'n')\nexecute('DEL', 'queue')\nv = execute('GET', 'n')\n" +
		"GB('CommandReader').map(lambda a: 'n=%s' % v).register(trigger='t', onRegistered=lambda: execute('INCR', 'loaded'))"
	if got := r.do("RG.PYEXECUTE", script, "ID", "s"); got != "+OK\r\n" {
		t.Fatalf("RG.PYEXECUTE = %q", got)
	}
	r.do("RPUSH", "queue", "job1")
	e1.Close()
	// A hand-edited file whose seq is behind its ids.
	data, err := os.ReadFile(state)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(state, []byte(strings.Replace(string(data), `"seq": `, `"seq": 0, "was": `, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	e2 := RunT(t, opts)
	r = dialRaw(t, e2.Addr())
	for _, tc := range []struct{ cmd, want string }{
		{"GET n", "$1\r\n1\r\n"},
		{"LLEN queue", ":1\r\n"},
		{"GET loaded", "$1\r\n2\r\n"},
	} {
		if got := r.do(strings.Fields(tc.cmd)...); got != tc.want {
			t.Errorf("%s after the restart = %q, want %q", tc.cmd, got, tc.want)
		}
	}
	if got := r.do("RG.TRIGGER", "t"); !strings.Contains(got, "n=1") {
		t.Errorf("RG.TRIGGER t = %q, want n=1: the restored script reads the data as it is", got)
	}
	r.do("RG.PYEXECUTE", "GB('CommandReader').register(trigger='u')", "ID", "s2")
	ids := regexp.MustCompile(`[0-9a-f]{40}-[0-9]+`).FindAllString(r.do("RG.DUMPREGISTRATIONS"), -1)
	if slices.Sort(ids); len(slices.Compact(ids)) != 2 {
		t.Errorf("registration ids after a restart = %q, want two different ones", ids)
	}
}
