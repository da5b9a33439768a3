package corpus

import (
	"fmt"
	"strconv"
)

var _ = reg(RevRecvFieldMethod, RevRecvFieldMethodFmt)

type rInner struct{ N int }

func (i *rInner) Bump() { i.N++ }

type rHolder struct{ In rInner }

func (h rHolder) Show() string { h.In.Bump(); return strconv.Itoa(h.In.N) }

func (h rHolder) String() string { h.In.Bump(); return "H" + strconv.Itoa(h.In.N) }

type rShower interface{ Show() string }

func RevRecvFieldMethod(n int) []string {
	h := rHolder{rInner{n}}
	var s rShower = h
	a := s.Show()
	b := s.Show()
	return []string{a, b, strconv.Itoa(h.In.N)}
}

func RevRecvFieldMethodFmt(n int) []string {
	h := rHolder{rInner{n}}
	a := fmt.Sprint(h)
	b := fmt.Sprint(h)
	hs := []rHolder{h}
	c := fmt.Sprint(hs)
	d := fmt.Sprint(hs)
	return []string{a, b, c, d, strconv.Itoa(h.In.N), strconv.Itoa(hs[0].In.N)}
}
