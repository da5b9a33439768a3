package corpus

import (
	"errors"
	"fmt"
	"strconv"
)

var _ = reg(RevGenStringerEmbedded, RevGenIfaceOuter, RevGenErrEmbedded, RevGenPtrEmbedValue)

type RTag[T rnum] struct{ V T }

func (t RTag[T]) String() string { return "tag" + strconv.Itoa(int(t.V+1)) }

type RTagged struct {
	RTag[int8]
	Name string
}

type RTaggedU struct {
	*RTag[uint8]
	Name string
}

func RevGenStringerEmbedded(x int8, y uint8) []string {
	a := RTagged{RTag[int8]{x}, "a"}
	b := RTaggedU{&RTag[uint8]{y}, "b"}
	return []string{fmt.Sprint(a), fmt.Sprint(b), fmt.Sprint([]RTagged{a}), fmt.Sprint([]RTaggedU{b}), fmt.Sprintf("%v|%s", map[string]RTagged{"k": a}, []any{a, b})}
}

type rStr interface{ String() string }

type rGO[T rnum] struct {
	RTag[T]
	K int
}

func RevGenIfaceOuter(x int8, y uint8) []string {
	var a rStr = rGO[int8]{RTag[int8]{x}, 1}
	var b rStr = &rGO[uint8]{RTag[uint8]{y}, 2}
	return []string{a.String(), b.String(), fmt.Sprint(a, b)}
}

type RGErr[T rnum] struct{ Code T }

func (e *RGErr[T]) Error() string { return "code " + strconv.Itoa(int(e.Code*2)) }

type rWrapErr struct {
	*RGErr[int8]
	Op string
}

func RevGenErrEmbedded(x int8) []any {
	inner := &RGErr[int8]{x}
	var err error = rWrapErr{inner, "op"}
	var err2 error = rWrapErr{inner, "op"}
	w := fmt.Errorf("w: %w", err)
	return []any{err.Error(), w.Error(), errors.Is(w, err2), errors.Is(w, err), fmt.Sprint(err)}
}

func rPtrEmbed[T rnum](v T) []T {
	o := RTaggedG[T]{&RBox[T]{V: v}}
	f := o.Inc
	o.V += 5
	g := o.Add
	g(1)
	return []T{f(), o.Inc(), o.RBox.V}
}

type RTaggedG[T rnum] struct{ *RBox[T] }

func RevGenPtrEmbedValue(x int8, y uint8) []int64 {
	a := rPtrEmbed(x)
	b := rPtrEmbed(y)
	return []int64{int64(a[0]), int64(a[1]), int64(a[2]), int64(b[0]), int64(b[1]), int64(b[2])}
}

type RBox[T rnum] struct{ V T }

func (b RBox[T]) Inc() T     { return b.V + 1 }
func (b *RBox[T]) Add(d T) T { b.V += d; return b.V }
