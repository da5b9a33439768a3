package corpus

import (
	"errors"
	"fmt"
	"strings"
)

var _ = reg(StructCopyOnAssign, StructPassByValue, StructPointerMutation, StructMethods, StructNestedCopy,
	StructEquality, StructRangeCopy, StructSliceOfPtrs, StructAnon, StructZero, StructMapKey, StructReturnCopy,
	StructErrorType, StructInterfaceDispatch, StructNewPtr)

type pair struct {
	A int
	B string
}

type box struct {
	P    pair
	Tags []string
	Ptr  *pair
}

func StructCopyOnAssign(a int, s string) []pair {
	p := pair{a, s}
	q := p
	q.A++
	q.B += "!"
	return []pair{p, q}
}
func bump(p pair) pair { p.A *= 2; return p }
func StructPassByValue(a int) []int {
	p := pair{A: a}
	r := bump(p)
	return []int{p.A, r.A}
}
func bumpPtr(p *pair) { p.A += 10 }
func StructPointerMutation(a int) int {
	p := &pair{A: a}
	bumpPtr(p)
	q := pair{A: a}
	bumpPtr(&q)
	return p.A + q.A
}

func (p pair) Sum() int      { return p.A + len(p.B) }
func (p *pair) Grow(n int)   { p.A += n; p.B += "+" }
func (p pair) Renamed() pair { p.B = "renamed"; return p }
func StructMethods(a int, s string) []any {
	p := pair{a, s}
	p.Grow(3)
	r := p.Renamed()
	return []any{p.Sum(), p.B, r.B, p.B}
}
func StructNestedCopy(a int) []any {
	b := box{P: pair{A: a}, Tags: []string{"x"}}
	c := b
	c.P.A = -1
	c.Tags = append(c.Tags, "y")
	return []any{b.P.A, c.P.A, len(b.Tags), len(c.Tags)}
}
func StructEquality(a, b int) []bool {
	p, q := pair{a, "x"}, pair{b, "x"}
	return []bool{p == q, p != q, p == pair{a, "x"}}
}
func StructRangeCopy(xs []int) []int {
	ps := make([]pair, len(xs))
	for i, x := range xs {
		ps[i] = pair{A: x}
	}
	for _, p := range ps {
		p.A = 0
	}
	out := make([]int, 0, len(ps))
	for i := range ps {
		ps[i].A++
		out = append(out, ps[i].A)
	}
	return out
}
func StructSliceOfPtrs(xs []int) []int {
	var ps []*pair
	for _, x := range xs {
		ps = append(ps, &pair{A: x})
	}
	for _, p := range ps {
		p.A *= 3
	}
	var out []int
	for _, p := range ps {
		out = append(out, p.A)
	}
	return out
}
func StructAnon(a int) string {
	v := struct {
		N    int
		Name string
	}{a, "anon"}
	v.N++
	return fmt.Sprint(v.N) + v.Name
}
func StructZero() []any {
	var b box
	return []any{b.P.A, b.P.B, b.Tags == nil, b.Ptr == nil}
}
func StructMapKey(xs []int) int {
	seen := map[pair]bool{}
	for _, x := range xs {
		seen[pair{A: x % 3, B: "k"}] = true
	}
	return len(seen)
}
func makePair(a int) pair { return pair{A: a, B: strings.Repeat("z", a%4)} }
func StructReturnCopy(a int) []pair {
	p := makePair(a)
	ps := []pair{p, p}
	ps[0].A = 0
	return append(ps, p)
}

type notFound struct{ Key string }

func (e *notFound) Error() string { return "not found: " + e.Key }

func lookup(m map[string]int, k string) (int, error) {
	v, ok := m[k]
	if !ok {
		return 0, &notFound{k}
	}
	return v, nil
}
func StructErrorType(m map[string]int, k string) []any {
	v, err := lookup(m, k)
	if err != nil {
		return []any{v, err.Error(), fmt.Sprint(err)}
	}
	return []any{v, nil, ""}
}

type shape interface {
	Area() int
	Name() string
}
type rect struct{ W, H int }
type square struct{ S int }

func (r rect) Area() int       { return r.W * r.H }
func (r rect) Name() string    { return "rect" }
func (s *square) Area() int    { return s.S * s.S }
func (s *square) Name() string { return "square" }

func StructInterfaceDispatch(a, b int) []any {
	shapes := []shape{rect{a, b}, &square{a}}
	var out []any
	for _, s := range shapes {
		out = append(out, s.Name(), s.Area())
	}
	return out
}
func StructNewPtr(a int) int {
	p := new(pair)
	p.A = a
	return p.A * 2
}

var errSentinel = errors.New("sentinel")

func findSentinel(k string) error {
	if k == "" {
		return errSentinel
	}
	return fmt.Errorf("wrap %q: %w", k, errSentinel)
}

var _ = reg(ErrorSentinel, ErrorNilCheck)

func ErrorSentinel(k string) []any {
	err := findSentinel(k)
	return []any{err == errSentinel, errors.Is(err, errSentinel), err.Error()}
}
func ErrorNilCheck(s string) string {
	var err error
	if len(s) > 3 {
		err = errors.New("too long: " + s)
	}
	if err != nil {
		return err.Error()
	}
	return "fine"
}
