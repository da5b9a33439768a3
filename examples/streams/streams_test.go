package streams

import (
	"context"
	"fmt"
	"testing"

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
