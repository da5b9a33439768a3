package corpus

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Adversarial cases, eighth batch (red team): switch case lists, op-assign
// overflow through elements and fields, float division by zero through
// op-assign, constant folding, fmt and strconv on invalid UTF-8, json
// edge values, error wrapping.

var _ = reg(
	A8SwitchNaNCase, A8SwitchCaseOrder, A8SwitchInitShadowTag, A8OpAssignElemOverflow, A8OpAssignFieldOverflow,
	A8ShiftAssignVar, A8FloatDivAssignZero, A8IntDivAssignZero, A8ModAssignZero, A8MinIntDivAssign, A8ConstHuge,
	A8ConstFloatExact, A8NegZeroConst, A8FloatToIntTrunc, A8NarrowConversions, A8MinMaxZeroRuntime,
	A8MinMaxStrings, A8FmtPadSpecials, A8FmtZeroPadString, A8FmtCharEdge, A8FmtStructVariants,
	A8FormatFloat32Modes, A8StrconvQuoteInvalid, A8RangeStringIndexOnly, A8StringByteConcat, A8BuilderInvalidRune,
	A8MapInvalidRune, A8StringsInvalidSep, A8JSONNaN, A8JSONNilVsEmpty, A8JSONBigInts, A8ErrorsIsChain,
	A8SwitchNoTagCalls, A8RuneConvWide,
	A8ErrorWrapNil, A8FloatFormats, A8FmtBadVerbs, A8FmtIntVerbsNeg, A8FmtQuoteVariants, A8JSONInvalidUTF8, A8JSONUnmarshalNumbers,
	A8OpAssignCallModifies, A8ParallelAssignCallModifies,
	A8FmtNestedAny)

func A8SwitchNaNCase(f float64) []string {
	var out []string
	switch f {
	case f, 1:
		out = append(out, "self")
	default:
		out = append(out, "none")
	}
	g := f
	switch g {
	case f:
		out = append(out, "same")
	case math.NaN():
		out = append(out, "nan")
	}
	return out
}

func A8SwitchCaseOrder(n uint8) []int {
	var log []int
	f := func(v int) int {
		log = append(log, v)
		return v
	}
	switch int(n % 5) {
	case f(3), f(1):
		log = append(log, -1)
	case f(4), f(2):
		log = append(log, -2)
	}
	return log
}

func A8SwitchInitShadowTag(x int) []int {
	var out []int
	switch x := x * 2; x {
	case 0:
		out = append(out, 100)
	case 2, -2:
		x := x + 1
		out = append(out, x)
	default:
		out = append(out, x)
	}
	if x := x + 1; x > 3 {
		out = append(out, x)
	} else if y := x * 3; y > 0 {
		out = append(out, y)
	} else {
		out = append(out, -x, -y)
	}
	return append(out, x)
}

func A8OpAssignElemOverflow(xs []int8) []int8 {
	ys := append([]int8(nil), xs...)
	for i := range ys {
		ys[i] += 100
		ys[i] *= 3
		ys[i] <<= 2
		ys[i]--
	}
	m := map[string]uint8{}
	m["a"]--
	m["b"] += 200
	m["b"] += 100
	return append(ys, int8(m["a"]), int8(m["b"]))
}

type a8nums struct {
	I8  int8
	U16 uint16
	I32 int32
	U   uint
}

func A8OpAssignFieldOverflow(n int16) []string {
	p := &a8nums{I8: int8(n), U16: uint16(n)}
	p.I8 *= 7
	p.U16 -= 40000
	p.I32 = int32(n)
	p.I32 <<= 20
	p.U--
	q := a8nums{}
	q.U16--
	q.I8 -= 127
	q.I8 -= 2
	return []string{fmt.Sprint(p.I8, p.U16, p.I32, p.U), fmt.Sprint(q.U16, q.I8)}
}

func A8ShiftAssignVar(n int8, k uint8) []int64 {
	x := int64(n)
	y := uint32(n)
	z := int8(n)
	x <<= k % 70
	y >>= k % 40
	z >>= k
	w := int16(n)
	w <<= k % 20
	return []int64{x, int64(y), int64(z), int64(w)}
}

