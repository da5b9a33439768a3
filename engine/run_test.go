package engine_test

import (
	"context"
	"errors"
	"iter"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/gogears/gogears/dsl"
	"github.com/gogears/gogears/engine"
	"github.com/gogears/gogears/runtime"
	"github.com/gogears/gogears/runtime/cmd"
)

type hashRec = dsl.KeyRecord[map[string]string]

func status(r hashRec) string { return r.Value["status"] }

func total(r hashRec) float64 {
	f, _ := strconv.ParseFloat(r.Value["total"], 64)
	return f
}

var threshold = dsl.Param("threshold", 15.0)

func upTo(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 1; i <= n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

// runner runs one job and returns its records (sorted when unordered) and
// the text of its record errors.
type runner func(ctx context.Context, ex engine.Executor) (any, []string, error)

func job[T any](j dsl.Job[T], params ...dsl.ParamValue) runner {
	return jobSorted(j, false, params...)
}

func unordered[T any](j dsl.Job[T], params ...dsl.ParamValue) runner {
	return jobSorted(j, true, params...)
}

func jobSorted[T any](j dsl.Job[T], sort bool, params ...dsl.ParamValue) runner {
	return func(ctx context.Context, ex engine.Executor) (any, []string, error) {
		res, err := engine.Run(ctx, ex, j, params...)
		if err != nil {
			return nil, nil, err
		}
		var errs []string
		for _, e := range res.Errors {
			errs = append(errs, e.Error())
		}
		if sort {
			return sortedBy(res.Records), errs, nil
		}
		return res.Records, errs, nil
	}
}

func TestRun(t *testing.T) {
	ex, c := startRedis(t)
	seed(t, c)
	tests := []struct {
		name     string
		run      runner
		want     any
		wantErrs []string
	}{
		// readers
		{"Keys", unordered(dsl.Keys("*:a").Run()), []dsl.KeyRecord[any]{
			{Key: "list:a", Value: []string{"x", "y", "z"}, Type: "list"},
			{Key: "set:a", Type: "set"},
			{Key: "str:a", Value: "alpha", Type: "string"},
			{Key: "zset:a", Type: "zset"},
		}, nil},
		{"Keys stream type is unknown", job(dsl.Keys("events").Run()), []dsl.KeyRecord[any]{{Key: "events", Type: "unknown"}}, nil},
		{"Keys NoScan missing key", job(dsl.Keys("nokey").Run(dsl.NoScan())), []dsl.KeyRecord[any]{{Key: "nokey", Type: "empty"}}, nil},
		{"Keys ReadValue false", job(dsl.Keys("str:a").Run(dsl.ReadValue(false))), []dsl.KeyRecord[any]{{Key: "str:a"}}, nil},
		{"Keys Pattern overrides", unordered(dsl.Keys("none:*").Run(dsl.Pattern("str:*"))), []dsl.KeyRecord[any]{
			{Key: "str:a", Value: "alpha", Type: "string"}, {Key: "str:b", Value: "beta", Type: "string"}}, nil},
		{"HashKeys skips other types", unordered(dsl.HashKeys("order:*").Run()), []hashRec{
			{Key: "order:1", Value: map[string]string{"status": "new", "total": "10"}, Type: "hash"},
			{Key: "order:2", Value: map[string]string{"status": "paid", "total": "20"}, Type: "hash"},
			{Key: "order:3", Value: map[string]string{"status": "new", "total": "30"}, Type: "hash"},
		}, nil},
		{"HashKeys NoScan on a string", job(dsl.HashKeys("order:note").Run(dsl.NoScan())), []hashRec{}, nil},
		{"StringKeys", unordered(dsl.StringKeys("str:*").Run()), []dsl.KeyRecord[string]{
			{Key: "str:a", Value: "alpha", Type: "string"}, {Key: "str:b", Value: "beta", Type: "string"}}, nil},
		{"ListKeys", job(dsl.ListKeys("*").Run()), []dsl.KeyRecord[[]string]{{Key: "list:a", Value: []string{"x", "y", "z"}, Type: "list"}}, nil},
		{"SetKeys", job(dsl.SetKeys("*").Run()), []dsl.KeyRecord[dsl.NoValue]{{Key: "set:a", Type: "set"}}, nil},
		{"ZSetKeys", job(dsl.ZSetKeys("*").Run()), []dsl.KeyRecord[dsl.NoValue]{{Key: "zset:a", Type: "zset"}}, nil},
		{"KeysOnly", unordered(dsl.KeysOnly("str:*").Run(dsl.ScanCount(1))), []string{"str:a", "str:b"}, nil},
		{"KeysOnly NoScan", job(dsl.KeysOnly("str:a").Run(dsl.NoScan())), []string{"str:a"}, nil},
		{"KeysOnly NoScan missing", job(dsl.KeysOnly("str:zz").Run(dsl.NoScan())), []string{}, nil},
		{"Stream", job(dsl.Stream("events").Run()), []dsl.StreamRecord{
			{Key: "events", ID: "1-1", Value: map[string]string{"kind": "a"}},
			{Key: "events", ID: "1-2", Value: map[string]string{"kind": "b"}},
			{Key: "events", ID: "2-1", Value: map[string]string{"kind": "a"}},
		}, nil},
		{"Stream FromID exclusive", job(dsl.Stream("events").Run(dsl.FromID("1-2"))), []dsl.StreamRecord{
			{Key: "events", ID: "2-1", Value: map[string]string{"kind": "a"}}}, nil},
		{"Stream missing", job(dsl.Stream("nostream").Run()), []dsl.StreamRecord{}, nil},
		{"FromSeq", job(dsl.FromSeq(upTo(3)).Run()), []int{1, 2, 3}, nil},
		{"ShardIDs", job(dsl.ShardIDs().Run()), []string{"1"}, nil},
		{"Mode AsyncLocal and NoCollect", job(dsl.FromSeq(upTo(2)).Run(dsl.Mode(dsl.AsyncLocal), dsl.NoCollect())), []int{1, 2}, nil},

		// operations
		{"Map", job(dsl.FromSeq(upTo(3)).Map(func(i int) string { return strconv.Itoa(i * 10) }).Run()), []string{"10", "20", "30"}, nil},
		{"FlatMap reverses", job(dsl.FromSeq(upTo(2)).FlatMap(func(i int) []int { return []int{i, i * 10, i * 100} }).Run()),
			[]int{100, 10, 1, 200, 20, 2}, nil},
		{"ForEach", job(dsl.StringKeys("str:a").ForEach(func(r dsl.KeyRecord[string]) { cmd.Set("copy:"+r.Key+":c", r.Value) }).
			Map(func(r dsl.KeyRecord[string]) string { v, _ := cmd.Get("copy:" + r.Key + ":c"); return v }).Run()), []string{"alpha"}, nil},
		{"Filter", job(dsl.FromSeq(upTo(6)).Filter(func(i int) bool { return i%2 == 0 }).Run()), []int{2, 4, 6}, nil},
		{"Accumulate", job(dsl.FromSeq(upTo(4)).Accumulate(func(a, i int) int { return a + i }).Run()), []int{10}, nil},
		{"Accumulate empty", job(dsl.FromSeq(upTo(0)).Accumulate(func(a, i int) int { return a + i }).Run()), []int{}, nil},
		{"LocalGroupBy", unordered(dsl.HashKeys("order:*").LocalGroupBy(status, func(k string, a int, r hashRec) int { return a + int(total(r)) }).Run()),
			[]dsl.Group[string, int]{{Key: "new", Value: 40}, {Key: "paid", Value: 20}}, nil},
		{"GroupBy", unordered(dsl.HashKeys("order:*").GroupBy(status, func(k string, a []string, r hashRec) []string { return append(a, r.Key) }).
			Map(func(g dsl.Group[string, []string]) int { return len(g.Value) }).Run()), []int{1, 2}, nil},
		{"BatchGroupBy", unordered(dsl.HashKeys("order:*").BatchGroupBy(status, func(k string, rs []hashRec) int { return len(rs) }).Run()),
			[]dsl.Group[string, int]{{Key: "new", Value: 2}, {Key: "paid", Value: 1}}, nil},
		{"Limit", job(dsl.FromSeq(upTo(10)).Limit(3, 2).Run()), []int{3, 4, 5}, nil},
		{"Limit past end", job(dsl.FromSeq(upTo(3)).Limit(3, 5).Run()), []int{}, nil},
		{"Limit MaxInt", job(dsl.FromSeq(upTo(3)).Limit(math.MaxInt, 1).Run()), []int{2, 3}, nil},
		{"Collect", job(dsl.FromSeq(upTo(2)).Collect().Run()), []int{1, 2}, nil},
		{"Repartition", job(dsl.FromSeq(upTo(2)).Repartition(func(i int) string { return strconv.Itoa(i) }).Run()), []int{1, 2}, nil},
		{"Aggregate", job(dsl.FromSeq(upTo(4)).Aggregate(0, func(a, i int) int { return a + i }, func(a, p int) int { return a + p }).Run()), []int{10}, nil},
		{"Aggregate resets a falsy accumulator", job(dsl.FromSeq(upTo(3)).Aggregate(100,
			func(a, i int) int {
				if i == 2 {
					return 0
				}
				return a + i
			}, func(a, p int) int { return a + p }).Run()),
			[]int{203}, nil}, // 100+1=101, 0, reset: 100+3=103; comb: 100+103
		{"Aggregate empty", job(dsl.FromSeq(upTo(0)).Aggregate(0, func(a, i int) int { return a + i }, func(a, p int) int { return a + p }).Run()), []int{}, nil},
		{"Aggregate zero is copied", job(dsl.FromSeq(upTo(3)).Aggregate([]int{}, func(a []int, i int) []int { return append(a, i) }, func(a, p []int) []int { return append(a, p...) }).Run()),
			[][]int{{1, 2, 3}}, nil},
		{"AggregateBy", unordered(dsl.HashKeys("order:*").AggregateBy(status, 0.0,
			func(k string, a float64, r hashRec) float64 { return a + total(r) },
			func(k string, a, p float64) float64 { return a + p }).Run()),
			[]dsl.Group[string, float64]{{Key: "new", Value: 40}, {Key: "paid", Value: 20}}, nil},
		{"Sort ascending", job(dsl.FromSeq(upTo(3)).Map(func(i int) string { return []string{"", "z", "x", "y"}[i] }).Sort().Run()), []string{"x", "y", "z"}, nil},
		{"Sort descending", job(dsl.FromSeq(upTo(3)).Sort(dsl.Descending).Run()), []int{3, 2, 1}, nil},
		{"Distinct", unordered(dsl.FromSeq(upTo(6)).Map(func(i int) int { return i % 3 }).Distinct().Run()), []int{0, 1, 2}, nil},
		{"Count", job(dsl.HashKeys("order:*").Count().Run()), []int{3}, nil},
		{"Count empty gives no record", job(dsl.HashKeys("nothing:*").Count().Run()), []int{}, nil},
		{"CountBy", unordered(dsl.HashKeys("order:*").CountBy(status).Run()),
			[]dsl.Group[string, int]{{Key: "new", Value: 2}, {Key: "paid", Value: 1}}, nil},
		{"CountBy string kind key", unordered(dsl.HashKeys("order:*").CountBy(func(r hashRec) orderStatus { return orderStatus(status(r)) }).Run()),
			[]dsl.Group[orderStatus, int]{{Key: "new", Value: 2}, {Key: "paid", Value: 1}}, nil},
		{"Avg", job(dsl.HashKeys("order:*").Avg(total).Run()), []float64{20}, nil},
		{"Avg empty gives no record", job(dsl.HashKeys("nothing:*").Avg(total).Run()), []float64{}, nil},

		// parameters
		{"Param default", unordered(dsl.HashKeys("order:*").Filter(func(r hashRec) bool { return total(r) > threshold.Get() }).
			Map(func(r hashRec) string { return r.Key }).Run()), []string{"order:2", "order:3"}, nil},
		{"Param bound", unordered(dsl.HashKeys("order:*").Filter(func(r hashRec) bool { return total(r) > threshold.Get() }).
			Map(func(r hashRec) string { return r.Key }).Run(), threshold.Bind(25)), []string{"order:3"}, nil},

		// record errors
		{"Redis error fails one record", job(dsl.Keys("*:a").Map(func(r dsl.KeyRecord[any]) string { return cmd.HGetAll(r.Key)["f"] + r.Key }).
			Filter(func(s string) bool { return s != "" }).Limit(0, 0).Count().Run()), []int{},
			[]string{
				"step 1 (map): WRONGTYPE Operation against a key holding the wrong kind of value",
				"step 1 (map): WRONGTYPE Operation against a key holding the wrong kind of value",
				"step 1 (map): WRONGTYPE Operation against a key holding the wrong kind of value",
				"step 1 (map): WRONGTYPE Operation against a key holding the wrong kind of value",
			}},
		{"FlatError is recorded as is", job(dsl.FromSeq(upTo(3)).Map(func(i int) int {
			if i == 2 {
				runtime.FlatError("PAUSE two")
			}
			return i
		}).Run()), []int{1, 3}, []string{"PAUSE two"}},
		{"Go panic", job(dsl.FromSeq(upTo(1)).Map(func(i int) int { return []int{}[i] }).Run()), []int{},
			[]string{"step 1 (map): runtime error: index out of range [1] with length 0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, errs, err := tt.run(context.Background(), ex)
			if err != nil {
				t.Fatalf("Run = %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("records (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantErrs, errs); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

type orderStatus string

func TestRunRejectsInvalidJobs(t *testing.T) {
	ex, _ := startRedis(t)
	_, err := engine.Run(context.Background(), ex, dsl.FromSeq(upTo(2)).Sort().Map(func(i int) []int { return nil }).Sort().Run())
	if !errors.Is(err, dsl.ErrInvalidGear) || !strings.Contains(err.Error(), "step 3 (sort)") {
		t.Errorf("Run(invalid sort) = %v, want an ErrInvalidGear naming step 3 (sort)", err)
	}
	_, err = engine.Run(context.Background(), ex, dsl.FromSeq(upTo(1)).Run(), dsl.Param("p", 1).Bind(1), dsl.Param("p", 2).Bind(2))
	if err == nil || !strings.Contains(err.Error(), `parameter "p" bound twice`) {
		t.Errorf("Run(p bound twice) = %v, want parameter \"p\" bound twice", err)
	}
	_, err = engine.Run(context.Background(), nil, dsl.FromSeq(upTo(1)).Run())
	if !errors.Is(err, engine.ErrNoExecutor) {
		t.Errorf("Run(nil executor) = %v, want ErrNoExecutor", err)
	}
}

// Parameter.Get outside an execution may run while another goroutine runs
// one (parallel tests): under -race this must not report a data race.
func TestParamGetDuringExecution(t *testing.T) {
	e := engine.New(nil)
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-stop:
				return
			default:
				threshold.Get()
			}
		}
	}()
	for range 50 {
		var got float64
		if err := e.Exec(context.Background(), func() { got = threshold.Get() }, threshold.Bind(1)); err != nil || got != 1 {
			t.Errorf("Get in Exec = %v, %v; want 1", got, err)
		}
	}
	close(stop)
	<-done
}
