package keyspace

import (
	"testing"

	"github.com/gogears/gogears/gearstest"
)

func TestKeyspace(t *testing.T) {
	p := gearstest.New(t)
	gearstest.Register(p, Audit)
	gearstest.Register(p, EventCounts)
	gearstest.Register(p, Sizes)
	gearstest.Register(p, Kinds)
	p.Do("HSET", "watched:ü", "naïve", "1", "b", "2")
	p.Do("HINCRBY", "watched:ü", "b", "-5")
	p.Do("HDEL", "watched:ü", "naïve")
	p.Do("SET", "watched:s", "x")
	p.Do("APPEND", "watched:s", "yz")
	p.Do("RPUSH", "watched:l", "1", "2")
	p.Do("LPOP", "watched:l")
	p.Do("DEL", "watched:ü", "watched:s")
	p.Do("SADD", "watched:set", "m1", "m2")
	p.Do("ZADD", "watched:z", "-1", "m")
	p.Do("XADD", "watched:x", "1-1", "f", "v")
	p.Do("EXPIRE", "watched:l", "100")
	p.Do("PERSIST", "watched:l")
	p.Do("RENAME", "watched:l", "watched:l2")
	p.Do("INCRBY", "watched:n", "-3")
	p.Do("HSET", "ignored", "a", "1")
	p.CompareStore()
}

func TestChain(t *testing.T) {
	p := gearstest.New(t)
	gearstest.Register(p, Forward)
	gearstest.Register(p, Count)
	p.Do("SET", "in:ä", "1")
	p.Do("MSET", "in:b", "2", "in:c", "")
	p.Do("APPEND", "in:b", "x") // not a set event
	p.CompareStore()
	if got := p.Native.Get(t.Context(), "out:count").Val(); got != "3" {
		t.Errorf("out:count = %q, want 3", got)
	}
}
