package operations

import (
	"context"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/gogears/gogears/gearstest"
)

// ledger seeds transactions with non-ASCII accounts and memos, negative
// and zero amounts, a malformed amount, and keys of other types.
func ledger(ctx context.Context, rdb redis.UniversalClient) error {
	txns := []map[string]any{
		{"account": "zoë", "cents": "1500", "memo": "Café au lait"},
		{"account": "zoë", "cents": "-250", "memo": "refund café"},
		{"account": "山田", "cents": "-99999", "memo": "家賃 rent"},
		{"account": "山田", "cents": "0", "memo": ""},
		{"account": "bob", "cents": "42", "memo": "Tip tip TIP"},
		{"account": "bob", "cents": "n/a", "memo": "broken amount"},
	}
	for i, t := range txns {
		if err := rdb.HSet(ctx, "txn:"+string(rune('a'+i)), t).Err(); err != nil {
			return err
		}
	}
	if err := rdb.Set(ctx, "txn:string", "not a hash", 0).Err(); err != nil {
		return err
	}
	return rdb.RPush(ctx, "txn:list", "x").Err()
}

func TestOperations(t *testing.T) {
	seeded := gearstest.New(t, gearstest.Seed(ledger))
	empty := gearstest.New(t)
	for _, p := range []*gearstest.Pair{seeded, empty} {
		gearstest.Run(p, Debits)
		gearstest.Run(p, MemoWords)
		gearstest.Run(p, Balance)
		gearstest.Run(p, LocalBalances)
		gearstest.Run(p, FirstAmounts, gearstest.Ordered())
		gearstest.Run(p, Accounts)
		gearstest.Run(p, Stats)
		gearstest.Run(p, StatsByAccount)
		gearstest.Run(p, Balances)
		gearstest.Run(p, Memos)
		gearstest.Run(p, AmountsDescending, gearstest.Ordered())
		gearstest.Run(p, Count)
		gearstest.Run(p, PerAccount)
		gearstest.Run(p, MeanAmount)
		gearstest.Run(p, Untouched)
		gearstest.Run(p, Shared)
		gearstest.Run(p, Rekeyed)
		gearstest.Run(p, Touch)
		p.CompareStore()
	}
}

func TestOperationsResults(t *testing.T) {
	got := gearstest.Compare(t, Balance, gearstest.Seed(ledger))
	if len(got) != 1 || got[0] != 1500-250-99999+42 {
		t.Errorf("Balance = %v, want [%d]", got, 1500-250-99999+42)
	}
	if got := gearstest.Compare(t, Count); len(got) != 0 {
		t.Errorf("Count on an empty store = %v, want no record", got)
	}
}
