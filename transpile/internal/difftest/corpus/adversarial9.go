package corpus

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Adversarial cases, ninth batch (red team): nil versus empty results of
// standard functions (they reach JSON records), typed nils in interfaces,
// durations, unicode on invalid runes, subslices of nil.

var _ = reg(
	A9NilEmptyStd, A9NilSubslice, A9DurationString, A9DurationMath, A9UnicodeInvalid, A9StrconvMisc,
	A9QuoteControl, A9SortStringsInvalid, A9SlicesEqualNil, A9StructNestedSliceShare, A9SliceOfSlicesAlias,
	A9MinMixedInts, A9ConvFloat32Big, A9RangeStringReassign, A9ClosureInSwitchLoop, A9NilPtrValueMethod,
	A9MapNilOps, A9ErrorsUnwrapChain, A9JSONUnmarshalNulls, A9JSONMarshalPtrs, A9AppendNilVariants,
	A9StringsMisc2, A9FmtWidthUnicode,
	A9NilEmptyConv)

func jsonOf(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return err.Error()
	}
	return string(b)
}

func A9NilEmptyStd(s string) []string {
	return []string{jsonOf(strings.Fields(s)), jsonOf(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) })), jsonOf(strings.Split(s, ",")), jsonOf(strings.SplitN(s, ",", 0)),
		jsonOf(strings.SplitAfter(s, "a")), jsonOf(slices.Collect(maps.Keys(map[string]int{}))), jsonOf(slices.Sorted(maps.Keys(map[string]int{}))), jsonOf(slices.Clone([]int{})),
		jsonOf(maps.Clone(map[string]int{})), jsonOf(maps.Clone(map[string]int(nil))), jsonOf(slices.Clone([]string(nil)))}
}

func jsonBytes(b []byte) string {
	out, err := json.Marshal(b)
	if err != nil {
		return err.Error()
	}
	return string(out)
}

func A9NilEmptyConv(s string) []string {
	var nb []byte
	var nr []rune
	return []string{jsonBytes([]byte(s)), jsonOf([]rune(s)), jsonBytes(nb), jsonOf(nr), jsonOf(string(nb)), jsonBytes([]byte("")), jsonOf([]rune("")), jsonOf(make([]int, 0)), jsonOf(make(map[string]int))}
}

func A9NilSubslice(n uint8) []string {
	var s []int
	t := s[:0]
	u := []int{1, 2}
	v := u[2:]
	var str string
	w := s[0:0]
	return []string{fmt.Sprint(t == nil, len(t), v == nil, len(v), w == nil), jsonOf(str[:0]), strconv.Itoa(int(n))}
}

func A9DurationString(n int64) []string {
	d := time.Duration(n)
	return []string{d.String(), (d / 1000).String(), (d * 1000).String(), time.Duration(-n % 1000000).String(), fmt.Sprint(d), fmt.Sprintf("%v|%s|%d", d, d, d), (time.Duration(n%100) * time.Hour).String()}
}

func A9DurationMath(n int32) []string {
	d := time.Duration(n) * time.Millisecond
	return []string{fmt.Sprint(d.Seconds(), d.Minutes(), d.Hours(), d.Milliseconds(), d.Microseconds(), d.Nanoseconds()), (d + 90*time.Minute).String(), strconv.FormatInt(int64(d/time.Second), 10)}
}

func A9UnicodeInvalid(n int32) []string {
	r := rune(n)
	return []string{fmt.Sprint(unicode.IsLetter(r), unicode.IsDigit(r), unicode.IsSpace(r), unicode.IsUpper(r), unicode.IsLower(r), unicode.IsPunct(r), unicode.IsControl(r), unicode.IsNumber(r)),
		fmt.Sprint(unicode.ToUpper(r), unicode.ToLower(r), unicode.ToTitle(r), utf8.RuneLen(r)), fmt.Sprint(unicode.ToUpper(-5), unicode.ToLower(0x110000), unicode.IsLetter(-1))}
}

