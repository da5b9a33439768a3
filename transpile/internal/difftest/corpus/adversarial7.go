package corpus

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
)

// Adversarial cases, seventh batch (red team): evaluation order of
// operands next to calls with side effects, struct value semantics
// through generic functions, standard functions and receivers, closures
// over variables a loop body changes after capturing them.

var _ = reg(
	A7IndexAssignCallMovesIndex, A7SwapIndexVar, A7SwapVarIndex, A7MultiTargetCalls, A7MapLenAssign,
	A7GenericStructPtr, A7SlicesCloneStructs, A7CopyStructs, A7AppendSpreadStructs, A7MapsValuesStructs,
	A7MapKeysStructs, A7MapsCloneStructs, A7MakeStructSlice, A7ZeroNestedField, A7MissingMapStruct,
	A7StructKeyMutate, A7PtrMethodOnRangeValue, A7PtrMethodOnElem, A7DerefCopy, A7CompositeFieldCopy,
	A7ClosureArgStore, A7MapOfStructSlices, A7AnySliceStructCopy, A7LoopOuterVarChanged, A7SortSliceIndirect,
	A7SortSliceAlias, A7SortStableStructs,
	A7IfaceValueMethod, A7IfacePtrValueMethod,
	A7AppendAfterCall, A7ArgsAfterCall, A7CompositeAfterCall, A7OperandAfterCall, A7ReturnAfterCall,
	A7OrderShapes)

func A7OperandAfterCall(n int) []int {
	x := n
	f := func() int {
		x += 10
		return 1
	}
	a := x + f()
	b := f() + x
	c := x*2 - f()
	return []int{a, b, c, x}
}

func A7CompositeAfterCall(n int) []int {
	x := n
	f := func() int {
		x++
		return 100
	}
	return []int{x, f(), x, f(), x}
}

func a7pair(n int) (int, int) {
	x := n
	f := func() int {
		x *= 2
		return -1
	}
	return x, f()
}

func A7ReturnAfterCall(n int8) []int {
	a, b := a7pair(int(n))
	return []int{a, b}
}

func a7three(a, b, c int) []int { return []int{a, b, c} }

func A7ArgsAfterCall(n int) []int {
	x := n
	s := []int{1, 2, 3}
	f := func() int {
		x = -x
		s[0] = 50
		return 7
	}
	r := a7three(x, f(), s[0])
	return append(r, a7three(s[0], x, f())...)
}

func A7AppendAfterCall(n uint8) []int {
	s := []int{int(n)}
	f := func() int {
		s = []int{-1, -2}
		return 9
	}
	t := append(s, f())
	return append(t, len(s))
}

func A7IndexAssignCallMovesIndex(n uint8) []int {
	s := make([]int, 6)
	i := int(n % 3)
	f := func() int {
		i++
		return 10 + i
	}
	s[i] = f()
	m := map[int]int{}
	m[i] = f()
	s[i] += f()
	return append(append(s, i), m[1], m[2], m[3], m[4], m[5])
}

func A7SwapIndexVar(xs []int) []int {
	if len(xs) < 2 {
		return xs
	}
	i := 1
	xs[i], i = i, xs[i]
	return append(xs, i)
}

func A7SwapVarIndex(xs []int) []int {
	if len(xs) < 3 {
		return xs
	}
	i := 2
	i, xs[i] = xs[0]%len(xs), i
	xs[i], xs[0] = xs[0], xs[i]
	return append(xs, i)
}

func A7MultiTargetCalls(n uint8) []int {
	var log []int
	call := func(v int) int {
		log = append(log, v)
		return v
	}
	s := make([]int, 8)
	m := map[int]int{}
	s[call(1)], s[call(2)], s[call(3)] = call(4), call(5), call(6)
	m[call(2)] = call(5)
	k := int(n % 4)
	s[k], k = call(7), call(k)+1
	return append(append(log, s...), m[2], k)
}

func A7MapLenAssign(keys []string) []int {
	m := map[string]int{}
	for _, k := range keys {
		m[k] = len(m)
	}
	var out []int
	for _, k := range keys {
		out = append(out, m[k])
	}
	return out
}

type a7pt struct {
	X, Y int
	Tag  string
}

func (p *a7pt) bump()        { p.X++ }
func (p a7pt) bumped() a7pt  { p.X += 100; return p }
func (p a7pt) tryBump() int  { p.Y += 5; return p.Y }
func (p a7pt) describe() int { return p.X*1000 + p.Y }

func a7id[T any](x T) T { return x }

func a7first[T any](xs []T) T { return xs[0] }

func a7same[T comparable](a, b T) bool { return a == b }

