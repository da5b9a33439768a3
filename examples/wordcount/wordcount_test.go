package wordcount

import (
	"context"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/gogears/gogears/gearstest"
)

func docs(ctx context.Context, rdb redis.UniversalClient) error {
	return rdb.MSet(ctx,
		"doc:hamlet", "To be, or not to be: that is the question.",
		"doc:faust", "Habe nun, ach! Philosophie, Juristerei und Medizin — leider auch Theologie.",
		"doc:日本", "猫 と 犬 と 猫",
		"doc:numbers", "-1 minus one, 2.5 and 42",
		"doc:empty", "",
		"doc:cases", "İstanbul ΣΑΣ ǅemal ŉ ﬀ ß Ω K",
		"notadoc", "ignored words here",
	).Err()
}

func TestWordCount(t *testing.T) {
	for _, p := range []*gearstest.Pair{gearstest.New(t, gearstest.Seed(docs)), gearstest.New(t)} {
		gearstest.Run(p, Counts)
		gearstest.Run(p, Vocabulary, gearstest.Ordered())
		gearstest.Run(p, Total)
		gearstest.Run(p, MeanLength)
		gearstest.Run(p, Longest)
	}
}