func A9StrconvMisc(s string) []string {
	a, e1 := strconv.Atoi(s)
	b, e2 := strconv.ParseInt(s, 16, 64)
	c, e3 := strconv.ParseUint(s, 0, 8)
	d, e4 := strconv.ParseFloat(s, 64)
	f, e5 := strconv.ParseBool(s)
	return []string{fmt.Sprint(a, e1), fmt.Sprint(b, e2), fmt.Sprint(c, e3), fmt.Sprint(d, e4), fmt.Sprint(f, e5), strconv.FormatInt(-1<<63, 2), strconv.FormatInt(-1<<63, 36), strconv.FormatUint(1<<64-1, 36)}
}

func A9QuoteControl(s string) []string {
	t := "\a\b\f\n\r\t\v\\\"'" + s + "\x00\x1b\u0085\u00a0\u2029\U0010ffff"
	return []string{strconv.Quote(t), strconv.QuoteToASCII(t), fmt.Sprintf("%q|%+q|%x", t, t, t), strconv.QuoteRune('\''), strconv.QuoteRune('"'), fmt.Sprintf("%q|%6.2q|%-4q|%c|%U", '\'', 'x', '\n', '\x00', 0x1F600)}
}

func A9SortStringsInvalid(xs []string) []string {
	ys := slices.Clone(xs)
	ys = append(ys, "\xff", "\xc3", "é", "e\u0301", "", "Z", "a")
	sort.Strings(ys)
	zs := slices.Clone(ys)
	slices.SortStableFunc(zs, func(a, b string) int { return strings.Compare(strings.ToLower(b), strings.ToLower(a)) })
	i, found := slices.BinarySearch(ys, "é")
	return append(append(ys, zs...), strconv.Itoa(i), strconv.FormatBool(found))
}

func A9SlicesEqualNil(xs []int) []bool {
	var n []int
	e := []int{}
	return []bool{slices.Equal(n, e), slices.Equal(xs, n), slices.Equal(xs, slices.Clone(xs)), xs == nil, slices.Contains(n, 0), slices.Index(e, 1) == -1}
}

type a9inner struct{ N int }
type a9outer struct {
	L []a9inner
	M map[string]a9inner
	I a9inner
}

func A9StructNestedSliceShare(a int) []int {
	o := a9outer{L: []a9inner{{a}}, M: map[string]a9inner{"k": {a}}, I: a9inner{a}}
	p := o
	p.L[0].N = 5
	p.M["k"] = a9inner{6}
	p.I.N = 7
	q := o
	q.L = append(q.L, a9inner{8})
	q.L[0].N = 9
	return []int{o.L[0].N, o.M["k"].N, o.I.N, len(o.L), p.L[0].N, q.L[0].N}
}

func A9SliceOfSlicesAlias(n uint8) []int {
	a := [][]int{{1, 2}, {3}}
	b := a[0]
	b[0] = int(n)
	c := a
	c[1] = []int{7, 7}
	d := make([][]int, 2)
	copy(d, a)
	d[0][1] = 42
	d[1] = nil
	return []int{a[0][0], a[0][1], len(a[1]), len(d[1]), b[1]}
}

func A9MinMixedInts(a int8, b uint8) []int {
	return []int{int(min(a, -128)), int(max(a, 127)), int(min(b, 3)), int(max(b, 0)), min(int(a), int(b)), max(int(a)*2, int(b)*3, -1)}
}

func A9ConvFloat32Big(n int64) []string {
	f := float32(n)
	g := float64(f)
	var out []string
	out = append(out, fmt.Sprint(f), strconv.FormatFloat(g, 'g', -1, 64), fmt.Sprint(float32(uint32(n)), float32(int32(n)), float32(int16(n))*float32(int16(n))))
	if g > -9.2e18 && g < 9.2e18 {
		out = append(out, strconv.FormatInt(int64(f), 10), strconv.FormatInt(int64(float32(n/3)), 10))
	}
	return out
}

func A9RangeStringReassign(s string) []int {
	var out []int
	for i, r := range s {
		s = "zz"
		out = append(out, i, int(r))
	}
	return append(out, len(s))
}

