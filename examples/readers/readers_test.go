package readers

import (
	"context"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/gogears/gogears/gearstest"
)

// catalogue seeds one key of each type, with non-ASCII names and values,
// an empty string and a stream with explicit IDs.
func catalogue(ctx context.Context, rdb redis.UniversalClient) error {
	cmds := [][]any{
		{"HSET", "cat:product:1", "name", "Crème brûlée", "price", "-1"},
		{"HSET", "cat:product:ü", "name", "Ünïcode", "price", "0"},
		{"SET", "cat:title", "größe"},
		{"SET", "cat:blank", ""},
		{"RPUSH", "cat:queue", "первый", "second"},
		{"SADD", "cat:tags", "a", "b", "ç"},
		{"ZADD", "cat:rank", "-1.5", "x", "2", "y"},
		{"XADD", "cat:log", "1-1", "what", "created"},
		{"XADD", "cat:log", "2-1", "what", "renamed → ✓"},
		{"SET", "other", "outside the pattern"},
	}
	for _, c := range cmds {
		if err := rdb.Do(ctx, c...).Err(); err != nil {
			return err
		}
	}
	return nil
}

func TestReaders(t *testing.T) {
	for _, p := range []*gearstest.Pair{gearstest.New(t, gearstest.Seed(catalogue)), gearstest.New(t)} {
		gearstest.Run(p, AllKeys)
		gearstest.Run(p, Names)
		gearstest.Run(p, Products)
		gearstest.Run(p, Titles)
		gearstest.Run(p, Queues)
		gearstest.Run(p, TagCounts)
		gearstest.Run(p, Rankings)
		gearstest.Run(p, KeyNames)
		gearstest.Run(p, Squares, gearstest.Ordered())
		gearstest.Run(p, Shards)
	}
}

// Events reads one stream; on an empty store the stream is missing.
func TestStreamReader(t *testing.T) {
	got := gearstest.Compare(t, Events, gearstest.Seed(catalogue), gearstest.Ordered())
	if len(got) != 1 || got[0] != "renamed → ✓" {
		t.Errorf("Events = %q, want [renamed → ✓]", got)
	}
}
