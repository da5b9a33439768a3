package corpus

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Adversarial cases: constructs picked to break the translation (red team).

var _ = reg(
	AdvIndexThenAssign, AdvAssignThenIndex, AdvCallOrderIndexAssign, AdvCallOrderOpAssign,
	AdvNestedStructCopy, AdvStructSliceFieldShared, AdvValueReceiverNoLeak, AdvStructInAny, AdvStructAppendCopy,
	AdvSwitchTagSideEffects, AdvContinueInSwitch, AdvBreakInSwitchInFor, AdvRangeReassign, AdvRangeIntModify,
	AdvStringOfByte, AdvFloat32FromInt, AdvFmtFloat32, AdvFmtFloats, AdvFormatFloatEdge, AdvFmtHexFloat32, AdvSprintSpacing, AdvMinMaxNaN,
	AdvFieldsControl, AdvIsSpaceControl, AdvParseIntEdge, AdvParseFloatEdge,
	AdvJSONIntKeys, AdvJSONEscapes, AdvJSONUnexported, AdvJSONBytes, AdvJSONFloats, AdvJSONFieldOrder, AdvUnmarshalCaseInsensitive, AdvJSONFloat32Fields, AdvUnmarshalMerge,
	AdvSortStable, AdvSortFloatsNaN, AdvTypeSwitchBoolInt, AdvErrorsIsDistinct, AdvErrorfWrapPosition,
	AdvToUpperInvalid, AdvLowerSpecial, AdvSplitEdges, AdvReplaceEmpty, AdvCountEmpty, AdvShadowModule,
	AdvPyNames, AdvNamedResultClosure, AdvClosureCaptureAfterLoop, AdvMapStructMutate, AdvStrSliceBounds)

func AdvIndexThenAssign(xs []int, k uint8) []int {
	if len(xs) < 3 {
		return xs
	}
	i := int(k) % len(xs)
	i, xs[i] = 0, 99
	return append(xs, i)
}

func AdvAssignThenIndex(xs []int, k uint8) []int {
	if len(xs) < 3 {
		return xs
	}
	i := int(k) % len(xs)
	xs[i], i = 77, 1
	xs[i] = 55
	return xs
}

func AdvCallOrderIndexAssign(n uint8) []int {
	var log []int
	step := 0
	next := func() int {
		step++
		log = append(log, step)
		return step
	}
	s := make([]int, 10)
	s[next()] = next() * 100
	m := map[int]int{}
	m[next()] = next()
	return append(append(log, s...), m[3], m[4], int(n))
}

func AdvCallOrderOpAssign(n uint8) []int {
	var log []int
	step := int(n % 3)
	next := func() int {
		step++
		log = append(log, step)
		return step
	}
	s := make([]int, 10)
	s[next()] += next() * 10
	return append(log, s...)
}

type advInner struct{ A, B int }
type advOuter struct {
	In advInner
	S  []int
	N  string
}

func AdvNestedStructCopy(a int) []int {
	o := advOuter{In: advInner{a, 2}, S: []int{1}}
	p := o
	p.In.A = 100
	q := []advOuter{o}
	q[0].In.B = 7
	r := q[0]
	r.In.B = 8
	m := map[string]advOuter{"k": o}
	v := m["k"]
	v.In.A = -1
	return []int{o.In.A, o.In.B, p.In.A, q[0].In.B, r.In.B, m["k"].In.A}
}

func AdvStructSliceFieldShared(a int) []int {
	o := advOuter{S: []int{a, 2}}
	p := o
	p.S[0] = 100
	return []int{o.S[0], p.S[0]}
}

func (o advOuter) setA(v int) int {
	o.In.A = v
	return o.In.A
}
func (o *advOuter) setPtr(v int) { o.In.B = v }

func AdvValueReceiverNoLeak(a int) []int {
	o := advOuter{In: advInner{1, 2}}
	r := o.setA(a)
	p := &o
	r2 := p.setA(a + 1)
	o.setPtr(a)
	return []int{o.In.A, r, r2, o.In.B}
}

func AdvStructInAny(a int) []int {
	p := advInner{a, 1}
	var x any = p
	p.A = 42
	y := x.(advInner)
	y.B = 9
	return []int{p.A, x.(advInner).A, x.(advInner).B, y.B}
}

