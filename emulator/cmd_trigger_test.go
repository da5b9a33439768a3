package emulator

import (
	"testing"
)

func TestTrigger(t *testing.T) {
	e, _ := runWithClient(t)
	r := dialRaw(t, e.Addr())
	r.do("RG.PYEXECUTE", "GB('CommandReader').map(lambda a: '|'.join(a)).register(trigger='join')")
	r.do("RG.PYEXECUTE", "GB('CommandReader').map(lambda a: 1/0).register(trigger='fail', mode='sync')")
	r.do("RG.PYEXECUTE", "GB('CommandReader').flatmap(lambda a: a[1:]).register(trigger='many', convertToStr=False)")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"RG.TRIGGER", "join", "a", "b"}, respBulks("join|a|b")},
		{[]string{"RG.TRIGGERONKEY", "join", "k", "x"}, respBulks("join|k|x")},
		{[]string{"RG.TRIGGER", "many", "a", "b"}, respBulks("b", "a")},
		{[]string{"RG.TRIGGER", "nope"}, "-ERR subcommand not found\r\n"},
		{[]string{"RG.TRIGGER"}, "-ERR wrong number of arguments for 'RG.TRIGGER' command\r\n"},
		{[]string{"RG.TRIGGERONKEY", "join"}, "-ERR wrong number of arguments for 'RG.TRIGGERONKEY' command\r\n"},
	}
	for _, tt := range tests {
		if got := r.do(tt.args...); got != tt.want {
			t.Errorf("%q = %q, want %q", tt.args, got, tt.want)
		}
	}
	if got := r.do("RG.TRIGGER", "fail"); len(got) < 14 || got[:14] != "-['Traceback (" {
		t.Errorf("RG.TRIGGER fail = %q, want the first error as an error reply", got)
	}
	if got := r.do("RG.PYEXECUTE", "GB('CommandReader').register(trigger='join')"); !containsString(got, "trigger already registered") {
		t.Errorf("duplicate trigger = %q", got)
	}
}

func TestCommandHook(t *testing.T) {
	forEachStore(t, func(t *testing.T, e *Emulator) {
		r := dialRaw(t, e.Addr())
		r.do("RG.PYEXECUTE", "GB('CommandReader').map(lambda a: call_next(a[1], a[2].upper())).register(hook='set', keyprefix='up:', mode='sync', convertToStr=False)")
		r.do("RG.PYEXECUTE", "GB('CommandReader').map(lambda a: [call_next(*a[1:]), 'hooked']).register(hook='hget', convertToStr=False)")
		r.do("RG.PYEXECUTE", "GB('CommandReader').flatmap(lambda a: [1, 2]).register(hook='incr', convertToStr=False)")
		// Two hooks on LPUSH: the newer runs first, call_next reaches the older.
		r.do("RG.PYEXECUTE", "GB('CommandReader').map(lambda a: call_next(a[1], a[2] + '-old')).register(hook='lpush', convertToStr=False)")
		r.do("RG.PYEXECUTE", "GB('CommandReader').map(lambda a: call_next(a[1], a[2] + '-new')).register(hook='lpush', convertToStr=False)")
		tests := []struct {
			args []string
			want string
		}{
			{[]string{"SET", "up:1", "abc"}, "$2\r\nOK\r\n"}, // call_next turns the status into a str
			{[]string{"GET", "up:1"}, "$3\r\nABC\r\n"},
			{[]string{"SET", "plain", "abc"}, "+OK\r\n"},
			{[]string{"GET", "plain"}, "$3\r\nabc\r\n"},
			{[]string{"HSET", "h", "f", "v"}, ":1\r\n"},
			{[]string{"HGET", "h", "f"}, "*2\r\n$1\r\nv\r\n$6\r\nhooked\r\n"},
			{[]string{"INCR", "n"}, "-Command hook must return exactly one result\r\n"},
			{[]string{"LPUSH", "l", "x"}, ":1\r\n"},
			{[]string{"LRANGE", "l", "0", "-1"}, "*1\r\n$9\r\nx-new-old\r\n"},
		}
		for _, tt := range tests {
			if got := r.do(tt.args...); got != tt.want {
				t.Errorf("%q = %q, want %q", tt.args, got, tt.want)
			}
		}
	})
}

func containsString(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

// TestHookRefused registers hooks over a real redis-server: those on an
// unknown command, on a command Redis does not allow in scripts, or by key
// prefix (a keyprefix, or a KeysReader's commands) on one with movable
// keys or without keys, fail with RedisGears' error, checked in its order,
// and leave nothing registered.
func TestHookRefused(t *testing.T) {
	e, _ := runOverRedis(t)
	r := dialRaw(t, e.Addr())
	tests := []struct {
		script, want string
	}{
		{"GB('CommandReader').register(hook='subscribe')", "-" + msgHookNoScript + "\r\n"},
		{"GB('CommandReader').register(hook='MULTI')", "-" + msgHookNoScript + "\r\n"},
		{"GB('CommandReader').register(hook='zunionstore', keyprefix='k')", "-" + msgHookMovableKeys + "\r\n"},
		{"GB().register(prefix='k*', commands=['set', 'watch'])", "-" + msgHookNoScript + "\r\n"},
		{"GB().register(prefix='k*', commands=['sort'])", "-" + msgHookMovableKeys + "\r\n"},
		{"GB('CommandReader').register(hook='zunionstore')", "+OK\r\n"},
		{"GB('CommandReader').register(hook='set', keyprefix='k')", "+OK\r\n"},
		{"GB().register(prefix='k*', commands=['set', 'hset'])", "+OK\r\n"},
		{"GB('CommandReader').register(hook='nosuchcommand')", "-" + msgHookNoCommand + "\r\n"},
		{"GB('CommandReader').register(hook='eval', keyprefix='k')", "-" + msgHookNoScript + "\r\n"},
		{"GB().register(prefix='k*', commands=['eval'])", "-" + msgHookNoScript + "\r\n"},
		{"GB('CommandReader').register(hook='ping', keyprefix='k')", "-" + msgHookNoFirstKey + "\r\n"},
		{"GB().register(prefix='k*', commands=['ping'])", "-" + msgHookNoFirstKey + "\r\n"},
		{"GB('CommandReader').register(hook='ping')", "+OK\r\n"},
	}
	for _, tc := range tests {
		before := e.NumRegistrations()
		got := r.do("RG.PYEXECUTE", tc.script)
		if got != tc.want {
			t.Errorf("RG.PYEXECUTE %q = %q, want %q", tc.script, got, tc.want)
		}
		if added, want := e.NumRegistrations()-before, map[bool]int{true: 1, false: 0}[tc.want == "+OK\r\n"]; added != want {
			t.Errorf("RG.PYEXECUTE %q added %d registrations, want %d", tc.script, added, want)
		}
	}
}