func A8FloatDivAssignZero(f float64) []float64 {
	z := 0.0
	a := f
	a /= z
	b := -f
	b /= z
	c := f
	c /= 0 * f
	g := float32(f)
	g /= float32(z)
	return []float64{a, b, c, float64(g), f / z, z / z}
}

func A8IntDivAssignZero(a, b int16) []int16 {
	x := a
	x /= b
	return []int16{x}
}

func A8ModAssignZero(a uint8, b uint8) []uint8 {
	s := []uint8{a}
	s[0] %= b
	return s
}

func A8MinIntDivAssign(n int8) []int64 {
	a := int64(math.MinInt64) + int64(n%2)
	a /= -1
	b := int8(-128)
	b /= int8(-1 + n%1)
	c := int32(math.MinInt32)
	c %= -1
	d := int64(math.MinInt64)
	d *= -1
	return []int64{a, int64(b), int64(c), d}
}

func A8ConstHuge(n int) []string {
	const big = 1 << 200
	const ratio = big / (1 << 190)
	const fbig = big * 1.5
	const tiny = 1e-400 * 1e100
	x := n + ratio
	return []string{fmt.Sprint(x), fmt.Sprint(float64(fbig)), fmt.Sprint(tiny), fmt.Sprint(big >> 150 & 0xff), strconv.FormatUint(math.MaxUint64-uint64(n&1), 10), fmt.Sprint(int64(big>>140) - 1)}
}

func A8ConstFloatExact(f float64) []bool {
	const third = 0.1 + 0.2
	x := 0.1
	y := x + 0.2
	return []bool{third == 0.3, y == 0.3, float32(third) == float32(0.3), f*3 == f+f+f, 1e23 == 1e22*10}
}

func A8NegZeroConst(f float64) []bool {
	a := -0.0
	b := 0.0
	b = -b
	c := f * 0
	return []bool{math.Signbit(a), math.Signbit(b), math.Signbit(c), math.Signbit(-a), 1/a > 0}
}

func A8FloatToIntTrunc(f float64) []int64 {
	if math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) > 1e15 {
		return nil
	}
	g := f * 7.3
	return []int64{int64(g), int64(-g), int64(float32(g)), int64(int32(g / 1e6)), int64(uint8(int(g) & 0x7f)), int64(g / 0.1), int64(math.Trunc(g))}
}

func A8NarrowConversions(n int64) []string {
	u := uint64(n)
	return []string{fmt.Sprint(int8(n), uint8(n), int16(n), uint16(n), int32(n), uint32(n)), fmt.Sprint(int8(u>>8), uint32(u>>33), int64(u)), fmt.Sprint(uint(int8(n)), uint16(int8(n)), int(uint32(int32(n)))), fmt.Sprint(float32(n), float64(uint64(n)), float64(int32(n)))}
}

func A8MinMaxZeroRuntime(f float64) []float64 {
	z := 0.0
	nz := math.Copysign(0, -1)
	return []float64{min(nz, z), min(z, nz), max(nz, z), max(z, nz), min(f, z), max(f, nz), min(z, f, nz), max(nz, f, z), min(f, math.NaN(), z), max(math.Inf(-1), f)}
}

func A8MinMaxStrings(a, b string) []string {
	return []string{min(a, b), max(a, b), min(a, b, "\xff"), max("", a, b), min(a+"x", b)}
}

func A8FmtPadSpecials(f float64) []string {
	return []string{fmt.Sprintf("%08.2f|%-8.2f|%+08.1f|% 8.3f|%08v|%08g", f, f, f, f, f, f), fmt.Sprintf("%+v|% v|%-10v|%10.3v", f, f, f, f), fmt.Sprintf("%08.2f|%08d", math.NaN(), -5)}
}

func A8FmtZeroPadString(s string) []string {
	return []string{fmt.Sprintf("%05s|%-05s|%05q|%05x", s, s, s, s), fmt.Sprintf("%05v|%06t|%05d", []string{s}, true, []int{1, -2}), fmt.Sprintf("%010.3s|", s)}
}

