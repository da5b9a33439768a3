package corpus

import (
	"slices"
	"strconv"
	"strings"
)

// Method values x.M and method expressions T.M.
var _ = reg(MethodValueCopiesNow, MethodValuePointer, MethodValueEachCallCopies, MethodValueAsArg,
	MethodExprValue, MethodExprPointer, MethodValueNamed, MethodValueGeneric, MethodValuePromotedPtr,
	MethodValueStored)

type mvCounter struct {
	N    int
	Tags []string
}

func (c mvCounter) Show() string          { return strconv.Itoa(c.N) + ":" + strings.Join(c.Tags, ",") }
func (c mvCounter) Bump() int             { c.N++; return c.N }
func (c *mvCounter) Add(d int) int        { c.N += d; return c.N }
func (c mvCounter) Less(o mvCounter) bool { return c.N < o.N }

// MethodValueCopiesNow: a value receiver is copied when the method value
// is made; later changes to the variable do not show.
func MethodValueCopiesNow(n int8) []string {
	c := mvCounter{N: int(n)}
	show := c.Show
	c.N += 100
	c.Tags = append(c.Tags, "late")
	return []string{show(), c.Show()}
}

// MethodValuePointer: a pointer receiver sees every change.
func MethodValuePointer(n int8) []int {
	c := &mvCounter{N: int(n)}
	add := c.Add
	add(1)
	c.N *= 2
	return []int{add(3), c.N}
}

// MethodValueEachCallCopies: a method that changes its value receiver
// starts from the same copy every call.
func MethodValueEachCallCopies(n int8) []int {
	c := mvCounter{N: int(n)}
	bump := c.Bump
	return []int{bump(), bump(), c.N}
}

func MethodValueAsArg(xs []int8) []int {
	var cs []mvCounter
	for _, x := range xs {
		cs = append(cs, mvCounter{N: int(x)})
	}
	byN := func(a, b mvCounter) int {
		if a.Less(b) {
			return -1
		}
		if b.Less(a) {
			return 1
		}
		return 0
	}
	slices.SortStableFunc(cs, byN)
	var out []int
	for _, c := range cs {
		out = append(out, c.N)
	}
	return out
}

func MethodExprValue(n int8) []string {
	show := mvCounter.Show
	bump := mvCounter.Bump
	c := mvCounter{N: int(n), Tags: []string{"a"}}
	return []string{show(c), strconv.Itoa(bump(c)), show(c)}
}

func MethodExprPointer(n int8) []int {
	add := (*mvCounter).Add
	show := (*mvCounter).Show
	c := &mvCounter{N: int(n)}
	return []int{add(c, 2), add(c, 3), len(show(c))}
}

type mvCelsius float64

func (t mvCelsius) Fahrenheit() float64 { return float64(t)*9/5 + 32 }

func MethodValueNamed(t float64) []float64 {
	c := mvCelsius(t)
	f := c.Fahrenheit
	c = 0
	return []float64{f(), c.Fahrenheit(), mvCelsius.Fahrenheit(mvCelsius(t / 2))}
}

type mvPair[T any] struct{ A, B T }

func (p mvPair[T]) First() T { return p.A }
func (p *mvPair[T]) Swap()   { p.A, p.B = p.B, p.A }

func MethodValueGeneric(a, b string) []string {
	p := &mvPair[string]{a, b}
	first, swap := p.First, p.Swap
	swap()
	return []string{first(), p.First(), mvPair[string].First(*p)}
}

type MvInner struct{ N int }

func (i *MvInner) Inc() int { i.N++; return i.N }

type mvOuter struct {
	*MvInner
	Name string
}

func MethodValuePromotedPtr(n int8) []int {
	o := mvOuter{MvInner: &MvInner{N: int(n)}, Name: "o"}
	inc := o.Inc
	inc()
	o.MvInner = &MvInner{N: 1000}
	return []int{inc(), o.N}
}

func MethodValueStored(xs []int8) []int {
	cs := make([]*mvCounter, len(xs))
	var adds []func(int) int
	for i, x := range xs {
		cs[i] = &mvCounter{N: int(x)}
		adds = append(adds, cs[i].Add)
	}
	var out []int
	for i, add := range adds {
		out = append(out, add(i), cs[i].N)
	}
	return out
}
