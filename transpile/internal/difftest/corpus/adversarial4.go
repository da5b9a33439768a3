package corpus

import (
	"errors"
	"fmt"
	"strconv"
)

// Adversarial cases, fourth batch (red team): writes through subslices
// passed to builtins and standard functions, range over a slice that is
// appended to, := redeclaration, methods on named slices.

var _ = reg(AdvRangeAppendWrite, AdvErrShadowChain, AdvRedeclare,
	AdvSwapSamePointer, AdvNamedSliceMethod, AdvFmtFloat32Nested, AdvFmtBytesNested)

func AdvRangeAppendWrite(xs []int) []int {
	s := []int{1, 2, 3}
	s = append(s, xs...)
	var out []int
	for _, v := range s {
		s = append(s, v)
		out = append(out, v)
	}
	for i, v := range s {
		s[i] = v + 1
		out = append(out, v)
	}
	return append(out, len(s))
}

func parsePos(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, err
	}
	if n < 0 {
		return 0, errors.New("negative")
	}
	return n, nil
}

func AdvErrShadowChain(a, b string) []string {
	var out []string
	if x, err := parsePos(a); err != nil {
		out = append(out, "a:"+err.Error())
	} else if y, err := parsePos(b); err != nil {
		out = append(out, "b:"+err.Error()+strconv.Itoa(x))
	} else {
		out = append(out, strconv.Itoa(x+y))
	}
	return out
}

func AdvRedeclare(a string) []string {
	x, err := parsePos(a)
	f := func() string {
		if err != nil {
			return err.Error()
		}
		return "ok"
	}
	y, err := parsePos(a + "0")
	r := []string{f(), strconv.Itoa(x + y)}
	{
		z, err := parsePos("-" + a)
		r = append(r, strconv.Itoa(z), f())
		_ = err
	}
	return append(r, f())
}

func AdvSwapSamePointer(a, b int) []int {
	p := &advInner{a, b}
	q := p
	p.A, q.B = q.B, p.A
	r := &advInner{1, 2}
	p.A, r.A = r.A, p.A
	return []int{p.A, p.B, q.A, q.B, r.A}
}

type advInts []int

func (s advInts) sum() int {
	t := 0
	for _, v := range s {
		t += v
	}
	return t
}

func (s advInts) double() advInts {
	out := make(advInts, len(s))
	for i, v := range s {
		out[i] = v * 2
	}
	return out
}

func AdvNamedSliceMethod(xs []int) []int {
	s := advInts(xs)
	return []int{s.sum(), s.double().sum(), len(s.double())}
}

func AdvFmtFloat32Nested(f float64) []string {
	x := float32(f)
	p := advF32{F: x, Fs: []float32{x, 0.1}, M: map[string]float32{"k": x}}
	return []string{fmt.Sprint(p), fmt.Sprintf("%v|%.3v|%+v", []float32{x, 0.1}, []float32{x}, p), fmt.Sprint(map[string]float32{"a": x}), fmt.Sprint([][]float32{{x}})}
}

func AdvFmtBytesNested(s string) []string {
	p := advF32{B: [][]byte{[]byte(s), nil}}
	type bs struct{ B []byte }
	q := bs{[]byte(s)}
	f := "%v|%s|%x|%q"
	return []string{fmt.Sprint(p), fmt.Sprintf(f, q, q, q, q), fmt.Sprintf("%s|%v", [][]byte{[]byte(s)}, [][]byte{[]byte(s)})}
}