func A8FmtQuoteVariants(s string) []string {
	return []string{fmt.Sprintf("%q|%+q|%#q|%#+q", s, s, s, s), fmt.Sprintf("%q", []string{s, "`"}), fmt.Sprintf("%#q|%#q", "a`b", "tab\there"), fmt.Sprintf("%x|%X|% X|%#x|%# x", s, s, s, s, s), fmt.Sprintf("%.2x|%.1q|%5.2q", s, s, s)}
}

func A8FmtIntVerbsNeg(n int16) []string {
	x := int8(n)
	u := uint16(n)
	f1, f2 := "%c|%q|%U|%#U", "%d|%v|%s"
	return []string{fmt.Sprintf("%x|%X|%o|%O|%b|%#x|%#o|%#b", x, x, x, x, x, x, x, x), fmt.Sprintf(f1, u, u, u, u), fmt.Sprintf("%5.3d|%-+5d|%+.0d|%x", n, n, n, []int8{x, -x}), fmt.Sprintf(f2, u, x, []uint16{u})}
}

func A8FmtCharEdge(n int32) []string {
	return []string{fmt.Sprintf("%c|%q|%U|%#U", n, n, n, n), fmt.Sprintf("%c|%q", -n, -n), fmt.Sprintf("%c%c%c", 0xD800, 0x10FFFF, 0x110000), strconv.QuoteRune(n)}
}

func A8FmtNestedAny(s string) []string {
	var nilMap map[string]int
	var nilSlice []string
	var nilErr error
	// Typed nils, []byte and sized ints lose their Go type in an any
	// (docs/subset.md); they are printed outside one.
	xs := []any{nil, s, 1.5, []any{}, map[string]any{"k": nil}, nilErr, -3, true, []any{nil, []any{s}}}
	return []string{fmt.Sprint(xs...), fmt.Sprintf("%v", xs), fmt.Sprintf("%d", xs), fmt.Sprintf("%s", xs), fmt.Sprintln(nilMap, nilSlice, nilErr), fmt.Sprintf("%s|%d|%v", []byte(s), []int8{-3}, []uint{7})}
}

type a8in struct {
	N int
	S []string
}
type a8out struct {
	In  a8in
	M   map[string]a8in
	L   []a8in
	E   error
	Any any
}

func A8FmtStructVariants(n int) []string {
	o := a8out{In: a8in{N: n}, M: map[string]a8in{"b": {N: 2, S: []string{"x"}}, "a": {}}, L: []a8in{{}, {N: -1}}, E: errors.New("boom"), Any: a8in{N: 3}}
	var z a8out
	fd, fs := "%d", "%s"
	return []string{fmt.Sprint(o), fmt.Sprintf("%+v", o), fmt.Sprintf("%v", z), fmt.Sprintf("%+v", &z), fmt.Sprintf(fd, o.In), fmt.Sprintf(fs, o.L)}
}

func A8FmtBadVerbs(n int, s string) []string {
	fs := []string{"%d|%s|%t|%x", "%z|%!|%", "%d %d", "%d", "%.*d|%*d", "%[3]d|%[0]d", "%e|%f", "%q|%p", "%v|%.*s|%*d"}
	return []string{fmt.Sprintf(fs[0], s, n, n, true), fmt.Sprintf(fs[1], n), fmt.Sprintf(fs[2], n), fmt.Sprintf(fs[3], n, s), fmt.Sprintf(fs[4], -1, n, -4, n), fmt.Sprintf(fs[5], n), fmt.Sprintf(fs[6], n, s), fmt.Sprintf(fs[7], n, s), fmt.Sprintf(fs[8], s, 2000000, s, 1e6, n)}
}

func A8FloatFormats(f float64) []string {
	return []string{fmt.Sprint(f * 1e20), fmt.Sprint(f * 1e21), fmt.Sprint(f / 1e4), fmt.Sprint(f / 1e5), fmt.Sprintf("%.0f|%.0e|%.1g|%#g|%#.3g", f, f, f, f, f),
		fmt.Sprintf("%.30f|%.20g|%.17e", f/3, f/7, f/11), fmt.Sprintf("%g|%G|%e", f*1e-310, f*1e300*10, f*1e-5)}
}