func AdvStructAppendCopy(a int) []int {
	p := advInner{a, 1}
	s := []advInner{}
	s = append(s, p, p)
	p.A = 5
	s[0].B = 3
	q := []advInner{p}
	p.B = 77
	return []int{s[0].A, s[1].A, s[0].B, s[1].B, q[0].B, p.B}
}

func AdvSwitchTagSideEffects(n uint8) []int {
	var log []int
	f := func(v int) int {
		log = append(log, v)
		return v
	}
	switch f(int(n % 4)) {
	case f(0), f(1):
		log = append(log, 100)
	case f(2):
		log = append(log, 200)
	default:
		log = append(log, 300)
	}
	switch {
	case f(10) > int(n):
		log = append(log, 400)
	case f(20) > int(n):
		log = append(log, 500)
	}
	return log
}

func AdvContinueInSwitch(xs []int) int {
	total := 0
	for i, x := range xs {
		switch {
		case x%2 == 0:
			continue
		case i > 3:
			total += 1000
		}
		total += x
	}
	return total
}

func AdvBreakInSwitchInFor(xs []int) []int {
	var out []int
	for i := 0; i < len(xs); i++ {
		switch x := xs[i]; {
		case x < 0:
			break
		case x == 0:
			out = append(out, -1)
			break
		default:
			if x > 1000 {
				break
			}
			out = append(out, x)
		}
		out = append(out, i)
	}
	return out
}

func AdvRangeReassign(xs []int) []int {
	var out []int
	for i, v := range xs {
		xs = []int{100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100}
		out = append(out, v, i)
	}
	return out
}

func AdvRangeIntModify(n uint8) []int {
	k := int(n % 7)
	var out []int
	for i := range k {
		k--
		i += 10
		out = append(out, i, k)
	}
	return out
}

func AdvStringOfByte(s string) string {
	if s == "" {
		return ""
	}
	return string(rune(s[0])) + "|" + string(rune(-1)) + string(rune(0xD800)) + string(rune(0x110000))
}

func AdvFloat32FromInt(n int64) []float32 {
	return []float32{float32(n), float32(n + (1<<60 + 1<<36)), float32(uint64(n) | 1<<63)}
}

func AdvFmtFloat32(f float64) []string {
	x := float32(f)
	return []string{fmt.Sprint(x), fmt.Sprintf("%v %g %.3e", x, x, x), strconv.FormatFloat(float64(x), 'g', -1, 32), fmt.Sprint(x / 3)}
}

func AdvFmtFloats(f float64) []string {
	var out []string
	for _, m := range []float64{1, 1e20, 1e21, 1e-4, 1e-5, 123456789, 1.0 / 3} {
		v := f * m
		out = append(out, fmt.Sprint(v), fmt.Sprintf("%g|%e|%.2f|%8.3g|%+v|%G|%x", v, v, v, v, v, v, v))
	}
	return out
}

func AdvSprintSpacing(a int, s string) []string {
	return []string{fmt.Sprint(a, a), fmt.Sprint(s, a, a, s), fmt.Sprint(a, s, 1.5, true), fmt.Sprint(nil, a), fmt.Sprint(true, false), fmt.Sprintln(s, a)}
}

func AdvMinMaxNaN(a, b float64) []float64 {
	return []float64{min(a, b), max(a, b), min(b, a), max(b, a), min(a, 1, b), max(1, a, b), math.Min(a, b), math.Max(b, a)}
}

func AdvFieldsControl(s string) [][]string {
	t := s + "\x1c" + s + "\x85x\u00a0y\u2028z\u200bw"
	return [][]string{strings.Fields(t), {strings.TrimSpace("\x1f" + s + "\x1e")}}
}

func AdvIsSpaceControl(n uint16) []bool {
	r := rune(n)
	return []bool{unicode.IsSpace(r), unicode.IsSpace(0x1c), unicode.IsSpace(0x85), unicode.IsSpace(0x200b), unicode.IsPunct(r), unicode.IsLetter(r), unicode.IsDigit(r), unicode.IsNumber(r), unicode.IsControl(r), unicode.IsUpper(r), unicode.IsLower(r)}
}

