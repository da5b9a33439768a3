package sharding

import (
	"context"
	"fmt"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/gogears/gogears/gearstest"
)

func items(ctx context.Context, rdb redis.UniversalClient) error {
	for i, name := range []string{"a", "ü", "日本語のキー", "-1", "", "a-much-longer-key-name", "\x00bin"} {
		if err := rdb.Set(ctx, fmt.Sprintf("item:%s", name), i, 0).Err(); err != nil {
			return err
		}
	}
	return nil
}

func TestSharding(t *testing.T) {
	p := gearstest.New(t, gearstest.Seed(items))
	gearstest.Run(p, Place)
	gearstest.Run(p, Place, gearstest.Params(Buckets.Bind(3)))
	gearstest.Run(p, Spread)
	gearstest.Run(p, Keys)
	gearstest.Run(p, Stats)
}

func TestShardingEmpty(t *testing.T) {
	gearstest.Compare(t, Spread)
}
