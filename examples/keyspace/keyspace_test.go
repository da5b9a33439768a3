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
	p.Do("HSET", "watched:ü", "naïve", "1", "b", "2")
	p.Do("HINCRBY", "watched:ü", "b", "-5")
	p.Do("HDEL", "watched:ü", "naïve")
	p.Do("SET", "watched:s", "x")
	p.Do("APPEND", "watched:s", "yz")
	p.Do("RPUSH", "watched:l", "1", "2")
	p.Do("LPOP", "watched:l")
	p.Do("DEL", "watched:ü", "watched:s")
	p.Do("HSET", "ignored", "a", "1")
	p.CompareStore()
}