func AdvParseIntEdge(k uint8) []string {
	type c struct {
		s    string
		base int
		bits int
	}
	cs := []c{{"-0x10", 0, 64}, {"0x", 0, 64}, {"1_0", 0, 64}, {"1_0", 10, 64}, {"_10", 0, 64}, {"0b101", 0, 8}, {"128", 10, 8}, {"-129", 10, 8},
		{"0o17", 0, 16}, {"017", 0, 16}, {"+5", 10, 0}, {"", 10, 0}, {"9223372036854775808", 10, 0}, {"z", 36, 64}, {"Z", 36, 64}, {"10", 1, 64}, {"10", 37, 64},
		{"0X1F", 0, 32}, {"0B1", 0, 8}, {"-", 10, 64}, {"0_1", 0, 64}, {"0x_1", 0, 64}, {"1__0", 0, 64}, {"٣", 10, 64}}
	var out []string
	for _, x := range cs {
		v, err := strconv.ParseInt(x.s, x.base, x.bits)
		u, err2 := strconv.ParseUint(x.s, x.base, x.bits)
		out = append(out, fmt.Sprint(v, err, u, err2))
	}
	a, err := strconv.Atoi("99999999999999999999")
	out = append(out, fmt.Sprint(a, err, int(k)))
	return out
}

func AdvParseFloatEdge(k uint8) []string {
	var out []string
	for _, s := range []string{"1e400", "-1e400", "1e-400", "0x1p-2", "0x1.8p1", "inf", "+Inf", "-infinity", "nan", "NaN", "1_000.5", "0x1_0p0", ".5", "5.", "1e", " 1", "1 ", "1e+5", "0.1", "1e23", "4.9e-324", "2.5e-324", "1.7976931348623159e308", "+.e1", "0x", "1_e5", "infinit"} {
		f, err := strconv.ParseFloat(s, 64)
		g, err2 := strconv.ParseFloat(s, 32)
		out = append(out, fmt.Sprint(f, err, g, err2))
	}
	return append(out, strconv.Itoa(int(k)))
}

func AdvFormatFloatEdge(f float64) []string {
	var out []string
	for _, fm := range []byte{'e', 'E', 'f', 'g', 'G', 'b', 'x', 'X'} {
		for _, p := range []int{-1, 0, 3} {
			out = append(out, strconv.FormatFloat(f, fm, p, 64), strconv.FormatFloat(f, fm, p, 32))
		}
	}
	return out
}

func AdvJSONIntKeys(m map[int]string) string {
	b, err := json.Marshal(m)
	if err != nil {
		return err.Error()
	}
	return string(b)
}

func AdvJSONBytes(s string) string {
	type t struct {
		B []byte
		N []int
		M map[string]int
		P *advInner
		A any
	}
	b, err := json.Marshal(t{B: []byte(s)})
	if err != nil {
		return err.Error()
	}
	c, _ := json.Marshal([]byte(s))
	return string(b) + string(c)
}

func AdvJSONFloats(f float64) string {
	b, err := json.Marshal([]any{f, f * 1e21, f / 1e7, float64(float32(f))})
	if err != nil {
		return err.Error()
	}
	return string(b)
}

type advOrder struct {
	Zeta  int    `json:"zeta"`
	Alpha string `json:"alpha,omitempty"`
	Mid   bool   `json:"-,"`
	Skip  int    `json:"-"`
	Num   int    `json:"num,other"`
}

func AdvJSONFieldOrder(a int, s string) string {
	b, err := json.Marshal(advOrder{Zeta: a, Alpha: s, Mid: a > 0, Skip: 3, Num: a})
	if err != nil {
		return err.Error()
	}
	return string(b)
}

func AdvJSONEscapes(s string) string {
	b, err := json.Marshal(map[string]string{s + "<&>": "\u2028\u2029<script>" + s + "\x00\x1f\x7f"})
	if err != nil {
		return err.Error()
	}
	return string(b)
}

type advPriv struct {
	Pub  int
	priv int
}

func AdvJSONUnexported(a int) string {
	b, _ := json.Marshal(advPriv{a, a})
	var p advPriv
	err := json.Unmarshal([]byte(`{"Pub": 3, "priv": 4}`), &p)
	return string(b) + fmt.Sprint(p.Pub, p.priv, err)
}

