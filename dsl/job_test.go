package dsl_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/gogears/gogears/dsl"
)

type hashRec = dsl.KeyRecord[map[string]string]

func keep(hashRec) bool { return true }

// errOf returns the Err text of a Job or Registration, without the
// ErrInvalidGear prefix, or "" when valid.
type errer interface{ Err() error }

func errText(g errer) string {
	err := g.Err()
	if err == nil {
		return ""
	}
	if !errors.Is(err, dsl.ErrInvalidGear) {
		return "NOT ErrInvalidGear: " + err.Error()
	}
	return strings.TrimPrefix(err.Error(), dsl.ErrInvalidGear.Error()+": ")
}

func TestInvalidGears(t *testing.T) {
	var zero dsl.Gear[int]
	tests := []struct {
		name string
		gear errer
		want string // "" = valid
	}{
		{"valid run", dsl.HashKeys("order:*").Filter(keep).Run(dsl.NoScan(), dsl.Mode(dsl.AsyncLocal)), ""},
		{"valid register", dsl.Stream("s:*").Register(dsl.Batch(5), dsl.Duration(time.Second), dsl.OnFailed(dsl.Retry), dsl.RetryInterval(2*time.Second), dsl.TrimStream(false)), ""},
		{"zero gear", zero.Run(), "gear has no reader: start it with a reader such as dsl.Keys, dsl.HashKeys or dsl.Stream"},
		{"zero gear step", zero.Map(func(i int) int { return i }).Run(), "gear has no reader: start it with a reader such as dsl.Keys, dsl.HashKeys or dsl.Stream"},
		{"register on KeysOnly", dsl.KeysOnly("*").Register(),
			"Register on a KeysOnlyReader gear: RedisGears can only run it; use Run, or to react to key events use dsl.Keys(pattern) with dsl.ReadValue(false)"},
		{"register on FromSeq", dsl.FromSeq[int](func(func(int) bool) {}).Register(),
			"Register on a PythonReader gear: RedisGears can only run it; use Run, or to react to key events use dsl.Keys(pattern) with dsl.ReadValue(false)"},
		{"register on ShardIDs", dsl.ShardIDs().Register(),
			"Register on a ShardsIDReader gear: RedisGears can only run it; use Run, or to react to key events use dsl.Keys(pattern) with dsl.ReadValue(false)"},
		{"run on Command", dsl.Command().Run(),
			"Run on a CommandReader gear: RedisGears can only register it (reader do not support run); use Register(dsl.Trigger(name)) or Register(dsl.Hook(command))"},
		{"run with Sync", dsl.Keys("*").Run(dsl.Mode(dsl.Sync)),
			"dsl.Mode(dsl.Sync) is not accepted by Run (RedisGears: unknown execution mode): use dsl.Async or dsl.AsyncLocal"},
		{"mode on KeysOnly", dsl.KeysOnly("*").Run(dsl.Mode(dsl.AsyncLocal)),
			"dsl.Mode(dsl.AsyncLocal) on a KeysOnlyReader gear: its run() forwards keywords to the reader, which rejects mode (TypeError); drop the option"},
		{"unknown mode", dsl.Keys("*").Register(dsl.Mode("fast")), `dsl.Mode("fast"): use one of dsl.Async, dsl.AsyncLocal, dsl.Sync`},
		{"sync with retry", dsl.Stream("s").Register(dsl.Mode(dsl.Sync), dsl.OnFailed(dsl.Retry)),
			"dsl.OnFailed(dsl.Retry) with dsl.Mode(dsl.Sync): sync registrations accept only dsl.Continue; use dsl.AsyncLocal to retry or abort"},
		{"sync with abort", dsl.Stream("s").Register(dsl.OnFailed(dsl.Abort), dsl.Mode(dsl.Sync)),
			"dsl.OnFailed(dsl.Abort) with dsl.Mode(dsl.Sync): sync registrations accept only dsl.Continue; use dsl.AsyncLocal to retry or abort"},
		{"stream option on keys", dsl.Keys("*").Register(dsl.Batch(3)),
			"option dsl.Batch does not apply to a KeysReader gear: it is a Register option of StreamReader"},
		{"keys option on stream", dsl.Stream("s").Register(dsl.OnEvents("hset")),
			"option dsl.OnEvents does not apply to a StreamReader gear: it is a Register option of KeysReader"},
		{"FromID on keys", dsl.Keys("*").Run(dsl.FromID("0-0")),
			"option dsl.FromID does not apply to a KeysReader gear: it is a Run option of StreamReader"},
		{"NoScan on stream", dsl.Stream("s").Run(dsl.NoScan()),
			"option dsl.NoScan does not apply to a StreamReader gear: it is a Run option of KeysReader and KeysOnlyReader"},
		{"Pattern on FromSeq", dsl.FromSeq[int](func(func(int) bool) {}).Run(dsl.Pattern("x")),
			"option dsl.Pattern does not apply to a PythonReader gear: it is a Run option of KeysReader and KeysOnlyReader and StreamReader"},
		{"ReadValue false on typed reader", dsl.HashKeys("*").Run(dsl.ReadValue(false)),
			"dsl.ReadValue(false) on a typed keys reader: it filters on the key type, which needs the value read; use dsl.Keys(pattern) instead"},
		{"ReadValue false on typed registration", dsl.HashKeys("*").Register(dsl.ReadValue(false)),
			"dsl.ReadValue(false) on a typed keys reader: it filters on the key type, which needs the value read; use dsl.Keys(pattern) instead"},
		{"other key type on typed reader", dsl.HashKeys("*").Register(dsl.OnKeyTypes(dsl.TypeString)),
			`dsl.OnKeyTypes("string") on a gear that reads only "hash" keys: drop the option or use dsl.Keys`},
		{"unknown key type", dsl.Keys("*").Register(dsl.OnKeyTypes("stream")),
			`dsl.OnKeyTypes: unknown key type "stream": use dsl.TypeString, TypeHash, TypeList, TypeSet, TypeZSet or TypeModule`},
		{"glob prefix", dsl.Keys("order:*:items").Register(),
			`registration prefix "order:*:items" is not a glob on the server: RedisGears matches an exact key or a prefix ending in one "*"; use dsl.Prefix with such a value and filter the rest in a step`},
		{"glob Prefix option", dsl.Stream("s").Register(dsl.Prefix("s?")),
			`registration prefix "s?" is not a glob on the server: RedisGears matches an exact key or a prefix ending in one "*"; use dsl.Prefix with such a value and filter the rest in a step`},
		{"empty prefix", dsl.Stream("").Register(), `empty registration prefix: use "*" for every key`},
		{"empty stream key", dsl.Stream("").Run(), "a Stream run needs a stream key: dsl.Stream(key) or dsl.Pattern(key)"},
		{"empty keys pattern is *", dsl.Keys("").Register(dsl.OnEvents("del")), ""},
		{"typed reader on removal events", dsl.HashKeys("o:*").Register(dsl.OnEvents("del", "EXPIRED")),
			`dsl.OnEvents(del, EXPIRED) on a gear that reads only "hash" keys never fires: after these events the key is gone (type "empty"); use dsl.Keys`},
		{"typed reader on mixed events", dsl.HashKeys("o:*").Register(dsl.OnEvents("del", "hset")), ""},
		{"command without trigger or hook", dsl.Command().Register(),
			"a Command gear needs dsl.Trigger(name) or dsl.Hook(command) (RedisGears: no trigger or hook argument was given)"},
		{"trigger and hook", dsl.Command().Register(dsl.Trigger("t"), dsl.Hook("set")),
			"dsl.Trigger cannot be combined with dsl.Hook or dsl.KeyPrefix (RedisGears: trigger argument can not be given with keyprefix or hook); register two gears"},
		{"keyprefix without hook", dsl.Command().Register(dsl.KeyPrefix("x")), "dsl.KeyPrefix needs dsl.Hook(command): it restricts a hook to calls on keys with the prefix"},
		{"trigger and keyprefix", dsl.Command().Register(dsl.Trigger("t"), dsl.KeyPrefix("x")), "dsl.KeyPrefix needs dsl.Hook(command): it restricts a hook to calls on keys with the prefix"},
		{"no commands", dsl.Keys("*").Register(dsl.Commands()), `dsl.Commands: name at least one command, such as dsl.Commands("hset")`},
		{"empty command", dsl.Keys("*").Register(dsl.Commands("hset", " ")), `dsl.Commands: empty command name; name commands such as "hset"`},
		{"trigger with spaces", dsl.Command().Register(dsl.Trigger("my trigger")), `dsl.Trigger("my trigger"): a trigger name must be non-empty with no spaces`},
		{"batch zero", dsl.Stream("s").Register(dsl.Batch(0)), "dsl.Batch(0): the batch size must be at least 1"},
		{"duration below 1ms", dsl.Stream("s").Register(dsl.Duration(time.Microsecond)), "dsl.Duration(1µs): use 0 or at least 1ms"},
		{"retry interval fraction", dsl.Stream("s").Register(dsl.RetryInterval(1500 * time.Millisecond)), "dsl.RetryInterval(1.5s): RedisGears takes whole seconds, at least 1s"},
		{"unknown policy", dsl.Stream("s").Register(dsl.OnFailed("ignore")), `dsl.OnFailed("ignore"): use dsl.Continue, dsl.Abort or dsl.Retry`},
		{"scan count", dsl.KeysOnly("*").Run(dsl.ScanCount(0)), "dsl.ScanCount(0): the count must be positive"},
		{"empty event", dsl.Keys("*").Register(dsl.OnEvents("")), "dsl.OnEvents: empty event name"},
		{"nil OnRegistered", dsl.Keys("*").Register(dsl.OnRegistered(nil)), "dsl.OnRegistered: nil function"},
		{"nil map", dsl.Keys("*").Map[int](nil).Run(), "step 1 (map): nil function"},
		{"nil filter after map", dsl.Keys("*").Map(func(dsl.KeyRecord[any]) int { return 1 }).Filter(nil).Run(), "step 2 (filter): nil function"},
		{"nil FromSeq", dsl.FromSeq[int](nil).Run(), "dsl.FromSeq: nil sequence"},
		{"negative limit", dsl.Keys("*").Limit(-1, 0).Run(), "step 1 (limit): length -1 and start 0 must not be negative"},
		{"sort of records", dsl.HashKeys("*").Sort().Run(),
			"step 1 (sort): dsl.KeyRecord[map[string]string]: records must be strings, integers or floats; Map each record to such a key first"},
		{"distinct of slices", dsl.ListKeys("*").Map(func(r dsl.KeyRecord[[]string]) []string { return r.Value }).Distinct().Run(),
			"step 2 (distinct): []string: records must be strings, integers or floats; Map each record to such a key first"},
		{"zero not JSON", dsl.Keys("*").Aggregate(func() {}, func(a func(), r dsl.KeyRecord[any]) func() { return a }, func(a, b func()) func() { return a }).Run(),
			"step 1 (aggregate): zero value"},
		{"first error wins", dsl.Keys("*").Map[int](nil).Filter(nil).Run(), "step 1 (map): nil function"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := errText(tt.gear)
			if tt.name == "zero not JSON" {
				if !strings.HasPrefix(got, tt.want) || !strings.Contains(got, "not JSON-encodable") {
					t.Errorf("Err() = %q, want prefix %q and not JSON-encodable", got, tt.want)
				}
				return
			}
			if got != tt.want {
				t.Errorf("Err() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRegisterDefaults(t *testing.T) {
	got := dsl.HashKeys("order:*").Register().Config()
	got.OnRegistered = nil
	want := dsl.RegisterConfig{Prefix: "order:*", KeyTypes: []dsl.KeyType{dsl.TypeHash}, ReadValue: true, Mode: dsl.Async,
		Batch: 1, OnFailed: dsl.Continue, RetryInterval: time.Second, TrimStream: true, Collect: true}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("HashKeys(order:*).Register().Config() (-want +got):\n%s", diff)
	}
	run := dsl.Stream("s").Run(dsl.FromID("5-0"), dsl.NoCollect()).Config()
	wantRun := dsl.RunConfig{Arg: "s", ReadValue: true, FromID: "5-0", ScanCount: 1000, Mode: dsl.Async}
	if diff := cmp.Diff(wantRun, run); diff != "" {
		t.Errorf("Stream(s).Run(FromID, NoCollect).Config() (-want +got):\n%s", diff)
	}
	if p := dsl.Keys("").Register().Config().Prefix; p != "*" {
		t.Errorf("Keys(\"\").Register() prefix = %q, want *", p)
	}
}

func TestPlanAndImmutability(t *testing.T) {
	base := dsl.HashKeys("order:*").Requires("b==1", "a")
	left := base.Filter(keep).Requires("c").Run()
	right := base.Map(func(r hashRec) string { return r.Key }).Run()
	if diff := cmp.Diff([]string{"a", "b==1", "c"}, left.Requirements()); diff != "" {
		t.Errorf("left requirements (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"a", "b==1"}, right.Requirements()); diff != "" {
		t.Errorf("right requirements (-want +got):\n%s", diff)
	}
	ops := func(p dsl.Plan) []string {
		var s []string
		for _, st := range p.Steps {
			s = append(s, st.Op.String())
		}
		return s
	}
	if diff := cmp.Diff([]string{"filter"}, ops(left.Plan())); diff != "" {
		t.Errorf("left steps (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"map"}, ops(right.Plan())); diff != "" {
		t.Errorf("right steps (-want +got):\n%s", diff)
	}
	src := left.Plan().Source
	if src.Reader != dsl.KeysReader || src.Reader.String() != "KeysReader" || src.KeyType != dsl.TypeHash || src.Arg != "order:*" {
		t.Errorf("Source = %+v, want KeysReader on order:* typed hash", src)
	}
}

func TestScript(t *testing.T) {
	j := dsl.Keys("*").Requires("x").Run()
	if _, err := j.Script(); !errors.Is(err, dsl.ErrNoScript) {
		t.Errorf("Script() before AttachScript = %v, want ErrNoScript", err)
	}
	j.AttachScript(dsl.Script{Source: "# py", Requirements: []string{"y"}, ID: "example.com/p.J"})
	s, err := j.Script()
	if err != nil || s.ID != "example.com/p.J" || s.Source != "# py" {
		t.Errorf("Script() = %+v, %v", s, err)
	}
	if diff := cmp.Diff([]string{"x", "y"}, j.Requirements()); diff != "" {
		t.Errorf("Requirements (-want +got):\n%s", diff)
	}
	r := dsl.Command().Register(dsl.Trigger("t"))
	r.AttachScript(dsl.Script{ID: "p.R"})
	if s, _ := r.Script(); s.ID != "p.R" || r.Trigger() != "t" {
		t.Errorf("Registration Script/Trigger = %+v, %q", s, r.Trigger())
	}
}

func TestNames(t *testing.T) {
	if got := dsl.OpAggregateBy.String(); got != "aggregateby" {
		t.Errorf("OpAggregateBy.String() = %q, want aggregateby", got)
	}
	if got := dsl.Op(99).String(); got != "Op(?)" {
		t.Errorf("Op(99).String() = %q, want Op(?)", got)
	}
	if got := dsl.Reader(0).String(); got != "Reader(?)" {
		t.Errorf("Reader(0).String() = %q", got)
	}
}
