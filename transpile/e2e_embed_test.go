package transpile_test

import (
	"context"
	"encoding/json"
	"sort"
	"strings"
	"testing"

	"github.com/gogears/gogears/dsl"
	"github.com/gogears/gogears/emulator"
	"github.com/gogears/gogears/engine"
	"github.com/gogears/gogears/internal/redistest"
	"github.com/gogears/gogears/transpile/testdata/gears/embed"
	"github.com/google/go-cmp/cmp"
	"github.com/redis/go-redis/v9"
)

// TestEmbeddedRecordsDecode runs the gears of testdata/gears/embed, whose
// records are structs with embedded structs, in the engine and as scripts
// on the emulator: each script record must be the exact text
// encoding/json gives the engine's record, and decode into the same Go
// value.
func TestEmbeddedRecordsDecode(t *testing.T) {
	scripts := genScripts(t, "./testdata/gears/embed")
	srv := redistest.Start(t)
	ctx := context.Background()
	c := redis.NewClient(&redis.Options{Addr: srv.Addr, Protocol: 2})
	defer c.Close()
	for k, v := range map[string][]string{
		"item:1": {"name", "apple", "price", "12"},
		"item:2": {"name", "banana", "price", "x"},
		"item:3": {"name", "<cherry>", "price", "-3"},
	} {
		if err := c.HSet(ctx, k, v).Err(); err != nil {
			t.Fatal(err)
		}
	}
	e := emulator.RunT(t, emulator.Options{RedisURL: "redis://" + srv.Addr})
	ec := redis.NewClient(&redis.Options{Addr: e.Addr(), Protocol: 2})
	defer ec.Close()
	ex := engine.NewRedisExecutor(c)

	items := sameRecords(t, ctx, ex, ec, scripts, "Items", embed.Items)
	sort.Slice(items, func(i, j int) bool { return items[i].Key < items[j].Key })
	want := []embed.Item{
		{Meta: embed.Meta{Key: "item:1", Tags: []string{"A"}}, Price: &embed.Price{Cents: 12}, Name: "apple"},
		{Meta: embed.Meta{Key: "item:2"}, Name: "banana"},
		{Meta: embed.Meta{Key: "item:3", Tags: []string{"<"}}, Price: &embed.Price{Cents: -3}, Name: "<cherry>"},
	}
	// Price.Name is shadowed by Item.Name in JSON, so it does not travel.
	if d := cmp.Diff(want, items); d != "" {
		t.Errorf("Items decoded (-want +got):\n%s", d)
	}
	labels := sameRecords(t, ctx, ex, ec, scripts, "Labels", embed.Labels)
	sort.Strings(labels)
	if len(labels) != 3 || labels[0] != "[<cherry>] {Top:[<cherry>] Cards:[[<cherry>]] inner:{Badge:{Text:<cherry>} Level:6}}" {
		t.Errorf("Labels = %q, want the first to be the String of its Card, nested too except in an unexported field", labels)
	}
	totals := sameRecords(t, ctx, ex, ec, scripts, "Totals", embed.Totals)
	wantT := []embed.Tally{{Counts: embed.Counts{N: 3, Cents: 9}, Label: "all"}}
	if d := cmp.Diff(wantT, totals); d != "" {
		t.Errorf("Totals decoded (-want +got):\n%s", d)
	}
}

// sameRecords runs a job in the engine and its script on the emulator,
// checks each script record is byte for byte the encoding/json text of an
// engine record and decodes into an equal value, and returns the decoded
// script records.
func sameRecords[T any](t *testing.T, ctx context.Context, ex engine.Executor, ec *redis.Client, scripts map[string]string, name string, job dsl.Job[T]) []T {
	t.Helper()
	want, err := engine.Run(ctx, ex, job)
	if err != nil || len(want.Errors) > 0 {
		t.Fatalf("%s: engine: %v %v", name, err, want.Errors)
	}
	reply, err := ec.Do(ctx, "RG.PYEXECUTE", scripts[name]).Slice()
	if err != nil {
		t.Fatalf("%s: RG.PYEXECUTE: %v", name, err)
	}
	if errs, _ := reply[1].([]any); len(errs) > 0 {
		t.Fatalf("%s: script errors %v", name, errs)
	}
	var wantJSON, gotJSON []string
	for _, r := range want.Records {
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		wantJSON = append(wantJSON, string(b))
	}
	var got []T
	for _, r := range reply[0].([]any) {
		s := strings.TrimSpace(r.(string))
		gotJSON = append(gotJSON, s)
		var v T
		if err := json.Unmarshal([]byte(s), &v); err != nil {
			t.Errorf("%s: record %q does not decode into %T: %v", name, s, v, err)
			continue
		}
		got = append(got, v)
	}
	sort.Strings(wantJSON)
	sort.Strings(gotJSON)
	t.Logf("%s: %s", name, strings.Join(gotJSON, " "))
	if d := cmp.Diff(wantJSON, gotJSON); d != "" {
		t.Errorf("%s: encoding/json of engine records vs script records (-engine +script):\n%s", name, d)
	}
	return got
}
