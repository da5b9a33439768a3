package corpus

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// More adversarial cases (red team): aliasing, math domain edges,
// generics, fmt corners.

var _ = reg(AdvFmtArgIndex, AdvFmtCorners, AdvFmtWidthSlices, AdvSprintStructs, AdvGenericZero, AdvMathDomain, AdvTrimInvalid, AdvAppendRangeAlias, AdvAppendRowAlias, AdvAppendMapValueAlias, AdvAppendFieldAlias, AdvAppendCallResult, AdvAppendCapShare, AdvMathRounding, AdvSlicesMinZero, AdvUTF8Edges, AdvQuoteEdges, AdvParseBoolEdge, AdvMethodChainCopy, AdvSwitchShadowInit, AdvNestedBreak, AdvStructReturnAlias, AdvMapRangeStructCopy, AdvIntFormatEdge, AdvStringsMisc)

func AdvAppendRowAlias(n uint8) []int {
	grid := [][]int{{1, 2}, {3}}
	row := grid[0]
	for i := range int(n % 4) {
		row = append(row, i)
	}
	return []int{len(grid[0]), len(row), grid[0][0]}
}

func AdvAppendMapValueAlias(n uint8) []int {
	m := map[string][]int{"a": {1}}
	v := m["a"]
	v = append(v, int(n))
	return []int{len(m["a"]), len(v)}
}

func AdvAppendFieldAlias(n uint8) []int {
	o := advOuter{S: []int{1, 2}}
	s := o.S
	s = append(s, int(n))
	return []int{len(o.S), len(s)}
}

func sliceOf(o *advOuter) []int { return o.S }

func AdvAppendCallResult(n uint8) []int {
	o := &advOuter{S: []int{1, 2}}
	s := sliceOf(o)
	s = append(s, int(n))
	return []int{len(o.S), len(s)}
}

func AdvAppendCapShare(n uint8) []int {
	s := make([]int, 2, 10)
	s = append(s, int(n))
	return s
}

func AdvMathDomain(f float64) []float64 {
	if !(f == 0 || math.IsInf(f, 0) || math.IsNaN(f) || f == 1 || f == -1 || f == -2.5) {
		return nil // elsewhere Go's own algorithms may differ in the last bit (documented)
	}
	return []float64{math.Sqrt(f), math.Log(f), math.Log2(f), math.Log10(f), math.Pow(f, -1), math.Pow(f, 0.5), math.Pow(-8, f), math.Exp(f),
		math.Mod(f, 0), math.Mod(f, math.Inf(1)), math.Mod(-f, 3), math.Hypot(f, math.NaN()), math.Sin(f * math.Inf(1)), math.Cos(f * math.Inf(1)), math.Pow(f, 3)}
}

func AdvMathRounding(f float64) []float64 {
	return []float64{math.Round(f), math.Round(-f / 3), math.RoundToEven(f / 2), math.Trunc(-f / 7), math.Floor(-f / 9), math.Ceil(-f / 11),
		math.Abs(-f), math.Copysign(3, f), math.Min(f, -f), math.Max(-f, f), math.Round(0.49999999999999994 * f)}
}

func AdvSlicesMinZero(xs []float64) []float64 {
	if len(xs) == 0 {
		return nil
	}
	ys := append([]float64{0, math.Copysign(0, -1)}, xs...)
	zs := append([]float64{math.Copysign(0, -1), 0}, xs...)
	return []float64{slices.Min(ys), slices.Max(ys), slices.Min(zs), slices.Max(zs), min(0, math.Copysign(0, -1)), max(math.Copysign(0, -1), 0), float64(slices.Index(xs, math.NaN()))}
}

func gzero[T ~int | ~int64 | ~uint8]() T {
	var z T
	return z
}

func gzeroS[S ~[]E | ~map[string]E, E any]() S {
	var z S
	return z
}

