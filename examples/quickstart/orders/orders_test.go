package orders

import (
	"context"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/gogears/gogears/gearstest"
)

// The quickstart's gears, Go == Python: the job, the sync registration
// that rewrites the hash that fired it, and the trigger.
func TestOrders(t *testing.T) {
	p := gearstest.New(t, gearstest.Seed(func(ctx context.Context, rdb redis.UniversalClient) error {
		for i, status := range []string{"paid", "new", "payé", ""} {
			if err := rdb.HSet(ctx, "order:"+string(rune('1'+i)), "status", status).Err(); err != nil {
				return err
			}
		}
		return nil
	}))
	gearstest.Run(p, CountByStatus)
	gearstest.Register(p, Schedule)
	gearstest.Register(p, Total)
	p.Do("HSET", "order:9", "status", "new")
	p.Do("HSET", "order:ü", "status", "paid")
	p.CompareStore()
	gearstest.Run(p, CountByStatus)
	for _, args := range [][]string{{"2", "150", "1", "499"}, {}, {"-3", "100", "x", "5", "7"}} {
		gearstest.Trigger(p, Total, args...)
	}
}
