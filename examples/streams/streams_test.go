package streams

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/gogears/gogears/gearstest"
)

func TestAggregate(t *testing.T) {
	p := gearstest.New(t, gearstest.Seed(func(ctx context.Context, rdb redis.UniversalClient) error {
		// One entry already there when the registration starts.
		return rdb.XAdd(ctx, &redis.XAddArgs{Stream: "reading:t1", ID: "1-1", Values: []string{"value", "-2.5"}}).Err()
	}))
	gearstest.Register(p, Aggregate)
	p.Do("XADD", "reading:t1", "*", "value", "10")
	p.Do("XADD", "reading:t1", "*", "value", "-0.25")
	p.Do("XADD", "reading:t1", "*", "value", "not a number")
	p.Do("XADD", "reading:température", "*", "value", "21.5", "unit", "°C")
	p.Do("XADD", "reading:température", "*", "value", "22")
	p.Do("XADD", "reading:t2", "*", "value", "1") // batch not full yet
	p.CompareStore()
	gearstest.Run(p, Mean)
}

func TestMeanEmpty(t *testing.T) {
	if got := gearstest.Compare(t, Mean); len(got) != 0 {
		t.Errorf("Mean of a missing stream = %v, want no record", got)
	}
}

func TestReliable(t *testing.T) {
	p := gearstest.New(t)
	gearstest.Register(p, Enqueue)
	gearstest.Register(p, Process)
	p.Do("HSET", "order:1", "total", "-5")
	p.Do("HSET", "order:ß", "total", "12.50")
	p.Do("HSET", "order:1", "total", "7")
	p.CompareStore()
}

func TestDrainTrims(t *testing.T) {
	p := gearstest.New(t, gearstest.Seed(func(ctx context.Context, rdb redis.UniversalClient) error {
		for i, kind := range []string{"email", "sms", "email", "push", "sms"} {
			if err := rdb.XAdd(ctx, &redis.XAddArgs{Stream: "jobs:a", ID: fmt.Sprintf("1-%d", i+1), Values: []string{"kind", kind}}).Err(); err != nil {
				return err
			}
		}
		return nil
	}))
	gearstest.Register(p, Drain)
	p.CompareStore()
	for _, kind := range []string{"email", "ünïcode", "sms", "email"} {
		p.Do("XADD", "jobs:b", "*", "kind", kind)
	}
	p.CompareStore()
}

func TestIngestAborts(t *testing.T) {
	p := gearstest.New(t)
	gearstest.Register(p, Ingest)
	p.Do("XADD", "meter", "*", "id", "m-1", "kwh", "-1.25")
	p.DoFailing("XADD", "meter", "*", "id", "m-2", "kwh", "lots")
	p.Do("XADD", "meter", "*", "id", "m-3", "kwh", "7")
	p.CompareStore()
	if got := p.Native.ZRange(t.Context(), "meters", 0, -1).Val(); len(got) != 1 || got[0] != "m-1" {
		t.Errorf("meters = %q, want [m-1]: the registration should stop at m-2", got)
	}
}

func TestFlushOnDuration(t *testing.T) {
	p := gearstest.New(t)
	gearstest.Register(p, Flush)
	p.Do("XADD", "flush", "*", "value", "1.5")
	p.Do("XADD", "flush", "*", "value", "-4")
	p.Wait(300 * time.Millisecond)
	p.CompareStore()
	if got := p.Native.Get(t.Context(), "flushed").Val(); got != "-2.5" {
		t.Errorf("flushed = %q, want -2.5", got)
	}
}
