package corpus

import (
	"encoding/json"
	"strings"
	"time"
)

var _ = reg(ClosureCounter, ClosureFactory, ClosureLoopVar, ClosureNested, ClosureCapturesParam, ClosureAsArg,
	ClosureShadow, JSONMarshalMap, JSONMarshalStruct, JSONMarshalSlice, JSONUnmarshalMap, JSONUnmarshalStruct,
	JSONUnmarshalAny, DurationString, DurationMath, TimeUnix, GenericMap, GenericFilter, GenericContains, GenericKeys)

func ClosureCounter(n uint8) []int {
	count := 0
	inc := func() int {
		count++
		return count
	}
	var out []int
	for range int(n % 10) {
		out = append(out, inc())
	}
	return append(out, count)
}
func adder(base int) func(int) int {
	return func(x int) int { return base + x }
}
func ClosureFactory(a, b int) []int {
	add := adder(a)
	return []int{add(b), add(1), adder(b)(a)}
}
func ClosureLoopVar(n uint8) []int {
	var fs []func() int
	for i := 0; i < int(n%6); i++ {
		fs = append(fs, func() int { return i * 10 })
	}
	for _, s := range []int{7, 8} {
		fs = append(fs, func() int { return s })
	}
	var out []int
	for _, f := range fs {
		out = append(out, f())
	}
	return out
}
func ClosureNested(s string) string {
	outer := "o"
	f := func() func() string {
		mid := "m"
		return func() string {
			outer += "!"
			return outer + mid + s
		}
	}
	g := f()
	g()
	return g() + outer
}
func ClosureCapturesParam(xs []int, k int) []int {
	var out []int
	apply := func(x int) { out = append(out, x*k) }
	for _, x := range xs {
		apply(x)
	}
	return out
}
func mapInts(xs []int, f func(int) int) []int {
	out := make([]int, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}
func ClosureAsArg(xs []int) []int {
	return mapInts(xs, func(x int) int { return x*x - 1 })
}
func ClosureShadow(n int) int {
	x := n
	f := func(x int) int { return x + 1 }
	g := func() int { x := 5; return x }
	return f(x) + g() + x
}
func JSONMarshalMap(m map[string]int) string {
	b, err := json.Marshal(m)
	if err != nil {
		return "err"
	}
	return string(b)
}

type jsRec struct {
	Name  string            `json:"name"`
	Count int               `json:"count,omitempty"`
	Tags  []string          `json:"tags"`
	Meta  map[string]string `json:"meta,omitempty"`
	Skip  string            `json:"-"`
	Raw   float64
	inner int
}

func JSONMarshalStruct(s string, n int) string {
	r := jsRec{Name: s, Count: n, Raw: float64(n) / 4, inner: 3, Skip: "x"}
	if n%2 == 0 {
		r.Tags = []string{s, "<&>"}
		r.Meta = map[string]string{"k": s}
	}
	b, _ := json.Marshal(r)
	return string(b)
}
func JSONMarshalSlice(xs []float64) string {
	b, err := json.Marshal(xs)
	if err != nil {
		return "unsupported"
	}
	return string(b)
}
func JSONUnmarshalMap(s string) []any {
	var m map[string]int
	err := json.Unmarshal([]byte(s), &m)
	return []any{m, err != nil}
}
func JSONUnmarshalStruct(name string, n int) []any {
	in := `{"name":` + strings.ReplaceAll(string(mustJSON(name)), "", "") + `,"count":` + itoaJSON(n) + `,"tags":["a","b"],"RAW":2.5}`
	var r jsRec
	err := json.Unmarshal([]byte(in), &r)
	return []any{r.Name, r.Count, r.Tags, r.Raw, err != nil}
}
func mustJSON(s string) []byte {
	b, _ := json.Marshal(s)
	return b
}
func itoaJSON(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
func JSONUnmarshalAny(n int) []any {
	var v any
	err := json.Unmarshal([]byte(`{"a":[1,"x",true,null],"b":`+itoaJSON(n)+`}`), &v)
	s, isStr := v.(string)
	return []any{s, isStr, v != nil, err}
}
func DurationString(n int64) []any {
	d := time.Duration(n)
	return []any{d.String(), d.Seconds(), d.Milliseconds(), (time.Duration(n%1000) * time.Second).String(), d.Minutes()}
}
func DurationMath(secs int32) []any {
	d := time.Duration(secs) * time.Millisecond
	d += 90 * time.Minute
	return []any{int64(d), d.Hours(), d.String()}
}
func TimeUnix(sec int32) []int64 {
	t := time.Unix(int64(sec), 500)
	u := t.Add(2 * time.Second)
	return []int64{t.Unix(), u.Unix(), int64(u.Sub(t)), t.UnixMilli()}
}
func gmap[T, U any](xs []T, f func(T) U) []U {
	var out []U
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}
func gfilter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}
func gcontains[T comparable](xs []T, v T) bool {
	for _, x := range xs {
		if x == v {
			return true
		}
	}
	return false
}
func GenericMap(xs []int) []string {
	return gmap(xs, func(x int) string { return strings.Repeat("*", x%5) })
}
func GenericFilter(xs []string) []string {
	return gfilter(xs, func(s string) bool { return len(s) > 1 })
}
func GenericContains(xs []string, v string) []bool {
	return []bool{gcontains(xs, v), gcontains([]int{1, 2}, len(v))}
}
func gkeys[K comparable, V any](m map[K]V) int { return len(m) }
func GenericKeys(m map[string]int) int         { return gkeys(m) }
