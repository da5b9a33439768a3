package corpus

import (
	"fmt"
	"strconv"
	"strings"
)

// Adversarial cases, tenth batch (red team): identifiers Python
// normalizes or mangles, field names that meet the runtime's own
// attributes, names of the translator's temporaries, struct copies
// through dereference and map writes.

var _ = reg(A10UnicodeIdents, A10FieldNames, A10TempNames, A10DerefMethodCopy, A10MapStoreCopy,
	A10BitOps, A10ShiftHuge, A10AtoiForms, A10SwitchInvalidUTF8, A10NestedMapStruct, A10ClosureSliceAppend)

func A10UnicodeIdents(n int) []int {
	ﬁ := n
	fi := 2 * n
	ｘ := 3
	x := 4
	ℌ := 5
	H := 6
	µ := 7 // U+00B5 MICRO SIGN
	μ := 8 // U+03BC GREEK SMALL LETTER MU
	return []int{ﬁ, fi, ｘ, x, ℌ, H, µ, μ}
}

type a10odd struct {
	__x      int
	_gg_copy int
	None     int
	self     int
	Class    string
	_        int
	A        int
}

func A10FieldNames(n int) []string {
	o := a10odd{__x: n, _gg_copy: n + 1, None: n + 2, self: n + 3, Class: "c", A: n + 4}
	p := o
	p.__x = -1
	p._gg_copy = -2
	m := map[string]a10odd{"k": o}
	q := m["k"]
	q.A = 99
	return []string{fmt.Sprint(o.__x, o._gg_copy, o.None, o.self, o.Class, o.A), fmt.Sprint(p.__x, p._gg_copy, q.A, m["k"].A), fmt.Sprintf("%v|%+v", o, p)}
}

func A10TempNames(n int) []int {
	_c, _c1, _t, _tag, _s, _m, _k, _x, _r, _i, _err := 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
	f := func() int {
		_c += 100
		return n
	}
	v := _c + f() + _c1
	switch _c1 + f() {
	case 1:
		v++
	}
	s := []int{_t, _tag}
	for _, e := range s {
		v += e
	}
	m := map[int]int{_s: _m}
	for k := range m {
		v += k
	}
	return []int{v, _c, _k, _x, _r, _i, _err}
}

type a10box struct{ P a7pt }

func (b *a10box) get() a7pt { return b.P }

func A10DerefMethodCopy(a int) []int {
	b := &a10box{P: a7pt{X: a}}
	v := b.get()
	v.X = 50
	w := *b
	w.P.Y = 7
	return []int{b.P.X, b.P.Y, v.X, w.P.Y}
}

func A10MapStoreCopy(a int) []int {
	v := a7pt{X: a}
	m := map[string]a7pt{}
	m["a"] = v
	v.X = 9
	mm := map[string]map[string]a7pt{"o": {"i": v}}
	v.Y = 3
	s := map[string][]a7pt{"s": {v}}
	v.X = 1
	return []int{m["a"].X, mm["o"]["i"].X, mm["o"]["i"].Y, s["s"][0].X}
}

func A10BitOps(a, b int16) []int64 {
	x, y := int64(a), int64(b)
	u := uint16(a)
	return []int64{x &^ y, -x &^ 3, x ^ -1, ^x, x | -y, int64(u &^ uint16(b)), int64(^u), int64(^uint64(0) >> 1), int64(^uint8(a))}
}

func A10ShiftHuge(a int32, k uint64) []int64 {
	x := int64(a)
	return []int64{x << (k % 130), x >> (k % 130), int64(uint32(a) << (k % 40)), int64(uint32(a) >> (k % 40)), int64(int8(a) << (k % 10)), int64(1 << (k % 70))}
}

func A10AtoiForms(k uint8) []string {
	var out []string
	for _, s := range []string{"-0", "+0", "00012", "0x10", "1e3", "１２", "-", "+", "9223372036854775807", "-9223372036854775808", "9223372036854775808", " 7", "7 ", "0b1", "0o7", "٠"} {
		n, err := strconv.Atoi(s)
		out = append(out, fmt.Sprint(n, err))
	}
	return append(out, strconv.Itoa(int(k)))
}

func A10SwitchInvalidUTF8(s string) []int {
	var out []int
	switch s {
	case "\xff":
		out = append(out, 1)
	case "\ufffd":
		out = append(out, 2)
	case "é", "e\u0301":
		out = append(out, 3)
	default:
		out = append(out, 4)
	}
	switch {
	case s < "\xc3":
		out = append(out, 5)
	case strings.HasPrefix(s, "\xc3"):
		out = append(out, 6)
	}
	return out
}

func A10NestedMapStruct(keys []string) []int {
	m := map[string]map[string]int{}
	for i, k := range keys {
		if m[k] == nil {
			m[k] = map[string]int{}
		}
		m[k][k+"x"] += i
		inner := m[k]
		inner["y"]++
	}
	var out []int
	for _, k := range keys {
		out = append(out, m[k][k+"x"], m[k]["y"], len(m[k]))
	}
	return out
}

func A10ClosureSliceAppend(n uint8) []int {
	var s []int
	add := func(v int) {
		s = append(s, v)
	}
	t := s
	for i := range int(n % 5) {
		add(i)
	}
	u := s
	add(100)
	return append(append([]int{len(s), len(t), len(u)}, s...), u...)
}
