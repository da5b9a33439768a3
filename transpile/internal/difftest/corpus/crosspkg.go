package corpus

import (
	"fmt"

	"github.com/gogears/gogears/transpile/internal/difftest/corpus/shapes"
)

// Calls into another package of the module (docs/subset.md, "Functions").
var _ = reg(CrossFunc, CrossMethods, CrossGeneric, CrossConst, CrossStringer)

func CrossFunc(w, h int8) int { return shapes.NewRect(int(w), int(h)).Area() }

func CrossMethods(w, h, k int8) string {
	r := shapes.NewRect(int(w), int(h))
	r.Scale(int(k))
	c := r
	c.Scale(2)
	return fmt.Sprint(r.Area(), c.Area(), r.Name, c.W)
}

func CrossGeneric(a, b int, s string) string {
	return fmt.Sprint(shapes.Count([]int{a, b, a}, a), shapes.Count([]string{s, "x"}, "x"))
}

func CrossConst(mm int) int { return shapes.Sides*shapes.Cm.In(mm) + shapes.Mm.In(mm) }

func CrossStringer(w, h int8) string {
	r := shapes.NewRect(int(w), int(h))
	return fmt.Sprintf("%v %s %d", r, &r, shapes.Sides)
}
