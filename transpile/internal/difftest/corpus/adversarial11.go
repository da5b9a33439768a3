package corpus

import (
	"encoding/json"
	"fmt"
	"strconv"
)

// Adversarial cases, eleventh batch (red team): pointers to elements and
// fields that are later overwritten as a whole, json map keys and
// existing targets.

var _ = reg(A11JSONIntKeyForms, A11JSONIntoExisting, A11JSONBytesField,
	A11StructFieldAssignAlias, A11SliceElemAssignAlias,
	A11JSONFieldErrors)

func A11JSONIntKeyForms(k uint8) []string {
	var out []string
	for _, src := range []string{`{"1_0": "a"}`, `{" 2": "b"}`, `{"+3": "c"}`, `{"04": "d"}`, `{"-0": "e"}`, `{"1e2": "f"}`, `{"300": "g"}`, `{"٣": "h"}`} {
		var m map[int8]string
		err := json.Unmarshal([]byte(src), &m)
		out = append(out, fmt.Sprint(m, err))
	}
	return append(out, strconv.Itoa(int(k)))
}

func A11JSONIntoExisting(n uint8) []string {
	xs := []int{1, 2, 3}
	err := json.Unmarshal([]byte(`[9]`), &xs)
	m := map[string]a7pt{"a": {X: 1, Y: 2}}
	err2 := json.Unmarshal([]byte(`{"a": {"X": 5}, "b": {"Y": 7}}`), &m)
	var p *a7pt
	err3 := json.Unmarshal([]byte(`{"X": 3}`), &p)
	s := "keep"
	err4 := json.Unmarshal([]byte(`null`), &s)
	return []string{fmt.Sprint(xs, err), fmt.Sprint(m["a"].X, m["a"].Y, m["b"].Y, err2), fmt.Sprint(p != nil && p.X == 3, err3), s + fmt.Sprint(err4, n)}
}

type a11bytes struct {
	B []byte
	S string
}

func A11JSONBytesField(s string) []string {
	var v a11bytes
	err := json.Unmarshal([]byte(`{"B": "aGk=", "S": "x"}`), &v)
	var w a11bytes
	err2 := json.Unmarshal([]byte(`{"B": "not base64!"}`), &w)
	b, _ := json.Marshal(a11bytes{B: []byte(s), S: s})
	return []string{string(v.B), fmt.Sprint(err), fmt.Sprint(w.B == nil, err2 != nil), string(b)}
}

func A11StructFieldAssignAlias(a int) []int {
	o := advOuter{In: advInner{1, 2}}
	in := advInner{a, a}
	o.In = in
	in.A = 50
	q := &o
	r := q.In
	r.B = 60
	o.In.B = 70
	return []int{o.In.A, o.In.B, in.A, r.B, q.In.B}
}

func A11SliceElemAssignAlias(a int) []int {
	s := []a7pt{{}, {}}
	v := a7pt{X: a}
	s[0] = v
	s[1] = s[0]
	s[1].Y = 3
	v.X = 9
	t := []a7pt{v}
	s[0] = t[0]
	t[0].Y = 4
	return []int{s[0].X, s[0].Y, s[1].X, s[1].Y, t[0].Y}
}

type a11deep struct {
	In   advInner         `json:"in"`
	M    map[string]int   `json:"m"`
	L    []advInner       `json:"l"`
	Anon struct{ Z bool } `json:"anon"`
	MS   map[string]a11bytes
}

func A11JSONFieldErrors(k uint8) []string {
	var out []string
	for _, src := range []string{`{"in": {"A": 1.5}}`, `{"in": {"B": "x"}}`, `{"m": {"k": "v"}}`, `{"l": [{"A": 1}, {"B": true}]}`, `{"anon": {"Z": 1}}`, `{"MS": {"q": {"S": 5}}}`, `{"in": []}`, `{"m": {"k": 1e400}}`, `{"in": {"A": 99999999999999999999}}`} {
		var d a11deep
		err := json.Unmarshal([]byte(src), &d)
		out = append(out, fmt.Sprint(err))
	}
	for _, src := range []string{`[1, "x"]`, `[[1], [2, true]]`, `{"a": [1, {}]}`} {
		var xs []int
		var xxs [][]int
		var m map[string][]int
		e1 := json.Unmarshal([]byte(src), &xs)
		e2 := json.Unmarshal([]byte(src), &xxs)
		e3 := json.Unmarshal([]byte(src), &m)
		out = append(out, fmt.Sprint(e1), fmt.Sprint(e2), fmt.Sprint(e3))
	}
	return append(out, strconv.Itoa(int(k)))
}