func AdvGenericZero(n int) []string {
	return []string{fmt.Sprint(gzero[int]() + n), fmt.Sprint(gzero[uint8]()), fmt.Sprint(gzeroS[[]int, int]() == nil), fmt.Sprint(len(gzeroS[map[string]int, int]()))}
}

func AdvFmtCorners(n int, s string) []string {
	f1, f2, f3, f4 := "%d %d", "%d", "%[2]d %[1]q", "%s"
	return []string{fmt.Sprintf(f1, n), fmt.Sprintf(f2, n, n), fmt.Sprintf(f3, n, s), fmt.Sprintf(f4, n), fmt.Sprintf("%q %c %U %#U", rune(n), rune(n), rune(n), rune(n)),
		fmt.Sprintf("%x % x %#x %X", s, s, s, s), fmt.Sprintf("%08.3f|%-8d|%+d|%x|%o|%#o|%O|%b", float64(n)/7, n, n, n, n, n, n, n), fmt.Sprintf("%5.1s|%-5q|%.0d", s, s, n), fmt.Sprintf("%v %d %s", []string{s}, []int{n}, []string{s, s}),
		fmt.Sprintf("%t %v", n > 0, nil), fmt.Sprintf("%6.2v|%v|%.3v", 3.14159, 1e6, s), fmt.Sprintf(f1[:1]+"%|%!|%z", n)}
}

func AdvFmtWidthSlices(xs []int) []string {
	return []string{fmt.Sprintf("%5v", xs), fmt.Sprintf("%-4d|", xs), fmt.Sprintf("%03d", xs), fmt.Sprintf("%x", xs), fmt.Sprintf("%v", [][]int{xs, nil}), fmt.Sprintf("%v", map[string][]int{"k": xs})}
}