func A8FormatFloat32Modes(f float64) []string {
	var out []string
	x := float64(float32(f))
	for _, fm := range []byte{'e', 'f', 'g', 'G', 'x'} {
		for _, p := range []int{-1, 1, 8} {
			out = append(out, strconv.FormatFloat(x, fm, p, 32), strconv.FormatFloat(f, fm, p, 64))
		}
	}
	return append(out, strconv.FormatFloat(f, 'f', -1, 64), strconv.FormatFloat(f*1e21, 'f', -1, 64), strconv.FormatFloat(f, 'g', 30, 64))
}

func A8StrconvQuoteInvalid(s string) []string {
	t := s + "\xed\xa0\x80\xf4\x90\x80\x80\xc0\xaf" + "\u00ad\u200b\U000e0001"
	u, err := strconv.Unquote(strconv.Quote(t))
	return []string{strconv.Quote(t), strconv.QuoteToASCII(t), fmt.Sprintf("%q|%+q", t, t), fmt.Sprint(u == t, err), strconv.Quote(string([]rune(t)))}
}

func A8RangeStringIndexOnly(s string) []int {
	var out []int
	for i := range s + "\xe6\x97" {
		out = append(out, i)
	}
	for range s {
		out = append(out, -1)
	}
	n := 0
	for _, r := range []byte(s) {
		n += int(r)
	}
	return append(out, n, utf8.RuneCountInString(s+"\xe6\x97"))
}

func A8StringByteConcat(s string) []string {
	t := ""
	for i := 0; i < len(s); i++ {
		t += string(rune(s[i]))
	}
	var b []byte
	for i := 0; i < len(s); i++ {
		b = append(b, s[i])
	}
	var rs []rune
	for _, r := range s {
		rs = append(rs, r)
	}
	return []string{t, string(b), string(rs), strconv.Itoa(len(t))}
}

func A8BuilderInvalidRune(n int32) []string {
	var b strings.Builder
	b.WriteRune(n)
	b.WriteRune(-1)
	b.WriteByte(0xff)
	b.WriteRune(0xD800)
	b.WriteString("\xc3")
	l1 := b.Len()
	b.WriteRune('é')
	return []string{b.String(), strconv.Itoa(l1), strconv.Itoa(b.Len())}
}

func A8MapInvalidRune(s string) []string {
	return []string{strings.Map(func(r rune) rune { return 0xD800 }, s), strings.Map(func(r rune) rune { return r + 0x110000 }, s), strings.Map(func(r rune) rune {
		if r == utf8.RuneError {
			return 'X'
		}
		return r
	}, s+"\xff")}
}

func A8StringsInvalidSep(s string) []string {
	return []string{strings.Join(strings.Split(s+"\xffa\xff", "\xff"), "|"), fmt.Sprint(strings.Index(s, "\xc3"), strings.LastIndex(s+"é", "\xa9"), strings.Contains("é", "\xc3"), strings.ContainsRune(s+"\xff", utf8.RuneError), strings.IndexRune("\xff", utf8.RuneError), strings.IndexRune(s, 0xD800)),
		strings.TrimLeft("\xff\xfeab", "\xff"), strings.TrimRight("ab\xff\xfe", "\ufffd")}
}

func A8JSONNaN(f float64) []string {
	_, err := json.Marshal(f)
	_, err2 := json.Marshal([]float64{1, f})
	_, err3 := json.Marshal(map[string]any{"a": math.Inf(1)})
	b, err4 := json.Marshal(float32(f))
	return []string{fmt.Sprint(err), fmt.Sprint(err2), fmt.Sprint(err3), string(b), fmt.Sprint(err4)}
}

type a8j struct {
	S  []int          `json:"s"`
	M  map[string]int `json:"m"`
	SO []int          `json:"so,omitempty"`
	MO map[string]int `json:"mo,omitempty"`
	P  *a8in          `json:"p"`
	E  any            `json:"e"`
}

func A8JSONNilVsEmpty(n uint8) []string {
	var out []string
	var ns []int
	var nm map[string]int
	for _, v := range []any{ns, []int{}, nm, map[string]int{}, a8j{}, a8j{S: []int{}, M: map[string]int{}, SO: []int{}, MO: map[string]int{}, P: &a8in{}}, []string(nil), [][]int{nil, {}}, nil} {
		b, err := json.Marshal(v)
		out = append(out, string(b), fmt.Sprint(err))
	}
	return append(out, strconv.Itoa(int(n)))
}

