package corpus

import (
	"fmt"
	"strconv"
)

var _ = reg(RevPtrOnlyEmbed)

type RPInner struct{ N int }

func (i *RPInner) String() string { return "P" + strconv.Itoa(i.N) }

type rPO struct {
	*RPInner
	K int
}

type rVO struct {
	RPInner
	K int
}

type rNest struct {
	A rVO
	B *rVO
	C rPO
	D []rVO
	E []*rVO
	F map[string]rVO
}

func RevPtrOnlyEmbed(n int) []string {
	p := rPO{&RPInner{n}, 1}
	v := rVO{RPInner{n}, 2}
	nest := rNest{v, &v, p, []rVO{v}, []*rVO{&v}, map[string]rVO{"a": v}}
	return []string{fmt.Sprint(p), fmt.Sprint(&v), fmt.Sprint([]rPO{p}), fmt.Sprint([]rVO{v}), fmt.Sprint([]*rVO{&v}),
		fmt.Sprintf("%v", nest), fmt.Sprintf("%+v", []any{p, &v}), fmt.Sprint(&nest)}
}