func AdvUTF8Edges(s string) []int {
	r, w := utf8.DecodeRuneInString(s)
	lr, lw := utf8.DecodeLastRuneInString(s)
	return []int{int(r), w, int(lr), lw, utf8.RuneLen(-1), utf8.RuneLen(0xD800), utf8.RuneLen(0x10FFFF), utf8.RuneLen(0x110000), utf8.RuneCountInString(s + "\xf0\x9f"),
		len([]rune("\xed\xa0\x80" + s)), len(string([]rune{0xD800, -1, 0x110000})), b2i(utf8.ValidString("\xed\xa0\x80")), b2i(utf8.ValidString(s))}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func AdvTrimInvalid(s string) []string {
	t := "\xff" + s + "\ufffd\xfe"
	return []string{strings.Trim(t, "\xff"), strings.TrimLeft(t, "\ufffd"), strings.TrimRight(t, "\xfe"), fmt.Sprint(strings.IndexAny(t, "\xff"), strings.IndexAny(s, "\ufffd"), strings.ContainsAny(s, "\xfe")),
		strings.Map(func(r rune) rune {
			if r == 'a' {
				return -1
			}
			return r
		}, t)}
}

func AdvQuoteEdges(s string) []string {
	u, err := strconv.Unquote(s)
	u2, err2 := strconv.Unquote(`"\x80\u00e9\U0001F600"`)
	u3, err3 := strconv.Unquote(`'ab'`)
	u4, err4 := strconv.Unquote("`a\\nb`")
	return []string{strconv.Quote(s + "\u2028\x7f\ufeff"), strconv.QuoteToASCII(s + "😀"), strconv.QuoteRune(-1), strconv.QuoteRune(0xD800), u, fmt.Sprint(err), u2, fmt.Sprint(err2), u3, fmt.Sprint(err3), u4, fmt.Sprint(err4)}
}

func AdvParseBoolEdge(k uint8) []string {
	var out []string
	for _, s := range []string{"1", "t", "T", "TRUE", "true", "True", "tRuE", "0", "f", "F", "FALSE", "false", "False", "", "yes"} {
		b, err := strconv.ParseBool(s)
		out = append(out, fmt.Sprint(b, err))
	}
	return append(out, strconv.Itoa(int(k)))
}

func (i advInner) with(a int) advInner {
	i.A = a
	return i
}

func AdvMethodChainCopy(a int) []int {
	p := advInner{1, 2}
	q := p.with(a).with(a + 1)
	s := []advInner{p}
	s[0].B = 9
	r := s[0].with(7)
	return []int{p.A, q.A, s[0].A, s[0].B, r.A, r.B}
}

func AdvSwitchShadowInit(x int) []int {
	var out []int
	switch x := x % 7; {
	case x > 3:
		x := x * 2
		out = append(out, x)
	case x < -3:
		out = append(out, -x)
	default:
		out = append(out, x)
	}
	return append(out, x)
}

func AdvNestedBreak(xs []int) []int {
	var out []int
	for i := 0; i < 3; i++ {
		for _, x := range xs {
			switch {
			case x < 0:
				break
			case x > 100:
				out = append(out, -1)
			}
			if x == 7 {
				break
			}
			out = append(out, x)
		}
		if len(out) > 6 {
			return out
		}
	}
	return out
}

type advHolder struct{ In advInner }

func (h *advHolder) inner() advInner { return h.In }

func AdvStructReturnAlias(a int) []int {
	h := &advHolder{advInner{1, 2}}
	v := h.inner()
	v.A = a
	w := h.In
	w.B = a
	return []int{h.In.A, h.In.B, v.A, w.B}
}

func AdvMapRangeStructCopy(keys []string) []int {
	m := map[string]advInner{}
	for i, k := range keys {
		m[k] = advInner{i, i}
	}
	for _, v := range m {
		v.A = 100
	}
	for k := range m {
		v := m[k]
		v.B = -1
	}
	total := 0
	for _, v := range m {
		total += v.A + v.B
	}
	return []int{total, len(m)}
}

func AdvIntFormatEdge(n int64) []string {
	return []string{strconv.FormatInt(n, 36), strconv.FormatInt(n, 2), strconv.FormatUint(uint64(n), 16), strconv.Itoa(int(n)), fmt.Sprint(int8(n), uint8(n), int16(n)), fmt.Sprintf("%x|%X|%#x|%08b|%+o", n, n, n, int8(n), n)}
}

func AdvStringsMisc(s string) []string {
	b, a, ok := strings.Cut(s, "")
	return []string{b, a, fmt.Sprint(ok, strings.Compare(s, "é"), strings.EqualFold(s, "\xff"), strings.HasPrefix(s, ""), strings.Count(s, "\xff")), strings.TrimFunc(s, func(r rune) bool { return r == 0xFFFD }),
		strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == 0xFFFD || r == ' ' }), "|")}
}

func AdvSprintStructs(a int) []string {
	type pt struct {
		X int
		S string
		L []int
		M map[string]int
		E error
		I any
	}
	p := pt{X: a, S: "s"}
	f5, f6 := "%d", "%s"
	return []string{fmt.Sprint(p), fmt.Sprintf("%+v", p), fmt.Sprintf("%v", []pt{p}), fmt.Sprintf(f5, p), fmt.Sprintf(f6, p)}
}

func AdvAppendRangeAlias(n uint8) []int {
	grid := [][]int{{1, 2}, {3}}
	for _, row := range grid {
		row = append(row, int(n))
		row[0] = 9
	}
	var v = grid[1]
	v = append(v, 5)
	return []int{len(grid[0]), len(grid[1]), grid[0][0], len(v)}
}

func AdvFmtArgIndex(n int, s string) []string {
	fs := []string{"%[2]d %[1]q", "%[1]d %[1]x %[1]o", "%[3]d", "%[0]d", "%[x]d", "%[2]*[1]d|", "%.[2]d", "%[1]5d", "%d %[1]d %d", "%[2]v %v", "%[1]v %v %v", "%[5]d %d"}
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf(f, n, 3), fmt.Sprintf(f, s))
	}
	var nb []byte
	var ni []int
	var nm map[string]int
	return append(out, fmt.Sprintf("%5v|%5s|%-3v|%4d|%6v|%x|%q", ni, nb, nb, ni, nm, nb, nb))
}
