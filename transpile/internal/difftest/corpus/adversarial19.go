package corpus

import (
	"errors"
	"strconv"
)

// Adversarial cases, nineteenth batch (red team): loops whose counters
// wrap, unsigned reverse loops, op-assign through a struct pointer in a
// map of pointers.

var _ = reg(A19UnsignedReverse, A19Int8CounterWrap, A19MapPtrOpAssign,
	A19ConstructorError)

func A19UnsignedReverse(xs []int) []int {
	var out []int
	for i := uint(len(xs)) - 1; i < uint(len(xs)); i-- {
		out = append(out, xs[i])
	}
	var n uint8
	for n = 250; n >= 250; n += 3 {
		out = append(out, int(n))
	}
	return append(out, int(n))
}

func A19Int8CounterWrap(k uint8) []int {
	var out []int
	steps := 0
	for i := int8(120); steps < 20; i += int8(k%7) + 1 {
		out = append(out, int(i))
		steps++
		if i < 0 {
			break
		}
	}
	return out
}

func A19MapPtrOpAssign(keys []string) []int {
	m := map[string]*a8nums{}
	for _, k := range keys {
		if m[k] == nil {
			m[k] = &a8nums{}
		}
		m[k].I8 += 100
		m[k].U16--
		m[k].I32 <<= 3
		m[k].I32++
	}
	var out []int
	for _, k := range keys {
		out = append(out, int(m[k].I8), int(m[k].U16), int(m[k].I32))
	}
	return out
}

type a19err struct{ Code int }

func (e *a19err) Error() string { return "code " + strconv.Itoa(e.Code) }

func newA19(c int) *a19err {
	if c < 0 {
		return &a19err{-c}
	}
	return &a19err{c}
}

func a19check(n int) error {
	if n%2 == 0 {
		return nil
	}
	return newA19(n)
}

func A19ConstructorError(n int) []string {
	err := a19check(n)
	if err != nil {
		return []string{err.Error(), strconv.FormatBool(errors.Is(err, err))}
	}
	return []string{"ok"}
}
