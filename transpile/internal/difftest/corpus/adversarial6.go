package corpus

import "errors"

// Adversarial cases, sixth batch (red team): pointer identity.

var _ = reg(AdvPointerEquality, AdvErrorsIsPointer, AdvStructPointerFieldEq, AdvParallelStructCopy)

func AdvPointerEquality(a int) []bool {
	p := &advInner{a, 2}
	q := &advInner{a, 2}
	r := p
	return []bool{p == q, p == r, p != q, *p == *q}
}

type advErr struct{ Code int }

func (e *advErr) Error() string { return "code" }

func AdvErrorsIsPointer(a int) []bool {
	var e1 error = &advErr{a}
	var e2 error = &advErr{a}
	return []bool{errors.Is(e1, e2), errors.Is(e1, e1)}
}

type advLink struct {
	P *advInner
	N int
}

func AdvStructPointerFieldEq(a int) []bool {
	x := advLink{&advInner{a, 1}, 1}
	y := advLink{&advInner{a, 1}, 1}
	z := x
	m := map[advLink]int{x: 1}
	m[y] = 2
	return []bool{x == y, x == z, len(m) == 2, m[z] == 1}
}

func AdvParallelStructCopy(a int) []int {
	p := advInner{a, 1}
	q := advInner{2, 3}
	x, y := p, p
	x.A = 50
	p, q = q, p
	p.B = 70
	f := func() advInner { return q }
	r := f()
	r.A = 90
	m := map[string]int{"k": 1}
	m["k"] += len(m)
	s := []int{1, 2}
	s[len(s)-1]++
	return []int{x.A, y.A, p.B, q.B, q.A, r.A, m["k"], s[1]}
}
