package profiles

import (
	"context"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/gogears/gogears/gearstest"
)

// users covers the differences between Go and Python text and number
// handling: ß and ﬁ upper-case, non-breaking and Unicode spaces, negative
// integer division, numbers Python's int() accepts and Go's Atoi does not.
func users(ctx context.Context, rdb redis.UniversalClient) error {
	rows := []map[string]any{
		{"name": "Straße  ﬁne", "age": "41", "balance": "-250", "score": "-0.5", "tags": "a, b ,ç"},
		{"name": "\u00a0Zoë\u2003Łukasz ", "age": " 7 ", "balance": "1999", "score": "1e3", "tags": ""},
		{"name": "", "age": "1_000", "balance": "-7", "score": "NaN?", "tags": ","},
		{"name": "Ahmed", "age": "٣", "balance": "+12", "score": "2.675", "tags": "x"},
		{"name": "x\x1fy", "age": "0", "balance": "-100", "score": "-1e-7", "tags": "İ"},
	}
	for i, r := range rows {
		if err := rdb.HSet(ctx, "user:"+string(rune('a'+i)), r).Err(); err != nil {
			return err
		}
	}
	return nil
}

func TestProfiles(t *testing.T) {
	for _, p := range []*gearstest.Pair{gearstest.New(t, gearstest.Seed(users)), gearstest.New(t)} {
		gearstest.Run(p, Clean)
		gearstest.Run(p, NameLengths)
		gearstest.Run(p, Buckets)
		gearstest.Run(p, TopScores, gearstest.Ordered())
		gearstest.Run(p, Product)
		gearstest.Run(p, AllTags)
	}
}
