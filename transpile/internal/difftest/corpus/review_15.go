package corpus

import (
	"fmt"
	"strconv"
)

var _ = reg(RevLocalTypesSameName)

type RVS1 struct{ N int }

func (v RVS1) String() string { return "one" + strconv.Itoa(v.N) }

type RVS2 struct{ N int }

func (v RVS2) String() string { return "two" + strconv.Itoa(v.N) }

func rLocalA(n int) string {
	type T struct {
		RVS1
		K int
	}
	return fmt.Sprint(T{RVS1{n}, 1}, []T{{RVS1{n}, 2}})
}

func rLocalB(n int) string {
	type T struct {
		RVS2
		K int
	}
	return fmt.Sprint(T{RVS2{n}, 1}, []T{{RVS2{n}, 2}})
}

func RevLocalTypesSameName(n int) []string {
	return []string{rLocalA(n), rLocalB(n)}
}
