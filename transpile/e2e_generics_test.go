package transpile_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/gogears/gogears/transpile/testdata/gears/generics"
)

// TestGenericGearsAgree runs the gears of testdata/gears/generics natively
// in the engine and, transpiled, on the emulator over one redis-server:
// the instantiations of each generic helper must give the same results.
func TestGenericGearsAgree(t *testing.T) {
	scripts := genScripts(t, "./testdata/gears/generics")
	ctx := context.Background()
	ex, ec := agreeSetup(t, func(c *redis.Client) error {
		for i := range 12 {
			// Long keys: the int8 sums of their runes and lengths wrap.
			for _, k := range []string{fmt.Sprintf("n:%d%s", i, strings.Repeat("zé", i)), "lvl:" + strings.Repeat("x", i*3), fmt.Sprintf("len:%02d%s", i, strings.Repeat("y", 10+i))} {
				if err := c.Set(ctx, k, "v", 0).Err(); err != nil {
					return err
				}
			}
		}
		return nil
	})
	check(t, ctx, ex, ec, scripts, "Totals", generics.Totals, false)
	check(t, ctx, ex, ec, scripts, "Levels", generics.Levels, false)
	check(t, ctx, ex, ec, scripts, "Lengths", generics.Lengths, false)
}
