package corpus

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Adversarial cases, thirteenth batch (red team): type switches and
// assertions on struct pointers, func-valued fields, methods on map
// elements, interface values holding pointers, fmt of error slices.

var _ = reg(A13TypeSwitchPtr, A13FuncField, A13MapElemMethod, A13IfacePtrMutate, A13ErrorSliceFmt, A13SortByKeyFunc,
	A13StructEqualAny, A13ClosureCounterStruct)

func A13TypeSwitchPtr(a int) []int {
	p := &a7pt{X: a}
	var x any = p
	switch v := x.(type) {
	case *a7pt:
		v.X = 5
	}
	q := x.(*a7pt)
	q.Y = 6
	var y any = *p
	switch v := y.(type) {
	case a7pt:
		v.X = 7
	}
	return []int{p.X, p.Y, y.(a7pt).X}
}

type a13ops struct {
	name string
	f    func(int) int
}

func A13FuncField(n int) []int {
	k := 1
	ops := []a13ops{{"inc", func(x int) int { return x + k }}, {"dbl", func(x int) int { return x * 2 }}}
	k = 10
	var out []int
	for _, o := range ops {
		out = append(out, o.f(n))
	}
	m := map[string]a13ops{"a": ops[0]}
	return append(out, m["a"].f(1), len(m["a"].name))
}

func A13MapElemMethod(a int) []int {
	m := map[string]a7pt{"k": {X: a, Y: 1}}
	r := m["k"].tryBump()
	d := m["k"].describe()
	b := m["k"].bumped()
	return []int{r, d, b.X, m["k"].X, m["k"].Y}
}

type a13counter interface{ incr() int }

type a13c struct{ n int }

func (c *a13c) incr() int { c.n++; return c.n }

func A13IfacePtrMutate(k uint8) []int {
	c := &a13c{}
	var i a13counter = c
	for range int(k % 5) {
		i.incr()
	}
	cs := []a13counter{c, &a13c{n: 10}}
	for _, x := range cs {
		x.incr()
	}
	return []int{c.n, cs[1].incr()}
}

func A13ErrorSliceFmt(s string) []string {
	errs := []error{nil, errors.New(s), fmt.Errorf("w: %w", errors.New("in"))}
	var nilErrs []error
	return []string{fmt.Sprint(errs), fmt.Sprintf("%v|%s|%q", errs, errs[1:], errs[1]), fmt.Sprint(nilErrs, len(errs))}
}

func A13SortByKeyFunc(xs []string) []string {
	ys := append([]string(nil), xs...)
	key := func(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
	sort.SliceStable(ys, func(i, j int) bool { return key(ys[i]) < key(ys[j]) })
	return ys
}

type a13kv struct {
	K string
	V any
}

func A13StructEqualAny(s string) []bool {
	a := a13kv{s, "x"}
	b := a13kv{s, "x"}
	c := a13kv{s, nil}
	d := a13kv{s, []any(nil) == nil}
	return []bool{a == b, a == c, c == a13kv{K: s}, d.V == true}
}

func A13ClosureCounterStruct(n uint8) []int {
	st := a7pt{}
	inc := func() { st.X++ }
	get := func() a7pt { return st }
	snap := get()
	for range int(n % 4) {
		inc()
	}
	later := get()
	later.Y = 9
	return []int{snap.X, later.X, st.X, st.Y}
}
