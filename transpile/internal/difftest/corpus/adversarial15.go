package corpus

import (
	"fmt"
)

// Adversarial cases, fifteenth batch (red team): fmt on fields whose
// String or Error method Go does not call (unexported fields), widths
// applied per element, hex of composite values.

var _ = reg(A15UnexportedStringer, A15ExportedStringer, A15WidthComposite, A15HexComposite,
	A15PtrStringerNested,
	A15MixedReceivers)

type a15hidden struct {
	l label
	e codeErr
	N int
}

type a15shown struct {
	L label
	E codeErr
	N int
}

func A15UnexportedStringer(s string) []string {
	h := a15hidden{label{s}, codeErr{5}, 1}
	f := "%v|%+v|%s"
	return []string{fmt.Sprint(h), fmt.Sprintf(f, h, h, []a15hidden{h})}
}

func A15ExportedStringer(s string) []string {
	v := a15shown{label{s}, codeErr{5}, 1}
	f := "%v|%+v|%d"
	return []string{fmt.Sprint(v), fmt.Sprintf(f, v, v, v), fmt.Sprint(map[string]label{"k": {s}}), fmt.Sprint([]codeErr{{1}})}
}

func A15WidthComposite(n int) []string {
	p := advInner{n, -n}
	return []string{fmt.Sprintf("[%5v][%-5v][%05v]", p, p, p), fmt.Sprintf("[%4v]", map[string]int{"a": n}), fmt.Sprintf("[%+4v]", p), fmt.Sprintf("[%6.2v]", []float64{1.5, float64(n)})}
}

func A15HexComposite(s string) []string {
	p := advInner{255, -16}
	fq := "%q"
	return []string{fmt.Sprintf("%x|%X|%#x", p, p, p), fmt.Sprintf("%x|% x|%#x|%# X", []string{s, "ab"}, []byte(s), []byte(s), []byte(s)), fmt.Sprintf("%x", map[string]int{s: 255}), fmt.Sprintf(fq, map[string]int{s: 1})}
}

func A15PtrStringerNested(f float64) []string {
	t := &temp{f}
	vals := []temp{{f}, {1}}
	m := map[string]temp{"k": {f}}
	type wrap struct{ T temp }
	return []string{fmt.Sprint(t), fmt.Sprint(vals), fmt.Sprint(m), fmt.Sprint(wrap{temp{f}}), fmt.Sprint([]*temp{t})}
}

type a15mixed struct{ N int }

func (m a15mixed) String() string   { return "str" }
func (m *a15mixed) Error() string   { return "err" }
func (m *a15mixed) bumpN() a15mixed { m.N++; return *m }

func A15MixedReceivers(n int) []string {
	v := a15mixed{n}
	p := &a15mixed{n}
	var e error = p
	return []string{fmt.Sprint([]a15mixed{v}), fmt.Sprint([]*a15mixed{p}), fmt.Sprint(map[string]a15mixed{"k": v}), e.Error(), fmt.Sprint(e), fmt.Sprint(p.bumpN().N), fmt.Sprint([]label{{"x"}})}
}
