package corpus

import (
	"math"
	"slices"
)

// Adversarial cases, third batch (red team): NaN identity in Python
// containers, struct copies through multiple results, variadics and type
// switches, closures over shadowed names.

var _ = reg(AdvNaNContains, AdvNaNMapKey, AdvNaNStructEq, AdvTwoResultsCopy, AdvTypeSwitchStructCopy, AdvVariadicStructCopy,
	AdvClosureShadowLater, AdvNestedClosureLoop, AdvFieldAssignCopy)

func AdvNaNContains(f float64) []bool {
	xs := []float64{f, math.NaN()}
	x := xs[1]
	ys := slices.Clone(xs)
	return []bool{slices.Contains(xs, x), slices.Index(xs, x) >= 0, slices.Equal(xs, ys), slices.Contains(xs, f), x == xs[1]}
}

func AdvNaNMapKey(f float64) []int {
	m := map[float64]int{}
	k := math.NaN()
	m[k] = 1
	m[k] = 2
	m[f] = 3
	m[f] = 4
	_, ok := m[k]
	v := m[k]
	n := 0
	if ok {
		n = 1
	}
	delete(m, k)
	return []int{len(m), n, v}
}

type advFloatPair struct {
	F float64
	N int
}

func AdvNaNStructEq(f float64) []bool {
	p := advFloatPair{f, 1}
	q := p
	m := map[advFloatPair]int{p: 1}
	m[p]++
	return []bool{p == q, p == p, p != q, len(m) == 1, m[p] == 2}
}

func twoOf(h *advHolder) (advInner, advInner) { return h.In, h.In }

func AdvTwoResultsCopy(a int) []int {
	h := &advHolder{advInner{1, 2}}
	x, y := twoOf(h)
	x.A = a
	y.B = a + 1
	return []int{x.A, x.B, y.A, y.B, h.In.A, h.In.B}
}

func AdvTypeSwitchStructCopy(a int) []int {
	var x any = advInner{1, 2}
	r := 0
	switch v := x.(type) {
	case advInner:
		v.A = a
		r = v.A
	}
	return []int{r, x.(advInner).A}
}

func sumBump(ps ...advInner) int {
	t := 0
	for i := range ps {
		ps[i].A += 10
		t += ps[i].A
	}
	return t
}

func AdvVariadicStructCopy(a int) []int {
	p := advInner{a, 0}
	s := []advInner{p, p}
	t := sumBump(p, p)
	u := sumBump(s...)
	return []int{p.A, t, u, s[0].A, s[1].A}
}

func AdvClosureShadowLater(n int) []int {
	x := n
	f := func() int { return x }
	{
		x := 2 * n
		x++
		_ = x
	}
	x = n + 5
	if x := 100; x > n {
		return []int{f(), x}
	}
	return []int{f(), x}
}

func AdvNestedClosureLoop(n uint8) []int {
	var fs []func() int
	for i := range int(n % 5) {
		fs = append(fs, func() func() int {
			j := i * 2
			return func() int { return i + j }
		}())
	}
	for _, s := range []string{"a", "bb"} {
		fs = append(fs, func() int { return len(s) })
	}
	var out []int
	for _, f := range fs {
		out = append(out, f())
	}
	return out
}

func AdvFieldAssignCopy(a int) []int {
	p := advInner{a, 1}
	h := advHolder{}
	h.In = p
	p.A = 99
	hs := []advHolder{h}
	hs[0].In.B = 7
	m := map[int]advHolder{0: h}
	h2 := m[0]
	h2.In.A = -5
	return []int{h.In.A, h.In.B, hs[0].In.B, m[0].In.A, h2.In.A}
}