func A7GenericStructPtr(a int) []int {
	p := a7pt{X: a, Y: 1}
	q := a7id(&p)
	q.X = 99
	s := []*a7pt{{X: a}, {X: 2}}
	v := a7first(s)
	v.X = -5
	return []int{p.X, s[0].X, v.X, b2i(a7same(p, *q)), b2i(a7same(p, a7pt{X: 99, Y: 1}))}
}

func A7SlicesCloneStructs(a int) []int {
	s := []a7pt{{X: a}, {X: 2}}
	c := slices.Clone(s)
	c[0].X = 42
	c[1].bump()
	return []int{s[0].X, s[1].X, c[0].X, c[1].X}
}

func A7CopyStructs(a int) []int {
	s := []a7pt{{X: a}, {X: 2}}
	d := make([]a7pt, 2)
	n := copy(d, s)
	d[0].X = 42
	s[1].Y = 9
	return []int{n, s[0].X, d[0].X, d[1].Y}
}

func A7AppendSpreadStructs(a int) []int {
	s := []a7pt{{X: a}, {X: 2}}
	t := append([]a7pt(nil), s...)
	t[0].X = 42
	u := append(slices.Clone(t), s...) // append(t, s...) could share t's array: GG206
	u[2].Y = 3
	var w []a7pt
	for _, v := range s {
		w = append(w, v)
	}
	w[1].X = -1
	return []int{s[0].X, s[0].Y, s[1].X, t[0].X, u[0].X, u[2].Y, w[1].X}
}

func A7MapsValuesStructs(a int) []int {
	m := map[string]a7pt{"k": {X: a}}
	vs := slices.Collect(maps.Values(m))
	vs[0].X = 42
	return []int{m["k"].X, vs[0].X}
}

func A7MapKeysStructs(a int) []int {
	m := map[a7pt]int{{X: a}: 1}
	ks := slices.Collect(maps.Keys(m))
	ks[0].X++
	for k := range m {
		k.Y = 5
	}
	_, ok := m[a7pt{X: a}]
	return []int{ks[0].X, m[a7pt{X: a}], len(m), b2i(ok)}
}

func A7MapsCloneStructs(a int) []int {
	m := map[string]a7pt{"k": {X: a}}
	c := maps.Clone(m)
	v := c["k"]
	v.X = 7
	c["k"] = v
	s := map[string][]int{"k": {a}}
	d := maps.Clone(s)
	d["k"][0] = 99
	return []int{m["k"].X, c["k"].X, s["k"][0]}
}

func A7MakeStructSlice(n uint8) []int {
	s := make([]a7pt, 3+int(n%3))
	s[0].X = 5
	s[1].bump()
	m := make([][]int, 3)
	m[0] = append(m[0], 1)
	var out []int
	for _, p := range s {
		out = append(out, p.X)
	}
	return append(out, len(m[1]))
}

type a7wrap struct {
	P  a7pt
	Ps []a7pt
	M  map[string]int
}

func A7ZeroNestedField(a int) []int {
	var w1 a7wrap
	w1.P.X = a
	var w2 a7wrap
	w3 := a7wrap{}
	w3.P.Y = 4
	w4 := new(a7wrap)
	return []int{w1.P.X, w2.P.X, w3.P.Y, w4.P.X, w4.P.Y, len(w2.Ps)}
}

func A7MissingMapStruct(a int) []int {
	m := map[string]a7pt{}
	v := m["missing"]
	v.X = a
	u := m["other"]
	mw := map[int]a7wrap{}
	w := mw[1]
	w.P.X = a
	z := mw[2]
	return []int{v.X, u.X, m["missing"].X, z.P.X, len(m)}
}

func A7StructKeyMutate(a int) []int {
	k := a7pt{X: a, Y: 1}
	m := map[a7pt]int{k: 1}
	k.X++
	m[k] = 2
	k2 := a7pt{X: a, Y: 1}
	return []int{m[k2], m[k], len(m)}
}

func A7PtrMethodOnRangeValue(xs []int) []int {
	s := make([]a7pt, len(xs))
	for i, x := range xs {
		s[i].X = x
	}
	for _, p := range s {
		p.bump()
	}
	for i := range s {
		s[i].bump()
	}
	var out []int
	for _, p := range s {
		out = append(out, p.X)
	}
	return out
}

func A7PtrMethodOnElem(a int) []int {
	s := []a7pt{{X: a}}
	s[0].bump()
	t := s
	t[0].bump()
	u := s[0].bumped()
	w := s[0].tryBump()
	return []int{s[0].X, u.X, w, s[0].Y}
}

type a7iface interface {
	tryBump() int
	describe() int
}

