package corpus

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Adversarial cases, twelfth batch (red team): named numeric types,
// typed constants, float32 rounding, deep recursion, builders copied by
// value, struct loop variables captured and then changed in place,
// evaluation order in if conditions, switch tags and range expressions.

var _ = reg(A12NamedIntWrap, A12TypedConsts, A12Float32Rounding, A12LoopStructFieldCapture, A12OrderIfSwitchRange,
	A12BuilderValue, A12ConstExprs, A12NamedStringOps,
	A12BuilderCopy,
	A12BuilderCopyRead)

type a12small int8
type a12word uint16

func (s a12small) twice() a12small { return s * 2 }

func A12NamedIntWrap(n int8) []int64 {
	x := a12small(n)
	x += 100
	y := x.twice()
	w := a12word(n)
	w -= 3
	w <<= 9
	z := -x
	return []int64{int64(x), int64(y), int64(w), int64(z), int64(a12small(n) / -1), int64(^w)}
}

func A12TypedConsts(n int8) []int64 {
	const c int8 = 100
	const u uint8 = 200
	x := c
	x += int8(n)
	y := u
	y *= 2
	const big = math.MaxInt64
	z := int64(big)
	z++
	const r = 'é' * 2
	return []int64{int64(x), int64(y), z, r, int64(c) << 56, int64(u) + 1<<40}
}

func A12Float32Rounding(f float64) []float32 {
	a := float32(0.1)
	b := float32(0.2)
	x := float32(f)
	s := a + b
	p := x * a
	q := x / 3
	q *= 3
	m := x + 16777216
	m -= 16777216
	return []float32{s, p, q, m, float32(f * 0.1), a*b + x}
}

func A12LoopStructFieldCapture(xs []int) []int {
	var fs []func() int
	for i, x := range xs {
		p := a7pt{X: x}
		fs = append(fs, func() int { return p.X + p.Y })
		p.Y = i * 100
		p.bump()
	}
	var out []int
	for _, f := range fs {
		out = append(out, f())
	}
	return out
}

func A12OrderIfSwitchRange(n int8) []int {
	x := int(n)
	s := []int{1, 2}
	f := func() int {
		x += 5
		s = append(s, x)
		return 1
	}
	var out []int
	if x+f() > 10 {
		out = append(out, 1)
	}
	switch x - f() {
	case 0:
		out = append(out, 2)
	default:
		out = append(out, x)
	}
	for _, v := range append(s, f()) {
		out = append(out, v)
	}
	for _, v := range []int{x, f(), x} {
		out = append(out, v)
	}
	if y := x * f(); y > x {
		out = append(out, y)
	}
	return append(out, x, len(s))
}

func A12BuilderValue(s string) []string {
	var b strings.Builder
	b.WriteString(s)
	l := b.Len()
	b.Reset()
	b.WriteString("x")
	return []string{b.String(), strconv.Itoa(l), strconv.Itoa(b.Len())}
}

func A12ConstExprs(n int) []string {
	const (
		a = iota * 10
		b
		_
		d
		e = 1 << (iota * 10)
		f
	)
	const fl = 1.0 / 3.0
	const huge = 1e300 * 1e300 / 1e300
	const neg = -7 / 2
	const negm = -7 % 3
	const shifted = uint8(1<<8 - 1)
	return []string{fmt.Sprint(a, b, d, e, f), fmt.Sprint(fl, huge, neg, negm, shifted), fmt.Sprint(n/2*2 == n, float32(fl), 7.0/2, 7/2), strconv.FormatFloat(fl*3, 'g', -1, 64)}
}

type a12name string

func (s a12name) upper() a12name { return a12name(strings.ToUpper(string(s))) }

func A12NamedStringOps(s string) []string {
	x := a12name(s)
	y := x + "!"
	z := y.upper()
	return []string{string(z), fmt.Sprint(len(z), z == a12name(strings.ToUpper(s)+"!"), x < y), string(x[:0]) + string(z)}
}

func A12BuilderCopy(s string) []string {
	var z strings.Builder
	c0 := z
	c0.WriteString("zero copy is fine")
	var b strings.Builder
	b.WriteString(s)
	c := b
	l := c.Len()
	c.WriteString("x")
	return []string{b.String(), c.String(), c0.String(), strconv.Itoa(l)}
}

func A12BuilderCopyRead(s string) []string {
	var z strings.Builder
	c0 := z
	c0.WriteString("c0")
	z.WriteString("z")
	var b strings.Builder
	b.WriteString(s)
	c := b
	b.WriteString("!")
	c.Reset()
	c.WriteString("reset")
	return []string{z.String(), c0.String(), b.String(), c.String(), strconv.Itoa(c.Len())}
}