func AdvUnmarshalCaseInsensitive(s string) string {
	var p advInner
	err := json.Unmarshal([]byte(`{"a": 5, "B": 6, "b": 7}`), &p)
	var q advInner
	err2 := json.Unmarshal([]byte(`{"A": 1.5}`), &q)
	m := map[string]int{"keep": 1}
	err3 := json.Unmarshal([]byte(`{"x": 2}`), &m)
	return fmt.Sprint(p.A, p.B, err, q.A, err2 != nil, len(m), m["keep"], err3, s != "")
}

func AdvSortFloatsNaN(xs []float64) []float64 {
	// 0 and -0 are equal, so their order is unspecified (docs/subset.md).
	xs = slices.Clone(xs)
	for i, x := range xs {
		if x == 0 {
			xs[i] = 0
		}
	}
	a := slices.Clone(xs)
	sort.Float64s(a)
	b := slices.Clone(xs)
	slices.Sort(b)
	return append(a, b...)
}

func AdvSortStable(xs []int) []int {
	type kv struct{ k, i int }
	var s []kv
	for i, x := range xs {
		s = append(s, kv{x % 3, i})
	}
	sort.SliceStable(s, func(i, j int) bool { return s[i].k < s[j].k })
	var out []int
	for _, e := range s {
		out = append(out, e.k, e.i)
	}
	return out
}

func AdvErrorsIsDistinct(s string) []bool {
	e1 := errors.New(s)
	e2 := errors.New(s)
	w := fmt.Errorf("wrap: %w", e1)
	ww := fmt.Errorf("two: %w and %w", e2, w)
	return []bool{errors.Is(e1, e2), errors.Is(w, e1), errors.Is(w, e2), errors.Is(ww, e1), errors.Is(ww, e2), errors.Unwrap(ww) == nil, errors.Unwrap(w) == e1, e1 == e2}
}

func AdvTypeSwitchBoolInt(b bool, n int) []string {
	var out []string
	for _, v := range []any{b, n, float64(n), strconv.Itoa(n), nil, errors.New("e"), advInner{n, 1}} {
		switch x := v.(type) {
		case int, string:
			out = append(out, fmt.Sprintf("int|string %v", x))
		case bool:
			out = append(out, fmt.Sprintf("bool %v", x))
		case float64:
			out = append(out, fmt.Sprintf("float %v", x))
		case error:
			out = append(out, "error "+x.Error())
		case nil:
			out = append(out, "nil")
		default:
			out = append(out, fmt.Sprintf("other %v", x))
		}
		_, isInt := v.(int)
		_, isBool := v.(bool)
		out = append(out, fmt.Sprint(isInt, isBool))
	}
	return out
}

func AdvToUpperInvalid(s string) []string {
	return []string{strings.ToUpper(s + "\xffa é"), strings.ToLower("\xc3" + s), strings.ToTitle(s), strings.Map(func(r rune) rune { return r }, s)}
}

func AdvLowerSpecial(s string) []string {
	t := s + "İKΣσςǅﬃ"
	return []string{strings.ToLower(t), strings.ToUpper(t), strings.ToTitle(t), fmt.Sprint(strings.EqualFold("K", "k"), strings.EqualFold("ſ", "S"), strings.EqualFold(s, strings.ToUpper(s))),
		string(unicode.ToUpper('ǆ')), string(unicode.ToTitle('ǆ')), string(unicode.ToLower('İ'))}
}

func AdvSplitEdges(s string) [][]string {
	return [][]string{strings.Split(s, ""), strings.Split("", ","), strings.Split("", ""), strings.SplitN(s, ",", 0), strings.SplitN(s, "", 2), strings.SplitN(s, ",", -1),
		strings.SplitAfter(s, ""), strings.SplitAfter(s+",", ","), strings.Split(s+",", ",")}
}

func AdvReplaceEmpty(s string) []string {
	return []string{strings.Replace(s, "", "-", -1), strings.Replace(s, "", "-", 2), strings.Replace(s, "a", "", 1), strings.ReplaceAll("aaa", "aa", "b"), strings.Replace(s, "", "", -1)}
}