func A9ClosureInSwitchLoop(n uint8) []int {
	var fs []func() int
	for i := range int(n % 6) {
		switch i % 3 {
		case 0:
			v := i * 10
			fs = append(fs, func() int { return v })
		case 1:
			fs = append(fs, func() int { return -i })
		default:
			w := i
			fs = append(fs, func() int { return w * w })
		}
	}
	var out []int
	for _, f := range fs {
		out = append(out, f())
	}
	return out
}

func (i a9inner) doubled() int { return i.N * 2 }

func A9NilPtrValueMethod(n int) int {
	var p *a9inner
	if n > 0 {
		p = &a9inner{n}
	}
	return p.doubled()
}

func A9MapNilOps(k string) []string {
	var m map[string]int
	delete(m, k)
	v, ok := m[k]
	clear(m)
	n := len(m)
	var out []string
	for kk := range m {
		out = append(out, kk)
	}
	return append(out, fmt.Sprint(v, ok, n, m == nil, m[k]))
}

func A9ErrorsUnwrapChain(s string) []string {
	base := errors.New(s)
	w1 := fmt.Errorf("w1: %w", base)
	w2 := fmt.Errorf("w2: %w", w1)
	var out []string
	for e := error(w2); e != nil; e = errors.Unwrap(e) {
		out = append(out, e.Error())
	}
	return append(out, fmt.Sprint(errors.Is(w2, base), errors.Is(w2, w1), errors.Is(w1, w2), errors.Unwrap(base) == nil))
}

type a9rec struct {
	A int            `json:"a"`
	S []string       `json:"s"`
	M map[string]int `json:"m"`
	P *a9inner       `json:"p"`
	X any            `json:"x"`
}

func A9JSONUnmarshalNulls(n uint8) []string {
	r := a9rec{A: 5, S: []string{"keep"}, M: map[string]int{"k": 1}, P: &a9inner{3}, X: "x"}
	err := json.Unmarshal([]byte(`{"a": null, "s": null, "m": null, "p": null, "x": null}`), &r)
	q := a9rec{A: 1, S: []string{"old"}}
	err2 := json.Unmarshal([]byte(`{"s": ["new"], "S": ["later"], "A": 2}`), &q)
	var xs []int
	err3 := json.Unmarshal([]byte(`null`), &xs)
	return []string{fmt.Sprint(r.A, r.S == nil, r.M == nil, r.P == nil, r.X == nil, err), fmt.Sprint(q.A, q.S, err2), fmt.Sprint(xs == nil, err3, n)}
}

func A9JSONMarshalPtrs(a int) []string {
	p := &a9inner{a}
	var np *a9inner
	return []string{jsonOf(p), jsonOf(np), jsonOf([]*a9inner{p, nil}), jsonOf(map[string]*a9inner{"a": p, "b": nil}), jsonOf(a9rec{P: p})}
}

func A9AppendNilVariants(n uint8) []string {
	var s []int
	var e []int
	a := append(s, e...)
	b := append(s, e...)
	c := append([]int{}, s...)
	d := append(e, []int{}...)
	return []string{jsonOf(a), jsonOf(b), jsonOf(c), jsonOf(d), strconv.Itoa(int(n))}
}

func A9StringsMisc2(s string) []string {
	return []string{strings.Repeat(s, 3), strings.Replace(s, s, "x", -1), strings.Join(strings.Split(s, s), "|"), strings.TrimPrefix(s, s), strings.TrimSuffix(s+s, s),
		fmt.Sprint(strings.Count(s, s), strings.Index(s, s), strings.LastIndex(s+s, s), strings.EqualFold(s, strings.ToUpper(s)), strings.HasSuffix(s, "")),
		strings.Trim(s, s), strings.TrimFunc(s, func(r rune) bool { return unicode.IsLetter(r) }), strings.ToLower(strings.ToUpper(s))}
}

func A9FmtWidthUnicode(s string) []string {
	return []string{fmt.Sprintf("[%8s][%-8s][%.3s][%8.2s]", s, s, s, s), fmt.Sprintf("[%5q][%-7x]", s, s), fmt.Sprintf("[%4c][%-4c]", 'é', '日'), fmt.Sprintf("[%6v]", []string{s, "é"})}
}
