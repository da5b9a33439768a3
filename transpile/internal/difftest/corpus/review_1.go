package corpus

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

var _ = reg(RevGenMethodExprInGeneric, RevGenEmbedPromote, RevGenEmbedIface, RevGenMethodValueInGeneric,
	RevGenEmbedInGeneric, RevFuncFieldUnwrap, RevAtoi, RevFieldsASCII, RevDurationUnexported,
	RevOneFieldStruct, RevKeywordFields, RevLabelHoist, RevGenPromotedValueInGeneric)

type rnum interface{ ~int8 | ~int64 | ~uint8 }

type rBox[T rnum] struct{ V T }

func (b rBox[T]) Inc() T     { return b.V + 1 }
func (b *rBox[T]) Add(d T) T { b.V += d; return b.V }
func (b rBox[T]) Twice() T   { return b.V * 2 }

type rOuter struct {
	rBox[int8]
	N int
}

type rIncer interface{ Inc() int8 }

func RevGenEmbedPromote(x int8) []int8 {
	var o rOuter
	o.V = x
	a := o.Inc()
	b := o.Add(100)
	f := o.Twice
	o.V = 3
	return []int8{a, b, f(), o.Twice()}
}

func RevGenEmbedIface(x int8) []int8 {
	o := rOuter{rBox: rBox[int8]{V: x}}
	var i rIncer = o
	var j rIncer = &o
	o.V = 1
	return []int8{i.Inc(), j.Inc()}
}

func rCallVal[T rnum](w rBox[T]) T {
	f := w.Inc
	w.V = 0
	return f()
}

func RevGenMethodValueInGeneric(x int8, y uint8) []int64 {
	return []int64{int64(rCallVal(rBox[int8]{x})), int64(rCallVal(rBox[uint8]{y}))}
}

type rGOuter[T rnum] struct {
	rBox[T]
	Tag string
}

func rUseOuter[T rnum](v T) []T {
	o := rGOuter[T]{Tag: "t"}
	o.V = v
	a := o.Inc()
	p := &o
	b := p.Add(v)
	return []T{a, b, o.Twice()}
}

func RevGenEmbedInGeneric(x int8, y uint8) []string {
	return []string{fmt.Sprint(rUseOuter(x)), fmt.Sprint(rUseOuter(y))}
}

func rPromVal[T rnum](v T) T {
	o := rGOuter[T]{}
	o.V = v
	f := o.Inc
	o.V = 0
	return f()
}

func RevGenPromotedValueInGeneric(x int8, y uint8) []int64 {
	return []int64{int64(rPromVal(x)), int64(rPromVal(y))}
}

type rFuncErr struct {
	Msg    string
	Unwrap func() error
}

func (e rFuncErr) Error() string { return e.Msg }

var rSentinel = errors.New("sentinel")

func RevFuncFieldUnwrap(s string) []any {
	var err error = rFuncErr{Msg: s, Unwrap: func() error { return rSentinel }}
	return []any{errors.Unwrap(err) == nil, errors.Is(err, rSentinel)}
}

func RevAtoi(s string) []any {
	out := []any{}
	for _, x := range []string{s, "+", "-", "+0", "-0", "007", "000000000000000000000000001", "123456789012345678", "-123456789012345678", "1234567890123456789", "9223372036854775807", "-9223372036854775808", "9223372036854775808", "+-1", "1_000", " 1", "1 ", "０", "+" + s, "-" + s} {
		v, err := strconv.Atoi(x)
		out = append(out, v, err != nil)
		if err != nil {
			out = append(out, err.Error())
		}
	}
	return out
}

func RevFieldsASCII(s string) []string {
	return strings.Fields(s + "\x1c a\x1fb\x85c\u0085d\x0be\x0cf\rg\x00h")
}

type rDur struct {
	D  time.Duration
	d  time.Duration
	Ds []time.Duration
	ds []time.Duration
}

func RevDurationUnexported(n int) string {
	x := rDur{D: time.Duration(n), d: time.Duration(n), Ds: []time.Duration{time.Duration(n)}, ds: []time.Duration{time.Second}}
	return fmt.Sprintf("%v|%+v", x, &x)
}

type rOne struct{ A []int }

func RevOneFieldStruct(n int) []any {
	a := rOne{[]int{n}}
	b := a
	b.A = append(b.A, 1)
	var c rOne
	return []any{len(a.A), len(b.A), c.A == nil, fmt.Sprint(a, b, c)}
}

type rKw struct {
	None   int
	class  string
	def    int
	__x    int
	_gg_y  int
	match  string
	Lambda bool
}

func RevKeywordFields(n int) string {
	k := rKw{n, "c", n + 1, n + 2, n + 3, "m", true}
	k2 := k
	k2.__x++
	k2._gg_y++
	return fmt.Sprintf("%v %+v %v", k, k2, k == k2)
}

type rCnt struct{ X int }

func rbump(p *rCnt) int { p.X++; return p.X }

func RevLabelHoist(n int8) []int {
	c := &rCnt{}
	var out []int
outer:
	for i := 0; rbump(c) < int(n)%10+5 && i < 20; i += rbump(c) % 3 {
		for j := 0; j < 3; j++ {
			if (i+j+c.X)%4 == 0 {
				continue outer
			}
			if c.X > 15 {
				break outer
			}
			out = append(out, i*10+j)
		}
	}
	return append(out, c.X)
}
func rCallExpr[T rnum](w rBox[T]) T {
	f := rBox[T].Inc
	g := (*rBox[T]).Add
	g(&w, 1)
	return f(w)
}

func RevGenMethodExprInGeneric(x int8, y uint8) []int64 {
	return []int64{int64(rCallExpr(rBox[int8]{x})), int64(rCallExpr(rBox[uint8]{y}))}
}