func A7IfaceValueMethod(a int) []int {
	p := a7pt{X: a, Y: 1}
	var i a7iface = p
	r1 := i.tryBump()
	r2 := i.tryBump()
	p.Y = 50
	return []int{r1, r2, i.describe(), p.Y}
}

func A7IfacePtrValueMethod(a int) []int {
	p := &a7pt{X: a, Y: 1}
	var i a7iface = p
	r1 := i.tryBump()
	y := p.Y
	p.Y = 50
	return []int{r1, y, i.describe(), p.Y}
}

func A7DerefCopy(a int) []int {
	p := &a7pt{X: a}
	q := *p
	q.X = 7
	r := &a7pt{X: 1}
	r.Y = p.X
	p.X = 9
	return []int{p.X, q.X, r.Y}
}

func A7CompositeFieldCopy(a int) []int {
	p := a7pt{X: a}
	w := a7wrap{P: p, Ps: []a7pt{p}}
	p.X = 5
	w2 := a7wrap{P: w.P}
	w2.P.X = 6
	w.Ps[0].Y = 3
	return []int{w.P.X, w2.P.X, w.Ps[0].X, p.Y}
}

func A7ClosureArgStore(a int) []int {
	var saved a7pt
	var all []a7pt
	keep := func(v a7pt) {
		saved = v
		all = append(all, v)
	}
	p := a7pt{X: a}
	keep(p)
	p.X = 5
	keep(p)
	saved.Y = 9
	return []int{saved.X, all[0].X, all[1].X, all[1].Y}
}

func A7MapOfStructSlices(a int) []int {
	m := map[string][]a7pt{}
	p := a7pt{X: a}
	m["a"] = append(m["a"], p)
	p.X = 3
	m["a"] = append(m["a"], p)
	m["a"][0].Y = 8
	m["b"] = m["a"]
	m["b"][1].Y = 4
	return []int{m["a"][0].X, m["a"][1].X, m["a"][0].Y, m["a"][1].Y, p.Y}
}

func A7AnySliceStructCopy(a int) []int {
	p := a7pt{X: a}
	xs := []any{p, &p}
	p.X = 3
	q := xs[0].(a7pt)
	q.Y = 2
	return []int{xs[0].(a7pt).X, xs[1].(*a7pt).X, xs[0].(a7pt).Y}
}

func A7LoopOuterVarChanged(n uint8) []int {
	var fs []func() int
	total := 0
	for i := range int(n % 5) {
		fs = append(fs, func() int { return total + i })
		total += 100
	}
	var out []int
	for _, f := range fs {
		out = append(out, f())
	}
	return out
}

func A7SortSliceIndirect(xs []int) []int {
	idx := make([]int, len(xs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool { return xs[idx[i]] < xs[idx[j]] })
	return idx
}

func A7SortSliceAlias(xs []int) []int {
	s := slices.Clone(xs)
	t := s
	sort.Slice(s, func(i, j int) bool { return t[i] > t[j] })
	return t
}

func A7SortStableStructs(xs []int) []int {
	s := make([]a7pt, 0, len(xs))
	for i, x := range xs {
		s = append(s, a7pt{X: x % 3, Y: i})
	}
	a := slices.Clone(s)
	sort.SliceStable(a, func(i, j int) bool { return a[i].X > a[j].X })
	b := slices.Clone(s)
	slices.SortStableFunc(b, func(p, q a7pt) int { return p.X - q.X })
	var out []int
	for i := range a {
		out = append(out, a[i].Y, b[i].Y)
	}
	return out
}

func (p a7pt) plus(d int) int { return p.X + d }

func A7OrderShapes(n int8) []string {
	x := int(n)
	s := "s"
	p := a7pt{X: 1}
	m := map[string]int{"a": 1}
	f := func() int {
		x += 10
		s += "!"
		p.X *= 2
		m["b"] = len(m)
		return 1
	}
	var out []string
	out = append(out, fmt.Sprint(a7three(p.X, a7three(x, f(), 0)[0], len(m))))
	out = append(out, fmt.Sprint(p.plus(f()), s+strconv.Itoa(f()), x > 0 && f() > 0, len(m)))
	if x+f() > 40 {
		out = append(out, "big")
	}
	switch s + strconv.Itoa(f()) {
	case "s!!!!!1":
		out = append(out, "five")
	}
	q := a7pt{X: x, Y: f()}
	mm := map[string]int{s: f()}
	for k, v := range mm {
		out = append(out, k, strconv.Itoa(v))
	}
	r := []a7pt{p, {X: f()}}
	return append(out, fmt.Sprint(q.X, q.Y, r[0].X, x, s, p.X, len(m)))
}
