package emulator

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestEventsFor(t *testing.T) {
	tests := []struct {
		args []string
		raw  string
		want []keyEvent
	}{
		{[]string{"SET", "k", "v"}, "+OK\r\n", []keyEvent{{"k", "set"}}},
		{[]string{"set", "k", "v", "EX", "10"}, "+OK\r\n", []keyEvent{{"k", "set"}, {"k", "expire"}}},
		{[]string{"SET", "k", "v", "NX"}, "$-1\r\n", nil},
		{[]string{"SETNX", "k", "v"}, ":0\r\n", nil},
		{[]string{"MSET", "a", "1", "b", "2"}, "+OK\r\n", []keyEvent{{"a", "set"}, {"b", "set"}}},
		{[]string{"INCR", "n"}, ":1\r\n", []keyEvent{{"n", "incrby"}}},
		{[]string{"DEL", "a", "b"}, ":2\r\n", []keyEvent{{"a", "del"}, {"b", "del"}}},
		{[]string{"DEL", "a"}, ":0\r\n", nil},
		{[]string{"HSET", "h", "f", "v"}, ":1\r\n", []keyEvent{{"h", "hset"}}},
		{[]string{"HDEL", "h", "f"}, ":0\r\n", nil},
		{[]string{"LPOP", "l"}, "$-1\r\n", nil},
		{[]string{"RENAME", "a", "b"}, "+OK\r\n", []keyEvent{{"a", "rename_from"}, {"b", "rename_to"}}},
		{[]string{"LMOVE", "a", "b", "RIGHT", "LEFT"}, "$1\r\nx\r\n", []keyEvent{{"a", "rpop"}, {"b", "lpush"}}},
		{[]string{"XADD", "s", "*", "f", "v"}, "$3\r\n1-1\r\n", []keyEvent{{"s", "xadd"}}},
		{[]string{"GET", "k"}, "$-1\r\n", []keyEvent{{"k", "keymiss"}}},
		{[]string{"GET", "k"}, "$1\r\nv\r\n", nil},
		{[]string{"GETEX", "k"}, "$1\r\nv\r\n", nil},
		{[]string{"GETEX", "k", "PERSIST"}, "$1\r\nv\r\n", []keyEvent{{"k", "persist"}}},
		{[]string{"EXPIRE", "k", "10"}, ":1\r\n", []keyEvent{{"k", "expire"}}},
		{[]string{"SET", "k", "v"}, "-ERR oom\r\n", nil},
		{[]string{"PING"}, "+PONG\r\n", nil},
		{[]string{"SETBIT", "b", "7", "1"}, ":0\r\n", []keyEvent{{"b", "setbit"}}},
		{[]string{"PFADD", "p", "x"}, ":1\r\n", []keyEvent{{"p", "pfadd"}}},
		{[]string{"GEOADD", "g", "13.3", "38.1", "x"}, ":1\r\n", []keyEvent{{"g", "zadd"}}},
		{[]string{"BLPOP", "a", "b", "0"}, "*2\r\n$1\r\nb\r\n$1\r\nx\r\n", []keyEvent{{"b", "lpop"}}},
		{[]string{"BRPOP", "a", "1"}, "*-1\r\n", nil},
		{[]string{"BZPOPMIN", "z", "0"}, "*3\r\n$1\r\nz\r\n$1\r\nm\r\n$1\r\n1\r\n", []keyEvent{{"z", "zpopmin"}}},
		{[]string{"BRPOPLPUSH", "a", "b", "0"}, "$1\r\nx\r\n", []keyEvent{{"a", "rpop"}, {"b", "lpush"}}},
		{[]string{"BLMOVE", "a", "b", "LEFT", "RIGHT", "0"}, "$1\r\nx\r\n", []keyEvent{{"a", "lpop"}, {"b", "rpush"}}},
	}
	for _, tt := range tests {
		args := make([][]byte, len(tt.args))
		for i, a := range tt.args {
			args[i] = []byte(a)
		}
		got := eventsFor(args, []byte(tt.raw))
		if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(keyEvent{})); diff != "" {
			t.Errorf("eventsFor(%q, %q) mismatch (-want +got):\n%s", tt.args, tt.raw, diff)
		}
	}
}