func A8JSONInvalidUTF8(s string) []string {
	b, err := json.Marshal(s + "\xff\xed\xa0\x80")
	var back string
	err2 := json.Unmarshal(b, &back)
	var m map[string]string
	err3 := json.Unmarshal([]byte(`{"\ud800x": "\udc00\u00e9\\u2028"}`), &m)
	return []string{string(b), fmt.Sprint(err), back, fmt.Sprint(err2), fmt.Sprint(m), fmt.Sprint(err3)}
}

func A8JSONBigInts(n int64) []string {
	b, _ := json.Marshal([]any{n, uint64(n), int8(n), math.MaxInt64, uint64(math.MaxUint64), float64(n)})
	var xs []int64
	js := string(b)
	err := json.Unmarshal([]byte(js[:strings.Index(js, ",")]+"]"), &xs)
	return []string{string(b), fmt.Sprint(xs, err)}
}

func A8JSONUnmarshalNumbers(k uint8) []string {
	var out []string
	for _, src := range []string{`1e2`, `1.0`, `300`, `-1`, `9223372036854775808`, `"5"`, `null`, `1.5e300`, `-0`} {
		var i8 int8
		e1 := json.Unmarshal([]byte(src), &i8)
		var u uint
		e2 := json.Unmarshal([]byte(src), &u)
		var f float32
		e3 := json.Unmarshal([]byte(src), &f)
		var a any
		e4 := json.Unmarshal([]byte(src), &a)
		out = append(out, fmt.Sprint(i8, e1, u, e2, f, e3, a, e4))
	}
	return append(out, strconv.Itoa(int(k)))
}

func A8ErrorWrapNil(s string) []string {
	var nilErr error
	e1 := fmt.Errorf("ctx: %w", nilErr)
	fw := "ctx: %w"
	e2 := fmt.Errorf(fw, s)
	e3 := fmt.Errorf("%w", errors.New(s))
	return []string{e1.Error(), fmt.Sprint(errors.Unwrap(e1) == nil), e2.Error(), e3.Error(), fmt.Sprint(errors.Is(nil, nil), errors.Is(e1, nil), errors.Is(nilErr, nilErr))}
}

var a8Sentinel = errors.New("sentinel")

func A8ErrorsIsChain(n uint8) []bool {
	var err error = a8Sentinel
	for range int(n % 4) {
		err = fmt.Errorf("layer: %w", err)
	}
	other := fmt.Errorf("x: %v", a8Sentinel)
	multi := fmt.Errorf("%w + %w", other, err)
	return []bool{errors.Is(err, a8Sentinel), errors.Is(other, a8Sentinel), errors.Is(multi, a8Sentinel), errors.Unwrap(multi) == nil, err == a8Sentinel}
}

func A8SwitchNoTagCalls(n uint8) []int {
	var log []int
	x := int(n % 4)
	f := func(v int) bool {
		log = append(log, v)
		x++
		return x > 3
	}
	switch {
	case f(1):
		log = append(log, 100)
	case f(2) && f(3):
		log = append(log, 200)
	case f(4) || f(5):
		log = append(log, 300)
	default:
		log = append(log, 400)
	}
	return append(log, x)
}

func A8OpAssignCallModifies(n int) []int {
	x := n
	f := func() int {
		x += 100
		return 1
	}
	x += f()
	s := []int{n, 0}
	g := func() int {
		s[0] *= 2
		return 3
	}
	s[0] += g()
	return []int{x, s[0]}
}

func A8ParallelAssignCallModifies(n uint8) []int {
	s := make([]int, 6)
	k := int(n % 3)
	f := func() int {
		k += 2
		return 9
	}
	s[k], k = f(), 1
	a, b := k, f()
	return append(s, k, a, b)
}

func A8RuneConvWide(n int64) []string {
	return []string{string(rune(n)), string(rune(int32(n))), string(rune(uint16(n))), string(rune(byte(n))), strconv.Itoa(utf8.RuneLen(rune(n)))}
}
