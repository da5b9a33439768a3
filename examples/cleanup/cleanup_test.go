package cleanup

import (
	"context"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/gogears/gogears/gearstest"
)

func keys(ctx context.Context, rdb redis.UniversalClient) error {
	for _, k := range []string{"tmp:1", "tmp:ä", "tmpx", "cache:é:1", "cache:é:2", "cache:e:3", "keep"} {
		if err := rdb.Set(ctx, k, "v", 0).Err(); err != nil {
			return err
		}
	}
	return rdb.HSet(ctx, "tmp:hash", "f", "v").Err()
}

func TestDeleteByPrefix(t *testing.T) {
	cases := []struct {
		name   string
		params []gearstest.Option
		want   []int
	}{
		{"default", nil, []int{3}},
		{"non-ASCII prefix", []gearstest.Option{gearstest.Params(Prefix.Bind("cache:é:"))}, []int{2}},
		{"dry run", []gearstest.Option{gearstest.Params(Prefix.Bind("cache:"), DryRun.Bind(true))}, []int{3}},
		{"no match", []gearstest.Option{gearstest.Params(Prefix.Bind("nothing:"))}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := gearstest.New(t, gearstest.Seed(keys))
			got := gearstest.Run(p, DeleteByPrefix, c.params...)
			if len(got) != len(c.want) || (len(got) == 1 && got[0] != c.want[0]) {
				t.Errorf("DeleteByPrefix = %v, want %v", got, c.want)
			}
			p.CompareStore()
		})
	}
}
