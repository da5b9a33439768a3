package corpus

import (
	"strconv"
)

var _ = reg(RevRecvReturnField, RevRecvMethodValueField, RevCompositeBindMethod)

type rHolder2 struct {
	In rInner
	Xs []int
}

func (h rHolder2) Inner() rInner { return h.In }
func (h rHolder2) Show() string {
	h.In.Bump()
	return strconv.Itoa(h.In.N)
}

type rGetter interface {
	Inner() rInner
	Show() string
}

func RevRecvReturnField(n int) []int {
	h := rHolder2{In: rInner{n}}
	var g rGetter = h
	x := g.Inner()
	x.N = 99
	y := g.Inner()
	return []int{x.N, y.N, h.In.N}
}

func RevRecvMethodValueField(n int) []string {
	h := rHolder2{In: rInner{n}}
	var g rGetter = h
	return []string{g.Show(), g.Show(), strconv.Itoa(h.In.N)}
}

type rNode struct {
	In  rInner
	Sub []rInner
}

func (r rNode) Touch() int {
	for i := range r.Sub {
		r.Sub[i].Bump()
	}
	return r.In.N
}

type rToucher interface{ Touch() int }

func RevCompositeBindMethod(n int) []int {
	x := rNode{In: rInner{n}, Sub: []rInner{{1}}}
	var t rToucher = x
	t.Touch()
	return []int{x.Sub[0].N, t.Touch()}
}
