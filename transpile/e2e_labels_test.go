package transpile_test

import (
	"context"
	"testing"

	"github.com/gogears/gogears/engine"
	"github.com/gogears/gogears/transpile/testdata/gears/labels"
	"github.com/redis/go-redis/v9"
)

// TestLabelGearsAgree runs the gears of testdata/gears/labels, whose steps
// use labeled break and continue, natively in the engine and as scripts on
// the emulator over one redis-server, and compares the results.
func TestLabelGearsAgree(t *testing.T) {
	scripts := genScripts(t, "./testdata/gears/labels")
	ctx := context.Background()
	keys := []string{
		"csv:", "csv:a", "csv:a,b,c", "csv:a,b,a,c", "csv:a,,b", "csv:x,y,x,y,z", "csv:,",
		"k:", "k:ab 12", "k:0!9", "k:é 0x!", "k:!", "k:a b c 0 1",
	}
	ex, ec := agreeSetup(t, func(c *redis.Client) error {
		for _, k := range keys {
			if err := c.Set(ctx, k, "1", 0).Err(); err != nil {
				return err
			}
		}
		return nil
	})
	// The comparison is of multisets: make sure they are not empty.
	res, err := engine.Run(ctx, ex, labels.Fields)
	if err != nil {
		t.Fatalf("engine.Run(Fields) = %v", err)
	}
	if len(res.Records) != 7 {
		t.Fatalf("engine.Run(Fields) = %d records, want 7", len(res.Records))
	}
	check(t, ctx, ex, ec, scripts, "Fields", labels.Fields, false)
	check(t, ctx, ex, ec, scripts, "Kinds", labels.Kinds, false)
}