func AdvCountEmpty(s string) []int {
	return []int{strings.Count(s, ""), strings.Index(s, ""), strings.LastIndex(s, ""), strings.IndexRune(s, -1), strings.IndexRune(s, 0xFFFD), strings.IndexAny(s, ""), strings.IndexByte(s, 0xff)}
}

func AdvShadowModule(n int) int {
	r := 0
	{
		math := n % 5
		json := 2
		strings := 3
		r += math + json + strings
	}
	return r + int(math.Sqrt(16)) + len(strings.Fields(" a b "))
}

func isinstance(a, b int) int { return a - b }
func bytes(n int) int         { return n * 2 }
func str(n int) int           { return n + 1 }
func sorted(xs []int) []int   { return xs }

func AdvPyNames(n int) []int {
	list, dict, None, self, print, len2, int_, True := 1, 2, 3, 4, 5, 6, 7, 8
	return append(sorted([]int{isinstance(n, 1), bytes(n), str(n)}), list, dict, None, self, print, len2, int_, True, len("abc"))
}

func AdvNamedResultClosure(n int) (r int, s string) {
	g := func() { r++; s += "g" }
	r = n
	g()
	if n > 5 {
		return r * 2, s + "!"
	}
	g()
	return
}

func AdvClosureCaptureAfterLoop(n uint8) []int {
	var fs []func() int
	j := 0
	for j = 0; j < int(n%5); j++ {
		fs = append(fs, func() int { return j })
	}
	var out []int
	for _, f := range fs {
		out = append(out, f())
	}
	return out
}

func AdvMapStructMutate(keys []string) []int {
	m := map[string]advInner{}
	for _, k := range keys {
		v := m[k]
		v.A++
		m[k] = v
	}
	ms := map[string][]int{}
	for _, k := range keys {
		ms[k] = append(ms[k], len(k))
	}
	var out []int
	for _, k := range keys {
		out = append(out, m[k].A, len(ms[k]))
	}
	return out
}

func AdvStrSliceBounds(s string, i, j int8) string {
	return s[i:j] + s[i:] + s[:j]
}

func AdvErrorfWrapPosition(s string) []bool {
	a := errors.New("a" + s)
	b := errors.New("b" + s)
	w := fmt.Errorf("%v then %w", a, b)
	x := fmt.Errorf("100%%w %v", a)
	y := fmt.Errorf("%[2]w %[1]v", a, b)
	return []bool{errors.Is(w, a), errors.Is(w, b), errors.Unwrap(w) == b, errors.Is(x, a), errors.Unwrap(x) == nil, errors.Is(y, b), errors.Is(y, a), w.Error() == "a"+s+" then b"+s, x.Error() == "100%w a"+s}
}

type advF32 struct {
	F  float32
	Fs []float32
	M  map[string]float32
	B  [][]byte
	P  *advInner
}

func AdvJSONFloat32Fields(f float64) string {
	x := float32(f)
	b, err := json.Marshal(advF32{F: x, Fs: []float32{x, 0.1}, M: map[string]float32{"k": x}, B: [][]byte{[]byte("hi"), nil}})
	c, _ := json.Marshal(map[string][]float32{"a": {x}})
	if err != nil {
		return err.Error() + string(c)
	}
	return string(b) + string(c)
}

func AdvUnmarshalMerge(s string) string {
	o := advOuter{In: advInner{1, 2}, S: []int{5}, N: "keep"}
	err := json.Unmarshal([]byte(`{"In": {"B": 9}, "S": [7, 8]}`), &o)
	p := &advInner{A: 3}
	w := advF32{P: p}
	err2 := json.Unmarshal([]byte(`{"P": {"B": 4}}`), &w)
	return fmt.Sprint(o.In.A, o.In.B, o.S, o.N, err, w.P.A, w.P.B, p.B, err2, s == "")
}

func AdvFmtHexFloat32(f float64) []string {
	x := float32(f)
	return []string{fmt.Sprintf("%x|%X|%b|%.2x|%10.1X|%-12x|%+x|% x|%012x", x, x, x, x, x, x, x, x, x), fmt.Sprintf("%b|%.3x|%08.2X", f, f, f)}
}
