// Package operations exercises every RedisGears operation on a small
// ledger: hashes "txn:<id>" with an account, a signed amount in cents and
// a free-text memo.
package operations

//go:generate go tool gogears gen

import (
	"strconv"
	"strings"

	"github.com/gogears/gogears/dsl"
	"github.com/gogears/gogears/runtime/cmd"
)

// Txn is a ledger entry as the gears return it.
type Txn struct {
	Account string `json:"account"`
	Cents   int    `json:"cents"`
	Memo    string `json:"memo"`
}

// toTxn decodes a ledger hash; a malformed amount counts as 0.
func toTxn(r dsl.KeyRecord[map[string]string]) Txn {
	cents, err := strconv.Atoi(r.Value["cents"])
	if err != nil {
		cents = 0
	}
	return Txn{Account: r.Value["account"], Cents: cents, Memo: r.Value["memo"]}
}

// account is the grouping key of a transaction.
func account(t Txn) string { return t.Account }

// Debits keeps the negative amounts (map, filter).
var Debits = dsl.HashKeys("txn:*").
	Map(toTxn).
	Filter(func(t Txn) bool { return t.Cents < 0 }).
	Run()

// MemoWords splits memos into lower-case words (flatmap).
var MemoWords = dsl.HashKeys("txn:*").
	Map(toTxn).
	FlatMap(func(t Txn) []string { return strings.Fields(strings.ToLower(t.Memo)) }).
	Run()

// Touch marks each transaction as seen and passes it on (foreach).
var Touch = dsl.HashKeys("txn:*").
	ForEach(func(r dsl.KeyRecord[map[string]string]) { cmd.HSet(r.Key, "seen", "1") }).
	Map(func(r dsl.KeyRecord[map[string]string]) string { return r.Key }).
	Run()

// Balance is the sum of all amounts (accumulate).
var Balance = dsl.HashKeys("txn:*").
	Map(toTxn).
	Accumulate(func(sum int, t Txn) int { return sum + t.Cents }).
	Run()

// LocalBalances sums amounts per account on each shard (localgroupby).
var LocalBalances = dsl.HashKeys("txn:*").
	Map(toTxn).
	LocalGroupBy(account, func(_ string, sum int, t Txn) int { return sum + t.Cents }).
	Run()

// FirstAmounts is the sorted amounts after skipping the smallest one,
// at most three (sort, limit).
var FirstAmounts = dsl.HashKeys("txn:*").
	Map(func(r dsl.KeyRecord[map[string]string]) int { return toTxn(r).Cents }).
	Sort().
	Limit(3, 1).
	Run()

// Accounts lists the accounts, moved to one shard (repartition, collect,
// distinct).
var Accounts = dsl.HashKeys("txn:*").
	Map(toTxn).
	Repartition(account).
	Map(account).
	Collect().
	Distinct().
	Run()

// Stats is the count, sum and extremes of the amounts (aggregate).
var Stats = dsl.HashKeys("txn:*").
	Map(toTxn).
	Aggregate(Summary{Min: 1 << 30, Max: -(1 << 30)},
		func(s Summary, t Txn) Summary { return s.add(t.Cents) },
		func(s, part Summary) Summary { return s.merge(part) }).
	Run()

// Summary is a running count, sum and range of amounts.
type Summary struct {
	N   int
	Sum int
	Min int
	Max int
}

func (s Summary) add(c int) Summary {
	s.N++
	s.Sum += c
	s.Min = min(s.Min, c)
	s.Max = max(s.Max, c)
	return s
}

func (s Summary) merge(o Summary) Summary {
	s.N += o.N
	s.Sum += o.Sum
	s.Min = min(s.Min, o.Min)
	s.Max = max(s.Max, o.Max)
	return s
}

// StatsByAccount is Stats per account (aggregateby).
var StatsByAccount = dsl.HashKeys("txn:*").
	Map(toTxn).
	AggregateBy(account, Summary{Min: 1 << 30, Max: -(1 << 30)},
		func(_ string, s Summary, t Txn) Summary { return s.add(t.Cents) },
		func(_ string, s, part Summary) Summary { return s.merge(part) }).
	Run()

// Balances sums amounts per account (groupby).
var Balances = dsl.HashKeys("txn:*").
	Map(toTxn).
	GroupBy(account, func(_ string, sum int, t Txn) int { return sum + t.Cents }).
	Run()

// Memos joins each account's memos, sorted (batchgroupby).
var Memos = dsl.HashKeys("txn:*").
	Map(toTxn).
	BatchGroupBy(account, func(_ string, ts []Txn) []string {
		memos := make([]string, 0, len(ts))
		for _, t := range ts {
			memos = append(memos, t.Memo)
		}
		sortStrings(memos)
		return memos
	}).
	Run()

// sortStrings sorts in place (insertion sort: the lists are short).
func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// AmountsDescending is every amount, largest first (sort descending).
var AmountsDescending = dsl.HashKeys("txn:*").
	Map(func(r dsl.KeyRecord[map[string]string]) int { return toTxn(r).Cents }).
	Sort(dsl.Descending).
	Run()

// Count is the number of transactions (count).
var Count = dsl.HashKeys("txn:*").Count().Run()

// PerAccount counts transactions per account (countby).
var PerAccount = dsl.HashKeys("txn:*").Map(toTxn).CountBy(account).Run()

// MeanAmount is the average amount in cents (avg).
var MeanAmount = dsl.HashKeys("txn:*").
	Map(toTxn).
	Avg(func(t Txn) float64 { return float64(t.Cents) }).
	Run()

// Untouched shows that a step's struct parameter is a copy: ForEach's
// changes do not reach the next step, and Map's changes to its copy do
// not reach the record it came from.
var Untouched = dsl.HashKeys("txn:*").
	Map(toTxn).
	ForEach(func(t Txn) {
		t.Cents = 0
		t.Memo += "!"
	}).
	Map(func(t Txn) []Txn {
		u := t
		u.Account = "copy"
		return []Txn{t, u}
	}).
	Run()

// Shared shows that maps are shared: a ForEach that writes into a
// record's hash value changes what the next step sees.
var Shared = dsl.HashKeys("txn:*").
	ForEach(func(r dsl.KeyRecord[map[string]string]) { r.Value["seen"] = "yes" }).
	Map(func(r dsl.KeyRecord[map[string]string]) string { return r.Value["seen"] }).
	Run()

// Rekeyed moves records by a key computed on a modified copy.
var Rekeyed = dsl.HashKeys("txn:*").
	Map(toTxn).
	Repartition(func(t Txn) string {
		t.Account += "/x"
		return t.Account
	}).
	Map(account).
	Run()
